#!/usr/bin/env python3
"""测量匿名化检查在冷启动时的耗时：每次在全新的 Python 进程中、不用任何缓存，
对给定的案例文件运行检查（加载词典和模型、逐个扫描），报告 CPU 时间；再在同一进程中
重新扫描一遍（已加载、不用缓存），得出扫描本身的耗时，两者之差是加载的耗时。

用法：.venv/bin/python scripts/anon_bench.py [文件或通配符 ...] [--repeat N]

默认测量 casebook/ 中的全部案例。取 N 次中 CPU 时间最短的一次（机器繁忙时更稳定）。
退出码：0 正常；2 用法错误（如没有匹配的文件）。
"""

from __future__ import annotations

import glob
import json
import os
import subprocess
import sys
from pathlib import Path

from macros.core.cli import ChineseParser

ROOT = Path(__file__).resolve().parent.parent

# Runs in the fresh process: the module imports are not counted (a build imports them anyway).
_MEASURE = """
import json, os, sys, time
from pathlib import Path
from macros.casebook import anonymise
from macros.core.yamlload import load_front_matter
cases = []
for name in sys.argv[1:]:
    doc, _body, _problems = load_front_matter(Path(name), name)
    pseudonyms = (doc.data or {}).get("pseudonyms", []) if doc is not None else []
    cases.append((Path(name).read_text(encoding="utf-8-sig"), pseudonyms))
start = time.process_time()
anonymise.prefetch(cases, workers=1)
findings = sum(len(anonymise.find_identifiers(text, names)) for text, names in cases)
cpu = time.process_time() - start
# Again, everything loaded and no memo: the scanning alone.
start = time.process_time()
for text, names in cases:
    anonymise._find_identifiers(text, [str(n) for n in names])
scan = time.process_time() - start
chars = sum(len(t) for t, _ in cases)
print(json.dumps({"cpu_ms": cpu * 1000, "scan_ms": scan * 1000, "findings": findings, "chars": chars}))
"""


def measure(files: list[str]) -> dict:
    # PYTHONPATH: this checkout's engine, ahead of whichever one the environment has installed.
    env = dict(os.environ, PORTAL_NO_CACHE="1", PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", _MEASURE, *files], env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = ChineseParser(
        prog="anon_bench.py",
        description="在全新的进程中（无缓存）测量匿名化检查的 CPU 时间。",
        epilog="退出码：0 正常；2 用法错误。",
    )
    parser.add_argument("paths", nargs="*", help="案例文件或通配符（默认 casebook/*.md）")
    parser.add_argument("--repeat", type=int, default=3, help="测量次数，取最短的一次（默认 3）")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat 至少为 1")
    patterns = args.paths or [str(ROOT / "casebook" / "*.md")]
    files = sorted({f for pattern in patterns for f in (glob.glob(pattern) or [pattern]) if Path(f).is_file()})
    if not files:
        parser.error("没有找到案例文件：" + "、".join(patterns))
    best = min((measure(files) for _ in range(args.repeat)), key=lambda r: r["cpu_ms"])
    cases = len(files)
    print(f"案例 {cases} 个（{best['chars']} 字），标记 {best['findings']} 处")
    print(f"CPU 时间 {best['cpu_ms']:.0f} ms（{args.repeat} 次中最短），其中")
    print(f"  加载词典和模型等 {best['cpu_ms'] - best['scan_ms']:.0f} ms")
    per_k = best["scan_ms"] * 1000 / best["chars"] if best["chars"] else 0.0
    print(f"  扫描 {best['scan_ms']:.0f} ms，平均每个案例 {best['scan_ms'] / cases:.1f} ms，每千字 {per_k:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
