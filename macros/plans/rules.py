"""Policy rules for school plans (``data/plan_rules.yml``) and the compliance check.

The rules file holds what a person reads: id, Chinese statement, severity
(必须 / 建议) and the policy clauses it comes from. The test each rule applies
lives here, in :data:`RULE_TESTS`, keyed by the same id; a rule without a test,
or a test without a rule, is a problem reported by the build.

:func:`check_plan` is pure: plan data and rules in, findings out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from macros.core.problems import Problem
from macros.core.yamlload import Document, validate
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
                "required": ["id", "statement", "severity", "sources"],
                "properties": {
                    "id": {"type": "string", "pattern": "^PLAN-[A-Z0-9-]+$"},
                    "statement": {"type": "string", "minLength": 1},
                    "severity": {"enum": SEVERITIES},
                    "sources": {
                        "type": "array",
                        "minItems": 1,
                        "items": CLAUSE_CITATION_SCHEMA,
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


# -- helpers ------------------------------------------------------------------------


def _get(plan: dict, *path: str) -> Any:
    node: Any = plan
    for key in path:
        if not isinstance(node, dict):
            return None
        node = node.get(key)
    return node


def _filled(value: Any) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, (list, dict)):
        return bool(value)
    return value is not None


def _count(plan: dict, key: str) -> int | None:
    value = _get(plan, "counts", key)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


GRADUATING_GRADES = {5, 9, 12}  # Shanghai 五四学制: 小学 1–5, 初中 6–9, 高中 10–12
JUNIOR_GRADES = {6, 7, 8, 9}


def covers_junior(plan: dict) -> bool:
    grades = plan.get("grades") or []
    return plan.get("stage") == "初中" or bool(JUNIOR_GRADES & set(g for g in grades if isinstance(g, int)))


def required_moments(plan: dict) -> list[str]:
    """The key moments the city plan names; 毕业 only where the plan covers a graduating grade."""
    grades = {g for g in plan.get("grades") or [] if isinstance(g, int)}
    moments = ["开学", "考试前后", "重大变故"]
    if grades & GRADUATING_GRADES:
        moments.insert(1, "毕业")
    return moments


def _task_frequency(plan: dict, task: str, name: str, minimum: int = 1) -> Outcome:
    loc = ("key_tasks", task, "times_per_year")
    data = _get(plan, "key_tasks", task)
    if not isinstance(data, dict):
        return Outcome(False, f"方案没有写{name}", ("key_tasks",))
    times = data.get("times_per_year")
    if not isinstance(times, int) or times < minimum:
        return Outcome(False, f"{name}每学年 {times} 次，至少需要 {minimum} 次", loc)
    return Outcome(True, f"{name}每学年 {times} 次", loc)


# -- the rule tests ------------------------------------------------------------------


def rule_ratio(plan: dict) -> Outcome:
    limit = _get(plan, "matching", "max_students_per_mentor")
    loc = ("matching", "max_students_per_mentor")
    if not isinstance(limit, int):
        return Outcome(False, "方案没有写每位导师最多指导的学生数", ("matching",))
    if limit > 15:
        return Outcome(False, f"每位导师最多指导 {limit} 名学生，超过 15 名", loc)
    mentors, students = _count(plan, "mentors"), _count(plan, "students")
    if mentors and students is not None and students > mentors * 15:
        return Outcome(False, f"{students} 名学生、{mentors} 位导师，平均每位导师超过 15 名学生", ("counts", "mentors"))
    return Outcome(True, f"每位导师最多指导 {limit} 名学生", loc)


def rule_coverage(plan: dict) -> Outcome:
    mentors, students = _count(plan, "mentors"), _count(plan, "students")
    limit = _get(plan, "matching", "max_students_per_mentor")
    if mentors is None or students is None or not isinstance(limit, int):
        return Outcome(False, "缺少导师人数、学生人数或每位导师最多指导学生数，无法核对", ("counts",))
    capacity = mentors * limit
    if students > capacity:
        return Outcome(
            False, f"{mentors} 位导师 × {limit} 名 = {capacity}，少于学生人数 {students}，有学生没有导师", ("counts", "students")
        )
    return Outcome(True, f"{mentors} 位导师最多可指导 {capacity} 名学生，覆盖全部 {students} 名学生", ("counts",))


def rule_all_teachers(plan: dict) -> Outcome:
    teachers, mentors = _count(plan, "teachers"), _count(plan, "mentors")
    if teachers is None or mentors is None:
        return Outcome(False, "缺少教师人数或导师人数", ("counts",))
    if mentors >= teachers:
        return Outcome(True, f"{teachers} 名教师全部担任导师", ("counts", "mentors"))
    if _filled(_get(plan, "matching", "non_mentor_training")):
        return Outcome(True, f"{teachers - mentors} 名教师暂不担任导师，方案写明了培养安排", ("matching", "non_mentor_training"))
    return Outcome(False, f"{teachers - mentors} 名教师不是导师，方案没有写如何培养培训", ("counts", "mentors"))


def rule_home_visit(plan: dict) -> Outcome:
    return _task_frequency(plan, "home_visit", "学生家访")


def rule_talks(plan: dict) -> Outcome:
    return _task_frequency(plan, "talks", "谈心谈话")


def rule_talk_moments(plan: dict) -> Outcome:
    moments = _get(plan, "key_tasks", "talks", "moments")
    loc = ("key_tasks", "talks", "moments")
    if not isinstance(moments, list):
        return Outcome(
            False,
            "方案没有写谈心谈话的关键时间节点",
            ("key_tasks", "talks") if _get(plan, "key_tasks", "talks") else ("key_tasks",),
        )
    missing = [m for m in required_moments(plan) if m not in moments]
    if missing:
        return Outcome(False, f"谈心谈话缺少关键时间节点：{'、'.join(missing)}", loc)
    return Outcome(True, f"覆盖{'、'.join(required_moments(plan))}", loc)


def rule_feedback(plan: dict) -> Outcome:
    outcome = _task_frequency(plan, "written_feedback", "书面反馈")
    if not outcome.ok:
        return outcome
    timing = _get(plan, "key_tasks", "written_feedback", "timing")
    if timing not in ("每学年结束", "每学期末"):
        loc = ("key_tasks", "written_feedback", "timing") if timing else ("key_tasks", "written_feedback")
        return Outcome(False, "书面反馈没有安排在每学年结束时（或每学期末）", loc)
    return Outcome(True, f"{outcome.detail}，{timing}", outcome.loc)


def rule_organization(plan: dict) -> Outcome:
    missing = [
        name
        for key, name in (("leading_group", "领导小组"), ("working_group", "工作小组"))
        if not _filled(_get(plan, "organization", key))
    ]
    if missing:
        return Outcome(False, f"缺少{'和'.join(missing)}", ("organization",))
    return Outcome(True, "已成立领导小组和工作小组", ("organization",))


def rule_training(plan: dict) -> Outcome:
    training = _get(plan, "training")
    if not isinstance(training, dict) or not _filled(training.get("description")):
        return Outcome(False, "方案没有校本研训安排", ("training",))
    sessions = training.get("sessions_per_year")
    if not isinstance(sessions, int) or sessions < 1:
        return Outcome(False, "校本研训每学年次数为 0 或未写", ("training", "sessions_per_year"))
    return Outcome(True, f"每学年校本研训 {sessions} 次", ("training",))


def rule_incentives(plan: dict) -> Outcome:
    if _filled(_get(plan, "incentives", "performance_pay")) or _filled(_get(plan, "incentives", "recognition")):
        return Outcome(True, "写明了绩效分配或职称评优的激励", ("incentives",))
    return Outcome(False, "方案没有绩效分配或职称评优等激励措施", ("incentives",))


def rule_no_ranking(plan: dict) -> Outcome:
    if not covers_junior(plan):
        return Outcome(None, "方案不含初中年级", ("grades",))
    if _get(plan, "teaching", "no_ranking") is True:
        return Outcome(True, "承诺不对考试测验成绩排名", ("teaching", "no_ranking"))
    return Outcome(False, "初中年级没有承诺不对考试测验成绩排名", ("teaching", "no_ranking"))


def rule_timeline(plan: dict) -> Outcome:
    phases = [p.get("phase") for p in plan.get("timeline") or [] if isinstance(p, dict)]
    missing = [p for p in ("宣传启动", "实施", "总结反思") if p not in phases]
    if missing:
        return Outcome(False, f"时间安排缺少阶段：{'、'.join(missing)}", ("timeline",))
    return Outcome(True, "含宣传启动、实施、总结反思三个阶段", ("timeline",))


def rule_duty_exemption(plan: dict) -> Outcome:
    if _filled(_get(plan, "incentives", "duty_exemption")):
        return Outcome(True, "写明了尽职免责保护机制", ("incentives", "duty_exemption"))
    return Outcome(False, "没有写导师“尽职免责”保护机制", ("incentives",))


def rule_many_to_one(plan: dict) -> Outcome:
    if _filled(_get(plan, "matching", "many_to_one")):
        return Outcome(True, "写明了多对一指导安排", ("matching", "many_to_one"))
    return Outcome(False, "没有写有特殊需求学生的多对一指导", ("matching",))


def rule_mentor_teams(plan: dict) -> Outcome:
    if _filled(_get(plan, "matching", "mentor_teams")):
        return Outcome(True, "写明了导师团安排", ("matching", "mentor_teams"))
    return Outcome(False, "没有写以班级为单位的导师团", ("matching",))


def rule_student_choice(plan: dict) -> Outcome:
    methods = [m.get("method") for m in _get(plan, "matching", "methods") or [] if isinstance(m, dict)]
    chosen = [m for m in methods if m in ("双向选择", "意向征询")]
    if chosen:
        return Outcome(True, f"采用{'、'.join(chosen)}", ("matching", "methods"))
    return Outcome(False, "匹配方式中没有双向选择或意向征询，学生的选择权体现不足", ("matching",))


def rule_home_school(plan: dict) -> Outcome:
    channels = _get(plan, "home_school", "channels")
    if _filled(channels) or _filled(_get(plan, "home_school", "description")):
        return Outcome(True, "写明了家校沟通安排", ("home_school",))
    return Outcome(False, "没有写家校沟通的渠道和安排", ("home_school",))


RULE_TESTS: dict[str, Callable[[dict], Outcome]] = {
    "PLAN-RATIO": rule_ratio,
    "PLAN-COVERAGE": rule_coverage,
    "PLAN-ALL-TEACHERS": rule_all_teachers,
    "PLAN-HOME-VISIT": rule_home_visit,
    "PLAN-TALKS": rule_talks,
    "PLAN-TALK-MOMENTS": rule_talk_moments,
    "PLAN-FEEDBACK": rule_feedback,
    "PLAN-ORGANIZATION": rule_organization,
    "PLAN-TRAINING": rule_training,
    "PLAN-INCENTIVES": rule_incentives,
    "PLAN-NO-RANKING": rule_no_ranking,
    "PLAN-TIMELINE": rule_timeline,
    "PLAN-DUTY-EXEMPTION": rule_duty_exemption,
    "PLAN-MANY-TO-ONE": rule_many_to_one,
    "PLAN-MENTOR-TEAM": rule_mentor_teams,
    "PLAN-STUDENT-CHOICE": rule_student_choice,
    "PLAN-HOME-SCHOOL": rule_home_school,
}


def check_plan(plan: dict, rules: list[Rule]) -> list[Finding]:
    """Apply every rule to a plan: met, not met (必须), advisory (建议) or not applicable."""
    findings = []
    for rule in rules:
        test = RULE_TESTS.get(rule.id)
        if test is None:
            continue
        outcome = test(plan)
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
            problems.append(doc.problem(("rules", i, "id"), f"规则编号“{item['id']}”重复"))
        seen.add(item["id"])
        if item["id"] not in RULE_TESTS:
            known = "、".join(RULE_TESTS)
            problems.append(
                doc.problem(("rules", i, "id"), f"规则“{item['id']}”没有对应的检查（macros/plan_rules.py 中已实现：{known}）")
            )
        problems += check_clause_refs(doc, ("rules", i, "sources"), item["sources"], library)
        rules.append(
            Rule(item["id"], item["statement"], item["severity"], tuple((s["doc"], s["clause"]) for s in item["sources"]))
        )
    for rule_id in RULE_TESTS:
        if rule_id not in seen:
            problems.append(doc.problem(("rules",), f"检查“{rule_id}”在 {RULES_FILE} 中没有对应的规则", key=True))
    return rules, problems
