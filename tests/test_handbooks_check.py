"""Fixture files of good and bad handbook content, run through scripts/check.py and the build."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import run_mkdocs_build

FIXTURES = Path(__file__).parent / "fixtures" / "handbooks"
TARGET = "docs/handbooks/family"


def run_check(root: Path, *paths: str) -> subprocess.CompletedProcess:
    script = Path(__file__).resolve().parent.parent / "scripts" / "check.py"
    return subprocess.run([sys.executable, str(script), "--root", str(root), *paths], capture_output=True, text=True, cwd=root)


def plant(project: Path, name: str) -> str:
    shutil.copy(FIXTURES / name, project / TARGET / name)
    return f"{TARGET}/{name}"


def test_good_district_chapter_passes(project_copy: Path) -> None:
    path = plant(project_copy, "good-chapter.md")
    result = run_check(project_copy, path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("检查完毕：") and result.stdout.count("\n") == 1, result.stdout


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        (
            "bad-structure.md",
            [
                "8:1: error: 本章没有引用任何政策条款 [HANDBOOK-CITE]",
                "10:1: error: 章节开头缺少学习目标 [HANDBOOK-OBJECTIVES]",
                "14:1: error: 章节末尾缺少“## 检查清单”一节 [HANDBOOK-CHECKLIST]",
            ],
        ),
        (
            "bad-checklist.md",
            [
                "13:1: error: “## 检查清单”下面没有任务列表 [HANDBOOK-CHECKLIST]",
                "17:1: error: “## 检查清单”必须是本章最后一节，后面不能再有“## 附录” [HANDBOOK-CHECKLIST]",
            ],
        ),
        (
            "bad-meta.md",
            [
                "2:1: error: 缺少必填字段“chapter”",
                "3:1: error: 未知字段“chapte”，是否想写“chapter”？",
                "4:14: error: 未知主题“不存在的主题”",
                "5:16: error: “render_macros”必须是 true",
                "11:7: error: 条款引用无效：《上海市中小学生全员导师制工作方案》中没有条款“九（九）”",
                "11:47: error: 没有编号为“no-such-template”的表格模板 [HANDBOOK-TEMPLATE]",
            ],
        ),
    ],
)
def test_bad_chapter_reports_every_problem_with_position(project_copy: Path, fixture: str, expected: list[str]) -> None:
    path = plant(project_copy, fixture)
    result = run_check(project_copy, path)
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(expected), result.stdout
    for line, want in zip(lines, expected, strict=True):
        # The start of the message, and the rule code (when there is one) at the end of the line.
        head, bracket, rule = want.rpartition(" [")
        assert line.startswith(f"{path}:{head if bracket else want}"), (line, want)
        assert not bracket or line.endswith(f" [{rule}"), (line, want)


def test_bad_template_data_reports_every_problem_with_position(project_copy: Path) -> None:
    shutil.copy(FIXTURES / "bad-templates.yml", project_copy / "data/handbook_templates.yml")
    result = run_check(project_copy, "data/handbook_templates.yml")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "data/handbook_templates.yml:6:38: error: 条款引用无效：《上海市中小学生全员导师制工作方案》中没有条款“五（九）”",
        "data/handbook_templates.yml:8:9: error: 这一节是空的：至少要有说明文字“text:”、填写栏“fields:”、核对清单“checklist:”或签名栏“signature:”中的一项 [HANDBOOK-TEMPLATE]",
        "data/handbook_templates.yml:9:9: error: 表格模板编号“home-visit-record”重复：请换一个编号 [HANDBOOK-TEMPLATE]",
        "data/handbook_templates.yml:15:9: error: 这一节是空的：至少要有说明文字“text:”、填写栏“fields:”、核对清单“checklist:”或签名栏“signature:”中的一项 [HANDBOOK-TEMPLATE]",
        "data/handbook_templates.yml:16:9: error: 未知字段“feilds”，是否想写“fields”？",
    ]


def test_build_stops_on_a_broken_chapter(project_copy: Path, tmp_path: Path) -> None:
    path = plant(project_copy, "bad-structure.md")
    result = run_mkdocs_build(project_copy, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"{path}:10:1: error: 章节开头缺少学习目标" in output and "[HANDBOOK-OBJECTIVES]" in output
    assert "Traceback" not in output
    assert not (tmp_path / "site" / "handbooks").exists()
