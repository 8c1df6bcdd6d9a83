"""“相关内容”: pages that share themes (data/themes.yml) with a page.

Any page of the site whose front matter has ``title`` and a ``themes`` list
takes part — handbook chapters, published cases, tips — so a section plugs in
by tagging its pages. A domain whose themes live elsewhere (e.g. a training
module's ``module.yml``) registers a theme source (``Domain.theme_sources``): a
function ``(Project) -> list[ThemedPage]``. The index is built once per project from the
pages MkDocs will publish (drafts never appear, because the collections leave
them out).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from macros.build import cache as buildcache
from macros.build import session
from macros.core.escaping import md_esc, md_title
from macros.core.links import relative_link
from macros.core.pages import ThemedPage
from macros.core.yamlload import load_yaml_text, split_front_matter

if TYPE_CHECKING:
    from macros.core.registry import Project


def themed_page(src_uri: str, meta: object) -> ThemedPage | None:
    if not isinstance(meta, dict):
        return None
    themes = meta.get("themes")
    title = meta.get("title")
    if not isinstance(themes, list) or not themes or not isinstance(title, str):
        return None
    return ThemedPage(src_uri, title, tuple(t for t in themes if isinstance(t, str)))


def front_matter_pages(project: Project) -> list[ThemedPage]:
    """Every published page with ``title`` and ``themes`` in its front matter."""
    pages: list[ThemedPage] = []
    for path in sorted(project.docs_dir.rglob("*.md")):
        doc, _, problems = project.front_matter(path)
        entry = themed_page(path.relative_to(project.docs_dir).as_posix(), doc.data if doc and not problems else None)
        if entry:
            pages.append(entry)
    for page in project.generated_pages():
        if not page.src_uri.endswith(".md"):
            continue  # generated downloads (e.g. a school's .docx) are files, not pages
        if page.abs_src_path is not None:
            doc, _, problems = project.front_matter(Path(page.abs_src_path))
        else:
            yaml_text, _, offset = split_front_matter(page.content if isinstance(page.content, str) else "")
            if "themes" not in (yaml_text or ""):
                continue  # e.g. the 1,600 school pages: no themes, no need to parse them
            doc, problems = load_yaml_text(yaml_text or "", page.src_uri, offset)
        entry = themed_page(page.src_uri, doc.data if doc and not problems else None)
        if entry:
            pages.append(entry)
    return pages


def build_theme_index(project: Project, sources: list[Callable[[Project], list[ThemedPage]]] | None = None) -> list[ThemedPage]:
    """All pages from all sources (by default: front matter, then the domains' theme sources);
    a page named by two sources gets the themes of both."""
    if sources is None:
        sources = [front_matter_pages, *project.registry.theme_sources]
    merged: dict[str, ThemedPage] = {}
    for source in sources:
        for page in source(project):
            if page.src_uri in merged:
                old = merged[page.src_uri]
                page = ThemedPage(page.src_uri, old.title, old.themes + tuple(t for t in page.themes if t not in old.themes))
            merged[page.src_uri] = page
    return list(merged.values())


def theme_index(project: Project) -> list[ThemedPage]:
    """:func:`build_theme_index`, computed once per project (a build renders many pages)."""
    return project.once("related.theme_index", lambda: build_theme_index(project))


# Order of the groups in the block: other sections first, then the handbooks' own chapters.
RELATED_ORDER = ("培训课程", "案例库", "区域锦囊", "一校一策", "指导手册")


def _by_theme(index: list[ThemedPage]) -> dict[str, list[ThemedPage]]:
    """The index by theme, once per index (asked for every page with themes)."""

    def make(pages: list[ThemedPage]) -> dict[str, list[ThemedPage]]:
        by_theme: dict[str, list[ThemedPage]] = {}
        for page in pages:
            for theme in dict.fromkeys(page.themes):
                by_theme.setdefault(theme, []).append(page)
        return by_theme

    store = session.current().per_build("related.theme-maps", dict)
    return buildcache.per_object(store, index, make, only_latest=True)


def related_pages(
    src_uri: str, themes: list[str] | tuple[str, ...], index: list[ThemedPage], per_section: int = 4
) -> list[tuple[ThemedPage, list[str]]]:
    """Pages sharing at least one theme with ``themes``: grouped by section (:data:`RELATED_ORDER`),
    at most ``per_section`` of each, most shared themes first, then by address."""
    found = []
    by_theme = _by_theme(index)
    candidates = {id(page): page for theme in themes for page in by_theme.get(theme, ())}
    for page in candidates.values():  # only pages sharing a theme (order does not matter: sorted below)
        if page.src_uri == src_uri:
            continue
        shared = [t for t in themes if t in page.themes]
        if shared:
            rank = RELATED_ORDER.index(page.section) if page.section in RELATED_ORDER else len(RELATED_ORDER)
            found.append((rank, -len(shared), page.src_uri, page, shared))
    found.sort(key=lambda f: f[:3])
    counts: dict[str, int] = {}
    result = []
    for *_, page, shared in found:
        counts[page.section] = counts.get(page.section, 0) + 1
        if counts[page.section] <= per_section:
            result.append((page, shared))
    return result


def render_related(src_uri: str, themes: list[str] | tuple[str, ...], index: list[ThemedPage], per_section: int = 4) -> str:
    """The “相关内容” block as Markdown, one list per section (empty when nothing shares a theme)."""
    related = related_pages(src_uri, themes, index, per_section)
    if not related:
        return ""
    lines = ['!!! info "相关内容"']
    section = None
    for page, shared in related:
        if page.section != section:
            section = page.section
            lines += ["", f"    **{md_esc(section or '其他')}**", ""]
        href = relative_link(src_uri, page.src_uri)
        lines.append(f'    - [{md_esc(page.title)}]({href} "{md_title(page.title)}") — 共同主题：{md_esc("、".join(shared))}')
    return "\n".join(lines) + "\n"
