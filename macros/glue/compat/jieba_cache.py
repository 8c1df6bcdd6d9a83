"""Patch: Material's search segments Chinese with the module-level ``jieba``; memoise it.

:class:`CachingJieba` stands in for the ``jieba`` module that Material's search plugin
uses to split Chinese text, and :meth:`CachingJieba.memoise` wraps the plugin's
segmentation of each title and section text: results are memoised in
:mod:`macros.build.cache`, keyed on the text and versioned on the engine (which covers
the jieba and Material versions) and the dictionaries, so a warm build segments only changed text. The dictionaries are
loaded only when some text is not in the cache.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from macros.build import cache as buildcache

MEMO = "search-jieba"  # the segmentations, keyed on the text and versioned on the dictionaries


class CachingJieba:
    """A proxy for the ``jieba`` module: ``cut`` answers from the memo when it can."""

    def __init__(self, jieba: Any) -> None:
        self._jieba = jieba
        self._pending: list[tuple[str, str]] = []  # (method, path) applied on the first miss
        self._applied: set[tuple[str, str]] = set()
        self._dict_files: list[Path] = []
        self.cut_calls = 0
        self.segmented = 0  # texts that really went through jieba
        self._lock = threading.Lock()

    def set_dictionary(self, path: str) -> None:
        self._defer("set_dictionary", path)

    def load_userdict(self, path: str) -> None:
        self._defer("load_userdict", path)

    def _defer(self, method: str, path: str) -> None:
        """Loaded on the first cache miss; the search plugin asks again on every rebuild of ``mkdocs serve``."""
        if (method, path) in self._applied or (method, path) in self._pending:
            return
        self._pending.append((method, path))
        if Path(path) not in self._dict_files:
            self._dict_files.append(Path(path))

    def cut(self, text: str | bytes, *args: Any, **kwargs: Any) -> list[str]:
        """jieba's ``cut``, with the dictionaries loaded first if they are still pending."""
        self.cut_calls += 1
        self.load_pending()
        return list(self._jieba.cut(text, *args, **kwargs))

    def load_pending(self, initialize: bool = False) -> None:
        """Apply the deferred dictionary loads; ``initialize`` also loads jieba's own
        dictionary now (``mkdocs serve``'s warm-up thread) rather than on the first cut."""
        with self._lock:
            while self._pending:
                method, path = self._pending.pop(0)
                getattr(self._jieba, method)(path)
                self._applied.add((method, path))
            if initialize:
                self._jieba.initialize()

    def memoise(self, segment_text: Callable[[Any, str], str]) -> Callable[[Any, str], str]:
        """Wrap a ``(index, text) -> segmented text`` method (Material's ``_segment_chinese``):
        one memo lookup per title or section text, jieba only for text not seen before."""
        proxy = self

        def segment_cached(index: Any, data: str) -> str:
            memo = buildcache.memo(MEMO, *proxy._dict_files)  # what segmentation reads

            def compute() -> str:
                proxy.segmented += 1
                return segment_text(index, data)

            return buildcache.cached(memo, data, compute)

        segment_cached.__wrapped__ = segment_text  # type: ignore[attr-defined]
        return segment_cached

    def __getattr__(self, name: str) -> Any:
        return getattr(self._jieba, name)


def install() -> None:
    """Before Material's search plugin loads its dictionaries in on_config (once per process)."""
    try:
        from material.plugins.search import plugin as search_plugin
    except ImportError:
        return
    if search_plugin.jieba is not None and not isinstance(search_plugin.jieba, CachingJieba):
        proxy = CachingJieba(search_plugin.jieba)
        search_plugin.jieba = proxy
        index = search_plugin.SearchIndex
        index._segment_chinese = proxy.memoise(index._segment_chinese)


def warm_up() -> None:
    """Load the dictionaries now (``mkdocs serve``'s warm-up thread), if the proxy is installed."""
    from material.plugins.search import plugin as search_plugin

    if isinstance(search_plugin.jieba, CachingJieba):
        search_plugin.jieba.load_pending(initialize=True)


def preload_if_cold() -> None:
    """Load the dictionaries now if this build will segment most of its text (the memo is
    empty: a cold build), if the proxy is installed. The build calls it while it waits for the
    content checks' workers, when a core is idle, rather than at the first page indexed; the
    page-template worker (pages_ahead) then shares the build's copy. A warm build may need no
    segmentation at all and loads them only at a miss, as before."""
    from material.plugins.search import plugin as search_plugin

    proxy = search_plugin.jieba
    if isinstance(proxy, CachingJieba) and not buildcache.kept(MEMO, *proxy._dict_files):
        proxy.load_pending(initialize=True)
