"""The gate's scope: every published text (case front matter and body, alt and link text,
tips, news, collection introductions) and pseudonyms that must look like pseudonyms."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.casebook.anon_scope import check_published_texts, looks_like_pseudonym, scan_document
from macros.casebook.listings import check_collections
from macros.composition import new_project
from macros.core.yamlload import load_front_matter


def scan(tmp_path: Path, text: str, severity: str = "error") -> list[tuple[int, str, str]]:
    path = tmp_path / "case.md"
    path.write_text(text, encoding="utf-8")
    doc, body, problems = load_front_matter(path, "casebook/case.md")
    assert problems == [] and doc is not None
    return [(p.line, p.rule, p.severity) for p in scan_document(doc, path, "casebook/case.md", body, severity)]


@pytest.mark.parametrize(
    "name,ok",
    [
        ("小A", True),
        ("小A妈妈", True),
        ("学生甲", True),
        ("A老师", True),
        ("家长B", True),
        ("王某", True),
        ("李某某", True),
        ("小明（化名）", True),
        ("王小明(化名)", True),
        ("甲同学", True),
        ("王小明", False),
        ("秀英", False),
        ("张老师", False),
        ("小明", False),
    ],
)
def test_pseudonym_forms(name: str, ok: bool) -> None:
    assert looks_like_pseudonym(name) is ok


def test_a_real_looking_pseudonym_needs_a_reviewed_entry(tmp_path) -> None:
    text = "---\ntitle: 某案例\npseudonyms: [小A, 王小明]\n---\n\n王小明和小A一起来了。\n"
    assert scan(tmp_path, text) == [(3, "CASE-ANON-PSEUDONYM", "error")]
    reviewed = "---\ntitle: 某案例\npseudonyms: [小A, 王小明]\nreviewed_terms: [王小明]\n---\n\n王小明和小A一起来了。\n"
    assert scan(tmp_path, reviewed) == []  # the reviewed entry is used, so not stale either


def test_every_front_matter_field_alt_text_and_link_text_are_scanned(tmp_path) -> None:
    text = (
        "---\ntitle: 王秀英的故事\nsummary: 联系电话13912345678\nquestions:\n  - 小周为什么哭？\n"
        "pseudonyms: [小A]\n---\n\n![陈美玲在家访](img/visit.png)\n\n见[赵雨桐的作文](essay.md)。\n"
    )
    assert [(line, rule) for line, rule, _ in scan(tmp_path, text)] == [
        (2, "CASE-ANON-NAME"),
        (3, "CASE-ANON-PHONE"),
        (5, "CASE-ANON-NAME"),
        (9, "CASE-ANON-NAME"),
        (11, "CASE-ANON-NAME"),
    ]


def test_tips_news_and_collection_introductions_are_scanned(project_copy) -> None:
    (project_copy / "tipbook" / "leak.md").write_text(
        "---\nid: leak\ntitle: 测试锦囊\ndistrict: 示例\nyear: 2026\nsource: 本项目编写（示例）\nstatus: published\n---\n\n"
        "## 一条锦囊\n标签：家访\n\n家访前先给王秀英的妈妈打电话：13912345678。\n",
        encoding="utf-8",
    )
    (project_copy / "docs/news/posts/2026-01-01-leak.md").write_text(
        "---\ndate: 2026-01-01\nslug: leak\ndescription: 测试\ndraft: true\nsource: {title: 测试, published: 2026-01-01}\n---\n\n"
        "# 测试动态\n\n春晖中学七（2）班的家长会。\n",
        encoding="utf-8",
    )
    collections = project_copy / "data" / "collections.yml"
    collections.write_text(
        collections.read_text(encoding="utf-8").replace("适合新任导师", "适合小周这样的新任导师", 1), encoding="utf-8"
    )
    project = new_project(project_copy)
    found = [(p.path, p.line, p.rule, p.severity) for p in check_published_texts(project)]
    assert ("tipbook/leak.md", 13, "CASE-ANON-NAME", "error") in found
    assert ("tipbook/leak.md", 13, "CASE-ANON-PHONE", "error") in found
    assert ("docs/news/posts/2026-01-01-leak.md", 11, "CASE-ANON-SCHOOL", "warning") in found  # a draft
    assert ("docs/news/posts/2026-01-01-leak.md", 11, "CASE-ANON-CLASS", "warning") in found
    assert any(p.rule == "CASE-ANON-NAME" and p.path == "data/collections.yml" for p in check_collections(project))


def test_shipped_content_passes_the_gate() -> None:
    from conftest import ROOT

    from macros.casebook.cases import check_casebook

    project = new_project(ROOT)
    problems = check_published_texts(project) + check_casebook(project) + check_collections(project)
    assert [p.format() for p in problems if p.rule.startswith("CASE-ANON")] == []
