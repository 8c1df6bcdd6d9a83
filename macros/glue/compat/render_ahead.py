"""Patch (MkDocs 1.6; needs the page-render cache): convert the generated school and case pages'
Markdown, and that of the domains' other generated pages (overviews, listings, the last pages
the build meets), on the machine's second core while MkDocs converts the other pages on the first.

MkDocs converts pages one after another in one process; at city scale 1,600 of the 2,500
pages are school pages and 600 case pages, whose final Markdown is known as soon as the files
are collected (a school page's is the generated file, a case page's the file after the
casebook's renderer, :func:`macros.composition.render_page_markdown`; no macros). A forked
worker converts them with the same ``Page.render`` as the build
(:mod:`macros.glue.compat.render_cache`) and sends back the cache entries; the build picks them
up as they arrive and converts any page the worker has not reached itself. The build meets the
case pages first and the school pages later (the training pages between): the worker takes the
case pages from the last one backward while the build goes forward, skips what the build has
passed where they meet, and then does the same with the school pages. A conversion that logged a warning is
never sent back, so the build converts that page itself and ``--strict`` sees the warning.
Nothing changes in the output: the worker only fills the same cache, under the key of the
Markdown it converted (a page whose Markdown a plugin changes after all is simply converted
by the build).
"""

from __future__ import annotations

import logging
import multiprocessing
from typing import Any

from macros import composition
from macros.build import cache as buildcache
from macros.build import session
from macros.build.pool import WorkerPool
from macros.core import site
from macros.core.config import settings
from macros.glue.compat import render_cache

MIN_PAGES_ENV = "PORTAL_RENDER_AHEAD_MIN"  # overrides settings' render_ahead_min
log = logging.getLogger("mkdocs.plugins.portal")


def min_pages() -> int:
    """The threshold, from the environment if set there (a bad value is reported, not fatal)."""
    return settings().render_ahead_min


def _ahead() -> dict[str, Any]:
    """This build's: the counts, what the forked worker needs (config, files, the pool) and the
    futures not collected yet."""
    return session.current().per_build(
        "render-ahead",
        lambda: {
            "stats": {"sent": 0, "received": 0, "markdown_reused": 0},
            "state": {},
            "pending": [],
            "received": [],
            "markdown": {},
        },
    )


def stats() -> dict[str, int]:
    return _ahead()["stats"]


def start(config: Any, files: Any, src_uris: list[str]) -> int:
    """Start converting ``src_uris`` (generated pages) in the background; how many were sent."""
    finish()
    ahead = _ahead()
    ahead["stats"].update(sent=0, received=0, markdown_reused=0)
    from mkdocs.structure.pages import Page

    from macros.glue import compat

    if not getattr(Page.render, "_portal_cached", False) or not compat.allowed("render-ahead"):
        return 0  # the worker fills the page-render cache: nothing to do without it
    if buildcache.directory() is None:
        return 0
    memo = render_cache.html_memo(config)
    position = {file.src_uri: i for i, file in enumerate(files.documentation_pages())}
    missing = []
    for src_uri in src_uris:
        if src_uri not in position:
            continue  # not a page (a generated download)
        key = _key(config, files, src_uri)
        if key is not None and key not in memo.entries:
            missing.append(src_uri)
    pool = WorkerPool(1, items=len(missing), min_items=min_pages())
    if not pool.forked:
        return 0
    ahead["stats"]["sent"] = len(missing)
    if collect not in render_cache.before_render():
        render_cache.before_render().append(collect)
    # Shared memory: where the build is now (the worker skips pages the build has converted).
    reached = multiprocessing.get_context("fork").RawValue("i", -1)
    ahead["state"].update(config=config, files=files, pool=pool, position=position, reached=reached)
    chunk = settings().render_ahead_chunk
    for run in _runs(sorted((position[src_uri], src_uri) for src_uri in missing)):
        for i in range(0, len(run), chunk):
            ahead["pending"].append(pool.submit(_convert, run[i : i + chunk]))
    return len(missing)


def _runs(pages: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """The pages in runs of neighbours in the build's order (the case pages, then the school
    pages), each run from its last page backward: the build goes forward through a run, the
    worker backward, and where they meet the worker moves on to the next run."""
    runs: list[list[tuple[int, str]]] = []
    for page in pages:
        if runs and runs[-1][-1][0] == page[0] - 1:
            runs[-1].append(page)
        else:
            runs.append([page])
    return [run[::-1] for run in runs]


def collect(config: Any, page: Any) -> None:
    """Store whatever the worker has finished (called before each page is converted), and tell
    it where the build is."""
    ahead = _ahead()
    pending = ahead["pending"]
    if not pending:
        return
    here = ahead["state"]["position"].get(page.file.src_uri)
    if here is not None:
        ahead["state"]["reached"].value = here
    memo = render_cache.html_memo(config)
    while pending and pending[0].done():
        future = pending.pop(0)
        if future.exception() is None:
            for key, blob in future.result():
                ahead["stats"]["received"] += 1
                ahead["received"].append(key)
                if key not in memo.entries:
                    memo.entries[key] = blob
    if not pending:
        finish()


def tally(config: Any) -> None:
    """Once every page is converted: how many of the conversions that came back the build used
    (``used`` in :func:`stats`; a page whose Markdown a plugin changed after all is not)."""
    memo = render_cache.html_memo(config)
    _ahead()["stats"]["used"] = sum(key in memo.used for key in _ahead()["received"])


def finish(wait: bool = True) -> None:
    """Stop the worker (once every page is converted, or at the end of a build, also a failed
    one); ``wait=False``: without waiting for the pages it is converting, which nobody needs."""
    ahead = _ahead()
    for future in ahead["pending"]:
        future.cancel()
    ahead["pending"].clear()
    pool = ahead["state"].pop("pool", None)
    if pool is not None:
        pool.shutdown(cancel=True, wait=wait)
    ahead["state"].clear()


def _markdown(src_uri: str, file: Any) -> tuple[str, str, dict]:
    """The page's Markdown as MkDocs reads it (after the front matter), as the hook will hand
    it to the converter (after its domain's renderer: a case page's header and footer), and its
    front matter. If a plugin changes it further, the key the build looks up differs and the
    build converts the page itself: nothing is taken by mistake."""
    known = _ahead()["markdown"].get(src_uri)
    if known is not None:
        return known
    from mkdocs.utils import meta

    body, page_meta = meta.get_data(file.content_string)
    return body, composition.render_page_markdown(site.current(), src_uri, body) or body, page_meta


def _key(config: Any, files: Any, src_uri: str) -> str | None:
    """The page's conversion key; its Markdown is kept for :func:`final_markdown` (and the
    worker), the key for the build's own lookup (``render_cache.page_key``)."""
    file = files.get_file_from_path(src_uri)
    if file is None:
        return None
    known = _ahead()["markdown"][src_uri] = _markdown(src_uri, file)
    return render_cache.page_key(src_uri, file.url, files, known[1], remember=True)


def final_markdown(src_uri: str, markdown: str) -> str | None:
    """The page's final Markdown (after its domain's renderer) if :func:`start` made it from
    this same Markdown, else None: the renderer runs once per page, not at the keys and again
    in ``on_page_markdown``. Each page asks once; what it gets is forgotten."""
    ahead = _ahead()
    known = ahead["markdown"].pop(src_uri, None)
    if known is None or known[0] != markdown:
        return None
    ahead["stats"]["markdown_reused"] += 1
    return known[1]


def _convert(pages: list[tuple[int, str]]) -> list[tuple[str, bytes]]:
    """In the worker: convert pages the build has not reached with its own (caching) ``Page.render``."""
    from mkdocs.structure.pages import Page

    mkdocs_log = logging.getLogger("mkdocs")
    for handler in list(mkdocs_log.handlers):  # the build reports warnings itself
        mkdocs_log.removeHandler(handler)
    state = _ahead()["state"]  # the build's session, inherited by the forked worker
    config, files, reached = state["config"], state["files"], state["reached"]
    memo = render_cache.html_memo(config)
    out = []
    for position, src_uri in pages:
        if position <= reached.value:
            continue  # the build has converted it itself
        file = files.get_file_from_path(src_uri)
        kept = file.page  # a Page makes itself the file's page: the worker's copy, set back below
        page = Page(None, file, config)
        file.page = kept
        _body, page.markdown, page.meta = _markdown(src_uri, file)
        key = render_cache.page_key(src_uri, file.url, files, page.markdown, remember=True)
        page.render(config, files)  # stores the result unless the conversion logged a warning
        # Sent, not kept: the worker's copy of the memo would otherwise grow by every page.
        blob = memo.entries.pop(key, None)
        memo.used.pop(key, None)
        if blob is not None:
            out.append((key, blob))
    return out
