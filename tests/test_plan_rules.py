"""一校一策 rules: each rule tested on its own against a plan that meets every rule."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path

import pytest

from macros.composition import new_project
from macros.core.yamlload import Document, load_yaml_file, load_yaml_text, validate
from macros.plans.model import PLAN_SCHEMA, template_plan
from macros.plans.rules import ADVISORY, MET, NOT_APPLICABLE, NOT_MET, RULES_FILE, Rule, check_plan, load_rules
from macros.policy.access import library

ROOT = Path(__file__).resolve().parent.parent
RULE_IDS = [r["id"] for r in load_yaml_file(ROOT / RULES_FILE, RULES_FILE)[0].data["rules"]]


def good_plan() -> dict:
    plan = template_plan()
    plan.update(id="t", name="测试学校", district="测试区", stage="初中", grades=[6, 7, 8, 9])
    plan["counts"] = {"teachers": 30, "mentors": 30, "students": 300}
    plan["training"]["sessions_per_year"] = 2
    return plan


@pytest.fixture(scope="module")
def rules() -> list[Rule]:
    project = new_project(ROOT)
    doc, problems = load_yaml_file(ROOT / RULES_FILE, RULES_FILE)
    assert not problems
    found, problems = load_rules(doc, library(project))
    assert not problems, [p.format() for p in problems]
    return found


def status_of(plan: dict, rules: list[Rule], rule_id: str):
    return next(f for f in check_plan(plan, rules) if f.rule.id == rule_id)


def test_good_plan_meets_every_rule(rules):
    findings = check_plan(good_plan(), rules)
    assert [f.rule.id for f in findings] == RULE_IDS
    assert [f.rule.id for f in findings if f.status != MET] == []


def _set(path: tuple, value) -> Callable[[dict], None]:
    def change(plan: dict) -> None:
        node = plan
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return change


def _delete(*path: str) -> Callable[[dict], None]:
    def change(plan: dict) -> None:
        node = plan
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]

    return change


def _many(*changes: Callable[[dict], None]) -> Callable[[dict], None]:
    def change(plan: dict) -> None:
        for c in changes:
            c(plan)

    return change


CASES = [
    # rule id, change to the good plan, expected status, text in the detail
    ("PLAN-RATIO", _set(("matching", "max_students_per_mentor"), 16), NOT_MET, "超过 15 名"),
    ("PLAN-RATIO", _set(("matching", "max_students_per_mentor"), 15), MET, "15 名"),
    ("PLAN-RATIO", _set(("counts", "students"), 460), NOT_MET, "平均每位导师超过 15 名"),
    ("PLAN-RATIO", _delete("matching", "max_students_per_mentor"), NOT_MET, "没有写"),
    ("PLAN-COVERAGE", _set(("counts", "students"), 451), NOT_MET, "有学生没有导师"),
    ("PLAN-COVERAGE", _set(("counts", "students"), 450), MET, "覆盖全部 450 名学生"),
    (
        "PLAN-COVERAGE",
        _many(_set(("matching", "max_students_per_mentor"), 10), _set(("counts", "students"), 301)),
        NOT_MET,
        "30 位导师 × 10 名",
    ),
    ("PLAN-ALL-TEACHERS", _set(("counts", "mentors"), 25), MET, "培养安排"),
    (
        "PLAN-ALL-TEACHERS",
        _many(_set(("counts", "mentors"), 25), _delete("matching", "non_mentor_training")),
        NOT_MET,
        "5 名教师不是导师",
    ),
    ("PLAN-HOME-VISIT", _set(("key_tasks", "home_visit", "times_per_year"), 0), NOT_MET, "至少需要 1 次"),
    ("PLAN-HOME-VISIT", _delete("key_tasks", "home_visit"), NOT_MET, "没有写学生家访"),
    ("PLAN-TALKS", _set(("key_tasks", "talks", "times_per_year"), 0), NOT_MET, "谈心谈话每学年 0 次"),
    ("PLAN-TALKS", _delete("key_tasks", "talks"), NOT_MET, "没有写谈心谈话"),
    ("PLAN-TALK-MOMENTS", _set(("key_tasks", "talks", "moments"), ["考试前后", "重大变故"]), NOT_MET, "开学、毕业"),
    ("PLAN-TALK-MOMENTS", _set(("key_tasks", "talks", "moments"), ["开学", "毕业", "考试前后"]), NOT_MET, "重大变故"),
    # 毕业 is required only where the plan covers a graduating grade (5, 9, 12)
    (
        "PLAN-TALK-MOMENTS",
        _many(_set(("grades",), [6, 7]), _set(("key_tasks", "talks", "moments"), ["开学", "考试前后", "重大变故"])),
        MET,
        "",
    ),
    (
        "PLAN-TALK-MOMENTS",
        _many(_set(("grades",), [4, 5]), _set(("key_tasks", "talks", "moments"), ["开学", "考试前后", "重大变故"])),
        NOT_MET,
        "毕业",
    ),
    ("PLAN-TALK-MOMENTS", _delete("key_tasks", "talks", "moments"), NOT_MET, "没有写谈心谈话的关键时间节点"),
    ("PLAN-FEEDBACK", _delete("key_tasks", "written_feedback"), NOT_MET, "没有写书面反馈"),
    ("PLAN-FEEDBACK", _set(("key_tasks", "written_feedback", "timing"), "其他时间"), NOT_MET, "每学年结束"),
    ("PLAN-FEEDBACK", _set(("key_tasks", "written_feedback", "timing"), "每学期末"), MET, "每学期末"),
    ("PLAN-FEEDBACK", _set(("key_tasks", "written_feedback", "times_per_year"), 0), NOT_MET, "至少需要 1 次"),
    ("PLAN-ORGANIZATION", _delete("organization", "working_group"), NOT_MET, "缺少工作小组"),
    ("PLAN-ORGANIZATION", _delete("organization"), NOT_MET, "缺少领导小组和工作小组"),
    ("PLAN-TRAINING", _delete("training"), NOT_MET, "没有校本研训"),
    ("PLAN-TRAINING", _set(("training", "sessions_per_year"), 0), NOT_MET, "0 或未写"),
    (
        "PLAN-INCENTIVES",
        _many(_delete("incentives", "performance_pay"), _delete("incentives", "recognition")),
        NOT_MET,
        "没有绩效分配",
    ),
    ("PLAN-INCENTIVES", _delete("incentives", "performance_pay"), MET, ""),
    ("PLAN-NO-RANKING", _set(("teaching", "no_ranking"), False), NOT_MET, "排名"),
    ("PLAN-NO-RANKING", _delete("teaching"), NOT_MET, "排名"),
    (
        "PLAN-NO-RANKING",
        _many(_set(("stage",), "小学"), _set(("grades",), [4, 5]), _set(("teaching", "no_ranking"), False)),
        NOT_APPLICABLE,
        "不含初中",
    ),
    (
        "PLAN-NO-RANKING",
        _many(_set(("stage",), "完全中学"), _set(("grades",), [8, 10]), _set(("teaching", "no_ranking"), False)),
        NOT_MET,
        "",
    ),
    ("PLAN-TIMELINE", lambda p: p["timeline"].pop(), NOT_MET, "总结反思"),
    ("PLAN-TIMELINE", _delete("timeline"), NOT_MET, "宣传启动、实施、总结反思"),
    ("PLAN-DUTY-EXEMPTION", _delete("incentives", "duty_exemption"), ADVISORY, "尽职免责"),
    ("PLAN-MANY-TO-ONE", _delete("matching", "many_to_one"), ADVISORY, "多对一"),
    ("PLAN-MENTOR-TEAM", _delete("matching", "mentor_teams"), ADVISORY, "导师团"),
    ("PLAN-STUDENT-CHOICE", _set(("matching", "methods"), [{"method": "随机抽选"}]), ADVISORY, "选择权"),
    ("PLAN-STUDENT-CHOICE", _set(("matching", "methods"), [{"method": "意向征询"}]), MET, "意向征询"),
    ("PLAN-HOME-SCHOOL", _delete("home_school"), ADVISORY, "家校沟通"),
    ("PLAN-HOME-SCHOOL", _set(("home_school",), {"channels": ["家长会"]}), MET, ""),
]


@pytest.mark.parametrize(("rule_id", "change", "expected", "detail"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule(rules, rule_id, change, expected, detail):
    plan = good_plan()
    change(plan)
    finding = status_of(plan, rules, rule_id)
    assert finding.status == expected, finding.detail
    assert detail in finding.detail
    if expected != MET:  # the other rules are not disturbed by a one-rule change, unless related
        assert finding.loc, "a finding must point somewhere in the file"


def test_every_rule_has_a_case():
    assert {c[0] for c in CASES} == set(RULE_IDS)


@pytest.mark.parametrize("blank", ["  ", "\u3000", "\t\n", "\ufeff "])
def test_a_blank_text_is_a_schema_error(blank):
    # The rules test a text by being non-empty: the schema makes sure a filled-in text has
    # more than blanks (the rule used to strip; now the file is refused with a clear message).
    plan = good_plan()
    plan["matching"]["mentor_teams"] = blank
    messages = [p.message for p in validate(Document("x.yml", plan), PLAN_SCHEMA)]
    assert messages == ["“导师匹配·导师团”不能只有空格"]


def test_changes_only_touch_their_rule(rules):
    # A plan missing one thing is reported for that one thing only (no cascade of findings).
    plan = good_plan()
    del plan["key_tasks"]["written_feedback"]
    assert [f.rule.id for f in check_plan(plan, rules) if f.status != MET] == ["PLAN-FEEDBACK"]


def test_check_plan_is_pure(rules):
    plan = good_plan()
    before = copy.deepcopy(plan)
    check_plan(plan, rules)
    assert plan == before


RULES_BAD = """\
rules:
  - id: PLAN-RATIO
    statement: 比例
    severity: 必须
    sources:
      - {doc: 沪教委德〔2023〕25号, clause: 九（九）}
    check: [{ok: true, detail: 达标, at: counts}]
  - id: PLAN-UNKNOWN
    statement: 没有实现的规则
    severity: 应该
    sources: []
    check: [{ok: true, detail: 达标, at: counts}]
"""


def test_rules_file_problems_have_positions():
    project = new_project(ROOT)
    doc, _ = load_yaml_text(RULES_BAD, "data/plan_rules.yml")
    _, problems = load_rules(doc, library(project))
    text = "\n".join(p.format() for p in problems)
    assert "data/plan_rules.yml:10:15: error: “rules[2].severity”的取值“应该”无效" in text
    assert "data/plan_rules.yml:11:14: error: “rules[2].sources”至少需要 1 项" in text
    doc, _ = load_yaml_text(
        RULES_BAD.replace("应该", "建议").replace("sources: []", "sources: [{doc: minhang-2021, clause: 八}]"), "r.yml"
    )
    _, problems = load_rules(doc, library(project))
    text = "\n".join(p.format() for p in problems)
    assert "r.yml:6:38: error: 条款引用无效：《上海市中小学生全员导师制工作方案》中没有条款“九（九）”" in text
    doc, _ = load_yaml_text(RULES_BAD.replace("    check: [{ok: true, detail: 达标, at: counts}]\n", ""), "r.yml")
    _, problems = load_rules(doc, library(project))
    assert "r.yml:2:5: error: 缺少必填字段“check”（在“rules[1]”中）" in "\n".join(p.format() for p in problems)


CHECK_BAD = """\
rules:
  - id: PLAN-X
    statement: 规则
    severity: 必须
    sources: [{doc: minhang-2021, clause: 八}]
    check:
      - when: {"nonsense": [1]}
        ok: false
        detail: 不达标
        at: counts
      - when: {var: counts}
        ok: true
        detail: 达标
        at: Counts
"""


def test_rule_check_problems_have_positions():
    project = new_project(ROOT)
    doc, _ = load_yaml_text(CHECK_BAD, "r.yml")
    _, problems = load_rules(doc, library(project))
    text = "\n".join(p.format() for p in problems)
    assert "r.yml:14:13: error: “rules[1].check[2].at”的格式不对：“Counts”" in text
    doc, _ = load_yaml_text(CHECK_BAD.replace("at: Counts", "at: counts"), "r.yml")
    _, problems = load_rules(doc, library(project))
    text = "\n".join(p.format() for p in problems)
    assert "r.yml:11:9: error: 规则“PLAN-X”的最后一个情形不能写条件“when:”" in text
    assert "r.yml:7:15: error: 规则“PLAN-X”的检查无法执行：Unrecognized operation" in text
