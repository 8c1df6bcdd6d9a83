"""An upgrade loses no teacher's progress and no school's draft: localStorage written by the portal
before its browser code became ES modules (a real snapshot, tests/fixtures/storage/, captured from
Chromium by capture_snapshot.py) is loaded into a site built from today's code, which must show
the same facts on 我的学习, the module pages, the quiz, the record sheet and the plan editor, with
the original dates (the browser's clock is set months later). Damaged or foreign data gives a
Chinese notice and a clean start, never a broken page."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

import pytest
from conftest import portal_ready, watch_errors

SNAPSHOT = json.loads((Path(__file__).parent / "fixtures" / "storage" / "pre-modules-snapshot.json").read_text(encoding="utf-8"))
OLD = SNAPSHOT["localStorage"]
PROGRESS = json.loads(OLD["mentor-portal:training"])["modules"]
PROFILE = json.loads(OLD["mentor-portal:training-profile"])
DRAFT = json.loads(OLD["portal.plan-editor.draft"])
REPLACED = json.loads(OLD["portal.plan-editor.replaced"])
LATER = datetime(2027, 3, 1, 9, 0)  # the day the teacher opens the upgraded portal
NOTICE = "有无法读取的内容"


@pytest.fixture
def reader(browser, site_url):
    """A browser profile holding ``storage`` (set before any page of the site runs), clock at LATER."""
    contexts = []

    def open_with(storage: dict[str, str]):
        context = browser.new_context(locale="zh-CN")
        contexts.append(context)
        page = context.new_page()
        # Time flows from LATER (a frozen Date would stall Material's timers).
        page.clock.install(time=LATER)
        page.clock.resume()
        page.errors = watch_errors(page)
        # A blank page of the site's origin, where no portal script runs, to seed localStorage.
        page.route(
            site_url + "seed", lambda route: route.fulfill(body='<link rel="icon" href="data:,">', content_type="text/html")
        )
        page.goto(site_url + "seed")
        page.evaluate(
            "(items) => { localStorage.clear(); for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v); }",
            storage,
        )
        return page

    yield open_with
    for context in contexts:
        context.close()


def visit(page, url: str) -> None:
    page.goto(url)
    portal_ready(page)


def storage_of(page) -> dict[str, str]:
    return page.evaluate("() => Object.fromEntries(Object.entries(localStorage))")


def test_snapshot_is_the_old_portals_four_keys():
    # The fixture is what the test is about: all four keys, with attempts, scores and dates.
    assert set(OLD) == {
        "mentor-portal:training",
        "mentor-portal:training-profile",
        "portal.plan-editor.draft",
        "portal.plan-editor.replaced",
    }
    assert PROGRESS["policy-essentials"]["attempts"] == 3 and PROGRESS["policy-essentials"]["passedAt"]
    assert PROGRESS["mentor-relationship"]["attempts"] == 2 and "passedAt" not in PROGRESS["mentor-relationship"]
    assert re.fullmatch(r"[0-9a-f]{40}", SNAPSHOT["commit"])


def test_progress_and_record_sheet_survive_the_upgrade(reader, site_url):
    page = reader(OLD)
    passed = PROGRESS["policy-essentials"]["passedAt"]
    visit(page, site_url + "training/my-learning/")
    rows = {
        row.get_attribute("data-module"): [row.locator(c).inner_text() for c in (".ml-status", ".ml-best", ".ml-date")]
        for row in page.locator("tr[data-module]").all()
    }
    assert rows["policy-essentials"] == ["已通过", "100 分", passed]
    assert rows["mentor-relationship"] == ["学习中", "0 分", "—"]
    assert rows["crisis-referral"] == ["学习中", "—", "—"]  # a lesson read
    assert rows["home-visit"] == ["学习中", "—", "—"]  # the quiz started
    assert rows["growth-letter"] == ["未开始", "—", "—"]
    hours = page.locator('tr[data-module="policy-essentials"]').get_attribute("data-hours")
    assert page.locator(".ml-total").inner_text() == f"已通过 1 个模块，合计 {hours} 学时。"
    assert page.locator(".portal-storage-notice").count() == 0

    # The old keys are gone, the namespace holds the same facts.
    stored = storage_of(page)
    assert not set(OLD) & set(stored)
    data = json.loads(stored["mentor-portal"])
    assert data["version"] == 1 and data["training"]["modules"] == PROGRESS and data["profile"] == PROFILE

    visit(page, site_url + "training/policy-essentials/")
    for lesson, day in PROGRESS["policy-essentials"]["lessons"].items():
        assert page.locator(f'.lesson-status[data-lesson="{lesson}"]').inner_text() == f"（已学，{day}）"
    assert page.locator(".training-status").inner_text() == "已通过"
    visit(page, site_url + "training/")
    assert page.locator('.training-status[data-module="mentor-relationship"]').first.inner_text() == "学习中"
    visit(page, site_url + "training/policy-essentials/quiz/")
    assert page.locator(".quiz-best").inner_text() == f"你的最高分：100 分（已于 {passed} 通过）。"

    visit(page, site_url + "training/record/")
    assert page.get_by_label("姓名").input_value() == PROFILE["name"]
    assert page.get_by_label("学校").input_value() == PROFILE["school"]
    row = page.locator('.rec-sheet tr[data-module="policy-essentials"]')
    assert row.locator(".rec-best").inner_text() == "100 分" and row.locator(".rec-date").inner_text() == passed
    assert page.locator(".rec-sheet tbody tr:not([hidden])").count() == 1

    # New study after the upgrade is dated by today's clock; the old dates stay.
    visit(page, site_url + "training/policy-essentials/03-tasks-and-support/")
    visit(page, site_url + "training/policy-essentials/")
    assert page.locator('.lesson-status[data-lesson="03-tasks-and-support.md"]').inner_text() == "（已学，2027-03-01）"
    assert (
        page.locator('.lesson-status[data-lesson="01-what-and-why.md"]').inner_text()
        == f"（已学，{PROGRESS['policy-essentials']['lessons']['01-what-and-why.md']}）"
    )
    assert page.errors == []


def test_the_editor_draft_and_its_undo_survive_the_upgrade(reader, site_url):
    page = reader(OLD)
    page.goto(site_url + "schools/editor/")
    page.wait_for_selector("#plan-editor[data-ready=true]")
    message = page.inner_text(".editor-message")
    assert "已恢复上次的草稿" in message and DRAFT["saved"] in message
    assert page.input_value("#f-name") == DRAFT["plan"]["name"]
    assert page.input_value("#f-counts-teachers") == str(DRAFT["plan"]["counts"]["teachers"])
    assert page.is_visible("#editor-undo")
    page.click("#editor-undo")
    assert page.input_value("#f-name") == REPLACED["plan"]["name"]
    assert page.input_value("#f-counts-students") == str(REPLACED["plan"]["counts"]["students"])
    assert REPLACED["saved"] in page.inner_text(".editor-message")
    data = json.loads(storage_of(page)["mentor-portal"])
    assert data["editor"]["draft"]["plan"]["name"] == REPLACED["plan"]["name"]
    assert data["editor"]["replaced"]["plan"]["name"] == DRAFT["plan"]["name"]  # the undo toggles
    assert data["training"]["modules"] == PROGRESS  # the editor's writes keep the progress
    assert page.errors == []


@pytest.mark.parametrize(
    "storage",
    [
        {"mentor-portal": "{not json"},
        {"mentor-portal": json.dumps({"version": 99, "training": {"modules": {}}})},  # a newer portal's
        {"mentor-portal": json.dumps({"settings": {"theme": "dark"}})},  # another program's
        {"mentor-portal": json.dumps({"version": 1, "training": {"modules": {"policy-essentials": {"best": "满分"}}}})},
        {"mentor-portal:training": "{broken", "mentor-portal:training-profile": "[1, 2]"},
        {"portal.plan-editor.draft": json.dumps({"plan": "<script>alert(1)</script>"})},
    ],
    ids=["not-json", "newer-version", "foreign", "bad-module", "broken-old-keys", "bad-draft"],
)
def test_damaged_or_foreign_storage_gives_a_notice_and_a_clean_start(reader, site_url, storage):
    page = reader(storage)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    visit(page, site_url + "training/my-learning/")
    notice = page.locator(".portal-storage-notice")
    assert NOTICE in notice.inner_text() and "没有删除" in notice.inner_text()
    assert page.locator(".ml-status").first.inner_text() == "未开始"
    assert page.locator(".ml-total").inner_text().startswith("已通过 0 个模块")
    # What could not be read is set aside, not lost; the next page starts clean, without the notice.
    stored = storage_of(page)
    assert "mentor-portal.unreadable" in stored
    assert json.loads(stored["mentor-portal"])["version"] == 1
    visit(page, site_url + "training/record/")
    assert page.locator(".portal-storage-notice").count() == 0
    page.goto(site_url + "schools/editor/")
    page.wait_for_selector("#plan-editor[data-ready=true]")
    assert "已载入空白模板" in page.inner_text(".editor-message")  # no draft: the blank template
    assert page.errors == [] and dialogs == []
