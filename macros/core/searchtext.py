"""The search index at city scale.

Two pieces, both independent of MkDocs:

* :class:`CachingJieba` stands in for the ``jieba`` module that Material's
  search plugin uses to split Chinese text, and :meth:`CachingJieba.memoise`
  wraps the plugin's segmentation of each title and section text: results are
  memoised in :mod:`macros.build.cache`, keyed on the text and versioned on the
  jieba version and the dictionaries, so a warm build segments only changed
  text. The dictionaries are loaded only when some text is not in the cache.
* :func:`slim_index` rewrites the index Material wrote: the school pages are
  excluded from Material's indexing (``search: exclude`` in their front matter)
  and come back as one compact entry each — name, district, stage and the
  compliance verdict — instead of every sentence of every plan. The JSON is
  written as UTF-8 rather than ``\\uXXXX`` escapes (half the size for Chinese).
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from macros.build import cache as buildcache

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]+")
ZWSP = "\u200b"


class CachingJieba:
    """A proxy for the ``jieba`` module: ``cut`` answers from the memo when it can."""

    def __init__(self, jieba: Any, extra_version: str | Path = "") -> None:
        self._jieba = jieba
        self._pending: list[tuple[str, str]] = []  # (method, path) applied on the first miss
        self._applied: set[tuple[str, str]] = set()
        self._version: str | None = None
        self._dict_files: list[Path] = []
        self._extra = extra_version
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
            self._version = None

    def version(self) -> str:
        if self._version is None:
            from importlib.metadata import version

            self._version = buildcache.fingerprint(version("jieba"), Path(__file__), self._extra, *self._dict_files)
        return self._version

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
            memo = buildcache.memo("search-jieba", proxy.version())

            def compute() -> str:
                proxy.segmented += 1
                return segment_text(index, data)

            return buildcache.cached(memo, data, compute)

        segment_cached.__wrapped__ = segment_text  # type: ignore[attr-defined]
        return segment_cached

    def __getattr__(self, name: str) -> Any:
        return getattr(self._jieba, name)


def segment(text: str, cut: Callable[[str], Iterable[str]]) -> str:
    """Chinese runs split into words with U+200B between them, as Material's search does."""
    return HAN.sub(lambda m: ZWSP + ZWSP.join(cut(m.group(0))) + ZWSP, text).strip(ZWSP)


def slim_index(index_json: str, extra_entries: list[dict]) -> str:
    """The index with ``extra_entries`` added, as compact UTF-8 JSON."""
    data = json.loads(index_json)
    known = {entry["location"] for entry in data.get("docs", [])}
    data["docs"] = data.get("docs", []) + [e for e in extra_entries if e["location"] not in known]
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def compact_entry(location: str, title: str, words: Iterable[str], cut: Callable[[str], Iterable[str]]) -> dict:
    """One search entry: the page's title and a few words, segmented for the browser."""
    text = " ".join(w for w in words if w)
    return {"location": location, "title": segment(title, cut), "text": segment(text, cut)}
