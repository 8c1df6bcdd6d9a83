"""scripts/bench.py --lighthouse: the parts that do not need Lighthouse itself (the real
run is the benchmark, docs/about/performance.md): the gzip server, the goals, the table."""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import pytest

from scripts import benchlighthouse as lh

ROOT = Path(__file__).resolve().parent.parent


def _result(perf: int, a11y: int = 100, best: int = 100) -> dict:
    return {
        "performance": perf,
        "accessibility": a11y,
        "best-practices": best,
        "bytes": 180 * 1024,
        "requests": 15,
        "lcp_ms": 1600,
        "flagged": [],
        "lighthouse": "12.2.3",
        "runs": [perf],
    }


@pytest.mark.parametrize(
    ("scores", "failed"),
    [
        ((95, 100, 95), []),
        ((94, 100, 100), ["首页：性能 94 < 95"]),
        ((100, 99, 100), ["首页：无障碍 99 < 100"]),
        ((100, 100, 94), ["首页：最佳实践 94 < 95"]),
    ],
)
def test_goals(scores, failed):
    assert lh.failures({"首页": _result(*scores)}) == failed


def test_markdown_table_names_each_page_and_its_bytes():
    table = lh.markdown({"首页": _result(97), "自测": _result(99)})
    assert "Lighthouse 12.2.3" in table
    assert "| 首页（`/`） | 97（97） | 100 | 100 | 180 KB | 15 | 1.6 s |" in table
    assert f"| 自测（`/{lh.PAGES['自测']}`）" in table


def test_pinned_and_locked():
    package = json.loads((lh.TOOL / "package.json").read_text(encoding="utf-8"))
    assert package["dependencies"] == {"lighthouse": "12.2.3"}  # 12.3+ refuses npm ci here; 13 needs Node 22
    lock = json.loads((lh.TOOL / "package-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"]["node_modules/lighthouse"]["version"] == "12.2.3"


def test_server_compresses_text_as_a_production_server_does(tmp_path):
    (tmp_path / "a").mkdir()
    page = "<p>" + "全员导师制" * 2000 + "</p>"
    (tmp_path / "a" / "index.html").write_text(page, encoding="utf-8")
    (tmp_path / "x.png").write_bytes(b"\x89PNG" + bytes(100))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(lh._Gzip, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with urllib.request.urlopen(urllib.request.Request(base + "a/", headers={"Accept-Encoding": "gzip"})) as r:
            assert r.headers["Content-Encoding"] == "gzip"
            body = r.read()
        assert len(body) < len(page.encode()) / 10 and gzip.decompress(body).decode() == page
        with urllib.request.urlopen(base + "a/") as r:  # no gzip asked for: plain
            assert r.headers["Content-Encoding"] is None and r.read().decode() == page
        with urllib.request.urlopen(urllib.request.Request(base + "x.png", headers={"Accept-Encoding": "gzip"})) as r:
            assert r.headers["Content-Encoding"] is None  # images are not text
        with urllib.request.urlopen(base + "a") as r:  # the directory redirect still works
            assert r.url.endswith("/a/")
    finally:
        server.shutdown()
        server.server_close()


def test_help_names_the_option():
    result = subprocess.run([sys.executable, str(ROOT / "scripts/bench.py"), "--help"], capture_output=True, text=True)
    assert result.returncode == 0 and "--lighthouse" in result.stdout and "手机" in result.stdout
