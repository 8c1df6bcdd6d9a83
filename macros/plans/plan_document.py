"""A school plan as a document: sections in the standard order of a
《全员导师制工作学校实施方案》, built from plan data as plain text blocks.

The web page and the Word file are both rendered from :func:`plan_sections`, so
they always have the same sections in the same order. Text stays raw here; each
renderer escapes it for its own format.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from macros.core.numerals import int_to_cn as cn_number

# (key, title): the standard section order.
SECTIONS = [
    ("guiding_ideology", "指导思想"),
    ("goals", "工作目标"),
    ("scope", "实施范围"),
    ("organization", "组织架构"),
    ("matching", "导师匹配"),
    ("duties", "导师职责"),
    ("key_tasks", "重点工作"),
    ("home_school", "家校沟通"),
    ("training", "校本研训"),
    ("teaching", "教学管理"),
    ("incentives", "保障措施"),
    ("timeline", "时间安排"),
]

MISSING = "（方案未填写）"


@dataclass
class Block:
    kind: str  # "p" paragraph, "h" sub-heading, "list" bullet list, "table"
    text: str = ""
    items: list[str] = field(default_factory=list)
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Section:
    key: str
    title: str  # without number
    blocks: list[Block]

    def numbered(self, n: int) -> str:
        return f"{cn_number(n)}、{self.title}"


TITLE_SUFFIX = "全员导师制工作实施方案"


def plan_title(plan: dict) -> str:
    return f"{plan.get('name', '')}{TITLE_SUFFIX}"


def _p(text: object) -> Block:
    return Block("p", text=str(text))


def _h(text: str) -> Block:
    return Block("h", text=text)


def _list(items: list) -> Block:
    return Block("list", items=[str(i) for i in items])


def _text_or_missing(value: object) -> list[Block]:
    return [_p(value)] if isinstance(value, str) and value.strip() else [_p(MISSING)]


def grades_label(grades: list) -> str:
    nums = sorted(g for g in grades or [] if isinstance(g, int))
    if not nums:
        return ""
    if nums == list(range(nums[0], nums[-1] + 1)) and len(nums) > 1:
        return f"{nums[0]}–{nums[-1]} 年级"
    return "、".join(str(n) for n in nums) + " 年级"


BLANK = "_blank"  # key of a plan that is the blank template: its facts are left to fill in
GAP = "（　）"  # a blank to fill in by hand


def blank_plan(plan: dict) -> dict:
    """``plan`` (the template) marked as blank: the Word file leaves grades and numbers as
    “（　）” and names no school type, instead of the template's example values."""
    return {**plan, BLANK: True}


def _scope(plan: dict) -> list[Block]:
    if plan.get(BLANK):
        return [_p(f"本方案适用于本校{GAP}年级。覆盖教师{GAP}人，其中担任导师{GAP}人；学生{GAP}人。")]
    counts = plan.get("counts") or {}
    return [
        _p(
            f"本方案适用于本校 {grades_label(plan.get('grades', []))}（学校类型：{plan.get('stage', '')}）。"
            f"覆盖教师 {counts.get('teachers', 0)} 人，其中担任导师 {counts.get('mentors', 0)} 人；学生 {counts.get('students', 0)} 人。"
        )
    ]


def _organization(plan: dict) -> list[Block]:
    org = plan.get("organization") or {}
    blocks: list[Block] = []
    for key, name in (("leading_group", "（一）全员导师制工作领导小组"), ("working_group", "（二）全员导师制工作小组")):
        group = org.get(key)
        blocks.append(_h(name))
        if not group:
            blocks.append(_p(MISSING))
            continue
        blocks.append(_p(f"组长：{group.get('leader', '')}"))
        if group.get("members"):
            blocks.append(_p(f"成员：{'、'.join(group['members'])}"))
        if group.get("duties"):
            blocks.append(_p(f"职责：{group['duties']}"))
    return blocks


def _matching(plan: dict) -> list[Block]:
    m = plan.get("matching") or {}
    if not m:
        return [_p(MISSING)]
    blocks: list[Block] = []
    if m.get("methods"):
        blocks.append(_h("（一）匹配方式"))
        rows = [[x.get("method", ""), x.get("role", ""), x.get("description", "")] for x in m["methods"]]
        blocks.append(Block("table", header=["方式", "主次", "做法"], rows=rows))
    blocks.append(_h("（二）配置比例"))
    if m.get("max_students_per_mentor"):
        blocks.append(_p(f"每位导师指导学生数不超过 {m['max_students_per_mentor']} 名。"))
    else:
        blocks.append(_p(MISSING))
    extras = [("many_to_one", "多对一指导"), ("mentor_teams", "导师团"), ("non_mentor_training", "暂不担任导师的教师")]
    n = 3
    for key, name in extras:
        if m.get(key):
            blocks += [_h(f"（{cn_number(n)}）{name}"), _p(m[key])]
            n += 1
    return blocks


def _key_tasks(plan: dict) -> list[Block]:
    tasks = plan.get("key_tasks") or {}
    blocks: list[Block] = []
    n = 1
    for key, name in (("home_visit", "学生家访"), ("talks", "谈心谈话"), ("written_feedback", "书面反馈")):
        task = tasks.get(key)
        blocks.append(_h(f"（{cn_number(n)}）{name}"))
        n += 1
        if not task:
            blocks.append(_p(MISSING))
            continue
        facts = [f"每学年至少 {task.get('times_per_year', 0)} 次"]
        if key == "talks" and task.get("moments"):
            facts.append(f"关键时间节点：{'、'.join(task['moments'])}")
        if task.get("timing"):
            facts.append(f"时间：{task['timing']}")
        if task.get("form"):
            facts.append(f"形式：{task['form']}")
        blocks.append(_p("；".join(facts) + "。"))
        if task.get("description"):
            blocks.append(_p(task["description"]))
    if plan.get("self_chosen"):
        blocks += [_h(f"（{cn_number(n)}）自选动作"), _list(plan["self_chosen"])]
    return blocks


def _home_school(plan: dict) -> list[Block]:
    hs = plan.get("home_school") or {}
    if not hs:
        return [_p(MISSING)]
    blocks = []
    if hs.get("channels"):
        blocks.append(_p(f"沟通渠道：{'、'.join(hs['channels'])}。"))
    if hs.get("description"):
        blocks.append(_p(hs["description"]))
    return blocks


def _training(plan: dict) -> list[Block]:
    t = plan.get("training") or {}
    if not t:
        return [_p(MISSING)]
    blocks = [_p(f"每学年开展校本研训 {t.get('sessions_per_year', 0)} 次。")]
    if t.get("description"):
        blocks.append(_p(t["description"]))
    if t.get("topics"):
        blocks += [_h("研训主题"), _list(t["topics"])]
    return blocks


def _teaching(plan: dict) -> list[Block]:
    t = plan.get("teaching") or {}
    if not t:
        return [_p(MISSING)]
    blocks = []
    if t.get("consistency"):
        blocks.append(_p(t["consistency"]))
    if t.get("no_ranking") is True:
        blocks.append(_p("不对考试测验成绩进行排名。"))
    return blocks or [_p(MISSING)]


def _incentives(plan: dict) -> list[Block]:
    inc = plan.get("incentives") or {}
    blocks: list[Block] = []
    n = 1
    for key, name in (("performance_pay", "绩效分配"), ("recognition", "职称与评优"), ("duty_exemption", "尽职免责")):
        if inc.get(key):
            blocks += [_h(f"（{cn_number(n)}）{name}"), _p(inc[key])]
            n += 1
    if inc.get("other"):
        blocks += [_h(f"（{cn_number(n)}）其他保障"), _list(inc["other"])]
    return blocks or [_p(MISSING)]


def _timeline(plan: dict) -> list[Block]:
    phases = plan.get("timeline") or []
    if not phases:
        return [_p(MISSING)]
    rows = [[p.get("phase", ""), p.get("period", ""), "；".join(p.get("tasks", []))] for p in phases]
    return [Block("table", header=["阶段", "时间", "主要任务"], rows=rows)]


def _duties(plan: dict) -> list[Block]:
    return [_list(plan["duties"])] if plan.get("duties") else [_p(MISSING)]


_BUILDERS = {
    "guiding_ideology": lambda plan: _text_or_missing(plan.get("guiding_ideology")),
    "goals": lambda plan: _text_or_missing(plan.get("goals")),
    "scope": _scope,
    "organization": _organization,
    "matching": _matching,
    "duties": _duties,
    "key_tasks": _key_tasks,
    "home_school": _home_school,
    "training": _training,
    "teaching": _teaching,
    "incentives": _incentives,
    "timeline": _timeline,
}


def plan_sections(plan: dict) -> list[Section]:
    """Every standard section, in order; a section the plan leaves empty says so."""
    return [Section(key, title, _BUILDERS[key](plan)) for key, title in SECTIONS]
