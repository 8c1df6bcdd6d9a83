"""What the 一校一策 domain contributes: school files checked (prefetched on the second
core), rule findings as notes, school pages, district listings and downloads."""

from __future__ import annotations

from macros.core.registry import Domain
from macros.plans.listings import school_listing_pages
from macros.plans.loading import check_school_plans, prefetch_schools, report_school_plans
from macros.plans.schools import school_pages

DOMAIN = Domain(
    "plans",
    late_checks=(check_school_plans,),
    reports=(report_school_plans,),
    prefetch=prefetch_schools,
    pages=(school_pages,),
    late_pages=(school_listing_pages,),
)
