"""Policy rules for school plans (``data/plan_rules.yml``) and the compliance check.

The rules file holds everything about a rule: id, Chinese statement, severity
(必须 / 建议), the policy clauses it comes from, and its test (``check``) as
JSON Logic data. The build evaluates that data here (panzi-json-logic, a port
of json-logic-js's semantics); the plan editor in the browser evaluates the
same data with json-logic-js (docs/assets/portal/editor-core.js). There is no second copy
of a rule: tests/test_editor_conformance.py runs both evaluators on every
shipped plan and on generated ones and requires identical findings.

:func:`check_plan` is pure: plan data and rules in, findings out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from json_logic import jsonLogic
from json_logic.builtins import to_bool, to_string

from macros.core.messages import message
from macros.core.problems import Problem
from macros.core.yamlload import Document, validate
from macros.plans.model import template_plan
from macros.policy.policies import CLAUSE_CITATION_SCHEMA, PolicyLibrary, check_clause_refs

RULES_FILE = "data/plan_rules.yml"
SEVERITIES = ["必须", "建议"]

RULES_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["rules"],
    "properties": {
        "rules": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["id", "statement", "severity", "sources", "check"],
                "properties": {
                    "id": {"type": "string", "pattern": "^PLAN-[A-Z0-9-]+$"},
                    "statement": {"type": "string", "minLength": 1},
                    "severity": {"enum": SEVERITIES},
                    "sources": {
                        "type": "array",
                        "minItems": 1,
                        "items": CLAUSE_CITATION_SCHEMA,
                    },
                    "check": {
                        "type": "array",
                        "minItems": 1,
                        "items": {
                            "type": "object",
                            "additionalProperties": False,
                            "required": ["ok", "detail", "at"],
                            "properties": {
                                "when": {},
                                "ok": {"type": ["boolean", "null"]},
                                "detail": {},
                                "at": {"type": "string", "pattern": "^[a-z_]+(\\.[a-z_]+)*$"},
                            },
                        },
                    },
                },
            },
        }
    },
}


@dataclass(frozen=True)
class Rule:
    id: str
    statement: str
    severity: str  # 必须 | 建议
    sources: tuple[tuple[str, str], ...]  # (doc, clause)
    # The cases of the rules file's ``check``: JSON Logic data, not compared or hashed.
    check: tuple[dict, ...] = field(default=(), compare=False, hash=False)


# Finding statuses, in the order the panel lists them.
NOT_MET, ADVISORY, MET, NOT_APPLICABLE = "not_met", "advisory", "met", "na"
STATUS_LABELS = {NOT_MET: "未达标", ADVISORY: "建议改进", MET: "已达标", NOT_APPLICABLE: "不适用"}


@dataclass(frozen=True)
class Finding:
    rule: Rule
    status: str
    detail: str
    loc: tuple = field(default=())  # where in the plan the finding points


@dataclass(frozen=True)
class Outcome:
    ok: bool | None  # None: the rule does not apply to this plan
    detail: str
    loc: tuple = ()


# -- evaluating a rule's check --------------------------------------------------------


def evaluate(rule: Rule, plan: dict) -> Outcome:
    """The first case of the rule's ``check`` whose ``when`` holds (a case without ``when`` always does)."""
    for case in rule.check:
        if "when" not in case or to_bool(jsonLogic(case["when"], plan)):
            detail = jsonLogic(case["detail"], plan)
            return Outcome(case["ok"], detail if isinstance(detail, str) else to_string(detail), tuple(case["at"].split(".")))
    # The last case of every rule has no ``when`` (load_rules checks it), so this is not reached from the build.
    return Outcome(None, "", ())


def check_plan(plan: dict, rules: list[Rule]) -> list[Finding]:
    """Apply every rule to a plan: met, not met (必须), advisory (建议) or not applicable."""
    findings = []
    for rule in rules:
        if not rule.check:
            continue
        outcome = evaluate(rule, plan)
        if outcome.ok is None:
            status = NOT_APPLICABLE
        elif outcome.ok:
            status = MET
        else:
            status = NOT_MET if rule.severity == "必须" else ADVISORY
        findings.append(Finding(rule, status, outcome.detail, outcome.loc))
    return findings


def summary(findings: list[Finding]) -> dict[str, int]:
    counts = {status: 0 for status in STATUS_LABELS}
    for finding in findings:
        counts[finding.status] += 1
    return counts


# -- the rules file ---------------------------------------------------------------------


def load_rules(doc: Document | None, library: PolicyLibrary) -> tuple[list[Rule], list[Problem]]:
    """Rules from the rules file; every source clause is resolved in the policy library."""
    if doc is None:
        return [], []
    problems = validate(doc, RULES_SCHEMA)
    if problems:
        return [], problems
    rules: list[Rule] = []
    seen: set[str] = set()
    for i, item in enumerate(doc.data["rules"]):
        if item["id"] in seen:
            problems.append(doc.problem(("rules", i, "id"), message("rules.load-rules", v1=item["id"])))
        seen.add(item["id"])
        problems += check_clause_refs(doc, ("rules", i, "sources"), item["sources"], library)
        rule = Rule(
            item["id"],
            item["statement"],
            item["severity"],
            tuple((s["doc"], s["clause"]) for s in item["sources"]),
            tuple(item["check"]),
        )
        problems += _check_problems(doc, i, rule)
        rules.append(rule)
    return rules, problems


def _check_problems(doc: Document, index: int, rule: Rule) -> list[Problem]:
    """A check must end with a case without ``when`` and must run: tried on the blank template."""

    loc = ("rules", index, "check")
    problems = []
    if "when" in rule.check[-1]:
        problems.append(doc.problem(loc + (len(rule.check) - 1,), message("rules.check-problems", id=rule.id)))
    plan = template_plan()
    for n, case in enumerate(rule.check):
        for key in ("when", "detail"):
            try:
                jsonLogic(case.get(key), plan)
            except Exception as err:  # noqa: BLE001 - any error of the logic library is the author's to fix
                problems.append(doc.problem(loc + (n, key), message("rules.check-problems-2", id=rule.id, err=err)))
    return problems
