"""Where the anonymisation gate looks: every published text, and what it declares.

:func:`scan_document` scans a whole Markdown file (front matter and body; image
alt text and link text are part of the body) for cases, tip collections and
news posts alike, honouring the file's ``pseudonyms`` and ``reviewed_terms``.
:func:`scan_strings` scans text that lives in a data file (collection
introductions). :func:`pseudonym_problems` checks that declared pseudonyms look
like pseudonyms (rule CASE-ANON-PSEUDONYM): 小A, 学生甲, A老师, 小A妈妈, 王某,
X（化名）. Anything else needs the same name in ``reviewed_terms``, which a
reviewer signs with ``anonymisation_review`` before publication: a real name
declared as a pseudonym would otherwise silence the gate.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from macros.build import cache as buildcache
from macros.casebook import anonymise
from macros.casebook.anon_messages import field_label
from macros.core.messages import message
from macros.core.problems import Problem
from macros.core.yamlload import Document

# Front matter fields that declare terms instead of publishing them.
DECLARING_FIELDS = ("pseudonyms", "reviewed_terms", "anonymisation_review")

_PERSON = r"(?:学生|家长|教师|老师|同学|孩子|男生|女生|导师|班主任|同桌|小|阿)"
_CORE = r"(?:[A-Z]{1,2}\d{0,2}|[甲乙丙丁戊己庚辛壬癸]|[\u4e00-\u9fff]{1,2}某{1,2})"
_KIN = r"(?:妈妈|爸爸|母亲|父亲|奶奶|爷爷|外婆|外公|家长|老师|同学|的妈妈|的爸爸|的母亲|的父亲|哥哥|姐姐|弟弟|妹妹|一家)"
PSEUDONYM = re.compile(rf"^(?:{_PERSON}?{_CORE}{_KIN}?|{_PERSON}{_KIN}?{_CORE}|.{{1,12}}[(（]\s*化名\s*[)）])$")
PSEUDONYM_RULE = "CASE-ANON-PSEUDONYM"


def looks_like_pseudonym(name: str) -> bool:
    """小A, 学生甲, A老师, 小A妈妈, 家长B, 王某, 小明（化名）: forms that name no real person."""
    return bool(PSEUDONYM.match(str(name).strip()))


def pseudonym_problems(
    doc: Document, pseudonyms: list[Any], reviewed: list[str], severity: str
) -> tuple[list[Problem], set[str]]:
    """Problems for declared pseudonyms that do not look like pseudonyms and were not
    reviewed, and the reviewed terms such a pseudonym used (so they are not stale)."""
    problems: list[Problem] = []
    used: set[str] = set()
    for i, name in enumerate(pseudonyms):
        name = str(name).strip()
        if looks_like_pseudonym(name):
            continue
        if name in reviewed:
            used.add(name)
            continue
        problems.append(
            doc.problem(
                ("pseudonyms", i),
                message("anon-scope.pseudonym-problems", name=name, v2=field_label("reviewed_terms")),
                severity=severity,
                rule=PSEUDONYM_RULE,
            )
        )
    return problems, used


def declaring_lines(doc: Document, text: str, body: str) -> set[int]:
    """Lines of the front matter fields that declare terms (they are not scanned)."""
    starts = sorted((pos[0], key[0]) for key, pos in doc.key_pos.items() if len(key) == 1)
    fm_end = text.count("\n") - body.count("\n")
    skip: set[int] = set()
    for i, (line, key) in enumerate(starts):
        if key in DECLARING_FIELDS:
            end = starts[i + 1][0] if i + 1 < len(starts) else fm_end
            skip.update(range(line, end))
    return skip


def scan_document(doc: Document, path: Path, display: str, body: str, severity: str) -> list[Problem]:
    """Every anonymisation problem of a Markdown file: its text, its pseudonyms, stale reviewed terms.

    Judged once per file content (memo ``anon-document``, versioned on the detector's word
    tables too): ``doc`` and ``body`` are the front matter and body parsed from that same text,
    so the text, the name it is shown by and the severity are all the result depends on. A
    `make serve` rebuild otherwise redid this for all 670 cases of a city at every save."""
    text = path.read_text(encoding="utf-8-sig")
    memo = buildcache.memo("anon-document", *anonymise._dictionaries())
    key = "\0".join((display, severity, text))
    return buildcache.cached(memo, key, lambda: _scan_document(doc, text, display, body, severity))


def _scan_document(doc: Document, text: str, display: str, body: str, severity: str) -> list[Problem]:
    meta = doc.data if isinstance(doc.data, dict) else {}
    pseudonyms = [str(p) for p in meta.get("pseudonyms") or []]
    reviewed = [str(t) for t in meta.get("reviewed_terms") or []]
    problems, used = pseudonym_problems(doc, pseudonyms, reviewed, severity)
    found, stale = anonymise.check_text(
        display,
        text,
        pseudonyms=pseudonyms,
        reviewed_terms=reviewed,
        severity=severity,
        skip_lines=declaring_lines(doc, text, body),
    )
    problems += found
    for term in stale:
        if term in used:
            continue
        problems.append(
            doc.problem(
                ("reviewed_terms", reviewed.index(term)),
                message("anon-scope.scan-document", v1=field_label("reviewed_terms"), term=term),
                severity="warning",
                rule="CASE-ANON-REVIEWED",
            )
        )
    return problems


def scan_strings(doc: Document, items: Iterable[tuple[tuple, str]], severity: str = "error") -> list[Problem]:
    """Problems for identifying details in strings of a data file, at each string's key."""
    problems: list[Problem] = []
    for loc, value in items:
        for finding in anonymise.find_identifiers(str(value)):
            problems.append(doc.problem(loc, finding.message, severity=severity, rule=finding.rule))
    return problems


# The other published texts the gate scans. The casebook domain owns the gate, and sibling
# domains may not import each other: so it reads these folders itself (tips: status, news: draft).
TIPBOOK_DIR = "tipbook"
POSTS_DIR = "docs/news/posts"


def _severity(folder: str, meta: dict[str, Any]) -> str:
    if folder == TIPBOOK_DIR:
        return "error" if meta.get("status") == "published" else "warning"
    return "warning" if meta.get("draft") is True else "error"


def check_published_texts(project: Any) -> list[Problem]:
    """The gate over tip collections and news posts (cases are scanned by their own checks)."""
    problems: list[Problem] = []
    for folder in (TIPBOOK_DIR, POSTS_DIR):
        files, _parse_problems = project.front_matter_folder(folder)  # the tips and news checks report those
        for path, display, doc, body in files:
            if isinstance(doc.data, dict):
                problems += scan_document(doc, path, display, body, _severity(folder, doc.data))
    return problems
