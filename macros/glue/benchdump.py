"""For ``scripts/bench.py``: write every page's final Markdown (after macros and
the portal's page rendering) and the final navigation into a plain docs tree,
so the same pages can be built with a plain mkdocs-material configuration.

Active only when the environment variable ``BENCH_DUMP_MARKDOWN`` names a
directory; a normal build never writes anything here.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import yaml

ENV = "BENCH_DUMP_MARKDOWN"


def dump_dir() -> Path | None:
    value = os.environ.get(ENV)
    return Path(value) if value else None


def dump_page(src_uri: str, meta: dict, markdown: str) -> None:
    """Write one page (front matter kept, so titles stay the same)."""
    base = dump_dir()
    if base is None:
        return
    path = base / src_uri
    path.parent.mkdir(parents=True, exist_ok=True)
    meta = {k: v for k, v in meta.items() if k != "template"}  # blog templates need the blog plugin
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) if meta else ""
    path.write_text(f"---\n{front}---\n\n{markdown}" if front else markdown, encoding="utf-8")


def dump_nav(nav: list) -> None:
    """The navigation after the hook spliced in handbooks and modules, next to the docs tree."""
    base = dump_dir()
    if base is None:
        return
    base.mkdir(parents=True, exist_ok=True)
    (base.parent / "nav.json").write_text(json.dumps(nav, ensure_ascii=False), encoding="utf-8")


STATS_ENV = "BENCH_STATS"


def write_stats(stats: dict) -> None:
    """Append one build's figures (Word files regenerated, cache hits) as a JSON line."""
    value = os.environ.get(STATS_ENV)
    if value:
        with open(value, "a", encoding="utf-8") as f:
            f.write(json.dumps(stats, ensure_ascii=False) + "\n")
