"""Side-by-side comparison of policy requirements, generated from ``data/policy_comparison.yml``."""

from __future__ import annotations

from collections.abc import Callable

from macros.core.escaping import md_esc
from macros.core.messages import message
from macros.core.problems import Problem
from macros.core.yamlload import Document, validate
from macros.policy.policies import PolicyLibrary, UnknownReference

COMPARISON_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["columns", "rows"],
    "properties": {
        "intro": {"type": "string"},
        "columns": {
            "type": "array",
            "minItems": 2,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["doc", "label"],
                "properties": {"doc": {"type": "string", "minLength": 1}, "label": {"type": "string", "minLength": 1}},
            },
        },
        "rows": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["topic", "cells"],
                "properties": {
                    "topic": {"type": "string", "minLength": 1},
                    "cells": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "additionalProperties": False,
                            "required": ["text", "clauses"],
                            "properties": {
                                "text": {"type": "string", "minLength": 1},
                                "clauses": {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}},
                            },
                        },
                    },
                },
            },
        },
    },
}


def check_comparison(doc: Document, library: PolicyLibrary) -> list[Problem]:
    problems = validate(doc, COMPARISON_SCHEMA)
    if problems:
        return problems
    columns = doc.data["columns"]
    for c, column in enumerate(columns):
        if library.find(column["doc"]) is None:
            problems.append(doc.problem(("columns", c, "doc"), message("comparison.check-comparison", v1=column["doc"])))
    for r, row in enumerate(doc.data["rows"]):
        if len(row["cells"]) != len(columns):
            problems.append(
                doc.problem(
                    ("rows", r, "cells"),
                    message("comparison.check-comparison-2", v1=row["topic"], v2=len(row["cells"]), v3=len(columns)),
                )
            )
            continue
        for c, cell in enumerate(row["cells"]):
            for k, clause in enumerate(cell["clauses"]):
                try:
                    library.resolve(columns[c]["doc"], clause)
                except UnknownReference as err:
                    problems.append(doc.problem(("rows", r, "cells", c, "clauses", k), str(err)))
    return problems


def render_comparison(data: dict, clause_link: Callable[[str, str, str], str]) -> str:
    """Markdown table: one row per topic, one column per document; every cell cites its clauses."""
    columns = data["columns"]
    head = "| 要点 | " + " | ".join(md_esc(c["label"]) for c in columns) + " |"
    rule = "|---" * (len(columns) + 1) + "|"
    lines = [head, rule]
    for row in data["rows"]:
        cells = []
        for column, cell in zip(columns, row["cells"], strict=True):
            cites = "、".join(clause_link(column["doc"], clause, clause) for clause in cell["clauses"])
            cells.append(f"{md_esc(cell['text'])}<br>（依据：{cites}）")
        lines.append(f"| **{md_esc(row['topic'])}** | " + " | ".join(cells) + " |")
    intro = md_esc(data["intro"]) + "\n\n" if data.get("intro") else ""
    return intro + "\n".join(lines) + "\n"
