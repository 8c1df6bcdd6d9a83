#!/usr/bin/env python3
"""构建门户网站：先在临时目录中严格构建并检查，全部通过后才替换站点目录。

用法：.venv/bin/python scripts/build.py [-d 站点目录]

先运行 mkdocs build --strict，输出到站点目录旁边的临时目录，再用 scripts/check_site.py 检查；
两者都通过，才用新站点替换原来的站点目录（默认 site）。构建或检查失败时，原来的站点目录一个字节也不变，
临时目录被删除。这样部署的永远是最后一次成功构建的站点。
退出码：0 构建成功，站点目录已替换；1 构建或站点检查失败，站点目录保持原样；2 用法错误。
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from macros.core.cli import ChineseParser

ROOT = Path(__file__).resolve().parent.parent

KEEP = "原来的站点目录保持不变"


def main(argv: list[str] | None = None) -> int:
    parser = ChineseParser(
        prog="build.py",
        description=(
            "严格模式构建门户（mkdocs build --strict）到临时目录，检查其中没有从其他主机加载的资源"
            "（scripts/check_site.py），都通过后才替换站点目录。失败时站点目录保持原样。"
        ),
        epilog="退出码：0 构建成功；1 构建或站点检查失败，站点目录未改动；2 用法错误。例：.venv/bin/python scripts/build.py",
    )
    parser.add_argument("-d", "--site-dir", default="site", metavar="目录", help="站点目录（默认：“site”，相对于当前目录）")
    parser.add_argument("--root", default=str(ROOT), metavar="目录", help="项目根目录（默认：本脚本所在项目）")
    args = parser.parse_args(argv)

    root = Path(args.root).resolve()
    if not (root / "mkdocs.yml").is_file():
        parser.error(f"{root} 不是门户项目目录（找不到 mkdocs.yml）")
    site = Path(args.site_dir).absolute()
    if site.exists() and (site.is_symlink() or not site.is_dir()):
        parser.error(f"{args.site_dir} 已存在，但不是目录")
    if site == root or site.is_relative_to(root / "docs") or root.is_relative_to(site):
        parser.error(f"站点目录 {args.site_dir} 不能是项目目录、页面目录 docs/ 或它们里面的目录")
    site.parent.mkdir(parents=True, exist_ok=True)

    # Next to the site, so that the final move is a rename on the same file system.
    staging = Path(tempfile.mkdtemp(prefix=f".{site.name}-new-", dir=site.parent))
    try:
        _public(staging)
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml"), "-d", str(staging)]
        if subprocess.run(command, cwd=root, env=env).returncode != 0:
            print(f"构建失败（见上面的错误），{KEEP}：{args.site_dir}", file=sys.stderr)
            return 1
        if subprocess.run([sys.executable, str(ROOT / "scripts" / "check_site.py"), str(staging)]).returncode != 0:
            print(f"站点检查发现问题（见上面的错误），{KEEP}：{args.site_dir}", file=sys.stderr)
            return 1
        _replace(site, staging)
    except OSError as err:  # e.g. the site folder is in use or not writable
        print(f"无法替换站点目录 {args.site_dir}：{err.strerror or err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"构建被中断，{KEEP}：{args.site_dir}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    print(f"构建完成，站点已更新：{args.site_dir}", file=sys.stderr)
    return 0


def _public(folder: Path) -> None:
    """mkdtemp makes a folder only its owner may read; a site is read by the web server."""
    umask = os.umask(0)
    os.umask(umask)
    folder.chmod(0o777 & ~umask)


def _replace(site: Path, staging: Path) -> None:
    """Swap the new site in with two renames: the site folder is missing only between them."""
    old = None
    if site.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{site.name}-old-", dir=site.parent))
        old.rmdir()
        site.rename(old)
    try:
        staging.rename(site)
    except OSError:
        if old is not None:
            old.rename(site)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
