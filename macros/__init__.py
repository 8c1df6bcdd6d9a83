"""Macros for the portal's pages. This module only registers them with
mkdocs-macros; the work is done in the domain modules of this package."""

from __future__ import annotations

from pathlib import Path

from . import site
from .comparison import render_comparison
from .glossary import render_glossary
from .policies import UnknownReference
from .text import esc


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
