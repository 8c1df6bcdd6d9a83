"""Data tables arrive wrapped (macros/core/tables.py): Material no longer moves each table into
its scroll containers after the page has loaded (the largest cost of its start-up on a school's
plan page), and the wrapped table looks exactly as Material's own."""

from __future__ import annotations

import pytest
from conftest import watch_errors

from macros.core.tables import wrap_tables

OPEN = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="data-table">'
CLOSE = "</table></div></div>"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>没有表格</p>", "<p>没有表格</p>"),
        ("<table><tr><td>1</td></tr></table>", f"{OPEN}<tr><td>1</td></tr>{CLOSE}"),
        ("<table>a</table><p>x</p><table>b</table>", f"{OPEN}a{CLOSE}<p>x</p>{OPEN}b{CLOSE}"),
        # A table with a class is the page's own layout (learn-cards): untouched.
        ('<table class="learn-cards"><tr><td>1</td></tr></table>', '<table class="learn-cards"><tr><td>1</td></tr></table>'),
        # Nested raw HTML: each closing tag belongs to its own table.
        (
            '<table><tr><td><table class="x"><tr><td>1</td></tr></table></td></tr></table>',
            f'{OPEN}<tr><td><table class="x"><tr><td>1</td></tr></table></td></tr>{CLOSE}',
        ),
        (
            '<table class="x"><tr><td><table>1</table></td></tr></table>',
            f'<table class="x"><tr><td>{OPEN}1{CLOSE}</td></tr></table>',
        ),
        # A stray closing tag is left as it is.
        ("</table><table>1</table>", f"</table>{OPEN}1{CLOSE}"),
        # Escaped markup in code is text, not a table.
        ("<code>&lt;table&gt;</code>", "<code>&lt;table&gt;</code>"),
    ],
)
def test_wrap_tables(html, expected):
    assert wrap_tables(html) == expected


def test_every_markdown_table_of_the_site_arrives_wrapped(built_site):
    pages = 0
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "<table>" not in html, path
        if 'class="data-table"' in html:
            pages += 1
            assert html.count('<table class="data-table">') == html.count(OPEN), path
    assert pages > 20


# What Material's rules for table:not([class]) set, and the phone rules of portal.css.
STYLES = """(el) => { const s = getComputedStyle(el); return [
  'display', 'font-size', 'font-weight', 'border-top', 'border-right', 'border-radius', 'padding-top',
  'padding-left', 'vertical-align', 'text-align', 'min-width', 'max-width', 'overflow-x',
  'overflow-wrap', 'background-color', 'margin-top', 'width'].map((p) => p + ': ' + s.getPropertyValue(p)); }"""


@pytest.mark.parametrize("width", [360, 1280])
def test_a_wrapped_table_looks_as_material_wraps_it(browser, site_url, width):
    """On a school page: Material left the tables where the build put them (no second pair of
    wrappers), and each cell is styled exactly as the same table without the class, which is
    what Material's own rules style."""
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": 800})
    page = context.new_page()
    errors = watch_errors(page)
    try:
        page.goto(site_url + "schools/chenguang-middle/")
        page.wait_for_load_state("networkidle")
        assert page.locator("article table.data-table").count() >= 3
        assert page.locator(".md-typeset__scrollwrap .md-typeset__scrollwrap").count() == 0
        for table in page.locator("article table.data-table").all():
            assert table.evaluate("t => t.parentElement.matches('.md-typeset__scrollwrap > .md-typeset__table')")
        # A copy of each table without the class, in the same wrappers after the original.
        page.evaluate(
            """() => { for (const t of document.querySelectorAll('article table.data-table')) {
                 const copy = t.cloneNode(true); copy.removeAttribute('class'); copy.dataset.copy = '';
                 const wrap = t.closest('.md-typeset__scrollwrap').cloneNode(false);
                 const inner = t.parentElement.cloneNode(false);
                 inner.append(copy); wrap.append(inner); t.closest('.md-typeset__scrollwrap').after(wrap); } }"""
        )
        for part in ("", " th", " td", " tbody tr"):
            ours = page.locator(f"article table.data-table{part}")
            material = page.locator(f"article table[data-copy]{part}")
            assert ours.count() == material.count() > 0, part
            for i in range(ours.count()):
                assert ours.nth(i).evaluate(STYLES) == material.nth(i).evaluate(STYLES), (part, i)
    finally:
        context.close()
    assert errors == []
