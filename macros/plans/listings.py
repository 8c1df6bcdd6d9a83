"""The 一校一策 overview and the district pages.

The overview (``docs/schools/index.md``, macro ``school_index()``) starts with the
city summary: every district with its number of schools, staff and students
and how many plans meet the policy's must-clauses. With up to
``INLINE_SCHOOLS`` schools it then lists every school by district on the same
page (the shipped samples). A larger city gets one page per district instead,
``schools/district/<slug>/`` (numbered past ``SCHOOLS_PER_PAGE`` schools:
``schools/district/<slug>/2/`` …), so no page grows with the number of schools.

District names are Chinese; :func:`district_slug` turns them into stable,
URL-safe names: the pinyin of Shanghai's 16 districts, otherwise ``d-`` and 8 hex
digits of the name's SHA-1 (the same name always gives the same address).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from macros.core.config import LAYOUT
from macros.core.escaping import md_esc
from macros.core.links import relative_link
from macros.core.numerals import cn_value
from macros.core.pagination import front_matter, page_range, page_title, page_uri, pager, paginate, text_slug
from macros.plans.loading import SchoolPlan, load_schools
from macros.plans.plan_document import grades_label
from macros.plans.rules import ADVISORY, NOT_APPLICABLE, NOT_MET, summary

if TYPE_CHECKING:
    from macros.core.pages import GeneratedPage
    from macros.core.registry import Project

OVERVIEW = "schools/index.md"
DISTRICT_DIR = "schools/district"
SCHOOLS_PER_PAGE = LAYOUT.schools_per_page
INLINE_SCHOOLS = LAYOUT.inline_schools  # up to this many schools, the overview lists them all itself

# Shanghai's districts: readable addresses for a real deployment. Any other name gets a hash.
SHANGHAI_DISTRICTS = {
    "黄浦区": "huangpu",
    "徐汇区": "xuhui",
    "长宁区": "changning",
    "静安区": "jingan",
    "普陀区": "putuo",
    "虹口区": "hongkou",
    "杨浦区": "yangpu",
    "闵行区": "minhang",
    "宝山区": "baoshan",
    "嘉定区": "jiading",
    "浦东新区": "pudong",
    "金山区": "jinshan",
    "松江区": "songjiang",
    "青浦区": "qingpu",
    "奉贤区": "fengxian",
    "崇明区": "chongming",
}


def district_slug(name: str) -> str:
    """Stable URL-safe name of a district's page and anchor."""
    return SHANGHAI_DISTRICTS.get(name.strip()) or text_slug(name, "d-")


_NUMERAL = re.compile("[零一二三四五六七八九十]+")


def district_order(name: str) -> tuple:
    """Sort key: Chinese numerals by value, so 示例二区 comes before 示例十区 and 示例十一区."""
    parts: list = []
    for piece in re.split(f"({_NUMERAL.pattern})", name):
        value = cn_value(piece) if _NUMERAL.fullmatch(piece) and len(piece) <= 3 else None
        parts.append((0, piece) if value is None else (1, value))
    return tuple(parts)


@dataclass(frozen=True)
class District:
    name: str
    slug: str
    schools: list[SchoolPlan]  # by name

    @property
    def page(self) -> str:
        return f"{DISTRICT_DIR}/{self.slug}.md"

    def totals(self) -> tuple[int, int, int, int]:
        """Teachers, mentors, students, compliant schools."""
        counts = [s.plan["counts"] for s in self.schools]
        return (
            sum(c["teachers"] for c in counts),
            sum(c["mentors"] for c in counts),
            sum(c["students"] for c in counts),
            sum(s.compliant for s in self.schools),
        )


def districts(project: Project) -> list[District]:
    """Every district with its schools, districts by name."""

    def make() -> list[District]:
        by_name: dict[str, list[SchoolPlan]] = defaultdict(list)
        for school in load_schools(project).schools:
            by_name[school.plan["district"]].append(school)
        return [
            District(name, district_slug(name), sorted(by_name[name], key=lambda s: s.plan["name"]))
            for name in sorted(by_name, key=district_order)
        ]

    return project.once("school_listings.districts", make)


def is_paged(project: Project) -> bool:
    """Whether the districts have their own pages (too many schools for the overview). A value
    of its own: every school page reads it, and a saved plan does not change it."""
    return project.once("school_listings.paged", lambda: sum(len(d.schools) for d in districts(project)) > INLINE_SCHOOLS)


def _school_row(school: SchoolPlan, src_uri: str) -> str:
    plan, counts = school.plan, summary(school.findings)
    must = sum(1 for f in school.findings if f.rule.severity == "必须" and f.status != NOT_APPLICABLE)
    c = plan["counts"]
    if school.compliant:
        status = '<span class="plan-status plan-met">✓ 符合</span>'
    else:
        status = f'<span class="plan-status plan-not_met">✗ {counts[NOT_MET]} 项未达标</span>'
    detail = f"必须条款达标 {must - counts[NOT_MET]}/{must}" + (f"，建议改进 {counts[ADVISORY]} 项" if counts[ADVISORY] else "")
    sample = ' <span class="plan-sample">示例</span>' if plan.get("sample") else ""
    link = relative_link(src_uri, f"schools/{school.id}.md")
    return (
        f"| [{md_esc(plan['name'])}]({link}){sample} | {md_esc(plan['stage'])}<br><small>{md_esc(grades_label(plan['grades']))}</small> "
        f"| {c['teachers']} / {c['mentors']} / {c['students']} | {status}<br><small>{detail}</small> |"
    )


SCHOOL_TABLE_HEAD = ["| 学校 | 学段 | 教师 / 导师 / 学生 | 政策核对 |", "|---|---|---|---|"]


def _totals_row(district: District) -> str:
    teachers, mentors, students, compliant = district.totals()
    n = len(district.schools)
    return (
        f"| **合计：{n} 所** | | **{teachers} / {mentors} / {students}** | 符合 {compliant} 所，有未达标条款 {n - compliant} 所 |"
    )


def school_index(project: Project, src_uri: str = OVERVIEW) -> str:
    """The 一校一策 overview: city totals, the district summary, and (small city) every school by district."""
    found = districts(project)
    if not found:
        return "目前还没有学校方案。\n"
    paged = is_paged(project)
    totals = [d.totals() for d in found]
    schools = sum(len(d.schools) for d in found)
    teachers, mentors, students, compliant = (sum(t[i] for t in totals) for i in range(4))
    out = [
        f"共 {len(found)} 个区、{schools} 所学校：教师 {teachers} 人，导师 {mentors} 人，学生 {students} 人；"
        f"符合必须条款 {compliant} 所，有未达标条款 {schools - compliant} 所。",
        "",
        "## 各区汇总",
        "",
        "| 区 | 学校 | 教师 / 导师 / 学生 | 符合必须条款 | 有未达标条款 |",
        "|---|---|---|---|---|",
    ]
    for district, (t, m, s, ok) in zip(found, totals, strict=True):
        href = relative_link(src_uri, district.page) if paged else f"#{district.slug}"
        n = len(district.schools)
        out.append(f"| [{md_esc(district.name)}]({href}) | {n} | {t} / {m} / {s} | {ok} | {n - ok} |")
    out.append("")
    if paged:
        out += ["各区的学校名单和每所学校的核对结果在各区页面中；也可以用搜索框按校名或区名查找学校。", ""]
        return "\n".join(out)
    for district in found:
        out += [f"## {md_esc(district.name)} {{#{district.slug}}}", "", *SCHOOL_TABLE_HEAD]
        out += [_school_row(school, src_uri) for school in district.schools]
        out += [_totals_row(district), ""]
    return "\n".join(out)


def district_pages(project: Project) -> list[tuple[str, str]]:
    """(src_uri, Markdown) of every district page; none while the overview lists every school."""
    if not is_paged(project):
        return []
    out = []
    for district in districts(project):
        pages = paginate(district.schools, SCHOOLS_PER_PAGE)
        teachers, mentors, students, compliant = district.totals()
        n = len(district.schools)
        for number, chunk in enumerate(pages, 1):
            src = page_uri(district.page, number)
            nav = pager(district.page, number, len(pages))
            where = f"本页第 {page_range(pages, number)} 所。" if len(pages) > 1 else ""
            lines = [
                front_matter(page_title(f"一校一策：{district.name}", number, len(pages)))
                + f"# {md_esc(district.name)}：学校方案",
                "",
                f"[← 一校一策总览]({relative_link(src, OVERVIEW)})",
                "",
                f"共 {n} 所学校：教师 {teachers} 人，导师 {mentors} 人，学生 {students} 人；"
                f"符合必须条款 {compliant} 所，有未达标条款 {n - compliant} 所。{where}",
                "",
                nav,
                *SCHOOL_TABLE_HEAD,
                *[_school_row(school, src) for school in chunk],
                "",
                pager(district.page, number, len(pages), label="分页（页尾）"),
            ]
            out.append((src, "\n".join(lines).rstrip("\n") + "\n"))
    return out


def school_listing_pages(project: Project) -> list[GeneratedPage]:
    """Collection: the district pages of a large city."""
    from macros.core.pages import GeneratedPage

    return [GeneratedPage(src, content=text) for src, text in district_pages(project)]
