"""The search index Material wrote, finished by the portal: the school pages come back as
one compact entry each (:func:`macros.core.searchtext.slim_index`), and the whole index is
written again as small files under ``search/portal/`` (:mod:`macros.core.searchshards`),
which the portal's search worker fetches only when the reader searches."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

from macros.core import searchshards, searchtext
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
        index = searchtext.slim_index(path.read_text(encoding="utf-8"), entries)
        path.write_text(index, encoding="utf-8")
        write_shards(json.loads(index)["docs"], site_dir / "search" / "portal")


def write_shards(docs: list[dict], folder: Path) -> None:
    """The browser's index files, replacing those of the previous build (``mkdocs serve``)."""
    if folder.exists():
        shutil.rmtree(folder)
    for name, text in searchshards.build_files(docs).items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
