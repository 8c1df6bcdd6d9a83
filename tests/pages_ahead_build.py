"""Run for tests/test_pages_ahead.py in its own process: one cold ``mkdocs build`` of PROJECT
into SITE_DIR, the way the command line runs it, with the page templates' worker in a state
the command line cannot produce; print the build's figures and the portal's warnings as JSON.

    python tests/pages_ahead_build.py PROJECT SITE_DIR SITE_URL MODE

MODE is ``no-fork`` (forking is not allowed, as under ``mkdocs serve`` or on Windows) or
``worker-dies`` (the worker process exits as soon as it is given pages, as when the
system kills it).
"""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path


class _Kept(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _die(indices: list[int]) -> list:
    os._exit(3)


def main() -> None:
    project, site_dir, site_url, mode = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4]
    os.chdir(project)
    os.environ["SITE_URL"] = site_url
    sys.path.insert(0, str(project))
    kept = _Kept()
    logging.getLogger("portal.compat").addHandler(kept)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
    config.site_url = site_url
    config.plugins.on_startup(command="build", dirty=False)
    from macros.build import session
    from macros.glue.compat import pages_ahead, preview_cache

    if mode == "no-fork":
        session.current().fork_allowed = False
    elif mode == "worker-dies":
        pages_ahead._render = _die  # the forked worker runs this one
    else:
        raise SystemExit(f"unknown mode {mode}")
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    print(json.dumps({"pages_ahead": pages_ahead.stats(), "preview": preview_cache.stats(), "warnings": kept.messages}))


if __name__ == "__main__":
    main()
