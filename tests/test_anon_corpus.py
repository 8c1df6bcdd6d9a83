"""The labelled corpus: the evaluator reads it correctly, and the figures on the
trainers' page are current."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

from macros.casebook.anonymise import Finding
from macros.casebook.anonymise_eval import CODES, CORPUS_DIR, evaluate, parse_planted

SCRIPT = [sys.executable, str(ROOT / "scripts" / "anon_corpus.py")]


def test_parse_planted_removes_marks_and_keeps_offsets() -> None:
    text, labels, bad = parse_planted("[[NAME:王秀英]]的电话[[PHONE:13912345678]]。[[XX:a]]")
    assert text == "王秀英的电话13912345678。a"
    assert [(r, text[s:e]) for r, s, e in labels] == [("CASE-ANON-NAME", "王秀英"), ("CASE-ANON-PHONE", "13912345678")]
    assert bad == [(38, "XX")]


def test_corpus_is_large_enough_and_well_formed() -> None:
    result, problems = evaluate(ROOT / CORPUS_DIR, lambda text: [])
    assert problems == []
    assert result.planted >= 300
    assert result.stats["CASE-ANON-NAME"].planted >= 150
    assert result.clean_sentences >= 200
    assert all(result.stats[rule].planted >= 10 for rule in CODES.values())


def test_evaluation_counts_misses_and_false_positives(tmp_path) -> None:
    (tmp_path / "planted.txt").write_text("# 注释\n[[NAME:张伟]]说[[PHONE:13912345678]]\n", encoding="utf-8")
    (tmp_path / "clean.txt").write_text("李白的诗\n平常的一天\n", encoding="utf-8")

    def finder(text: str) -> list[Finding]:
        found = [Finding(0, 2, "CASE-ANON-NAME", text[:2])]
        return found + [Finding(3, 5, "CASE-ANON-QQ", text[3:5])]

    result, problems = evaluate(tmp_path, finder)
    assert problems == []
    name, phone = result.stats["CASE-ANON-NAME"], result.stats["CASE-ANON-PHONE"]
    assert (name.planted, name.caught, name.flagged_clean) == (1, 1, 2)
    assert (phone.planted, phone.caught) == (1, 0)
    assert result.missed == ["planted.txt:2: CASE-ANON-PHONE 13912345678"]
    assert result.stats["CASE-ANON-QQ"].stray == 1
    assert result.fp_rate("CASE-ANON-NAME") == 1.0 and result.flagged_clean == 2


def test_script_usage_error_exits_2() -> None:
    run = subprocess.run([*SCRIPT, "--write", "--check"], capture_output=True, text=True)
    assert run.returncode == 2
    assert "用法错误" in run.stderr


def test_no_rule_is_below_its_recorded_figures() -> None:
    import yaml

    from macros.casebook.anonymise_eval import below_record

    result, problems = evaluate(ROOT / CORPUS_DIR)
    assert problems == []
    recorded = yaml.safe_load((ROOT / CORPUS_DIR / "recorded.yml").read_text(encoding="utf-8"))
    assert set(recorded) == set(CODES.values())
    assert below_record(result, recorded) == [], "\n".join(result.missed + result.false_positives)
    # The goal of issue 15, whatever is recorded: recall >= 99 % and false positives <= 1 % per rule.
    for rule, stats in result.stats.items():
        assert stats.recall >= 0.99 and result.fp_rate(rule) <= 0.01, rule


def test_below_record_reports_a_worse_rule() -> None:
    from macros.casebook.anonymise_eval import below_record

    result, _ = evaluate(ROOT / CORPUS_DIR, lambda text: [])
    worse = below_record(result, {rule: {"recall": 0.5, "fp_rate": 0.0} for rule in CODES.values()})
    assert len(worse) == len(CODES) and "低于记录的 50.0%" in worse[0]


def test_trainers_page_has_current_figures() -> None:
    run = subprocess.run([*SCRIPT, "--check"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    page = (ROOT / "docs" / "about" / "anonymisation.md").read_text(encoding="utf-8")
    for rule in CODES.values():
        assert f"| `{rule}` |" in page


def test_heldout_corpus_is_well_formed() -> None:
    result, problems = evaluate(ROOT / CORPUS_DIR / "heldout")
    assert problems == [] and result.planted >= 50 and result.clean_sentences >= 50
