"""Pages that live outside ``docs/``: the casebook and the training modules.

Each collection is a function from the project to the pages it contributes.
The MkDocs hook only turns these into ``File`` objects, so which pages are
published is decided here, in plain code that tests can call directly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from macros.casebook.listings import casebook_listing_pages
from macros.core.project import Project
from macros.handbook.handbooks import print_pages
from macros.plans.listings import school_listing_pages
from macros.plans.schools import school_pages
from macros.tips.tips import tips_pages
from macros.training.modules import generated_training_pages, load_catalogue, training_nav


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str  # where the page appears in the site, e.g. "cases/home-visit.md"
    abs_src_path: Path | None = None  # a real file …
    content: str | bytes | None = None  # … or generated Markdown (or a generated download, as bytes)


def casebook_pages(project: Project) -> list[GeneratedPage]:
    """Published cases only: a draft must not reach any built file."""
    pages = []
    for path in sorted((project.root / "casebook").glob("*.md")):
        doc, _, problems = project.front_matter(path)
        if doc is None or problems or not isinstance(doc.data, dict):
            continue
        if doc.data.get("status") == "published":
            pages.append(GeneratedPage(f"cases/{path.name}", abs_src_path=path))
    return pages


def training_pages(project: Project) -> list[GeneratedPage]:
    """The 培训课程 section: learning path, module pages, lessons, quizzes, 我的学习 and 学习记录单."""
    catalogue = load_catalogue(project)
    return [
        GeneratedPage(src, abs_src_path=path, content=content)
        for src, path, content in generated_training_pages(catalogue, project.root)
    ]


COLLECTIONS: list[Callable[[Project], list[GeneratedPage]]] = [casebook_pages, training_pages]
COLLECTIONS.append(print_pages)  # handbooks: one print view per handbook
COLLECTIONS.append(school_pages)  # 一校一策: school pages, their Word and YAML downloads
COLLECTIONS.append(casebook_listing_pages)  # paged at city scale: case_listings, listing_pages
COLLECTIONS.append(school_listing_pages)  # 一校一策 district pages of a large city
COLLECTIONS.append(tips_pages)


def collection_pages(project: Project) -> list[GeneratedPage]:
    pages: list[GeneratedPage] = []
    for source in COLLECTIONS:
        pages += source(project)
    return pages


# Nav sections computed from content: the entry with this title in mkdocs.yml's
# ``nav`` is replaced by the list the function returns.
NAV_SECTIONS: dict[str, Callable[[Project], list]] = {"培训课程": lambda project: training_nav(load_catalogue(project))}


def expand_nav(nav: list | None, project: Project) -> list | None:
    if not nav:
        return nav
    out = []
    for item in nav:
        if isinstance(item, dict) and len(item) == 1:
            title = next(iter(item))
            if title in NAV_SECTIONS:
                item = {title: NAV_SECTIONS[title](project)}
        out.append(item)
    return out
