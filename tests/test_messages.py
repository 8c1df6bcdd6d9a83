"""Messages speak to a 德育主任 or a trainer: plain Chinese, the field's Chinese label, never a
YAML key or an English word. Allowed: product names, the ``path:line:col: error:`` prefix,
rule codes, and whatever the user wrote (quoted in “…”)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

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
ALLOWED = {"Word", "Excel", "WPS", "YAML", "CSV", "JSON", "HTML", "Markdown", "Schema", "VS", "Code", "UTF", "GBK", "BOM"}
# The prefix of a formatted problem, and rule codes such as [PLAN-PLACEHOLDER].
_PREFIX = re.compile(r"^[\w./-]+:\d+:\d+: (error|warning|note): ")
_RULE = re.compile(r" \[[A-Z]+(-[A-Z0-9]+)+\]$")
_QUOTED = re.compile(r"“[^”]*”|‘[^’]*’")
# What may follow the command that runs a script from the project folder.
_COMMAND = re.compile(r"\.venv/bin/python scripts/[a-z_]+\.py( [\w./-]+)*")
# File names and folders of the project (module.yml, training_modules/x/), command-line options.
_PATH = re.compile(
    r"[\w./{}-]*\.(yml|yaml|md|csv|xlsx|json|docx|doc)\b|\b[a-z_]+/|--[a-z-]+( [a-z0-9-]+)?|https?://\S+|(make|mkdocs) [a-z]+"
)
# Letters a message shows as examples of what to write (小A, 选项 B).
_LETTER = re.compile(r"(?<![A-Za-z])[A-Z](?![A-Za-z])")


def english_words(text: str) -> list[str]:
    """Latin words left after the allowed parts are taken out."""
    text = _RULE.sub("", _PREFIX.sub("", text))
    text = _LETTER.sub("", _PATH.sub("", _COMMAND.sub("", _QUOTED.sub("", text))))
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


# -- every message the engine and the scripts write comes from the catalogue --------------------

SOURCES = sorted([*ROOT.glob("macros/**/*.py"), *ROOT.glob("scripts/*.py")])
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _literal(node: ast.AST) -> str | None:
    """The text of a string written in the code (an f-string's blanks as {}), or None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _literal(node.left), _literal(node.right)
        return None if left is None and right is None else (left or "{}") + (right or "{}")
    return None


def _calls(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            func = node.func
            yield node, func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _message_argument(call: ast.Call, name: str) -> ast.AST | None:
    """The message of ``Problem(path, line, col, message)`` or ``doc.problem(loc, message)``."""
    for keyword in call.keywords:
        if keyword.arg == "message" and name in ("Problem", "problem"):
            return keyword.value
    if name == "Problem" and len(call.args) >= 4:
        return call.args[3]
    if name == "problem" and len(call.args) >= 2:
        return call.args[1]
    return None


def test_no_problem_is_written_inline():
    """A new message written where a problem is made fails here: it belongs in macros/core/messages.py."""
    inline = []
    for path in SOURCES:
        for call, name in _calls(path):
            argument = _message_argument(call, name)
            text = _literal(argument) if argument is not None else None
            if text is not None and _HAN.search(text):
                inline.append(f"{path.relative_to(ROOT)}:{call.lineno}: {text}")
    assert not inline, "写在代码里的说明（请移到 macros/core/messages.py）：\n" + "\n".join(inline)


def _used_keys() -> dict[str, str]:
    """Every catalogue key the code asks for (``message("key", …)``, however imported), and where."""
    used = {}
    for path in SOURCES:
        for call, _name in _calls(path):
            first = call.args[0] if call.args else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str) and first.value in MESSAGES:
                used[first.value] = f"{path.relative_to(ROOT)}:{call.lineno}"
            elif (
                isinstance(first, ast.Constant)
                and isinstance(first.value, str)
                and re.fullmatch(r"[a-z-]+\.[a-z0-9.-]+", first.value)
            ):
                if isinstance(call.func, ast.Name) and call.func.id in ("message", "say"):
                    used[first.value] = f"{path.relative_to(ROOT)}:{call.lineno}"
    return used


def test_every_key_asked_for_is_in_the_catalogue():
    missing = {key: where for key, where in _used_keys().items() if key not in MESSAGES}
    assert not missing, missing


def test_every_catalogued_message_is_used():
    # plan.* also travel to the plan editor with the placeholder rules (macros/core/placeholders.py).
    unused = sorted(set(MESSAGES) - set(_used_keys()) - {k for k in MESSAGES if k.startswith("plan.")})
    assert not unused, unused


# Measurement tools for the engineers who keep the detectors and the build fast (their words are
# CPU, ms, Lighthouse, pagefind); every other script is used by a 德育主任 or a trainer.
MAINTAINER_SCRIPTS = {
    "anon_bench.py",
    "anon_corpus.py",
    "anon_name_stats.py",
    "anon_places.py",
    "anon_tagger.py",
    "bench.py",
    "benchcity.py",
    "search_eval.py",
}


def test_scripts_say_it_in_chinese():
    """What the scripts print, refuse with (parser.error) and explain in --help has no YAML key or English word."""
    found = []
    for path in sorted(ROOT.glob("scripts/*.py")):
        if path.name in MAINTAINER_SCRIPTS:
            continue
        for call, name in _calls(path):
            if name not in ("print", "error", "add_argument", "ArgumentParser", "write"):
                continue
            texts = [_literal(a) for a in call.args] + [
                _literal(k.value) for k in call.keywords if k.arg in ("help", "description", "epilog")
            ]
            for text in texts:
                words = english_words(text.replace("{}", "1")) if text and _HAN.search(text) else []
                if words:
                    found.append(f"{path.relative_to(ROOT)}:{call.lineno}: {words} {text}")
    assert not found, "\n".join(found)
