"""The handbooks' fill-in templates (家访记录表, 谈心谈话记录表, 成长寄语) as .docx.

The templates are data (``data/handbook_templates.yml``); this module checks
that data, turns each template into a Word document with :mod:`docx_common`
and writes the files into the built site after the build (``on_post_build``).
Chapters link them with the ``template_link`` macro.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from macros.core.escaping import esc
from macros.core.markdown import line_col
from macros.core.messages import message
from macros.core.problems import Problem
from macros.core.yamlload import Document, validate
from macros.documents import docx_common as dx
from macros.policy.access import library
from macros.policy.policies import CLAUSE_CITATION_SCHEMA, PolicyLibrary, check_clause_refs

if TYPE_CHECKING:
    from macros.core.registry import Project

TEMPLATES_FILE = "data/handbook_templates.yml"
SITE_DIR = "handbooks/templates"  # where the files appear in the built site

_FIELD = {
    "type": ["string", "object"],
    "minLength": 1,
    "additionalProperties": False,
    "required": ["label"],
    "properties": {
        "label": {"type": "string", "minLength": 1},
        "lines": {"type": "integer", "minimum": 1, "maximum": 20},
        "hint": {"type": "string"},
    },
}

TEMPLATES_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["templates"],
    "properties": {
        "templates": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["id", "title", "purpose", "sources", "sections"],
                "properties": {
                    "id": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"},
                    "title": {"type": "string", "minLength": 1},
                    "purpose": {"type": "string", "minLength": 1},
                    "sources": {
                        "type": "array",
                        "minItems": 1,
                        "items": CLAUSE_CITATION_SCHEMA,
                    },
                    "sections": {
                        "type": "array",
                        "minItems": 1,
                        "items": {
                            "type": "object",
                            "additionalProperties": False,
                            "required": ["heading"],
                            "properties": {
                                "heading": {"type": "string", "minLength": 1},
                                "text": {"type": "array", "items": {"type": "string", "minLength": 1}},
                                "fields": {"type": "array", "items": _FIELD},
                                "checklist": {"type": "array", "items": {"type": "string", "minLength": 1}},
                                "signature": {"type": "array", "items": {"type": "string", "minLength": 1}},
                            },
                        },
                    },
                },
            },
        }
    },
}


@dataclass(frozen=True)
class Section:
    heading: str
    text: tuple[str, ...] = ()
    fields: tuple[dx.FormRow, ...] = ()
    checklist: tuple[str, ...] = ()
    signature: tuple[str, ...] = ()


@dataclass(frozen=True)
class Template:
    id: str
    title: str
    purpose: str
    sources: tuple[tuple[str, str], ...]
    sections: tuple[Section, ...]

    @property
    def filename(self) -> str:
        return f"{self.id}.docx"

    @property
    def site_path(self) -> str:
        return f"{SITE_DIR}/{self.filename}"


def _row(value: str | dict) -> dx.FormRow:
    if isinstance(value, str):
        return dx.FormRow(value)
    return dx.FormRow(value["label"], value.get("lines", 1), value.get("hint", ""))


def parse_templates(doc: Document | None) -> list[Template]:
    """Templates from a validated document (call :func:`check_template_data` first)."""
    if doc is None or not isinstance(doc.data, dict):
        return []
    templates = []
    for item in doc.data.get("templates", []):
        sections = tuple(
            Section(
                s["heading"],
                tuple(s.get("text", [])),
                tuple(_row(f) for f in s.get("fields", [])),
                tuple(s.get("checklist", [])),
                tuple(s.get("signature", [])),
            )
            for s in item["sections"]
        )
        sources = tuple((s["doc"], s["clause"]) for s in item["sources"])
        templates.append(Template(item["id"], item["title"], item["purpose"], sources, sections))
    return templates


def check_template_data(doc: Document, library: PolicyLibrary) -> list[Problem]:
    """Schema, unique ids and resolving clauses, all in one pass. Clauses resolve in ``library``."""
    problems = validate(doc, TEMPLATES_SCHEMA)
    items = doc.data.get("templates") if isinstance(doc.data, dict) else None
    seen: set[str] = set()
    for i, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict):
            continue
        if isinstance(item.get("id"), str):
            if item["id"] in seen:
                problems.append(
                    doc.problem(
                        ("templates", i, "id"), message("templates.check-template-data", v1=item["id"]), rule="HANDBOOK-TEMPLATE"
                    )
                )
            seen.add(item["id"])
        problems += check_clause_refs(doc, ("templates", i, "sources"), item.get("sources"), library)
        for k, section in enumerate(item.get("sections") or []):
            if isinstance(section, dict) and not any(section.get(key) for key in ("text", "fields", "checklist", "signature")):
                problems.append(
                    doc.problem(
                        ("templates", i, "sections", k),
                        message("templates.check-template-data-2"),
                        rule="HANDBOOK-TEMPLATE",
                    )
                )
    return sorted(set(problems), key=lambda p: (p.line, p.col, p.message))


_LINK_CALL = re.compile(r"""template_link\(\s*(["'])(.*?)\1""")


def check_template_links(display: str, text: str, ids: list[str]) -> list[Problem]:
    """Every ``template_link("id")`` in a page names a template that exists."""
    problems = []
    for m in _LINK_CALL.finditer(text):
        if m.group(2) not in ids:
            line, col = line_col(text, m.start())
            known = "、".join(ids) or "（无）"
            problems.append(
                Problem(
                    display,
                    line,
                    col,
                    message("templates.check-template-links", v1=m.group(2), known=known, TEMPLATES_FILE=TEMPLATES_FILE),
                    rule="HANDBOOK-TEMPLATE",
                )
            )
    return problems


def check_handbook_templates(project: Project) -> list[Problem]:
    """Registered in project.CHECKS: the template data, and every template_link in the pages."""
    doc, problems = project.data(TEMPLATES_FILE)
    if doc is None:
        return problems
    problems = problems + check_template_data(doc, library(project))
    items = doc.data.get("templates") if isinstance(doc.data, dict) else None
    ids = (
        list(dict.fromkeys(t["id"] for t in items if isinstance(t, dict) and isinstance(t.get("id"), str)))
        if isinstance(items, list)
        else []
    )
    for path in project.markdown_files():
        text = path.read_text(encoding="utf-8-sig", errors="replace")
        if "template_link(" in text:
            problems += check_template_links(project.display(path), text, ids)
    return problems


def project_templates(project: Project) -> list[Template]:
    doc, problems = project.data(TEMPLATES_FILE)
    if problems or doc is None or check_template_data(doc, library(project)):
        return []
    return parse_templates(doc)


# -- Word -------------------------------------------------------------------------

NOTICE = "示例模板：由本门户编写，不是官方文本，可按本校要求修改后使用。"


def build_template(template: Template, source_label: Callable[[str, str], str]) -> dx.Document:
    """The Word document of one template. ``source_label(doc, clause)`` names a cited clause."""
    word = dx.new_document(template.title, template.purpose, form=True)
    dx.add_title(word, template.title, NOTICE)
    dx.add_text(word, template.purpose)
    label_mm = dx.form_label_width(row.label for section in template.sections for row in section.fields)
    for section in template.sections:
        dx.add_heading(word, section.heading)
        for text in section.text:
            dx.add_text(word, text)
        if section.fields:
            dx.add_form_table(word, section.fields, label_mm)
        if section.checklist:
            dx.add_checkbox_list(word, section.checklist)
        if section.signature:
            dx.add_signature_line(word, section.signature)
    cites = "；".join(source_label(doc, clause) for doc, clause in template.sources)
    dx.add_text(word, f"依据：{cites}", size=dx.SIZE_NOTE, indent=False)
    return word


def template_docx(project: Project, template: Template) -> bytes:
    """The .docx bytes of one template, its sources named as the policy library names them."""

    def label(doc: str, clause: str) -> str:
        policy, found = library(project).resolve(doc, clause)
        return f"{policy.label} {found.key}" if found else policy.label

    return dx.document_bytes(build_template(template, label))


def write_templates(project: Project, site_dir: Path) -> list[Path]:
    """Write every template into ``site_dir/handbooks/templates/``; returns the files written."""
    out_dir = Path(site_dir) / SITE_DIR
    written = []
    for template in project_templates(project):
        out_dir.mkdir(parents=True, exist_ok=True)
        path = out_dir / template.filename
        path.write_bytes(template_docx(project, template))
        written.append(path)
    return written


def template_href(template: Template, page_url: str) -> str:
    """Relative address of a template's file from a page's URL (``handbooks/family/home-visit/``)."""
    base = posixpath.dirname(page_url) if not page_url.endswith("/") else page_url.rstrip("/")
    return posixpath.relpath(template.site_path, base or ".")


def render_template_link(templates: list[Template], template_id: str, page_url: str, text: str | None = None) -> str:
    """An HTML download link (raw HTML: the file is written after MkDocs validates links)."""
    template = next((t for t in templates if t.id == template_id), None)
    if template is None:
        known = "、".join(t.id for t in templates) or "（无）"
        raise LookupError(f"没有 id 为“{template_id}”的模板，可用：{known}（见 {TEMPLATES_FILE}）")
    label = text or f"下载《{template.title}》（Word）"
    href = template_href(template, page_url)
    return f'<a class="handbook-download" href="{esc(href)}" download>{esc(label)}</a>'
