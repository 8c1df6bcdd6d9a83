"""The composition: which domains make up the portal, and what the build asks of them.

Every domain describes its contributions in its ``domain.py`` (a
:class:`~macros.core.registry.Domain`); this module lists them in :data:`DOMAINS`
and offers the few operations the MkDocs glue and ``scripts/`` need: make the
project, run every check, collect the generated pages, render a page. Nothing
here knows MkDocs, so another engine could call the same functions.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from macros.build import cache as buildcache
from macros.build import session
from macros.casebook.domain import DOMAIN as CASEBOOK
from macros.core.domain import DOMAIN as CORE
from macros.core.pages import GeneratedPage
from macros.core.problems import Problem
from macros.core.project import Project
from macros.core.registry import HtmlPass, Registry
from macros.handbook.domain import DOMAIN as HANDBOOK
from macros.offline.domain import DOMAIN as OFFLINE
from macros.plans.domain import DOMAIN as PLANS
from macros.policy.domain import DOMAIN as POLICY
from macros.tips.domain import DOMAIN as TIPS
from macros.training.domain import DOMAIN as TRAINING

# The Word writer (macros.documents) is a library the handbook and plans domains use;
# it contributes nothing to the site by itself.
DOMAINS = (CORE, POLICY, CASEBOOK, TRAINING, HANDBOOK, PLANS, TIPS, OFFLINE)
REGISTRY = Registry(DOMAINS)


def new_project(root: Path) -> Project:
    """The project at ``root`` with every domain registered."""
    return Project(Path(root), registry=REGISTRY)


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """By file and position, without repeats."""
    return sorted(set(problems), key=lambda p: (p.path, p.line, p.col, p.message))


def check_project(project: Project, prefetch: bool = True, while_waiting: Callable[[], object] | None = None) -> list[Problem]:
    """Run every registered check; problems sorted by file and position, without repeats.
    Each check's result is a value of the project (``check:`` and its name), so that the
    incremental preview runs again only the checks that read what a save changed; a project
    that already parsed its files has nothing to ``prefetch``. ``while_waiting`` runs before
    the build waits for the prefetches, when one core is idle (the build's, otherwise)."""
    registry = project.registry
    prefetches = [start(project) for start in registry.prefetches] if prefetch else []  # on the second core meanwhile
    problems: list[Problem] = []
    for check in registry.checks:
        problems += _checked(project, check)
    if while_waiting is not None:
        while_waiting()
    for started in prefetches:
        started.finish()
    for check in registry.late_checks:
        problems += _checked(project, check)
    return sort_problems(problems)


def _checked(project: Project, check: Callable[[Project], list[Problem]]) -> list[Problem]:
    return project.once(f"check:{check.__module__}.{check.__qualname__}", lambda: check(project))


def report_project(project: Project) -> list[Problem]:
    """Run every registered report (notes), sorted like the problems."""
    notes: list[Problem] = []
    for report in project.registry.reports:
        notes += report(project)
    return sort_problems(notes)


def collection_pages(project: Project) -> list[GeneratedPage]:
    """Every page and download the domains add to the site."""
    return project.generated_pages()


def expand_nav(nav: list | None, project: Project) -> list | None:
    """The configured navigation with the domains' entries: spliced sections (handbooks) and
    computed sections (培训课程) replacing the entry of the same title."""
    for splice in project.registry.nav_splices:
        nav = splice(nav, project)
    if not nav:
        return nav
    sections = project.registry.nav_sections
    out = []
    for item in nav:
        if isinstance(item, dict) and len(item) == 1:
            title = next(iter(item))
            if title in sections:
                item = {title: sections[title](project)}
        out.append(item)
    return out


def render_page_markdown(project: Project, src_uri: str, markdown: str) -> str | None:
    """The page's Markdown as the domain that owns the page renders it; None for other pages."""
    for render in project.registry.markdown_renderers:
        result = render(project, src_uri, markdown)
        if result is not None:
            return result
    return None


def page_tail(project: Project, src_uri: str, markdown: str) -> tuple[str, list] | None:
    """The end of the page's Markdown and that part as HTML pieces, when the domain that owns the
    page writes it without the converter (``Domain.html_tails``); None for other pages."""
    for tail in project.registry.html_tails:
        found = tail(project, src_uri, markdown)
        if found is not None:
            return found
    return None


def render_page_content(
    project: Project,
    src_uri: str,
    meta: dict,
    html: str,
    serving: bool = False,
    relied_on: Callable[[str], bool] = lambda _name: True,
) -> str | None:
    """The converted HTML of every page after the domains' passes (``Domain.html_passes``:
    labelled checklists, print views, glossary tooltips). ``serving``: keep results in memory
    between the rebuilds of a preview server. ``relied_on``: whether a platform detail a pass
    depends on (``HtmlPass.relies_on``) may be used; the glue asks its compat entries."""
    passes = project.registry.html_passes
    _PASSES.update((p.name, p) for p in passes)
    # What each pass needs for this page keys the memo; None: the pass does not apply.
    settings = tuple((p.name, p.setting(project, meta) if not p.relies_on or relied_on(p.relies_on) else None) for p in passes)
    # Kept in memory between `mkdocs serve` rebuilds: this pass over every page's HTML is
    # the largest share of our own work in a rebuild (docs/about/performance.md).
    render = _page_content if serving else _page_content.uncached
    return render(settings, html)


# The passes by name, for the memoised function (its arguments must be plain data).
_PASSES: dict[str, HtmlPass] = {}


@buildcache.memoised("page-content", persist=False)
def _page_content(settings: tuple[tuple[str, object], ...], html: str) -> str:
    for name, setting in settings:
        if setting is not None:
            html = _PASSES[name].apply(setting, html)
    return html


def after_build(project: Project, site_dir: Path, site_url: str) -> None:
    """Files the domains write once the site is built (templates, the news feed), each step
    timed for the benchmark (the build's stats: ``after_build``, seconds by function)."""
    seconds = session.current().build_stats().setdefault("after_build", {})
    for write in project.registry.after_build:
        start = time.perf_counter()
        write(project, site_dir, site_url)
        seconds[f"{write.__module__}.{write.__qualname__}"] = round(time.perf_counter() - start, 4)
