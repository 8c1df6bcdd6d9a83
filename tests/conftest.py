"""Shared fixtures: one strict site build for all integration and browser tests,
a local HTTP server for it, and headless Debian Chromium through Playwright."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
SHARED = ROOT.parent / "shared"
IN_CI = os.environ.get("CI") == "true"

sys.path.insert(0, str(ROOT))


def require(condition: bool, why: str) -> None:
    """Skip locally when something outside the repo is missing; fail under CI."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"{why} (CI=true: this must be available)")
    pytest.skip(why)


def run_mkdocs_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` as the user runs it (never with -q/-v, which hide warnings)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        capture_output=True,
        text=True,
        env=env,
        cwd=project,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The shipped content, built once with --strict; fails on any warning."""
    site_dir = tmp_path_factory.mktemp("site")
    result = run_mkdocs_build(ROOT, site_dir)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNING" not in output, output
    return site_dir


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> str:
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    require(Path(CHROMIUM).exists(), f"找不到 {CHROMIUM}（Debian 的 chromium 包）")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def shared_seeds() -> Path:
    seeds = SHARED / "seeds"
    require(seeds.is_dir(), "找不到 ../shared/seeds（用户的克隆中没有这个目录）")
    return seeds


@pytest.fixture
def project_copy(tmp_path) -> Path:
    """A scratch copy of the project, for tests that plant faults and rebuild."""
    dest = tmp_path / "project"
    ignore = shutil.ignore_patterns(".venv", "site", ".git", "__pycache__", ".pytest_cache", ".ruff_cache", ".cache")
    shutil.copytree(ROOT, dest, ignore=ignore)
    return dest
