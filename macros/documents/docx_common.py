"""Word documents in the portal's house style, shared by every .docx the portal builds
(handbook templates, 一校一策 plans).

The layout is GB/T 9704《党政机关公文格式》's (the parts and styles are in
:mod:`macros.documents.docx_styles`): A4 with 37/35/28/26 mm margins and a document grid of 22
lines × 28 characters; the title in 方正小标宋简体 二号; headings as heading styles with
outline levels, 一级 黑体, 二级 楷体, 三级 仿宋; body text is the ``Normal`` style, 仿宋
三号, justified, first line indented two characters; the page number “— N —” in 4号
宋体, right on odd pages and left on even ones. Tables (:mod:`macros.documents.docx_tables`)
size their columns to their content, repeat their header row and never split a row.

A *form* (``new_document(form=True)``, the handbook templates) must fit one page and
leave room to write by hand: its text is off the grid, 四号 on 20-point lines, with
the title and headings a little tighter than in a plan.

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

from macros.documents import docx_tables, wordml
from macros.documents.docx_styles import (  # noqa: F401  (re-exported: the house style's names live here for callers)
    FONT_BODY,
    FONT_HEADING_1,
    FONT_HEADING_2,
    FONT_HEADING_3,
    FONT_LATIN,
    FONT_PAGE_NUMBER,
    FONT_TITLE,
    HINT_COLOR,
    INDENT,
    LINE_PITCH,
    PAGE,
    PARTS,
    SIZE_BODY,
    SIZE_NOTE,
    SIZE_PAGE_NUMBER,
    SIZE_TABLE,
    SIZE_TITLE,
    font,
)
from macros.documents.wordml import Format

AUTHOR = "全员导师制培训与资料门户（示例）"
TEXT_WIDTH_MM = PAGE.width - PAGE.left - PAGE.right  # 156 mm between the margins
TEXT_WIDTH = wordml.mm_twips(PAGE.width) - wordml.mm_twips(PAGE.left) - wordml.mm_twips(PAGE.right)
_house_font = font  # add_text has a parameter called font
FORM_LINE = 16.0  # points: a form's line, 5.6 mm: the home-visit form must fit one page
LABEL_MAX_MM = 50  # a form's label column at most; longer labels wrap
TABLE_LINE = 20.0  # points: a plan table's line


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
    form: bool = False  # a one-page form: compact text off the grid
    glossary: docx_tables.Glossary = field(default_factory=docx_tables.Glossary)


def new_document(title: str = "", subject: str = "", form: bool = False) -> Document:
    """An empty A4 document with the house margins, grid, styles and page-number footers."""
    return Document(title, subject, form=form)


def _text_format(doc: Document, size: float, align: str, indent: bool) -> Format:
    if doc.form:
        line = FORM_LINE if size >= SIZE_TABLE else size + 4
        return Format(align=align or "both", first_line_indent=size * 2 if indent else 0, line=line, snap=False)
    if size == SIZE_BODY and indent and not align:
        return wordml.PLAIN  # the Normal style is the body text
    if size == SIZE_BODY:  # on the grid, as Normal
        return Format(align=align, before=None, after=None, first_line_indent=None if indent else 0)
    return Format(align=align or "both", first_line_indent=size * 2 if indent else 0, snap=False)


def add_text(doc: Document, text: str, *, font: str = FONT_BODY, size: float = SIZE_BODY, bold: bool = False,
             align: str = "", indent: bool = True) -> None:  # fmt: skip
    """A body paragraph; ``indent`` gives the usual two-character first-line indent.
    ``align`` is "" (justified), "center" or "right"."""
    if doc.form and size == SIZE_BODY:  # a form's notes to the teacher: 小四, it must fit one page
        size = SIZE_NOTE
    fmt = _text_format(doc, size, align, indent)
    doc.body.append(wordml.paragraph(wordml.run(text, _house_font(font, size, bold)), fmt))


# GB/T 9704: one blank line between the title and the text.
_TITLE = Format(style="Title", before=None, after=LINE_PITCH)
_TITLE_WITH_NOTE = Format(style="Title", before=None, after=None)
_NOTE = Format(style="Subtitle", before=None, after=LINE_PITCH, snap=False, line=LINE_PITCH)
_FORM_TITLE = Format(style="Title", before=None, after=0, line=28, snap=False)
_FORM_NOTE = Format(style="Subtitle", before=None, after=4, snap=False, line=16)


def add_title(doc: Document, text: str, subtitle: str = "") -> None:
    """The centred title (style Title), with an optional line below it in 楷体 (Subtitle)."""
    fmt = (_FORM_TITLE if doc.form else _TITLE_WITH_NOTE) if subtitle else _TITLE
    doc.body.append(wordml.paragraph(wordml.run(text, font(FONT_TITLE, SIZE_TITLE)), fmt))
    if subtitle:
        fmt = _FORM_NOTE if doc.form else _NOTE
        doc.body.append(wordml.paragraph(wordml.run(subtitle, font(FONT_HEADING_2, SIZE_NOTE)), fmt))


_HEADING_FONTS = {1: FONT_HEADING_1, 2: FONT_HEADING_2, 3: FONT_HEADING_3}


def add_heading(doc: Document, text: str, level: int = 1) -> None:
    """A heading in the style ``Heading<level>`` (一级 黑体, 二级 楷体, 三级 仿宋, with
    outline levels); in a form, 四号 on the form's line with a little room above."""
    level = min(max(level, 1), 3)
    face = _HEADING_FONTS[level]
    if doc.form:
        fmt = Format(style=f"Heading{level}", before=0, line=FORM_LINE, snap=False, first_line_indent=0)
        run = wordml.run(text, font(face, SIZE_TABLE))
    else:
        fmt, run = Format(style=f"Heading{level}", before=None, after=None), wordml.run(text, font(face, SIZE_BODY))
    doc.body.append(wordml.paragraph(run, fmt))


_CELL = Format(align="left", before=None, after=None, line=TABLE_LINE, snap=False, first_line_indent=0)
_FORM_CELL = Format(align="left", before=None, after=None, line=FORM_LINE, snap=False, first_line_indent=0)


def add_table(doc: Document, header: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    """A bordered table across the text width, columns sized to their content, the header
    row in 黑体 and repeated on every page the table runs onto; no row splits."""
    head, body = font(FONT_HEADING_1, SIZE_TABLE), font(FONT_BODY, SIZE_TABLE)
    doc.body.append(docx_tables.data_table(header, [list(r) for r in rows], TEXT_WIDTH, head, body, _CELL))


def form_label_width(labels: Iterable[str]) -> float:
    """Millimetres for a form's label column: the longest label on one line, at most
    ``LABEL_MAX_MM`` (longer labels wrap). Give every table of a form the same width."""
    longest = max((docx_tables.text_width(label, SIZE_TABLE) for label in labels), default=0)
    return min((longest + docx_tables.CELL_MARGINS + 20) / 1440 * 25.4, LABEL_MAX_MM)


def add_form_table(doc: Document, rows: Iterable[FormRow], label_width_mm: float | None = None) -> None:
    """A form table: label on the left (黑体, the column as wide as :func:`form_label_width`
    unless ``label_width_mm`` is given), the answer cell sized for ``lines`` handwritten
    lines, typed text in 仿宋 四号, the hint as placeholder text; two one-line fields
    without hints share a row."""
    data = [(row.label, max(1, row.lines), row.hint) for row in rows]
    label = wordml.mm_twips(label_width_mm or form_label_width(text for text, _, _ in data))
    # "auto" colour: typed text and the paragraph mark stay black in the grey hint paragraph.
    answer, hint = font(FONT_BODY, SIZE_TABLE, color="auto"), font(FONT_BODY, SIZE_NOTE, color=HINT_COLOR)
    doc.body.append(
        docx_tables.form_table(
            data, (label, TEXT_WIDTH - label), font(FONT_HEADING_1, SIZE_TABLE), answer, hint, _FORM_CELL, doc.glossary
        )
    )


def add_checkbox_list(doc: Document, items: Iterable[str]) -> None:
    """Items to tick on paper, each starting with “□”."""
    size = SIZE_NOTE if doc.form else SIZE_TABLE  # 小四 in a form, which must fit one page
    for item in items:
        add_text(doc, f"□ {item}", size=size, indent=False)


def add_signature_line(doc: Document, labels: Iterable[str]) -> None:
    """A right-aligned line such as “导师签名：________  日期：________”."""
    text = "    ".join(f"{label}：__________" for label in labels)
    add_text(doc, text, size=SIZE_TABLE, align="right", indent=False)


def document_bytes(doc: Document) -> bytes:
    """The .docx file: same document, same bytes (no dates in it)."""
    if doc.body and doc.body[-1].startswith("<w:tbl>"):  # Word wants a paragraph after a table
        doc.body.append(wordml.paragraph("", Format(line=2, snap=False, before=None, after=None)))
    glossary = doc.glossary.part()
    return wordml.package(
        "".join(doc.body),
        PARTS,
        PAGE,
        title=doc.title,
        subject=doc.subject,
        author=doc.author,
        extra_parts=[glossary] if glossary else [],
    )


_W = "{" + wordml.W + "}"


def east_asia_font(run: Any) -> str | None:
    """The ``w:eastAsia`` font named on a python-docx run (for tests), or None."""
    rpr = run.element.rPr
    fonts = rpr.find(_W + "rFonts") if rpr is not None else None
    return fonts.get(_W + "eastAsia") if fonts is not None else None
