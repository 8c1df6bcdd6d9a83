"""What the policy domain contributes: the policy library's checks and the policy pages."""

from __future__ import annotations

from macros.core.registry import Domain, HtmlPass
from macros.policy.access import check_clause_citations, check_comparison, check_glossary, check_policies
from macros.policy.page_macros import MACROS, add_tooltips, always, focusable_notes, search_terms, tooltip_terms
from macros.policy.pages import render_policy_page

DOMAIN = Domain(
    "policy",
    checks=(check_policies, check_glossary, check_comparison, check_clause_citations),
    markdown_renderers=(render_policy_page,),
    html_passes=(
        HtmlPass("policy.focusable-notes", 20, always, focusable_notes),
        HtmlPass("policy.glossary-tooltips", 40, tooltip_terms, add_tooltips),  # last: it reads the final text
    ),
    macros=MACROS,
    search_terms=(search_terms,),
)
