"""Messages speak to a 德育主任 or a trainer: plain Chinese, the field's Chinese label, never a
YAML key or an English word. Allowed: product names, the ``path:line:col: error:`` prefix,
rule codes, and whatever the user wrote (quoted in “…”)."""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import ROOT

from macros.core.messages import MESSAGES, PYTHON, message
from macros.core.problems import Problem
from macros.core.yamlload import Document
from macros.plans.loading import validate_plan
from macros.plans.model import PLAN_SCHEMA, template_plan
from macros.plans.plan_checks import plan_problems

# Product and format names a Chinese reader meets as such.
ALLOWED = {"Word", "Excel", "YAML", "CSV", "JSON", "Schema", "VS", "Code", "UTF", "GBK", "BOM"}
# The prefix of a formatted problem, and rule codes such as [PLAN-PLACEHOLDER].
_PREFIX = re.compile(r"^[\w./-]+:\d+:\d+: (error|warning|note): ")
_RULE = re.compile(r" \[[A-Z]+(-[A-Z0-9]+)+\]$")
_QUOTED = re.compile(r"“[^”]*”|‘[^’]*’")
# What may follow the command that runs a script from the project folder.
_COMMAND = re.compile(r"\.venv/bin/python scripts/[a-z_]+\.py( [\w./-]+)*")


def english_words(text: str) -> list[str]:
    """Latin words left after the allowed parts are taken out."""
    text = _RULE.sub("", _PREFIX.sub("", text))
    text = _COMMAND.sub("", _QUOTED.sub("", text))
    return [w for w in re.findall(r"[A-Za-z_][A-Za-z_]*", text) if w not in ALLOWED]


def test_the_checker_finds_what_it_must():
    assert english_words("“counts.teachers”是 0") == []  # the user's own text, quoted
    assert english_words("缺少必填字段 counts") == ["counts"]
    assert english_words("front matter 中的 title") == ["front", "matter", "title"]
    assert english_words("x.yml:1:2: error: 出错了 [PLAN-POST]") == []


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_catalogued_message_is_plain_chinese(key):
    text = re.sub(r"\{\w+\}", "", MESSAGES[key].replace("{python}", PYTHON))
    assert english_words(text) == [], (key, MESSAGES[key])
    assert "python scripts" not in text.replace(".venv/bin/python scripts", "")


def test_hints_give_the_command_that_works_from_the_project_folder():
    assert message("check.drafts", drafts=2).endswith(".venv/bin/python scripts/check.py data/schools")
    assert (ROOT / message("new-school.created", path="x").split("运行：")[1].split()[0]).parent.name == "bin"


def _plan_messages() -> list[str]:
    """What the build says about a template copy and a plan with every kind of schema fault."""
    plan = {**template_plan(), "id": "probe", "name": "探针中学"}
    out = [p.format() for p in plan_problems(Document("data/schools/probe.yml", plan), lambda _t: ["张三"])]
    bad = yaml.safe_load((ROOT / "data/schools/chenguang-middle.yml").read_text(encoding="utf-8"))
    bad.update(id="Bad ID ", name="<b>", stage="高职", grades=[13], district="测试区", sample=False)
    bad["counts"]["students"] = 12.5
    bad["matching"]["mentor_teams"] = "  "
    bad["key_tasks"]["talks"]["moments"] = ["放学"]
    del bad["counts"]["mentors"]
    out += [p.format() for p in validate_plan(Document("data/schools/bad.yml", bad), "bad")]
    return out


def test_plan_messages_name_fields_in_chinese():
    messages = _plan_messages()
    assert len(messages) > 40
    for text in messages:
        assert english_words(text) == [], text
    assert any("“人数·学生人数”应为整数（不带小数点），实际是 12.5" in m for m in messages)
    assert any("“学校代码”的开头或末尾有空格：请删去空格" in m for m in messages)
    assert any("缺少必填的“人数·导师人数”" in m for m in messages)


def test_every_plan_field_has_a_chinese_label():
    def walk(node: dict, path: str) -> list[str]:
        missing = [] if node.get("title") or not path else [path]
        for key, sub in node.get("properties", {}).items():
            missing += walk(sub, f"{path}.{key}".strip("."))
        if isinstance(node.get("items"), dict) and node["items"].get("type") == "object":
            missing += walk(node["items"], path + "[]")
        return missing

    assert walk(PLAN_SCHEMA, "") == []


def test_rule_code_comes_last():
    assert Problem("a.md", 1, 2, "说明", rule="TEXT-TRAD").format() == "a.md:1:2: error: 说明 [TEXT-TRAD]"
    assert Problem("a.md", 1, 2, "说明").format() == "a.md:1:2: error: 说明"
