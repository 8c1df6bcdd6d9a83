"""一校一策 on the site: school pages with compliance panels, the index, Word and YAML downloads."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from conftest import run_mkdocs_build
from docx import Document as WordDocument
from docx.oxml.ns import qn
from docx.shared import Mm

from macros.composition import new_project
from macros.core.project import Project
from macros.core.yamlload import load_yaml_file
from macros.documents.docx_common import FONT_BODY as BODY_FONT
from macros.plans.listings import school_index
from macros.plans.loading import SchoolPlan, load_schools
from macros.plans.plan_document import SECTIONS, plan_sections, plan_title
from macros.plans.plan_docx import plan_docx
from macros.plans.rules import check_plan
from macros.plans.schools import school_page

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests/fixtures/schools"
HTML = '<script>alert("x")</script>'
SAMPLES = ["chenguang-middle", "xinghe-primary", "qingshan-school", "yuanhang-high"]


@pytest.fixture(scope="module")
def project() -> Project:
    return new_project(ROOT)


@pytest.fixture(scope="module")
def html_school(project) -> SchoolPlan:
    doc, problems = load_yaml_file(FIXTURES / "good-school.yml", "tests/fixtures/schools/good-school.yml")
    assert not problems
    doc.data["duties"] = ["<b>粗体</b> | 竖线 *星号*"]
    return SchoolPlan("good-school", doc.path, doc, check_plan(doc.data, load_schools(project).rules))


# -- pure rendering ------------------------------------------------------------------


def test_page_escapes_html_from_yaml(project, html_school):
    md = school_page(project, html_school)
    assert "<script>" not in md and "<b>粗体" not in md
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in md
    assert "&lt;b&gt;粗体&lt;/b&gt; \\| 竖线 \\*星号\\*" in md


def test_plain_text_does_not_become_markdown_lists(project, html_school):
    doc = html_school.doc
    plan = {**html_school.plan, "goals": "1. 第一条\n- 第二条\n# 不是标题", "duties": ["2) 不是编号"]}
    school = SchoolPlan(html_school.id, html_school.rel, type(doc)(doc.path, plan), html_school.findings)
    md = school_page(project, school)
    assert "1\\. 第一条\n\n\\- 第二条\n\n\\# 不是标题" in md
    assert "- 2\\) 不是编号" in md


def test_page_has_panel_first_then_sections_in_standard_order(project, html_school):
    md = school_page(project, html_school)
    headings = re.findall(r"^## (.+)$", md, re.M)
    assert headings[0] == "政策符合情况"
    assert [h.split("、", 1)[1] for h in headings[1:]] == [title for _, title in SECTIONS]
    assert headings[1:4] == ["一、指导思想", "二、工作目标", "三、实施范围"] and headings[-1] == "十二、时间安排"
    panel = md[md.index("## 政策符合情况") : md.index("## 一、")]
    assert "✗ 未达标" in panel and "! 建议改进" in panel and "✓ 已达标" in panel
    assert "(../policies/shanghai-2023-25.md#c5-1 " in panel  # clause link of PLAN-RATIO


def test_missing_sections_say_so(project, html_school):
    sections = {s.key: s for s in plan_sections(html_school.plan)}
    assert sections["timeline"].blocks[0].text == "（方案未填写）"


def test_index_groups_by_district_with_totals(project):
    md = school_index(project)
    assert md.index("## 示例一区") < md.index("## 示例二区")
    one = md[md.index("## 示例一区") : md.index("## 示例二区")]
    assert "[晨光初级中学](chenguang-middle.md)" in one and "[星河小学](xinghe-primary.md)" in one
    assert "**合计：2 所**" in one and "**124 / 124 / 1440**" in one
    assert "符合 1 所，有未达标条款 1 所" in one
    assert md.startswith("共 2 个区、4 所学校：教师 344 人，导师 296 人，学生 4190 人；符合必须条款 2 所，有未达标条款 2 所。")


# -- Word ----------------------------------------------------------------------------------


def _runs(document):
    for paragraph in document.paragraphs:
        yield from paragraph.runs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    yield from paragraph.runs


def check_docx(data: bytes, plan: dict) -> WordDocument:
    document = WordDocument(io.BytesIO(data))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == plan_title(plan) and plan["name"] in texts[0]
    for n, section in enumerate(plan_sections(plan), start=1):
        assert section.numbered(n) in texts, section.title
    positions = [texts.index(s.numbered(n)) for n, s in enumerate(plan_sections(plan), start=1)]
    assert positions == sorted(positions)
    for run in _runs(document):
        if run.text.strip():
            rfonts = run._element.rPr.find(qn("w:rFonts"))
            assert rfonts is not None and rfonts.get(qn("w:eastAsia")), run.text
    normal = document.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert normal.get(qn("w:eastAsia")) == BODY_FONT
    # theme fonts in the document defaults would override the explicit names
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:rFonts"))
    assert defaults.get(qn("w:eastAsia")) == BODY_FONT and defaults.get(qn("w:eastAsiaTheme")) is None
    title_font = document.paragraphs[0].runs[0]._element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))
    assert title_font in ("方正小标宋简体", "黑体")
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert abs(section.top_margin - Mm(37)) < Mm(0.1) and abs(section.left_margin - Mm(28)) < Mm(0.1)
    return document


def test_docx_has_title_sections_fonts_and_literal_html(html_school):
    plan = html_school.plan
    document = check_docx(plan_docx(plan), plan)
    texts = [p.text for p in document.paragraphs]
    assert f"含有 HTML 的文字：{HTML} & <b>粗体</b>" in texts
    assert "1. <b>粗体</b> | 竖线 *星号*" in texts
    assert "（示例：学校名称和内容均为虚构）" in texts
    assert "&lt;" not in "".join(texts)


# -- the built site ---------------------------------------------------------------------------


def test_school_pages_downloads_and_index_are_built(built_site, project):
    state = load_schools(project)
    for school in state.schools:
        html = (built_site / f"schools/{school.id}/index.html").read_text(encoding="utf-8")
        assert "<h1 id=" in html and school.plan["name"] in html
        assert f'href="../{school.id}.docx"' in html and f'href="../{school.id}.yml"' in html
        assert 'class="plan-compliance' in html
        assert 'href="../../policies/shanghai-2023-25/#c5-1"' in html
        data = (built_site / f"schools/{school.id}.docx").read_bytes()
        check_docx(data, school.plan)
        assert (built_site / f"schools/{school.id}.yml").read_text(encoding="utf-8") == (ROOT / school.rel).read_text(
            encoding="utf-8"
        )
    index = (built_site / "schools/index.html").read_text(encoding="utf-8")
    for school_id in SAMPLES:
        assert f'href="{school_id}/"' in index
    assert (built_site / "schools/school-plan-template.yml").read_text(encoding="utf-8") == (
        ROOT / "data/schools/_template.yml"
    ).read_text(encoding="utf-8")
    assert (built_site / "schools/school-plan-template.docx").exists()
    assert (built_site / "schools/school-plan.schema.json").exists()


def test_school_pages_are_not_in_the_navigation(built_site):
    for page in ("index.html", "schools/index.html", "schools/xinghe-primary/index.html"):
        html = (built_site / page).read_text(encoding="utf-8")
        tabs_and_nav = html[html.index('class="md-tabs"') : html.index('<div class="md-content"')]
        assert "md-nav--primary" in tabs_and_nav
        assert "chenguang-middle" not in tabs_and_nav and "yuanhang-high" not in tabs_and_nav, page


def test_non_compliant_sample_shows_its_findings(built_site):
    html = (built_site / "schools/yuanhang-high/index.html").read_text(encoding="utf-8")
    assert html.count('class="plan-status plan-not_met"') >= 5
    assert "每位导师最多指导 20 名学生，超过 15 名" in html


def test_html_in_school_yaml_is_escaped_in_the_built_page(project_copy, tmp_path):
    shutil.copy(FIXTURES / "good-school.yml", project_copy / "data/schools/good-school.yml")
    site = tmp_path / "site"
    result = run_mkdocs_build(project_copy, site)
    assert result.returncode == 0, result.stdout + result.stderr
    html = (site / "schools/good-school/index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;粗体&lt;/b&gt;" in html
    text = [p.text for p in WordDocument(site / "schools/good-school.docx").paragraphs]
    assert f"含有 HTML 的文字：{HTML} & <b>粗体</b>" in text


# -- in the browser --------------------------------------------------------------------------------


def test_school_page_in_browser_and_print(page, site_url):
    page.goto(site_url + "schools/")
    page.get_by_role("link", name="远航中学").click()
    page.wait_for_url("**/schools/yuanhang-high/")
    # In-site navigation changes the address before the new page is in: wait for its panel.
    panel = page.locator(".plan-compliance")
    panel.wait_for(state="visible")
    assert panel.locator("a[href*='policies/shanghai-2023-25/#c5-1']").count() >= 1
    with page.expect_download() as download_info:
        page.get_by_role("link", name="下载 Word 文档").click()
    download = download_info.value
    assert download.suggested_filename == "yuanhang-high.docx"
    assert "远航中学" in WordDocument(download.path()).paragraphs[0].text
    page.emulate_media(media="print")
    assert not page.locator(".plan-downloads").is_visible()
    assert not page.locator(".md-header").is_visible()
    assert panel.is_visible()
    assert panel.evaluate("e => getComputedStyle(e).breakAfter") == "page"
    # the print rules are scoped to school pages: the index prints with its header as before
    page.goto(site_url + "schools/")
    assert page.locator(".md-content").is_visible()
    assert page.locator(".md-typeset h1").evaluate("e => getComputedStyle(e).color") != "rgb(0, 0, 0)"
