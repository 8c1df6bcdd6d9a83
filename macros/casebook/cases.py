"""The casebook: typical cases (典型案例) under ``casebook/<case-id>.md``.

A case is Markdown with validated front matter. Only ``published`` cases reach
the site, and the single gate for that is :func:`casebook_pages`;
every listing here is computed from the cases that gate lets through.
Every case is scanned by the anonymisation gate (:mod:`macros.casebook.anonymise`):
findings in a published case are errors (the build stops), in other cases
warnings.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from macros.casebook import anon_scope, anonymise
from macros.core.escaping import md_esc
from macros.core.links import relative_link
from macros.core.messages import message
from macros.core.pages import GeneratedPage
from macros.core.placeholders import MARKS, is_placeholder
from macros.core.problems import Problem
from macros.core.themes import check_theme_refs
from macros.core.yamlload import PLAIN_TITLE, Document, validate
from macros.policy.access import library
from macros.policy.policies import check_clause_refs

if TYPE_CHECKING:
    from macros.core.registry import Project

CASEBOOK_DIR = "casebook"
CITY_PLAN = "沪教委德〔2023〕25号"
STAGES = ["小学", "初中", "高中", "九年一贯制", "中职"]
# The city plan's key duties and tasks; each listing links to its clause.
KEY_TASKS: dict[str, str] = {
    "导师匹配": "五（一）",
    "良师益友": "五（二）1",
    "家校沟通": "五（二）2",
    "学生家访": "五（三）1",
    "谈心谈话": "五（三）2",
    "书面反馈": "五（三）3",
}
STATUSES = ["draft", "review", "published", "retired"]
STATUS_ZH = {"draft": "草稿", "review": "审核中", "published": "已发布", "retired": "已下线"}
# Roles only: the review record never names a person.
REVIEWER_ROLES = ["区级培训者", "学校德育负责人", "心理教师", "案例编辑", "班主任"]
PLACEHOLDER_RULE = "CASE-PLACEHOLDER"

_TEXT = {"type": "string", "minLength": 1}
_TEXT_LIST = {"type": "array", "items": _TEXT, "uniqueItems": True}


def _titled(title: str, node: dict) -> dict:
    """A field with its Chinese label: messages name the field by it (macros/core/schema_messages.py)."""
    return {"title": title, **node}


CASE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "title", "sample", "stage", "themes", "key_tasks", "status", "summary", "pseudonyms", "questions"],
    "properties": {
        "id": _titled(
            "案例编号",
            {
                "type": "string",
                "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
                "x-message": "只能用小写字母、数字和连字符，如 home-visit-first",
            },
        ),
        "title": _titled("标题", PLAIN_TITLE),
        "sample": _titled("示例标记", {"type": "boolean"}),
        "stage": _titled("学段", {"enum": STAGES}),
        "themes": _titled("主题", {**_TEXT_LIST, "minItems": 1}),
        "key_tasks": _titled("重点任务", {"type": "array", "items": {"enum": list(KEY_TASKS)}, "uniqueItems": True}),
        "status": _titled("状态", {"enum": STATUSES}),
        "summary": _titled("摘要", {"type": "string", "minLength": 1, "maxLength": 120}),
        "pseudonyms": _titled("化名", _TEXT_LIST),
        "reviewed_terms": _titled("审核通过的误报词", _TEXT_LIST),
        "anonymisation_review": _titled(
            "匿名化审核",
            {
                "type": "object",
                "additionalProperties": False,
                "required": ["reviewed_on", "reviewer_role"],
                "properties": {
                    "reviewed_on": _titled("审核日期", {"type": "string", "format": "date"}),
                    "reviewer_role": _titled("审核人角色", {"enum": REVIEWER_ROLES}),
                },
            },
        ),
        "questions": _titled("研讨问题", {**_TEXT_LIST, "minItems": 1}),
        "clauses": _titled(
            "政策条款",
            {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["doc"],
                    "properties": {
                        "doc": _titled("文件", _TEXT),
                        "clause": _titled("条款", {"type": "string"}),
                        "note": _titled("说明", {"type": "string"}),
                    },
                },
            },
        ),
        "modules": _titled("培训模块", _TEXT_LIST),
        "related": _titled("相关案例", _TEXT_LIST),
        "render_macros": _titled("执行宏", {"type": "boolean"}),
    },
}


@dataclass
class CaseCard:
    """What listings, related cases and links show of a case: its front matter, not its text.
    A save that changes only the text leaves every card, and so every listing, as it was."""

    id: str
    meta: dict[str, Any]

    @property
    def status(self) -> str:
        return self.meta.get("status", "")

    @property
    def title(self) -> str:
        return self.meta["title"]

    @property
    def themes(self) -> list[str]:
        return list(self.meta.get("themes", []))

    @property
    def src_uri(self) -> str:
        return f"cases/{self.id}.md"


@dataclass
class Case(CaseCard):
    path: Path
    display: str
    body: str
    doc: Document

    def card(self) -> CaseCard:
        return CaseCard(self.id, self.meta)


def _load(project: Project) -> tuple[list[Case], list[Problem]]:
    cases: list[Case] = []
    files, problems = project.front_matter_folder(CASEBOOK_DIR)
    for path, display, doc, body in files:
        if not doc.data:
            problems.append(Problem(display, 1, 1, message("case.no-front-matter")))
            continue
        found = validate(doc, CASE_SCHEMA)
        problems += found
        if found or not isinstance(doc.data, dict):
            # Still report unknown themes, so one run lists every problem.
            themes = doc.data.get("themes") if isinstance(doc.data, dict) else None
            if isinstance(themes, list):
                problems += check_theme_refs(doc, ("themes",), themes, project.themes)
            continue
        cases.append(Case(doc.data["id"], doc.data, path, display, body, doc))
    return cases, problems


def load_cases(project: Project) -> tuple[list[Case], list[Problem]]:
    """Every case file that has valid front matter, and the problems of all of them."""
    return project.once("casebook.cases", lambda: _load(project))


def published_cases(project: Project) -> list[Case]:
    """The cases the publication gate (:func:`casebook_pages`) lets through."""

    def make() -> list[Case]:
        gate = {page.src_uri for page in casebook_pages(project)}
        return [case for case in load_cases(project)[0] if case.src_uri in gate]

    return project.once("casebook.published", make)


def published_cards(project: Project) -> list[CaseCard]:
    """The published cases' cards (:class:`CaseCard`), for everything that lists cases."""
    return project.once("casebook.cards", lambda: [case.card() for case in published_cases(project)])


# -- checks -----------------------------------------------------------------------


def anonymisation_problems(case: Case) -> list[Problem]:
    severity = "error" if case.status == "published" else "warning"
    return anon_scope.scan_document(case.doc, case.path, case.display, case.body, severity)


def _module_dir(project: Project, module: str) -> Path:
    return project.root / "training_modules" / module


def check_case(project: Project, case: Case, by_id: dict[str, CaseCard]) -> list[Problem]:
    meta, doc = case.meta, case.doc
    problems: list[Problem] = []
    if case.id != case.path.stem:
        problems.append(doc.problem(("id",), message("case.id-file", id=case.id, stem=case.path.stem)))
    problems += check_theme_refs(doc, ("themes",), meta["themes"], project.themes)
    if case.status == "published" and "anonymisation_review" not in meta:
        problems.append(doc.problem(("status",), message("case.review")))
    problems += check_clause_refs(doc, ("clauses",), meta.get("clauses", []), library(project))
    for i, module in enumerate(meta.get("modules", [])):
        if not _module_dir(project, module).is_dir():
            problems.append(doc.problem(("modules", i), message("cases.check-case", module=module, module2=module)))
    for i, other in enumerate(meta.get("related", [])):
        if other == case.id:
            problems.append(doc.problem(("related", i), message("cases.check-case-2")))
        elif other not in by_id:
            problems.append(doc.problem(("related", i), message("cases.check-case-3", other=other)))
        elif case.status == "published" and by_id[other].status != "published":
            problems.append(
                doc.problem(
                    ("related", i), message("case.related-draft", other=other, status=STATUS_ZH.get(by_id[other].status, ""))
                )
            )
    problems += anonymisation_problems(case)
    problems += placeholder_problems(case)
    return problems


def placeholder_problems(case: Case) -> list[Problem]:
    """What the Word import leaves to be written (草稿：（待填写：…）, 待确认 beside a field,
    key_tasks: []) must not be published: errors in a published case, nothing in a draft."""
    if case.status != "published":
        return []
    doc, meta = case.doc, case.meta
    problems = []
    lines = case.path.read_text(encoding="utf-8-sig").splitlines()
    # Front matter: any mark (the import writes “# 待确认” beside fields). Body: only the
    # import's “（待填写” blanks, so that a narrative may say a date was still 待确认.
    end = next((i for i, line in enumerate(lines[1:], start=2) if line.strip() == "---"), 0)
    for number, line in enumerate(lines, start=1):
        marks = MARKS if number <= end else ("（待填写",)
        found = [(line.find(mark), mark.lstrip("（")) for mark in marks if mark in line]
        if found:
            col, mark = min(found)
            problems.append(Problem(case.display, number, col + 1, message("case.marked", mark=mark), rule=PLACEHOLDER_RULE))
    marked_lines = {p.line for p in problems}
    texts = [(("summary",), meta["summary"])] + [(("questions", i), q) for i, q in enumerate(meta["questions"])]
    for loc, value in texts:
        if is_placeholder(value) or value.startswith("草稿："):
            problem = doc.problem(
                loc,
                message("case.placeholder", label=CASE_SCHEMA["properties"][loc[0]]["title"], value=value),
                rule=PLACEHOLDER_RULE,
            )
            if problem.line not in marked_lines:
                problems.append(problem)
    if not meta["key_tasks"]:
        choices = "、".join(KEY_TASKS)
        problems.append(
            doc.problem(
                ("key_tasks",),
                message("case.no-key-tasks", label=CASE_SCHEMA["properties"]["key_tasks"]["title"], choices=choices),
                rule=PLACEHOLDER_RULE,
            )
        )
    return problems


def check_casebook(project: Project) -> list[Problem]:
    cases, problems = load_cases(project)
    # City scale: the anonymisation gate of many new cases runs in parallel, then from the cache.
    anonymise.prefetch([(c.path.read_text(encoding="utf-8-sig"), c.meta.get("pseudonyms", [])) for c in cases])
    by_id: dict[str, Case] = {}
    for case in cases:
        if case.id in by_id:
            problems.append(
                case.doc.problem(("id",), message("cases.check-casebook", id=case.id, display=by_id[case.id].display))
            )
            continue
        by_id[case.id] = case
    for case in cases:
        # One value per case: under `mkdocs serve` a saved case is checked again alone.
        problems += project.once_each("casebook.check", _check_case_at, case.display)
    return problems


def _check_case_at(project: Project, display: str) -> list[Problem]:
    case = project.once_entry("casebook.by-display", lambda: {c.display: c for c in load_cases(project)[0]}, display)
    assert case is not None  # asked for loaded cases only
    # What the check needs of the other cases, their status: a saved text leaves it as it was.
    return check_case(project, case, project.once("casebook.statuses", lambda: _statuses(project)))


def _statuses(project: Project) -> dict[str, CaseCard]:
    """Each case id with the card of its first file (a repeated id is reported above)."""
    by_id: dict[str, CaseCard] = {}
    for case in load_cases(project)[0]:
        by_id.setdefault(case.id, case.card())
    return by_id


# -- rendering --------------------------------------------------------------------

LISTING_THEMES = "cases/by-theme.md"
LISTING_STAGES = "cases/by-stage.md"
LISTING_TASKS = "cases/by-task.md"


def theme_anchor(theme: str, vocabulary: list[str]) -> str:
    return f"theme-{vocabulary.index(theme) + 1}" if theme in vocabulary else "theme"


def stage_anchor(stage: str) -> str:
    return f"stage-{STAGES.index(stage) + 1}"


def task_anchor(task: str) -> str:
    return f"task-{list(KEY_TASKS).index(task) + 1}"


def case_link(case: CaseCard, from_src_uri: str) -> str:
    return f"[{md_esc(case.title)}]({relative_link(from_src_uri, case.src_uri)})"


def casebook_pages(project: Project) -> list[GeneratedPage]:
    """The publication gate: published cases only, so a draft reaches no built file."""
    pages = []
    for path in sorted((project.root / CASEBOOK_DIR).glob("*.md")):
        doc, _, problems = project.front_matter(path)
        if doc is None or problems or not isinstance(doc.data, dict):
            continue
        if doc.data.get("status") == "published":
            pages.append(GeneratedPage(f"cases/{path.name}", abs_src_path=path))
    return pages
