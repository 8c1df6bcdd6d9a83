"""一校一策 in the portal: one page per school with its compliance panel, the
search entries of the school pages, and the download files (YAML, Word, schema).
Loading and checking the school files is :mod:`macros.plans.loading`."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from macros.build import cache as buildcache
from macros.build import session
from macros.core.escaping import md_esc
from macros.core.pages import GeneratedPage
from macros.core.searchtext import compact_entry
from macros.documents.docx_cache import build_documents
from macros.plans.editor_page import EDITOR_ID, LINK_TEXT, editor_pages
from macros.plans.listings import district_slug, is_paged
from macros.plans.loading import DOWNLOAD_SCHEMA, DOWNLOAD_TEMPLATE, SchoolPlan, load_schools, school_at
from macros.plans.model import SCHEMA_FILE, TEMPLATE_FILE, schema_json, template_plan
from macros.plans.plan_document import Block, blank_plan, grades_label, plan_sections, plan_title
from macros.plans.rules import (
    ADVISORY,
    MET,
    NOT_APPLICABLE,
    NOT_MET,
    STATUS_LABELS,
    Rule,
)
from macros.policy.access import clause_link, library

if TYPE_CHECKING:
    from macros.core.registry import Project

STATUS_ICONS = {NOT_MET: "✗", ADVISORY: "!", MET: "✓", NOT_APPLICABLE: "–"}
STATUS_ORDER = [NOT_MET, ADVISORY, MET, NOT_APPLICABLE]


# -- rendering -----------------------------------------------------------------------


def _source_links(project: Project, rule: Rule, src_uri: str) -> str:
    # Every school page sits in schools/, so a rule's links are the same on all 1,600 of them.
    directory = src_uri.rsplit("/", 1)[0]
    cache = project.once("schools.source-links", dict)
    key = (rule.id, rule.sources, directory)
    if key not in cache:
        cache[key] = _render_source_links(project, rule, src_uri)
    return cache[key]


def _render_source_links(project: Project, rule: Rule, src_uri: str) -> str:
    links = []
    for doc, clause in rule.sources:
        policy = library(project).find(doc)
        short = (policy.doc_number or (policy.meta.get("aliases") or [policy.title])[-1]) if policy else doc
        links.append(clause_link(project, doc, clause, src_uri, f"{short} {clause}"))
    return "；".join(links)


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


_BULLET_START = re.compile(r"^([-+])(\s)")
_NUMBER_START = re.compile(r"^(\d+)([.)])(\s)")


def _paragraph(text: str) -> str:
    """A paragraph of plain text: escaped, and a leading “- ” or “1. ” kept from turning into a list."""
    return _NUMBER_START.sub(r"\1\\\2\3", _BULLET_START.sub(r"\\\1\2", md_esc(text)))


def block_markdown(block: Block) -> str:
    if block.kind == "p":
        return "\n\n".join(_paragraph(p) for p in _paragraphs(block.text))
    if block.kind == "h":
        return f"### {md_esc(block.text)}"
    if block.kind == "list":
        return "\n".join(f"- {_paragraph(item)}" for item in block.items)
    head = "| " + " | ".join(md_esc(h) for h in block.header) + " |"
    rule = "|" + "---|" * len(block.header)
    rows = ["| " + " | ".join(md_esc(c) for c in row) + " |" for row in block.rows]
    return "\n".join([head, rule, *rows])


def panel_rows(project: Project, school: SchoolPlan, src_uri: str) -> tuple[tuple[str, str, str, str, str, str], ...]:
    """The findings as the panel shows them: (status, statement, rule id, severity, detail,
    source links), in the panel's order. Plain values: the page is memoised on them."""
    return tuple(
        (f.status, f.rule.statement, f.rule.id, f.rule.severity, f.detail, _source_links(project, f.rule, src_uri))
        for f in sorted(school.findings, key=lambda f: STATUS_ORDER.index(f.status))
    )


def compliance_panel(rows: tuple[tuple[str, str, str, str, str, str], ...]) -> str:
    """The 政策符合情况 panel of a school page, from :func:`panel_rows`."""
    counts = {status: sum(1 for row in rows if row[0] == status) for status in STATUS_ORDER}
    must = [row for row in rows if row[3] == "必须" and row[0] != NOT_APPLICABLE]
    should = [row for row in rows if row[3] == "建议" and row[0] != NOT_APPLICABLE]
    compliant = counts[NOT_MET] == 0
    verdict = "符合必须条款" if compliant else f"有 {counts[NOT_MET]} 项必须条款未达标"
    lines = [
        f'<div class="plan-compliance {"plan-ok" if compliant else "plan-not-ok"}" markdown>',
        "",
        "## 政策符合情况",
        "",
        f"**{verdict}**。必须条款 {len(must)} 项：已达标 {len(must) - counts[NOT_MET]} 项，未达标 {counts[NOT_MET]} 项；"
        f"建议条款 {len(should)} 项：已采纳 {len(should) - counts[ADVISORY]} 项，建议改进 {counts[ADVISORY]} 项。",
        "",
        "| 结果 | 规则 | 本方案 | 依据 |",
        "|---|---|---|---|",
    ]
    for status, statement, rule_id, severity, detail, links in rows:
        shown = f'<span class="plan-status plan-{status}">{STATUS_ICONS[status]} {STATUS_LABELS[status]}</span>'
        rule = f"{md_esc(statement)}<br><small>{rule_id} · {severity}</small>"
        lines.append(f"| {shown} | {rule} | {md_esc(detail)} | {links} |")
    lines += ["", "</div>", ""]
    return "\n".join(lines)


def school_page(project: Project, school: SchoolPlan) -> str:
    """The Markdown of a school page: profile, downloads, compliance panel, then the plan."""
    # 1,600 of these at city scale, memoised: the page is a function of exactly these values
    # (render_school_page takes nothing else), so the key is everything the page shows.
    src_uri = f"schools/{school.id}.md"
    return render_school_page(school.id, school.plan, panel_rows(project, school, src_uri), _back_link(project, school))


@buildcache.memoised("school-page", compress=True)
def render_school_page(school_id: str, plan: dict, rows: tuple, back_link: str) -> str:
    counts = plan["counts"]
    title = plan_title(plan)
    out = [
        "---",
        f"title: {json.dumps(plan['name'], ensure_ascii=False)}",
        "search:",
        "  exclude: true  # one compact entry per school instead: school_search_entries",
        "---",
        "",
        f"# {md_esc(title)}",
        "",
    ]
    if plan.get("sample"):
        out += ['!!! note "示例"', "    本方案由本项目编写，学校名称和内容均为虚构，仅用于演示一校一策的结构和政策核对。", ""]
    out += [
        '<div class="plan-profile" markdown>',
        "",
        f"所在区\n:   {md_esc(plan['district'])}",
        "",
        f"学段\n:   {md_esc(plan['stage'])}（{md_esc(grades_label(plan['grades']))}）",
        "",
        f"人数\n:   教师 {counts['teachers']} 人，导师 {counts['mentors']} 人，学生 {counts['students']} 人",
        "",
        "</div>",
        "",
        '<div class="plan-downloads" markdown>',
        "",
        f"[下载 Word 文档]({school_id}.docx){{ .md-button .md-button--primary download }}"
        f" [下载 YAML 数据]({school_id}.yml){{ .md-button download }}"
        f" {back_link}{{ .md-button }}",
        f' <a class="md-button" href="../{EDITOR_ID}/#school={school_id}">{LINK_TEXT}</a>',
        "",
        "</div>",
        "",
        compliance_panel(rows),
        *plan_body_lines(plan),
    ]
    return "\n".join(out)


PLAN_BODY_OPEN = '<div class="plan-body" markdown>'  # the first line of every school page's plan body


def plan_body_lines(plan: dict) -> list[str]:
    """The end of a school page: the plan's sections (macros/plans/plan_html.py writes them as
    HTML directly and checks that a page ends with exactly these lines)."""
    out = [PLAN_BODY_OPEN, ""]
    for n, section in enumerate(plan_sections(plan), start=1):
        out += [f"## {section.numbered(n)}", ""]
        out += [block_markdown(b) + "\n" for b in section.blocks]
    out += ["</div>", ""]
    return out


def _back_link(project: Project, school: SchoolPlan) -> str:
    """Back to the school's district page when the city is large, else to the overview."""

    if is_paged(project):
        return f"[返回{md_esc(school.plan['district'])}学校名单](district/{district_slug(school.plan['district'])}.md)"
    return "[返回一校一策总览](index.md)"


def school_search_entries(project: Project, cut: Callable[[str], Iterable[str]]) -> list[dict]:
    """One search entry per school (name, district, stage, verdict), not every sentence of its plan."""
    entries = []
    for school in load_schools(project).schools:
        plan = school.plan
        verdict = "符合必须条款" if school.compliant else "有必须条款未达标"
        words = [plan["district"], plan["stage"], "一校一策", plan_title(plan), verdict]
        entries.append(compact_entry(f"schools/{school.id}/", plan["name"], words, cut))
    return entries


def school_pages(project: Project) -> list[GeneratedPage]:
    """Collection: a page, a Word file and the YAML for every school, plus the template downloads."""
    # Collections are asked more than once per build; Word files are built once.
    return project.once("schools.pages", lambda: _school_pages(project))


def _school_files(project: Project, rel: str) -> tuple[GeneratedPage, GeneratedPage]:
    """A school's page and its YAML download, one value per school: under `mkdocs serve` a
    saved plan makes its own page again, not the 1,600 others."""
    school = school_at(project, rel).school
    assert school is not None  # asked for published schools only
    source = (project.root / rel).read_text(encoding="utf-8-sig")
    return (
        GeneratedPage(f"schools/{school.id}.md", content=school_page(project, school)),
        GeneratedPage(f"schools/{school.id}.yml", content=source),
    )


def _school_pages(project: Project) -> list[GeneratedPage]:
    from macros.core.pages import GeneratedPage  # here: collections imports this module
    from macros.plans.plan_docx import plan_docx

    state = load_schools(project)
    template = project.root / TEMPLATE_FILE
    jobs: dict[str, dict] = {f"schools/{school.id}.docx": school.plan for school in state.schools}
    if template.exists():
        jobs[f"{DOWNLOAD_TEMPLATE}.docx"] = blank_plan(template_plan())  # （　）年级, no school type
    cache = buildcache.directory()
    # In the background: the build goes on rendering pages while the worker processes write
    # the missing files; the hook waits for them at the end (on_post_build).
    batch = build_documents(jobs, plan_docx, cache / "docx" if cache else None, buildcache.current_engine(), background=True)
    session.current().docx_batch = batch  # the hook waits for it; the benchmark reports it

    def word(src_uri: str) -> GeneratedPage:
        found = batch.files[src_uri]
        if isinstance(found, Path):
            return GeneratedPage(src_uri, abs_src_path=found)
        return GeneratedPage(src_uri, content=found)

    pages = []
    for school in state.schools:
        page, source = project.once_each("schools.page", _school_files, school.rel)
        pages.append(page)
        pages.append(word(f"schools/{school.id}.docx"))
        pages.append(source)
    if template.exists():
        pages.append(GeneratedPage(f"{DOWNLOAD_TEMPLATE}.yml", content=template.read_text(encoding="utf-8-sig")))
        pages.append(word(f"{DOWNLOAD_TEMPLATE}.docx"))
    pages.append(GeneratedPage(DOWNLOAD_SCHEMA, content=schema_json()))
    status = {"icons": STATUS_ICONS, "order": STATUS_ORDER}
    pages += editor_pages(project, state.rules, _source_links, DOWNLOAD_SCHEMA, f"{DOWNLOAD_TEMPLATE}.yml", status)
    return pages


__all__ = [
    "SCHEMA_FILE",
    "load_schools",
    "school_page",
    "school_pages",
]
