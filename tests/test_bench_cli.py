"""scripts/bench.py as a command: Chinese help, usage errors exit 2, and the
synthetic city it builds is valid content (the build is in test_scale_search)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from scripts.benchcity import Sizes, district_name, make_city

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts/bench.py"), *args], capture_output=True, text=True)


def test_help_is_chinese_and_exits_0():
    result = run("--help")
    assert result.returncode == 0
    assert "退出码" in result.stdout and "--scale" in result.stdout


def test_unknown_scale_is_a_usage_error():
    result = run("--scale", "7")
    assert result.returncode == 2
    assert "用法错误" in result.stderr


def test_sizes_scale_with_the_number_of_schools():
    full, small = Sizes.for_scale("full"), Sizes.for_scale("100")
    assert (full.schools, full.cases, full.modules, full.districts) == (1600, 600, 30, 16)
    assert small.schools == 100 and small.cases < full.cases and small.districts == 16


def test_districts_are_invented_and_distinct():
    names = [district_name(n) for n in range(1, 17)]
    assert len(set(names)) == 16 and all(n.startswith("示例") for n in names)


def test_generated_city_is_labelled_sample_and_varied(tmp_path):
    ids = make_city(tmp_path, Sizes(schools=40, cases=8, drafts=2, modules=6))
    plans = [yaml.safe_load((tmp_path / "data/schools" / f"{i}.yml").read_text(encoding="utf-8")) for i in ids["schools"]]
    assert all(p["sample"] is True for p in plans)
    assert len({p["name"] for p in plans}) == 40 and len({p["district"] for p in plans}) == 16
    assert any(p["matching"]["max_students_per_mentor"] > 15 for p in plans), "some plans break the ratio rule"
    assert len(ids["cases"]) == 8 and len(ids["modules"]) == 1  # 5 shipped modules + 1
    from macros.composition import check_project, new_project

    problems = [p for p in check_project(new_project(tmp_path)) if p.is_error]
    assert problems == [], [p.format() for p in problems[:5]]


def test_word_per_file_figure_covers_every_school_plan(tmp_path):
    from scripts.bench import docx_per_file

    ids = make_city(tmp_path, Sizes(schools=12, cases=1, drafts=0, modules=1))
    shipped = len([p for p in (ROOT / "data/schools").glob("*.yml") if not p.name.startswith("_")])
    plans, ms = docx_per_file(tmp_path)
    assert plans == len(ids["schools"]) + shipped and ms > 0


def test_training_navigation_groups_modules_at_city_scale():
    """Dozens of modules go one level down (collapsed and pruned), a handful stay flat."""
    from types import SimpleNamespace

    from macros.training.modules import NAV_FLAT_MODULES, training_nav

    def catalogue(n: int):
        modules = [
            SimpleNamespace(title=f"模块{i}", lessons=[], src=lambda file="index.md", i=i: f"training/m{i}/{file}")
            for i in range(n)
        ]
        return SimpleNamespace(modules=modules)

    flat = training_nav(catalogue(NAV_FLAT_MODULES))
    assert len(flat) == NAV_FLAT_MODULES + 3
    grouped = training_nav(catalogue(30))
    assert len(grouped) == 4 and len(grouped[1]["全部模块"]) == 30


def test_report_and_table_show_search_bytes_against_the_targets():
    import re

    from scripts import bench

    source = (ROOT / "scripts" / "bench.py").read_text(encoding="utf-8")
    result = {key: 1 for key in re.findall(r"""r\[["'](\w+)["']\]""", source)}
    result.update(html_largest_page="x/index.html", preview_case_all=[1.0], preview_school_all=[1.0])
    result.update(search_first_visit_search=5_000, search_first_query=301 * 1024, search_later_max=99 * 1024)
    lines: list[str] = []
    failed = bench.report(result, out=lines.append)
    assert "search_first_query" in failed and "search_later_max" not in failed
    assert "search_first_visit_search" not in failed
    table = bench.markdown_table(result)
    assert "✗ ≤ 300 KB" in table and "✓ ≤ 100 KB" in table and "✓ 不取索引" in table


def test_peak_memory_counts_forked_workers(tmp_path):
    """A build and its forked worker, each with memory of its own: the largest single process
    (what ``wait4`` reports) is one of them; the sampled total of the tree has both."""
    from scripts.bench import MB, run_build

    program = (
        "import os, time\n"
        "pid = os.fork()\n"
        "mine = b'x' * (150 * 1024 * 1024)\n"
        "time.sleep(1.5)\n"
        "if pid == 0:\n"
        "    os._exit(0)\n"
        "os.waitpid(pid, 0)\n"
    )
    seconds, code, largest, total = run_build([sys.executable, "-c", program], tmp_path, tmp_path / "log.txt")
    assert code == 0
    assert 150 * MB <= largest < 250 * MB, largest
    assert total >= 300 * MB and total > largest + 100 * MB, (total, largest)
