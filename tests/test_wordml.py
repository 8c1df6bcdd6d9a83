"""The direct WordprocessingML writer: escaping of hostile text, a valid and complete
package, the same bytes for the same input, and files python-docx opens."""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from macros.composition import new_project
from macros.core.yamlload import load_yaml_file
from macros.documents import docx_common as dx
from macros.documents import wordml
from macros.handbook import templates as ht
from macros.plans.plan_docx import plan_docx

ROOT = Path(__file__).resolve().parent.parent
W = "{" + wordml.W + "}"
HOSTILE = '<w:t>注入</w:t> & "引号" ]]> <!-- x --> {PAGE}'
CONTROL = "前\x00\x01\x08\x0b\x0c\x1f\ufffe\ud800后"


def sample_plan() -> dict:
    doc, problems = load_yaml_file(ROOT / "data/schools/xinghe-primary.yml", "data/schools/xinghe-primary.yml")
    assert not problems
    return doc.data


def hostile_plan() -> dict:
    plan = dict(sample_plan())
    plan["name"] = f"A&B<学校>{CONTROL}"
    plan["sample"] = False  # the school's name goes into the author too
    plan["goals"] = HOSTILE
    plan["duties"] = [f"职责{CONTROL}", "带\t制表符"]
    plan["timeline"] = [{"phase": "<b>阶段</b>", "period": "9 月 & 10 月", "tasks": ["换行\n任务", CONTROL]}]
    return plan


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def all_texts(document) -> list[str]:
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    return texts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a < b & c > d", "a &lt; b &amp; c &gt; d"),
        ("前\x00\x07\x1b后", "前后"),
        ("\ud800\ufffe\uffff", ""),
        ("tab\tnewline\n", "tab\tnewline\n"),
        ("𠀀 emoji 😀", "𠀀 emoji 😀"),
    ],
)
def test_xml_text_escapes_and_drops_illegal_characters(text, expected) -> None:
    assert wordml.xml_text(text) == expected


def test_xml_attr_quotes_and_keeps_white_space_as_references() -> None:
    assert wordml.xml_attr('a"b<\t\n') == "a&quot;b&lt;&#9;&#10;"


def test_hostile_plan_text_stays_literal_text() -> None:
    data = plan_docx(hostile_plan())
    for name, xml in parts(data).items():
        etree.fromstring(xml)  # every part is well-formed XML
        assert b"\x00" not in xml and b"\x1f" not in xml, name
    body = etree.fromstring(parts(data)["word/document.xml"])
    assert not body.findall(f".//{W}t/{W}t"), "text became markup"
    assert len(body.findall(f".//{W}instrText")) == 0  # {PAGE} in the data is no field
    document = docx.Document(io.BytesIO(data))
    texts = all_texts(document)
    assert texts[0] == "A&B<学校>前后全员导师制工作实施方案"
    assert HOSTILE in texts
    assert "1. 职责前后" in texts and "2. 带\t制表符" in texts
    assert "<b>阶段</b>" in texts and "9 月 & 10 月" in texts and "换行\n任务；前后" in texts
    assert document.core_properties.author == "A&B<学校>前后"
    assert document.core_properties.title == texts[0]


def test_package_is_a_valid_zip_with_every_part_typed_and_every_target_present() -> None:
    data = plan_docx(sample_plan())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
    assert names[0] == "[Content_Types].xml"
    files = parts(data)
    types = etree.fromstring(files["[Content_Types].xml"])
    ns = "{http://schemas.openxmlformats.org/package/2006/content-types}"
    defaults = {d.get("Extension") for d in types.findall(f"{ns}Default")}
    overrides = {o.get("PartName") for o in types.findall(f"{ns}Override")}
    for name in names:
        assert f"/{name}" in overrides or name.rsplit(".", 1)[-1] in defaults, name
    assert overrides <= {f"/{name}" for name in names}
    required = ("document.xml", "styles.xml", "settings.xml", "footer1.xml", "fontTable.xml")
    assert {f"/word/{name}" for name in required} | {"/docProps/core.xml"} <= overrides
    for rels in ("_rels/.rels", "word/_rels/document.xml.rels"):
        base = posixpath.dirname(posixpath.dirname(rels))
        for rel in etree.fromstring(files[rels]):
            assert posixpath.normpath(posixpath.join(base, rel.get("Target"))) in files, rel.get("Target")


def test_same_plan_same_bytes_and_no_dates() -> None:
    plan = sample_plan()
    first = plan_docx(plan)
    assert plan_docx(dict(plan)) == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {wordml.ZIP_DATE}
    core = parts(first)["docProps/core.xml"].decode("utf-8")
    assert not re.search(r"\d{4}-\d\d-\d\d", core)
    assert plan_docx({**plan, "goals": "另一个目标"}) != first


def test_house_style_parts_in_the_package() -> None:
    document = docx.Document(io.BytesIO(plan_docx(sample_plan())))
    grid = document.styles["Table Grid"].element
    assert grid.find(f".//{W}tblBorders/{W}insideH").get(f"{W}val") == "single"
    assert all(table.style.name == "Table Grid" for table in document.tables) and document.tables
    body = document.paragraphs[3]  # first body paragraph after title, note and heading
    assert body.paragraph_format.line_spacing.pt == dx.LINE_PITCH
    assert body.paragraph_format.first_line_indent.pt == dx.SIZE_BODY * 2
    footer = document.sections[0].footer.paragraphs[0]
    assert footer.text == "— 1 —" and footer._p.xpath(".//w:instrText")[0].text == "PAGE"
    assert round(document.sections[0].footer_distance.mm, 1) == 12.7
    fonts = etree.fromstring(parts(plan_docx(sample_plan()))["word/fontTable.xml"])
    assert {f.get(f"{W}name") for f in fonts} >= {dx.FONT_BODY, dx.FONT_HEADING_1, dx.FONT_HEADING_2, dx.FONT_TITLE}


def test_form_table_hints_are_grey_italics_and_leave_lines() -> None:
    document = dx.new_document("表")
    dx.add_form_table(document, [dx.FormRow("姓名"), dx.FormRow("情况", lines=3, hint="提示<&>")])
    table = docx.Document(io.BytesIO(dx.document_bytes(document))).tables[0]
    label, answer = table.rows[1].cells
    assert label.text == "情况" and len(answer.paragraphs) == 3
    hint = answer.paragraphs[0].runs[0]
    assert hint.text == "提示<&>" and hint.font.italic and str(hint.font.color.rgb) == dx.HINT_COLOR
    assert len(table.rows[0].cells[1].paragraphs) == 1
    assert round(table.columns[0].width.mm) == 40


def test_handbook_templates_build_with_the_same_writer() -> None:
    project = new_project(ROOT)
    templates = ht.project_templates(project)
    assert templates
    for template in templates:
        data = dx.document_bytes(ht.build_template(template, lambda doc, clause: f"{doc} {clause}"))
        assert data == dx.document_bytes(ht.build_template(template, lambda doc, clause: f"{doc} {clause}"))
        document = docx.Document(io.BytesIO(data))
        assert document.paragraphs[0].text == template.title
        assert document.core_properties.title == template.title
        assert len(document.tables) == sum(1 for s in template.sections if s.fields)
