"""The 一校一策 editor page (``schools/editor/``): a school fills in its plan in the browser,
sees the compliance panel live, and downloads the YAML for the district.

The page is static: this module writes its Markdown with everything the browser needs
embedded as JSON (the plan schema, the rules with their JSON Logic checks, the blank
template), and ``docs/assets/editor.js`` builds the form from the schema. The clause
links of each rule are rendered here, by the same code as on the school pages, into a
hidden block that the panel copies; the editor page sits in ``schools/`` like every
school page, so the links are the same.
"""

from __future__ import annotations

import html
import json
from typing import TYPE_CHECKING

from .plan_rules import ADVISORY, MET, NOT_APPLICABLE, NOT_MET, STATUS_LABELS, Rule
from .plans import PLAN_SCHEMA, SCHEMA_COMMENT, template_yaml

if TYPE_CHECKING:
    from .project import Project

EDITOR_SRC = "schools/editor.md"
EDITOR_ID = "editor"  # a school cannot use this id (the page would clash)
LINK_TEXT = "在线填写或修改本校方案"


def editor_data(rules: list[Rule]) -> dict:
    """What the editor script reads: schema, rules and the blank template."""
    from .schools import STATUS_ICONS, STATUS_ORDER  # schools imports this module

    return {
        "schema": PLAN_SCHEMA,
        "schemaComment": SCHEMA_COMMENT,
        "template": template_yaml(),
        "rules": [{"id": r.id, "statement": r.statement, "severity": r.severity, "check": list(r.check)} for r in rules],
        "status": {
            "labels": STATUS_LABELS,
            "icons": STATUS_ICONS,
            "order": STATUS_ORDER,
            "keys": {"notMet": NOT_MET, "advisory": ADVISORY, "met": MET, "na": NOT_APPLICABLE},
        },
    }


def attribute_json(data: object) -> str:
    """JSON for an HTML attribute value. Not a ``<script>`` element: Material's instant
    navigation re-runs the scripts of a page it swaps in, whatever their type."""
    return html.escape(json.dumps(data, ensure_ascii=False, separators=(",", ":")), quote=True)


def editor_page(project: Project, rules: list[Rule], source_links) -> str:
    """The Markdown of ``schools/editor.md``; ``source_links(rule, src_uri)`` renders a rule's clause links."""
    sources = [f'<p data-rule="{rule.id}" markdown="span">{source_links(project, rule, EDITOR_SRC)}</p>' for rule in rules]
    return "\n".join(
        [
            "---",
            "title: 一校一策在线编辑器",
            "hide:",
            "  - navigation",
            "  - toc",
            "---",
            "",
            "# 一校一策在线编辑器",
            "",
            '<div class="editor-intro" markdown>',
            "",
            "在浏览器中填写或修改本校的《全员导师制工作学校实施方案》：打开本校的方案文件（.yml）或从空白模板开始，"
            "逐项填写，旁边的“政策符合情况”随填随变，与本校页面上的核对结果一致。"
            "填写内容只自动保存在这台电脑（或手机）的浏览器里，不会上传；填好后下载 YAML 文件，发给区里统一发布。",
            "",
            "</div>",
            "",
            '<div id="plan-editor" class="plan-editor">',
            '<p class="editor-loading">正在加载编辑器……（需要启用浏览器的 JavaScript）</p>',
            "</div>",
            "",
            f'<div id="plan-editor-data" hidden data-json="{attribute_json(editor_data(rules))}"></div>',
            "",
            '<div id="plan-editor-sources" hidden markdown>',
            "",
            *sources,
            "",
            "</div>",
            "",
        ]
    )
