"""PAGE-MARKUP: a page's front-matter ``title`` and ``description`` reach HTML that MkDocs
and Material write without escaping (``<title>``, the header, the navigation, the search
index and ``<meta name="description" content="…">``). Those two fields have no business
holding markup, so characters that would start a tag or leave an attribute are refused
at their position instead of being escaped in a dozen theme templates."""

from __future__ import annotations

from typing import TYPE_CHECKING

from macros.core.messages import message
from macros.core.problems import Problem
from macros.core.yamlload import Document

if TYPE_CHECKING:
    from macros.core.registry import Project

RULE = "PAGE-MARKUP"
FIELDS = ("title", "description")
LABELS = {"title": "标题", "description": "描述"}  # as messages name them
FORBIDDEN = {"<": "<", ">": ">", '"': '英文双引号 "'}


def markup_problems(doc: Document, data: object) -> list[Problem]:
    """Problems for every forbidden character in the page fields of one front matter."""
    if not isinstance(data, dict):
        return []
    problems = []
    for field in FIELDS:
        value = data.get(field)
        if not isinstance(value, str):
            continue
        found = [name for char, name in FORBIDDEN.items() if char in value]
        if found:
            problems.append(
                doc.problem(
                    (field,),
                    message("pagemeta.markup-problems", field=LABELS[field], v2="、".join(found)),
                    rule=RULE,
                )
            )
    return problems


def check_page_markup(project: Project) -> list[Problem]:
    problems: list[Problem] = []
    for path in project.markdown_files():
        doc, _, found = project.front_matter(path)
        if doc is not None and not found:
            problems += markup_problems(doc, doc.data)
    return problems
