"""Hypothesis strategies for school plans, read from the plan JSON Schema.

hypothesis-jsonschema does not work with current Hypothesis, and the plan schema uses a small
part of JSON Schema (object, array, string, integer, boolean, enum, pattern in allOf, minimum,
maximum, minItems, uniqueItems, required), so the strategy is built here from the schema itself:
a new field or constraint in macros/plans/model.py reaches the generated plans without a change here.
Every generated plan is valid against the schema (the tests check that too).
"""

from __future__ import annotations

import re
from typing import Any

from hypothesis import strategies as st

# Text that is hard on every layer: markup, YAML 1.1 look-alikes, numbers, quotes, blanks
# around a character, line breaks, full-width spaces, astral characters.
NASTY_TEXT = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "&amp; &lt;b&gt;",
    "yes",
    "no",
    "on",
    "null",
    "~",
    "true",
    "0x1F",
    "010",
    "1_000",
    "1e3",
    "2023-09-01",
    "- 列表",
    "# 注释",
    "a: b",
    "'单引号' \"双引号\"",
    "  前后空格  ",
    "第一行\n第二行",
    "\u3000全角空格",
    "𠮷野家",
    "导师团：每班 3 人",
]


def _patterns(node: dict) -> list[re.Pattern]:
    found = [node["pattern"]] if "pattern" in node else []
    found += [sub["pattern"] for sub in node.get("allOf", []) if "pattern" in sub]
    return [re.compile(p) for p in found]


def _string(node: dict) -> st.SearchStrategy[str]:
    patterns = _patterns(node)
    anchored = [p for p in patterns if p.pattern.startswith("^") and p.pattern != "^[^<>]+$"]
    if anchored:  # the school id: generated from its own pattern
        return st.from_regex(anchored[0], fullmatch=True)
    base = st.one_of(st.text(min_size=node.get("minLength", 0), max_size=30), st.sampled_from(NASTY_TEXT))
    return base.filter(lambda s: len(s) >= node.get("minLength", 0) and all(p.search(s) for p in patterns))


def from_node(node: dict) -> st.SearchStrategy[Any]:
    if "enum" in node:
        return st.sampled_from(node["enum"])
    kind = node.get("type")
    if kind == "object":
        props = node.get("properties", {})
        required = set(node.get("required", []))
        return st.fixed_dictionaries(
            {k: from_node(v) for k, v in props.items() if k in required},
            optional={k: from_node(v) for k, v in props.items() if k not in required},
        )
    if kind == "array":
        items = node.get("items", {})
        unique = node.get("uniqueItems", False)
        return st.lists(from_node(items), min_size=node.get("minItems", 0), max_size=5, unique=unique)
    if kind == "string":
        return _string(node)
    if kind == "integer":
        low, high = node.get("minimum", 0), node.get("maximum", 1000)
        # Small numbers most of the time (around the rules' thresholds), the whole range sometimes.
        return st.one_of(st.integers(low, min(high, low + 40)), st.integers(low, high))
    if kind == "boolean":
        return st.booleans()
    raise ValueError(f"plan schema node not supported by the strategy: {node}")


def plans(schema: dict) -> st.SearchStrategy[dict]:
    return from_node(schema)
