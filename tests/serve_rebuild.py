"""Run for tests/test_preview_cache.py in its own process (the preview cache patches MkDocs):
build a project the way ``mkdocs serve`` does, optionally edit it and rebuild in the same
process (then rebuild once more with nothing changed), and print the preview cache's
counters of the rebuild after the edit as JSON.

    python tests/serve_rebuild.py PROJECT SITE_DIR serve EDITS   # build, edit, rebuild (memo on)
    python tests/serve_rebuild.py PROJECT SITE_DIR fresh EDITS   # edit, then one build (memo off)
    python tests/serve_rebuild.py PROJECT SITE_DIR loop -         # build, then again per stdin line

EDITS is ``all`` (edits that reach many pages) or ``case`` (one case's text). In ``loop`` mode
(tests/differential.py) every line ``build`` on stdin rebuilds in the same serve process and
answers with one JSON line (the preview counters and whether the rebuild was incremental, or
``{"error": ...}``); ``quit`` ends it.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path

SERVE_URL = "http://127.0.0.1:8000/"


def edit(project: Path, edits: str) -> None:
    """Edits that reach other pages too: listings, related cases, district pages, tooltips."""

    def replace(rel: str, old: str, new: str) -> None:
        path = project / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, (rel, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    if edits == "case":
        replace("casebook/home-visit-follow-up.md", "## 分析与反思", "导师在学期末又补充了一次回访记录。\n\n## 分析与反思")
        return
    replace("casebook/home-visit-first.md", "title: 第一次家访：", "title: 第一次家访（修订）：")
    replace("casebook/home-visit-follow-up.md", "## 分析与反思", "导师在学期末又补充了一次回访记录。\n\n## 分析与反思")
    replace("data/schools/xinghe-primary.yml", "students: 420", "students: 436")
    replace("data/glossary.yml", "做到“学生人人有导师、教师人人是导师”。", "做到“学生人人有导师、教师人人是导师”（修订）。")
    (project / "casebook/peer-conflict-group-chat.md").unlink()


def build(project: Path, site_dir: Path) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site_dir))
    config.site_url = SERVE_URL
    mkdocs_build(config, serve_url=SERVE_URL)


def loop(project: Path, site_dir: Path, first) -> None:
    """The rebuilds of one `mkdocs serve` session, on request."""
    from macros.glue.compat import preview_cache, preview_incremental

    served = False
    for line in sys.stdin:
        if line.strip() != "build":
            break
        try:
            build(project, site_dir)
            # How the rebuild went: the incremental path's account (or why it fell back to the
            # full rebuild), and the preview cache's counters.
            answer = dict(preview_cache.stats(), incremental=dict(preview_incremental.stats()))
        except Exception as err:  # a build error is the test's finding, not this process's end
            answer = {"error": f"{type(err).__name__}: {err}"}
        if not served:  # the server and file-watcher threads start after the first build
            first.plugins.on_serve(_NoServer(), config=first, builder=None)
            served = True
        print(json.dumps(answer), flush=True)
    first.plugins.on_shutdown()


class _NoServer:
    """What on_serve may touch of MkDocs' LiveReloadServer: nothing is served here."""

    def __getattr__(self, name: str):
        return lambda *args, **kwargs: None


def main() -> None:
    project, site_dir, mode, edits = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4]
    os.chdir(project)
    logging.basicConfig(level=logging.WARNING)
    from mkdocs.config import load_config

    first = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site_dir))
    first.plugins.on_startup(command="build" if mode == "fresh" else "serve", dirty=False)
    if mode == "loop":
        loop(project, site_dir, first)
        return
    if mode == "serve":
        build(project, site_dir)
    edit(project, edits)
    build(project, site_dir)
    from macros.build import session
    from macros.glue.compat import preview_cache

    stats = dict(preview_cache.stats(), saves=session.current().saves)
    if mode == "serve":  # and once more with nothing changed: reused state must not drift
        build(project, site_dir)
    print(json.dumps(stats))


if __name__ == "__main__":
    main()
