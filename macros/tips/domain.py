"""What tips (锦囊) and news (区域动态) contribute: tip collection pages, the RSS feed
of the news posts (written after the build), and their checks."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from macros.core.page_macros import MacroPage
from macros.core.registry import Domain
from macros.tips.news import check_news, write_feed
from macros.tips.tips import check_tips, tips_index, tips_pages

if TYPE_CHECKING:
    from macros.core.registry import Project


def _write_feed(project: Project, site_dir: Path, site_url: str) -> None:
    write_feed(project, site_dir, site_url)


def tip_index(page: MacroPage) -> str:
    """The tips start page: collections, and every tip by key task and theme."""
    return tips_index(page.project, page.src_uri)


DOMAIN = Domain(
    "tips",
    checks=(check_tips, check_news),
    late_pages=(tips_pages,),
    after_build=(_write_feed,),
    macros={"tip_index": tip_index},
)
