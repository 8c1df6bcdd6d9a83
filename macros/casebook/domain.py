"""What the casebook contributes: published cases (the one publication gate), their
listings and pages, and the checks, the anonymisation gate among them (over tips and news too)."""

from __future__ import annotations

from macros.casebook.anon_post import post_field_table
from macros.casebook.anon_scope import check_published_texts
from macros.casebook.anonymise import person_names
from macros.casebook.cases import casebook_pages, check_casebook
from macros.casebook.listings import casebook_listing_pages, check_collections, check_listing_names
from macros.casebook.pages import render_case_page
from macros.core.registry import Domain

DOMAIN = Domain(
    "casebook",
    checks=(check_casebook, check_collections, check_listing_names, check_published_texts),
    pages=(casebook_pages,),
    late_pages=(casebook_listing_pages,),
    markdown_renderers=(render_case_page,),
    person_names=person_names,
    post_table=post_field_table,
)
