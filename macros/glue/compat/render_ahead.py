"""Patch (MkDocs 1.6; needs the page-render cache): convert the generated school pages' Markdown on the
machine's second core while MkDocs converts the other pages on the first.

MkDocs converts pages one after another in one process; at city scale 1,600 of
the 2,500 pages are school pages whose final Markdown is known as soon as the
files are collected (no macros, no page-level rendering). A forked worker
converts them, last page first, with the same ``Page.render`` as the build
(:mod:`macros.glue.compat.render_cache`), and sends back the cache entries; the build picks
them up as they arrive, converts any page the worker has not reached itself, and
so the two meet somewhere in the middle. A conversion that logged a warning is
never sent back, so the build converts that page itself and ``--strict`` sees the
warning. Nothing changes in the output: the worker only fills the same cache.
"""

from __future__ import annotations

import logging
from typing import Any

from macros.build import cache as buildcache
from macros.build import session
from macros.build.pool import WorkerPool
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
    return session.current().per_build("render-ahead", lambda: {"stats": {"sent": 0, "received": 0}, "state": {}, "pending": []})


def stats() -> dict[str, int]:
    return _ahead()["stats"]


def start(config: Any, files: Any, src_uris: list[str]) -> int:
    """Start converting ``src_uris`` (generated pages) in the background; how many were sent."""
    finish()
    ahead = _ahead()
    ahead["stats"].update(sent=0, received=0)
    from mkdocs.structure.pages import Page

    from macros.glue import compat

    if not getattr(Page.render, "_portal_cached", False) or not compat.allowed("render-ahead"):
        return 0  # the worker fills the page-render cache: nothing to do without it
    if buildcache.directory() is None:
        return 0
    memo = render_cache.html_memo(config)
    missing = []
    for src_uri in src_uris:
        key = _key(config, files, src_uri)
        if key is not None and key not in memo.entries:
            missing.append(src_uri)
    pool = WorkerPool(1, items=len(missing), min_items=min_pages())
    if not pool.forked:
        return 0
    ahead["stats"]["sent"] = len(missing)
    if collect not in render_cache.before_render():
        render_cache.before_render().append(collect)
    ahead["state"].update(config=config, files=files, pool=pool)
    missing.reverse()  # the build goes forward, the worker backward
    chunk = settings().render_ahead_chunk
    for i in range(0, len(missing), chunk):
        ahead["pending"].append(pool.submit(_convert, missing[i : i + chunk]))
    return len(missing)


def collect(config: Any) -> None:
    """Store whatever the worker has finished (called before each page is converted)."""
    ahead = _ahead()
    pending = ahead["pending"]
    if not pending:
        return
    memo = render_cache.html_memo(config)
    while pending and pending[0].done():
        future = pending.pop(0)
        if future.exception() is None:
            for key, blob in future.result():
                ahead["stats"]["received"] += 1
                if key not in memo.entries:
                    memo.entries[key] = blob
    if not pending:
        finish()


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


def _key(config: Any, files: Any, src_uri: str) -> str | None:
    from mkdocs.utils import meta

    file = files.get_file_from_path(src_uri)
    if file is None or file.abs_src_path is not None and file._content is None:
        return None
    body, _ = meta.get_data(file.content_string)
    return render_cache.page_key(src_uri, file.url, files, body)


def _convert(src_uris: list[str]) -> list[tuple[str, bytes]]:
    """In the worker: convert pages with the build's own (caching) ``Page.render``."""
    from mkdocs.structure.pages import Page
    from mkdocs.utils import meta

    mkdocs_log = logging.getLogger("mkdocs")
    for handler in list(mkdocs_log.handlers):  # the build reports warnings itself
        mkdocs_log.removeHandler(handler)
    state = _ahead()["state"]  # the build's session, inherited by the forked worker
    config, files = state["config"], state["files"]
    memo = render_cache.html_memo(config)
    out = []
    for src_uri in src_uris:
        file = files.get_file_from_path(src_uri)
        kept = file.page  # a Page makes itself the file's page: the worker's copy, set back below
        page = Page(None, file, config)
        file.page = kept
        page.markdown, page.meta = meta.get_data(file.content_string)
        key = render_cache.page_key(src_uri, file.url, files, page.markdown)
        page.render(config, files)  # stores the result unless the conversion logged a warning
        # Sent, not kept: the worker's copy of the memo would otherwise grow by every page.
        blob = memo.entries.pop(key, None)
        memo.used.pop(key, None)
        if blob is not None:
            out.append((key, blob))
    return out
