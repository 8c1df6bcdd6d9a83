#!/usr/bin/env python3
"""检查门户的全部内容（或指定文件），与构建使用同一套校验。

用法：.venv/bin/python scripts/check.py [路径 ...]

每个问题一行，格式为“路径:行:列: error|warning|note: 说明 [规则编号]”；没有问题时最后一行是一句小结。
note 是提示（如一校一策方案的政策核对结果），不影响退出码；加 --notes 或指定 data/schools 下的路径时列出。
退出码：0 没有错误；1 发现错误；2 用法错误。
"""

from __future__ import annotations

import sys
from pathlib import Path

from macros.composition import check_project, new_project, report_project, sort_problems
from macros.core.cli import ChineseParser
from macros.core.messages import message
from macros.core.textcheck import text_files
from macros.glue.macro_check import check_macros, config_extra
from macros.plans.loading import load_schools

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = ChineseParser(
        prog="check.py",
        description="检查政策文件、数据文件和页面（页面开头的属性、条款引用等），与构建使用同一套校验。",
        epilog="退出码：0 没有错误；1 发现错误；2 用法错误。",
    )
    parser.add_argument("paths", nargs="*", metavar="路径", help="只报告这些文件或目录中的问题（默认检查全部内容）")
    parser.add_argument(
        "--notes",
        action="store_true",
        help="同时列出提示（行首显示为“note”），如一校一策方案的政策核对结果；指定 data/schools/ 下的路径时自动列出",
    )
    parser.add_argument("--root", default=str(ROOT), metavar="目录", help="项目根目录（默认：本脚本所在项目）")
    args = parser.parse_args(argv)

    root = Path(args.root).resolve()
    if not (root / "mkdocs.yml").exists():
        parser.error(f"{root} 不是门户项目目录（找不到 mkdocs.yml）")
    wanted: list[str] = []
    for raw in args.paths:
        path = Path(raw)
        if not path.is_absolute():
            path = (Path.cwd() / path).resolve()
        if not path.exists():
            parser.error(f"找不到文件或目录：{raw}")
        try:
            wanted.append(path.relative_to(root).as_posix())
        except ValueError:
            parser.error(f"{raw} 不在项目目录 {root} 中")

    project = new_project(root)
    # Notes (e.g. 一校一策 rule findings) are reported but never make the check fail.
    problems = sort_problems(check_project(project) + check_macros(project, config_extra(root / "mkdocs.yml")))
    if args.notes or any(w == "data" or w.startswith("data/schools") for w in wanted):
        problems += report_project(project)
    if wanted:
        problems = [p for p in problems if _within(p.path, wanted)]
    for problem in problems:
        print(problem.format())
    errors = sum(1 for p in problems if p.is_error)
    warnings = sum(1 for p in problems if p.severity == "warning")
    notes = len(problems) - errors - warnings
    if errors or warnings or notes:
        tail = message("check.summary-notes", notes=notes) if notes else ""
        print(message("check.summary", errors=errors, warnings=warnings, notes=tail), file=sys.stderr)
    else:
        # One line when all is well: silence read as “did it run at all?”.
        files = [p for p in text_files(project) if not wanted or _within(project.display(p), wanted)]
        print(message("check.clean", files=len(files)))
    drafts = [s for s in load_schools(project).drafts if not wanted or _within(s.rel, wanted)]
    if drafts and not notes:
        print(message("check.drafts", drafts=len(drafts)))
    return 1 if errors else 0


def _within(path: str, wanted: list[str]) -> bool:
    return any(path == w or path.startswith(w.rstrip("/") + "/") for w in wanted)


if __name__ == "__main__":
    sys.exit(main())
