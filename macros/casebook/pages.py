"""A published case as a page: header after the title (学段, themes, key tasks with
links to their listings), discussion questions, clauses, modules and related cases after
the text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from macros.casebook.cases import Case, CaseCard, _module_dir, case_link, published_cards, published_cases
from macros.casebook.listings import STAGES_DIMENSION, TASKS, THEMES, group_href
from macros.core.escaping import md_esc
from macros.core.links import relative_link
from macros.core.markdown import insert_after_title
from macros.policy.access import clause_link

if TYPE_CHECKING:
    from macros.core.registry import Project


def _module_link(project: Project, module: str, from_src_uri: str) -> str:
    base = _module_dir(project, module)
    pages = sorted(p.name for p in base.glob("*.md"))
    target = "index.md" if "index.md" in pages else (pages[0] if pages else "")
    if not target:
        return md_esc(module)
    return f"[{md_esc(module)}]({relative_link(from_src_uri, f'training/{module}/{target}')})"


def render_case_header(project: Project, case: Case) -> str:
    meta = case.meta
    src = case.src_uri
    themes = "、".join(f"[{md_esc(t)}]({group_href(project, THEMES, t, src)})" for t in case.themes)
    tasks = "、".join(f"[{md_esc(t)}]({group_href(project, TASKS, t, src)})" for t in meta.get("key_tasks", []))
    stage = f"[{md_esc(meta['stage'])}]({group_href(project, STAGES_DIMENSION, meta['stage'], src)})"
    lines = []
    if meta.get("sample"):
        lines += ['!!! note "示例案例"', "    本案例由门户项目编写，人物与学校均为虚构，仅用于培训讨论。", ""]
    lines.append(f"**学段**：{stage}　**主题**：{themes}" + (f"　**重点工作**：{tasks}" if tasks else ""))
    lines.append("{: .case-meta }")
    review = meta.get("anonymisation_review")
    if review:
        lines += ["", f"*匿名化审核：{md_esc(review['reviewed_on'])}，{md_esc(review['reviewer_role'])}*"]
    return "\n".join(lines) + "\n"


def render_case_footer(project: Project, case: Case) -> str:
    meta = case.meta
    src = case.src_uri
    out = ["", "## 讨论问题", ""]
    out += [f"{i}. {md_esc(q)}" for i, q in enumerate(meta["questions"], 1)]
    if meta.get("clauses"):
        out += ["", "## 相关条款", ""]
        for ref in meta["clauses"]:
            link = clause_link(project, ref["doc"], ref.get("clause") or None, src)
            note = f"：{md_esc(ref['note'])}" if ref.get("note") else ""
            out.append(f"- {link}{note}")
    if meta.get("modules"):
        out += ["", "## 相关培训模块", ""]
        out += [f"- {_module_link(project, m, src)}" for m in meta["modules"]]
    related = related_cases(project, case)
    if related:
        out += ["", "## 相关案例", ""]
        out += [f"- {case_link(other, src)}" for other in related]
    return "\n".join(out) + "\n"


def related_cases(project: Project, case: CaseCard, limit: int = 5) -> list[CaseCard]:
    """Declared related cases first, then published cases sharing the most themes."""
    published, by_theme = project.once("casebook.related-index", lambda: _related_index(project))
    chosen = [published[i] for i in case.meta.get("related", []) if i in published]
    # Counting through a theme index rather than comparing every pair: 600 cases at city scale.
    shared: dict[str, int] = {}
    for theme in set(case.themes):
        for other in by_theme.get(theme, ()):
            shared[other] = shared.get(other, 0) + 1
    taken = {case.id, *(c.id for c in chosen)}
    ranked = sorted((-n, other) for other, n in shared.items() if other not in taken)
    return (chosen + [published[other] for _, other in ranked])[:limit]


def _related_index(project: Project) -> tuple[dict[str, CaseCard], dict[str, list[str]]]:
    published = {c.id: c for c in published_cards(project)}
    by_theme: dict[str, list[str]] = {}
    for c in published.values():
        for theme in set(c.themes):
            by_theme.setdefault(theme, []).append(c.id)
    return published, by_theme


def render_case_page(project: Project, src_uri: str, markdown: str) -> str | None:
    """A published case page: header after the title, discussion and links after the text."""
    # Every page asks (is it a case?): each reads its own entry only, so a case's saved text
    # reaches its own page, not every page of the site.
    case = project.once_entry("casebook.by-src-uri", lambda: {c.src_uri: c for c in published_cases(project)}, src_uri)
    if case is None:
        return None
    header = render_case_header(project, case)
    footer = render_case_footer(project, case)
    with_header = insert_after_title(markdown, ["", header])
    if with_header is not None:
        return with_header + footer
    return f"# {md_esc(case.title)}\n\n{header}\n{markdown}{footer}"
