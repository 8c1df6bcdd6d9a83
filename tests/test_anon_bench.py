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


def test_tagger_comparison_script_help_and_usage(tmp_path) -> None:
    tagger = [sys.executable, str(ROOT / "scripts" / "anon_tagger.py")]
    help_run = subprocess.run([*tagger, "--help"], capture_output=True, text=True, cwd=ROOT)
    assert help_run.returncode == 0 and "词性标注" in help_run.stdout and "退出码" in help_run.stdout
    missing = subprocess.run([*tagger, "--corpus", str(tmp_path)], capture_output=True, text=True, cwd=ROOT)
    assert missing.returncode == 2 and "planted" in missing.stderr


def test_tagger_comparison_measures_both_ways(tmp_path) -> None:
    (tmp_path / "planted").mkdir()
    (tmp_path / "clean").mkdir()
    (tmp_path / "planted" / "a.md").write_text("[[NAME:王秀英]]说她不怕。[[NAME:秀英]]的妈妈来了。\n", encoding="utf-8")
    (tmp_path / "clean" / "b.md").write_text("孩子们画了一只大熊猫。\n", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "anon_tagger.py"), "--corpus", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stderr
    rules, jieba = [line for line in run.stdout.splitlines() if line.startswith("| 规则") or line.startswith("| 结巴")]
    assert "| 100.0% | 0.0 |" in rules  # both forms caught, nothing in the clean case
    assert "结巴词性标注 nr" in jieba
