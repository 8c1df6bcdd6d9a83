"""Patch (MkDocs 1.6.1): under ``mkdocs serve``, a rebuild after an edit of content redoes
only what the edit reached, instead of MkDocs' whole-site rebuild.

MkDocs rebuilds the whole site after every save. At city scale that is about three seconds
even when every page's output is reused (docs/about/performance.md): the content checks,
the 2,500 pages taken through every plugin event, the search index. Here the rebuild of
``mkdocs serve`` (``mkdocs.commands.build.build`` as the serve command calls it) first
tries an incremental rebuild on what the last full build of the session left:

1. **What changed.** Every file ``mkdocs serve`` watches is compared (size, modification
   time) with the state the last build started from. Anything but modified content
   files (regular Markdown and YAML files under the content and data folders, not the
   blog) makes the full rebuild run: added, removed or renamed files, ``mkdocs.yml``, the
   engine, the templates, scripts and styles, word lists.
2. **What the edit reached, recorded, not listed.** The last full build recorded what it
   read (:mod:`macros.build.reads`): for each value the project made once (the cases, each
   school, each check, the listings ...) the files and other values it read, and for each
   page the same. The values an edit can reach are made again, each after the values it
   read, and only if something it read changed; a value made inside another is made again
   with it when its maker holds data of that value (:func:`_standalone`). One that comes out
   the same as before keeps the old object and stops there. Values per item
   (``Project.once_each``: a school, a case's check, a file's check) keep a save local, and
   a page that looks itself up in a table (``Project.once_entry``: is it a case?) reads its
   own entry only: a case's text reaches its own page, a school file its school's pages.
3. **The same checks.** Every check is a value too (``composition.check_project``): those
   that read what changed run again, on the kept project; if the problems are not exactly
   those of the last build (none), the full rebuild runs and reports them the usual way.
   The navigation, the set of generated pages, each rebuilt page's title and anchors must
   be what they were, or the full rebuild runs.
4. **Only the pages reached** are converted and rendered again (and the Word files and
   downloads that changed copied); every plugin's ``on_post_build`` then runs as in a full
   build (the search index from every page's entries, the search shards, the feeds).

A warning during any of this, an exception, more than :data:`MAX_PAGES` pages reached, or
a page that is not a plain page (the blog) makes the full rebuild run. The differential test (tests/test_differential_build.py)
compares each ``make serve`` rebuild, which takes this path whenever it applies, with a
cold build byte for byte after random edits.
"""

from __future__ import annotations

import logging
import os
import pickle
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from macros.build import cache as buildcache
from macros.build import reads, session
from macros.core import site
from macros.core.project import CONTENT_DIRS, DATA_DIRS, ENTRY, ONCE
from macros.glue.compat.preview_values import (
    _MISSING,
    _changed_entries,
    _entry_tables,
    _held_by,
    _made_inside,
    _pickled,
    _reached_in_order,
    _same,
)
from macros.glue.compat.render_cache import mkdocs_warnings

log = logging.getLogger("mkdocs.commands.serve")

# What an incremental rebuild may start from: modified content in these folders, of these
# kinds. The blog (docs/news/) renders lists of its own and is left to the full rebuild.
_CONTENT_SUFFIXES = (".md", ".yml", ".yaml")
_NOT_LOCAL = ("docs/news/",)
# More pages reached than this, and the full rebuild, which reuses every other page's output,
# is about as quick (a page converted again costs some 20 ms at city scale, one reused 1 ms).
MAX_PAGES = 100


@dataclass
class _Last:
    """What the last full build of this serve session left for the next rebuild."""

    inputs: dict[str, tuple[int, int]] = field(default_factory=dict)  # watched file -> size, mtime
    config: Any = None
    files: Any = None
    nav: Any = None
    env: Any = None
    doc_files: Any = None
    project: Any = None
    page_reads: dict[str, set[str]] = field(default_factory=dict)  # src_uri -> what the page read
    entries: dict[str, list[dict]] = field(default_factory=dict)  # src_uri -> its search entries
    generated: dict[str, tuple[Any, Any]] = field(default_factory=dict)  # src_uri -> (content, source)
    nav_data: Any = None  # the navigation after the domains expanded it (plain data)
    nav_config: Any = None  # the navigation of mkdocs.yml, before
    ok: bool = False


@dataclass
class _State:
    last: _Last | None = None
    building: _Last | None = None
    stats: dict[str, Any] = field(default_factory=dict)


def _state() -> _State:
    return session.current().store("preview-incremental", _State)


def stats() -> dict[str, Any]:
    """The last rebuild: incremental or full, why it was full, pages rendered, seconds."""
    return _state().stats


def install() -> None:
    """Wrap the build ``mkdocs serve`` runs (before serve-survives-errors wraps it in turn),
    and MkDocs' page steps, which record what each page reads."""
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.commands import serve as serve_module

    if getattr(mkdocs_build.build, "_portal_incremental", False):
        return
    original = mkdocs_build.build

    def build(config: Any, *, serve_url: str | None = None, dirty: bool = False) -> None:
        if session.current().serving and serve_url and not dirty:
            started = time.perf_counter()
            reason = _incremental(config)
            if reason is None:
                _state().stats.update(seconds=round(time.perf_counter() - started, 3))
                return
            _state().stats = {"incremental": False, "why": reason}
            _full(original, config, serve_url)
            return
        original(config, serve_url=serve_url, dirty=dirty)

    build._portal_incremental = True  # type: ignore[attr-defined]
    mkdocs_build.build = build
    serve_module.build = build  # pyright: ignore[reportPrivateImportUsage]  # the name the serve command calls
    _install_page_steps(mkdocs_build)


def _full(original: Any, config: Any, serve_url: str) -> None:
    """MkDocs' own build, recording what it reads for the next rebuild."""
    from macros import composition

    state = _state()
    state.last = None
    building = state.building = _Last(inputs=_snapshot(config), nav_config=pickle.loads(pickle.dumps(config["nav"])))
    try:
        with reads.recording(propagate=False):
            original(config, serve_url=serve_url, dirty=False)
    finally:
        state.building = None
    project = building.project = site.active()
    if project is None or building.files is None or building.env is None:
        return
    building.nav_data = _pickled(config["nav"])  # as the hook expanded it
    building.generated = {p.src_uri: (p.content, p.abs_src_path) for p in composition.collection_pages(project)}
    building.ok = True
    state.last = building


def _install_page_steps(mkdocs_build: Any) -> None:
    populate, build_page = mkdocs_build._populate_page, mkdocs_build._build_page

    def _populate_page(page: Any, config: Any, files: Any, dirty: bool = False) -> None:
        building = _state().building
        if building is None:
            return populate(page, config, files, dirty)
        building.config, building.files = config, files
        with reads.recording(propagate=False) as found:
            result = populate(page, config, files, dirty)
        building.page_reads[page.file.src_uri] = found
        return result

    def _build_page(page: Any, config: Any, doc_files: Any, nav: Any, env: Any, dirty: bool = False, excluded: bool = False):
        building = _state().building
        if building is None:
            return build_page(page, config, doc_files, nav, env, dirty, excluded)
        building.nav, building.env, building.doc_files = nav, env, doc_files
        index = _search_index(config)
        before = len(index.entries) if index is not None else 0
        with reads.recording(propagate=False) as found:
            result = build_page(page, config, doc_files, nav, env, dirty, excluded)
        building.page_reads.setdefault(page.file.src_uri, set()).update(found)
        if index is not None:
            building.entries[page.file.src_uri] = index.entries[before:]
        return result

    mkdocs_build._populate_page = _populate_page
    mkdocs_build._build_page = _build_page


# -- what changed ----------------------------------------------------------------


def _watched(config: Any) -> list[Path]:
    """What ``mkdocs serve`` watches: the docs folder, mkdocs.yml, the ``watch`` list, the theme overrides."""
    roots = [config.docs_dir, config.config_file_path, *config.watch]
    if config.theme.custom_dir:
        roots.append(config.theme.custom_dir)
    return [Path(r) for r in roots if r]


def _snapshot(config: Any) -> dict[str, tuple[int, int]]:
    found: dict[str, tuple[int, int]] = {}
    for root in _watched(config):
        if root.is_file():
            st = root.stat()
            found[os.path.abspath(root)] = (st.st_size, st.st_mtime_ns)
            continue
        for folder, _dirs, names in os.walk(root):
            for name in names:
                path = os.path.abspath(os.path.join(folder, name))
                try:
                    st = os.stat(path)
                except OSError:
                    continue
                found[path] = (st.st_size, st.st_mtime_ns)
    return found


def _regular(path: str) -> bool:
    """A plain file, not a link or a pipe put in its place (the checks that look for those
    walk the folders, which is no read the record sees: the full rebuild runs them)."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def _local(path: str, root: Path) -> bool:
    """A content file an incremental rebuild may start from."""
    try:
        rel = Path(path).relative_to(root).as_posix()
    except ValueError:
        return False
    top = rel.split("/", 1)[0]
    return top in (*CONTENT_DIRS, *DATA_DIRS) and rel.endswith(_CONTENT_SUFFIXES) and not rel.startswith(_NOT_LOCAL)


# -- the incremental rebuild -----------------------------------------------------------


class _Fallback(Exception):
    """The edit is not provably local: the full rebuild runs."""


def _incremental(config: Any) -> str | None:
    """Rebuild incrementally; None when done, else why the full rebuild must run."""
    state = _state()
    last = state.last
    if last is None or not last.ok:
        return "首次构建或上次构建未完成"
    inputs = _snapshot(config)
    added = inputs.keys() - last.inputs.keys()
    removed = last.inputs.keys() - inputs.keys()
    if added or removed:
        return "增删了文件"
    changed = {p for p, sig in inputs.items() if last.inputs[p] != sig}
    root = Path(last.project.root)
    outside = sorted(p for p in changed if not _local(p, root) or not _regular(p))
    if outside:
        return f"改动不限于内容文件：{os.path.relpath(outside[0], root)}"
    try:
        with mkdocs_warnings() as counter, reads.recording(propagate=False):
            rendered = _rebuild(config, last, changed) if changed else 0
    except _Fallback as why:
        state.last = None  # the kept state is partly updated: the full rebuild starts afresh
        return str(why)
    except Exception as err:  # anything unforeseen: the full rebuild is always right
        state.last = None
        log.debug("增量重建失败，改为完整重建：%r", err, exc_info=True)
        return f"增量重建出错：{type(err).__name__}"
    if counter.count:
        state.last = None
        return "增量重建有警告"
    last.inputs = inputs
    state.stats = {"incremental": True, "changed": len(changed), "rendered": rendered}
    log.info(f"增量重建：改动 {len(changed)} 个文件，重新生成 {rendered} 个页面。")
    return None


def _rebuild(config: Any, last: _Last, changed: set[str]) -> int:
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.structure.pages import Page

    from macros import composition
    from macros.glue.compat import preview_cache
    from macros.glue.macro_check import check_macros

    state = session.current()
    # A continuation of the last full build: what its steps left for the build (the shipped
    # asset names, the pages written) stays; only the caches of data files check their files again.
    state.builds += 1
    preview_cache.begin_build()
    buildcache.reread_inputs()
    project = last.project
    project.render_errors.clear()
    site.start(project)
    config, files, nav, env, doc_files = last.config, last.files, last.nav, last.env, last.doc_files

    # The values the edit reached, made again, each after the values it read. One made inside
    # another is made again with it (its maker may use that value's data); one that comes out
    # the same as before keeps the old object and reaches nothing further. A table that pages
    # look single entries up in (Project.once_entry) reaches only the readers of changed entries.
    values = project.once_reads
    dirty = set(changed)
    for rel in list(project._data):
        if os.path.abspath(project.root / rel) in changed:
            del project._data[rel]
    for key in list(project._front_matter):
        if os.path.abspath(key[0]) in changed:
            del project._front_matter[key]
    for key, (_found, make, _inside) in list(values.items()):
        if isinstance(make, type):  # a scratch container filled later (a memo of one build): empty again
            project._once[key] = make()
    tables = _entry_tables(values, last.page_reads)
    done: set[str] = set()
    held = _held_by(values)
    for key in _reached_in_order(values, changed, held):
        found, make, _inside = values[key]
        if key in done or isinstance(make, type) or not found & dirty:
            continue
        inside = [k for k in _made_inside(held, key) if k not in done]
        done.update((key, *inside))
        olds = {k: project._once.pop(k) for k in (key, *inside) if k in project._once}
        project._made(key, make, inside=False)
        for k, old in olds.items():
            new = project._once.get(k, _MISSING)
            if new is not _MISSING and _same(old, new):
                project._once[k] = old  # the same object: what was made from it stays valid
                continue
            dirty.add(ONCE + k)
            if k in tables and isinstance(old, dict) and isinstance(new, dict):
                dirty.update(f"{ONCE}{k}{ENTRY}{item}" for item in _changed_entries(old, new))
        # A value that reaches most pages: the full rebuild (which reuses every other page's
        # output) is as quick, and runs at once.
        reached = sum(1 for found in last.page_reads.values() if found & dirty)
        if reached > MAX_PAGES:
            raise _Fallback(f"改动影响 {reached} 个页面")

    # The pages that read what changed: plain pages, and not so many that the full rebuild
    # (which reuses every other page's output) would be as quick; else that runs at once.
    by_uri = {f.src_uri: f for f in doc_files}
    pages: list[Any] = [by_uri[u] for u, found in last.page_reads.items() if found & dirty and u in by_uri]
    if len(pages) > MAX_PAGES:
        raise _Fallback(f"改动影响 {len(pages)} 个页面")
    for file in pages:
        if type(file.page) is not Page:
            raise _Fallback(f"{file.src_uri} 不是普通页面")

    # The checks, all of them, on the kept project.
    problems = composition.check_project(project, prefetch=False) + check_macros(project, set(config.extra))
    if problems:
        raise _Fallback("内容检查发现问题")
    if _pickled(composition.expand_nav(pickle.loads(pickle.dumps(last.nav_config)), project)) != last.nav_data:
        raise _Fallback("导航变了")

    # The generated pages: the same addresses; content that changed goes into MkDocs' files.
    generated = {p.src_uri: p for p in composition.collection_pages(project)}
    if generated.keys() != last.generated.keys():
        raise _Fallback("生成的页面增减了")
    batch = state.docx_batch
    if batch is not None:
        batch.wait()
    copies: list[Any] = []
    for src_uri, page in generated.items():
        if (page.content, page.abs_src_path) == last.generated[src_uri]:
            continue
        last.generated[src_uri] = (page.content, page.abs_src_path)
        file = files.get_file_from_path(src_uri)
        if file is None:
            raise _Fallback("生成的页面不在 MkDocs 的文件中")
        if page.abs_src_path is not None:
            file._content, file.abs_src_path = None, str(page.abs_src_path)
        else:
            file._content, file.abs_src_path = page.content, None
        if not file.is_documentation_page():
            copies.append(file)
        elif file not in pages:
            if type(file.page) is not Page:
                raise _Fallback(f"{file.src_uri} 不是普通页面")
            pages.append(file)
    for file in pages:
        page = file.page
        title, anchors = page.title, _anchors(page.toc)
        with reads.recording(propagate=False) as found:
            mkdocs_build._populate_page(page, config, files)
        last.page_reads[file.src_uri] = found
        if page.title != title or _anchors(page.toc) != anchors:
            raise _Fallback(f"{file.src_uri} 的标题或锚点变了")
    log_level = config.validation.links.anchors
    for file in pages:
        file.page.validate_anchor_links(files=files, log_level=log_level)
    if project.render_errors:
        raise _Fallback("渲染页面时发现错误")

    for file in copies:
        file.copy_file()
    index = _search_index(config)
    for file in pages:
        before = len(index.entries) if index is not None else 0
        with reads.recording(propagate=False) as found:
            mkdocs_build._build_page(file.page, config, doc_files, nav, env)
        last.page_reads[file.src_uri] |= found
        if index is not None:
            last.entries[file.src_uri] = index.entries[before:]
    if index is not None:
        index.entries = [entry for f in doc_files for entry in last.entries.get(f.src_uri, ())]
    # Every other file stays as the last build wrote it: the preview's writer must not delete it.
    written = preview_cache._preview()
    written.written_now = {**written.written_before, **written.written_now}
    config.plugins.on_post_build(config=config)
    return len(pages)


def _anchors(toc: Any) -> list:
    return [[t.id, _anchors(t.children)] for t in toc]


def _search_index(config: Any) -> Any:
    for handler in config.plugins.events.get("page_context", []):
        owner = getattr(handler, "__self__", None)
        if type(owner).__name__ == "SearchPlugin":
            return getattr(owner, "search_index", None)
    return None
