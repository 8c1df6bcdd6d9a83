#!/usr/bin/env python3
"""在标注语料上测量匿名化检查：每条规则的召回率与误报率。

用法：python scripts/anon_corpus.py [--write | --check]

不带参数时打印结果表格。--write 把表格写入 docs/about/anonymisation.md
（两个标记之间）；--check 检查该页面中的表格是否与当前结果一致。
任何规则的召回率低于、或误报率高于 tests/fixtures/anon_corpus/recorded.yml 中记录的数字时，退出码为 1。
退出码：0 正常；1 效果低于记录、标注错误或页面过期；2 用法错误。
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from macros.casebook.anonymise_eval import CORPUS_DIR, below_record, evaluate, figures_markdown, replace_figures  # noqa: E402
from macros.core.cli import ChineseParser  # noqa: E402

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
    args = parser.parse_args(argv)

    result, problems = evaluate(ROOT / CORPUS_DIR)
    for problem in problems:
        print(problem.format(), file=sys.stderr)
    figures = figures_markdown(result)
    recorded = yaml.safe_load((ROOT / CORPUS_DIR / "recorded.yml").read_text(encoding="utf-8")) or {}
    worse = below_record(result, recorded)
    for item in worse:
        print(f"{CORPUS_DIR}/recorded.yml:1:1: error: {item}", file=sys.stderr)
    status = 1 if problems or worse else 0
    for item in result.missed:
        print(f"漏检：{item}", file=sys.stderr)
    for item in result.false_positives:
        print(f"误报：{item}", file=sys.stderr)
    for item in result.stray:
        print(f"多余标记：{item}", file=sys.stderr)
    page_path = ROOT / PAGE
    page = page_path.read_text(encoding="utf-8")
    updated = replace_figures(page, figures)
    if updated is None:
        print(f"{PAGE}:1:1: error: 找不到结果表格的标记（<!-- corpus-figures:start --> 与 end）", file=sys.stderr)
        return 1
    if args.write:
        page_path.write_text(updated, encoding="utf-8")
        print(f"已更新 {PAGE}")
    elif args.check:
        if updated != page:
            print(f"{PAGE}:1:1: error: 页面中的语料结果已过期，请运行 python scripts/anon_corpus.py --write", file=sys.stderr)
            return 1
    else:
        print(figures)
    return status


if __name__ == "__main__":
    sys.exit(main())
