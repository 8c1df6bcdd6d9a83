"""The search index Material wrote, finished by the portal: the school pages come back as
one compact entry each (:func:`macros.core.searchtext.slim_index`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from macros.core import searchtext
from macros.core.project import Project
from macros.plans.schools import school_search_entries


def segmenter() -> Callable[[str], list[str]]:
    """Material's own Chinese segmentation, so the compact entries match the rest of the index."""
    from material.plugins.search import plugin as search_plugin

    if search_plugin.jieba is None:
        return lambda text: [text]
    index = search_plugin.SearchIndex()
    return lambda text: index._segment_chinese(text).split("\u200b")


def finish_search_index(project: Project, site_dir: Path) -> None:
    path = site_dir / "search" / "search_index.json"
    if path.exists():
        entries = school_search_entries(project, segmenter())
        path.write_text(searchtext.slim_index(path.read_text(encoding="utf-8"), entries), encoding="utf-8")
