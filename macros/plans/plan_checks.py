"""The placeholder rule for school plans, and posts, not people.

A copy of the blank template with a school code and name passed as a plan: “（组长职务）”
as the leader, 0 teachers “all mentors”, “（所在区）” as a district. In a published plan
such values are errors (the build stops); in a draft (``status: 草稿``, what
``scripts/new_school.py`` and the spreadsheet import write) they are notes, so a bulk
import with gaps never stops the build. The template itself is never judged as a plan.

What counts as a placeholder is data shared with the plan editor: the schema's
``x-placeholders`` (from :mod:`macros.core.placeholders`) and its field marks
``x-positive`` (a count that must be above 0) and ``x-post`` (a post, not a person).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from macros.build import cache as buildcache
from macros.core.messages import message
from macros.core.placeholders import DISTRICTS, MARKS, SAMPLE_DISTRICT, district_name, is_placeholder
from macros.core.problems import Problem
from macros.core.yamlload import Document, field_label
from macros.plans.model import DRAFT, PLAN_SCHEMA

PLACEHOLDER_RULE = "PLAN-PLACEHOLDER"
DISTRICT_RULE = "PLAN-DISTRICT"
POST_RULE = "PLAN-POST"


def is_draft(plan: Any) -> bool:
    return isinstance(plan, dict) and plan.get("status") == DRAFT


def normalise_district(plan: Any) -> None:
    """“闵行” is read as 闵行区 (one district, one group on the overview), in place."""
    if isinstance(plan, dict) and isinstance(plan.get("district"), str):
        name = district_name(plan["district"])
        if name:
            plan["district"] = name


def _walk(node: dict, value: Any, loc: tuple) -> Iterator[tuple[tuple, dict, Any]]:
    """(location, schema node, value) for every value of the plan the schema describes."""
    yield loc, node, value
    if isinstance(value, dict) and node.get("type") == "object":
        for key, sub in node.get("properties", {}).items():
            if key in value:
                yield from _walk(sub, value[key], loc + (key,))
    elif isinstance(value, list) and isinstance(node.get("items"), dict):
        for i, item in enumerate(value):
            yield from _walk(node["items"], item, loc + (i,))


def _label(loc: tuple) -> str:
    return field_label(PLAN_SCHEMA, loc) or ".".join(str(p) for p in loc)


def plan_problems(doc: Document, person_names: Callable[[str], list[str]], severity: str = "error") -> list[Problem]:
    """Placeholders, counts of 0, empty lists, a district that is not Shanghai's, and names
    in fields that hold a post. ``severity`` is “error” for a published plan, “note” for a draft."""
    plan = doc.data
    if not isinstance(plan, dict):
        return []
    problems: list[Problem] = []
    for loc, key, values, rule in _scan(plan):
        if key is None:  # a post: the detector keeps its own memo, keyed on its dictionaries
            names = person_names(values["value"])
            if not names:
                continue
            text = message("plan.person", label=_label(loc), name="、".join(dict.fromkeys(names)))
        else:
            text = message(key, **values)
        problems.append(doc.problem(loc, text, severity=severity, rule=rule))
    return problems


@buildcache.memoised("plan-placeholders")
def _scan(plan: dict) -> list[tuple[tuple, str | None, dict, str]]:
    """What of one plan needs no person detector, judged once per plan content: its problems
    as (location, message key, blanks, rule), and every post field's value for the detector
    (key None). Redoing this for 1,600 plans on every `make serve` rebuild was a fifth of the
    preview at city scale (docs/about/performance.md)."""
    found: list[tuple[tuple, str | None, dict, str]] = []
    for loc, node, value in _walk(PLAN_SCHEMA, plan, ()):
        if not loc:
            continue
        if isinstance(value, str) and is_placeholder(value):
            mark = next((m for m in MARKS if m in value), "")
            key = "plan.marked" if mark else "plan.placeholder"
            found.append((loc, key, {"label": _label(loc), "value": value, "mark": mark}, PLACEHOLDER_RULE))
        elif isinstance(value, str) and node.get("x-post"):
            found.append((loc, None, {"value": value}, POST_RULE))
        elif node.get("x-positive") and value == 0 and not isinstance(value, bool):
            found.append((loc, "plan.zero", {"label": _label(loc)}, PLACEHOLDER_RULE))
        elif isinstance(value, (list, dict)) and not value and node.get("type") in ("array", "object"):
            found.append((loc, "plan.empty", {"label": _label(loc)}, PLACEHOLDER_RULE))
    _district_problems(plan, lambda loc, key, values, rule: found.append((loc, key, values, rule)))
    return found


def _district_problems(plan: dict, add: Callable[[tuple, str, dict, str], None]) -> None:
    """Shanghai's 16 districts for a school's plan; an invented 示例…区 for a sample."""
    district = plan.get("district")
    if not isinstance(district, str) or is_placeholder(district):
        return  # a placeholder is reported with the other fields
    real = district in DISTRICTS
    if plan.get("sample") is True:
        if real:
            add(("district",), "plan.sample-real-district", {"value": district}, DISTRICT_RULE)
        elif not re.match(SAMPLE_DISTRICT, district):
            add(("district",), "plan.sample-district", {"value": district}, DISTRICT_RULE)
    elif not real:
        add(("district",), "plan.district", {"value": district, "districts": "、".join(DISTRICTS)}, DISTRICT_RULE)
