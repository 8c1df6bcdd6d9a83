"""A school plan as a Word document in the portal's house style (GB/T 9704-like,
see :mod:`macros.docx_common`): title in 方正小标宋简体 二号, first-level
headings in 黑体 三号, second-level in 楷体 三号, body in 仿宋 三号, A4 with
37/35/28/26 mm margins and “— n —” page numbers; the school's name as 落款.

Built in code with python-docx (see README, 一校一策). Every run names its East
Asian font through :func:`docx_common.set_font`. All text is inserted as text,
never parsed, so markup in the data stays literal.
"""

from __future__ import annotations

from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from .docx_common import (
    FONT_BODY,
    FONT_HEADING_1,
    SIZE_TABLE,
    add_heading,
    add_text,
    add_title,
    document_bytes,
    new_document,
    set_font,
)
from .plan_document import Block, plan_sections, plan_title

SAMPLE_NOTE = "（示例：学校名称和内容均为虚构）"


def _table(doc: Document, block: Block) -> None:
    table = doc.add_table(rows=1, cols=len(block.header))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cells, texts, font in [(table.rows[0].cells, block.header, FONT_HEADING_1)] + [
        (table.add_row().cells, row, FONT_BODY) for row in block.rows
    ]:
        for cell, text in zip(cells, texts, strict=True):
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.space_after = Pt(0)
            set_font(paragraph.add_run(text), font, SIZE_TABLE)


def _block(doc: Document, block: Block) -> None:
    if block.kind == "p":
        for line in (x.strip() for x in block.text.split("\n")):
            if line:
                add_text(doc, line)
    elif block.kind == "h":
        add_heading(doc, block.text, level=2)
    elif block.kind == "list":
        for n, item in enumerate(block.items, start=1):
            add_text(doc, f"{n}. {item}")
    elif block.kind == "table":
        _table(doc, block)


def plan_docx(plan: dict) -> bytes:
    """The plan as .docx bytes."""
    title = plan_title(plan)
    doc = new_document(title, "全员导师制工作学校实施方案（一校一策）")
    if not plan.get("sample"):
        doc.core_properties.author = str(plan.get("name", ""))
    add_title(doc, title, SAMPLE_NOTE if plan.get("sample") else "")
    for n, section in enumerate(plan_sections(plan), start=1):
        add_heading(doc, section.numbered(n), level=1)
        for block in section.blocks:
            _block(doc, block)
    add_text(doc, "", indent=False)
    add_text(doc, str(plan.get("name", "")), align=WD_ALIGN_PARAGRAPH.RIGHT, indent=False)  # 落款
    return document_bytes(doc)
