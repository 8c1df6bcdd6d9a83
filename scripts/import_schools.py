#!/usr/bin/env python3
"""从区里收集的表格（CSV 或 Excel）批量导入一校一策方案，每行一所学校。

用法：.venv/bin/python scripts/import_schools.py 文件.csv|文件.xlsx [--force] [--dry-run]

CSV 可以是 UTF-8、带 BOM 的 UTF-8 或 GBK（中文版 Excel“另存为 CSV”的默认编码）。
有问题的行按“文件:行:列”报告并跳过，其余的行照常导入；已存在的学校文件不覆盖，除非加 --force。
导入的方案是草稿：检查会列出还要填写的内容，但不会发布；补全后把状态改为“已发布”。
退出码：0 全部导入；1 有行未导入（见报告）；2 用法错误。
"""

from __future__ import annotations

import sys
from pathlib import Path

from macros.core.cli import ChineseParser
from macros.core.messages import message
from macros.plans.importer import columns_help, import_rows, read_table
from macros.plans.model import SCHOOLS_DIR, plan_yaml

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = ChineseParser(
        prog="import_schools.py",
        description="从 CSV 或 Excel（.xlsx）表格导入一校一策方案，每行一所学校，第一行为中文列名。",
        epilog="列名：\n"
        + columns_help()
        + "\n\n示例文件：data/schools_import_example.csv\n退出码：0 全部导入；1 有行未导入；2 用法错误。",
    )
    parser.add_argument("file", metavar="文件", help="CSV（UTF-8、带 BOM 的 UTF-8 或 GBK）或 .xlsx 文件")
    parser.add_argument("--force", action="store_true", help="覆盖已存在的学校文件")
    parser.add_argument("--dry-run", action="store_true", help="只检查，不写入文件")
    parser.add_argument("--root", default=str(ROOT), metavar="目录", help="项目根目录（默认：本脚本所在项目）")
    parser._positionals.title, parser._optionals.title = "参数", "选项"
    args = parser.parse_args(argv)

    path = Path(args.file)
    if not path.is_file():
        parser.error(f"找不到文件：{args.file}")
    if path.suffix.lower() not in (".csv", ".xlsx"):
        parser.error(f"只支持 .csv 和 .xlsx 文件：{args.file}")
    root = Path(args.root)
    if not (root / "mkdocs.yml").exists():
        parser.error(f"{root} 不是门户项目目录（找不到 mkdocs.yml）")
    target = root / SCHOOLS_DIR

    rows, problems = read_table(path, args.file)
    imported = []
    if not problems:
        imported, problems = import_rows(
            rows, args.file, lambda school_id: not args.force and (target / f"{school_id}.yml").exists()
        )
    for problem in problems:
        print(problem.format(), file=sys.stderr)
    for item in imported:
        rel = f"{SCHOOLS_DIR}/{item.plan['id']}.yml"
        if not args.dry_run:
            target.mkdir(parents=True, exist_ok=True)
            (target / f"{item.plan['id']}.yml").write_text(plan_yaml(item.plan), encoding="utf-8")
        print(f"{'可导入' if args.dry_run else '已导入'}第 {item.row} 行 → {rel}")
    skipped = len({(p.line) for p in problems if p.line > 1})
    print(f"导入 {len(imported)} 所学校；{len(problems)} 个问题。", file=sys.stderr)
    if skipped:
        print(f"{skipped} 行未导入，请按上面的“文件:行:列”修改后重新导入。", file=sys.stderr)
    if imported and not args.dry_run:
        print(message("import.drafts"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
