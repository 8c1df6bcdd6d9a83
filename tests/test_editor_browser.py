"""The 一校一策 editor (schools/editor/) in Chromium, used as a school would: open each shipped
plan and find the panel of its school page, edit, add and remove, reload, download, use it with
the keyboard only and on a 360 px phone. The site is built for the address it is served at
(SITE_URL), so Material's instant navigation works as deployed. Few tests, one page session
each for several checks: Chromium is the expensive part."""

from __future__ import annotations

import functools
import http.server
import socket
import threading
from pathlib import Path

import pytest
from conftest import ROOT, _QuietHandler, assert_clean_build, run_mkdocs_build
from test_accessibility import axe_violations, blocking

from macros.core.yamlload import load_yaml_file, load_yaml_text
from macros.plans.loading import school_files
from macros.plans.model import SCHEMA_COMMENT

SCHOOLS = school_files(ROOT)

PANEL_ROWS = """(root) => [...root.querySelectorAll('.plan-compliance table tbody tr')].map((tr) => {
  const cells = [...tr.querySelectorAll('td')];
  return {
    cells: cells.map((td) => td.innerText.trim()),
    status: tr.querySelector('.plan-status').className,
    links: [...cells[3].querySelectorAll('a')].map((a) => [a.href, a.textContent, a.title]),
  };
})"""
PANEL_SUMMARY = "(root) => root.querySelector('.plan-compliance > p').innerText.trim()"


@pytest.fixture(scope="module")
def editor_url(tmp_path_factory) -> str:
    """A strict build for http://127.0.0.1:<port>/, served at exactly that address."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/"
    site = tmp_path_factory.mktemp("editor-site")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SITE_URL", url)
        assert_clean_build(run_mkdocs_build(ROOT, site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield url
    server.shutdown()


@pytest.fixture
def watched(page, editor_url):
    """The page; the test fails on any console error, page error or request to another host."""
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("request", lambda r: None if r.url.startswith((editor_url, "data:", "blob:")) else problems.append(r.url))
    yield page
    assert problems == []


def open_editor(page, url: str) -> None:
    page.goto(url + "schools/editor/")
    page.wait_for_selector("#plan-editor[data-ready=true]")


def open_file(page, path: Path) -> None:
    page.set_input_files("#editor-file", str(path))
    page.wait_for_function("(n) => document.querySelector('.editor-message').textContent.includes('已打开 ' + n)", arg=path.name)


def rule_status(page, rule_id: str) -> str:
    return page.locator(f'#editor-panel tr[data-rule="{rule_id}"] .plan-status').inner_text()


def test_each_shipped_plan_gives_the_panel_of_its_school_page(watched, editor_url):
    page = watched
    assert len(SCHOOLS) >= 4
    for path in SCHOOLS:
        page.goto(f"{editor_url}schools/{path.stem}/")
        school = page.locator("article")
        expected = (school.evaluate(PANEL_SUMMARY), school.evaluate(PANEL_ROWS))
        open_editor(page, editor_url)
        open_file(page, path)
        panel = page.locator("#editor-panel")
        assert (panel.evaluate(PANEL_SUMMARY), panel.evaluate(PANEL_ROWS)) == expected, path.name
    # Desktop width, a plan with findings of every kind open: no serious accessibility problem.
    problems = blocking(axe_violations(page))
    assert problems == [], "\n".join(problems)
    # From a school page, the button opens that school's plan (through instant navigation).
    page.goto(f"{editor_url}schools/{SCHOOLS[0].stem}/")
    expected_rows = page.locator("article").evaluate(PANEL_ROWS)
    page.get_by_role("link", name="在线填写或修改本校方案").click()
    page.wait_for_function("document.querySelector('.editor-message')?.textContent.includes('已打开')")
    assert page.locator("#editor-panel").evaluate(PANEL_ROWS) == expected_rows
    assert page.input_value("#f-id") == SCHOOLS[0].stem
    # …and the overview links to the editor.
    page.goto(f"{editor_url}schools/")
    page.get_by_role("link", name="在线填写或修改本校方案").click()
    page.wait_for_selector("#plan-editor[data-ready=true]")


def test_edit_add_remove_reload_download(watched, editor_url, tmp_path):
    page = watched
    source = ROOT / "data/schools/chenguang-middle.yml"
    opened = load_yaml_file(source, source.name)[0].data
    open_editor(page, editor_url)
    open_file(page, source)

    # The student count drives PLAN-RATIO: over 15 per mentor, then back.
    mentors = opened["counts"]["mentors"]
    assert rule_status(page, "PLAN-RATIO") == "✓ 已达标"
    page.fill("#f-counts-students", str(mentors * 15 + 1))
    assert rule_status(page, "PLAN-RATIO") == "✗ 未达标"
    detail = page.locator('#editor-panel tr[data-rule="PLAN-RATIO"] td').nth(2).inner_text()
    assert detail == f"{mentors * 15 + 1} 名学生、{mentors} 位导师，平均每位导师超过 15 名学生"
    page.fill("#f-counts-students", str(mentors * 15))
    assert rule_status(page, "PLAN-RATIO") == "✓ 已达标"

    # Add a timeline phase, fill it in, remove it again.
    phases = len(opened["timeline"])
    page.click("#f-timeline-add")
    new = f"f-timeline-{phases}"
    assert page.evaluate("document.activeElement.id") == f"{new}-phase"
    assert page.locator(f"#{new}-phase-error").inner_text() == ""
    # The build's messages, with the field named by the form's Chinese titles.
    assert f"缺少必填的“时间安排第 {phases + 1} 项·阶段”" in page.inner_text("#editor-errors")
    page.select_option(f"#{new}-phase", label="实施")
    page.click(f"#{new}-tasks-add")
    page.fill(f"#{new}-tasks-0", "补充任务")
    assert page.locator("#f-timeline > ol > li").count() == phases + 1
    assert page.inner_text("#editor-errors") == ""
    page.click(f"#{new}-remove")
    assert page.locator("#f-timeline > ol > li").count() == phases
    # Reorder: the first phase moves down and back.
    first = page.input_value("#f-timeline-0-period")
    page.click("#f-timeline-0-down")
    assert page.input_value("#f-timeline-1-period") == first
    page.click("#f-timeline-1-up")
    assert page.input_value("#f-timeline-0-period") == first

    # Markup typed into a field stays text, and the schema's rule says why it is refused.
    page.fill("#f-name", '<img src=x onerror="window.hacked=1">')
    assert page.inner_text("#f-name-error") == "“学校名称”不能包含尖括号“<”“>”"
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # renders the print preview
    assert page.locator("#plan-editor img").count() == 0
    assert page.evaluate("window.hacked") is None
    page.fill("#f-name", opened["name"])

    # Printing shows the clean preview only: the plan under its Chinese titles, then the panel.
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert not page.is_visible("#editor-form") and not page.is_visible(".editor-toolbar")
    preview = page.inner_text("#editor-preview")
    assert preview.startswith(opened["name"] + " 全员导师制工作实施方案")
    assert f"学生人数：{mentors * 15}" in preview and "政策符合情况" in preview
    page.emulate_media(media="screen")

    # The draft survives a reload.
    page.fill("#f-counts-students", "321")
    page.reload()
    page.wait_for_selector("#plan-editor[data-ready=true]")
    assert "已恢复上次的草稿（chenguang-middle.yml" in page.inner_text(".editor-message")
    assert page.input_value("#f-counts-students") == "321"

    # The download is the opened plan plus the edit, with the schema line for the school's editor.
    with page.expect_download() as info:
        page.click("#editor-download")
    saved = tmp_path / "plan.yml"
    info.value.save_as(saved)
    assert info.value.suggested_filename == "chenguang-middle.yml"
    text = saved.read_text(encoding="utf-8")
    assert text.startswith(SCHEMA_COMMENT + "\n")
    doc, problems = load_yaml_text(text, "plan.yml")
    assert problems == []
    expected = {**opened, "counts": {**opened["counts"], "students": 321}}
    assert doc.data == expected
    assert list(doc.data) == list(opened)  # keys in the same order as the school's file

    # Starting again from the blank template replaces the draft, which can be brought back.
    page.click("#editor-blank")
    assert page.input_value("#f-id") == "school-id"
    page.click("#editor-undo")
    assert page.input_value("#f-counts-students") == "321"


def _tab_to(page, element_id: str, limit: int = 400) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == element_id:
            return
    raise AssertionError(f"Tab never reached #{element_id}")


def test_keyboard_only_phone_width_and_axe(watched, editor_url):
    page = watched
    page.set_viewport_size({"width": 360, "height": 740})
    open_editor(page, editor_url)
    page.click("#editor-blank")
    # 360 px: nothing wider than the screen, form and panel included.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    problems = blocking(axe_violations(page))
    assert problems == [], "\n".join(problems)

    # Keyboard only: fill the student count, add a timeline phase, choose its name, remove it.
    page.evaluate("document.activeElement.blur()")
    _tab_to(page, "f-counts-students")
    page.keyboard.type("999")
    assert page.input_value("#f-counts-students") == "999"
    assert rule_status(page, "PLAN-COVERAGE") == "✗ 未达标"
    _tab_to(page, "f-timeline-add")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "f-timeline-3-phase"
    page.keyboard.press("ArrowDown")
    assert page.input_value("#f-timeline-3-phase") != ""
    _tab_to(page, "f-timeline-3-remove")
    page.keyboard.press("Enter")
    assert page.locator("#f-timeline > ol > li").count() == 3
    assert page.evaluate("document.activeElement.id") == "f-timeline-2-remove"
    # Errors are links to their field; the blank template's first is the school's name.
    page.fill("#f-name", "")
    assert page.locator("#editor-errors a").all_inner_texts()[0] == "缺少必填的“学校名称”"
    page.locator("#editor-errors a").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)  # the focus must stay there (instant navigation once took it away)
    assert page.evaluate("document.activeElement.id") == "f-name"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    problems = blocking(axe_violations(page))
    assert problems == [], "\n".join(problems)


PLACEHOLDER_VALUES = """() => [...document.querySelectorAll('#editor-form input, #editor-form textarea')]
  .filter((e) => /^\\s*[（(][^（）()]*[）)]\\s*$/.test(e.value) || e.value.includes('待填写')).map((e) => e.id)"""


def test_blank_template_on_a_phone_never_downloads_placeholders_silently(watched, editor_url, tmp_path):
    """A 德育主任 on a 360 px phone starts from the blank template (issue 24): empty fields with
    hints, the placeholder rule at the field, plain messages, and a plan with errors downloads
    only after a list of what is missing and a second tap."""
    page = watched
    downloads = []
    page.on("download", lambda d: downloads.append(d))
    page.set_viewport_size({"width": 360, "height": 740})
    open_editor(page, editor_url)
    page.click("#editor-blank")

    # Empty fields with hints, not text to delete by hand.
    assert page.evaluate(PLACEHOLDER_VALUES) == []
    assert page.input_value("#f-matching-many_to_one") == ""
    assert page.get_attribute("#f-matching-many_to_one", "placeholder") == "填写多对一安排"
    assert page.get_attribute("#f-counts-teachers", "placeholder") == "填数字，至少 1"
    errors = page.inner_text("#editor-errors")
    assert "缺少必填的“学校名称”" in errors and "缺少必填的“人数·教师人数”" in errors

    # The wording probes: a decimal count, a space after the school code, 闵行 for 闵行区, a 0.
    page.fill("#f-counts-teachers", "12.5")
    assert page.inner_text("#f-counts-teachers-error") == "“人数·教师人数”应为整数（不带小数点），实际是 12.5"
    page.fill("#f-counts-teachers", "0")
    assert page.inner_text("#f-counts-teachers-error") == "“人数·教师人数”是 0：请写实际的数目（至少为 1）"
    page.fill("#f-counts-teachers", "60")
    page.fill("#f-id", "probe-middle ")
    assert page.inner_text("#f-id-error") == "“学校代码”的开头或末尾有空格：请删去空格"
    page.fill("#f-id", "probe-middle")
    page.fill("#f-district", "闵行")
    page.locator("#f-district").blur()
    assert page.input_value("#f-district") == "闵行区"
    assert page.inner_text("#f-district-error") == ""
    page.fill("#f-district", "测试区")
    assert page.inner_text("#f-district-error").startswith("所在区“测试区”不是上海市的区：请写黄浦区、徐汇区")
    page.fill("#f-district", "闵行区")
    page.fill("#f-name", "探针初级中学")
    # Posts, not people: the person detector's table (schools/post-names.json) says what the build says.
    leader = "#f-organization-leading_group-leader"
    page.fill(leader, "校长张建国")
    assert (
        page.inner_text(leader + "-error")
        == "“组织架构·领导小组·组长”里像是写了人名“张建国”：这里只写职务（如“校长”“德育主任”），不写个人姓名"
    )
    page.fill(leader, "党支部书记")
    assert page.inner_text(leader + "-error") == ""
    assert page.inner_text("#f-matching-methods-add") == "添加一项：匹配方式"
    assert page.inner_text("#f-timeline-add") == "添加一项：时间安排的阶段"
    assert page.inner_text("#f-duties-add") == "添加一项：导师职责"

    # 44 px checkbox rows: the box and its words are one label.
    for box in page.locator("#f-grades .editor-choice, #f-key_tasks-talks-moments .editor-choice").all():
        bounds = box.bounding_box()
        assert bounds["height"] >= 44 and bounds["width"] >= 44, bounds
    page.locator("#f-grades .editor-choice").nth(9).click()  # its words, not the box: 10 年级
    assert page.is_checked("#f-grades-9")

    # A plan with errors: the list, and nothing downloaded until the second tap.
    page.click("#editor-download")
    assert page.is_visible("#editor-confirm")
    listed = page.inner_text("#editor-confirm")
    assert "方案还有" in listed and "处没有填好" in listed and "缺少必填的“人数·导师人数”" in listed
    page.wait_for_timeout(300)
    assert downloads == []
    page.click("#editor-confirm-back")
    assert not page.is_visible("#editor-confirm") and downloads == []
    page.click("#editor-download")
    with page.expect_download() as info:
        page.click("#editor-confirm-download")
    assert info.value.suggested_filename == "probe-middle.yml"
    message = page.inner_text(".editor-message")
    assert "已下载 probe-middle.yml，但还有" in message and "区里不能发布" in message
    saved = tmp_path / "plan.yml"
    info.value.save_as(saved)
    doc, problems = load_yaml_text(saved.read_text(encoding="utf-8"), "plan.yml")
    assert problems == [] and doc.data["district"] == "闵行区" and doc.data["counts"] == {"teachers": 60}
    assert "（" not in saved.read_text(encoding="utf-8")  # no template placeholder went into the file

    # The draft is named by the school after a reload; nothing wider than the phone.
    page.reload()
    page.wait_for_selector("#plan-editor[data-ready=true]")
    assert "已恢复上次的草稿（探针初级中学" in page.inner_text(".editor-message")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_school_page_buttons_are_apart_on_a_phone(watched, editor_url):
    page = watched
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(editor_url + "schools/chenguang-middle/")
    boxes = [b.bounding_box() for b in page.locator(".plan-downloads .md-button").all()]
    assert len(boxes) == 4
    assert all(b["height"] >= 44 for b in boxes), boxes
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            apart_x = a["x"] + a["width"] + 4 <= b["x"] or b["x"] + b["width"] + 4 <= a["x"]
            apart_y = a["y"] + a["height"] + 4 <= b["y"] or b["y"] + b["height"] + 4 <= a["y"]
            assert apart_x or apart_y, (a, b)
