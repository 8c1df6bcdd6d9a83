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
from functools import lru_cache

from macros.core.escaping import esc, md_esc
from macros.core.messages import message
from macros.core.problems import Problem
from macros.core.yamlload import Document, validate
from macros.policy.policies import CLAUSE_REF_SCHEMA

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
                problems.append(doc.problem(("terms", i, "term"), message("glossary.glossary-terms", name=name, v2=seen[name])))
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
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# A comment, or a tag of a skipped element (group 1: "/" when closing, group 2: the name).
_SKIP_TAG = re.compile(
    r"<(?:!--.*?-->|(/?)\s*(" + "|".join(sorted(_SKIP, key=len, reverse=True)) + r")(?![a-zA-Z0-9])[^>]*>)",
    re.S | re.I,
)
# The same without re.I, three times cheaper; group 3 instead finds a tag name with a letter
# that re.I matches to another (an ASCII capital, or İ ı ſ and the Kelvin sign, which re.I takes
# for i, s and k). Until such a name, both see the same tags (the Markdown converter writes
# lowercase names); after one, the page is scanned again with ``_SKIP_TAG``
# (tests/test_glossary.py checks both on cased pages and on every page of the built site).
_CASE_FOLDS = "A-Z\u0130\u0131\u017f\u212a"  # İ ı ſ and the Kelvin sign
_SKIP_TAG_LOWER = re.compile(
    r"<(?:!--.*?-->|(/?)\s*(" + "|".join(sorted(_SKIP, key=len, reverse=True)) + rf")(?![a-z0-9{_CASE_FOLDS}])[^>]*>"
    rf"|(/?\s*[a-z]*[{_CASE_FOLDS}]))",
    re.S,
)


def _skip_tags(html: str, end: int) -> list[re.Match[str]]:
    """The tags of ``_SKIP`` elements and the comments that start before ``end``."""
    events = list(_SKIP_TAG_LOWER.finditer(html, 0, end))
    if any(event.group(3) for event in events):
        return list(_SKIP_TAG.finditer(html, 0, end))
    return events


def add_tooltips(html: str, terms: list[Term]) -> str:
    """Wrap glossary terms found in ordinary text of ``html`` in ``<abbr title>``.

    Not inside a tag or comment, and not inside the elements of ``_SKIP`` (links,
    headings, code, form labels …). Run on every page, so it works from the term
    matches outward rather than walking every tag: one pass finds the terms, one finds
    only the tags of ``_SKIP`` elements and comments, and the nesting depth of those is
    followed up to each match (tests/test_glossary.py checks it against a plain
    tag-by-tag walk on every page of the built site).

    Only a term's first occurrence in each section (from one heading to the next) is
    wrapped: underlining a term eight times in a paragraph marks nothing (issue 13).
    ``tabindex="0"`` puts the explanation in reach of the keyboard and of a tap:
    Material's tooltip opens on focus as well as on hover."""
    return apply_tooltips(html, terms, tooltip_spans(html, terms))


def tooltip_spans(html: str, terms: list[Term]) -> tuple[int, ...]:
    """Where :func:`add_tooltips` wraps a term in ``html``: the start and end of each, flat.
    A few numbers per page, which a build can keep for the next one (``policy.page_macros``)."""
    if not terms:
        return ()
    pattern, definitions = _term_pattern(tuple(terms))
    matches = list(pattern.finditer(html))
    if not matches:
        return ()
    events = _skip_tags(html, matches[-1].start())
    spans: list[int] = []
    seen: set[str] = set()  # definitions already shown in this section
    depth = i = 0
    for match in matches:
        start = match.start()
        inside = False
        while i < len(events) and events[i].start() < start:
            event = events[i]
            if event.end() > start:  # the term is inside this tag or comment
                inside = True
                break
            i += 1
            if event.group(2) is None or event.group(0).endswith("/>"):
                continue  # a comment or a self-closing tag
            if event.group(1):
                depth = max(depth - 1, 0)
            else:
                depth += 1
                if event.group(2).lower() in _HEADINGS:
                    seen.clear()  # a new section
        if inside or depth or html.rfind("<", 0, start) > html.rfind(">", 0, start):
            continue  # inside a skipped element, or inside an (unskipped) tag's attributes
        term = match.group(0)
        if definitions[term] in seen:
            continue
        seen.add(definitions[term])
        spans += (start, match.end())
    return tuple(spans)


def apply_tooltips(html: str, terms: list[Term], spans: tuple[int, ...]) -> str:
    """``html`` with the terms at ``spans`` (:func:`tooltip_spans`) wrapped in ``<abbr title>``."""
    if not spans:
        return html
    definitions = _term_pattern(tuple(terms))[1]
    out: list[str] = []
    last = 0
    for start, end in zip(spans[::2], spans[1::2], strict=True):
        term = html[start:end]
        out += [html[last:start], f'<abbr tabindex="0" title="{esc(definitions[term])}">{term}</abbr>']
        last = end
    out.append(html[last:])
    return "".join(out)


@lru_cache(maxsize=8)
def _term_pattern(terms: tuple[Term, ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    definitions: dict[str, str] = {}
    for term in terms:
        for name in (term.term, *term.aliases):
            definitions[name] = term.definition
    # Longest first so 三项重点工作 wins over 重点工作.
    return re.compile("|".join(re.escape(n) for n in sorted(definitions, key=len, reverse=True))), definitions


def render_glossary(terms: list[Term], clause_link) -> str:
    """Markdown for the glossary page. ``clause_link(doc, clause)`` renders a citation."""
    parts = []
    for term in sorted(terms, key=lambda t: t.term):
        aliases = f"（又称：{'、'.join(md_esc(a) for a in term.aliases)}）" if term.aliases else ""
        cites = "；".join(clause_link(doc, clause) for doc, clause in term.sources)
        body = md_esc(term.definition) + (f"<br>依据：{cites}" if cites else "")
        parts.append(f"{md_esc(term.term)}{aliases}\n:   {body}")
    return '<div class="glossary" markdown>\n\n' + "\n\n".join(parts) + "\n\n</div>\n"
