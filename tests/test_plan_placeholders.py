"""Placeholders are not content (issue 24): the blank template copied as a plan, a draft from
the import, 闵行 for 闵行区, a person's name where a post belongs, and a case published with the
import's blanks. Unit tables first, then the probes through scripts/check.py and the build."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, run_mkdocs_build

from macros.composition import new_project
from macros.core.placeholders import district_name, is_placeholder
from macros.core.yamlload import Document
from macros.plans.loading import load_schools
from macros.plans.model import template_plan
from macros.plans.plan_checks import plan_problems

SAMPLE = ROOT / "data/schools/chenguang-middle.yml"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（组长职务）", True),
        (" (待定) ", True),
        ("草稿：（待填写：一两句话的概要）", True),
        ("时间待确认", True),
        ("校长（党支部书记）", False),  # brackets inside real text
        ("《成长寄语》", False),
        ("校长", False),
    ],
)
def test_is_placeholder(text, expected):
    assert is_placeholder(text) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("闵行", "闵行区"),
        ("闵行区", "闵行区"),
        ("上海市闵行区", "闵行区"),
        ("浦东", "浦东新区"),
        ("浦东区", "浦东新区"),
        (" 崇明 ", "崇明区"),
        ("（所在区）", None),
        ("示例一区", None),
        ("闵", None),
    ],
)
def test_district_name(value, expected):
    assert district_name(value) == expected


def _problems(plan: dict, names=lambda _text: []) -> list[tuple[str, str]]:
    return [(p.message, p.rule) for p in plan_problems(Document("x.yml", plan), names)]


def _sample() -> dict:
    return yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))


def test_a_filled_in_sample_has_no_placeholder():
    assert _problems(_sample()) == []


def test_the_template_copied_as_a_plan_is_refused_field_by_field():
    plan = {**template_plan(), "id": "probe", "name": "探针中学"}
    found = _problems(plan)
    messages = [m for m, _ in found]
    assert "“所在区”还是占位文字“（所在区）”：请写上实际内容，不适用的可选项可以整行删去" in messages
    assert "“人数·教师人数”是 0：请写实际的数目（至少为 1）" in messages
    assert "“校本研训·每学年研训次数”是 0：请写实际的数目（至少为 1）" in messages
    assert any(m.startswith("“组织架构·领导小组·组长”还是占位文字“（组长职务）”") for m in messages)
    assert any(m.startswith("“保障措施·绩效分配”还是占位文字") for m in messages)
    assert {rule for _, rule in found} == {"PLAN-PLACEHOLDER"}


@pytest.mark.parametrize(
    ("edit", "message", "rule"),
    [
        (
            lambda p: p.update(district="测试区", sample=False),
            "所在区“测试区”不是上海市的区：请写黄浦区、徐汇区",
            "PLAN-DISTRICT",
        ),
        (lambda p: p.update(district="闵行区"), "示例方案不能写真实的区“闵行区”", "PLAN-DISTRICT"),
        (lambda p: p.update(district="虚构区"), "示例方案的所在区“虚构区”应写成“示例一区”这样的虚构名称", "PLAN-DISTRICT"),
        (
            lambda p: p["key_tasks"]["talks"].update(times_per_year=0),
            "“三项重点工作·谈心谈话·每学年次数”是 0",
            "PLAN-PLACEHOLDER",
        ),
        (lambda p: p.update(duties=[]), "“导师职责”是空的：至少写一项，或者整行删去", "PLAN-PLACEHOLDER"),
        (lambda p: p.update(goals="待填写"), "“工作目标”标着“待填写”，还没有写完", "PLAN-PLACEHOLDER"),
    ],
)
def test_one_fault_one_message(edit, message, rule):
    plan = _sample()
    edit(plan)
    found = _problems(plan)
    assert len(found) == 1 and found[0][0].startswith(message) and found[0][1] == rule, found


def test_a_real_plan_in_a_real_district_is_fine():
    plan = _sample()
    plan.update(sample=False, district="闵行区")
    assert _problems(plan) == []


def test_posts_not_people_use_the_person_detector():
    project = new_project(ROOT)
    plan = _sample()
    plan["organization"]["leading_group"]["leader"] = "校长张建国"
    plan["organization"]["working_group"]["members"][1] = "心理教师李芳"
    found = _problems(plan, project.registry.person_names)
    assert [(m, r) for m, r in found] == [
        ("“组织架构·领导小组·组长”里像是写了人名“张建国”：这里只写职务（如“校长”“德育主任”），不写个人姓名", "PLAN-POST"),
        ("“组织架构·工作小组·成员第 2 项”里像是写了人名“李芳”：这里只写职务（如“校长”“德育主任”），不写个人姓名", "PLAN-POST"),
    ]
    # Posts as schools write them are not names.
    assert _problems(_sample(), project.registry.person_names) == []


# -- through the check and the build, as a 德育主任 meets them --------------------------------


def run_check(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts/check.py"), "--root", str(root), *args], capture_output=True, text=True, cwd=root
    )


def _template_copy(project: Path) -> Path:
    text = (project / "data/schools/_template.yml").read_text(encoding="utf-8")
    text = text.replace('id: "school-id"', 'id: "probe"').replace('name: "（学校全称）"', 'name: "探针中学"')
    target = project / "data/schools/probe.yml"
    target.write_text(text, encoding="utf-8")
    return target


def test_template_copy_fails_check_and_build_at_the_field(project_copy, tmp_path):
    _template_copy(project_copy)
    check = run_check(project_copy)
    assert check.returncode == 1, check.stdout + check.stderr
    lines = check.stdout.splitlines()
    district = next(line for line in lines if "“所在区”" in line)
    assert district.startswith("data/schools/probe.yml:") and district.endswith(" [PLAN-PLACEHOLDER]")
    assert any("“人数·教师人数”是 0" in line for line in lines)
    build = run_mkdocs_build(project_copy, tmp_path / "site")
    output = build.stdout + build.stderr
    assert build.returncode != 0 and "Traceback" not in output
    assert district in output
    assert not (tmp_path / "site/schools/probe/index.html").exists()


def test_a_draft_is_reported_not_published(project_copy):
    target = _template_copy(project_copy)
    target.write_text(target.read_text(encoding="utf-8").replace('status: "已发布"', 'status: "草稿"'), encoding="utf-8")
    check = run_check(project_copy)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "另有 1 份方案是草稿，不会发布；查看要补的内容：.venv/bin/python scripts/check.py data/schools" in check.stdout
    notes = run_check(project_copy, "data/schools/probe.yml")
    assert notes.returncode == 0
    assert any(line.endswith(" [PLAN-PLACEHOLDER]") and ": note: “所在区”" in line for line in notes.stdout.splitlines())
    state = load_schools(new_project(project_copy))
    assert [s.id for s in state.drafts] == ["probe"] and "probe" not in [s.id for s in state.schools]
    export = subprocess.run(
        [sys.executable, str(ROOT / "scripts/export_plans.py"), "--root", str(project_copy), "--school", "probe"]
        + ["--out", str(project_copy / "out")],
        capture_output=True,
        text=True,
    )
    assert export.returncode == 0 and "data/schools/probe.yml 是草稿，没有导出 Word" in export.stderr
    assert not (project_copy / "out/probe.docx").exists()


def test_short_district_is_read_as_the_district(project_copy):
    target = project_copy / "data/schools/short-district.yml"
    plan = _sample()
    plan.update(id="short-district", sample=False, district="闵行")
    target.write_text(yaml.safe_dump(plan, allow_unicode=True), encoding="utf-8")
    assert run_check(project_copy).returncode == 0
    state = load_schools(new_project(project_copy))
    assert {s.id: s.plan["district"] for s in state.schools}["short-district"] == "闵行区"


def test_import_writes_drafts_and_the_build_goes_on(project_copy):
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts/import_schools.py"), str(ROOT / "tests/fixtures/schools/import.csv")]
        + ["--root", str(project_copy)],
        capture_output=True,
        text=True,
    )
    assert "导入的方案都是草稿，不会发布" in result.stdout
    assert yaml.safe_load((project_copy / "data/schools/fixture-middle.yml").read_text(encoding="utf-8"))["status"] == "草稿"
    check = run_check(project_copy)
    assert check.returncode == 0, check.stdout + check.stderr  # gaps are notes in a draft


CASE = """---
id: imported
title: 一次家访
sample: true
stage: 初中  # 待确认：小学、初中、高中、九年一贯制、中职
themes: [家访]
key_tasks: []
status: published
summary: 草稿：（待填写：一两句话的概要，不超过 120 字）
pseudonyms: []
questions:
  - （待填写：供研讨的问题）
anonymisation_review: {reviewed_on: 2026-01-05, reviewer_role: 区级培训者}
---

# 一次家访

导师去学生家里聊了聊学习和生活。
"""


def test_a_case_with_the_imports_blanks_is_not_published(project_copy):
    (project_copy / "casebook/imported.md").write_text(CASE, encoding="utf-8")
    check = run_check(project_copy, "casebook/imported.md")
    assert check.returncode == 1
    lines = [line for line in check.stdout.splitlines() if line.endswith("[CASE-PLACEHOLDER]")]
    assert [line.split(": error: ")[0] for line in lines] == [
        "casebook/imported.md:5:14",
        "casebook/imported.md:7:12",
        "casebook/imported.md:9:14",
        "casebook/imported.md:12:6",
    ], check.stdout
    assert "已发布案例的“重点任务”是空的：至少选一项（导师匹配、良师益友" in check.stdout
    # The same text as a draft is the import's normal output: no error.
    (project_copy / "casebook/imported.md").write_text(CASE.replace("status: published", "status: draft"), encoding="utf-8")
    assert "[CASE-PLACEHOLDER]" not in run_check(project_copy, "casebook/imported.md").stdout


def test_shipped_template_is_never_judged_as_a_plan():
    state = load_schools(new_project(ROOT))
    assert "_template" not in [s.id for s in state.schools + state.drafts]
    assert not [p for p in state.problems if p.path.endswith("_template.yml")]
