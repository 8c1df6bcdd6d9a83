#!/usr/bin/env python3
"""把教师的 Word 案例稿（.docx）转成案例草稿 casebook/<id>.md，免得培训者重新录入。

用法：python scripts/import_case.py CASE.docx [--id ID] [--out 目录] [--force]

草稿带有案例的 front matter 骨架（status: draft；stage、themes、summary、questions
等待培训者补全），正文由 Word 的标题、段落、列表和表格转换而来。转换后立即运行匿名化
检查，列出全部标记；接着请用 python scripts/anonymise.py casebook/<id>.md 给出替换建议。
不会覆盖已有的文件（--force 可以覆盖草稿，但从不覆盖已发布的案例）。
退出码：0 草稿已生成且没有标记；1 草稿已生成但有标记，或无法生成；2 用法错误。
"""

from __future__ import annotations

import re
import sys
import zipfile
from pathlib import Path

from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.casebook import anonymise  # noqa: E402
from macros.casebook.anon_import import docx_to_markdown, draft_markdown  # noqa: E402
from macros.core.cli import ChineseParser  # noqa: E402
from macros.core.yamlload import load_front_matter  # noqa: E402

ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def main(argv: list[str] | None = None) -> int:
    parser = ChineseParser(
        prog="import_case.py",
        description="把 Word 案例稿（.docx）转成 casebook/<id>.md 草稿，并列出匿名化检查的标记。",
        epilog="退出码：0 草稿已生成且没有标记；1 有标记或无法生成；2 用法错误。",
    )
    parser.add_argument("docx", help="Word 文件（.docx）")
    parser.add_argument("--id", help="案例 id（小写字母、数字和连字符；默认取文件名）")
    parser.add_argument("--out", default=str(ROOT / "casebook"), help="草稿写到哪个目录（默认 casebook/）")
    parser.add_argument("--force", action="store_true", help="覆盖已有的草稿（已发布的案例从不覆盖）")
    args = parser.parse_args(argv)

    source = Path(args.docx)
    if not source.is_file():
        parser.error(f"找不到文件：{args.docx}")
    if source.suffix.lower() != ".docx":
        parser.error("只支持 .docx 文件（.doc 请先在 Word 或 WPS 中另存为 .docx）")
    case_id = args.id or source.stem.lower().replace("_", "-").replace(" ", "-")
    if not ID.match(case_id):
        parser.error(f"案例 id“{case_id}”只能用小写字母、数字和连字符：请用 --id 指定，如 --id home-visit-rainy-day")
    target = Path(args.out) / f"{case_id}.md"
    if target.exists():
        doc, _body, _problems = load_front_matter(target, str(target))
        status = doc.data.get("status") if doc is not None and isinstance(doc.data, dict) else None
        if status != "draft" or not args.force:
            why = "已发布或不是草稿，从不覆盖" if status != "draft" else "已存在；确要覆盖草稿请加 --force"
            print(f"{target}:1:1: error: {target.name} {why}", file=sys.stderr)
            return 1
    try:
        title, body = docx_to_markdown(source)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as exc:
        print(
            f"{args.docx}:1:1: error: 无法读取 Word 文件（{type(exc).__name__}）：文件可能已损坏，或不是 .docx", file=sys.stderr
        )
        return 1
    text = draft_markdown(case_id, title, body)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"已生成草稿 {target}（status: draft）。请补全 front matter 中标有“待”的字段。")
    findings = anonymise.find_identifiers(text)
    for f in findings:
        line, col = anonymise.line_col(text, f.start)
        print(f"{target}:{line}:{col}: warning: {f.rule} {f.message}")
    if findings:
        print(f"共 {len(findings)} 处身份信息标记。下一步：python scripts/anonymise.py {target}")
        return 1
    print("匿名化检查没有发现标记；发布前仍须人工审核。")
    return 0


if __name__ == "__main__":
    sys.exit(main())
