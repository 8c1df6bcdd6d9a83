"""The anonymisation rules other than names, schools and addresses (:mod:`anon_schools`,
:mod:`anon_addresses`), on normalised text (see :mod:`macros.anon_normalise`).

Each finder yields ``(start, end, rule)`` spans in the normalised text. NFKC has
turned full-width digits, letters and punctuation into ASCII (１３９ → 139,
（ → (, ： → :, ＠ → @), so the patterns only need the ASCII forms.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from macros.casebook.anon_leads import led, tried_at

Span = tuple[int, int, str]


def _back(text: str, start: int, stop: set[str], limit: int) -> int:
    """Where a run of Chinese characters ending at ``start`` begins: at most ``limit`` of them, none in ``stop``
    (the look-back the address, school and facts rules share)."""
    i = start
    while i > 0 and start - i < limit and "\u4e00" <= text[i - 1] <= "\u9fff" and text[i - 1] not in stop:
        i -= 1
    return i


# -- phone numbers -------------------------------------------------------------

_SEP = r"[-\s]?"
_MOBILE = re.compile(rf"(?<![\d.])(?:\+?86{_SEP})?1{_SEP}[3-9](?:{_SEP}\d){{9}}(?!\d)")
# (139)1621-7743: the mobile prefix in brackets, the way a landline's area code is written
_MOBILE_BRACKETED = re.compile(r"\(\s?1[3-9]\d\s?\)\s?\d{4}[-\s]?\d{4}(?!\d)")
_LANDLINE = re.compile(r"(?<![\d.])(?:\(0\d{2,3}\)\s?|0\d{2,3}[-\s])[2-9]\d{2,3}[-\s]?\d{4}(?:-\d{1,4})?(?!\d)")
# Area code and number run together, as forms and phone books write them: 02164471234, 057188776655.
_LANDLINE_RUN = re.compile(r"(?<![\d.])0(?:10|2\d|[3-9]\d{2})[2-9]\d{6,7}(?![\d])")
_PHONE_WORDS = r"(?:电话|座机|热线|手机|致电|拨打|联系方式|号码|打)"
_LOCAL = re.compile(rf"{_PHONE_WORDS}[^\d\n。;]{{0,8}}?(?<!\d)([2-9]\d{{3}}[-\s]?\d{{4}})(?!\d)")
# 5832 6671（家里座机）: a local number with what it is in brackets after it
_LOCAL_BEFORE_WORD = re.compile(r"(?<![\d.])([2-9]\d{3}[-\s]?\d{4})(?!\d)(?=\s*\(\s*[^)\d]{0,4}?(?:座机|电话|固话))")
# Digits written in characters: 一三九…, 幺三八…, 壹叁玖….
_CN_DIGITS = {**dict.fromkeys("〇零洞", "0"), **dict(zip("一二三四五六七八九", "123456789", strict=True))}
_CN_DIGITS.update({"幺": "1", "两": "2", **dict(zip("壹贰叁肆伍陆柒捌玖", "123456789", strict=True))})
_CN_RUN = re.compile(f"[{''.join(_CN_DIGITS)}]{{7,12}}")


def find_phones(text: str) -> Iterable[Span]:
    # (speed: the patterns with a look-behind first are tried only at their first characters)
    for pattern in (_MOBILE, _MOBILE_BRACKETED, _LANDLINE, _LANDLINE_RUN):
        for m in tried_at(pattern, text):
            yield m.start(), m.end(), "CASE-ANON-PHONE"
    for m in _LOCAL.finditer(text):
        yield m.start(1), m.end(1), "CASE-ANON-PHONE"
    # (speed: only texts that name a landline, and there only at the pattern's first characters)
    for m in tried_at(_LOCAL_BEFORE_WORD, text) if any(w in text for w in ("座机", "电话", "固话")) else ():
        yield m.start(1), m.end(1), "CASE-ANON-PHONE"
    for m in _CN_RUN.finditer(text):
        digits = "".join(_CN_DIGITS[ch] for ch in m.group(0))
        if re.fullmatch(r"1[3-9]\d{9}", digits) or (len(digits) in (7, 8) and _near_phone_word(text, m.start())):
            yield m.start(), m.end(), "CASE-ANON-PHONE"


def _near_phone_word(text: str, start: int) -> bool:
    return re.search(_PHONE_WORDS, text[max(0, start - 8) : start]) is not None


# -- identity cards --------------------------------------------------------------

# (3102 3020 0807 0743 25, 310104 200909 234811: grouped however the writer liked, one space or dash at most)
_IDCARD = re.compile(r"(?<![\dA-Za-z])[1-8](?:[ \t-]?\d){16}[ \t-]?[\dXx](?![\dA-Za-z])")
_ID_WEIGHTS, _ID_CHECK = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2), "10X98765432"


def id_check_digit_ok(number: str) -> bool:
    """GB 11643 check digit of an 18-character resident ID number."""
    if len(number) != 18 or not number[:17].isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11] == number[17].upper()


def id_shaped(number: str) -> bool:
    """An 18-character number laid out as a resident ID: area code, a real date of birth, sequence.

    The check digit is not asked for: a mistyped ID still identifies a child."""
    year, month, day = int(number[6:10]), int(number[10:12]), int(number[12:14])
    return 1900 <= year <= 2099 and 1 <= month <= 12 and 1 <= day <= 31


def find_idcards(text: str) -> Iterable[Span]:
    for m in tried_at(_IDCARD, text):
        # (身份证：31010920110300022X: after the label, a mistyped date of birth is still an ID number)
        if id_shaped(re.sub(r"[ \t-]", "", m.group(0))) or "身份证" in text[max(0, m.start() - 8) : m.start()]:
            yield m.start(), m.end(), "CASE-ANON-IDCARD"


# -- student numbers (学籍号, 学号, 考号) --------------------------------------------------

# The national 学籍号 is a letter and the child's ID number: G310101200903051234.
_STUDENT_REGISTRY = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]\s?\d{17}[\dXx](?![\dA-Za-z])")
# (校园卡号, 一卡通号: the school card carries the pupil's number as well)
_STUDENT_WORDS = (
    r"(?:全国学籍号|学籍号码|学籍编号|学籍号|学生证号|学号|考生号|考号|准考证号|借读号|学籍"
    r"|校园卡号|学生卡号|校卡号|一卡通号|饭卡号|借书证号)"
)
# (学号23E0211: a cohort, a letter for the major, then the pupil)
_STUDENT_NUMBER = re.compile(
    rf"{_STUDENT_WORDS}\s*(?:码|是|为)?\s*[:(\[“\"「|]?\s*([A-Za-z]{{0,3}}\d[\d\s-]{{2,22}}\d[Xx]?|[A-Za-z]{{0,3}}\d{{3,}}|\d{{2,4}}[A-Za-z]{{1,2}}\d{{3,8}})(?![\dA-Za-z])"
)
_TABLE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
_DATE_CELL = re.compile(r"^\s*((?:19|20)\d{2}\s*[-./年]\s*\d{1,2}(?:\s*[-./月]\s*\d{1,2}(?:\s*日)?|\s*月)?)\s*$")
_CODE_CELL = re.compile(r"^\s*([A-Za-z]?\d[\d-]{2,22}[\dXx])\s*$")
_PUPIL_CODE = re.compile(r"(?!1[3-9]\d{9}$)\d{6,14}")
_CLASS_CELL = re.compile(r"^\s*(?:预备|初[一二三四]|高[一二三]|[一二三四五六七八九])\s*[(（]?\s*\d{1,2}\s*[)）]?\s*班\s*$")


def find_student_numbers(text: str) -> Iterable[Span]:
    for m in led(_STUDENT_REGISTRY).finditer(text):  # (speed: see anon_leads.led)
        yield m.start(), m.end(), "CASE-ANON-STUDENTID"
    for m in _STUDENT_NUMBER.finditer(text):
        yield m.start(1), m.end(1), "CASE-ANON-STUDENTID"


# A QQ number (one run, or groups of three or four as read out: 915 330 271) and a WeChat ID, in text and in tables
# (or digit by digit, as a child types it out: 1 0 3 8 8 2 7 6 5)
_QQ_NUMBER = r"[1-9](?: \d){4,10}(?! ?\d)|(?:[1-9]\d{2,3}|[1-9](?= \d{4}))(?: \d{3,4}){0,2}(?: \d{2,4})(?!\d)|[1-9]\d{4,10}"
_WECHAT_ID = r"[A-Za-z][-_A-Za-z0-9]{5,19}"
# A table's columns named by their header and what a cell below holds (| 家长QQ | over | 839 114 527 |: not the next cell)
_COLUMNS = (
    (re.compile(_STUDENT_WORDS), _CODE_CELL, "CASE-ANON-STUDENTID"),
    (re.compile("QQ|扣扣"), re.compile(rf"^\s*({_QQ_NUMBER})\s*$"), "CASE-ANON-QQ"),
    (re.compile("微信"), re.compile(rf"^\s*({_WECHAT_ID})\s*$"), "CASE-ANON-WECHAT"),
    (re.compile("联系方式"), re.compile(r"^\s*((?!1[3-9]\d{9}\s*$)[1-9]\d{4,10})\s*$"), "CASE-ANON-QQ"),  # (a mobile is a phone)
    (re.compile("出生|生日"), _DATE_CELL, "CASE-ANON-BIRTHDATE"),
)


_DIGIT = re.compile(r"\d")


def find_table_columns(text: str) -> Iterable[Span]:
    """Student numbers, QQ numbers, WeChat IDs, birthdays in the columns of a Markdown table named for them."""
    columns: dict[int, tuple[re.Pattern[str], str]] = {}
    pos = 0
    for line in text.split("\n") if "|" in text else ():
        m = _TABLE_ROW.match(line)
        if not m:
            columns = {}
        else:
            cells = m.group(1).split("|")
            # (| 学生 | 侯俊，学籍号G3101… |: a cell with a number in it is a value, no column's header)
            named = {
                i: (cell, rule)
                for i, c in enumerate(cells)
                for head, cell, rule in _COLUMNS
                if head.search(c) and not _DIGIT.search(c)
            }
            if named:
                columns = named
            else:
                offset = pos + m.start(1)
                # | 20230415 | 王　芳 | 初一（5）班 |: without a header, a long number beside a pupil's class
                pupil_row = not columns and any(_CLASS_CELL.match(c) for c in cells)
                for i, cell in enumerate(cells):
                    shape, rule = columns.get(i, (_CODE_CELL, "CASE-ANON-STUDENTID"))
                    hit = shape.match(cell) if i in columns or pupil_row else None
                    if hit and not columns and not _PUPIL_CODE.fullmatch(re.sub(r"\D", "", hit.group(1))):
                        hit = None  # (a mobile number in the row stays a phone number)
                    if hit:
                        yield offset + hit.start(1), offset + hit.end(1), rule
                    offset += len(cell) + 1
        pos += len(line) + 1


# -- e-mail, QQ, WeChat ------------------------------------------------------------

_LOCAL_PART = r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*"
_AT = r"(?:\s?@\s?|\s?#\s?|\s*[(\[]\s*at\s*[)\]]\s*|\s+at\s+)"
_DOT = r"(?:\.|\s*[(\[]\s*dot\s*[)\]]\s*|\s+dot\s+)"
_EMAIL = re.compile(rf"(?i){_LOCAL_PART}{_AT}[A-Za-z0-9-]+(?:{_DOT}[A-Za-z0-9-]+)*{_DOT}[A-Za-z]{{2,6}}(?![A-Za-z0-9])")
_QQ = re.compile(
    rf"(?i)(?<![A-Za-z])(?:QQ|Q|扣扣|企鹅|球球)\s*(?:群号码|群号|群|号码|号)\s*(?:是|为)?\s*[:(\[]?\s*(?<!\d)({_QQ_NUMBER})(?!\d)"
    # QQ上（12345678）, 加了我的QQ（他的是3058712264）: in brackets after “on QQ”; | 家长QQ | 1372645098 |: the next cell
    rf"|(?<![A-Za-z])(?:QQ|扣扣|企鹅)\s*(?:(?:上|里)\s*(?=[:(\[])|(?:就|也)?是|为)?\s*[:(\[|]?\s*(?:[他她我你]的(?:号码?)?(?:是|为)\s*)?(?<!\d)({_QQ_NUMBER})(?!\d)"
    # 他的QQ空间2290417735: the account's space is named by its number
    r"|(?<![A-Za-z])QQ\s*空间\s*(?:是|为)?\s*[:(\[]?\s*(?<!\d)([1-9]\d{4,10})(?!\d)"
)
_WECHAT = re.compile(
    r"(?i)(?:微信|威信|薇信|徽信|维信|V信|(?<![A-Za-z])vx|(?<![A-Za-z])wx(?!id_)|wechat|weixin)\s*(?:号码|号|id)?\s*(?:是|为|叫)?\s*"
    # 在微信上给我发消息（luobin_sh）: the ID in brackets a few words after 微信
    r"(?:[:(\[|]|[^。\n(\[]{0,10}\()?\s*"  # (| 联系微信 | maizhiyuan_88 |: the next cell of a table)
    rf"({_WECHAT_ID})(?![-_A-Za-z0-9])"
)
_WXID = re.compile(r"(?i)(?<![A-Za-z0-9])wxid_[A-Za-z0-9]{6,}")


# Each contact pattern needs one of these; a text without them is not scanned by it (speed). No (?i) and
# no look-behind in front: with either, the engine tries every position instead of jumping to the few
# characters a hint can start with. (The forms of _AT, not “at” in “status” or the # of a heading; not “questions”.)
_EMAIL_HINT = re.compile(r"@|#\s?[A-Za-z0-9-]|[(\[]\s*[Aa][Tt]\s*[)\]]|\s[Aa][Tt]\s")
_QQ_HINT = re.compile(r"[Qq](?:[Qq]|\s*[群号])|扣扣|企鹅|球球")
# Where a WeChat ID's lead-in starts: the pattern is tried only there.
_WECHAT_START = re.compile(r"[微威薇徽维Vv]信|[VvWw][Xx]|[Ww][Ee][Cc][Hh][Aa][Tt]|[Ww][Ee][Ii][Xx][Ii][Nn]")


def find_contacts(text: str) -> Iterable[Span]:
    # (speed: what any hint needs, looked for first: the engine jumps to @, # or a and t)
    if ("@" in text or re.search(r"#\s?[A-Za-z0-9-]", text) or re.search("[Aa][Tt]", text)) and led(_EMAIL_HINT).search(text):
        for m in _EMAIL.finditer(text):
            yield m.start(), m.end(), "CASE-ANON-EMAIL"
    qq_hint = any(tried_at(_QQ_HINT, text))
    if qq_hint or "QQ" in text or "qq" in text:
        for m in _QQ_LATER.finditer(text):
            group = 1 if m.group(1) else 2
            yield m.start(group), m.end(group), "CASE-ANON-QQ"
    if qq_hint:
        for m in _QQ.finditer(text):
            group = next(g for g in (1, 2, 3) if m.group(g))
            yield m.start(group), m.end(group), "CASE-ANON-QQ"
    for start, end in _wechat_spans(text):
        yield start, end, "CASE-ANON-WECHAT"
    for m in _WECHAT_LATER.finditer(text) if "微信" in text else ():
        yield m.start(1), m.end(1), "CASE-ANON-WECHAT"


# 后来我们加了微信，他的号是rgq_father88: the ID a few words after 微信, after 号是
_WECHAT_LATER = re.compile(rf"微信[^。\n；;]{{0,12}}?号(?:码)?\s*(?:是|为|[:：])\s*({_WECHAT_ID})(?![-_A-Za-z0-9])")
# wenkexin_mama这个微信: the ID written before the word, as people say it
_WECHAT_BEFORE = re.compile(rf"({_WECHAT_ID})\s*(?:这个|那个|的)?\s*$")
# QQ群里谭晓燕的号是1053387612, QQ（…，她的是3018472956）, QQ（一鸣的是…）: a few words after QQ, after 号是 or X的是
_QQ_LATER = re.compile(
    r"(?i)QQ(?:[^。\n；;]{0,12}?(?:号(?:码)?|[\u4e00-\u9fff]的)|群[^。\n]{0,40}?群号(?:码)?)\s*(?:是|为|[:：])\s*(?<!\d)([1-9]\d{4,10})(?!\d)"
    # QQ群是同学们自己建的。…的账号（2876415903）: an account number in brackets in a text about QQ
    r"|账号\s*[(（]\s*([1-9]\d{4,10})\s*[)）]"
)  # (…的QQ群里给他起了外号，…，群号是839204716: a group's number some words on)


def _wechat_spans(text: str) -> Iterable[tuple[int, int]]:
    """What _WECHAT (its ID) and _WXID find, each left to right without overlaps, tried only
    where a lead-in starts."""
    for k in (m.start() for m in re.finditer("微信", text)) if "微信" in text else ():
        before = _WECHAT_BEFORE.search(text, max(0, k - 28), k)
        prev = text[before.start() - 1 : before.start()] if before else ""
        # the whole ID, not its tail; with a digit, _ or - in it (Windows的微信 names no account)
        if before and not (prev.isascii() and (prev.isalnum() or prev in "_-")) and re.search(r"[\d_-]", before.group(1)):
            yield before.span(1)
    done_id = done_wxid = 0
    for lead in tried_at(_WECHAT_START, text):
        i = lead.start()
        if i >= done_id and (m := _WECHAT.match(text, i)):
            done_id = m.end()
            yield m.span(1)
        if i >= done_wxid and (m := _WXID.match(text, i)):
            done_wxid = m.end()
            yield m.span()


# -- dates of birth ------------------------------------------------------------------

_CN = "〇零一二三四五六七八九十"
_FULL_DATE = (
    r"(?:(?:19|20)?\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]"
    r"|(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}"
    r"|(?<!\d)(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d)"
    r"|(?<![\d.])\d{2}[./]\d{1,2}[./]\d{1,2}(?![\d.])"
    r"|(?<![\d./])\d{1,2}/\d{1,2}/(?:19|20)\d{2}(?![\d/])"  # 10/01/2010: day or month first, as forms abroad write it
    rf"|[{_CN}]{{2,4}}年[{_CN}]{{1,2}}月[{_CN}]{{1,3}}[日号]"
    rf"|(?:19|20)\d{{2}}\s*年[{_CN}]{{1,2}}月[{_CN}]{{1,3}}[日号])"  # 2010年六月十二日: the digits mixed
)
# 腊月初八, 正月十五, 八月廿三: a birthday by the lunar calendar, as grandparents keep it
_LUNAR_MONTH = r"(?:正|腊|冬|[一二三四五六七八九十]{1,2})月"
_LUNAR_DAY = r"(?:初[一二三四五六七八九十]|十[一二三四五六七八九]|二十[一二三四五六七八九]?|廿[一二三四五六七八九]|三十)"
_LUNAR = rf"{_LUNAR_MONTH}{_LUNAR_DAY}"
_MONTH_DAY = rf"(?:\d{{1,2}}\s*月\s*\d{{1,2}}\s*[日号]|(?<![\d.])\d{{1,2}}[./]\d{{1,2}}(?![\d./])|[{_CN}]{{1,2}}月[{_CN}]{{1,3}}[日号]|{_LUNAR})"
# A birth month alone is written after 出生年月 or before 出生: 2013年1月出生, 出生年月：2013.01.
_YEAR_MONTH = (
    r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?!\s*\d)|(?:19|20)\d{2}[-/.]\d{1,2}(?![-/.\d])"
    rf"|[{_CN}]{{4}}年[{_CN}]{{1,2}}月(?![{_CN}])"  # 二〇一一年七月
)
_BIRTH_BEFORE = re.compile(
    rf"(?:出生日期|出生年月日|出生年月|出生于|出生在|生于|(?<!卫)生日|出生)\s*(?:是|为|在|于)?\s*"
    # a form's row (| 出生日期 | …) or its box (生日一栏填的是…)
    # (的生日就是农历八月十五: an adverb before 是, the calendar before the day)
    rf"(?:[:|(（]|(?:(?:一)?栏(?:里)?)?(?:填的是|写的是|填着|写着|写作|写成|(?:就|也|都|正好|恰好)?是|为))?\s*[“\x22「]?\s*((?:农历|阴历)?{_FULL_DATE}|(?:(?:19|20)\d{{2}}\s*年\s*)?(?:农历|阴历)?{_MONTH_DAY})"
    # 出生年月：2013.01, 出生于2012年9月: a month of birth
    # (出生日期写的是2011年12月: what a form's box says)
    rf"|(?:出生日期|出生年月|出生于|出生在|生于|(?<!卫)生日(?=\s*[在是:|〇零一二])|出生(?=\s*\|))\s*(?:是|为|在|填的是|写的是|填着|写着)?\s*[:|]?\s*({_YEAR_MONTH}"
    r"|(?<!\d)\d{2}\s*年\s*\d{1,2}\s*月(?!\s*\d)"  # 生日在09年6月: a two-digit year after the birth words
    r"|(?<=生日在)\s*\d{1,2}\s*月(?![\s\d份底初中])(?=\s*[,，。;；、)])"  # 生日在3月，还没满十八岁: the month alone
    r"|(?<=出生于|出生在)\s*(?:19|20)\d{2}\s*年(?!\s*[\d月底初])(?:春天|夏天|秋天|冬天)?(?=\s*[,，。;；、)]|$))"  # 出生于2013年。, 2015年冬天
)
# 出生在谷雨那天，也就是2012年4月19日: a day of birth named, then the date it was
_BIRTH_THAT_IS = re.compile(rf"(?:出生在|出生于|生在|生于)[^，。；\n]{{1,10}}[，,]\s*(?:也就是|即|就是)\s*({_FULL_DATE})")
_BIRTH_AFTER = re.compile(
    rf"({_FULL_DATE}|(?<!\d)(?:19|20)?\d{{2}}\s*年\s*\d{{1,2}}\s*月(?!\s*\d)|[{_CN}]{{4}}年[{_CN}]{{1,2}}月(?![{_CN}])|[{_CN}]{{4}}年[正腊冬]月|{_LUNAR}|(?:19|20)\d{{2}}\s*年\s*(?:农历|阴历)\s*{_LUNAR_MONTH}(?:{_LUNAR_DAY})?"
    # 2013年元旦出生, 2008年秋天出生: a year and a holiday or a season; 3月15日生: a day of the year
    r"|(?:19|20)\d{2}\s*年\s*(?:元旦|春节|除夕|元宵节?|端午节?|中秋节?|国庆节?|儿童节|圣诞节?|劳动节|春天|夏天|秋天|冬天|年初|年底|年末)"
    r"|(?<![\d.])\d{1,2}\s*月\s*\d{1,2}\s*[日号](?=\s*出?生(?![活产态物命长效病字词气日]))"  # 9月17日出生
    rf"|[{_CN}]{{1,2}}月[{_CN}]{{1,3}}[日号](?=\s*出?生(?![活产态物命长效病字词气日]))"  # 她是五月十六日出生的
    r"|(?:19|20)\d{2}[./]\d{1,2}(?![./\d])(?=\s*出?生(?![活产态物命长效病字词气日])))"  # 2014.08生: a month of birth
    r"\s*(?:出生(?!的人)|生人|诞生|生(?![活产态物命长效病字词气]))"  # (2月29日出生的人: anyone)
    # a year of birth alone, as a line of facts gives it: 维吾尔族，2015年出生
    r"|(?<=[,，、;；:：])\s*((?:19|20)\d{2}\s*年)(?=\s*(?:出生|生人|生(?![\u4e00-\u9fff])))"  # …，2008年生。 (not 2015年出生的孩子 in general)
)
# 出生在谷雨那天，2012年4月19日: the day named, then its date after the comma
_BIRTH_NAMED_DAY = re.compile(
    rf"(?:出生在|出生于|生于|生日|出生的)[^，,。\n\d]{{0,8}}[，,]\s*({_FULL_DATE}|{_MONTH_DAY})"
)  # 过生日那天，4月18日
_BIRTHDAY_AFTER = re.compile(rf"({_FULL_DATE}|{_MONTH_DAY})[^,。;\n]{{0,6}}?(?<!卫)生日")


_BIRTH_WORD = re.compile(
    r"出生|生日|生于|诞生|生人|(?<=[日号月年\d初一二三四五六七八九十])\s*生|满\s*[\d一二三四五六七八九十]{1,3}\s*周?岁"
)
# 今年2012年4月19日满十四岁: the day one turns an age is the birthday
_BIRTH_AGE = re.compile(rf"({_FULL_DATE})\s*[他她]?(?:就|才|将)?满\s*[\d一二三四五六七八九十]{{1,3}}\s*周?岁")
# A date with its year in a child's information, without 出生 or 生日: after the sex in a line of
# facts (钱佳欣，女，20100805，…) or in brackets right after a name (金晨阳（2009.11.02）).
# A bracketed date only counts with a year a pupil is born in (up to 2021): a meeting's date is recent.
# Or between commas before an ID or register number (武思辰，2010-04-27，身份证号…).
# Where such a date may start: a year of four digits (dates with a year are rare: the scan is short).
_YEAR_AT = re.compile(r"(?<!\d)(?:19|20)\d{2}")
_FULL_DATE_AT = re.compile(_FULL_DATE)
_SEX_BEFORE = re.compile(r"(?:(?<![\u4e00-\u9fff])[男女]|性别\s*[:：]?\s*[男女])\s*[,，、;；]\s*$")
_ID_AFTER = re.compile(
    r"\s*[,，][^。\n]{0,4}(?:身份证|学籍|学号|户籍|籍贯|住址|地址|家住|电话|手机|身高|体重|血型)"
)  # (体检表)  # …，2012-11-27，住址…
# 蔡文静，2010.04.16，初二5班 / …，淀北小学五年级: a pupil's class or school after the date, in a line of facts
# (思思，2011.04.18，六（1）班: a class written as grade and number)
_LISTED_NAME = re.compile(r"(?:^|(?<=\n))[\u4e00-\u9fff]{2,4}[ \u3000]+$")  # (a line opening with a name, then spaces)
_SPACED_CLASS = re.compile(
    r"[ \u3000]+(?:预备|初[一二三四]|高[一二三]|[一二三四五六七八九](?:年级|\s*[(（]))"
)  # (then the class)
_CLASS_AFTER = re.compile(
    r"\s*[,，][^,，。;；\n]{0,8}?(?:预备|初[一二三四]|高[一二三]|[一二三四五六七八九]年级|小学|中学"
    r"|[一二三四五六七八九]\s*[(（]\s*\d{1,2}\s*[)）]\s*(?:班|中队)|就读|今年\s*[\d一二三四五六七八九十]{1,3}\s*岁)"
)
_LAST_PUPIL_BIRTH_YEAR = 2021


def find_birthdates(text: str) -> Iterable[Span]:
    found = list(_birthdates(text))
    yield from found
    yield from _same_day(text, found)


# A day of a month in the text: 11月7日, 11月7号
_DAY_OF_MONTH = re.compile(r"(?<![\d.])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
_MONTH_DAY_OF = re.compile(
    r"(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]|\d{2,4}[-/.](\d{1,2})[-/.](\d{1,2})$|^(?:19|20)\d{2}(\d{2})(\d{2})$"
)


def _same_day(text: str, found: list[Span]) -> Iterable[Span]:
    """白露，2013年11月7日生 … 11月7日那天: a birthday found once is the same day wherever the case
    gives it again without a year (like a name found once, step 3)."""
    days: set[tuple[int, int]] = set()
    for start, end, _rule in found:
        m = _MONTH_DAY_OF.search(text[start:end])
        if m:
            month, day = (g for g in m.groups() if g is not None)
            days.add((int(month), int(day)))
    if not days:
        return
    spans = {(s, e) for s, e, _r in found}
    for m in _DAY_OF_MONTH.finditer(text):
        if (int(m.group(1)), int(m.group(2))) in days and not any(s <= m.start() < e for s, e in spans):
            yield m.start(), m.end(), "CASE-ANON-BIRTHDATE"


def _birthdates(text: str) -> Iterable[Span]:
    # Every pattern has 生 (出生, 生日, 生于, 诞生): only the windows around it are searched.
    seen: set[tuple[int, int]] = set()
    # (speed: the patterns led by their first characters, see anon_leads.led; _BIRTH_NAMED_DAY's are too common)
    patterns = (led(_BIRTH_BEFORE), led(_BIRTH_AFTER), led(_BIRTHDAY_AFTER), led(_BIRTH_AGE), _BIRTH_NAMED_DAY, _BIRTH_THAT_IS)
    for k in [m.start() for m in led(_BIRTH_WORD).finditer(text)]:
        lo = max(0, k - 40)
        window = text[lo : k + 40]
        for pattern in patterns:
            for m in pattern.finditer(window):
                g = 1 if m.group(1) is not None else 2
                span = (lo + m.start(g), lo + m.end(g))
                if span not in seen:
                    seen.add(span)
                    yield span[0], span[1], "CASE-ANON-BIRTHDATE"
    for y in tried_at(_YEAR_AT, text):
        m = _FULL_DATE_AT.match(text, y.start())
        if m is None or (m.start(), m.end()) in seen:
            continue
        before = text[max(0, m.start() - 8) : m.start()]
        if _SEX_BEFORE.search(before):
            pass  # 钱佳欣，女，20100805，…: a date after the sex in a line of facts
        elif before.endswith(("(", "（")) and "\u4e00" <= before[-2:-1] <= "\u9fff" and text[m.end() : m.end() + 1] in ")）":
            if int(y.group(0)) > _LAST_PUPIL_BIRTH_YEAR:
                continue  # 家长会（2025.10.12）: a meeting's recent date in brackets
        elif _LISTED_NAME.search(text, max(0, m.start() - 8), m.start()) and _SPACED_CLASS.match(text, m.end()):
            pass  # 上官若曦　2010/11/02　初三（1）班: a row of a name list, the name then the date, spaced
        elif not before.rstrip().endswith((",", "，", ":", "：")):
            continue
        elif _CLASS_AFTER.match(text, m.end()):
            if int(y.group(0)) > _LAST_PUPIL_BIRTH_YEAR:
                continue  # 2025.10.12，初二5班家长会: a recent date before a class is a meeting's
        elif before.rstrip().endswith(("班，", "班,", "队，", "队,")) and int(y.group(0)) <= _LAST_PUPIL_BIRTH_YEAR:
            pass  # 邬天佑，…预备（5）班，2014/01/06。: a pupil's date between commas after the class
        elif not (before.rstrip().endswith((",", "，")) and _ID_AFTER.match(text, m.end())):
            continue  # 武思辰，2010-04-27，身份证号…: a date between commas among a pupil's numbers
        yield m.start(), m.end(), "CASE-ANON-BIRTHDATE"
