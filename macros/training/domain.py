"""What the training domain contributes: the 培训课程 pages and navigation, lesson
rendering, the modules' themes for “相关内容”, and the checks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from macros.core.pages import GeneratedPage
from macros.core.registry import Domain
from macros.core.related import ThemedPage, themed_page
from macros.training.learn_pages import generated_training_pages
from macros.training.modules import (
    SECTION_TITLE,
    check_training,
    load_catalogue,
    render_training_lesson,
    training_nav,
)
from macros.training.scorm import write_packages

if TYPE_CHECKING:
    from macros.core.registry import Project


def training_pages(project: Project) -> list[GeneratedPage]:
    """The 培训课程 section: learning path, module pages, lessons, quizzes, 我的学习 and 学习记录单."""
    catalogue = load_catalogue(project)
    return [
        GeneratedPage(src, abs_src_path=path, content=content)
        for src, path, content in generated_training_pages(catalogue, project.root)
    ]


def training_module_pages(project: Project) -> list[ThemedPage]:
    """Training modules keep ``title`` and ``themes`` in ``training_modules/<id>/module.yml``; their page
    is ``training/<id>/index.md``. Only modules whose page is actually published are listed."""
    published = {page.src_uri for page in project.generated_pages()}
    pages = []
    for path in sorted((project.root / "training_modules").glob("*/module.yml")):
        doc, problems = project.data(project.display(path))
        entry = themed_page(f"training/{path.parent.name}/index.md", doc.data if doc and not problems else None)
        if entry and entry.src_uri in published:
            pages.append(entry)
    return pages


DOMAIN = Domain(
    "training",
    checks=(check_training,),
    pages=(training_pages,),
    markdown_renderers=(render_training_lesson,),
    nav_sections={SECTION_TITLE: lambda project: training_nav(load_catalogue(project))},
    theme_sources=(training_module_pages,),
    # One SCORM 1.2 package per module, made from the built pages (issue 26).
    after_build=(write_packages,),
)
