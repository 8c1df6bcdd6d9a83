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
   role in apposition (同桌潘诗雨, 母亲李娟女士: :mod:`anon_apposed`); after 问/找/叫/陪
   (导师问浩宇); a name padded with a full-width space as name lists write it
   (王　芳). Role nouns (孩子, 朋友, 同桌 …) never fill them.
   Beside a name found already, a token of the same family before 的 + kin
   (施展的外公施根宝) or in the same list (俞佳、陶然和白一鸣) is a name too
   (:mod:`anon_relations`).
3. **A person found once is found everywhere** (:mod:`anon_everywhere`): the full name's given name, the
   nicknames made from it (叠字 桐桐, 小桐, 阿桐, and so 桐桐姐) and the surname with
   a kin word (亓爸爸) are marked wherever they occur in the case — front matter,
   headings, tables and alt text included, since the whole file is one text.

Word patterns, not a part-of-speech tagger: jieba's tagger (measured on the same
corpora) tags ordinary words as names and splits real ones, and costs several
times the 2 ms per 1,000 characters the gate may spend; see the 匿名化 page.
"""

from __future__ import annotations

import re
from collections import Counter

from macros.casebook import anon_names
from macros.casebook.anon_apposed import after_roles
from macros.casebook.anon_aside import _TITLE, seasonal, set_aside
from macros.casebook.anon_everywhere import everywhere, in_idiom
from macros.casebook.anon_facts import facts_people
from macros.casebook.anon_latin import PART_WORDS, find_dotted_names, find_latin_names, find_tibetan_names
from macros.casebook.anon_leads import tried_at
from macros.casebook.anon_names import NameHit, NameTables, _han, find_words, taken_by
from macros.casebook.anon_names import _common as _is_word  # one test of “a common word” for both passes
from macros.casebook.anon_nicknames import (
    _LITTLE,
    _LITTLE_OWNS,
    _PERSON_OBJECT_VERBS,
    _PET_AFTER,
    _REDUPLICATED,
    REDUPLICATED_FREQ,
    _after_class_de,
    _kin_name,
    _little_name,
    _little_nickname,
    _nickname_chars,
    _no_word_name,
    _pet_name,
    _surname_before_kin,
    _trait,
    _unknown_surname_name,
    acting_at,
    doubled_before_elder,
    given_titled,
    little_name_word,
    opening_full_name,
    pet_names,
    rare_word_name,
    spoken_doubled,
    surname_doubled,
    titled_nicknames,
)
from macros.casebook.anon_positions import (
    _CALLED,
    _CALLED_BEFORE,
    _CALLED_OR,
    _CALLED_QUOTED,
    _DAYTIME,
    _NOT_OPENING,
    _PUPIL_TIMES,
    _ROLES_BEFORE,
    _STAYS_AT,
    _STRONG_LED,
    _STRONG_VERBS,
    _VERB_CHARS,
    _VERB_NOUNS,
    KIN,
    ROLE_NOUNS,
    TIME_ADVERBS,
    WORKPLACE_TITLED,
    _adverb_verb,
    _animal_called,
    _boundary,
    _candidate,
    _clause_start,
    _han_pair,
    _line_start,
    _no_given_name,
    _no_nickname,
    _opening_name,
    _opening_pair,
    _opening_verb,
    _patterns,
    _pseudonym_at,
    _role_noun_hit,
    _tried_verb,
    _typical,
    _typical_char,
    _when_clause,
    _without_verb,
    _word_name,
    class_pupils,
    family_surname,
)
from macros.casebook.anon_relations import related_people
from macros.casebook.anon_repeated import repeated_names
from macros.casebook.anon_spans import vocative


def find_people(text: str) -> list[NameHit]:
    """Every mention of a person in a whole case (normalised, pseudonyms masked)."""
    t = anon_names.tables()
    plain = set_aside(text)
    hits = [
        _without_verb(plain, h)
        for h in anon_names.find_names(plain)
        # (宿管于阿姨: after a role word 于 is the surname; “向老师，…: addressed, so is 向)
        if vocative(plain, h.start, h.end)
        or not _role_noun_hit(
            plain[h.start : h.end], plain.endswith(anon_names._ROLE_LEFT, 0, h.start) or plain[h.start - 1 : h.start] == "的"
        )
    ]
    hits += _positional(t, plain, hits)
    hits += related_people(t, plain, hits)
    hits += facts_people(t, plain, hits)
    hits += _nicknamed(t, plain, hits)
    hits += repeated_names(t, plain, hits)
    # 徐海东 … 海东那几天…, 汪小满 … 是小满的: a given name the case has shown to be a person's is no place or date in it
    # (父亲宁德华 … 宁德华拍了: nor the place a full name opens with)
    placed = frozenset(h.given for h in hits if h.given in t.places or h.given in t.minor_places or seasonal(h.given))
    placed |= {"小" + plain[h.start] for h in hits if h.end - h.start >= 2 and "小" + plain[h.start] in t.figures}  # 乔木 … 小乔
    placed |= {plain[h.start : h.start + 2] for h in hits if h.end - h.start == 3 and plain[h.start : h.start + 2] in t.places}
    hits += everywhere(t, set_aside(text, placed) if placed else plain, hits)
    hits += find_latin_names(t, plain) + find_dotted_names(t, plain) + find_tibetan_names(t, plain)
    hits += _in_titles(t, text, plain, hits) if "《" in text else []
    # 春花秋月, 见贤思齐: whatever found it, a name shorter than a four-character word inside it is the word
    # (扎西 of 扎西顿珠 is no person inside 扎西德勒, the greeting, whichever pass looked for it there)
    hits = [
        h
        for h in hits
        if h.end - h.start >= 4 or not (in_idiom(t, plain, h.start, h.end) or plain.startswith(PART_WORDS, h.start))
    ]
    hits = [h for h in hits if not (_tried_verb(plain, h) or _animal_called(plain, h.start) or _pseudonym_at(plain, h.start))]
    hits = [h for h in hits if not (_adverb_verb(plain, h) or _when_clause(plain, h) or _no_given_name(plain, h))]
    # 苗佳怡的新家在…: a character the tables do not trust as a surname and 家 is a family only where
    # the case names a person by it (夏家的小店 is the 夏 family's)
    named = {plain[h.start] for h in hits if h.end - h.start >= 3 or plain[h.start + 1 : h.end] != "家"}
    hits = [h for h in hits if h.end - h.start != 2 or plain[h.start + 1] != "家" or family_surname(t, plain[h.start], named)]
    pets = pet_names(plain)
    # (《我和豆豆的四年》: titles are blank in plain, so a pet's name inside one is read from the text)
    hits = [h for h in hits if text[h.start : h.end] not in pets] if pets else hits
    return sorted(hits, key=lambda h: (h.start, -h.end))


def _in_titles(t: NameTables, text: str, plain: str, hits: list[NameHit]) -> list[NameHit]:
    """题目叫《家里的老邱》: a person the case names outside titles is the same person inside one (a
    pupil's essay or drawing); titles are set aside before names are looked for, so only the forms
    found twice elsewhere are looked for there, and no common word."""
    seen = Counter(plain[h.start : h.end] for h in hits if h.end - h.start >= 2)
    named = {w for w, n in seen.items() if n >= 2 and not _is_word(t, w)}  # (twice: a figure read once as a name stays out)
    found: list[NameHit] = []
    for m in _TITLE.finditer(text) if named else ():
        found += [NameHit(m.start() + s, m.start() + e, "") for s, e in find_words(m.group(0), named)]
    return found


_SIZES = frozenset("长高大小短厚薄圆胖瘦细粗宽窄深浅满")  # doubled, adjectives of size and shape (长长的, 满满的)
# (高明的家长懂得倾听: 家长 follows a description as often, so it is left out)
_PARENTS = ("妈妈", "爸爸", "母亲", "父亲", "父母", "外婆", "外公", "奶奶", "爷爷")
# After these a clause opens as a line does (殷师傅说，海涛干活很细心; 这件事以后，晓峰…)
_SAID = ("说，", "说,")
_OPENS_AS_LINE = re.compile("|".join(("\n", *_SAID, "以后，", "以后,", "之后，", "之后,")))
_ELDERS = (*_PARENTS, "姐姐", "哥哥", "阿姨", "叔叔")  # 志愿者唐唐姐姐: a doubled name before how one is addressed


# -- step 2: positions only a person fills ---------------------------------------------------


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
    # (speed: the aside pattern starts anywhere; only texts that say 这样/这么 can hold one)
    called_at = [(m, 1) for m in _CALLED_BEFORE.finditer(text)] if "这样" in text or "这么" in text else []
    called_at += [(m, 1) for m in _CALLED_QUOTED.finditer(text)] if "叫“" in text else []  # 围着他叫“力哥”
    for m, g in [*((m, 1 if m.group(1) else 2) for m in tried_at(_CALLED, text)), *called_at]:
        # 都叫他包子: whatever the word, it is what the child is called
        # 叫他回座位, 叫她过来: a verb after 叫他 is an errand, not a name
        called = m.group(g)
        if _no_nickname(t, text, m.start(), called):
            continue
        if _trait(t, called) or _PET_AFTER.match(text, m.end()):
            continue  # 一只叫“豆豆”的小狗: a pet's name
        add(m.start(g), m.end(g), called if len(called) == 2 else "")
        also = _CALLED_OR.match(text, m.end(g))
        if also and also.group(1) not in ROLE_NOUNS and also.group(1)[0] not in anon_names.STOP:
            add(also.start(1), also.end(1), also.group(1))
    titled = "哥" in text or "姐" in text or "阿姨" in text or "叔叔" in text  # (speed: the two scans below need one)
    for start, end in given_titled(t, text) if titled else ():  # 浩宇哥带着低年级的小朋友…: a given name and 哥/姐
        add(start, end, text[start : end - 1])
    for start, end in class_pupils(t, text):
        add(start, end, text[start + 1 : end])
    for m in WORKPLACE_TITLED.finditer(text) if titled else ():
        if m.group(1) in t.surnames:
            add(m.start(1), m.end(), "")
    for start, end in titled_nicknames(t, text) if titled else ():  # 隔壁的阿芳阿姨, 几个初三的“阿斌哥”, 芳芳姐
        add(start, end, "")
    for m in p["kin"].finditer(text):  # 国庆的妈妈, 子豪妈妈, 桐桐的同桌
        if text.startswith("家长会", m.start()) or text[m.start() - 1 : m.start()] == "新":
            continue  # 奶奶的方言家长会: a parents' meeting, not whose parent; 和新妈妈相处: a stepparent
        de = text[m.start() - 1 : m.start()] == "的"
        i = m.start() - 2 - de
        # (詹姆斯的爸爸是英国人: a line opening with a name jieba knows, of three characters, before 的 and a parent)
        three = text[i - 1 : i + 2] if de and i >= 1 and _line_start(text, i - 1) else ""
        if three in t.jieba_names and text.startswith(_PARENTS, m.start()):
            add(i - 1, i + 2, "")
            continue
        token = text[i : i + 2] if i >= 0 else ""
        if not de and token[:1] == token[1:] and _han(token[:1]) and text.startswith(_ELDERS, m.start()):
            if doubled_before_elder(t, text, i, m.start()):
                add(i, i + 2, token)
                continue
        if not de and (m.group(0) not in KIN or (m.group(0) == "家长" and _is_word(t, token) and token not in t.jieba_names)):
            continue  # (与远方家长沟通: a word right before 家长 says what kind of parent)
        if _han_pair(token) and i >= 1 and _unknown_surname_name(t, text, i - 1):
            add(i - 1, i + 2, token)  # 禚雨涵的妈妈
            continue
        if _han_pair(token) and i >= 1 and _surname_before_kin(t, text, i - 1, de):
            add(i - 1, i + 2, token)  # 孔繁星的家长: a surname and a given name that is a word (繁星)
            continue
        # (请联系雨桐妈妈: a given name of today right before kin, after a verb too)
        modern = token in t.modern and not de and not _is_word(t, text[i - 1 : i + 1])
        if _han_pair(token) and (modern or _clause_start(text, i) or text[i - 1] in anon_names.LEFT_CHARS):
            # (一帆的奶奶: 一 opens given names)
            if (
                _candidate(t, token, True)
                or _word_name(t, text, token)
                or _kin_name(t, token, de)
                # 黎明的妈妈, 温馨的父母: a word jieba counts as a name too, before 的 and a parent
                or (de and token in t.jieba_names and text.startswith(_PARENTS, m.start()))
                or (token[0] == "一" and _typical(t, token, yi=True))
                or (de and not _han(text[i - 1 : i]) and text.startswith(_PARENTS, m.start()) and _no_word_name(t, token))
                or (de and _line_start(text, i) and text.startswith(_PARENTS, m.start()) and rare_word_name(t, token))
            ):
                add(i, i + 2, token)
            # (程程的妈妈再婚以后: before 的 and kin, a doubled name of a less typical character too)
            elif (de or m.group(0) in KIN) and (
                # (打电话给小雨爸爸: 小 and a typical character that make a word too, right before a parent)
                (_little_name(t, token) or (not de and text.startswith(_PARENTS, m.start()) and little_name_word(t, token)))
                if token[0] == "小"
                else _pet_name(t, token, least=0.2 if de else 0.5)
            ):
                # 小南的妈妈, 贝贝的外婆, 苗苗妈妈: a nickname before kin (a doubled one is then
                # looked for everywhere: 寒假朵朵都去)
                add(i, i + 2, token if token[0] == token[1] else "")
    for m in p["verb"].finditer(text):
        i = m.start() - 2
        # (speed: two Chinese characters before the verb, asked without a slice: _han_pair inline)
        if i < 0 or not ("\u4e00" <= text[i] <= "\u9fff" and "\u4e00" <= text[i + 1] <= "\u9fff"):
            continue
        if text.startswith(_VERB_NOUNS, i + 2):
            continue
        strong = m.group(0) in _STRONG_LED  # (speed: text.startswith(_STRONG_VERBS, i + 2), see _STRONG_LED)
        clause = _clause_start(text, i)
        # (单雨桐把自己写的歌…: a line opening with a name before 把, 被 or 给)
        opened = i >= 1 and _line_start(text, i - 1) and text[i + 2 : i + 3] in "把被给在"
        if not (clause or strong or opened):
            continue  # (speed: most verbs stand mid-clause; only a clause start or a strong verb can make a name)
        token = text[i : i + 2]
        if token[0] == token[1] and t.words.get(token, 0) >= REDUPLICATED_FREQ:
            if spoken_doubled(t, text, i):  # 可可说：“…”: a doubled name opening a line, quoted
                add(i, i + 2, token)
            continue  # 连连说, 默默点头: a reduplicated adverb before the verb
        if (strong or opened) and i >= 1 and _unknown_surname_name(t, text, i - 1):
            add(i - 1, i + 2, token)  # 亓明轩说, 操思琪低着头: a surname the tables lack, before a given name
            continue
        # 甜点 in 甘甜点了点头: a verb phrase of three characters or more fixes the boundary itself
        # (她的好朋友甘露哭得…: a word that reads as a name after a role, before a verb of feeling)
        # (not 老师介绍说: a word as everyday as a verb of speech)
        apposed = not clause and strong and text.endswith(_ROLES_BEFORE, 0, i) and t.words.get(token, 0) < 2000
        if not (clause or apposed):
            continue  # (speed: the tests below only turn a token down)
        # (凯文说: a known given name keeps its second character before 说, though 文说 is a word)
        runs_on = len(m.group(0)) < 3 and _is_word(t, text[i + 1 : i + 3])
        runs_on = runs_on and not (strong and token in t.pairs and not _is_word(t, token))  # (中文说得流利)
        # (黎明早上总是…: a line opening with a word known as a name, though 明早 is a word)
        runs_on = runs_on and not (_line_start(text, i) and (token in t.pairs or token in t.jieba_names))
        if runs_on:
            continue
        # 安然今天…, 温馨在学校…: a line that opens with the word and what a person does (not 冬天早上: a
        # time of year, then a time of day; not 的, 和, 把 …, which follow things as well)
        opening = _line_start(text, i) and m.group(0) not in _NOT_OPENING
        # (仓库最近订单多: before a time word, only a word known as a name: 安然今天…, 黎明最近…)
        timed = m.group(0) in TIME_ADVERBS or m.group(0) in _DAYTIME
        opening = opening and not (timed and (token[1] in "天年月日夜" or (token not in t.pairs and token not in t.jieba_names)))
        opening = opening and not (token[1] == "月" and token[0] in "一二三四五六七八九十正腊")  # (九月还没过完: a month)
        if (
            (clause and _candidate(t, token, strong))
            or (strong and _word_name(t, text, token))
            or (opening and _opening_name(t, token))
            or (opening and strong and _no_word_name(t, token, 0.5))  # 米粒说自己的…: no word at all opening a line
        ):
            add(i, i + 2, token)
    # 甘露这学期当上了…, 秋实上课…: a line opening with a word and a time of the pupil's year (not 冬天这次)
    # (and wherever a clause opens as a line does, after 说， or 以后，: _OPENS_AS_LINE)
    for i in [0, *(m.end() for m in _OPENS_AS_LINE.finditer(text))]:
        token = text[i : i + 2]
        if text.startswith(_PUPIL_TIMES, i + 2) and token[1:] not in "天年月日夜季":  # (秋季开学: a season)
            # (子涵后来…; 景涛周末在…: two typical characters that are no word)
            if _opening_name(t, token) or ((token in t.pairs or _typical(t, token)) and not _is_word(t, token)):
                add(i, i + 2, token)
        elif _opening_pair(t, text, i):  # 浩宇为选科的事…, 家豪有点口吃
            add(i, i + 2, token)
        elif opening_full_name(t, text, i):  # 汪小满有轻度听力损失, 练志强下课后…
            add(i, i + 3, text[i + 1 : i + 3])
    for m in _REDUPLICATED.finditer(text):  # 苗苗今天…, 毛毛这次…: a reduplicated name opening a clause
        i = m.start()
        if i > 0 and text[i - 1] in t.surnames and surname_doubled(t, text, i):  # (speed: read only after a surname)
            add(i - 1, i + 2, m.group(0))  # 预备（3）班的汤圆圆: a class's pupil, surname and a doubled name
            continue
        taking = text.endswith(("带着", "一下"), 0, i)
        # (菲菲搬家到了…: opening a line, before any word but a particle)
        opens = (_line_start(text, i) or text.endswith(_SAID, 0, i)) and acting_at(text, i + 2)  # (…说，东东手很巧)
        # (带多多上学, 接豆豆放学: taken to or from school, a less typical character and a rarer word too)
        escorted = text[i - 1 : i] in "带接送" and text.startswith(("上学", "放学", "回家", "上课"), i + 2)
        opening = _line_start(text, i) and _opening_verb(text, i + 2)  # (牛牛在体育课上…: a less typical character too)
        # (岳阿姨是苗苗家的保姆: whose home or kin, after a clear left edge, as for 小X below)
        owned = text[i - 1 : i] in anon_names.LEFT_CHARS and _LITTLE_OWNS.match(text, i + 2) is not None
        if (
            # (我让朵朵把…: after a verb that takes a person, too)
            (_clause_start(text, i) or text[i - 1 : i] in _PERSON_OBJECT_VERBS or _after_class_de(text, i) or taking or owned)
            and _pet_name(t, m.group(0), 1000 if escorted else REDUPLICATED_FREQ, 0.3 if opening or escorted else 0.5)
            # (我问东东寒假去哪儿, 外婆把糖糖送到…, 带着豆豆画了…, 关注一下朵朵: after 问, 让, 叫, 把, 带, 一下 nothing after)
            # (24级数控3班的鹏鹏实习报告…: a class's pupil, whatever follows)
            and (
                text[i + 2 : i + 3] in anon_names.FOLLOW
                or (i > 0 and text[i - 1] in "问让叫请陪帮找把带")
                or taking
                or opens
                or _after_class_de(text, i)
            )
            and not _PET_AFTER.match(text, i + 2)
            and not (text[i - 1 : i] == "把" and text[i + 2 : i + 3] == "的" and m.group(0)[0] in _SIZES)  # (把长长的通勤)
        ):
            add(i, i + 2, m.group(0))
    for m in _LITTLE.finditer(text):  # 小磊昨天…, “小雅，…”: 小 and a typical given-name character
        i = m.start()
        token = m.group(0)
        # 小鱼儿的妈妈, 小鱼儿说: 小X儿 before what only a person has or does (not 小孩儿, 小事儿)
        if text[i + 2 : i + 3] == "儿" and token not in ROLE_NOUNS:
            # (小事儿说不清: a word before 儿 needs a mother, not only a verb)
            if _LITTLE_OWNS.match(text, i + 3) or (text.startswith(_STRONG_VERBS, i + 3) and not _is_word(t, token)):
                for start, end in find_words(text, [text[i : i + 3]]):  # and wherever else the case uses it
                    add(start, end, "")
                continue
        # (阿娟是…; 她说小磊每天…: after a verb that takes a person too)
        # (…分给了忘带饭的小琪。, 多关心一下小倩。: after 的 or 一下, closing the sentence)
        closing = (text[i - 1 : i] == "的" or text[i - 2 : i] == "一下") and (i + 2 >= len(text) or text[i + 2] in "。！？，；")
        # (同班的小芸悄悄告诉我: after whose classmate, like after a class)
        classmate = text.endswith(("同班的", "班上的", "班里的", "同组的", "同桌的"), 0, i)
        opens = (
            _clause_start(text, i) or text[i - 1 : i] in _PERSON_OBJECT_VERBS or text[i - 1 : i] == "说" or closing or classmate
        )
        # (小胖说: a less typical character before a verb only a person does)
        said = text.startswith(_STRONG_VERBS, i + 2) and _little_nickname(t, token) and t.score.get(token[1], 0.0) >= 0.6
        said = said or (classmate and p["verb"].match(text, i + 2) is not None and _little_nickname(t, token))
        # (阮妈妈说，小鹏小时候被…: opening a clause before when in a person's life)
        said = said or (opens and text.startswith(("小时候", "从小"), i + 2) and _little_nickname(t, token))
        # (小胖今天体育课又请假了: a line opening with 小X and what a person does, like 温馨在… above)
        said = said or (_line_start(text, i) and _opening_verb(text, i + 2) and _little_nickname(t, token))
        # (小雅画的是…: a line opening with 小 and one of the most typical characters, no word, before any verb)
        said = said or (
            _line_start(text, i) and t.score.get(token[1], 0.0) >= 0.9 and not _is_word(t, token) and _little_nickname(t, token)
        )
        # (带教阿杰的组长, 喜欢阿杰。, 时，阿娟教…: 阿 and a very typical character is a nickname anywhere)
        very = token[0] == "阿" and t.score.get(token[1], 0.0) >= 0.9 and not _is_word(t, token)
        # (后排的阿凯忍不住问…: after 的 too)
        said = said or (very and (_clause_start(text, i) or text[i - 1 : i] == "的") and acting_at(text, i + 2))
        if (opens or very) and ((text[i + 2 : i + 3] in anon_names.FOLLOW and _little_name(t, token)) or said):
            add(i, i + 2, "")
        # (小雨住在…: opening a line, 小 and a typical character that make a word too)
        elif _LITTLE_OWNS.match(text, i + 2) and (
            _little_nickname(t, token) or (_line_start(text, i) and little_name_word(t, token))
        ):
            # 小胖的妈妈, 是小凯家的保姆, 阿珍家住: only a person has a mother or a home
            # (提醒小睿的家长: a very typical character needs no clear left edge)
            if _clause_start(text, i) or text[i - 1] in anon_names.LEFT_CHARS or t.score.get(token[1], 0.0) >= 0.8:
                add(i, i + 2, "")
    for m in _STAYS_AT.finditer(text) if "家" in text else ():  # 住在焦阳家里, 去的是春生家
        token = m.group(1)
        given = len(token) == 2 and token in t.pairs and not _is_word(t, token)  # (a known given name alone)
        full = "住" in m.group(0) and token[0] in t.surnames and all(_typical_char(t, ch) for ch in token[1:])
        if token not in ROLE_NOUNS and (given or full):  # (到了农民家: a visit to anyone's home names no surname)
            add(m.start(1), m.end(1), token[1:] if len(token) == 3 else "")
    for m in p["address"].finditer(text):  # “浩宇，你…”, “刘一凡，…”
        token = m.group(1)
        if len(token) == 3 and token[0] in t.surnames and _typical(t, token[1:]):
            add(m.start(1), m.end(1), token[1:])
        elif len(token) == 2 and _candidate(t, token, False):
            add(m.start(1), m.end(1), token)
    after_roles(t, text, add)  # 同桌潘诗雨, 母亲李娟女士, 同桌诗雨
    for m in p["object"].finditer(text):  # 导师问浩宇, 我找到了思远
        j = m.end()
        token = text[j : j + 2]
        if _is_word(t, text[m.start() : j + 1]):
            continue  # 问题, 请假: the verb is part of a word
        if m.group(0) == "说" and text[j + 2 : j + 3] == "的":
            continue  # 说爱笑的孩子: what is said is about someone; 葛老师说思源最近… names them
        if m.group(0) in ("和", "跟", "与") and _is_word(t, token):
            continue  # 金星和月亮, 和园丁: after “and” an ordinary word is that word
        if m.group(0) in ("觉得", "认为", "担心", "希望") and token not in t.modern:
            continue  # 觉得一诺应该读高中: whom one thinks of, only a given name of today (觉得很好, 希望明天)
        if token.endswith("家") or (m.group(0) == "建议" and token not in t.pairs):
            continue  # 找到了新家, 陪老家: a home, not a person; 建议冰敷: an action, unless a known given name
        if _is_word(t, token):
            continue  # 找平衡, 问原因: after a verb an everyday word is what is sought, even one that names people too
        # (我陪一凡练了…: a given name of today ends where it ends, whatever verb follows)
        ends = _boundary(t, text, j + 2) or token in t.modern
        # (说卫东周一…: a known given name before a word of its own, though 东周 is one too)
        runs_on = _is_word(t, text[j + 1 : j + 3]) and not (token in t.pairs and _is_word(t, text[j + 2 : j + 4]))
        if _candidate(t, token, False) and ends and not runs_on:
            add(j, j + 2, token)
    return out


def _nicknamed(t: NameTables, text: str, hits: list[NameHit]) -> list[NameHit]:
    """A name the tables cannot know (禚子航, 牛犇, 马骁), confirmed by its own nickname:
    when a case calls someone 航航 or 阿犇, a recurring ``X航`` in a person's place is that
    person's name — the given name 子航, or surname and given name 牛犇."""
    chars = _nickname_chars(t, text)
    if not chars:
        return []
    taken = taken_by(hits, len(text))
    places: dict[str, list[int]] = {}
    # (speed: the few characters found where they stand, not every character of the text read)
    for i in (k - 1 for k, _ in find_words(text, chars) if k > 0 and _han(text[k - 1])):
        token = text[i : i + 2]
        x = token[0]
        if x == token[1] or x in anon_names.LEFT_CHARS or x in "小大老阿" or x in _VERB_CHARS:
            continue
        if x in anon_names.STOP and x not in t.surnames:  # 向阳 with 阳阳: 向 is a surname too
            continue
        if x not in t.surnames and t.score.get(x, 0.0) < 0.3:
            continue  # 打碎 with 碎碎: a given name's first character is one seen in given names
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
