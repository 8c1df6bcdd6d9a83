"""Patch ``repeated-blocks`` (MkDocs 1.6): a table row that many pages repeat is converted once per build, not once per page.

At city scale 1,600 school pages each carry a 政策符合情况 table of 17 rows: 27,200 rows, of
which 1,844 differ (the rule and its policy links, with long link titles, are the same on every
page; the school's own column takes a few forms). Converting that table was 60 % of converting
a school page, and school pages the largest item of a cold build's CPU time
(docs/about/performance-history.md, #rows). Python-Markdown builds a table from its lines
alone and a row from its own text, so a table whose rows mostly appeared in pages converted
before is replaced by an inert token paragraph; each row is converted once per build as a
one-row table under the same header (its long cells once per build too, by the same argument),
for a page in the same folder, and the table put together from the rows' HTML.

The result equals MkDocs' own conversion (tests/test_repeated_blocks.py converts every page of a
sample city both ways; tests/test_layout.py builds the site with ``PORTAL_PATCHES=off``).
What could differ is left to MkDocs: a page with reference, footnote or abbreviation
definitions; a table not standing alone between blank lines, with code spans or escaped pipes,
a link in its header or rows of uneven width; a row or cell whose conversion logged anything,
made an anchor or a heading or linked within its page (each page then reports it itself); a
token that does not come out as a paragraph of its own (the page is converted again as it is).
"""

from __future__ import annotations

import copy
import logging
import posixpath
import re
from typing import Any

from macros.build import session
from macros.glue import compat

MIN_CELL = 30  # characters: a shorter cell costs less to convert in its row than to look up
CELL = "PORTALCELL{:06d}X"
TABLE = "PORTALTABLE{:06d}X"
_TOKEN = re.compile(r"PORTALTABLE\d{6}X")
_TOKEN_PARAGRAPH = re.compile(r"<p>(PORTALTABLE\d{6}X)</p>")
_DEFINITIONS = re.compile(r"^ {0,3}(?:\*\[|\[\^|\[[^\]\n]+\]:)", re.M)  # abbreviations, footnotes, references
_SEPARATOR = re.compile(r"^\|(?: *:?-+:? *\|)+ *$")
_ROW_UNSAFE = ("`", "\\|")  # code spans and escaped pipes: Python-Markdown splits such rows its own way
_CELL_UNSAFE = ("[^", "][", "*[", "id=", "](#")
_ONE_ROW = re.compile(r"<table>\n<thead>\n(.*?)</thead>\n<tbody>\n(<tr>\n.*</tr>\n)</tbody>\n</table>", re.S)

Links = dict[str, dict[str, str]]  # links to anchors: target src_uri → anchor → the link as written


class _Capture(logging.Filter):
    """Holds back what MkDocs logs while a lone row or cell is converted (the page reports it itself)."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def filter(self, record: logging.LogRecord) -> bool:
        self.records.append(record)
        return False


def _memo(name: str) -> dict:
    """This build's converted rows or cells, keyed on the source and page folders and the text;
    None where the row or cell is left in its page."""
    return session.current().per_build(f"repeated-blocks.{name}", dict)


def _split(line: str) -> list[str]:
    """A table row's cells as Python-Markdown's table reads a row without backticks or escaped
    pipes (it strips spaces only: an ideographic space opening a cell stays)."""
    row = line.strip(" ")
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|"):
        row = row[:-1]
    return [cell.strip(" ") for cell in row.split("|")]


def tables(markdown: str) -> list[tuple[int, int]]:
    """Where the page's plain tables are (first and last line): at the start of a line, after a
    blank line and up to one, a separator under the header, every row cut into as many cells as
    the header. Nothing in a page with reference, footnote or abbreviation definitions."""
    if "\n|" not in markdown or _DEFINITIONS.search(markdown):
        return []
    lines = markdown.split("\n")
    found = []
    fence = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith(("```", "~~~")):
            fence = not fence
        start = i
        i += 1
        if fence or not line.startswith("|") or (start and lines[start - 1] != "") or "](" in line:
            continue
        if i >= len(lines) or not _SEPARATOR.match(lines[i]):
            continue
        columns = len(_split(line))
        while i < len(lines) and lines[i].startswith("|"):
            i += 1
        block = lines[start:i]
        if i < len(lines) and lines[i] != "" or len(block) < 3 or columns < 2:
            continue
        if all(not any(u in row for u in _ROW_UNSAFE) and len(_split(row)) == columns for row in block):
            found.append((start, i - 1))
    return found


def _lone(page: Any, config: Any, files: Any, markdown: str, original: Any) -> Any | None:
    """``markdown`` converted by MkDocs as if it were ``page`` (same folder, same files), or None
    if that logged anything, made an anchor or a heading, or linked within the page."""
    lone = copy.copy(page)
    lone.markdown = markdown
    capture = _Capture()
    pages_log = logging.getLogger("mkdocs.structure.pages")
    pages_log.addFilter(capture)
    try:
        original(lone, config, files)
    finally:
        pages_log.removeFilter(capture)
    if capture.records or lone.present_anchor_ids or list(lone.toc):
        return None
    if any(target is page.file for target in lone.links_to_anchors or {}):
        return None
    return lone


def _links(lone: Any) -> Links:
    return {target.src_uri: dict(anchors) for target, anchors in (lone.links_to_anchors or {}).items()}


def _merge(into: Links, more: Links) -> bool:
    """Add ``more``'s links to anchors; False if one anchor is written two ways (then MkDocs'
    own order decides which is quoted, and the caller converts as MkDocs does)."""
    for src_uri, anchors in more.items():
        known = into.setdefault(src_uri, {})
        for anchor, url in anchors.items():
            if known.setdefault(anchor, url) != url:
                return False
    return True


def _cell(page: Any, config: Any, files: Any, where: tuple[str, str], text: str, original: Any) -> tuple[str, Links] | None:
    """One long cell's HTML and links, converted once per build for the folder ``where``."""
    memo = _memo("cells")
    key = (*where, text)
    if key not in memo:
        memo[key] = None
        lone = _lone(page, config, files, f"| h | h |\n|---|---|\n| {text} | x |\n", original)
        found = _ONE_ROW.fullmatch(lone.content or "") if lone is not None else None
        if lone is not None and found is not None and found.group(2).count("<td>") == 2:
            cell = found.group(2)[len("<tr>\n<td>") : -len("</td>\n<td>x</td>\n</tr>\n")]
            if found.group(2) == f"<tr>\n<td>{cell}</td>\n<td>x</td>\n</tr>\n":
                memo[key] = (cell, _links(lone))
    return memo[key]


def _with_tokens(
    page: Any, config: Any, files: Any, where: tuple[str, str], row: str, original: Any
) -> tuple[str, list[tuple[str, tuple[str, Links]]]]:
    """The row's line with its long cells as tokens (numbered within the row), and the tokens'
    cells as converted once per build."""
    cells = _split(row)
    tokens: list[tuple[str, tuple[str, Links]]] = []
    for n, text in enumerate(cells):
        if len(text) >= MIN_CELL and not any(u in text for u in _CELL_UNSAFE):
            converted = _cell(page, config, files, where, text, original)
            if converted is not None:
                cells[n] = CELL.format(len(tokens))
                tokens.append((cells[n], converted))
    return f"| {' | '.join(cells)} |", tokens


def _filled(html: str, links: Links, tokens: list[tuple[str, tuple[str, Links]]]) -> tuple[str, Links] | None:
    """A converted row with its cells in place of their tokens, and its links with theirs."""
    for token, (cell, cell_links) in tokens:
        if html.count(token) != 1 or f">{token}</td>" not in html or not _merge(links, cell_links):
            return None
        html = html.replace(f">{token}</td>", f">{cell}</td>")
    return html, links


def _rows(
    page: Any, config: Any, files: Any, where: tuple[str, str], head: str, rows: list[str], original: Any
) -> list[tuple[str, str, Links] | None]:
    """Each row as MkDocs converts it under ``head`` (the header and separator lines): (the
    table head's HTML, the row's HTML, its links), or None; once per build for the folder
    ``where``. The rows not converted yet go through MkDocs together, as one table, when no
    link but those of their long cells is in them (then each row's links are its cells'); else
    one by one."""
    memo = _memo("rows")
    missing = [row for row in dict.fromkeys(rows) if (*where, head, row) not in memo]
    prepared = [_with_tokens(page, config, files, where, row, original) for row in missing]
    if len(missing) > 1:
        lone = _lone(page, config, files, head + "\n" + "\n".join(line for line, _ in prepared) + "\n", original)
        found = _ONE_ROW.fullmatch(lone.content or "") if lone is not None and not lone.links_to_anchors else None
        parts = found.group(2).split("</tr>\n")[:-1] if found is not None else []
        if found is not None and len(parts) == len(missing) and all(part.count("<tr>") == 1 for part in parts):
            for row, part, (_, tokens) in zip(missing, parts, prepared, strict=True):
                filled = _filled(part + "</tr>\n", {}, tokens)
                memo[(*where, head, row)] = None if filled is None else (found.group(1), *filled)
            missing = []
    for row, (line, tokens) in zip(missing, prepared, strict=False):
        memo[(*where, head, row)] = None
        lone = _lone(page, config, files, f"{head}\n{line}\n", original)
        found = _ONE_ROW.fullmatch(lone.content or "") if lone is not None else None
        if lone is not None and found is not None and found.group(2).count("<tr>") == 1:
            filled = _filled(found.group(2), _links(lone), tokens)
            if filled is not None:
                memo[(*where, head, row)] = (found.group(1), *filled)
    return [memo[(*where, head, row)] for row in rows]


def render_tables(page: Any, config: Any, files: Any, original: Any) -> bool:
    """Convert ``page`` with its plain tables put together from rows converted once per build;
    False (nothing changed) where it has none or one of them cannot be."""
    markdown = page.markdown
    found = tables(markdown)
    if not found:
        return False
    where = (posixpath.dirname(page.file.src_uri), posixpath.dirname(page.file.url.rstrip("/")))
    lines = markdown.split("\n")
    done: list[tuple[str, str, Links]] = []
    seen = _memo("seen")
    for start, end in reversed(found):  # from the end: the line numbers above stay valid
        head = f"{lines[start]}\n{lines[start + 1]}"
        texts = lines[start + 2 : end + 1]
        # A row converted alone costs more than in its table: only for tables whose rows are
        # mostly in pages converted before (the first page with such a table pays as before).
        again = sum((*where, head, row) in seen for row in texts)
        for row in texts:
            seen[(*where, head, row)] = True
        if again * 2 < len(texts):
            continue
        rows = _rows(page, config, files, where, head, texts, original)
        if any(r is None for r in rows):
            continue  # this table as MkDocs converts it, in its page
        links: Links = {}
        for r in rows:
            if not _merge(links, r[2]):  # type: ignore[index]
                return False
        html = "<table>\n<thead>\n" + rows[0][0] + "</thead>\n<tbody>\n" + "".join(r[1] for r in rows) + "</tbody>\n</table>"  # type: ignore[index]
        token = TABLE.format(len(done))
        lines[start : end + 1] = [token]
        done.append((token, html, links))
    if not done:
        return False
    done.reverse()  # page order
    page.markdown = "\n".join(lines)
    try:
        original(page, config, files)
    finally:
        page.markdown = markdown
    by_token = {token: html for token, html, _ in done}
    if sorted(_TOKEN.findall(page.content)) != sorted(by_token):
        return False  # a token not in the page once: converted as MkDocs does
    content, replaced = _TOKEN_PARAGRAPH.subn(lambda m: by_token[m.group(1)], page.content)
    if replaced != len(done):
        return False  # not a paragraph of its own after all
    own = page.links_to_anchors
    if own is not None:
        # Links to anchors, for MkDocs' check after all pages: the tables' after the page's own
        # (MkDocs lists them in page order; only the order of one page's warnings about missing
        # anchors can differ).
        merged = _links(page)
        for _, _, links in done:
            if not _merge(merged, links):
                return False
        page.links_to_anchors = {files.get_file_from_path(src_uri): anchors for src_uri, anchors in merged.items()}
    page.content = content
    return True


def install() -> None:
    """Wrap ``Page.render`` (before the page-render cache wraps it in turn)."""
    compat.wrap_page_render("_portal_repeated_blocks", render_tables)
