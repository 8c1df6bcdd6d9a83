"""Names in apposition after a role (rule CASE-ANON-NAME): 同桌潘诗雨, 母亲李娟女士, 心理老师过春燕,
同桌诗雨, 原来的好朋友朵朵, 同桌小雯.

A role word is the surest sign that a person's name follows it, so after one the surname may be one
the tables distrust (但思琪) and the given name a word; what follows must still end where a name ends.
Read by :func:`anon_people._positional`, which owns what is taken already (the ``add`` callback).
"""

from __future__ import annotations

from collections.abc import Callable

from macros.casebook import anon_names
from macros.casebook.anon_names import _ODD_STARTS, NameTables
from macros.casebook.anon_names import _common as _is_word
from macros.casebook.anon_nicknames import _little_given, _little_nickname, _pet_name
from macros.casebook.anon_positions import (
    _ADVERBS,
    _VERB_CHARS,
    ROLE_NOUNS,
    _boundary,
    _candidate,
    _given_length,
    _patterns,
    _typical,
)

_PLEA_END = frozenset('”」"!?')  # (老师抱抱”: a child's plea to a role, not the role's name)


def after_roles(t: NameTables, text: str, add: Callable[[int, int, str], None]) -> None:
    """Hand ``add`` every name standing right after a role word in ``text``."""
    for m in _patterns()["role"].finditer(text):  # 同桌潘诗雨, 母亲李娟女士, 同桌诗雨
        j = m.end()
        c = text[j]
        if text[j - 1 : j + 1] in ROLE_NOUNS and not text.startswith(anon_names.ROLE_WORDS, j + 1):
            continue  # 很受老师傅喜欢: the role ends inside another role noun (师傅); 心理老师傅老师 is a name
        if (
            c == "某"
            or (c in _ODD_STARTS and anon_names._placeholder(t, text, j))
            or (j + 4 <= len(text) and text[j : j + 4] in t.words)
        ):
            continue  # 导师乙马上…: the pseudonym 导师乙, then a word; 外婆相依为命: a four-character word
        surname = 2 if text[j : j + 2] in t.compounds else 1
        if text[j] in _VERB_CHARS or text[j] in _ADVERBS:  # 导师问浩宇, 弟弟最爱听: a verb or adverb, no surname
            surname = 0
        if text[j] not in t.surnames and text[j + 1 : j + 2] == "一":
            surname = 0  # 外婆脸一红, 妈妈心一软: a part of her and 一 + how it changes, no surname before 一X
        pair = text[j + surname : j + surname + 2]
        if pair in ROLE_NOUNS and (text[j] not in t.surnames or text[j] in "和与跟同及"):
            continue  # 妈妈抱妹妹, 弟弟和妹妹: a verb or “and”, then a role noun (傅老师 is a surname and a role)
        if text[j] in "来去回搬" and pair[1:] == "家":
            continue  # 约老同学来新家玩: a verb of going, then a home (新家, 老家), no surname 来 (同学小蔓家 is hers)
        known = surname == 2 or text[j] in t.surnames
        weak = surname == 1 and (
            text[j] in t.weak or text[j] in anon_names.ROLE_ONLY or text[j] in anon_names.FUNCTION_CHARS or not known
        )
        single = (  # (speed: asked for a weak surname only, where it is read)
            weak
            and surname == 1
            and text[j] in t.surnames
            and text[j] not in "和与跟同及"  # 新同学和新节奏: “and” after the role
            and t.score.get(text[j + 1 : j + 2], 0.0) >= 0.75
            and text[j + 1 : j + 2] not in anon_names.STOP
            and _boundary(t, text, j + 2)
            and not _is_word(t, text[j + 1 : j + 3])
        )
        if weak and not (
            # 心理老师过春燕, 同桌但思琪: before a known given pair any character is the surname
            (
                text[j] in t.surnames
                or text[j] not in anon_names.STOP
                # (女生们哈哈大笑: a laugh, not a pair's name; 新爸爸的涛涛: a particle, then a doubled name)
                or ((pair in t.pairs or (_typical(t, pair) and not _is_word(t, pair))) and pair[0] != pair[1])
            )
            and (
                (
                    (_typical(t, pair, yi=True) or _little_given(t, pair))  # 同学武小龙
                    and (not _is_word(t, pair) or pair in t.pairs)
                    and _boundary(t, text, j + 3)
                )
                or single
            )
        ):
            surname = 0  # 和家长, 都知道, 常来: a word after the role, not a surname (父亲查国强, 学生禚一航 are)
        if surname and text[j + surname : j + surname + 1] != "某" and not _is_word(t, text[j : j + surname + 1]):
            given = (1 if single and not _typical(t, pair, yi=True) else 2) if weak else _given_length(t, text, j + surname)
            # (学生廖小满转学…: after a role and a surname, 小 and a given-name character, whatever follows)
            given = 2 if not weak and pair[:1] == "小" and _little_nickname(t, pair) else given
            if given and not _is_word(t, text[j : j + surname + given]):
                add(j, j + surname + given, text[j + surname : j + surname + given] if given == 2 else "")
                continue
        token = text[j : j + 2]
        if token[:1] in _ADVERBS:
            continue  # 导师先听, 同桌也说
        if _candidate(t, token, False) and not _is_word(t, token) and _boundary(t, text, j + 2):
            add(j, j + 2, token)
        elif (
            token[:1] == token[1:]
            and _pet_name(t, token)
            and (_boundary(t, text, j + 2) or text[j + 2 : j + 3] in "陪帮带和跟")  # (好朋友凡凡陪他…)
            and text[j + 2 : j + 3] not in _PLEA_END
        ):
            add(j, j + 2, token)  # 原来的好朋友朵朵，: a role, then a doubled name
        elif (
            token[:1] == "小" and _little_nickname(t, token) and t.score.get(token[1:], 0.0) >= 0.5 and _boundary(t, text, j + 2)
        ):
            add(j, j + 2, "")  # 同桌小雯: a role, then 小 and a given-name character
