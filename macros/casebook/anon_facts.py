"""A pupil named by what only a pupil has beside the name (rule CASE-ANON-NAME, step 2c).

A case often gives a child's facts in one line, or a number only a pupil has, right after
the name. Whatever the name means as a word (黎明, 夏天), it is a person there:

- **a line of facts**: the name, then the sex or the school (夏天，女，奉贤…; 黎明，虹口区…中学…),
  or a date of birth in brackets (查文博（2009/04/17）);
- **a pupil's number or data**: 贝俊豪（学号…）, 戚文博学籍号：…, and after 的 what only a person
  has (米阳的学号, 甘露的联系电话) when the word before looks like a name;
- **a nickname given**: 容嬷嬷是同学给容晓起的外号 (both the nickname and the child);
- **a described pupil**: 男生黎明, 群主温暖 — after a word that says who the pupil is, when the
  token looks like a name (a surname, a given-name character) and the case has it speak or have
  kin somewhere (黎明的妈妈, 温暖说); 男生宿舍 never does.

The name found is then marked everywhere in the case (step 3), like any other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from macros.casebook import anon_names
from macros.casebook.anon_leads import led, tried_at
from macros.casebook.anon_name_words import NOT_ACTING
from macros.casebook.anon_names import NameHit, NameTables, taken_by
from macros.casebook.anon_nicknames import _little_nickname, _pet_name
from macros.casebook.anon_positions import CLAUSE_LEFT, ROLE_NOUNS, TIME_ADVERBS, _line_start, _patterns, _word_shaped
from macros.casebook.anon_rules import _back

_HAN = "\u4e00-\u9fff"
# What follows the name: its sex or its school (a district set aside as a place is blanked:
# 　　区曲阳…中学), or a number only a pupil has. Found first; the name is the two or three
# characters before it, after punctuation (女生夏天，女 is read from 夏, not from 生).
_FACTS_AFTER = re.compile(
    # (a district and town set aside whole, then the school's own name: 　　　　　　　芦汀中学;
    # masked pseudonyms are blanks too, but short ones: 周末，K老师请小K…来学校 is no school, and
    # 家访时，小L的妈妈拿出一叠学校… has a verb and a count where a school's name would stand)
    rf"[,，]\s*(?:[男女]\s*[,，、;；]|[{_HAN}\u3000]{{2,3}}区[{_HAN}\u3000]{{2,12}}?(?:中学|小学|学校)"
    rf"|\u3000{{5,}}(?:(?![一的了])[{_HAN}]){{2,4}}(?:中学|小学|学校)|\u3000{{3,4}}[{_HAN}]{{2,4}}(?:中学|小学)"  # 单杰，杨浦区延柳中学
    # 凌通，上海浦江机电职业学校…: the city (set aside as a place: two blanks), then a school's own name
    # (暑假，小M报名参加了市里的中学生…: a masked pseudonym, then a clause, is no school's name)
    rf"|\u3000\u3000(?!\u3000)(?:(?![一的了在是和把被给报参到去])[{_HAN}]){{2,10}}?(?:职业学校|技术学校|中学|小学))"
    # （仇建华，父亲）: a contact's name, then who the contact is to the pupil, closing the bracket
    r"|[,，]\s*(?:父亲|母亲|爸爸|妈妈|外婆|外公|奶奶|爷爷|监护人)\s*[)）]"
    # 车雨涵，四（3）中队，…: the pupil's class after the comma
    r"|[,，]\s*(?:[一二三四五六七八九]|初[一二三四]|高[一二三]|预备)\s*[(（]\s*\d{1,2}\s*[)）]\s*(?:班|中队)(?=[,，])"
    r"|[(（]\s*(?:19\d{2}|20[01]\d|202[01])[-/.年]"  # 查文博（2009/04/17）: a date of birth in brackets after the name
    # 熊小北，5月20日生日: a birthday after the comma
    r"|[,，]\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]\s*(?:出生|生日)"
    # 甘露，2011年11月出生, 焦苗，二〇一七年十月五日出生: a date of birth after the comma
    r"|(?P<born>[,，]\s*(?:(?:19|20)\d{2}|[一二][〇零九][〇零一二三四五六七八九]{2})\s*年[^，。,;；\n]{0,8}?(?:出生|生(?![活产态物命长效病字词气])))"
    r"|[,，]\s*\d{17}[\dXx](?!\d)"  # 报名表：康乐，310107201004190619，…: the pupil's ID number after the comma
    r"|(?P<dated>[,，]\s*(?:19|20)\d{2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}\s*出生)"  # 星辰，2010/12/03出生
)
_FACTS_LED = led(_FACTS_AFTER)  # (speed: see anon_leads.led)
_PUPIL_NUMBERS = ("学号", "学籍号", "身份证号", "身份证")
_NUMBER_AFTER = re.compile("|".join((*_PUPIL_NUMBERS, "出生日期")))  # (可馨，出生日期：…)
# 米阳的学号是…, 甘露的联系电话: what only a person has, after 的
_DATA_AFTER = re.compile(
    r"学号|学籍号|身份证号|身份证|出生日期|生日|联系电话|电话号码|手机号码|手机号|家庭住址|家庭地址|户籍|QQ号|QQ|微信号|微信|住在"
    r"|出生于|出生在|生于(?=\s*(?:19|20)\d{2}|\s*[〇零一二]{2}[〇零一二三四五六七八九]{2}年)"  # 梁宇航生于2012年6月, 殷浩生于二〇一二年…
    r"|[(（]\s*[A-Z][a-z]{1,11}\s*[)）]|[，,]\s*英文名"  # 石乐天（Lucas）, 石乐天，英文名Lucas: a pupil with an English name
    r"|毕业于"  # 苗壮毕业于…小学: only a person graduates
    r"|是(?:朝鲜|回|蒙古|藏|维吾尔|满|壮|苗|彝|土家|哈萨克|傣|侗|瑶|畲)族"  # 金圣贤是朝鲜族: a person's nationality
    r"|家住"  # 汪洋家住杨浦区…: where a family lives (大家住 is no one's: 大家 is a role noun)
    r"|(?<=的)(?:邮箱|电子邮箱)"  # 任天宇的邮箱
    r"|(?<=的)(?:名字|全名|大名|中文名|英文名)"  # 钱多多的名字是爷爷起的: only a person (or a pet: no surname) has one
    # 甘露画的《我的家》: a pupil's titled drawing or photo, the title set aside as blanks (writers and
    # singers, 写的《, 唱的《, are left)
    r"|(?:[画拍]的|[读看]了)(?:《|\u3000{3})"  # (陶然读了《骆驼祥子》: who reads a titled book is a person too)
    r"|(?<=的)(?:作文|日记|周记)(?:《|\u3000{3})"  # (夏至的作文《我的外公》: a pupil's titled writing)
    r"|是(?:(?:19|20)\d{2}|[一二][〇零九][〇零一二三四五六七八九]{2})\s*年[^，。,;；\n]{0,8}?出生"  # 星辰是二〇一一年…出生的
)
_DATA_LED = led(_DATA_AFTER)  # (speed: as _FACTS_LED)
# 容嬷嬷是同学给容晓起的外号, 大家给钱程起了个外号: the child a nickname is given to, and the nickname
_NAMED_BY = re.compile(
    rf"(?:(?<![{_HAN}])([{_HAN}]{{2,3}})是[^，。；;\n]{{0,6}}?)?给([{_HAN}]{{2,3}})起(?:了)?(?:个|一个)?的?(?:外号|绰号|小名|昵称)"
)
_NICKNAME_WORDS = ("外号", "绰号", "小名", "昵称", "网名")
# (紧急联系人：敖其尔，电话…: a contact or guardian field with its colon holds a name too)
_NAME_FIELD = re.compile(
    rf"(?:(?:^|(?<=[\n，,;；|\s]))姓名\s*:?|(?:联系人|监护人)\s*:)\s*([{_HAN}]{{2,4}})(?=\s*[，,。；;|\n(（]|$)"
)  # (not 两处姓名空缺)
_SURNAME_SAID = re.compile(rf"(?<![百贵])姓([{_HAN}])(?=[，。；、,.;！？”\s]|$)")
# 小胖原名翟瑞, 梅子（本名梅若兰）: what a child is called before the name it stands for
# (小胖其实叫宋浩宇, 小胖的全名叫庞浩)
_ALSO_NAMED = re.compile(
    rf"(?<![{_HAN}])([{_HAN}]{{2,3}}?)\s*[（(]?\s*(?:本名|原名|的?真名|学名|的?全名|的?大名|其实叫)(?:叫|是)?\s*[{_HAN}]"
)
# 石头是他的小名; 万里在班里外号叫…; 小雨的小名叫…: the word opening the clause is a person or
# the nickname of one
_NICKNAME_OF = re.compile(
    rf"(?<![{_HAN}])([{_HAN}]{{2,3}})(?:((?:其实|原来)?是[^，。；;\n]{{0,10}}?的|[，,]\s*)|(?:在[^，。；;\n]{{1,6}}?)?的?)(?:小名|外号|绰号|昵称|乳名|英文名|网名)"
    # 严谨这个名字是爷爷取的, 祁连山的名字是他爸爸…起的: a word said to be a name
    rf"|(?<![{_HAN}])([{_HAN}]{{2,3}})[”\"」]?(这个名字|这名字|这个外号|这个小名|这个绰号|这个昵称|的名字是[^，。；;\n]{{0,12}}?[起取]的)"
)
_ANIMALS = frozenset("狗猫兔鸟鱼龟鼠猪马牛羊鸡鸭")
# 于欣然是宝山区…学校八（2）班的学生: who a pupil is, said of the name before 是
_PUPIL_OF = re.compile(
    r"是[^，。；;！？\n]{0,24}?(?:班|中队|年级|学校|中学|小学|职校|中专)[^，。；;！？\n]{0,8}?的?"
    r"(?:学生|孩子|女生|男生|新生|转学生|插班生|大队长|中队长|班长|副班长|课代表|团支书|学生会主席|队员|[\u4e00-\u9fff]{2}委员)"  # 秋实是…小学的大队长, 蓝天是…班的体育委员
    # 田野是足球队的守门员: a player of the school's team
    r"|是[^，。；;！？\n]{0,8}?(?:足球|篮球|排球|田径|合唱|舞蹈|乒乓球?)队的(?:守门员|队员|队长|主力|前锋|后卫|领唱|领舞)"
    r"|是个[^，。；;！？\n的]{0,6}的(?:孩子|男孩|女孩|男生|女生|学生)"  # 蓝天是个安静的孩子
)
# 米粒是米老师的女儿: whose child the word opening the clause is
# (国庆是九月底出生的: only a person is said to be born in a month)
_CHILD_OF = re.compile(
    r"是[^，。；;！？\n的]{1,10}的(?:女儿|儿子|孙子|孙女|外孙女?|侄子|侄女|独生女|独生子)"
    r"|是[^，。；;！？\n的]{0,6}[月年]\w{0,2}?出生的"
)
# 米兰说她的名字是爸爸…起的; 宁波的父亲是宁波人，所以给他起了这个名字: a sentence about where
# a name comes from is about the word opening it
_NAME_ORIGIN = re.compile(
    rf"(?:^|(?<=[。！？\n]))([{_HAN}]{{2}})(?=[^。！？\n]{{0,40}}?(?:起了?这个名字|起的这个名字|给[他她]起的名字|(?:叫|取了?|取的)这个名字|名字是[^。！？\n]{{0,14}}?起的))",
    re.M,
)
# 鹿鸣，同学们都叫她小鹿: the name, then what others call that child
_NAME_THEN_CALLED = re.compile(
    rf"(?<![{_HAN}])([{_HAN}]{{2,3}})[，,]\s*(?:同学们|同学|大家|家里人|家里|家人|朋友们|班里|全班)?都?(?:叫|喊|管)(?:她|他)"
)
# 139 1742 6608（符建军）: a full name in brackets right after a number is whose number it is
_CONTACT = re.compile(rf"\d\s*[(（]\s*([{_HAN}]{{3}})\s*[)）]")
_DESCRIBED = re.compile(rf"(?:男生|女生|男孩|女孩|新生|转学生|插班生|群主)([{_HAN}]{{2}})")


def _looks(t: NameTables, token: str) -> bool:
    """A surname first, or a nickname's shape (小X, 阿X, XX)."""
    return token[0] in t.surnames or token[:2] in t.compounds or token[0] in "小阿" or token[0] == token[1]


def _name_before(text: str, end: int) -> int | None:
    """Where a run of two or three Chinese characters ending at ``end`` starts, if no other
    Chinese character stands before it."""
    start = _back(text, end, set(), 4)
    # (…，2010年10月9日生，崇明区…中学: the run after a number is a date's unit, no name)
    return start if 2 <= end - start <= 3 and not text[start - 1 : start].isdigit() else None


def _token_ok(t: NameTables, token: str) -> bool:
    # (于欣然: a surname that is also a particle still starts a three-character name)
    inner = token[1:] if len(token) == 3 and token[0] in t.surnames else token
    # (喻向阳: after a surname, 向 is a given-name character as often as a preposition)
    stops = [ch for ch in inner if ch in anon_names.STOP and not (len(token) == 3 and t.score.get(ch, 0.0) >= 0.5)]
    # (俞嘉懿，2011.01.26出生，…中学: the date's 出生 before a school is no name)
    # (巴特尔，男，蒙古族，高一（5）班: the pupil's people, not the pupil)
    # (家长留的邮箱: a role, then a verb)
    if (
        token in ROLE_NOUNS
        or inner in ROLE_NOUNS
        or token[:2] in ROLE_NOUNS
        or stops
        or token.endswith(("老师", "同学", "出生", "生日", "族"))
    ):
        return False
    if token[-1] == "月" and token[0] in "一二三四五六七八九十正腊":
        return False  # 四月，金山区朱泾小学…: a month opening the line
    if len(token) == 3:  # 贝俊豪: three characters need a surname in front (or 小 of 小鱼儿)
        return token[0] in t.surnames or token[:2] in t.compounds or token[0] in "小阿"
    return True


def _unlisted_surname_name(t: NameTables, token: str) -> bool:
    """练秋实: a character that is no particle, then two that make no word and no role with it."""
    if token[0] in anon_names.STOP or token in ROLE_NOUNS or token[1:] in ROLE_NOUNS:
        return False
    return not anon_names._common(t, token[:2]) and not anon_names._common(t, token[1:]) and not anon_names._common(t, token)


# 小朋友, 小姑娘: a kind of child, not a nickname
_LITTLE_KINDS = ("朋友", "伙伴", "姑娘", "男孩", "女孩", "男生", "女生", "学生", "同学", "孩子", "宝贝", "家伙", "不点")
_NICKNAME_BRACKETED = re.compile(rf"(?<![{_HAN}])([{_HAN}]{{2,3}})[(（]([{_HAN}]{{2,4}})[)）]")


def _bracketed(text: str) -> Iterable[re.Match[str]]:
    """What _NICKNAME_BRACKETED.finditer finds, tried only three and two characters before a bracket
    (speed: with a look-behind first, the engine tried every position)."""
    done = 0
    for k in re.finditer("[(（]", text):
        for start in (k.start() - 3, k.start() - 2):
            if start >= done and (m := _NICKNAME_BRACKETED.match(text, start)):
                done = m.end()
                yield m
                break


# 小胖是他的同学: whose classmate or friend the word opening the clause is
_FRIEND_OF = re.compile(r"是[^，。；;！？\n的]{0,4}的(?:同学|同桌|好朋友|朋友|邻居|表哥|表姐|表弟|表妹|堂哥|堂姐)")
# A word this frequent (jieba's count) is what the pupil does (男生后来…, 女生开始…), not a name.
_DESCRIBED_FREQ = 10000


def _name_shaped(t: NameTables, token: str) -> bool:
    """黎明, 夏天, 温暖: a surname and a character seen in given names, and no everyday adverb
    or verb (后来, 全国, 常常)."""
    if token[0] not in t.surnames or token[0] in anon_names.ROLE_ONLY or token[0] == token[1]:
        return False
    return t.score.get(token[1], 0.0) >= 0.4 and t.words.get(token, 0) < _DESCRIBED_FREQ


def _three_shaped(t: NameTables, token: str) -> bool:
    if token[:2] in t.compounds:
        return True
    if token[0] not in t.surnames or (anon_names._common(t, token) and token not in t.jieba_names):
        return False
    if anon_names._common(t, token[:2]) and (token[2:] in anon_names.FUNCTION_CHARS or token[2:] == "由"):
        return False  # 周末由住在楼上的表姐…: a word, then a preposition, no surname and given name
    # 殷秋实: after a surname that is no word, given-name characters of any kind; after 平 (平安夜)
    # or another weak one, characters seen in given names
    floor = 0.3 if token[0] in t.weak or token[0] in anon_names.ROLE_ONLY else 0.1
    return min(t.score.get(c, 0.0) for c in token[1:]) >= floor


def _acts(text: str, token: str) -> bool:
    """Whether the case has ``token`` speak or have kin somewhere (黎明的妈妈, 温暖说): 男生宿舍
    and 女生宿舍里 never do."""
    direct = _patterns()["direct"]
    i = text.find(token)
    while i >= 0:
        j = i + len(token) + (text[i + len(token) : i + len(token) + 1] == "的")
        if direct.match(text, j):
            return True
        i = text.find(token, i + 1)
    return False


def _data_after(text: str) -> list[re.Match[str]]:
    """What only a person has after the name (米阳的学号), or who the pupil is (…是…班的学生,
    …是米老师的女儿)."""
    return [
        *_DATA_LED.finditer(text),
        *_PUPIL_OF.finditer(text),
        *_CHILD_OF.finditer(text),
        *_FRIEND_OF.finditer(text),
    ]


def facts_people(t: NameTables, text: str, hits: list[NameHit]) -> list[NameHit]:
    taken = taken_by(hits, len(text))
    out: list[NameHit] = []

    def add(start: int, end: int) -> None:
        if not any(taken[start:end]):
            taken[start:end] = b"\x01" * (end - start)
            token = text[start:end]
            out.append(NameHit(start, end, token[1:] if len(token) == 3 else token))

    # 小胖（黎子豪）今天…: a nickname, then the full name found in brackets after it
    full = {(h.start, h.end) for h in hits}
    for m in _bracketed(text):
        if (m.start(2), m.end(2)) in full and _looks(t, m.group(1)) and _token_ok(t, m.group(1)):
            add(*m.span(1))
    for m in _CONTACT.finditer(text) if "(" in text or "（" in text else ():
        if _three_shaped(t, m.group(1)) and _token_ok(t, m.group(1)):
            add(*m.span(1))
    for pattern, found in (
        (_FACTS_AFTER, _FACTS_LED.finditer(text)),
        (_NUMBER_AFTER, _NUMBER_AFTER.finditer(text)),
    ):
        for m in found:
            end = m.start()
            if pattern is _NUMBER_AFTER:  # 贝俊豪（学号…）: the bracket stands between
                while end > 0 and text[end - 1] in " (（,，":  # (叶子，身份证…: a comma too)
                    end -= 1
            start = _name_before(text, end)
            # 全国学籍号, 新的学号: before a number a common word names the number, not its pupil
            # (叶子，身份证…: unless jieba counts the word a person's name too)
            common = anon_names._common(t, text[start:end]) and text[start:end] not in t.jieba_names
            if start is None or (pattern is _NUMBER_AFTER and common):
                continue
            if m.lastgroup in ("dated", "born") and text[start - 1 : start] not in "，。；！？\n":  # (a place set aside is blank)
                continue  # (在安徽长大，2012.11.2出生, 二（3）班读书，2018年6月2日出生: a clause's last word; the name opens its clause)
            # (练秋实，女，…: before the sex, three characters are a name whose surname the tables may lack)
            sexed = pattern is _FACTS_AFTER and text[m.start() + 1 : m.start() + 2] in ("男", "女") and end - start == 3
            if _token_ok(t, text[start:end]) or (sexed and _unlisted_surname_name(t, text[start:end])):
                add(start, end)
    # 姓名芦苇，请补办饭卡: a form's name field holds a name, whatever the word means
    for m in _NAME_FIELD.finditer(text) if "姓名" in text or "人:" in text else ():
        # (紧急联系人：练美华（母亲）: three characters after the label, a surname the tables lack too)
        token_ok = _token_ok(t, m.group(1)) or (len(m.group(1)) == 3 and _unlisted_surname_name(t, m.group(1)))
        if token_ok and m.group(1)[0] not in "某不未无" and m.group(1)[0] not in anon_names.STOP:
            add(*m.span(1))
    # (speed: the pattern has no first character to look for, so only texts that speak of nicknames)
    nicknames = any(w in text for w in _NICKNAME_WORDS)
    for m in _NAMED_BY.finditer(text) if nicknames else ():
        for group in (1, 2):
            if m.group(group) and _token_ok(t, m.group(group)):
                add(*m.span(group))
    for m in led(_NICKNAME_OF).finditer(text) if nicknames or "名字" in text else ():  # (speed: see anon_leads.led)
        group = 1 if m.group(1) else 3
        token = m.group(group)
        # 胖虎是黎家豪的外号: what is said to be a nickname is one, unless it is a common word;
        # otherwise it must look like a name (乱起外号, 不要起外号: a verb)
        looks = _looks(t, token)
        # (“小满”可能是孩子的小名: 可能 is a word; 曲航，小名曲曲: the name, then its nickname)
        said = m.group(2) and not anon_names._common(t, token)
        if (said or looks) and _token_ok(t, token) and not (m.group(4) and token[-1] in _ANIMALS):
            add(*m.span(group))  # (小狗的名字是我起的: a pet's name was given, not the pet's)
        whose = m.group(2)[1:-1] if m.group(2) and m.group(2)[:1] == "是" and m.group(2)[-1:] == "的" else ""
        if (
            2 <= len(whose) <= 3
            and whose not in t.words
            and t.score.get(whose[-1], 0.0) >= 0.4
            and _looks(t, whose)
            and _token_ok(t, whose)
        ):
            add(m.start(2) + 1, m.end(2) - 1)  # 米粒是米雪的小名: whose nickname it is
    for m in tried_at(_SURNAME_SAID, text) if "姓" in text else ():  # 带教师傅姓罗: the surname alone names him (speed: at 姓)
        if m.group(1) in t.surnames:
            add(*m.span(1))
        before = _name_before(text, m.start())  # 水清姓水: the name whose surname is said
        if before is not None and text[before] == m.group(1) and _token_ok(t, text[before : m.start()]):
            add(before, m.start())
    for m in _ALSO_NAMED.finditer(text) if "名" in text or "其实叫" in text else ():
        if _token_ok(t, m.group(1)):
            add(*m.span(1))
    for m in _NAME_ORIGIN.finditer(text) if "名字" in text else ():
        # whatever the word (米兰, 谷雨), unless it opens the clause as a time word (后来, 那天)
        token, after = m.group(1), text[m.end() : m.end() + 1]
        opens = after in anon_names.FOLLOW or text.startswith("出生", m.end())  # (谷雨出生在…)
        if token not in CLAUSE_LEFT and opens and _token_ok(t, token) and token[-1] not in _ANIMALS:
            add(*m.span(1))
    for m in _NAME_THEN_CALLED.finditer(text) if "叫" in text or "喊" in text or "管" in text else ():
        token = m.group(1)
        # (爱帮人，同学们都叫他志伟哥: a trait before the comma, not the name)
        sure = token[0] not in t.weak and token[0] not in anon_names.ROLE_ONLY  # (爱帮人: 爱 is a verb first)
        shaped = len(token) == 2 or (_three_shaped(t, token) and sure)
        if token not in CLAUSE_LEFT and shaped and not anon_names._common(t, token) and _token_ok(t, token):
            add(*m.span(1))
    for m in _data_after(text):
        end = m.start() - (text[m.start() - 1 : m.start()] == "的")
        start = _name_before(text, end)
        if start is None:
            run = _back(text, end, set(), 6)
            if text[run : run + 2] in ("学生", "同学") and 2 <= end - run - 2 <= 3:
                start = run + 2  # 学生苗苗的学号为…: a role, then the name
            elif end - run >= 5 and text.endswith(anon_names._KIN_BEFORE, 0, end - 3):
                start = end - 3  # 嘉怡的外公伍长根家住…: kin, then a three-character name
            elif text[end - 3 : end - 2] == "的" and anon_names._after_class(text, end - 3):
                start = end - 2  # 预备（6）班的夏天是个…: a class's pupil
            elif _doubled_before(t, text, end):
                start = end - 2  # 报名表上牛牛的身份证号: a doubled name, inside a clause
            elif text[end - 2 : end] in t.modern and not anon_names._common(t, text[end - 3 : end - 1]):
                start = end - 2  # 不要理会一诺QQ上的…: a given name of today, inside a clause
        if start is None:
            continue
        token = text[start:end]
        if m.group(0) in ("名字", "全名", "大名") and (anon_names._common(t, token) or token[0] in anon_names.FUNCTION_CHARS):
            continue  # 少见的名字, 和少见的名字: a word or “and”, not whose name
        if token in TIME_ADVERBS:
            continue  # (平时住在学校, 平时是个开朗的孩子: a time, not who lives there or who the pupil is)
        shaped = _shaped_before(t, text, m, token, start)
        # (于航的学号: before a number only a pupil has, a surname that is also a particle still opens a name)
        numbered = m.group(0) in _PUPIL_NUMBERS and len(token) == 2 and token[0] in t.surnames
        # (向阳是三（1）中队的中队长: a line opening with a word jieba knows as a name, though 向 is “towards”)
        known = token in t.jieba_names and _line_start(text, start)
        if shaped and (_token_ok(t, token) or (numbered and _token_ok(t, token[1])) or known):
            add(start, end)
    for m in _DESCRIBED.finditer(text):
        token, after = m.group(1), text[m.end() : m.end() + 1]
        ends = not after or not anon_names._han(after) or after in anon_names.FOLLOW
        if ends and _token_ok(t, token) and _name_shaped(t, token) and _acts(text, token):
            add(*m.span(1))
    for start, end in _titled_runs(t, text) if "老师" in text else ():
        add(start, end)
    return out


# 宿管老师木合塔尔老师: a role, then a name of three or four characters that makes no word, then 老师
_TITLED_RUN = re.compile(rf"(?<=老师|阿姨|师傅|宿管|班长|同桌|导师)([{_HAN}]{{3,4}})(?=老师)")
_A_TITLED = re.compile("(?:老师|阿姨|师傅|宿管|班长|同桌|导师)阿老师")


def _titled_runs(t: NameTables, text: str) -> list[tuple[int, int]]:
    """木合塔尔老师 after a role, and wherever the case names the teacher so again, and 木老师, the
    first character with the title, as pupils shorten a Uyghur or Kazakh name."""
    runs = {
        m.group(1)
        for m in _TITLED_RUN.finditer(text)
        if not any(anon_names._common(t, m.group(1)[k : k + 2]) for k in range(len(m.group(1)) - 1))
        and not anon_names.STOP.intersection(m.group(1))
        and m.group(1)[0] not in t.surnames
    }
    forms = {run + "老师" for run in runs} | {run[0] + "老师" for run in runs}
    if _A_TITLED.search(text):
        forms.add("阿老师")  # (生活老师阿老师发现…: a Uyghur name's 阿 with the title, as pupils call her)
    return anon_names.find_words(text, forms) if forms else []


def _doubled_before(t: NameTables, text: str, end: int) -> bool:
    """报名表上牛牛的身份证号: a doubled name ending at ``end`` (not 一条长长的微信: a measure, a word)."""
    pair = text[end - 2 : end] if end >= 2 else ""
    counted = text[end - 3 : end - 2] in anon_names._MEASURES
    return len(pair) == 2 and not counted and not anon_names._common(t, pair) and _pet_name(t, pair, least=0.3)


def _shaped_before(t: NameTables, text: str, m: re.Match[str], token: str, start: int) -> bool:
    """Whether ``token``, right before what only a person has or is (``m``), reads as a name."""
    if m.re is _FRIEND_OF:  # (周末约的是社团里的同学: what one does, not who; only 小X is said this way)
        return len(token) == 2 and token[0] == "小" and _little_nickname(t, token) and text[m.start() - 1] != "的"
    # (平安夜的微信群: three characters need a surname and given-name characters after it;
    # 单雨的学籍号: before a number only a pupil has, any token that is no common word)
    shaped = (_name_shaped(t, token) or token in t.modern) if len(token) == 2 else _three_shaped(t, token)
    # (小雨点是我们班最小的孩子: a nickname of 小 and two characters, no common word, is who the pupil is)
    shaped = shaped or (
        len(token) == 3
        and token[0] == "小"
        and m.re is _PUPIL_OF
        and not token.endswith(_LITTLE_KINDS)
        and token[1:] not in ROLE_NOUNS
    )
    # (not 学生证上的学号: a place word ends it)
    shaped = shaped or (m.group(0) in _PUPIL_NUMBERS and not anon_names._common(t, token) and token[-1] not in NOT_ACTING)
    # (远航的邮箱是…, 欣然家住…: a line opening with a word shaped like a name, then what only a person has)
    opening = m.re is _DATA_LED and _line_start(text, start) and t.words.get(token, 0) < _DESCRIBED_FREQ
    # (not 全国学籍号: a word this everyday; 小舟的微信: a word jieba knows as a name)
    shaped = shaped or (opening and (_word_shaped(t, token) or token in t.jieba_names))
    # (丁丁出生于…; 圆圆的生日是…: before what only a person has, a doubled word up to 1,000 uses, as after a surname)
    shaped = shaped or (len(token) == 2 and token[0] == token[1] and _pet_name(t, token, 1000, least=0.0))
    # (詹姆斯的中文名: only a person has a Chinese name beside another, whatever jieba makes of it)
    shaped = shaped or (m.group(0) in ("中文名", "英文名") and token[0] not in anon_names.FUNCTION_CHARS)
    # (米粒是米老师的女儿: the parent's surname opens the word, whatever it means)
    return shaped or (m.re is _CHILD_OF and text[m.start() + 1 : m.start() + 2] == token[0] and token[0] in t.surnames)
