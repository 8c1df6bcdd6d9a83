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
    # A title longer than a line breaks between the school's name and the rest (448d61b).
    assert texts[0] == "A&B<学校>前后\n全员导师制工作实施方案"
    assert HOSTILE in texts
    assert "1. 职责前后" in texts and "2. 带\t制表符" in texts
    assert "<b>阶段</b>" in texts and "9 月 & 10 月" in texts and "换行\n任务；前后" in texts
    assert document.core_properties.author == "A&B<学校>前后"
    assert document.core_properties.title == texts[0].replace("\n", "")


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
    data = plan_docx(sample_plan())
    document = docx.Document(io.BytesIO(data))
    grid = document.styles["Table Grid"].element
    assert grid.find(f".//{W}tblBorders/{W}insideH").get(f"{W}val") == "single"
    assert all(table.style.name == "Table Grid" for table in document.tables) and document.tables
    body = document.paragraphs[3]  # first body paragraph after title, note and heading
    assert body.style.name == "Normal" and body.paragraph_format.first_line_indent is None  # all from Normal
    normal = document.styles["Normal"].paragraph_format
    assert normal.alignment == 3 and normal.first_line_indent.pt == dx.INDENT  # justified, two characters
    assert [p.style.name for p in document.paragraphs[:3]] == ["Title", "Subtitle", "Heading 1"]
    assert document.paragraphs[2].style.element.find(f"{W}pPr/{W}outlineLvl").get(f"{W}val") == "0"
    sect = etree.fromstring(parts(data)["word/document.xml"]).find(f".//{W}sectPr")
    grid_el = sect.find(f"{W}docGrid")
    assert grid_el.get(f"{W}type") == "lines" and grid_el.get(f"{W}linePitch") == "579"
    footers = [document.sections[0].even_page_footer, document.sections[0].footer]
    assert [f.paragraphs[0].alignment for f in footers] == [0, 2]  # even left, odd right
    odd = footers[1].paragraphs[0]
    assert odd.text == "— 1 —" and odd._p.xpath(".//w:instrText")[0].text.strip() == "PAGE"
    assert [r.text for r in odd.runs] == ["— ", "", "", "", "1", "", " —"]  # dashes apart from the field
    assert {r.font.size.pt for r in odd.runs} == {dx.SIZE_PAGE_NUMBER}
    assert {dx.east_asia_font(r) for r in odd.runs} == {dx.FONT_PAGE_NUMBER}
    settings = parts(data)["word/settings.xml"].decode()
    assert 'w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"' in settings
    assert "<w:evenAndOddHeaders/>" in settings
    fonts = etree.fromstring(parts(data)["word/fontTable.xml"])
    alt = {f.get(f"{W}name"): f.find(f"{W}altName").get(f"{W}val") for f in fonts if f.find(f"{W}altName") is not None}
    assert alt[dx.FONT_TITLE] == "华文中宋" and alt[dx.FONT_BODY] == "仿宋_GB2312"
    assert all(f.find(f"{W}panose1") is not None for f in fonts)


def test_plan_tables_repeat_header_never_split_and_size_columns_to_content() -> None:
    document = docx.Document(io.BytesIO(plan_docx(sample_plan())))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "方式")
    rows = table._tbl.tr_lst
    assert rows[0].xpath("./w:trPr/w:tblHeader") and not rows[1].xpath("./w:trPr/w:tblHeader")
    assert all(row.xpath("./w:trPr/w:cantSplit") for row in rows)
    widths = [round(col.width.mm) for col in table.columns]
    assert widths[2] > 2 * (widths[0] + widths[1]) and sum(widths) == round(dx.TEXT_WIDTH_MM)


def test_blank_template_leaves_grades_and_numbers_blank() -> None:
    from macros.plans.model import template_plan
    from macros.plans.plan_document import blank_plan

    texts = all_texts(docx.Document(io.BytesIO(plan_docx(blank_plan(template_plan())))))
    scope = next(t for t in texts if t.startswith("本方案适用于"))
    assert scope == "本方案适用于本校（　）年级。覆盖教师（　）人，其中担任导师（　）人；学生（　）人。"
    assert not any("学校类型" in t or "初中" in t for t in texts)


def test_form_hints_are_content_controls_and_blank_lines_type_in_14_pt() -> None:
    document = dx.new_document("表", form=True)
    dx.add_form_table(document, [dx.FormRow("姓名"), dx.FormRow("情况", lines=3, hint="提示<&>")])
    data = dx.document_bytes(document)
    table = docx.Document(io.BytesIO(data)).tables[0]
    label, answer = table.rows[1].cells
    assert label.text == "情况" and len(answer.paragraphs) == 3
    ns = {"w": wordml.W}
    sdt = answer._tc.xpath(".//w:sdt")[0]
    assert sdt.xpath("./w:sdtPr/w:showingPlcHdr", namespaces=ns)
    assert sdt.xpath("./w:sdtPr/w:placeholder/w:docPart/@w:val", namespaces=ns) == ["hint1"]
    assert "".join(sdt.xpath(".//w:sdtContent//w:t/text()", namespaces=ns)) == "提示<&>"
    assert sdt.xpath("./w:sdtPr/w:rPr/w:sz/@w:val", namespaces=ns) == ["28"]  # what the teacher types: 四号
    for paragraph in answer._tc.xpath("./w:p"):  # every line's paragraph mark is 四号 too
        assert paragraph.xpath("./w:pPr/w:rPr/w:sz/@w:val") == ["28"]
    assert not answer._tc.xpath("./w:p/w:r")  # no empty runs Word would discard
    glossary = parts(data)["word/glossary/document.xml"].decode()
    assert 'w:name w:val="hint1"' in glossary and "提示&lt;&amp;&gt;" in glossary


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
