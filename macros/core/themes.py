"""The controlled theme vocabulary (``data/themes.yml``) shared by cases, tips,
training modules and handbook chapters, so related content can be linked."""

from __future__ import annotations

from macros.core.messages import message
from macros.core.problems import Problem
from macros.core.yamlload import Document

THEMES_FILE = "data/themes.yml"

THEMES_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["themes"],
    "properties": {
        "themes": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["id", "description"],
                "properties": {"id": {"type": "string", "minLength": 1}, "description": {"type": "string", "minLength": 1}},
            },
        }
    },
}


def theme_ids(doc: Document | None) -> list[str]:
    if doc is None or not isinstance(doc.data, dict):
        return []
    return [t["id"] for t in doc.data.get("themes", []) if isinstance(t, dict) and isinstance(t.get("id"), str) and t["id"]]


def check_theme_refs(doc: Document, loc: tuple, themes: list, vocabulary: list[str]) -> list[Problem]:
    """Problems for every theme in ``themes`` (found at ``loc``) that is not in the vocabulary."""
    problems = []
    for i, theme in enumerate(themes):
        if theme not in vocabulary:
            problems.append(
                doc.problem(
                    loc + (i,), message("themes.check-theme-refs", theme=theme, THEMES_FILE=THEMES_FILE, v3="、".join(vocabulary))
                )
            )
    return problems
