#!/usr/bin/env python3
"""在标注语料上测量匿名化检查：每条规则的召回率与误报率。

用法：.venv/bin/python scripts/anon_corpus.py [--write | --check | --corpus 目录]

测量两部分语料：单句（planted.txt、clean.txt）和整篇案例（cases/planted、cases/clean，
整篇扫描，连同 front matter 和文中声明的化名）。不带参数时打印结果表格。--write 把两张表格写入
docs/about/anonymisation.md（各自的两个标记之间）；--check 检查该页面中的表格是否与当前结果一致。
任何规则的召回率低于、或误报率高于 tests/fixtures/anon_corpus/recorded.yml（单句）和
cases/recorded.yml（整篇案例）中记录的数字时，退出码为 1。
--corpus 测量另一套语料（如留出语料 tests/fixtures/anon_corpus/heldout3），只打印结果、列出漏检和误报，不与记录比较。
退出码：0 正常；1 效果低于记录、标注错误或页面过期；2 用法错误。
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from macros.casebook.anonymise_eval import (
    CASE_TABLE_END,
    CASE_TABLE_START,
    CORPUS_DIR,
    below_record,
    case_figures_markdown,
    cases_below_record,
    evaluate,
    evaluate_cases,
    figures_markdown,
    replace_figures,
)
from macros.core.cli import ChineseParser

ROOT = Path(__file__).resolve().parent.parent

PAGE = "docs/about/anonymisation.md"


def main(argv: list[str] | None = None) -> int:
    parser = ChineseParser(
        prog="anon_corpus.py",
        description="在标注语料（tests/fixtures/anon_corpus/）上测量匿名化检查的召回率与误报。",
        epilog="退出码：0 正常；1 效果低于记录、标注错误或页面过期；2 用法错误。",
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true", help=f"把结果表格写入 {PAGE}")
    mode.add_argument("--check", action="store_true", help=f"检查 {PAGE} 中的表格是否为最新")
    mode.add_argument("--corpus", help="测量另一套语料的目录（如 tests/fixtures/anon_corpus/heldout3），只打印结果")
    args = parser.parse_args(argv)
    if args.corpus:
        return measure_other(Path(args.corpus), parser)

    result, problems = evaluate(ROOT / CORPUS_DIR)
    cases, case_problems = evaluate_cases(ROOT / CORPUS_DIR / "cases")
    problems += case_problems
    for problem in problems:
        print(problem.format(), file=sys.stderr)
    figures = figures_markdown(result)
    recorded = yaml.safe_load((ROOT / CORPUS_DIR / "recorded.yml").read_text(encoding="utf-8")) or {}
    worse = below_record(result, recorded)
    case_recorded = yaml.safe_load((ROOT / CORPUS_DIR / "cases" / "recorded.yml").read_text(encoding="utf-8")) or {}
    worse += cases_below_record(cases, case_recorded)
    for item in worse:
        print(f"{CORPUS_DIR}/recorded.yml:1:1: error: {item}", file=sys.stderr)
    status = 1 if problems or worse else 0
    report_lists(result.missed + cases.missed, result.false_positives + cases.false_positives, result.stray + cases.stray)
    case_figures = case_figures_markdown(cases)
    page_path = ROOT / PAGE
    page = page_path.read_text(encoding="utf-8")
    updated = replace_figures(page, figures)
    updated = replace_figures(updated, case_figures, CASE_TABLE_START, CASE_TABLE_END) if updated is not None else None
    if updated is None:
        print(
            f"{PAGE}:1:1: error: 找不到结果表格的标记（<!-- corpus-figures:start --> 与 <!-- case-figures:start --> 及其 end）",
            file=sys.stderr,
        )
        return 1
    if args.write:
        page_path.write_text(updated, encoding="utf-8")
        print(f"已更新 {PAGE}")
    elif args.check:
        if updated != page:
            print(f"{PAGE}:1:1: error: 页面中的语料结果已过期，请运行 .venv/bin/python scripts/anon_corpus.py --write", file=sys.stderr)
            return 1
    else:
        print(figures + "\n\n" + case_figures)
    return status


def report_lists(missed: list[str], false_positives: list[str], stray: list[str]) -> None:
    for item in missed:
        print(f"漏检：{item}", file=sys.stderr)
    for item in false_positives:
        print(f"误报：{item}", file=sys.stderr)
    for item in stray:
        print(f"多余标记：{item}", file=sys.stderr)


def measure_other(corpus: Path, parser: ChineseParser) -> int:
    """Figures for another corpus (a held-out set): sentences and, if present, whole cases."""
    if not (corpus / "planted.txt").is_file() and not (corpus / "cases").is_dir():
        parser.error(f"{corpus} 中没有 planted.txt 或 cases/ 目录")
    status = 0
    if (corpus / "planted.txt").is_file():
        result, problems = evaluate(corpus)
        for problem in problems:
            print(problem.format(), file=sys.stderr)
        status = 1 if problems else 0
        report_lists(result.missed, result.false_positives, result.stray)
        print(figures_markdown(result))
    if (corpus / "cases").is_dir():
        cases, problems = evaluate_cases(corpus / "cases")
        for problem in problems:
            print(problem.format(), file=sys.stderr)
        status = 1 if problems else status
        report_lists(cases.missed, cases.false_positives, cases.stray)
        print("\n" + case_figures_markdown(cases))
    return status


if __name__ == "__main__":
    sys.exit(main())
