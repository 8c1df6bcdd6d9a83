"""`make serve` survives content errors: the real `mkdocs serve`, planted errors, a browser's
view of the pages (HTTP), and recovery on the next good save."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures" / "macros"
BANNER = b'id="portal-build-errors"'


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read()
    except urllib.error.HTTPError as err:  # a 404 page is a page too
        return err.read()


def _wait_for(url: str, condition, timeout: float = 120) -> bytes:
    deadline = time.monotonic() + timeout
    last = b""
    while time.monotonic() < deadline:
        try:
            last = _get(url)
            if condition(last):
                return last
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} never met the condition; last response starts: {last[:300]!r}")


class Serve:
    def __init__(self, project: Path) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{self.port}", "-f", str(project / "mkdocs.yml")],
            cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        )  # fmt: skip

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> str:
        self.process.terminate()
        try:
            out, _ = self.process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            out, _ = self.process.communicate()
        return out.decode("utf-8", "replace")


@pytest.fixture
def serve_copy(project_copy: Path):
    servers: list[Serve] = []

    def start() -> Serve:
        server = Serve(project_copy)
        servers.append(server)
        return server

    yield project_copy, start
    for server in servers:
        server.stop()


def test_serve_shows_a_macro_error_and_recovers(serve_copy) -> None:
    project, start = serve_copy
    server = start()
    page = _wait_for(server.url + "about/", lambda body: b"</html>" in body and BANNER not in body)
    assert "关于本站".encode() in page
    planted = project / "docs" / "about" / "mistakes.md"
    shutil.copy(FIXTURES / "mistakes.md", planted)
    shown = _wait_for(server.url + "about/", lambda body: BANNER in body, timeout=90)
    assert "docs/about/mistakes.md:8:8: error: 宏 clause() 的参数不对".encode() in shown and b"[MACRO-ARGS]" in shown
    assert "关于本站".encode() in shown, "the last good page is still served"
    assert server.alive()
    planted.unlink()
    _wait_for(server.url + "about/", lambda body: BANNER not in body and b"</html>" in body, timeout=90)
    assert server.alive()


def test_serve_starts_with_an_error_and_recovers(serve_copy) -> None:
    project, start = serve_copy
    bad = project / "data" / "themes.yml"
    good = bad.read_text(encoding="utf-8")
    bad.write_text(good + "\n  - id: [未闭合\n", encoding="utf-8")
    server = start()
    shown = _wait_for(server.url, lambda body: BANNER in body)
    assert b"data/themes.yml:" in shown and "门户还没有构建成功".encode() in shown
    assert server.alive()
    bad.write_text(good, encoding="utf-8")
    home = _wait_for(server.url, lambda body: BANNER not in body and "全员导师制".encode() in body, timeout=120)
    assert b"</html>" in home
    assert server.alive()
