"""Glossary of programme terms: its own page, and hover tooltips site-wide.

Python-Markdown's abbr extension matches on ``\\b`` word boundaries, which do
not exist between Chinese characters, so ``全员导师制`` inside a sentence would
never match. Instead the rendered HTML of each page is post-processed: terms
in ordinary text become ``<abbr title="…">``; links, code, headings and
existing abbreviations are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .policies import CLAUSE_REF_SCHEMA
from .problems import Problem
from .text import esc, md_esc
from .yamlload import Document, validate

GLOSSARY_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["terms"],
    "properties": {
        "terms": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["term", "definition"],
                "properties": {
                    "term": {"type": "string", "minLength": 1},
                    "aliases": {"type": "array", "items": {"type": "string", "minLength": 1}},
                    "definition": {"type": "string", "minLength": 1},
                    "sources": {"type": "array", "items": CLAUSE_REF_SCHEMA},
                },
            },
        }
    },
}


@dataclass(frozen=True)
class Term:
    term: str
    aliases: tuple[str, ...]
    definition: str
    sources: tuple[tuple[str, str], ...]  # (doc, clause)


def glossary_terms(doc: Document) -> tuple[list[Term], list[Problem]]:
    problems = validate(doc, GLOSSARY_SCHEMA)
    if problems:
        return [], problems
    terms: list[Term] = []
    seen: dict[str, int] = {}
    for i, item in enumerate(doc.data["terms"]):
        names = [item["term"], *item.get("aliases", [])]
        for name in names:
            if name in seen:
                problems.append(doc.problem(("terms", i, "term"), f"术语“{name}”重复（第 {seen[name]} 项已定义）"))
            seen[name] = i + 1
        sources = tuple((s["doc"], s.get("clause", "")) for s in item.get("sources", []))
        terms.append(Term(item["term"], tuple(item.get("aliases", [])), item["definition"], sources))
    return terms, problems


# Tags whose text must not be wrapped: links, code, headings, form labels …
_SKIP = {
    "a",
    "abbr",
    "code",
    "pre",
    "script",
    "style",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "button",
    "label",
    "textarea",
    "select",
    "option",
    "title",
    "svg",
    "dt",
    "kbd",
    "summary",
}
_TOKEN = re.compile(r"(<!--.*?-->|<[^>]+>)", re.S)
_TAG_NAME = re.compile(r"^</?\s*([a-zA-Z0-9]+)")
_VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col", "area", "base", "embed", "track"}


def add_tooltips(html: str, terms: list[Term]) -> str:
    """Wrap glossary terms found in ordinary text of ``html`` in ``<abbr title>``."""
    if not terms:
        return html
    definitions: dict[str, str] = {}
    for term in terms:
        for name in (term.term, *term.aliases):
            definitions[name] = term.definition
    # Longest first so 三项重点工作 wins over 重点工作.
    pattern = re.compile("|".join(re.escape(n) for n in sorted(definitions, key=len, reverse=True)))
    out: list[str] = []
    skip_depth = 0
    for token in _TOKEN.split(html):
        if not token:
            continue
        if token.startswith("<"):
            out.append(token)
            if token.startswith("<!--"):
                continue
            m = _TAG_NAME.match(token)
            if not m:
                continue
            name = m.group(1).lower()
            if name in _VOID or token.endswith("/>"):
                continue
            if token.startswith("</"):
                if name in _SKIP and skip_depth:
                    skip_depth -= 1
            elif name in _SKIP:
                skip_depth += 1
            continue
        if skip_depth:
            out.append(token)
            continue
        out.append(pattern.sub(lambda m: f'<abbr title="{esc(definitions[m.group(0)])}">{m.group(0)}</abbr>', token))
    return "".join(out)


def render_glossary(terms: list[Term], clause_link) -> str:
    """Markdown for the glossary page. ``clause_link(doc, clause)`` renders a citation."""
    parts = []
    for term in sorted(terms, key=lambda t: t.term):
        aliases = f"（又称：{'、'.join(md_esc(a) for a in term.aliases)}）" if term.aliases else ""
        cites = "；".join(clause_link(doc, clause) for doc, clause in term.sources)
        body = md_esc(term.definition) + (f"<br>依据：{cites}" if cites else "")
        parts.append(f"{md_esc(term.term)}{aliases}\n:   {body}")
    return '<div class="glossary" markdown>\n\n' + "\n\n".join(parts) + "\n\n</div>\n"
