"""Word documents in the portal's house style, shared by every .docx the portal builds
(handbook templates, 一校一策 plans).

The conventions follow GB/T 9704《党政机关公文格式》loosely, as the 一校一策
documents do: A4 paper with 37/35/28/26 mm margins, the title in 方正小标宋简体 二号
(Word substitutes a Song face where it is not installed), first-level headings in 黑体
三号, second-level headings in 楷体 三号, body text in 仿宋 三号 with a fixed
28 pt line pitch, and the page number as “— 1 —” in the footer. Tables use
仿宋 四号 so that forms stay usable; hints in form cells are small grey italics.

Chinese text in Word only takes a font when the run names it in ``w:eastAsia``,
so every run written here names it (and the styles and document defaults do too).
The XML is written directly by :mod:`macros.documents.wordml` (about 1 ms a document
instead of ~35 ms through python-docx's object model); python-docx is only used
by the tests, to open and inspect the files. :func:`east_asia_font` reads the
font back from a python-docx run.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from macros.documents import wordml
from macros.documents.wordml import Font, Format

# Fonts and sizes in points (字号: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt).
FONT_TITLE = "方正小标宋简体"
FONT_HEADING_1 = "黑体"
FONT_HEADING_2 = "楷体"
FONT_BODY = "仿宋"
FONT_LATIN = "Times New Roman"
SIZE_TITLE = 22.0
SIZE_BODY = 16.0
SIZE_TABLE = 14.0
SIZE_NOTE = 12.0
LINE_PITCH = 28.0
HINT_COLOR = "7F7F7F"
AUTHOR = "全员导师制培训与资料门户（示例）"

PAGE = wordml.Page(width=210, height=297, top=37, bottom=35, left=28, right=26)
TEXT_WIDTH_MM = PAGE.width - PAGE.left - PAGE.right  # 156 mm between the margins

# Names Word and LibreOffice also know these faces by; charset 86 is GB2312.
_FONT_TABLE = (
    (FONT_LATIN, "", "00"),
    (FONT_BODY, "FangSong", "86"),
    (FONT_HEADING_1, "SimHei", "86"),
    (FONT_HEADING_2, "KaiTi", "86"),
    (FONT_TITLE, "", "86"),
)


@dataclass(frozen=True)
class FormRow:
    """One row of a form table: a label and room for the answer."""

    label: str
    lines: int = 1  # blank lines to leave for handwriting
    hint: str = ""  # small grey text in the answer cell


@dataclass
class Document:
    """A Word document being written: body XML in order, and the core properties."""

    title: str = ""
    subject: str = ""
    author: str = AUTHOR
    body: list[str] = field(default_factory=list)


def font(east_asia: str, size: float, bold: bool = False, italic: bool = False, color: str = "") -> Font:
    """Run properties in the house style (Latin text in Times New Roman)."""
    return Font(east_asia, size, FONT_LATIN, bold, italic, color)


def _footer() -> str:
    note = font(FONT_BODY, SIZE_NOTE)
    runs = wordml.run("— ", note) + wordml.field_run("PAGE", "1", note) + wordml.run(" —", note)
    return wordml.paragraph(runs, Format(align="center", before=None, after=None, style="Footer"))


PARTS = wordml.Parts(
    styles=wordml.styles_part(font(FONT_BODY, SIZE_BODY)),
    settings=wordml.settings_part(),
    footer=_footer(),
    fonts=_FONT_TABLE,
)


def new_document(title: str = "", subject: str = "") -> Document:
    """An empty A4 document with the house margins, body style and page-number footer."""
    return Document(title, subject)


def add_text(doc: Document, text: str, *, font: str = FONT_BODY, size: float = SIZE_BODY, bold: bool = False,
             align: str = "", indent: bool = True) -> None:  # fmt: skip
    """A body paragraph; ``indent`` gives the usual two-character first-line indent.
    ``align`` is "", "center" or "right"."""
    fmt = Format(align=align, first_line_indent=size * 2 if indent else 0, line=LINE_PITCH)
    doc.body.append(wordml.paragraph(wordml.run(text, Font(font, size, FONT_LATIN, bold)), fmt))


def add_title(doc: Document, text: str, subtitle: str = "") -> None:
    """The centred document title, with an optional line below it in 楷体."""
    fmt = Format(align="center", after=6, line=36)
    doc.body.append(wordml.paragraph(wordml.run(text, font(FONT_TITLE, SIZE_TITLE)), fmt))
    if subtitle:
        add_text(doc, subtitle, font=FONT_HEADING_2, size=SIZE_NOTE, align="center", indent=False)


def add_heading(doc: Document, text: str, level: int = 1) -> None:
    """A heading: level 1 in 黑体, level 2 in 楷体, both 三号 (not Word's Heading styles, which carry Latin fonts)."""
    face = FONT_HEADING_1 if level <= 1 else FONT_HEADING_2
    fmt = Format(first_line_indent=SIZE_BODY * 2, before=6, line=LINE_PITCH, keep_next=True)
    doc.body.append(wordml.paragraph(wordml.run(text, font(face, SIZE_BODY)), fmt))


_CELL = Format(after=0, before=None)  # plan tables: the style's line spacing
_FORM_CELL = Format(line=22)


def add_table(doc: Document, header: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    """A bordered table across the text width, equal columns, the header row in 黑体."""
    head, body = font(FONT_HEADING_1, SIZE_TABLE), font(FONT_BODY, SIZE_TABLE)
    width = wordml.mm_twips(TEXT_WIDTH_MM) // max(1, len(header))
    cells = [[wordml.paragraph(wordml.run(text, head), _CELL) for text in header]]
    cells += [[wordml.paragraph(wordml.run(text, body), _CELL) for text in row] for row in rows]
    doc.body.append(wordml.table(cells, [width] * len(header)))


def add_form_table(doc: Document, rows: Iterable[FormRow], label_width_mm: float = 40) -> None:
    """A two-column form: label on the left (黑体), empty answer cell sized for ``lines`` handwritten lines."""
    label_font = font(FONT_HEADING_1, SIZE_TABLE)
    blank = wordml.paragraph(wordml.run("", font(FONT_BODY, SIZE_TABLE)), _FORM_CELL)
    hint_font = font(FONT_BODY, SIZE_NOTE, italic=True, color=HINT_COLOR)
    cells = []
    for row in rows:
        answer = [wordml.paragraph(wordml.run(row.hint, hint_font), _FORM_CELL)] if row.hint else []
        answer += [blank] * max(0, row.lines - len(answer))
        cells.append([wordml.paragraph(wordml.run(row.label, label_font), _FORM_CELL), "".join(answer or [blank])])
    label = wordml.mm_twips(label_width_mm)
    doc.body.append(wordml.table(cells, [label, wordml.mm_twips(TEXT_WIDTH_MM) - label]))
    doc.body.append(wordml.paragraph(""))


def add_checkbox_list(doc: Document, items: Iterable[str]) -> None:
    """Items to tick on paper, each starting with “□”."""
    for item in items:
        add_text(doc, f"□ {item}", size=SIZE_TABLE, indent=False)


def add_signature_line(doc: Document, labels: Iterable[str]) -> None:
    """A right-aligned line such as “导师签名：________  日期：________”."""
    text = "    ".join(f"{label}：__________" for label in labels)
    add_text(doc, text, size=SIZE_TABLE, align="right", indent=False)


def document_bytes(doc: Document) -> bytes:
    """The .docx file: same document, same bytes (no dates in it)."""
    return wordml.package("".join(doc.body), PARTS, PAGE, title=doc.title, subject=doc.subject, author=doc.author)


_W = "{" + wordml.W + "}"


def east_asia_font(run: Any) -> str | None:
    """The ``w:eastAsia`` font named on a python-docx run (for tests), or None."""
    rpr = run.element.rPr
    fonts = rpr.find(_W + "rFonts") if rpr is not None else None
    return fonts.get(_W + "eastAsia") if fonts is not None else None
