"""The labelled corpus: every rule catches every planted identifier, clean texts
stay clean, and the figures on the trainers' page are current."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

from macros.casebook.anonymise import RULES
from macros.casebook.anonymise_eval import CORPUS_DIR, evaluate

SCRIPT = [sys.executable, str(ROOT / "scripts" / "anon_corpus.py")]


def test_every_rule_catches_its_planted_identifiers() -> None:
    result, problems = evaluate(ROOT / CORPUS_DIR)
    assert problems == []
    assert result is not None
    for rule in RULES:
        stats = result.stats[rule]
        assert stats.planted >= 3, f"{rule}: 语料中至少要植入 3 处"
        assert stats.caught == stats.planted, f"{rule} 漏检：{result.missed}"
    assert result.clean_files >= 3


def test_clean_corpus_texts_have_no_findings() -> None:
    result, _ = evaluate(ROOT / CORPUS_DIR)
    assert result.false_positives == []


def test_trainers_page_has_current_figures() -> None:
    run = subprocess.run([*SCRIPT, "--check"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    page = (ROOT / "docs" / "about" / "anonymisation.md").read_text(encoding="utf-8")
    assert "| `CASE-ANON-IDCARD` | 3 | 3 | 100% | 0 |" in page


def test_script_usage_error_exits_2() -> None:
    run = subprocess.run([*SCRIPT, "--write", "--check"], capture_output=True, text=True)
    assert run.returncode == 2
    assert "用法错误" in run.stderr


def test_mislabelled_corpus_is_reported(tmp_path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_text("小A的手机13912345678\n", encoding="utf-8")
    (corpus / "labels.yml").write_text("a.md:\n  - {rule: CASE-ANON-PHONE, term: '13900000000'}\n", encoding="utf-8")
    result, problems = evaluate(corpus)
    assert [p.line for p in problems] == [2]
    assert "找不到“13900000000”" in problems[0].message
    assert result.stats["CASE-ANON-PHONE"].false_positives == 1
