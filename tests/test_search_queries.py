"""The search query set (tests/search_queries.yml) cannot rot: it is well-formed, its school
and document-number queries name real content, and every page it expects is in the built
site and in the search index. scripts/search_eval.py, which measures engines on it, is a
proper command, and its browser harness reads real results and counts real bytes."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from scripts import search_eval

EVAL = [sys.executable, str(ROOT / "scripts" / "search_eval.py")]


def query_set() -> list[search_eval.Query]:
    return search_eval.load_queries(search_eval.QUERIES)


def both_sets() -> list[search_eval.Query]:
    return query_set() + search_eval.load_queries(search_eval.HELDOUT)


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


# ------------------------------------------------------------------ the file


def test_query_set_is_well_formed_and_covers_every_kind():
    queries = query_set()
    assert len(queries) >= 40
    kinds = {q.kind for q in queries}
    assert {"术语", "问题", "学校", "文号", "条款", "案例"} <= kinds, kinds
    assert {q.who for q in queries} == set(search_eval.WHO)


GOOD = {"query": "家访", "who": "教师", "kind": "术语", "expect": ["handbooks/family/02-home-visit/"]}


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"expect": ["handbooks/family/02-home-visit/#c1"]}, "不含锚点"),
        ({"expect": ["/handbooks/family/"]}, "不含锚点"),
        ({"expect": ["handbooks/family"]}, "不含锚点"),
        ({"expect": []}, "1 到 3 个"),
        ({"expect": ["a/", "b/", "c/", "d/"]}, "1 到 3 个"),
        ({"query": " "}, "非空"),
        ({"who": "学生"}, "who"),
        ({"kind": "其他"}, "kind"),
        ({"note": "多余的项"}, "恰好"),
    ],
)
def test_check_queries_reports_each_fault(change, problem):
    bad = {**GOOD, **change}
    others = [{**GOOD, "query": f"查询{n}"} for n in range(45)]
    problems = search_eval.check_queries({"queries": [bad, *others]})
    assert any(problem in p and p.startswith("第 1 个查询") for p in problems), problems


def test_heldout_set_is_well_formed_and_new():
    """The held-out set checks the ranking on queries it was not tuned on: none repeats the main set."""
    heldout = search_eval.load_queries(search_eval.HELDOUT)
    assert len(heldout) >= 20
    assert not {q.query for q in heldout} & {q.query for q in query_set()}
    assert any("至少需要 20" in p for p in search_eval.check_queries({"queries": [GOOD]}, minimum=20))


def test_check_queries_wants_forty_distinct_queries():
    assert any("至少需要 40" in p for p in search_eval.check_queries({"queries": [GOOD] * 3}))
    assert any("重复" in p for p in search_eval.check_queries({"queries": [GOOD] * 41}))
    assert search_eval.check_queries([GOOD]) == ["顶层必须是含 queries 列表的映射"]
    assert search_eval.check_queries({"queries": [{**GOOD, "query": f"q{n}"} for n in range(40)]}) == []


def test_school_queries_name_the_school_they_expect():
    names = {}
    for path in (ROOT / "data" / "schools").glob("*.yml"):
        if not path.name.startswith("_"):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            names[data["name"]] = f"schools/{data['id']}/"
    schools = [q for q in both_sets() if q.kind == "学校"]
    assert schools
    for q in schools:
        # a school's name, or the part of it a reader types (星河 for 星河小学)
        named = [page for name, page in names.items() if name.startswith(q.query)]
        assert len(named) == 1, f"{q.query} 不是（唯一一所）data/schools/ 中的学校"
        assert q.expect == tuple(named)


def test_document_number_queries_name_the_policy_they_expect():
    names = {}
    for path in (ROOT / "docs" / "policies").glob("*.md"):
        meta = front_matter(path)
        policy = meta.get("policy") or {}
        for name in (meta.get("title"), policy.get("doc_number"), *policy.get("aliases", [])):
            if name:
                names[name] = f"policies/{path.stem}/"
    documents = [q for q in both_sets() if q.kind == "文号"]
    assert documents
    for q in documents:
        assert q.query in names, f"{q.query} 不是政策文件的文号或标题"
        assert names[q.query] in q.expect


# ------------------------------------------------------------------ the built site


def test_every_expected_page_is_built_and_searchable(built_site):
    queries = both_sets()
    assert search_eval.missing_pages(built_site, queries) == []
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    indexed = {d["location"].partition("#")[0] for d in index["docs"]}
    excluded = sorted({p for q in queries for p in q.expect} - indexed)
    assert excluded == [], f"期望页面不在搜索索引中（被排除在搜索之外？）：{excluded}"


def test_missing_pages_finds_a_page_that_is_not_built(built_site):
    ghost = search_eval.Query("不存在", "教师", "术语", ("handbooks/family/99-ghost/", "glossary/"))
    assert search_eval.missing_pages(built_site, [ghost]) == ["handbooks/family/99-ghost/"]


# ------------------------------------------------------------------ the command


def test_help_is_chinese_and_exits_0():
    result = subprocess.run([*EVAL, "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    assert "退出码" in result.stdout and "--markdown" in result.stdout and "首位命中" in result.stdout


@pytest.mark.parametrize("args", [["--engines", "lunr"], ["--port", "0"], ["--city", "7"], ["--nonsense"]])
def test_usage_errors_exit_2(args):
    result = subprocess.run([*EVAL, *args], capture_output=True, text=True)
    assert result.returncode == 2, result.stderr
    assert "用法错误" in result.stderr


def test_a_site_built_for_another_address_is_a_usage_error(built_site):
    canonical = re.search(r'rel="canonical" href="([^"]*)"', (built_site / "index.html").read_text("utf-8")).group(1)
    other = 8790 if ":8790/" not in canonical else 8791
    result = subprocess.run([*EVAL, "--site", str(built_site), "--port", str(other)], capture_output=True, text=True)
    assert result.returncode == 2
    assert "构建的，不是为" in result.stderr


# ------------------------------------------------------------------ the harness in Chromium


def test_harness_reads_results_and_counts_bytes(built_site, tmp_path, browser):
    """Both engines, three queries whose page is unmistakable: results are read from the real
    result list, and the bytes show where each engine loads its index: neither before the
    first query (the header box runs the portal worker over search/portal/)."""
    queries = [
        search_eval.Query("星河小学", "学校", "学校", ("schools/xinghe-primary/",)),
        search_eval.Query("读写困难", "培训者", "案例", ("cases/special-needs-mentor-team/",)),
        search_eval.Query("家庭教育指导", "教师", "术语", ("handbooks/family/06-family-education/",)),
    ]
    pagefind_site = tmp_path / "pagefind-site"
    search_eval.pagefind_copy(built_site, pagefind_site)
    runs = {}
    for engine, site in (("material", built_site), ("pagefind", pagefind_site)):
        recorder = search_eval.Recorder()
        server = search_eval.serve(site, 0, recorder)
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        try:
            runs[engine] = search_eval.evaluate(engine, site, base, recorder, queries, browser)
        finally:
            server.shutdown()
            server.server_close()
    for engine, run in runs.items():
        assert run.errors == [], (engine, run.errors)
        assert search_eval.hits(run, queries, 1) == 3, (engine, run.results)
        assert run.first_visit > 0
        # Nothing of either index before the first query (the portal worker's code is all that
        # the header box fetches); the first query fetches it.
        assert run.first_visit_search < (8_000 if engine == "material" else 1), engine
        assert run.first_query > 0, engine
    assert (pagefind_site / "search" / "search_index.json").read_text("utf-8").count('"location"') == 0
