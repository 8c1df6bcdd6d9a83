"""Listings at city scale: the case listings, the 一校一策 overview and the handbook print
views stay one page with the shipped content and split into numbered pages for a
city (1,600 schools, 600 cases), so no page's HTML grows past 80 KB.

Layers: pure functions (pagination, slugs); the listing functions on the shipped
project and on a full-scale synthetic city (scripts/benchcity.py, no site build);
a strict build of a city just past the paging thresholds, in the browser.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import markdown
import pytest

from macros.casebook import listings as cl
from macros.casebook.cases import published_cases
from macros.composition import new_project
from macros.core import pagination as lp
from macros.core.project import Project
from macros.plans import listings as sl
from macros.plans.loading import load_schools
from scripts.benchcity import Sizes, make_city
from tests.conftest import ROOT, SiteServer, assert_clean_build, run_mkdocs_build

PAGE_BUDGET = 80 * 1024
# Material's chrome around the article (header, pruned navigation, contents, footer)
# weighs 16–25 KB on listing pages (measured in the benchmark's city); the article of a
# generated listing page must leave room for it.
ARTICLE_BUDGET = 50 * 1024


# -- pure functions ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "per_page", "sizes"),
    [
        (0, 50, [0]),
        (1, 50, [1]),
        (50, 50, [50]),
        (51, 50, [26, 25]),  # evenly filled, never 50 and 1
        (102, 100, [51, 51]),
        (600, 50, [50] * 12),
        (601, 50, [47] * 3 + [46] * 10),
    ],
)
def test_paginate_uses_few_evenly_filled_pages(count: int, per_page: int, sizes: list[int]) -> None:
    pages = lp.paginate(list(range(count)), per_page)
    assert [len(p) for p in pages] == sizes
    assert [x for p in pages for x in p] == list(range(count))
    assert all(len(p) <= per_page for p in pages)


def test_page_uris_and_pager_links() -> None:
    base = "cases/by-theme/theme-4.md"
    assert lp.page_uri(base, 1) == base and lp.page_uri(base, 3) == "cases/by-theme/theme-4/3.md"
    assert lp.pager(base, 1, 1) == ""
    first = lp.pager(base, 1, 3)
    assert "上一页" not in first and '<span aria-current="page">1</span>' in first
    assert "[2](theme-4/2.md)" in first and "[下一页](theme-4/2.md)" in first
    middle = lp.pager(base, 2, 3, label="分页（页尾）")
    assert "[上一页](../theme-4.md)" in middle and "[1](../theme-4.md)" in middle and "[3](3.md)" in middle
    assert 'aria-label="分页（页尾）"' in middle
    assert lp.page_range(lp.paginate(list(range(120)), 50), 2) == "41–80"


def test_district_slugs_are_stable_and_url_safe() -> None:
    assert sl.district_slug("闵行区") == "minhang" and sl.district_slug("浦东新区") == "pudong"
    slug = sl.district_slug("示例一区")
    assert re.fullmatch(r"d-[0-9a-f]{8}", slug) and slug == sl.district_slug("示例一区")
    assert slug != sl.district_slug("示例二区")
    names = ["示例十六区", "示例二区", "示例十区", "示例一区", "示例十一区"]
    assert sorted(names, key=sl.district_order) == ["示例一区", "示例二区", "示例十区", "示例十一区", "示例十六区"]


# -- the shipped project: one page each --------------------------------------------------------


def test_shipped_listings_stay_on_one_page() -> None:
    project = new_project(ROOT)
    pages = [p.src_uri for p in cl.casebook_listing_pages(project)]
    assert pages == [cl.LISTING_THEMES, cl.LISTING_STAGES, cl.LISTING_TASKS, cl.LISTING_COLLECTIONS]
    assert sl.school_listing_pages(project) == []
    index = sl.school_index(project)
    for school in load_schools(project).schools:
        assert f"]({school.id}.md)" in index
    slug = sl.district_slug("示例一区")
    assert f"| [示例一区](#{slug}) | 2 |" in index and f"## 示例一区 {{#{slug}}}" in index
    overview = cl.casebook_overview(project, "cases/index.md")
    assert "## 全部案例" in overview and cl.LISTING_ALL.split("/")[-1] not in overview
    assert all(f"({c.id}.md)" in overview for c in published_cases(project))
    assert "(by-theme.md#theme-4)" in overview


def test_no_page_of_the_shipped_site_is_over_the_budget(built_site: Path) -> None:
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 50
    assert [p.relative_to(built_site).as_posix() for p in pages if p.stat().st_size >= PAGE_BUDGET] == []
    assert (built_site / "handbooks/relationship/print-2/index.html").exists()  # the longer handbook prints in parts


def test_a_case_id_may_not_take_a_listing_page_name(project_copy: Path) -> None:
    source = (project_copy / "casebook/home-visit-first.md").read_text(encoding="utf-8")
    (project_copy / "casebook/all.md").write_text(source.replace("id: home-visit-first", "id: all"), encoding="utf-8")
    problems = [p.format() for p in cl.check_listing_names(new_project(project_copy))]
    assert len(problems) == 1 and problems[0].startswith("casebook/all.md:")
    assert "案例编号不能是“all”" in problems[0]


# -- a full-scale city, listing functions only ------------------------------------------------


@pytest.fixture(scope="module")
def city(tmp_path_factory) -> Project:
    """The benchmark's full city (1,600 schools, 600 published cases), generated, not built."""
    root = tmp_path_factory.mktemp("listing-city") / "project"
    make_city(root, Sizes.for_scale("full"))
    return new_project(root)


def article_html(text: str) -> str:
    md = markdown.Markdown(extensions=["attr_list", "md_in_html", "tables", "toc", "admonition", "def_list"])
    return md.convert(text)


def test_city_case_listings_are_paged_within_bounds(city: Project) -> None:
    cases = published_cases(city)
    assert len(cases) >= 600
    pages = {p.src_uri: p.content for p in cl.casebook_listing_pages(city)}
    for dimension in cl.DIMENSIONS:
        groups = cl.dimension_groups(city, dimension)
        assert cl.is_paged(groups)
        overview = pages[dimension.listing]
        for group in groups:
            assert f"{{#{group.anchor}}}" in overview  # old links to #theme-4 still land
            if not group.cases:
                continue
            base = cl.group_base(dimension, group)
            count = len(lp.paginate(group.cases, cl.CASES_PER_PAGE))
            group_pages = [pages[lp.page_uri(base, n)] for n in range(1, count + 1)]
            assert lp.page_uri(base, count + 1) not in pages
            listed = [m for text in group_pages for m in re.findall(r"^- \[", text, re.M)]
            assert len(listed) == len(group.cases)
            assert all(len(re.findall(r"^- \[", text, re.M)) <= cl.CASES_PER_PAGE for text in group_pages)
    every = [pages[src] for src in pages if src == cl.LISTING_ALL or src.startswith("cases/all/")]
    titles = [t for text in every for t in re.findall(r"^- \[([^\]]+)\]", text, re.M)]
    assert len(titles) == len(cases) and titles == sorted(titles)
    overview = cl.casebook_overview(city, "cases/index.md")
    assert "(all.md)" in overview and "(by-theme/theme-4.md)" in overview
    for src, text in [*pages.items(), ("cases/index.md", overview)]:
        size = len(article_html(text).encode("utf-8"))
        assert size < ARTICLE_BUDGET, (src, size)


def test_city_school_overview_links_every_district_page(city: Project) -> None:
    districts = sl.districts(city)
    assert len(districts) == 16 and sl.is_paged(city)
    index = sl.school_index(city)
    pages = {p.src_uri: p.content for p in sl.school_listing_pages(city)}
    seen: list[str] = []
    for district in districts:
        assert f"| [{district.name}](district/{district.slug}.md) | {len(district.schools)} |" in index
        count = len(lp.paginate(district.schools, sl.SCHOOLS_PER_PAGE))
        for n in range(1, count + 1):
            text = pages[lp.page_uri(district.page, n)]
            rows = re.findall(r"^\| \[[^\]]+\]\((?:\.\./)+([\w-]+)\.md\)", text, re.M)
            assert 0 < len(rows) <= sl.SCHOOLS_PER_PAGE
            seen += rows
            assert "search:\n  exclude: true" in text
    assert sorted(seen) == sorted(s.id for s in load_schools(city).schools)  # each school on one page
    assert len(index.encode("utf-8")) < 4 * 1024  # the city summary, not 1,600 rows
    for src, text in pages.items():
        size = len(article_html(text).encode("utf-8"))
        assert size < ARTICLE_BUDGET, (src, size)


# -- a strict build just past the thresholds ---------------------------------------------------


@pytest.fixture(scope="module")
def _paged_server(tmp_path_factory):
    base = tmp_path_factory.mktemp("paged-city")
    (base / "site").mkdir()
    server = SiteServer(base / "site")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def paged_site(_paged_server: SiteServer) -> Path:
    """A city with more schools and case entries than one page holds, built strictly for the
    address `paged_url` serves it at."""
    site = _paged_server.directory
    project = site.parent / "project"
    make_city(project, Sizes(schools=sl.INLINE_SCHOOLS + 20, cases=cl.INLINE_ENTRIES + 10, drafts=1, modules=2))
    assert_clean_build(run_mkdocs_build(project, site, _paged_server.url))
    return site


def test_built_listing_pages_are_small_linked_and_out_of_nav_and_search(paged_site: Path) -> None:
    district_pages = sorted(paged_site.glob("schools/district/*/index.html"))
    group_pages = sorted(paged_site.glob("cases/by-*/*/index.html")) + sorted(paged_site.glob("cases/by-*/*/*/index.html"))
    all_pages = [paged_site / "cases/all/index.html", *sorted(paged_site.glob("cases/all/*/index.html"))]
    assert district_pages and group_pages and all_pages[0].exists() and len(all_pages) >= 2
    for page in paged_site.rglob("*.html"):
        assert page.stat().st_size < PAGE_BUDGET, page
    index = json.loads((paged_site / "search/search_index.json").read_text(encoding="utf-8"))
    locations = {d["location"].split("#")[0] for d in index["docs"]}
    for page in [*district_pages, *group_pages, *all_pages]:
        url = page.parent.relative_to(paged_site).as_posix() + "/"
        assert url not in locations, url
        html = page.read_text(encoding="utf-8")
        nav = html[html.index('class="md-tabs"') : html.index('<div class="md-content"')]
        assert "/district/" not in nav and "theme-" not in nav and "cases/all" not in nav
        for href in re.findall(r'<a href="([^"#]+)"[^>]*>(?:上一页|下一页|\d+)</a>', html):
            target = (page.parent / href / "index.html").resolve()
            assert target.exists(), (page, href)
    overview = (paged_site / "schools/index.html").read_text(encoding="utf-8")
    for page in district_pages:
        assert f'href="district/{page.parent.name}/"' in overview


def test_school_pages_lead_back_to_their_district_page(paged_site: Path) -> None:
    for school in sorted(paged_site.glob("schools/bench-*/index.html"))[:5]:
        html = school.read_text(encoding="utf-8")
        href = re.search(r'<a class="md-button" href="([^"]+)">返回(示例\w+区)学校名单</a>', html)
        assert href, school
        district = (school.parent / href.group(1) / "index.html").resolve()
        assert district.is_relative_to(paged_site / "schools/district") and district.exists()
        assert "<h1" in (text := district.read_text(encoding="utf-8")) and f"{href.group(2)}：学校方案" in text


@pytest.fixture(scope="module")
def paged_url(paged_site: Path, _paged_server: SiteServer) -> str:
    """The paged city at the address it was built for (in-site navigation as deployed)."""
    return _paged_server.start()


def test_reader_pages_through_all_cases_in_the_browser(page, paged_url: str) -> None:
    page.goto(paged_url + "cases/")
    page.get_by_role("link", name=re.compile("按标题浏览全部")).click()
    page.wait_for_url(re.compile(r"cases/all/$"))
    # In-site navigation changes the address before the new page is in: wait for its pager.
    page.get_by_role("navigation", name="分页", exact=True).wait_for()
    first = page.locator("article li a").first.inner_text()
    pager = page.get_by_role("navigation", name="分页", exact=True)
    assert pager.locator('[aria-current="page"]').inner_text() == "1"
    pager.get_by_role("link", name="下一页").click()
    page.wait_for_url(re.compile(r"cases/all/2/$"))
    # In-site navigation changes the address before the new page is in: wait for its pager.
    current = page.get_by_role("navigation", name="分页", exact=True).locator('[aria-current="page"]')
    current.filter(has_text=re.compile(r"^2$")).wait_for()
    assert page.locator("article li a").first.inner_text() != first
    page.get_by_role("navigation", name="分页（页尾）").get_by_role("link", name="上一页").click()
    page.wait_for_url(re.compile(r"cases/all/$"))


def test_case_page_links_its_theme_page_when_listings_are_paged(page, paged_url: str, paged_site: Path) -> None:
    case = next(p for p in sorted(paged_site.glob("cases/bench-case-*/index.html")))
    page.goto(paged_url + case.parent.relative_to(paged_site).as_posix() + "/")
    link = page.locator(".case-meta a[href*='by-theme/theme-']").first
    href = link.get_attribute("href") or ""
    assert "#" not in href
    link.click()
    page.wait_for_url(re.compile(r"cases/by-theme/theme-\d+/$"))
    page.locator("h1", has_text=re.compile("^按主题浏览案例：")).wait_for()


def test_paged_listing_pages_have_no_serious_accessibility_violations(page, paged_url: str, paged_site: Path) -> None:
    from tests.searchui import settle
    from tests.test_accessibility import axe_violations, blocking

    district = sorted(paged_site.glob("schools/district/*/index.html"))[0].parent.relative_to(paged_site).as_posix()
    failures = []
    for url in ("cases/all/2/", "cases/by-theme/", "cases/by-theme/theme-4/", "schools/", district + "/"):
        page.goto(paged_url + url)
        settle(page)
        failures += [f"{url}: {p}" for p in blocking(axe_violations(page))]
    assert failures == [], "\n".join(failures)
