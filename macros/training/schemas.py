"""The schemas of a training module's ``module.yml`` and of its lessons' front matter."""

from __future__ import annotations

AUDIENCES = ["小学", "初中", "高中", "中职"]
_ID = "^[a-z0-9][a-z0-9-]*$"

MODULE_SCHEMA: dict = {
    "type": "object",
    "additionalProperties": False,
    "required": ["title", "summary", "order", "hours", "audience", "objectives", "themes", "lessons"],
    "properties": {
        "title": {"title": "标题", "type": "string", "pattern": r"\S", "x-message": "不能为空"},
        "summary": {"title": "简介", "type": "string", "pattern": r"\S", "x-message": "不能为空"},
        "order": {"title": "学习顺序", "type": "integer", "minimum": 1},
        "hours": {"title": "学时", "type": "number", "exclusiveMinimum": 0, "maximum": 100},
        "audience": {"title": "适用学段", "type": "array", "minItems": 1, "uniqueItems": True, "items": {"enum": AUDIENCES}},
        "objectives": {
            "title": "学习目标",
            "type": "array",
            "minItems": 1,
            "items": {"type": "string", "pattern": r"\S", "x-message": "不能为空"},
        },
        "prerequisites": {"title": "先修模块", "type": "array", "uniqueItems": True, "items": {"type": "string", "pattern": _ID}},
        "themes": {"title": "主题", "type": "array", "minItems": 1, "uniqueItems": True, "items": {"type": "string"}},
        "draft": {"title": "草稿", "type": "boolean"},
        "lessons": {
            "title": "课程列表",
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["file", "title"],
                "properties": {
                    "file": {"title": "课文件", "type": "string", "pattern": r"^[a-z0-9][a-z0-9-]*\.md$"},
                    "title": {"title": "课题", "type": "string", "pattern": r"\S", "x-message": "不能为空"},
                },
            },
        },
    },
}

LESSON_FRONT_MATTER_SCHEMA: dict = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "title": {"title": "标题", "type": "string", "minLength": 1},
        "description": {"title": "描述", "type": "string"},
        "render_macros": {"title": "启用宏", "type": "boolean"},
    },
}
