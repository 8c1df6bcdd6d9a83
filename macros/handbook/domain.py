"""What the handbook domain contributes: chapters and print views, the handbooks'
navigation, the fill-in templates (Word) and their checks."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from macros.core.registry import Domain, HtmlPass
from macros.handbook.handbooks import check_handbooks, project_handbooks, render_chapter_page, splice_nav
from macros.handbook.page_macros import MACROS, always, label_task_checkboxes, print_content, print_view
from macros.handbook.printing import print_pages
from macros.handbook.templates import check_handbook_templates, write_templates

if TYPE_CHECKING:
    from macros.core.registry import Project


def _splice(nav: list | None, project: Project) -> list | None:
    return splice_nav(nav, project_handbooks(project))


def _write_templates(project: Project, site_dir: Path, site_url: str) -> None:
    write_templates(project, site_dir)


DOMAIN = Domain(
    "handbook",
    checks=(check_handbooks, check_handbook_templates),
    pages=(print_pages,),
    markdown_renderers=(render_chapter_page,),
    nav_splices=(_splice,),
    after_build=(_write_templates,),
    html_passes=(
        HtmlPass("handbook.task-labels", 10, always, label_task_checkboxes),
        HtmlPass("handbook.print-view", 30, print_view, print_content),
    ),
    macros=MACROS,
)
