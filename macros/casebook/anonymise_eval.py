"""Measuring the anonymisation gate on a labelled corpus.

The corpus (``tests/fixtures/anon_corpus/``) was written for the project,
independently of the gate's rules, and every name, school, number and address in
it is invented. Two files, one sentence (or short paragraph) a line, ``#`` lines
are comments:

- ``planted.txt``: sentences with planted identifiers, each marked inline as
  ``[[NAME:王秀英]]`` (the code is the rule id without ``CASE-ANON-``, see
  :data:`CODES`). The marks are removed before scanning.
- ``clean.txt``: sentences without any identifier, full of traps.

A label counts as caught when a finding of the same rule overlaps it. The
false-positive rate of a rule is the share of clean sentences it flags; a
finding in a planted sentence that overlaps no label of its rule is listed as a
stray finding too.

Whole case write-ups (``cases/planted/*.md`` and ``cases/clean/*.md`` beside the
sentences) are measured as a trainer meets them: the whole file, front matter
included, is scanned at once with the pseudonyms it declares, and a case counts
as fully caught only when every label in it is. False alarms in clean cases are
counted per 10,000 characters (whitespace not counted), the unit of the goal.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from macros.casebook.anonymise import Finding, find_identifiers
from macros.core.messages import message
from macros.core.problems import Problem

CORPUS_DIR = "tests/fixtures/anon_corpus"
TABLE_START = "<!-- corpus-figures:start -->"
TABLE_END = "<!-- corpus-figures:end -->"
CASE_TABLE_START = "<!-- case-figures:start -->"
CASE_TABLE_END = "<!-- case-figures:end -->"

CODES = {
    "NAME": "CASE-ANON-NAME",
    "PHONE": "CASE-ANON-PHONE",
    "IDCARD": "CASE-ANON-IDCARD",
    "EMAIL": "CASE-ANON-EMAIL",
    "QQ": "CASE-ANON-QQ",
    "WECHAT": "CASE-ANON-WECHAT",
    "BIRTH": "CASE-ANON-BIRTHDATE",
    "ADDR": "CASE-ANON-ADDRESS",
    "SCHOOL": "CASE-ANON-SCHOOL",
    "CLASS": "CASE-ANON-CLASS",
    "STUID": "CASE-ANON-STUDENTID",
}
_MARK = re.compile(r"\[\[([A-Z]*):(.*?)\]\]")

Finder = Callable[[str], Iterable[Finding]]


@dataclass
class RuleStats:
    planted: int = 0
    caught: int = 0
    flagged_clean: int = 0  # clean sentences with a finding of this rule
    stray: int = 0  # findings in planted sentences that overlap no label of this rule

    @property
    def recall(self) -> float:
        return self.caught / self.planted if self.planted else 1.0


class _Totals:
    """Labels planted and caught over every rule (sentences and whole cases alike)."""

    stats: dict[str, RuleStats]
    missed: list[str]
    stray: list[str]

    @property
    def planted(self) -> int:
        return sum(s.planted for s in self.stats.values())

    @property
    def caught(self) -> int:
        return sum(s.caught for s in self.stats.values())


@dataclass
class CorpusResult(_Totals):
    planted_sentences: int
    clean_sentences: int
    stats: dict[str, RuleStats]
    missed: list[str] = field(default_factory=list)  # "planted.txt:line: rule term"
    false_positives: list[str] = field(default_factory=list)  # clean sentences flagged
    stray: list[str] = field(default_factory=list)
    flagged_clean: int = 0  # clean sentences with any finding

    def fp_rate(self, rule: str | None = None) -> float:
        count = self.flagged_clean if rule is None else self.stats[rule].flagged_clean
        return count / self.clean_sentences if self.clean_sentences else 0.0


def parse_planted(line: str) -> tuple[str, list[tuple[str, int, int]], list[tuple[int, str]]]:
    """The sentence without its marks, the labels (rule, start, end) and bad marks (column, code)."""
    text, labels, bad, pos = [], [], [], 0
    offset = 0
    for m in _MARK.finditer(line):
        text.append(line[pos : m.start()])
        offset += m.start() - pos
        code, term = m.group(1), m.group(2)
        if code not in CODES or not term:
            bad.append((m.start() + 1, code))
        else:
            labels.append((CODES[code], offset, offset + len(term)))
        text.append(term)
        offset += len(term)
        pos = m.end()
    text.append(line[pos:])
    return "".join(text), labels, bad


def _lines(path: Path) -> Iterable[tuple[int, str]]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            yield number, line


def _bad_marks(display: str, line: int, bad: list[tuple[int, str]]) -> list[Problem]:
    return [Problem(display, line, col, message("anonymise-eval.bad-marks", code=code)) for col, code in bad]


def _score(
    result: _Totals, text: str, labels: list[tuple[str, int, int]], findings: list[Finding], display: str, line: int
) -> int:
    """Count one planted text (a sentence on ``line``, or a whole file from line 1): each label
    caught or missed, each finding of no label stray. Returns how many labels were missed."""

    def where(offset: int) -> str:
        return f"{display}:{line + text.count(chr(10), 0, offset)}"

    stats = result.stats
    missed = 0
    for rule, start, end in labels:
        if rule not in stats:
            continue
        stats[rule].planted += 1
        if any(f.rule == rule and f.start < end and start < f.end for f in findings):
            stats[rule].caught += 1
        else:
            missed += 1
            result.missed.append(f"{where(start)}: {rule} {text[start:end]}")
    for f in findings:
        if f.rule in stats and not any(r == f.rule and f.start < e and s < f.end for r, s, e in labels):
            stats[f.rule].stray += 1
            result.stray.append(f"{where(f.start)}: {f.rule} {f.term}")
    return missed


def evaluate(corpus: Path, finder: Finder = find_identifiers) -> tuple[CorpusResult, list[Problem]]:
    stats = {rule: RuleStats() for rule in CODES.values()}
    problems: list[Problem] = []
    result = CorpusResult(0, 0, stats)
    for number, line in _lines(corpus / "planted.txt"):
        result.planted_sentences += 1
        text, labels, bad = parse_planted(line)
        problems += _bad_marks(f"{CORPUS_DIR}/planted.txt", number, bad)
        _score(result, text, labels, list(finder(text)), "planted.txt", number)
    for number, line in _lines(corpus / "clean.txt"):
        result.clean_sentences += 1
        findings = [f for f in finder(line) if f.rule in stats]
        for rule in {f.rule for f in findings}:
            stats[rule].flagged_clean += 1
        if findings:
            result.flagged_clean += 1
            terms = "、".join(f"{f.rule} {f.term}" for f in findings)
            result.false_positives.append(f"clean.txt:{number}: {terms}")
    return result, problems


# -- whole case write-ups ---------------------------------------------------------

CaseFinder = Callable[[str, list[str]], Iterable[Finding]]


def _scan_case(text: str, pseudonyms: list[str]) -> list[Finding]:
    return outside_declared(text, find_identifiers(text, pseudonyms))


def outside_declared(text: str, findings: Iterable[Finding]) -> list[Finding]:
    """The findings not on the lines that declare pseudonyms and reviewed terms (as the build skips them)."""
    skip = declared_lines(text)
    return [f for f in findings if text.count("\n", 0, f.start) + 1 not in skip]


def declared_lines(text: str) -> set[int]:
    """1-based lines of the front matter's ``pseudonyms`` and ``reviewed_terms`` (not scanned, as in the build)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return set()
    skip: set[int] = set()
    inside = False
    for number, line in enumerate(lines[1:], 2):
        if line.strip() == "---":
            break
        if line and not line[0].isspace() and not line.startswith("-"):
            inside = line.startswith(("pseudonyms:", "reviewed_terms:"))
        if inside:
            skip.add(number)
    return skip


def case_pseudonyms(text: str) -> list[str]:
    """The pseudonyms a case file declares (its front matter parsed as YAML)."""
    import yaml

    if not text.startswith("---"):
        return []
    end = text.find("\n---", 3)
    try:
        meta = yaml.safe_load(text[3:end]) if end > 0 else None
    except yaml.YAMLError:
        return []
    return [str(p) for p in (meta or {}).get("pseudonyms") or []] if isinstance(meta, dict) else []


@dataclass
class CaseResult(_Totals):
    planted_cases: int = 0
    clean_cases: int = 0
    fully_caught: int = 0
    clean_chars: int = 0
    false_alarms: int = 0  # findings in clean cases
    stats: dict[str, RuleStats] = field(default_factory=lambda: {rule: RuleStats() for rule in CODES.values()})
    missed: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    stray: list[str] = field(default_factory=list)

    @property
    def alarms_per_10k(self) -> float:
        return self.false_alarms * 10000 / self.clean_chars if self.clean_chars else 0.0


def _chars(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def evaluate_cases(cases: Path, finder: CaseFinder = _scan_case) -> tuple[CaseResult, list[Problem]]:
    """Whole write-ups in ``cases/planted`` and ``cases/clean``, each scanned as one file."""
    result = CaseResult()
    problems: list[Problem] = []
    for path in sorted((cases / "planted").glob("*.md")):
        result.planted_cases += 1
        text, labels, bad = parse_planted(path.read_text(encoding="utf-8"))
        display = f"{path.parent.name}/{path.name}"
        problems += _bad_marks(str(path), 1, bad)
        findings = list(finder(text, case_pseudonyms(text)))
        missed = _score(result, text, labels, findings, display, 1)
        result.fully_caught += missed == 0
    for path in sorted((cases / "clean").glob("*.md")):
        result.clean_cases += 1
        text = path.read_text(encoding="utf-8")
        result.clean_chars += _chars(text)
        for f in finder(text, case_pseudonyms(text)):
            if f.rule in result.stats:
                result.false_alarms += 1
                result.stats[f.rule].flagged_clean += 1
                line = text.count("\n", 0, f.start) + 1
                result.false_positives.append(f"{path.parent.name}/{path.name}:{line}: {f.rule} {f.term}")
    return result, problems


def case_figures_markdown(result: CaseResult) -> str:
    """The whole-case figures for the trainers' page."""
    recall = result.caught / result.planted if result.planted else 1.0
    lines = [
        f"整篇案例：{result.planted_cases} 篇植入身份信息的案例（共 {result.planted} 处），"
        f"其中 {result.fully_caught} 篇全部检出；总召回率 {recall:.1%}。"
        f"{result.clean_cases} 篇完全匿名的干净案例（{result.clean_chars} 字）被误报 {result.false_alarms} 处，"
        f"即每万字 {result.alarms_per_10k:.1f} 处。",
        "",
        "| 规则 | 植入 | 检出 | 召回率 | 干净案例中的误报 |",
        "|---|---:|---:|---:|---:|",
    ]
    for rule, s in result.stats.items():
        if s.planted or s.flagged_clean:
            lines.append(f"| `{rule}` | {s.planted} | {s.caught} | {s.recall:.1%} | {s.flagged_clean} |")
    return "\n".join(lines)


def below_record(result: CorpusResult, recorded: dict) -> list[str]:
    """Rules whose recall fell below, or false-positive rate rose above, the recorded figures."""
    out = []
    for rule, stats in result.stats.items():
        want = recorded.get(rule)
        if want is None:
            out.append(f"{rule}: recorded.yml 中没有记录")
            continue
        if stats.recall < float(want["recall"]):
            out.append(f"{rule}: 召回率 {stats.recall:.1%} 低于记录的 {float(want['recall']):.1%}")
        if result.fp_rate(rule) > float(want["fp_rate"]):
            out.append(f"{rule}: 误报率 {result.fp_rate(rule):.1%} 高于记录的 {float(want['fp_rate']):.1%}")
    return out


def figures_markdown(result: CorpusResult) -> str:
    """The figures table for the trainers' page."""
    lines = [
        f"语料：{result.planted_sentences} 个植入身份信息的句子（共 {result.planted} 处），"
        f"{result.clean_sentences} 个不含身份信息的句子。"
        f"总召回率 {result.caught / result.planted if result.planted else 1:.1%}，"
        f"干净句子被误报 {result.flagged_clean} 句（{result.fp_rate():.1%}）。",
        "",
        "| 规则 | 植入 | 检出 | 召回率 | 误报句数 | 误报率 |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for rule, s in result.stats.items():
        lines.append(f"| `{rule}` | {s.planted} | {s.caught} | {s.recall:.1%} | {s.flagged_clean} | {result.fp_rate(rule):.1%} |")
    return "\n".join(lines)


def replace_figures(page: str, figures: str, start_mark: str = TABLE_START, end_mark: str = TABLE_END) -> str | None:
    """The page with its figures block replaced, or None if the markers are missing."""
    start, end = page.find(start_mark), page.find(end_mark)
    if start < 0 or end < start:
        return None
    return page[: start + len(start_mark)] + "\n" + figures + "\n" + page[end:]


def cases_below_record(result: CaseResult, recorded: dict) -> list[str]:
    """Whole-case figures worse than recorded: a rule's recall, or false alarms per 10,000 characters."""
    out = []
    for rule, stats in result.stats.items():
        want = (recorded.get("recall") or {}).get(rule)
        if stats.planted and want is None:
            out.append(f"{rule}: cases/recorded.yml 中没有记录整篇案例的召回率")
        elif want is not None and stats.recall < float(want):
            out.append(f"{rule}: 整篇案例召回率 {stats.recall:.1%} 低于记录的 {float(want):.1%}")
    limit = float(recorded.get("alarms_per_10k", 0))
    if result.alarms_per_10k > limit:
        out.append(f"干净案例每万字误报 {result.alarms_per_10k:.1f} 处，高于记录的 {limit:.1f} 处")
    return out
