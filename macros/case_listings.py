"""Listings of published cases: by theme, 学段 and key task (with counts), and
the featured collections (精选案例集) that trainers define in ``data/collections.yml``.

Every listing starts from :func:`macros.casebook.published_cases`, so a case
the publication gate holds back cannot appear here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .casebook import (
    CITY_PLAN,
    KEY_TASKS,
    LISTING_STAGES,
    LISTING_TASKS,
    LISTING_THEMES,
    STAGES,
    Case,
    case_link,
    load_cases,
    published_cases,
    stage_anchor,
    task_anchor,
    theme_anchor,
)
from .policies import relative_link
from .problems import Problem
from .text import md_esc
from .yamlload import validate

if TYPE_CHECKING:
    from .collections import GeneratedPage
    from .project import Project

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
    published = {c.id for c in published_cases(project)}
    seen: set[str] = set()
    for i, collection in enumerate(doc.data["collections"]):
        if collection["id"] in seen:
            problems.append(doc.problem(("collections", i, "id"), f"案例集 id“{collection['id']}”重复"))
        seen.add(collection["id"])
        for k, case_id in enumerate(collection["cases"]):
            loc = ("collections", i, "cases", k)
            if case_id not in all_cases:
                problems.append(doc.problem(loc, f"未知的案例“{case_id}”（casebook/ 中没有这个 id）", rule="CASE-COLLECTION"))
            elif case_id not in published:
                status = all_cases[case_id].status
                problems.append(
                    doc.problem(loc, f"案例“{case_id}”尚未发布（status: {status}），不能放入精选案例集", rule="CASE-COLLECTION")
                )
    return problems


def featured_collections(project: Project) -> list[dict[str, Any]]:
    if not (project.root / COLLECTIONS_FILE).exists():
        return []
    doc, problems = project.data(COLLECTIONS_FILE)
    if doc is None or problems or not isinstance(doc.data, dict):
        return []
    return [c for c in doc.data.get("collections", []) if isinstance(c, dict)]


def _entry(case: Case, src: str) -> str:
    meta = case.meta
    return f"- {case_link(case, src)}（{md_esc(meta['stage'])}）：{md_esc(meta['summary'])}"


def _grouped(
    title: str,
    intro: str,
    src: str,
    groups: list[tuple[str, str, list[Case]]],
) -> str:
    lines = [f"# {title}", "", intro, "", "| 分类 | 案例数 |", "|---|---|"]
    lines += [f"| [{md_esc(name)}](#{anchor}) | {len(cases)} |" for name, anchor, cases in groups]
    for name, anchor, cases in groups:
        lines += ["", f"## {md_esc(name)}（{len(cases)}） {{#{anchor}}}", ""]
        lines += [_entry(c, src) for c in cases] or ["暂无已发布的案例。"]
    return "\n".join(lines) + "\n"


def by_theme_markdown(project: Project) -> str:
    cases = published_cases(project)
    vocab = project.themes
    groups = [(t, theme_anchor(t, vocab), [c for c in cases if t in c.themes]) for t in vocab]
    return _grouped(
        "按主题浏览案例",
        "案例库中已发布的案例，按主题词表（data/themes.yml）分类；一个案例可属于多个主题。",
        LISTING_THEMES,
        groups,
    )


def by_stage_markdown(project: Project) -> str:
    cases = published_cases(project)
    groups = [(s, stage_anchor(s), [c for c in cases if c.meta["stage"] == s]) for s in STAGES]
    return _grouped("按学段浏览案例", "案例库中已发布的案例，按学段分类。", LISTING_STAGES, groups)


def by_task_markdown(project: Project) -> str:
    cases = published_cases(project)
    groups = [(t, task_anchor(t), [c for c in cases if t in c.meta.get("key_tasks", [])]) for t in KEY_TASKS]
    text = _grouped(
        "按重点工作浏览案例",
        "按《上海市中小学生全员导师制工作方案》规定的关键职责与重点工作分类。",
        LISTING_TASKS,
        groups,
    )
    # Each task heading cites its clause of the city plan.
    for task, clause in KEY_TASKS.items():
        link = project.clause_link(CITY_PLAN, clause, LISTING_TASKS)
        heading_end = f"{{#{task_anchor(task)}}}\n"
        text = text.replace(heading_end, f"{heading_end}\n对应条款：{link}\n", 1)
    return text


def collections_markdown(project: Project) -> str:
    published = {c.id: c for c in published_cases(project)}
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
    """The casebook start page: counts per dimension and the featured collections."""
    cases = published_cases(project)
    vocab = project.themes
    lines = [f"目前共有 **{len(cases)}** 个已发布案例。", ""]

    def row(label: str, listing: str, items: list[tuple[str, str, int]]) -> None:
        links = "　".join(f"[{md_esc(name)}（{n}）]({relative_link(src, listing)}#{anchor})" for name, anchor, n in items if n)
        lines.extend([f"**{label}**：{links}", ""])

    row("按主题", LISTING_THEMES, [(t, theme_anchor(t, vocab), sum(t in c.themes for c in cases)) for t in vocab])
    row("按学段", LISTING_STAGES, [(s, stage_anchor(s), sum(c.meta["stage"] == s for c in cases)) for s in STAGES])
    row(
        "按重点工作",
        LISTING_TASKS,
        [(t, task_anchor(t), sum(t in c.meta.get("key_tasks", []) for c in cases)) for t in KEY_TASKS],
    )
    collections = featured_collections(project)
    if collections:
        lines += ["## 精选案例集", ""]
        for c in collections:
            link = f"{relative_link(src, LISTING_COLLECTIONS)}#{c['id']}"
            lines.append(f"- [{md_esc(c['title'])}]({link})（{len(c['cases'])} 个案例）：{md_esc(c['introduction'])}")
        lines.append("")
    lines += ["## 全部案例", ""]
    lines += [_entry(c, src) for c in sorted(cases, key=lambda c: c.title)]
    return "\n".join(lines) + "\n"


def casebook_listing_pages(project: Project) -> list[GeneratedPage]:
    from .collections import GeneratedPage

    makers: list[tuple[str, Callable[[Project], str]]] = [
        (LISTING_THEMES, by_theme_markdown),
        (LISTING_STAGES, by_stage_markdown),
        (LISTING_TASKS, by_task_markdown),
        (LISTING_COLLECTIONS, collections_markdown),
    ]
    return [GeneratedPage(src, content=make(project)) for src, make in makers]
