"""The policy library, glossary and comparison of a project: loaded once per build,
and their checks. Every domain that links to a clause goes through :func:`clause_link`."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from macros.core.markdown import line_col
from macros.core.messages import message
from macros.core.problems import Problem
from macros.policy import comparison, glossary, policies

if TYPE_CHECKING:
    from macros.core.registry import Project

GLOSSARY_FILE = "data/glossary.yml"
COMPARISON_FILE = "data/policy_comparison.yml"


def library_and_problems(project: Project) -> tuple[policies.PolicyLibrary, list[Problem]]:
    return project.once("policy.library", lambda: policies.load_library(project.docs_dir, project.root))


def library(project: Project) -> policies.PolicyLibrary:
    return library_and_problems(project)[0]


def glossary_and_problems(project: Project) -> tuple[list[glossary.Term], list[Problem]]:
    return project.once("policy.glossary", lambda: _glossary(project))


def _glossary(project: Project) -> tuple[list[glossary.Term], list[Problem]]:
    doc, problems = project.data(GLOSSARY_FILE)
    if doc is None:
        return [], problems
    terms, found = glossary.glossary_terms(doc)
    # Check references even when other fields are wrong: all problems in one run.
    items = doc.data.get("terms") if isinstance(doc.data, dict) else None
    for i, item in enumerate(items if isinstance(items, list) else []):
        if isinstance(item, dict):
            found += policies.check_clause_refs(doc, ("terms", i, "sources"), item.get("sources"), library(project))
    return terms, problems + found


def glossary_terms(project: Project) -> list[glossary.Term]:
    return glossary_and_problems(project)[0]


def clause_link(project: Project, doc: str, clause: str | None, from_src_uri: str, text: str | None = None) -> str:
    return policies.render_clause_link(library(project), doc, clause, from_src_uri, text)


# -- checks ---------------------------------------------------------------------

_CLAUSE_CALL = re.compile(r"""clause\(\s*(["'])(.*?)\1\s*(?:,\s*(["'])(.*?)\3)?""")


# Syntax problems reach these checks too; the composition drops the repeats.
def check_policies(project: Project) -> list[Problem]:
    return library_and_problems(project)[1]


def check_glossary(project: Project) -> list[Problem]:
    return glossary_and_problems(project)[1]


def check_comparison(project: Project) -> list[Problem]:
    doc, _ = project.data(COMPARISON_FILE)
    if doc is None:
        return []
    return comparison.check_comparison(doc, library(project))


def check_clause_citations(project: Project) -> list[Problem]:
    """Every ``clause("doc", "key")`` written in a page resolves."""
    problems: list[Problem] = []
    for path in project.markdown_files():
        text = path.read_text(encoding="utf-8-sig", errors="replace")
        if "clause(" not in text:
            continue
        for m in _CLAUSE_CALL.finditer(text):
            line, col = line_col(text, m.start())
            try:
                library(project).resolve(m.group(2), m.group(4))
            except policies.UnknownReference as err:
                problems.append(Problem(project.display(path), line, col, message("access.check-clause-citations", err=err)))
    return problems
