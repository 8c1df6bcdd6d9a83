"""一校一策 model: schema and template generated from the model, sample schools, schema errors with positions."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from macros.composition import new_project
from macros.core.yamlload import load_yaml_file, load_yaml_text
from macros.plans.loading import load_schools, school_files, validate_plan
from macros.plans.model import PLAN_SCHEMA, SCHEMA_COMMENT, SCHEMA_FILE, TEMPLATE_FILE, schema_json, template_plan, template_yaml
from macros.plans.rules import NOT_MET

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests/fixtures/schools"


def run(script: str, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / script), *args], capture_output=True, text=True, cwd=cwd)


def _nodes(node: dict, path: str = ""):
    yield path, node
    for key, sub in node.get("properties", {}).items():
        yield from _nodes(sub, f"{path}.{key}" if path else key)
    items = node.get("items")
    if isinstance(items, dict) and items.get("type") == "object":
        yield from _nodes(items, f"{path}[]")


def test_schema_file_is_generated_from_the_model():
    assert (ROOT / SCHEMA_FILE).read_text(encoding="utf-8") == schema_json()
    assert json.loads((ROOT / SCHEMA_FILE).read_text(encoding="utf-8")) == PLAN_SCHEMA


def test_template_file_is_generated_from_the_model():
    assert (ROOT / TEMPLATE_FILE).read_text(encoding="utf-8") == template_yaml()


def test_sync_script_detects_a_stale_file(project_copy):
    assert run("sync_school_model.py", "--check", "--root", str(project_copy)).returncode == 0
    path = project_copy / SCHEMA_FILE
    path.write_text(path.read_text(encoding="utf-8").replace("学校名称", "名称"), encoding="utf-8")
    result = run("sync_school_model.py", "--check", "--root", str(project_copy))
    assert result.returncode == 1
    assert f"{SCHEMA_FILE}:1:1: error: 文件与方案模型不一致" in result.stderr
    assert run("sync_school_model.py", "--root", str(project_copy)).returncode == 0
    assert path.read_text(encoding="utf-8") == schema_json()


def test_every_field_has_a_chinese_title_and_description():
    for path, node in _nodes(PLAN_SCHEMA):
        assert re.search(r"[\u4e00-\u9fff]", node.get("title", "")), path
        assert re.search(r"[\u4e00-\u9fff]", node.get("description", "")), path


def test_template_comments_every_field_and_is_valid():
    text = (ROOT / TEMPLATE_FILE).read_text(encoding="utf-8")
    assert text.startswith(SCHEMA_COMMENT + "\n")
    lines = text.splitlines()
    # every key line in the first item of a list and in every mapping is preceded by its comment
    seen_items: set[int] = set()
    for i, line in enumerate(lines):
        m = re.match(r"^(\s*)(- )?([a-z_]+):", line)
        if not m:
            continue
        indent = len(m.group(1))
        if m.group(2):
            if indent in seen_items:
                continue  # later list items repeat the first one's fields
            seen_items.add(indent)
        elif any(indent == j + 2 for j in seen_items) and not lines[i - 1].lstrip().startswith("#"):
            continue
        assert lines[i - 1].lstrip().startswith("# "), f"line {i + 1} has no comment: {line}"
    for path, node in _nodes(PLAN_SCHEMA):
        if path:
            assert f"# {node['title']}" in text, path
    doc, problems = load_yaml_file(ROOT / TEMPLATE_FILE, TEMPLATE_FILE)
    assert problems == [] and validate_plan(doc, None) == []
    assert doc.data == template_plan()


def test_sample_schools_cover_the_required_kinds():
    state = load_schools(new_project(ROOT))
    assert state.problems == [], [p.format() for p in state.problems]
    schools = {s.id: s for s in state.schools}
    assert len(schools) == len(school_files(ROOT)) >= 4
    for school in schools.values():
        assert school.plan["sample"] is True, school.id  # everything shipped is a sample
        assert (ROOT / school.rel).read_text(encoding="utf-8").startswith(SCHEMA_COMMENT + "\n"), school.id
    stages = [(s.plan["stage"], s.plan["grades"]) for s in schools.values()]
    assert any(stage == "初中" for stage, _ in stages)
    assert ("小学", [4, 5]) in stages
    assert any(stage in ("完全中学", "九年一贯制", "十二年一贯制") for stage, _ in stages)
    assert max(sum(f.status == NOT_MET for f in s.findings) for s in schools.values()) >= 3
    assert any(s.compliant for s in schools.values())


def test_template_is_not_a_school():
    assert "_template" not in [p.stem for p in school_files(ROOT)]


def test_schema_errors_reported_with_positions(project_copy):
    shutil.copy(FIXTURES / "bad-school.yml", project_copy / "data/schools/bad-school.yml")
    result = run("check.py", "--root", str(project_copy), "data/schools", cwd=project_copy)
    assert result.returncode == 1, result.stdout + result.stderr
    out = result.stdout
    expected = [
        "data/schools/bad-school.yml:2:5: error: 学校代码“another-id”与文件名“bad-school.yml”不一致",
        "data/schools/bad-school.yml:4:7: error: “学校名称”不能包含尖括号“<”“>”",
        "data/schools/bad-school.yml:6:8: error: “学段”的取值“高职”无效",
        "data/schools/bad-school.yml:7:13: error: “实施年级第 2 项”不能大于 12",
        "data/schools/bad-school.yml:10:12: error: 导师人数 12 多于教师人数 10",
        "data/schools/bad-school.yml:11:13: error: “人数·学生人数”应为整数，实际是文本",
        "data/schools/bad-school.yml:13:3: error: 未知字段“max_student_per_mentor”，是否想写“max_students_per_mentor”？",
        "data/schools/bad-school.yml:17:19: error: “三项重点工作·谈心谈话·关键时间节点第 2 项”的取值“放学”无效",
    ]
    for line in expected:
        assert line in out, out
    assert "Traceback" not in result.stderr


def test_rule_findings_are_notes_not_errors(project_copy):
    shutil.copy(FIXTURES / "good-school.yml", project_copy / "data/schools/good-school.yml")
    result = run("check.py", "--root", str(project_copy), "data/schools/good-school.yml", cwd=project_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "data/schools/good-school.yml:14:28: note: 未达标：" in result.stdout and "[PLAN-RATIO]" in result.stdout
    assert "error" not in result.stdout
    assert "0 个错误，0 个警告，15 条提示" in result.stderr


def test_build_stops_on_a_school_schema_error(project_copy, tmp_path):
    from conftest import run_mkdocs_build

    shutil.copy(FIXTURES / "bad-school.yml", project_copy / "data/schools/bad-school.yml")
    result = run_mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "data/schools/bad-school.yml:6:8: error: “学段”的取值“高职”无效" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_yaml_syntax_error_in_school_file_has_position():
    doc, problems = load_yaml_text("id: x\nname: [未闭合\n", "data/schools/x.yml")
    assert doc is None and problems[0].path == "data/schools/x.yml" and problems[0].line >= 2


def test_template_round_trips_through_yaml():
    assert yaml.safe_load(template_yaml()) == template_plan()


def test_reserved_ids_are_rejected():
    for reserved in ("index", "school-plan-template"):
        doc, _ = load_yaml_text(f"id: {reserved}\n", f"data/schools/{reserved}.yml")
        doc.data = {**template_plan(), "id": reserved}
        messages = [p.message for p in validate_plan(doc, reserved)]
        assert any("不能是" in m and reserved in m for m in messages), messages
