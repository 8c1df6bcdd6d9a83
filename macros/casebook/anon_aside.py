"""Step 1 of reading a case as a whole: what names no person of the case is set aside before
names are looked for — titles in 《》, historical and literary figures, ancient states and
dynasties, solar terms said as dates, measure words after numerals, and places (rule CASE-ANON-NAME).
"""

from __future__ import annotations

import re

from macros.build.reads import data_cache
from macros.casebook import anon_names
from macros.casebook.anon_leads import tried_at
from macros.casebook.anon_names import _han
from macros.casebook.anon_positions import BLANK, TIME_ADVERBS, _patterns

# Dynasties and ancient states: 秦国, 赵国, 唐朝, 宋代 (not followed by a given-name character: 赵国庆 is a name).
_STATE = re.compile(
    r"[秦齐楚燕韩赵魏吴越蜀宋明清元唐汉周晋隋商夏梁陈辽金][国朝代]"
    # kingdoms and dynasties named by a family or a direction: 曹魏, 蜀汉, 东吴, 北宋
    r"|曹魏|蜀汉|孙吴|刘宋|[东西南北][周汉晋宋魏齐吴]|[前后][秦燕赵凉唐周汉晋梁]"
    # two dynasties named together: 唐宋, 明清, 秦汉
    r"|秦汉|隋唐|汉唐|唐宋|宋元|元明|明清|魏晋|宋明"
)
# A solar term or festival said as a date (立夏那天, 正好是立夏, 小年那天), not a child called 立夏 or 小满: the term is
# found first, then what stands around it read (a look-behind before every position costs five
# times the whole step).
_SEASON = re.compile(
    r"立春|雨水|惊蛰|春分|清明|谷雨|立夏|小满|芒种|夏至|小暑|大暑|立秋|处暑|白露|秋分|寒露|霜降|立冬|小雪|大雪|冬至|小寒|大寒"
    r"|小年|除夕|元宵|重阳"  # 小年那天: the festivals that are also read as names
)
_SEASON_BEFORE = ("是", "到了", "过了", "逢")
_SEASON_AFTER = ("那天", "这天", "当天", "前后", "时节", "节气", "一过", "刚过", "以后", "之后", "过后", "的时候")
_TITLE = re.compile(r"《[^《》\n]{1,40}》")
_KIN_WORDS = ("妈妈", "爸爸", "奶奶", "爷爷", "阿姨", "叔叔")
# A town or 街道 right after its district (崇明区陈家镇, 闵行区浦江镇): a place, not 陈 + 家镇.
_TOWN = re.compile(r"(?<=[区县])[\u4e00-\u9fff]{1,3}?(?:镇|街道|乡)")
# (一张张念: the measure word doubled is blanked whole); 隔周见一次: every other week
_MEASURE = re.compile(
    r"(?<=[一二三四五六七八九十两几每这那哪某上下本首半整旁隔些])([张周段项方支门台包封席边章])\1?(?=[\u4e00-\u9fff])"
)


_COUNTING = frozenset("张段项支台包封章门")  # the measures that count things (not 这周 or 这边, which are time and place)


def _surname_before(t: anon_names.NameTables, text: str, i: int, token: str) -> bool:
    """A surname (no weak one: 游泰山是…) opening a clause right before a place name that is a
    known given name, with what follows people after it: the whole is a person."""
    c = text[i - 1 : i]
    if i < 1 or token not in t.pairs or c not in t.surnames or c in t.weak or c in anon_names.FUNCTION_CHARS:
        return False
    # (爸爸庞金山在工地…: after kin as after punctuation)
    opens = (
        i == 1 or not _han(text[i - 2]) or text[i - 2] in anon_names.LEFT_CHARS or text.endswith(anon_names._KIN_BEFORE, 0, i - 1)
    )
    return opens and text[i + len(token) : i + len(token) + 1] in anon_names.FOLLOW


@data_cache  # made from the word lists: again when one changes
def _figures() -> re.Pattern[str]:
    # The figures grouped by first character, in their order: the same first match at each place, and
    # (speed) the engine compares a third as many first characters as with one alternative a figure
    by_first: dict[str, list[str]] = {}
    for figure in anon_names.tables().figures:
        by_first.setdefault(figure[0], []).append(re.escape(figure[1:]))
    return re.compile("|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in by_first.items()))


# A name joined by 和 or 与 to a figure, ending where a name ends (的, 的故事, punctuation)
_PARTNER = re.compile(r"[和与]([\u4e00-\u9fff]{2,3}?)(?=的|[，。、；！？”」）)\s]|$)")


def seasonal(word: str) -> bool:
    """Whether ``word`` is a solar term or festival (小满, 谷雨) that a child may be named after."""
    return _SEASON.fullmatch(word) is not None


def _name_then_word(text: str, i: int) -> bool:
    """卫东周末: a known given pair ends at ``i`` + 1, and a word opens there (so the state at ``i`` is none)."""
    t = anon_names.tables()
    return i >= 1 and text[i - 1 : i + 1] in t.pairs and text[i + 1 : i + 3] in t.common


def set_aside(text: str, people: frozenset[str] = frozenset()) -> str:
    """``text`` with what names no person of the case blanked out (same length); a place that is
    one of ``people``'s given names stays (徐海东 found, 海东 is no longer the prefecture), and so does a figure
    that is one of them (乔木 found, 小乔 is his)."""
    out: dict[int, str] = {}  # what replaces a character, by its place (speed: few, so no list of the whole text)
    for pattern, found in (
        (_TITLE, _TITLE.finditer(text)),
        (_STATE, tried_at(_STATE, text)),
        (_SEASON, _SEASON.finditer(text)),
        (_MEASURE, tried_at(_MEASURE, text)),
        (_TOWN, tried_at(_TOWN, text)),
        (_figures(), _figures().finditer(text)),
    ):
        for m in found:
            dated = pattern is _SEASON and text.startswith(_SEASON_AFTER, m.end())
            if (
                pattern is _SEASON
                and (
                    not (dated or text.endswith(_SEASON_BEFORE, 0, m.start()))
                    or text.startswith(_KIN_WORDS, m.end())
                    # 汪小满 found: 我是小满的导师 is her (not 小满那天, 那天正好是小满，)
                    or (m.group(0) in people and not dated and _han(text[m.end() : m.end() + 1]))
                )
            ):
                continue  # 小满说, 桂花是谷雨妈妈的名字: a child called after the term
            if pattern is _figures() and (m.group(0) in people or text.startswith(_PUPIL_AFTER, m.end())):
                continue  # 乔木 found, 小乔 is his nickname, not the Three Kingdoms' beauty; 于敏同学的妈妈: a pupil
            if (
                pattern in (_STATE, _figures())
                and _given_follows(text, m.end())
                and (
                    m.end() - m.start() <= 2 or text[m.start() : m.start() + 2] in anon_names.tables().compounds  # (东方朔然)
                )
            ):
                continue  # 赵国庆, 孟子豪: a name that begins like a state or a figure (not 南丁格尔生平)
            if pattern is _STATE and _name_then_word(text, m.start()):
                continue  # 卫东周末打工, 说卫东周一…: a given name, then a word (周末), not the Eastern Zhou
            if pattern is _MEASURE and text.endswith("一下", 0, m.start()):
                continue  # 问一下张老师, 加一下段振华爸爸的微信: 一下 is “briefly”, then a surname
            if pattern is not _TITLE and text.startswith(_KIN_WORDS, m.start() + 1):
                continue  # 宋妈妈: a surname and 妈妈, not 《城南旧事》's 宋妈
            # (那张白鹭的照片: a measure word stays one, so that what it counts is no name either)
            for k in range(m.start(), m.end()):
                out[k] = "个" if pattern is _MEASURE and text[k] in _COUNTING else BLANK
            if pattern is not _TITLE and pattern is not _MEASURE:
                partner = _PARTNER.match(text, m.end())
                if partner and partner.group(1)[0] in anon_names.tables().surnames:
                    # 陆游和唐婉, 英子和宋妈: the one named with a figure belongs to the same story
                    for k in range(partner.start(1), partner.end(1)):
                        out[k] = BLANK
    for m in tried_at(_WHILE, text) if "边" in text else ():  # 边吃粽子边听: “while …”, not the surname 边 (speed: at 边)
        out[m.start()] = out[m.start(1)] = BLANK
    for start, end in _places(text):
        if text[start:end] not in people:
            out.update(dict.fromkeys(range(start, end), BLANK))
    pieces, done = [], 0
    for k in sorted(out):
        pieces += [text[done:k], out[k]]
        done = k + 1
    return "".join(pieces) + text[done:]


# (边佳怡说她边吃…: what one does in between is a short verb phrase, no speech or pronoun)
_WHILE = re.compile(r"(?<=[\u4e00-\u9fff])边(?:(?![说她他我你的是和])[\u4e00-\u9fff]){1,3}?(边)(?=[\u4e00-\u9fff])")


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
    "一趟",  # 去了一趟东方明珠
    "参观",
    "游览",
    "登上",
    "看看",  # 接来上海看看东方明珠
    "逛",
    "画了",  # 给弟弟画了东方明珠: a drawing or a photo of the place
    "拍了",
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
            if token[0] in "和与跟" and text.startswith(anon_names.TITLED_KIN, i + length):
                continue  # 我和田老师商量: “and”, then a surname and a title (和田 is a city too)
            if _surname_before(t, text, i, token):
                continue  # 徐海东是…, 王金山说: a surname, then a place that is a given name too
            if token in t.compounds and _given_follows(text, i + length):
                continue  # 濮阳雪的继父: a compound surname that is also a city, then a given name
            if _place_surname(t, text, i, length):
                continue  # 父亲宁德华, | 宁德华 |: a surname and a given name that open with a city (宁德)
            if _han(text[i - 1 : i]) and text[i + length - 1 : i + length + 1] in TIME_ADVERBS:
                if not text.endswith(_PLACE_BEFORE, 0, i):
                    continue  # 晓东平时话少: 东平 straddles a word before it and a time adverb after it (平时)
            # (黄浦江、外滩和东方明珠: a place listed after places)
            listed = bool(found) and found[-1][1] == i - 1 and text[i - 1] in "、和与及"
            listed = listed or (bool(found) and found[-1][1] == i)  # (福建安溪: a county right after its province)
            if major or listed or text.endswith(_PLACE_BEFORE, 0, i) or text.startswith(_PLACE_AFTER, i + length):
                found.append((i, i + length))
                end = i + length
                break
    return found


@data_cache  # made from the word lists: again when one changes
def _place_prefixes() -> tuple[dict[str, tuple[int, ...]], re.Pattern[str]]:
    """The lengths of the place names that begin with each pair of characters (longest first),
    and a pattern for the characters a place name can begin with."""
    t = anon_names.tables()
    by_prefix: dict[str, set[int]] = {}
    for place in t.places | t.minor_places:
        by_prefix.setdefault(place[:2], set()).add(len(place))
    # (speed: the first character before one a second can be, when every place has two: a quarter of the places to read)
    seconds = re.escape("".join(sorted({prefix[1:2] for prefix in by_prefix})))
    ahead = f"(?=[{seconds}])" if all(len(prefix) == 2 for prefix in by_prefix) else ""
    first = re.compile(f"[{''.join(sorted({prefix[0] for prefix in by_prefix}))}]{ahead}")
    return {prefix: tuple(sorted(ls, reverse=True)) for prefix, ls in by_prefix.items()}, first


def _place_surname(t: anon_names.NameTables, text: str, i: int, length: int) -> bool:
    """A place of two characters that opens with a surname, and a typical given-name character
    after it, after a kin word or standing alone between punctuation (a table's cell, a list)."""
    j = i + length
    if length != 2 or text[i] not in t.surnames or not _given_follows(text, j):
        return False
    return text.endswith(anon_names._KIN_BEFORE, 0, i) or (not _han(text[i - 1 : i]) and not _han(text[j + 1 : j + 2]))


# What makes a figure's name a pupil's (于敏同学的妈妈)
_PUPIL_AFTER = ("同学", "的妈妈", "的爸爸", "的家长", "的同桌")


def _given_follows(text: str, j: int) -> bool:
    nxt = text[j : j + 1]
    if not nxt or not _han(nxt) or nxt in anon_names.STOP or nxt in anon_names.FOLLOW:
        return False
    # (路遥遥: the figure's last character doubled makes a child's given name of it)
    return anon_names.tables().score.get(nxt, 0.0) >= 0.75 or text[j - 1 : j] == nxt
