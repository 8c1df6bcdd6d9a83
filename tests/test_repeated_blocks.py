"""Tables put together from rows converted once per build (macros/glue/compat/repeated_blocks.py):
every page of a sample city converts to exactly what MkDocs gives (HTML, table of contents,
title, anchors, links to anchors), the tables it may take are the ones Python-Markdown reads
as tables, and a row whose link is broken is still reported by every page that has it."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure import pages
from mkdocs.structure.files import get_files

from macros.build import session
from macros.glue.compat import repeated_blocks
from scripts.benchcity import Sizes
from tests.conftest import sample_city_markdown


@pytest.mark.parametrize(
    ("markdown", "found"),
    [
        ("| a | b |\n|---|---|\n| 1 | 2 |\n", [(0, 2)]),
        ("text\n\n| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n\nmore", [(2, 5)]),
        ("text\n| a | b |\n|---|---|\n| 1 | 2 |\n", []),  # no blank line before: not a table of its own
        ("| a | b |\n|---|---|\n| 1 | 2 |\nlazy line\n", []),  # the table's block runs on
        ("| a | b |\n|---|---|\n| `x|y` | 2 |\n", []),  # code spans split their own way
        ("| a | b |\n|---|---|\n| x \\| y | 2 |\n", []),  # an escaped pipe
        ("| a | b |\n|---|---|\n| 1 | 2 | 3 |\n", []),  # more cells than the header
        ("| a | b |\n|---|---|\n", []),  # no rows
        ("| a |\n|---|\n| 1 |\n", []),  # one column
        ("```\n| a | b |\n|---|---|\n| 1 | 2 |\n```\n", []),  # in a fence
        ("| [a](x.md) | b |\n|---|---|\n| 1 | 2 |\n", []),  # a link in the header
        ("| a | b |\n|---|---|\n| 1 | 2 |\n\n*[HTML]: Hyper Text\n", []),  # page-wide abbreviations
        ("| a | b |\n|---|---|\n| [1][r] | 2 |\n\n[r]: x.md\n", []),  # reference definitions
    ],
)
def test_tables_are_the_blocks_python_markdown_reads_as_tables(markdown, found):
    assert repeated_blocks.tables(markdown) == found


def _render(page, config, files, render):
    page.read_source(config)
    render(page, config, files)
    links = {f.src_uri: dict(v) for f, v in (page.links_to_anchors or {}).items()}
    toc = [(i.level, i.id, i.title, [(c.id, c.title) for c in i.children]) for i in page.toc]
    return page.content, toc, page._title_from_render, page.present_anchor_ids, links


def _compare(config_file: Path) -> tuple[int, int]:
    """Every page of the docs tree, converted by MkDocs and by the patch: (pages, by rows)."""
    session.start(session.BUILD)
    config = load_config(str(config_file))
    files = get_files(config)
    original = pages.Page.render
    taken = 0
    total = 0
    for file in files.documentation_pages():
        want = _render(pages.Page(None, file, config), config, files, original)
        page = pages.Page(None, file, config)
        page.read_source(config)
        by_rows = repeated_blocks.render_tables(page, config, files, original)
        if not by_rows:
            original(page, config, files)
        links = {f.src_uri: dict(v) for f, v in (page.links_to_anchors or {}).items()}
        toc = [(i.level, i.id, i.title, [(c.id, c.title) for c in i.children]) for i in page.toc]
        got = page.content, toc, page._title_from_render, page.present_anchor_ids, links
        assert got == want, file.src_uri
        taken += by_rows
        total += 1
    return total, taken


def test_every_page_of_a_sample_city_converts_as_mkdocs_does(tmp_path):
    """A city of 40 schools (their 政策符合情况 tables repeat rows) built once; its pages' final
    Markdown (BENCH_DUMP_MARKDOWN) converted both ways with the portal's Markdown extensions."""
    _, config_file = sample_city_markdown(tmp_path, Sizes(schools=40, cases=10, drafts=2, modules=2, districts=4))
    total, taken = _compare(config_file)
    # The first school page pays as before; the others (and nothing by chance) take the rows.
    assert total > 40 and 39 <= taken < total


def test_a_broken_link_in_a_repeated_row_is_reported_by_every_page(tmp_path, caplog):
    docs = tmp_path / "docs"
    docs.mkdir()
    table = '| 结果 | 依据 |\n|---|---|\n| ✓ 已达标 | [沪教委德〔2023〕25号 五（一）](missing.md#c5-1 "（一）做好导师匹配") |\n'
    for n in range(3):
        (docs / f"s{n}.md").write_text(f"# 学校 {n}\n\n{table}", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nmarkdown_extensions:\n  - tables\n", encoding="utf-8")
    session.start(session.BUILD)
    config = load_config(str(tmp_path / "mkdocs.yml"))
    files = get_files(config)
    original = pages.Page.render
    logged = {}
    for label, render in (("mkdocs", original), ("rows", None)):
        caplog.clear()
        with caplog.at_level(logging.INFO, logger="mkdocs"):
            for file in files.documentation_pages():
                page = pages.Page(None, file, config)
                page.read_source(config)
                if render is not None:
                    render(page, config, files)
                else:
                    assert not repeated_blocks.render_tables(page, config, files, original), "a row that logs is left in its page"
                    original(page, config, files)
        logged[label] = [r.getMessage() for r in caplog.records]
    assert len(logged["mkdocs"]) == 3 and logged["rows"] == logged["mkdocs"]
