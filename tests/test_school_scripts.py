"""一校一策 commands run as the user runs them: new_school, export_plans, import_schools."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document as WordDocument

from macros.core.yamlload import load_yaml_file
from macros.plans.loading import validate_plan
from macros.plans.model import PLAN_SCHEMA, SCHEMA_COMMENT

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests/fixtures/schools"


def run(script: str, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / script), *args], capture_output=True, text=True, cwd=cwd)


def valid_school(path: Path) -> dict:
    doc, problems = load_yaml_file(path, path.name)
    assert problems == [] and validate_plan(doc, path.stem) == [], [p.format() for p in problems]
    return doc.data


@pytest.mark.parametrize("script", ["new_school.py", "export_plans.py", "import_schools.py", "sync_school_model.py"])
def test_help_is_chinese(script):
    result = run(script, "--help")
    assert result.returncode == 0
    assert "退出码" in result.stdout and "显示本帮助并退出" in result.stdout
    assert result.stdout.startswith("用法：") and "usage" not in result.stdout


# -- new_school -------------------------------------------------------------------------


def test_new_school_scaffolds_a_valid_commented_file(project_copy):
    root = ["--root", str(project_copy)]
    result = run("new_school.py", "test-school", "测试学校", "闵行", "--stage", "小学", *root)
    assert result.returncode == 0, result.stderr
    # A draft (checked, not published), the district written in full, and a command that works as written.
    assert "已创建 data/schools/test-school.yml（草稿，不会发布）" in result.stdout
    assert ".venv/bin/python scripts/check.py data/schools/test-school.yml" in result.stdout
    path = project_copy / "data/schools/test-school.yml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(SCHEMA_COMMENT) and "# 学校名称（必填）" in text
    plan = valid_school(path)
    assert (plan["id"], plan["name"], plan["district"], plan["stage"], plan["grades"]) == (
        "test-school",
        "测试学校",
        "闵行区",
        "小学",
        [4, 5],
    )
    assert plan["status"] == "草稿"

    again = run("new_school.py", "test-school", "别的名字", "闵行区", *root)
    assert again.returncode == 1
    assert "data/schools/test-school.yml:1:1: error: 文件已存在，未覆盖" in again.stderr
    assert path.read_text(encoding="utf-8") == text
    assert run("new_school.py", "test-school", "别的名字", "闵行区", "--force", *root).returncode == 0
    assert valid_school(path)["name"] == "别的名字"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["Bad_ID", "学校", "区"], "学校代码“Bad_ID”无效"),
        (["index", "学校", "区"], "不能是 index"),
        (["school-plan-template", "学校", "区"], "不能是 index、school-plan-template"),
        (["ok-id", "<b>学校</b>", "区"], "不能包含尖括号"),
        (["ok-id", "学校"], "用法错误"),
        (["ok-id", "学校", "区", "--stage", "大学"], "参数 --stage：无效的选项: '大学' （可选：'小学'"),
        (["ok-id", "学校", "测试区"], "所在区“测试区”不是上海市的区：请写黄浦区、徐汇区"),
    ],
)
def test_new_school_usage_errors(project_copy, args, message):
    result = run("new_school.py", *args, "--root", str(project_copy))
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert "argument" not in result.stderr and "choose from" not in result.stderr
    assert not (project_copy / "data/schools/ok-id.yml").exists()


# -- export_plans ----------------------------------------------------------------------------


def test_export_one_school(tmp_path):
    result = run("export_plans.py", "--school", "xinghe-primary", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["xinghe-primary.docx"]
    assert WordDocument(tmp_path / "out/xinghe-primary.docx").paragraphs[0].text == "星河小学全员导师制工作实施方案"


def test_export_all_schools(tmp_path):
    assert run("export_plans.py", "--out", str(tmp_path)).returncode == 0
    assert sorted(p.stem for p in tmp_path.glob("*.docx")) == sorted(p.stem for p in (ROOT / "data/schools").glob("[!_]*.yml"))


def test_export_usage_errors(tmp_path):
    unknown = run("export_plans.py", "--school", "no-such-school", "--out", str(tmp_path))
    assert unknown.returncode == 2 and "没有学校“no-such-school”" in unknown.stderr
    missing = run("export_plans.py", "--school", "xinghe-primary")
    assert missing.returncode == 2 and "用法错误" in missing.stderr


def test_export_onto_an_existing_file_is_a_usage_error(tmp_path):
    existing = tmp_path / "plans.docx"
    existing.write_bytes(b"keep me")
    result = run("export_plans.py", "--out", str(existing))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"--out 应是一个目录，而 {existing} 是一个文件" in result.stderr
    assert existing.read_bytes() == b"keep me"


def test_export_refuses_a_broken_school(project_copy, tmp_path):
    shutil.copy(FIXTURES / "bad-school.yml", project_copy / "data/schools/bad-school.yml")
    result = run("export_plans.py", "--root", str(project_copy), "--out", str(tmp_path))
    assert result.returncode == 1
    assert "data/schools/bad-school.yml:6:8: error:" in result.stderr
    assert not (tmp_path / "bad-school.docx").exists() and (tmp_path / "xinghe-primary.docx").exists()


# -- import_schools --------------------------------------------------------------------------


@pytest.mark.parametrize("fixture", ["import.csv", "import-bom.csv", "import-gbk.csv", "import.xlsx"])
def test_import_keeps_good_rows_and_reports_the_bad_one(project_copy, fixture):
    source = FIXTURES / fixture
    result = run("import_schools.py", str(source), "--root", str(project_copy))
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{source}:3:6: error: 第 3 行“教师人数”：应为整数，实际是“八十”" in result.stderr
    schools = project_copy / "data/schools"
    assert not (schools / "fixture-bad.yml").exists()
    middle = valid_school(schools / "fixture-middle.yml")
    assert middle["name"] == "测试初级中学" and middle["grades"] == [6, 7, 8, 9]
    assert middle["counts"] == {"teachers": 40, "mentors": 40, "students": 450}
    assert middle["matching"]["methods"][0] == {"method": "双向选择", "role": "主要"}
    assert middle["matching"]["methods"][1]["method"] == "随机抽选"
    primary = valid_school(schools / "fixture-primary.yml")
    assert (primary["stage"], primary["grades"], primary["key_tasks"]["home_visit"]["times_per_year"]) == ("小学", [4, 5], 2)
    assert "# 学校名称（必填）" in (schools / "fixture-primary.yml").read_text(encoding="utf-8")


def test_import_xlsx_grades_turned_into_dates_by_excel(project_copy, tmp_path):
    import datetime

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["学校代码", "学校名称", "所在区", "学段", "实施年级", "教师人数", "导师人数", "学生人数"])
    sheet.append(["date-school", "日期学校", "闵行区", "初中", datetime.datetime(2026, 6, 9), 10, 10, 100])
    sheet.append(["range-school", "区间学校", "闵行区", "初中", "6至8", 10.0, 10, 100])
    source = tmp_path / "dates.xlsx"
    book.save(source)
    result = run("import_schools.py", str(source), "--root", str(project_copy))
    assert result.returncode == 0, result.stderr
    assert valid_school(project_copy / "data/schools/date-school.yml")["grades"] == [6, 7, 8, 9]
    assert valid_school(project_copy / "data/schools/range-school.yml")["grades"] == [6, 7, 8]


def test_import_never_overwrites_without_force(project_copy):
    target = project_copy / "data/schools/fixture-middle.yml"
    target.write_text("# 学校自己改过的文件\n", encoding="utf-8")
    result = run("import_schools.py", str(FIXTURES / "import.csv"), "--root", str(project_copy))
    assert result.returncode == 1
    assert "第 2 行：学校文件 fixture-middle.yml 已存在，未覆盖（如需覆盖，在命令后加“--force”）" in result.stderr
    assert target.read_text(encoding="utf-8") == "# 学校自己改过的文件\n"
    assert (project_copy / "data/schools/fixture-primary.yml").exists()
    forced = run("import_schools.py", str(FIXTURES / "import.csv"), "--force", "--root", str(project_copy))
    assert forced.returncode == 1  # the bad row is still bad
    assert valid_school(target)["name"] == "测试初级中学"


def test_import_dry_run_writes_nothing(project_copy):
    result = run("import_schools.py", str(FIXTURES / "import.csv"), "--dry-run", "--root", str(project_copy))
    assert "可导入第 2 行" in result.stdout
    assert not (project_copy / "data/schools/fixture-middle.yml").exists()


def test_import_example_file_is_clean(project_copy):
    result = run("import_schools.py", str(ROOT / "data/schools_import_example.csv"), "--root", str(project_copy))
    assert result.returncode == 0, result.stderr
    plan = valid_school(project_copy / "data/schools/mingde-middle.yml")
    assert plan["sample"] is True


def test_import_wrong_header_imports_nothing(project_copy, tmp_path):
    source = tmp_path / "typo.csv"
    text = (FIXTURES / "import.csv").read_text(encoding="utf-8").replace("教师人数", "教师数", 1)
    source.write_text(text, encoding="utf-8")
    result = run("import_schools.py", str(source), "--root", str(project_copy))
    assert result.returncode == 1
    assert f"{source}:1:6: error: 未知的列“教师数”，是否想写“教师人数”？" in result.stderr
    assert f"{source}:1:1: error: 缺少必填列“教师人数”" in result.stderr
    assert not (project_copy / "data/schools/fixture-middle.yml").exists()


@pytest.mark.parametrize(
    ("cells", "column", "message"),
    [
        ("Bad ID,学校,闵行,初中,6-9,1,1,1", 1, "“学校代码”：应为小写英文字母"),
        ("ok,学校,闵行,大学,6-9,1,1,1", 4, "“学段”：“大学”无效"),
        ("index,学校,闵行,初中,6-9,1,1,1", 1, "“学校代码”：“index”是保留名称"),
        ("ok,学校,闵行,初中,6-15,1,1,1", 5, "“实施年级”：应写成 6-9、6至9 或 4、5"),
        ("ok,学校,,初中,6-9,1,1,1", 3, "“所在区”：必填，不能为空"),
        ("ok,学校,闵行,初中,6-9,1,2,1", 7, "“导师人数”：2 多于教师人数 1"),
        ("ok,<i>学校</i>,闵行,初中,6-9,1,1,1", 2, "“学校名称”：不能包含尖括号"),
    ],
)
def test_import_cell_problems(project_copy, tmp_path, cells, column, message):
    source = tmp_path / "one.csv"
    source.write_text("学校代码,学校名称,所在区,学段,实施年级,教师人数,导师人数,学生人数\n" + cells + "\n", encoding="utf-8")
    result = run("import_schools.py", str(source), "--root", str(project_copy))
    assert result.returncode == 1
    assert f"{source}:2:{column}: error: 第 2 行{message}" in result.stderr, result.stderr


def test_import_usage_errors(tmp_path):
    missing = run("import_schools.py", str(tmp_path / "none.csv"))
    assert missing.returncode == 2 and "找不到文件" in missing.stderr
    other = tmp_path / "schools.txt"
    other.write_text("x", encoding="utf-8")
    wrong = run("import_schools.py", str(other))
    assert wrong.returncode == 2 and "只支持 .csv 和 .xlsx" in wrong.stderr


def test_import_of_an_unreadable_file_is_reported_not_crashed(project_copy, tmp_path):
    source = tmp_path / "latin.csv"
    source.write_bytes("学校代码\n".encode("utf-16"))
    result = run("import_schools.py", str(source), "--root", str(project_copy))
    assert result.returncode == 1 and "Traceback" not in result.stderr


def test_schema_has_no_unknown_top_level_fields_in_imports():
    # every import column writes into a field the model knows
    from macros.plans.importer import COLUMNS

    for column in COLUMNS:
        node = PLAN_SCHEMA
        for key in column.path:
            node = node["properties"][key]
        assert node["title"]


def test_readme_and_rules_page_document_columns_and_rules():
    import yaml

    from macros.plans.importer import COLUMNS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## 一校一策") :]
    for column in COLUMNS:
        assert f"| {column.header} | {'是' if column.required else '否'} | {column.help} |" in section
    rules_page = (ROOT / "docs/about/rules.md").read_text(encoding="utf-8")
    for rule in yaml.safe_load((ROOT / "data/plan_rules.yml").read_text(encoding="utf-8"))["rules"]:
        assert f"| `{rule['id']}` | {rule['severity']} | {rule['statement']} |" in rules_page


def test_import_reports_cells_beyond_the_header_instead_of_dropping_them(project_copy, tmp_path):
    source = tmp_path / "extra.csv"
    source.write_text(
        "学校代码,学校名称,所在区,学段,实施年级,教师人数,导师人数,学生人数\n"
        "extra-school,多一列学校,闵行区,初中,6-9,10,10,100,备注：这一格没有列名\n"
        "fine-school,正常学校,闵行区,初中,6-9,10,10,100\n",
        encoding="utf-8",
    )
    result = run("import_schools.py", str(source), "--root", str(project_copy))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{source}:2:9: error: 第 2 行第 9 列有内容“备注：这一格没有列名”，但这一列没有列名" in result.stderr
    assert not (project_copy / "data/schools/extra-school.yml").exists()
    assert (project_copy / "data/schools/fine-school.yml").exists()


def test_import_reports_a_formula_without_its_value_as_a_formula(project_copy, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["学校代码", "学校名称", "所在区", "学段", "实施年级", "教师人数", "导师人数", "学生人数"])
    sheet.append(["formula-school", "公式学校", "闵行区", "初中", "6-9", "=20*2", 10, 100])  # openpyxl stores no value
    source = tmp_path / "formula.xlsx"
    book.save(source)
    result = run("import_schools.py", str(source), "--root", str(project_copy))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{source}:2:6: error: 第 2 行第 6 列是公式“=20*2”，文件中没有它的计算结果" in result.stderr
    assert "不能为空" not in result.stderr
    assert not (project_copy / "data/schools/formula-school.yml").exists()


def test_import_refuses_a_district_outside_shanghai_with_the_list(project_copy, tmp_path):
    # 闵行 is read as 闵行区 (one district, one group on the overview); 苏州区 is no district of
    # Shanghai: the row is not imported and the message lists the 16 districts.
    source = tmp_path / "districts.csv"
    source.write_text(
        "学校代码,学校名称,所在区,学段,实施年级,教师人数,导师人数,学生人数\n"
        "short-district,简称学校,闵行,初中,6-9,10,10,100\n"
        "far-district,外地学校,苏州区,初中,6-9,10,10,100\n",
        encoding="utf-8",
    )
    result = run("import_schools.py", str(source), "--root", str(project_copy))
    assert result.returncode == 1, result.stderr
    assert f"{source}:3:3: error: 第 3 行“所在区”：“苏州区”不是上海市的区，请写黄浦区、徐汇区" in result.stderr
    assert "（写“闵行”也可以），这一行未导入" in result.stderr
    assert valid_school(project_copy / "data/schools/short-district.yml")["district"] == "闵行区"
    assert not (project_copy / "data/schools/far-district.yml").exists()
