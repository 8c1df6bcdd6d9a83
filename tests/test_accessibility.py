"""Accessibility gate: axe-core in headless Chromium on every kind of page; no serious or
critical violations. axe-core comes bundled in axe-playwright-python and is injected from
disk; the tests also check that no request leaves the local server."""

from __future__ import annotations

import pytest
from conftest import build_and_serve
from searchui import search, settle

BLOCKING = ("serious", "critical")

PAGES = {
    "home": "",
    "policy": "policies/shanghai-2023-25/",
    "policy-district": "policies/minhang-2021/",
    "policy-index": "policies/",
    "comparison": "policies/compare/",
    "glossary": "glossary/",
    "coming-section": "cases/",
    "about": "about/",
    "about-citations": "about/citations/",
    "about-rules": "about/rules/",
    "not-found": "404.html",
}
VIEWPORTS = {"desktop": (1280, 900), "phone": (375, 740)}
# The phone layout differs in the header, drawer and tabs, not per page kind.
PHONE_PAGES = ("home", "policy", "comparison", "glossary")
CASES = [
    pytest.param(path, size, id=f"{kind}-{name}")
    for kind, path in PAGES.items()
    for name, size in VIEWPORTS.items()
    if name == "desktop" or kind in PHONE_PAGES
]


def axe_violations(page) -> list[dict]:
    from axe_playwright_python.sync_playwright import Axe

    return Axe().run(page).response["violations"]


def blocking(violations: list[dict]) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(" ".join(n["target"]) + f" [{n.get('failureSummary', '').strip()}]" for n in v["nodes"][:5])
        for v in violations
        if v["impact"] in BLOCKING
    ]


@pytest.fixture
def local_only(page, site_url):
    """The page, failing the test if anything is requested from another host."""
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    yield page
    foreign = [u for u in requests if not u.startswith(site_url) and not u.startswith(("data:", "blob:"))]
    assert foreign == [], f"requests to another host: {foreign}"


@pytest.mark.parametrize(("path", "viewport"), CASES)
def test_page_has_no_serious_violations(local_only, site_url, path, viewport):
    page = local_only
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    page.goto(site_url + path)
    settle(page)
    problems = blocking(axe_violations(page))
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_search_dialog_with_results_has_no_serious_violations(local_only, site_url, viewport):
    page = local_only
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    assert search(page, site_url, "家访")
    problems = blocking(axe_violations(page))
    assert problems == [], "\n".join(problems)
    assert page.get_attribute(".md-search[role=dialog]", "aria-label") == "查找"


def test_interactive_states_have_no_serious_violations(local_only, site_url):
    """What appears only on interaction: a glossary tooltip, the back-to-top button,
    the keyboard skip link, and the navigation drawer with a section opened on a phone."""
    page = local_only
    failures: list[str] = []

    def check(state: str) -> None:
        settle(page)
        failures.extend(f"{state}: {p}" for p in blocking(axe_violations(page)))

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + "policies/shanghai-2023-25/")
    settle(page)
    page.locator("article abbr[title]").first.hover()
    page.locator(".md-tooltip2").first.wait_for()
    check("glossary tooltip")
    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(200)
    page.mouse.wheel(0, -400)
    page.locator(".md-top").wait_for()
    # The button fades in; measure its colours once it is fully shown, not mid-transition.
    page.wait_for_function("getComputedStyle(document.querySelector('.md-top')).opacity === '1'")
    check("back-to-top button")
    page.goto(site_url)
    settle(page)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    check("skip link")

    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(site_url + "policies/shanghai-2023-25/")
    settle(page)
    page.click("label.md-header__button[for=__drawer]")
    page.locator(".md-sidebar--primary").wait_for()
    check("navigation drawer")
    assert failures == [], "\n".join(failures)


def page_kinds(site) -> list[str]:
    """Pages of each kind in the built site: per top-level section and per depth of path,
    the first and the last page in sorted order (listing pages and item pages usually
    differ there), so new sections and page types are covered without editing this file."""
    groups: dict[tuple[str, int], list[str]] = {}
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site).as_posix()
        if not rel.endswith("index.html") or rel.startswith(("assets/", "search/")):
            continue
        url = rel.removesuffix("index.html")
        parts = url.strip("/").split("/") if url else []
        groups.setdefault((parts[0] if parts else "", len(parts)), []).append(url)
    return sorted({url for urls in groups.values() for url in (urls[0], urls[-1])})


def test_every_kind_of_page_has_no_serious_violations(local_only, site_url, built_site):
    page = local_only
    kinds = [u for u in page_kinds(built_site) if u not in PAGES.values()]
    failures = []
    for url in kinds:
        page.goto(site_url + url)
        settle(page)
        failures += [f"{url or '/'}: {p}" for p in blocking(axe_violations(page))]
    assert failures == [], "\n".join(failures)


def test_links_are_not_told_apart_by_colour_alone(page, site_url):
    page.goto(site_url + "about/")
    decoration = page.locator("article.md-typeset a[href$='maintainers/']").evaluate(
        "a => getComputedStyle(a).textDecorationLine"
    )
    assert "underline" in decoration


# ----------------------------------------------------------------- planted fault


def test_gate_catches_planted_faults(project_copy, tmp_path, browser):
    """An image without alt text and light-grey text on white make the gate fail;
    nothing else on the page (including highlighted code) does."""
    about = project_copy / "docs/about/index.md"
    about.write_text(
        about.read_text(encoding="utf-8")
        + '\n<img src="../assets/images/favicon.png" id="planted-img">\n\n'
        + '<p id="planted-grey" style="color: #c8c8c8">浅灰色的示例文字，对比度不足。</p>\n'
        # A correct code block with a comment and variables: the theme's pale
        # highlighting colours must not show up as violations.
        + "\n```yaml\n# 示例注释\nmentor_ratio: 1  # 导师与学生\nkey: $value\n```\n\n```sh\nexport NAME=$HOME  # 注释\n```\n",
        encoding="utf-8",
    )
    site = tmp_path / "site"
    site.mkdir()
    result, server = build_and_serve(project_copy, site)  # built for the address it is served at
    assert result.returncode == 0, result.stdout + result.stderr
    context = browser.new_context(locale="zh-CN")
    try:
        page = context.new_page()
        page.goto(server.url + "about/")
        settle(page)
        found = {v["id"]: [" ".join(n["target"]) for n in v["nodes"]] for v in axe_violations(page) if v["impact"] in BLOCKING}
    finally:
        context.close()
        server.stop()
    assert found == {"image-alt": ["#planted-img"], "color-contrast": ["#planted-grey"]}, found
