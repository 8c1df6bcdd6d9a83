"""Data tables wrapped by the build, as Material would wrap them in the browser.

Material's script wraps every ``table:not([class])`` of a page in two containers
(``md-typeset__scrollwrap`` and ``md-typeset__table``, so that a wide table scrolls sideways)
once the page has loaded: each table is taken out of the document and put back inside them,
and the browser styles and lays it out again. On a school's plan page, whose compliance table
has 68 cells, that was the largest single cost of Material's start-up on Lighthouse's phone:
about 40 ms of the 70 ms its DOMContentLoaded handler took, before the 4-fold slowdown
(docs/about/performance.md). A table that arrives wrapped and carries the class ``data-table``
is left alone by Material; ``docs/assets/portal.css`` gives that class Material's own rules for
``table:not([class])``, so it looks the same (tests/test_reading.py compares the styles).
Tables that already have a class are the page's own layout and are not touched.
"""

from __future__ import annotations

import re

TABLE_CLASS = "data-table"
_TAG = re.compile(r"<table>|</table>|<table\b[^>]*>")
_OPEN = f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="{TABLE_CLASS}">'
_CLOSE = "</table></div></div>"


def wrap_tables(html: str) -> str:
    """Every ``<table>`` without attributes in ``html`` wrapped as Material wraps it, with the
    class ``data-table``; other tables (with attributes) and their closing tags unchanged."""
    if "<table>" not in html:
        return html
    out: list[str] = []
    wrapped: list[bool] = []  # one per open table: whether it was wrapped
    last = 0
    for match in _TAG.finditer(html):
        tag = match.group(0)
        if tag == "</table>":
            if not wrapped:
                continue  # a stray closing tag: left as it is
            replacement = _CLOSE if wrapped.pop() else tag
        else:
            wrapped.append(tag == "<table>")
            replacement = _OPEN if tag == "<table>" else tag
        out += [html[last : match.start()], replacement]
        last = match.end()
    out.append(html[last:])
    return "".join(out)


def every_page(_project: object, _meta: dict) -> bool:
    return True


def data_tables(_setting: object, html: str) -> str:
    return wrap_tables(html)
