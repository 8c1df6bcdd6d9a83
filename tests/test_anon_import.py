"""The Word import (macros/casebook/anon_import.py, scripts/import_case.py): nothing in a .docx is lost silently.

Unit tests build small documents with the fixture generator's helpers (OOXML as
Word writes it); CLI tests run scripts/import_case.py on the committed fixtures
and on hostile files; the LibreOffice test renders fixtures to PDF and checks
that every line a person would see is in the draft or in the import report.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

from macros.casebook.anon_import import DocxImportError, import_docx
from macros.casebook.cases import CASE_SCHEMA
from macros.core.yamlload import load_front_matter, validate

FIXTURES = ROOT / "tests" / "fixtures" / "anon_cases"
_spec = importlib.util.spec_from_file_location("make_docx", FIXTURES / "make_docx.py")
make = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make)
r, p, ins, dele, cell, table = make.r, make.p, make.ins, make.dele, make.cell, make.table
WHO = make.WHO


def build(tmp_path: Path, body: str, core_title: str = "", parts: dict | None = None, name: str = "case.docx") -> Path:
    path = tmp_path / name
    make.package(path, body, core_title=core_title, parts=parts)
    return path


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "import_case.py"), *args], capture_output=True, text=True, cwd=ROOT
    )


# -- the converter, table-driven -----------------------------------------------------------

TITLE = p(r("标题段落"), style="a3")

BODY_CASES = [
    # (what, body, text that must be in the Markdown, text that must not)
    ("insertion inside a sentence", p(r("他"), ins(1, r("悄悄")), r("走了。")), ["他悄悄走了。"], []),
    ("deletion inside a sentence", p(r("一张"), dele(1, "皱巴巴的"), r("纸条。")), ["一张纸条。"], ["皱巴巴"]),
    (
        "a whole inserted paragraph",
        p(r("前一段。")) + p(ins(1, r("整段插入的话。")), mark=f'<w:ins w:id="2" {WHO}/>'),
        ["前一段。\n\n整段插入的话。"],
        [],
    ),
    (
        "a deleted paragraph mark joins the next paragraph",
        p(r("上半句，"), mark=f'<w:del w:id="1" {WHO}/>') + p(r("下半句。")),
        ["上半句，下半句。"],
        [],
    ),
    (
        "a deleted paragraph disappears",
        p(dele(1, "整段删掉。"), mark=f'<w:del w:id="2" {WHO}/>') + p(r("留下的。")),
        ["留下的。"],
        ["整段删掉"],
    ),
    (
        "a move keeps the destination only",
        p(f'<w:moveFrom w:id="1" {WHO}><w:r><w:t>搬走的话</w:t></w:r></w:moveFrom>', r("甲。"))
        + p(r("乙，"), f'<w:moveTo w:id="2" {WHO}><w:r><w:t>搬走的话</w:t></w:r></w:moveTo>'),
        ["甲。", "乙，搬走的话"],
        ["搬走的话甲"],
    ),
    (
        "a text box is read once (wps choice, not the VML fallback)",
        p(r("正文。"), make.textbox(1, p(r("框里的话。")))),
        ["正文。\n\n> 框里的话。"],
        [],
    ),
    ("hidden text is imported", p(r("看得见，"), r("看不见。", "<w:vanish/>")), ["看得见，看不见。"], []),
    ("a line break splits the paragraph", p(r("第一行"), "<w:r><w:br/></w:r>", r("第二行")), ["第一行\n\n第二行"], []),
    (
        "numbered and bulleted lists",
        p(r("一"), props='<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')
        + p(r("二"), props='<w:numPr><w:ilvl w:val="1"/><w:numId w:val="2"/></w:numPr>'),
        ["1. 一\n    - 二"],
        [],
    ),
    ("a heading", p(r("经过"), style="2") + p(r("正文。")), ["## 经过\n\n正文。"], []),
    (
        "a one-column table is plain text",
        table([6000], cell(6000, p(r("框起来的第一段。")), p(r("第二段。")))),
        ["框起来的第一段。\n\n第二段。"],
        ["|"],
    ),
    (
        "a data table keeps merged cells once",
        table(
            [2000, 2000, 2000],
            cell(2000, p(r("周次"))) + cell(2000, p(r("次数"))) + cell(2000, p(r("备注"))),
            cell(2000, p(r("第一周")), props='<w:vMerge w:val="restart"/>') + cell(2000, p(r("2"))) + cell(2000, p(r("好"))),
            cell(2000, p(), props="<w:vMerge/>") + cell(2000, p(r("3"))) + cell(2000, p(r("更好"))),
            cell(4000, p(r("合并两格")), props='<w:gridSpan w:val="2"/>') + cell(2000, p(r("全部"))),
        ),
        ["| 周次 | 次数 | 备注 |", "| 第一周 | 2 | 好 |", "|  | 3 | 更好 |", "| 合并两格 |  | 全部 |"],
        [],
    ),
    (
        "an empty content control holds no text (a body, a row)",
        "<w:sdt><w:sdtPr/></w:sdt>"
        + p(r("控件之后的段落。"))
        + table([3000, 3000], cell(3000, p(r("左格"))) + "<w:sdt><w:sdtPr/></w:sdt>" + cell(3000, p(r("右格")))),
        ["控件之后的段落。", "左格", "右格"],
        [],
    ),
    (
        "a two-column form becomes sections",
        table(
            [1800, 6500],
            cell(1800, p(r("案例背景"))) + cell(6500, p(r("第一段背景，写得比较长，有好几句话。")), p(r("第二段背景。"))),
            cell(1800, p(r("过程"))) + cell(6500, p(r("导师做了三件事。"))),
            cell(1800, p(r("学段"))) + cell(6500, p(r("初中"))),
        ),
        ["## 案例背景\n\n第一段背景，写得比较长，有好几句话。\n\n第二段背景。", "## 过程\n\n导师做了三件事。", "- 学段：初中"],
        ["|"],
    ),
]


@pytest.mark.parametrize(("what", "body", "present", "absent"), BODY_CASES, ids=[c[0] for c in BODY_CASES])
def test_converter(tmp_path, what, body, present, absent) -> None:
    result = import_docx(build(tmp_path, TITLE + body))
    for text in present:
        assert text in result.body, f"{what}: {text!r} not in\n{result.body}"
    for text in absent:
        assert text not in result.body, f"{what}: {text!r} in\n{result.body}"
    assert result.title == "标题段落"


TITLE_CASES = [
    # (what, body, core title, expected title, report mentions)
    (
        "the Title style wins over a stale property",
        p(r("真的标题"), style="a3") + p(r("正文。")),
        "张晓明的记录",
        "真的标题",
        "张晓明的记录",
    ),
    ("the first heading", p(r("第一个标题"), style="1") + p(r("正文。")), "", "第一个标题", "第一个标题"),
    ("a short bold line at the top", p(r("加粗的一行", "<w:b/>")) + p(r("正文，很长的一段话。")), "", "加粗的一行", "加粗或居中"),
    (
        "a centred line before the first heading",
        p(r("居中的题目"), props='<w:jc w:val="center"/>') + p(r("背景"), style="2"),
        "",
        "居中的题目",
        "加粗或居中",
    ),
    ("the document properties as a last resort", p(r("只有正文。")), "属性里的标题", "属性里的标题", "文档属性"),
    ("the file name when there is nothing else", p(r("只有正文。")), "", "case", "文件名"),
]


@pytest.mark.parametrize(("what", "body", "core", "title", "said"), TITLE_CASES, ids=[c[0] for c in TITLE_CASES])
def test_title(tmp_path, what, body, core, title, said) -> None:
    result = import_docx(build(tmp_path, body, core_title=core))
    assert result.title == title
    assert title not in result.body.split("\n")[0] or title == "case"  # the title paragraph leaves the body
    assert said in "\n".join(result.report)
    if core and core != title:
        assert ("文档属性里的标题", core) in result.unimported  # scanned, never in the draft
        assert core not in result.body


def test_footnotes_endnotes_comments_headers_images(tmp_path) -> None:
    result = import_docx(FIXTURES / "textbox-notes.docx")
    report = "\n".join(result.report)
    assert result.title == "一次特别的家长会"
    assert "适应情况[^1]。" in result.body and "[^1]: 全员导师制要求每学期至少一次集体家长沟通。" in result.body
    assert "[^3]: 表格见附件，本稿略。" in result.body and "[^2]: 画是孩子在美术课上完成的。" in result.body
    assert result.body.count("导师手记：迟到的家长往往最需要被理解。") == 1
    assert "> 导师手记" in result.body
    assert "赵子涵" not in result.body  # the comment and the stale title stay out of the draft …
    assert ("批注 1", "请核实：这位家长是不是赵子涵的妈妈？") in result.unimported  # … but are scanned
    assert "批在“有一位家长迟到了半个小时”上" in report
    assert "页眉 1 处" in report and "导师工作案例 · 内部交流" in report
    assert "图片 1 张" in report and "image1.png" in report and "家长会现场照片" in report and result.to_check == 1
    assert "文本框 1 个" in report and "脚注 2 条" in report and "尾注 1 条" in report
    for word in ("front matter", "XML", "w:", "txbx"):
        assert word not in report


def test_tracked_changes_report(tmp_path) -> None:
    result = import_docx(FIXTURES / "tracked-changes.docx")
    report = "\n".join(result.report)
    assert "全部接受" in report and "插入的文字 3 处已保留" in report and "删除的文字 2 处没有导入" in report
    assert "新插入的段落 1 个" in report and "段落标记 2 处" in report
    assert "这张纸条后来被班主任看到了，她没有当众批评。" in result.body
    assert "导师找学生甲聊了聊，知道了纸条上写的是一句道歉。" in result.body
    assert "不该出现" not in result.body and "皱巴巴" not in result.body
    assert result.body.count("先表扬再提醒") == 1


def test_application_form(tmp_path) -> None:
    result = import_docx(FIXTURES / "application-form.docx")
    assert result.title == "“小老师”计划"
    body = result.body
    for heading in ("## 案例背景", "## 过程", "## 反思"):
        assert heading in body
    assert "第一步，导师请学生乙" in body and "第二步，导师每周" in body
    assert body.index("## 过程") < body.index("第一步") < body.index("第二步") < body.index("## 反思")
    assert "- 学段：初中" in body and "- 主题：学业辅导" in body
    assert "案例名称" not in body  # it became the title
    assert "| 第1—2周 | 2 | 一半 |" in body and "| 第3周起：每天都讲 |  | 全部 |" in body
    assert "申报表 1 个" in "\n".join(result.report)


# -- the command line -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fixture", "code", "stdout_has"),
    [
        ("tracked-changes.docx", 1, ["全部接受", "CASE-ANON-NAME", "林晓雨"]),
        ("textbox-notes.docx", 1, ["导入说明", "文本框 1 个", "批注 1（没有导入草稿）", "【赵子涵】", "亲自查看"]),
        ("application-form.docx", 0, ["申报表 1 个", "没有发现标记"]),
        ("libreoffice-writeup.docx", 1, ["文本框 1 个", "脚注 1 条", "批注 1 条", "页眉 1 处", "【周梓萱】"]),
    ],
)
def test_cli_on_fixtures(tmp_path, fixture, code, stdout_has) -> None:
    result = run(str(FIXTURES / fixture), "--out", str(tmp_path))
    assert result.returncode == code, result.stdout + result.stderr
    for text in stdout_has:
        assert text in result.stdout, f"{text!r} not in\n{result.stdout}"
    draft = tmp_path / fixture.replace(".docx", ".md")
    doc, _body, problems = load_front_matter(draft, draft.name)
    assert problems == [] and validate(doc, CASE_SCHEMA) == []
    assert "front matter" not in result.stdout and "Traceback" not in result.stderr


def test_cli_writes_the_import_and_the_findings_as_one_web_page(tmp_path) -> None:
    page = tmp_path / "报告.html"
    result = run(str(FIXTURES / "textbox-notes.docx"), "--out", str(tmp_path), "--html", str(page))
    assert result.returncode == 1 and "另存为网页" in result.stdout
    html = page.read_text(encoding="utf-8")
    assert "文本框 1 个" in html  # the import report is on the page, above the findings
    assert "<script" not in html and "http://" not in html.replace("http://www.w3.org", "")


def _zip(path: Path, files: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return path


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def hostile(tmp_path: Path, kind: str) -> Path:
    path = tmp_path / f"{kind}.docx"
    if kind == "not-a-zip":
        path.write_text("这不是 Word 文件", encoding="utf-8")
    elif kind == "encrypted":
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    elif kind == "truncated":
        path.write_bytes((FIXTURES / "textbox-notes.docx").read_bytes()[:2000])
    elif kind == "no-document":
        _zip(path, {"[Content_Types].xml": "<Types/>", "word/styles.xml": "<x/>"})
    elif kind == "huge":
        _zip(path, {"word/document.xml": f"<w:document {W}><w:body>" + " " * (21 * 1024 * 1024) + "</w:body></w:document>"})
    elif kind == "deep":
        _zip(
            path,
            {
                "word/document.xml": f"<w:document {W}><w:body>"
                + "<w:sdt><w:sdtContent>" * 5000
                + "</w:sdtContent></w:sdt>" * 5000
                + "</w:body></w:document>"
            },
        )
    elif kind == "bad-xml":
        _zip(path, {"word/document.xml": f"<w:document {W}><w:body><w:p>"})
    elif kind == "entities":
        laugh = '<!DOCTYPE d [<!ENTITY a "哈哈哈哈哈哈哈哈"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>'
        _zip(
            path,
            {"word/document.xml": f"{laugh}<w:document {W}><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>"},
        )
    return path


@pytest.mark.parametrize("kind", ["not-a-zip", "encrypted", "truncated", "no-document", "huge", "deep", "bad-xml"])
def test_hostile_files_give_one_chinese_error(tmp_path, kind) -> None:
    path = hostile(tmp_path, kind)
    result = run(str(path), "--out", str(tmp_path / "out"))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert re.match(rf"^{re.escape(str(path))}:1:1: error: 无法读取 Word 文件", result.stderr), result.stderr
    assert not (tmp_path / "out" / f"{kind}.md").exists()
    with pytest.raises(DocxImportError):
        import_docx(path)


def test_entities_are_not_expanded(tmp_path) -> None:
    try:
        result = import_docx(hostile(tmp_path, "entities"))
    except DocxImportError:
        return  # refusing the file is fine too
    assert len(result.body) < 1000


# -- as a person sees it: LibreOffice's rendering against the draft and the report ----------------


def _squash(text: str) -> str:
    """Text without spaces, colons (a form label’s “案例背景：” is the heading “案例背景”), ASCII letters and digits (footnote marks: 1, i, [^1])."""
    return re.sub(r"[\sA-Za-z0-9\[\]^:：·.]", "", text)


@pytest.mark.parametrize("fixture", ["textbox-notes.docx", "libreoffice-writeup.docx", "application-form.docx"])
def test_everything_libreoffice_shows_is_in_the_draft_or_the_report(tmp_path, fixture) -> None:
    if not shutil.which("soffice"):
        pytest.skip("LibreOffice (soffice) is not installed")
    from pdfminer.high_level import extract_text

    shutil.copy(FIXTURES / fixture, tmp_path / fixture)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/lo-profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(tmp_path / fixture),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    shown = extract_text(str(tmp_path / fixture.replace(".docx", ".pdf")))
    result = run(str(tmp_path / fixture), "--out", str(tmp_path / "out"))
    draft = (tmp_path / "out" / fixture.replace(".docx", ".md")).read_text(encoding="utf-8")
    haystack = _squash(draft + result.stdout)
    lines = [_squash(line) for line in shown.splitlines()]
    missing = [line for line in lines if line and line not in haystack]
    assert len([line for line in lines if line]) >= 5
    assert missing == [], f"LibreOffice shows text that is neither in the draft nor in the report: {missing}"
