"""A school plan's body (its numbered sections) as HTML, written directly instead of converted
from its Markdown: the body is 3.2 of the 4.4 ms a school page's conversion takes, and a city
has 1,600 school pages (docs/about/performance-history.md, #plan-html).

:func:`school_page_tail` hands the glue the end of a school page's Markdown (the body, exactly
as :func:`macros.plans.schools.plan_body_lines` writes it) and the body as *pieces*: a heading
as ``(level, its inner HTML)``, everything else as HTML. The glue converts the rest of the page
as before, gives the headings their anchors as the Markdown converter would (they depend on
the rest of the page) and puts the two together (``macros/glue/compat/plan_html.py``).

Only text that Python-Markdown would print unchanged after escaping is written here: text with
a Markdown special character, an apostrophe (escaped to ``&#x27;``, whose ``#`` is then escaped
again), a control character, surrounding or (in a heading) repeated whitespace, or a start that
could open a block of its own (a list, a definition, a collapsible block, a rule) makes the
whole body None, and the page is converted from its Markdown as before. A test converts every
school page of a sample city both ways (tests/test_plan_html.py).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from macros.core.escaping import esc
from macros.plans.plan_document import Block, plan_sections

if TYPE_CHECKING:
    from macros.core.registry import Project

Piece = tuple[int, str] | str  # (heading level, inner HTML) or a block's HTML

# What md_esc escapes (Markdown syntax), the apostrophe (see above) and control characters.
_UNSAFE = re.compile(r"[\\`*_\[\]{}#|!~'\x00-\x1f\x7f]")
# A start Python-Markdown could read as a block (list, quote, definition, details, rule, setext).
_BLOCK_START = re.compile(r"[-+*:?=>~]|\d+[.)]")


def plain_html(text: str, heading: bool = False) -> str | None:
    """``text`` as Python-Markdown prints it after md_esc: HTML-escaped, if nothing in it is
    read as Markdown; else None."""
    if not text or text != text.strip() or _UNSAFE.search(text) or _BLOCK_START.match(text):
        return None
    if heading and " ".join(text.split()) != text:  # the converter collapses a heading's spaces in its anchor name
        return None
    return esc(text)


def _block_pieces(block: Block) -> list[Piece] | None:
    if block.kind == "p":
        lines = [line.strip() for line in block.text.split("\n") if line.strip()]
        out = [plain_html(line) for line in lines]
        return None if None in out else [f"<p>{html}</p>" for html in out]
    if block.kind == "h":
        html = plain_html(block.text, heading=True)
        return None if html is None else [(3, html)]
    if block.kind == "list":
        items = [plain_html(item) for item in block.items]
        if not items:
            return []
        if None in items:
            return None
        return ["<ul>\n" + "".join(f"<li>{item}</li>\n" for item in items) + "</ul>"]
    if block.kind == "table":
        width = len(block.header)
        if not width or not block.rows or any(len(row) != width for row in block.rows):
            return None
        head = [plain_html(h) for h in block.header]
        rows = [[plain_html(c) for c in row] for row in block.rows]
        if None in head or any(None in row for row in rows):
            return None
        lines = ["<table>", "<thead>", "<tr>", *(f"<th>{h}</th>" for h in head), "</tr>", "</thead>", "<tbody>"]
        for row in rows:
            lines += ["<tr>", *(f"<td>{c}</td>" for c in row), "</tr>"]
        lines += ["</tbody>", "</table>"]
        return ["\n".join(lines)]
    return None


def render_plan_body(plan: dict) -> list[Piece] | None:
    """The body of a school page (``<div class="plan-body">`` and its sections) as pieces, or
    None where a piece of text needs the Markdown converter."""
    pieces: list[Piece] = ['<div class="plan-body">']
    previous = ""
    for n, section in enumerate(plan_sections(plan), start=1):
        raw = section.numbered(n)  # written into the Markdown unescaped
        title = plain_html(raw, heading=True)
        if title is None or title != raw:
            return None
        pieces.append((2, title))
        previous = "h"
        for block in section.blocks:
            found = _block_pieces(block)
            if found is None or (block.kind == "list" and previous == "list" and found):
                return None  # two lists between blank lines are one loose list in Markdown
            if found:
                previous = block.kind
            pieces += found
    pieces.append("</div>")
    return pieces


def school_page_tail(project: Project, src_uri: str, markdown: str) -> tuple[str, list[Piece]] | None:
    """For a school page whose Markdown ends with its plan's body: that body's Markdown and its
    pieces (:func:`render_plan_body`); None for any other page, or a body that needs the converter."""
    from macros.plans.loading import SCHOOLS_DIR, school_at
    from macros.plans.schools import PLAN_BODY_OPEN, plan_body_lines

    if not src_uri.startswith("schools/") or src_uri.count("/") != 1 or not src_uri.endswith(".md"):
        return None
    if PLAN_BODY_OPEN not in markdown:
        # (the overview and the editor: no plan body, so the plans are not read for them, and a
        # preview does not re-render them when a plan changes)
        return None
    # The school's own file only (a preview that saves one plan re-renders that school's page,
    # not every page that would have read the whole list)
    path = project.root / SCHOOLS_DIR / (src_uri[len("schools/") : -len(".md")] + ".yml")
    if not path.is_file():
        return None
    loaded = school_at(project, project.display(path))
    school = loaded.school if not loaded.draft else None
    if school is None:
        return None
    tail = "\n".join(plan_body_lines(school.plan))
    if not markdown.endswith("\n" + tail):
        return None
    pieces = render_plan_body(school.plan)
    return None if pieces is None else (tail, pieces)
