"""Reading a case as a whole: the people in it, in every form they take (rule CASE-ANON-NAME).

:mod:`anon_names` finds names where they stand out on the surface (a surname and
typical given-name characters, 王老师, 小周). A case names its people in many
other forms, and a word list alone cannot know them. This module reads the whole
text in three steps:

1. **What is not a person of the case** is set aside first: titles in 《》,
   historical and literary figures (:data:`anon_names` figures), ancient states
   and dynasties (秦国, 唐朝), and a measure word after a numeral (一周来, 那张纸),
   so their characters never start a name.
2. **Positions that only a person fills** make a name of a token even when it is
   an ordinary word: before 的 + kin or 妈妈/爸爸 (国庆的妈妈, 子豪妈妈); the
   subject of a verb of speech or feeling at the start of a clause (红梅不愿意,
   欣悦低着头); the one addressed at the start of a quote (“浩宇，…”); after a
   role in apposition (同桌潘诗雨, 心理老师范秀梅, 母亲李娟女士); after 问/找/叫/陪
   (导师问浩宇); a name padded with a full-width space as name lists write it
   (王　芳). Role nouns (孩子, 朋友, 同桌 …) never fill them.
3. **A person found once is found everywhere**: the full name's given name, the
   nicknames made from it (叠字 桐桐, 小桐, 阿桐, and so 桐桐姐) and the surname with
   a kin word (亓爸爸) are marked wherever they occur in the case — front matter,
   headings, tables and alt text included, since the whole file is one text.

Word patterns, not a part-of-speech tagger: jieba's tagger (measured on the same
corpora) tags ordinary words as names and splits real ones, and costs several
times the 2 ms per 1,000 characters the gate may spend; see the 匿名化 page.
"""

from __future__ import annotations

import re
from functools import lru_cache

from macros.casebook import anon_names
from macros.casebook.anon_names import NameHit, NameTables, _han, taken_by
from macros.casebook.anon_names import _common as _is_word  # one test of “a common word” for both passes

_HAN = "\u4e00-\u9fff"
BLANK = "\u3000"  # what masked text is replaced with (offsets stay valid)

# Nouns for people that are no one's name, even in a person's position.
ROLE_NOUNS = frozenset(
    (
        "孩子 学生 同学 老师 家长 大家 我们 你们 他们 她们 咱们 自己 别人 对方 双方 有人 朋友 新生 男生 女生 同桌 班长 "
        "导师 班主任 校长 医生 父母 爸爸 妈妈 母亲 父亲 儿子 女儿 哥哥 姐姐 弟弟 妹妹 爷爷 奶奶 外婆 外公 叔叔 阿姨 伯伯 "
        "舅舅 姑姑 先生 太太 兄弟 姐妹 娃娃 宝贝 保安 保姆 师生 师兄 师姐 师弟 师妹 老人 大人 小孩 男孩 女孩 少年 青年 "
        "全班 班级 小组 组员 队员 室友 邻居 亲戚 长辈 晚辈 同伴 伙伴 家人 亲人 主任 书记 校医 社工 志愿者 心理老师 "
        "两人 三人 几人 一人 众人 旁人 他人 本人 后者 前者 当事人 双胞胎 母女 父女 母子 父子 夫妻 祖孙 一家 全家 "
        "她的 他的 我的 你的 谁 谁的 这位 那位 此人 孩子们 同学们 老师们 家长们 继父 继母 后妈 养父 养母 师傅 领导 同事 "
        # places and bodies that speak too: 家里说, 学校要求, 居委会的阿姨
        "家里 家中 老家 学校 校方 班里 年级 年级组 单位 医院 公司 社区 居委 居委会 街道 派出所 政教处 德育处 学生处 教务处"
    ).split()
)
# Kin and close roles that follow a person: 国庆的妈妈, 子豪妈妈, 桐桐的外婆.
KIN = "妈妈 爸爸 母亲 父亲 外婆 外公 奶奶 爷爷 姥姥 姥爷 家长 继父 继母".split()
KIN_AFTER_DE = KIN + "同桌 班主任 哥哥 姐姐 弟弟 妹妹 舅舅 姑姑 阿姨 叔叔".split()
# Roles a name stands in apposition after: 同桌潘诗雨, 心理老师范秀梅, 母亲李娟女士.
ROLES_BEFORE = (
    "心理老师 班主任 导师 老师 同桌 同学 班长 组长 队长 学生 母亲 父亲 妈妈 爸爸 奶奶 爷爷 外婆 外公 哥哥 姐姐 弟弟 "
    "妹妹 舅舅 姑姑 继父 继母 女儿 儿子 好友 朋友 室友 邻居 校长 主任 医生 名叫 叫做 表姐 表哥 表妹 表弟 堂姐 堂哥 "
    "女生 男生"
).split()
# Verbs of speech and feeling whose subject is a person (红梅不愿意, 欣悦低着头).
PERSON_VERBS = (
    "说 告诉 问 答 回答 承认 解释 嘟囔 哭 笑着 笑了 喊 低着头 低下头 低头 点点头 点了点头 点头 摇摇头 摇了摇头 摇头 "
    "红着脸 不愿意 不愿 不肯 不想 不敢 不说话 没说话 沉默 犹豫 委屈 抬起头 抬头 站起来 小声 大声 哽咽 抽泣 愣住 愣了 "
    "心里 一直 总是 突然 悄悄 默默 偷偷 主动 终于 却 也 又 还 就 才 今天 昨天 最近 平时 把 被 跟 和 对 给 向 在 的"
).split()
# Verbs of speech and feeling strong enough to make an ordinary word a name (国庆不愿意).
STRONG_VERBS = PERSON_VERBS[: PERSON_VERBS.index("心里")]
# A person is the object of these (导师问浩宇, 我找到了思远).
OBJECT_VERBS = "问 找 叫 陪 劝 喊 拉着 看着 告诉 提醒 表扬 批评 鼓励 安慰 找到了 叫住 请 让 帮 带着 和 跟 与".split()
# A surname with these is the family, or a teacher of the same name (亓爸爸, 亓家长, 解老师).
SURNAME_KIN = "爸爸 妈妈 爷爷 奶奶 外婆 外公 姥姥 姥爷 家长 哥哥 姐姐 老师 同学".split()
CLAUSE_LEFT = "那天 今天 昨天 后来 然后 于是 因为 但是 所以 可是 当时 这时 其实 原来 只有 只是 连 而 但 可 如今 起初 最初 最后 终于 直到".split()
ADVERB_FREQ = 2000  # 常常 5147, 远远 3159 in jieba's counts: adverbs as often as nicknames
# After these a reduplicated adverb is the adverb (他常常拿…), not a child called 常常.
_ADVERB_LEFT = frozenset("他她我你们也都还就又很却只总")
THETA = 0.75  # both characters of a token in a person's position must be this typical of given names
# Dynasties and ancient states: 秦国, 赵国, 唐朝, 宋代 (not followed by a given-name character: 赵国庆 is a name).
_STATE = re.compile(
    r"[秦齐楚燕韩赵魏吴越蜀宋明清元唐汉周晋隋商夏梁陈辽金][国朝代]"
    # kingdoms and dynasties named by a family or a direction: 曹魏, 蜀汉, 东吴, 北宋
    r"|曹魏|蜀汉|孙吴|刘宋|[东西南北][周汉晋宋魏齐吴]|[前后][秦燕赵凉唐周汉晋梁]"
    # two dynasties named together: 唐宋, 明清, 秦汉
    r"|秦汉|隋唐|汉唐|唐宋|宋元|元明|明清|魏晋|宋明"
)
# A solar term said as a date (立夏那天, 正好是立夏), not a child called 立夏 or 小满.
_SEASON = re.compile(
    r"(?:(?<=是)|(?<=到了)|(?<=过了)|(?<=逢))?"
    r"(立春|雨水|惊蛰|春分|清明|谷雨|立夏|小满|芒种|夏至|小暑|大暑|立秋|处暑|白露|秋分|寒露|霜降|立冬|小雪|大雪|冬至|小寒|大寒)"
    r"(?=那天|这天|当天|前后|时节|节气|一过|刚过|以后|之后|过后|的时候)"
    r"|(?:(?<=是)|(?<=到了)|(?<=过了)|(?<=逢))"
    r"(?:立春|雨水|惊蛰|春分|清明|谷雨|立夏|小满|芒种|夏至|小暑|大暑|立秋|处暑|白露|秋分|寒露|霜降|立冬|小雪|大雪|冬至|小寒|大寒)"
)
_TITLE = re.compile(r"《[^《》\n]{1,40}》")
_MEASURE = re.compile(r"(?<=[一二三四五六七八九十两几每这那哪某上下本首半整旁])[张周段项方支门台包封席边章](?=[\u4e00-\u9fff])")
# A nickname or name introduced as such: 同学们都叫他包子, 大家叫我牛牛, 小名叫乐乐.
_CALLED = re.compile(
    r"(?:叫(?:他|她|我|你)|称(?:他|她)为?|(?:小名|大名|外号|绰号|昵称|乳名)(?:叫|是)?)"
    r"[“\"「]?([\u4e00-\u9fff]{2,3})(?=[”\"」，。！？、；：,.!?;:\s(（)）]|$)"
)


_ROLES_BEFORE = tuple(ROLES_BEFORE)
_CLAUSE_LEFT = tuple(CLAUSE_LEFT)
_STRONG_VERBS = tuple(STRONG_VERBS)


@lru_cache(maxsize=1)
def _surname_chars() -> re.Pattern[str]:
    return re.compile(f"[{''.join(sorted(anon_names.tables().surnames))}]")


@lru_cache(maxsize=1)
def _figures() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, anon_names.tables().figures)))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    t = anon_names.tables()
    surnames = "".join(sorted(t.surnames))
    alt = lambda words: "|".join(map(re.escape, sorted(words, key=len, reverse=True)))  # noqa: E731
    return {
        "padded": re.compile(rf"([{surnames}])[ {BLANK}]{{1,2}}([{_HAN}])"),
        # The word after a person is searched first and the two characters before it read
        # (a lookahead at every position costs several times more).
        "kin": re.compile(alt(KIN_AFTER_DE)),
        "verb": re.compile(alt(PERSON_VERBS)),
        "direct": re.compile(alt(STRONG_VERBS + KIN)),
        "address": re.compile(rf"[“「\"‘]\s*([{_HAN}]{{2,3}})\s*[,，!！?？]"),
        "role": re.compile(rf"(?:{alt(ROLES_BEFORE)})(?=[{_HAN}])"),
        "object": re.compile(rf"(?:{alt(OBJECT_VERBS)})(?=[{_HAN}]{{2}})"),
    }


def set_aside(text: str) -> str:
    """``text`` with what names no person of the case blanked out (same length)."""
    out = list(text)
    for pattern in (_TITLE, _STATE, _SEASON, _MEASURE, _figures()):
        for m in pattern.finditer(text):
            if pattern in (_STATE, _figures()) and _given_follows(text, m.end()):
                continue  # 赵国庆, 孟子豪: a name that begins like a state or a figure
            for k in range(m.start(), m.end()):
                out[k] = BLANK
    for start, end in _places(text):
        out[start:end] = BLANK * (end - start)
    return "".join(out)


_PLACE_BEFORE = (
    "去",
    "到",
    "回",
    "来自",
    "老家",
    "住在",
    "搬到",
    "搬去",
    "从",
    "前往",
    "家在",
    "祖籍",
    "籍贯",
    "远在",
    "位于",
    "考到",
    "转到",
)
_PLACE_AFTER = ("话", "人", "口音", "方言", "一带", "老家", "乡下", "市", "区", "县", "省")


def _places(text: str) -> list[tuple[int, int]]:
    """Where the text names a place (去崇明骑车, 苏州话, 绍兴的黄酒, 在永康): provinces, prefectures
    and Shanghai's districts wherever they stand; other counties, whose short names are often words
    or given names (和平, 建华), only after 去/到/来自… or before 话/人/口音…. Never where a
    person stands (a place name before 说 or 妈妈 is a child called so)."""
    t = anon_names.tables()
    lengths, first = _place_prefixes()
    direct = _patterns()["direct"]
    found: list[tuple[int, int]] = []
    end = 0
    for m in first.finditer(text):  # only where a place name can begin; then its first two characters
        i = m.start()
        candidates = lengths.get(text[i : i + 2]) if i >= end else None
        if candidates is None:
            continue
        for length in candidates:
            token = text[i : i + length]
            major = token in t.places
            if len(token) < length or (not major and token not in t.minor_places):
                continue
            if direct.match(text, i + length):
                continue  # 崇明说, 永康的妈妈 … a person after all
            if major or text.endswith(_PLACE_BEFORE, 0, i) or text.startswith(_PLACE_AFTER, i + length):
                found.append((i, i + length))
                end = i + length
                break
    return found


@lru_cache(maxsize=1)
def _place_prefixes() -> tuple[dict[str, tuple[int, ...]], re.Pattern[str]]:
    """The lengths of the place names that begin with each pair of characters (longest first),
    and a pattern for the characters a place name can begin with."""
    t = anon_names.tables()
    by_prefix: dict[str, set[int]] = {}
    for place in t.places | t.minor_places:
        by_prefix.setdefault(place[:2], set()).add(len(place))
    first = re.compile(f"[{''.join(sorted({prefix[0] for prefix in by_prefix}))}]")
    return {prefix: tuple(sorted(ls, reverse=True)) for prefix, ls in by_prefix.items()}, first


def _given_follows(text: str, j: int) -> bool:
    nxt = text[j : j + 1]
    if not nxt or not _han(nxt) or nxt in anon_names.STOP or nxt in anon_names.FOLLOW:
        return False
    return anon_names.tables().score.get(nxt, 0.0) >= 0.75


def _role_noun_hit(token: str) -> bool:
    """继父, 和继父: a role noun (after a function word) that the surface pass read as a name;
    马拉松, 蒲公英: a three-character word that only looks like surname and given name."""
    if len(token) == 3 and _is_word(anon_names.tables(), token):
        return True
    return token in ROLE_NOUNS or (token[1:] in ROLE_NOUNS and token[0] in anon_names.FUNCTION_CHARS)


_VERB_CHARS = frozenset("问找叫陪劝喊请让帮给对把被将跟")
# Adverbs that follow a subject (导师先听, 同桌也说); as surnames they need a two-character given name.
_ADVERBS = frozenset("先再也都就还又才却只总便")
# What 叫他 asks a child to do (回座位, 过来, 起来), not what the child is called.
_ERRAND_VERBS = frozenset("回去来过起上下进出站坐走别不再快先停")


def _without_verb(text: str, h: NameHit) -> NameHit:
    """导师问浩宇: 问 is a surname too, but a verb before a given name reads as the verb."""
    token = text[h.start : h.end]
    if len(token) == 3 and token[0] in _VERB_CHARS and h.start > 0 and _han(text[h.start - 1]):
        return NameHit(h.start + 1, h.end, token[1:])
    return h


def find_people(text: str) -> list[NameHit]:
    """Every mention of a person in a whole case (normalised, pseudonyms masked)."""
    t = anon_names.tables()
    plain = set_aside(text)
    hits = [_without_verb(plain, h) for h in anon_names.find_names(plain) if not _role_noun_hit(plain[h.start : h.end])]
    hits += _positional(t, plain, hits)
    hits += _nicknamed(t, plain, hits)
    hits += _repeated(t, plain, hits)
    hits += _everywhere(t, plain, hits)
    return sorted(hits, key=lambda h: (h.start, -h.end))


# -- step 2: positions only a person fills ---------------------------------------------------


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


def _han_pair(token: str) -> bool:
    return len(token) == 2 and _han(token[0]) and _han(token[1])


def _typical(t: NameTables, token: str, yi: bool = False) -> bool:
    if not token:
        return False  # the text ends here
    if yi and token[:1] == "一" and len(token) == 2:  # 一航, 一诺: 一 is common in given names
        return token[1] not in anon_names.STOP and t.score.get(token[1], 0.0) >= 0.4 and token not in t.words
    return all(_han(ch) and ch not in anon_names.STOP for ch in token) and min(t.score.get(ch, 0.0) for ch in token) >= THETA


def _candidate(t: NameTables, token: str, strong: bool) -> bool:
    """A two-character token in a person's position is a name unless it is a role noun or an
    atypical pair; an ordinary word (国庆, 红梅) only in a strong position or as a known given name."""
    if token in ROLE_NOUNS or any(token.startswith(r) or token.endswith(r) for r in ("老师", "同学")):
        return False
    if not _typical(t, token):
        return False
    return strong or not _is_word(t, token) or token in t.pairs


def _word_name(t: NameTables, text: str, token: str) -> bool:
    """甘露说, 向阳奶奶: an ordinary word is a name when it reads as one — a surname and a typical
    given-name character, or a given name with one typical character — and the case puts it
    directly before a verb of speech or feeling or a kin word at a clause start, and uses it again.
    An adjective before 的 + kin (温柔的妈妈, 坚强的奶奶说) describes the mother: 的 is no evidence."""
    if token in ROLE_NOUNS or not _han_pair(token) or token[1] in anon_names.STOP:
        return False
    if token[0] in anon_names.STOP and token[0] not in t.surnames:  # 向阳奶奶: 向 is a surname too
        return False
    first, second = (t.score.get(ch, 0.0) for ch in token)
    full = token[0] in t.surnames and second >= THETA
    given = max(first, second) >= THETA and min(first, second) >= 0.5
    if not (full or given) or text.count(token) < 2:
        return False
    direct = _patterns()["direct"]
    i = text.find(token)
    while i >= 0:  # no pattern compiled per token: a compile costs more than the whole scan
        if direct.match(text, i + 2) and _clause_start(text, i):
            return True
        i = text.find(token, i + 1)
    return False


def _clause_start(text: str, i: int) -> bool:
    if i == 0 or not _han(text[i - 1]):
        return True
    return text[i - 1] in "和跟与" or text.endswith(_CLAUSE_LEFT, 0, i)


def _given_length(t: NameTables, text: str, j: int) -> int:
    """Length of a given name at ``j`` after a surname in apposition (母亲李娟女士, 父亲王强承认)."""
    g = text[j : j + 2]
    if len(g) == 2 and _typical_char(t, g[1]) and _boundary(t, text, j + 2) and not _is_word(t, text[j + 1 : j + 3]):
        return 2
    if g and _typical_char(t, g[0]) and _boundary(t, text, j + 1):
        return 1
    return 0


def _typical_char(t: NameTables, ch: str) -> bool:
    return _han(ch) and ch not in anon_names.STOP and t.score.get(ch, 0.0) >= 0.5


def _boundary(t: NameTables, text: str, j: int) -> bool:
    """Whether a name can end before ``j``: punctuation, a particle or verb, a role, a common word."""
    if j >= len(text) or text[j] in anon_names.FOLLOW or not _han(text[j]):
        return True
    return _is_word(t, text[j : j + 2]) or text.startswith(("女士", "先生", "同学", "老师"), j)


def _positional(t: NameTables, text: str, found: list[NameHit]) -> list[NameHit]:
    p = _patterns()
    taken = taken_by(found, len(text))
    out: list[NameHit] = []

    def add(start: int, end: int, given: str) -> None:
        if not any(taken[start:end]):
            taken[start:end] = b"\x01" * (end - start)
            out.append(NameHit(start, end, given))

    for m in p["padded"].finditer(text):  # 王　芳 in a name list; 第一组周　洁、吴　磊
        after = text[m.end() : m.end() + 1]
        listed = m.start() == 0 or not _han(text[m.start() - 1]) or after in ("、", "；", ";")
        ends = not after or not _han(after) or after in anon_names.FOLLOW  # 林　森、杜　鹃等五名学生
        if listed and ends and _typical_char(t, m.group(2)):
            add(m.start(), m.end(), "")
    for m in _CALLED.finditer(text):  # 都叫他包子: whatever the word, it is what the child is called
        # 叫他回座位, 叫她过来: a verb after 叫他 is an errand, not a name
        if m.group(1) not in ROLE_NOUNS and m.group(1)[0] not in anon_names.STOP and m.group(1)[0] not in _ERRAND_VERBS:
            add(m.start(1), m.end(1), m.group(1) if len(m.group(1)) == 2 else "")
    for m in p["kin"].finditer(text):  # 国庆的妈妈, 子豪妈妈, 桐桐的同桌
        de = text[m.start() - 1 : m.start()] == "的"
        if not de and m.group(0) not in KIN:
            continue
        i = m.start() - 2 - de
        token = text[i : i + 2] if i >= 0 else ""
        if _han_pair(token) and i >= 1 and _unknown_surname_name(t, text, i - 1):
            add(i - 1, i + 2, token)  # 禚雨涵的妈妈
            continue
        if _han_pair(token) and (_clause_start(text, i) or text[i - 1] in anon_names.LEFT_CHARS):
            if _candidate(t, token, True) or _word_name(t, text, token):
                add(i, i + 2, token)
    for m in p["verb"].finditer(text):
        i = m.start() - 2
        token = text[i : i + 2] if i >= 0 else ""
        if not _han_pair(token):
            continue
        strong = text.startswith(_STRONG_VERBS, i + 2)
        if strong and i >= 1 and _unknown_surname_name(t, text, i - 1):
            add(i - 1, i + 2, token)  # 亓明轩说, 操思琪低着头: a surname the tables lack, before a given name
            continue
        # 甜点 in 甘甜点了点头: a verb phrase of three characters or more fixes the boundary itself
        if not _clause_start(text, i) or (len(m.group(0)) < 3 and _is_word(t, text[i + 1 : i + 3])):
            continue
        if _candidate(t, token, strong) or (strong and _word_name(t, text, token)):
            add(i, i + 2, token)
    for m in p["address"].finditer(text):  # “浩宇，你…”, “刘一凡，…”
        token = m.group(1)
        if len(token) == 3 and token[0] in t.surnames and _typical(t, token[1:]):
            add(m.start(1), m.end(1), token[1:])
        elif len(token) == 2 and _candidate(t, token, False):
            add(m.start(1), m.end(1), token)
    for m in p["role"].finditer(text):  # 同桌潘诗雨, 母亲李娟女士, 同桌诗雨
        j = m.end()
        surname = 2 if text[j : j + 2] in t.compounds else 1
        if text[j] in _VERB_CHARS:  # 导师问浩宇: a verb after the role, not the surname 问
            surname = 0
        pair = text[j + surname : j + surname + 2]
        known = surname == 2 or text[j] in t.surnames
        weak = surname == 1 and (
            text[j] in t.weak or text[j] in anon_names.ROLE_ONLY or text[j] in anon_names.FUNCTION_CHARS or not known
        )
        single = (
            surname == 1
            and text[j] in t.surnames
            and text[j] not in _ADVERBS  # 导师先听孩子的解释: an adverb, then the verb
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
                or pair in t.pairs
                or _typical(t, pair)
                and not _is_word(t, pair)
            )
            and (
                (_typical(t, pair, yi=True) and (not _is_word(t, pair) or pair in t.pairs) and _boundary(t, text, j + 3))
                or single
            )
        ):
            surname = 0  # 和家长, 都知道, 常来: a word after the role, not a surname (父亲查国强, 学生禚一航 are)
        if surname and text[j + surname : j + surname + 1] != "某" and not _is_word(t, text[j : j + surname + 1]):
            given = (1 if single and not _typical(t, pair, yi=True) else 2) if weak else _given_length(t, text, j + surname)
            if given and not _is_word(t, text[j : j + surname + given]):
                add(j, j + surname + given, text[j + surname : j + surname + given] if given == 2 else "")
                continue
        token = text[j : j + 2]
        if token[:1] in _ADVERBS:
            continue  # 导师先听, 同桌也说
        if _candidate(t, token, False) and not _is_word(t, token) and _boundary(t, text, j + 2):
            add(j, j + 2, token)
    for m in p["object"].finditer(text):  # 导师问浩宇, 我找到了思远
        j = m.end()
        token = text[j : j + 2]
        if _is_word(t, text[m.start() : j + 1]):
            continue  # 问题, 请假: the verb is part of a word
        if m.group(0) in ("和", "跟", "与") and _is_word(t, token):
            continue  # 金星和月亮, 和园丁: after “and” an ordinary word is that word
        if _candidate(t, token, False) and _boundary(t, text, j + 2) and not _is_word(t, text[j + 1 : j + 3]):
            add(j, j + 2, token)
    return out


# Reduplications that are interjections or sounds, never a nickname.
_NOT_NICKNAME = frozenset("哈嘿呵啦嘻哼嗯哦噢呜嗷咚哗叮咕嘀喔啊呀吧么")


def _nickname_chars(t: NameTables, text: str) -> set[str]:
    """Characters a case uses as a nickname: 航航, 阿犇 (叠字 and 阿X that are no words)."""
    chars: set[str] = set()
    for m in re.finditer(rf"([{_HAN}])\1|阿([{_HAN}])", text):
        ch = m.group(1) or m.group(2)
        if ch in anon_names.STOP or ch in _NOT_NICKNAME or ch in "一二三四五六七八九十小大老阿":
            continue
        # standing alone, as a name does (命中中的, 分词词典: the pair is inside words)
        left, right = text[m.start() - 1 : m.start()], text[m.end() : m.end() + 1]
        alone = not _is_word(t, left + ch) and not _is_word(t, ch + right)
        if alone and not _is_word(t, m.group(0)) and m.group(0) not in ROLE_NOUNS:
            chars.add(ch)
    return chars


def _nicknamed(t: NameTables, text: str, hits: list[NameHit]) -> list[NameHit]:
    """A name the tables cannot know (禚子航, 牛犇, 马骁), confirmed by its own nickname:
    when a case calls someone 航航 or 阿犇, a recurring ``X航`` in a person's place is that
    person's name — the given name 子航, or surname and given name 牛犇."""
    chars = _nickname_chars(t, text)
    if not chars:
        return []
    taken = taken_by(hits, len(text))
    places: dict[str, list[int]] = {}
    for i in (k - 1 for k, ch in enumerate(text) if ch in chars and k > 0 and _han(text[k - 1])):
        token = text[i : i + 2]
        x = token[0]
        if x == token[1] or x in anon_names.LEFT_CHARS or x in "小大老阿" or x in _VERB_CHARS:
            continue
        if x in anon_names.STOP and x not in t.surnames:  # 向阳 with 阳阳: 向 is a surname too
            continue
        if token in ROLE_NOUNS or not _boundary(t, text, i + 2):
            continue
        places.setdefault(token, []).append(i)
    out: list[NameHit] = []
    for token, starts in places.items():
        # A person's place at least once: opening a clause, after a role, before 的 or kin.
        placed = [
            i
            for i in starts
            if _clause_start(text, i) or text.endswith(_ROLES_BEFORE, 0, i) or text.startswith(("的", *KIN), i + 2)
        ]
        # an ordinary word (向阳 with 阳阳) needs two such places, a name the tables lack one
        if len(starts) < 2 or len(placed) < (2 if _is_word(t, token) else 1):
            continue
        # 禚子航: the characters before are a surname + given name, so 子航 is the given name;
        # 牛犇 with nothing before: surname and a one-character given name.
        full = token[0] in t.surnames and not any(
            i > 0 and _han(text[i - 1]) and text[i - 1] not in anon_names.LEFT_CHARS and text[i - 1] not in anon_names.STOP
            for i in starts
        )
        for i in starts:
            if not any(taken[i : i + 2]):
                taken[i : i + 2] = b"\x01\x01"
                out.append(NameHit(i, i + 2, "" if full else token))
    return out


_TITLED = ("老师", "女士", "先生", "同学", "校长", "主任", "医生", "阿姨", "叔叔")


def _repeated(t: NameTables, text: str, hits: list[NameHit]) -> list[NameHit]:
    """Full names whose surname the tables do not know or do not trust (亓佳宁, 于桐, 成慧老师):
    the case confirms them when the name opens a clause or follows a role, or comes with a title,
    and the same name recurs."""
    taken = taken_by(hits, len(text))
    givens = {h.given for h in hits if h.given and len(h.given) == 2}
    givens_first = {g[0] for g in givens}
    # Where a name may start: a surname character, or any character before a known given name.
    starts_at = {m.start() for m in _surname_chars().finditer(text)}
    for given in givens:
        starts_at |= {m.start() - 1 for m in re.finditer(given, text) if m.start() > 0}
    counts: dict[str, list[int]] = {}
    stop, score = anon_names.STOP, t.score
    for i in sorted(starts_at):
        g1 = text[i + 1 : i + 2]
        if not _han(text[i]) or not g1 or g1 in stop or not _han(g1):
            continue  # nothing of a given name follows (speed: most surname characters are in words)
        if score.get(g1, 0.0) >= 0.75 or g1 in givens_first:
            counts.setdefault(text[i : i + 2], []).append(i)
        token = text[i : i + 3]
        if len(token) == 3 and _han(token[2]) and token[2] not in stop:
            counts.setdefault(token, []).append(i)
    # Families the case has already met: a full name or a surname with kin (高振宇, 高爸爸).
    families = {
        text[h.start] for h in hits if h.end - h.start >= 2 and text[h.start] in t.surnames and text[h.start : h.end] != h.given
    }
    out: list[NameHit] = []
    for token, starts in counts.items():
        c, given = token[0], token[1:]
        if (c not in t.surnames and given not in givens) or c == given[0] or c in _VERB_CHARS:
            continue
        # 高明 where the case has 高爸爸: a word-name of a family the case is about, if it opens
        # clauses or follows roles at least twice (checked below); 孟子豪 once 子豪 is known
        family_word = len(given) == 1 and c in families
        if _is_word(t, c + given[0]) and given not in givens and not family_word:
            continue
        # 和睿, 于桐, 向建军: a surname that is also a function word counts only where a role stands before
        after_role_only = c in anon_names.LEFT_CHARS or c in anon_names.STOP
        if len(given) == 2:
            if not (given in givens or (_typical(t, given) and (not _is_word(t, given) or given in t.pairs))):
                continue
        elif not (c in t.surnames and t.score.get(given, 0.0) >= 0.75 and given not in anon_names.STOP):
            continue
        end = len(token)
        placed = [i for i in starts if _boundary(t, text, i + end) or text.startswith(_TITLED, i + end)]
        # The evidence must not start inside a word (班主任王老师 is no 任王).
        evidence = [i for i in placed if not _is_word(t, text[i - 1 : i + 1])]
        opening = [i for i in placed if (_clause_start(text, i) and not after_role_only) or text.endswith(_ROLES_BEFORE, 0, i)]
        titled = [i for i in evidence if text.startswith(_TITLED, i + end) and c in t.surnames]
        known_given = len(given) == 2 and given in givens and opening
        if family_word and _is_word(t, token):
            # 高兴地说 is how someone speaks; the name needs two openings of its own
            opening = [i for i in opening if text[i + end : i + end + 1] != "地"]
            if len(opening) < 2:
                continue
        if not (titled or known_given or (opening and len(placed) >= 2)):
            continue
        for i in placed:
            if not taken[i]:
                taken[i : i + end] = b"\x01" * end  # over a given-name hit: 亓 + 佳宁
                out.append(NameHit(i, i + end, given if len(given) == 2 else ""))
    return out


# -- step 3: a person found once is found everywhere ---------------------------------------------


def forms_of(t: NameTables, full: str | None, given: str) -> set[str]:
    """The forms a person takes in a case: given name, nicknames, surname with kin."""
    forms: set[str] = set()
    if len(given) == 2:
        forms.add(given)
    for ch in {given[-1:], given[:1]} if len(given) == 2 else {given}:
        if not ch or ch in anon_names.STOP or ch in "一二三四五六七八九十小大老阿":
            continue
        forms |= {ch + ch, "小" + ch, "阿" + ch}
    if len(given) == 2 and given[-1] not in anon_names.STOP:
        forms |= {given[-1] + "哥", given[-1] + "姐"}  # 振宇 → 宇哥, 美雯 → 雯姐
    if full and len(full) - len(given) == 2 and full[:2] in t.compounds:
        forms |= {full[:2]} | {full[:2] + kin for kin in SURNAME_KIN}  # 司徒 alone, 欧阳妈妈
    if full and len(full) - len(given) == 1:  # 亓爸爸, 亓家, 小高
        family = {full[0] + kin for kin in SURNAME_KIN}
        if full[0] not in anon_names.FUNCTION_CHARS:  # 和家, 时家 would be “and home”, “when home”
            family |= {"小" + full[0], "老" + full[0]}
            # 王家, 白家 are words because they mean “the family”; 国家, 万家 mean something else
            if t.words.get(full[0] + "家", 0) < 1000:
                forms.add(full[0] + "家")
        forms |= {f for f in family if not _is_word(t, f)}
    nicknames = {f for f in forms if f != given and len(f) == 2 and f[0] in "小阿"}
    return {f for f in forms if f not in ROLE_NOUNS and not (f in nicknames and _is_word(t, f))}


def _everywhere(t: NameTables, text: str, hits: list[NameHit]) -> list[NameHit]:
    people: set[str] = set()
    for h in hits:
        raw = text[h.start : h.end]
        token = raw.replace(" ", "").replace(BLANK, "")
        # The full name itself is looked for everywhere too (陪燕飞在…), unless it is also a word
        # found once on the surface (高亮, 安全); a padded 杜　鹃 in a name list is no word.
        whole = {token} if len(token) >= 3 or raw != token or not _is_word(t, token) else set()
        surname = 2 if token[:2] in t.compounds else 1 if token[:1] in t.surnames else 0
        if h.given and len(token) == 2 and token[0] in t.surnames and token[0] not in anon_names.LEFT_CHARS:
            people |= forms_of(t, token, token[1])  # 时雨 alone is a full name too: 时妈妈, 雨雨
        if h.given and len(token) == 3 and token.endswith(h.given) and not surname:
            surname = 1  # 亓佳宁: a surname the tables do not know, confirmed by the case
        if h.given and surname and len(token) == surname + len(h.given):
            people |= forms_of(t, token, h.given) | whole
        elif h.given:
            people |= forms_of(t, None, h.given)
        elif surname and 2 <= len(token) <= surname + 2 and token[surname:] not in anon_names.ROLES and _han(token[-1]):
            people |= forms_of(t, token, token[surname:]) | whole  # 张伟: a one-character given name
    if not people:
        return []
    taken = taken_by(hits, len(text))
    out: list[NameHit] = []
    pattern = re.compile("|".join(map(re.escape, sorted(people, key=len, reverse=True))))
    for m in pattern.finditer(text):
        f = m.group(0)
        if len(f) == 2 and f[0] == f[1] and t.words.get(f, 0) >= ADVERB_FREQ and text[m.start() - 1 : m.start()] in _ADVERB_LEFT:
            continue
        if not any(taken[m.start() : m.end()]):
            taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
            out.append(NameHit(m.start(), m.end(), m.group(0) if len(m.group(0)) == 2 else ""))
    return out
