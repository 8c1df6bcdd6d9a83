#!/usr/bin/env python3
"""把教师的 Word 案例稿（.docx）转成案例草稿 casebook/<id>.md，免得培训者重新录入。

用法：.venv/bin/python scripts/import_case.py CASE.docx [--id ID] [--out 目录] [--force]

草稿开头（两行 --- 之间）是案例的基本信息（status: draft；stage、themes、summary、
questions 等待培训者补全），正文由 Word 的标题、段落、列表、表格、文本框和脚注转换而来；
修订按 Word 的“全部接受”处理。接着打印导入说明：哪些内容导入了、哪些没有导入（批注、
页眉页脚、图片等），一样不漏。然后对草稿和没有导入的文字（批注、页眉页脚、图片说明、
文档属性）做匿名化检查，列出全部标记；之后请用 .venv/bin/python scripts/anonymise.py casebook/<id>.md
给出替换建议。不会覆盖已有的文件（--force 可以覆盖草稿，但从不覆盖已发布的案例）。
退出码：0 草稿已生成，没有标记，也没有需要亲自查看的内容；1 有标记、有需要在 Word 里
亲自查看的内容（图片、嵌入对象），或无法生成；2 用法错误。
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from macros.casebook import anonymise
from macros.casebook.anon_fix import propose
from macros.casebook.anon_import import DocxImportError, draft_markdown, import_docx
from macros.casebook.anon_report import marked_sentence, report_html, report_lines
from macros.core.cli import ChineseParser
from macros.core.problems import display_path
from macros.core.yamlload import load_front_matter

ROOT = Path(__file__).resolve().parent.parent

ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def _replacements(text: str) -> list:
    """The suggested replacements for the draft's findings (the same as anonymise.py proposes)."""
    replacements, _new = propose(anonymise.find_identifiers(text), (), text)
    return replacements


def main(argv: list[str] | None = None) -> int:
    parser = ChineseParser(
        prog="import_case.py",
        description="把 Word 案例稿（.docx）转成 casebook/<id>.md 草稿，说明每一部分内容的去向，并列出匿名化检查的标记。",
        epilog="退出码：0 草稿已生成且没有标记；1 有标记、有需要亲自查看的内容，或无法生成；2 用法错误。",
    )
    parser.add_argument("docx", help="Word 文件（.docx）")
    parser.add_argument("--id", help="案例编号（小写字母、数字和连字符；默认取文件名）")
    parser.add_argument("--out", default=str(ROOT / "casebook"), help="草稿写到哪个目录（默认 casebook/）")
    parser.add_argument("--force", action="store_true", help="覆盖已有的草稿（已发布的案例从不覆盖）")
    parser.add_argument("--html", metavar="报告.html", help="把导入说明和标记另存为网页，可以在浏览器（手机也行）中打开")
    args = parser.parse_args(argv)

    source = Path(args.docx)
    if not source.is_file():
        parser.error(f"找不到文件：{args.docx}")
    if source.suffix.lower() != ".docx":
        parser.error("只支持 .docx 文件（.doc 请先在 Word 或 WPS 中另存为 .docx）")
    case_id = args.id or source.stem.lower().replace("_", "-").replace(" ", "-")
    if not ID.match(case_id):
        parser.error(f"案例编号“{case_id}”只能用小写字母、数字和连字符：请用 --id 指定，如 --id home-visit-rainy-day")
    target = Path(args.out) / f"{case_id}.md"
    # Shown relative to the project folder, where the next command is run (not /home/…/casebook).
    shown = display_path(target, ROOT)
    if target.exists():
        doc, _body, _problems = load_front_matter(target, shown)
        status = doc.data.get("status") if doc is not None and isinstance(doc.data, dict) else None
        if status != "draft" or not args.force:
            why = "已发布或不是草稿，从不覆盖" if status != "draft" else "已存在；确要覆盖草稿请加 --force"
            print(f"{shown}:1:1: error: {target.name} {why}", file=sys.stderr)
            return 1
    try:
        result = import_docx(source)
    except DocxImportError as exc:
        print(f"{args.docx}:1:1: error: 无法读取 Word 文件：{exc}", file=sys.stderr)
        return 1
    except (MemoryError, RecursionError, ValueError, OSError, LookupError, TypeError) as exc:  # never a traceback
        print(
            f"{args.docx}:1:1: error: 无法读取 Word 文件（{type(exc).__name__}）：文件可能已损坏；"
            "请在 Word 或 WPS 中打开后另存为 .docx 再试，仍不行请把文件交给网站维护者",
            file=sys.stderr,
        )
        return 1
    text = draft_markdown(case_id, result.title, result.body)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"{shown}:1:1: error: 无法写入草稿（{exc.strerror or exc}）", file=sys.stderr)
        return 1
    print(f"已生成草稿 {shown}（状态：草稿）。请补全草稿开头（两行 --- 之间）标有“待”的栏目。")
    print()
    print("导入说明：")
    for line in result.report:
        print(f"  {line}")

    print()
    replacements = _replacements(text)
    if replacements:
        for line in report_lines(shown, text, replacements):
            print(line)
    if args.html:
        page = report_html(f"导入 {source.name} 的审阅报告", shown, text, replacements, notes=result.report)
        try:
            Path(args.html).write_text(page, encoding="utf-8")
        except OSError as exc:
            print(f"{args.html}:1:1: error: 无法写入网页报告（{exc.strerror or exc}）", file=sys.stderr)
            return 1
        print(f"审阅报告已另存为网页：{args.html}")
    outside = 0
    for where, extra in result.unimported:
        for f in anonymise.find_identifiers(extra):
            outside += 1
            print(f"{where}（没有导入草稿）：{marked_sentence(extra, f.start, f.end)}　{anonymise.RULES[f.rule]}")
    count = len(replacements)  # one replacement a finding
    if outside:
        print(f"没有导入草稿的文字中有 {outside} 处疑似身份信息：它们不会进入网站，但请在 Word 原稿里删掉或改掉，再交给别人。")
    if result.to_check:
        print(f"另有 {result.to_check} 项内容（图片、嵌入对象等）工具读不出文字，请在 Word 里亲自查看，见上面的导入说明。")
    if count:
        print(f"草稿中共 {count} 处身份信息标记。下一步：.venv/bin/python scripts/anonymise.py {shown}")
    if count or outside or result.to_check:
        return 1
    print("匿名化检查没有发现标记；发布前仍须人工审核。")
    return 0


if __name__ == "__main__":
    sys.exit(main())
