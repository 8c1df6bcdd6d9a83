"""The handbook domain's macros and its share of every page's HTML, registered in
:mod:`macros.handbook.domain`."""

from __future__ import annotations

from macros.core.page_macros import MacroError, MacroPage
from macros.core.registry import Project
from macros.handbook import handbooks, printing
from macros.handbook.handbooks import project_handbooks, render_contents, render_overview
from macros.handbook.templates import project_templates, render_template_link


def template_link(page: MacroPage, template_id: str, text: str | None = None) -> str:
    """Download link to a handbook template (.docx): ``{{ template_link("home-visit-record") }}``."""
    try:
        return render_template_link(project_templates(page.project), template_id, page.url, text)
    except LookupError as err:
        raise MacroError(str(err)) from err


def handbook_contents(page: MacroPage) -> str:
    """Chapter list of the handbook whose index page this is."""
    parts = page.src_uri.split("/")
    handbook = next((h for h in project_handbooks(page.project) if len(parts) > 2 and h.id == parts[1]), None)
    if handbook is None:
        raise MacroError("handbook_contents() 只能用在手册首页 docs/handbooks/<手册>/index.md 中", shown="")
    return render_contents(handbook, page.src_uri)


def handbook_overview(page: MacroPage) -> str:
    """Every handbook with its chapters, and every template, for handbooks/index.md."""
    project = page.project
    return render_overview(project_handbooks(project), project_templates(project), page.src_uri, page.url)


MACROS = {"template_link": template_link, "handbook_contents": handbook_contents, "handbook_overview": handbook_overview}


def always(project: Project, meta: dict) -> bool:
    return True


def print_view(project: Project, meta: dict) -> bool | None:
    return True if meta.get("print_view") else None


def label_task_checkboxes(_setting: object, html: str) -> str:
    return handbooks.label_task_checkboxes(html)


def print_content(_setting: object, html: str) -> str:
    return printing.render_print_content({"print_view": True}, html) or html
