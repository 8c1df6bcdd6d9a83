"""What the offline service worker adds to a teacher's first visit (#27), for
``scripts/bench.py --offline``.

The shipped site is built for the local address it is served at, by a server that gzips text
as a production server does (``benchlighthouse.served_site``, as Lighthouse's bench), and opened in Debian's Chromium
(Playwright, ``executable_path=/usr/bin/chromium``) in a fresh profile each time, so every
visit is a first visit. Each page is opened with the service worker allowed and, for
comparison, blocked. Measured:

- **before the page is interactive** (the load event has ended and the portal's code has set
  up the page, ``data-portal-ready``): the requests made in that time with the worker allowed
  that the page never makes with it blocked, and any request of the worker or for it
  (``sw.js``): the goal is none;
- **the worker**: ``sw.js`` and the two scripts it loads, and the registration code in
  ``main.js``, gzip-compressed: the goal is 20 KB at most (``offline-ui.js``, imported only when
  there is something to show, is reported apart);
- **the precache**: the requests the worker makes to fill its shell, their bytes (gzip), when
  the first starts and when the worker is ready, in milliseconds after the page was interactive:
  the goal is that it starts after.

Times are wall-clock on whatever machine runs it (load printed with them); the request lists and
bytes do not depend on it.
"""

from __future__ import annotations

import gzip
import os
import re
import statistics
import time
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from macros.core import assetnames
from scripts import benchlighthouse
from scripts.chromium import CHROMIUM, CHROMIUM_ARGS

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Request, ViewportSize

PAGES = {"首页": "", "课程（一课）": "training/policy-essentials/01-what-and-why/", "自测": "training/policy-essentials/quiz/"}
WORKER_LIMIT = 20 * 1024  # the goal: the worker and its registration, compressed
PHONE: ViewportSize = {"width": 360, "height": 740}
# The moment the portal's code has set up the page (docs/assets/portal/dom.js sets data-portal-ready).
# The document, not its root element: an init script runs before the root element exists.
READY_PROBE = """
new MutationObserver(() => {
  if (document.documentElement.dataset.portalReady && window.__portalReadyAt === undefined)
    window.__portalReadyAt = performance.now();
}).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-portal-ready"] });
"""
INTERACTIVE = """() => {
  const nav = performance.getEntriesByType("navigation")[0];
  return window.__portalReadyAt !== undefined && nav !== undefined && nav.loadEventEnd > 0
    ? performance.timeOrigin + Math.max(window.__portalReadyAt, nav.loadEventEnd) : null;
}"""
WORKER_READY = "() => navigator.serviceWorker.ready.then(() => performance.timeOrigin + performance.now())"
# The registration in the shipped main.js: from the offline import to the function that starts it
# after load (see main.js; its one call at the end of the page's set-up is not counted).
REGISTRATION = re.compile(r"const offline=.*?function startOfflineOnce\(\)\{.*?\}\);\}", re.S)


def gzip_size(path: Path) -> int:
    data = path.read_bytes()
    return min(len(data), len(gzip.compress(data, 6)))


def _site_file(site: Path, base: str, url: str) -> Path | None:
    path = unquote(urlsplit(url).path)
    base_path = urlsplit(base).path
    if not path.startswith(base_path):
        return None
    rel = path[len(base_path) :]
    file = site / (rel + "index.html" if rel == "" or rel.endswith("/") else rel)
    return file if file.is_file() else None


def worker_bytes(site: Path) -> dict[str, int]:
    """gzip bytes of sw.js, the scripts it loads, the registration code, and offline-ui.js."""
    text = (site / "sw.js").read_text(encoding="utf-8")
    loaded = re.findall(r'"(assets/portal/offline-[a-z]+\.[0-9a-f]{8}\.js)"', text.rsplit("importScripts(", 1)[-1])
    main = (site / assetnames.shipped_in(site, "assets/portal/main.js")).read_text(encoding="utf-8")
    registration = REGISTRATION.search(main)
    if registration is None or len(loaded) != 2:
        raise RuntimeError(
            "找不到 sw.js 载入的脚本或 main.js 中注册 service worker 的代码：请核对 scripts/benchoffline.py 的规则"
        )
    return {
        "worker": gzip_size(site / "sw.js") + sum(gzip_size(site / name) for name in loaded),
        "registration": len(gzip.compress(registration.group(0).encode("utf-8"), 6)),
        "offline_ui": gzip_size(site / assetnames.shipped_in(site, "assets/portal/offline-ui.js")),
    }


def first_visit(browser: Browser, site: Path, base: str, path: str, workers: bool) -> dict:
    """One first visit of ``base + path`` in a fresh profile: its requests and when it was interactive."""
    context = browser.new_context(locale="zh-CN", viewport=PHONE, service_workers="allow" if workers else "block")
    seen: list[tuple[float, Request]] = []
    context.on("request", lambda request: seen.append((time.time() * 1000, request)))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.add_init_script(READY_PROBE)
    page.goto(base + path)
    interactive = page.wait_for_function(INTERACTIVE, timeout=60000).json_value()
    ready = page.evaluate(WORKER_READY) if workers else None
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    context.close()
    if errors:
        raise RuntimeError(f"{base + path}：页面出错：{errors[0]}")
    requests = []
    for seen_at, request in seen:
        timing = getattr(request, "timing", None) or {}
        start = timing.get("startTime", -1)
        at = start if start and start > 0 else seen_at
        file = _site_file(site, base, request.url)
        requests.append(
            {
                "url": request.url[len(base) :] if request.url.startswith(base) else request.url,
                "at": at,
                "worker": request.service_worker is not None or request.url.split("?")[0].endswith("/sw.js"),
                "bytes": gzip_size(file) if file else 0,
            }
        )
    start = min(r["at"] for r in requests) if requests else interactive
    return {"interactive": interactive, "start": start, "ready": ready, "requests": requests}


def measure_page(browser: Browser, site: Path, base: str, path: str, runs: int) -> dict:
    """First visits with the worker blocked and allowed, ``runs`` of each, alternating."""
    blocked, allowed = [], []
    for _ in range(runs):
        blocked.append(first_visit(browser, site, base, path, workers=False))
        allowed.append(first_visit(browser, site, base, path, workers=True))
    # What the page fetches by itself, at any time: the search worker's scripts, for one, arrive
    # just before or just after the moment the page is interactive, worker or not.
    without_worker = {r["url"] for v in blocked for r in v["requests"]}
    added: set[str] = set()
    worker_before = 0
    precache, precache_bytes, first_after, ready_after = [], [], [], []
    for visit in allowed:
        early = [r for r in visit["requests"] if r["at"] <= visit["interactive"]]
        added |= {r["url"] for r in early if not r["worker"]} - without_worker
        worker_before += sum(1 for r in early if r["worker"])
        fetched = [r for r in visit["requests"] if r["worker"] and not r["url"].split("?")[0].endswith("sw.js")]
        precache.append(len(fetched))
        precache_bytes.append(sum(r["bytes"] for r in fetched))
        first_after.append(
            min((r["at"] for r in visit["requests"] if r["worker"]), default=visit["interactive"]) - visit["interactive"]
        )
        ready_after.append(visit["ready"] - visit["interactive"])
    return {
        "interactive_blocked_ms": statistics.median(v["interactive"] - v["start"] for v in blocked),
        "interactive_allowed_ms": statistics.median(v["interactive"] - v["start"] for v in allowed),
        "added_before_interactive": sorted(added),
        "worker_requests_before_interactive": worker_before,
        "precache_requests": max(precache),
        "precache_bytes": max(precache_bytes),
        "precache_first_after_ms": min(first_after),
        "worker_ready_after_ms": statistics.median(ready_after),
        "runs": runs,
    }


def measure(site: Path, base: str, runs: int = 3, browser: Browser | None = None) -> dict:
    """The figures for the site at ``site`` served at ``base`` (in ``browser``, else a new Chromium)."""
    if browser is not None:
        return {
            "pages": {name: measure_page(browser, site, base, path, runs) for name, path in PAGES.items()},
            **worker_bytes(site),
        }
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            return measure(site, base, runs, chromium)
        finally:
            chromium.close()


def build_and_measure(work: Path | None = None, runs: int = 3) -> dict:
    """Build the shipped site for a local address, serve it gzip-compressed and measure."""
    with benchlighthouse.served_site(work) as (site, url):
        result = measure(site, url, runs)
    result["load"] = os.getloadavg()[0]
    return result


def failures(result: dict) -> list[str]:
    """The goals not met, in Chinese."""
    out = []
    for name, r in result["pages"].items():
        if r["added_before_interactive"] or r["worker_requests_before_interactive"]:
            extra = "、".join(r["added_before_interactive"]) or f"{r['worker_requests_before_interactive']} 个 worker 请求"
            out.append(f"{name}：页面可交互之前多了请求（{extra}）")
        if r["precache_first_after_ms"] < 0:
            out.append(f"{name}：预先缓存在页面可交互之前就开始了")
    if result["worker"] + result["registration"] > WORKER_LIMIT:
        out.append(f"worker 与注册代码压缩后 {result['worker'] + result['registration']} 字节 > {WORKER_LIMIT}")
    return out


def markdown(result: dict) -> str:
    """The table for docs/about/performance.md."""
    lines = [
        f"worker（`sw.js` 与它载入的两个脚本）gzip 后 {result['worker']:,} 字节，`main.js` 中的注册代码 "
        f"{result['registration']:,} 字节，合计 {(result['worker'] + result['registration']) / 1024:.1f} KB（目标 ≤ 20 KB）；"
        f"需要时才载入的 `offline-ui.js` {result['offline_ui']:,} 字节。",
        "",
        "| 页面 | 可交互前多出的请求 | 可交互（禁用 worker / 允许） | 预先缓存：请求数、gzip | 预先缓存开始 / worker 就绪（可交互之后） |",
        "|---|---|---|---|---|",
    ]
    for name, r in result["pages"].items():
        added = len(r["added_before_interactive"]) + r["worker_requests_before_interactive"]
        lines.append(
            f"| {name}（`/{PAGES[name]}`） | {added} | {r['interactive_blocked_ms']:.0f} / {r['interactive_allowed_ms']:.0f} ms "
            f"| {r['precache_requests']} 个，{r['precache_bytes'] / 1024:.0f} KB "
            f"| {r['precache_first_after_ms']:.0f} / {r['worker_ready_after_ms']:.0f} ms |"
        )
    return "\n".join(lines) + "\n"


def report(result: dict, out=print) -> list[str]:
    out(markdown(result))
    failed = failures(result)
    out(
        "目标：页面可交互之前不多任何请求；worker 与注册代码压缩后 ≤ 20 KB；预先缓存在页面可交互之后开始。"
        + ("全部达到。" if not failed else "未达到：" + "；".join(failed))
        + f"（负载 {result.get('load', 0):.1f}）"
    )
    return failed
