#!/usr/bin/env python3
"""把一校一策方案导出为 Word 文档（.docx），不需要构建网站。

用法：.venv/bin/python scripts/export_plans.py [--school 学校代码] --out 目录

每所学校写出 <目录>/<学校代码>.docx。方案文件有错误时不导出，并按“路径:行:列”列出错误。
退出码：0 已导出；1 方案文件有错误；2 用法错误（如学校代码不存在）。
"""

from __future__ import annotations

import sys
from pathlib import Path

from macros.composition import new_project
from macros.core.cli import ChineseParser
from macros.core.messages import message
from macros.plans.loading import load_schools, school_files
from macros.plans.model import SCHOOLS_DIR
from macros.plans.plan_docx import plan_docx

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = ChineseParser(
        prog="export_plans.py",
        description="把一校一策方案导出为公文格式的 Word 文档（.docx），不需要构建网站。",
        epilog="退出码：0 已导出；1 方案文件有错误；2 用法错误。",
    )
    parser.add_argument("--school", metavar="学校代码", help="只导出这所学校（默认导出全部学校）")
    parser.add_argument("--out", required=True, metavar="目录", help="写入 .docx 的目录（不存在时自动创建）")
    parser.add_argument("--root", default=str(ROOT), metavar="目录", help="项目根目录（默认：本脚本所在项目）")
    parser._positionals.title, parser._optionals.title = "参数", "选项"
    args = parser.parse_args(argv)

    root = Path(args.root).resolve()
    if not (root / "mkdocs.yml").exists():
        parser.error(f"{root} 不是门户项目目录（找不到 mkdocs.yml）")
    ids = [p.stem for p in school_files(root)]
    if args.school is not None and args.school not in ids:
        parser.error(f"没有学校“{args.school}”（{SCHOOLS_DIR}/ 中有：{'、'.join(ids) or '无'}）")
    wanted = [args.school] if args.school else ids

    state = load_schools(new_project(root))
    paths = {f"{SCHOOLS_DIR}/{i}.yml" for i in wanted}
    errors = [p for p in state.problems if p.is_error and p.path in paths]
    for problem in errors:
        print(problem.format(), file=sys.stderr)
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        parser.error(f"--out 应是一个目录，而 {args.out} 是一个文件")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        parser.error(f"无法创建目录 {args.out}：{err.strerror}")
    written = 0
    for school in state.schools:
        if school.id in wanted:
            (out / f"{school.id}.docx").write_bytes(plan_docx(school.plan))
            print(f"已导出 {out / (school.id + '.docx')}")
            written += 1
    for school in state.drafts:
        if school.id in wanted:
            print(message("export.draft", path=school.rel), file=sys.stderr)
    if errors:
        print(f"{len(errors)} 个错误，{len(wanted) - written} 所学校未导出。", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
