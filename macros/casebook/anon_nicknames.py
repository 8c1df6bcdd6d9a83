"""Nicknames and the small words around them (rule CASE-ANON-NAME): 小X, 阿X and doubled
names (小胖, 阿娟, 朵朵), what makes them a person's (kin, a home, a verb that takes a person) and
what makes them no one's (a pet, a sound, an adverb); and the full names read before kin whose
surname the tables distrust (禚雨涵的妈妈, 孔繁星的家长). Read by :mod:`anon_people`.
"""

from __future__ import annotations

import re

from macros.casebook import anon_names
from macros.casebook.anon_leads import tried_at
from macros.casebook.anon_name_edges import after_punct
from macros.casebook.anon_name_words import NOT_ACTING
from macros.casebook.anon_names import NameTables, _han
from macros.casebook.anon_names import _common as _is_word
from macros.casebook.anon_positions import (
    _HAN,
    _VERB_CHARS,
    ADVERB_FREQ,
    KIN_AFTER_DE,
    NO_NICKNAME_CHARS,
    ROLE_NOUNS,
    THETA,
    _acts_or_is,
    _clause_start,
    _line_start,
    _typical,
)

_PERSON_OBJECT_VERBS = frozenset("让叫请陪帮找问给和跟与对把被谢带接")  # (来接彤彤: pick up)


def _after_class_de(text: str, i: int) -> bool:
    """四（1）中队的冉冉, 3班的: a class and 的 before ``i`` (a pupil of it follows)."""
    return text[i - 1 : i] == "的" and text[i - 2 : i - 1] in ("班", "队")


# What a pet is: 叫“豆豆”的小狗
_PET_AFTER = re.compile(r"[”\"」]?\s*的(?:小)?(?:狗|猫|兔子?|仓鼠|鹦鹉|乌龟|金鱼|狗狗|猫咪|宠物)")
# Reduplications that are interjections or sounds, never a nickname.
_NOT_NICKNAME = frozenset("哈嘿呵啦嘻哼嗯哦噢呜嗷咚哗叮咕嘀喔啊呀吧么")


_REDUPLICATED = re.compile(rf"([{_HAN}])\1")
_LITTLE = re.compile(rf"[小阿][{_HAN}]")


def _kin_name(t: NameTables, token: str, de: bool) -> bool:
    """天宇的爷爷 (a known given name, one character less typical), 黎明妈妈 (a surname and a typical
    given-name character right before 妈妈: 温柔的妈妈 has 的, and 温柔妈妈 is not said)."""
    if token in ROLE_NOUNS or token[1] in anon_names.STOP or _is_word(t, token) and de:
        return False
    low = min(t.score.get(ch, 0.0) for ch in token)
    if token in t.pairs and low >= 0.5:
        return True
    return not de and token[0] in t.surnames and t.score.get(token[1], 0.0) >= THETA


def _no_word_name(t: NameTables, token: str, least: float = 0.6) -> bool:
    """日根的妈妈, 若榴的外婆, 米粒说: two characters that make no word at all, one of them typical
    of given names (rarer names: Mongolian, literary), before 的 and a parent at a clause start or
    opening a line before a verb of speech or feeling (the caller asks for the place)."""
    if token in t.words or _is_word(t, token) or token in ROLE_NOUNS or token in anon_names._ROLE_SET:  # (店长答应)
        return False
    if anon_names.STOP.intersection(token):
        return False
    if token[1] in NOT_ACTING or token[1] in "甲乙丙丁":
        return False  # 画里的外婆: a place word ends it; 约丙的父母: a pupil called 丙 (学生丙)
    return max(t.score.get(token[0], 0.0), t.score.get(token[1], 0.0)) >= least


def rare_word_name(t: NameTables, token: str) -> bool:
    """远航的妈妈 opening a line: a rare word (fewer than 300 uses) of one very typical given-name
    character and another seen in names is a name before 的 and a parent (not 远方: 方 is rare in names);
    after a surname, a typical one will do (甘露的妈妈)."""
    if token in ROLE_NOUNS or token in anon_names._ROLE_SET or anon_names.STOP.intersection(token):
        return False
    first, second = (t.score.get(ch, 0.0) for ch in token)
    typical = max(first, second) >= 0.85 or (token[0] in t.surnames and second >= 0.8)
    return t.words.get(token, 0) < 300 and typical and min(first, second) >= 0.4


def _little_given(t: NameTables, pair: str) -> bool:
    """小龙 in 武小龙: 小 and a very typical given-name character make a given name after a surname."""
    return pair[:1] == "小" and t.score.get(pair[1:2], 0.0) >= 0.85 and pair[1:2] not in anon_names.STOP


# What only a person has after 小X: kin after 的, a home (小凯家的保姆, 小胖家里)
# (小雨住在…, 小雨家新地址是…)
_LITTLE_OWNS = re.compile("的(?:" + "|".join(KIN_AFTER_DE) + ")|家(?:的|里|住|在|新?地址)|住在")


def acting_at(text: str, j: int) -> bool:
    """Whether a Chinese character that is no particle or place word stands at ``j``: where a
    person's name may end before what the person does (菲菲搬家…, not 天天上学)."""
    return _han(text[j : j + 1]) and text[j] not in NOT_ACTING


def opening_full_name(t: NameTables, text: str, i: int) -> bool:
    """A line opening with a full name: a surname, 小 and a given-name character that make no word,
    then anything but a particle or place word (汪小满有轻度听力损失, not 金小区); or a surname the
    tables lack or distrust before a pupil's given name of today (练志强下课后…, 应一诺的…)."""
    if text[i + 1 : i + 3] in t.modern and _unknown_surname_name(t, text, i):
        return True
    if text[i + 1 : i + 2] != "小" or text[i : i + 1] not in t.surnames or not _little_nickname(t, text[i + 1 : i + 3]):
        return False
    return acting_at(text, i + 3)


def _little_nickname(t: NameTables, token: str) -> bool:
    """小胖, 小凯 before what only a person has: any character seen in given names, when 小X is
    no word (小区的, 小店家) and no role noun (小孩的妈妈)."""
    ch = token[1]
    return ch not in anon_names.STOP and t.score.get(ch, 0.0) >= 0.4 and not _is_word(t, token) and token not in ROLE_NOUNS


# (圆圆说弟弟出生以后…: what the speaker says of herself or her family)
_SAYS_OF_SELF = tuple("说她 说他 说自己 说弟弟 说妹妹 说哥哥 说姐姐 说妈妈 说爸爸 说奶奶 说爷爷 说外婆 说外公 说家里".split())


def spoken_doubled(t: NameTables, text: str, i: int) -> bool:
    """可可说：“…”, 圆圆说她…: a doubled word of a name's character opening a line, then 说 and a
    quotation or what the speaker says of herself, is the speaker (默默说 would be an adverb; it
    opens no line before a colon and a quote)."""
    said = text.startswith(("说：“", "说:“", '说："', '说:"'), i + 2) or text.startswith(_SAYS_OF_SELF, i + 2)
    return said and _line_start(text, i) and _pet_name(t, text[i : i + 2], most=1000)


def little_name_word(t: NameTables, token: str) -> bool:
    """小雨, 小燕 where only a person stands (before a title, a parent, 住在): 小 and a typical name
    character, even when they make a word."""
    return token[1] not in anon_names.STOP and t.score.get(token[1], 0.0) >= 0.75 and token not in ROLE_NOUNS


def _little_name(t: NameTables, token: str) -> bool:
    return little_name_word(t, token) and not _is_word(t, token)


# A reduplicated word this frequent is an adverb or a word of its own (默默, 天天, 明明), not a child's name.
REDUPLICATED_FREQ = 300


def _pet_name(t: NameTables, token: str, most: int = REDUPLICATED_FREQ, least: float = 0.5) -> bool:
    """苗苗, 晨晨, 毛毛: a reduplicated name character that is no frequent word, no sound, no number."""
    ch = token[0]
    if token[1] != ch or ch in anon_names.STOP or ch in _NOT_NICKNAME or ch in NO_NICKNAME_CHARS:
        return False
    # 画画, 泛泛: a verb or adverb doubled; a name's character is typical of names
    # (家家做糯米饭: the reviewed veto list says what is no name)
    return t.score.get(ch, 0.0) >= least and t.words.get(token, 0) < most and token not in ROLE_NOUNS and token not in t.veto


def surname_doubled(t: NameTables, text: str, i: int) -> bool:
    """预备（3）班的汤圆圆, 钱多多把压岁钱…: a surname right before the doubled word at ``i`` vouches for it
    up to 1,000 uses, of any character (圆圆 620, 多多), after a class or opening a line before what a
    person does or 是 (钱多多是班里的开心果); a fairly typical character opening a line before any word
    but a particle (伍壮壮听力不好), or after punctuation (研学那天，钱多多把…; not ，高考考了, ，连豆豆都)."""
    sure = _after_class_de(text, i - 1) or (_line_start(text, i - 1) and _acts_or_is(text, i + 2))
    punct = after_punct(text, i - 1) and text[i - 1] not in anon_names.FUNCTION_CHARS and not _is_word(t, text[i - 1 : i + 1])
    opened = (_line_start(text, i - 1) or punct) and acting_at(text, i + 2)
    return (sure or opened) and _pet_name(t, text[i : i + 2], 1000, 0.0 if sure else 0.3)


_DOUBLED_VERBS = frozenset("问看想说试听聊谈找查走读写玩陪帮抱")  # (问问妈妈, 陪陪外婆: a verb doubled)


def doubled_before_elder(t: NameTables, text: str, i: int, elder: int) -> bool:
    """加一下苗苗妈妈的微信, 志愿者唐唐姐姐: a doubled name at ``i`` right before a parent or an elder at
    ``elder``; opening a clause right before a parent, a plainer and more frequent doubled word too (多多妈妈的微信)."""
    token = text[i : i + 2]
    if token[0] in _DOUBLED_VERBS:
        return False  # 问问妈妈, 多陪陪外婆: a verb doubled before whom it is done for
    if text.startswith(("妈妈", "爸爸"), elder) and (_clause_start(text, i) or text[i - 1] in anon_names.LEFT_CHARS):
        return _pet_name(t, token, 1000, 0.3)
    return _pet_name(t, token, least=0.5)


def _nickname_chars(t: NameTables, text: str) -> set[str]:
    """Characters a case uses as a nickname: 航航, 阿犇 (叠字 and 阿X that are no words)."""
    chars: set[str] = set()
    for m in re.finditer(rf"([{_HAN}])\1|阿([{_HAN}])", text):
        ch = m.group(1) or m.group(2)
        if ch in anon_names.STOP or ch in _NOT_NICKNAME or ch in NO_NICKNAME_CHARS:
            continue
        # standing alone, as a name does (命中中的, 分词词典: the pair is inside words)
        left, right = text[m.start() - 1 : m.start()], text[m.end() : m.end() + 1]
        alone = not _is_word(t, left + ch) and not _is_word(t, ch + right)
        if alone and not _is_word(t, m.group(0)) and m.group(0) not in ROLE_NOUNS:
            chars.add(ch)
    return chars


def _unknown_surname_name(t: NameTables, text: str, i: int) -> bool:
    """Whether ``text[i:i+3]`` opening a clause is a full name whose surname the tables lack
    (or distrust): the two characters after it must be a typical given name that is no word."""
    c, given = text[i], text[i + 1 : i + 3]
    if not _han(c) or c in anon_names.STOP or c in anon_names.LEFT_CHARS or c in _VERB_CHARS:
        return False
    if c in t.surnames and c not in t.weak and c not in anon_names.ROLE_ONLY:
        return False  # a known surname: the surface pass decides
    if not _clause_start(text, i) or _is_word(t, c + given[0]) or _is_word(t, text[i : i + 3]):
        return False
    return _typical(t, given, yi=True) and (not _is_word(t, given) or given in t.pairs) and given not in ROLE_NOUNS


def _surname_before_kin(t: NameTables, text: str, i: int, de: bool = True) -> bool:
    """Whether ``text[i:i+3]``, opening a clause before kin, is a surname and a given name
    that is also a word (孔繁星的家长): only a person has parents. After punctuation even a
    surname the tables distrust opens the name (包天宇妈妈, 伍海洋的奶奶)."""
    c, given = text[i], text[i + 1 : i + 3]
    # (应小禾的爸爸妈妈: after punctuation and before 的, a surname mostly read as another word opens a
    # given name that is no word too; 单亲家的妈妈 is a family)
    role_only = c in anon_names.ROLE_ONLY and not (de and not _han(text[i - 1 : i]) and not _is_word(t, given))
    if c not in t.surnames or role_only or c in anon_names.FUNCTION_CHARS:
        return False
    if c in t.weak and (c in anon_names.ADVERB_CHARS or (i > 0 and _han(text[i - 1]))):
        return False  # (后来才知道妈妈…: an adverb; a distrusted surname needs punctuation before it)
    if not (_clause_start(text, i) or text[i - 1 : i] in anon_names.LEFT_CHARS) or _is_word(t, text[i : i + 3]):
        return False
    if given in ROLE_NOUNS or _is_word(t, c + given[0]) or any(ch in anon_names.STOP for ch in given):
        return False
    return min(t.score.get(ch, 0.0) for ch in given) >= 0.3


# 魔术师, 记录员, 小画家, 神枪手, 开心果, 大个子: a three-character nickname naming what the child does or
# is like would fit any child who does it; a nickname made of the name (春生哥, 常不乐) is kept.
_TRAIT_ENDS = tuple("师家手王迷通控虫果员")
_BODY_TAUNTS = frozenset("胖墩 胖子 瘦猴 矮子 四眼 豆芽 竹竿".split())
_TRAIT_WORD_FREQ = 1000  # 数据 5232: a word this common before 哥 is what the child does


def _trait(t: NameTables, called: str) -> bool:
    if len(called) == 3 and called.endswith(("老师", "师傅")) and called[0] in t.surnames:
        return False  # 伍老师 is the role form of a name
    if len(called) == 2:  # 怪人, 好人: what kind of person, not a name; 胖墩, 四眼: a taunt at a body
        return (called[1] == "人" and _is_word(t, called)) or called in _BODY_TAUNTS
    if called[2] in "哥姐" and t.words.get(called[:2], 0) >= _TRAIT_WORD_FREQ and called[:2] not in t.pairs:
        return True  # 数据哥, 学霸姐: an everyday word and 哥, not a name and 哥 (杰哥, 春生哥)
    return called.endswith(_TRAIT_ENDS) or (called[0] in "大小" and called[2] == "子")


# (speed: tried only two characters before a title, where the engine would try every character)
_A_WITH_TITLE = re.compile(r"(?:阿|(?P<d>[\u4e00-\u9fff])(?=(?P=d)))([\u4e00-\u9fff])(?:阿姨|叔叔|哥|姐)(?![姐妹弟哥])")


def titled_nicknames(t: NameTables, text: str) -> list[tuple[int, int]]:
    """阿芳阿姨, “阿斌哥”, 芳芳姐: 阿 or a doubled character, then how a younger person addresses one."""
    found: list[tuple[int, int]] = []
    for m in tried_at(_A_WITH_TITLE, text):
        ch, nick = m.group(2), text[m.start() : m.start() + 2]
        if ch in anon_names.STOP or nick in ROLE_NOUNS:
            continue
        # (满满姐是…: at a clause start a doubled word too, one of no adverb's frequency, of a plainer character)
        # (“谢谢叔叔”: a doubled verb, which the pet-name test turns down)
        doubled = nick[0] == ch and _clause_start(text, m.start()) and _pet_name(t, nick, ADVERB_FREQ, 0.3)
        if t.score.get(ch, 0.0) >= (0.3 if doubled else 0.5) and (doubled or not _is_word(t, nick)):
            found.append(m.span())
    return found


# (speed: tried only two characters before a title, as 阿X above; 可姐姐说 is “but” and 姐姐)
_GIVEN_WITH_TITLE = re.compile(r"([\u4e00-\u9fff](?![哥姐])[\u4e00-\u9fff])(?:哥|姐)(?![哥姐妹弟夫])")


def given_titled(t: NameTables, text: str) -> list[tuple[int, int]]:
    """浩宇哥, 梦瑶姐 opening a clause: a known given name or two typical characters, then 哥 or 姐."""
    found: list[tuple[int, int]] = []
    for m in tried_at(_GIVEN_WITH_TITLE, text):
        given = m.group(1)
        # (小雨姐是…: 小 and a name's character, a word or not, unless the title makes a title: 小师姐, 小表姐)
        little = given[0] == "小" and given[1] not in "师学表堂" and little_name_word(t, given)
        if (little or given in t.pairs or _typical(t, given)) and _clause_start(text, m.start()):
            if (little or not _is_word(t, given)) and given not in ROLE_NOUNS:
                found.append(m.span())
    return found


# 她家养的橘猫“豆豆”, 一只柯基叫“球球”: an animal's name, quoted after the animal (and 叫)
_PETS = r"(?:猫|狗|犬|仓鼠|兔子?|鹦鹉|乌龟|金鱼|柯基|泰迪|金毛|八哥)"
_PET_NAMED = re.compile(
    rf"{_PETS}(?:[，,]?(?:叫|名叫|取名叫?))?[“\"「]([\u4e00-\u9fff]{{1,3}})[”\"」]"  # (一只小乌龟，叫“慢慢”)
    rf"|叫[“\"「]([\u4e00-\u9fff]{{1,3}})[”\"」]的[\u4e00-\u9fff]{{0,2}}?{_PETS}"  # 一只叫“豆豆”的柯基, 的小狗, 的橘猫
    rf"|{_PETS}叫什么名字[^\n]{{0,10}}?叫[“\"「]([\u4e00-\u9fff]{{1,3}})[”\"」]"  # 问她仓鼠叫什么名字。她说叫“团子”
    r"|给它(?:起|取)了?(?:个|一个)?(?:名字?)?叫?[“\"「]([\u4e00-\u9fff]{1,3})[”\"」]"  # 他给它起名叫“雪球”: “it”
    rf"|{_PETS}(([\u4e00-\u9fff])\6)"  # 养了四年的小狗豆豆: a doubled name right after the animal, unquoted
    rf"|[“\"「]([\u4e00-\u9fff]{{1,3}})[”\"」]是[^。！？\n]{{0,12}}?{_PETS}的名字"  # “麦芽”是她家那只金毛的名字
)
_PET_WORD = re.compile(_PETS)


def pet_names(text: str) -> frozenset[str]:
    """The names a case gives its animals: no person of the case, wherever they stand."""
    return (
        frozenset(m[m.lastindex or 0] for m in _PET_NAMED.finditer(text))  # (each alternative has one group)
        if "“" in text or '"' in text or _PET_WORD.search(text)
        else frozenset()
    )
