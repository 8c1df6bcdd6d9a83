"""The search index at city scale.

Independent of MkDocs (the memoised segmentation that Material's search uses is a
patch, :mod:`macros.glue.compat.jieba_cache`):

* :func:`slim_index` rewrites the index Material wrote: the school pages are
  excluded from Material's indexing (``search: exclude`` in their front matter)
  and come back as one compact entry each — name, district, stage and the
  compliance verdict — instead of every sentence of every plan. The JSON is
  written as UTF-8 rather than ``\\uXXXX`` escapes (half the size for Chinese).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]+")
ZWSP = "\u200b"


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
