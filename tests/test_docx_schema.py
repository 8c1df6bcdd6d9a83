"""Every part of every shipped .docx validates against the OOXML schemas and the Open XML
SDK's semantic rules (openxml-audit, offline, strict policy), so no change can make Word or
WPS reject or “repair” a file. Hostile text must not break validity either."""

from __future__ import annotations

import pytest
from openxml_audit import FileFormat, OpenXmlValidator
from test_docx_rendered import shipped_documents
from test_wordml import hostile_plan

from macros.documents import docx_common as dx
from macros.plans.plan_docx import plan_docx


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    out = tmp_path_factory.mktemp("schema")
    found = shipped_documents(out)
    hostile = out / "hostile-plan.docx"
    hostile.write_bytes(plan_docx(hostile_plan()))
    form = dx.new_document("表<&>", form=True)
    dx.add_form_table(form, [dx.FormRow("姓名"), dx.FormRow("情况", 2, '提示"<&>'), dx.FormRow("班级")])
    (out / "hostile-form.docx").write_bytes(dx.document_bytes(form))
    return sorted([*found.values(), hostile, out / "hostile-form.docx"])


def test_every_part_is_schema_valid(files) -> None:
    validator = OpenXmlValidator(file_format=FileFormat.MICROSOFT_365, strict=True)
    report = {}
    for path in files:
        result = validator.validate(path)
        if not result.is_valid:
            report[path.name] = [str(error) for error in result.errors][:5]
    assert len(files) >= 10 and not report, report


def test_the_validator_rejects_a_broken_part(tmp_path) -> None:
    """The check can fail: a paragraph property out of schema order is reported."""
    import zipfile

    source = tmp_path / "ok.docx"
    source.write_bytes(plan_docx(hostile_plan()))
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(broken, "w") as zout:
        for name in zin.namelist():
            data = zin.read(name)
            if name == "word/document.xml":
                data = data.replace(b"<w:pPr><w:pStyle", b'<w:pPr><w:jc w:val="left"/><w:pStyle', 1)
            zout.writestr(name, data)
    result = OpenXmlValidator(file_format=FileFormat.MICROSOFT_365, strict=True).validate(broken)
    assert not result.is_valid
