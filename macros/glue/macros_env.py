"""Macros for the portal's pages. This module only registers them with
mkdocs-macros; the work is done in the domain modules of this package."""

from __future__ import annotations

from pathlib import Path

from macros.casebook.listings import casebook_overview
from macros.core import site
from macros.core.escaping import esc
from macros.handbook.handbooks import project_handbooks, render_contents, render_overview
from macros.handbook.templates import project_templates, render_template_link
from macros.plans.listings import school_index as render_school_index
from macros.policy.access import clause_link, glossary_terms
from macros.policy.comparison import render_comparison
from macros.policy.glossary import render_glossary
from macros.policy.policies import UnknownReference
from macros.tips.tips import tips_index


def define_env(env) -> None:
    def src_uri() -> str:
        return env.page.file.src_uri

    @env.macro
    def clause(doc: str, key: str | None = None, text: str | None = None) -> str:
        """Link to a policy clause: ``{{ clause("沪教委德〔2023〕25号", "五（三）") }}``."""
        project = site.current()
        try:
            return clause_link(project, doc, key, src_uri(), text)
        except UnknownReference as err:
            # Reported without a traceback; the hook stops the build after rendering.
            source = env.page.file.abs_src_path or env.page.file.src_uri
            project.render_error(project.display(Path(source)), f"条款引用无效：{err}")
            return f"**条款引用无效：{esc(err)}**"

    @env.macro
    def glossary_list() -> str:
        project = site.current()
        return render_glossary(glossary_terms(project), lambda d, c: clause_link(project, d, c or None, src_uri()))

    @env.macro
    def policy_comparison() -> str:
        project = site.current()
        doc, _ = project.data("data/policy_comparison.yml")
        return render_comparison(doc.data, lambda d, c, t: clause_link(project, d, c, src_uri(), t))

    # -- handbooks ---------------------------------------------------------------
    @env.macro
    def template_link(template_id: str, text: str | None = None) -> str:
        """Download link to a handbook template (.docx): ``{{ template_link("home-visit-record") }}``."""
        project = site.current()
        try:
            return render_template_link(project_templates(project), template_id, env.page.url, text)
        except LookupError as err:
            source = env.page.file.abs_src_path or env.page.file.src_uri
            project.render_error(project.display(Path(source)), str(err))
            return f"**{esc(err)}**"

    @env.macro
    def handbook_contents() -> str:
        """Chapter list of the handbook whose index page this is."""
        project = site.current()
        parts = src_uri().split("/")
        handbook = next((h for h in project_handbooks(project) if len(parts) > 2 and h.id == parts[1]), None)
        if handbook is None:
            source = env.page.file.abs_src_path or env.page.file.src_uri
            project.render_error(
                project.display(Path(source)), "handbook_contents() 只能用在手册首页 docs/handbooks/<手册>/index.md 中"
            )
            return ""
        return render_contents(handbook, src_uri())

    @env.macro
    def handbook_overview() -> str:
        """Every handbook with its chapters, and every template, for handbooks/index.md."""
        project = site.current()
        return render_overview(project_handbooks(project), project_templates(project), src_uri(), env.page.url)

    @env.macro
    def school_index() -> str:
        """The 一校一策 overview: schools by district with compliance status."""
        return render_school_index(site.current(), src_uri())

    @env.macro
    def case_overview() -> str:
        """The casebook start page: counts by theme, 学段 and key task, featured collections."""
        return casebook_overview(site.current(), src_uri())

    @env.macro
    def tip_index() -> str:
        """The tips start page: collections, and every tip by key task and theme."""
        return tips_index(site.current(), src_uri())
