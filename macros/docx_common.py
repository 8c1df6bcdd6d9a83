"""Word documents in the portal's house style, shared by every .docx the portal builds
(handbook templates, 一校一策 plans).

The conventions follow GB/T 9704《党政机关公文格式》loosely, as the 一校一策
documents do: A4 paper with 37/35/28/26 mm margins, the title in 方正小标宋简体 二号
(Word substitutes a Song face where it is not installed), first-level headings in 黑体
三号, second-level headings in 楷体 三号, body text in 仿宋 三号 with a fixed
28 pt line pitch, and the page number as “— 1 —” in the footer. Tables use
仿宋 四号 so that forms stay usable.

Chinese text in Word only takes a font when the run names it in ``w:eastAsia``
(python-docx's ``font.name`` sets the Latin slots only), so every run made
here goes through :func:`set_font`. :func:`east_asia_font` reads it back for tests.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass

from docx import Document as new_docx
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run

# Fonts and sizes (字号: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt).
FONT_TITLE = "方正小标宋简体"
FONT_HEADING_1 = "黑体"
FONT_HEADING_2 = "楷体"
FONT_BODY = "仿宋"
FONT_LATIN = "Times New Roman"
SIZE_TITLE = Pt(22)
SIZE_BODY = Pt(16)
SIZE_TABLE = Pt(14)
SIZE_NOTE = Pt(12)
LINE_PITCH = Pt(28)


@dataclass(frozen=True)
class FormRow:
    """One row of a form table: a label and room for the answer."""

    label: str
    lines: int = 1  # blank lines to leave for handwriting
    hint: str = ""  # small grey text in the answer cell


def set_font(target: Run, east_asia: str, size: Pt | None = None, bold: bool | None = None, latin: str = FONT_LATIN) -> None:
    """Set the Latin and East Asian fonts of a run (or a style: anything with ``.font`` and ``.element``)."""
    target.font.name = latin
    if size is not None:
        target.font.size = size
    if bold is not None:
        target.font.bold = bold
    rpr = target.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:hint"), "eastAsia")
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:eastAsia"), "zh-CN")


def east_asia_font(run: Run) -> str | None:
    """The ``w:eastAsia`` font named on a run, or None."""
    rpr = run.element.rPr
    fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
    return fonts.get(qn("w:eastAsia")) if fonts is not None else None


def _spacing(paragraph: Paragraph, before: float = 0, after: float = 0, exact: Pt | None = LINE_PITCH) -> None:
    fmt = paragraph.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    if exact is not None:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = exact


def new_document(title: str = "", subject: str = "") -> Document:
    """An empty A4 document with the house margins, body style and page-number footer."""
    doc = new_docx()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    _replace_theme_fonts(doc)
    normal = doc.styles["Normal"]
    set_font(normal, FONT_BODY, SIZE_BODY)
    _add_page_number(section.footer.paragraphs[0])
    doc.core_properties.title = title
    doc.core_properties.subject = subject
    doc.core_properties.author = "全员导师制培训与资料门户（示例）"
    doc.core_properties.language = "zh-CN"
    return doc


def _replace_theme_fonts(doc: Document) -> None:
    """python-docx's template names theme fonts in the document defaults (``w:eastAsiaTheme``);
    a theme attribute wins over an explicit font name, so the defaults name our fonts instead."""
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    for attr in [a for a in fonts.attrib if a.lower().endswith("theme")]:
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), FONT_LATIN)
    fonts.set(qn("w:eastAsia"), FONT_BODY)
    lang = rpr.find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")


def _field(run: Run, instruction: str) -> None:
    for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text == instruction:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        else:
            el = OxmlElement("w:t")
            el.text = text
        run.element.append(el)


def _add_page_number(paragraph: Paragraph) -> None:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_font(paragraph.add_run("— "), FONT_BODY, SIZE_NOTE)
    number = paragraph.add_run()
    set_font(number, FONT_BODY, SIZE_NOTE)
    _field(number, "PAGE")
    set_font(paragraph.add_run(" —"), FONT_BODY, SIZE_NOTE)


def add_text(doc: Document, text: str, *, font: str = FONT_BODY, size: Pt = SIZE_BODY, bold: bool = False,
             align: WD_ALIGN_PARAGRAPH | None = None, indent: bool = True) -> Paragraph:  # fmt: skip
    """A body paragraph; ``indent`` gives the usual two-character first-line indent."""
    paragraph = doc.add_paragraph()
    _spacing(paragraph)
    if indent:
        paragraph.paragraph_format.first_line_indent = Pt(size.pt * 2)
    if align is not None:
        paragraph.alignment = align
    set_font(paragraph.add_run(text), font, size, bold)
    return paragraph


def add_title(doc: Document, text: str, subtitle: str = "") -> Paragraph:
    """The centred document title, with an optional line below it in 楷体."""
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _spacing(paragraph, after=6, exact=Pt(36))
    set_font(paragraph.add_run(text), FONT_TITLE, SIZE_TITLE)
    if subtitle:
        add_text(doc, subtitle, font=FONT_HEADING_2, size=SIZE_NOTE, align=WD_ALIGN_PARAGRAPH.CENTER, indent=False)
    return paragraph


def add_heading(doc: Document, text: str, level: int = 1) -> Paragraph:
    """A heading: level 1 in 黑体, level 2 in 楷体, both 三号 (not Word's Heading styles, which carry Latin fonts)."""
    font = FONT_HEADING_1 if level <= 1 else FONT_HEADING_2
    paragraph = add_text(doc, text, font=font, size=SIZE_BODY, indent=True)
    paragraph.paragraph_format.keep_with_next = True
    _spacing(paragraph, before=6)
    return paragraph


def _cell_text(cell, text: str, *, font: str = FONT_BODY, size: Pt = SIZE_TABLE, bold: bool = False) -> Paragraph:
    paragraph = cell.paragraphs[0] if not cell.paragraphs[0].runs else cell.add_paragraph()
    _spacing(paragraph, exact=Pt(22))
    set_font(paragraph.add_run(text), font, size, bold)
    return paragraph


def add_form_table(doc: Document, rows: Iterable[FormRow], label_width_mm: float = 40) -> Table:
    """A two-column form: label on the left (黑体), empty answer cell sized for ``lines`` handwritten lines."""
    rows = list(rows)
    table = doc.add_table(rows=len(rows), cols=2)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    total = 210 - 28 - 26
    for row, form_row in zip(table.rows, rows, strict=True):
        label, answer = row.cells
        label.width, answer.width = Mm(label_width_mm), Mm(total - label_width_mm)
        _cell_text(label, form_row.label, font=FONT_HEADING_1, size=SIZE_TABLE)
        if form_row.hint:
            p = _cell_text(answer, form_row.hint, size=SIZE_NOTE)
            p.runs[0].font.italic = True
        for _ in range(max(0, form_row.lines - (1 if form_row.hint else 0))):
            _cell_text(answer, "")
        if not answer.paragraphs[0].runs:
            _cell_text(answer, "")
    doc.add_paragraph()
    return table


def add_checkbox_list(doc: Document, items: Iterable[str]) -> list[Paragraph]:
    """Items to tick on paper, each starting with “□”."""
    return [add_text(doc, f"□ {item}", size=SIZE_TABLE, indent=False) for item in items]


def add_signature_line(doc: Document, labels: Iterable[str]) -> Paragraph:
    """A right-aligned line such as “导师签名：________  日期：________”."""
    text = "    ".join(f"{label}：__________" for label in labels)
    return add_text(doc, text, size=SIZE_TABLE, align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)


def document_bytes(doc: Document) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
