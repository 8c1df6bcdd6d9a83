"""LINK-TARGET: a link from a published page to a draft case or a missing page is an error
at the link, from scripts/check.py and from the build (before MkDocs' English warning)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, run_mkdocs_build

from macros.core.linkcheck import link_targets, resolve


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("见[案例](../cases/a.md)。", ["../cases/a.md"]),
        ('[t](b.md "标题") [外部](https://example.org) [锚点](#x) [绝对](/x.md)', ["b.md", "/x.md"]),
        ("```\n[代码里](no.md)\n```\n`[行内](no.md)`", []),
        ('{{ clause("沪教委德〔2023〕25号", "五") }} [宏后](c.md)', ["c.md"]),
        ("[id]: ../d.md\n", ["../d.md"]),
        ("---\ntitle: '[x](fm.md)'\n---\n[正文](e.md)", ["e.md"]),
    ],
)
def test_link_targets_skip_code_macros_and_other_sites(text, expected):
    # Each target is found where it is written (its offset gives the problem's line and column).
    assert link_targets(text) == [(text.rindex(t), t) for t in expected]


def test_resolve_is_relative_to_the_page():
    assert resolve("handbooks/family/02.md", "../../cases/a.md#x") == "cases/a.md"
    assert resolve("cases/a.md", "b%20c.md") == "cases/b c.md"


def test_a_link_to_a_draft_case_is_an_error_at_the_link(project_copy: Path, tmp_path: Path) -> None:
    page = project_copy / "casebook" / "home-visit-first.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(
        text.rstrip("\n") + "\n\n另见[一个草稿](draft-homework-feedback.md)和[不存在的页](../handbooks/nope.md)。\n",
        encoding="utf-8",
    )
    line = text.rstrip("\n").count("\n") + 3
    check = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check.py"), "--root", str(project_copy)], capture_output=True, text=True
    )
    assert check.returncode == 1, check.stdout + check.stderr
    expected = [
        f"casebook/home-visit-first.md:{line}:10: error: 链接“draft-homework-feedback.md”指向的页面或文件不存在 [LINK-TARGET]",
        f"casebook/home-visit-first.md:{line}:46: error: 链接“../handbooks/nope.md”指向的页面或文件不存在 [LINK-TARGET]",
    ]
    found = [ln for ln in check.stdout.splitlines() if "LINK-TARGET" in ln]
    for ln, e in zip(found, expected, strict=True):
        head, _, rule = e.rpartition(" [")
        assert ln.startswith(head) and ln.endswith(f" [{rule}"), (ln, e)
    build = run_mkdocs_build(project_copy, tmp_path / "site")
    output = build.stdout + build.stderr
    assert build.returncode == 1 and "LINK-TARGET" in output and "Traceback" not in output


# ------------------------------------------------------------------ LINK-ANCHOR


@pytest.mark.parametrize(
    ("message", "called"),
    [
        (
            "Doc file 'a/b.md' contains a link '../c.md#x-y', but the doc 'c.md' does not contain an anchor '#x-y'.",
            ("a/b.md", "../c.md#x-y", "c.md", "x-y"),
        ),
        (
            "Doc file 'a/b.md' contains a link '#本节', but there is no such anchor on this page.",
            ("a/b.md", "#本节", "a/b.md", "本节"),
        ),
        (
            "Doc file 'a.md' contains a link '#fnref:1', but there is no such anchor on this page. "
            "This seems to be a footnote that is never referenced.",
            ("a.md", "#fnref:1", "a.md", "fnref:1"),
        ),
        ("Doc file 'a.md' contains a link 'b.md', but the target is not found among documentation files.", None),
    ],
)
def test_anchor_messages_are_rewritten_at_the_link(message, called):
    import logging

    from macros.core.problems import Problem
    from macros.glue.compat.anchor_messages import AnchorMessages

    calls = []

    def locate(*args):
        calls.append(args)
        return Problem("docs/a.md", 3, 5, "中文", rule="LINK-ANCHOR")

    record = logging.LogRecord("mkdocs.structure.pages", logging.WARNING, __file__, 1, message, None, None)
    assert AnchorMessages(locate).filter(record) is True  # rewritten, never dropped
    if called is None:
        assert calls == [] and record.getMessage() == message
    else:
        assert calls == [called]
        assert record.getMessage() == "docs/a.md:3:5: error: 中文 [LINK-ANCHOR]"
        assert record.levelno == logging.WARNING  # --strict still counts it


def test_anchor_message_is_left_when_the_link_cannot_be_placed():
    import logging

    from macros.glue.compat.anchor_messages import AnchorMessages

    message = "Doc file 'a.md' contains a link '#x', but there is no such anchor on this page."
    for locate in (lambda *a: None, lambda *a: 1 / 0):
        record = logging.LogRecord("mkdocs.structure.pages", logging.WARNING, __file__, 1, message, None, None)
        AnchorMessages(locate).filter(record)
        assert record.getMessage() == message
