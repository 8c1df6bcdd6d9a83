"""City scale: the content-keyed caches (YAML, Word files, search segmentation).

Counts of regenerated results, never timings (timings are the benchmark's job:
scripts/bench.py).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import jieba
import pytest
import yaml

from macros import composition
from macros.build import cache as buildcache
from macros.build import session
from macros.casebook.cases import published_cases
from macros.core import searchtext as search_index
from macros.core.yamlload import load_yaml_text
from macros.documents.docx_cache import build_documents
from macros.glue.compat import jieba_cache
from macros.plans.plan_docx import plan_docx

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = yaml.safe_load((ROOT / "data/schools/xinghe-primary.yml").read_text(encoding="utf-8"))


@pytest.fixture
def fresh_session(monkeypatch):
    """A build session of its own (macros.build.session); the previous one comes back afterwards."""
    monkeypatch.setattr(session, "_session", session.Session(command=session.BUILD))
    return session.current()


@pytest.fixture
def cache_dir(tmp_path, fresh_session):
    """A fresh session whose memos persist in a fresh cache directory."""
    buildcache.configure(tmp_path / "cache")
    return tmp_path / "cache"


def restart(directory: Path) -> None:
    """What a new build process sees: a new session (no memos in memory), the cache directory on disk."""
    session.start(session.BUILD)
    buildcache.configure(directory)


# -- buildcache ------------------------------------------------------------------


def test_memo_persists_between_builds_and_is_keyed_on_content(cache_dir):
    calls = []

    def compute(text):
        calls.append(text)
        return {"words": text.split()}

    memo = buildcache.memo("demo", "v1")
    assert buildcache.cached(memo, "a b", lambda: compute("a b")) == {"words": ["a", "b"]}
    buildcache.save_all()
    restart(cache_dir)
    memo = buildcache.memo("demo", "v1")
    assert buildcache.cached(memo, "a b", lambda: compute("a b")) == {"words": ["a", "b"]}
    assert calls == ["a b"], "the second build must reuse the stored result"
    buildcache.cached(memo, "a c", lambda: compute("a c"))
    assert calls == ["a b", "a c"], "new content is computed"


def test_memo_of_another_code_version_starts_empty_and_replaces_the_old_file(cache_dir):
    memo = buildcache.memo("demo", "v1")
    buildcache.cached(memo, "x", lambda: 1)
    buildcache.save_all()
    restart(cache_dir)
    memo = buildcache.memo("demo", "v2")
    assert buildcache.cached(memo, "x", lambda: 2) == 2
    buildcache.save_all()
    assert [p.name for p in cache_dir.glob("demo-*.pickle")] == [memo.filename]


def test_only_entries_used_by_the_last_build_are_kept(cache_dir):
    memo = buildcache.memo("demo", "v1")
    for text in ("old", "kept"):
        buildcache.cached(memo, text, lambda t=text: t)
    buildcache.save_all()
    restart(cache_dir)
    memo = buildcache.memo("demo", "v1")
    buildcache.cached(memo, "kept", lambda: "recomputed")
    buildcache.save_all()
    restart(cache_dir)
    memo = buildcache.memo("demo", "v1")
    assert len(memo.entries) == 1


def test_a_damaged_cache_file_is_rebuilt_not_fatal(cache_dir):
    memo = buildcache.memo("demo", "v1")
    cache_dir.mkdir(parents=True, exist_ok=True)
    (cache_dir / memo.filename).write_bytes(b"not a pickle")
    restart(cache_dir)
    memo = buildcache.memo("demo", "v1")
    assert buildcache.cached(memo, "x", lambda: 3) == 3


def test_cached_values_are_copies(cache_dir):
    memo = buildcache.memo("demo", "v1")
    first = buildcache.cached(memo, "x", lambda: {"a": [1]})
    first["a"].append(2)
    assert buildcache.cached(memo, "x", lambda: None) == {"a": [1]}


def test_parsed_yaml_is_reused_with_positions(cache_dir):
    text = "a: 1\nb:\n  - x\n"
    doc, problems = load_yaml_text(text, "data/demo.yml")
    buildcache.save_all()
    restart(cache_dir)
    again, problems_again = load_yaml_text(text, "data/demo.yml")
    assert again.data == doc.data and again.value_pos == doc.value_pos and problems_again == problems
    yaml_memo = next(m for m in session.current().memos.values() if m.name == "yaml")
    assert (yaml_memo.hits, yaml_memo.misses) == (1, 0)
    bad, found = load_yaml_text("a: [1\n", "data/bad.yml")
    assert bad is None and found[0].path == "data/bad.yml"


# -- Word files --------------------------------------------------------------------


def _plans(n: int) -> dict[str, object]:
    plans = {}
    for i in range(n):
        plan = json.loads(json.dumps(SAMPLE))
        plan["id"] = f"s{i}"
        plan["name"] = f"示例第{i}小学"
        plans[f"schools/s{i}.docx"] = plan
    return plans


def test_word_files_are_regenerated_only_for_changed_content(tmp_path):
    from docx import Document

    jobs = _plans(5)
    first = build_documents(jobs, plan_docx, tmp_path, "v1", workers=2)
    assert sorted(first.regenerated) == sorted(jobs)
    again = build_documents(jobs, plan_docx, tmp_path, "v1", workers=2)
    assert again.regenerated == []
    jobs["schools/s3.docx"]["name"] = "改过名字的示例小学"
    edited = build_documents(jobs, plan_docx, tmp_path, "v1", workers=2)
    assert edited.regenerated == ["schools/s3.docx"]
    text = "\n".join(p.text for p in Document(edited.files["schools/s3.docx"]).paragraphs)
    assert "改过名字的示例小学" in text
    assert len(list(tmp_path.glob("*.docx"))) == 5, "the file of the old content is removed"
    new_code = build_documents(jobs, plan_docx, tmp_path, "v2", workers=2)
    assert len(new_code.regenerated) == 5, "a change of the generating code rebuilds every file"


def test_word_files_from_parallel_workers_equal_in_process_ones(tmp_path):
    from docx import Document

    jobs = _plans(6)
    parallel = build_documents(jobs, plan_docx, tmp_path / "p", "v1", workers=2)
    serial = build_documents(jobs, plan_docx, None, "v1", workers=1)
    for name in jobs:
        a = [p.text for p in Document(parallel.files[name]).paragraphs]
        b = [p.text for p in Document(__import__("io").BytesIO(serial.files[name])).paragraphs]
        assert a == b
        assert parallel.files[name].read_bytes() == serial.files[name], "same content, same bytes"


def test_engine_version_is_all_of_the_engine_its_dependencies_and_the_configuration(tmp_path):
    """Derived, not listed (#22): every file of macros/, each pinned requirement's installed
    version and mkdocs.yml; no module list to keep up to date."""
    files = {p.relative_to(buildcache.ENGINE_DIR).as_posix() for p in buildcache.code_files()}
    for module in ("plans/plan_docx.py", "documents/wordml.py", "core/links.py", "core/numerals.py", "plans/listings.py"):
        assert module in files
    assert not any("__pycache__" in name for name in files)
    requirements = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    assert "mkdocs-material==" in requirements and "mkdocs-material==" in buildcache.dependency_versions()
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: 甲\n", encoding="utf-8")
    base = buildcache.engine_version(config)
    assert buildcache.engine_version(config) == base
    config.write_text("site_name: 乙\n", encoding="utf-8")
    assert buildcache.engine_version(config) != base
    assert buildcache.engine_version(config, "Layout(inline_schools=4)") != buildcache.engine_version(config)


def test_memoised_functions_are_keyed_on_every_argument_and_take_only_plain_data(cache_dir):
    calls = []

    @buildcache.memoised("demo-pure")
    def page(name: str, plan: dict, rows: tuple) -> str:
        calls.append(name)
        return f"{name}:{plan}:{rows}"

    assert page("a", {"n": 1}, (("met", "x"),)) == page("a", {"n": 1}, (("met", "x"),))
    assert calls == ["a"]
    page("a", {"n": 1}, (("not_met", "x"),))  # any argument is part of the key
    assert calls == ["a", "a"]
    with pytest.raises(TypeError, match="not plain data"):
        page("b", {"n": 1}, (object(),))  # an object could carry inputs the key misses
    keyed = buildcache.Keyed([{"rule": 1}])
    assert repr(keyed) == f"Keyed({keyed.key})" and keyed.key == buildcache.Keyed([{"rule": 1}]).key


def _build(project: Path, site: Path, stats: Path, **extra_env: str) -> list[dict]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BENCH_STATS": str(stats), **extra_env}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr
    return [json.loads(line) for line in stats.read_text(encoding="utf-8").splitlines()]


def test_second_build_regenerates_no_word_file_and_an_edit_only_its_school(project_copy, tmp_path):
    shutil.rmtree(project_copy / ".cache", ignore_errors=True)  # cold: the copy may carry the checkout's cache
    stats = tmp_path / "stats.jsonl"
    schools = sorted(p for p in (project_copy / "data/schools").glob("*.yml") if not p.name.startswith("_"))
    cold = _build(project_copy, tmp_path / "site", stats)[-1]
    assert cold["docx_regenerated"] == len(schools) + 1  # and the template
    warm = _build(project_copy, tmp_path / "site-warm", stats)[-1]
    assert warm["docx_regenerated"] == 0
    assert warm["caches"]["search-jieba"]["misses"] == 0, "unchanged pages are not segmented again"
    assert warm["caches"]["yaml"]["misses"] == 0
    assert warm["caches"]["page-html"]["misses"] == 0 and warm["caches"]["page-html"]["hits"] > 50
    assert warm["preview"]["rendered"] == 0 and warm["preview"]["reused"] > 50, "no page template is rendered again"
    for page in (tmp_path / "site").rglob("*.html"):
        again = tmp_path / "site-warm" / page.relative_to(tmp_path / "site")
        assert page.read_bytes() == again.read_bytes(), f"{page}: a warm build must write the same page"
    for name in ("search/search_index.json", "sitemap.xml"):
        assert (tmp_path / "site" / name).read_bytes() == (tmp_path / "site-warm" / name).read_bytes(), name
    # SCORM packages (#26): an unchanged module reads none of its pages and zips nothing.
    zips = sorted((tmp_path / "site").glob("training/*/scorm12-*.zip"))
    assert zips and cold["scorm"]["zipped"] == len(zips)
    assert warm["caches"]["scorm-packages"] == {"hits": len(zips), "misses": 0}
    assert set(warm["scorm"]) == {"pages_known"}, "every page known by its output key; none read, planned or zipped"
    for package in zips:
        assert package.read_bytes() == (tmp_path / "site-warm" / package.relative_to(tmp_path / "site")).read_bytes()
    path = schools[0]
    path.write_text(path.read_text(encoding="utf-8").replace("students: ", "students: 1", 1), encoding="utf-8")
    edited = _build(project_copy, tmp_path / "site", stats)[-1]
    assert edited["docx_regenerated"] == 1
    assert edited["caches"]["yaml"]["misses"] >= 1
    assert 1 <= edited["caches"]["page-html"]["misses"] <= 3, "the school's page and the overview, not every page"
    assert 1 <= edited["preview"]["rendered"] <= 3, edited["preview"]
    assert set(edited["scorm"]) == {"pages_known"}, "a school's edit packs no module again"
    from docx import Document

    assert Document(tmp_path / "site/schools" / f"{path.stem}.docx").paragraphs


def test_a_changed_line_of_engine_code_invalidates_the_caches(project_copy, tmp_path):
    """No list names which modules a result depends on: a comment added to the module that
    writes Chinese numerals (which no hand-kept list named) starts every memo afresh."""
    shutil.rmtree(project_copy / ".cache", ignore_errors=True)
    stats = tmp_path / "stats.jsonl"
    schools = [p for p in (project_copy / "data/schools").glob("*.yml") if not p.name.startswith("_")]
    _build(project_copy, tmp_path / "site", stats)
    warm = _build(project_copy, tmp_path / "site", stats)[-1]["caches"]
    assert warm["school-page"] == {"hits": len(schools), "misses": 0}
    before = {p.name for p in (project_copy / ".cache").glob("*.pickle")}
    module = project_copy / "macros/core/numerals.py"
    module.write_text(module.read_text(encoding="utf-8") + "\n# one changed line\n", encoding="utf-8")
    changed = _build(project_copy, tmp_path / "site", stats)[-1]
    # Nothing came from the last build's cache (within one build, repeated reads may hit) ...
    assert changed["caches"]["school-page"] == {"hits": 0, "misses": len(schools)}
    assert changed["caches"]["page-html"]["hits"] == 0
    assert changed["docx_regenerated"] == len(schools) + 1
    # ... and every cache file was replaced by one of the new engine version.
    after = {p.name for p in (project_copy / ".cache").glob("*.pickle")}
    assert {name.rsplit("-", 1)[0] for name in after} == {name.rsplit("-", 1)[0] for name in before}
    assert not before & after


# -- search ---------------------------------------------------------------------------


def test_segment_splits_chinese_runs_like_material():
    cut = jieba.Tokenizer().cut
    assert search_index.segment("示例三区 小学 ABC", cut) == "示例\u200b三区\u200b \u200b小学\u200b ABC"


def test_slim_index_adds_entries_and_writes_utf8():
    index = json.dumps({"config": {"lang": ["zh"]}, "docs": [{"location": "a/", "title": "政策", "text": ""}]})
    out = search_index.slim_index(index, [{"location": "schools/x/", "title": "星河小学", "text": "示例一区"}])
    assert "星河小学" in out and "\\u" not in out
    assert [d["location"] for d in json.loads(out)["docs"]] == ["a/", "schools/x/"]


def test_caching_jieba_loads_dictionaries_only_when_something_must_be_segmented(cache_dir, tmp_path):
    class FakeIndex:
        calls = 0

        def segment(self, text):
            FakeIndex.calls += 1
            return "\u200b".join(proxy.cut(text))

    loaded = []

    class Jieba:
        def load_userdict(self, path):
            loaded.append(path)

        def cut(self, text):
            return list(text)

    userdict = tmp_path / "dict.txt"
    userdict.write_text("一校一策 100\n", encoding="utf-8")
    proxy = jieba_cache.CachingJieba(Jieba())
    proxy.load_userdict(str(userdict))
    segment = proxy.memoise(FakeIndex.segment)
    assert segment(FakeIndex(), "导师") == "导\u200b师"
    assert loaded == [str(userdict)]
    buildcache.save_all()
    restart(cache_dir)
    loaded.clear()
    proxy = jieba_cache.CachingJieba(Jieba())
    proxy.load_userdict(str(userdict))
    proxy.load_userdict(str(userdict))  # mkdocs serve asks again on every rebuild
    segment = proxy.memoise(FakeIndex.segment)
    assert segment(FakeIndex(), "导师") == "导\u200b师"
    assert loaded == [] and FakeIndex.calls == 1, "a warm build neither loads the dictionaries nor segments"
    userdict.write_text("一校一策 100\n全员导师制 100\n", encoding="utf-8")
    buildcache.configure(cache_dir)  # the next build (or serve rebuild) reads the dictionary again
    proxy = jieba_cache.CachingJieba(Jieba())
    proxy.load_userdict(str(userdict))
    proxy.memoise(FakeIndex.segment)(FakeIndex(), "导师")
    assert FakeIndex.calls == 2, "a changed dictionary invalidates the segmentations"


def test_a_page_whose_conversion_warns_is_converted_again_on_every_build(project_copy, tmp_path):
    """The render cache never hides a warning from --strict."""
    # A link that only a macro writes: the portal's LINK-TARGET check reads the source, so the
    # missing page is left for MkDocs to warn about while it converts the page.
    page = project_copy / "docs/about/index.md"
    text = page.read_text(encoding="utf-8").replace("title: 关于本站\n", "title: 关于本站\nrender_macros: true\n", 1)
    page.write_text(text + "\n{{ '[坏链接](no-such-page.md)' }}\n", encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for _ in range(2):
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "site")],
            cwd=project_copy,
            env=env,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0
        assert "no-such-page.md" in result.stdout + result.stderr


def test_word_files_built_in_the_background_are_complete_after_wait(tmp_path):
    from docx import Document

    jobs = _plans(6)
    batch = build_documents(jobs, plan_docx, tmp_path, "v1", workers=2, background=True)
    assert batch.pending and sorted(batch.regenerated) == sorted(jobs)
    time.sleep(2)  # the build goes on; the files' time ends when the last one is written, not at wait()
    batch.wait()
    assert not batch.pending and 0 < batch.seconds < 2
    for name, path in batch.files.items():
        assert jobs[name]["name"] in "\n".join(p.text for p in Document(path).paragraphs)
    again = build_documents(jobs, plan_docx, tmp_path, "v1", workers=2, background=True)
    assert not again.pending and again.regenerated == []


def test_anonymisation_prefetched_in_parallel_equals_one_by_one(cache_dir):
    from macros.casebook import anonymise

    texts = []
    for path in sorted((ROOT / "casebook").glob("*.md")):
        text = path.read_text(encoding="utf-8-sig")
        texts.append((text + "\n联系电话 13812345678。\n", ["小A", "小A妈妈"]))
    assert len(texts) >= 8
    assert anonymise.prefetch(texts, workers=2, min_parallel=8) == len(texts)
    assert anonymise.prefetch(texts, workers=2, min_parallel=8) == 0, "already cached"
    for text, names in texts:
        assert anonymise.find_identifiers(text, names) == anonymise._find_identifiers(text, names)
    assert any(f.rule for f in anonymise.find_identifiers(*texts[0])), "the planted phone number is found"


# -- YAML prefetched in a background process -------------------------------------------


def test_prefetched_school_files_are_what_the_build_would_parse_and_validate(cache_dir, tmp_path, monkeypatch):
    from macros.core.yamlload import Prefetch, _inputs, load_yaml_file, validate
    from macros.plans.model import PLAN_SCHEMA

    sample = (Path(__file__).resolve().parent.parent / "data/schools/xinghe-primary.yml").read_text(encoding="utf-8")
    files = []
    for n in range(6):
        path = tmp_path / f"school-{n}.yml"
        path.write_text(sample.replace("students: 420", f"students: {420 + n}"), encoding="utf-8")
        files.append((path, f"data/schools/school-{n}.yml"))
    broken = tmp_path / "broken.yml"
    broken.write_text("name: [unclosed\n", encoding="utf-8")
    files.append((broken, "data/schools/broken.yml"))
    monkeypatch.setattr(Prefetch, "MIN_FILES", 2)

    prefetch = Prefetch(files, PLAN_SCHEMA)
    assert prefetch.future is not None  # really in another process
    assert prefetch.finish() == len(files)

    yaml_memo, valid_memo = buildcache.memo("yaml", *_inputs()), buildcache.memo("validate", *_inputs())
    before = (yaml_memo.misses, valid_memo.misses)
    for path, display in files:
        doc, problems = load_yaml_file(path, display)
        if path == broken:
            assert doc is None and problems and problems[0].path == "data/schools/broken.yml"
            continue
        assert doc.data["counts"]["students"] == 420 + int(path.stem.split("-")[1])
        assert validate(doc, PLAN_SCHEMA) == []
    assert (yaml_memo.misses, valid_memo.misses) == before  # all answered from the prefetched results
    # A second prefetch finds everything cached and starts no process.
    again = Prefetch(files, PLAN_SCHEMA)
    assert again.jobs == [] and again.future is None and again.finish() == 0


# -- school pages converted ahead on the second core -----------------------------------


def test_pages_converted_ahead_give_the_same_site(project_copy, tmp_path, built_site, built_site_url):
    """With the threshold lowered, a cold build hands the school and case pages to the worker;
    the site must be byte for byte the ordinary build's (built for the same address)."""
    site = tmp_path / "site"
    env = {"PORTAL_RENDER_AHEAD_MIN": "1", "SITE_URL": built_site_url}
    ahead = _build(project_copy, site, tmp_path / "stats.jsonl", **env)[-1]["render_ahead"]
    schools = len(list((project_copy / "data/schools").glob("[!_]*.yml")))
    project = composition.new_project(project_copy)
    cases = len(published_cases(project))
    # And every other page the domains generate (overviews, listings: Markdown with no source file).
    generated = [p.src_uri for p in composition.collection_pages(project) if p.abs_src_path is None]
    generated = [uri for uri in generated if uri.endswith(".md")]
    sent = len({*generated, *(c.src_uri for c in published_cases(project))})
    assert sent > schools + cases
    # Every one was sent; the build used what arrived before it reached each page, every page of it
    # (the worker predicted each case page's Markdown after the casebook's renderer) but the
    # handbooks' print views, whose final Markdown differs from the generated file: their key differs, the
    # build converts them itself.
    prints = sum(1 for uri in generated if uri.rsplit("/", 1)[-1].startswith("print"))
    assert cases and ahead["sent"] == sent and 1 <= ahead["received"] <= sent, ahead
    assert ahead["received"] - prints <= ahead["used"] <= ahead["received"], ahead
    got = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    want = {p.relative_to(built_site).as_posix(): p.read_bytes() for p in built_site.rglob("*") if p.is_file()}
    assert sorted(got) == sorted(want)
    assert [name for name in want if got[name] != want[name]] == []


def test_markdown_rendered_while_keying_is_what_the_hook_renders(project_copy, tmp_path):
    """The render-ahead patch renders each generated and case page's Markdown once, when it keys
    the page for the worker (on_nav), and on_page_markdown takes that instead of rendering it
    again. Every page's final Markdown (BENCH_DUMP_MARKDOWN) must be the one the hook renders
    itself: a build with PORTAL_PATCHES=off, where nothing is rendered ahead."""
    shutil.rmtree(project_copy / ".cache", ignore_errors=True)
    ahead = _build(project_copy, tmp_path / "site", tmp_path / "stats.jsonl", BENCH_DUMP_MARKDOWN=str(tmp_path / "md"))
    off = {"PORTAL_PATCHES": "off", "BENCH_DUMP_MARKDOWN": str(tmp_path / "md-off")}
    plain = _build(project_copy, tmp_path / "site-off", tmp_path / "stats-off.jsonl", **off)
    cases = published_cases(composition.new_project(project_copy))
    assert ahead[-1]["render_ahead"]["markdown_reused"] > len(cases) > 0, ahead[-1]["render_ahead"]
    assert plain[-1]["render_ahead"]["markdown_reused"] == 0

    def dumped(folder: Path) -> dict[str, str]:
        return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in folder.rglob("*.md")}

    got, want = dumped(tmp_path / "md"), dumped(tmp_path / "md-off")
    assert sorted(got) == sorted(want)
    assert [uri for uri in want if got[uri] != want[uri]] == []


def test_without_fork_everything_runs_in_the_build_process(cache_dir, tmp_path, monkeypatch):
    """Windows cannot fork: no background worker is started, and the results are the same."""
    from macros.core.yamlload import Prefetch, load_yaml_file

    session.current().fork_allowed = False
    monkeypatch.setattr(Prefetch, "MIN_FILES", 1)
    files = []
    for n in range(3):
        path = tmp_path / f"f{n}.yml"
        path.write_text(f"n: {n}\n", encoding="utf-8")
        files.append((path, f"f{n}.yml"))
    prefetch = Prefetch(files)
    assert prefetch.future is None and prefetch.finish() == 0
    assert [load_yaml_file(p, d)[0].data for p, d in files] == [{"n": 0}, {"n": 1}, {"n": 2}]
    plans = {f"schools/s{n}.docx": {"n": n} for n in range(6)}
    batch = build_documents(plans, _tiny_document, cache_dir / "docx", "v1", workers=2, background=True)
    assert not batch.pending and sorted(batch.regenerated) == sorted(plans)


def _tiny_document(data: object) -> bytes:
    return json.dumps(data).encode()


def test_serve_rebuilds_do_not_fork(monkeypatch, fresh_session):
    """Once `mkdocs serve` runs its threads, background work stays in the build process."""
    import threading

    from macros.build import pool
    from macros.glue import hooks

    monkeypatch.setattr(threading, "Thread", lambda *a, **k: type("T", (), {"start": lambda self: None})())
    server = object()
    assert pool.can_fork() or "fork" not in __import__("multiprocessing").get_all_start_methods()
    assert hooks.on_serve(server, config=None, builder=None) is server
    assert pool.can_fork() is False


@pytest.mark.parametrize("raw, expected", [(None, 200), ("1", 1), (" 500 ", 500), ("0", 200), ("abc", 200), ("-3", 200)])
def test_render_ahead_threshold_from_the_environment(raw, expected, monkeypatch, caplog):
    from macros.glue.compat import render_ahead

    if raw is None:
        monkeypatch.delenv(render_ahead.MIN_PAGES_ENV, raising=False)
    else:
        monkeypatch.setenv(render_ahead.MIN_PAGES_ENV, raw)
    with caplog.at_level("WARNING", logger="mkdocs.plugins.portal"):
        assert render_ahead.min_pages() == expected
    bad = raw is not None and expected == 200
    assert ("PORTAL_RENDER_AHEAD_MIN 应为正整数" in caplog.text) is bad
