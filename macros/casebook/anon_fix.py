"""Proposing replacements for the gate's findings (``scripts/anonymise.py``).

Replacements are consistent: the same text gets the same replacement
everywhere, each person gets the next free letter in order of appearance
(王秀英 and 秀英 alone are one person: 小A), roles keep their role (王老师 →
A老师, 张妈妈 → B妈妈), numbers and other details become a placeholder in full-width
brackets (［电话］) and schools a generic name (某中学).
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from dataclasses import dataclass

from macros.casebook.anon_names import ROLES
from macros.casebook.anonymise import Finding

PLACEHOLDERS = {
    "CASE-ANON-PHONE": "［电话］",
    "CASE-ANON-IDCARD": "［身份证号］",
    "CASE-ANON-EMAIL": "［邮箱］",
    "CASE-ANON-QQ": "［QQ号］",
    "CASE-ANON-WECHAT": "［微信号］",
    "CASE-ANON-BIRTHDATE": "［出生日期］",
    "CASE-ANON-ADDRESS": "某小区",
}
_ROLE_END = re.compile("(" + "|".join(sorted((r for r in ROLES if len(r) > 1), key=len, reverse=True)) + ")$")


@dataclass(frozen=True)
class Replacement:
    finding: Finding
    text: str


def _school(term: str) -> str:
    if term.endswith("幼儿园"):
        return "某幼儿园"
    if re.search(r"(?:小学|附小|中心校|[一二三四五六七八九十\d]小)$", term):
        return "某小学"
    if re.search(r"(?:中学|附中|[一二三四五六七八九十\d]中)$", term):
        return "某中学"
    return "某学校"


def _class(term: str) -> str:
    return "某中队" if term.endswith("中队") else "某班"


def _letters(taken: Iterable[str]) -> Iterable[str]:
    used = set(taken)
    for letter in string.ascii_uppercase:
        if letter not in used:
            yield letter
    for first in string.ascii_uppercase:  # more than 26 people: AA, AB …
        for second in string.ascii_uppercase:
            if first + second not in used:
                yield first + second


def _declared_letters(pseudonyms: Iterable[str]) -> set[str]:
    return {m.group(1) for p in pseudonyms for m in [re.search(r"([A-Z]{1,2})", str(p))] if m}


def propose(findings: list[Finding], pseudonyms: Iterable[str] = ()) -> tuple[list[Replacement], list[str]]:
    """A replacement for each finding, and the pseudonyms the replacements introduce."""
    letters = _letters(_declared_letters(pseudonyms))
    people: dict[str, str] = {}  # a person's key (full name, or 王 + role) → letter
    given_of: dict[str, str] = {}  # given name → the full name it belongs to
    by_term: dict[tuple[str, str], str] = {}
    new: list[str] = []
    out: list[Replacement] = []
    for f in sorted(findings):
        key = (f.rule, f.term)
        if key not in by_term:
            by_term[key] = _replacement(f, people, given_of, letters, new)
        out.append(Replacement(f, by_term[key]))
    return out, new


def _replacement(f: Finding, people: dict[str, str], given_of: dict[str, str], letters: Iterable[str], new: list[str]) -> str:
    if f.rule == "CASE-ANON-SCHOOL":
        return _school(f.term)
    if f.rule == "CASE-ANON-CLASS":
        return _class(f.term)
    if f.rule != "CASE-ANON-NAME":
        return PLACEHOLDERS[f.rule]
    term = re.sub(r"[\u200b-\u200f\u2060\ufeff\u00ad]", "", f.term)
    role = _ROLE_END.search(term)
    if role and len(term) > len(role.group(1)):
        person, suffix = term, role.group(1)
    else:
        person, suffix = given_of.get(term, term), ""
        if len(term) >= 3:
            given_of.setdefault(term[-2:], term)
    if person not in people:
        people[person] = next(iter(letters))
    letter = people[person]
    replacement = f"{letter}{suffix}" if suffix else f"小{letter}"
    if replacement not in new:
        new.append(replacement)
    return replacement


def apply(text: str, replacements: list[Replacement]) -> str:
    """``text`` with every replacement made (findings do not overlap)."""
    out, pos = [], 0
    for r in sorted(replacements, key=lambda r: r.finding.start):
        out.append(text[pos : r.finding.start])
        out.append(r.text)
        pos = r.finding.end
    out.append(text[pos:])
    return "".join(out)


def add_pseudonyms(text: str, names: list[str]) -> str:
    """The Markdown file with ``names`` added to the front matter's ``pseudonyms`` (format kept)."""
    if not names:
        return text
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return text
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        return text
    for i in range(1, end):
        m = re.match(r"^pseudonyms:\s*\[(.*)\]\s*$", lines[i])
        if m:
            items = [s.strip() for s in m.group(1).split(",") if s.strip()]
            lines[i] = "pseudonyms: [" + ", ".join(items + [n for n in names if n not in items]) + "]"
            return "\n".join(lines)
        if re.match(r"^pseudonyms:\s*$", lines[i]):
            j = i + 1
            while j < end and lines[j].startswith((" ", "-")):
                j += 1
            lines[j:j] = [f"  - {n}" for n in names]
            return "\n".join(lines)
        if re.match(r"^pseudonyms:\s*\S", lines[i]):
            return text  # an unusual form: leave it to the author
    lines.insert(end, "pseudonyms: [" + ", ".join(names) + "]")
    return "\n".join(lines)
