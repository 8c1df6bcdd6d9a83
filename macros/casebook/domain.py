"""What the casebook contributes: published cases (the one publication gate), their
listings and pages, and the checks, the anonymisation gate among them (over tips and news too)."""

from __future__ import annotations

from macros.casebook.anon_post import post_field_table
from macros.casebook.anon_scope import check_published_texts
from macros.casebook.anonymise import person_names, warm_up
from macros.casebook.cases import casebook_pages, check_casebook, published_cases
from macros.casebook.listings import casebook_listing_pages, casebook_overview, check_collections, check_listing_names
from macros.casebook.pages import render_case_page
from macros.core.page_macros import MacroPage
from macros.core.registry import Domain, Project


def case_sources(project: Project) -> list[str]:
    """The case pages, converted ahead on the second core with the school pages (cold builds)."""
    return [case.src_uri for case in published_cases(project)]


def case_overview(page: MacroPage) -> str:
    """The casebook start page: counts by theme, 学段 and key task, featured collections."""
    return casebook_overview(page.project, page.src_uri)


DOMAIN = Domain(
    "casebook",
    checks=(check_casebook, check_collections, check_listing_names, check_published_texts),
    pages=(casebook_pages,),
    late_pages=(casebook_listing_pages,),
    markdown_renderers=(render_case_page,),
    render_ahead=(case_sources,),
    macros={"case_overview": case_overview},
    warm_up=(warm_up,),  # the anonymisation dictionaries, before a preview's first edit
    person_names=person_names,
    post_table=post_field_table,
)
