#!/usr/bin/env python3
"""检查构建好的站点是否从其他主机加载资源（字体、脚本、样式表、图片、iframe 等）。

用法：.venv/bin/python scripts/check_site.py 站点目录

每个问题一行，格式为“文件:行:列: error: 说明 [SITE-EXTERNAL]”，文件相对于站点目录。
退出码：0 没有问题；1 发现问题；2 用法错误。
"""

from __future__ import annotations

import sys
from pathlib import Path

from macros.core.cli import ChineseParser
from macros.core.sitecheck import external_resources

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = ChineseParser(
        prog="check_site.py",
        description=(
            "扫描构建好的站点（mkdocs build 的输出目录）中的全部 HTML、CSS 和 JavaScript 文件，"
            "报告每一个从其他主机加载的资源：<script src>、<link href>（样式表、图标、预加载、manifest 等）、"
            "<img src/srcset>、<iframe>、<video>/<audio>/<source>、<object>、CSS 的 url() 与 @import、"
            "脚本中的绝对地址。指向其他网站的普通链接（<a href>）不算加载。"
        ),
        epilog="退出码：0 没有问题；1 发现问题；2 用法错误。例：.venv/bin/python scripts/check_site.py site",
    )
    parser._positionals.title = "参数"
    parser._optionals.title = "选项"
    parser.add_argument("site_dir", metavar="站点目录", help="mkdocs build 输出的目录，例如“site”")
    args = parser.parse_args(argv)

    site_dir = Path(args.site_dir)
    if not site_dir.is_dir():
        parser.error(f"找不到站点目录：{args.site_dir}（请先运行 make build）")
    if not any(site_dir.rglob("*.html")):
        parser.error(f"{args.site_dir} 中没有 HTML 文件，不像是构建好的站点")

    problems = external_resources(site_dir)
    for problem in problems:
        print(problem.format())
    if problems:
        print(f"共 {len(problems)} 处从其他主机加载的资源。", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
