"""What a teacher's phone downloads and how fast it shows: Lighthouse (mobile profile) on
the shipped site, for ``scripts/bench.py --lighthouse``.

Lighthouse is an npm package pinned in tools/lighthouse/ (package.json and
package-lock.json; ``npm ci --ignore-scripts`` there installs it and downloads no browser).
It drives Debian's Chromium (CHROME_PATH=/usr/bin/chromium). The site is built for the
address it is served at, as the browser tests do, so Material's instant navigation and
the sitemap behave as they do when deployed.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import json
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from scripts.chromium import CHROMIUM
from scripts.search_engines import EvalError, build_site

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT / "tools" / "lighthouse"
CLI = TOOL / "node_modules" / "lighthouse" / "cli" / "index.js"
# The page kinds a teacher meets most: home, a lesson, a quiz, a school's plan.
PAGES = {
    "首页": "",
    "课程（一课）": "training/policy-essentials/01-what-and-why/",
    "自测": "training/policy-essentials/quiz/",
    "学校方案": "schools/chenguang-middle/",
}
CATEGORIES = ("performance", "accessibility", "best-practices")
GOALS = {"performance": 95, "accessibility": 100, "best-practices": 95}
LABELS = {"performance": "性能", "accessibility": "无障碍", "best-practices": "最佳实践"}


class _Gzip(http.server.SimpleHTTPRequestHandler):
    """Serves text gzip-compressed when the browser asks for it, as a production web
    server does (nginx ``gzip on``): the bytes measured are the bytes a phone downloads."""

    TEXT = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self) -> io.BytesIO | BinaryIO | None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the base class redirects to the address with "/"
            path = path / "index.html"
        wants = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants and path.suffix in self.TEXT and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)  # what SimpleHTTPRequestHandler.copyfile reads and closes


def missing() -> str | None:
    """Why Lighthouse cannot run here (Chinese), or None."""
    if shutil.which("node") is None:
        return "找不到 node（Lighthouse 需要 Node.js 18.20 或更高版本）"
    if not CLI.exists():
        return f"没有安装 Lighthouse：请在 {TOOL.relative_to(ROOT)} 中运行 npm ci --ignore-scripts"
    if not Path(CHROMIUM).exists():
        return f"找不到 {CHROMIUM}（Debian 的 chromium 包）"
    return None


def audit(url: str) -> dict:
    """One Lighthouse run, mobile profile (its default: Moto G class phone, slow 4G, simulated)."""
    result = subprocess.run(
        [
            "node",
            str(CLI),
            url,
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        timeout=300,
    )
    if result.returncode != 0:
        raise RuntimeError(f"Lighthouse 在 {url} 上失败：{result.stderr.strip()[-500:]}")
    report = json.loads(result.stdout)
    scores = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}
    flagged = []
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            found = report["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and found.get("score") is not None and found["score"] < 1:
                flagged.append(f"{category}/{ref['id']}")
    audits = report["audits"]
    return {
        **scores,
        "bytes": int(audits["total-byte-weight"]["numericValue"]),
        "requests": len(audits["network-requests"]["details"]["items"]),
        "lcp_ms": int(audits["largest-contentful-paint"]["numericValue"]),
        "flagged": flagged,
        "lighthouse": report["lighthouseVersion"],
    }


def median_run(url: str, runs: int) -> dict:
    """The run with the median performance score: Lighthouse's own advice, since one run
    on a busy machine varies by several points."""
    found = sorted((audit(url) for _ in range(runs)), key=lambda r: r["performance"])
    return {**found[len(found) // 2], "runs": [r["performance"] for r in found]}


@contextlib.contextmanager
def served_site(work: Path | None = None) -> Iterator[tuple[Path, str]]:
    """(site folder, address): the shipped site built for a local address and served there,
    gzip-compressed, until the block ends (also for scripts/benchoffline.py)."""
    site = Path(tempfile.mkdtemp(prefix="portal-lh-", dir=work))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Gzip, directory=str(site)))
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        try:
            build_site(ROOT, site, url)
        except EvalError as err:
            raise RuntimeError(str(err)) from err
        threading.Thread(target=server.serve_forever, daemon=True).start()
        yield site, url
    finally:
        server.shutdown()
        server.server_close()
        shutil.rmtree(site, ignore_errors=True)


def build_and_audit(work: Path | None = None, runs: int = 3) -> dict[str, dict]:
    """Build the shipped site for a local address, serve it, and audit each page kind."""
    with served_site(work) as (_, url):
        return {name: median_run(url + path, runs) for name, path in PAGES.items()}


def failures(results: dict[str, dict]) -> list[str]:
    return [f"{name}：{LABELS[c]} {r[c]} < {GOALS[c]}" for name, r in results.items() for c in CATEGORIES if r[c] < GOALS[c]]


def markdown(results: dict[str, dict]) -> str:
    """The table for docs/about/performance.md."""
    version = next(iter(results.values()))["lighthouse"] if results else "?"
    lines = [
        f"Lighthouse {version}，手机配置：",
        "",
        "| 页面 | 性能（各次） | 无障碍 | 最佳实践 | 下载量 | 请求数 | 最大内容绘制 |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, r in results.items():
        lines.append(
            f"| {name}（`/{PAGES[name]}`） | {r['performance']}（{'、'.join(map(str, r.get('runs', [])))}） "
            f"| {r['accessibility']} | {r['best-practices']} "
            f"| {r['bytes'] / 1024:.0f} KB | {r['requests']} | {r['lcp_ms'] / 1000:.1f} s |"
        )
    return "\n".join(lines) + "\n"


def report(results: dict[str, dict], out=print) -> list[str]:
    out(markdown(results))
    for name, r in results.items():
        if r["flagged"]:
            out(f"{name} 未满分的检查项：{'、'.join(r['flagged'])}")
    failed = failures(results)
    out("目标：性能 ≥ 95，无障碍 100，最佳实践 ≥ 95。" + ("全部达到。" if not failed else "未达到：" + "；".join(failed)))
    return failed
