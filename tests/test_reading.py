"""Reading aids (issue 13): glossary terms marked once per section, cited clauses
highlighted, notes and previews reachable by keyboard and tap, no maintainer wording on
reader pages, RSS autodiscovery on every page."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import unquote

from conftest import watch_errors

from macros.tips.news import FEED_PATH, FEED_TITLE


def _article(html: str) -> str:
    return html[html.index("<article") : html.index("</article>")]


def test_every_page_announces_the_news_feed(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        html = page.read_text(encoding="utf-8")
        found = re.search(r'<link rel="alternate feed" type="application/rss\+xml" title="([^"]*)" href="([^"]*)">', html)
        assert found, page
        assert unescape(found.group(1)) == FEED_TITLE
        if page.name == "404.html":
            continue  # served from any depth: its links are site-absolute
        assert (page.parent / found.group(2)).resolve() == (built_site / FEED_PATH).resolve(), page


def test_glossary_terms_are_marked_once_per_section(built_site):
    html = _article((built_site / "policies/shanghai-2023-25/index.html").read_text(encoding="utf-8"))
    sections = re.split(r"<h[1-6][ >]", html)
    assert len(sections) > 5
    for section in sections:
        terms = re.findall(r'<abbr tabindex="0" title="[^"]*">([^<]+)</abbr>', section)
        assert len(terms) == len(set(terms)), terms
    assert "<abbr" in html


def test_heading_links_have_no_title(built_site):
    """mkdocs.yml sets the toc extension's permalink_title to "". With content.tooltips,
    Material sets up a tooltip at page load for every element in the article with a title;
    the heading links' English "Permanent link" were 27 of the 79 on a school's plan page
    (性能 page: 学校方案页的启动). The ¶ stays the link's text (its name)."""
    links = []
    for page in built_site.rglob("*.html"):
        links += re.findall(r'<a class="headerlink"[^>]*>[^<]*</a>', page.read_text(encoding="utf-8"))
    assert len(links) > 100
    titled = [link for link in links if "title=" in link]
    assert not titled, titled[:3]
    assert all(link.endswith(">&para;</a>") for link in links), links[:3]


def test_editorial_notes_take_focus(built_site):
    html = (built_site / "policies/minhang-2021/index.html").read_text(encoding="utf-8")
    notes = re.findall(r"<ins [^>]*>", html)
    assert notes and all('tabindex="0"' in n and 'class="ed"' in n for n in notes)


def test_reader_pages_have_no_maintainer_wording_and_maintainer_pages_their_own_section(built_site):
    # Every reader page; not the 维护者专区 (about/ except its index), and not the 一校一策
    # overview, whose template downloads tell school staff where their plan file goes.
    readers = [
        p
        for p in built_site.rglob("index.html")
        if not p.relative_to(built_site).as_posix().startswith("about/") and p != built_site / "schools/index.html"
    ]
    readers.append(built_site / "about/index.html")
    assert len(readers) > 50
    for path in readers:
        text = re.sub(r"<[^>]+>", "", _article(path.read_text(encoding="utf-8")))
        assert not re.search(r"data/\S+\.yml|由 \S+ 生成", text), path
        assert "悬停可" not in text and "悬停查看" not in text, path
    home = (built_site / "index.html").read_text(encoding="utf-8")
    tabs = home[home.index('class="md-tabs"') : home.index("</nav>", home.index('class="md-tabs"'))]
    assert "维护者专区" in tabs


def _tab_until(page, selector: str, limit: int = 200) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_glossary_and_editorial_notes_open_from_the_keyboard(page, site_url):
    errors = watch_errors(page)
    page.goto(site_url + "policies/minhang-2021/")
    _tab_until(page, "article abbr")
    page.locator(".md-tooltip2").first.wait_for()
    _tab_until(page, "article ins.ed")
    tip = page.locator(".md-tooltip2", has_text="编者补")
    tip.first.wait_for()
    assert errors == []


def test_a_clause_preview_opens_from_the_keyboard(page, site_url):
    """A citation in a lesson shows the clause text when focused, as on hover."""
    errors = watch_errors(page)
    page.goto(site_url + "training/policy-essentials/01-what-and-why/")
    link = page.locator("article a[href*='policies/'][href*='#c']").first
    text = link.get_attribute("title")
    assert text  # the clause's own words
    _tab_until(page, "article a[href*='policies/'][href*='#c']")
    page.locator(".md-tooltip2", has_text=text[:10]).first.wait_for()
    assert errors == []


def test_on_a_phone_the_first_tap_previews_a_clause_and_the_second_opens_it(browser, site_url):
    context = browser.new_context(locale="zh-CN", viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    page = context.new_page()
    errors = watch_errors(page)
    try:
        page.goto(site_url + "training/policy-essentials/01-what-and-why/")
        page.wait_for_load_state("networkidle")
        link = page.locator("article a[href*='policies/'][href*='#c']").first
        text, href = link.get_attribute("title"), link.get_attribute("href")
        lesson = page.url
        link.tap()
        page.locator(".md-tooltip2", has_text=text[:10]).first.wait_for()
        assert page.url == lesson  # previewed, not followed
        link.tap()
        page.wait_for_url(href)
        anchor = unquote(href.split("#")[1])
        page.wait_for_function("id => document.getElementById(id)?.classList.contains('is-target')", arg=anchor)
        # An editorial note opens with a tap too.
        page.goto(site_url + "policies/minhang-2021/")
        page.locator("article ins.ed").first.tap()
        page.locator(".md-tooltip2", has_text="编者补").first.wait_for()
    finally:
        context.close()
    assert errors == []


def test_a_quiz_source_link_lands_on_a_highlighted_clause(page, site_url):
    """From a quiz's feedback to the cited clause by in-site navigation: the clause is marked."""
    errors = watch_errors(page)
    page.goto(site_url + "training/policy-essentials/")
    page.evaluate("window.__stayedInSite = 1")
    page.get_by_role("link", name="进入自测").click()
    page.locator(".quiz-intro").wait_for()
    page.locator('label[for="quiz-mode-practice"]').click()
    page.get_by_role("button", name="开始自测").click()
    for i in range(page.locator(".quiz-q:not([hidden])").count()):
        question = page.locator(".quiz-q:not([hidden])").nth(i)
        question.locator(".quiz-opt label").first.click()
        question.locator(".quiz-check").click()
        link = question.locator(".fb-source a")
        if "policies/" in (link.get_attribute("href") or ""):
            break
    else:
        raise AssertionError("no drawn question cites a policy clause")
    anchor = unquote(link.get_attribute("href").split("#")[1])
    link.click()
    page.wait_for_function("id => document.getElementById(id) !== null", arg=anchor)
    assert page.evaluate("window.__stayedInSite") == 1
    target = page.locator(f'[id="{anchor}"]')
    page.wait_for_function("id => document.getElementById(id).classList.contains('is-target')", arg=anchor)
    assert target.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(254, 243, 199)"
    assert errors == []
