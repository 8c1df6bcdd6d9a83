"""Page-level rendering: pure functions called by the hook for every page.

Each ``render_*`` returns ``None`` when it does not apply, so the hook keeps
the page as it was.
"""

from __future__ import annotations

from .casebook import render_case_page
from .glossary import add_tooltips
from .handbooks import label_task_checkboxes, render_chapter_page, render_print_content
from .policies import anchor_policy_markdown, render_policy_header
from .project import Project
from .training import render_training_lesson


def render_policy_page(project: Project, src_uri: str, markdown: str) -> str | None:
    """Policy pages get clause anchors and, after their title, the metadata block."""
    policy = next((p for p in project.library.policies if p.src_uri == src_uri), None)
    if policy is None:
        return None
    body = anchor_policy_markdown(markdown)
    header = render_policy_header(policy, project.library)
    lines = body.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("# "):
            return "\n".join(lines[: i + 1] + ["", header] + lines[i + 1 :])
    return header + "\n" + body


def render_page_markdown(project: Project, src_uri: str, markdown: str) -> str | None:
    for render in (render_policy_page, render_chapter_page, render_training_lesson, render_case_page):
        result = render(project, src_uri, markdown)
        if result is not None:
            return result
    return None


def render_page_content(project: Project, src_uri: str, meta: dict, html: str) -> str | None:
    html = label_task_checkboxes(html)
    html = render_print_content(meta, html) or html
    if meta.get("glossary_tooltips") is False:
        return html
    return add_tooltips(html, project.glossary)
