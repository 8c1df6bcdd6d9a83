"""What a cold build does to keep its memory down while page templates are rendered on the
second core (#22): memos saved and dropped from memory once the build is past them, the page
writer's memo kept in a spool file, idle Word workers ended as soon as their files are written.
Whatever is dropped, nothing is lost: a value asked for later is read back, and what is saved
is what a build that kept everything in memory would have saved.

The site itself (byte for byte the same with these steps as without) is checked by the
builds of tests/test_pages_ahead.py and tests/test_layout.py (PORTAL_PATCHES=off)."""

from __future__ import annotations

import pickle
import time
from pathlib import Path

import pytest

from macros.build import cache as buildcache
from macros.build import session
from macros.documents.docx_cache import build_documents
from macros.plans.plan_docx import plan_docx


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    """A build session of its own whose memos persist in a fresh cache directory."""
    monkeypatch.setattr(session, "_session", session.Session(command=session.BUILD))
    buildcache.configure(tmp_path / "cache")
    return tmp_path / "cache"


def _saved(directory: Path, name: str) -> dict:
    (path,) = directory.glob(f"{name}-*.pickle")
    with path.open("rb") as f:
        return pickle.load(f)


def _restart(directory: Path) -> None:
    """A new build process: a new session, the cache directory on disk."""
    session.start(session.BUILD)
    buildcache.configure(directory)


VALUES = {f"k{i}": ("页面" * i, [{"title": f"第{i}节"}]) for i in range(6)}


@pytest.mark.parametrize("compress", [False, True])
def test_a_spooled_memo_answers_and_saves_exactly_what_one_in_memory_does(cache_dir, tmp_path, compress):
    spooled = buildcache.memo("pages-spooled", compress=compress)
    plain = buildcache.memo("pages-plain", compress=compress)
    spooled.put("k0", VALUES["k0"])  # before spooling: kept in memory as before
    plain.put("k0", VALUES["k0"])
    spooled.spool(cache_dir)
    for key, value in list(VALUES.items())[1:]:
        spooled.put(key, value)
        plain.put(key, value)
    assert sum(isinstance(v, bytes) for v in spooled.entries.values()) == 1, "the bytes of later entries are on disk"
    assert {k: spooled.get(k) for k in VALUES} == VALUES
    blob = plain.pack(VALUES["k5"])
    spooled.put_packed("k6", blob)  # as a worker's result arrives
    assert spooled.get("k6") == VALUES["k5"]
    buildcache.save_all()
    got, want = _saved(cache_dir, "pages-spooled"), _saved(cache_dir, "pages-plain")
    assert all(isinstance(v, bytes) for v in got.values())
    assert {k: v for k, v in got.items() if k != "k6"} == want and got["k6"] == blob
    _restart(cache_dir)
    again = buildcache.memo("pages-spooled", compress=compress)
    assert {k: again.get(k) for k in VALUES} == VALUES


def test_a_released_memo_is_on_disk_and_read_back_when_asked_again(cache_dir):
    memo = buildcache.memo("yaml-like")
    for key, value in VALUES.items():
        memo.put(key, value)
    unused = buildcache.memo("unused-this-build")
    kept = buildcache.memo("page-output", compress=True)
    kept.put("page", VALUES["k1"])
    buildcache.release_all(keep=("page-output",))
    assert memo.entries == {} and memo.used == {} and unused.entries == {}
    assert kept.get("page") == VALUES["k1"], "the memo named in keep stays in memory"
    assert _saved(cache_dir, "yaml-like").keys() == VALUES.keys()
    assert not list(cache_dir.glob("unused-this-build-*")), "a memo this build did not use is not written"
    # Asked after all (a step after the pages): read back, and saved whole at the end of the build.
    assert memo.get("k3") == VALUES["k3"]
    memo.put("new", "后来加的")
    buildcache.save_all()
    assert _saved(cache_dir, "yaml-like").keys() == {*VALUES, "new"}
    _restart(cache_dir)
    assert buildcache.memo("yaml-like").get("new") == "后来加的"


def test_a_released_memo_nobody_asks_again_keeps_its_file_as_it_was(cache_dir):
    memo = buildcache.memo("school-like")
    memo.put("a", 1)
    buildcache.save_all()
    _restart(cache_dir)
    memo = buildcache.memo("school-like")
    assert memo.get("a") == 1
    buildcache.release_all()
    buildcache.save_all()  # the end of the build: nothing more to write
    assert _saved(cache_dir, "school-like") == {"a": pickle.dumps(1, protocol=pickle.HIGHEST_PROTOCOL)}


def _plans(n: int) -> dict[str, dict]:
    import yaml

    root = Path(__file__).resolve().parent.parent
    sample = yaml.safe_load((root / "data/schools/xinghe-primary.yml").read_text(encoding="utf-8"))
    return {f"schools/s{i}.docx": {**sample, "name": f"示例学校{i}"} for i in range(n)}


def test_word_workers_end_once_their_files_are_written_without_waiting_before(tmp_path, monkeypatch):
    monkeypatch.setattr(session, "_session", session.Session(command=session.BUILD))
    batch = build_documents(_plans(8), plan_docx, tmp_path, "v1", workers=2, background=True)
    assert batch.pending
    pool = batch._pending[0]
    started = time.monotonic()
    batch.reap()  # asked at once: the files are not all written yet, and reap() does not wait
    assert time.monotonic() - started < 0.5
    deadline = time.monotonic() + 60
    while not batch.reap():
        assert time.monotonic() < deadline, "the Word workers never finished"
        time.sleep(0.05)
    assert not batch.pending and pool._executor is None, "the workers are gone"
    assert sorted(p.name for p in tmp_path.glob("*.docx")) == sorted(p.name for p in batch.files.values())
    batch.wait()  # the build's own wait afterwards: nothing left to do


def _fail(plan: dict) -> bytes:
    raise ValueError(f"无法生成 {plan['name']}")


def test_a_failed_word_worker_is_reported_where_the_build_waits_not_where_it_reaps(tmp_path, monkeypatch):
    """reap() runs before each page is converted: a worker's error must not surface there, in
    some page's name, but where the build waits for the files (on_env), as before reap()."""
    monkeypatch.setattr(session, "_session", session.Session(command=session.BUILD))
    batch = build_documents(_plans(8), _fail, tmp_path, "v1", workers=2, background=True)
    assert batch.pending
    deadline = time.monotonic() + 60
    while not all(future.done() for future in batch._pending[1]):
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert batch.reap() is False and batch.pending
    with pytest.raises(ValueError, match="无法生成"):
        batch.wait()
    assert not batch.pending
