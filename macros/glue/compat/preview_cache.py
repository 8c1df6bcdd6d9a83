"""Patch (MkDocs 1.6.1, Material 9.8): reuse a page's finished HTML when nothing the page
template reads has changed: between the rebuilds of ``mkdocs serve`` (in memory), and from
one ``mkdocs build`` to the next (the ``page-output`` memo in ``.cache/``).

``mkdocs serve`` rebuilds the whole site after every save: MkDocs 1.6 has no
incremental build, and ``--dirty`` leaves other pages' navigation stale and
rewrites the search index with only the edited page. At city scale most of a
rebuild is Material's page template (see docs/about/performance.md). Inside one
serve process this module keeps every page's output together with a key over
everything the template sees: the site configuration and theme, the whole
navigation, and the page's address, title, metadata, HTML, table of contents
and neighbours. A page whose key is unchanged is written from memory instead
of being rendered again; every other page is rendered as usual. Plugins still
see each page in ``on_page_context``, so Material's search index stays
complete (its per-page parsing is memoised the same way).

Writing is the other large share on a slow disk: MkDocs empties the site
directory and writes every file again. Here the site directory is kept, a file
whose content (or whose source file's size and modification time, for copies)
is the same as in the last build is not written again, and files the last
build wrote but this one did not are deleted at the end of the build, so a
deleted case disappears from the preview too.

Only plain pages are reused (blog posts and views render their own lists).
The site folder and search-entry parts are for ``mkdocs serve`` only. Whatever is
reused, the output equals a cold build byte for byte (tests/test_preview_cache.py,
tests/test_differential_build.py).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from macros.build import cache as buildcache
from macros.build import session
from macros.core import assetnames

log = logging.getLogger("mkdocs.commands.build")


@dataclass
class _Preview:
    """What one `mkdocs serve` session keeps between its rebuilds (in the build session)."""

    outputs: dict[str, tuple[str, bytes, list[dict]]] = field(default_factory=dict)  # src_uri -> (key, HTML, search entries)
    search: dict[str, tuple[str, list[dict]]] = field(default_factory=dict)  # url -> (key, search entries)
    site: dict[str, Any] = field(default_factory=dict)  # the navigation and configuration key of the current build
    # output path -> (signature of what was written, the file's size and mtime right after), from
    # the last finished build: a file some later step rewrote (the search index, which the portal
    # slims after Material wrote it) no longer matches and is written again.
    written_before: dict[str, tuple[str, str]] = field(default_factory=dict)
    written_now: dict[str, tuple[str, str]] = field(default_factory=dict)
    stats: dict[str, int] = field(default_factory=lambda: dict.fromkeys(("reused", "rendered", "written", "kept", "removed"), 0))
    templates: Any = None


def _preview() -> _Preview:
    return session.current().store("preview", _Preview)


def stats() -> dict[str, int]:
    """This build's counts: pages reused and rendered, files written, kept and removed."""
    return _preview().stats


def _json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=repr)


def nav_signature(items: Any) -> list:
    """The navigation as data: section titles, page and link titles and addresses, in order."""
    out: list = []
    for item in items:
        children = getattr(item, "children", None)
        kind = type(item).__name__
        if children is not None and kind == "Section":
            out.append(["S", item.title, nav_signature(children)])
        else:
            out.append([kind, item.title, getattr(item, "url", None)])
    return out


def toc_signature(toc: Any) -> list:
    return [[t.level, t.id, t.title, toc_signature(t.children)] for t in toc]


def _theme_files(config: Any) -> str:
    """The theme's template override files (``custom_dir``); the theme's own version is in
    the engine version."""
    parts = [buildcache.current_engine()]
    custom = config.theme.custom_dir
    if custom:
        for path in sorted(Path(custom).rglob("*")):
            if path.is_file():
                parts.append(f"{path}\0{buildcache.fingerprint(path)}")
    return "\n".join(parts)


def _site_key(config: Any, nav: Any) -> str:
    _site = _preview().site
    if _site.get("nav") is not nav:
        config_text = Path(config.config_file_path).read_text(encoding="utf-8") if config.config_file_path else ""
        _site["nav"] = nav
        _site["key"] = buildcache.fingerprint(
            config_text,
            _json(config.get("nav")),
            _json(config.get("extra")),
            str(config.get("site_url")),
            _theme_files(config),
            _json(nav_signature(nav.items)),
            # The names the portal's stylesheets and scripts ship under (content-hashed, #27):
            # every page links them, and they change without mkdocs.yml changing.
            _json(assetnames.names()),
        )
    return _site["key"]


def _neighbour(page: Any) -> str:
    return "" if page is None else f"{page.url}\0{page.title}"


def page_key(page: Any, config: Any, nav: Any, template: str) -> str:
    """Everything Material's page template reads from this page, the navigation and the configuration."""
    return buildcache.fingerprint(
        _site_key(config, nav),
        template,
        page.file.src_uri,
        page.url,
        str(page.title),
        str(page.canonical_url),
        str(page.edit_url),
        str(page.is_homepage),
        _json(page.meta),
        _json(toc_signature(page.toc)),
        _neighbour(page.previous_page),
        _neighbour(page.next_page),
        page.content or "",
    )


def install() -> None:
    """Under ``mkdocs serve``: each part is a patch of its own (macros.glue.compat.PATCHES).
    (The page writer, ``preview-build-page``, is installed for every build by the hook.)"""
    from macros.glue import compat

    if compat.allowed("preview-build-page"):  # pages are reused: converted pages may be kept live too
        session.current().reuse_pages = True
    compat.install("preview-search", _install_search)
    compat.install("preview-writes", _install_writes)


def install_build_page() -> None:
    """Wrap MkDocs' page writer (once per process). Under ``mkdocs serve`` the output of every
    page is kept in memory; in ``mkdocs build`` in the ``page-output`` memo (``.cache/``), so
    a warm build renders only the pages whose key changed."""
    from mkdocs.commands import build as mkdocs_build

    if getattr(mkdocs_build._build_page, "_portal_preview", False):
        return
    original = mkdocs_build._build_page

    def _build_page(page, config, doc_files, nav, env, dirty=False, excluded=False):
        from mkdocs import utils
        from mkdocs.exceptions import BuildError
        from mkdocs.structure.pages import Page

        if type(page) is not Page or dirty or excluded:
            return original(page, config, doc_files, nav, env, dirty, excluded)
        # The body of MkDocs 1.6.1's _build_page, with the template rendering memoised. The key
        # is taken before on_page_context: the plugins there (Material's search and blog) change
        # the page only as a function of the page itself, and on a hit their one effect that
        # matters, the page's search entries, is replayed instead of running them again.
        config._current_page = page
        try:
            page.active = True
            name = page.meta.get("template", "main.html")
            key = page_key(page, config, nav, name)
            preview = _preview()
            index = _search_index(config)
            if index is not None:
                for collect in before_build_page():  # e.g. pages_ahead: outputs a worker made meanwhile
                    collect(page, config, doc_files, nav, env)
            written = made_elsewhere().pop(key, None) if index is not None else None
            found = _stored(page.file.src_uri, key) if index is not None and written is None else None
            if written is not None and index is not None:  # rendered and written by a worker
                index.entries.extend(written[0])
                data = b""  # in its place already
                preview.stats["rendered"] += 1
            elif found is not None and index is not None:  # found only with an index
                data = found[0]
                index.entries.extend(found[1])
                preview.stats["reused"] += 1
            else:
                data, entries = render_output(page, config, doc_files, nav, env, name, index)
                _store(page.file.src_uri, key, data, entries)
                preview.stats["rendered"] += 1
            if data or written is not None and written[1]:
                if written is None:
                    utils.write_file(data, page.file.abs_dest_path)
                if index is not None:  # the key stands for the output only where outputs are reused
                    session.current().wrote_page(page.file.abs_dest_path, key)
            else:
                log.info(f"Page skipped: '{page.file.src_uri}'. Generated empty output.")
        except Exception as e:
            message = f"Error building page '{page.file.src_uri}':"
            if not isinstance(e, BuildError):
                message += f" {e}"
            log.error(message)
            raise
        finally:
            page.active = False
            config._current_page = None

    _build_page._portal_preview = True  # type: ignore[attr-defined]
    mkdocs_build._build_page = _build_page


def render_output(page: Any, config: Any, doc_files: Any, nav: Any, env: Any, name: str, index: Any) -> tuple[bytes, list[dict]]:
    """What MkDocs 1.6.1's _build_page makes of a page: its output (empty when the template
    gave only white space) and the search entries Material's plugin added for it meanwhile."""
    from mkdocs.commands.build import get_context

    context = get_context(nav, doc_files, config, page)
    template = env.get_template(name)
    before = len(index.entries) if index is not None else 0
    context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
    entries = index.entries[before:] if index is not None else []
    output = template.render(context)
    output = config.plugins.on_post_page(output, page=page, config=config)
    return (output.encode("utf-8", errors="xmlcharrefreplace") if output.strip() else b""), entries


def before_build_page() -> list:
    """Called with (page, config, doc_files, nav, env) before each page's output is looked up
    (:mod:`macros.glue.compat.pages_ahead` registers itself here)."""
    return session.current().per_build("build-page.before", list)


def made_elsewhere() -> dict[str, tuple[list[dict], bool]]:
    """Output key -> (search entries, whether there was any output) of the pages a worker of
    this build has rendered and written to their place in the site already."""
    return session.current().per_build("build-page.elsewhere", dict)


def _stored(src_uri: str, key: str) -> tuple[bytes, list[dict]] | None:
    """The page's output and search entries from the last build, if its key is the same."""
    if session.current().serving:
        found = _preview().outputs.get(src_uri)
        return (found[1], found[2]) if found is not None and found[0] == key else None
    if buildcache.directory() is None:  # PORTAL_NO_CACHE=1: a cold build
        return None
    value = buildcache.memo("page-output", compress=True).get(key)
    return None if value is buildcache._MISSING else value


def _store(src_uri: str, key: str, data: bytes, entries: list[dict]) -> None:
    if session.current().serving:
        _preview().outputs[src_uri] = (key, data, entries)
    elif buildcache.directory() is not None:
        # Compressed: the HTML of every page (125 MB at city scale) would otherwise double
        # the cache on disk and the build's peak memory.
        buildcache.memo("page-output", compress=True).put(key, (data, entries))


_KNOWN_PAGE_CONTEXT = {"SearchPlugin", "BlogPlugin"}


def _search_index(config: Any) -> Any:
    """Material's search index of this build, or None when a page may not be reused: some
    plugin other than Material's search and blog handles on_page_context."""
    handlers = config.plugins.events.get("page_context", [])
    index = None
    for handler in handlers:
        owner = type(getattr(handler, "__self__", None)).__name__
        if owner not in _KNOWN_PAGE_CONTEXT:
            return None
        if owner == "SearchPlugin":
            index = getattr(handler.__self__, "search_index", None)
    return index


def _install_search() -> None:
    try:
        from material.plugins.search.plugin import SearchIndex
    except ImportError:
        return
    if getattr(SearchIndex.add_entry_from_context, "_portal_preview", False):
        return
    original = SearchIndex.add_entry_from_context

    def add_entry_from_context(self, page):
        key = buildcache.fingerprint(
            page.url,
            str(page.title),
            _json(page.meta),
            _json(toc_signature(page.toc)),
            page.content or "",
            _json(self.config),
        )
        _search = _preview().search
        found = _search.get(page.url)
        if found is not None and found[0] == key:
            self.entries.extend(found[1])
            return None
        before = len(self.entries)
        original(self, page)
        _search[page.url] = (key, self.entries[before:])
        return None

    add_entry_from_context._portal_preview = True  # type: ignore[attr-defined]
    SearchIndex.add_entry_from_context = add_entry_from_context


# -- compiled templates ------------------------------------------------------------------


class _CompiledTemplates:
    """A Jinja bytecode cache in memory: MkDocs makes a new template environment on every
    rebuild, which would compile Material's ~50 templates again each time. Jinja checks
    each entry against the template's source, so an edited override is compiled afresh."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Any) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Any) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._code.clear()


def template_cache() -> Any:
    """The bytecode cache for the theme's environment, or None outside ``mkdocs serve``."""
    if not getattr(_install_writes, "done", False):
        return None
    from macros.glue import compat

    if not compat.allowed("preview-templates"):
        return None
    preview = _preview()
    if preview.templates is None:
        from jinja2 import BytecodeCache

        preview.templates = type("CompiledTemplates", (_CompiledTemplates, BytecodeCache), {})()
    return preview.templates


# -- writing only what changed ---------------------------------------------------------


def _on_disk(path: str) -> str:
    try:
        st = os.stat(path)
    except OSError:
        return ""
    return f"{st.st_size}\0{st.st_mtime_ns}"


def _unchanged(path: str, signature: str) -> bool:
    """Record that this build produces ``path``; True when the file on disk is still what the
    last build wrote there (the same content, not touched since). Else the caller writes it
    and calls :func:`_wrote`."""
    preview = _preview()
    before = preview.written_before.get(path)
    if before is not None and before[0] == signature and before[1] == _on_disk(path):
        preview.written_now[path] = before
        preview.stats["kept"] += 1
        return True
    preview.written_now[path] = (signature, "")
    preview.stats["written"] += 1
    return False


def _wrote(path: str) -> None:
    written = _preview().written_now
    if path in written:  # (a copy into a folder's name is not recorded)
        written[path] = (written[path][0], _on_disk(path))


def _source_signature(path: str) -> str:
    st = os.stat(path)
    return f"copy\0{path}\0{st.st_size}\0{st.st_mtime_ns}"


def _content_signature(content: str | bytes) -> str:
    data = content.encode("utf-8") if isinstance(content, str) else content
    return hashlib.sha1(data).hexdigest()


def _install_writes() -> None:
    from mkdocs import utils
    from mkdocs.structure.files import File

    if getattr(_install_writes, "done", False):
        return
    write_file, copy_file, file_copy = utils.write_file, utils.copy_file, File.copy_file

    def keep_directory(directory: str) -> None:
        """Instead of emptying the site directory: stale files are removed by finish_build."""

    def write(content: bytes, output_path: str) -> None:
        if not _unchanged(output_path, _content_signature(content)):
            write_file(content, output_path)
            _wrote(output_path)

    def copy(source_path: str, output_path: str) -> None:
        if os.path.isdir(output_path) or not _unchanged(output_path, _source_signature(source_path)):
            copy_file(source_path, output_path)
            _wrote(output_path)

    def file_copy_file(self, dirty: bool = False) -> None:
        content = self._content
        if content is None and self.abs_src_path is None:
            return file_copy(self, dirty)
        signature = _source_signature(self.abs_src_path) if content is None else _content_signature(content)
        if not _unchanged(self.abs_dest_path, signature):
            file_copy(self, dirty)
            _wrote(self.abs_dest_path)
        return None

    _install_writes.done = True  # type: ignore[attr-defined]
    utils.clean_directory = keep_directory
    utils.write_file = write
    utils.copy_file = copy
    File.copy_file = file_copy_file


def begin_build() -> None:
    """Called by the hook before each build."""
    preview = _preview()
    for key in preview.stats:
        preview.stats[key] = 0
    preview.written_now.clear()


def finish_build(succeeded: bool) -> None:
    """Delete what the last build wrote and this one did not; remember this build's files."""
    if not getattr(_install_writes, "done", False):
        return
    preview = _preview()
    if not succeeded:  # a failed build wrote only part of the site: remember both
        preview.written_before = {**preview.written_before, **preview.written_now}
        return
    for path in preview.written_before.keys() - preview.written_now.keys():
        try:
            os.unlink(path)
            preview.stats["removed"] += 1
        except OSError:
            pass
    preview.written_before = dict(preview.written_now)
