"""Training modules (``training_modules/<module-id>/``): the teacher's learning path.

A module is a folder with ``module.yml`` (title, 学段, 学时, objectives,
prerequisites, order, lessons), one Markdown file per lesson and a quiz bank
``quiz.yml`` (see :mod:`macros.training.quizzes`). This module loads and checks them
and renders the generated pages: the learning path at ``training/``, one
overview and one quiz page per module, 我的学习 and the 学习记录单. Learner
progress lives only in the browser (``docs/assets/portal/storage.js``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from pymdownx.slugs import slugify

from macros.core.config import LAYOUT
from macros.core.escaping import esc, md_esc
from macros.core.links import relative_link
from macros.core.markdown import HEADING, heading_id, lines_outside_fences, macro_call
from macros.core.messages import message
from macros.core.problems import Problem
from macros.core.themes import check_theme_refs
from macros.core.yamlload import validate
from macros.policy.access import library
from macros.policy.policies import UnknownReference
from macros.training.quizzes import Quiz, Source, load_quiz
from macros.training.schemas import _ID, AUDIENCES, LESSON_FRONT_MATTER_SCHEMA, MODULE_SCHEMA  # noqa: F401 (re-exported)

if TYPE_CHECKING:
    from macros.core.registry import Project

MODULES_DIR = "training_modules"
RESERVED_LESSON_FILES = ("index.md", "quiz.md")
SECTION_TITLE = "培训课程"
MY_LEARNING = "training/my-learning.md"
RECORD = "training/record.md"


@dataclass
class Lesson:
    file: str
    title: str
    sections: dict[str, str] = field(default_factory=dict)  # anchor → heading text


@dataclass
class Module:
    id: str
    title: str
    summary: str
    order: int
    hours: float
    audience: list[str]
    objectives: list[str]
    prerequisites: list[str]
    themes: list[str]
    lessons: list[Lesson]
    quiz: Quiz | None = None

    def src(self, name: str = "index.md") -> str:
        return f"training/{self.id}/{name}"

    @property
    def hours_text(self) -> str:
        return f"{self.hours:g}"


# -- lessons --------------------------------------------------------------------

_slug = slugify(case="lower")


def lesson_sections(markdown: str) -> dict[str, str]:
    """Anchor → heading text for every heading, as the toc extension names them."""
    sections: dict[str, str] = {}
    for _, line in lines_outside_fences(markdown):
        m = HEADING.match(line)
        if m:
            text = re.sub(r"[*_`]", "", m.group(2)).strip()
            anchor = heading_id(m.group(3)) or _slug(text, "-")
            sections.setdefault(anchor, text)
    return sections


def lesson_resolver(module_id: str, lessons: list[Lesson]):
    def resolve(file: str, section: str) -> Source:
        lesson = next((le for le in lessons if le.file == file), None)
        if lesson is None:
            known = "、".join(le.file for le in lessons) or "（无）"
            raise UnknownReference(f"模块“{module_id}”中没有课“{file}”（已有：{known}）")
        if not section:
            return Source(f"training/{module_id}/{file}", "", lesson.title)
        anchor = section if section in lesson.sections else _slug(section, "-")
        if anchor not in lesson.sections:
            known = "、".join(lesson.sections.values())
            raise UnknownReference(f"课“{file}”中没有小节“{section}”（已有小节：{known}）")
        return Source(f"training/{module_id}/{file}", anchor, f"{lesson.title} · {lesson.sections[anchor]}")

    return resolve


def handbook_resolver(project: Project):
    """Sources in the handbooks: ``{handbook: family/02-home-visit.md, section: 访前}``."""
    from macros.handbook.handbooks import find_chapter, project_handbooks

    def resolve(file: str, section: str) -> Source:
        src_uri = f"handbooks/{file}"
        found = find_chapter(project_handbooks(project), src_uri)
        if found is None:
            raise UnknownReference(f"指导手册中没有章节“{file}”（路径相对于 docs/handbooks/，如 family/02-home-visit.md）")
        chapter = found[1]
        if not section:
            return Source(src_uri, "", chapter.title)
        sections = lesson_sections(chapter.body)
        anchor = section if section in sections else _slug(section, "-")
        if anchor not in sections:
            raise UnknownReference(f"手册章节“{file}”中没有小节“{section}”（已有小节：{'、'.join(sections.values())}）")
        return Source(src_uri, anchor, f"{chapter.title} · {sections[anchor]}")

    return resolve


# -- loading and checks ---------------------------------------------------------


_CLAUSE_CALL = macro_call("clause")


def _check_lesson_citations(display: str, meta: object, body: str) -> list[Problem]:
    """A lesson is grounded in the policy texts: it cites at least one clause, and its macros run."""
    if not _CLAUSE_CALL.search(body):
        return [Problem(display, 1, 1, message("modules.check-lesson-citations"), rule="TRAINING-CITE")]
    if not (isinstance(meta, dict) and meta.get("render_macros") is True):
        return [Problem(display, 1, 1, message("modules.check-lesson-citations-2"), rule="TRAINING-CITE")]
    return []


@dataclass
class Catalogue:
    modules: list[Module]  # published modules, in learning-path order
    problems: list[Problem]

    def find(self, module_id: str) -> Module | None:
        return next((m for m in self.modules if m.id == module_id), None)


def _load_module(project: Project, folder: Path) -> tuple[Module | None, bool, list[Problem]]:
    """One module folder → (module or None, draft?, problems)."""
    rel = f"{MODULES_DIR}/{folder.name}"
    if not (folder / "module.yml").exists():
        return None, False, [Problem(rel, 1, 1, message("modules.load-module-3"), rule="TRAINING-MODULE")]
    doc, problems = project.data(f"{rel}/module.yml")
    if doc is None:
        return None, False, problems
    problems = list(problems) + validate(doc, MODULE_SCHEMA)
    data = doc.data if isinstance(doc.data, dict) else {}
    if not re.match(_ID, folder.name):
        problems.append(doc.problem((), message("modules.load-module", name=folder.name), rule="TRAINING-MODULE"))
    if isinstance(data.get("themes"), list):
        problems += [
            replace(p, rule="TRAINING-MODULE") for p in check_theme_refs(doc, ("themes",), data["themes"], project.themes)
        ]
    lessons: list[Lesson] = []
    listed: set[str] = set()
    for i, entry in enumerate(data.get("lessons") or []):
        if not isinstance(entry, dict) or not isinstance(entry.get("file"), str):
            continue
        name = entry["file"]
        if name in listed:
            problems.append(
                doc.problem(("lessons", i, "file"), message("modules.load-module-4", name=name), rule="TRAINING-LESSON")
            )
            continue
        listed.add(name)
        if name in RESERVED_LESSON_FILES:
            problems.append(
                doc.problem(("lessons", i, "file"), message("modules.load-module-5", name=name), rule="TRAINING-LESSON")
            )
            continue
        path = folder / name
        if not path.exists():
            problems.append(
                doc.problem(("lessons", i, "file"), message("modules.load-module-6", rel=rel, name=name), rule="TRAINING-LESSON")
            )
            continue
        front, body, found = project.front_matter(path)
        if front is not None and not found:
            found = validate(front, LESSON_FRONT_MATTER_SCHEMA)
            problems += _check_lesson_citations(project.display(path), front.data, body)
        problems += found
        lessons.append(Lesson(name, str(entry.get("title", "")), lesson_sections(body)))
    for path in sorted(folder.glob("*.md")):
        if path.name not in listed:
            problems.append(
                Problem(
                    project.display(path),
                    1,
                    1,
                    message("modules.load-module-7", rel=rel),
                    rule="TRAINING-LESSON",
                )
            )
    quiz = None
    if not (folder / "quiz.yml").exists():
        problems.append(doc.problem((), message("modules.load-module-2", rel=rel), rule="TRAINING-MODULE"))
    else:
        quiz_doc, found = project.data(f"{rel}/quiz.yml")
        problems += found
        if quiz_doc is not None:
            quiz, found = load_quiz(quiz_doc, library(project), lesson_resolver(folder.name, lessons), handbook_resolver(project))
            problems += found
    if any(p.is_error for p in problems):
        return None, bool(data.get("draft")), problems
    module = Module(
        id=folder.name,
        title=data["title"],
        summary=data["summary"],
        order=data["order"],
        hours=data["hours"],
        audience=data["audience"],
        objectives=data["objectives"],
        prerequisites=data.get("prerequisites", []),
        themes=data["themes"],
        lessons=lessons,
        quiz=quiz,
    )
    return module, bool(data.get("draft")), problems


def load_catalogue(project: Project) -> Catalogue:
    """All modules, checked once per project; drafts and broken modules are not published."""
    return project.once("training.catalogue", lambda: _load_catalogue(project))


def _load_catalogue(project: Project) -> Catalogue:
    base = project.root / MODULES_DIR
    modules: list[Module] = []
    problems: list[Problem] = []
    all_ids: set[str] = set()
    folders = sorted(p for p in base.iterdir() if p.is_dir()) if base.is_dir() else []
    for folder in folders:
        module, draft, found = _load_module(project, folder)
        problems += found
        all_ids.add(folder.name)
        if module is not None and not draft:
            modules.append(module)
    for module in modules:
        doc, _ = project.data(f"{MODULES_DIR}/{module.id}/module.yml")
        if doc is None:  # never: the module was loaded from it
            continue
        same = [m.id for m in modules if m.order == module.order and m is not module]
        if same:
            problems.append(
                doc.problem(
                    ("order",), message("modules.load-catalogue", order=module.order, v2="、".join(same)), rule="TRAINING-MODULE"
                )
            )
        for k, pre in enumerate(module.prerequisites):
            if pre == module.id or pre not in all_ids:
                problems.append(
                    doc.problem(("prerequisites", k), message("modules.load-catalogue-2", pre=pre), rule="TRAINING-MODULE")
                )
    modules.sort(key=lambda m: (m.order, m.id))
    return Catalogue(modules, problems)


def check_training(project: Project) -> list[Problem]:
    return load_catalogue(project).problems


# -- pages ----------------------------------------------------------------------

_PAGE_HEAD = "---\ntitle: {title}\nglossary_tooltips: false\n{extra}---\n\n"


def _front(title: str, extra: str = "") -> str:
    # MkDocs themes print page titles unescaped (<title>, nav, search results): escape here.
    return _PAGE_HEAD.format(title=_yaml_str(esc(title)), extra=extra)


def _yaml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _status(module_id: str) -> str:
    return f'<span class="training-status" data-module="{esc(module_id)}">未开始</span>'


def _site_path(src: str) -> str:
    """A page's address under the site root (directory URLs): training/a/01-b.md → training/a/01-b/."""
    return src.removesuffix("index.md") if src.endswith("index.md") else src.removesuffix(".md") + "/"


def _offline_download(module: Module) -> str:
    """The place of the “下载本模块供离线学习” button (docs/assets/portal/offline-ui.js): the
    module's pages, its quiz and 我的学习, as addresses under the site root."""
    srcs = [module.src(), *(module.src(le.file) for le in module.lessons), module.src("quiz.md"), MY_LEARNING]
    pages = json.dumps([_site_path(s) for s in srcs], ensure_ascii=False)
    return f'<div class="offline-module" data-module="{esc(module.id)}" data-pages="{esc(pages)}" data-search-exclude></div>\n\n'


def render_module_page(module: Module, catalogue: Catalogue) -> str:
    src = module.src()
    lessons = "\n".join(
        f'{n}. [{md_esc(le.title)}]({le.file}) <span class="lesson-status" data-module="{esc(module.id)}" data-lesson="{esc(le.file)}"></span>'
        for n, le in enumerate(module.lessons, 1)
    )
    objectives = "\n".join(f"- {md_esc(o)}" for o in module.objectives)
    pres = [catalogue.find(p) for p in module.prerequisites]
    pre_text = "、".join(f"[{md_esc(p.title)}]({relative_link(src, p.src())})" for p in pres if p) or "无"
    quiz = module.quiz
    quiz_line = ""
    if quiz is not None:
        quiz_line = f"题库 {len(quiz.questions)} 题，每次抽 {quiz.draw} 题，{quiz.pass_mark}% 及格。"
    return (
        _front(module.title)
        + f"# {md_esc(module.title)}\n\n"
        + f"{md_esc(module.summary)}\n\n"
        + f'<div class="training-facts" markdown>\n\n学时\n:   {module.hours_text}\n\n适用学段\n:   {md_esc("、".join(module.audience))}\n\n'
        + f"先修模块\n:   {pre_text}\n\n主题\n:   {md_esc('、'.join(module.themes))}\n\n"
        + f"我的状态\n:   {_status(module.id)}\n\n</div>\n\n"
        + f"## 学习目标\n\n{objectives}\n\n## 课程安排\n\n{lessons}\n\n"
        + f"## 自测\n\n建议先按顺序学完上面的 {len(module.lessons)} 课，再做自测。\n\n"
        + f"[进入自测](quiz.md){{ .md-button .md-button--primary }} {quiz_line}\n\n"
        + _offline_download(module)
        + "*本模块由本项目编写，为示例内容；政策原文以所引文件为准。*\n"
    )


def lesson_footer(module: Module, index: int) -> str:
    """Appended to each lesson: where it belongs, previous/next, the quiz; marks the visit."""
    lesson = module.lessons[index]
    links = []
    if index > 0:
        prev = module.lessons[index - 1]
        links.append(f'<a href="../{esc(prev.file[:-3])}/">上一课：{_no_macros(esc(prev.title))}</a>')
    if index + 1 < len(module.lessons):
        nxt = module.lessons[index + 1]
        links.append(
            f'<a class="md-button md-button--primary" href="../{esc(nxt.file[:-3])}/">下一课：{_no_macros(esc(nxt.title))}</a>'
        )
    else:
        links.append('<a class="md-button md-button--primary" href="../quiz/">学完了，进入自测</a>')
    return (
        f'\n\n<nav class="lesson-nav" aria-label="课程导航" data-module="{esc(module.id)}" data-lesson="{esc(lesson.file)}">'
        f'<p>本课属于模块<a href="../">{_no_macros(esc(module.title))}</a>（第 {index + 1}/{len(module.lessons)} 课）。'
        "本课内容由本项目编写，为示例内容。</p>"
        f"<p>{' · '.join(links)}</p></nav>\n"
    )


def _no_macros(text: str) -> str:
    """Lesson pages go through Jinja after this footer is added: braces stay literal."""
    return text.replace("{", "&#123;").replace("}", "&#125;").replace("%", "&#37;")


def render_training_lesson(project: Project, src_uri: str, markdown: str) -> str | None:
    """Lesson pages get the lesson footer, module pages the related content; other pages are left alone."""
    parts = src_uri.split("/")
    if len(parts) != 3 or parts[0] != "training":
        return None
    module = load_catalogue(project).find(parts[1])
    if module is None:
        return None
    from macros.core.related import render_related, theme_index  # imported late: related reads the collections

    related = render_related(src_uri, module.themes, theme_index(project))
    related = "\n\n" + _no_macros(related) if related else ""
    if parts[2] == "index.md":
        return markdown + related
    for i, lesson in enumerate(module.lessons):
        if lesson.file == parts[2]:
            # Lessons share their module's themes: related cases, tips and chapters follow the lesson.
            return markdown + related + lesson_footer(module, i)
    return None


# With more modules than this, the modules go one level down in the navigation
# (a group), where Material collapses them and navigation.prune leaves only the
# open module's lessons in each page: a city's dozens of modules would
# otherwise put every lesson link into every training page (city scale, issue 7).
NAV_FLAT_MODULES = LAYOUT.nav_flat_modules


def training_nav(catalogue: Catalogue) -> list:
    """The 培训课程 nav section, in learning-path order."""
    modules: list = []
    for m in catalogue.modules:  # nav titles are printed unescaped by the theme
        items: list = [m.src()]
        items += [{esc(le.title): m.src(le.file)} for le in m.lessons]
        items.append({"自测": m.src("quiz.md")})
        modules.append({esc(m.title): items})
    if len(modules) > NAV_FLAT_MODULES:
        modules = [{"全部模块": modules}]
    return ["training/index.md", *modules, {"我的学习": MY_LEARNING}, {"学习记录单": RECORD}]
