"""A school plan as a Word document laid out like an official document
(GB/T 9704 style): A4, 37/35/28/26 mm margins, title in 方正小标宋简体 二号,
first-level headings in 黑体 三号, second-level in 楷体 三号, body in 仿宋 三号
with a fixed 28 pt line pitch, page number “— n —” at the foot.

Built in code with python-docx (see README, 一校一策). python-docx sets only the
Latin font name; Chinese text uses the East Asian font slot (``w:eastAsia`` of
``w:rFonts``), which is therefore set explicitly on the styles and on every run.
All text is inserted as text, never parsed, so markup in the data stays literal.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from .plan_document import Block, plan_sections, plan_title

TITLE_FONT = "方正小标宋简体"
HEADING_FONT = "黑体"
SUBHEADING_FONT = "楷体"
BODY_FONT = "仿宋"
LATIN_FONT = "Times New Roman"
BODY_SIZE = 16  # 三号
TITLE_SIZE = 22  # 二号
TABLE_SIZE = 14  # 四号
LINE_PITCH = 28  # pt, about 22 lines on the 225 mm type area


def set_fonts(target, east_asia: str, size: float | None = None, bold: bool | None = None) -> None:
    """Set Latin and East Asian fonts on a run or a style (python-docx sets only the Latin one)."""
    font = target.font
    font.name = LATIN_FONT
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    rpr = target.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        rfonts.set(qn(attr), LATIN_FONT)
    rfonts.set(qn("w:eastAsia"), east_asia)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:eastAsia"), "zh-CN")


def _set_document_defaults(doc) -> None:
    """Document defaults name theme fonts (``w:eastAsiaTheme``), which win over explicit names: replace them."""
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    rfonts = rpr.find(qn("w:rFonts"))
    for attr in list(rfonts.attrib):
        if attr.endswith("Theme") or attr.endswith("theme"):
            del rfonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        rfonts.set(qn(attr), LATIN_FONT)
    rfonts.set(qn("w:eastAsia"), BODY_FONT)
    lang = rpr.find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:val"), "zh-CN")
        lang.set(qn("w:eastAsia"), "zh-CN")


def _format(paragraph, *, indent: bool = True, align=None, size: float = BODY_SIZE) -> None:
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(LINE_PITCH if size >= BODY_SIZE else size * 1.5)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.first_line_indent = Pt(size * 2) if indent else None
    if align is not None:
        paragraph.alignment = align


def _add(
    doc_or_cell, text: str, font: str = BODY_FONT, size: float = BODY_SIZE, *, indent: bool = True, align=None, bold: bool = False
):
    paragraph = doc_or_cell.add_paragraph()
    _format(paragraph, indent=indent, align=align, size=size)
    run = paragraph.add_run(text)
    set_fonts(run, font, size, bold)
    return paragraph


def _page_number_footer(section) -> None:
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_fonts(paragraph.add_run("— "), "宋体", 14)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)
    set_fonts(paragraph.add_run(" —"), "宋体", 14)


def _table(doc, block: Block) -> None:
    table = doc.add_table(rows=1, cols=len(block.header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, block.header, strict=True):
        cell.paragraphs[0].text = ""
        set_fonts(cell.paragraphs[0].add_run(text), HEADING_FONT, TABLE_SIZE)
        _format(cell.paragraphs[0], indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, size=TABLE_SIZE)
    for row in block.rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            set_fonts(cell.paragraphs[0].add_run(text), BODY_FONT, TABLE_SIZE)
            _format(cell.paragraphs[0], indent=False, size=TABLE_SIZE)


def _block(doc, block: Block) -> None:
    if block.kind == "p":
        for line in (x.strip() for x in block.text.split("\n")):
            if line:
                _add(doc, line)
    elif block.kind == "h":
        _add(doc, block.text, SUBHEADING_FONT)
    elif block.kind == "list":
        for n, item in enumerate(block.items, start=1):
            _add(doc, f"{n}. {item}")
    elif block.kind == "table":
        _table(doc, block)


def plan_docx(plan: dict) -> bytes:
    """The plan as .docx bytes."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    _set_document_defaults(doc)
    set_fonts(doc.styles["Normal"], BODY_FONT, BODY_SIZE)
    _page_number_footer(section)

    title = plan_title(plan)
    doc.core_properties.title = title
    doc.core_properties.language = "zh-CN"
    _add(doc, title, TITLE_FONT, TITLE_SIZE, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER).paragraph_format.space_after = Pt(
        LINE_PITCH
    )
    if plan.get("sample"):
        _add(doc, "（示例：学校名称和内容均为虚构）", SUBHEADING_FONT, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
    for n, sec in enumerate(plan_sections(plan), start=1):
        _add(doc, sec.numbered(n), HEADING_FONT)
        for block in sec.blocks:
            _block(doc, block)
    _add(doc, "", indent=False)
    _add(doc, plan.get("name", ""), indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)  # 落款
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
