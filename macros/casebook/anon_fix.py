"""Proposing replacements for the gate's findings (``scripts/anonymise.py``).

Replacements are consistent: the same person gets the same replacement
everywhere. Everything here works from the findings (start, end, rule, term)
and the text around them, never from how the detector found them.

- **Children** (a name without a role) get the next free letter in order of
  appearance: 王秀英 → 小A. The given name alone (秀英) and nicknames made from
  a given-name character (桐桐, 小桐, 阿桐, 桐姐, 桐哥 for 张雨桐) are the same person.
- **Parents follow their child**: a name in apposition after 父亲 / 母亲 / 爸爸 /
  妈妈 / 家长 (or 外婆, 奶奶 …) is that child's parent, and the role word is
  replaced with it: “父亲王强承认” → “小A爸爸承认”. When the role word already
  says whose parent it is (“他的父亲王强”, “小A妈妈李娟”) the name is dropped.
  Later mentions of the same name (“王强说”) become 小A爸爸 too. A child's name
  with a family word (子豪妈妈, 子豪的外婆, 王秀英妈妈) becomes 小A妈妈 / 小A的外婆,
  and a surname with 爸爸 / 妈妈 / 爷爷 / 奶奶 (亓爸爸) is the parent of the child
  with that surname.
- **Which child**: the child the parent is written with, that is the nearest
  child mentioned before it in the text (declared pseudonyms such as 小A count);
  if none comes before, the first child of the case. A case that names no child
  gets one letter for the unnamed child, shared by both parents.
- **Other roles keep their role**: 王老师 → A老师, and 张妈妈 → B妈妈 when no
  child is called 张.
- Numbers and other details become a placeholder in full-width brackets
  (［电话］), schools a generic name (某中学), classes 某班.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from macros.casebook.anon_messages import DEFAULT_PLACEHOLDER, PLACEHOLDERS
from macros.casebook.anon_names import ROLES
from macros.casebook.anon_scope import looks_like_pseudonym
from macros.casebook.anonymise import Finding

__all__ = ["PLACEHOLDERS", "Replacement", "add_pseudonyms", "apply", "propose"]

NAME = "CASE-ANON-NAME"
_ROLE_END = re.compile("(" + "|".join(sorted((r for r in ROLES if len(r) > 1), key=len, reverse=True)) + ")$")
# A role word before a name in apposition (父亲王强), and the word the replacement uses (小A爸爸).
PARENT_BEFORE: dict[str, str] = {
    "父亲": "爸爸",
    "爸爸": "爸爸",
    "母亲": "妈妈",
    "妈妈": "妈妈",
    "家长": "家长",
    "外婆": "外婆",
    "外公": "外公",
    "奶奶": "奶奶",
    "爷爷": "爷爷",
    "姥姥": "姥姥",
    "姥爷": "姥爷",
}
_PARENT_START = re.compile("^(" + "|".join(PARENT_BEFORE) + ")")
_PARENT_LEFT = re.compile("(" + "|".join(PARENT_BEFORE) + ")$")
# Family words after a child's name: 子豪妈妈, 子豪的外婆 (the child's family, not a namesake).
FAMILY = set("爸爸 妈妈 父亲 母亲 家长 奶奶 爷爷 外婆 外公 姥姥 姥爷 哥哥 姐姐 弟弟 妹妹 舅舅 姑姑 姨妈".split())
# A surname before these is the child's family name: 亓爸爸 is 亓子豪's father.
SURNAME_FAMILY = {"爸爸", "妈妈", "爷爷", "奶奶"}
# Before the role word, these already say whose parent it is: 他的父亲王强 → 他的父亲.
_POSSESSOR = set("的他她其我你")
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff\u00ad]")


@dataclass(frozen=True)
class Replacement:
    """``text`` replaces the finding's span, and ``absorbed``, the role word just before
    it that the replacement takes in (父亲王强 → 小A爸爸: absorbed “父亲”)."""

    finding: Finding
    text: str
    absorbed: str = ""

    @property
    def start(self) -> int:
        return self.finding.start - len(self.absorbed)

    @property
    def end(self) -> int:
        return self.finding.end

    @property
    def original(self) -> str:
        """The text replaced: the term, with the absorbed role word."""
        return self.absorbed + self.finding.term


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


def _letters(taken: Iterable[str]) -> Iterator[str]:
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


def _surname(name: str) -> str:
    return name[:2] if len(name) >= 4 else name[:1]


def _given(name: str) -> str:
    return name[len(_surname(name)) :]


@dataclass
class _Mention:
    finding: Finding
    kind: str  # "person" (a name), "parent" (父亲王强), "family" (子豪妈妈), "surname" (亓爸爸), "role" (王老师)
    name: str  # the name in the term: 王强, 子豪, 亓, 王老师
    role: str = ""  # 爸爸, 的外婆, 老师 …: what follows the child's pseudonym or the letter
    absorbed: str = ""
    drop: bool = False  # the role word before already says whose: only the name goes
    person: str = ""  # the person's key (a full name when known)


@dataclass
class _Cast:
    """Everyone in a case, and the letters they get."""

    names: set[str] = field(default_factory=set)  # plain names as written (全名, or a name alone)
    given_of: dict[str, str] = field(default_factory=dict)  # 秀英 → 王秀英
    letter: dict[str, str] = field(default_factory=dict)  # person or role form → letter
    children: list[tuple[int, str]] = field(default_factory=list)  # (position, 小X) of every child mention
    parent_text: dict[str, str] = field(default_factory=dict)  # parent → their replacement (小A爸爸)
    first_mention: dict[str, int] = field(default_factory=dict)
    unnamed: str = ""  # the pseudonym of a child the case never names, when a parent needs one


def propose(
    findings: list[Finding], pseudonyms: Iterable[str] = (), text: str | None = None
) -> tuple[list[Replacement], list[str]]:
    """A replacement for each finding, and the pseudonyms the replacements introduce.

    ``text`` is the text the findings are in: with it, parents follow their child
    (父亲王强 → 小A爸爸) and the nearest child is the one a parent is written with;
    without it, only the terms are looked at (子豪妈妈, 亓爸爸 still follow the child).
    """
    declared = [str(p).strip() for p in pseudonyms]
    source = text if text is not None else ""
    ordered = sorted(findings)
    letters = _letters(_declared_letters(declared))
    cast = _cast(ordered)
    mentions = [_mention(f, source, cast, ordered) for f in ordered if f.rule == NAME]
    for m in mentions:
        m.person = _person(m.name, m.finding.start, cast) if m.kind in ("person", "parent", "family") else m.name
        cast.first_mention.setdefault(m.person, m.finding.start)
    parents = {m.person for m in mentions if m.kind == "parent"}
    for m in mentions:  # letters in order of appearance: children and other roles
        if (m.kind in ("person", "family") and m.person not in parents) or m.kind == "role":
            if m.person not in cast.letter:
                cast.letter[m.person] = next(letters)
            if m.kind != "role":
                cast.children.append((m.finding.start, f"小{cast.letter[m.person]}"))
    cast.children += _declared_children(declared, source)
    cast.children.sort()
    for m in mentions:  # a parent's replacement is fixed where they are first written with their role
        if m.kind == "parent" and m.person not in cast.parent_text:
            cast.parent_text[m.person] = _child_for(m.finding.start, cast, letters) + m.role
    by_finding = {m.finding: m for m in mentions}
    out = [
        _name_replacement(by_finding[f], cast, letters) if f in by_finding else Replacement(f, _placeholder(f)) for f in ordered
    ]
    taken = set(declared)
    new: list[str] = []
    for r in out:
        if r.finding.rule != NAME or not r.text:
            continue
        name = _declared_form(r.text)
        if name not in taken:
            taken.add(name)
            new.append(name)
    return out, new


def _placeholder(f: Finding) -> str:
    if f.rule == "CASE-ANON-SCHOOL":
        return _school(f.term)
    if f.rule == "CASE-ANON-CLASS":
        return _class(f.term)
    return PLACEHOLDERS.get(f.rule, DEFAULT_PLACEHOLDER)


def _clean(term: str) -> str:
    return _INVISIBLE.sub("", term)


def _cast(findings: list[Finding]) -> _Cast:
    """Every plain name in the findings, and which full name a given name belongs to."""
    cast = _Cast()
    for f in findings:
        if f.rule != NAME:
            continue
        term = _clean(f.term)
        parent = _PARENT_START.match(term)
        if parent and len(term) - len(parent.group(1)) >= 2:
            term = term[len(parent.group(1)) :]
        role = _ROLE_END.search(term)
        if role and len(term) > len(role.group(1)):
            continue
        cast.names.add(term)
    for name in sorted(cast.names, key=len, reverse=True):
        if len(name) >= 3:
            cast.given_of.setdefault(_given(name), name)
    return cast


def _mention(f: Finding, text: str, cast: _Cast, findings: list[Finding]) -> _Mention:
    term = _clean(f.term)
    parent = _PARENT_START.match(term)
    if parent and len(term) - len(parent.group(1)) >= 2 and not _ROLE_END.search(term[len(parent.group(1)) :]):
        return _Mention(f, "parent", term[len(parent.group(1)) :], PARENT_BEFORE[parent.group(1)])
    role = _ROLE_END.search(term)
    if role and len(term) > len(role.group(1)):
        word = role.group(1)
        prefix = term[: -len(word)]
        joiner = "的" if prefix.endswith("的") and len(prefix) > 1 else ""
        prefix = prefix[: len(prefix) - len(joiner)]
        surname_of_someone = any(_surname(n) == prefix for n in cast.names if len(n) >= 3)
        if word in FAMILY and (_known(prefix, cast) or (len(prefix) >= 2 and not surname_of_someone)):
            return _Mention(f, "family", prefix, joiner + word)  # 子豪妈妈, 王秀英的外婆
        if word in SURNAME_FAMILY and len(prefix) <= 2 and not joiner:
            return _Mention(f, "surname", prefix, word)
        return _Mention(f, "role", term, word)
    left = _PARENT_LEFT.search(text[max(0, f.start - 2) : f.start]) if text else None
    if left:
        word = left.group(1)
        before = f.start - len(word)
        says_whose = before > 0 and (text[before - 1] in _POSSESSOR or any(g.end == before for g in findings))
        says_whose = says_whose or bool(re.search(r"小[A-Z]{1,2}$", text[max(0, before - 3) : before]))
        if says_whose:
            return _Mention(f, "parent", term, PARENT_BEFORE[word], drop=True)
        return _Mention(f, "parent", term, PARENT_BEFORE[word], absorbed=word)
    return _Mention(f, "person", term)


def _known(name: str, cast: _Cast) -> bool:
    return name in cast.names or name in cast.given_of or _nickname_owner(name, 0, cast) is not None


def _person(name: str, position: int, cast: _Cast) -> str:
    """The person a name refers to: its full name when the case has one."""
    if name in cast.given_of and name not in cast.given_of.values():
        return cast.given_of[name]
    if len(name) >= 3 or name in cast.given_of.values():
        return name
    return _nickname_owner(name, position, cast) or name


def _nickname_owner(name: str, position: int, cast: _Cast) -> str | None:
    """The full name a nickname is made from: 桐桐, 小桐, 阿桐, 桐姐, 雨桐姐 → 张雨桐."""
    if len(name) == 3 and name[2] in "姐哥" and name[:2] in cast.given_of:
        return cast.given_of[name[:2]]
    if len(name) != 2:
        return None
    if name[0] == name[1]:
        char = name[0]
    elif name[0] in "小阿":
        char = name[1]
    elif name[1] in "姐哥":
        char = name[0]
    else:
        return None
    owners = [n for n in cast.given_of.values() if char in _given(n)]
    if not owners:
        return None
    before = [n for n in owners if cast.first_mention.get(n, position) < position]
    return max(before, key=lambda n: cast.first_mention[n]) if before else owners[0]


def _declared_children(pseudonyms: list[str], text: str) -> list[tuple[int, str]]:
    """Where the text already uses a declared child pseudonym (小A): a parent may follow it."""
    found: list[tuple[int, str]] = []
    for name in pseudonyms:
        bare = re.sub(r"[（(]\s*化名\s*[)）]$", "", name).strip()
        if re.fullmatch(r"小[A-Z]{1,2}", bare):
            found += [(m.start(), bare) for m in re.finditer(re.escape(bare) + r"(?![A-Z])", text)]
    return found


def _child_for(position: int, cast: _Cast, letters: Iterator[str], surname: str = "") -> str:
    """The child written before ``position`` nearest to it, else the first child of the
    case, else the case's unnamed child (one letter, made when first needed). With
    ``surname``: only children of that surname, and "" when there is none."""
    children = cast.children
    if surname:
        pseudonym_of = {f"小{letter}": person for person, letter in cast.letter.items()}
        children = [(p, c) for p, c in children if c in pseudonym_of and _surname(pseudonym_of[c]) == surname]
    before = [c for p, c in children if p < position]
    if before:
        return before[-1]
    if children:
        return children[0][1]
    if surname:
        return ""
    if not cast.unnamed:
        cast.unnamed = f"小{next(letters)}"
    return cast.unnamed


def _name_replacement(m: _Mention, cast: _Cast, letters: Iterator[str]) -> Replacement:
    f = m.finding
    if m.kind == "surname":
        child = _child_for(f.start, cast, letters, surname=m.name)
        if child:
            return Replacement(f, child + m.role)
        m.kind, m.person = "role", m.name + m.role  # no child of that surname: an adult known by a role
    if m.kind == "role":
        if m.person not in cast.letter:
            cast.letter[m.person] = next(letters)
        return Replacement(f, cast.letter[m.person] + m.role)
    if m.kind == "family":
        if m.person in cast.parent_text:  # a parent's own family: by role
            m.kind, m.person = "role", m.name + m.role
            return _name_replacement(m, cast, letters)
        return Replacement(f, f"小{cast.letter[m.person]}{m.role}")
    if m.person in cast.parent_text:
        return Replacement(f, "" if m.drop else cast.parent_text[m.person], m.absorbed)
    return Replacement(f, f"小{cast.letter[m.person]}")


def _declared_form(replacement: str) -> str:
    """What to declare in pseudonyms for a replacement: 小A的外婆 declares 小A."""
    if looks_like_pseudonym(replacement) or "的" not in replacement:
        return replacement
    return replacement.split("的", 1)[0]


def apply(text: str, replacements: list[Replacement]) -> str:
    """``text`` with every replacement made (replacements do not overlap)."""
    out, pos = [], 0
    for r in sorted(replacements, key=lambda r: r.start):
        out.append(text[pos : r.start])
        out.append(r.text)
        pos = r.end
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
