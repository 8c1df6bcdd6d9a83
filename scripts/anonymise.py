#!/usr/bin/env python3
"""匿名化一篇案例草稿：列出匿名化检查的全部标记，逐条给出所在的句子和一致的替换建议。

用法：.venv/bin/python scripts/anonymise.py CASE.md [--html 报告.html] [--diff] [--write]

每处标记显示为它所在的句子（标记的词放在【】中）和建议的写法，按人名、电话、学校……分组
（“人名 5 处：王秀英、秀英 → 小A”）；行末的“路径:行:列”和规则编号供编辑器跳转。
同一个人处处替换成同一个化名：孩子按出现顺序依次成为 小A、小B……（“王秀英”和单用的“秀英”、
“桐桐”“小桐”这样的小名是同一个人），家长跟着孩子（父亲王强 → 小A爸爸，子豪妈妈 → 小A妈妈），
称谓保留称谓（王老师 → A老师），号码成为［电话］等占位符，学校成为“某中学”“某小学”，
班级成为“某班”。已在化名（pseudonyms）中使用的字母不会重复。

--html 把同样的报告另存为一个网页，可以用浏览器（手机也可以）打开、转给审核人。
--diff 另外逐行列出替换后全文的改动（改前、改后对照）。
--write 把替换写回文件并把新化名加进化名（pseudonyms）；只用于状态为草稿
（“status: draft”）的案例，已发布（或待审核、已撤下）的案例一律不改。替换后请人工通读全文再送审。
退出码：0 没有标记（或 --write 后已无标记）；1 有标记、文件有错误或案例不是草稿；2 用法错误。
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

from macros.casebook import anonymise
from macros.casebook.anon_fix import add_pseudonyms, apply, propose
from macros.casebook.anon_messages import field_label, kind
from macros.casebook.anon_report import report_html, report_lines
from macros.casebook.anon_scope import declaring_lines
from macros.core.cli import ChineseParser
from macros.core.yamlload import load_front_matter

ROOT = Path(__file__).resolve().parent.parent


def findings_for(text: str, doc, body: str) -> list[anonymise.Finding]:
    meta = doc.data if isinstance(doc.data, dict) else {}
    pseudonyms = [str(p) for p in meta.get("pseudonyms") or []]
    reviewed = {str(t) for t in meta.get("reviewed_terms") or []}
    skip = declaring_lines(doc, text, body)
    return [
        f
        for f in anonymise.find_identifiers(text, pseudonyms)
        if anonymise.line_col(text, f.start)[0] not in skip and f.term not in reviewed
    ]


def main(argv: list[str] | None = None) -> int:
    parser = ChineseParser(
        prog="anonymise.py",
        description="列出案例中的身份信息标记：每处显示所在的句子和建议的写法；--write 把替换写入草稿。",
        epilog="退出码：0 没有标记；1 有标记、文件有错误或案例不是草稿；2 用法错误。",
    )
    parser.add_argument("case", help="案例文件，如 casebook/my-case.md")
    parser.add_argument("--html", metavar="报告.html", help="把报告另存为一个网页（浏览器或手机打开）")
    parser.add_argument("--diff", action="store_true", help="另外逐行列出替换后全文的改动（改前、改后对照）")
    parser.add_argument(
        "--write",
        action="store_true",
        help=f"把替换写回文件并补充{field_label('pseudonyms')}（只用于状态为草稿“status: draft”的案例）",
    )
    args = parser.parse_args(argv)

    path = Path(args.case)
    if not path.is_file():
        parser.error(f"找不到案例文件：{args.case}")
    display = args.case
    doc, body, problems = load_front_matter(path, display)
    if doc is None or not isinstance(doc.data, dict):
        for problem in problems:
            print(problem.format(), file=sys.stderr)
        if doc is not None:
            print(f"{display}:1:1: error: 文件开头的属性（两行 --- 之间）应为“名称: 内容”这样一行一项", file=sys.stderr)
        return 1
    text = path.read_text(encoding="utf-8-sig")
    findings = findings_for(text, doc, body)
    pseudonyms = [str(p) for p in doc.data.get("pseudonyms") or []]
    replacements, new_names = propose(findings, pseudonyms, text)
    for line in report_lines(display, text, replacements):
        print(line)
    if args.html:
        report = Path(args.html)
        report.write_text(report_html("匿名化检查报告", display, text, replacements), encoding="utf-8")
        print(f"报告已另存为网页：{report}")
    if not findings:
        return 0
    proposed = add_pseudonyms(apply(text, replacements), new_names)
    if new_names:
        print(f"\n新化名：{'、'.join(new_names)}（写入时加进{field_label('pseudonyms')}）")
    if args.diff:
        print()
        sys.stdout.writelines(
            difflib.unified_diff(text.splitlines(True), proposed.splitlines(True), f"a/{display}", f"b/{display}")
        )
    if not args.write:
        print(f"\n确认这些替换后，对草稿运行：.venv/bin/python scripts/anonymise.py {display} --write")
        return 1
    status = doc.data.get("status")
    if status != "draft":
        print(f"{display}:1:1: error: 只改写草稿（“status: draft”）；这篇案例的状态是“{status}”，请手工修改", file=sys.stderr)
        return 1
    path.write_text(proposed, encoding="utf-8")
    doc, body, problems = load_front_matter(path, display)
    remaining = findings_for(proposed, doc, body) if doc is not None else []
    print(f"已改写 {display}：替换 {len(replacements)} 处，新增化名 {('、'.join(new_names)) or '无'}。")
    for f in remaining:
        line, col = anonymise.line_col(proposed, f.start)
        print(
            f"{display}:{line}:{col}: warning: 改写后仍有疑似{kind(f.rule)}“{f.term}”，请手工修改 {f.rule}",
            file=sys.stderr,
        )
    print("请人工通读全文，确认替换得当后再送审（把状态改为“status: review”）。")
    return 1 if remaining or problems else 0


if __name__ == "__main__":
    sys.exit(main())
