#!/usr/bin/env python3
"""搜索评测：把 tests/search_queries.yml 中的每个查询交给浏览器中的搜索引擎，
统计期望页面排第一（首位命中）和排进前三（前三命中）的比例，以及读者要下载多少字节：
首次打开页面（还没有搜索）、第一次查询、之后每次查询。

评测的引擎：
  material  Material 自带的搜索（即当前发布的配置）：在页首搜索框中输入查询，读取结果列表。
  pagefind  Pagefind 扩展版（pagefind-bin-extended，对中文分词）：在构建好的站点副本上
            运行 pagefind 生成索引，第一次查询时才在浏览器中加载 pagefind.js，
            通过它的 JS 接口查询。副本中 Material 的索引换成空索引，代表“关掉自带搜索”。
            不改动发布的站点。

站点必须为它被访问的地址构建（site_url）：不给 --site 时，脚本以
SITE_URL=http://127.0.0.1:端口/ 构建本项目（或 --project 指定的目录）；给 --site 时，
检查它的 canonical 地址与 --port 一致。--city 先用 scripts/benchcity.py 生成虚构的城市再构建。

字节数按 nginx 开启 gzip 时实际传输的大小计：对浏览器取到的每个文件做 gzip -6 压缩；
本来就是 gzip 格式的文件（Pagefind 的索引分片）按原大小计。只统计 200 响应。

用法：python scripts/search_eval.py [--site 目录 | --project 目录 | --city 100|500|full]
        [--port 端口] [--engines material,pagefind] [--queries 文件] [--markdown] [--json 文件] [--goal]
退出码：0 完成；1 查询集有误、期望页面不存在、构建或浏览器出错，或（--goal 时）未达到目标；2 用法错误。
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

from macros.core.cli import ChineseParser  # noqa: E402

QUERIES = ROOT / "tests" / "search_queries.yml"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ENGINES = ("material", "pagefind")
KINDS = ("术语", "问题", "学校", "文号", "条款", "案例", "锦囊", "栏目")
WHO = ("教师", "学校", "培训者")
GOAL_TOP1, GOAL_TOP3 = 0.9, 1.0  # issue 14: first for 90 % of queries, in the first three for all
# What a page load fetches for search alone: Material's index, its worker and lunr; Pagefind.
SEARCH_FILES = re.compile(r"/search/|/workers/search\.|/lunr/|/pagefind/")
READY = "键入以开始搜索"  # Material's zh placeholder: the index is loaded
RESULTS = "符合条件的结果"  # in every zh result count, "没有找到…" included
# Pagefind indexes the article only (not navigation, header or footer, which repeat on every
# page) and never the quiz answers and explanations or the permalink signs.
MATERIAL_FORM = '<form class="md-search__form" name="search">'
MATERIAL_COMPONENT = 'class="md-search" data-md-component="search"'
PAGEFIND_ARTICLE = '<article class="md-content__inner md-typeset">'
PAGEFIND_EXCLUDE = ".quiz-data, .quiz-feedback, .quiz-result, .headerlink"


class EvalError(Exception):
    """A problem that ends the run with exit code 1 (message in Chinese)."""


# ------------------------------------------------------------------ query set


@dataclass(frozen=True)
class Query:
    query: str
    who: str
    kind: str
    expect: tuple[str, ...]


def check_queries(data: object) -> list[str]:
    """Problems with a loaded query-set document (empty when it is well-formed)."""
    if not isinstance(data, dict) or not isinstance(data.get("queries"), list):
        return ["顶层必须是含 queries 列表的映射"]
    problems, seen = [], set()
    for n, item in enumerate(data["queries"], 1):
        where = f"第 {n} 个查询"
        if not isinstance(item, dict) or set(item) != {"query", "who", "kind", "expect"}:
            problems.append(f"{where}：必须恰好有 query、who、kind、expect 四项")
            continue
        query, expect = item["query"], item["expect"]
        if not isinstance(query, str) or not query.strip():
            problems.append(f"{where}：query 必须是非空文字")
        elif query in seen:
            problems.append(f"{where}：查询“{query}”重复")
        seen.add(query)
        if item["who"] not in WHO:
            problems.append(f"{where}：who 必须是 {'、'.join(WHO)} 之一")
        if item["kind"] not in KINDS:
            problems.append(f"{where}：kind 必须是 {'、'.join(KINDS)} 之一")
        if not isinstance(expect, list) or not expect or len(expect) > 3:
            problems.append(f"{where}：expect 必须是 1 到 3 个页面路径的列表")
            continue
        for path in expect:
            if not isinstance(path, str) or not re.fullmatch(r"(?:[a-z0-9][a-z0-9._-]*/)*", path):
                problems.append(f"{where}：页面路径 {path!r} 必须是以 / 结尾、不含锚点的站内路径（首页为空字符串）")
    if len(data["queries"]) < 40:
        problems.append(f"查询只有 {len(data['queries'])} 个，至少需要 40 个")
    return problems


def load_queries(path: Path = QUERIES) -> list[Query]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise EvalError(f"{path}: 无法读取查询集：{exc}") from exc
    problems = check_queries(data)
    if problems:
        raise EvalError("\n".join(f"{path}: {p}" for p in problems))
    return [Query(q["query"], q["who"], q["kind"], tuple(q["expect"])) for q in data["queries"]]


def missing_pages(site: Path, queries: list[Query]) -> list[str]:
    """Expected pages that the built site does not have."""
    return sorted({p for q in queries for p in q.expect if not (site / p / "index.html").is_file()})


# ------------------------------------------------------------------ serving and bytes


class Recorder:
    """Every path the local server answered with 200, in order; phases are slices of it."""

    def __init__(self) -> None:
        self.paths: list[str] = []
        self.lock = threading.Lock()

    def mark(self) -> int:
        with self.lock:
            return len(self.paths)

    def since(self, mark: int) -> list[str]:
        with self.lock:
            return self.paths[mark:]


def serve(site: Path, port: int, recorder: Recorder) -> http.server.ThreadingHTTPServer:
    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_request(self, code="-", size="-") -> None:
            if str(getattr(code, "value", code)) == "200":
                with recorder.lock:
                    recorder.paths.append(self.path.partition("?")[0])

        def log_message(self, *args) -> None:
            pass

    handler = functools.partial(Handler, directory=str(site))
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as exc:
        raise EvalError(f"无法在 127.0.0.1:{port} 上提供站点：{exc}") from exc
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@functools.cache
def _served_size(file: Path) -> int:
    data = file.read_bytes()
    if data[:2] == b"\x1f\x8b":  # already gzip (Pagefind's chunks): nginx sends it as it is
        return len(data)
    return min(len(data), len(gzip.compress(data, 6)))


def served_bytes(site: Path, paths: list[str]) -> int:
    total = 0
    for path in paths:
        file = site / path.lstrip("/")
        if file.is_dir():
            file = file / "index.html"
        if file.is_file():
            total += _served_size(file)
    return total


# ------------------------------------------------------------------ building


def build_site(project: Path, dest: Path, base: str) -> float:
    """``mkdocs build --strict`` for the served address; wall seconds."""
    env = {**os.environ, "SITE_URL": base, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(dest)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        tail = (result.stdout + result.stderr)[-3000:]
        raise EvalError(f"mkdocs build 失败（退出码 {result.returncode}）：\n{tail}")
    return time.perf_counter() - start


def check_site_url(site: Path, base: str) -> str | None:
    """A usage problem when the site was built for another address (None when it fits)."""
    index = site / "index.html"
    if not index.is_file():
        return f"{site} 不是构建好的站点（没有 index.html）"
    match = re.search(r'<link rel="canonical" href="([^"]*)"', index.read_text(encoding="utf-8"))
    if not match or match.group(1) != base:
        found = match.group(1) if match else "（没有 canonical）"
        return f"{site} 是为 {found} 构建的，不是为 {base}：用 SITE_URL={base} 重新构建，或改 --port"
    return None


def pagefind_copy(site: Path, dest: Path) -> float:
    """A copy of the site with a Pagefind index and an empty Material index; Pagefind's seconds.

    Pagefind gets the same text as Material's index: the pages in that index (the print
    views, quiz pages and others excluded from search stay out) get ``data-pagefind-body``
    on their article, as the page template would if Pagefind were switched on; a page that
    Material indexes with one slim entry (a school: name, district, stage, verdict, not
    every sentence of its plan) gets it on its title and a hidden copy of those words."""
    from pagefind_bin_extended import get_executable

    shutil.copytree(site, dest)
    index = dest / "search" / "search_index.json"
    entries: dict[str, list[dict]] = {}
    if index.is_file():
        data = json.loads(index.read_text(encoding="utf-8"))
        for doc in data.get("docs", []):
            entries.setdefault(doc["location"].partition("#")[0], []).append(doc)
        index.write_text(json.dumps({"config": data.get("config", {}), "docs": []}), encoding="utf-8")
    # Material's search is switched off in the copy: without the form name it fetches no
    # index, without the component it starts no worker (the box stays, inert).
    for page in dest.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        page.write_text(
            html.replace(MATERIAL_FORM, '<form class="md-search__form">', 1).replace(MATERIAL_COMPONENT, 'class="md-search"', 1),
            encoding="utf-8",
        )
    for location, docs in entries.items():
        page = dest / location / "index.html"
        if not page.is_file():
            continue
        html = page.read_text(encoding="utf-8")
        if len(docs) == 1 and docs[0]["location"] == location and "<" not in docs[0]["text"]:
            words = escape(docs[0]["text"].replace("\u200b", ""))
            marked = html.replace("<h1 ", "<h1 data-pagefind-body ", 1)
            marked = marked.replace(PAGEFIND_ARTICLE, f"{PAGEFIND_ARTICLE}<div data-pagefind-body hidden>{words}</div>", 1)
        else:
            marked = html.replace(PAGEFIND_ARTICLE, PAGEFIND_ARTICLE[:-1] + " data-pagefind-body>", 1)
        page.write_text(marked, encoding="utf-8")
    args = [str(get_executable()), "--site", str(dest), "--exclude-selectors", PAGEFIND_EXCLUDE, "--quiet"]
    start = time.perf_counter()
    result = subprocess.run(args, capture_output=True, text=True)
    if result.returncode != 0:
        raise EvalError(f"pagefind 失败（退出码 {result.returncode}）：\n{(result.stdout + result.stderr)[-3000:]}")
    return time.perf_counter() - start


def tree_size(path: Path) -> tuple[int, int]:
    files = [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else [path] if path.is_file() else []
    return len(files), sum(p.stat().st_size for p in files)


# ------------------------------------------------------------------ browser


@dataclass
class Run:
    engine: str
    results: dict[str, list[str]] = field(default_factory=dict)
    first_visit: int = 0
    first_visit_search: int = 0
    first_query: int = 0
    later_queries: list[int] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    index_build: float = 0.0
    index_files: int = 0
    index_bytes: int = 0


def _page_path(href: str, base: str) -> str:
    return href.removeprefix(base).partition("#")[0].partition("?")[0]


def material_query(page, base: str, query: str) -> list[str]:
    """Type ``query`` into the open header search box; the result pages in order."""
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press("End")
    page.wait_for_function(f"document.querySelector('.md-search-result__meta')?.textContent.includes('{READY}')")
    box.fill(query)
    box.press("End")  # Material reads the query on keyup, as when an input method commits
    page.wait_for_function(f"document.querySelector('.md-search-result__meta')?.textContent.includes('{RESULTS}')")
    hrefs = page.locator(".md-search-result__item").evaluate_all(
        "items => items.slice(0, 10).map(i => i.querySelector('a')?.href || '')"
    )
    return [_page_path(h, base) for h in hrefs]


PAGEFIND_JS = """async ([bundle, query]) => {
  if (!window.__pagefind) {
    window.__pagefind = await import(bundle);
    await window.__pagefind.init();
  }
  const search = await window.__pagefind.search(query);
  // A result list shows a few results with their excerpts: load those fragments, as a UI would.
  const top = await Promise.all(search.results.slice(0, 5).map(r => r.data()));
  return top.map(d => d.url);
}"""


def pagefind_query(page, base: str, query: str) -> list[str]:
    urls = page.evaluate(PAGEFIND_JS, [f"{base}pagefind/pagefind.js", query])
    return [_page_path(base + u.lstrip("/"), base) for u in urls]


def evaluate(engine: str, site: Path, base: str, recorder: Recorder, queries: list[Query], browser) -> Run:
    run = Run(engine)
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    page.on("console", lambda m: run.errors.append(f"控制台：{m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: run.errors.append(f"页面错误：{e}"))
    try:
        mark = recorder.mark()
        page.goto(base, wait_until="networkidle")
        if engine == "material":
            page.wait_for_function(
                f"document.querySelector('.md-search-result__meta')?.textContent.includes('{READY}')",
                timeout=60_000,
            )
        page.wait_for_timeout(500)
        fetched = recorder.since(mark)
        run.first_visit = served_bytes(site, fetched)
        run.first_visit_search = served_bytes(site, [p for p in fetched if SEARCH_FILES.search(p)])
        if engine == "material":
            page.locator("input.md-search__input").click()
        for n, q in enumerate(queries):
            mark = recorder.mark()
            run.results[q.query] = (material_query if engine == "material" else pagefind_query)(page, base, q.query)
            page.wait_for_timeout(100)
            size = served_bytes(site, recorder.since(mark))
            if n == 0:
                run.first_query = size
            else:
                run.later_queries.append(size)
    finally:
        context.close()
    return run


# ------------------------------------------------------------------ report


def hits(run: Run, queries: list[Query], k: int) -> int:
    return sum(1 for q in queries if set(run.results.get(q.query, [])[:k]) & set(q.expect))


def fmt_kb(n: float) -> str:
    return f"{n / 1024 / 1024:.2f} MB" if n >= 1024 * 1024 else f"{n / 1024:.1f} KB"


LABELS = {"material": "Material 自带搜索（当前发布）", "pagefind": "Pagefind 扩展版（中文分词）"}


def markdown_report(runs: list[Run], queries: list[Query], meta: dict) -> str:
    n = len(queries)
    head = "| 指标 | " + " | ".join(LABELS[r.engine] for r in runs) + " |\n|---|" + "---|" * len(runs) + "\n"

    def row(label: str, cells: list[str]) -> str:
        return f"| {label} | " + " | ".join(cells) + " |\n"

    def pct(k: int) -> list[str]:
        return [f"{hits(r, queries, k)}/{n}（{hits(r, queries, k) / n:.0%}）" for r in runs]

    later = [r.later_queries or [0] for r in runs]
    out = head
    out += row("首位命中", pct(1)) + row("前三命中", pct(3))
    out += row("首次访问下载（gzip，尚未搜索）", [fmt_kb(r.first_visit) for r in runs])
    out += row("其中搜索（索引、worker、lunr）", [fmt_kb(r.first_visit_search) for r in runs])
    out += row("第一次查询下载", [fmt_kb(r.first_query) for r in runs])
    out += row("之后每次查询：平均 / 最大", [f"{fmt_kb(sum(x) / len(x))} / {fmt_kb(max(x))}" for x in later])
    out += row("索引文件（个数，原始大小）", [f"{r.index_files} 个，{fmt_kb(r.index_bytes)}" for r in runs])
    out += row("索引构建时间", [f"{r.index_build:.1f} s" if r.engine != "material" else "在 mkdocs build 之中" for r in runs])
    out += f"\n站点：{meta['site']}，{meta['pages']} 个页面；构建（mkdocs build --strict）{meta['build']:.1f} s；"
    out += f"查询集 {n} 个查询。\n\n"
    out += "| 查询 | 期望 | " + " | ".join(f"{r.engine} 前三" for r in runs) + " |\n|---|---|" + "---|" * len(runs) + "\n"
    for q in queries:
        cells = []
        for r in runs:
            top = r.results.get(q.query, [])[:3]
            mark = "✓" if top[:1] and top[0] in q.expect else ("≈" if set(top) & set(q.expect) else "✗")
            cells.append(mark + " " + "<br>".join(f"`{p or '/'}`" for p in top))
        expect = "<br>".join(f"`{p or '/'}`" for p in q.expect)
        out += f"| {q.query} | {expect} | " + " | ".join(cells) + " |\n"
    out += "\n✓ 首位命中；≈ 前三命中；✗ 前三都不是期望页面。\n"
    return out


def text_report(runs: list[Run], queries: list[Query]) -> str:
    lines = []
    n = len(queries)
    for r in runs:
        lines.append(
            f"{LABELS[r.engine]}：首位命中 {hits(r, queries, 1)}/{n}，前三命中 {hits(r, queries, 3)}/{n}；"
            f"首次访问 {fmt_kb(r.first_visit)}（其中搜索 {fmt_kb(r.first_visit_search)}），"
            f"第一次查询 {fmt_kb(r.first_query)}，之后每次最多 {fmt_kb(max(r.later_queries or [0]))}；"
            f"索引构建 {r.index_build:.1f} s"
        )
        for q in queries:
            top = r.results.get(q.query, [])[:3]
            if not (top[:1] and top[0] in q.expect):
                lines.append(f"  未命中首位：{q.query} → {', '.join(p or '/' for p in top) or '（没有结果）'}")
        lines += [f"  {e}" for e in r.errors]
    return "\n".join(lines)


# ------------------------------------------------------------------ main


def parse_args(argv: list[str] | None):
    parser = ChineseParser(prog="search_eval.py", description=__doc__)
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--site", type=Path, help="已构建的站点目录（须为 http://127.0.0.1:端口/ 构建）")
    source.add_argument("--project", type=Path, help="要构建的项目目录（默认本项目）")
    source.add_argument("--city", choices=("100", "500", "full"), help="先生成该规模的虚构城市（scripts/benchcity.py）")
    parser.add_argument("--port", type=int, default=8790, help="本机提供站点的端口（默认 8790）")
    parser.add_argument("--engines", default=",".join(ENGINES), help="要评测的引擎，逗号分隔（默认 material,pagefind）")
    parser.add_argument("--queries", type=Path, default=QUERIES, help="查询集（默认 tests/search_queries.yml）")
    parser.add_argument("--markdown", action="store_true", help="以 Markdown 表格输出（用于 docs/about/）")
    parser.add_argument("--json", type=Path, help="把全部结果另存为 JSON")
    parser.add_argument("--goal", action="store_true", help="有引擎未达到目标（首位 ≥ 90%%、前三 100%%）时退出码为 1")
    args = parser.parse_args(argv)
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    if not engines or any(e not in ENGINES for e in engines):
        parser.error(f"--engines 只能是 {','.join(ENGINES)} 中的一个或几个")
    if not 0 < args.port < 65536:
        parser.error("--port 必须在 1 到 65535 之间")
    return parser, args, engines


def main(argv: list[str] | None = None) -> int:
    parser, args, engines = parse_args(argv)
    base = f"http://127.0.0.1:{args.port}/"
    if args.site is not None:
        problem = check_site_url(args.site, base)
        if problem:
            parser.error(problem)
    if not Path(CHROMIUM).exists():
        print(f"找不到 {CHROMIUM}（Debian 的 chromium 包）", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="search-eval-") as tmp:
        try:
            return run_all(args, engines, base, Path(tmp))
        except EvalError as exc:
            print(f"错误：{exc}", file=sys.stderr)
            return 1


def run_all(args, engines: list[str], base: str, tmp: Path) -> int:
    from playwright.sync_api import sync_playwright

    queries = load_queries(args.queries)
    build = 0.0
    site = args.site
    if site is None:
        project = args.project or ROOT
        if args.city:
            from benchcity import Sizes, make_city

            project = tmp / "city"
            make_city(project, Sizes.for_scale(args.city))
        site = tmp / "site"
        print(f"构建 {project} …", file=sys.stderr)
        build = build_site(project, site, base)
    missing = missing_pages(site, queries)
    if missing:
        raise EvalError("站点中没有这些期望页面：" + "、".join(p or "/" for p in missing))
    runs: list[Run] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            for engine in engines:
                served, seconds = site, 0.0
                if engine == "pagefind":
                    served = tmp / "pagefind-site"
                    print("运行 pagefind …", file=sys.stderr)
                    seconds = pagefind_copy(site, served)
                recorder = Recorder()
                server = serve(served, args.port, recorder)
                try:
                    print(f"评测 {engine} …", file=sys.stderr)
                    run = evaluate(engine, served, base, recorder, queries, browser)
                finally:
                    server.shutdown()
                    server.server_close()
                index = served / ("pagefind" if engine == "pagefind" else "search/search_index.json")
                run.index_files, run.index_bytes = tree_size(index)
                run.index_build = seconds
                runs.append(run)
        finally:
            browser.close()
    pages = sum(1 for p in site.rglob("index.html"))
    meta = {"site": args.city and f"城市规模 {args.city}" or "发布的站点", "pages": pages, "build": build}
    print(markdown_report(runs, queries, meta) if args.markdown else text_report(runs, queries))
    if args.json:
        args.json.write_text(
            json.dumps({"meta": meta, "runs": [r.__dict__ for r in runs]}, ensure_ascii=False, indent=1), encoding="utf-8"
        )
    if any(r.errors for r in runs):
        return 1
    if args.goal and any(
        hits(r, queries, 1) < GOAL_TOP1 * len(queries) or hits(r, queries, 3) < GOAL_TOP3 * len(queries) for r in runs
    ):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
