"""scripts/check.py and the build report the same problems, as path:line:col, in Chinese."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, run_mkdocs_build

FIXTURES = Path(__file__).parent / "fixtures" / "foundation"
CHECK = [sys.executable, str(ROOT / "scripts" / "check.py")]


def run_check(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*CHECK, *args], capture_output=True, text=True)


def test_shipped_content_is_clean():
    result = run_check()
    assert result.returncode == 0, result.stdout + result.stderr
    # One line of summary when all is well, so that silence is never the answer.
    assert re.fullmatch(r"检查完毕：\d+ 个文件，没有发现问题。", result.stdout.strip()), result.stdout


def test_help_is_chinese_and_exits_zero():
    result = run_check("--help")
    assert result.returncode == 0
    assert "退出码" in result.stdout and "用法" in result.stdout or "usage" in result.stdout


@pytest.mark.parametrize("args", [["--no-such-flag"], ["does/not/exist.md"]])
def test_usage_errors_exit_two(args):
    result = run_check(*args)
    assert result.returncode == 2
    assert "用法错误" in result.stderr


EXPECTED = {
    "glossary_bad.yml": [
        ("data/glossary.yml:3:5: error: 未知字段“definiton”，是否想写“definition”？"),
        ("data/glossary.yml:2:5: error: 缺少必填字段“definition”（在“terms[1]”中）"),
        ("data/glossary.yml:6:5: error: 重复的键“term”（第 4 行已经出现过），YAML 只会保留其中一个"),
        ("data/glossary.yml:8:14: error: “terms[3].aliases”应为列表，实际是文本"),
        "data/glossary.yml:11:38: error: 条款引用无效：《上海市中小学生全员导师制工作方案》中没有条款“九（九）”",
    ],
    "bad_citation.md": [
        "docs/bad_citation.md:10:10: error: 条款引用无效：《上海市中小学生全员导师制工作方案》中没有条款“五（九）”",
        "docs/bad_citation.md:12:10: error: 条款引用无效：未知的政策文件“沪教委德〔2099〕1号”",
    ],
    "bad_front_matter.md": ["docs/bad_front_matter.md:3:1: error: YAML 语法错误：方括号“[”没有闭合"],
    "traditional.md": [
        "docs/traditional.md:7:8: error: 繁体字“導師”，简体应为“导师” [TEXT-TRAD]",
        "docs/traditional.md:7:11: error: 繁体字“導學”，简体应为“导学” [TEXT-TRAD]",
    ],
}


def plant(project: Path, fixture: str) -> Path:
    target = project / ("data/glossary.yml" if fixture.endswith(".yml") else f"docs/{fixture}")
    shutil.copy(FIXTURES / fixture, target)
    return target


@pytest.mark.parametrize("fixture", sorted(EXPECTED))
def test_check_reports_planted_problems(project_copy, fixture):
    plant(project_copy, fixture)
    result = run_check("--root", str(project_copy))
    assert result.returncode == 1, result.stdout + result.stderr
    for expected in EXPECTED[fixture]:
        assert any(line.startswith(expected) for line in result.stdout.splitlines()), (expected, result.stdout)
    assert "Traceback" not in result.stdout + result.stderr


def test_check_limits_to_given_paths(project_copy):
    plant(project_copy, "traditional.md")
    result = subprocess.run(
        [*CHECK, "--root", str(project_copy), "docs/policies"], capture_output=True, text=True, cwd=project_copy
    )
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("fixture", ["bad_citation.md", "glossary_bad.yml", "traditional.md"])
def test_build_stops_with_the_same_messages(project_copy, tmp_path, fixture):
    plant(project_copy, fixture)
    result = run_mkdocs_build(project_copy, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    for expected in EXPECTED[fixture]:
        assert expected in output
    assert "构建已停止" in output


def test_computed_clause_reference_fails_the_build_without_traceback(project_copy, tmp_path):
    # A reference the static check cannot see (built from a variable) is caught while rendering.
    page = project_copy / "docs" / "about" / "computed.md"
    page.write_text(
        '---\ntitle: t\nrender_macros: true\n---\n\n# t\n\n{% set d = "沪教委德〔2099〕1号" %}{{ clause(d, "一") }}\n',
        encoding="utf-8",
    )
    result = run_mkdocs_build(project_copy, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert "docs/about/computed.md: error: 条款引用无效：未知的政策文件“沪教委德〔2099〕1号”" in output
