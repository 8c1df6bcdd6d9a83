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
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:  # (the city scripts are imported only by the tests that build one)
    from scripts.benchcity import Sizes

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
IN_CI = os.environ.get("CI") == "true"
# One build date for every build of the session (MkDocs reads it for the sitemap's lastmod): the
# tests that compare two sites byte for byte failed when the suite ran across midnight.
os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(time.time())))

# This checkout's engine and scripts, ahead of whichever one the environment has installed.
sys.path.insert(0, str(ROOT))
from scripts.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402  (one launch for tests and scripts)


def require(condition: bool, why: str) -> None:
    """Skip locally when something outside the repo is missing; fail under CI."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"{why} (CI=true: this must be available)")
    pytest.skip(why)


def run_mkdocs_build(
    project: Path, site_dir: Path, site_url: str | None = None, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` as the user runs it (never with -q/-v, which hide warnings).

    ``site_url``: the address the site will be served at (mkdocs.yml reads SITE_URL).
    Material's instant navigation only stays in-site for links under site_url; a site
    served elsewhere falls back to full page loads and hides instant-navigation bugs.
    ``extra_env``: more environment for the build (BENCH_DUMP_MARKDOWN …)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    if site_url is not None:
        env["SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        capture_output=True,
        text=True,
        env=env,
        cwd=project,
    )


def sample_city_markdown(tmp_path: Path, sizes: Sizes) -> tuple[Path, Path]:
    """A sample city (``scripts.benchcity.make_city`` with ``sizes``) built once, with every page's
    final Markdown written out (BENCH_DUMP_MARKDOWN): the city and a plain Material configuration
    of that Markdown (``scripts.bench.plain_config``), to convert its pages both ways."""
    from scripts.bench import plain_config
    from scripts.benchcity import make_city

    city, dump = tmp_path / "city", tmp_path / "plain"
    make_city(city, sizes)
    result = run_mkdocs_build(city, tmp_path / "site", extra_env={"BENCH_DUMP_MARKDOWN": str(dump / "docs")})
    assert result.returncode == 0, result.stdout + result.stderr
    return city, plain_config(dump, city / "mkdocs.yml")


def assert_clean_build(result: subprocess.CompletedProcess) -> None:
    """A strict build that succeeded without a single warning."""
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNING" not in output, output


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


class SiteServer:
    """A local HTTP server for a site directory, bound before the site is built so the
    build can be told its address (no race for the port); it serves once started."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        handler = functools.partial(_QuietHandler, directory=str(directory))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self.thread: threading.Thread | None = None

    def start(self) -> str:
        if self.thread is None:
            self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
            self.thread.start()
        return self.url

    def stop(self) -> None:
        if self.thread is not None:
            self.server.shutdown()
        self.server.server_close()


def build_and_serve(project: Path, site_dir: Path) -> tuple[subprocess.CompletedProcess, SiteServer]:
    """Build ``project`` for the address it is then served at (started; stop() it after)."""
    server = SiteServer(site_dir)
    result = run_mkdocs_build(project, site_dir, server.url)
    server.start()
    return result, server


@pytest.fixture(scope="session")
def _site_server(tmp_path_factory):
    server = SiteServer(tmp_path_factory.mktemp("site"))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def built_site(_site_server: SiteServer) -> Path:
    """The shipped content, built once with --strict for the address `site_url` serves it at;
    fails on any warning."""
    site_dir = _site_server.directory
    assert_clean_build(run_mkdocs_build(ROOT, site_dir, _site_server.url))
    return site_dir


@pytest.fixture(scope="session")
def built_site_url(_site_server: SiteServer) -> str:
    """The site_url `built_site` was built for (a test rebuilding to compare needs the same)."""
    return _site_server.url


@pytest.fixture(scope="session")
def site_url(built_site: Path, _site_server: SiteServer) -> str:
    """The address of the shared build: the same as its site_url, so instant navigation works."""
    return _site_server.start()


@pytest.fixture(scope="session")
def browser():
    require(Path(CHROMIUM).exists(), f"找不到 {CHROMIUM}（Debian 的 chromium 包）")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
        )
        yield browser
        browser.close()


def watch_errors(page) -> list[str]:
    """Collect console errors and uncaught page errors of ``page`` (a reader would see a broken page)."""
    errors: list[str] = []
    page.on("console", lambda m: errors.append(f"console: {m.text} @ {page.url}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"pageerror: {e} @ {page.url}"))
    return errors


def portal_ready(page) -> None:
    """Wait until the portal's browser code has set up the page shown now (docs/assets/portal/dom.js
    onPage): a page's modules are imported when it is shown, after the load event."""
    page.wait_for_function("() => document.documentElement.dataset.portalReady === location.pathname + location.search")


def follow(page, link, heading: str) -> None:
    """Click ``link`` as a reader does and wait for the page titled ``heading``."""
    before = page.locator(".md-content h1").first.text_content()
    link.click()
    # The address changes before the new content is in: wait for the new page's title.
    page.wait_for_function(
        "([old, want]) => { const h = document.querySelector('.md-content h1');"
        " return h !== null && h.textContent !== old && h.textContent.includes(want); }",
        arg=[before, heading],
    )
    portal_ready(page)


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
    # Not the environments (.venv-properdocs is 580 MB) nor the Node tools' packages: each
    # copy otherwise took ~800 MB of /tmp and filled the disk.
    ignore = shutil.ignore_patterns(
        ".venv*", "node_modules", "site", ".git", "__pycache__", ".pytest_cache", ".ruff_cache", ".cache"
    )
    shutil.copytree(ROOT, dest, ignore=ignore)
    return dest


def shipped_asset(site_dir: Path, source: str) -> str:
    """The site path the portal's own ``source`` (``assets/portal/main.js``) ships under in the
    built ``site_dir``: its content-hashed name (macros/core/assetnames.py)."""
    from macros.core import assetnames

    name = assetnames.shipped_in(site_dir, source)
    assert name != source and (site_dir / name).is_file(), f"{source}: no one file under a content-hashed name"
    return name
