"""Driving Material's search dialog in the browser, shared by the search and accessibility tests."""

from __future__ import annotations

import re

READY = "键入以开始搜索"  # Material's zh "search.result.placeholder": the index is loaded


def settle(page) -> None:
    """Wait until CSS transitions and animations have finished (the dialog fades in)."""
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")


def type_query(page, base_url: str, query: str) -> None:
    """Open the search dialog on the home page once the index is loaded, and type ``query``."""
    page.goto(base_url)
    page.wait_for_function(f"document.querySelector('.md-search-result__meta')?.textContent.includes('{READY}')", timeout=15_000)
    box = page.locator("input.md-search__input")
    toggle = page.locator("label.md-header__button[for=__search]")  # the magnifier on narrow screens
    (toggle if toggle.is_visible() else box).click()
    # Material reads the query on keyup: fill, then a key that changes nothing
    # (as when an input method commits the Chinese text).
    box.fill(query)
    box.press("End")


def search(page, base_url: str, query: str) -> list[str]:
    """Search for ``query``; return the result links as site-relative paths with fragment
    (``policies/minhang-2021/#c6-4``), the highlight query string dropped."""
    type_query(page, base_url, query)
    meta = page.locator(".md-search-result__meta").filter(has_text="符合条件的结果")
    meta.wait_for(timeout=10_000)
    # Material shows the first 10 hits, then 4 more each time the list is scrolled to its
    # end (it reacts to *reaching* the end, so step back a little before each scroll).
    # Scroll until every page counted in "N 个符合条件的结果" is in the list.
    total = int(re.search(r"\d+", meta.inner_text()).group())
    scrollwrap = page.locator(".md-search__scrollwrap")
    for _ in range(total):
        if page.locator(".md-search-result__item").count() >= total:
            break
        scrollwrap.evaluate("e => e.scrollTo(0, e.scrollHeight - e.clientHeight - 100)")
        page.wait_for_timeout(50)
        scrollwrap.evaluate("e => e.scrollTo(0, e.scrollHeight)")
        page.wait_for_timeout(50)
    assert page.locator(".md-search-result__item").count() == total, f"only part of the {total} results was shown"
    settle(page)
    links = []
    for href in page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)"):
        path, _, fragment = href.removeprefix(base_url).partition("#")
        links.append(path.partition("?")[0] + (f"#{fragment}" if fragment else ""))
    return links
