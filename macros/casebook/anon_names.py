"""Person names in case prose, without a part-of-speech tagger (rule CASE-ANON-NAME).

jieba's name tag misses names it splits (王/秀英) and tags ordinary words as
names (熊猫, 黎明). This finder works on characters and a few tables in ``data/`` instead:

- ``anon_surnames.txt``: every single and compound surname (《百家姓》 and
  modern additions); ``anon_weak_surnames.txt``: surnames that are also common
  function words or word starts (和, 于, 高, 白 …), which need more evidence;
- ``anon_given_chars.tsv`` / ``anon_given_pairs.txt``: how typical a character
  (and a two-character given name) is in given names, compiled by
  ``scripts/anon_name_stats.py`` from jieba's dictionary and mingzi (both MIT);
- ``anon_words.txt``: common words that contain a surname character (高兴, 许多),
  and ``anon_name_veto.txt``, a reviewed list of words that are no names;
- ``anon_figures.txt``: historical and literary figures (李白, 鲁迅) that trainers can extend.
- ``anon_english_names.txt``: English given names pupils go by (Lucas, Emily), and
  ``anon_tibetan_names.txt`` and ``anon_minority_names.txt``: the parts Tibetan, Uyghur and
  Mongolian names are made of (次仁, 卓玛; 阿依, 古丽; 巴图), all read by :mod:`macros.casebook.anon_latin`.

Forms found: role and kinship (王老师, 张妈妈, 陈同学), 小/老/大 + surname
(小周, 老陈), full names of two to four characters (张伟, 王秀英, 欧阳子轩), and a
given name alone (秀英说…, 子涵的妈妈) when it is the given name of a full name
in the same text, or a typical given name in subject or possessive position.
某/某某 after a surname (王某, 李某某) is the anonymisation convention and passes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from macros.build.reads import data_cache
from macros.casebook.anon_name_edges import _LABEL_ENDS, _called, _doubled_given, _kin_left, _labelled, after_punct
from macros.casebook.anon_name_edges import _after_class as _after_class
from macros.casebook.anon_name_edges import _after_kin as _after_kin
from macros.casebook.anon_name_edges import _clear_left as _clear_left
from macros.casebook.anon_name_edges import _common as _common
from macros.casebook.anon_name_edges import _follows as _follows
from macros.casebook.anon_name_edges import _han as _han
from macros.casebook.anon_name_edges import _left_ok as _left_ok
from macros.casebook.anon_name_edges import _word_from_left as _word_from_left
from macros.casebook.anon_name_words import (
    _BEFORE_TITLE,
    _EVERYDAY,
    _KIN_BEFORE,
    _LEFT_AND_KIN,
    _ROLE_LEFT,
    _THINKING,
    ADVERB_CHARS,
    ALONE_FOLLOW,
    FOLLOW,
    FUNCTION_CHARS,
    NOT_ACTING,
    PERSON_FOLLOW,
    PREFIXES,
    ROLE_ONLY,
    STOP,
    THETA_ALONE,
    THETA_CLEAR,
    THETA_COMPOUND,
    THETA_LITTLE,
    THETA_MEAN,
    THETA_MEAN_PERSON,
    THETA_PAIR_MEAN,
    THETA_PAIR_MIN,
    THETA_STRONG,
    THETA_TWO,
    THETA_TWO_PERSON,
    THETA_WEAK,
    THETA_YI,
    TOP_SURNAMES,
)
from macros.casebook.anon_name_words import (  # re-exported: the finder's word tables
    LEFT_CHARS as LEFT_CHARS,
)
from macros.casebook.anon_name_words import (
    ROLES as ROLES,
)
from macros.casebook.anon_spans import find_words as find_words
from macros.casebook.anon_spans import vocative
from macros.casebook.anon_tables import COMMON_FREQ as COMMON_FREQ
from macros.casebook.anon_tables import NameTables as NameTables
from macros.casebook.anon_tables import tables as tables


@data_cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    t = tables()
    chars = "".join(sorted(t.surnames | {c[0] for c in t.compounds}))
    starts = re.compile(f"[{re.escape(chars)}]")
    roles = re.compile("|".join(map(re.escape, sorted(ROLES, key=len, reverse=True))))
    return starts, roles


def _little_given(t: NameTables, text: str, start: int) -> bool:
    """小北, 小满 after a surname: a typical enough character, no word with 小 (小学, 小时), and what
    follows people after it."""
    g2 = text[start + 1 : start + 2]
    if not g2 or not _han(g2) or g2 in STOP or _common(t, "小" + g2):
        return False
    # (端午节包粽子，姬小满包的…: after punctuation, before what a person does)
    opened = after_punct(text, start - 1) and _han(text[start + 2 : start + 3]) and text[start + 2] not in NOT_ACTING
    return t.score.get(g2, 0.0) >= THETA_LITTLE and (text[start + 2 : start + 3] in PERSON_FOLLOW or opened)


def _given_char(t: NameTables, ch: str) -> bool:
    return bool(ch) and _han(ch) and ch not in STOP and t.score.get(ch, 0.0) >= THETA_LITTLE


def _typical_pair(text: str, j: int, s1: float, s2: float) -> bool:
    """Whether two characters make a given name after a surname: typical enough before what
    follows people (吕子航的), more typical before anything else (钱沐阳旁边, 蒋可馨期中)."""
    if _follows(text, j) and min(s1, s2) >= 0.4 and s1 + s2 >= 2 * _mean(text, j):
        return True
    return min(s1, s2) >= THETA_PAIR_MIN and s1 + s2 >= 2 * THETA_PAIR_MEAN


def _mean(text: str, j: int) -> float:
    """How typical a three-character name's given name must be: less when what follows is
    what follows people (吕子航的学籍号, 吕子航说) than before punctuation or other words."""
    return THETA_MEAN_PERSON if text[j : j + 1] in PERSON_FOLLOW else THETA_MEAN


def _given(t: NameTables, text: str, start: int, weak: bool, compound: bool = False, left: int | None = None) -> int:
    """Length of the given name at ``start`` (0, 1 or 2 characters) after a surname, one
    character or ``compound`` (欧阳, 司马), which starts at ``left`` when its left edge counts
    (read only where a test needs it: speed)."""
    g1 = text[start : start + 1]
    if text[start : start + 2] in ("初一", "初二", "初三", "初四", "高一", "高二", "高三") or (weak and g1 in "里上下"):
        return 0  # 新疆班高二的学生: a year of school, not a given name after 班 (班里来了, 区里来人: a place word)
    if g1 in _OPENING_PARTICLES and not weak and _zhi_given(t, text, start):
        return 2  # 杭之远打球, 裴以宁，: 之 and 以 open given names (之远, 以宁) before a typical character
    if not "\u4e00" <= g1 <= "\u9fff" or g1 in STOP or g1 in "狗猫兔鸡鸭猪":  # (一只小黄狗: an animal, no given name)
        return 0  # (speed: _han inline; "" is no Chinese character)
    s1 = t.score.get(g1, 0.0)
    g2 = text[start + 1 : start + 2]
    kin = _kin_left(text, left)  # (同桌王果果, 同屋的丁果果: after kin or a roommate a plainer doubled character too)
    if (s1 >= 0.65 or (s1 >= 0.3 and kin)) and _doubled_given(t, text, start, text[start - 1], word_ok=kin):
        if not _common(t, text[start - 1 : start + 2]):
            return 2  # 发现钱朵朵左耳…: a doubled given name after a surname (冷冰冰 is a word)
    family = text[start - 1 : start + 1]  # surname + first given character
    # What follows a two-character given name: a word that follows people (褚建明说), or a role (宗建国师傅)
    person_after, g3 = text[start + 2 : start + 3] in PERSON_FOLLOW, text[start + 2 : start + 3]
    role_after = text.startswith(ROLE_WORDS, start + 2)  # (宗建国师傅: 国师 is a word, but a role starts after 国)
    runs_on = _common(t, text[start + 1 : start + 3]) and not ((person_after or role_after) and g1 + g2 in t.pairs)
    runs_on = runs_on and not (g1 + g2 in t.modern and _follows(text, start + 2))  # (史嘉怡和范宇轩: not 怡和)
    # (邸浩会做手工: a modal ends a one-character given name; 韩笑拿了: a verb and 了; 孔太大: “too”; 蓝绿色: a colour; 琴拉得好: 得)
    # (讲给王浩听, 弹给全家听: the listener, then 听 or 看 closing the clause)
    no_pair = (
        (g2 in "帮给陪替教" and g3 in "他她我你弟妹")  # (让乐乐帮弟弟: who is helped, no 乐帮)
        or (g2 in "听看" and text[start - 2 : start - 1] == "给" and not _han(g3))
        or (g1 == "太" and g1 + g2 in t.veto)
        or g2 in ("色", "得")
    )
    modal = (g3 in "了着过" and g3 and g1 + g2 not in t.pairs) or (g2 in _MODALS and _han(g3)) or no_pair
    # (子墨右耳只有一半: a side and a part of the body; 路再远也…: an adverb and an adjective; no given name)
    phrase = (g1 in "左右" and g2 in "耳眼手脚腿臂") or (g1 in "再又" and g2 in "远近多少大小长短高低")
    if g2 and _han(g2) and g2 not in STOP and not runs_on and not modal and g1 + g2 not in _ROLE_SET and not phrase:
        pair = g1 + g2
        s2 = t.score.get(g2, 0.0)
        # 白雪梅, 范文杰: the surname and g1 make a word (阳子 in 欧阳子墨 is no such word)
        family_word = not compound and (_common(t, family) or family in t.left_words)  # (琴谱锁进: a rarer word too)
        strong = s1 >= THETA_STRONG and s2 >= THETA_STRONG
        # 许可馨在: after a surname that makes a word with g1, a very typical g2 before what follows people
        sure_second = min(s1, s2) >= THETA_ALONE and person_after
        # A given name that is also a word (建国, 欣然) still makes a full name after a surname that is no word.
        # 纪明哲在: after a weak surname, only a known given name of two very typical characters before what
        # follows people (马建国的: a commonest surname vouches as much; 爸爸石建华, 联系人包建军: a kin word or field)
        # (带教的宗建国师傅: a role right after a known given name is as telling as a kin word before it)
        known_word = (pair in t.pairs and (role_after or ((strong or text[start - 1] in TOP_SURNAMES) and person_after))) or (
            (pair in t.pairs or pair in t.jieba_names) and _after_kin(text, left)  # (同桌方宇航: a name to jieba too)
        )
        # (闻天宇说话有点口吃, 于海洋在…: opening a line, a name to jieba or a known given name before what follows people)
        known_word = known_word or (
            (pair in t.jieba_names or pair in t.pairs)
            and person_after
            and left is not None
            and text[left - 1 : left] in ("", "\n")
        )
        if not _common(t, text[start - 1 : start + 2]) and not (weak and _common(t, pair) and not known_word):
            if family_word:  # (殷红梅阿姨: a role after; 一棒的方子豪冲线: a known given name after a clear left edge)
                ends = _follows(text, start + 2) or role_after or (pair in t.pairs and _clear_left(t, text, left))
                ends = ends or (strong and _after_kin(text, left))  # (外公庞德贵以前…: kin vouches, though 庞德 is a word)
                # (鲁迅的文章刚开始…, 学校的银杏树: after a weak surname and a word this everyday, or a plant's
                # word before 树/叶/林, only a known given name)
                everyday = weak and (t.words.get(family, 0) >= _EVERYDAY or g2 in ("树", "叶", "林"))
                if (pair in t.pairs or ((strong or sure_second) and not everyday)) and ends:
                    return 2
            elif pair in t.pairs or strong or _typical_pair(text, start + 2, s1, s2) or (role_after and min(s1, s2) >= 0.3):
                return 2  # (郭大成师傅: a role right after vouches for a plainer given name)
            elif not weak and min(s1, s2) >= 0.5 and s1 + s2 >= 2 * THETA_CLEAR and _clear_left(t, text, left):
                return 2  # 班的邱子墨数学…: after a clear left edge, a surname that is no word vouches more
            elif g1 == "一" and s2 >= THETA_YI and _follows(text, start + 2):  # 一帆, 一航, 一然: 一 is common in names
                return 2
            elif g2 == "一" and s1 >= 0.6 and text[start + 2 : start + 3] in PERSON_FOLLOW:
                return 2  # 詹天一在…: 一 ends given names too (天一, 可一), before what follows people
            elif compound and min(s1, s2) >= THETA_COMPOUND:
                return 2  # 司马悠然参加: after a compound surname a given name that is also a word (悠然)
            elif min(s1, s2) >= 0.5 and _after_kin(text, left) and _follows(text, start + 2):
                return 2  # 他的外公季长根。: after kin, two characters seen in given names, then the name ends
            elif not weak and s1 >= 0.9 and s2 >= 0.2 and person_after and g2 not in FOLLOW and not _common(t, pair):
                return 2  # 庞秋实说: a rarer second character (实) before 说, 的 …; 王秋 would leave it hanging
    # 包小雨说 (才小声说: an adverb, then 小声)
    little_said = g1 == "小" and text[start + 2 : start + 3] in PERSON_FOLLOW and text[start - 1] not in _NOT_LITTLE_LEFT
    if g1 == "小" and (
        _little_given(t, text, start) or ((compound or little_said) and _given_char(t, text[start + 1 : start + 2]))
    ):
        return 2  # 莫小北说, 佟小满是, 尉迟小雨已经: 小 and one character are a given name after a surname
    if text[start : start + 2] in _ROLE_SET:
        return 0  # 和爷爷, 说爷爷, 和同学: the character after the “surname” starts a role word
    if _common(t, text[start : start + 2]) and not _follows(text, start + 1):
        return 0
    if _common(t, family) and not (family in t.jieba_names and family not in t.veto and family[0] in TOP_SURNAMES and s1 >= 0.9):
        return 0
    if family in t.left_words and (s1 < 0.9 or text[start + 1 : start + 2] not in PERSON_FOLLOW):
        return 0  # ，涂改的痕迹, 在琴谱上: a rarer word opening with the surname (unless a name's 说, 的 …)
    # 戚航说: a surname that starts no word, one given character, then a word that follows people
    person = not weak and text[start + 1 : start + 2] in PERSON_FOLLOW and not _common(t, family)
    if g1 == "一" and (person or (not weak and text[start + 1 : start + 2] in "和与跟" and not _common(t, family))):
        return 1  # 丁一的父亲, 丁一在: 一 alone is a given name (唯一的, 统一的 have no surname before)
    # (旁边的戚浩嘟囔了: after a clear left edge, a very typical given character, then a word)
    nxt = text[start + 1 : start + 3]
    # (程橙参加了…: after one of the commonest surnames a character a little less typical)
    top = 0.8 if text[start - 1] in TOP_SURNAMES else 0.9
    word = not weak and s1 >= top and (_common(t, nxt) or nxt in t.left_words) and not _common(t, family)
    # (端木晴养了一只…: after a compound surname a very typical given character needs only a clear left edge)
    ends = _follows(text, start + 1) or ((word or (compound and s1 >= 0.85)) and _clear_left(t, text, left))
    # (宫羽养了一只仓鼠: opening a line, a weak surname before a very typical character that makes no word with it)
    # (not 区青少年…, 高尔基: a longer word opens with the given character or the surname)
    opening = weak and s1 >= 0.85 and left is not None and text[left - 1 : left] in ("", "\n") and not _common(t, family)
    ends = ends or (opening and not _common(t, text[start : start + 3]) and not _common(t, text[start - 1 : start + 2]))
    if s1 >= (THETA_WEAK if weak else THETA_TWO_PERSON if person else THETA_TWO) and ends:
        # 钱全都, 李明说: when the given character starts a word with what follows, only a very typical one is a name
        if _common(t, text[start : start + 2]) and s1 < 0.85:
            return 0
        return 1
    return 0


TITLED_KIN = ("老师", "妈妈", "爸爸", "阿姨", "叔叔")  # 我和田老师商量: “and”, a surname, a title (和田 is a word)
_OPENING_PARTICLES, _MODALS, _ROLE_SET = frozenset("之以"), frozenset("会能要想该"), frozenset(ROLES)  # (speed: a set of ROLES)
_NOT_LITTLE_LEFT = FUNCTION_CHARS | ADVERB_CHARS  # (speed: made once, not per given name)
_MONEY_VERBS = frozenset("花用交还给存付赚借凑攒都也不没")
_WISHES = tuple("新年 生日 节日 中秋 春节 快乐 健康 身体 平安 顺利 幸福 万事 工作 学业 天天 永远 早日".split())
_KIN_AFTER_LOVE = tuple("爷爷 奶奶 妈妈 爸爸 外婆 外公 父母 家人 孩子 自己 学生".split())
# Cousins: role nouns (anon_positions), a companion after 和 (here), a role before a name part (anon_latin).
COUSINS = tuple("堂姐 堂哥 堂弟 堂妹 表姐 表哥 表弟 表妹".split())
# Relatives and companions one does things with (和堂姐, 跟室友); the commoner roles are in ROLES.
_COMPANIONS = frozenset(COUSINS) | frozenset("姐妹 兄弟 亲戚 家人 邻居 室友 朋友 同伴 伙伴 父母".split())


def _zhi_given(t: NameTables, text: str, start: int) -> bool:
    g2 = text[start + 1 : start + 2]
    if not g2 or g2 in STOP or _common(t, text[start] + g2) or _common(t, text[start + 1 : start + 3]):
        return False
    return (t.score.get(g2, 0.0) >= THETA_PAIR_MIN or text[start : start + 2] in t.modern) and _follows(text, start + 2)


@dataclass(frozen=True)
class NameHit:
    start: int
    end: int
    given: str  # the given name, for finding it used alone elsewhere


def find_names(text: str) -> list[NameHit]:
    """Every name on the surface of ``text``: normalised, pseudonyms masked, and what is no
    person of the case (figures, titles, states) already blanked by
    :func:`macros.casebook.anon_aside.set_aside`, the one caller."""
    t = tables()
    starts, roles = _patterns()
    hits: list[NameHit] = []
    pos = 0
    for m in starts.finditer(text):
        i = m.start()
        if i < pos:
            continue
        hit = _name_at(t, roles, text, i)
        if hit is not None:
            hits.append(hit)
            pos = hit.end
    hits += _given_alone(t, text, hits)
    return sorted(hits, key=lambda h: h.start)


def _name_at(t: NameTables, roles: re.Pattern[str], text: str, i: int) -> NameHit | None:
    length = 2 if text[i : i + 2] in t.compounds else 1 if text[i] in t.surnames else 0
    if length == 0 or (text[i] == "班" and _after_class(text, i + 1)):
        return None  # 3班马俊杰: the 班 of a class, not the surname 班
    nxt = text[i + length : i + length + 1]
    # no role, 叫 form or given name starts with punctuation or a particle: only a 小/老 nickname can end here
    bare = not nxt or (nxt in STOP and nxt not in _OPENING_PARTICLES) or not _han(nxt)
    if bare and text[i - 1 : i] not in PREFIXES:
        return None  # (speed: asked first)
    c = text[i]
    if c in _ODD_STARTS and _placeholder(t, text, i):
        return None  # 导师乙马上联系: 甲, 乙, 丙 after a role are the convention for a pseudonym
    surname = text[i : i + length]
    after = i + length
    doubled = text[i - 1 : i] == c and not text.endswith(_ROLE_LEFT, 0, i)  # (not 班主任任老师: a role, then 任)
    if c == "某" or doubled or (i > 0 and text[i - 1] in _MEASURES and _counted(text, i)):
        return None  # 某一科, 某某: the convention, never a surname; 一张张念: a measure word doubled
    if c in "和与跟及" and (
        text[i - 1 : i] == "\u3000" or text.endswith(_LEFT_AND_KIN, 0, i) or text.startswith(_KIN_AFTER_LOVE, i + 2)
    ):
        return None  # 陆游和唐婉, 同学和月亮: after a figure set aside or a role, 和 is “and”; 和葛妈妈: and her mother
    if nxt == "某":
        return None  # 王某, 李某某: the convention
    if c == "籍" and i > 0 and (_han(text[i - 1]) or text[i - 1] == "\u3000"):
        return None  # 越南籍妈妈, 外地籍学生: a nationality or a registration, after the place
    if c in ADVERB_CHARS and i > 0 and _han(text[i - 1]) and _common(t, text[after : after + 2]):
        return None  # 后来才承认: an adverb inside a clause before a common word, not the surname 才
    if (c == "爱" and text.startswith(_KIN_AFTER_LOVE, after)) or (c == "钟" and text[i - 1 : i] == "点"):
        return None  # 爱爷爷也要爱自己: the verb and whom one loves (爱 is a surname almost never); 一点钟: the clock
    if c == "钱" and i > 0 and text[i - 1] in "的把笔些块零花赚存借攒" and nxt in _MONEY_VERBS:
        return None  # 打工的钱花在游戏上, 把钱花光: money spent, not the surname 钱 (班上的钱逸凡 is)
    prefixed = i > 0 and text[i - 1] in PREFIXES and length == 1 and (text[i - 1] != "大" or surname in TOP_SURNAMES)
    prefixed = prefixed and text[i - 2 : i] != "得老"  # (肿得老高: after 得, 老 is “very”)
    # (不想老向家里要: inside a clause 老 before a preposition is “always”)
    prefixed = prefixed and not (text[i - 1] == "老" and c in FUNCTION_CHARS and _han(text[i - 2 : i - 1]))
    # 老高, 小张 are in jieba's dictionary too: only the veto list says what is no nickname (大刘, not 做“大单”: top surnames)
    # (年级组的老班主任: the nickname would open a longer word)
    if prefixed and text[i - 1 : i + 1] not in t.veto and not _common(t, text[i : i + 2]) and not _common(t, text[i : i + 3]):
        # (带教师傅老孙马上…: a common word after the nickname ends it as well; 被师傅老鲁夸了: a role before it)
        ends = _follows(text, after) or _common(t, text[after : after + 2]) or text.endswith(_ROLE_LEFT, 0, i - 1)
        # (继父老陈说: kin before it, so 父老 is no word here)
        if ends and not (i > 1 and _common(t, text[i - 2 : i]) and not text.endswith(_KIN_BEFORE, 0, i - 1)):
            return NameHit(i - 1, after, "")
    if bare:
        return None
    role = roles.match(text, after)
    if c == "祝" and role and text.startswith(_WISHES, role.end()):
        return None  # “祝叔叔新年快乐”: a wish to someone, not the surname 祝 (祝叔叔说 is)
    if role is None and surname in ROLE_ONLY and text[i - 1 : i] not in _LABEL_ENDS and text[i - 1 : i] not in "叫做是":
        if not _very_typical_pair(t, text, after, i):  # (speed: the test below, asked before the label and 叫 forms)
            return None  # where no role follows and no label or 叫 precedes, those cannot make a name of it
    # (宿管于阿姨: after a role word even 于 starts a role form; 导师和教练 is “and”; 带教的于师傅: after 的 too)
    function = surname in FUNCTION_CHARS
    opening_yu = surname == "于" and text[i - 1 : i] in ("", "\n")  # (于敏同学的妈妈: a line opens with no “at”)
    if function and (text[after : after + 2] in _COMPANIONS or text[after + 1 : after + 3] in ("同学", "朋友", "老师")):
        if not opening_yu:
            return None  # 和堂姐视频, 跟表哥, 不和新同学说话: “with” someone, not a surname before a given name
    after_role = function and surname not in "和与同跟及" and role is not None  # (speed: the rest read only then)
    after_role = after_role and (text.endswith(_ROLE_LEFT, 0, i) or text[i - 1 : i] == "的" or vocative(text, i, after + 2))
    joined = role and text[i - 1 : i] in "和跟与" and role.group(0) in TITLED_KIN and not _word_from_left(t, text, i - 1)
    if role and role.group(0) != "老" and (not function or after_role) and (joined or not _word_from_left(t, text, i)):
        # 整理成导师组: a weak surname before a role needs a clear left edge too
        if surname not in t.weak or _left_ok(text, i) or text.endswith(_THINKING, 0, i) or text.endswith(_BEFORE_TITLE, 0, i):
            if not _common(t, text[i : after + 2]) or role.group(0) in ("老师", "同学", "师傅"):  # (jieba has 姚师傅)
                return NameHit(i, role.end(), "")
    if _called(t, text, i) or (text[i - 1 : i] in _LABEL_ENDS and _labelled(t, text, i, surname)):  # 叫钱多多, 姓名：潘启航
        given = 2 if _han(text[after + 1 : after + 2]) and text[after + 1] not in STOP else 1
        if _han(nxt) and nxt not in STOP and _follows(text, after + given):
            return NameHit(i, after + given, text[after : after + given] if given == 2 else "")
    if surname in ROLE_ONLY and not _very_typical_pair(t, text, after, i):
        return None  # (单雨欣: two very typical given-name characters after a clear left edge)
    weak = length == 1 and surname in t.weak
    given = _given(t, text, after, weak, compound=length == 2, left=i)
    if given == 0:
        return None
    left_ok, word_left, kin_left = _left_ok(text, i), _word_from_left(t, text, i), text.endswith(_KIN_BEFORE, 0, i)
    if length == 1 and i + 4 <= len(text) and text[i : i + 4] in t.words:
        return None  # 古尔邦节, 南丁格尔, 相依为命: the name would open a four-character word
    pair = text[after : after + 2]
    if given == 2 and t.words.get(pair, 0) >= _EVERYDAY and not left_ok and text[after + 2 : after + 3] not in PERSON_FOLLOW:
        return None  # 一起涂颜色: an everyday word after a surname character inside a clause (not 写着王平安的)
    if given == 2 and t.words.get(pair, 0) >= 10 * _EVERYDAY and pair not in t.pairs and not left_ok:
        return None  # 一家电商公司的: a word this everyday (公司, 学校) is no given name inside a clause
    # 如何平衡: a typical given name that is itself a common word does not override a word from the left
    typical = given == 2 and pair in t.pairs and min(t.score.get(ch, 0.0) for ch in pair) >= THETA_STRONG and not _common(t, pair)
    # (带着季昊然去了…: a given name of today or a doubled one vouches as well, after a weak surname too)
    typical = typical or (given == 2 and (pair in t.modern or _doubled_given(t, text, after, surname)))
    if weak and not left_ok and not typical:
        return None
    doubled_and = surname in "和与跟同及" and pair[:1] == pair[1:]
    if function and given == 2 and (doubled_and or (_common(t, pair) and text.startswith(_PARENTS_AFTER, after + 2))):
        return None  # 和远方家长的联系, 和轩轩一起: “and”, then parents of a kind (远方) or a doubled name, no 和 family
    if weak and given == 1 and text[i - 1 : i] == "的" and not _after_class(text, i - 1):
        return None  # 自己做的曲奇: after 的 a weak surname and one character are a noun (3班的牛浩 is a pupil)
    if length == 1 and word_left and not kin_left and (not typical or function):
        return None  # 中国, 历史, 关于浩宇: the surname ends a word; a very typical given name overrides it, not after 于
    return NameHit(i, after + given, text[after : after + given] if given == 2 else "")


# 学生甲, 导师乙, 家长丙: the usual pseudonyms, never a surname (丁 is a common surname as well)
PLACEHOLDERS = frozenset("甲乙丙戊己庚辛壬癸")
_PLACEHOLDER_ROLES = tuple("学生 家长 教师 老师 同学 孩子 男生 女生 导师 班主任 同桌 宿管 校医 门卫 保安 师傅 社工 教练".split())


_PARENTS_AFTER = ("家长", "的家长", "父母", "的父母")
_ODD_STARTS = PLACEHOLDERS | {"丁"}  # where a placeholder may stand (speed: the test runs for every surname)
# (一笔钱花在…; not 把: 周三把葛语汐… is “take”)
_MEASURES = frozenset("只条头匹棵朵件块张个笔本份封杯碗盒包袋瓶辆台间篇首幅道双支套座")
_COUNTS = frozenset("一二三四五六七八九十两几这那每")


def _counted(text: str, i: int) -> bool:
    """一只白鹭, 那张白纸: after a number and a measure word comes a thing, not a surname."""
    return i >= 2 and text[i - 1] in _MEASURES and text[i - 2] in _COUNTS


def _placeholder(t: NameTables, text: str, i: int) -> bool:
    """学生甲, 导师乙, 导师丁找到了…: a placeholder after a role (丁 only before a character that is
    no typical given name, or a word: 学生丁留下来; 学生丁一 may be a pupil called 丁一)."""
    ch, after = text[i], text[i + 1 : i + 3]
    titled = text.startswith(ROLE_WORDS, i + 1)  # 我是他的导师丁老师, 钢琴老师辛老师: with a title, the surname
    # (语文老师丁玉兰商量: a known given name is one, though 玉兰 is a word)
    odd = t.score.get(after[:1], 0.0) < 0.5 or (_common(t, after) and after not in t.pairs)
    odd = odd and after[:1] != after[1:]  # (同桌丁果果: a doubled given name follows a surname, not a placeholder)
    if titled or (ch not in PLACEHOLDERS and not (ch == "丁" and odd)):
        return False
    return text.endswith(_PLACEHOLDER_ROLES, 0, i)


ROLE_WORDS = tuple(r for r in ROLES if r != "老")  # the roles that are words of their own (not the 老 of 老周)


def _very_typical_pair(t: NameTables, text: str, after: int, i: int) -> bool:
    pair = text[after : after + 2]
    if text[i - 1 : i] in ("", "\n") and t.score.get(pair[:1], 0.0) >= 0.9 and _follows(text, after + 1):
        # 单磊是…: opening a line, one very typical character (家明说 is the given name 家明 alone)
        return not _common(t, text[i : after + 1]) and not _common(t, pair) and text[i : after + 1] not in t.pairs
    if text[i - 1 : i] == "的" and _after_class(text, i - 1) and len(pair) == 2 and not _common(t, pair):
        return min(t.score.get(ch, 0.0) for ch in pair) >= 0.6  # 高二（7）班的米亚楠: a class's pupil, any verb after
    modern = pair in t.modern  # (象棋社的解一帆在…: a given name of today, whatever the older lists say of 一)
    if len(pair) < 2 or (not modern and (t.score.get(pair[0], 0.0) < 0.8 or t.score.get(pair[1], 0.0) < 0.8)):
        return False  # (speed: the plainest pair the test below allows, asked first)
    # (妈妈应美华在…, 家长单红梅: after kin or a form's field plainer characters, and a known given name that is a word)
    kin = text.endswith(_KIN_BEFORE, 0, i)  # (车子涵在…: a given name of today, though 车子 is a word)
    word = _common(t, pair) and not (kin and pair in t.pairs)
    found = text.endswith(_THINKING, 0, i)  # (体检时发现贝安琪视力下降: whom one finds, as after kin)
    if not (_left_ok(text, i) or kin or found) or word or (_common(t, text[i : after + 1]) and not modern):
        return False
    ends = _follows(text, after + 2) or text.startswith(ROLE_WORDS, after + 2)  # (花丽萍护士长说: a title after it)
    ends = ends or ((kin or found) and pair in t.pairs)  # (由爸爸米振华陪…: kin and a known given name, whatever the verb)
    # (解晓雯参加了…: opening a line, two of the most typical characters, whatever the verb after them)
    ends = ends or (text[i - 1 : i] in ("", "\n") and min(t.score.get(ch, 0.0) for ch in pair) >= 0.9)
    return (modern or min(t.score.get(ch, 0.0) for ch in pair) >= (0.8 if kin else 0.85)) and ends


_FAR = ("家远", "家近")  # a home far or near, alone; 王家远 after a surname is still read as a name


@data_cache  # made from the word lists: again when one changes
def _alone_candidates() -> re.Pattern[str]:
    """Where a given name used alone may start: two characters typical enough of given names
    (none a particle, the first no adverb), then a verb or particle (speed: the engine skips the
    rest, where a look-ahead at every position tried each)."""
    t = tables()
    given = {ch for ch, score in t.score.items() if score >= 0.3 and _han(ch) and ch not in STOP}
    first = "".join(sorted(given - ADVERB_CHARS))
    return re.compile(f"[{first}](?=[{''.join(sorted(given))}][{re.escape(''.join(sorted(ALONE_FOLLOW)))}])")


def taken_by(hits: Iterable[NameHit], length: int) -> bytearray:
    """One byte a character of a text of ``length``: 1 where a hit covers it."""
    taken = bytearray(length + 1)
    for h in hits:
        taken[h.start : h.end] = b"\x01" * (h.end - h.start)
    return taken


def _given_alone(t: NameTables, text: str, hits: list[NameHit]) -> Iterable[NameHit]:
    """Given names used alone: those of a full name found in the text anywhere, other typical
    given names in subject or possessive position."""
    taken = taken_by(hits, len(text))

    def free(s: int, e: int) -> bool:
        return not any(taken[s:e])

    def take(s: int, e: int) -> None:
        taken[s:e] = b"\x01" * (e - s)

    known = sorted({h.given for h in hits if h.given and not _common(t, h.given)})
    if known:
        for start, end in find_words(text, known):
            if free(start, end):
                take(start, end)
                yield NameHit(start, end, text[start:end])
    # Only pairs a verb or particle follows can be a given name alone (tested last): looked at first, for speed
    # (孩子才会在…: no adverb before a modal, whatever a name list says of 才会; see _alone_candidates).
    for m in _alone_candidates().finditer(text):
        i = m.start()
        pair = text[i : i + 2]
        low, high = sorted((t.score.get(pair[0], 0.0), t.score.get(pair[1], 0.0)))
        # A known given name (一鸣, 浩然) needs one very typical character; any other pair two typical ones.
        if (low < 0.3 or high < 0.85) if pair in t.pairs else low < THETA_ALONE:
            continue
        if _common(t, pair) or pair in _ROLE_SET or not free(i, i + 2) or not _left_ok(text, i):
            continue
        if _word_from_left(t, text, i) or _common(t, text[i + 1 : i + 3]) or text[i - 1 : i + 1] == "的家" or pair in _FAR:
            continue  # (阿布都的家远在新疆: whose home, not a given name 家远; 因为家远不能回家: a home far away)
        if text[i + 2 : i + 3] == "后" and text[i + 3 : i + 4] not in "来面边头":
            continue  # 校医冰敷后通知…: after what is done (a name before 后 only in 后来, 后面)
        # A verb or particle follows (秀英说, 子涵的妈妈): not punctuation (先听，后说) or the end.
        take(i, i + 2)
        yield NameHit(i, i + 2, pair)
