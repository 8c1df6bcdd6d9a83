"""Every shipped Word file as printed: converted to PDF by LibreOffice headless and measured
from the PDF's text positions and table rules (GB/T 9704: 22 lines of 28 characters,
page numbers; forms on one page; no row split; a continued table repeats its header).

The files are built straight from the engine (no site build): the handbook templates,
every school plan in data/schools/ and the blank template. One more document, the
*probe*, is a plan with long text and a long timeline, so that a full page of body text
and a table continued onto a new page are always there to measure. All are converted
in one soffice call per test session.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, require
from docx_render import MM, SOFFICE, Page, convert, first_column_text, full_width, read_pdf, row_bands, table_spans
from lxml import etree

from macros.composition import new_project
from macros.documents import docx_common as dx
from macros.handbook import templates as ht
from macros.plans.loading import load_schools
from macros.plans.model import template_plan
from macros.plans.plan_document import blank_plan
from macros.plans.plan_docx import plan_docx, title_lines

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TOP = dx.PAGE.top * MM  # the text block, in PDF points from the top left
BOTTOM = (dx.PAGE.height - dx.PAGE.bottom) * MM
LEFT = dx.PAGE.left * MM
RIGHT = (dx.PAGE.width - dx.PAGE.right) * MM
# A name longer than a title line (20 characters of 二号): Word would break it anywhere.
LONG_NAME = "华东师范大学第二附属中学紫竹双语学校国际部"
PARAGRAPH = "坚持以学生发展为本，面向全体学生匹配适合的导师，关心关怀每一个学生的身心健康和全面发展。"


def probe_plan(plan: dict) -> dict:
    """A plan with three pages of plain body text and a timeline table of 40 rows."""
    phases = [{"phase": f"第{n}阶段", "period": f"第{n}周", "tasks": ["完成本阶段的匹配、家访和谈心谈话记录"]} for n in range(40)]
    return {**plan, "guiding_ideology": "\n".join([PARAGRAPH * 3] * 16), "timeline": phases}


def probe_form() -> bytes:
    """A form of 14 rows of five lines: it runs onto a second page, and a row at the foot
    of the first page would split there if rows could split."""
    doc = dx.new_document("探针表", form=True)
    dx.add_title(doc, "探针表", "测试用")
    dx.add_form_table(doc, [dx.FormRow(f"栏目{n}", lines=5, hint="提示") for n in range(14)])
    return dx.document_bytes(doc)


def shipped_documents(out: Path) -> dict[str, Path]:
    project = new_project(ROOT)
    docs: dict[str, bytes] = {}
    for template in ht.project_templates(project):
        docs[f"form-{template.id}"] = ht.template_docx(project, template)
    schools = load_schools(project).schools
    for school in schools:
        docs[f"plan-{school.id}"] = plan_docx(school.plan)
    docs["plan-blank-template"] = plan_docx(blank_plan(template_plan()))
    docs["probe-long-plan"] = plan_docx(probe_plan(schools[0].plan))
    docs["probe-long-form"] = probe_form()
    docs["probe-long-title"] = plan_docx({**schools[0].plan, "name": LONG_NAME})
    files = {}
    for name, data in docs.items():
        files[name] = out / f"{name}.docx"
        files[name].write_bytes(data)
    return files


@pytest.fixture(scope="session")
def documents(tmp_path_factory) -> dict[str, Path]:
    return shipped_documents(tmp_path_factory.mktemp("docx"))


@pytest.fixture(scope="session")
def rendered(documents, tmp_path_factory) -> dict[str, list[Page]]:
    require(SOFFICE is not None, "找不到 soffice（Debian 的 libreoffice-writer-nogui 包）")
    base = tmp_path_factory.mktemp("pdf")
    pdfs = convert(list(documents.values()), base / "out", base / "profile")
    return {name: read_pdf(pdf) for name, pdf in pdfs.items()}


def body_lines(page: Page, size: float = dx.SIZE_BODY):
    return [line for line in page.lines if abs(line.size - size) < 0.5 and line.top >= TOP - 2 and line.bottom <= BOTTOM + 2]


def test_every_shipped_document_is_rendered(documents, rendered) -> None:
    assert set(rendered) == set(documents)
    assert {name for name in documents if name.startswith("form-")} >= {
        "form-home-visit-record",
        "form-talk-record",
        "form-growth-message",
    }
    assert all(pages for pages in rendered.values())


def test_each_form_fits_one_page(rendered) -> None:
    pages = {name: len(p) for name, p in rendered.items() if name.startswith("form-")}
    assert pages and all(n == 1 for n in pages.values()), pages
    assert len(rendered["probe-long-form"]) == 2


def test_a_full_body_line_holds_28_characters(rendered) -> None:
    """Justified lines reaching the right edge of the text block: 28 characters, or 26 after
    the two-character indent (a closing punctuation mark may hang beyond the edge)."""
    counted = []
    for name, pages in rendered.items():
        for page in pages:
            for line in body_lines(page):
                inside = [c for c in line.chars if c["x1"] <= RIGHT + 1]
                text = "".join(c["text"] for c in inside)
                if not full_width(line.text) or inside[-1]["x1"] < RIGHT - 2:
                    continue  # Latin text in it, or the last line of a paragraph
                indented = abs(line.x0 - (LEFT + dx.INDENT)) < 1.5
                if not (indented or abs(line.x0 - LEFT) < 1.5):
                    continue  # right-aligned or centred (落款)
                assert len(text) == (26 if indented else 28), (name, page.number, text)
                counted.append(len(text))
    assert counted.count(28) >= 20 and 26 in counted


def test_a_full_page_holds_22_lines_on_the_grid(rendered) -> None:
    """A page of body text whose last paragraph runs on to the next page holds 22 lines; on every page without a table the body
    lines sit on the grid, a whole number of 28.95 pt apart, and there are at most 22."""
    full_pages = 0
    for name, pages in rendered.items():
        for page in pages:
            if table_spans(page):
                continue
            lines = body_lines(page)
            assert len(lines) <= 22, (name, page.number)
            for above, below in zip(lines, lines[1:], strict=False):
                steps = (below.bottom - above.bottom) / dx.LINE_PITCH
                assert abs(steps - round(steps)) < 0.05 and round(steps) >= 1, (name, page.number, below.text)
            # A paragraph running on to the next page (its next line starts at the margin,
            # not indented): this page is full.
            following = body_lines(pages[page.number]) if page.number < len(pages) else []
            if following and abs(following[0].x0 - LEFT) < 1.5 and len(page.lines) - 1 == len(lines):
                assert len(lines) == 22, (name, page.number)
                full_pages += 1
    assert full_pages >= 2


def _tables(docx: Path) -> list[tuple[str, set[str]]]:
    """(header text or "", first-cell texts of all rows) of each table in a .docx."""
    with zipfile.ZipFile(docx) as archive:
        body = etree.parse(io.BytesIO(archive.read("word/document.xml")))
    tables = []
    for tbl in body.iter(f"{W}tbl"):
        rows = tbl.findall(f"{W}tr")
        firsts = ["".join(row.find(f"{W}tc").itertext()).replace(" ", "").replace("\u3000", "") for row in rows]
        header = firsts[0] if rows and rows[0].find(f"{W}trPr/{W}tblHeader") is not None else ""
        tables.append((header, set(firsts)))
    return tables


def test_no_row_is_split_and_a_continued_table_repeats_its_header(documents, rendered) -> None:
    continued = 0
    for name, pages in rendered.items():
        tables = _tables(documents[name])
        for page in pages:
            for span in table_spans(page):
                xs = sorted({round(x) for x, top, bottom in page.columns if top >= span[0] - 1 and bottom <= span[1] + 1})
                bands = [first_column_text(page, band, xs[0], xs[1]) for band in row_bands(page, span)]
                known = [t for t in tables if set(bands) <= t[1]]  # header text is a first cell too
                assert known, f"{name} 第 {page.number} 页：表格的行被拆开了 {bands}"
                header = known[0][0]
                assert not header or bands != [header], f"{name} 第 {page.number} 页：表头单独留在页末"
                if page.number > 1 and span[0] < TOP + 2:  # a fragment at the top of a page
                    assert not header or bands[0] == header, f"{name} 第 {page.number} 页：续表没有重复表头"
                    continued += bool(header)
    assert continued >= 1


def test_gb_t_9704_page_numbers(rendered) -> None:
    """“— N —” in 4号, right on odd pages and left on even ones, one character in from the
    text block, the dash line 7 mm below it."""
    for name, pages in rendered.items():
        for page in pages:
            footer = [line for line in page.lines if line.top > BOTTOM]
            assert len(footer) == 1, (name, page.number)
            line = footer[0]
            assert line.text == f"—{page.number}—", (name, page.number, line.text)
            assert {round(c["size"]) for c in line.chars} == {dx.SIZE_PAGE_NUMBER}
            if page.number % 2:
                assert abs(line.x1 - (RIGHT - dx.SIZE_PAGE_NUMBER)) < 2, (name, page.number, line.x1)
            else:
                assert abs(line.x0 - (LEFT + dx.SIZE_PAGE_NUMBER)) < 2, (name, page.number, line.x0)
            dash = line.chars[0]
            below = ((dash["top"] + dash["bottom"]) / 2 - BOTTOM) / MM
            assert 6 <= below <= 8, (name, page.number, below)


def test_form_hints_print_grey_and_small(rendered) -> None:
    hint = "家长（称谓）"
    chars = [
        c for line in rendered["form-home-visit-record"][0].lines if hint in line.text for c in line.chars if c["text"] in hint
    ]
    assert chars and all(round(c["size"]) == dx.SIZE_NOTE for c in chars)
    assert all(c["non_stroking_color"] not in ((0,), (0, 0, 0), 0, None) for c in chars)


def test_blank_template_prints_blanks(rendered) -> None:
    text = "".join(line.text for page in rendered["plan-blank-template"] for line in page.lines)
    assert "本方案适用于本校（\u3000）年级。覆盖教师（\u3000）人" in text and "学校类型" not in text


def test_plan_titles_break_only_between_words(rendered) -> None:
    """As rendered: the title's lines are the school's name (in words) and 全员导师制工作实施方案,
    never “…工作实 / 施方案” (issue 24)."""
    assert title_lines(LONG_NAME) == ["华东师范大学第二附属中学", "紫竹双语学校国际部", "全员导师制工作实施方案"]
    checked = 0
    for name, pages in rendered.items():
        if not name.startswith(("plan-", "probe-long-title")) or name == "plan-blank-template":
            continue
        title = [line.text for line in pages[0].lines if abs(line.size - dx.SIZE_TITLE) < 0.5]
        assert title and title[-1] == "全员导师制工作实施方案" or len(title) == 1, (name, title)
        assert all(len(line) <= 20 for line in title), (name, title)
        checked += 1
    long_title = [line.text for line in rendered["probe-long-title"][0].lines if abs(line.size - dx.SIZE_TITLE) < 0.5]
    assert long_title == title_lines(LONG_NAME)
    assert checked >= 5


@pytest.mark.parametrize(
    ("name", "lines"),
    [
        ("晨光初级中学", ["晨光初级中学全员导师制工作实施方案"]),
        ("上海市闵行区七宝镇明强小学", ["上海市闵行区七宝镇明强小学", "全员导师制工作实施方案"]),
        (LONG_NAME, ["华东师范大学第二附属中学", "紫竹双语学校国际部", "全员导师制工作实施方案"]),
        (
            "上海市浦东新区明珠小学东校区附属幼儿园分部",
            ["上海市浦东新区明珠小学", "东校区附属幼儿园分部", "全员导师制工作实施方案"],
        ),
        (
            "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥",
            ["甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥", "全员导师制工作实施方案"],
        ),
    ],
)
def test_title_lines(name: str, lines: list[str]) -> None:
    """Unit cases: one line when it fits, then name and 全员导师制工作实施方案, then the name
    broken after one of its words (never after 附属, which belongs to 中学); no word, no break."""
    assert title_lines(name) == lines
