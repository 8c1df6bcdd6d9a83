"""MkDocs glue (not engine): convert the generated school pages' Markdown on the
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
import os
from typing import Any

from macros.build import cache as buildcache
from macros.glue.compat import render_cache

CHUNK = 20  # pages per message from the worker
MIN_PAGES = 200  # fewer are not worth a process; PORTAL_RENDER_AHEAD_MIN overrides it
MIN_PAGES_ENV = "PORTAL_RENDER_AHEAD_MIN"
log = logging.getLogger("mkdocs.plugins.portal")


def min_pages() -> int:
    """The threshold, from the environment if set there (a bad value is reported, not fatal)."""
    raw = os.environ.get(MIN_PAGES_ENV)
    if raw is None:
        return MIN_PAGES
    if raw.strip().isdigit() and int(raw) > 0:
        return int(raw)
    log.warning(f"环境变量 {MIN_PAGES_ENV} 应为正整数，现为“{raw}”，按默认值 {MIN_PAGES} 处理。")
    return MIN_PAGES


stats = {"sent": 0, "received": 0}

_state: dict[str, Any] = {}  # what the forked worker needs: config, files, the pages
_pending: list[Any] = []  # futures not collected yet


def start(config: Any, files: Any, src_uris: list[str]) -> int:
    """Start converting ``src_uris`` (generated pages) in the background; how many were sent."""
    finish()
    stats.update(sent=0, received=0)
    if (os.cpu_count() or 1) < 2 or buildcache.directory() is None or not buildcache.can_fork():
        return 0
    memo = buildcache.memo("page-html", render_cache._version(config))
    missing = []
    for src_uri in src_uris:
        key = _key(config, files, src_uri)
        if key is not None and key not in memo.entries:
            missing.append(src_uri)
    if len(missing) < min_pages():
        return 0
    stats["sent"] = len(missing)
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    _state.update(config=config, files=files)
    pool = ProcessPoolExecutor(max_workers=1, mp_context=get_context("fork"))
    _state["pool"] = pool
    missing.reverse()  # the build goes forward, the worker backward
    for i in range(0, len(missing), CHUNK):
        _pending.append(pool.submit(_convert, missing[i : i + CHUNK]))
    return len(missing)


def collect(config: Any) -> None:
    """Store whatever the worker has finished (called before each page is converted)."""
    if not _pending:
        return
    memo = buildcache.memo("page-html", render_cache._version(config))
    while _pending and _pending[0].done():
        future = _pending.pop(0)
        if future.exception() is None:
            for key, blob in future.result():
                stats["received"] += 1
                if key not in memo.entries:
                    memo.entries[key] = blob
    if not _pending:
        finish()


def finish() -> None:
    """Stop the worker (at the end of a build, also a failed one)."""
    for future in _pending:
        future.cancel()
    _pending.clear()
    pool = _state.pop("pool", None)
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)
    _state.clear()


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
    config, files = _state["config"], _state["files"]
    memo = buildcache.memo("page-html", render_cache._version(config))
    out = []
    for src_uri in src_uris:
        file = files.get_file_from_path(src_uri)
        page = Page(None, file, config)
        page.markdown, page.meta = meta.get_data(file.content_string)
        key = render_cache.page_key(src_uri, file.url, files, page.markdown)
        page.render(config, files)  # stores the result unless the conversion logged a warning
        blob = memo.entries.get(key)
        if blob is not None:
            out.append((key, blob))
    return out
