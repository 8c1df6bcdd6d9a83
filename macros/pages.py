"""Page-level rendering: pure functions called by the hook for every page.

Each ``render_*`` returns ``None`` when it does not apply, so the hook keeps
the page as it was.
"""

from __future__ import annotations

from . import buildcache, glossary, handbooks, learn_reading
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
    tooltips = meta.get("glossary_tooltips") is not False
    print_view = bool(meta.get("print_view"))
    terms = project.once("glossary-terms-key", lambda: repr(project.glossary)) if tooltips else ""
    if not buildcache.serving:
        return _page_content(project, tooltips, print_view, html)
    # Kept in memory between `mkdocs serve` rebuilds: this pass over every page's HTML is
    # the largest share of our own work in a rebuild (docs/about/performance.md).
    memo = project.once("page-content-memo", lambda: buildcache.memo("page-content", _content_version(), persist=False))
    key = f"{tooltips}\0{print_view}\0{terms}\0{html}"
    return buildcache.cached(memo, key, lambda: _page_content(project, tooltips, print_view, html))


def _page_content(project: Project, tooltips: bool, print_view: bool, html: str) -> str:
    html = learn_reading.focusable_notes(label_task_checkboxes(html))
    if print_view:
        html = render_print_content({"print_view": True}, html) or html
    return add_tooltips(html, project.glossary) if tooltips else html


def _content_version() -> str:
    return buildcache.fingerprint(*buildcache.source_of(glossary, handbooks, learn_reading))
