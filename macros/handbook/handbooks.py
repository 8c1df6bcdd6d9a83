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
from macros.core.problems import Problem
from macros.core.related import render_related, theme_index
from macros.core.themes import check_theme_refs
from macros.core.yamlload import load_front_matter, validate

if TYPE_CHECKING:
    from macros.composition import GeneratedPage
    from macros.core.project import Project
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

_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(\{[^}]*\})?\s*#*\s*$")
_OBJECTIVES = re.compile(r'^(?:!!!|\?\?\?\+?)\s+[\w-]+(?:\s+[\w-]+)*\s+"' + OBJECTIVES_TITLE)
_TASK = re.compile(r"^\s*[-*+]\s+\[[ xX]\]\s+\S")
_CLAUSE = re.compile(r"""\{\{-?\s*clause\(""")


def _lines_outside_fences(body: str) -> list[tuple[int, str]]:
    """(0-based index, line) of every line not inside a fenced code block."""
    out, fenced = [], False
    for i, line in enumerate(body.split("\n")):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            out.append((i, line))
    return out


def _body_start(text: str, body: str) -> int:
    """1-based line of the file where ``body`` starts."""
    return text[: len(text) - len(body)].count("\n") + 1


def check_chapter_body(display: str, body: str, first_line: int) -> list[Problem]:
    """The three structural rules of a chapter body; positions are file lines."""
    problems: list[Problem] = []
    lines = _lines_outside_fences(body)
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
                f'章节开头缺少学习目标：正文（标题之后）第一段必须是 !!! abstract "{OBJECTIVES_TITLE}"，下面列出学完本章能做到的事',
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
                '本章没有引用任何政策条款：至少用一次 {{ clause("文号", "条款") }} 说明依据',
                rule="HANDBOOK-CITE",
            )  # fmt: skip
        )
    h2 = [(i, m.group(2)) for i, line in lines if (m := _HEADING.match(line)) and len(m.group(1)) == 2]
    checklist = [i for i, title in h2 if title == CHECKLIST_HEADING]
    last_line = first_line + max(len(body.rstrip("\n").split("\n")) - 1, 0)
    if not checklist:
        problems.append(
            Problem(
                display, last_line, 1, f"章节末尾缺少“## {CHECKLIST_HEADING}”一节（任务列表“- [ ] …”）", rule="HANDBOOK-CHECKLIST"
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
                f"“## {CHECKLIST_HEADING}”必须是本章最后一节，后面不能再有“## {title}”",
                rule="HANDBOOK-CHECKLIST",
            )
        )
    if not any(_TASK.match(line) for i, line in lines if i > start):
        problems.append(
            Problem(
                display,
                first_line + start,
                1,
                f"“## {CHECKLIST_HEADING}”下面没有任务列表：每一项写成“- [ ] 要做的事”",
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
            problems.append(Problem(display(files[0]), 1, 1, f"手册目录 {display(folder)} 缺少 index.md（手册首页，写明 title 和 handbook_order）",
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
            problems.append(doc.problem((), "这本手册还没有任何章节", severity="warning", rule="HANDBOOK-META"))
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
                    Problem(display(path), 1, 1, f"{PRINT_PAGE} 由门户自动生成，请改用其他文件名", rule="HANDBOOK-META")
                )
            continue
        name = display(path)
        doc, body, found = load_front_matter(path, name)
        if doc is None or found:
            problems += found
            continue
        text = path.read_text(encoding="utf-8-sig")
        first = _body_start(text, body)
        meta_problems = validate(doc, CHAPTER_SCHEMA)
        if isinstance(doc.data, dict) and isinstance(doc.data.get("themes"), list):
            meta_problems += check_theme_refs(doc, ("themes",), doc.data["themes"], vocabulary)
        if not doc.data:
            meta_problems = [
                Problem(name, 1, 1, "章节缺少 front matter（title、chapter、themes、render_macros: true）", rule="HANDBOOK-META")
            ]
        problems += meta_problems + check_chapter_body(name, body, first)
        if meta_problems:
            continue
        number = doc.data["chapter"]
        if number in numbers:
            problems.append(doc.problem(("chapter",), f"章节序号 {number} 与 {numbers[number]} 重复", rule="HANDBOOK-ORDER"))
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


# -- nav, print view, related ------------------------------------------------------------


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


def demote_headings(body: str, levels: int = 1) -> str:
    """Every ATX heading one level down (outside code fences); the chapter's own ``# title`` is dropped."""
    out, fenced, dropped = [], False, False
    for line in body.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and (m := re.match(r"^(#{1,6})(\s)", line)):
            if m.group(1) == "#" and not dropped:
                dropped = True
                continue
            line = "#" * min(len(m.group(1)) + levels, 6) + line[len(m.group(1)) :]
        out.append(line)
    return "\n".join(out)


def chapter_anchor(chapter: Chapter) -> str:
    return f"hb-ch-{chapter.number}"


# A print page holds at most this many bytes of chapter Markdown (UTF-8), so its HTML stays
# under the 80 KB page budget (docs/about/performance.md); a longer handbook is printed in
# parts, each a whole number of chapters: print/ (part 1, with the full contents), print-2/ …
PRINT_BUDGET = 20_000


def print_parts(handbook: Handbook, budget: int = PRINT_BUDGET) -> list[tuple[Chapter, ...]]:
    """The chapters in as few consecutive parts as keep each within ``budget`` (a chapter
    longer than that is a part of its own), the parts as even in size as possible."""
    chapters = handbook.chapters
    sizes = [len(c.body.encode("utf-8")) for c in chapters]
    if not chapters or sum(sizes) <= budget:
        return [tuple(chapters)]
    for count in range(-(-sum(sizes) // budget), len(chapters) + 1):
        bounds = list(zip([0, *_even_cuts(sizes, count)], [*_even_cuts(sizes, count), len(chapters)], strict=True))
        if all(j - i == 1 or sum(sizes[i:j]) <= budget for i, j in bounds):
            return [tuple(chapters[i:j]) for i, j in bounds]
    return [(c,) for c in chapters]


def _even_cuts(sizes: list[int], count: int) -> list[int]:
    """Where to cut ``sizes`` into ``count`` consecutive runs with the smallest largest run."""
    n = len(sizes)
    prefix = [0]
    for size in sizes:
        prefix.append(prefix[-1] + size)
    # best[k][i]: (largest run, cuts) for the first i sizes in k runs
    best: list[dict[int, tuple[int, list[int]]]] = [{0: (0, [])}]
    for k in range(1, count + 1):
        row: dict[int, tuple[int, list[int]]] = {}
        for i in range(k, n - (count - k) + 1):
            options = [
                (max(best[k - 1][j][0], prefix[i] - prefix[j]), best[k - 1][j][1] + ([j] if j else []))
                for j in range(k - 1, i)
                if j in best[k - 1]
            ]
            row[i] = min(options, key=lambda o: o[0])
        best.append(row)
    return best[count][n][1]


def print_uri(handbook: Handbook, number: int) -> str:
    """Source path of print part ``number`` (from 1): print.md, then print-2.md … (beside the
    chapters, so the relative links in their text resolve unchanged)."""
    return handbook.print_uri if number == 1 else handbook.print_uri.replace(".md", f"-{number}.md")


def print_markdown(handbook: Handbook, number: int = 1, budget: int = PRINT_BUDGET) -> str:
    """Print part ``number`` of the handbook (the whole handbook when it is short): the
    contents (part 1), then each chapter after a print page break."""
    from macros.core.pagination import pager

    parts = print_parts(handbook, budget)
    chapters = parts[number - 1]
    here = print_uri(handbook, number)
    n = len(handbook.chapters)
    whole = len(parts) == 1
    label = "打印版" if whole else f"打印版·第 {number} 部分"
    if whole:
        note = f"本页按顺序收录本手册全部 {n} 章，供打印或在浏览器中“打印 → 另存为 PDF”；每章从新的一页开始。"
    else:
        links = "、".join(
            f"第 {k} 部分" if k == number else f"[第 {k} 部分]({_relative(here, print_uri(handbook, k))})"
            for k in range(1, len(parts) + 1)
        )
        note = (
            f"本手册共 {n} 章，分 {len(parts)} 个部分打印（{links}）；本页是第 {number} 部分，"
            f"收录第 {chapters[0].number}–{chapters[-1].number} 章。每章从新的一页开始。"
        )
    out = [
        "---",
        f"title: {_yaml_str(f'{handbook.title}（{label}）')}",
        "render_macros: true",
        "glossary_tooltips: false",
        "print_view: true",
        "search:",
        "  exclude: true",
        "---",
        "",
        f"# {md_esc(handbook.title)}（{label}）",
        "",
        '<div class="handbook-print-note" markdown>',
        note + md_esc(handbook.source_note),
        "</div>",
        "",
    ]
    if number == 1:
        part_of = {c.number: k for k, part in enumerate(parts, 1) for c in part}
        out += ['<nav class="handbook-toc" aria-label="本手册目录" markdown>', "", "**目录**", ""]
        for i, c in enumerate(handbook.chapters, 1):
            page = "" if part_of[c.number] == 1 else _relative(here, print_uri(handbook, part_of[c.number]))
            out.append(f"{i}. [{md_esc(c.title)}]({page}#{chapter_anchor(c)})")
        out += ["", "</nav>", ""]
    for chapter in chapters:
        out += [
            f"## 第{chapter.number}章　{md_esc(chapter.title)} {{ #{chapter_anchor(chapter)} .handbook-chapter }}",
            "",
            demote_headings(chapter.body).strip("\n"),
            "",
        ]
    out.append(
        pager(
            handbook.print_uri, number, len(parts), lambda _base, k: print_uri(handbook, k), ("上一部分", "下一部分"), "打印部分"
        )
    )
    return "\n".join(out).rstrip("\n") + "\n"


def _relative(from_src_uri: str, to_src_uri: str) -> str:
    import posixpath

    return posixpath.relpath(to_src_uri, posixpath.dirname(from_src_uri) or ".")


_LINK_TITLE = re.compile(r'(<a\s[^>]*?)\stitle="[^"]*"')


def render_print_content(meta: dict, html: str) -> str | None:
    """A print view drops the hover titles of its links (the clause text of every citation):
    nothing to hover on paper, and they would double the page. Other pages: None."""
    if not meta.get("print_view"):
        return None
    return _LINK_TITLE.sub(r"\1", html)


def _yaml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def print_pages(project: Project) -> list[GeneratedPage]:
    """COLLECTIONS entry: the print view of every handbook (one page, or one per part)."""
    from macros.composition import GeneratedPage

    return [
        GeneratedPage(print_uri(h, number), content=print_markdown(h, number))
        for h in project_handbooks(project)
        for number in range(1, len(print_parts(h)) + 1)
    ]


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
    lines = markdown.split("\n")
    for i, line in _lines_outside_fences(markdown):
        if line.startswith("# "):
            return "\n".join(lines[: i + 1] + ["", html, ""] + lines[i + 1 :])
    return html + "\n\n" + markdown


def render_contents(handbook: Handbook, from_src_uri: str) -> str:
    """Chapter list of a handbook, as Markdown, for its index page."""
    import posixpath

    base = posixpath.dirname(from_src_uri) or "."
    lines = [f"{c.number}. [{md_esc(c.title)}]({posixpath.relpath(c.src_uri, base)})" for c in handbook.chapters]
    lines.append("")
    lines.append(f"[打印全本（含目录，每章分页）]({posixpath.relpath(handbook.print_uri, base)}){{ .md-button }}")
    return "\n".join(lines) + "\n"


def render_overview(handbooks: list[Handbook], templates: list[Template], from_src_uri: str, page_url: str) -> str:
    """The 指导手册 landing page: each handbook with its chapters, then the downloadable templates."""
    from macros.handbook.templates import render_template_link

    parts = []
    for handbook in handbooks:
        import posixpath

        href = posixpath.relpath(handbook.index_uri, posixpath.dirname(from_src_uri) or ".")
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
