"""Patch (MkDocs 1.6.1): in ``mkdocs build``, once every page is converted, drop what no later
step reads and hand the memory back to the system, before page templates go to a forked worker
(:mod:`macros.glue.compat.pages_ahead`).

A forked worker starts out sharing all of the build's memory; every page of it counts once in
the memory of the build's processes together (PSS), and again each time one of them writes to
it. So what the build holds when it forks sets the floor of its peak. At city scale:

- the pages' Markdown, about 36 MB, which MkDocs keeps on every ``Page`` after converting it and
  nothing reads again (the page writer, Material's templates and search read the HTML; the blog
  plugin reads its posts' Markdown again, so they keep theirs);
- the memos (parsed YAML, converted HTML, the school pages' Markdown…), about 40 MB, which this
  build will not ask again: saved now rather than at the end and dropped
  (:func:`macros.build.cache.release_all`; one asked after all is read back from its file);
- the page writer's own memo gains every page's output from here on (about 30 MB): kept in a
  spool file beside the cache instead (:meth:`macros.build.cache.Memo.spool`).

Freed memory would stay in the allocator's free lists, so it is returned to the system
(glibc's ``malloc_trim``; elsewhere nothing happens). Nothing changes in the output or in
``.cache/`` (tests/test_pages_ahead.py, tests/test_build_memory.py). Not under ``mkdocs
serve``: there the converted pages and memos are kept for the next rebuild.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
from functools import cache
from typing import Any

from macros.build import cache as buildcache
from macros.build import session

OUTPUT_MEMO = "page-output"  # the page writer's memo (macros.glue.compat.preview_cache)


def release(files: Any) -> None:
    """Called by the hook at ``on_env`` of a build: every page is converted by then."""
    from mkdocs.structure.pages import Page

    state = session.current()
    if state.serving:
        return
    released = 0
    for file in files.documentation_pages():
        # Plain pages only: the blog plugin renders its posts' excerpts from their Markdown
        # when it writes the index pages. Empty, not None: MkDocs 1.6.1's Page.title reads
        # None as "not read yet".
        if type(file.page) is Page and file.page.markdown:
            file.page.markdown = ""
            released += 1
    state.build_stats()["released_pages"] = released
    # The page writer's own memo stays: it is asked for every page from now on. What it gains
    # from now on (every page's output, about 30 MB at city scale) goes to a file meanwhile.
    buildcache.release_all(keep=(OUTPUT_MEMO,))
    directory = buildcache.directory()
    if directory is not None:
        buildcache.memo(OUTPUT_MEMO, compress=True).spool(directory)
    gc.collect()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@cache
def _malloc_trim() -> Any:
    """glibc's ``malloc_trim`` (returns free memory inside the heap to the system), or None."""
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc (musl, macOS, Windows): freed memory is kept
        return None
