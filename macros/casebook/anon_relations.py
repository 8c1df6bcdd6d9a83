"""People the case names next to people already found (rule CASE-ANON-NAME, step 2b).

Two places make a token a person because of the name beside it, whatever the token
means as a word:

- **the same family**: a child before 的 + a kin word, then that relative's full name
  with the same surname (施展的外公施根宝, 景天的爸爸景志强): the child carries the
  family name, so 施展 is 施 + a given name, not the verb;
- **one list**: items of a list joined by 、 (and a last 和/与/及) beside a name found
  already (俞佳、陶然和白一鸣): an item of two or three characters that opens with a
  surname is a name too.

Both need a name found on the surface first, so an ordinary sentence (语文、数学和英语)
is never read this way.
"""

from __future__ import annotations

import re

from macros.casebook import anon_names
from macros.casebook.anon_names import NameHit, NameTables, _han, taken_by
from macros.casebook.anon_nicknames import _pet_name, acting_at
from macros.casebook.anon_positions import _ROLES_BEFORE, ROLE_NOUNS, TIME_ADVERBS, _clause_start

# Kin that share the child's surname as a rule (a mother's or grandmother's often differs).
_SAME_SURNAME_KIN = "爸爸 父亲 爷爷 奶奶 外公 叔叔 伯伯 姑姑 哥哥 姐姐 弟弟 妹妹".split()
_KIN_FIRST = re.compile("|".join(sorted(_SAME_SURNAME_KIN, key=len, reverse=True)))
_DE_KIN = tuple("的" + k for k in _SAME_SURNAME_KIN)
_SIBLINGS = ("兄妹", "姐弟", "兄弟", "姐妹", "两兄妹", "两姐弟", "俩")
_LIST_JOINERS = "和与及跟"
_ITEM_GIVEN = 0.3  # how typical of given names each character after the surname must be
_ITEM_END = "、，。；：！？,;:!?（(）)\n -."  # (尤浩宇和古乐天——后者…: a dash ends an item too; normalised to -)
# What makes two people of “X和Y”: 是好朋友, 是同桌, 一起, 两人 (张伟和白天一样 stays a comparison)
_PAIR_AFTER = re.compile(
    r"是[^，。；！？\n]{0,12}?(?:朋友|同学|同桌|邻居|闺蜜|发小|双胞胎|龙凤胎|兄弟|姐妹|兄妹|姐弟|表姐妹|堂兄弟)|一起|两人|俩"
)


def _item_ok(t: NameTables, token: str) -> bool:
    if not 2 <= len(token) <= 3 or not all(_han(c) and c not in anon_names.STOP for c in token):
        return False
    if token in ROLE_NOUNS or token.endswith(("老师", "同学")) or token in anon_names._ROLE_SET:
        return False
    surname = 2 if token[:2] in t.compounds else 1 if token[0] in t.surnames else 0
    # 国际部 is no name: every character after the surname must be seen in given names at all
    return surname > 0 and len(token) > surname and min(t.score.get(c, 0.0) for c in token[surname:]) >= _ITEM_GIVEN


def _doubled_pair(t: NameTables, name: str, token: str) -> bool:
    """丁丁和当当, 雷雷和小胖, 一诺和小鱼: after a doubled name joined by 和, a doubled word that is
    no frequent one (天天, 常常) and no sound (哈哈); after any two-character name, a 小X nickname."""
    if len(name) != 2 or len(token) != 2:
        return False
    if token[0] in "小阿" and token not in ROLE_NOUNS:  # 雷雷和小胖在走廊里追逐, 一诺和小鱼手拉手
        return t.score.get(token[1], 0.0) >= 0.4 and token[1] not in anon_names.STOP and t.words.get(token, 0) < 1000
    # a doubled word as a pet name is read (any character: the name before it vouches for it)
    return name[0] == name[1] and _han(token[0]) and _pet_name(t, token, least=0.0)


def _ends_item(text: str, k: int) -> bool:
    if k >= len(text):
        return True
    after = text[k]
    return (after in anon_names.FOLLOW or after in _ITEM_END) and after not in _LIST_JOINERS


def _same_family(t: NameTables, text: str, hits: list[NameHit]) -> list[tuple[int, int]]:
    starts = {h.start: h for h in hits}
    found: list[tuple[int, int]] = []
    for m in _KIN_FIRST.finditer(text):
        relative = starts.get(m.end())
        if relative is None or relative.end - relative.start < 2:
            continue
        surname = text[relative.start]
        de = text[m.start() - 1 : m.start()] == "的"
        end = m.start() - de
        for length in (2, 3):
            i = end - length
            token = text[i:end]
            if i >= 0 and token[0] == surname and _item_ok(t, token) and _clause_start(text, i):
                found.append((i, end))
                break
    # 牛建国是牛小北的父亲: the relative first, then 是, the child found and 的 + kin
    for h in hits if "是" in text else ():
        if text[h.start - 1 : h.start] == "是" and h.end - h.start >= 2 and text.startswith(_DE_KIN, h.end):
            for length in (3, 2):
                i = h.start - 1 - length
                token = text[i : h.start - 1]
                if i >= 0 and token[0] == text[h.start] and _item_ok(t, token) and _clause_start(text, i):
                    found.append((i, h.start - 1))
                    break
    return found


def _list_items(t: NameTables, text: str, hits: list[NameHit]) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    for h in hits:
        # the item after the name: 俞佳、陶然和…
        if text[h.end : h.end + 1] == "、":
            j = h.end + 1
            k = j
            while k < len(text) and k - j <= 3 and text[k] not in _ITEM_END and text[k] not in _LIST_JOINERS:
                k += 1
            if k < len(text) and (text[k] in _ITEM_END or text[k] in _LIST_JOINERS):
                if _item_ok(t, text[j:k]):
                    found.append((j, k))
            else:
                # 葛欣然、杭宇分在一组: the last item runs into its verb; it ends after a character
                # typical of given names, before one that is not
                for k in (j + 3, j + 2):
                    token = text[j:k]
                    if (
                        _item_ok(t, token)
                        and not anon_names._common(t, token)
                        and token[0] not in t.weak
                        and t.score.get(token[-1], 0.0) >= 0.75
                        and t.score.get(text[k : k + 1], 0.0) < 0.5
                    ):
                        found.append((j, k))
                        break
        # two people joined by 和 as the subject: 林森和万里因为…吵了起来 (the item must end where
        # a name ends, before what follows people)
        # (an ordinary word stays a word: 张伟和白天一样)
        # (分在两个班的丁丁和当当: two doubled names need no clause start)
        doubled = h.end - h.start == 2 and text[h.start] == text[h.start + 1]
        # (带着俞佳和俞航兄妹: the same surname after 和 needs no clause start either)
        kin = text[h.end + 1 : h.end + 2] == text[h.start]
        # (两个男生徐凯和陶然: after a role, the two are people, whatever the second is as a word)
        after_role = text[h.end : h.end + 1] in _LIST_JOINERS and text.endswith(_ROLES_BEFORE, 0, h.start)
        if (
            text[h.end : h.end + 1] in _LIST_JOINERS
            and h.end - h.start >= 2
            and (_clause_start(text, h.start) or doubled or kin or after_role)
        ):
            j = h.end + 1
            three = (
                t.score.get(text[j + 2 : j + 3], 0.0) >= 0.5
                and text[j + 2 : j + 3] not in anon_names.FOLLOW
                and _ends_item(text, j + 3)
            )
            for k in (j + 3, j + 2) if three else (j + 2,):
                token = text[j:k]
                # (田甜和夏天是好朋友: a word after a name, when the two are then said to be a pair)
                word_ok = not anon_names._common(t, token) or (_PAIR_AFTER.match(text, k) and token not in TIME_ADVERBS)
                word_ok = word_ok or (after_role and token not in ROLE_NOUNS)
                # (一诺和小鱼手拉手: a nickname needs no item end)
                ends = _ends_item(text, k) or (kin and text.startswith(_SIBLINGS, k))  # (俞佳和俞航兄妹)
                ends = ends or text[k : k + 2] in TIME_ADVERBS  # (好朋友柳一然和何朵课间…: a time after the item)
                if (ends and _item_ok(t, token) and word_ok) or _doubled_pair(t, text[h.start : h.end], token):
                    found.append((j, k))
                    break
        # the item before the name: …陶然和白一鸣, …陶然、白一鸣
        if h.start >= 3 and (text[h.start - 1] == "、" or text[h.start - 1] in _LIST_JOINERS):
            k = h.start - 1
            j = k
            while j > 0 and k - j < 3 and text[j - 1] not in _ITEM_END and text[j - 1] not in _LIST_JOINERS:
                j -= 1
            if text[j] == "的" and k - j == 3 and text[k] == "、":
                j += 1  # 性格开朗的夏沫、卢思彤: the first item after a description and 的
            left = text[j - 1 : j] if j > 0 else "\n"
            # the list must be a list: 、 on one side of the item at least
            if left == "、" or (text[k] == "、" and (not left or left in _ITEM_END or left == "的")):
                if _item_ok(t, text[j:k]):
                    found.append((j, k))
            # 白雪和白露是双胞胎: two joined by 和 and then said to be a pair, the first opening the clause
            elif text[k] in _LIST_JOINERS and k - j == 2 and _clause_start(text, j) and _PAIR_AFTER.match(text, h.end):
                # (the same surname, or two doubled names: 程程和朵朵是双胞胎)
                # (课间和小满一起跳绳: a time opens the clause, no one's name)
                pair = _item_ok(t, text[j:k]) or text[j] == text[h.start] or _doubled_pair(t, text[j:k], text[h.start : h.end])
                if pair and text[j:k] not in TIME_ADVERBS:
                    found.append((j, k))
    return found


# A family's kin forms: 江爸爸, 江妈妈 tell that 江 is the surname of the case's family.
_FAMILY_KIN = ("爸爸", "妈妈", "爷爷", "奶奶", "外公", "外婆", "家长")


def _family_surname(t: NameTables, text: str, hits: list[NameHit]) -> list[tuple[int, int]]:
    """江爸爸 … 江海洋在…, 江建军自己…: once the case names a family by its surname and a kin
    word, that surname and two given-name characters opening a clause are that family's members,
    even when the two make a word (海洋, 建军) or the surname is also one (江)."""
    surnames = {
        text[h.start]
        for h in hits
        if h.end - h.start == 3 and text[h.start + 1 : h.end] in _FAMILY_KIN and text[h.start] in t.surnames
    }
    found: list[tuple[int, int]] = []
    for c in surnames - set(anon_names.FUNCTION_CHARS):
        i = text.find(c)
        while i >= 0:
            given = text[i + 1 : i + 3]
            # (鲍妈妈说鲍乐天养的仓鼠…: after 说, a known given name, then what the child does)
            said = text[i - 1 : i] == "说" and (given in t.pairs or given in t.jieba_names)  # (not 说鲍鱼汤很…)
            if (
                len(given) == 2
                and all(_han(ch) and ch not in anon_names.STOP and ch != c for ch in given)
                and min(t.score.get(ch, 0.0) for ch in given) >= _ITEM_GIVEN
                and given not in ROLE_NOUNS
                and given not in anon_names._ROLE_SET
                and not anon_names._common(t, text[i : i + 3])
                and (_clause_start(text, i) or text[i - 1 : i] in anon_names.LEFT_CHARS or said)
                # (黄建平平时出差多: the name's last character opens the next word again)
                and (
                    _ends_item(text, i + 3)
                    or (text[i + 3 : i + 4] == text[i + 2] and anon_names._common(t, text[i + 3 : i + 5]))
                    or (said and acting_at(text, i + 3))
                )
            ):
                found.append((i, i + 3))
            i = text.find(c, i + 1)
    return found


def related_people(t: NameTables, text: str, hits: list[NameHit]) -> list[NameHit]:
    """Names found because of a name beside them (same family, same list)."""
    taken = taken_by(hits, len(text))
    out: list[NameHit] = []
    for start, end in _same_family(t, text, hits) + _list_items(t, text, hits) + _family_surname(t, text, hits):
        if not any(taken[start:end]):
            taken[start:end] = b"\x01" * (end - start)
            # 施展 is then marked everywhere in the case, even where it reads as the verb alone
            given = text[start + 1 : end] if end - start == 3 else text[start:end]
            out.append(NameHit(start, end, given))
    return out
