"""The two handbooks (师生关系建构, 家校沟通) — or whatever handbooks a district puts
under ``docs/handbooks/``.

A handbook is a folder ``docs/handbooks/<id>/`` with an ``index.md`` (front
matter: ``title``, ``handbook_order``) and one Markdown file per chapter. A
chapter's front matter gives its ``title``, its place (``chapter: 1``), its
``themes`` and ``render_macros: true``. Its body must

* open with the objectives block ``!!! abstract "学完本章，你将能够"``,
* cite at least one policy clause with the ``clause`` macro,
* end with the section ``## 检查清单`` holding a task list (``- [ ] …``).

From this the portal makes the nav of each handbook (in chapter order), a print
view with every chapter, and the “相关内容” block of each chapter.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from macros.core.escaping import esc, md_esc
from macros.core.links import relative_link
from macros.core.markdown import HEADING, first_line_of, insert_after_title, lines_outside_fences, macro_call
from macros.core.messages import message
from macros.core.problems import Problem
from macros.core.related import render_related, theme_index
from macros.core.themes import check_theme_refs
from macros.core.yamlload import load_front_matter, validate

if TYPE_CHECKING:
    from macros.core.registry import Project
    from macros.handbook.templates import Template

HANDBOOKS = "handbooks"  # folder under docs/ and in the site
OBJECTIVES_TITLE = "学完本章，你将能够"
CHECKLIST_HEADING = "检查清单"
PRINT_PAGE = "print.md"

_COMMON = {
    "title": {"type": "string", "minLength": 1},
    "description": {"type": "string"},
    "render_macros": {"type": "boolean"},
    # Material for MkDocs page options a district may want
    "hide": {"type": "array", "items": {"enum": ["navigation", "toc", "footer", "path", "tags", "feedback"]}},
    "icon": {"type": "string"},
    "search": {"type": "object"},
}

INDEX_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["title", "handbook_order"],
    "properties": {
        **_COMMON,
        "handbook_order": {"type": "integer", "minimum": 1},
        # shown on every chapter and in the print view, e.g. who wrote the text
        "source_note": {"type": "string", "minLength": 1},
    },
}

CHAPTER_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["title", "chapter", "themes", "render_macros"],
    "properties": {
        **_COMMON,
        "chapter": {"type": "integer", "minimum": 1},
        "themes": {"type": "array", "minItems": 1, "uniqueItems": True, "items": {"type": "string"}},
        "render_macros": {"const": True, "x-message": "必须是 true：章节用 clause 宏引用条款，需要开启宏"},
    },
}


@dataclass(frozen=True)
class Chapter:
    src_uri: str  # handbooks/<id>/<file>.md
    path: Path
    title: str
    number: int
    themes: tuple[str, ...]
    body: str


@dataclass(frozen=True)
class Handbook:
    id: str
    title: str
    order: int
    description: str
    chapters: tuple[Chapter, ...]
    source_note: str = ""

    @property
    def index_uri(self) -> str:
        return f"{HANDBOOKS}/{self.id}/index.md"

    @property
    def print_uri(self) -> str:
        return f"{HANDBOOKS}/{self.id}/{PRINT_PAGE}"


# -- reading the body ---------------------------------------------------------------

_OBJECTIVES = re.compile(r'^(?:!!!|\?\?\?\+?)\s+[\w-]+(?:\s+[\w-]+)*\s+"' + OBJECTIVES_TITLE)
_TASK = re.compile(r"^\s*[-*+]\s+\[[ xX]\]\s+\S")
_CLAUSE = macro_call("clause")


def check_chapter_body(display: str, body: str, first_line: int) -> list[Problem]:
    """The three structural rules of a chapter body; positions are file lines."""
    problems: list[Problem] = []
    lines = list(lines_outside_fences(body))
    content = [(i, line) for i, line in lines if line.strip() and not line.lstrip().startswith("<!--")]
    if content and content[0][1].startswith("# "):
        content = content[1:]
    if not content or not _OBJECTIVES.match(content[0][1]):
        where = content[0][0] if content else 0
        problems.append(
            Problem(
                display,
                first_line + where,
                1,
                message("handbooks.check-chapter-body", OBJECTIVES_TITLE=OBJECTIVES_TITLE),
                rule="HANDBOOK-OBJECTIVES",
            )  # fmt: skip
        )
    if not any(_CLAUSE.search(line) for _, line in lines):
        top = next((i for i, line in lines if line.strip()), 0)
        problems.append(
            Problem(
                display,
                first_line + top,
                1,
                message("handbooks.check-chapter-body-2"),
                rule="HANDBOOK-CITE",
            )  # fmt: skip
        )
    h2 = [(i, m.group(2)) for i, line in lines if (m := HEADING.match(line)) and len(m.group(1)) == 2]
    checklist = [i for i, title in h2 if title == CHECKLIST_HEADING]
    last_line = first_line + max(len(body.rstrip("\n").split("\n")) - 1, 0)
    if not checklist:
        problems.append(
            Problem(
                display,
                last_line,
                1,
                message("handbooks.check-chapter-body-3", CHECKLIST_HEADING=CHECKLIST_HEADING),
                rule="HANDBOOK-CHECKLIST",
            )
        )
        return problems
    start = checklist[-1]
    later = [(i, t) for i, t in h2 if i > start]
    if later:
        i, title = later[0]
        problems.append(
            Problem(
                display,
                first_line + i,
                1,
                message("handbooks.check-chapter-body-4", CHECKLIST_HEADING=CHECKLIST_HEADING, title=title),
                rule="HANDBOOK-CHECKLIST",
            )
        )
    if not any(_TASK.match(line) for i, line in lines if i > start):
        problems.append(
            Problem(
                display,
                first_line + start,
                1,
                message("handbooks.check-chapter-body-5", CHECKLIST_HEADING=CHECKLIST_HEADING),
                rule="HANDBOOK-CHECKLIST",
            )  # fmt: skip
        )
    return problems


# -- loading ---------------------------------------------------------------------------


def load_handbooks(docs_dir: Path, display: Callable[[Path], str], vocabulary: list[str]) -> tuple[list[Handbook], list[Problem]]:
    """Every handbook under ``docs_dir/handbooks``; problems for every rule broken. ``display(path)`` names files."""
    base = docs_dir / HANDBOOKS
    handbooks: list[Handbook] = []
    problems: list[Problem] = []
    if not base.is_dir():
        return [], []
    for folder in sorted(p for p in base.iterdir() if p.is_dir()):
        files = sorted(folder.glob("*.md"))
        if not files:
            continue
        index = folder / "index.md"
        if not index.exists():
            problems.append(Problem(display(files[0]), 1, 1, message("handbooks.load-handbooks", v1=display(folder)),
                                    rule="HANDBOOK-META"))  # fmt: skip
            continue
        doc, _, found = load_front_matter(index, display(index))
        if doc is None or found:
            problems += found
            continue
        found = validate(doc, INDEX_SCHEMA)
        problems += found
        chapters, chapter_problems = _load_chapters(folder, display, vocabulary)
        problems += chapter_problems
        if found:
            continue
        if not chapters:
            problems.append(doc.problem((), message("handbooks.load-handbooks-2"), severity="warning", rule="HANDBOOK-META"))
        meta = doc.data
        handbooks.append(
            Handbook(
                folder.name,
                meta["title"],
                meta["handbook_order"],
                meta.get("description", ""),
                tuple(chapters),
                meta.get("source_note", ""),
            )
        )
    handbooks.sort(key=lambda h: (h.order, h.id))
    return handbooks, problems


def _load_chapters(folder: Path, display: Callable[[Path], str], vocabulary: list[str]) -> tuple[list[Chapter], list[Problem]]:
    chapters: list[Chapter] = []
    problems: list[Problem] = []
    numbers: dict[int, str] = {}
    for path in sorted(folder.glob("*.md")):
        if path.name in ("index.md", PRINT_PAGE):
            if path.name == PRINT_PAGE:
                problems.append(
                    Problem(
                        display(path), 1, 1, message("handbooks.load-chapters-3", PRINT_PAGE=PRINT_PAGE), rule="HANDBOOK-META"
                    )
                )
            continue
        name = display(path)
        doc, body, found = load_front_matter(path, name)
        if doc is None or found:
            problems += found
            continue
        text = path.read_text(encoding="utf-8-sig")
        first = first_line_of(text, body)
        meta_problems = validate(doc, CHAPTER_SCHEMA)
        if isinstance(doc.data, dict) and isinstance(doc.data.get("themes"), list):
            meta_problems += check_theme_refs(doc, ("themes",), doc.data["themes"], vocabulary)
        if not doc.data:
            meta_problems = [Problem(name, 1, 1, message("handbooks.load-chapters"), rule="HANDBOOK-META")]
        problems += meta_problems + check_chapter_body(name, body, first)
        if meta_problems:
            continue
        number = doc.data["chapter"]
        if number in numbers:
            problems.append(
                doc.problem(
                    ("chapter",), message("handbooks.load-chapters-2", number=number, v2=numbers[number]), rule="HANDBOOK-ORDER"
                )
            )
            continue
        numbers[number] = name
        src_uri = path.relative_to(folder.parent.parent).as_posix()
        chapters.append(Chapter(src_uri, path, doc.data["title"], number, tuple(doc.data["themes"]), body))
    chapters.sort(key=lambda c: c.number)
    return chapters, problems


def project_handbooks_and_problems(project: Project) -> tuple[list[Handbook], list[Problem]]:
    return project.once("handbooks", lambda: load_handbooks(project.docs_dir, project.display, project.themes))


def project_handbooks(project: Project) -> list[Handbook]:
    return project_handbooks_and_problems(project)[0]


def check_handbooks(project: Project) -> list[Problem]:
    """Registered in project.CHECKS: front matter, objectives, citation, checklist, chapter order."""
    return project_handbooks_and_problems(project)[1]


def find_chapter(handbooks: list[Handbook], src_uri: str) -> tuple[Handbook, Chapter] | None:
    for handbook in handbooks:
        for chapter in handbook.chapters:
            if chapter.src_uri == src_uri:
                return handbook, chapter
    return None


# -- nav and pages (the print view is macros.handbook.printing) ------------------------------------------------------------


def handbook_nav(handbooks: list[Handbook]) -> list:
    """Nav entries for the 指导手册 section: the overview, then each handbook in chapter order."""
    entries: list = [f"{HANDBOOKS}/index.md"]
    for handbook in handbooks:
        items: list = [handbook.index_uri]
        items += [{f"{c.number}. {c.title}": c.src_uri} for c in handbook.chapters]
        items.append({"打印全本": handbook.print_uri})
        entries.append({handbook.title: items})
    return entries


def splice_nav(nav: list | None, handbooks: list[Handbook]) -> list | None:
    """Replace a nav entry that is just ``handbooks/index.md`` with the generated handbook nav.
    A nav that lists handbook pages by hand is left alone."""
    if not nav:
        return nav
    out = []
    for item in nav:
        if isinstance(item, dict) and len(item) == 1:
            ((title, value),) = item.items()
            if value == f"{HANDBOOKS}/index.md":
                item = {title: handbook_nav(handbooks)}
        out.append(item)
    return out


def render_chapter_page(project: Project, src_uri: str, markdown: str) -> str | None:
    """A chapter gets its “相关内容” block at the end; other pages are left alone (None)."""
    found = find_chapter(project_handbooks(project), src_uri)
    if found is None:
        return None
    handbook, chapter = found
    if handbook.source_note:
        markdown = _after_title(markdown, f'<p class="handbook-source-note">{esc(handbook.source_note)}</p>')
    block = render_related(src_uri, chapter.themes, theme_index(project))
    return markdown.rstrip("\n") + "\n\n" + block


def _after_title(markdown: str, html: str) -> str:
    """Insert a block after the page's ``# title`` (or at the top when the body has none)."""
    return insert_after_title(markdown, ["", html, ""]) or html + "\n\n" + markdown


def render_contents(handbook: Handbook, from_src_uri: str) -> str:
    """Chapter list of a handbook, as Markdown, for its index page."""
    lines = [f"{c.number}. [{md_esc(c.title)}]({relative_link(from_src_uri, c.src_uri)})" for c in handbook.chapters]
    lines.append("")
    lines.append(f"[打印全本（含目录，每章分页）]({relative_link(from_src_uri, handbook.print_uri)}){{ .md-button }}")
    return "\n".join(lines) + "\n"


def render_overview(handbooks: list[Handbook], templates: list[Template], from_src_uri: str, page_url: str) -> str:
    """The 指导手册 landing page: each handbook with its chapters, then the downloadable templates."""
    from macros.handbook.templates import render_template_link

    parts = []
    for handbook in handbooks:
        href = relative_link(from_src_uri, handbook.index_uri)
        parts.append(f"## [{md_esc(handbook.title)}]({href})\n")
        if handbook.description:
            parts.append(md_esc(handbook.description) + "\n")
        parts.append(render_contents(handbook, from_src_uri))
    if templates:
        parts.append("## 表格与模板（Word）\n")
        for t in templates:
            parts.append(f"- {render_template_link(templates, t.id, page_url)}：{md_esc(t.purpose)}")
        parts.append("")
    return "\n".join(parts) + "\n"


_TASK_ITEM = re.compile(
    r'(<li class="task-list-item">\s*<label class="task-list-control">\s*<input type="checkbox")([^>]*>.*?</label>)(.*?)(?=</li>|<ul|<ol)',
    re.S,
)


def label_task_checkboxes(html: str) -> str:
    """Give every task-list checkbox its item's text as accessible name (pymdownx.tasklist leaves it unnamed)."""
    from macros.core.escaping import esc, strip_tags

    if "task-list-item" not in html:
        return html

    def name(m: re.Match) -> str:
        text = " ".join(strip_tags(m.group(3)).split())
        return f'{m.group(1)} aria-label="{esc(text)}"{m.group(2)}{m.group(3)}' if text else m.group(0)

    return _TASK_ITEM.sub(name, html)
