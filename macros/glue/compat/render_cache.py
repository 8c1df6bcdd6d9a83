"""Patch (MkDocs 1.6): reuse a page's Markdown → HTML conversion when its
final Markdown, its address, the site's files and the configuration are the same.

MkDocs 1.6 converts every page on every build; at city scale that is the
largest share of a warm build (see docs/about/performance.md). This wraps
``mkdocs.structure.pages.Page.render``: the result (HTML, table of contents,
title, anchors and links to anchors, which MkDocs validates after all pages)
is memoised in :mod:`macros.build.cache`. The key covers the Markdown after
every plugin (macros included), the page's source and URL, every file's
address (links are resolved against them); the version is the engine's (its
code, mkdocs.yml, the installed Markdown libraries) and the site address. A conversion that logged a warning is never
stored, so ``--strict`` sees it on every build.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from macros.build import cache as buildcache
from macros.build import session


def before_render() -> list:
    """Called with the config and the page before each page is converted (render_ahead registers itself here)."""
    return session.current().per_build("render.before", list)


class _Count(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@contextmanager
def mkdocs_warnings() -> Iterator[_Count]:
    """Count MkDocs' warnings while the block runs: a step that warned must not be kept (the
    page memo here, the incremental preview in preview_incremental)."""
    counter = _Count()
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(counter)
    try:
        yield counter
    finally:
        mkdocs_log.removeHandler(counter)


def html_memo(config: Any) -> buildcache.Memo:
    """The conversions' memo: versioned on the engine (its code, the dependency versions and
    mkdocs.yml) and on the settings MkDocs takes from elsewhere than mkdocs.yml."""
    # Compressed: every page's HTML stays in memory until the cache is saved (city scale:
    # 54 MB pickled, a fifth of that compressed; the peak memory is a benchmark target).
    return buildcache.memo("page-html", str(config.site_url), str(config.use_directory_urls), compress=True)


def _files_fingerprint(files: Any) -> str:
    store = session.current().per_build("render.files-key", dict)  # buildcache.per_object: this build's Files
    return buildcache.per_object(store, files, _fingerprint_files, only_latest=True)


def _fingerprint_files(files: Any) -> str:
    return buildcache.fingerprint("\n".join(sorted(f"{f.src_uri}\t{f.url}" for f in files)))


# Under `mkdocs serve` (the session's reuse_pages, set when the preview patch is installed):
# keep the converted pages as objects between rebuilds instead of unpickling them and
# rebuilding their tables of contents. Only for plain pages: nothing changes their toc or
# anchor set after conversion (Material's blog does change a view's toc, so posts and views
# are converted as before). "last": what the last build used; "now": this build's.
def _live() -> dict[str, dict[str, tuple]]:
    return session.current().store("render.live-pages", lambda: {"last": {}, "now": {}})


def next_build() -> None:
    """Keep only what the last build used (called by the hook before each build)."""
    live = _live()
    if live["now"]:
        live["last"], live["now"] = live["now"], {}


def page_key(src_uri: str, url: str, files: Any, markdown: str, remember: bool = False) -> str:
    """The cache key of a conversion: the final Markdown, the page's address and every file's.

    ``remember``: keep it for the page's next call with the same inputs (compared, not hashed
    again; render_ahead asks for every key it sends before the build converts the page), which
    takes it and forgets it."""
    files_key = _files_fingerprint(files)
    known = session.current().per_build("render.page-keys", dict)
    found = known.get(src_uri) if remember else known.pop(src_uri, None)
    if found is not None and found[:3] == (url, files_key, markdown):
        return found[3]
    key = buildcache.fingerprint("\0".join([src_uri, url, files_key, markdown]))
    if remember:
        known[src_uri] = (url, files_key, markdown, key)
    return key


def install() -> None:
    """Wrap ``Page.render`` once per process (``mkdocs serve`` calls on_startup once)."""
    from mkdocs.structure import pages
    from mkdocs.structure.toc import get_toc

    if getattr(pages.Page.render, "_portal_cached", False):
        return
    original = pages.Page.render

    def render(self: Any, config: Any, files: Any) -> None:
        if self.markdown is None or buildcache.directory() is None:
            return original(self, config, files)
        for collect in before_render():  # e.g. pages converted by render_ahead's worker so far
            collect(config, self)
        memo = html_memo(config)
        digest = page_key(self.file.src_uri, self.file.url, files, self.markdown)
        # Only plain pages: Material's blog adds its posts' headings to a view's toc.
        live_ok = session.current().reuse_pages and type(self) is pages.Page
        kept = _live()
        live = kept["last"].get(digest) if live_ok else None
        if live is not None and memo.touch(digest):
            content, toc, title, anchors, links = live
            kept["now"][digest] = live
            self.content, self.toc, self._title_from_render, self.present_anchor_ids = content, toc, title, anchors
            if links is not None:
                self.links_to_anchors = {files.get_file_from_path(uri): v for uri, v in links.items()}
            return None
        found = memo.get(digest)
        if found is not buildcache._MISSING:
            content, toc_tokens, title, anchors, links = found
            self.content = content
            self.toc = get_toc(toc_tokens)
            if live_ok:
                kept["now"][digest] = (content, self.toc, title, anchors, links)
            self._title_from_render = title
            self.present_anchor_ids = anchors
            if links is not None:
                self.links_to_anchors = {files.get_file_from_path(uri): v for uri, v in links.items()}
            return None
        with mkdocs_warnings() as counter:
            original(self, config, files)
        if counter.count == 0:
            links = self.links_to_anchors
            stored_links = {f.src_uri: v for f, v in links.items()} if links is not None else None
            toc_tokens = _tokens(self.toc)
            memo.put(digest, (self.content, toc_tokens, self._title_from_render, self.present_anchor_ids, stored_links))
            if live_ok:
                kept["now"][digest] = (self.content, self.toc, self._title_from_render, self.present_anchor_ids, stored_links)
        return None

    render._portal_cached = True  # type: ignore[attr-defined]
    pages.Page.render = render


def install_front_matter_cache() -> None:
    """MkDocs parses every page's front matter with PyYAML's pure-Python loader
    (``mkdocs.utils.meta.get_data``): memoise it on the page's text."""
    from mkdocs.utils import meta

    if getattr(meta.get_data, "_portal_cached", False):
        return
    original = meta.get_data

    def get_data(doc: str) -> tuple[str, dict[str, Any]]:
        if buildcache.directory() is None:
            return original(doc)
        memo = buildcache.memo("page-meta")
        body, meta_data = buildcache.cached(memo, doc, lambda: _front_matter(doc))
        return (doc[body:] if isinstance(body, int) else body), meta_data

    def _front_matter(doc: str) -> tuple[int | str, dict[str, Any]]:
        # Stored as where the body starts rather than the body (the cache holds the metadata,
        # not a second copy of every page), unless MkDocs changed the body (line endings).
        body, meta_data = original(doc)
        return (len(doc) - len(body) if doc.endswith(body) else body), meta_data

    get_data._portal_cached = True  # type: ignore[attr-defined]
    meta.get_data = get_data


def _tokens(toc: Any) -> list[dict]:
    """The table of contents back as the Markdown toc tokens ``get_toc`` takes."""
    return [{"level": item.level, "id": item.id, "name": item.title, "children": _tokens(item.children)} for item in toc]
