"""Markdown helpers every domain needs: fenced code, headings, macro calls, positions
and inserting a block after a page's title. Plain text functions, no MkDocs."""

from __future__ import annotations

import re
from collections.abc import Iterator

# A code fence opens with ``` or ~~~ (indented by at most three spaces).
FENCE = re.compile(r"^ {0,3}(```|~~~)")
# ATX heading: level, text, optional attribute list ({#id .class} or {: #id}).
HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*(\{:?[^}]*\})?[ \t]*#*[ \t]*$")
_HEADING_ID = re.compile(r"#([\w-]+)")


def macro_call(name: str) -> re.Pattern[str]:
    """The start of a Jinja call of the macro ``name``: ``{{ name(`` or ``{{- name(``."""
    return re.compile(r"\{\{-?\s*" + re.escape(name) + r"\(")


def lines_outside_fences(text: str) -> Iterator[tuple[int, str]]:
    """(0-based index, line) of every line outside fenced code blocks (fence lines excluded)."""
    fenced = False
    for i, line in enumerate(text.split("\n")):
        if FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            yield i, line


def heading_id(attrs: str | None) -> str | None:
    """The ``#id`` of a heading's attribute list, if it sets one."""
    m = _HEADING_ID.search(attrs or "")
    return m.group(1) if m else None


def line_col(text: str, offset: int, first_line: int = 1) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text`` (``first_line``: the text's first line in its file)."""
    line = text.count("\n", 0, offset) + first_line
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def first_line_of(text: str, part: str) -> int:
    """1-based line of ``text`` where its tail ``part`` (e.g. the body after front matter) starts."""
    return text[: len(text) - len(part)].count("\n") + 1


def insert_after_title(markdown: str, block: list[str]) -> str | None:
    """``block`` (lines) inserted after the page's ``# title``; None when the page has none.
    Lines in fenced code are not titles."""
    for i, line in lines_outside_fences(markdown):
        if line.startswith("# "):
            lines = markdown.split("\n")
            return "\n".join(lines[: i + 1] + block + lines[i + 1 :])
    return None
