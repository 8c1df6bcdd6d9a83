"""The Chinese messages of schema validation (one place for them): the field named by its
Chinese label where the schema has titles (组织架构·领导小组·组长), what is wrong and what is
allowed. Used by :func:`macros.core.yamlload.validate`; no document type is imported here,
the caller passes how to place a problem.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from typing import Any

from jsonschema.exceptions import ValidationError

from macros.core.messages import message
from macros.core.placeholders import blank_ends
from macros.core.problems import Problem

Loc = tuple  # path inside the document: keys and list indexes
ProblemAt = Callable[..., Problem]  # (loc, message, *, key=False) -> Problem


_TYPE_NAMES = {
    "string": "文本",
    "integer": "整数",
    "number": "数字",
    "boolean": "是/否（true/false）",
    "array": "列表",
    "object": "键值表",
    "null": "空值",
}


def _type_of(value: Any) -> str:
    kinds = ((bool, "boolean"), (int, "integer"), (float, "number"), (str, "string"), (list, "array"), (dict, "object"))
    for kind, name in kinds:  # bool first: True is an int too
        if isinstance(value, kind):
            return _TYPE_NAMES[name]
    return "空值" if value is None else type(value).__name__


def _field(loc: Loc) -> str:
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            parts.append(f"[{item + 1}]")  # people count list items from 1
        else:
            parts.append(("." if parts else "") + str(item))
    return "".join(parts) or "（文件顶层）"


def field_label(schema: dict, loc: Loc) -> str | None:
    """The field's Chinese label from the schema's titles (组织架构·领导小组·组长, 时间安排第 2 项·任务),
    or None when a step has no title (then messages name the key as written in the file)."""
    node: Any = schema
    parts: list[str] = []
    for item in loc:
        if not isinstance(node, dict):
            return None
        if isinstance(item, int):
            node = node.get("items")
            if not parts:
                return None
            parts[-1] += f"第 {item + 1} 项"
            continue
        node = node.get("properties", {}).get(item)
        if not isinstance(node, dict) or not node.get("title"):
            return None
        parts.append(node["title"])
    return "·".join(parts) or None


def _suggest(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(str(word), choices, n=1, cutoff=0.5)
    return f"，是否想写“{close[0]}”？" if close else f"。可用的字段：{'、'.join(choices)}" if choices else ""


def translate(error: ValidationError, problem: ProblemAt, root: dict) -> list[Problem]:
    """The Chinese problems for one jsonschema error; ``problem(loc, message, key=False)`` places
    them (a document's :meth:`Document.problem`); ``root`` is the schema, for the field labels."""
    loc = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    name = field_label(root, loc) or _field(loc)
    v = error.validator
    # Set for every error that reaches here (jsonschema types it with its own “unset” marker).
    value: Any = error.validator_value
    custom = schema.get("x-message") if isinstance(schema, dict) else None
    if v == "additionalProperties" and isinstance(error.instance, dict):
        allowed = list(schema.get("properties", {}))
        patterns = [re.compile(p) for p in schema.get("patternProperties", {})]
        out = []
        for key in error.instance:
            if key in allowed or any(p.search(str(key)) for p in patterns):
                continue
            out.append(problem(loc + (key,), message("schema-messages.translate", key=key, v2=_suggest(key, allowed)), key=True))
        return out
    if v == "required" and isinstance(error.instance, dict):
        missing = [k for k in value if k not in error.instance]
        where = "" if not loc else f"（在“{name}”中）"
        labels = {k: field_label(root, loc + (k,)) for k in missing}
        return [problem(loc, f"缺少必填的“{labels[k]}”" if labels[k] else f"缺少必填字段“{k}”{where}") for k in missing]
    if v == "pattern" and isinstance(error.instance, str) and blank_ends(error.instance):
        msg = f"“{name}”的开头或末尾有空格：请删去空格"
    elif custom:
        msg = f"“{name}”{custom}"
    elif v == "type" and isinstance(error.instance, float) and "integer" in str(value):
        msg = f"“{name}”应为整数（不带小数点），实际是 {error.instance:g}"
    elif v == "type":
        expected = value
        expected = [expected] if isinstance(expected, str) else expected
        want = "或".join(_TYPE_NAMES.get(t, t) for t in expected)
        msg = f"“{name}”应为{want}，实际是{_type_of(error.instance)}"
    elif v == "enum":
        options = "、".join(str(o) for o in value)
        msg = f"“{name}”的取值“{error.instance}”无效，可选：{options}"
    elif v == "const":
        msg = f"“{name}”必须是“{value}”"
    elif v == "minLength":
        msg = f"“{name}”不能为空" if value <= 1 else f"“{name}”至少要 {value} 个字"
    elif v == "maxLength":
        msg = f"“{name}”最多 {value} 个字"
    elif v == "minItems":
        msg = f"“{name}”至少需要 {value} 项"
    elif v == "maxItems":
        msg = f"“{name}”最多 {value} 项"
    elif v == "uniqueItems":
        msg = f"“{name}”中有重复的项"
    elif v == "minimum":
        msg = f"“{name}”不能小于 {value}"
    elif v == "maximum":
        msg = f"“{name}”不能大于 {value}"
    elif v == "exclusiveMinimum":
        msg = f"“{name}”必须大于 {value}"
    elif v == "pattern":
        msg = f"“{name}”的格式不对：“{error.instance}”"
    elif v == "format":
        fmt = {"date": "日期（如 2023-07-19）"}.get(value, value)
        msg = f"“{name}”应为{fmt}，实际是“{error.instance}”"
    elif v in ("oneOf", "anyOf"):
        msg = f"“{name}”不符合任何一种允许的写法"
    else:
        msg = f"“{name}”不符合要求（{v}）"
    return [problem(loc, msg)]
