#!/usr/bin/env python3
"""从模板新建一所学校的一校一策方案文件。

用法：.venv/bin/python scripts/new_school.py 学校代码 学校名称 所在区 [--stage 学段] [--force]

写入 data/schools/<学校代码>.yml：内容来自空白模板，每个字段上方有中文说明。
新文件是草稿（状态：草稿）：检查会列出还要填写的内容，但不会发布；填好后把状态改为“已发布”。
所在区写上海市的区（写“闵行”会按“闵行区”写入）。
退出码：0 已创建；1 文件已存在（未覆盖）；2 用法错误。
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from macros.core.cli import ChineseParser
from macros.core.messages import message
from macros.core.placeholders import DISTRICTS, district_name
from macros.plans.loading import RESERVED_IDS
from macros.plans.model import ID_PATTERN, SCHOOLS_DIR, STAGES, new_plan, plan_yaml

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = ChineseParser(
        prog="new_school.py",
        description="从空白模板新建一所学校的一校一策方案文件 data/schools/<学校代码>.yml。",
        epilog="退出码：0 已创建；1 文件已存在（未覆盖，可加 --force）；2 用法错误。",
    )
    parser.add_argument("school_id", metavar="学校代码", help="小写英文字母、数字和连字符，如“example-middle”（也是文件名）")
    parser.add_argument("name", metavar="学校名称", help="学校全称")
    parser.add_argument("district", metavar="所在区", help="上海市的区，如 闵行区（写 闵行 也可以）")
    parser.add_argument(
        "--stage", choices=STAGES, default="初中", metavar="学段", help=f"学段：{'、'.join(STAGES)}（默认：初中）"
    )
    parser.add_argument("--force", action="store_true", help="文件已存在时覆盖")
    parser.add_argument("--root", default=str(ROOT), metavar="目录", help="项目根目录（默认：本脚本所在项目）")
    parser._positionals.title, parser._optionals.title = "参数", "选项"
    args = parser.parse_args(argv)

    if not re.match(ID_PATTERN, args.school_id) or args.school_id in RESERVED_IDS:
        parser.error(f"学校代码“{args.school_id}”无效：只能用小写英文字母、数字和连字符，且不能是 {'、'.join(RESERVED_IDS)}")
    for label, value in (("学校名称", args.name), ("所在区", args.district)):
        if not value.strip() or "<" in value or ">" in value:
            parser.error(f"{label}不能为空，也不能包含尖括号")
    district = district_name(args.district)
    if district is None:
        parser.error(message("new-school.district", value=args.district.strip(), districts="、".join(DISTRICTS)))
    root = Path(args.root)
    if not (root / "mkdocs.yml").exists():
        parser.error(f"{root} 不是门户项目目录（找不到 mkdocs.yml）")
    path = root / SCHOOLS_DIR / f"{args.school_id}.yml"
    rel = f"{SCHOOLS_DIR}/{args.school_id}.yml"
    if path.exists() and not args.force:
        print(f"{rel}:1:1: error: 文件已存在，未覆盖（如需覆盖请加 --force）", file=sys.stderr)
        return 1
    plan = new_plan(args.school_id, args.name.strip(), district, stage=args.stage)
    if args.stage == "小学":
        plan["grades"] = [4, 5]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(plan_yaml(plan), encoding="utf-8")
    print(message("new-school.created", path=rel))
    print(message("new-school.publish"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
