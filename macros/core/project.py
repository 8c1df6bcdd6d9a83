"""The project's content as one object: loaded once, checked once, shared by
the MkDocs build and ``scripts/check.py`` so the two never disagree.

Domain modules register their checks in :data:`CHECKS`; each check takes the
:class:`Project` and returns problems.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from macros.build import cache as buildcache
from macros.casebook.cases import check_casebook
from macros.casebook.listings import check_collections, check_listing_names
from macros.core.problems import Problem
from macros.core.textcheck import check_traditional
from macros.core.themes import THEMES_FILE, check_themes, theme_ids
from macros.core.yamlload import Document, load_front_matter, load_yaml_file
from macros.handbook.handbooks import check_handbooks
from macros.handbook.templates import check_handbook_templates
from macros.plans.schools import check_school_plans, report_school_plans
from macros.policy import comparison, glossary, policies
from macros.tips.news import check_news
from macros.tips.tips import check_tips
from macros.training.modules import check_training

GLOSSARY_FILE = "data/glossary.yml"
COMPARISON_FILE = "data/policy_comparison.yml"
CONTENT_DIRS = ("docs", "casebook", "training_modules", "tipbook")
DATA_DIRS = ("data",)


@dataclass
class Project:
    root: Path
    _data: dict[str, tuple[Document | None, list[Problem]]] = field(default_factory=dict)
    render_errors: list[str] = field(default_factory=list)
    _once: dict[str, Any] = field(default_factory=dict)
    _front_matter: dict[tuple[str, str], tuple[Document | None, str, list[Problem]]] = field(default_factory=dict)

    def once(self, key: str, make: Callable[[], Any]) -> Any:
        """``make()`` the first time ``key`` is asked for: a build loads each kind of content once."""
        if key not in self._once:
            self._once[key] = make()
        return self._once[key]

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    def display(self, path: Path) -> str:
        # Most paths are built from the root already: no need to resolve (a system call per
        # component, ten thousand times a build at city scale).
        if ".." not in path.parts:
            try:
                return path.relative_to(self.root).as_posix()
            except ValueError:
                pass
        try:
            return path.resolve().relative_to(self._resolved_root).as_posix()
        except ValueError:
            return path.as_posix()

    @cached_property
    def _resolved_root(self) -> Path:
        return self.root.resolve()

    def render_error(self, path: str, message: str) -> None:
        """An error found while rendering a page (e.g. a computed clause reference)."""
        line = f"{path}: error: {message}"
        self.render_errors.append(line)
        logging.getLogger("mkdocs.plugins.portal").error(line)

    def data(self, rel: str) -> tuple[Document | None, list[Problem]]:
        """A YAML data file, parsed once; a missing file is a problem too."""
        if rel not in self._data:
            path = self.root / rel
            if not path.exists():
                self._data[rel] = (None, [Problem(rel, 1, 1, "文件不存在")])
            else:
                self._data[rel] = load_yaml_file(path, rel)
        return self._data[rel]

    def front_matter(self, path: Path, display: str | None = None) -> tuple[Document | None, str, list[Problem]]:
        """A Markdown file's front matter and body, parsed once per build (many parts read the
        cases and pages: the checks, the publication gate, the theme index, the listings)."""
        display = display or self.display(path)
        key = (str(path), display)
        found = self._front_matter.get(key)
        if found is None:
            found = self._front_matter[key] = load_front_matter(path, display)
        return found

    @cached_property
    def library_and_problems(self) -> tuple[policies.PolicyLibrary, list[Problem]]:
        return policies.load_library(self.docs_dir, self.root)

    @property
    def library(self) -> policies.PolicyLibrary:
        return self.library_and_problems[0]

    @cached_property
    def library_key(self) -> str:
        """A fingerprint of the policy pages: part of the key of anything that links to clauses."""
        return buildcache.fingerprint(*sorted((self.docs_dir / "policies").glob("*.md")))

    @cached_property
    def glossary_and_problems(self) -> tuple[list[glossary.Term], list[Problem]]:
        doc, problems = self.data(GLOSSARY_FILE)
        if doc is None:
            return [], problems
        terms, found = glossary.glossary_terms(doc)
        # Check references even when other fields are wrong: all problems in one run.
        items = doc.data.get("terms") if isinstance(doc.data, dict) else None
        for i, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict):
                found += policies.check_clause_refs(doc, ("terms", i, "sources"), item.get("sources"), self.library)
        return terms, problems + found

    @property
    def themes(self) -> list[str]:
        """The theme vocabulary: every ``themes`` field in content must use these ids."""
        return theme_ids(self.data(THEMES_FILE)[0])

    @property
    def glossary(self) -> list[glossary.Term]:
        return self.glossary_and_problems[0]

    def clause_link(self, doc: str, clause: str | None, from_src_uri: str, text: str | None = None) -> str:
        return policies.render_clause_link(self.library, doc, clause, from_src_uri, text)

    def markdown_files(self) -> list[Path]:
        files: list[Path] = []
        for name in CONTENT_DIRS:
            files += sorted((self.root / name).rglob("*.md"))
        return files

    def data_files(self) -> list[Path]:
        files: list[Path] = []
        for name in DATA_DIRS:
            base = self.root / name
            files += sorted(p for p in base.rglob("*") if p.suffix in (".yml", ".yaml"))
        for name in CONTENT_DIRS[1:]:
            files += sorted(p for p in (self.root / name).rglob("*") if p.suffix in (".yml", ".yaml"))
        return files


# -- checks ---------------------------------------------------------------------

_CLAUSE_CALL = re.compile(r"""clause\(\s*(["'])(.*?)\1\s*(?:,\s*(["'])(.*?)\3)?""")


def check_syntax(project: Project) -> list[Problem]:
    """Every front matter and YAML file parses, without duplicate keys."""
    problems: list[Problem] = []
    for path in project.markdown_files():
        _, _, found = project.front_matter(path)
        problems += found
    for path in project.data_files():
        rel = project.display(path)
        problems += project.data(rel)[1]
    return problems


# Syntax problems reach these checks too; check_project drops the repeats.
def check_policies(project: Project) -> list[Problem]:
    return project.library_and_problems[1]


def check_glossary(project: Project) -> list[Problem]:
    return project.glossary_and_problems[1]


def check_comparison(project: Project) -> list[Problem]:
    doc, _ = project.data(COMPARISON_FILE)
    if doc is None:
        return []
    return comparison.check_comparison(doc, project.library)


def check_clause_citations(project: Project) -> list[Problem]:
    """Every ``clause("doc", "key")`` written in a page resolves."""
    problems: list[Problem] = []
    for path in project.markdown_files():
        text = path.read_text(encoding="utf-8-sig", errors="replace")
        if "clause(" not in text:
            continue
        for m in _CLAUSE_CALL.finditer(text):
            line = text.count("\n", 0, m.start()) + 1
            col = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
            try:
                project.library.resolve(m.group(2), m.group(4))
            except policies.UnknownReference as err:
                problems.append(Problem(project.display(path), line, col, f"条款引用无效：{err}"))
    return problems


CHECKS: list[Callable[[Project], list[Problem]]] = [
    check_syntax,
    check_policies,
    check_glossary,
    check_comparison,
    check_clause_citations,
    check_themes,
    check_traditional,
    check_handbooks,
    check_handbook_templates,
    check_training,
    check_school_plans,
    check_casebook,
    check_collections,
    check_tips,
    check_news,
]
CHECKS.append(check_listing_names)  # case ids that would collide with listing pages
# Run after the school files prefetched in the background are in the cache (check_project).
SCHOOL_CHECKS = (check_syntax, check_school_plans)

# Reports: findings that are content, not faults (severity "note"). scripts/check.py prints
# them; the build does not, so a sample plan that breaks the policy does not stop it.
REPORTS: list[Callable[[Project], list[Problem]]] = [
    report_school_plans,
]


def check_project(project: Project) -> list[Problem]:
    """Run every registered check; problems sorted by file and position, without repeats."""
    from macros.plans.schools import prefetch_schools

    problems: list[Problem] = []
    prefetch = prefetch_schools(project)  # on the second core while the other checks run
    for check in CHECKS:
        if check in SCHOOL_CHECKS:
            continue
        problems += check(project)
    prefetch.finish()
    for check in SCHOOL_CHECKS:
        problems += check(project)
    return sorted(set(problems), key=lambda p: (p.path, p.line, p.col, p.message))


def report_project(project: Project) -> list[Problem]:
    """Run every registered report (notes), sorted like the problems."""
    notes: list[Problem] = []
    for report in REPORTS:
        notes += report(project)
    return sorted(set(notes), key=lambda p: (p.path, p.line, p.col, p.message))
