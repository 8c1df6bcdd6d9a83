"""What the 一校一策 domain contributes: school files checked (prefetched on the second
core), rule findings as notes, school pages, district listings and downloads."""

from __future__ import annotations

from macros.core.page_macros import MacroPage
from macros.core.registry import Domain, Project
from macros.plans.listings import school_index as render_school_index
from macros.plans.listings import school_listing_pages
from macros.plans.loading import check_school_plans, load_schools, prefetch_schools, report_school_plans
from macros.plans.plan_html import school_page_tail
from macros.plans.schools import school_pages, school_search_entries


def school_index(page: MacroPage) -> str:
    """The 一校一策 overview: schools by district with compliance status."""
    return render_school_index(page.project, page.src_uri)


def school_sources(project: Project) -> list[str]:
    """The school pages (one per school file), converted ahead on the second core."""
    return [f"schools/{s.id}.md" for s in load_schools(project).schools]


DOMAIN = Domain(
    "plans",
    late_checks=(check_school_plans,),
    reports=(report_school_plans,),
    prefetch=prefetch_schools,
    pages=(school_pages,),
    late_pages=(school_listing_pages,),
    macros={"school_index": school_index},
    # One compact entry per school, not every sentence of its plan.
    search_entries=(school_search_entries,),
    render_ahead=(school_sources,),
    # A plan's sections written as HTML directly (3.2 of a school page's 4.4 ms conversion).
    html_tails=(school_page_tail,),
)
