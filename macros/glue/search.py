"""The search index Material wrote, finished by the portal: the school pages come back as
one compact entry each (:func:`macros.core.searchtext.slim_index`), and the whole index is
written again as small files under ``search/portal/`` (:mod:`macros.core.searchshards`),
which the portal's search worker fetches only when the reader searches."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from macros.build import cache as buildcache
from macros.build import session
from macros.core import searchshards, searchtext
from macros.core.project import Project
from macros.glue.compat.material_search import segmenter


def finish_search_index(project: Project, site_dir: Path) -> None:
    path = site_dir / "search" / "search_index.json"
    if path.exists():
        cut = segmenter()
        registry = project.registry
        entries = [entry for source in registry.search_entries for entry in source(project, cut)]
        index = searchtext.slim_index(path.read_text(encoding="utf-8"), entries)
        path.write_text(index, encoding="utf-8")
        # Names that find a page (a glossary term, a document number) and the pages other
        # pages quote (see build_files), from every domain.
        defined: dict[str, list[str]] = {}
        sources: list[str] = []
        for terms in registry.search_terms:
            more, quoted = terms(project, cut)
            defined.update(more)
            sources += quoted
        write_shards(index, site_dir / "search" / "portal", defined, sources)


def shard_files(index: str, defined: dict[str, list[str]], sources: list[str]) -> dict[str, str]:
    """The browser's index files of Material's index (its JSON text): a build keeps them for the
    next one keyed by all it read (memo ``search-shards``), so a warm build does not weigh every
    section again (~0.3 s at city scale). ``mkdocs serve`` rebuilds weigh only the sections that
    changed (:func:`macros.core.searchshards.build_files`) and keep them in memory instead."""

    def make() -> dict[str, str]:
        return searchshards.build_files(json.loads(index)["docs"], defined, sources)

    if session.current().serving:
        return make()
    # Compressed: the files' text (about 6 MB at city scale) stays in memory until the cache is saved.
    memo = buildcache.memo("search-shards", compress=True)
    return buildcache.cached(memo, "\0".join([index, repr(defined), repr(sources)]), make)


def write_shards(index: str, folder: Path, defined: dict[str, list[str]] | None = None, sources: list[str] | None = None) -> None:
    """The browser's index files, replacing those of the previous build."""
    files = {folder / name: text for name, text in shard_files(index, defined or {}, sources or []).items()}
    # Under `mkdocs serve` (one process, the site folder kept between rebuilds): what the last
    # build wrote, so a rebuild writes only the index files that changed (a few of ~2,600 at
    # city scale) and deletes the ones no longer produced. The texts themselves are kept, not
    # hashes: most are the very strings build_files kept for unchanged pages, compared at once.
    state = session.current()
    written: dict[Path, str] = state.store("search.written-shards", dict)
    if not state.serving or not written or not folder.exists():
        if folder.exists():
            shutil.rmtree(folder)
        written.clear()
    made = set()
    for path, text in files.items():
        if written.get(path) == text and path.exists():
            continue
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_text(text, encoding="utf-8")
    for stale in written.keys() - files.keys():
        stale.unlink(missing_ok=True)
    written.clear()
    if state.serving:
        written.update(files)
