"""scripts/anon_bench.py: measures the anonymisation gate in a fresh process (no timing asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "anon_bench.py"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, cwd=ROOT)


def test_measures_the_casebook(tmp_path) -> None:
    planted = tmp_path / "planted.md"
    planted.write_text("---\npseudonyms: [小A]\n---\n小A妈妈的手机是13912345678，班主任王秀英老师。\n", encoding="utf-8")
    result = run("casebook/*.md", str(planted), "--repeat", "1")
    assert result.returncode == 0, result.stderr
    cases = len(list((ROOT / "casebook").glob("*.md"))) + 1
    assert f"案例 {cases} 个" in result.stdout
    assert "标记 2 处" in result.stdout  # the planted phone and name; the shipped cases are clean
    assert "平均每个案例" in result.stdout


def test_usage_errors() -> None:
    missing = run("no-such-dir/*.md")
    assert missing.returncode == 2 and "没有找到案例文件" in missing.stderr
    assert run("--repeat", "0").returncode == 2
    assert "用法" in run("--help").stdout
