"""Phones are 360 px wide: every kind of page fits without a sideways swipe, and no table
is wider than its container (a table that scrolls inside its box hides its columns)."""

from __future__ import annotations

import pytest
from conftest import portal_ready, watch_errors

PHONE = {"width": 360, "height": 740}
PAGES = {
    "home": "",
    "policy": "policies/shanghai-2023-25/",
    "policy-index": "policies/",
    "comparison": "policies/compare/",
    "glossary": "glossary/",
    "handbooks": "handbooks/",
    "handbook-chapter": "handbooks/family/02-home-visit/",
    "handbook-print": "handbooks/family/print/",
    "training": "training/",
    "module": "training/policy-essentials/",
    "lesson": "training/policy-essentials/01-what-and-why/",
    "quiz": "training/policy-essentials/quiz/",
    "my-learning": "training/my-learning/",
    "record": "training/record/",
    "cases": "cases/",
    "case": "cases/home-visit-first/",
    "cases-by-theme": "cases/by-theme/",
    "collections": "cases/collections/",
    "schools": "schools/",
    "school": "schools/chenguang-middle/",
    "tips": "tips/",
    "tip": "tips/home-visit-ten-things/",
    "news": "news/",
    "post": "news/2021/11/16/jiading-seminar/",
    "about": "about/",
    "about-rules": "about/rules/",
    "performance": "about/performance/",
    "not-found": "404.html",
}

# The column a reader comes for, which must be on screen without a swipe.
DECISIVE = {
    "training/": ".learn-path .training-status",
    "training/my-learning/": ".ml-status",
    "schools/": ".plan-status",
    "schools/chenguang-middle/": ".plan-compliance .plan-status",
}

# Each table, or its scrolling wrapper, measured against the article it sits in.
_OVERFLOW = """() => {
    const article = document.querySelector("article").getBoundingClientRect();
    const wide = [];
    document.querySelectorAll("article table").forEach(t => {
        const box = t.getBoundingClientRect();
        const parent = t.parentElement.getBoundingClientRect();
        if (t.offsetParent === null) return;  // not shown
        if (box.right > article.right + 1 || box.width > parent.width + 1 || t.scrollWidth > t.clientWidth + 1)
            wide.push((t.className || "table") + " " + t.innerText.slice(0, 30).replace(/\\s+/g, " "));
    });
    return {page: document.documentElement.scrollWidth, wide};
}"""


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_page_fits_a_360px_phone(browser, site_url, path):
    context = browser.new_context(locale="zh-CN", viewport=PHONE)
    page = context.new_page()
    errors = watch_errors(page)
    try:
        page.goto(site_url + path)
        portal_ready(page)  # statuses and quiz filled in by the training modules
        if path.endswith("/quiz/"):
            page.locator('label[for="quiz-mode-practice"]').click()
            page.get_by_role("button", name="开始自测").click()
        found = page.evaluate(_OVERFLOW)
        if path in DECISIVE:
            rights = page.locator(DECISIVE[path]).evaluate_all("els => els.map(e => e.getBoundingClientRect().right)")
            assert rights and max(rights) <= PHONE["width"], (DECISIVE[path], rights)
    finally:
        context.close()
    assert found["page"] <= PHONE["width"], found
    assert found["wide"] == []
    assert [e for e in errors if "404" not in e] == []
