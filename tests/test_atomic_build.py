"""`make build` (scripts/build.py) replaces site/ only after the strict build and the site check
pass: a failed build, early (content error) or late (strict warning, site check), leaves the
previous site/ byte-identical (issue #12)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

BUILD = [sys.executable, str(ROOT / "scripts" / "build.py")]


def build(project: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([*BUILD, "--root", str(project), "-d", "site"], cwd=project, capture_output=True, text=True, env=env)


def snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if p.name.startswith((".site-new-", ".site-old-")))


def test_help_and_usage_errors():
    helped = subprocess.run([*BUILD, "--help"], capture_output=True, text=True)
    assert helped.returncode == 0 and "退出码" in helped.stdout and "站点目录" in helped.stdout
    wrong = subprocess.run([*BUILD, "--no-such-flag"], capture_output=True, text=True)
    assert wrong.returncode == 2 and "用法错误" in wrong.stderr
    inside = subprocess.run([*BUILD, "-d", str(ROOT / "docs" / "site")], capture_output=True, text=True)
    assert inside.returncode == 2 and "不能是" in inside.stderr


def test_failed_builds_leave_the_previous_site_untouched(project_copy):
    site = project_copy / "site"
    site.mkdir()
    (site / "stale.txt").write_text("上一次的构建")
    good = build(project_copy)
    assert good.returncode == 0, good.stdout + good.stderr
    assert (site / "index.html").is_file() and not (site / "stale.txt").exists()
    assert oct(site.stat().st_mode & 0o777) != oct(0o700)  # readable by a web server
    before = snapshot(site)

    # Early: a content error stops the build in on_config (MkDocs used to empty site/ here)
    bomb = project_copy / "data/schools/bomb.yml"
    bomb.write_text((ROOT / "tests/fixtures/hostile/bomb.yml").read_text(encoding="utf-8"), encoding="utf-8")
    early = build(project_copy)
    bomb.unlink()
    assert early.returncode == 1, early.stdout + early.stderr
    assert "data/schools/bomb.yml:6:4: error:" in early.stderr and "原来的站点目录保持不变" in early.stderr
    assert "Traceback" not in early.stdout + early.stderr

    # Late: a strict-mode warning after the pages are written (MkDocs used to leave the page
    # and a new search index in site/)
    page = project_copy / "docs/about/index.md"
    original = page.read_text(encoding="utf-8")
    page.write_text(original + "\n[不存在的页面](no-such-page.md)\n", encoding="utf-8")
    late = build(project_copy)
    assert late.returncode == 1, late.stdout + late.stderr
    assert "no-such-page.md" in late.stderr and "原来的站点目录保持不变" in late.stderr

    # After the build: the site check finds a script from another host
    page.write_text(original + '\n<script src="https://cdn.example.com/x.js"></script>\n', encoding="utf-8")
    checked = build(project_copy)
    page.write_text(original, encoding="utf-8")
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert "SITE-EXTERNAL" in checked.stdout and "站点检查发现问题" in checked.stderr

    assert snapshot(site) == before
    assert leftovers(project_copy) == []
