"""The 一校一策 editor page (``schools/editor/``): a school fills in its plan in the browser,
sees the compliance panel live, and downloads the YAML for the district.

The page is static: ``docs/assets/portal/editor-ui.js`` (loaded by ``editor.js``) reads the files
the site already publishes for schools (the plan schema ``schools/school-plan.schema.json``
and the blank template ``schools/school-plan-template.yml``) and the rules with their JSON
Logic checks (``schools/plan-rules.json``, written here), then builds the form from the
schema. Their addresses are Markdown links on the page, so MkDocs makes them relative as for
any page. The clause links of each rule are rendered here, by the same code as on the school
pages, into a hidden block that the panel copies; the editor page sits in ``schools/`` like
every school page, so the links are the same.
"""

from __future__ import annotations

import html
import json
from typing import TYPE_CHECKING

from macros.core.pages import GeneratedPage
from macros.plans.model import SCHEMA_COMMENT
from macros.plans.rules import ADVISORY, MET, NOT_APPLICABLE, NOT_MET, STATUS_LABELS, Rule

if TYPE_CHECKING:
    from macros.core.registry import Project

EDITOR_SRC = "schools/editor.md"
RULES_JSON = "schools/plan-rules.json"
# The person detector's table for post fields (组长, 成员): fetched by the editor page only.
POST_NAMES_JSON = "schools/post-names.json"
EDITOR_ID = "editor"  # a school cannot use this id (the page would clash)
LINK_TEXT = "在线填写或修改本校方案"


def rules_data(rules: list[Rule]) -> list[dict]:
    """The rules as the editor evaluates them (``schools/plan-rules.json``)."""
    return [{"id": r.id, "statement": r.statement, "severity": r.severity, "check": list(r.check)} for r in rules]


def editor_data(status: dict) -> dict:
    """The small settings the page carries itself: the schema line and the panel's words
    (``status``: the school pages' icons and order, passed in by plans/schools.py)."""
    return {
        "schemaComment": SCHEMA_COMMENT,
        "status": {
            "labels": STATUS_LABELS,
            "icons": status["icons"],
            "order": status["order"],
            "keys": {"notMet": NOT_MET, "advisory": ADVISORY, "met": MET, "na": NOT_APPLICABLE},
        },
    }


def attribute_json(data: object) -> str:
    """JSON for an HTML attribute value. Not a ``<script>`` element: Material's instant
    navigation re-runs the scripts of a page it swaps in, whatever their type."""
    return html.escape(json.dumps(data, ensure_ascii=False, separators=(",", ":")), quote=True)


def editor_pages(
    project: Project, rules: list[Rule], source_links, schema_file: str, template_file: str, status: dict
) -> list[GeneratedPage]:
    """The editor page and the rules file; ``source_links(project, rule, src_uri)`` renders a rule's clause links."""
    rules_json = json.dumps(rules_data(rules), ensure_ascii=False, separators=(",", ":"))
    page = editor_page(project, rules, source_links, schema_file, template_file, status)
    posts_json = json.dumps(project.registry.post_table, ensure_ascii=False, separators=(",", ":"))
    return [
        GeneratedPage(EDITOR_SRC, content=page),
        GeneratedPage(RULES_JSON, content=rules_json),
        GeneratedPage(POST_NAMES_JSON, content=posts_json),
    ]


def editor_page(project: Project, rules: list[Rule], source_links, schema_file: str, template_file: str, status: dict) -> str:
    """The Markdown of ``schools/editor.md``."""
    here = EDITOR_SRC.rsplit("/", 1)[0] + "/"
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
            '<p class="editor-loading" data-search-exclude>正在加载编辑器……（需要启用浏览器的 JavaScript）</p>',
            "</div>",
            "",
            f'<div id="plan-editor-data" hidden data-json="{attribute_json(editor_data(status))}"></div>',
            "",
            '<div id="plan-editor-files" hidden data-search-exclude markdown>',
            "",
            f"[schema]({schema_file.removeprefix(here)}) [template]({template_file.removeprefix(here)})"
            f" [rules]({RULES_JSON.removeprefix(here)}) [posts]({POST_NAMES_JSON.removeprefix(here)})",
            "",
            "</div>",
            "",
            '<div id="plan-editor-sources" hidden data-search-exclude markdown>',
            "",
            *sources,
            "",
            "</div>",
            "",
        ]
    )
