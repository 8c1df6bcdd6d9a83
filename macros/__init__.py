"""Macros for the portal's pages. This module only registers them with
mkdocs-macros; the work is done in the domain modules of this package."""

from __future__ import annotations

from pathlib import Path

from . import site
from .case_listings import casebook_overview
from .comparison import render_comparison
from .glossary import render_glossary
from .policies import UnknownReference
from .text import esc
from .tips import tips_index


def define_env(env) -> None:
    def src_uri() -> str:
        return env.page.file.src_uri

    @env.macro
    def clause(doc: str, key: str | None = None, text: str | None = None) -> str:
        """Link to a policy clause: ``{{ clause("沪教委德〔2023〕25号", "五（三）") }}``."""
        project = site.current()
        try:
            return project.clause_link(doc, key, src_uri(), text)
        except UnknownReference as err:
            # Reported without a traceback; the hook stops the build after rendering.
            source = env.page.file.abs_src_path or env.page.file.src_uri
            project.render_error(project.display(Path(source)), f"条款引用无效：{err}")
            return f"**条款引用无效：{esc(err)}**"

    @env.macro
    def glossary_list() -> str:
        project = site.current()
        return render_glossary(project.glossary, lambda d, c: project.clause_link(d, c or None, src_uri()))

    @env.macro
    def policy_comparison() -> str:
        project = site.current()
        doc, _ = project.data("data/policy_comparison.yml")
        return render_comparison(doc.data, lambda d, c, t: project.clause_link(d, c, src_uri(), t))

    @env.macro
    def case_overview() -> str:
        """The casebook start page: counts by theme, 学段 and key task, featured collections."""
        return casebook_overview(site.current(), src_uri())

    @env.macro
    def tip_index() -> str:
        """The tips start page: collections, and every tip by key task and theme."""
        return tips_index(site.current(), src_uri())
