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
from macros.core.links import page_url
from macros.core.project import Project
from macros.plans.schools import school_search_entries
from macros.policy.access import glossary_terms, library


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
        cut = segmenter()
        defined = {"glossary/": ["\u200b".join(cut(t.term)) for t in glossary_terms(project)]}
        for policy in library(project).policies:  # a document number finds its document
            names = [policy.doc_number, *policy.meta.get("aliases", [])]
            defined[page_url(policy.src_uri)] = ["\u200b".join(cut(n)) for n in names if n]
        write_shards(json.loads(index)["docs"], site_dir / "search" / "portal", defined)


def write_shards(docs: list[dict], folder: Path, defined: dict[str, list[str]] | None = None) -> None:
    """The browser's index files, replacing those of the previous build (``mkdocs serve``)."""
    if folder.exists():
        shutil.rmtree(folder)
    for name, text in searchshards.build_files(docs, defined).items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
