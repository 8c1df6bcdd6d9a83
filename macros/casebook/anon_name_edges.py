"""Where a person's name may begin and end in case prose (rule CASE-ANON-NAME): the edge tests
the name finder (:mod:`macros.casebook.anon_names`, which re-exports them) and the passes after it
share: a common word running in from the left, what follows a name, a class or kin word before it,
and a doubled given name's own edges.
"""

from __future__ import annotations

import re

from macros.casebook.anon_name_words import (
    _KIN_BEFORE,
    _LEFT_AND_KIN,
    _LEFT_AND_KIN_ENDS,
    FOLLOW,
    FUNCTION_CHARS,
    LEFT_CHARS,
)
from macros.casebook.anon_tables import NameTables


def _han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _common(t: NameTables, word: str) -> bool:
    return word in t.common


def _word_from_left(t: NameTables, text: str, i: int) -> bool:
    """Whether a common word runs into position ``i`` from the left (中国, 历史, 全班), or a rarer
    one ends there (车费贵, 课余承担)."""
    if text[i - 1 : i + 1] in t.left_words:
        return not text.endswith("一下", 0, i)  # (问一下周阿姨: 一下 is a word of its own, so 下周 is none here)
    for k in (1, 2, 3):
        if i - k < 0:
            break
        if _common(t, text[i - k : i + 1]) or (i + 1 < len(text) and _common(t, text[i - k : i + 2])):
            return True
    return False


def _follows(text: str, j: int) -> bool:
    return j >= len(text) or text[j] in FOLLOW or not "\u4e00" <= text[j] <= "\u9fff"  # (speed: _han inline)


def _left_ok(text: str, i: int) -> bool:
    if i == 0 or text[i - 1] in LEFT_CHARS or not ("\u4e00" <= text[i - 1] <= "\u9fff" or text[i - 1].isalpha()):
        return True  # (a letter is no edge: 被同学P成丑图, a verb; speed: _han inline)
    return (text[i - 1] in _LEFT_AND_KIN_ENDS and text.endswith(_LEFT_AND_KIN, 0, i)) or _after_class(text, i)


def _after_class(text: str, i: int) -> bool:
    """24级烹饪3班马俊杰, 初二（5）班于洋: a class ends right before ``i``."""
    return text[i - 1 : i] == "班" and i >= 2 and (text[i - 2].isdigit() or text[i - 2] in "）)")


def _after_kin(text: str, left: int | None) -> bool:
    return left is not None and text.endswith(_KIN_BEFORE, 0, left)


def after_punct(text: str, i: int) -> bool:
    """研学那天，钱多多把…, 端午节包粽子，姬小满包的…: a clause's punctuation right before ``i`` (or
    nothing: ``i`` opens the text), where a surname may open a name as it opens a line."""
    return text[i - 1 : i] in "，。；：,;:"


def _kin_left(text: str, left: int | None) -> bool:
    """同桌王果果, 同屋的丁果果: kin or a classmate right before ``left``, or before a 的 there."""
    return _after_kin(text, left) or (left is not None and text[left - 1 : left] == "的" and _after_kin(text, left - 1))


def _clear_left(t: NameTables, text: str, left: int | None) -> bool:
    return left is not None and _left_ok(text, left) and not _word_from_left(t, text, left)


def _doubled_given(t: NameTables, text: str, start: int, surname: str, word_ok: bool = False) -> bool:
    """钱朵朵: a doubled given name at ``start``, no word (unless ``word_ok``: 同桌许多多) and running
    into none (常常, 保卫科科长), not after “and”."""
    pair = text[start : start + 2]
    doubled = len(pair) == 2 and pair[0] == pair[1] and surname not in FUNCTION_CHARS
    return doubled and (word_ok or not _common(t, pair)) and not _common(t, text[start + 1 : start + 3])


_CALLED = ("叫", "名叫", "叫做", "名字是")
_NAMED = ("大名", "本名", "真名", "全名", "学名")


def _called(t: NameTables, text: str, i: int) -> bool:
    """叫钱多多, 大名夏天: what a person is called, right before ``i`` (a name's own label, though
    夏天 is a word; not 名单 or 大名鼎鼎, where the label runs into a word)."""
    if text.endswith(_CALLED, 0, i):
        return True
    return text.endswith(_NAMED, 0, i) and not _common(t, text[i - 1 : i + 1]) and text[i - 2 : i + 2] not in t.words


# A form's name field: 姓名潘启航, 学生姓名：潘启航 (up to the character before the surname), or a field
# of a form, its colon, then the name (学生：甘露　学籍号…, 家长联系方式：包永福　158…)
_LABEL = re.compile(r"(?:姓名\s*[:：]?|(?:学生|家长|联系人|监护人|联系方式)\s*[:：])\s*$")
_LABEL_ENDS = frozenset("名:： ")  # the character before a name after a label (speed)


def _labelled(t: NameTables, text: str, i: int, surname: str) -> bool:
    """姓名：潘启航: a name field's label right before ``i`` (姓名空缺, 姓名和信息: a word or a function
    character after the label is no name, unless it is a field's whole value: 学生：甘露　学籍号)."""
    return (
        bool(_LABEL.search(text, max(0, i - 7), i))
        and surname not in FUNCTION_CHARS  # (姓名：单雨: after the label even 单 is a surname)
        and (not _common(t, text[i : i + 2]) or (text[i - 1] in ":：" and not _han(text[i + 2 : i + 3])))
    )
