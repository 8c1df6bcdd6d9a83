"""Patch (MkDocs 1.6.1, Material 9.8; needs the page-output cache): render the page templates
of a cold build on the machine's second core while MkDocs renders them on the first.

MkDocs renders Material's page template for one page after another in one process; in a
cold build at city scale that, with Material's search plugin reading every page, is about a
quarter of the build, and none of it runs in a plain Material build's second process either.
When MkDocs starts writing pages (every page is converted by then, the navigation final),
a forked worker takes the pages from the last one backward and renders each exactly as the
page writer (:func:`macros.glue.compat.preview_cache.render_output`) would: it fills the
same ``page-output`` memo, under the same key, and sends the entries back. The build picks
them up as they arrive, renders every page the worker has not reached itself, and the two
meet somewhere in the middle. Nothing changes in the output: what arrives is exactly what a
warm build would find in the cache (tests/test_pages_ahead.py compares with the serial build).

A page whose rendering logged a warning or raised is not sent back, so the build renders it
itself and ``--strict`` sees the warning, or MkDocs reports the error as usual. When the
worker cannot start or dies, the build says so once in Chinese and renders the rest itself.
No worker is forked under ``mkdocs serve``, without a cache, or for fewer pages than the
threshold (``PORTAL_PAGES_AHEAD_MIN``).
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
from typing import Any

from macros.build import cache as buildcache
from macros.build import session
from macros.build.pool import WorkerPool
from macros.core.config import settings
from macros.glue.compat import jieba_cache, preview_cache, render_cache

MIN_PAGES_ENV = "PORTAL_PAGES_AHEAD_MIN"  # overrides settings' pages_ahead_min
log = logging.getLogger("portal.compat")  # not under "mkdocs.": a slower build is no content problem


def _ahead() -> dict[str, Any]:
    """This build's: whether a start was tried, the counts, the worker and its futures."""
    return session.current().per_build(
        "pages-ahead", lambda: {"tried": False, "stats": {"sent": 0, "received": 0}, "state": {}, "pending": []}
    )


def stats() -> dict[str, int]:
    return _ahead()["stats"]


def register() -> None:
    """Called by the hook in each build when the patch is allowed: the page writer asks on each page."""
    hooks = preview_cache.before_build_page()
    if collect not in hooks:
        hooks.append(collect)


def collect(page: Any, config: Any, doc_files: Any, nav: Any, env: Any) -> None:
    """Before the page writer looks a page up: start the worker on the first page of the build,
    tell it where the build is, and take what it has finished."""
    ahead = _ahead()
    if not ahead["tried"]:
        ahead["tried"] = True
        _start(page, config, doc_files, nav, env)
    pending = ahead["pending"]
    if not pending:
        return
    state = ahead["state"]
    here = state["position"].get(page.file.src_uri, -1)
    state["reached"].value = here  # the worker skips pages the build has reached
    memo = buildcache.memo("page-output", compress=True)
    elsewhere = preview_cache.made_elsewhere()
    while pending and pending[0].done():
        future = pending.pop(0)
        err = None if future.cancelled() else future.exception()
        if err is not None:
            log.warning(
                f"后台进程渲染页面模板时出错（{type(err).__name__}：{err}），其余页面改在构建进程中渲染，结果不变，只是慢一些。"
            )
            finish()
            return
        for key, blob, entries, nonempty in [] if future.cancelled() else future.result():
            ahead["stats"]["received"] += 1
            if key not in memo.entries:
                memo.put_packed(key, blob)  # for the next build, as if rendered here
                elsewhere[key] = (entries, nonempty)
    if not pending or here >= state["last"]:
        # Past the worker's last page: wait for the page it may be writing, so nothing it
        # writes can land after the build has moved on to the steps after the pages.
        finish()


def _start(building: Any, config: Any, doc_files: Any, nav: Any, env: Any) -> None:
    from mkdocs.structure.pages import Page

    if session.current().serving or buildcache.directory() is None:
        return
    memo = buildcache.memo("page-output", compress=True)
    todo = []
    for i, file in enumerate(doc_files):
        page = file.page
        if type(page) is not Page or file.inclusion.is_excluded():
            continue
        if preview_cache.page_key(page, config, nav, _template(page)) not in memo.entries:
            todo.append(i)
    if len(todo) >= settings().pages_ahead_min:
        _load_segmenter()
    pool = WorkerPool(1, items=len(todo), min_items=settings().pages_ahead_min)
    if not pool.forked:
        return
    ahead = _ahead()
    position = {file.src_uri: i for i, file in enumerate(doc_files)}
    # `building`: the page MkDocs was writing when the worker was forked, active (and with it its
    # sections in the navigation) until the worker makes it inactive again. `reached`: shared
    # memory, where the build is now (the worker skips what the build has reached).
    reached = multiprocessing.get_context("fork").RawValue("i", -1)
    state = {"config": config, "doc_files": doc_files, "nav": nav, "env": env, "building": building, "reached": reached}
    ahead["state"].update(state, pool=pool, position=position, last=max(todo))
    todo.reverse()  # the build goes forward, the worker backward
    chunk = settings().pages_ahead_chunk
    # Forked with the collector's objects frozen: a collection in the worker would otherwise
    # write to every object's header and so copy the build's memory page by page.
    gc.freeze()
    try:
        for i in range(0, len(todo), chunk):
            ahead["pending"].append(pool.submit(_render, todo[i : i + chunk]))
    except Exception as err:  # e.g. no process can be started: the build renders every page itself
        log.warning(f"无法启动渲染页面模板的后台进程（{type(err).__name__}：{err}），改在构建进程中渲染，结果不变，只是慢一些。")
        finish()
        return
    finally:
        gc.unfreeze()
    ahead["stats"]["sent"] = len(todo)


def _load_segmenter() -> None:
    """Material's search loads jieba's dictionary at its first Chinese text, which comes after
    the fork: loaded now, the worker shares the build's copy instead of loading its own."""
    try:
        from material.plugins.search import plugin as search_plugin
    except ImportError:
        return
    segmenter = getattr(search_plugin, "jieba", None)
    if isinstance(segmenter, jieba_cache.CachingJieba):
        segmenter.load_pending(initialize=True)
    elif segmenter is not None:
        segmenter.initialize()


def _template(page: Any) -> str:
    return page.meta.get("template", "main.html")


def finish() -> None:
    """Stop the worker (past its last page, at the end of a build, also a failed one, or after
    its error): what it has begun ends, nothing more begins."""
    ahead = _ahead()
    for future in ahead["pending"]:
        future.cancel()
    ahead["pending"].clear()
    pool = ahead["state"].pop("pool", None)
    if pool is not None:
        if "reached" in ahead["state"]:
            ahead["state"]["reached"].value = len(ahead["state"]["doc_files"])
        pool.shutdown(cancel=True)
    ahead["state"].clear()


def _render(indices: list[int]) -> list[tuple[str, bytes, list[dict], bool]]:
    """In the worker: render and write pages as the page writer would; send back each one's
    key, memo entry, search entries and whether it had any output."""
    from mkdocs import utils

    mkdocs_log = logging.getLogger("mkdocs")
    for handler in list(mkdocs_log.handlers):  # the build reports warnings itself
        mkdocs_log.removeHandler(handler)
    state = _ahead()["state"]  # the build's session, inherited by the forked worker
    config, doc_files, nav, env, reached = (state[k] for k in ("config", "doc_files", "nav", "env", "reached"))
    state["building"].active = False
    index = preview_cache._search_index(config)
    entries_before = len(index.entries) if index is not None else 0
    memo = buildcache.memo("page-output", compress=True)
    out = []
    for i in indices:
        if i <= reached.value:
            continue  # the build has got there itself
        page = doc_files[i].page
        name = _template(page)
        config._current_page = page
        page.active = True
        try:
            key = preview_cache.page_key(page, config, nav, name)
            with render_cache.mkdocs_warnings() as counter:
                data, entries = preview_cache.render_output(page, config, doc_files, nav, env, name, index)
            if counter.count == 0:  # else the build renders it itself, and --strict sees the warning
                if data:
                    utils.write_file(data, page.file.abs_dest_path)
                out.append((key, memo.pack((data, entries)), entries, bool(data)))
        except Exception:  # the build renders it itself and reports the error as MkDocs does
            pass
        finally:
            page.active = False
            config._current_page = None
            if index is not None:  # only each page's own entries are sent back
                del index.entries[entries_before:]
    return out
