"""Tables in the house style: column widths from their content, rows that never split
across pages, header rows repeated on every page, and form cells a teacher can type
into (the paragraph mark carries 四号, hints are content controls showing placeholder
text that disappears when the teacher types, kept in a glossary so Word brings the
hint back if the cell is emptied).

Widths follow the automatic table layout of HTML: every column gets at least its
header (headers never wrap), its longest unbreakable Latin word, and all of its text
if that is short (under a third of the width); the room that
is left goes to the columns in proportion to how much longer their longest cell is
than that minimum — so 方式 and 主次 stay narrow and 做法 gets the rest.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

from macros.documents import wordml
from macros.documents.wordml import Font, Format

CELL_MARGINS = 216  # twips: the table style's 108 left and right
SHORT = 0.3  # a column whose longest cell takes at most this share of the width is never wrapped
_WORD = re.compile(r"[0-9A-Za-z.,:;%/()\-]+")


@lru_cache(maxsize=4096)
def text_width(text: str, size: float) -> int:
    """Width of ``text`` on one line in twips: full-width characters one em, others half,
    and a quarter em where Chinese meets Latin letters or digits (“第 3 周”: Word's and
    LibreOffice's automatic spacing between Asian and Western text)."""
    wide = [unicodedata.east_asian_width(c) in "WF" for c in text]
    ems = sum(1.0 if w else 0.5 for w in wide)
    pairs = enumerate(zip(wide, wide[1:], strict=False))
    ems += 0.25 * sum(a != b and text[i + (not b)].isalnum() for i, (a, b) in pairs)
    return round(ems * size * 20)


def _longest_line(text: str, size: float) -> int:
    return max((text_width(line, size) for line in text.split("\n")), default=0)


def _longest_word(text: str, size: float) -> int:
    return max((text_width(m.group(), size) for m in _WORD.finditer(text)), default=0)


def column_widths(header: Sequence[str], rows: Iterable[Sequence[str]], total: int, size: float) -> list[int]:
    """Widths in twips summing to ``total`` for a table of ``size``-point text."""
    columns = list(zip(header, *rows, strict=True))
    least = 2 * size * 20 + CELL_MARGINS
    minimum = [
        max(least, text_width(col[0], size) + CELL_MARGINS, max(_longest_word(t, size) for t in col) + CELL_MARGINS)
        for col in columns
    ]
    maximum = [max(m, max(_longest_line(t, size) for t in col) + CELL_MARGINS) for col, m in zip(columns, minimum, strict=True)]
    # A column of short cells (方式, 主次, 阶段) is not wrapped at all: “双向选|择” reads badly.
    minimum = [x if x <= total * SHORT else n for n, x in zip(minimum, maximum, strict=True)]
    if sum(minimum) >= total:  # too many columns for the page: share it by minimum width
        widths = [total * m / sum(minimum) for m in minimum]
    elif sum(maximum) <= total:  # everything fits on one line: spread the rest evenly
        widths = [m * total / sum(maximum) for m in maximum]
    else:
        spare, wants = total - sum(minimum), [x - n for x, n in zip(maximum, minimum, strict=True)]
        widths = [n + spare * w / sum(wants) for n, w in zip(minimum, wants, strict=True)]
    out = [int(w) for w in widths]
    out[-1] += total - sum(out)
    return out


def data_table(header: Sequence[str], rows: Sequence[Sequence[str]], total: int, head: Font, body: Font, fmt: Format) -> str:
    """A table with one repeated header row (centred) and columns sized to their content."""
    widths = column_widths(header, rows, total, body.size)
    # Kept with the next row: a header row never stands alone at the foot of a page.
    centred = Format(**{**fmt.__dict__, "align": "center", "keep_next": True})
    cells = [[wordml.paragraph(wordml.run(text, head), centred) for text in header]]
    cells += [[wordml.paragraph(wordml.run(text, body), fmt) for text in row] for row in rows]
    return wordml.table(cells, widths, header_rows=1)


def content_control(placeholder: str, typed: Font, shown: Font, tag: str, number: int, part: str = "") -> str:
    """A plain-text content control (run level) showing ``placeholder`` in ``shown`` until
    someone types; what they type takes ``typed``. ``part`` names the glossary entry that
    holds the placeholder, so Word restores it when the control is emptied."""
    ref = f'<w:placeholder><w:docPart w:val="{wordml.xml_attr(part)}"/></w:placeholder>' if part else ""
    return (
        f'<w:sdt><w:sdtPr>{wordml.run_properties(typed)}<w:alias w:val="{wordml.xml_attr(tag)}"/><w:tag w:val="{wordml.xml_attr(tag)}"/>'
        f'<w:id w:val="{number}"/>{ref}<w:showingPlcHdr/><w:text w:multiLine="1"/></w:sdtPr>'
        f"<w:sdtContent>{wordml.run(placeholder, shown, 'PlaceholderText')}</w:sdtContent></w:sdt>"
    )


class Glossary:
    """The placeholder texts of one document's content controls (``word/glossary/document.xml``)."""

    KIND = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.glossary+xml"
    REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/glossaryDocument"

    def __init__(self) -> None:
        self.entries: list[tuple[str, str]] = []  # (name, paragraph XML)

    def add(self, paragraph_xml: str) -> str:
        name = f"hint{len(self.entries) + 1}"
        self.entries.append((name, paragraph_xml))
        return name

    def part(self) -> tuple[str, str, str, str] | None:
        """(name, content type, relationship, XML) for :func:`wordml.package`, None when empty."""
        if not self.entries:
            return None
        parts = "".join(
            f'<w:docPart><w:docPartPr><w:name w:val="{name}"/><w:category><w:name w:val="General"/>'
            '<w:gallery w:val="placeholder"/></w:category>'
            '<w:behaviors><w:behavior w:val="content"/></w:behaviors>'
            f'<w:guid w:val="{{4D0E6B9A-0000-4000-8000-{n:012X}}}"/></w:docPartPr>'
            f"<w:docPartBody>{body}</w:docPartBody></w:docPart>"
            for n, (name, body) in enumerate(self.entries, start=1)
        )
        return (
            "word/glossary/document.xml",
            self.KIND,
            self.REL,
            wordml._root("glossaryDocument", f"<w:docParts>{parts}</w:docParts>"),
        )


def form_table(
    rows: Sequence[tuple[str, int, str]],
    widths: tuple[int, int],
    label: Font,
    answer: Font,
    hint: Font,
    fmt: Format,
    glossary: Glossary,
) -> str:
    """A form of (label, lines, hint) rows: label and answer cell, and two short fields
    (one line, no hint, such as 学生姓名 and 导师姓名) side by side in one row. Every
    answer line is an empty paragraph whose mark carries ``answer`` (so typed text is
    四号); a hint is a content control on the first line, shown in ``hint`` until the
    teacher types."""
    blank = wordml.paragraph("", fmt, mark=answer)
    hint_fmt = Format(**{**fmt.__dict__, "style": "FormHint"})

    def answer_cell(text: str, lines: int, tip: str) -> str:
        if not tip:
            return blank * lines
        shown = wordml.run(tip, hint, "PlaceholderText")
        name = glossary.add(wordml.paragraph(shown, hint_fmt, mark=answer))
        control = content_control(tip, answer, hint, text, len(glossary.entries), name)
        return wordml.paragraph(control, hint_fmt, mark=answer) + blank * (lines - 1)

    cells: list[list[str]] = []
    pending: list[str] | None = None  # a short field waiting for a partner
    for text, lines, tip in rows:
        cell = [wordml.paragraph(wordml.run(text, label), fmt), answer_cell(text, lines, tip)]
        if lines == 1 and not tip:
            if pending is None:
                pending = cell
                cells.append(pending)
            else:
                pending += cell
                pending = None
        else:
            pending = None
            cells.append(cell)
    label_w, answer_w = widths
    if any(len(row) == 4 for row in cells):
        half = (answer_w - label_w) // 2
        return wordml.table(cells, [label_w, half, label_w, answer_w - label_w - half])
    return wordml.table(cells, list(widths))
