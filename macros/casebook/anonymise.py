"""The anonymisation gate: identifying details in case texts, as pure functions.

:func:`find_identifiers` scans a text and returns :class:`Finding` objects,
each with a stable rule id (``CASE-ANON-*``, documented in
``docs/about/anonymisation.md``). :func:`check_text` turns findings into
``path:line:col`` problems for a Markdown file, honouring the case's declared
``pseudonyms`` (names the text may use) and ``reviewed_terms`` (flagged terms a
reviewer accepted as false positives). Nothing is silently ignored: a reviewed
term that no longer matches anything is reported too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from macros.build import cache as buildcache
from macros.build.pool import WorkerPool
from macros.casebook import anon_addresses, anon_names, anon_people, anon_rules, anon_schools
from macros.casebook.anon_messages import RULES, finding_message
from macros.casebook.anon_normalise import normalise
from macros.casebook.anon_rules import id_check_digit_ok
from macros.core import config
from macros.core.markdown import line_col
from macros.core.problems import Problem

__all__ = ["RULES", "Finding", "check_text", "find_identifiers", "id_check_digit_ok", "line_col", "prefetch"]


@dataclass(frozen=True, order=True)
class Finding:
    start: int  # character offset in the scanned text (as written, before normalisation)
    end: int
    rule: str
    term: str

    @property
    def message(self) -> str:
        return finding_message(self.rule, self.term)


# -- the scan ---------------------------------------------------------------------

# When two findings overlap, the more specific rule wins.
_PRIORITY = [
    "CASE-ANON-STUDENTID",
    "CASE-ANON-IDCARD",
    "CASE-ANON-EMAIL",
    "CASE-ANON-QQ",
    "CASE-ANON-WECHAT",
    "CASE-ANON-PHONE",
    "CASE-ANON-BIRTHDATE",
    "CASE-ANON-ADDRESS",
    "CASE-ANON-CLASS",
    "CASE-ANON-SCHOOL",
    "CASE-ANON-NAME",
]


def _mask(text: str, terms: Iterable[str]) -> str:
    """Blank out declared terms (same length, so offsets stay valid)."""
    for term in sorted({t for t in terms if t}, key=len, reverse=True):
        text = text.replace(term, "\u3000" * len(term))
    return text


def _masked(text: str, pseudonyms: list[str]) -> str:
    return _mask(text, pseudonym_forms(pseudonyms))


def pseudonym_forms(pseudonyms: Iterable[str]) -> list[str]:
    """Declared pseudonyms and their bare form: “小明（化名）” also declares “小明”."""
    forms = []
    for name in pseudonyms:
        name = str(name).strip()
        forms.append(name)
        bare = re.sub(r"[（(]\s*化名\s*[)）]$", "", name).strip()
        if bare and bare != name:
            forms.append(bare)
        # 数学老师丁 also declares 丁老师: the placeholder with the title, as the case goes on to say
        forms += [
            name[-1] + title for title in _TITLES if name[-1:] in anon_names._ODD_STARTS and name.endswith(title + name[-1])
        ]
    return forms


_TITLES = ("老师", "同学", "医生", "师傅", "阿姨", "叔叔", "教练", "主任", "校长", "妈妈", "爸爸")


def find_identifiers(text: str, pseudonyms: Iterable[str] = ()) -> list[Finding]:
    """Every identifying detail in ``text``, at most one finding per span.

    Reused across builds when the text, the pseudonyms, the rule modules and their
    tables in ``data/`` are the same (:mod:`macros.build.cache`).
    """
    names = [str(p) for p in pseudonyms]
    memo = buildcache.memo("anonymise", *_dictionaries())
    return buildcache.cached(memo, "\n".join(names) + "\0" + text, lambda: _find_identifiers(text, names))


def person_names(text: str) -> list[str]:
    """The personal names in one short field (a post such as “校长” has none): the gate's
    person detector, for fields of other content that must name a post, not a person."""
    return [f.term for f in find_identifiers(text) if f.rule == "CASE-ANON-NAME"]


# Starting worker processes costs more than they save below a couple of hundred cases.
PARALLEL_MIN_CASES = config.MACHINERY.anonymise_min_parallel


def prefetch(texts: list[tuple[str, Iterable[str]]], workers: int | None = None, min_parallel: int = PARALLEL_MIN_CASES) -> int:
    """Compute :func:`find_identifiers` for every (text, pseudonyms) not yet in the cache,
    in parallel worker processes when there are at least ``min_parallel`` (a cold
    city-scale build has hundreds of cases). Loads the name tables once either way. Returns how many were computed in parallel."""
    memo = buildcache.memo("anonymise", *_dictionaries())
    missing: dict[str, tuple[str, list[str]]] = {}
    for text, pseudonyms in texts:
        names = [str(p) for p in pseudonyms]
        key = buildcache.fingerprint("\n".join(names) + "\0" + text)
        if key not in memo.entries:
            missing[key] = (text, names)
    if missing:  # loaded once here, and shared by forked workers
        anon_names.tables()
    items = list(missing.items())
    with WorkerPool(workers or config.workers(), items=len(items), min_items=max(2, min_parallel)) as pool:
        if not pool.forked:
            return 0  # computed one by one, as the checks ask
        results = pool.map(_find_pair, [pair for _, pair in items])
        for (key, _), found in zip(items, results, strict=True):
            memo.put(key, found)
    return len(items)


def _find_pair(pair: tuple[str, list[str]]) -> list[Finding]:
    return _find_identifiers(*pair)


def _dictionaries() -> tuple[Path, ...]:
    """The files the detector's word tables were made from, as they were read (nobody lists
    them: a new word list counts once the tables read it); the code is in the engine version."""
    return _paths(anon_names.tables.files())


@lru_cache(maxsize=4)
def _paths(files: tuple[str, ...]) -> tuple[Path, ...]:
    # Asked for every name looked up (twelve thousand times a city-scale build): made once.
    return tuple(Path(p) for p in files)


def _find_identifiers(text: str, pseudonyms: list[str]) -> list[Finding]:
    norm = normalise(text)
    plain = norm.text
    spans: list[tuple[int, int, str]] = []
    spans += anon_rules.find_idcards(plain)
    spans += anon_rules.find_phones(plain)
    spans += anon_rules.find_contacts(plain)
    spans += anon_rules.find_birthdates(plain)
    spans += anon_addresses.find_addresses(plain)
    spans += anon_schools.find_classes(plain)
    spans += anon_rules.find_student_numbers(plain)
    spans += anon_rules.find_table_columns(plain)
    masked = _masked(plain, [normalise(p).text for p in pseudonyms])
    people = anon_people.find_people(masked)
    spans += _schools_or_stages(masked, list(anon_schools.find_schools(masked)), people)
    spans += [(h.start, h.end, "CASE-ANON-NAME") for h in people]
    kept: list[tuple[int, int, str]] = []
    taken = bytearray(len(plain) + 1)  # linear in the text, whatever the number of findings
    for start, end, rule in sorted(spans, key=lambda s: (_PRIORITY.index(s[2]), s[0], -s[1])):
        if any(taken[start:end]):
            continue
        taken[start:end] = b"\x01" * (end - start)
        kept.append((start, end, rule))
    found = []
    for start, end, rule in kept:
        o_start, o_end = norm.start(start), norm.end(end)
        found.append(Finding(o_start, o_end, rule, text[o_start:o_end]))
    return sorted(found)


_STAGES = ("小学", "中学", "初中", "高中")


def _schools_or_stages(
    text: str, schools: list[tuple[int, int, str]], people: list[anon_names.NameHit]
) -> list[tuple[int, int, str]]:
    """海燕小学就在家门口 where the case names 蒋海燕: a person of the case, then a stage of school, is
    that person's school, not a school named after her (the name is kept, the stage is no identifier)."""
    inside = bytearray(len(text) + 1)
    for start, end, _ in schools:
        inside[start:end] = b"\x01" * (end - start)
    # (澄溪初级中学 … 澄溪初中: a school's own name read as a person inside a school's name is no person)
    outside = [h for h in people if not all(inside[h.start : h.end])]
    named = {text[h.start : h.end] for h in outside} | {h.given for h in outside}
    out: list[tuple[int, int, str]] = []
    for start, end, rule in schools:
        own = text[start : end - 2]
        if rule == "CASE-ANON-SCHOOL" and len(own) >= 2 and text.endswith(_STAGES, start, end) and own in named:
            out.append((start, end - 2, "CASE-ANON-NAME"))
        else:
            out.append((start, end, rule))
    return out


def check_text(
    display: str,
    text: str,
    *,
    pseudonyms: Iterable[str] = (),
    reviewed_terms: Iterable[str] = (),
    severity: str = "error",
    skip_lines: Iterable[int] = (),
) -> tuple[list[Problem], list[str]]:
    """Problems for every finding in a file's full ``text`` (positions in that file).

    ``skip_lines`` (1-based) are not scanned: the front matter lines that declare
    pseudonyms and reviewed terms. A reviewed term accepts findings whose text is
    exactly that term. Returns the problems and the reviewed terms that
    matched nothing (stale entries, reported by the caller).
    """
    skip = set(skip_lines)
    reviewed = [str(t) for t in reviewed_terms]
    used: set[str] = set()
    problems: list[Problem] = []
    for finding in find_identifiers(text, pseudonyms):
        line, col = line_col(text, finding.start)
        if line in skip:
            continue
        if finding.term in reviewed:
            used.add(finding.term)
            continue
        problems.append(Problem(display, line, col, finding.message, severity=severity, rule=finding.rule))
    return problems, [t for t in reviewed if t not in used]


def warm_up() -> None:
    """Load the name tables now (``mkdocs serve`` does it in the background after the
    first build, so the first save of a case does not wait for it)."""
    anon_names.tables()
