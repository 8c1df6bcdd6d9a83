"""What the portal's search relies on in Material for MkDocs (``compat.RELIANCES``).

Each function answers for the installed Material: the portal's worker replaces Material's by
the file name Material's ``base.html`` gives it, the portal's ``partials/search.html`` is a
rewrite of 9.8.1's, and the school entries are segmented by Material's private
``SearchIndex._segment_chinese`` so they match the rest of the index. Outside the range a
reliance was written for, each falls back to what Material does itself (one warning).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import jinja2

from macros.glue import compat

WORKERS = "assets/javascripts/workers"
PARTIAL = "partials/search.html"


def _templates() -> Path:
    import material

    return Path(material.__file__).parent / "templates"


def worker_name() -> str | None:
    """Material's search worker as its ``base.html`` names it (``assets/javascripts/workers/
    search.<hash>.min.js``; the hash changes with each release, so it is read from the
    installed theme), or None when the portal's worker must not replace it."""
    if not compat.relied_on("search-worker-name"):
        return None
    found = sorted((_templates() / WORKERS).glob("search.*.min.js"))
    return f"{WORKERS}/{found[0].name}" if len(found) == 1 else None


def use_material_partial(env: jinja2.Environment) -> None:
    """Outside the range the portal's partial was written for, ``partials/search.html``
    resolves to Material's own (the project's ``overrides/`` would otherwise shadow it)."""
    if compat.relied_on("search-partial") or env.loader is None:
        return
    original = _templates() / PARTIAL

    def load(name: str) -> str | None:
        return original.read_text(encoding="utf-8") if name == PARTIAL else None

    env.loader = jinja2.ChoiceLoader([jinja2.FunctionLoader(load), env.loader])


# Han characters (CJK unified ideographs and their extensions A and compatibility block):
# what Material's ``\p{script: Han}`` selects for the text the portal indexes.
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def segmenter() -> Callable[[str], list[str]]:
    """Material's own Chinese segmentation, so the compact entries match the rest of the index;
    outside its range the same steps with jieba's public ``cut``."""
    from material.plugins.search import plugin as search_plugin

    jieba = search_plugin.jieba
    if jieba is None:
        return lambda text: [text]
    if compat.relied_on("search-segmenter"):
        index = search_plugin.SearchIndex()
        return lambda text: index._segment_chinese(text).split("\u200b")

    def segment(text: str) -> list[str]:
        def cut(match: re.Match[str]) -> str:
            return "\u200b" + "\u200b".join(jieba.cut(match.group(0))) + "\u200b"

        return _HAN.sub(cut, text).strip("\u200b").split("\u200b")

    return segment
