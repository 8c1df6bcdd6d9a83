"""Page templates rendered ahead on the second core (macros/glue/compat/pages_ahead.py): the
site is byte for byte the serial build's, a warm build after it reuses every page, and when
the worker cannot be forked or dies the build renders the pages itself, says so in Chinese
and still writes the same site."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ENV = {"NO_MKDOCS_2_WARNING": "1", "PORTAL_PAGES_AHEAD_MIN": "1"}


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def _same_site(got: Path, want: Path) -> None:
    got_files, want_files = _files(got), _files(want)
    assert sorted(got_files) == sorted(want_files)
    assert [name for name in want_files if got_files[name] != want_files[name]] == []


def _cli_build(project: Path, site: Path, stats: Path, url: str) -> dict:
    env = {**os.environ, **ENV, "BENCH_STATS": str(stats), "SITE_URL": url}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr and "Traceback" not in result.stderr
    return json.loads(stats.read_text(encoding="utf-8").splitlines()[-1])


def test_pages_rendered_ahead_give_the_same_site_and_fill_the_cache(project_copy, tmp_path, built_site, built_site_url):
    """The threshold lowered so the small portal forks the worker: every page is sent, some
    arrive before the build reaches them, and nothing in the site differs from the serial
    build (the shared build: fewer pages than the threshold, no worker)."""
    site, stats = tmp_path / "site", tmp_path / "stats.jsonl"
    cold = _cli_build(project_copy, site, stats, built_site_url)
    ahead, preview = cold["pages_ahead"], cold["preview"]
    markdown_pages = preview["rendered"]
    assert ahead["sent"] == markdown_pages and ahead["received"] >= 1, cold
    assert preview["reused"] == 0, "a cold build reuses nothing; pages from the worker count as rendered"
    # Before the fork the Markdown of every plain page (not the blog's) was dropped (release-pages).
    assert cold["released_pages"] == markdown_pages, cold
    _same_site(site, built_site)
    # What the worker rendered is in the cache like the rest: the warm build renders nothing.
    warm = _cli_build(project_copy, tmp_path / "warm", stats, built_site_url)
    assert warm["pages_ahead"]["sent"] == 0 and warm["preview"] == {**warm["preview"], "rendered": 0, "reused": markdown_pages}
    _same_site(tmp_path / "warm", built_site)


@pytest.mark.parametrize("mode", ["no-fork", "worker-dies"])
def test_without_the_worker_the_build_renders_every_page_itself(mode, project_copy, tmp_path, built_site, built_site_url):
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, str(HERE / "pages_ahead_build.py"), str(project_copy), str(site), built_site_url, mode],
        env={**os.environ, **ENV},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    ahead, warnings = report["pages_ahead"], report["warnings"]
    if mode == "no-fork":
        assert ahead == {"sent": 0, "received": 0} and warnings == [], report
    else:
        assert ahead["sent"] > 0 and ahead["received"] == 0, report
        assert len(warnings) == 1 and "后台进程渲染页面模板时出错" in warnings[0] and "结果不变" in warnings[0], warnings
    assert report["preview"]["reused"] == 0 and report["preview"]["rendered"] > 50, report
    _same_site(site, built_site)
