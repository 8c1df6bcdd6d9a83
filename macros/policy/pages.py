"""Policy pages as rendered: clause anchors in the text and, after the title, the metadata block."""

from __future__ import annotations

from typing import TYPE_CHECKING

from macros.core.markdown import insert_after_title
from macros.policy.access import library
from macros.policy.policies import anchor_policy_markdown, render_policy_header

if TYPE_CHECKING:
    from macros.core.registry import Project


def render_policy_page(project: Project, src_uri: str, markdown: str) -> str | None:
    """Policy pages get clause anchors and, after their title, the metadata block."""
    policy = next((p for p in library(project).policies if p.src_uri == src_uri), None)
    if policy is None:
        return None
    body = anchor_policy_markdown(markdown)
    header = render_policy_header(policy, library(project))
    with_header = insert_after_title(body, ["", header])
    return with_header if with_header is not None else header + "\n" + body
