"""What the engine reads is recorded, and caches made from files follow them (#22):
``macros/build/reads.py``. The bug this guards: under ``make serve`` an edit to a word list
of the anonymisation check (``data/anon_*``) was not seen until the server restarted."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest

from macros.build import cache as buildcache
from macros.build import reads, session
from macros.casebook import anon_names, anon_tables, anonymise

ROOT = Path(__file__).resolve().parent.parent


def test_recording_sees_every_way_of_reading_and_not_writing(tmp_path: Path) -> None:
    a, b, c, out = (tmp_path / n for n in ("a.txt", "b.txt", "c.txt", "out.txt"))
    for path in (a, b, c):
        path.write_text("x", encoding="utf-8")
    with reads.recording() as outer:
        a.read_text(encoding="utf-8")
        with reads.recording() as inner:
            with open(b, "rb") as f:
                f.read()
            os.close(os.open(c, os.O_RDONLY))
        out.write_text("y", encoding="utf-8")
    assert inner == {str(b), str(c)}
    assert outer == {str(a), str(b), str(c)}  # a nested block's reads count for the outer one


def test_recording_is_per_thread(tmp_path: Path) -> None:
    path = tmp_path / "other.txt"
    path.write_text("x", encoding="utf-8")
    with reads.recording() as found:
        thread = threading.Thread(target=path.read_text)
        thread.start()
        thread.join()
    assert found == set()  # the preview server's threads read the site while a build records


def test_data_cache_is_made_again_when_a_file_it_read_changes(tmp_path: Path) -> None:
    source = tmp_path / "words.txt"
    source.write_text("一", encoding="utf-8")
    calls: list[str] = []

    @reads.data_cache
    def words() -> str:
        calls.append("words")
        return source.read_text(encoding="utf-8")

    @reads.data_cache
    def shouted() -> str:  # made from another cache: depends on its files too
        calls.append("shouted")
        return words() + "！"

    state = session.start(session.SERVE)
    try:
        state.begin_build()
        assert shouted() == "一！" and shouted() == "一！"
        assert calls == ["shouted", "words"]
        assert shouted.files() == (str(source),)  # recorded through words(), listed nowhere
        source.write_text("一二", encoding="utf-8")
        assert shouted() == "一！"  # within one build: one state
        state.begin_build()
        assert shouted() == "一二！"
        assert calls == ["shouted", "words", "shouted", "words"]
        state.begin_build()
        assert shouted() == "一二！" and len(calls) == 4  # unchanged: checked, not made again
    finally:
        session.start(session.CHECK)


@pytest.fixture
def word_lists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The detector reading a copy of data/anon_*: the shipped lists are never edited."""
    data = tmp_path / "data"
    data.mkdir()
    for path in (ROOT / "data").glob("anon_*"):
        shutil.copy2(path, data / path.name)
    monkeypatch.setattr(anon_tables, "DATA", data)
    anon_names.tables.cache_clear()
    state = session.start(session.SERVE)
    yield data, state
    session.start(session.CHECK)
    anon_names.tables.cache_clear()


def test_a_serve_rebuild_sees_an_edited_word_list(word_lists) -> None:
    """Two rebuilds of one serve session, a word list edited between them: the second
    judges the text as a new process would (the tables and the memo's version follow the
    files the tables were made from)."""
    data, state = word_lists
    text = "张伟华的妈妈来了。"
    state.begin_build()
    buildcache.configure(None)
    assert anonymise.person_names(text) == ["张伟华"]
    before = buildcache.memo("anonymise", *anonymise._dictionaries()).version
    assert {Path(p).name for p in anonymise._dictionaries()} >= {"anon_name_veto.txt", "anon_surnames.txt"}
    assert all(Path(p).parent == data for p in anonymise._dictionaries())

    veto = data / "anon_name_veto.txt"
    veto.write_text(veto.read_text(encoding="utf-8") + "张伟华\n", encoding="utf-8")
    state.begin_build()
    buildcache.configure(None)
    assert anonymise.person_names(text) == []
    assert buildcache.memo("anonymise", *anonymise._dictionaries()).version != before
