"""The casebook: front matter checks, the publication gate and the built pages."""

from __future__ import annotations

import importlib
import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import ROOT, run_mkdocs_build

from macros.casebook.cases import published_cases
from macros.composition import check_project, new_project

CHECK = [sys.executable, str(ROOT / "scripts" / "check.py")]

CASE = """---
id: {id}
title: 测试案例 {id}
sample: true
stage: 初中
themes: [家访]
key_tasks: [学生家访]
status: {status}
summary: 测试用案例。
pseudonyms: [小A]
anonymisation_review: {{reviewed_on: 2026-11-01, reviewer_role: 区级培训者}}
questions:
  - 讨论什么？
---

# 测试案例 {id}

{body}
"""


def reported(output: str, start: str, rule: str) -> bool:
    """A line that holds ``start`` (path:line:col, severity and the start of the message; the
    build's log puts its level before it) and ends with the rule code in brackets."""
    return any(start in line and line.endswith(f" [{rule}]") for line in output.splitlines())


def write_case(project: Path, case_id: str, status: str = "published", body: str = "小A参加了家访。", **replace: str) -> Path:
    text = CASE.format(id=case_id, status=status, body=body)
    for old, new in replace.items():
        text = text.replace(old, new)
    path = project / "casebook" / f"{case_id}.md"
    path.write_text(text, encoding="utf-8")
    return path


def check(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*CHECK, "--root", str(project)], capture_output=True, text=True)


def test_shipped_casebook_is_clean_and_has_ten_published_samples() -> None:
    project = new_project(ROOT)
    assert [p.format() for p in check_project(project)] == []
    published = published_cases(project)
    assert len(published) >= 10
    assert all(c.meta["sample"] for c in published)
    statuses = [c.status for c in __import__("macros.casebook.cases", fromlist=["load_cases"]).load_cases(project)[0]]
    assert statuses.count("draft") >= 2
    themes = {t for c in published for t in c.themes}
    assert {"家访", "谈心谈话", "书面反馈", "家校沟通", "心理危机", "导师匹配", "特殊需求"} <= themes


def test_published_case_with_identifier_is_an_error(project_copy: Path) -> None:
    write_case(project_copy, "leaky", body="小A的妈妈手机13912345678，张伟也在。")
    result = check(project_copy)
    assert result.returncode == 1
    assert reported(result.stdout, "casebook/leaky.md:18:8: error: ", "CASE-ANON-PHONE")
    assert reported(result.stdout, "casebook/leaky.md:18:20: error: ", "CASE-ANON-NAME")


def test_draft_with_identifier_is_a_warning(project_copy: Path) -> None:
    write_case(project_copy, "leaky-draft", status="draft", body="张伟的手机13912345678")
    result = check(project_copy)
    assert result.returncode == 0, result.stdout
    assert reported(result.stdout, "casebook/leaky-draft.md:18:1: warning: ", "CASE-ANON-NAME")
    assert reported(result.stdout, "casebook/leaky-draft.md:18:6: warning: ", "CASE-ANON-PHONE")


def test_pseudonyms_and_reviewed_terms_are_honoured(project_copy: Path) -> None:
    write_case(
        project_copy,
        "reviewed",
        body="张伟和育才中学。",
        **{"pseudonyms: [小A]": "pseudonyms: [小A, 张伟]\nreviewed_terms: [育才中学, 张伟, 已删除的词]"},
    )
    result = check(project_copy)
    assert result.returncode == 0, result.stdout
    assert reported(
        result.stdout,
        "reviewed.md:11:28: warning: 审核通过的误报词（reviewed_terms）中的“已删除的词”已经不再匹配任何标记",
        "CASE-ANON-REVIEWED",
    )
    assert "CASE-ANON-NAME" not in result.stdout and "CASE-ANON-SCHOOL" not in result.stdout
    assert "CASE-ANON-PSEUDONYM" not in result.stdout  # 张伟 is declared and reviewed


def test_a_real_looking_pseudonym_without_review_is_an_error(project_copy: Path) -> None:
    write_case(project_copy, "fake-pseudonym", body="张伟来了。", **{"pseudonyms: [小A]": "pseudonyms: [小A, 张伟]"})
    result = check(project_copy)
    assert result.returncode == 1
    assert reported(result.stdout, "casebook/fake-pseudonym.md:10:18: error: “张伟”不像化名", "CASE-ANON-PSEUDONYM")


def test_front_matter_problems_are_reported_with_positions(project_copy: Path) -> None:
    write_case(project_copy, "bad", **{"themes: [家访]": "themes: [家访, 家坊]", "stage: 初中": "stage: 大学"})
    write_case(project_copy, "unreviewed", **{"anonymisation_review: {reviewed_on: 2026-11-01, reviewer_role: 区级培训者}\n": ""})
    write_case(project_copy, "linked", **{"questions:": "related: [draft-mentor-boundaries, no-such-case]\nquestions:"})
    result = check(project_copy)
    assert result.returncode == 1
    out = result.stdout
    assert "casebook/bad.md:5:8: error: “学段”的取值“大学”无效" in out
    assert "casebook/bad.md:6:14: error: 未知主题“家坊”" in out
    assert "casebook/unreviewed.md:8:9: error: 已发布的案例必须有匿名化审核记录" in out
    assert "casebook/linked.md:12:11: error: 相关案例“draft-mentor-boundaries”还是草稿" in out
    assert "casebook/linked.md:12:36: error: 未知的案例“no-such-case”" in out


def test_collection_with_unknown_or_unpublished_case_is_an_error(project_copy: Path) -> None:
    path = project_copy / "data" / "collections.yml"
    text = path.read_text(encoding="utf-8").replace(
        "      - crisis-referral\n", "      - crisis-referral\n      - draft-mentor-boundaries\n      - no-such-case\n"
    )
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    line_draft = lines.index("      - draft-mentor-boundaries") + 1
    result = check(project_copy)
    assert result.returncode == 1
    assert reported(
        result.stdout, f"data/collections.yml:{line_draft}:9: error: 案例“draft-mentor-boundaries”还是草稿", "CASE-COLLECTION"
    )
    assert reported(result.stdout, f"data/collections.yml:{line_draft + 1}:9: error: 未知的案例“no-such-case”", "CASE-COLLECTION")


def test_unpublished_cases_reach_no_built_file(project_copy: Path, tmp_path: Path) -> None:
    """Plant a marker in a draft, a case under review and a retired case; search every built file."""
    marker = "QZXMARKER7F3A9"
    for status in ("draft", "review", "retired"):
        write_case(project_copy, f"hidden-{status}", status=status, body=f"小A的{marker}", **{"测试用案例。": f"{marker}摘要"})
        (project_copy / "casebook" / f"hidden-{status}.md").write_text(
            (project_copy / "casebook" / f"hidden-{status}.md")
            .read_text(encoding="utf-8")
            .replace("themes: [家访]", "themes: [家访, 心理危机]"),
            encoding="utf-8",
        )
    draft = project_copy / "casebook" / "draft-mentor-boundaries.md"
    draft.write_text(draft.read_text(encoding="utf-8").replace("（待补充）", marker), encoding="utf-8")
    site = tmp_path / "site"
    result = run_mkdocs_build(project_copy, site)
    assert result.returncode == 0, result.stdout + result.stderr
    files = [p for p in site.rglob("*") if p.is_file()]
    assert any(p.name == "search_index.json" for p in files) and any(p.name == "sitemap.xml" for p in files)
    leaking = [p.relative_to(site).as_posix() for p in files if marker.encode() in p.read_bytes()]
    assert leaking == []
    for name in ("hidden-draft", "hidden-review", "hidden-retired", "draft-mentor-boundaries"):
        assert not any(name.encode() in p.read_bytes() for p in files), name
    # The same build did publish the shipped cases, so the search was meaningful.
    assert (site / "cases" / "crisis-referral" / "index.html").exists()


def test_published_case_with_finding_stops_the_build(project_copy: Path, tmp_path: Path) -> None:
    write_case(project_copy, "leaky", body="联系邮箱 mom@example.com")
    result = run_mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert reported(result.stdout + result.stderr, "casebook/leaky.md:18:6: error: ", "CASE-ANON-EMAIL")
    assert not (tmp_path / "site" / "cases" / "leaky").exists()


def test_case_page_has_header_questions_clauses_and_related(built_site: Path) -> None:
    html = (built_site / "cases" / "crisis-referral" / "index.html").read_text(encoding="utf-8")
    assert "示例案例" in html
    assert 'href="../by-stage/#stage-2"' in html
    assert '<h2 id="讨论问题">' in html or "讨论问题</h2>" in html
    assert 'href="../../policies/minhang-2021/#c6-4-4"' in html
    assert "相关案例" in html and 'href="../talk-after-family-change/"' in html
    assert "匿名化审核：2026-11-06，心理教师" in html


def test_listings_count_published_cases(built_site: Path) -> None:
    project = new_project(ROOT)
    published = published_cases(project)
    home_visits = sum("家访" in c.themes for c in published)
    html = (built_site / "cases" / "by-theme" / "index.html").read_text(encoding="utf-8")
    assert re.search(rf'id="theme-4"[^>]*>家访（{home_visits}）', html)
    stages = (built_site / "cases" / "by-stage" / "index.html").read_text(encoding="utf-8")
    assert "高中（" in stages and "draft-homework-feedback" not in stages
    tasks = (built_site / "cases" / "by-task" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../policies/shanghai-2023-25/#c5-3-1"' in tasks
    index = (built_site / "cases" / "index.html").read_text(encoding="utf-8")
    assert f"目前共有 <strong>{len(published)}</strong> 个已发布案例" in index
    collections = (built_site / "cases" / "collections" / "index.html").read_text(encoding="utf-8")
    assert collections.index("home-visit-first") < collections.index("talk-before-exam")


@pytest.mark.parametrize(
    ("name", "schema"),
    [
        ("case.schema.json", "macros.casebook.cases:CASE_SCHEMA"),
        ("case_collections.schema.json", "macros.casebook.listings:COLLECTIONS_SCHEMA"),
        ("tip_collection.schema.json", "macros.tips.tips:TIPS_SCHEMA"),
        ("news_post.schema.json", "macros.tips.news:POST_SCHEMA"),
    ],
)
def test_schema_files_for_editors_match_the_checks(name: str, schema: str) -> None:
    module, attr = schema.split(":")
    published = json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8"))
    published.pop("$schema"), published.pop("title")
    assert published == getattr(importlib.import_module(module), attr)


def test_featured_collections_file_is_optional(project_copy: Path) -> None:
    (project_copy / "data" / "collections.yml").unlink()
    project = new_project(project_copy)
    assert [p.format() for p in check_project(project)] == []
    from macros.casebook.listings import collections_markdown

    assert "暂无精选案例集。" in collections_markdown(project)


def test_malformed_case_files_are_reported_without_traceback(project_copy: Path) -> None:
    (project_copy / "casebook" / "list.md").write_text("---\n- a\n- b\n---\n正文\n", encoding="utf-8")
    (project_copy / "casebook" / "nofm.md").write_text("# 没有 front matter\n", encoding="utf-8")
    (project_copy / "casebook" / "broken.md").write_text("---\ntitle: [未闭合\n---\n", encoding="utf-8")
    write_case(project_copy, "types", **{"pseudonyms: [小A]": "pseudonyms: 小A"})
    result = check(project_copy)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "casebook/list.md:2:1: error: “（文件顶层）”应为键值表，实际是列表" in result.stdout
    assert "casebook/nofm.md:1:1: error: 案例开头缺少属性" in result.stdout
    assert "casebook/broken.md:3:1: error: YAML 语法错误" in result.stdout
    assert "casebook/types.md:10:13: error: “化名”应为列表，实际是文本" in result.stdout


SEARCH_DONE = """() => {
    const meta = document.querySelector('.md-search-result__meta');
    return meta && /个符合条件的结果|没有找到符合条件的结果/.test(meta.textContent);
}"""


def search(page, site_url: str, query: str) -> str:
    """Material's search with ``?q=``: it runs the query as soon as its web worker has loaded the index."""
    page.goto(f"{site_url}cases/?q={quote(query)}")
    page.wait_for_function(SEARCH_DONE, timeout=30000)
    return page.locator(".md-search-result").inner_html()


def test_search_finds_published_cases_and_not_drafts(page, site_url: str) -> None:
    """In the browser, Material's search (jieba-split index) finds a published case's words, and no draft."""
    html = search(page, site_url, "告别")
    assert "cases/crisis-referral/" in html
    html = search(page, site_url, "网络交往边界")
    assert "cases/peer-conflict-group-chat/" in html
    assert "草稿" not in html and "draft-mentor-boundaries" not in html


def test_yaml_text_is_escaped_on_case_and_listing_pages(project_copy: Path, tmp_path: Path) -> None:
    write_case(
        project_copy,
        "escaped",
        **{
            "summary: 测试用案例。": 'summary: "<img src=x onerror=alert(2)>摘要"',
            "  - 讨论什么？": '  - "<b>粗体</b>问题"',
        },
    )
    site = tmp_path / "site"
    result = run_mkdocs_build(project_copy, site)
    assert result.returncode == 0, result.stdout + result.stderr
    for page in ("cases/escaped/index.html", "cases/by-theme/index.html", "cases/index.html"):
        html = (site / page).read_text(encoding="utf-8")
        assert "<img src=x" not in html and "<b>粗体" not in html, page
    assert "&lt;b&gt;粗体&lt;/b&gt;问题" in (site / "cases/escaped/index.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(2)&gt;摘要" in (site / "cases/by-theme/index.html").read_text(encoding="utf-8")


def test_title_with_markup_is_rejected(project_copy: Path) -> None:
    write_case(project_copy, "markup", **{"title: 测试案例 markup": 'title: "</title><script>x</script>"'})
    result = check(project_copy)
    assert result.returncode == 1
    assert "casebook/markup.md:3:8: error: “标题”不能包含 < 或 >" in result.stdout
