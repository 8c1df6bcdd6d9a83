"""The shared Word helpers: East Asian fonts on every run, house page setup (read back with python-docx)."""

from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn

from macros.documents import docx_common as dx


def reopen(document) -> docx.document.Document:
    return docx.Document(io.BytesIO(dx.document_bytes(document)))


def test_every_run_names_the_east_asian_and_latin_fonts() -> None:
    document = dx.new_document("标题")
    dx.add_text(document, "中文", font="楷体", bold=True)
    run = reopen(document).paragraphs[0].runs[0]
    fonts = run.element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "楷体" and fonts.get(qn("w:ascii")) == dx.FONT_LATIN
    assert dx.east_asia_font(run) == "楷体"
    assert run.font.size.pt == dx.SIZE_BODY and run.font.bold


def test_new_document_house_style_survives_saving() -> None:
    document = dx.new_document("家访记录表", "用途")
    dx.add_title(document, "家访记录表", "示例")
    dx.add_heading(document, "一、基本信息")
    dx.add_form_table(document, [dx.FormRow("学生姓名"), dx.FormRow("情况", lines=3, hint="提示")])
    dx.add_checkbox_list(document, ["已预约"])
    dx.add_signature_line(document, ["导师签名", "日期"])
    reopened = reopen(document)
    normal = reopened.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert normal.get(qn("w:eastAsia")) == dx.FONT_BODY
    texts = [(p.text, [dx.east_asia_font(r) for r in p.runs if r.text]) for p in reopened.paragraphs if p.text]
    assert texts[0] == ("家访记录表", [dx.FONT_TITLE])
    assert ("一、基本信息", ["黑体"]) in texts and ("□ 已预约", ["仿宋"]) in texts
    cells = reopened.tables[0].rows[1].cells
    assert cells[0].text == "情况" and len(cells[1].paragraphs) == 3  # hint plus two blank lines
    footer = reopened.sections[0].footer.paragraphs[0]
    assert "PAGE" in footer._p.xml and footer.text.startswith("— ")
    assert [p.style.name for p in reopened.paragraphs[:3]] == ["Title", "Subtitle", "Heading 1"]
    assert reopened.core_properties.title == "家访记录表"
