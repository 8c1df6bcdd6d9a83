"""City scale: in the benchmark's synthetic city (small), the slimmed search
index still finds every kind of content — policy clauses, handbook chapters,
lessons, published cases, school plans by name and by district — in the
browser; and the navigation does not grow with schools or cases.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
from pathlib import Path

import pytest

from scripts.benchcity import Sizes, make_city
from tests.conftest import _QuietHandler, assert_clean_build, run_mkdocs_build
from tests.searchui import search

SIZES = Sizes(schools=32, cases=12, drafts=2, modules=7)


@pytest.fixture(scope="module")
def city(tmp_path_factory) -> tuple[Path, Path, dict]:
    base = tmp_path_factory.mktemp("city")
    ids = make_city(base / "project", SIZES)
    assert_clean_build(run_mkdocs_build(base / "project", base / "site"))
    return base / "project", base / "site", ids


@pytest.fixture(scope="module")
def city_url(city):
    handler = functools.partial(_QuietHandler, directory=str(city[1]))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def index_docs(site: Path) -> list[dict]:
    return json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]


def plain(text: str) -> str:
    return text.replace("\u200b", "")


def school(project: Path, school_id: str) -> dict:
    import yaml

    return yaml.safe_load((project / "data/schools" / f"{school_id}.yml").read_text(encoding="utf-8"))


def test_every_school_has_one_compact_entry_with_name_and_district(city):
    project, site, ids = city
    docs = index_docs(site)
    for school_id in ids["schools"]:
        entries = [d for d in docs if d["location"].startswith(f"schools/{school_id}/")]
        assert len(entries) == 1, entries
        plan = school(project, school_id)
        assert plain(entries[0]["title"]) == plan["name"]
        assert plan["district"] in plain(entries[0]["text"])


def test_every_page_of_other_kinds_stays_indexed(city):
    """Policy clauses, handbook chapters, lessons and published cases keep their full entries."""
    project, site, ids = city
    locations = {d["location"] for d in index_docs(site)}
    pages = {loc.partition("#")[0] for loc in locations}
    for case_id in ids["cases"]:
        assert f"cases/{case_id}/" in pages
    drafts = [p.stem for p in (project / "casebook").glob("*.md") if "status: draft" in p.read_text(encoding="utf-8")]
    assert drafts and not any(f"cases/{d}/" in pages for d in drafts), "a draft never reaches the index"
    for module in ids["modules"]:
        lessons = sorted((project / "training_modules" / module).glob("*.md"))
        for lesson in lessons:
            assert f"training/{module}/{lesson.stem}/" in pages
    chapters = [p for p in (project / "docs/handbooks").rglob("*.md") if p.name != "index.md"]
    for chapter in chapters:
        assert chapter.relative_to(project / "docs").with_suffix("").as_posix() + "/" in pages
    anchors = set()
    for policy in (project / "docs/policies").glob("*.md"):
        page = site / "policies" / policy.stem / "index.html"
        if not page.exists():  # policies/index.md
            continue
        html = page.read_text(encoding="utf-8")
        anchors |= {f"policies/{policy.stem}/#{a}" for a in re.findall(r'<h[2-6] id="(c[\w-]+)"', html)}
    assert len(anchors) > 20, "policy clause headings were found"
    assert sorted(anchors - locations) == [], "every policy clause heading is a search entry"


def test_index_and_pages_stay_small(city):
    site = city[1]
    raw = (site / "search/search_index.json").read_bytes()
    docs = raw[raw.index(b'"docs"') :]
    assert "导师".encode() in docs and b"\\u5bfc" not in docs, "the index is written as UTF-8, not \\u escapes"
    school_page = (site / "schools" / f"{city[2]['schools'][0]}/index.html").read_text(encoding="utf-8")
    assert school_page.count('class="md-nav__link') < 120, "the navigation in a school page is pruned"


def test_navigation_does_not_grow_with_schools_or_cases(city):
    """No school or case is in any page's navigation, so it is the same at any scale."""
    project, site, ids = city
    pages = [site / "index.html", site / "schools/index.html", site / "cases/index.html"]
    pages += [site / "schools" / ids["schools"][0] / "index.html", site / "cases" / ids["cases"][0] / "index.html"]
    for html_page in pages:
        html = html_page.read_text(encoding="utf-8")
        links = re.findall(r'<a href="([^"]*)"[^>]*class="md-nav__link', html)
        links += re.findall(r'class="md-nav__link[^"]*"[^>]*href="([^"]*)"', html)
        assert links, html_page
        bad = [link for link in links if "bench-0" in link or "bench-case-" in link]
        assert bad == [], f"{html_page}: {bad}"


@pytest.mark.parametrize(
    ("kind", "query", "expect"),
    [
        # The worker lists sections for the first 10 pages: a clause is found by its topic.
        ("policy clause", "规范教学管理", "policies/shanghai-2023-25/#c6-3"),
        ("lesson", "学生家访", "training/home-visit/01-home-visit/"),
        ("school by name", None, "school"),
        ("school by district", None, "district"),
        ("published case", None, "case"),
    ],
)
def test_browser_search_finds_each_kind(page, city, city_url, kind, query, expect):
    project, site, ids = city
    if expect == "school":
        school_id = ids["schools"][5]
        query, expect = school(project, school_id)["name"], f"schools/{school_id}/"
    elif expect == "district":
        school_id = ids["schools"][3]
        query, expect = school(project, school_id)["district"], f"schools/{school_id}/"
    elif expect == "case":
        query, expect = "第一次家访", "cases/bench-case-0004/"
    results = search(page, city_url, query)
    pages = {r.partition("#")[0] for r in results} | set(results)
    assert expect in pages, f"{kind}: {query} → {results}"
