"""Full names the surface reading cannot vouch for, confirmed by the case repeating them
(rule CASE-ANON-NAME, step 2 of :mod:`anon_people`): a surname the tables do not know or do
not trust (亓佳宁, 于桐, 成慧老师) that opens clauses, follows roles or carries a title more than
once.
"""

from __future__ import annotations

from macros.casebook import anon_names
from macros.casebook.anon_names import _MEASURES, NameHit, NameTables, _han, find_words, taken_by
from macros.casebook.anon_names import _common as _is_word
from macros.casebook.anon_positions import (
    _ROLES_BEFORE,
    _STRONG_VERBS,
    _VERB_CHARS,
    KIN,
    OBJECT_VERBS,
    ROLE_NOUNS,
    _boundary,
    _clause_start,
    _surname_chars,
    _typical,
)

_TITLED = ("老师", "女士", "先生", "同学", "校长", "主任", "医生", "阿姨", "叔叔")


def _speaks_twice(t: NameTables, text: str, token: str, starts: list[int]) -> bool:
    """苏沫说…苏沫承认: a surname that starts no word and any character, twice at a clause start
    before a verb of speech or feeling, is a name the character tables could not vouch for."""
    if token[0] in t.weak or token[0] in anon_names.ROLE_ONLY or _is_word(t, token):
        return False
    return sum(1 for i in starts if _clause_start(text, i) and text.startswith(_STRONG_VERBS, i + 2)) >= 2


_DE_KIN = tuple("的" + k for k in KIN)
_OBJECT_VERBS = tuple(OBJECT_VERBS)


def _spoken_of(t: NameTables, text: str, token: str, starts: list[int]) -> bool:
    """乐天宇说…乐天宇的妈妈: a surname and a given name that are words on both sides (乐天, 天宇)
    are a name when the case puts the same three characters twice where only people stand, each
    time as a whole (no word runs into it from the left): a clause's speaker, or before 的 and kin
    or a title."""
    c = token[0]
    if len(token) != 3 or c not in t.surnames or c == token[1] or token in t.words:
        return False
    if c in anon_names.FUNCTION_CHARS or c in anon_names.LEFT_CHARS:
        return False  # 和平安: “and” before a word, however often
    s1, s2 = (t.score.get(ch, 0.0) if _han(ch) and ch not in anon_names.STOP else 0.0 for ch in token[1:])
    if min(s1, s2) < 0.5 or s1 + s2 < 1.5:
        return False  # (天宇: 天 is in many words, 宇 in few; together typical enough with the evidence below)
    strong = [
        i
        for i in starts
        if not _is_word(t, text[i - 1 : i + 1])
        and (
            text.startswith(_DE_KIN, i + 3)
            or text.startswith(_TITLED, i + 3)
            or (_clause_start(text, i) and text.startswith(_STRONG_VERBS, i + 3))
        )
    ]
    if len(strong) >= 2:
        return True
    # 的路子轩推搡 … 去找路子轩握手: a known given name (子轩) needs one such place, or one after a
    # verb that takes a person, and the name twice
    if token[1:] not in t.pairs or len(starts) < 2:
        return False
    return bool(strong) or any(text.endswith(_OBJECT_VERBS, 0, i) and not _is_word(t, text[i - 1 : i + 1]) for i in starts)


def repeated_names(t: NameTables, text: str, hits: list[NameHit]) -> list[NameHit]:
    """Full names whose surname the tables do not know or do not trust (亓佳宁, 于桐, 成慧老师):
    the case confirms them when the name opens a clause or follows a role, or comes with a title,
    and the same name recurs."""
    taken = taken_by(hits, len(text))
    givens = {h.given for h in hits if h.given and len(h.given) == 2}
    givens_first = {g[0] for g in givens}
    # Where a name may start: a surname character, or any character before a known given name.
    starts_at = {m.start() for m in _surname_chars().finditer(text)}
    for given in givens:  # each place of the given name, left to right without overlaps (as find_words finds it)
        k = text.find(given)
        while k >= 0:  # (speed: no sorting of one word's places)
            if k > 0:
                starts_at.add(k - 1)
            k = text.find(given, k + len(given))
    counts: dict[str, list[int]] = {}
    stop, score = anon_names.STOP, t.score
    for i in sorted(starts_at):
        g1 = text[i + 1 : i + 2]
        if (
            not "\u4e00" <= text[i] <= "\u9fff"  # (speed: _han inline, here and below)
            or g1 in stop
            or not "\u4e00" <= g1 <= "\u9fff"  # ("" is no Chinese character: the text ends)
            or (text[i - 1 : i] in _MEASURES and anon_names._counted(text, i))
        ):
            continue  # nothing of a given name follows (speed: most surname characters are in words); 一只白鹭
        if score.get(g1, 0.0) >= 0.75 or g1 in givens_first or text.startswith(_STRONG_VERBS, i + 2):
            counts.setdefault(text[i : i + 2], []).append(i)
        token = text[i : i + 3]
        if len(token) == 3 and "\u4e00" <= token[2] <= "\u9fff" and token[2] not in stop:
            counts.setdefault(token, []).append(i)
    # Families the case has already met: a full name or a surname with kin (高振宇, 高爸爸).
    families = {
        text[h.start] for h in hits if h.end - h.start >= 2 and text[h.start] in t.surnames and text[h.start : h.end] != h.given
    }
    out: list[NameHit] = []
    _little_full(t, text, hits, taken, out)
    for token, starts in counts.items():
        c, given = token[0], token[1:]
        if len(starts) == 1 and given not in givens and not text.startswith(_TITLED, starts[0] + len(token)):
            continue  # (speed: once, neither a known given name nor titled, it is never confirmed below)
        # (可涛涛一句话都不说: before a doubled nickname a character the tables lack is no surname)
        doubled = len(given) == 2 and given[0] == given[1]
        if (c not in t.surnames and (given not in givens or doubled)) or c == given[0] or c in _VERB_CHARS:
            continue
        if c not in t.surnames and c in anon_names.STOP:
            continue  # 奶奶的方言: a particle before a known given name is no surname (于桐's 于 is one)
        if len(token) == 2 and c in anon_names.ROLE_ONLY and given not in givens and c not in families:
            continue  # 通勤 three times: a surname that counts only in role forms (车明 once the case has 车妈妈)
        if c in anon_names.FUNCTION_CHARS and given in givens:
            continue  # 外公和施展: a known given name after “and” is that person, not a 和 family
        # 高明 where the case has 高爸爸: a word-name of a family the case is about, if it opens
        # clauses or follows roles at least twice (checked below); 孟子豪 once 子豪 is known
        family_word = len(given) == 1 and c in families
        if len(token) == 3 and len(starts) >= 2 and given not in givens and _spoken_of(t, text, token, starts):
            _mark(text, token, [i for i in starts if _boundary(t, text, i + 3)], taken, out, t)
            continue
        if _is_word(t, c + given[0]) and given not in givens and not family_word:
            continue
        # 和睿, 于桐, 向建军: a surname that is also a function word counts only where a role stands before
        after_role_only = c in anon_names.LEFT_CHARS or c in anon_names.STOP
        if len(given) == 2:
            if not (given in givens or (_typical(t, given) and (not _is_word(t, given) or given in t.pairs))):
                continue
        elif not (c in t.surnames and given not in anon_names.STOP) or (
            t.score.get(given, 0.0) < 0.75 and not _speaks_twice(t, text, token, starts)
        ):
            continue
        end = len(token)
        placed = [i for i in starts if _boundary(t, text, i + end) or text.startswith(_TITLED, i + end)]
        if len(given) == 1:  # 导师和继父母沟通: the one given character opens a role noun (继父)
            placed = [i for i in placed if text[i + 1 : i + 3] not in ROLE_NOUNS]
        elif given in ROLE_NOUNS:
            continue  # 保安和保洁阿姨: the given name would be a role (保洁), so 和 is “and”
        # The evidence must not start inside a word (班主任王老师 is no 任王).
        evidence = [i for i in placed if not _is_word(t, text[i - 1 : i + 1])]
        opening = [i for i in placed if (_clause_start(text, i) and not after_role_only) or text.endswith(_ROLES_BEFORE, 0, i)]
        # (不和新同学说话: mid-clause, 和 and one character before a title is “with”)
        mid = c in anon_names.FUNCTION_CHARS and len(given) == 1
        titled = [
            i for i in evidence if text.startswith(_TITLED, i + end) and c in t.surnames and not (mid and _han(text[i - 1 : i]))
        ]
        known_given = len(given) == 2 and given in givens and opening
        if family_word and _is_word(t, token):
            # 高兴地说 is how someone speaks; the name needs two openings of its own
            opening = [i for i in opening if text[i + end : i + end + 1] != "地"]
            if len(opening) < 2:
                continue
        if c in anon_names.ROLE_ONLY:  # (住址和通勤时间: after 和 a surname that is mostly another word opens nothing)
            opening = [i for i in opening if i == 0 or text[i - 1] not in "和跟与"]
        if not (titled or known_given or (opening and len(placed) >= 2)):
            continue
        _mark(text, token, placed, taken, out, t)
    return out


def _mark(text: str, token: str, placed: list[int], taken: bytearray, out: list[NameHit], t: NameTables) -> None:
    """Record ``token`` as a name at each of ``placed`` that no earlier name covers."""
    end, given = len(token), token[1:]
    for i in placed:
        if not taken[i]:
            taken[i : i + end] = b"\x01" * end  # over a given-name hit: 亓 + 佳宁
            out.append(NameHit(i, i + end, given if len(given) == 2 else ""))


def _little_full(t: NameTables, text: str, hits: list[NameHit], taken: bytearray, out: list[NameHit]) -> None:
    """俞小满，… 五年级的俞小满对…: a 小X found as a name (小满 is a word too) that the same surname
    character precedes twice is a full name, surname and all (not 和小满, 连小满都: “and”, “even”)."""
    for form in {text[h.start : h.end] for h in hits if h.end - h.start == 2 and text[h.start] == "小"}:
        before: dict[str, list[int]] = {}
        for start, _end in find_words(text, [form]):
            before.setdefault(text[start - 1 : start], []).append(start - 1)
        for c, starts in before.items():
            if (
                len(starts) >= 2
                and c in t.surnames
                and c not in t.weak
                and c not in anon_names.FUNCTION_CHARS
                and c not in anon_names.ADVERB_CHARS
                and c not in _VERB_CHARS
                and not _is_word(t, c + "小")
            ):
                _mark(text, c + form, [i for i in starts if not _is_word(t, text[i - 1 : i + 1])], taken, out, t)
