"""Edit-to-preview for scripts/bench.py: run ``mkdocs serve`` on the generated city, save
an edited case or school file, and time how long until the server answers with the
new page (the live-reload server holds requests while it rebuilds, so the first
answer that contains the edit is the moment a browser would show it)."""

from __future__ import annotations

import os
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

POLL = 0.05  # seconds between requests while waiting for the rebuilt page


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, timeout: float = 120) -> str:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_for(url: str, text: str, limit: float) -> float:
    """Seconds until ``url`` answers with ``text`` in it (raises after ``limit`` seconds)."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if text in fetch(url):
            return time.perf_counter() - start
        time.sleep(POLL)
    raise RuntimeError(f"{limit:.0f} s 内没有在 {url} 看到修改后的内容")


class Server:
    """``mkdocs serve`` in its own process group, as ``make serve`` runs it."""

    def __init__(self, city: Path, log: Path, env: dict[str, str]) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log = log.open("w", encoding="utf-8")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{self.port}"],
            cwd=city,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            env={**os.environ, **env},
            start_new_session=True,
        )

    def wait_ready(self, limit: float = 600) -> float:
        start = time.perf_counter()
        while time.perf_counter() - start < limit:
            if self.proc.poll() is not None:
                raise RuntimeError(f"mkdocs serve 退出了（退出码 {self.proc.returncode}），日志：{self.log.name}")
            if fetch(self.url, timeout=5):
                return time.perf_counter() - start
            time.sleep(0.5)
        raise RuntimeError(f"mkdocs serve 在 {limit:.0f} s 内没有就绪，日志：{self.log.name}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGINT)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self.log.close()


def measure_preview(
    city: Path,
    log: Path,
    env: dict[str, str],
    edits: dict[str, tuple[Path, str, Callable[[str, int], tuple[str, str]]]],
    rounds: int = 3,
    settle: float = 5.0,
) -> dict[str, Any]:
    """For each named edit ``(file, page url path, make(text, round) -> (new text, marker))``:
    the median seconds from saving the file to the served page showing ``marker``."""
    server = Server(city, log, env)
    try:
        server.wait_ready()
        time.sleep(settle)  # what an author does before the first save; the server warms up meanwhile
        result: dict[str, Any] = {}
        for name, (path, page, make) in edits.items():
            times = []
            for n in range(rounds):
                text, marker = make(path.read_text(encoding="utf-8"), n)
                path.write_text(text, encoding="utf-8")
                times.append(wait_for(server.url + page, marker, limit=300))
                time.sleep(1.0)
            result[name] = statistics.median(times)
            result[f"{name}_all"] = times
        return result
    finally:
        server.stop()
