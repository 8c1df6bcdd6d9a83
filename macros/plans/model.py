"""The school plan model (一校一策): one definition that yields the JSON Schema,
the commented YAML template and the YAML written by the scaffolding and import
commands.

The model is a JSON Schema built with small helpers so that every field carries
a Chinese ``title``, a ``description`` and an ``examples`` value. The editor
help (``schemas/school-plan.schema.json``), the blank template
(``data/schools/_template.yml``) and validation all come from :data:`PLAN_SCHEMA`;
``scripts/sync_school_model.py`` rewrites the two files and a test fails when
they differ from the model.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from macros.core.placeholders import BLANKS, PLACEHOLDER_RULES

SCHEMA_FILE = "schemas/school-plan.schema.json"
SCHOOLS_DIR = "data/schools"
TEMPLATE_FILE = "data/schools/_template.yml"
SCHEMA_COMMENT = "# yaml-language-server: $schema=../../schemas/school-plan.schema.json"

STAGES = ["小学", "初中", "高中", "九年一贯制", "完全中学", "十二年一贯制"]
MATCHING_METHODS = ["双向选择", "意向征询", "教学载体", "随机抽选", "班级匹配", "其他"]
TALK_MOMENTS = ["开学", "毕业", "考试前后", "重大变故", "情绪波动", "取得进步", "其他"]
FEEDBACK_TIMINGS = ["每学年结束", "每学期末", "其他时间"]
PHASES = ["宣传启动", "实施", "总结反思"]
# A plan's state, as a case has one: a draft is checked and reported, never published.
DRAFT, PUBLISHED = "草稿", "已发布"
# Marks on fields for the placeholder rule (macros/plans/plan_checks.py and the editor):
# a count that must be positive in a published plan, a field that holds a post, not a person.
POSITIVE = {"x-positive": True}
POST = {"x-post": True}
ID_PATTERN = "^[a-z0-9][a-z0-9-]*$"
# Names appear in page titles and navigation, where the theme does not escape: no angle brackets.
NO_MARKUP = {"allOf": [{"pattern": "^[^<>]+$", "x-message": "不能包含尖括号“<”“>”"}]}
# A text needs one character that is not a space (BLANKS: macros/core/placeholders.py). With
# it a filled-in text is simply a non-empty one, which is how data/plan_rules.yml tests it.
NOT_BLANK = {"pattern": f"[^{BLANKS}]", "x-message": "不能只有空格"}
# Counts and frequencies have a ceiling far above any school, so that numbers stay exact in
# JavaScript (the plan editor) and products such as 导师人数 × 每位导师最多指导学生数 too.
MAX_PEOPLE = 100_000
MAX_TIMES = 1_000


# -- helpers that build the model -------------------------------------------------


def _node(kind: dict, title: str, description: str, example: Any) -> dict:
    node = {"title": title, "description": description, **kind}
    if example is not None:
        node["examples"] = [example]
    return node


def text(title: str, description: str, example: str, **extra: Any) -> dict:
    checks = [NOT_BLANK, *extra.pop("allOf", [])]
    return _node({"type": "string", "minLength": 1, **extra, "allOf": checks}, title, description, example)


def integer(
    title: str, description: str, example: int, minimum: int = 0, maximum: int = MAX_TIMES, positive: bool = False
) -> dict:
    kind: dict[str, Any] = {"type": "integer", "minimum": minimum, "maximum": maximum, **(POSITIVE if positive else {})}
    return _node(kind, title, description, example)


def boolean(title: str, description: str, example: bool) -> dict:
    return _node({"type": "boolean"}, title, description, example)


def choice(title: str, description: str, options: list[str], example: str) -> dict:
    return _node({"enum": list(options)}, title, description, example)


def text_list(title: str, description: str, example: list[str], min_items: int = 0, **item_marks: Any) -> dict:
    kind: dict[str, Any] = {"type": "array", "items": {"type": "string", "minLength": 1, "allOf": [NOT_BLANK], **item_marks}}
    if min_items:
        kind["minItems"] = min_items
    return _node(kind, title, description, example)


def choice_list(title: str, description: str, options: list[str], example: list[str]) -> dict:
    kind = {"type": "array", "uniqueItems": True, "items": {"enum": list(options)}}
    return _node(kind, title, description, example)


def obj(title: str, description: str, properties: dict[str, dict], required: tuple[str, ...] = ()) -> dict:
    node: dict[str, Any] = {
        "title": title,
        "description": description,
        "type": "object",
        "additionalProperties": False,
        "properties": properties,
    }
    if required:
        node["required"] = list(required)
    return node


def obj_list(title: str, description: str, item: dict, count: int = 1, min_items: int = 0) -> dict:
    """A list of objects; the template shows ``count`` items built from the item's examples."""
    node: dict[str, Any] = {"title": title, "description": description, "type": "array", "items": item}
    if min_items:
        node["minItems"] = min_items
    node["x-template-count"] = count
    return node


def _group(title: str, who: str) -> dict:
    return obj(
        title,
        f"{who}的组成与职责。只写职务（如“校长”“德育主任”），不写个人姓名。",
        {
            "leader": text("组长", "组长的职务，如“校长、党支部书记”，不写姓名。", "（组长职务）", **POST),
            "members": text_list("成员", "成员的职务，每行一个，不写姓名。", ["（成员职务）"], **POST),
            "duties": text("职责", "小组的主要职责。", "（小组职责）"),
        },
        required=("leader",),
    )


def _task(title: str, description: str, extra: dict[str, dict]) -> dict:
    return obj(
        title,
        description,
        {
            "times_per_year": integer("每学年次数", "每位导师对每名结对学生每学年至少开展的次数。", 1, positive=True),
            **extra,
            "description": text("具体做法", "本校的具体安排和要求。", "（具体做法）"),
        },
        required=("times_per_year",),
    )


# -- the model --------------------------------------------------------------------

PLAN_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "school-plan.schema.json",
    **obj(
        "学校全员导师制工作实施方案（一校一策）",
        "一所学校的《全员导师制工作学校实施方案》的结构化数据。"
        "依据：闵行区方案六（一）“制定一校一策”，上海市方案五“主要任务”。"
        "每所学校一个文件：data/schools/<学校代码>.yml。",
        {
            "id": text(
                "学校代码",
                "小写英文字母、数字和连字符，须与文件名相同（如 example-middle 对应 example-middle.yml）。",
                "school-id",
                allOf=[{"pattern": ID_PATTERN, "x-message": "只能用小写英文字母、数字和连字符（-），如 example-middle"}],
            ),
            "sample": boolean(
                "示例标记",
                "学校的真实方案为“否”（文件中写 false）；本项目编写的示例数据为“是”（true），页面和 Word 会标注“示例”，所在区写虚构的“示例一区”这样的名称。",
                False,
            ),
            "status": choice(
                "状态",
                "“草稿”只检查、报告，不发布到门户；填好后改为“已发布”。新建和从表格导入的方案是草稿。不写时按已发布处理。",
                [DRAFT, PUBLISHED],
                PUBLISHED,
            ),
            "name": text("学校名称", "学校全称，用于页面标题和 Word 标题。", "（学校全称）", **NO_MARKUP),
            "district": text(
                "所在区",
                "上海市的区，如“闵行区”（写“闵行”也可以，会按“闵行区”处理）；一校一策总览按区分组。",
                "（所在区）",
                **NO_MARKUP,
            ),
            "stage": choice("学段", "学校的学段类型。", STAGES, "初中"),
            "grades": _node(
                {
                    "type": "array",
                    "minItems": 1,
                    "uniqueItems": True,
                    "items": {"type": "integer", "minimum": 1, "maximum": 12},
                },
                "实施年级",
                "本方案覆盖的年级，用 1–12 表示（上海五四学制：1–5 小学，6–9 初中（6 为预备年级），10–12 高中）。",
                [6, 7, 8, 9],
            ),
            "counts": obj(
                "人数",
                "本方案覆盖年级的教师、导师和学生人数。",
                {
                    "teachers": integer("教师人数", "覆盖年级的任课教师总数。", 0, maximum=MAX_PEOPLE, positive=True),
                    "mentors": integer("导师人数", "担任导师的教师人数。", 0, maximum=MAX_PEOPLE, positive=True),
                    "students": integer("学生人数", "覆盖年级的学生总数。", 0, maximum=MAX_PEOPLE, positive=True),
                },
                required=("teachers", "mentors", "students"),
            ),
            "guiding_ideology": text("指导思想", "方案的指导思想。", "（指导思想）"),
            "goals": text("工作目标", "实施全员导师制的工作目标。", "（工作目标）"),
            "organization": obj(
                "组织架构",
                "学校全员导师制工作领导小组和工作小组（闵行区方案四（三））。",
                {
                    "leading_group": _group("领导小组", "全员导师制工作领导小组"),
                    "working_group": _group("工作小组", "全员导师制工作小组（行动小组）"),
                },
            ),
            "matching": obj(
                "导师匹配",
                "导师与学生的匹配方式和配置比例（上海市方案五（一），闵行区方案六（二））。",
                {
                    "methods": obj_list(
                        "匹配方式",
                        "学校采用的匹配方式，可写多种，注明主要或辅助。",
                        obj(
                            "匹配方式",
                            "一种匹配方式。",
                            {
                                "method": choice("方式", "匹配方式的名称。", MATCHING_METHODS, "双向选择"),
                                "role": choice("主次", "主要匹配方式或辅助匹配方式。", ["主要", "辅助"], "主要"),
                                "description": text("说明", "这种方式在本校怎样进行。", "（做法说明）"),
                            },
                            required=("method",),
                        ),
                    ),
                    "max_students_per_mentor": integer(
                        "每位导师最多指导学生数",
                        "每位导师指导的学生数上限，政策要求原则上不超过 15 名。",
                        15,
                        minimum=1,
                    ),
                    "many_to_one": text(
                        "多对一指导",
                        "对具有特定发展需求的学生，由多位教师共同指导的安排。",
                        "（多对一安排）",
                    ),
                    "mentor_teams": text("导师团", "以班级为单位组建导师团的安排。", "（导师团安排）"),
                    "non_mentor_training": text(
                        "暂不担任导师的教师",
                        "暂时不适合做导师的教师如何培养培训，达到条件后承担导师职责。",
                        "（培养安排）",
                    ),
                },
            ),
            "duties": text_list("导师职责", "导师的职责，每条一项。", ["（导师职责）"]),
            "key_tasks": obj(
                "三项重点工作",
                "学生家访、谈心谈话、书面反馈（上海市方案五（三））。",
                {
                    "home_visit": _task(
                        "学生家访",
                        "每学年至少 1 次家访（上海市方案五（三）1）。",
                        {"timing": text("时间安排", "家访安排在什么时候，如“每学期开学前”。", "（家访时间）")},
                    ),
                    "talks": _task(
                        "谈心谈话",
                        "经常谈心谈话，尤其在开学、毕业、考试前后、重大变故等重要时间节点（上海市方案五（三）2）。",
                        {
                            "moments": choice_list(
                                "关键时间节点",
                                "开展谈心谈话的时间节点。",
                                TALK_MOMENTS,
                                ["开学", "毕业", "考试前后", "重大变故"],
                            )
                        },
                    ),
                    "written_feedback": _task(
                        "书面反馈",
                        "每学年结束时向学生及家长书面反馈（上海市方案五（三）3）。",
                        {
                            "timing": choice("时间", "书面反馈的时间。", FEEDBACK_TIMINGS, "每学年结束"),
                            "form": text("形式", "书面反馈的形式，如《成长寄语》。", "《成长寄语》"),
                        },
                    ),
                },
            ),
            "self_chosen": text_list("自选动作", "规定动作之外，导师可选的个性化活动。", ["（自选动作）"]),
            "home_school": obj(
                "家校沟通",
                "家校沟通的渠道和安排（上海市方案五（二）2）。",
                {
                    "channels": text_list("沟通渠道", "如家长会、电话、家访等。", ["（沟通渠道）"]),
                    "description": text("具体安排", "家校沟通的具体安排。", "（具体安排）"),
                },
            ),
            "training": obj(
                "校本研训",
                "导师的校本研修和培训计划（上海市方案五（四））。",
                {
                    "sessions_per_year": integer("每学年研训次数", "每学年组织的校本研训次数。", 0, positive=True),
                    "topics": text_list("研训主题", "计划的研训主题。", ["（研训主题）"]),
                    "description": text("研训安排", "研训的组织方式和安排。", "（研训安排）"),
                },
            ),
            "teaching": obj(
                "教学管理",
                "教考一致与考试管理（上海市方案六（三），闵行区方案六（五））。",
                {
                    "consistency": text("教考一致", "落实“教考一致”和作业管理的做法。", "（教考一致做法）"),
                    "no_ranking": boolean("不排名", "是否承诺不对考试测验成绩进行排名（初中必须）。", True),
                },
            ),
            "incentives": obj(
                "保障措施",
                "激励和保障（上海市方案六（四），闵行区方案七（三））。",
                {
                    "performance_pay": text("绩效分配", "绩效工资向优秀导师倾斜的做法。", "（绩效分配）"),
                    "recognition": text("职称与评优", "在职称评定、评优评先中的体现。", "（职称与评优）"),
                    "duty_exemption": text("尽职免责", "导师“尽职免责”保护机制。", "（尽职免责）"),
                    "other": text_list("其他保障", "其他保障措施，如宣传、人文关怀。", ["（其他保障）"]),
                },
            ),
            "timeline": obj_list(
                "时间安排",
                "按阶段的时间安排：宣传启动、实施、总结反思。",
                obj(
                    "阶段",
                    "一个工作阶段。",
                    {
                        "phase": choice("阶段", "阶段名称。", PHASES, "宣传启动"),
                        "period": text("时间", "这一阶段的时间，如“2023 年 9 月”。", "（时间）"),
                        "tasks": text_list("任务", "这一阶段的任务。", ["（任务）"], min_items=1),
                    },
                    required=("phase", "tasks"),
                ),
                count=3,
            ),
        },
        required=("id", "sample", "name", "district", "stage", "grades", "counts"),
    ),
    # The placeholder rule's data, for the editor (macros/core/placeholders.py).
    "x-placeholders": PLACEHOLDER_RULES,
}


def schema_json() -> str:
    """The JSON Schema file content, as written to ``schemas/school-plan.schema.json``."""
    return json.dumps(PLAN_SCHEMA, ensure_ascii=False, indent=2) + "\n"


# -- example values and commented YAML ------------------------------------------------


def example_value(node: dict, index: int = 0) -> Any:
    """The value the template shows for a node, built from the ``examples``."""
    if node.get("type") == "object":
        return {key: example_value(sub) for key, sub in node["properties"].items()}
    if node.get("type") == "array" and isinstance(node.get("items"), dict) and node["items"].get("type") == "object":
        items = []
        for i in range(node.get("x-template-count", 1)):
            item = example_value(node["items"])
            if "phase" in item:  # timeline: one item per phase
                item["phase"] = PHASES[i % len(PHASES)]
            items.append(item)
        return items
    return copy.deepcopy(node.get("examples", [None])[0])


def template_plan() -> dict:
    return example_value(PLAN_SCHEMA)


def _scalar(value: Any, indent: str) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if value is None:
        return "null"
    text = str(value)
    if "\n" in text.strip():
        body = "\n".join(f"{indent}  {line}" if line else "" for line in text.strip("\n").split("\n"))
        return "|-\n" + body
    return json.dumps(text, ensure_ascii=False)


def _comment(node: dict, required: bool, indent: str) -> list[str]:
    mark = "（必填）" if required else ""
    return [f"{indent}# {node.get('title', '')}{mark}：{node.get('description', '')}"]


def _emit_mapping(schema: dict, value: dict, indent: str, first_prefix: str | None, comments: bool) -> list[str]:
    """Lines of a mapping; ``first_prefix`` replaces the indent of the first key (for ``- `` items)."""
    lines: list[str] = []
    required = set(schema.get("required", []))
    props = schema.get("properties", {})
    keys = [k for k in props if k in value] + [k for k in value if k not in props]
    for n, key in enumerate(keys):
        sub = props.get(key, {})
        item = value[key]
        lead = first_prefix if (n == 0 and first_prefix is not None) else indent
        if comments and sub:
            if n == 0 and first_prefix is not None:
                lines += _comment(sub, key in required, indent[:-2])
            else:
                lines += _comment(sub, key in required, indent)
        lines += _emit_value(sub, key, item, indent, lead, comments)
    return lines


def _emit_value(node: dict, key: str, value: Any, indent: str, lead: str, comments: bool) -> list[str]:
    if isinstance(value, dict):
        if not value:
            return [f"{lead}{key}: {{}}"]
        return [f"{lead}{key}:"] + _emit_mapping(node, value, indent + "  ", None, comments)
    if isinstance(value, list):
        if not value:
            return [f"{lead}{key}: []"]
        lines = [f"{lead}{key}:"]
        item_schema = node.get("items", {}) if isinstance(node.get("items"), dict) else {}
        for i, item in enumerate(value):
            if isinstance(item, dict):
                lines += _emit_mapping(item_schema, item, indent + "    ", indent + "  - ", comments and i == 0)
            else:
                lines.append(f"{indent}  - {_scalar(item, indent + '  ')}")
        return lines
    return [f"{lead}{key}: {_scalar(value, indent)}"]


def plan_yaml(plan: dict, comments: bool = True, header: str = "") -> str:
    """A plan as YAML with the schema reference and, when ``comments``, a Chinese comment on every field."""
    lines = [SCHEMA_COMMENT]
    if header:
        lines += [f"# {line}" if line else "#" for line in header.split("\n")]
    lines += _emit_mapping(PLAN_SCHEMA, plan, "", None, comments)
    return "\n".join(lines) + "\n"


TEMPLATE_HEADER = (
    "一校一策：学校全员导师制工作实施方案模板。\n"
    "复制本文件为 data/schools/<学校代码>.yml（或在项目文件夹中运行 .venv/bin/python scripts/new_school.py 学校代码 学校名称 所在区），逐项填写。\n"
    "括号里的内容是占位文字，请替换；不适用的可选字段可以整行删除。\n"
    "模板本身不会发布；复制出来的方案只要还有占位文字、人数为 0，检查和构建就会报错。\n"
    "每个字段上方的注释说明它的含义；在 VS Code 等编辑器中还会按 JSON Schema 自动补全。"
)


def template_yaml() -> str:
    """The blank plan shipped as ``data/schools/_template.yml``."""
    return plan_yaml(template_plan(), header=TEMPLATE_HEADER)


def new_plan(school_id: str, name: str, district: str, **fields: Any) -> dict:
    """A plan scaffolded from the template with its identity filled in."""
    plan = template_plan()
    plan.update(id=school_id, name=name, district=district, status=DRAFT)
    plan.update(fields)
    return plan
