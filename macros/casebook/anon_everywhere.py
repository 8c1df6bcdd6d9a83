"""Step 3 of reading a case (rule CASE-ANON-NAME): a person found once is found everywhere.

The full name's given name, the nicknames made from it (叠字 桐桐, 小桐, 阿桐, and so
桐桐姐), the surname with a kin word (亓爸爸) and a role form found once (金阿婆) are
marked wherever they occur in the case — front matter, headings, tables and alt
text included, since the whole file is one text. See :mod:`anon_people`.
"""

from __future__ import annotations

import re
from collections import Counter

from macros.casebook import anon_names
from macros.casebook.anon_names import NameHit, NameTables, _han, find_words, taken_by
from macros.casebook.anon_names import _common as _is_word
from macros.casebook.anon_positions import (
    _ADVERB_LEFT,
    _ROLES_BEFORE,
    ADVERB_FREQ,
    BLANK,
    NO_NICKNAME_CHARS,
    ROLE_NOUNS,
    SURNAME_KIN,
    THETA,
)

_AND = frozenset("和与同跟")
_PREDICATE_DE = re.compile(r"的(?:[，。；！？、,.;!?）)\n]|$)")
_ROLE_LAST = frozenset("奶妈爸爷婆公师长子")  # the end of a role noun (奶奶, 老师, 孩子): its subject, then an adverb
_PRONOUNS = frozenset("他她我你们它俩")
_DEGREE = frozenset("不很太最更挺真好多没")  # adverbs of degree and negation: no name follows them


def forms_of(t: NameTables, full: str | None, given: str, family_forms: bool = True) -> set[str]:
    """The forms a person takes in a case: given name, nicknames, surname with kin."""
    forms: set[str] = set()
    if len(given) == 2:
        forms.add(given)
    for ch in {given[-1:], given[:1]} if len(given) == 2 else {given}:
        if not ch or ch in anon_names.STOP or ch in NO_NICKNAME_CHARS:
            continue
        forms |= {ch + ch, "小" + ch, "阿" + ch}
        if not _is_word(t, ch + "儿"):
            forms.add(ch + "儿")  # 小雪 → 雪儿 (女儿, 点儿 are words)
    if len(given) == 2 and given[-1] not in anon_names.STOP:
        forms |= {given[-1] + "哥", given[-1] + "姐"}  # 振宇 → 宇哥, 美雯 → 雯姐
    elif len(given) == 1 and given not in anon_names.STOP and given not in NO_NICKNAME_CHARS:
        forms |= {f for f in (given + "哥", given + "姐") if not _is_word(t, f)}  # 岳浩 → 浩哥 (not 大哥)
    last = given[-1:]
    if last and last not in anon_names.STOP and last not in NO_NICKNAME_CHARS:
        # 小杰 → 杰妈, 杰爸: the parents as the child's friends call them (not 老妈, 大爸)
        # (圆圆 makes no 圆子: a doubled name is its own nickname, and 酒酿圆子 is a sweet)
        sons = (last + "子",) if given[:1] != given[1:] else ()
        # (not 英子 → 子妈: 孩子妈妈 would hold it)
        forms |= {f for f in (last + "妈", last + "爸", *sons) if not _is_word(t, f) and f[0] != "子"}  # 浩宇 → 浩子
        # 海燕 → 燕子, 春梅 → 梅子: a rarer word when the character is a given name's (not 孩子, 样子)
        if sons and t.words.get(last + "子", 0) < 1000 and t.score.get(last, 0.0) >= THETA:
            forms.add(last + "子")
    if full and len(full) - len(given) == 2 and full[:2] in t.compounds:
        forms |= {full[:2]} | {full[:2] + kin for kin in SURNAME_KIN}  # 司徒 alone, 欧阳妈妈
    if full and len(full) - len(given) == 1 and family_forms:  # 亓爸爸, 亓家, 小高
        family = {full[0] + kin for kin in SURNAME_KIN}
        if full[0] in _AND:  # 和家长, 和同学, 和老师: “with the parents” far more often than 和和's
            family -= {full[0] + role for role in ("家长", "同学", "老师")}
        if full[0] not in anon_names.FUNCTION_CHARS:  # 和家, 时家 would be “and home”, “when home”
            family |= {"小" + full[0], "老" + full[0], full[0] * 2}  # (樊天宇 → 樊樊, as the coach calls him)
            # 王家, 白家 are words because they mean “the family”; 国家, 万家 mean something else
            if t.words.get(full[0] + "家", 0) < 1000:
                forms.add(full[0] + "家")
        forms |= {f for f in family if not _is_word(t, f)}
    # 小时, 小心 are words, not 时's or 心's nickname; 思雨 → 小雨, 任舟 → 小舟 are hers (a rarer
    # word, a character typical enough of given names) (speed: one pass, the 小/阿 test first)
    return {
        f
        for f in forms
        # (沈宝宝 … “宝宝是我一手带大的”: a doubled given name, though a role noun, unless a kin word: 爷爷)
        if (f not in ROLE_NOUNS or (f == given and f[:1] == f[1:] and f not in anon_names._ROLE_SET))
        and not (
            len(f) == 2
            and f[0] in "小阿"
            and f != given
            and (t.words.get(f, 0) >= 1000 or t.score.get(f[1], 0.0) < 0.7)
            and _is_word(t, f)
        )
    }


def _only_as_and(text: str, token: str, after_comma: bool = False) -> bool:
    """Whether 和子昂 always follows another word (我和子昂聊), never opening a sentence or
    following a role (和子琪是四年级的学生, 纳西族女孩和子琪: the surname 和); ``after_comma``:
    after a comma too (，和毛豆一起下楼, when 毛豆 is found alone)."""
    i = text.find(token)
    while i >= 0:
        opens = i == 0 or (not _han(text[i - 1]) and not (after_comma and text[i - 1] in "，,"))
        if opens or text.endswith(_ROLES_BEFORE, 0, i):
            return False
        i = text.find(token, i + 1)
    return True


def in_idiom(t: NameTables, text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies inside a four-character word of the word list."""
    for k in range(max(0, end - 4), min(start + 1, len(text) - 3)):  # (speed: a loop, no generator; k + 4 <= len(text))
        if text[k : k + 4] in t.words:
            return True
    return False


def _aabb(t: NameTables, text: str, i: int) -> bool:
    """Whether the pair at ``i`` starts an AABB word made of a common word AB (安安静静 from
    安静); 朵朵画画 is a name and a verb."""
    after = text[i + 2 : i + 4]
    return len(after) == 2 and after[0] == after[1] and _is_word(t, text[i] + after[0])


def _verb_ends_at(t: NameTables, text: str, start: int) -> bool:
    """照顾外公: the character before the surname makes a word with it and none with what stands
    before it (教师范阿姨, 教练武老师 are a role, then the name; 和钱妈妈, 给钱老师 a function word)."""
    left = text[start - 1 : start]
    if not left or left in anon_names.FUNCTION_CHARS or left in anon_names.STOP:
        return False
    return _is_word(t, left + text[start]) and not _is_word(t, text[start - 2 : start])


# Parents and grandparents named after their kin word (爸爸孔建平): no child's doubled nickname comes
# from their names (成绩平平 is no 孔建平)
_GENERATION_ABOVE = tuple("父亲 母亲 爸爸 妈妈 爷爷 奶奶 外公 外婆 舅舅 姑姑 继父 继母 家长 监护人".split())
_OPENS = frozenset("，。；：！？、“”「」\n")
_LEADS = frozenset("的由让请找和跟陪帮给问叫教")  # (听力受损的舒畅升入, 由舒畅自己介绍)
_NOT_AFTER = frozenset("了的地得着过极些")  # (心情舒畅了: the word as a predicate)


def namesakes(t: NameTables, text: str, surname: str, found: Counter[str]) -> set[str]:
    """舒立新 the father … 舒畅两岁时, 由舒畅自己介绍: the surname of a full name found, then one
    character typical enough of given names, where a person stands (opening a clause, after 的,
    由, 让 …) and before a word, twice: the child who shares the name, though 舒畅 is a word
    (not where a name ``found`` starts: 包天佑 makes no 包天)."""
    seen: Counter[str] = Counter()
    i = text.find(surname)
    while i >= 0:
        c, after, left = text[i + 1 : i + 2], text[i + 2 : i + 3], text[i - 1 : i]
        if (
            (not left or left in _OPENS or left in _LEADS)
            and _han(c)
            and c not in anon_names.STOP
            and c not in "一二三四五六七八九十两日末"  # (周丽萍 … 周四下午: a day of the week)
            and t.score.get(c, 0.0) >= 0.4
            and t.words.get(surname + c, 0) < 1000
            and _han(after)
            and after not in _NOT_AFTER
            and not text.startswith(anon_names.ROLE_WORDS, i + 1)
            and text[i : i + 3] not in found
            and text[i : i + 4] not in found
        ):
            seen[surname + c] += 1
        i = text.find(surname, i + 1)
    return {w for w, n in seen.items() if n >= 2}


def _elder_at(t: NameTables, text: str, i: int) -> bool:
    """爸爸孔建平, 他的母亲李娟: a kin word of the generation above right before the name, itself
    no surname's kin form (栾妈妈托天佑: the mother, then the child)."""
    kin = next((k for k in _GENERATION_ABOVE if text.endswith(k, 0, i)), "")
    return bool(kin) and text[i - len(kin) - 1 : i - len(kin)] not in t.surnames


def everywhere(t: NameTables, text: str, hits: list[NameHit]) -> list[NameHit]:
    people: set[str] = set()
    opening: set[str] = set()  # 小 and the surname where that is a word (小龙): only opening a clause
    families: set[str] = set()  # the surnames of full names found, whose namesakes are looked for
    found = Counter(text[h.start : h.end] for h in hits)
    # (司马文博 … 文博: the given name of a full name found is no surname 文 and a given name 博)
    givens = {h.given for h in hits if h.given and h.end - h.start > len(h.given)}
    # the doubled forms of the given names of full names found right after kin of the generation above
    elders = {text[h.start : h.end] for h in hits if 0 < len(h.given) < h.end - h.start and _elder_at(t, text, h.start)}
    doubled = {ch * 2 for h in hits if text[h.start : h.end] in elders for ch in h.given}
    # (speed: a person is found many times over; the forms depend only on the words and the given name)
    for raw, given in {(text[h.start : h.end], h.given): None for h in hits}:
        token = raw.replace(" ", "").replace(BLANK, "")
        # The full name itself is looked for everywhere too (陪燕飞在…), unless it is also a word
        # found once on the surface (高亮, 安全); a padded 杜　鹃 in a name list is no word; a word
        # found as a person twice is that person (宁静的月考 … 我把宁静的错题 … 学生宁静月考退步).
        whole = {token} if len(token) >= 3 or raw != token or not _is_word(t, token) or found[raw] >= 2 else set()
        surname = 2 if token[:2] in t.compounds else 1 if token[:1] in t.surnames else 0
        if len(token) == 2 and token[0] in "老小" and token[1] in t.surnames and not _is_word(t, token):
            people.add(token)  # 门卫老周 where 老周说 stands elsewhere: the nickname as the case uses it
        elif len(token) == 2 and token[0] == "小" and not given and not _is_word(t, token):
            people |= forms_of(t, None, token[1]) & {token[1] + "妈", token[1] + "爸", token}  # 小杰 → 杰妈
        if given and len(token) == 2 and token[0] in t.surnames and token[0] not in anon_names.LEFT_CHARS and token not in givens:
            people |= forms_of(t, token, token[1])  # 时雨 alone is a full name too: 时妈妈, 雨雨
        if given and len(token) == 3 and token.endswith(given) and not surname:
            surname = 1  # 亓佳宁: a surname the tables do not know, confirmed by the case
        # 我和子昂聊 is “and 子昂”: no 和爸爸 (“and dad”) from it; nor is ，和毛豆一起… when 毛豆 is found alone
        conjunction = token[0] in _AND and _only_as_and(text, token, after_comma=found[token[1:]] > 0)
        if given and surname and len(token) == surname + len(given):
            people |= forms_of(t, token, given, family_forms=not conjunction) | whole
            if surname == 1 and len(given) == 2 and token[0] not in anon_names.FUNCTION_CHARS:
                families.add(token[0])  # (read once per surname below, however many of the family are named)
            if surname == 1 and not conjunction and token[0] not in anon_names.FUNCTION_CHARS:
                opening.add("小" + token[0])  # (龙佳慧 … 闫师傅说，小龙其实挺认真的)
        elif given:
            people |= forms_of(t, None, given)
        elif (
            surname
            and 2 <= len(token) <= surname + 2
            and token[surname:] not in anon_names._ROLE_SET
            and _han(token[-1])
            and token not in givens
        ):
            # 张伟: a one-character given name; 高迟到, a nickname called out, is no 迟到 elsewhere
            rest = token[surname:]
            forms = forms_of(t, token, rest, family_forms=not conjunction)
            people |= (forms - ({rest} if len(rest) == 2 and _is_word(t, rest) else set())) | whole
        elif surname and token[surname:] in anon_names._ROLE_SET and token[surname:] != "老":
            people.add(token)  # 金阿婆 found once is 金阿婆 after 一位 too
    people -= doubled - {h.given for h in hits}
    for c in families:
        for kin in namesakes(t, text, c, found):
            people |= forms_of(t, kin, kin[1], family_forms=False) | {kin}
    opening = {f for f in opening if f not in people and f in text}
    if not people and not opening:
        return []
    taken = taken_by(hits, len(text))
    out: list[NameHit] = []
    for start, end in find_words(text, people | opening):
        if any(taken[start:end]):
            continue  # found already (speed: the tests below only turn a form down)
        f = text[start:end]
        # (小龙 the word, 小龙虾: a clause opens with the nickname, and it runs into no longer word)
        # (师傅说小钱是…: after 说 a clause opens too)
        if f in opening and (
            (_han(text[start - 1 : start]) and text[start - 1] != "说")
            or _is_word(t, text[start + 1 : end + 1])
            or not _han(text[end : end + 1])
        ):
            continue
        # (他常常拿…; 奶奶刚刚去世: after a subject the reduplicated adverb, not 姚志刚's 刚刚)
        before = text[start - 1 : start]
        adverb_left = before in _ADVERB_LEFT or before in _ROLE_LAST
        # (考前一个月天天失眠, 几乎天天: after a span of time or 几乎, a doubled word this common is “every …”)
        timed = before in "月周乎" and t.words.get(f, 0) >= ADVERB_FREQ // 2
        if len(f) == 2 and f[0] == f[1] and ((t.words.get(f, 0) >= ADVERB_FREQ and adverb_left) or timed):
            continue
        if f[0] in _AND and f[1:] in SURNAME_KIN and text[start - 1 : start] in _PRONOUNS:
            continue  # 他和妈妈住在一起: “and mother” after a pronoun, not 和天佑's mother (请和妈妈… is)
        if f[1:] in SURNAME_KIN and _verb_ends_at(t, text, start):
            continue  # 照顾外公: a word ends at the surname (照顾), not 顾海洋's grandfather
        if f[1:] in SURNAME_KIN and text[end : end + 1] == "们":
            continue  # 初中时老师们: teachers, not 时光's 时老师
        if len(f) == 2 and _is_word(t, f) and text[start - 1 : start] in _DEGREE:
            continue  # 许安静其实一点也不安静: after 不, 很, 太 the word is the word, not 安静 the name
        # (征得霄霄同意: after 得, a verb following makes it the one who agrees)
        complement = text[start - 1 : start] == "得" and not (_han(text[end : end + 1]) and text[end] not in "的地了着")
        if len(f) == 2 and f[0] == f[1] and (complement or _PREDICATE_DE.match(text, end)):
            continue  # 装得满满的, 眼睛红红的。: a reduplicated complement or predicate, not 小满's 满满
        if f[-1] in "爸妈" and text[end : end + 1] == f[-1] and f[0] in "新亲干继后":
            continue  # 新爸爸和…: a kind of parent (a stepfather), not 建新's 新爸 (小鹿's 鹿妈妈 stays)
        if f[0] == "小" and text[start - 1 : start] in anon_names._MEASURES and _is_word(t, f):
            continue  # 提了个小建议: a thing counted that is a word (小建), not a nickname (几张小虎的照片 stays)
        if in_idiom(t, text, start, end):
            continue  # 春花秋月, 见贤思齐: a form of 杜春花 or 谭思齐 inside a four-character word
        if len(f) == 2 and f[0] == f[1] and _aabb(t, text, start):
            continue  # 安安静静, 高高兴兴: a reduplicated adjective, not 安可's nickname
        if len(f) == 2 and f[0] == f[1] and start > 0 and taken[start - 1] and f[0] in text[max(0, start - 3) : start]:
            continue  # 去郑家栋家家访: right after the name it comes from, the doubled 家 is 家 and 家访 (晴晴琪琪 stays)
        taken[start:end] = b"\x01" * (end - start)
        out.append(NameHit(start, end, f if len(f) == 2 else ""))
    return out
