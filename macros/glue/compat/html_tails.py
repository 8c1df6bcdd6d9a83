"""Patch ``html-tails`` (MkDocs 1.6): the end of a page that its domain writes as HTML itself
(``Domain.html_tails``: a school plan's sections) is left out of the Markdown conversion.

A school page's plan is 3.2 of the 4.4 ms its conversion takes, and a city has 1,600 school
pages (docs/about/performance-history.md, #plan-html). The domain hands over the page's last
lines and the same part as HTML pieces (macros/plans/plan_html.py, only for text Python-Markdown
would print unchanged). MkDocs converts the rest of the page as before; this gives each heading
of the tail the anchor Python-Markdown's ``toc`` extension would (after the page's own ids,
``_1``… on a repeat, a ¶ link), adds the headings to the page's table of contents and anchors,
and appends the HTML.

The result equals MkDocs' own conversion (tests/test_plan_html.py converts every school page of
a sample city both ways; tests/test_layout.py builds the site with ``PORTAL_PATCHES=off``).
Left to MkDocs as before: a page whose converted part has an id that is not a heading's, a
``[TOC]`` marker, or a ``toc`` configuration other than the one written for (¶ links after the
text without a title, no anchor links, headings not shifted, levels 2 and 3 in the contents).
"""

from __future__ import annotations

import html
import re
from typing import Any, cast

from macros import composition
from macros.build import session
from macros.core import site
from macros.glue import compat

_ID = re.compile(r'\sid="')


def _toc(config: Any) -> Any:
    """The ``toc`` extension as this build configures it, or None if the tail's headings cannot be
    written as it would write them (made once per build from the configuration)."""

    def make() -> Any:
        import markdown

        md = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"] or {})
        # (the extension's own attributes, which the Treeprocessor base class does not declare)
        toc: Any = md.treeprocessors["toc"] if "toc" in md.treeprocessors else None
        if toc is None or toc.use_permalinks is not True or toc.permalink_title or toc.permalink_leading:
            return None
        if (
            toc.use_anchors
            or toc.base_level != 0
            or toc.permalink_class != "headerlink"
            or not toc.toc_top <= 2 <= 3 <= toc.toc_bottom
        ):
            return None
        return toc

    return session.current().per_build("html-tails.toc", lambda: [make()])[0]


def stats() -> dict[str, int]:
    """This build's count of pages whose tail was written directly, and of pages converted whole
    after all (an id in the converted part that is not a heading's, an anchor to escape)."""
    return session.current().per_build("html-tails.stats", lambda: {"written": 0, "whole": 0})


def _flat(toc: Any) -> list[dict]:
    """A table of contents back as Python-Markdown's flat list of tokens, in page order."""
    out: list[dict] = []
    for item in toc:
        out.append({"level": item.level, "id": item.id, "name": item.title})
        out += _flat(item.children)
    return out


def render_with_tail(page: Any, config: Any, files: Any, original: Any) -> bool:
    """Convert ``page`` without the tail its domain writes, then add the tail; False (nothing
    changed) where no domain writes one or the page is left to MkDocs."""
    from markdown.extensions.toc import nest_toc_tokens, unique
    from mkdocs.structure.toc import get_toc

    project = site.active()  # None: a conversion outside a portal build (a test, another site)
    found = composition.page_tail(project, page.file.src_uri, page.markdown) if project is not None else None
    toc = _toc(config) if found is not None else None
    if found is None or toc is None:
        return False
    tail, pieces = found
    markdown = page.markdown
    head = markdown[: len(markdown) - len(tail)]
    if toc.marker and toc.marker in head:
        return False
    page.markdown = head
    try:
        original(page, config, files)
    finally:
        page.markdown = markdown
    flat = _flat(page.toc)
    used = {token["id"] for token in flat}
    if len(_ID.findall(page.content)) != len(flat) or len(used) != len(flat):
        original(page, config, files)  # an id that is not a heading's: MkDocs converts the whole page
        stats()["whole"] += 1
        return True
    out = [page.content]
    anchors: set[str] = set(page.present_anchor_ids or ())
    written: list[str] = []
    for piece in pieces:
        if isinstance(piece, str):
            out.append(piece)
            continue
        level, inner = piece
        anchor = unique(toc.slugify(html.unescape(inner), toc.sep), used)
        if html.escape(anchor) != anchor:
            original(page, config, files)
            stats()["whole"] += 1
            return True
        out.append(f'<h{level} id="{anchor}">{inner}<a class="headerlink" href="#{anchor}">&para;</a></h{level}>')
        flat.append({"level": level, "id": anchor, "name": inner})
        anchors.add(anchor)
        written.append(anchor)
    if page.links_to_anchors is not None:  # MkDocs records the ¶ links too, as links within the page
        own = page.links_to_anchors.setdefault(page.file, {})
        own.update((anchor, f"#{anchor}") for anchor in written)
    page.content = "\n".join(out)
    page.toc = get_toc(nest_toc_tokens(cast(Any, flat)))  # the same keys as Python-Markdown's flat tokens
    page.present_anchor_ids = anchors
    stats()["written"] += 1
    return True


def install() -> None:
    """Wrap ``Page.render`` (after ``repeated-blocks``, before the page-render cache)."""
    compat.wrap_page_render("_portal_html_tails", render_with_tail)
