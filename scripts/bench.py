#!/usr/bin/env python3
"""城市规模基准测试：生成一个虚构的“全市”门户（16 个区、1600 所学校的一校一策、
600 个已发布案例和草稿、30 个培训模块及题库，加上真实的政策文件和指导手册），
构建并报告耗时、页面大小、搜索索引大小和内存峰值，以及读者在浏览器中搜索要下载的字节数
（首次访问、第一次查询、之后每次查询；scripts/benchsearch.py）。

用法：.venv/bin/python scripts/bench.py [--scale 100|500|full] [--keep 目录] [--json 文件]
      .venv/bin/python scripts/bench.py --lighthouse [--json 文件] [--markdown 文件]

同一次运行中还用“朴素的 mkdocs-material 配置”（没有本项目的 hook 和宏，开启
navigation.prune）构建同一份生成后的 Markdown，并给出两者的耗时比，使结果在
繁忙的机器上也可比较。
目标（见 docs/about/performance.md）按全市规模制定，小规模时只作参考。
退出码：0 完成（全市规模时还须达到全部目标）；1 构建失败，或全市规模时有目标未达到；2 用法错误。
"""

from __future__ import annotations

import gzip
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from macros.core.cli import ChineseParser
from scripts import benchlighthouse, benchoffline
from scripts.benchcity import Sizes, make_city
from scripts.benchsearch import FIRST_QUERY_MAX, LATER_QUERY_MAX, free_port, measure
from scripts.benchserve import measure_preview

ROOT = Path(__file__).resolve().parent.parent

MKDOCS = [sys.executable, "-m", "mkdocs"]
KB, MB = 1024, 1024 * 1024


def run_build(args: list[str], cwd: Path, log: Path, env: dict[str, str] | None = None) -> tuple[float, int, int, int]:
    """Run one build as a child process: (wall seconds, exit code, peak RSS in bytes of the
    largest single process among it and its children, peak memory of all of them together).

    The first is ``wait4``'s ``ru_maxrss``: the largest of the processes, each on its own. A
    forked worker shares the build's memory until either writes to it, so adding the RSS
    figures would count that memory twice; the second figure adds every process's PSS (its
    private memory plus its share of what it shares) from ``/proc/<pid>/smaps_rollup``, sampled
    every 0.1 s over the build's process tree: what the build occupies together (0 where
    ``/proc`` has no such file)."""
    start = time.perf_counter()
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.Popen(args, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})})
        peak = [0]
        running = threading.Event()
        running.set()

        def sample() -> None:
            while running.is_set():
                peak[0] = max(peak[0], sum(_pss(pid) for pid in _process_tree(proc.pid)))
                time.sleep(0.1)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        running.clear()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - start, proc.returncode, usage.ru_maxrss * KB, peak[0]


def _process_tree(pid: int) -> list[int]:
    """``pid`` and its descendants (Linux: /proc/<pid>/task/<tid>/children)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as f:
                    todo.extend(int(child) for child in f.read().split())
        except OSError:  # gone meanwhile, or no /proc
            pass
    return found


def _pss(pid: int) -> int:
    """A process's proportional set size in bytes (0 if it is gone or /proc has no such file)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * KB
    except (OSError, ValueError):
        pass
    return 0


def site_figures(site: Path) -> dict:
    pages = [p for p in site.rglob("*.html") if p.name != "404.html"]
    sizes = sorted(p.stat().st_size for p in pages)
    largest = max(pages, key=lambda p: p.stat().st_size) if pages else site
    index = site / "search/search_index.json"
    raw = index.read_bytes() if index.exists() else b""
    return {
        "pages": len(pages),
        "html_largest": sizes[-1] if sizes else 0,
        "html_largest_page": largest.relative_to(site).as_posix() if pages else "",
        "html_median": int(statistics.median(sizes)) if sizes else 0,
        "search_raw": len(raw),
        "search_gzip": len(gzip.compress(raw, 9)),
        "portal_index_files": sum(1 for p in (site / "search/portal").rglob("*") if p.is_file()),
        "site_total": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
        "docx_files": len(list(site.glob("schools/*.docx"))),
    }


def docx_per_file(city: Path) -> tuple[int, float]:
    """Word generation alone, serially in this process: (plans, milliseconds per plan).
    The cold build's figure is wall time in background workers overlapping page rendering;
    this one is the cost of one file, comparable across machines and versions."""
    from macros.core.yamlload import load_yaml_file
    from macros.plans.loading import school_files
    from macros.plans.plan_docx import plan_docx

    plans = []
    for path in school_files(city):
        doc, problems = load_yaml_file(path, path.name)
        if doc is not None and not problems and isinstance(doc.data, dict):
            plans.append(doc.data)
    if not plans:
        return 0, 0.0
    plan_docx(plans[0])  # imports and caches warm
    start = time.perf_counter()
    for plan in plans:
        plan_docx(plan)
    return len(plans), (time.perf_counter() - start) * 1000 / len(plans)


def plain_config(dump: Path, project_config: Path) -> Path:
    """A plain mkdocs-material configuration for the dumped Markdown: same Markdown
    extensions, search with jieba and the same navigation, no hooks, no macros."""
    nav = json.loads((dump / "nav.json").read_text(encoding="utf-8"))
    text = project_config.read_text(encoding="utf-8")
    extensions = text[text.index("markdown_extensions:") : text.index("\nvalidation:")]
    (dump / "search_userdict.txt").write_text((ROOT / "data/search_userdict.txt").read_text(encoding="utf-8"), "utf-8")
    config = {
        "site_name": "plain",
        "site_url": "http://127.0.0.1:8000/",
        "docs_dir": "docs",
        "theme": {
            "name": "material",
            "language": "zh",
            "font": False,
            "features": ["navigation.tabs", "navigation.sections", "navigation.indexes", "navigation.prune"],
        },
        "plugins": [{"search": {"separator": "[\\s\\u200b\\-]+", "jieba_dict_user": "search_userdict.txt"}}],
        "not_in_nav": "/schools/*.md\n/cases/*.md\n/tips/*.md\n",
        "nav": nav,
    }
    path = dump / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False) + extensions, encoding="utf-8")
    return path


def fmt_size(n: float) -> str:
    return f"{n / MB:.2f} MB" if n >= MB else f"{n / KB:.1f} KB"


def touch_edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path}: {old!r} not found"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def shipped_modules() -> int:
    """The project's own training modules: the city keeps them and adds copies up to the size."""
    return sum(1 for p in (ROOT / "training_modules").iterdir() if (p / "module.yml").exists())


def preview_edits(city: Path, ids: dict[str, list[str]]) -> dict:
    """The edits timed under ``mkdocs serve``: text added to a case, a school's student count changed."""
    case_id, school_id = ids["cases"][1], ids["schools"][1]

    def edit_case(text: str, n: int) -> tuple[str, str]:
        marker = f"导师第 {n + 1} 次补充回访记录（{time.time_ns()}）。"
        return text.replace("## 分析与反思", f"{marker}\n\n## 分析与反思", 1), marker

    def edit_school(text: str, n: int) -> tuple[str, str]:
        match = re.search(r"^(\s*students: )(\d+)$", text, re.M)
        assert match, "students: not found"
        students = int(match.group(2)) + n + 1
        return text[: match.start(2)] + str(students) + text[match.end(2) :], f"学生 {students} 人"

    return {
        "case": (city / "casebook" / f"{case_id}.md", f"cases/{case_id}/", edit_case),
        "school": (city / "data/schools" / f"{school_id}.yml", f"schools/{school_id}/", edit_school),
    }


def machine() -> dict:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    mem = next(
        line.split(":", 1)[1].strip() for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")
    )
    from importlib.metadata import version

    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "memory": mem,
        "python": platform.python_version(),
        "mkdocs": version("mkdocs"),
        "material": version("mkdocs-material"),
    }


TARGETS = [
    # (key, label, test)
    # Speed targets of issue #22 (2026-12): a warm build and the preview must feel instant.
    ("cold_ratio", "冷构建 ≤ 0.8 × 朴素构建", lambda r: r["cold_ratio"] <= 0.8),
    ("cold_s", "冷构建 < 60 s", lambda r: r["cold_s"] < 60),
    ("warm_ratio", "热构建 ≤ 0.3 × 朴素构建", lambda r: r["warm_ratio"] <= 0.3),
    ("html_largest", "单页 HTML ≤ 80 KB", lambda r: r["html_largest"] <= 80 * KB),
    ("search_gzip", "搜索索引 gzip < 2 MB", lambda r: r["search_gzip"] < 2 * MB),
    ("search_raw", "搜索索引原始 < 8 MB", lambda r: r["search_raw"] < 8 * MB),
    (
        "search_first_visit_search",
        "打开页面时不取搜索索引（只取 worker 代码，< 8 KB）",
        lambda r: r["search_first_visit_search"] < 8 * KB,
    ),
    ("search_first_query", "第一次查询 ≤ 300 KB（gzip）", lambda r: r["search_first_query"] <= FIRST_QUERY_MAX),
    ("search_later_max", "之后每次查询 ≤ 100 KB（gzip）", lambda r: r["search_later_max"] <= LATER_QUERY_MAX),
    ("docx_warm_regenerated", "无改动时重新生成 0 个 Word 文件", lambda r: r["docx_warm_regenerated"] == 0),
    ("docx_edit_regenerated", "改一所学校只重新生成它的 Word 文件", lambda r: r["docx_edit_regenerated"] == 1),
    ("preview_school_s", "mkdocs serve：保存一所学校后 1 s 内可预览", lambda r: r["preview_school_s"] <= 1.0),
    ("preview_case_s", "mkdocs serve：保存一个案例后 1 s 内可预览", lambda r: r["preview_case_s"] <= 1.0),
    # All the build's processes together (PSS, sampled); forked workers count (run_build).
    ("peak_total", "内存峰值（构建进程与子进程合计）< 600 MB", lambda r: r["peak_total"] < 600 * MB),
    # Issue #26: the training modules' SCORM packages (30 at city scale).
    ("scorm_cold_s", "SCORM 课程包：冷构建最多多 2 s", lambda r: r["scorm_cold_s"] <= 2.0),
    (
        "scorm_warm_planned",
        "SCORM 课程包：模块没有改动时热构建不读模块页面、不重新打包",
        lambda r: r["scorm_warm_planned"] == 0 and r["scorm_warm_zipped"] == 0,
    ),
]

SCORM_STEP = "macros.training.scorm.write_packages"  # its seconds in the build's stats (after_build)


def scorm_figures(stats: dict, label: str) -> dict:
    """One build's SCORM packaging (macros/training/scorm.py): the after-build step's seconds,
    module pages known by their output key or read again, packages planned (pages read and
    rewritten) and zipped."""
    counts = stats.get("scorm", {})
    return {
        f"scorm_{label}_s": stats.get("after_build", {}).get(SCORM_STEP, 0.0),
        f"scorm_{label}_planned": counts.get("planned", 0),
        f"scorm_{label}_zipped": counts.get("zipped", 0),
        f"scorm_{label}_pages_read": counts.get("pages_hashed", 0),
    }


def bench(scale: str, work: Path, out=print) -> dict:
    sizes = Sizes.for_scale(scale)
    city = work / "city"
    out(
        f"生成虚构城市（规模 {scale}）：{sizes.schools} 所学校，{sizes.cases} 个已发布案例 + {sizes.drafts} 个草稿，"
        f"{max(sizes.modules, shipped_modules())} 个培训模块 …"
    )
    ids = make_city(city, sizes)
    work = work.resolve()
    dump = work / "plain"
    stats = work / "stats.jsonl"
    port = free_port()  # the site is built for the address the search measurement serves it at
    env = {"NO_MKDOCS_2_WARNING": "1", "BENCH_STATS": str(stats), "SITE_URL": f"http://127.0.0.1:{port}/"}
    strict = [*MKDOCS, "build", "--strict", "-d", str(work / "site")]
    result: dict = {"scale": scale, **sizes.__dict__}

    def build(label: str, extra_env: dict[str, str] | None = None) -> float:
        seconds, code, rss, total = run_build(strict, city, work / f"{label}.log", {**env, **(extra_env or {})})
        if code != 0:
            raise RuntimeError(f"{label} 构建失败（退出码 {code}），日志：{work / f'{label}.log'}")
        result["peak_rss"] = max(result.get("peak_rss", 0), rss)
        result["peak_total"] = max(result.get("peak_total", 0), total)
        result[f"{label}_rss"] = rss
        result[f"{label}_total"] = total
        out(f"  {label}: {seconds:.1f} s，内存峰值：合计 {fmt_size(total)}，单个进程最大 {fmt_size(rss)}")
        return seconds

    def last_stats() -> dict:
        lines = stats.read_text(encoding="utf-8").splitlines() if stats.exists() else []
        return json.loads(lines[-1]) if lines else {}

    shutil.rmtree(city / ".cache", ignore_errors=True)
    result["cold_s"] = build("cold", {"BENCH_DUMP_MARKDOWN": str(dump / "docs")})
    cold = last_stats()
    result["docx_cold_s"] = cold.get("docx_seconds", 0.0)
    result["docx_cold_regenerated"] = cold.get("docx_regenerated", 0)
    result.update(scorm_figures(cold, "cold"))
    result.update(site_figures(work / "site"))
    out("在 Chromium 中用页首搜索框查询 tests/search_queries.yml，记录下载的字节数 …")
    result.update(measure(work / "site", port))
    out(
        f"  首次访问 {fmt_size(result['search_first_visit'])}（其中搜索 {fmt_size(result['search_first_visit_search'])}），"
        f"第一次查询 {fmt_size(result['search_first_query'])}，之后每次平均 {fmt_size(result['search_later_mean'])}、"
        f"最多 {fmt_size(result['search_later_max'])}"
    )
    result["docx_plans"], result["docx_ms_per_file"] = docx_per_file(city)
    out(f"  Word 单个文件生成：{result['docx_ms_per_file']:.1f} ms（{result['docx_plans']} 份方案，单进程依次生成）")
    result["warm_s"] = build("warm")
    warm = last_stats()
    result["docx_warm_regenerated"] = warm.get("docx_regenerated", -1)
    result.update(scorm_figures(warm, "warm"))
    out(
        f"  SCORM 课程包（{result['scorm_cold_zipped']} 个模块）：冷 {result['scorm_cold_s']:.2f} s，"
        f"热 {result['scorm_warm_s']:.3f} s（重新打包 {result['scorm_warm_zipped']} 个）"
    )

    touch_edit(
        city / "casebook" / f"{ids['cases'][0]}.md", "## 分析与反思", "导师在学期末又补充了一次回访记录。\n\n## 分析与反思"
    )
    result["edit_case_s"] = build("edit_case")
    school = city / "data/schools" / f"{ids['schools'][0]}.yml"
    text = school.read_text(encoding="utf-8")
    school.write_text(text.replace("students: ", "students: 1", 1), encoding="utf-8")
    result["edit_school_s"] = build("edit_school")
    result["docx_edit_regenerated"] = last_stats().get("docx_regenerated", -1)

    out("用 mkdocs serve 测量保存后到页面更新的时间（每种修改 3 次，取中位数）…")
    preview = measure_preview(city, work / "serve.log", env, preview_edits(city, ids))
    result["preview_case_s"] = preview["case"]
    result["preview_school_s"] = preview["school"]
    result["preview_case_all"] = preview["case_all"]
    result["preview_school_all"] = preview["school_all"]
    each = "、".join(f"{t:.1f}" for t in preview["case_all"]), "、".join(f"{t:.1f}" for t in preview["school_all"])
    out(f"  改一个案例：{preview['case']:.1f} s（{each[0]}）；改一所学校：{preview['school']:.1f} s（{each[1]}）")

    out("用朴素的 mkdocs-material 配置构建同一份 Markdown …")
    config = plain_config(dump, city / "mkdocs.yml")
    seconds, code, rss, total = run_build(
        [*MKDOCS, "build", "-f", str(config), "-d", str(work / "plain-site")], dump, work / "plain.log", env
    )
    if code != 0:
        raise RuntimeError(f"朴素构建失败（退出码 {code}），日志：{work / 'plain.log'}")
    result["plain_s"] = seconds
    result["plain_rss"] = rss
    result["plain_total"] = total
    plain = site_figures(work / "plain-site")
    result["plain_pages"] = plain["pages"]
    result["plain_search_gzip"] = plain["search_gzip"]
    result["plain_search_raw"] = plain["search_raw"]
    result["plain_html_largest"] = plain["html_largest"]
    result["cold_ratio"] = result["cold_s"] / seconds
    result["warm_ratio"] = result["warm_s"] / seconds
    result["pages_per_s"] = result["pages"] / result["cold_s"]
    return result


def _scorm_warm(r: dict) -> str:
    return f"{r['scorm_warm_zipped']} 个 / {r['scorm_warm_pages_read']} 页"


def _search_bytes(r: dict) -> str:
    return f"{fmt_size(r['search_first_query'])} / {fmt_size(r['search_later_mean'])} / {fmt_size(r['search_later_max'])}"


def report(r: dict, out=print) -> list[str]:
    rows = [
        ("页面数", f"{r['pages']}（朴素构建 {r['plain_pages']}）"),
        ("冷构建（无缓存）", f"{r['cold_s']:.1f} s，{r['pages_per_s']:.0f} 页/s"),
        ("热构建（缓存齐全、无改动）", f"{r['warm_s']:.1f} s"),
        ("朴素 mkdocs-material 构建", f"{r['plain_s']:.1f} s"),
        ("冷构建 / 朴素", f"{r['cold_ratio']:.2f}"),
        ("热构建 / 朴素", f"{r['warm_ratio']:.2f}"),
        ("改一个案例后重建（新进程 mkdocs build）", f"{r['edit_case_s']:.1f} s"),
        ("改一所学校后重建（新进程 mkdocs build）", f"{r['edit_school_s']:.1f} s"),
        ("mkdocs serve：保存案例到可预览", f"{r['preview_case_s']:.1f} s"),
        ("mkdocs serve：保存学校到可预览", f"{r['preview_school_s']:.1f} s"),
        ("内存峰值（合计）", f"{fmt_size(r['peak_total'])}（朴素 {fmt_size(r['plain_total'])}）"),
        ("内存峰值（单个进程最大）", f"{fmt_size(r['peak_rss'])}（朴素 {fmt_size(r['plain_rss'])}）"),
        ("最大页面 HTML", f"{fmt_size(r['html_largest'])}（{r['html_largest_page']}）；朴素 {fmt_size(r['plain_html_largest'])}"),
        ("页面 HTML 中位数", fmt_size(r["html_median"])),
        (
            "搜索索引",
            f"{fmt_size(r['search_raw'])}，gzip {fmt_size(r['search_gzip'])}（朴素 gzip {fmt_size(r['plain_search_gzip'])}）",
        ),
        (
            "首次访问下载（gzip，尚未搜索；其中搜索）",
            f"{fmt_size(r['search_first_visit'])}（{fmt_size(r['search_first_visit_search'])}）",
        ),
        ("搜索：第一次查询 / 之后每次平均 / 最多", _search_bytes(r)),
        ("搜索：首位命中 / 前三命中", f"{r['search_top1']}/{r['search_queries']} / {r['search_top3']}/{r['search_queries']}"),
        ("站点总大小", fmt_size(r["site_total"])),
        ("Word 文件（冷）", f"{r['docx_cold_regenerated']} 个，{r['docx_cold_s']:.1f} s"),
        ("Word 单个文件生成（单进程）", f"{r['docx_ms_per_file']:.1f} ms"),
        ("Word 文件重新生成（无改动 / 改一所学校）", f"{r['docx_warm_regenerated']} / {r['docx_edit_regenerated']}"),
        ("SCORM 课程包：冷构建（模块数）", f"{r['scorm_cold_s']:.2f} s（{r['scorm_cold_zipped']} 个）"),
        ("SCORM 课程包：热构建（重新打包 / 重读页面）", f"{r['scorm_warm_s']:.3f} s（{_scorm_warm(r)}）"),
    ]
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        out(f"  {key}{'　' * (width - len(key))}  {value}")
    failed = []
    out("目标（按全市规模制定；小规模时只作参考）：")
    for key, label, test in TARGETS:
        ok = test(r)
        out(f"  {'✓' if ok else '✗'} {label}")
        if not ok:
            failed.append(key)
    return failed


def markdown_table(r: dict) -> str:
    """The figures of one run as the table on docs/about/performance.md."""
    ok = {key: test(r) for key, _, test in TARGETS}

    def mark(key: str) -> str:
        return "✓" if ok[key] else "✗"

    rows = [
        ("页面数（本门户 / 朴素构建）", f"{r['pages']} / {r['plain_pages']}", ""),
        ("冷构建（无缓存）", f"{r['cold_s']:.1f} s（{r['pages_per_s']:.0f} 页/s）", f"{mark('cold_s')} < 60 s"),
        ("朴素 mkdocs-material 构建", f"{r['plain_s']:.1f} s", ""),
        ("冷构建 / 朴素", f"{r['cold_ratio']:.2f}", f"{mark('cold_ratio')} ≤ 0.8"),
        ("热构建（缓存齐全、无改动）", f"{r['warm_s']:.1f} s", ""),
        ("热构建 / 朴素", f"{r['warm_ratio']:.2f}", f"{mark('warm_ratio')} ≤ 0.3"),
        ("改一个案例后重建（新进程 `mkdocs build`，缓存齐全）", f"{r['edit_case_s']:.1f} s", ""),
        ("改一所学校后重建（新进程 `mkdocs build`，缓存齐全）", f"{r['edit_school_s']:.1f} s", ""),
        ("`make serve`：保存一个案例到页面更新（3 次中位数）", f"{r['preview_case_s']:.1f} s", f"{mark('preview_case_s')} ≤ 1 s"),
        (
            "`make serve`：保存一所学校到页面更新（3 次中位数）",
            f"{r['preview_school_s']:.1f} s",
            f"{mark('preview_school_s')} ≤ 1 s",
        ),
        (
            "内存峰值：构建进程与子进程合计（朴素）",
            f"{fmt_size(r['peak_total'])}（{fmt_size(r['plain_total'])}）",
            f"{mark('peak_total')} < 600 MB",
        ),
        ("内存峰值：单个进程最大（朴素）", f"{fmt_size(r['peak_rss'])}（{fmt_size(r['plain_rss'])}）", ""),
        ("最大页面 HTML", f"{fmt_size(r['html_largest'])}（`{r['html_largest_page']}`）", f"{mark('html_largest')} ≤ 80 KB"),
        ("页面 HTML 中位数", fmt_size(r["html_median"]), ""),
        (
            "搜索索引（原始；朴素构建）",
            f"{fmt_size(r['search_raw'])}（{fmt_size(r.get('plain_search_raw', 0))}）",
            f"{mark('search_raw')} < 8 MB",
        ),
        (
            "搜索索引（gzip；朴素构建）",
            f"{fmt_size(r['search_gzip'])}（{fmt_size(r['plain_search_gzip'])}）",
            f"{mark('search_gzip')} < 2 MB",
        ),
        (
            "首次访问下载（gzip，尚未搜索；其中搜索）",
            f"{fmt_size(r['search_first_visit'])}（{fmt_size(r['search_first_visit_search'])}）",
            f"{mark('search_first_visit_search')} 不取索引",
        ),
        ("搜索：第一次查询（gzip）", fmt_size(r["search_first_query"]), f"{mark('search_first_query')} ≤ 300 KB"),
        (
            "搜索：之后每次查询，平均 / 最多（gzip）",
            f"{fmt_size(r['search_later_mean'])} / {fmt_size(r['search_later_max'])}",
            f"{mark('search_later_max')} ≤ 100 KB",
        ),
        (
            "搜索：首位命中 / 前三命中（tests/search_queries.yml）",
            f"{r['search_top1']}/{r['search_queries']} / {r['search_top3']}/{r['search_queries']}",
            "",
        ),
        ("站点总大小", fmt_size(r["site_total"]), ""),
        (
            "Word 文件：冷构建生成（后台进程，从开始到写完，与页面渲染重叠）",
            f"{r['docx_cold_regenerated']} 个，{r['docx_cold_s']:.1f} s",
            "",
        ),
        ("Word 文件：单个文件生成（单进程依次生成，每份方案）", f"{r['docx_ms_per_file']:.1f} ms", ""),
        (
            "Word 文件：无改动 / 改一所学校时重新生成",
            f"{r['docx_warm_regenerated']} / {r['docx_edit_regenerated']}",
            f"{mark('docx_warm_regenerated')} 0 / {mark('docx_edit_regenerated')} 1",
        ),
        (
            "SCORM 课程包：冷构建中打包这一步（模块数）",
            f"{r['scorm_cold_s']:.2f} s（{r['scorm_cold_zipped']} 个）",
            f"{mark('scorm_cold_s')} ≤ 2 s",
        ),
        (
            "SCORM 课程包：热构建中这一步（重新打包 / 重读的模块页面）",
            f"{r['scorm_warm_s']:.3f} s（{_scorm_warm(r)}）",
            f"{mark('scorm_warm_planned')} 0 / 0",
        ),
    ]
    lines = ["| 指标 | 结果 | 目标（全市规模） |", "|---|---|---|"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = ChineseParser(
        prog="bench.py",
        description="生成虚构的全市门户并构建，报告构建耗时、页面和搜索索引大小、内存峰值、make serve 保存后到页面更新的时间，并与朴素的 mkdocs-material 构建比较。",
        epilog="退出码：0 完成（全市规模时还须达到全部目标）；1 构建失败，或全市规模时（--lighthouse 时）有目标未达到；2 用法错误。",
    )
    parser.add_argument(
        "--scale",
        choices=["100", "500", "full"],
        default="100",
        help="学校数：100、500 或 full（1600，全市）；其他内容按比例（默认 100）",
    )
    parser.add_argument("--keep", metavar="目录", help="把生成的项目和站点保留在这个目录（默认用临时目录，结束后删除）")
    parser.add_argument("--json", metavar="文件", help="把结果另存为 JSON")
    parser.add_argument("--markdown", metavar="文件", help="把结果另存为 Markdown 表格（性能页面用）")
    parser.add_argument(
        "--lighthouse",
        action="store_true",
        help="改为用 Lighthouse（手机配置）测量本站的首页、一课、自测和学校方案页：性能、无障碍、最佳实践得分和下载量"
        "（需先在 tools/lighthouse 中运行 npm ci --ignore-scripts；使用 /usr/bin/chromium）",
    )
    parser.add_argument(
        "--offline",
        action="store_true",
        help="改为在 Chromium 中测量离线阅读的 service worker 给首次访问增加了什么：页面可交互之前多出的请求、"
        "worker 与注册代码的压缩大小、可交互之后的预先缓存（scripts/benchoffline.py；使用 /usr/bin/chromium）",
    )
    args = parser.parse_args(argv)
    if args.lighthouse:
        return lighthouse(args)
    if args.offline:
        return offline(args)
    if args.keep and Path(args.keep).exists() and any(Path(args.keep).iterdir()):
        parser.error(f"--keep 目录 {args.keep} 不是空目录")

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="portal-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        result = bench(args.scale, work)
    except RuntimeError as err:
        print(f"bench.py: 错误：{err}", file=sys.stderr)
        return 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    result["machine"] = machine()
    print(f"结果（规模 {args.scale}）：")
    failed = report(result)
    _write(args, result, markdown_table)
    return 1 if failed and args.scale == "full" else 0


def _write(args, result: dict, table: Callable[[Any], str]) -> None:
    """``--json`` and ``--markdown``: the raw figures and the 性能 page's table, where asked."""
    if args.json:
        Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.markdown:
        Path(args.markdown).write_text(table(result), encoding="utf-8")


def lighthouse(args) -> int:
    """``--lighthouse``: the phone's view of the shipped site (scripts/benchlighthouse.py)."""
    why = benchlighthouse.missing()
    if why:
        print(f"bench.py: 错误：{why}", file=sys.stderr)
        return 1
    try:
        results = benchlighthouse.build_and_audit()
    except (RuntimeError, subprocess.TimeoutExpired) as err:
        print(f"bench.py: 错误：{err}", file=sys.stderr)
        return 1
    failed = benchlighthouse.report(results)
    _write(args, results, benchlighthouse.markdown)
    return 1 if failed else 0


def offline(args) -> int:
    """``--offline``: what the offline service worker adds to a first visit (scripts/benchoffline.py)."""
    try:
        result = benchoffline.build_and_measure()
    except RuntimeError as err:
        print(f"bench.py: 错误：{err}", file=sys.stderr)
        return 1
    failed = benchoffline.report(result)
    _write(args, result, benchoffline.markdown)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
