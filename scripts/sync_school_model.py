#!/usr/bin/env python3
"""从 macros/plans.py 中的方案模型生成 JSON Schema 和空白模板。

用法：.venv/bin/python scripts/sync_school_model.py [--check]

写入 schemas/school-plan.schema.json 和 data/schools/_template.yml。
--check 只比较、不写入：文件与模型不一致时退出码为 1。
退出码：0 文件与模型一致（或已写入）；1 不一致（--check）；2 用法错误。
"""

from __future__ import annotations

import sys
from pathlib import Path

from macros.core.cli import ChineseParser
from macros.plans.model import SCHEMA_FILE, TEMPLATE_FILE, schema_json, template_yaml

ROOT = Path(__file__).resolve().parent.parent


def generated_files() -> dict[str, str]:
    """Relative path → content that the model generates."""
    return {SCHEMA_FILE: schema_json(), TEMPLATE_FILE: template_yaml()}


def main(argv: list[str] | None = None) -> int:
    parser = ChineseParser(
        prog="sync_school_model.py",
        description="从方案模型（macros/plans.py）生成 JSON Schema 和空白模板（data/schools/_template.yml）。",
        epilog="退出码：0 一致或已写入；1 文件与模型不一致（--check）；2 用法错误。",
    )
    parser.add_argument("--check", action="store_true", help="只检查文件是否与模型一致，不写入")
    parser.add_argument("--root", default=str(ROOT), help="项目根目录（默认：本脚本所在项目）")
    args = parser.parse_args(argv)
    root = Path(args.root)
    stale = []
    for rel, content in generated_files().items():
        path = root / rel
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == content:
            continue
        stale.append(rel)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
            print(f"已写入 {rel}")
    if args.check and stale:
        for rel in stale:
            print(f"{rel}:1:1: error: 文件与方案模型不一致，请运行 .venv/bin/python scripts/sync_school_model.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
