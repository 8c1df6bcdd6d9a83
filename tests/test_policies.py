"""Clause parsing, anchors, citations and the policy header: pure functions."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.policy.policies import (
    PolicyLibrary,
    UnknownReference,
    anchor_policy_markdown,
    cn_to_int,
    load_library,
    normalise_clause_key,
    parse_clauses,
    render_clause_link,
)

ROOT = Path(__file__).resolve().parent.parent

BODY = """# 通知

## 某某方案

### 一、指导思想

坚持以人为本。

### 五、主要任务

#### （三）落实重点工作

导师对学生发展指导包含三项重点工作。

1\\. 学生家访：每学年至少进行 1 次家访。

2\\. 谈心谈话：经常与学生谈心谈话。

#### （四）强化教师研训

第一、明确职责。1. 成为良师益友。

### 十二、附则

本方案自印发之日起施行。
"""


@pytest.mark.parametrize("numeral, value", [("一", 1), ("九", 9), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23)])
def test_cn_to_int(numeral, value):
    assert cn_to_int(numeral) == value


@pytest.mark.parametrize("bad", ["", "零", "一二", "abc"])
def test_cn_to_int_rejects(bad):
    with pytest.raises(ValueError):
        cn_to_int(bad)


def test_parse_clauses_keys_and_anchors():
    clauses, _ = parse_clauses(BODY)
    assert [(c.key, c.anchor) for c in clauses] == [
        ("一", "c1"),
        ("五", "c5"),
        ("五（三）", "c5-3"),
        ("五（三）1", "c5-3-1"),
        ("五（三）2", "c5-3-2"),
        ("五（四）", "c5-4"),
        ("五（四）第一", "c5-4-1"),
        ("十二", "c12"),
    ]


def test_heading_clause_text_includes_what_follows():
    clauses = {c.key: c for c in parse_clauses(BODY)[0]}
    assert clauses["五（三）"].text.startswith("（三）落实重点工作：导师对学生发展指导包含三项重点工作。")
    assert clauses["五（三）1"].text == "1. 学生家访：每学年至少进行 1 次家访。"


def test_anchor_policy_markdown_adds_attribute_lists():
    out = anchor_policy_markdown(BODY)
    assert "### 五、主要任务 {: #c5 }" in out
    assert "1\\. 学生家访：每学年至少进行 1 次家访。\n{: #c5-3-1 }" in out
    assert "## 某某方案\n" in out  # unnumbered headings are left alone


@pytest.mark.parametrize("raw, key", [("五(三)", "五（三）"), (" 五（三） 1 ", "五（三）1"), ("六（四）第二、", "六（四）第二")])
def test_normalise_clause_key(raw, key):
    assert normalise_clause_key(raw) == key


@pytest.fixture(scope="module")
def library() -> PolicyLibrary:
    library, problems = load_library(ROOT / "docs", ROOT)
    assert problems == []
    return library


@pytest.mark.parametrize(
    "doc, clause, anchor",
    [
        ("沪教委德〔2023〕25号", "五（三）", "c5-3"),
        ("shanghai-2023-25", "五（三）2", "c5-3-2"),
        ("minhang-2021", "六（四）第二", "c6-4-2"),
        ("minhang-2021", "六(二)", "c6-2"),
    ],
)
def test_shipped_library_resolves(library, doc, clause, anchor):
    _, found = library.resolve(doc, clause)
    assert found.anchor == anchor


@pytest.mark.parametrize(
    "doc, clause, message",
    [
        ("沪教委德〔2099〕1号", "一", "未知的政策文件“沪教委德〔2099〕1号”"),
        ("沪教委德〔2023〕25号", "九", "中没有条款“九”"),
    ],
)
def test_unknown_references(library, doc, clause, message):
    with pytest.raises(UnknownReference, match=message):
        library.resolve(doc, clause)


def test_clause_link_is_relative_with_hover_text(library):
    link = render_clause_link(library, "沪教委德〔2023〕25号", "五（一）", "training/index.md")
    assert link.startswith("[沪教委德〔2023〕25号 五（一）](../policies/shanghai-2023-25.md#c5-1 ")
    assert "不超过15名" in link


def test_clause_link_escapes_custom_text(library):
    link = render_clause_link(library, "minhang-2021", "一", "index.md", text="<b>指导思想</b>")
    assert "<b>" not in link and "&lt;b&gt;" in link


def test_every_policy_has_its_clauses(library):
    counts = {p.id: len(p.clauses) for p in library.policies}
    assert counts["shanghai-2023-25"] >= 20
    assert counts["minhang-2021"] >= 25
    assert counts["changning-2023-52"] == 0
