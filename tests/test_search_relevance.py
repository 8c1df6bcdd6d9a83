"""The portal's search as a reader uses it, on the shipped site built for the address it is
served at: the query set (tests/search_queries.yml) typed into the header search box reaches
the measured figure; nothing of the index is fetched before the reader searches, also after
in-site navigation; keyboard, 360 px and highlights work; the index files are what the
build wrote from Material's index (quiz pages stay out, schools stay compact)."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from conftest import ROOT, run_mkdocs_build, shipped_asset
from nodejs import PORTAL, run_node
from searchui import settle

from macros.core import scriptmin
from scripts import search_eval

# The figures reached in Chromium (docs/about/performance.md, docs/about/search-engine.md).
# Lowering them needs a reason in the commit message: they fail the test when relevance drops.
FIRST_AT_LEAST = 48  # of 51: 94 %
TOP3_AT_LEAST = 51  # of 51: the goal
# The held-out set (tests/search_queries_heldout.yml) was written before it was run and is not
# used to tune the ranking: its figure shows the ranking is not fitted to the main set.
HELDOUT_FIRST_AT_LEAST = 28  # of 29
HELDOUT_TOP3_AT_LEAST = 29  # of 29


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory, browser):
    """(site dir, base URL, recorder): built with SITE_URL set to the address it is served at."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    site = tmp_path_factory.mktemp("search-site")
    result = run_mkdocs_build(ROOT, site, site_url=base)
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr
    recorder = search_eval.Recorder()
    server = search_eval.serve(site, port, recorder)
    yield site, base, recorder
    server.shutdown()
    server.server_close()


@pytest.fixture
def reader(browser, served):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert errors == []


def index_requests(recorder, mark: int) -> list[str]:
    return [p for p in recorder.since(mark) if p.startswith("/search/")]


def test_query_set_reaches_the_measured_figure(served, browser):
    site, base, recorder = served
    queries = search_eval.load_queries()
    run = search_eval.evaluate("material", site, base, recorder, queries, browser)
    assert run.errors == []
    first, top3 = search_eval.hits(run, queries, 1), search_eval.hits(run, queries, 3)
    report = search_eval.text_report([run], queries)
    assert first >= FIRST_AT_LEAST, report
    assert top3 >= TOP3_AT_LEAST, report
    assert run.first_visit_search < 8_000  # the worker's code only, no index
    assert 0 < run.first_query < 300_000


def test_heldout_set_reaches_its_figure(served, browser):
    site, base, recorder = served
    queries = search_eval.load_queries(search_eval.HELDOUT)
    run = search_eval.evaluate("material", site, base, recorder, queries, browser)
    assert run.errors == []
    report = search_eval.text_report([run], queries)
    assert search_eval.hits(run, queries, 1) >= HELDOUT_FIRST_AT_LEAST, report
    assert search_eval.hits(run, queries, 3) >= HELDOUT_TOP3_AT_LEAST, report


def test_nothing_of_the_index_before_search_also_after_navigation(served, reader):
    _, base, recorder = served
    mark = recorder.mark()
    reader.goto(base, wait_until="networkidle")
    reader.locator(".md-tabs__link, .md-nav__link[href]").filter(has_text="政策文件").first.click()
    reader.wait_for_url(f"{base}policies/**")
    reader.wait_for_load_state("networkidle")
    assert reader.locator("#__config").count() == 1
    assert index_requests(recorder, mark) == []
    # The reader opens search with "/" and types: now the index files come.
    reader.keyboard.press("/")
    box = reader.locator("input.md-search__input")
    box.fill("导师匹配")
    box.press("End")
    reader.locator(".md-search-result__meta").filter(has_text="符合条件的结果").wait_for()
    fetched = index_requests(recorder, mark)
    assert "/search/portal/meta.json" in fetched and any(p.startswith("/search/portal/t/") for p in fetched)
    assert "/search/search_index.json" not in fetched


def test_keyboard_enter_opens_the_first_result_with_whole_terms_marked(served, reader):
    _, base, _ = served
    reader.goto(base, wait_until="networkidle")
    reader.keyboard.press("s")
    box = reader.locator("input.md-search__input")
    box.fill("家访")
    box.press("End")
    first = reader.locator(".md-search-result__item a").first
    first.wait_for()
    marks = reader.locator(".md-search-result mark").evaluate_all("els => els.map(e => e.textContent)")
    assert marks and all("家访" in m for m in marks), marks  # never the single character 家
    href = first.get_attribute("href")
    reader.keyboard.press("ArrowDown")
    assert reader.evaluate("document.activeElement.classList.contains('md-search-result__link')")
    reader.keyboard.press("ArrowUp")
    box.press("Enter")
    reader.wait_for_url(href.partition("#")[0] + "*")
    page_marks = reader.locator("article mark[data-md-highlight]")
    page_marks.first.wait_for()
    assert set(page_marks.all_inner_texts()) == {"家访"}
    reader.keyboard.press("/")
    reader.keyboard.press("Escape")
    assert not reader.locator("#__search").is_checked()


def test_search_at_360px_finds_a_school_by_district(served, browser):
    _, base, _ = served
    context = browser.new_context(locale="zh-CN", viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto(base, wait_until="networkidle")
        page.locator("label.md-header__button[for=__search]").click()
        box = page.locator("input.md-search__input")
        box.fill("示例一区")
        box.press("End")
        page.locator(".md-search-result__meta").filter(has_text="符合条件的结果").wait_for()
        hrefs = page.locator(".md-search-result__item > a").evaluate_all("els => els.map(e => e.href)")
        assert any("/schools/xinghe-primary/" in h for h in hrefs), hrefs
        settle(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        assert page.locator(".md-search-result__meta").inner_text().endswith("符合条件的结果")
    finally:
        context.close()


def test_index_files_cover_exactly_materials_index(served):
    """The shards are written from the index Material wrote: quiz pages and other excluded
    pages stay out, each school is one compact entry."""
    site, _, _ = served
    material = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    meta = json.loads((site / "search" / "portal" / "meta.json").read_text(encoding="utf-8"))
    pages = [p[1] for p in meta["pages"]]
    assert pages == list(dict.fromkeys(d["location"].partition("#")[0] for d in material))
    assert meta["docs"] == len(material)
    assert not any("/quiz" in p for p in pages)
    schools = [n for n, p in enumerate(pages) if p.startswith("schools/") and p.count("/") == 2 and p != "schools/editor/"]
    for n in schools:
        sections = json.loads((site / "search" / "portal" / "p" / f"{n}.json").read_text(encoding="utf-8"))
        assert len(sections) == 1 and len(sections[0][2]) < 200
    worker = shipped_asset(site, "assets/javascripts/portal-search.js")  # content-hashed
    assert f'{worker}"' in Path(site / "index.html").read_text(encoding="utf-8")


def test_worker_splits_and_shards_words_as_the_build_does(served):
    """The two sides of the index contract: the worker's word split and FNV-1a shard
    function (docs/assets/portal/search-core.js and hash.js as the site ships them, without
    comments: Node runs the shipped files) agree with macros/core/searchshards.py, characters
    outside the BMP included."""
    site, _, _ = served
    shipped = {name: site / shipped_asset(site, f"assets/portal/{name}") for name in ("search-core.js", "hash.js")}
    for name, path in shipped.items():
        source = (PORTAL / name).read_text(encoding="utf-8")
        # search-core.js names hash.js by its content-hashed name (macros/core/assetnames.py).
        source = source.replace('"./hash.js"', f'"./{shipped["hash.js"].name}"')
        assert path.read_text(encoding="utf-8") == scriptmin.shrink(source)
    from macros.core import searchshards

    samples = ["家访", "一校一策", "foobar", "沪教委德〔2023〕25号", "ＡＢＣ１ Word-Level", "𠀀字", "𪚥"]
    got = run_node(
        """const s = require(input.shipped).createSearch(null);
        return input.samples.map((t) => [s.shardOf(t, 1024), t.split(/[\\s\\u200b-]+/).flatMap(s.wordsOf)]);""",
        {"shipped": str(shipped["search-core.js"]), "samples": samples},
    )
    assert got == [[searchshards.shard_of(s, 1024), searchshards.tokens(s)] for s in samples]


Z = "\u200b"
TIP = [["tip/", "家访", Z.join(["方案", "要求", "导师", "每学年", "至少", "进行", " 1 ", "次", "家访", "。"])]]
POLICY = [
    [
        "policy/#c5",
        "落实",
        Z.join(["导师", "应", "根据", "情况", "，", "每学年", "至少", "进行", " 1 ", "次", "家访", "，", "了解", "家庭"]),
    ]
]
OTHER = [["other/", "家访", Z.join(["每学年", "家访", "一次", "，", "至少", "一次"])]]


@pytest.mark.parametrize(
    ("pages", "asked", "sources", "promoted"),
    [
        ([TIP, POLICY], ["每学年", "至少", "家访"], [1], True),  # the tip quotes the clause the query matched
        ([TIP, POLICY], ["家访"], [1], False),  # one word is not a passage
        ([OTHER, POLICY], ["每学年", "至少", "家访"], [1], False),  # same words, not the same passage
        ([TIP, POLICY], ["每学年", "至少", "家访", "了解"], [1], False),  # no fragment has every word
        ([TIP, POLICY], ["每学年", "至少", "家访"], [0, 1], False),  # a source does not overtake a source
        ([TIP, POLICY], ["每学年", "至少", "家访"], [], False),  # only the policy texts are sources
    ],
)
def test_a_source_goes_ahead_of_a_page_quoting_the_matched_passage(pages, asked, sources, promoted):
    """The worker's ``sourcesFirst`` (docs/assets/portal/search-core.js, run by Node): many pages
    quote a policy clause word for word; when the passage the query matched is such a quote, the
    policy text is put just ahead of the best page quoting it."""
    scores = run_node(
        """const s = require(portal + "/search-core.js").createSearch(null);
        const [pages, asked, src] = input;
        const head = pages.map((_, n) => [n, {}, 10 - 5 * n]);
        s.sourcesFirst(head, pages, asked, new Set(src));
        return head.map((entry) => entry[2]);""",
        [pages, asked, sources],
    )
    assert (scores[1] > scores[0]) is promoted, scores
    assert scores[0] == 10


def quoting_site(folder: Path, sources: list[str]) -> None:
    """A synthetic index: fifteen case pages, each with 家访 in its title and a note quoting the
    clause, outrank the one policy page that holds the clause among longer text."""
    from macros.core import searchshards

    quote = Z.join(["每学年", "至少", "进行", " 1 ", "次", "家访"])
    docs = []
    for n in range(15):
        docs.append(
            {"location": f"cases/c{n}/", "title": Z.join(["家访", f"案例{n}"]), "text": f"相关{Z}条款{Z}：{Z}{quote}{Z}。"}
        )
    filler = Z.join(["导师", "应当", "了解", "学生", "成长", "情况"] * 30)
    clause = Z.join(["导师", "应", "根据", "学生", "的", "实际", "情况"]) + f"{Z}，{Z}{quote}{Z}，{Z}" + filler
    docs.append({"location": "policies/city/", "title": Z.join(["工作", "方案"]), "text": filler})
    docs.append({"location": "policies/city/#c5", "title": Z.join(["重点", "工作"]), "text": clause})
    for name, text in searchshards.build_files(docs, sources=sources).items():
        path = folder / "search" / "portal" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (folder / "index.html").write_text("<!doctype html><title>t</title>", encoding="utf-8")


@pytest.mark.parametrize(("sources", "first"), [(["policies/city/"], "policies/city/"), ([], "cases/c0/")])
def test_a_source_beyond_the_reranked_pages_still_goes_ahead_of_its_quotes(tmp_path, sources, first):
    """At city scale hundreds of cases quote the same clause and push the policy out of the
    pages the worker reranks; a policy that has every query word is compared all the same.
    Without the policy listed as a source, the quoting pages keep their places. The worker's
    search runs in Node on the index files the build writes."""
    quoting_site(tmp_path, sources)
    locations = run_node(
        """const fs = require("fs");
        const folder = input + "/search/portal/";
        const get = async (name, kind) => {
          const text = fs.readFileSync(folder + name, "utf8");
          return kind === "text" ? text : JSON.parse(text);
        };
        const found = await require(portal + "/search-core.js").createSearch(get).search("每学年至少家访几次");
        return found.items.map((item) => item[0].location);""",
        str(tmp_path),
    )
    assert len(locations) == 16
    assert locations[0] == first, locations
    if not sources:
        assert locations.index("policies/city/") >= 12  # the case the test is about: beyond the reranked pages
