"""Measuring the anonymisation gate on a labelled corpus.

The corpus (``tests/fixtures/anon_corpus/``) holds case-like texts with planted
identifiers and clean texts; ``labels.yml`` lists, per file, every planted
identifier with its rule. A label counts as caught when a finding of the same
rule overlaps its text; a finding that overlaps no label of its rule is a
false positive.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from macros.casebook.anonymise import RULES, find_identifiers
from macros.core.problems import Problem
from macros.core.yamlload import load_front_matter, load_yaml_file

CORPUS_DIR = "tests/fixtures/anon_corpus"
TABLE_START = "<!-- corpus-figures:start -->"
TABLE_END = "<!-- corpus-figures:end -->"


@dataclass
class RuleStats:
    planted: int = 0
    caught: int = 0
    false_positives: int = 0

    @property
    def recall(self) -> float:
        return self.caught / self.planted if self.planted else 1.0


@dataclass
class CorpusResult:
    files: int
    clean_files: int
    stats: dict[str, RuleStats]
    missed: list[str]  # "file: rule term"
    false_positives: list[str]


def _spans(text: str, term: str) -> list[tuple[int, int]]:
    spans, start = [], text.find(term)
    while start >= 0:
        spans.append((start, start + len(term)))
        start = text.find(term, start + 1)
    return spans


def evaluate(corpus: Path) -> tuple[CorpusResult | None, list[Problem]]:
    labels_doc, problems = load_yaml_file(corpus / "labels.yml", f"{CORPUS_DIR}/labels.yml")
    if labels_doc is None:
        return None, problems
    stats = {rule: RuleStats() for rule in RULES}
    missed: list[str] = []
    false_pos: list[str] = []
    clean = 0
    for name, labels in sorted(labels_doc.data.items()):
        path = corpus / name
        doc, body, found = load_front_matter(path, f"{CORPUS_DIR}/{name}")
        problems += found
        if doc is None:
            continue
        labels = labels or []
        clean += not labels
        findings = find_identifiers(body, (doc.data or {}).get("pseudonyms", []))
        labelled: list[tuple[str, int, int]] = []
        for i, label in enumerate(labels):
            rule, term = label.get("rule"), str(label.get("term", ""))
            spans = _spans(body, term)
            if rule not in RULES or not spans:
                problems.append(labels_doc.problem((name, i), f"标注无效：规则“{rule}”未知，或文中找不到“{term}”"))
                continue
            stats[rule].planted += 1
            labelled += [(rule, s, e) for s, e in spans]
            if any(f.rule == rule and f.start < e and s < f.end for f in findings for s, e in spans):
                stats[rule].caught += 1
            else:
                missed.append(f"{name}: {rule} {term}")
        for f in findings:
            if not any(rule == f.rule and f.start < e and s < f.end for rule, s, e in labelled):
                stats[f.rule].false_positives += 1
                false_pos.append(f"{name}: {f.rule} {f.term}")
    result = CorpusResult(len(labels_doc.data), clean, stats, missed, false_pos)
    return result, problems


def figures_markdown(result: CorpusResult) -> str:
    """The figures table for the trainers' page."""
    lines = [
        f"语料：{result.files} 个文件（其中 {result.clean_files} 个不含任何身份信息），"
        f"共植入 {sum(s.planted for s in result.stats.values())} 处身份信息。",
        "",
        "| 规则 | 植入 | 检出 | 召回率 | 误报 |",
        "|---|---:|---:|---:|---:|",
    ]
    for rule, s in result.stats.items():
        lines.append(f"| `{rule}` | {s.planted} | {s.caught} | {s.recall:.0%} | {s.false_positives} |")
    return "\n".join(lines)


def replace_figures(page: str, figures: str) -> str | None:
    """The page with its figures block replaced, or None if the markers are missing."""
    start, end = page.find(TABLE_START), page.find(TABLE_END)
    if start < 0 or end < start:
        return None
    return page[: start + len(TABLE_START)] + "\n" + figures + "\n" + page[end:]
