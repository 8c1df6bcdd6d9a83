"""Names the surname tables cannot read (rule CASE-ANON-NAME): names in Latin letters (Lucas,
Emily), transliterated names joined by the middle dot (艾力·买买提) and Tibetan names (次仁卓玛).

Pupils of international and bilingual classes go by English names, and cases write them as
they are. A capitalised Latin word standing alone in Chinese text (no other Latin word next
to it: an English phrase or a product name is no name) is a name when it is a common English
given name (``data/anon_english_names.txt``), when the case introduces it as one (英文名
Lucas, 叫她 Coco), or when it stands in brackets with a Chinese name (Emily（陈艺琳）,
陈艺琳（Emily）). Once found, it is marked wherever it stands alone in the case. Followed by a
surname in pinyin (``data/anon_pinyin_surnames.txt``), the two words are one name (Kevin Chen);
after Mr./Ms., such a surname is a teacher's name (Mr. Zhao).

A name of two or more parts joined by the middle dot (艾力·买买提, 买买提·吐尔逊) is how Uyghur,
Kazakh and other names are written in Chinese: the whole is a name, and so is each part of two
or more characters wherever it stands alone in the case (艾力 in 艾力说). Titles in 《》 and
listed figures are set aside before this runs (《哈利·波特》).

Tibetan names (次仁卓玛, 扎西顿珠), and Uyghur and Mongolian names written without the dot
(阿依古丽, 巴图), have no surname: two parts from ``data/anon_tibetan_names.txt`` or
``data/anon_minority_names.txt``
written together are a name, and each of its parts is that person wherever it stands in the
case; a part alone elsewhere counts only where a person stands (扎西说, 卓玛的阿妈).
"""

from __future__ import annotations

import re
from collections import Counter

from macros.build.reads import data_cache
from macros.casebook.anon_leads import tried_at
from macros.casebook.anon_name_words import KIN_BEFORE, LEFT_WORDS
from macros.casebook.anon_names import (
    COUSINS,
    FOLLOW,
    LEFT_CHARS,
    PERSON_FOLLOW,
    ROLE_WORDS,
    ROLES,
    STOP,
    NameHit,
    NameTables,
    _han,
    find_names,
    find_words,
    tables,
    taken_by,
)
from macros.casebook.anon_names import _common as _is_word

# (a capital first, the look-behind after it: the scan only stops at capitals)
# (Jason——大家: a dash, normalised to --, ends the word; Jason-1 is an account)
# (屏幕——Kevin和…: a dash before the name, not a hyphen inside a word such as x-Ray)
_WORD = re.compile(r"[A-Z](?<![A-Za-z0-9_@.][A-Z])(?<![A-Za-z0-9_@.]-[A-Z])[a-z]{1,11}(?![A-Za-z0-9_@]|-(?!-)|\.[A-Za-z])")
# 英文名 Lucas, 大家叫她 Coco: a word introduced as a person's name (不是“这个工具叫 Pagefind”)
# (家长群里的备注是“Barbara”: the name a parent goes by in the class group, too)
_INTRODUCED = re.compile(
    r"(?:英文名字?|英语名字?|外文名|原名|本名|真名|全名|备注|群昵称|(?:叫|喊|称)(?:他|她|我))\s*(?:是|为|叫)?\s*[:：]?\s*[“\"「]?$"
)
# a Chinese full name in brackets after the word, or before it: Emily（陈艺琳）, 陈艺琳（Emily）
_NAME_AFTER = re.compile(r"[(（]([\u4e00-\u9fff]{2,4})[)）]")
_NAME_BEFORE = re.compile(r"([\u4e00-\u9fff]{2,4})[(（]$")


def _introduced_at(text: str, i: int) -> bool:
    """他爸爸Thomas Evans, 原名Michael Brown: kin, a role or a name's label right before ``i``."""
    return text.endswith(_PERSON_BEFORE_PART, 0, i) or _INTRODUCED.search(text, max(0, i - 10), i) is not None


def _alone(text: str, start: int, end: int) -> bool:
    """No other Latin word next to it, across spaces: not part of an English phrase."""
    i, j = start, end
    while i > 0 and text[i - 1] == " ":  # stepping over spaces, not copying the text before it
        i -= 1
    while j < len(text) and text[j] == " ":
        j += 1
    before, after = text[i - 1 : i], text[j : j + 1]
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


_DOT = "·•・‧"
# Particles (STOP) and these verbs end the last part: 吐尔逊打来, 艾力·买买提说 (not 提, which names use).
_VERBS = frozenset("说打来去回看找叫问哭笑想要会能")
_DOTTED = re.compile(rf"[\u4e00-\u9fff]{{2,8}}(?:[{_DOT}][\u4e00-\u9fff]{{2,8}})+")


def find_dotted_names(t: NameTables, text: str) -> list[NameHit]:
    """艾力·买买提 and, once it is in the case, 艾力 or 买买提 alone; not 组织架构·领导小组 (words)."""
    if not any(dot in text for dot in _DOT):
        return []  # (speed: the pattern would try every Chinese character)
    hits: list[NameHit] = []
    parts: set[str] = set()
    for m in _DOTTED.finditer(text):
        pieces = re.split(f"[{_DOT}]", m.group(0))
        first, last = _left_part(pieces[0]), _right_part(t, pieces[-1])
        names = [first, *pieces[1:-1], last]
        if any(len(p) < 2 or len(p) > 4 or _is_word(t, p) for p in names):
            continue
        start = m.start() + len(pieces[0]) - len(first)
        end = m.end() - len(pieces[-1]) + len(last)
        hits.append(NameHit(start, end, ""))
        parts.update(names)
    if parts:
        taken = taken_by(hits, len(text))
        for start, end in find_words(text, parts):
            if not taken[start]:
                hits.append(NameHit(start, end, ""))
    return hits


def _left_part(run: str) -> str:
    """学生艾力 → 艾力: what follows the last role word, lead-in word or particle, at most four characters."""
    cut = 0
    for marker in (*ROLES, *LEFT_WORDS, *STOP, *LEFT_CHARS):
        k = run.rfind(marker)
        if k >= 0 and k + len(marker) <= len(run) - 2:  # the name keeps two characters at least
            cut = max(cut, k + len(marker))
    return run[cut:][-4:]


def _right_part(t: NameTables, run: str) -> str:
    """吐尔逊打来 → 吐尔逊: up to the first particle or verb after two characters, at most four
    (阿不都 is a known part, although 都 is a particle)."""
    known = next((run[:k] for k in (4, 3) if run[:k] in t.parts), None)
    if known:
        return known
    if run[:2] in t.parts and _is_word(t, run[2:4]):
        return run[:2]  # 麦麦提·艾力一起报名: a known part, then a word (一起)
    end = next((k for k, ch in enumerate(run) if k >= 2 and (ch in STOP or ch in _VERBS)), len(run))
    return run[: min(end, 4)]


def find_latin_names(t: NameTables, text: str) -> list[NameHit]:
    # (Mr. Thompson: a foreign teacher's surname, any word shaped like one, after the title; speed: tried at M and D)
    matches = [m for m in tried_at(_TITLED, text) if m.group(1) in t.pinyin or _SURNAME_SHAPED.fullmatch(m.group(1))]
    titled = [NameHit(m.start(), m.end(), "") for m in matches] if "M" in text or "D" in text else []
    hits = titled + _english_names(t, text, taken_by(titled, len(text)))
    # Mr. Thompson … Thompson老师: the surname after a title is that teacher wherever it stands alone
    surnames, taken = {m.group(1) for m in matches}, taken_by(hits, len(text))
    hits += [NameHit(m.start(), m.end(), "") for m in _WORD.finditer(text) if m.group(0) in surnames and not taken[m.start()]]
    # casey是转学来的…许凯西的昵称: a Latin word, either case, said to be someone's nickname or English name
    taken = taken_by(hits, len(text))
    said = [m.span(1) if m.group(1) else m.span(2) for m in _LATIN_NICKNAME.finditer(text)]
    return hits + [NameHit(start, end, "") for start, end in said if not taken[start]]


_LATIN_NICKNAME = re.compile(
    r"(?<![A-Za-z0-9_@.\-])([A-Za-z][a-z]{1,11})\s*是[^，。；;！？\n]{0,16}?的(?:昵称|英文名字?|小名|外号|网名)"
    r"|(阿[A-Z][a-z]{1,11})(?![A-Za-z0-9_@])"  # 店长阿May: 阿 and an English name, as Cantonese speakers call one
)


# Mr. Zhao, Ms Chen: a title and a surname in pinyin, as pupils address their teachers
_TITLED = re.compile(r"(?<![A-Za-z])(?:Mr|Mrs|Ms|Miss|Dr)\.? ?([A-Z][a-z]{1,11})(?![A-Za-z])")


def _english_names(t: NameTables, text: str, titled: bytearray) -> list[NameHit]:
    words = [m for m in _WORD.finditer(text) if not titled[m.start()]]
    # Kevin Chen, Emily Wang: a common English given name and a surname in pinyin, one name
    full = [
        (m.start(), after.end())
        for m in words
        if m.group(0) in t.english
        and (after := _PINYIN_AFTER.match(text, m.end())) is not None
        # (他爸爸Thomas Evans: after kin or a role any surname-shaped word; not Grace Hopper说过…)
        and (
            after.group(1) in t.pinyin
            # (原名Michael Brown, 英文名 Emma Stone: or introduced as a name)
            or (_SURNAME_SHAPED.fullmatch(after.group(1)) and _introduced_at(text, m.start()))
        )
        and _alone(text, m.start(), after.end())
    ]
    taken = taken_by([NameHit(s, e, "") for s, e in full], len(text))
    alone = [m for m in words if not taken[m.start()] and _alone(text, m.start(), m.end())]
    found = _latin_alone(t, text, alone)
    # “Kevin loves school!”: a name found alone elsewhere in the case is that child inside English too
    known = {text[h.start : h.end] for h in found} | {text[s:e].split(" ")[0] for s, e in full}
    seen = {h.start for h in found}
    inside = [
        NameHit(m.start(), m.end(), "") for m in words if m.group(0) in known and not taken[m.start()] and m.start() not in seen
    ]
    return [NameHit(s, e, "") for s, e in full] + found + inside


_SURNAME_SHAPED = re.compile(r"[A-Z][a-z]{2,9}")


_PINYIN_AFTER = re.compile(r" ([A-Z][a-z]{1,9})(?![A-Za-z])")


def _latin_alone(t: NameTables, text: str, candidates: list[re.Match[str]]) -> list[NameHit]:
    names = {
        m.group(0)
        for m in candidates
        if m.group(0) in t.english
        or _INTRODUCED.search(text, max(0, m.start() - 8), m.start())
        or _bracketed(t, text, m.start(), m.end())
        # 芮杰的妈妈Casey——, 爸爸Tom说: right after kin and before punctuation or what follows people
        or (
            text.endswith(_KIN_BEFORE_LATIN, 0, m.start())
            and (text[m.end() : m.end() + 1] or "。") in "-,，。(（" + "".join(PERSON_FOLLOW)
        )
    }
    return [NameHit(m.start(), m.end(), "") for m in candidates if m.group(0) in names]


_ROLE_AFTER = re.compile("|".join(ROLE_WORDS))
_KIN_BEFORE_LATIN = tuple("妈妈 爸爸 母亲 父亲 外婆 外公 奶奶 爷爷 哥哥 姐姐 舅舅 姑姑 阿姨 叔叔".split())  # (not 叫, 名叫)


@data_cache  # made from the word list: again when it changes
def _tibetan_parts() -> re.Pattern[str]:
    t = tables()
    return re.compile("|".join(map(re.escape, sorted(t.parts | t.joined_parts, key=len, reverse=True))))


_BEFORE_PART = tuple(KIN_BEFORE) + tuple("阿妈 阿爸 朋友 好友 室友 舍友 队友 妻子 丈夫 爱人 学姐 学长 学妹 学弟".split())
_ROLE_BEFORE_PART = ("老师", "同学", "同桌", "班长", "学生", "舍友", "室友", "教练", "师傅", "阿姨", *COUSINS)
# Where a part or an English full name is a person whatever follows (生活老师阿力木, 爸爸Thomas Evans)
_PERSON_BEFORE_PART = _ROLE_BEFORE_PART + _BEFORE_PART
_SENTENCE_ENDS = frozenset("。!?！？\n")
# (周末古丽和同宿舍的女生…: a time opening the clause stands before a part as kin and punctuation do)
_OPENING_BEFORE_PART = (
    _BEFORE_PART + tuple(LEFT_WORDS[: LEFT_WORDS.index("其中")]) + tuple("周末 早上 上午 中午 下午 晚上 傍晚 课间".split())
)
_TAKES_PERSON = frozenset("帮陪让请找问叫教")  # verbs whose object is a person, before a part alone
PART_WORDS = ("扎西德勒", "格桑花")  # words that open with a name's part and are no name


@data_cache  # made from the name lists: again when one changes
def _part_finals() -> frozenset[str]:
    """The characters that end two or more of the two-character parts the lists know (措, 珍, 玛 …)."""
    finals = Counter(p[-1] for p in tables().parts if len(p) == 2)
    return frozenset(ch for ch, n in finals.items() if n >= 2)


def _second_parts(t: NameTables, text: str, spans: list[tuple[int, int]]) -> set[str]:
    """次仁朗措: right after a known part, two characters that end as parts end and make no word are
    the second part of the same name, though the lists lack it."""
    found: set[str] = set()
    finals = _part_finals()
    for _start, end in spans:
        pair = text[end : end + 2]
        if len(pair) == 2 and pair[1] in finals and _han(pair[0]) and pair[0] not in STOP and pair[1] not in STOP:
            if not _is_word(t, pair) and pair not in t.pairs and not _is_word(t, text[end - 1 : end + 1]):
                found.add(pair)
    return found


def _with_jan(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """买买提江, 艾力江: the Uyghur ending 江 (“dear”) belongs to the name before what ends a name."""
    start, end = span
    if text[end : end + 1] == "江" and (end + 1 >= len(text) or text[end + 1] in FOLLOW or not _han(text[end + 1])):
        return start, end + 1
    return span


def find_tibetan_names(t: NameTables, text: str) -> list[NameHit]:
    """次仁卓玛, 扎西顿珠: two parts of Tibetan names together are a name, and each part of it is
    that person wherever it stands in the case; a part alone elsewhere only where a person stands
    (扎西说, 卓玛的阿妈), since the surname tables cannot read such names at all."""
    # (扎西德勒 is the New Year greeting, 格桑花 a flower: no person)
    spans = [_with_jan(text, m.span()) for m in _tibetan_parts().finditer(text) if not text.startswith(PART_WORDS, m.start())]
    second = _second_parts(t, text, spans)
    if second:  # (次仁朗措: 朗措 is a part of this case's name, wherever it stands)
        taken = taken_by([NameHit(s, e, "") for s, e in spans], len(text))
        spans = sorted(spans + [(s, e) for s, e in find_words(text, second) if not any(taken[s:e])])
    hits: list[NameHit] = []
    parts: set[str] = set()
    k = 0
    while k < len(spans):
        start, end = spans[k]
        if k + 1 < len(spans) and spans[k + 1][0] == end:  # two parts, one after the other
            second = text[end : spans[k + 1][1]]
            if not (text[start:end] in t.joined_parts and second in t.joined_parts):  # 乌兰苏和: two places
                hits.append(NameHit(start, spans[k + 1][1], ""))
                parts |= {text[start:end], second}
                k += 2
                continue
        k += 1
    spans = [(s, e) for s, e in spans if text[s:e] not in t.joined_parts]  # 乌云 alone is a cloud
    taken = taken_by(hits, len(text))
    alone: list[tuple[int, int]] = []
    for start, end in spans:
        if taken[start]:
            continue
        if start >= 1 and text[start - 1] in t.surnames and text[start - 1] not in STOP and not _han(text[start - 2 : start - 1]):
            hits.append(NameHit(start - 1, end, ""))  # 包其其格是蒙古族学生: a Chinese surname opening a clause, then a part
            continue
        role = _ROLE_AFTER.match(text, end)  # 扎西老师: a part with a title is a person, title and all
        if role:
            hits.append(NameHit(start, role.end(), ""))
        else:
            alone.append((start, end))
    found_alone: set[str] = set()
    for start, end in alone:
        # 阿妈德吉，…; 她的朋友拉巴说: after a kin or role word a part opens as after punctuation
        first = start == 0 or not _han(text[start - 1]) or text.endswith(_OPENING_BEFORE_PART, 0, start)
        opens = first or text[start - 1] in LEFT_CHARS
        # 生活老师阿力木商量: after a role or kin a part is a person whatever follows; 卓玛所在宿舍楼…:
        # opening a sentence, before a particle or function word (格桑花开了 is a flower)
        sentence = (start == 0 or text[start - 1] in _SENTENCE_ENDS) and text[end : end + 1] in STOP
        if text.endswith(_PERSON_BEFORE_PART, 0, start) or sentence:  # (的妈妈古再丽端来)
            hits.append(NameHit(start, end, ""))
            found_alone.add(text[start:end])
            continue
        person = text[end : end + 1] in PERSON_FOLLOW or text.startswith(("妈妈", "爸爸", "阿妈", "阿爸", "父亲", "母亲"), end)
        # 扎西每天放学…, 舅舅买买提江，电话…: opening a sentence or after a kin word, what follows a
        # name at all
        person = person or (first and (end >= len(text) or text[end] in FOLLOW))
        # (古丽跳起维吾尔族舞蹈时…: opening a line, before any word but a particle)
        # (活动中，金珠教大家…: after a comma too, unless the part runs into a word there)
        acts = _han(text[end : end + 1]) and text[end] not in STOP
        person = person or (
            acts and (text[start - 1 : start] in ("", "\n") or (first and not _is_word(t, text[start : end + 1])))
        )
        person = person or text[start - 1 : start] in _TAKES_PERSON  # (一起帮措姆检查了车票: whom one helps)
        # (卓玛和次仁一起报名: 和 right after a part found as a person joins another)
        person = person or (text[start - 1 : start] in "和与跟、" and any(h.end == start - 1 for h in hits))
        # 同宿舍的达娃拉着她: in a case that names a Tibetan pupil in full, a part opening a phrase is
        # a person whatever follows
        if text[start:end] in parts or (opens and (person or bool(parts))):
            hits.append(NameHit(start, end, ""))
            found_alone.add(text[start:end])
    # 巴图是蒙古族 … 校足球队的巴图比赛中: a part found where a person stands is that person
    # everywhere in the case, like any name found once
    starts = {h.start for h in hits}
    hits += [NameHit(s, e, "") for s, e in alone if text[s:e] in found_alone and s not in starts]
    # (的央金和拉姆 … 央金说: 和 after a part the case shows to be a person only later joins another too)
    ends, starts = {h.end for h in hits}, {h.start for h in hits}
    hits += [NameHit(s, e, "") for s, e in alone if s not in starts and text[s - 1 : s] in "和与跟、" and s - 1 in ends]
    # 阿布都热合曼 … 我请班里的艾孜买提和小热: 小 and the first character of a part of a name found
    # in full is what classmates call him (阿 opens parts and nicknames alike: no 小阿)
    little = {"小" + p[0] for p in parts if p[0] != "阿" and not _is_word(t, "小" + p[0])}
    if not little:
        return hits  # (speed: most cases name no such person)
    taken = taken_by(hits, len(text))
    return hits + [NameHit(s, e, "") for s, e in find_words(text, little) if not any(taken[s:e])]
