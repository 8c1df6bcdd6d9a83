"""Search bytes for scripts/bench.py: the built site served at the address it was built for,
Chromium types the query set (tests/search_queries.yml) into the header search box, and the
bytes nginx would send (gzip -6) are counted with scripts/search_engines.py's recorder:
the first visit (nothing of the index may be fetched), the first query, each later query."""

from __future__ import annotations

import socket
from pathlib import Path

from scripts.chromium import CHROMIUM, CHROMIUM_ARGS
from scripts.search_engines import Recorder, evaluate, serve
from scripts.search_eval import hits, load_queries

KB = 1024
FIRST_QUERY_MAX = 300 * KB  # issue 14, at full city scale, gzip as served
LATER_QUERY_MAX = 100 * KB


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def measure(site: Path, port: int) -> dict:
    """Bytes and hits of the header search box on ``site`` (built for http://127.0.0.1:port/)."""
    from playwright.sync_api import sync_playwright

    queries = load_queries()
    recorder = Recorder()
    server = serve(site, port, recorder)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            try:
                run = evaluate("material", site, f"http://127.0.0.1:{port}/", recorder, queries, browser)
            finally:
                browser.close()
    finally:
        server.shutdown()
        server.server_close()
    if run.errors:
        raise RuntimeError("搜索测量时浏览器报错：" + "；".join(run.errors[:3]))
    later = run.later_queries or [0]
    return {
        "search_first_visit": run.first_visit,
        "search_first_visit_search": run.first_visit_search,
        "search_first_query": run.first_query,
        "search_later_mean": sum(later) / len(later),
        "search_later_max": max(later),
        "search_queries": len(queries),
        "search_top1": hits(run, queries, 1),
        "search_top3": hits(run, queries, 3),
    }
