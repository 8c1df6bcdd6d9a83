"""jieba's dictionaries loaded early in a cold build (``compat.jieba_cache.preload_if_cold``,
called by the build while it waits for the content checks' workers): the user dictionary is
in, the segmentation is what loading them at the first page gives, and a warm build, which
may segment nothing, does not load them."""

from __future__ import annotations

from pathlib import Path

import jieba
import pytest
from material.plugins.search import plugin as search_plugin

from macros.build import cache as buildcache
from macros.build import session
from macros.glue.compat import jieba_cache

TEXT = "全员导师制要求每位导师一校一策地写出师生关系的安排，学校的德育主任负责核对。"


@pytest.fixture
def userdict(tmp_path, monkeypatch) -> Path:
    """A fresh build session with a cache directory, and a user dictionary as mkdocs.yml names one."""
    monkeypatch.setattr(session, "_session", session.Session(command=session.BUILD))
    buildcache.configure(tmp_path / "cache")
    path = tmp_path / "dict.txt"
    path.write_text("一校一策 100\n全员导师制 100\n德育主任 100\n", encoding="utf-8")
    return path


def _proxy(userdict: Path, monkeypatch=None) -> jieba_cache.CachingJieba:
    """A new jieba as Material's search plugin sets it up in on_config (the user dictionary deferred)."""
    proxy = jieba_cache.CachingJieba(jieba.Tokenizer())
    proxy.load_userdict(str(userdict))
    if monkeypatch is not None:
        monkeypatch.setattr(search_plugin, "jieba", proxy)
    return proxy


def test_a_cold_build_loads_the_dictionaries_early_and_segments_as_if_loaded_at_the_first_page(userdict, monkeypatch):
    early = _proxy(userdict, monkeypatch)
    jieba_cache.preload_if_cold()
    assert early._jieba.initialized and not early._pending, "loaded now, the user dictionary included"
    late = _proxy(userdict)  # loaded by its first cut, as without the preload
    assert early.cut(TEXT) == late.cut(TEXT)
    assert {"一校一策", "全员导师制", "德育主任"} <= set(early.cut(TEXT))


def test_a_warm_build_leaves_them_to_the_first_text_not_in_the_memo(userdict, monkeypatch, tmp_path):
    # An earlier build kept segmentations made with this dictionary.
    buildcache.memo(jieba_cache.MEMO, userdict).put("导师", "导师")
    buildcache.save_all()
    session.start(session.BUILD)  # a new build process
    buildcache.configure(tmp_path / "cache")
    proxy = _proxy(userdict, monkeypatch)
    jieba_cache.preload_if_cold()
    assert not proxy._jieba.initialized and proxy._pending
    # A changed dictionary: the kept segmentations do not apply, so the build is cold for them.
    userdict.write_text("一校一策 100\n", encoding="utf-8")
    session.start(session.BUILD)
    buildcache.configure(tmp_path / "cache")
    proxy = _proxy(userdict, monkeypatch)
    jieba_cache.preload_if_cold()
    assert proxy._jieba.initialized and not proxy._pending
