"""One set of rules, two evaluators: the build (Python, panzi-json-logic) and the plan editor
(JavaScript, json-logic-js in docs/assets/vendor/, run by Node with the editor's own
docs/assets/portal/editor-core.js, an ES module) must give identical findings on every shipped plan and on
generated ones. The same run checks that the editor's YAML is read back by the build as the
same data, and that the editor's field validation says what the build says."""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, require
from hypothesis import HealthCheck, given, settings
from plan_strategies import plans

from macros.casebook.anon_post import post_field_table
from macros.casebook.anonymise import person_names
from macros.composition import new_project
from macros.core.yamlload import Document, load_yaml_file, load_yaml_text
from macros.plans.editor_page import rules_data
from macros.plans.loading import school_files, validate_plan
from macros.plans.model import PLAN_SCHEMA, SCHEMA_COMMENT, SCHEMA_FILE
from macros.plans.plan_checks import plan_problems
from macros.plans.rules import RULES_FILE, check_plan, load_rules
from macros.policy.access import library

GENERATED = 300

NODE_SCRIPT = r"""
const fs = require("fs");
const path = require("path");
const url = require("url");
const assets = process.argv[1];
const jsonLogic = require(path.join(assets, "vendor/json-logic.js"));
const jsyaml = require(path.join(assets, "vendor/js-yaml.min.js"));
const core = await import(url.pathToFileURL(path.join(assets, "portal/editor-core.js")).href);
const input = JSON.parse(fs.readFileSync(0, "utf8"));
const out = input.plans.map((plan) => ({
  findings: core.checkPlan(input.rules, plan, jsonLogic),
  errors: core.validate(input.schema, plan).map((e) => e.message),
  placeholders: core.placeholderProblems(input.schema, plan, input.posts).map((e) => e.message),
  yaml: core.toYaml(plan, input.schema, input.schemaComment, jsyaml),
}));
process.stdout.write(JSON.stringify(out));
"""


@pytest.fixture(scope="module")
def rules():
    project = new_project(ROOT)
    doc, problems = load_yaml_file(ROOT / RULES_FILE, RULES_FILE)
    assert not problems
    found, problems = load_rules(doc, library(project))
    assert not problems
    return found


def run_node(rules, plan_list: list[dict]) -> list[dict]:
    node = shutil.which("node")
    require(node is not None, "找不到 node（Node.js 20）")
    # What the editor fetches: the published schema file and the rules file (macros/editor_page.py).
    schema = json.loads((ROOT / SCHEMA_FILE).read_text(encoding="utf-8"))
    posts = post_field_table()  # schools/post-names.json
    payload = {"rules": rules_data(rules), "schema": schema, "schemaComment": SCHEMA_COMMENT, "plans": plan_list, "posts": posts}
    result = subprocess.run(
        [node, "-e", f"(async () => {{ {NODE_SCRIPT} }})()", str(ROOT / "docs/assets")],
        input=json.dumps(payload, ensure_ascii=False),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def python_findings(plan: dict, rules) -> list[dict]:
    return [{"id": f.rule.id, "status": f.status, "detail": f.detail, "at": ".".join(f.loc)} for f in check_plan(plan, rules)]


def compare(plan_list: list[dict], rules) -> list[str]:
    """Every difference between the build and the editor, one line each."""
    differences = []
    for plan, js in zip(plan_list, run_node(rules, plan_list), strict=True):
        name = plan.get("id", "?")
        if js["findings"] != python_findings(plan, rules):
            pairs = zip(python_findings(plan, rules), js["findings"], strict=True)
            differences += [f"{name}: build {a} ≠ editor {b}" for a, b in pairs if a != b]
        errors = sorted(_unsuggested(p.message) for p in validate_plan(Document("x.yml", plan), None))
        if sorted(_unsuggested(m) for m in js["errors"]) != errors:
            differences.append(f"{name}: build errors {errors} ≠ editor errors {sorted(js['errors'])}")
        # The placeholder rule (rules as data in the schema) and posts, not people (the person
        # detector's table for post fields, tests/test_post_names.py).
        placeholders = sorted(p.message for p in plan_problems(Document("x.yml", plan), person_names))
        if sorted(js["placeholders"]) != placeholders:
            differences.append(f"{name}: build placeholders {placeholders} ≠ editor {sorted(js['placeholders'])}")
        assert js["yaml"].startswith(SCHEMA_COMMENT + "\n")
        doc, problems = load_yaml_text(js["yaml"], "editor.yml")
        if problems or doc.data != plan:
            differences.append(f"{name}: the editor's YAML reads back differently: {[p.message for p in problems]}")
    return differences


def _unsuggested(message: str) -> str:
    """An unknown field's message without its tail: the build may suggest a spelling there."""
    return re.sub(r"^(未知字段“[^”]*”).*", r"\1", message)


def shipped_plans() -> list[dict]:
    return [load_yaml_file(p, p.name)[0].data for p in [ROOT / "data/schools/_template.yml", *school_files(ROOT)]]


def test_shipped_plans_same_findings_in_build_and_editor(rules):
    found = shipped_plans()
    assert len(found) >= 5
    assert compare(found, rules) == []


def test_generated_plans_same_findings_in_build_and_editor(rules):
    collected: list[dict] = []

    @settings(max_examples=GENERATED, database=None, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck))
    @given(plans(PLAN_SCHEMA))
    def collect(plan):
        collected.append(plan)

    collect()
    assert len(collected) >= 200
    # Generated plans are valid plans (the strategy reads the schema), and they reach every result.
    assert all(
        validate_plan(Document("x.yml", p), None) == [] or p["counts"]["mentors"] > p["counts"]["teachers"] for p in collected
    )
    statuses = {(f.rule.id, f.status) for p in collected for f in check_plan(p, rules)}
    assert {s for _, s in statuses} == {"met", "not_met", "advisory", "na"}
    assert len({rule_id for rule_id, status in statuses if status != "met"}) == len(rules)
    assert compare(collected, rules) == []


def _bad(change) -> dict:
    plan = copy.deepcopy(shipped_plans()[1])
    change(plan)
    return plan


INVALID = [
    _bad(lambda p: p.update(name="  ")),
    _bad(lambda p: p.update(name="<b>学校</b>")),
    _bad(lambda p: p.update(stage="大学")),
    _bad(lambda p: p["counts"].update(students=-1)),
    _bad(lambda p: p["counts"].update(students="很多")),
    _bad(lambda p: p["counts"].update(mentors=p["counts"]["teachers"] + 1)),
    _bad(lambda p: p["counts"].update(teachers=10**9)),
    _bad(lambda p: p.update(grades=[])),
    _bad(lambda p: p.update(grades=[6, 6, 13])),
    _bad(lambda p: p.update(extra="x")),
    _bad(lambda p: p.pop("district")),
    _bad(lambda p: p.update(id="Bad ID")),
    _bad(lambda p: p.update(id="editor")),
    _bad(lambda p: p.update(sample="yes")),
    _bad(lambda p: p["timeline"].append({"phase": "实施", "tasks": []})),
    _bad(lambda p: p["timeline"].append({"tasks": ["\u3000"]})),
    _bad(lambda p: p["key_tasks"]["talks"].update(moments=["开学", "开学", "春游"])),
]


def test_invalid_plans_get_the_build_messages_in_the_editor(rules):
    assert compare(INVALID, rules) == []


OPEN_SCRIPT = r"""
const fs = require("fs");
const path = require("path");
const url = require("url");
const assets = process.argv[1];
const jsyaml = require(path.join(assets, "vendor/js-yaml.min.js"));
const core = await import(url.pathToFileURL(path.join(assets, "portal/editor-core.js")).href);
const texts = JSON.parse(fs.readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(texts.map((t) => core.parseYaml(t, jsyaml))));
"""

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{n}: &{n} [{', '.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True)
)
OPENED = [
    ("\ufeffid: x\nname: 学校\n", {"data": {"id": "x", "name": "学校"}}),
    # YAML 1.1, as the build reads it: yes is true; a date stays text.
    ("sample: yes\nperiod: 2023-09-01\n", {"data": {"sample": True, "period": "2023-09-01"}}),
    ("- 列表\n", {"error": "文件的顶层应为键值表（一校一策方案），实际是列表"}),
    ("name: [未闭合\n", "文件不是有效的 YAML，第 2 行"),
    (BOMB, "文件不是有效的 YAML，第 7 行第 29 列：锚点引用（*）过多"),
]


def test_opening_a_file_in_the_editor():
    node = shutil.which("node")
    require(node is not None, "找不到 node（Node.js 20）")
    texts = [t for t, _ in OPENED]
    result = subprocess.run(
        [node, "-e", f"(async () => {{ {OPEN_SCRIPT} }})()", str(ROOT / "docs/assets")],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=30,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for (_, expected), got in zip(OPENED, json.loads(result.stdout), strict=True):
        if isinstance(expected, dict):
            assert got == expected
        else:
            assert got["error"].startswith(expected), got


def test_the_editor_scripts_are_the_vendored_ones():
    # The editor and this test load the same files; their versions are pinned by tools/editor-vendor.
    lock = json.loads((ROOT / "tools/editor-vendor/package-lock.json").read_text(encoding="utf-8"))
    versions = (ROOT / "docs/assets/vendor/VERSIONS.txt").read_text(encoding="utf-8")
    for name in ("json-logic-js", "js-yaml"):
        assert f"- {name} {lock['packages'][f'node_modules/{name}']['version']}（MIT）" in versions
    assert Path(ROOT / "docs/assets/vendor/json-logic.LICENSE.txt").exists()
    assert Path(ROOT / "docs/assets/vendor/js-yaml.LICENSE.txt").exists()
