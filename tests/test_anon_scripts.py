"""scripts/anonymise.py and scripts/import_case.py, through their command lines, on fixture files."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

from macros.casebook.cases import CASE_SCHEMA
from macros.core.yamlload import load_front_matter, validate

FIXTURES = ROOT / "tests" / "fixtures" / "anon_cases"


def run(script: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / script), *args], capture_output=True, text=True, cwd=ROOT)


def copy(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copy(FIXTURES / name, target)
    return target


def test_help_in_chinese_and_usage_errors() -> None:
    for script in ("anonymise.py", "import_case.py"):
        help_run = run(script, "--help")
        assert help_run.returncode == 0 and "用法" in help_run.stdout and "退出码" in help_run.stdout
        assert run(script).returncode == 2
        missing = run(script, "no-such-file.md")
        assert missing.returncode == 2 and "找不到" in missing.stderr


def test_anonymise_shows_each_finding_in_its_sentence(tmp_path) -> None:
    case = copy(tmp_path, "draft-with-names.md")
    before = case.read_text(encoding="utf-8")
    result = run("anonymise.py", str(case))
    assert result.returncode == 1
    out = result.stdout
    assert "人名 8 处：王秀英、秀英 → 小B（7 处）；王老师 → C老师" in out  # 小A is taken already; 秀英 is 王秀英
    assert "  第 17 行：班主任【王老师】把秀英的情况告诉了导师。" in out
    assert f"      改为“C老师”　（{case}:17:28，CASE-ANON-NAME）" in out
    assert "  第 3 行，标题（title）：【王秀英】的第一次家访（草稿）" in out
    assert "学校 1 处：春晖中学 → 某中学" in out and "电话号码 2 处：13912345678 → ［电话］（2 处）" in out
    assert "新化名：小B、C老师（写入时加进化名（pseudonyms））" in out
    assert "+pseudonyms" not in out, "the diff only with --diff"
    assert case.read_text(encoding="utf-8") == before, "without --write nothing changes"


def test_anonymise_diff_and_html_report(tmp_path) -> None:
    case = copy(tmp_path, "draft-with-names.md")
    report = tmp_path / "报告.html"
    result = run("anonymise.py", str(case), "--diff", "--html", str(report))
    assert result.returncode == 1
    assert "+pseudonyms: [小A, 小B, C老师]" in result.stdout
    assert "+小B是某中学某班的学生，和小A是同桌。班主任C老师把小B的情况告诉了导师。" in result.stdout
    page = report.read_text(encoding="utf-8")
    assert "<h2>人名 8 处</h2>" in page and "<del>王老师</del><ins>C老师</ins>把秀英的情况告诉了导师。" in page
    assert f"报告已另存为网页：{report}" in result.stdout


def test_write_applies_to_a_draft_and_leaves_it_clean(tmp_path) -> None:
    case = copy(tmp_path, "draft-with-names.md")
    result = run("anonymise.py", str(case), "--write")
    assert result.returncode == 0, result.stdout + result.stderr
    doc, _body, problems = load_front_matter(case, "draft.md")
    assert problems == [] and validate(doc, CASE_SCHEMA) == []
    assert doc.data["pseudonyms"] == ["小A", "小B", "C老师"]
    assert "王秀英" not in case.read_text(encoding="utf-8")
    again = run("anonymise.py", str(case))
    assert again.returncode == 0 and "没有发现" in again.stdout


def test_write_makes_parents_follow_their_child(tmp_path) -> None:
    case = tmp_path / "parents.md"
    text = (FIXTURES / "draft-with-names.md").read_text(encoding="utf-8").split("# ", 1)[0]
    case.write_text(text + "# 家访\n\n王秀英上课总走神。父亲王强承认平时很少管她。\n", encoding="utf-8")
    result = run("anonymise.py", str(case))
    assert "  第 17 行：【父亲王强】承认平时很少管她。" in result.stdout, result.stdout
    assert run("anonymise.py", str(case), "--write").returncode in (0, 1)
    written = case.read_text(encoding="utf-8")
    assert "小B上课总走神。小B爸爸承认平时很少管她。" in written
    assert "pseudonyms: [小A, 小B, 小B爸爸]" in written


def test_write_never_touches_a_published_case(tmp_path) -> None:
    case = copy(tmp_path, "published-with-names.md")
    before = case.read_text(encoding="utf-8")
    result = run("anonymise.py", str(case), "--write")
    assert result.returncode == 1
    assert "只改写草稿" in result.stderr
    assert case.read_text(encoding="utf-8") == before


def test_a_clean_shipped_case_exits_0() -> None:
    result = run("anonymise.py", "casebook/draft-homework-feedback.md")
    assert result.returncode == 0 and "没有发现" in result.stdout


def test_import_makes_a_valid_draft_and_lists_findings(tmp_path) -> None:
    result = run("import_case.py", str(FIXTURES / "rainy-day-visit.docx"), "--out", str(tmp_path))
    assert result.returncode == 1  # the write-up names the child
    assert "CASE-ANON-NAME" in result.stdout and "CASE-ANON-PHONE" in result.stdout
    draft = tmp_path / "rainy-day-visit.md"
    doc, body, problems = load_front_matter(draft, "rainy-day-visit.md")
    assert problems == [] and validate(doc, CASE_SCHEMA) == []
    assert doc.data["status"] == "draft" and doc.data["title"] == "雨天的家访"
    assert "## 案例经过" in body and "- 带上孩子的作品" in body and "| 周三下午 | 家访 ｜ 谈心 |" in body
    # draft → anonymise → clean
    assert run("anonymise.py", str(draft), "--write").returncode == 0
    assert run("anonymise.py", str(draft)).returncode == 0


def test_import_never_overwrites_and_reports_bad_files(tmp_path) -> None:
    shutil.copy(FIXTURES / "published-with-names.md", tmp_path / "rainy-day-visit.md")
    result = run("import_case.py", str(FIXTURES / "rainy-day-visit.docx"), "--out", str(tmp_path), "--force")
    assert result.returncode == 1 and "从不覆盖" in result.stderr
    broken = run("import_case.py", str(FIXTURES / "broken.docx"), "--out", str(tmp_path))
    assert broken.returncode == 1 and "无法读取 Word 文件" in broken.stderr and "Traceback" not in broken.stderr
    clean = run("import_case.py", str(FIXTURES / "clean-writeup.docx"), "--out", str(tmp_path))
    assert clean.returncode == 0 and "没有发现标记" in clean.stdout
    chinese = tmp_path / "家访记录.docx"
    shutil.copy(FIXTURES / "clean-writeup.docx", chinese)
    bad_id = run("import_case.py", str(chinese), "--out", str(tmp_path))
    assert bad_id.returncode == 2 and "--id" in bad_id.stderr
