"""MACRO-*: macro mistakes are found by scripts/check.py and stop the build before rendering,
each at the source file's own line and column, in Chinese, all in one run."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, run_mkdocs_build

from macros.glue.macro_check import check_page_macros, config_extra

FIXTURES = Path(__file__).parent / "fixtures" / "macros"
MISTAKES = [
    "docs/about/mistakes.md:8:8: error: 宏 clause() 的参数不对 [MACRO-ARGS]",
    "docs/about/mistakes.md:10:8: error: 未知的宏或变量“no_such_macro” [MACRO-UNKNOWN]",
    "docs/about/mistakes.md:12:8: error: 未知的宏或变量“unknown_var” [MACRO-UNKNOWN]",
    "docs/about/mistakes.md:14:8: error: 宏 clause() 的参数不对 [MACRO-ARGS]",
    "docs/about/unclosed.md:10:3: error: 宏语法错误：宏没有写完 [MACRO-SYNTAX]",
]


def _plant(project: Path) -> None:
    for name in ("mistakes.md", "unclosed.md"):
        shutil.copy(FIXTURES / name, project / "docs" / "about" / name)


def _found(output: str) -> list[str]:
    return [line for line in output.splitlines() if "MACRO-" in line]


def test_every_mistake_is_reported_at_its_source_position() -> None:
    text = (FIXTURES / "mistakes.md").read_text(encoding="utf-8")
    body = text.split("---\n", 2)[2]
    found = check_page_macros("docs/about/mistakes.md", text, body, {"page", "title", "render_macros"})
    assert sorted((p.line, p.col, p.rule) for p in found) == [
        (8, 8, "MACRO-ARGS"),
        (10, 8, "MACRO-UNKNOWN"),
        (12, 8, "MACRO-UNKNOWN"),
        (14, 8, "MACRO-ARGS"),
    ]


def test_a_clean_page_has_no_macro_problems() -> None:
    text = '---\ntitle: t\nrender_macros: true\n---\n\n{{ clause("x", "一") }} {% set n = 1 %}{{ n }} {{ page.title }}\n'
    body = text.split("---\n", 2)[2]
    assert check_page_macros("docs/t.md", text, body, {"page"}) == []


def test_check_reports_all_macro_mistakes_and_the_build_stops_in_chinese(project_copy: Path, tmp_path: Path) -> None:
    _plant(project_copy)
    check = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check.py"), "--root", str(project_copy)], capture_output=True, text=True
    )
    assert check.returncode == 1
    lines = _found(check.stdout)
    assert len(lines) == len(MISTAKES)
    for expected, line in zip(MISTAKES, lines, strict=True):
        head, _, rule = expected.rpartition(" [")
        assert line.startswith(head) and line.endswith(f" [{rule}"), (expected, line)
    build = run_mkdocs_build(project_copy, tmp_path / "site")
    output = build.stdout + build.stderr
    assert build.returncode == 1
    assert "Traceback" not in output
    heads = [m.split("error: ", 1)[1].rpartition(" [")[0] for m in MISTAKES]
    messages = [line.split("error: ", 1)[1] for line in _found(output)]
    assert len(messages) == len(heads) and all(m.startswith(h) for m, h in zip(messages, heads, strict=True)), messages
    assert "内容检查发现 5 个错误" in output


def test_config_extra_reads_mkdocs_yml_with_its_tags() -> None:
    assert "generator" in config_extra(ROOT / "mkdocs.yml")
