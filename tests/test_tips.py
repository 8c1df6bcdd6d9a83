"""District tips (锦囊): parsing, tag checks, the publication gate and the pages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

from macros.composition import new_project
from macros.tips.tips import parse_tips, published_tip_collections, tips_pages

VOCAB = ["家访", "谈心谈话", "家校沟通"]


def test_tips_are_sections_with_tags() -> None:
    body = "# 集\n\n简介。\n\n## 第一条\n标签：家访、家校沟通\n\n正文一。\n\n## 第二条\n标签: 谈心谈话\n正文二。\n"
    intro, tips, problems = parse_tips("tipbook/x.md", body, 5, VOCAB)
    assert problems == []
    assert intro == "简介。"
    assert [(t.title, t.tags, t.body, t.anchor) for t in tips] == [
        ("第一条", ["家访", "家校沟通"], "正文一。", "tip-1"),
        ("第二条", ["谈心谈话"], "正文二。", "tip-2"),
    ]


def test_unknown_and_missing_tags_are_reported_with_positions() -> None:
    body = "## 第一条\n标签：家访、家坊\n正文。\n\n## 第二条\n没有标签的正文。\n"
    _, _, problems = parse_tips("tipbook/x.md", body, 6, VOCAB)
    assert [(p.line, p.col, p.message[:9]) for p in problems] == [(8, 7, "未知标签“家坊”，"), (11, 1, "锦囊“第二条”缺少")]


def write_collection(project: Path, name: str, status: str, extra: str = "") -> None:
    (project / "tipbook" / f"{name}.md").write_text(
        f"---\nid: {name}\ntitle: 测试锦囊 {name}\ndistrict: 示例\nyear: 2026\nsource: 本项目编写（示例）\nstatus: {status}\n{extra}---\n\n"
        "## 一条锦囊\n标签：家访\n\nTIPMARKER9Q 正文。\n",
        encoding="utf-8",
    )


def test_only_published_collections_become_pages(project_copy: Path) -> None:
    write_collection(project_copy, "draft-tips", "draft")
    write_collection(project_copy, "new-tips", "published")
    project = new_project(project_copy)
    uris = [p.src_uri for p in tips_pages(project)]
    assert "tips/new-tips.md" in uris and "tips/draft-tips.md" not in uris
    assert {c.id for c in published_tip_collections(project)} >= {"home-visit-ten-things", "talk-timing-and-methods"}


def test_bad_front_matter_is_an_error_with_position(project_copy: Path) -> None:
    write_collection(project_copy, "bad-tips", "published", "yaer: 2026\n")
    (project_copy / "tipbook" / "sample-tips.md").write_text(
        "---\nid: sample-tips\ntitle: x\ndistrict: 示例\nyear: 2026\nsource: 某区教育局\nstatus: published\n---\n\n## a\n标签：家访\n正文\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts/check.py"), "--root", str(project_copy)], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "tipbook/bad-tips.md:8:1: error: 未知字段“yaer”，是否想写“year”？" in result.stdout
    assert "tipbook/sample-tips.md:6:9: error: 示例锦囊集的“来源”应写明由本项目编写的示例" in result.stdout


def test_collection_page_has_cards_and_index_links_every_tip(built_site: Path) -> None:
    page = (built_site / "tips" / "home-visit-ten-things" / "index.html").read_text(encoding="utf-8")
    assert page.count('class="card tip-card"') == 10
    assert 'id="tip-10"' in page and "本锦囊集由门户项目编写，仅作示例" in page
    index = (built_site / "tips" / "index.html").read_text(encoding="utf-8")
    assert 'href="home-visit-ten-things/#tip-10"' in index
    assert 'href="talk-timing-and-methods/#tip-8"' in index
    assert "学生家访（10）" in index
    assert "嘉定" not in page + index


def test_tag_links_reach_the_theme_on_the_tips_index(built_site: Path) -> None:
    """Tag links are raw HTML (MkDocs does not rewrite them): each must reach a built page and anchor."""
    import posixpath
    import re

    checked = 0
    for page in (built_site / "tips").glob("*/index.html"):
        html = page.read_text(encoding="utf-8")
        for href in re.findall(r'class="tip-tag" href="([^"]+)"', html):
            path, _, anchor = href.partition("#")
            target = posixpath.normpath(posixpath.join(page.parent.relative_to(built_site).as_posix(), path))
            target_file = built_site / target / "index.html"
            assert target_file.exists(), (page, href)
            assert f'id="{anchor}"' in target_file.read_text(encoding="utf-8"), (page, href)
            checked += 1
    assert checked > 0
