"""Names in Latin letters in Chinese case prose (rule CASE-ANON-NAME): Lucas, Emily.

Pupils of international and bilingual classes go by English names, and cases write them as
they are. A capitalised Latin word standing alone in Chinese text (no other Latin word next
to it: an English phrase or a product name is no name) is a name when it is a common English
given name (``data/anon_english_names.txt``), when the case introduces it as one (英文名
Lucas, 叫她 Coco), or when it stands in brackets with a Chinese name (Emily（陈艺琳）,
陈艺琳（Emily）). Once found, it is marked wherever it stands alone in the case.
"""

from __future__ import annotations

import re

from macros.casebook.anon_names import NameHit, NameTables, find_names

_WORD = re.compile(r"(?<![A-Za-z0-9_@.\-])[A-Z][a-z]{1,11}(?![A-Za-z0-9_@\-]|\.[A-Za-z])")
# 英文名 Lucas, 大家叫她 Coco: a word introduced as a person's name (不是“这个工具叫 Pagefind”)
_INTRODUCED = re.compile(r"(?:英文名字?|英语名字?|外文名|(?:叫|喊|称)(?:他|她|我))\s*(?:是|为|叫)?\s*[:：]?\s*[“\"「]?$")
# a Chinese full name in brackets after the word, or before it: Emily（陈艺琳）, 陈艺琳（Emily）
_NAME_AFTER = re.compile(r"[(（]([\u4e00-\u9fff]{2,4})[)）]")
_NAME_BEFORE = re.compile(r"([\u4e00-\u9fff]{2,4})[(（]$")


def _alone(text: str, start: int, end: int) -> bool:
    """No other Latin word next to it, across spaces: not part of an English phrase."""
    before = text[:start].rstrip(" ")[-1:]
    after = text[end:].lstrip(" ")[:1]
    return not (before.isascii() and before.isalpha()) and not (after.isascii() and after.isalpha())


def _bracketed(t: NameTables, text: str, start: int, end: int) -> bool:
    """Emily（陈艺琳）, 陈艺琳（Emily）: a Latin name beside a Chinese full name (not Word（文档）)."""
    after = _NAME_AFTER.match(text, end)
    if after and _full_name(t, after.group(1)):
        return True
    if text[end : end + 1] not in ")）":
        return False
    before = _NAME_BEFORE.search(text, max(0, start - 5), start)
    # the name is the last two or three characters before the bracket
    return bool(before) and any(_full_name(t, before.group(1)[-k:]) for k in (3, 2))


def _full_name(t: NameTables, han: str) -> bool:
    """What the surface pass reads as one whole name (陈艺琳, not 文档)."""
    if not (han[:1] in t.surnames or han[:2] in t.compounds):
        return False
    return any(h.start == 0 and h.end == len(han) for h in find_names(han))


def find_latin_names(t: NameTables, text: str) -> list[NameHit]:
    if not any("A" <= ch <= "Z" for ch in text):
        return []  # most cases: no capital letter at all
    candidates = [m for m in _WORD.finditer(text) if _alone(text, m.start(), m.end())]
    names = {
        m.group(0)
        for m in candidates
        if m.group(0) in t.english
        or _INTRODUCED.search(text, max(0, m.start() - 8), m.start())
        or _bracketed(t, text, m.start(), m.end())
    }
    return [NameHit(m.start(), m.end(), "") for m in candidates if m.group(0) in names]
