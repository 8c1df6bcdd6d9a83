"""Listings of published cases: by theme, 学段 and key task (with counts), and
the featured collections (精选案例集) that trainers define in ``data/collections.yml``.

Every listing starts from :func:`macros.casebook.cases.published_cards` (the cards of
:func:`~macros.casebook.cases.published_cases`, without the text), so a case
the publication gate holds back cannot appear here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from macros.casebook import anon_scope
from macros.casebook.cases import (
    CITY_PLAN,
    KEY_TASKS,
    LISTING_STAGES,
    LISTING_TASKS,
    LISTING_THEMES,
    STAGES,
    STATUS_ZH,
    CaseCard,
    case_link,
    load_cases,
    published_cards,
    stage_anchor,
    task_anchor,
    theme_anchor,
)
from macros.core.config import LAYOUT
from macros.core.escaping import md_esc
from macros.core.links import relative_link
from macros.core.messages import message
from macros.core.pagination import front_matter, page_range, page_title, page_uri, pager, paginate
from macros.core.problems import Problem
from macros.core.yamlload import validate
from macros.policy.access import clause_link

if TYPE_CHECKING:
    from macros.core.pages import GeneratedPage
    from macros.core.registry import Project

COLLECTIONS_FILE = "data/collections.yml"
LISTING_COLLECTIONS = "cases/collections.md"

COLLECTIONS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["collections"],
    "properties": {
        "collections": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["id", "title", "introduction", "cases"],
                "properties": {
                    "id": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "x-message": "只能用小写字母、数字和连字符"},
                    "title": {"type": "string", "minLength": 1},
                    "introduction": {"type": "string", "minLength": 1},
                    "cases": {"type": "array", "minItems": 1, "uniqueItems": True, "items": {"type": "string", "minLength": 1}},
                },
            },
        }
    },
}


def check_collections(project: Project) -> list[Problem]:
    """Featured collections: valid file, and every case id known and published. The file is optional."""
    if not (project.root / COLLECTIONS_FILE).exists():
        return []
    doc, problems = project.data(COLLECTIONS_FILE)
    if doc is None:
        return problems
    found = validate(doc, COLLECTIONS_SCHEMA)
    if found:
        return problems + found
    all_cases = {c.id: c for c in load_cases(project)[0]}
    published = {c.id for c in published_cards(project)}
    seen: set[str] = set()
    texts = [
        (("collections", i, key), c[key]) for i, c in enumerate(doc.data["collections"]) for key in ("title", "introduction")
    ]
    problems += anon_scope.scan_strings(doc, texts)
    for i, collection in enumerate(doc.data["collections"]):
        if collection["id"] in seen:
            problems.append(doc.problem(("collections", i, "id"), message("listings.check-collections", v1=collection["id"])))
        seen.add(collection["id"])
        for k, case_id in enumerate(collection["cases"]):
            loc = ("collections", i, "cases", k)
            if case_id not in all_cases:
                problems.append(
                    doc.problem(loc, message("listings.check-collections-2", case_id=case_id), rule="CASE-COLLECTION")
                )
            elif case_id not in published:
                status = all_cases[case_id].status
                problems.append(
                    doc.problem(
                        loc,
                        message("case.collection-draft", case=case_id, status=STATUS_ZH.get(status, status)),
                        rule="CASE-COLLECTION",
                    )
                )
    return problems


def featured_collections(project: Project) -> list[dict[str, Any]]:
    if not (project.root / COLLECTIONS_FILE).exists():
        return []
    doc, problems = project.data(COLLECTIONS_FILE)
    if doc is None or problems or not isinstance(doc.data, dict):
        return []
    return [c for c in doc.data.get("collections", []) if isinstance(c, dict)]


def _entry(case: CaseCard, src: str) -> str:
    meta = case.meta
    return f"- {case_link(case, src)}（{md_esc(meta['stage'])}）：{md_esc(meta['summary'])}"


# -- listings by theme, 学段 and key task ------------------------------------------------
#
# A listing with at most INLINE_ENTRIES entries is one page, every group under its
# anchor (the shipped casebook). A longer one is an overview of the groups with their
# counts, each group on its own pages of CASES_PER_PAGE (cases/by-theme/theme-4/,
# cases/by-theme/theme-4/2/ …). The anchors stay on the overview either way.

CASES_PER_PAGE = LAYOUT.cases_per_page
INLINE_ENTRIES = LAYOUT.inline_cases
LISTING_ALL = "cases/all.md"  # every case by title, when the casebook start page cannot list them all
# Case ids that would collide with the listing pages' files under cases/.
RESERVED_CASE_IDS = ("index", "all", "collections", "by-theme", "by-stage", "by-task")


@dataclass(frozen=True)
class Group:
    name: str
    anchor: str  # also the group's page name: cases/by-theme/<anchor>/
    cases: list[CaseCard]


@dataclass(frozen=True)
class Dimension:
    listing: str  # the overview page, e.g. cases/by-theme.md
    title: str
    intro: str
    groups: Callable[[Project, list[CaseCard]], list[Group]]


def _theme_groups(project: Project, cases: list[CaseCard]) -> list[Group]:
    vocab = project.themes
    return [Group(t, theme_anchor(t, vocab), [c for c in cases if t in c.themes]) for t in vocab]


def _stage_groups(project: Project, cases: list[CaseCard]) -> list[Group]:
    return [Group(s, stage_anchor(s), [c for c in cases if c.meta["stage"] == s]) for s in STAGES]


def _task_groups(project: Project, cases: list[CaseCard]) -> list[Group]:
    return [Group(t, task_anchor(t), [c for c in cases if t in c.meta.get("key_tasks", [])]) for t in KEY_TASKS]


THEMES = Dimension(
    LISTING_THEMES,
    "按主题浏览案例",
    "案例库中已发布的案例，按主题分类；一个案例可属于多个主题。",
    _theme_groups,
)
STAGES_DIMENSION = Dimension(LISTING_STAGES, "按学段浏览案例", "案例库中已发布的案例，按学段分类。", _stage_groups)
TASKS = Dimension(
    LISTING_TASKS,
    "按重点工作浏览案例",
    "按《上海市中小学生全员导师制工作方案》规定的关键职责与重点工作分类。",
    _task_groups,
)
DIMENSIONS = (THEMES, STAGES_DIMENSION, TASKS)


def dimension_groups(project: Project, dimension: Dimension) -> list[Group]:
    return project.once(f"case_listings.{dimension.listing}", lambda: dimension.groups(project, published_cards(project)))


def is_paged(groups: list[Group]) -> bool:
    """Whether the listing is split into group pages (too many entries for one page)."""
    return sum(len(g.cases) for g in groups) > INLINE_ENTRIES


def group_base(dimension: Dimension, group: Group) -> str:
    return f"{dimension.listing.removesuffix('.md')}/{group.anchor}.md"


def group_href(project: Project, dimension: Dimension, name: str, from_src: str) -> str:
    """Where a link to one group goes: its own page when the listing is paged, else its anchor."""
    groups = dimension_groups(project, dimension)
    group = next((g for g in groups if g.name == name), None)
    if group is not None and group.cases and is_paged(groups):
        return relative_link(from_src, group_base(dimension, group))
    anchor = group.anchor if group is not None else ""
    return f"{relative_link(from_src, dimension.listing)}#{anchor}"


def _group_note(project: Project, dimension: Dimension, group: Group, src: str) -> list[str]:
    """Each key task cites its clause of the city plan."""
    if dimension is TASKS and group.name in KEY_TASKS:
        return [f"对应条款：{clause_link(project, CITY_PLAN, KEY_TASKS[group.name], src)}", ""]
    return []


def dimension_markdown(project: Project, dimension: Dimension) -> str:
    """The listing's overview page: every group inline, or (paged) each group's count and pages."""
    groups = dimension_groups(project, dimension)
    src = dimension.listing
    paged = is_paged(groups)
    lines = [f"# {dimension.title}", "", dimension.intro, ""]
    if not paged:
        lines += ["| 分类 | 案例数 |", "|---|---|"]
        lines += [f"| [{md_esc(g.name)}](#{g.anchor}) | {len(g.cases)} |" for g in groups]
    for group in groups:
        lines += ["", f"## {md_esc(group.name)}（{len(group.cases)}） {{#{group.anchor}}}", ""]
        lines += _group_note(project, dimension, group, src)
        if not group.cases:
            lines.append("暂无已发布的案例。")
        elif paged:
            pages = len(paginate(group.cases, CASES_PER_PAGE))
            more = f"，共 {pages} 页" if pages > 1 else ""
            link = relative_link(src, group_base(dimension, group))
            lines.append(f"[查看“{md_esc(group.name)}”的 {len(group.cases)} 个案例{more}]({link})")
        else:
            lines += [_entry(c, src) for c in group.cases]
    return "\n".join(lines) + "\n"


def _paged_listing(base: str, title: str, head: Callable[[str], list[str]], cases: list[CaseCard]) -> list[tuple[str, str]]:
    """(src_uri, Markdown) of every page of one long list of cases."""
    pages = paginate(cases, CASES_PER_PAGE)
    out = []
    for number, chunk in enumerate(pages, 1):
        src = page_uri(base, number)
        nav = pager(base, number, len(pages))
        lines = [
            front_matter(page_title(title, number, len(pages))) + f"# {md_esc(title)}",
            "",
            *head(src),
            f"共 {len(cases)} 个案例" + (f"，本页第 {page_range(pages, number)} 个。" if len(pages) > 1 else "。"),
            "",
            nav,
            *[_entry(c, src) for c in chunk],
            "",
            pager(base, number, len(pages), label="分页（页尾）"),
        ]
        out.append((src, "\n".join(lines).rstrip("\n") + "\n"))
    return out


def group_pages(project: Project, dimension: Dimension) -> list[tuple[str, str]]:
    """(src_uri, Markdown) of the group pages of a paged listing; none when it fits one page."""
    groups = dimension_groups(project, dimension)
    if not is_paged(groups):
        return []
    out: list[tuple[str, str]] = []
    for group in groups:
        if not group.cases:
            continue

        def head(src: str, group: Group = group) -> list[str]:
            back = f"{relative_link(src, dimension.listing)}#{group.anchor}"
            return [f"[← {dimension.title}]({back})", "", *_group_note(project, dimension, group, src)]

        out += _paged_listing(group_base(dimension, group), f"{dimension.title}：{group.name}", head, group.cases)
    return out


def all_cases_pages(project: Project) -> list[tuple[str, str]]:
    """Every case by title on numbered pages, when the casebook start page cannot list them all."""
    cases = sorted(published_cards(project), key=lambda c: c.title)
    if len(cases) <= INLINE_ENTRIES:
        return []

    def head(src: str) -> list[str]:
        return [f"[← 案例库]({relative_link(src, 'cases/index.md')})", ""]

    return _paged_listing(LISTING_ALL, "全部案例（按标题）", head, cases)


def by_theme_markdown(project: Project) -> str:
    return dimension_markdown(project, THEMES)


def by_stage_markdown(project: Project) -> str:
    return dimension_markdown(project, STAGES_DIMENSION)


def by_task_markdown(project: Project) -> str:
    return dimension_markdown(project, TASKS)


def collections_markdown(project: Project) -> str:
    published = {c.id: c for c in published_cards(project)}
    lines = ["# 精选案例集", "", "培训者按主题编排的案例组合，可按顺序用于一次培训或研讨。", ""]
    collections = featured_collections(project)
    if not collections:
        lines.append("暂无精选案例集。")
    for collection in collections:
        lines += [f"## {md_esc(collection['title'])} {{#{collection['id']}}}", "", md_esc(collection["introduction"]), ""]
        lines += [
            f"{n}. {case_link(published[i], LISTING_COLLECTIONS)}" for n, i in enumerate(collection["cases"], 1) if i in published
        ]
        lines.append("")
    return "\n".join(lines) + "\n"


def casebook_overview(project: Project, src: str) -> str:
    """The casebook start page: counts per dimension, the featured collections and every case
    (or, for a long casebook, a link to the numbered pages of every case)."""
    cases = published_cards(project)
    lines = [f"目前共有 **{len(cases)}** 个已发布案例。", ""]
    for label, dimension in (("按主题", THEMES), ("按学段", STAGES_DIMENSION), ("按重点工作", TASKS)):
        groups = dimension_groups(project, dimension)
        links = "　".join(
            f"[{md_esc(g.name)}（{len(g.cases)}）]({group_href(project, dimension, g.name, src)})" for g in groups if g.cases
        )
        lines.extend([f"**{label}**：{links}", ""])
    collections = featured_collections(project)
    if collections:
        lines += ["## 精选案例集", ""]
        for c in collections:
            link = f"{relative_link(src, LISTING_COLLECTIONS)}#{c['id']}"
            lines.append(f"- [{md_esc(c['title'])}]({link})（{len(c['cases'])} 个案例）：{md_esc(c['introduction'])}")
        lines.append("")
    lines += ["## 全部案例", ""]
    if len(cases) > INLINE_ENTRIES:
        pages = len(paginate(cases, CASES_PER_PAGE))
        lines.append(f"[按标题浏览全部 {len(cases)} 个案例（共 {pages} 页）]({relative_link(src, LISTING_ALL)})")
    else:
        lines += [_entry(c, src) for c in sorted(cases, key=lambda c: c.title)]
    return "\n".join(lines) + "\n"


def check_listing_names(project: Project) -> list[Problem]:
    """A case id may not take the file name of a listing page under cases/."""
    problems = []
    for case in load_cases(project)[0]:
        if case.id in RESERVED_CASE_IDS:
            problems.append(case.doc.problem(("id",), message("listings.check-listing-names", id=case.id)))
    return problems


def casebook_listing_pages(project: Project) -> list[GeneratedPage]:
    from macros.core.pages import GeneratedPage

    makers: list[tuple[str, Callable[[Project], str]]] = [
        (LISTING_THEMES, by_theme_markdown),
        (LISTING_STAGES, by_stage_markdown),
        (LISTING_TASKS, by_task_markdown),
        (LISTING_COLLECTIONS, collections_markdown),
    ]
    pages = [GeneratedPage(src, content=make(project)) for src, make in makers]
    for dimension in DIMENSIONS:
        pages += [GeneratedPage(src, content=text) for src, text in group_pages(project, dimension)]
    pages += [GeneratedPage(src, content=text) for src, text in all_cases_pages(project)]
    return pages
