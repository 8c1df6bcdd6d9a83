"""What the policy domain contributes: the policy library's checks and the policy pages."""

from __future__ import annotations

from macros.core.registry import Domain
from macros.policy.access import check_clause_citations, check_comparison, check_glossary, check_policies
from macros.policy.pages import render_policy_page

DOMAIN = Domain(
    "policy",
    checks=(check_policies, check_glossary, check_comparison, check_clause_citations),
    markdown_renderers=(render_policy_page,),
)
