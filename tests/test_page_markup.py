"""PAGE-MARKUP: markup in a page's title or description is refused at its position, by
scripts/check.py and by the build, so none of it reaches <title>, the navigation or <meta>."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT, run_mkdocs_build

from macros.core.pagemeta import markup_problems
from macros.core.yamlload import load_yaml_text


@pytest.mark.parametrize(
    ("yaml_text", "expected"),
    [
        ("title: 家访要点\ndescription: 访前、访中、访后\n", []),
        ("title: 用“中文引号”可以\n", []),
        ('title: "<script>alert(1)</script>"\n', [(1, 8, "标题不能包含")]),
        ('title: 正常\ndescription: "\\"><script>x</script>"\n', [(2, 14, "描述不能包含")]),
        ("title: a > b\n", [(1, 8, "标题不能包含")]),
        ('description: 他说 "好"\n', [(1, 14, "描述不能包含")]),
        ("title: 42\n", []),  # not text: the schemas report that
    ],
)
def test_markup_in_title_or_description_is_a_problem(yaml_text, expected):
    doc, problems = load_yaml_text(yaml_text, "docs/x.md", 0)
    assert problems == []
    found = markup_problems(doc, doc.data)
    assert [(p.line, p.col, p.message.split(" ")[0]) for p in found] == expected
    assert all(p.rule == "PAGE-MARKUP" for p in found)


HOSTILE = '---\ntitle: \'"><script>document.title="pwned"</script>\'\ndescription: 正常描述\n---\n\n# 页面\n'


def test_check_and_build_refuse_a_hostile_page_title(project_copy, tmp_path):
    page = project_copy / "docs" / "about" / "hostile.md"
    page.write_text(HOSTILE, encoding="utf-8")
    check = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check.py"), "--root", str(project_copy)], capture_output=True, text=True
    )
    assert check.returncode == 1
    assert "docs/about/hostile.md:2:8: error: 标题不能包含 <、>、英文双引号" in check.stdout and "[PAGE-MARKUP]" in check.stdout
    site = tmp_path / "site"
    build = run_mkdocs_build(project_copy, site)
    output = build.stdout + build.stderr
    assert build.returncode == 1
    assert "docs/about/hostile.md:2:8: error: 标题不能包含" in output and "[PAGE-MARKUP]" in output
    assert "Traceback" not in output
    assert not (site / "about" / "hostile" / "index.html").exists()
