"""The core's own content rules, registered like a domain: every file parses (YAML and
front matter), the theme vocabulary is valid, and no Traditional characters slip in."""

from __future__ import annotations

from macros.core.linkcheck import check_links
from macros.core.messages import message
from macros.core.pagemeta import check_page_markup
from macros.core.problems import Problem
from macros.core.project import check_syntax
from macros.core.registry import Domain, HtmlPass, Project
from macros.core.tables import data_tables, every_page
from macros.core.textcheck import check_traditional
from macros.core.themes import THEMES_FILE, THEMES_SCHEMA, theme_ids
from macros.core.yamlload import validate


def check_themes(project: Project) -> list[Problem]:
    """The theme vocabulary itself: valid, without repeats."""
    doc, problems = project.data(THEMES_FILE)
    if doc is None:
        return problems
    problems = problems + validate(doc, THEMES_SCHEMA)
    seen: set[str] = set()
    for i, theme in enumerate(theme_ids(doc)):
        if theme in seen:
            problems.append(doc.problem(("themes", i, "id"), message("domain.check-themes", theme=theme)))
        seen.add(theme)
    return problems


# check_syntax reads every data file: it runs after the domains' prefetches have filled the cache.
DOMAIN = Domain(
    "core",
    checks=(check_themes, check_traditional, check_page_markup),
    late_checks=(check_syntax, check_links),
    # Before the other passes: none of them looks at a table's own tags.
    # The wrappers are Material's own markup and CSS: a reliance the glue checks (compat.RELIANCES).
    html_passes=(HtmlPass("core.data-tables", 5, every_page, data_tables, relies_on="material-table-wrappers"),),
)
