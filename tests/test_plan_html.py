"""School plans' sections written as HTML directly (macros/plans/plan_html.py, put into the page by
macros/glue/compat/html_tails.py): every page of a sample city converts to exactly what MkDocs
gives (HTML, table of contents, title, anchors, links to anchors), and text Python-Markdown would
not print unchanged is left to it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure import pages
from mkdocs.structure.files import get_files

from macros import composition
from macros.build import session
from macros.core import site
from macros.glue.compat import html_tails
from macros.plans import plan_html
from macros.plans.plan_document import Block
from scripts.benchcity import Sizes
from tests.conftest import sample_city_markdown

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("导师每学期家访 2 次", "导师每学期家访 2 次"),
        ("家长 & 学生 <一起>", "家长 &amp; 学生 &lt;一起&gt;"),
        ("“成长寄语”", "“成长寄语”"),
        ('"quoted"', "&quot;quoted&quot;"),
        ("", None),
        (" 前有空格", None),
        ("后有空格 ", None),
        ("a*b", None),  # Markdown syntax, escaped in the Markdown: left to the converter
        ("a_b", None),
        ("第 #1 项", None),
        ("it's", None),  # html.escape writes &#x27;, whose # md_esc escapes again
        ("a\tb", None),
        ("a\nb", None),
        ("- 列表", None),
        ("+ 列表", None),
        ("1. 第一", None),
        ("2) 第二", None),
        (": 定义", None),
        ("??? 折叠", None),
        ("--- 分隔", None),
        ("> 引用", None),
        ("2024年9月", "2024年9月"),
    ],
)
def test_only_text_the_converter_prints_unchanged_is_written(text, html):
    assert plan_html.plain_html(text) == html


def test_a_heading_with_repeated_spaces_is_left_to_the_converter():
    assert plan_html.plain_html("一  二", heading=True) is None
    assert plan_html.plain_html("一 二", heading=True) == "一 二"


def _plan(monkeypatch, blocks: list[Block]) -> dict:
    from macros.plans import plan_document

    section = plan_document.Section("x", "测试", blocks)
    monkeypatch.setattr(plan_html, "plan_sections", lambda plan: [section])
    return {}


def test_two_lists_in_a_row_are_left_to_the_converter(monkeypatch):
    """Python-Markdown joins two lists between blank lines into one loose list."""
    plan = _plan(monkeypatch, [Block("list", items=["甲"]), Block("list", items=["乙"])])
    assert plan_html.render_plan_body(plan) is None
    plan = _plan(monkeypatch, [Block("list", items=["甲"]), Block("p", text="段落"), Block("list", items=["乙"])])
    assert plan_html.render_plan_body(plan) is not None


def test_tables_of_uneven_or_no_rows_are_left_to_the_converter(monkeypatch):
    assert plan_html.render_plan_body(_plan(monkeypatch, [Block("table", header=["a", "b"], rows=[["1"]])])) is None
    assert plan_html.render_plan_body(_plan(monkeypatch, [Block("table", header=["a", "b"], rows=[])])) is None
    assert plan_html.render_plan_body(_plan(monkeypatch, [Block("table", header=["a", "b"], rows=[["1", "2"]])])) is not None


def _render(page, config, files) -> tuple:
    links = {f.src_uri: dict(v) for f, v in (page.links_to_anchors or {}).items()}

    def toc(items) -> list:
        return [(i.level, i.id, i.title, getattr(i, "active", False), toc(i.children)) for i in items]

    return page.content, toc(page.toc), page._title_from_render, page.present_anchor_ids, links


def _both_ways(file, config, files) -> tuple[bool, pages.Page]:
    """``file`` converted by MkDocs and with its tail written directly, compared; whether the
    tail path took the page, and that page."""
    original = pages.Page.render
    page = pages.Page(None, file, config)
    page.read_source(config)
    original(page, config, files)
    want = _render(page, config, files)
    page = pages.Page(None, file, config)
    page.read_source(config)
    taken = html_tails.render_with_tail(page, config, files, original)
    if not taken:
        original(page, config, files)
    assert _render(page, config, files) == want, file.src_uri
    return taken, page


def _compare(config_file: Path) -> tuple[int, int]:
    """Every page of the docs tree, converted by MkDocs and with the tail written directly:
    (pages, pages whose tail was written)."""
    config = load_config(str(config_file))
    files = get_files(config)
    total = tails = 0
    html_tails.stats().update(written=0, whole=0)
    for file in files.documentation_pages():
        taken, page = _both_ways(file, config, files)
        tail = composition.page_tail(site.current(), file.src_uri, page.markdown)
        assert taken == (tail is not None), file.src_uri
        total += 1
        tails += tail is not None
    assert html_tails.stats() == {"written": tails, "whole": 0}
    return total, tails


def test_every_page_of_a_sample_city_converts_as_mkdocs_does(tmp_path):
    """A city of 60 schools built once; its pages' final Markdown (BENCH_DUMP_MARKDOWN) converted
    both ways with the portal's Markdown extensions, the city's plans loaded as in a build."""
    city, config_file = sample_city_markdown(tmp_path, Sizes(schools=60, cases=4, drafts=1, modules=1, districts=4))
    session.start(session.BUILD)
    site.start(composition.new_project(city))
    total, written = _compare(config_file)
    # Every school page (the generated samples' text is plain) and nothing else.
    assert total > 60 and written >= 60


def _extensions() -> str:
    """The portal's markdown_extensions block, as mkdocs.yml writes it (its toc slugify included)."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    block = re.search(r"^markdown_extensions:\n(?:(?:  .*)?\n)+", text, re.M)
    assert block is not None
    return block.group(0)


@pytest.mark.parametrize(
    ("head", "whole", "ids"),
    [
        # A tail heading whose anchor the page has already, and a sub-heading twice in the tail: _1, _2.
        ("# 学校\n\n## 一、测试\n\n## 组长\n\n段落\n", False, ["一测试_1", "组长_1", "组长_2"]),
        # A heading's own id (attr_list) is taken too.
        ("# 学校 { #一测试 }\n", False, ["一测试_1", "组长", "组长_1"]),
        # An id that is not a heading's: the page is converted whole, as MkDocs does.
        ("# 学校\n\n段落\n{: #组长 }\n", True, ["组长_1", "组长_2"]),
    ],
)
def test_tail_headings_get_the_anchors_the_converter_gives(tmp_path, monkeypatch, head, whole, ids):
    from macros.plans import schools

    blocks = [Block("h", text="组长"), Block("p", text="甲"), Block("list", items=["乙", "丙"]), Block("h", text="组长")]
    plan = _plan(monkeypatch, blocks)
    monkeypatch.setattr(schools, "plan_sections", plan_html.plan_sections)
    tail = "\n".join(schools.plan_body_lines(plan))
    pieces = plan_html.render_plan_body(plan)
    assert pieces is not None
    monkeypatch.setattr(
        composition, "page_tail", lambda project, src_uri, md: (tail, pieces) if md.endswith("\n" + tail) else None
    )
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "s.md").write_text(head + "\n" + tail, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n" + _extensions(), encoding="utf-8")
    session.start(session.BUILD)
    site.start(object())  # type: ignore[arg-type]  # page_tail is replaced: no project is read
    html_tails.stats().update(written=0, whole=0)
    config = load_config(str(tmp_path / "mkdocs.yml"))
    files = get_files(config)
    taken, page = _both_ways(files.get_file_from_path("s.md"), config, files)
    assert taken
    assert html_tails.stats() == {"written": int(not whole), "whole": int(whole)}
    assert all(f' id="{i}">' in page.content for i in ids)


def test_no_portal_build_no_tail(tmp_path):
    """A conversion outside a portal build (no project) is MkDocs' own."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "s.md").write_text("# 标题\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    session.start(session.BUILD)
    config = load_config(str(tmp_path / "mkdocs.yml"))
    files = get_files(config)
    page = pages.Page(None, files.get_file_from_path("s.md"), config)
    page.read_source(config)
    assert not html_tails.render_with_tail(page, config, files, pages.Page.render)


def test_a_toc_marker_leaves_the_page_to_the_converter(tmp_path, monkeypatch):
    monkeypatch.setattr(composition, "page_tail", lambda project, src_uri, md: ("尾", ["<p>尾</p>"]))
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "s.md").write_text("[TOC]\n\n尾", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n" + _extensions(), encoding="utf-8")
    session.start(session.BUILD)
    site.start(object())  # type: ignore[arg-type]
    config = load_config(str(tmp_path / "mkdocs.yml"))
    files = get_files(config)
    page = pages.Page(None, files.get_file_from_path("s.md"), config)
    page.read_source(config)
    assert not html_tails.render_with_tail(page, config, files, pages.Page.render)
