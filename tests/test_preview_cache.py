"""Edit-to-preview (#7): under ``mkdocs serve`` unchanged pages are reused and unchanged
files are not written again. Whatever is reused, the preview after an edit must be the
same, byte for byte, as a fresh build of the edited project."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.glue.compat import macros_opt_in, preview_cache

SCRIPT = Path(__file__).with_name("serve_rebuild.py")


def run(project: Path, site_dir: Path, mode: str, edits: str) -> dict:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(project), str(site_dir), mode, edits],
        capture_output=True,
        text=True,
        # The copy's own engine: run by path, the script would import the one the editable
        # install points at (this checkout), and the hook stops such a build (an exit without a word).
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(project)},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def served_and_fresh(project: Path, tmp_path: Path, edits: str) -> tuple[dict, dict[str, bytes], dict[str, bytes]]:
    fresh_project = tmp_path / "fresh-project"
    shutil.copytree(project, fresh_project)
    stats = run(project, tmp_path / "served", "serve", edits)
    run(fresh_project, tmp_path / "fresh", "fresh", edits)
    return stats, files(tmp_path / "served"), files(tmp_path / "fresh")


def test_serve_rebuild_after_edits_equals_a_fresh_build(project_copy, tmp_path):
    served, got, want = served_and_fresh(project_copy, tmp_path, "all")
    # Some pages were reused, and the edits (a glossary term is on most pages) re-rendered others ...
    assert served["reused"] > 0 and served["rendered"] > 0, served
    assert served["kept"] > 0 and served["written"] > 0, served
    assert served["removed"] >= 1, served  # the deleted case's page
    # ... and yet the site is exactly what a fresh build of the edited project gives.
    assert sorted(got) == sorted(want)
    different = [name for name in want if got[name] != want[name]]
    assert different == []
    assert not (tmp_path / "served/cases/peer-conflict-group-chat/index.html").exists()
    assert "第一次家访（修订）" in (tmp_path / "served/cases/home-visit-follow-up/index.html").read_text(encoding="utf-8")


def test_editing_one_case_renders_only_that_page_again(project_copy, tmp_path):
    served, got, want = served_and_fresh(project_copy, tmp_path, "case")
    assert served["rendered"] == 1, served  # the case itself; its listings show only titles
    assert served["reused"] > 50, served
    assert served["written"] <= 3 and served["removed"] == 0, served  # the page, the search index, the feed at most
    assert served["saves"] == 1, served  # the cache files: after the first build only, not after the edit
    assert got == want


def test_page_key_changes_with_what_the_template_reads():
    class Toc(list):
        pass

    class File:
        src_uri = "cases/a.md"

    class Page:
        file = File()
        url = "cases/a/"
        title = "甲"
        canonical_url = None
        edit_url = None
        is_homepage = False
        meta = {"search": {"exclude": True}}
        toc = Toc()
        previous_page = None
        next_page = None
        content = "<p>正文</p>"

    class Config(dict):
        config_file_path = None

        class theme:
            custom_dir = None

    class Nav:
        items: list = []

    config, nav = Config(), Nav()
    page = Page()
    base = preview_cache.page_key(page, config, nav, "main.html")
    assert preview_cache.page_key(page, config, nav, "main.html") == base
    for attribute, value in [("title", "乙"), ("content", "<p>改了</p>"), ("meta", {}), ("url", "cases/b/")]:
        changed = Page()
        setattr(changed, attribute, value)
        assert preview_cache.page_key(changed, config, nav, "main.html") != base, attribute
    assert preview_cache.page_key(page, config, nav, "other.html") != base
    other_nav = Nav()  # a new build's navigation with another title
    other_nav.items = [type("Link", (), {"title": "新", "url": "x/"})()]
    assert preview_cache.page_key(page, config, other_nav, "main.html") != base


@pytest.mark.parametrize(
    "meta, render_by_default, forced, pre, called",
    [
        ({}, False, False, [], False),  # not asked for: mkdocs-macros would return it unchanged
        ({"render_macros": True}, False, False, [], True),
        ({"render_macros": False}, True, False, [], True),  # the plugin decides for itself
        ({}, True, False, [], True),
        ({}, False, True, [], True),  # force_render_paths
        ({}, False, False, [lambda plugin: None], True),  # a module's on_pre_page_macros
    ],
)
def test_macros_plugin_runs_only_for_pages_that_ask(meta, render_by_default, forced, pre, called):

    calls = []

    class Plugin:
        config = {"render_by_default": render_by_default}
        pre_macro_functions = pre
        post_macro_functions: list = []

        def force_page_rendering(self, path):
            return forced

        def on_page_markdown(self, markdown, page, config, files):
            calls.append(page)
            return markdown.upper()

    plugin = Plugin()
    page = type("Page", (), {"meta": meta, "file": type("File", (), {"src_path": "a.md"})()})()
    wrapped = macros_opt_in._opt_in_only(plugin.on_page_markdown, plugin)
    out = wrapped("abc", page=page, config=None, files=None)
    assert (calls == [page]) is called
    assert out == ("ABC" if called else "abc")


def test_serve_writes_its_caches_once_after_the_first_build_and_at_shutdown(monkeypatch):
    from macros.build import cache as buildcache
    from macros.build import session
    from macros.glue import hooks

    saved = []
    monkeypatch.setattr(buildcache, "save_all", lambda: saved.append("save"))
    monkeypatch.setattr(session, "_session", session.Session(command=session.SERVE, saves=1))  # the first build has written them
    buildcache.save_after_build()
    assert saved == []
    hooks.on_shutdown()
    assert saved == ["save"]
    monkeypatch.setattr(session, "_session", session.Session(command=session.BUILD, saves=1))  # mkdocs build: every build writes
    buildcache.save_after_build()
    assert saved == ["save", "save"]
