"""The schemas of a training module's ``module.yml`` and of its lessons' front matter."""

from __future__ import annotations

AUDIENCES = ["小学", "初中", "高中", "中职"]
_ID = "^[a-z0-9][a-z0-9-]*$"

MODULE_SCHEMA: dict = {
    "type": "object",
    "additionalProperties": False,
    "required": ["title", "summary", "order", "hours", "audience", "objectives", "themes", "lessons"],
    "properties": {
        "title": {"type": "string", "pattern": r"\S", "x-message": "不能为空"},
        "summary": {"type": "string", "pattern": r"\S", "x-message": "不能为空"},
        "order": {"type": "integer", "minimum": 1},
        "hours": {"type": "number", "exclusiveMinimum": 0, "maximum": 100},
        "audience": {"type": "array", "minItems": 1, "uniqueItems": True, "items": {"enum": AUDIENCES}},
        "objectives": {"type": "array", "minItems": 1, "items": {"type": "string", "pattern": r"\S", "x-message": "不能为空"}},
        "prerequisites": {"type": "array", "uniqueItems": True, "items": {"type": "string", "pattern": _ID}},
        "themes": {"type": "array", "minItems": 1, "uniqueItems": True, "items": {"type": "string"}},
        "draft": {"type": "boolean"},
        "lessons": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["file", "title"],
                "properties": {
                    "file": {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]*\.md$"},
                    "title": {"type": "string", "pattern": r"\S", "x-message": "不能为空"},
                },
            },
        },
    },
}

LESSON_FRONT_MATTER_SCHEMA: dict = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "title": {"type": "string", "minLength": 1},
        "description": {"type": "string"},
        "render_macros": {"type": "boolean"},
    },
}
