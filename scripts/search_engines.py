"""The engines measured by scripts/search_eval.py: serving a built site while recording what
the browser fetches, the bytes nginx would send for it, the Pagefind copy of a site, and
the browser side of each engine (Material's header search box, Pagefind's JS API)."""

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
import threading
import time
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What a page load fetches for search alone: Material's index, its worker and lunr; the portal worker
# and the two scripts it loads (its logic and the hash it shares with the learning record), under
# their content-hashed names (portal-search.b7f1ca83.js); Pagefind.
_HASH = r"(?:\.[0-9a-f]{8})?"
SEARCH_FILES = re.compile(
    rf"/search/|/workers/search\.|/lunr/|/pagefind/|/portal-search{_HASH}\.js|/portal/search-core{_HASH}\.js|/portal/hash{_HASH}\.js"
)
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

        def log_message(self, format: str, *args: object) -> None:
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


def material_query(page, query: str) -> list[str]:
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
    return hrefs


PAGEFIND_JS = """async ([bundle, query, layer]) => {
  if (!window.__pagefind) {
    window.__pagefind = await import(bundle);
    await window.__pagefind.init();
  }
  const pagefind = window.__pagefind;
  let search = await pagefind.search(layer ? prepare(query, layer) : query);
  if (layer && !search.results.length) search = await anyPart(pagefind, query, layer);
  // A result list shows a few results with their excerpts: load those fragments, as a UI would.
  const top = await Promise.all(search.results.slice(0, 5).map(r => r.data()));
  return top.map(d => d.url);

  // The experimental query layer: question words are dropped (Pagefind wants every word of
  // the query on a page) and programme terms are cut out as parts of their own. (Quoting
  // them as exact phrases was tried: Pagefind 1.5 finds nothing for a quoted Chinese word.)
  function parts(q, {terms, stop}) {
    const out = []; let buf = "", i = 0;
    scan: while (i < q.length) {
      for (const t of terms) if (q.startsWith(t, i)) { out.push(buf, t); buf = ""; i += t.length; continue scan; }
      for (const w of stop) if (q.startsWith(w, i)) { out.push(buf); buf = ""; i += w.length; continue scan; }
      buf += q[i++];
    }
    out.push(buf);
    return out.map(x => x.trim()).filter(Boolean);
  }
  function prepare(q, layer) { return parts(q, layer).join(" "); }
  // Nothing has every part: rank pages by the sum of their scores over the parts.
  async function anyPart(pagefind, q, layer) {
    const scores = new Map();
    for (const part of parts(q, layer)) {
      for (const r of (await pagefind.search(part)).results) {
        const seen = scores.get(r.id);
        scores.set(r.id, {r, score: (seen ? seen.score : 0) + r.score});
      }
    }
    return {results: [...scores.values()].sort((a, b) => b.score - a.score).map(x => x.r)};
  }
}"""
ENGINES = ("material", "pagefind", "pagefind-terms")
# Question and function words a teacher types around the words that matter (longest first).
STOP_WORDS = sorted(
    "怎么办 怎么 怎样 如何 什么 为什么 哪些 哪里 能不能 可不可以 有没有 是不是 是否 多少 几 吗 呢 吧 的 了 是 有".split(),
    key=len,
    reverse=True,
)


def programme_terms(root: Path) -> list[str]:
    """The build's jieba dictionary and the glossary's terms and aliases, longest first."""
    import yaml

    terms = set()
    userdict = root / "data" / "search_userdict.txt"
    if userdict.is_file():
        terms |= {line.split()[0] for line in userdict.read_text(encoding="utf-8").splitlines() if line.strip()}
    glossary = root / "data" / "glossary.yml"
    if glossary.is_file():
        data = yaml.safe_load(glossary.read_text(encoding="utf-8")) or {}
        for entry in data.get("terms", []) if isinstance(data, dict) else []:
            terms |= {entry.get("term", ""), *entry.get("aliases", [])}
    return sorted((t for t in terms if len(t) > 1), key=len, reverse=True)


def pagefind_query(page, base: str, query: str, layer: dict | None = None) -> list[str]:
    urls = page.evaluate(PAGEFIND_JS, [f"{base}pagefind/pagefind.js", query, layer])
    return [base + u.lstrip("/") for u in urls]


def evaluate(engine: str, site: Path, base: str, recorder: Recorder, queries: list, browser) -> Run:
    """One engine over the query set in a fresh browser context: what the first visit
    fetches, then each query's result pages and what it fetched."""
    run = Run(engine)
    layer = {"terms": programme_terms(ROOT), "stop": STOP_WORDS} if engine == "pagefind-terms" else None
    # Without the offline service worker (#27): its one-time precache of the site's scripts (the
    # worker's among them) is the offline feature's cost, not the first visit's.
    context = browser.new_context(locale="zh-CN", service_workers="block")
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
            if engine == "material":
                hrefs = material_query(page, q.query)
            else:
                hrefs = pagefind_query(page, base, q.query, layer)
            run.results[q.query] = [_page_path(h, base) for h in hrefs]
            page.wait_for_timeout(100)
            size = served_bytes(site, recorder.since(mark))
            if n == 0:
                run.first_query = size
            else:
                run.later_queries.append(size)
    finally:
        context.close()
    return run
