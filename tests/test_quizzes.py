"""Quiz banks and training modules: every error from a fixture file, with its position,
through the engine and through scripts/check.py."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.composition import new_project
from macros.core.yamlload import load_front_matter, load_yaml_file
from macros.policy import access
from macros.training.modules import Lesson, handbook_resolver, lesson_resolver, lesson_sections, load_catalogue, training_nav
from macros.training.quizzes import load_quiz, page_url, relative_url, render_quiz_html

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "quizzes"
CASES = sorted(FIXTURES.glob("*.yml"))
_EXPECT = re.compile(r"^# expect: (?:ok|(\d+):(\d+): (?:([A-Z]+-[A-Z]+) )?(.+))$")


def expectation(path: Path) -> tuple[int, int, str, str] | None:
    """From the fixture's first line: '# expect: ok' or '# expect: LINE:COL: [RULE-ID] message'."""
    m = _EXPECT.match(path.read_text(encoding="utf-8").splitlines()[0])
    assert m, f"{path.name}: first line must be '# expect: ok' or '# expect: LINE:COL: [RULE] message'"
    return None if m.group(1) is None else (int(m.group(1)), int(m.group(2)), m.group(3) or "", m.group(4))


@pytest.fixture(scope="module")
def library():
    return access.library(new_project(ROOT))


def fixture_lessons() -> list[Lesson]:
    _, body, _ = load_front_matter(FIXTURES / "module" / "lesson.md")
    return [Lesson("lesson.md", "测试课", lesson_sections(body))]


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_quiz_fixture_through_engine(case: Path, library):
    doc, problems = load_yaml_file(case, "quiz.yml")
    assert doc is not None and problems == []
    quiz, problems = load_quiz(
        doc, library, lesson_resolver("fixture-quiz", fixture_lessons()), handbook_resolver(new_project(ROOT))
    )
    expected = expectation(case)
    if expected is None:
        assert problems == [] and quiz is not None
        assert [q.type for q in quiz.questions] == ["single", "multiple", "truefalse", "scenario"]
        return
    line, col, rule, message = expected
    assert quiz is None
    assert any(p.line == line and p.col == col and p.rule == rule and message in p.message for p in problems), [
        p.format() for p in problems
    ]


def plant_quiz(project: Path, case: Path) -> Path:
    module = project / "training_modules" / "fixture-quiz"
    shutil.copytree(FIXTURES / "module", module)
    shutil.copy(case, module / "quiz.yml")
    return module


def run_check(project: Path) -> subprocess.CompletedProcess:
    # PYTHONPATH: the copy's own engine, ahead of the one installed in the environment.
    return subprocess.run(
        [sys.executable, str(project / "scripts" / "check.py"), "--root", str(project)],
        capture_output=True,
        text=True,
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(project)},
    )


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_quiz_fixture_through_check_cli(case: Path, project_copy: Path):
    plant_quiz(project_copy, case)
    result = run_check(project_copy)
    expected = expectation(case)
    if expected is None:
        assert result.returncode == 0, result.stdout + result.stderr
        return
    line, col, rule, message = expected
    assert result.returncode == 1, result.stdout + result.stderr
    prefix = f"training_modules/fixture-quiz/quiz.yml:{line}:{col}: error: "
    suffix = f" [{rule}]" if rule else ""
    lines = result.stdout.splitlines()
    assert any(out.startswith(prefix) and message in out and out.endswith(suffix) for out in lines), result.stdout
    assert "Traceback" not in result.stderr


def test_all_errors_of_a_bank_in_one_run(project_copy: Path):
    bad = FIXTURES / "no-answer.yml"
    module = plant_quiz(project_copy, bad)
    text = (FIXTURES / "draw-too-large.yml").read_text(encoding="utf-8").replace("stem: 题干", 'stem: ""')
    (module / "quiz.yml").write_text(text, encoding="utf-8")
    out = run_check(project_copy).stdout
    assert "quiz.yml:4:9: error: 每次抽题数（5）" in out and "[QUIZ-DRAW]" in out
    assert "quiz.yml:8:11: error: “题目第 1 项·题干”不能为空" in out


@pytest.mark.parametrize(
    ("edit", "where", "message"),
    [
        (
            lambda m: m.replace("themes: [政策要点]", "themes: [政策要点, 不存在的主题]"),
            "module.yml:9:16",
            "未知主题“不存在的主题”",
        ),
        (lambda m: m.replace("file: lesson.md", "file: missing.md"), "module.yml:11:11", "找不到课文件"),
        (lambda m: m.replace("order: 99", "order: 1"), "module.yml:5:8", "学习顺序 1 与模块“policy-essentials”相同"),
        (lambda m: m + "prerequisites: [no-such-module]\n", "module.yml:13:17", "先修模块“no-such-module”不存在"),
        (lambda m: m.replace("hours: 1", "hours: 0"), "module.yml:6:8", "“学时”必须大于 0"),
    ],
)
def test_module_errors(project_copy: Path, edit, where: str, message: str):
    module = plant_quiz(project_copy, FIXTURES / "good.yml")
    path = module / "module.yml"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    result = run_check(project_copy)
    assert result.returncode == 1
    assert f"training_modules/fixture-quiz/{where}: error: " in result.stdout, result.stdout
    assert message in result.stdout


def test_unlisted_lesson_and_missing_quiz_are_errors(project_copy: Path):
    module = plant_quiz(project_copy, FIXTURES / "good.yml")
    (module / "extra.md").write_text("# 多余\n", encoding="utf-8")
    (module / "quiz.yml").unlink()
    out = run_check(project_copy).stdout
    assert "training_modules/fixture-quiz/extra.md:1:1: error: 这个课文件没有列在" in out and "[TRAINING-LESSON]" in out
    assert "缺少自测题库 training_modules/fixture-quiz/quiz.yml" in out


def test_draft_and_broken_modules_are_not_published(project_copy: Path):
    module = plant_quiz(project_copy, FIXTURES / "good.yml")
    project = new_project(project_copy)
    assert load_catalogue(project).find("fixture-quiz") is not None
    (module / "module.yml").write_text((module / "module.yml").read_text(encoding="utf-8") + "draft: true\n", encoding="utf-8")
    project = new_project(project_copy)
    catalogue = load_catalogue(project)
    assert catalogue.find("fixture-quiz") is None and catalogue.problems == []
    assert "training/fixture-quiz/index.md" not in str(training_nav(catalogue))
    shutil.copy(FIXTURES / "no-answer.yml", module / "quiz.yml")
    (module / "module.yml").write_text(
        (module / "module.yml").read_text(encoding="utf-8").replace("draft: true\n", ""), encoding="utf-8"
    )
    catalogue = load_catalogue(new_project(project_copy))
    assert catalogue.find("fixture-quiz") is None and catalogue.problems


def test_shipped_modules_meet_the_content_bar():
    catalogue = load_catalogue(new_project(ROOT))
    assert catalogue.problems == []
    assert len(catalogue.modules) >= 5
    types: set[str] = set()
    for module in catalogue.modules:
        assert 2 <= len(module.lessons) <= 4, module.id
        assert module.quiz is not None and len(module.quiz.questions) >= 12, module.id
        types |= {q.type for q in module.quiz.questions}
    assert types == {"single", "multiple", "truefalse", "scenario"}


@pytest.mark.parametrize(
    ("src", "url"),
    [("training/index.md", "training/"), ("training/m/quiz.md", "training/m/quiz/"), ("index.md", ""), ("a.md", "a/")],
)
def test_page_url(src: str, url: str):
    assert page_url(src) == url


def test_relative_url_from_quiz_to_clause_and_lesson():
    assert (
        relative_url("training/m/quiz.md", "policies/shanghai-2023-25.md", "c5-3") == "../../../policies/shanghai-2023-25/#c5-3"
    )
    assert relative_url("training/m/quiz.md", "training/m/a.md", "x") == "../a/#x"
    assert relative_url("training/m/quiz.md", "training/m/index.md") == "../"


def test_lesson_sections_match_toc_anchors():
    body = "# 标题\n\n## 家访前的准备\n\n```\n## 不是标题\n```\n\n### 三、关键 Words {#custom}\n"
    assert lesson_sections(body) == {"标题": "标题", "家访前的准备": "家访前的准备", "custom": "三、关键 Words"}


def test_quiz_html_escapes_yaml_text(library):
    doc, _ = load_yaml_file(FIXTURES / "good.yml", "quiz.yml")
    doc.data["questions"][0]["stem"] = "<script>alert(1)</script>"
    doc.data["questions"][0]["explanation"] = "</script><img src=x onerror=alert(1)>"
    quiz, problems = load_quiz(
        doc, library, lesson_resolver("fixture-quiz", fixture_lessons()), handbook_resolver(new_project(ROOT))
    )
    assert problems == []
    html = render_quiz_html("m", "<b>模块</b>", quiz, "training/m/quiz.md")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert" not in html and "</script><img" not in html
    # The bank is an HTML-escaped attribute (an inline script would run under instant navigation).
    assert "&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in html and "<script" not in html
    assert 'data-title="&lt;b&gt;模块&lt;/b&gt;"' in html
    assert "\n\n" not in html  # one raw HTML block for Markdown


@pytest.mark.parametrize(
    ("name", "schema"),
    [
        ("training_module.schema.json", "macros.training.modules:MODULE_SCHEMA"),
        ("training_quiz.schema.json", "macros.training.quizzes:QUIZ_SCHEMA"),
    ],
)
def test_schema_files_for_editors_match_the_checks(name: str, schema: str) -> None:
    import importlib
    import json

    module, attr = schema.split(":")
    published = json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8"))
    published.pop("$schema"), published.pop("title")
    assert published == getattr(importlib.import_module(module), attr)


def test_lesson_images_are_published_next_to_the_lesson(project_copy: Path):
    from macros.training.domain import training_pages

    module = plant_quiz(project_copy, FIXTURES / "good.yml")
    (module / "img").mkdir()
    (module / "img" / "diagram.png").write_bytes(b"\x89PNG\r\n")
    (module / ".DS_Store").write_bytes(b"")
    pages = {p.src_uri: p for p in training_pages(new_project(project_copy))}
    assert pages["training/fixture-quiz/img/diagram.png"].abs_src_path == module / "img" / "diagram.png"
    assert "training/fixture-quiz/.DS_Store" not in pages
    assert "training/fixture-quiz/quiz.yml" not in pages and "training/fixture-quiz/module.yml" not in pages


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("---\ntitle: 课\nrender_macros: true\n---\n\n# 课\n\n没有引用。\n", "课中没有引用政策条款"),
        (
            '---\ntitle: 课\n---\n\n# 课\n\n{{ clause("沪教委德〔2023〕25号", "二") }}\n',
            "课中引用了条款，页面开头的属性里却没有“render_macros: true”",
        ),
    ],
)
def test_lessons_cite_clauses_and_run_their_macros(project_copy: Path, text: str, message: str):
    module = plant_quiz(project_copy, FIXTURES / "good.yml")
    (module / "lesson.md").write_text(text, encoding="utf-8")
    (module / "quiz.yml").write_text(
        (FIXTURES / "good.yml")
        .read_text(encoding="utf-8")
        .replace("lesson: lesson.md, section: 家访前的准备", "lesson: lesson.md"),
        encoding="utf-8",
    )
    out = run_check(project_copy).stdout
    assert f"training_modules/fixture-quiz/lesson.md:1:1: error: {message}" in out and "[TRAINING-CITE]" in out, out
