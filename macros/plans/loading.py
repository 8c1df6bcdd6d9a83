"""一校一策 data: the school files loaded, validated and checked against the policy rules.

Schema errors in a school file are build errors, and so are placeholders in a published
plan (:mod:`macros.plans.plan_checks`). Rule findings are the content of the compliance
panel and of ``scripts/check.py``'s report (as notes): a plan that breaks the policy is
exactly what the district should see, so it does not stop the build. A draft
(``status: 草稿``) is checked and its placeholders reported as notes; it is not published.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from macros.build import cache as buildcache
from macros.core.messages import message as say
from macros.core.problems import Problem
from macros.core.yamlload import Document, Prefetch, validate
from macros.plans.editor_page import EDITOR_ID
from macros.plans.model import PLAN_SCHEMA, SCHOOLS_DIR, TEMPLATE_FILE
from macros.plans.plan_checks import is_draft, normalise_district, plan_problems
from macros.plans.rules import ADVISORY, NOT_MET, RULES_FILE, STATUS_LABELS, Finding, Rule, check_plan, load_rules
from macros.policy.access import library

if TYPE_CHECKING:
    from macros.core.registry import Project

DOWNLOAD_TEMPLATE = "schools/school-plan-template"  # .yml and .docx on the site
DOWNLOAD_SCHEMA = "schools/school-plan.schema.json"
RESERVED_IDS = ("index", DOWNLOAD_TEMPLATE.split("/")[-1], EDITOR_ID)


@dataclass
class SchoolPlan:
    id: str
    rel: str  # data/schools/<id>.yml
    doc: Document
    findings: list[Finding] = field(default_factory=list)

    @property
    def plan(self) -> dict:
        return self.doc.data

    @property
    def compliant(self) -> bool:
        return not any(f.status == NOT_MET for f in self.findings)


def school_files(root: Path) -> list[Path]:
    """School files, without the template and other files starting with “_”."""
    return sorted(p for p in (root / SCHOOLS_DIR).glob("*.yml") if not p.name.startswith("_"))


def validate_plan(doc: Document, expected_id: str | None) -> list[Problem]:
    """Schema problems of one school file; ``expected_id`` is the file name it must match."""
    problems = validate(doc, PLAN_SCHEMA)
    data = doc.data if isinstance(doc.data, dict) else {}
    if expected_id is not None and isinstance(data.get("id"), str) and data["id"] != expected_id:
        problems.append(doc.problem(("id",), say("loading.validate-plan", v1=data["id"], expected_id=expected_id)))
    if data.get("id") in RESERVED_IDS:
        problems.append(doc.problem(("id",), say("loading.validate-plan-2", v1=data["id"])))
    counts = data.get("counts")
    if isinstance(counts, dict) and all(isinstance(counts.get(k), int) for k in ("teachers", "mentors")):
        if counts["mentors"] > counts["teachers"]:
            problems.append(
                doc.problem(("counts", "mentors"), say("loading.validate-plan-3", v1=counts["mentors"], v2=counts["teachers"]))
            )
    return problems


@dataclass
class SchoolsState:
    rules: list[Rule]
    schools: list[SchoolPlan]  # published: pages, overview, Word files
    problems: list[Problem]
    drafts: list[SchoolPlan] = field(default_factory=list)  # checked and reported, not published
    draft_notes: list[Problem] = field(default_factory=list)


def load_schools(project: Project) -> SchoolsState:
    """Rules and every valid school with its findings, loaded once per project."""
    return project.once("schools.state", lambda: _load_schools(project))


def _load_schools(project: Project) -> SchoolsState:
    problems: list[Problem] = []
    rules, rule_problems = _rules(project)
    problems += rule_problems
    _rules_keyed(project)  # made here, with the table it keys (see _findings)
    template, found = project.data(TEMPLATE_FILE)
    problems += found
    if template is not None:
        problems += validate_plan(template, None)
    schools: list[SchoolPlan] = []
    drafts: list[SchoolPlan] = []
    draft_notes: list[Problem] = []
    for path in school_files(project.root):
        # One value per school file: under `mkdocs serve` a saved plan is checked again alone.
        loaded = project.once_each("schools.plan", _load_school, project.display(path))
        problems += loaded.problems
        if loaded.school is None:
            continue
        if loaded.draft:
            drafts.append(loaded.school)
            draft_notes += loaded.notes
        else:
            schools.append(loaded.school)
    return SchoolsState(rules, schools, problems, drafts, draft_notes)


@dataclass
class LoadedSchool:
    """One school file: the plan if it is valid (a draft or published), and what it reported."""

    school: SchoolPlan | None
    problems: list[Problem]
    draft: bool = False
    notes: list[Problem] = field(default_factory=list)  # a draft's placeholders, as notes


def school_at(project: Project, rel: str) -> LoadedSchool:
    """The school file ``rel`` (data/schools/<id>.yml) loaded and checked, once per project."""
    return project.once_each("schools.plan", _load_school, rel)


def _load_school(project: Project, rel: str) -> LoadedSchool:
    doc, problems = project.data(rel)
    if doc is None or problems:
        return LoadedSchool(None, list(problems))
    normalise_district(doc.data)
    stem = Path(rel).stem
    schema_problems = validate_plan(doc, stem)
    if schema_problems:
        return LoadedSchool(None, schema_problems)
    school = SchoolPlan(stem, rel, doc, _findings(project, doc.data, _rules(project)[0]))
    if is_draft(doc.data):
        return LoadedSchool(school, [], True, plan_problems(doc, project.registry.person_names, severity="note"))
    return LoadedSchool(school, plan_problems(doc, project.registry.person_names))


def _rules(project: Project) -> tuple[list[Rule], list[Problem]]:
    """The policy rules every plan is checked against, and the rules file's problems."""

    def make() -> tuple[list[Rule], list[Problem]]:
        rules_doc, found = project.data(RULES_FILE)
        rules, rule_problems = load_rules(rules_doc, library(project))
        return rules, found + rule_problems

    return project.once("schools.rules", make)


def _rules_keyed(project: Project) -> buildcache.Keyed:
    return project.once("schools.rules-keyed", lambda: buildcache.Keyed(_rules(project)[0]))


def _findings(project: Project, plan: dict, rules: list[Rule]) -> list[Finding]:
    """check_plan, remembered: evaluating the JSON Logic rules takes ~0.2 ms a plan, which
    1,600 plans turn into a visible part of a rebuild. Keyed on the plan and the rules."""
    keyed = _rules_keyed(project)
    if keyed.value is not rules:  # another rules table than the build's (a test)
        keyed = buildcache.Keyed(rules)
    by_id = {rule.id: rule for rule in rules}
    return [Finding(by_id[rule_id], status, detail, loc) for rule_id, status, detail, loc in _evaluate(plan, keyed)]


@buildcache.memoised("plan-findings")
def _evaluate(plan: dict, rules: buildcache.Keyed) -> list[tuple]:
    return [(f.rule.id, f.status, f.detail, f.loc) for f in check_plan(plan, rules.value)]


def prefetch_schools(project: Project) -> Prefetch:
    """Parse and validate in the background the school files the cache does not have yet."""
    return Prefetch([(path, project.display(path)) for path in school_files(project.root)], PLAN_SCHEMA, project.root)


def check_school_plans(project: Project) -> list[Problem]:
    """Build errors: the rules file, the template and every school file against the schema."""
    return load_schools(project).problems


def finding_problem(school: SchoolPlan, finding: Finding) -> Problem:
    label = STATUS_LABELS[finding.status]
    message = f"{label}：{finding.rule.statement}（{finding.detail}）"
    return school.doc.problem(finding.loc, message, severity="note", rule=finding.rule.id)


def report_school_plans(project: Project) -> list[Problem]:
    """Rule findings that need attention (not met and advisory), as notes for scripts/check.py."""
    state = load_schools(project)
    notes = list(state.draft_notes)
    for school in state.schools + state.drafts:
        notes += [finding_problem(school, f) for f in school.findings if f.status in (NOT_MET, ADVISORY)]
    return notes
