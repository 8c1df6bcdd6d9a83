"""Schools and classes as Shanghai's cases write them (rules CASE-ANON-SCHOOL, CASE-ANON-CLASS),
on normalised text like the other rules of :mod:`macros.casebook.anon_rules`: full names, the
short names a case makes of a school it has named in full, vocational schools named after their
trade, and classes of every year and kind (初二（3）班, 2023级会计1班, 五（4）中队).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from macros.casebook.anon_addresses import DISTRICT, SHANGHAI_DISTRICTS
from macros.casebook.anon_leads import led
from macros.casebook.anon_names import _THINKING, find_names
from macros.casebook.anon_positions import ROLE_NOUNS
from macros.casebook.anon_rules import Span, _back
from macros.casebook.anon_spans import find_words
from macros.casebook.anon_tables import tables

# -- schools and classes ---------------------------------------------------------------------

# What one thinks, found or chooses is no part of a school's name (家长觉得职校…, 在选择高中还是中职…)
_NO_PART_OF_NAME = (*_THINKING, "选择")
_SCHOOL = re.compile(
    r"(?:技师学院|(?<=[\u4e00-\u9fff]{2})技院|初级中学|高级中学|完全中学|实验学校|外国语学校|实验中学|实验小学|实验高中|实验初中|中心小学|中心校|[一二三四五六七八九十\d]?附中|附小|附初"
    r"|(?:[一二三四五六七八九十\d][中小]|(?<=[\u4e00-\u9fff]{2})(?:女中|外国语|实验)|(?<=[\u4e00-\u9fff]{2}镇)[中小])(?=[读的上毕念就转老和与同初高校拿参获派是在预看门一二三四五六七八九,。、;:!?)”」\x22\s]|学生|$)|中学|小学|幼儿园|学校|分校|职校|中专|技校|职高|卫校|中职校|职教中心|职业教育中心|高中|初中|内职班|内高班|(?<=[\u4e00-\u9fff]{2})(?:[旅交商财农]校|中职(?=\s*(?:19|20)?\d{2}\s*级)|[东西南北]校(?![区门园舍])))"
)
# The same matches, led by a look-ahead at their first characters (speed: see anon_leads.led)
_SCHOOL_LED = led(_SCHOOL)
_PERSONS = tuple(ROLE_NOUNS)
_SCHOOL_STOP = set(
    "在于到是的了过和与从往进入读考转上去向为有以前原就回离念去及或来打请配送接称说当他她我你也不像把被将对跟报加、,。;:“”() \n"
)
# A name made of these alone is no name: 全市中小学, 这所附中, 乡镇中心校, 市重点中学.
GENERIC = set(
    "全市 全区 本市 本区 全国 各 各个 各级 某 某某 某所 本 本校 该 该校 这 这所 那 那所 一所 每所 多所 几所 所 其他 其它 别的 "
    "普通 公办 民办 寄宿制 住宿制 九年一贯制 完全 初级 高级 重点 市重点 区重点 实验 附属 市级 区级 区属 市属 农村 城区 郊区 乡镇 "
    "乡村 镇 乡 我们 你们 他们 我 你 他 她 对口 同一 不同 新 原 好 母 当地 周边 附近 多数 大多数 部分 全体 所有 孩子 学生 "
    "儿子 女儿 家长 老师 同学 普通高中 高中 初中 中职 中 大中 小 一般 示范 特殊教育 特教 职业 民族 国际 双语 城市 公立 私立 "
    "优质 薄弱 中心 试点 区 市 县 街道 这样 那样 一样 整个 我们的 大 中小 大中小 幼 "
    "外区 外市 外省 外地 邻区 外县 区外 市外 外校 别区 其他区 县城 县里 镇上 乡下 老家 城里 市区 市里 区里 "
    "理想 心仪 目标 一流 名牌 示范性 实验性 特色 综合 寄宿 本地 好的 一所好 很多 许多 不少 一些 好多 大多 美术 音乐 体育 艺术 舞蹈 戏曲 师范 "
    "山区 灾区 牧区 景区 园区 校区 片区 边远 偏远 贫困 "  # 捐给了山区学校: a kind of place
    "其实 一套 这套 那套 社区 退休 在职".split()  # 其实小学时就…: an adverb; 一套小学的材料; 退休中学老师
)
# Trades a vocational school is named after: 申浦旅游服务学校, 浦江商贸学校.
_TRADES = "服务|旅游|商贸|商业|财经|信息|工程|交通|医药|护理|建筑|建工|城建|机电|电子|工业|农业|师范|科技|烹饪|管理|航运|传媒|设计|美术|汽车|化工|轻工|邮电|海事|园林|食品|工艺|服装|物流|酒店|会计|外贸|船舶|航空|铁路|医学|材料|能源|环境|贸易|汽修"
_CLASS = re.compile(
    r"(?:(?:初[一二三四]|高[一二三]|[一二三四五六七八九]年级|[1-9]年级|预初|预备(?:年级)?|中预|预科)\s*(?:\(\s*[0-9一二三四五六七八九十]{1,2}\s*\)|[0-9一二三四五六七八九十]{1,2})"
    r"|(?<![\d])(?:[一二三四五六七八九]|[1-9])\s*\(\s*[0-9一二三四五六七八九十]{1,2}\s*\)"
    # a class named by a letter: 六年级B班, 初二A班
    r"|(?:初[一二三四]|高[一二三]|[一二三四五六七八九]年级|[1-9]年级)\s*[A-Z]"
    r"|(?<![A-Za-z0-9])[GY](?:[1-9]|1[0-2])\s*-?\s*[A-Z1-9]"  # an international division's grade: G8B班, Y10-2班
    # 高一西藏班（2）班, 高二新疆班(1)班: the boarding classes for pupils from Tibet and Xinjiang
    r"|(?:初[一二三四]|高[一二三]|预备)\s*(?:西藏|新疆|内高|内地)班\s*\(\s*[0-9一二三四五六七八九十]{1,2}\s*\)"
    r"|(?:初[一二三四]|高[一二三]|预备)\s*\(\s*(?:西藏|新疆|内高|内地|藏|疆)\s*[0-9一二三四五六七八九十]{1,2}\s*(?=班\s*\))"  # 高一（西藏3班）, 初二（藏2班）
    # vocational classes: 2023级会计1班, 22级电商(2)班, 中职一年级会计2班
    r"|(?<!\d)(?:19|20)?\d{2}\s*级\s*[\u4e00-\u9fff]{1,8}?\s*(?:\(\s*\d{1,2}\s*\)|\d{1,2})"
    r"|(?:[一二三四五六七八九]|[1-9])年级[\u4e00-\u9fff]{2,4}?\s*(?:\(\s*\d{1,2}\s*\)|\d{1,2})"
    # a major and its cohort code: 会计2501班, 汽修1902班 (year 19–29, then the class)
    r"|(?<=[\u4e00-\u9fff])(?<![第共约近])(?:19|2\d)(?:0[1-9]|[1-9]\d)"
    # a major, then its cohort and the class: 汽修24-1班, 汽修24级1班
    r"|(?<=[\u4e00-\u9fff])(?<![第共约近])(?:19|2\d)\s*(?:级\s*|-)\d{1,2}"
    # a cohort, a major and the class: 23烹饪1班, 22护理(2)班
    r"|(?<![\d.])(?:1\d|2\d)[\u4e00-\u9fff]{2,4}?(?:\(\s*\d{1,2}\s*\)|\d{1,2})"
    # a trade and the class right after its school: 滨湾职业技术学校烹饪2班
    rf"|(?<=学校|中学|职校|中专|技校|职高|卫校|中职)(?:{_TRADES}|数控|汽修|电商|幼教|中餐|西餐|面点)\s*(?:\(\s*\d{{1,2}}\s*\)|\d{{1,2}}))\s*(?:班(?!级)|中队)"
)


# What follows 学 when 中学/小学 is “中 + 学会/学习…”, not a school.
_LEARN_AFTER = set("会习到着了过得起好懂生")  # 生: 活动中学生走散 is 中学生 (students), not a school
_SPECIAL_AFTER = set("门业心注题程项长员家")
# What makes the words before a bare 学校 a school's name: a place, an ordinal, a kind or a trade.
_NAMED_BEFORE = re.compile(
    rf"(?:[市区县镇乡村路街]|第[一二三四五六七八九十\d]+|职业|技术|专业|技工|艺术|体育|卫生|附属|双语|{_TRADES}"
    r"|^[\u4e00-\u9fff]{2}镇[\u4e00-\u9fff]{2,4})$"  # 泗泾镇棠溪学校: a town, then the school's own name
)
# 崇明区瀛东湾学校, 青浦区朱家角澄滨学校: a named district, then two to six characters (a town and
# the school's own name) that are no stage or requirement
# (not 全区初中阶段学校, 闵行区方案要求学校)
_DISTRICT_HEAD = re.compile(r"(?:上海市?)?[\u4e00-\u9fff]{1,3}[区县][\u4e00-\u9fff]{0,3}$")
_DISTRICT_NAMED = re.compile(
    # (在新社区和老学校之间: a community, an estate or a campus is no district: anon_addresses.DISTRICT)
    rf"(?:上海市?)?(?![全本各该每这那外邻])[\u4e00-\u9fff]{{1,3}}{DISTRICT}(?![\u4e00-\u9fff]*(?:中学|小学|初中|高中|阶段|要求|方案|所有))"
    r"[\u4e00-\u9fff]{2,6}$"
)
# Before a named 高中 or 初中 (考上沁园高中), the name is that of a school, not a stage.
_AIM_VERBS = tuple("考上 考进 考入 考不上 考不进 报考 报了 想考 去读 想读 转到 转入 想报 要报 填报 报读".split())
# (在马陆塘高中交到朋友, 转来晴川初中, 从蒹葭高中考回: where one is, comes from or goes to is a school too)
_PLACE_VERBS = ("在", "从", "去", "转来", "来到", "回到", "进了", "进入", "离开", "毕业于", "就读于")  # (毕业于芦汀初中)


def find_schools(text: str) -> Iterable[Span]:
    found = list(_full_schools(text))
    yield from found
    # 上海市申城机电工程职业学校 … 在申城机电带了二十年: once the full name is in the case, the
    # shorter names a teacher makes of it (without the city, the district and the kind) are that school.
    forms = {form for start, end, _ in found for form in _short_forms(text[start:end])}
    # 想考申江女中 … 把申江女中放在第二个: a name found once is that school wherever it stands again
    forms |= {text[start:end] for start, end, rule in found if rule == "CASE-ANON-SCHOOL" and end - start >= 4}
    if forms:
        for m in re.finditer("|".join(map(re.escape, sorted(forms, key=len, reverse=True))), text):
            if (m.start(), m.end(), "CASE-ANON-SCHOOL") not in found:
                yield m.start(), m.end(), "CASE-ANON-SCHOOL"
    # 上海市鹿鸣中学 … “鹿中篮球队的新规矩”: the first character and the kind, where it stands as a word
    initials = {form for start, end, rule in found if rule == "CASE-ANON-SCHOOL" for form in _initials(text[start:end])}
    if initials:
        for m in re.finditer("|".join(sorted(initials, key=len, reverse=True)), text):  # (杉屿小 before 杉屿)
            if _INITIALS_LEFT.match(text[m.start() - 1 : m.start()]) and not _INITIALS_RIGHT.match(text, m.end()):
                yield m.start(), m.end(), "CASE-ANON-SCHOOL"
    yield from _stems(text, found)
    yield from _trade_schools(text)
    yield from _inland_schools(text)


_TO_PLACE = (*_PLACE_VERBS, "来")  # (来梧屿二楼的办公室)


def _stems(text: str, found: list[Span]) -> Iterable[Span]:
    """长宁区梧屿中学 … 来梧屿二楼的办公室: a school's own name of two characters, no word and no place,
    alone after a verb of place (在, 来, 离开 …) once the case names the school in full."""
    t = tables()
    owns = [_own_name(text[s:e]) for s, e, rule in found if rule == "CASE-ANON-SCHOOL"]
    # (南桥第五小学 … 在南桥开快递驿站, 朱泾实验学校 … 在朱泾: a town's numbered or experimental school leaves
    # the town a place; only a name with one kind word after it is the school's own)
    stems = {w for w, kinds in owns if len(w) == 2 and len(kinds) == 1 and w not in t.places and w not in t.minor_places}
    for stem in (w for w in stems if not _generic(w) and not _word(w)):
        for m in re.finditer(stem, text):
            inside = any(s <= m.start() < e for s, e, _ in found)
            if not inside and text.endswith(_TO_PLACE, 0, m.start()):
                yield m.start(), m.end(), "CASE-ANON-SCHOOL"


_PLACE_HEAD = re.compile(r"^(?:上海市?|[\u4e00-\u9fff]{1,3}?[区县](?!.[区县]))?(?:[\u4e00-\u9fff]{1,3}?[镇乡])?")
# Words of kind and level at the end of a school's name, dropped one by one to get its short names.
_KIND_TAIL = re.compile(
    r"(?:学校|中学|小学|初中|高中|分校|职校|中专|技校|职高|职业|技术|工程|中等|专科|实验|附属|技工|专业|初级|高级|完全|中职|第[一二三四五六七八九十]+)$"
)


def _own_name(name: str) -> tuple[str, list[str]]:
    """The school's own name and the kind words dropped from its end, last first:
    静安区芷江西苑初级中学 → 芷江西苑, [中学, 初级]."""
    head = _PLACE_HEAD.match(name)  # every part optional: it always matches, if only the empty string
    core = name[head.end() if head else 0 :]
    kinds: list[str] = []
    while len(core) >= 3 and (tail := _KIND_TAIL.search(core)):
        kinds.append(tail.group(0))
        core = core[: tail.start()]
    return core, kinds


def _short_forms(name: str) -> Iterable[str]:
    core, kinds = _own_name(name)
    yield from _forms(core, kinds)
    # 嘉定区南翔申岚工业学校 … 申岚工校: the town before the school's own name is dropped too, in the
    # forms that keep a kind or trade word (临港滴水湖中学 leaves 滴水湖 the lake)
    if len(core) >= 4 and core[:2] in tables().places and not _generic(core[2:4]):
        yield from (form for form in _forms(core[2:], kinds) if form != core[2:])


def _forms(core: str, kinds: list[str]) -> Iterable[str]:
    for k in range(1, len(kinds) + 1):
        form = core + "".join(reversed(kinds[k:]))
        # (黄浦区瞿溪实验中学 → 瞿溪实验: a kind word such as 实验 after the school's own name)
        own = form[:-2] if form.endswith(("实验", "国际", "双语", "民族")) else form
        if len(form) >= 3 and (not _generic(form) or (len(own) >= 2 and not _generic(own))):
            yield form
    if kinds[:2] in (["中学", "高级"], ["中学", "初级"]):  # 星岚高级中学 → 星岚高中, 芷江西苑初级中学 → 芷江西苑初中
        own = core + "".join(reversed(kinds[2:]))
        if len(own) >= 2 and not _generic(own):
            yield own + kinds[1][0] + "中"
    if len(kinds) == 2 and kinds[0] in ("中学", "小学") and kinds[1][0] == "第" and len(core) >= 2:
        # 共和新路第三中学 → 共和三中, 梧桐路第二小学 → 梧桐二小: the name's first two characters, the number, the kind
        yield from {own + kinds[1][1:] + kinds[0][0] for own in (core[:2], core) if not _generic(own)}
    trade = _TRADE_END.search(core)
    if trade and kinds and trade.start() >= 2 and not _generic(core[: trade.start()]):
        # 沪岚交通技工学校 → 沪岚交技: the trade's first character and the kind's
        yield from {core[: trade.start() + 1] + kind[0] for kind in kinds if kind[0] not in "学第"}
        yield core[: trade.start() + 1] + "校"  # 沪澜汽车技术学校 → 沪澜汽校


_TRADE_END = re.compile(rf"(?:{_TRADES})$")


def _initials(name: str) -> Iterable[str]:
    own, kinds = _own_name(name)
    if len(own) == 2 and kinds and kinds[0] in ("中学", "小学") and not _generic(own):
        yield own[0] + kinds[0][0]
    if 2 <= len(own) <= 4 and kinds == ["小学"] and not _generic(own):
        yield own + "小"  # 静安区槿园小学 … 槿园小的老师: the own name and 小 (not 槿园小区)
    # 杨浦区槐荫中学 … 槐荫篮球队: the own name alone, when it is no word or Shanghai place and the name has
    # one kind word only (奉贤区南桥第五小学, 朱泾实验学校 are named after their town: 在南桥开快递驿站)
    if len(own) == 2 and len(kinds) == 1 and not _generic(own) and not _word(own):
        yield own


# Where a short name of two characters stands as a word: after a quote or a verb of going and being,
# not inside 中学, 中国, 小心 …
_INITIALS_LEFT = re.compile(r"$|[^\u4e00-\u9fff]|[在到回进去从是了和的]")
_INITIALS_RIGHT = re.compile(r"[学国心间午文式等级层途专年秋部央断止外性期考时朋孩组队说区]")


def _full_schools(text: str) -> Iterable[Span]:
    for m in _SCHOOL_LED.finditer(text):
        suffix = m.group(0)
        if text[max(0, m.start() - 2) : m.start()].endswith(("中", "大中")) and suffix in ("小学", "学校"):
            continue  # 中小学, 大中小学
        if suffix == "中学" and text[m.start() - 1 : m.start()] in ("初", "高"):
            continue  # 初中学段, 高中学校: 初中/高中 and a word starting with 学
        if suffix in ("中学", "小学") and text[m.end() : m.end() + 1] in _LEARN_AFTER:
            continue  # 在实践中学会, 从游戏中学到: “in …” and a verb of learning, not a school
        if suffix == "中专" and text[m.end() : m.end() + 1] in _SPECIAL_AFTER:
            continue  # 在培训中专门讨论: “in …” and 专门/专业/专心, not a school
        start = _back(text, m.start(), _SCHOOL_STOP, 14)
        if text[start - 1 : start + 1] == "上海":  # 上 stops a name (上小学), except in 上海
            start -= 1
        # 荻原中学: 原 inside a name (回原中学, 孩子原小学的老师: after a stop or a person, the former school)
        if text[start - 1 : start] == "原" and start >= 2 and "\u4e00" <= text[start - 2] <= "\u9fff":
            if text[start - 2] not in _SCHOOL_STOP and not text.endswith(_PERSONS, 0, start - 1):
                start = _back(text, start - 1, _SCHOOL_STOP, 14 - (m.start() - start))
        start += text[start : start + 1] == "们"  # (我们村小学, 我们梧桐里实验学校: 我 stops the scan, 们 is no name)
        if text[start - 1 : start] == "和" and start >= 3:
            # 静安区和风中学, 闵行区曦和外国语学校: 和 inside a name that opens with its district
            wider = _back(text, start - 1, _SCHOOL_STOP, 14 - (m.start() - start))
            if _DISTRICT_HEAD.match(text, wider, start - 1):
                start = wider
        # 后来发现幼儿园就在…, 家长觉得职校没前途: what one found or thinks is no part of the school's name
        for verb in _NO_PART_OF_NAME:
            k = text.rfind(verb, start, m.start())
            start = k + len(verb) if k >= 0 else start
        prefix = text[start : m.start()]
        if not prefix or _generic(prefix):
            continue
        if suffix in ("学校", "分校", "中学", "小学", "幼儿园", "职校", "中专", "技校", "职高") and len(prefix) == 1:
            continue  # 好学校, 新中学: a one-character word, not a name
        if suffix in ("内职班", "内高班") and not _NAMED_HEAD.match(prefix):
            continue  # 新疆内高班: the programme; 青浦区思源内职班 is one school's
        # 化学实验的结果, 回家做实验: a subject's or someone's experiment; 青枫实验的食堂 is the school, named short
        # with two characters typical of names (减刷实验: verbs)
        if suffix == "实验" and (_word(prefix) or len(prefix) != 2 or min(tables().score.get(c, 0.0) for c in prefix) < 0.3):
            continue
        if suffix == "中职" and _word(prefix):
            continue  # 选择中职, 上海中职: a word before 中职 (瀛岚中职 has a name of its own)
        stage = _STAGE_AFTER.match(text, m.end())
        if stage and suffix in ("高中", "初中") and _word(prefix):
            continue  # 在选择高中的时候: a word before the stage, no school's name
        if stage and (text.startswith("阶段", m.end()) or prefix.endswith(_OWN) or prefix.endswith(_RECALLING)):
            continue  # 利用小学阶段, 说了自己小学时, 姐姐中专毕业: a stage of someone's schooling, no school named
        # (航航小学时: a reduplicated nickname, never a school's name)
        if stage and suffix in ("小学", "中学", "初中", "高中") and (_person(prefix) or _pet(prefix)):
            # 鲍雨欣小学在…读, 王明小学毕业后: a pupil's stage of school, and the pupil's name
            yield start, m.start(), "CASE-ANON-NAME"
            continue
        # 考不上沁园高中, 考上了江榕高中: the school one sits the exam for
        aimed = text.endswith(_AIM_VERBS, 0, start) or (
            text[start - 1 : start] == "了" and text.endswith(_AIM_VERBS, 0, start - 1)
        )
        aimed = aimed or (text.endswith(_PLACE_VERBS, 0, start) and not _generic(prefix))
        if suffix in ("高中", "初中", "小学") and prefix in ("上海", "上海市"):
            continue  # 转入上海初中: the city's schools of that stage, none named
        # 香樟湾高中的夏沐阳: a name of three characters or more, opening the clause, before 的
        opening = text[start - 1 : start] in ("", "\n", "，", ",", "。") and 3 <= len(prefix) <= 4 and not _word(prefix)
        opening = (
            opening and not _SCHOOL.search(prefix) and prefix[-1] not in "选读考上去进报转升念"
        )  # (小学升初中, 东方雪选高中)
        # (汐澜高中的米乐…: opening a line, a name of its own of two characters, no word and no place)
        own = text[start - 1 : start] in ("", "\n") and len(prefix) == 2 and not _word(prefix) and prefix not in tables().places
        aimed = aimed or ((opening or own) and text[m.end() : m.end() + 1] == "的")
        if suffix in ("高中", "初中") and (
            len(prefix) < 2 or (text[m.end() : m.end() + 1] not in "高初预六七八九" and not aimed)
        ):
            continue  # 榆岸高中高二（3）班 names a school; 他自己高中时, 三年高中 are a stage of school
        if (
            suffix == "学校"
            and not _NAMED_BEFORE.search(prefix)
            and not _DISTRICT_NAMED.match(prefix)  # 崇明区瀛东湾学校: a district, then the school's own name
        ):
            continue  # bare 学校 is a name only after a place or an ordinal: 按照学校要求, 明年学校
        yield start, m.end(), "CASE-ANON-SCHOOL"
        short = _SHORT_NAME.match(text, m.end())
        if short:  # 青浦区芦苇港中学（芦中）: the short name names the same school
            yield short.start(1), short.end(1), "CASE-ANON-SCHOOL"


def _word(text: str) -> bool:
    t = tables()
    return text in t.words or text in t.left_words or text in t.places


# 申港机电24级数控2班: a place and a trade right before a class are the school's short name
_TRADE_BEFORE = re.compile(rf"(?:{_TRADES})\s*$")
_TRADE_COHORT = re.compile(rf"(?:{_TRADES})\s*\d{{2}}")


# 在浦枫机电读汽修: a name of its own and a trade, where one studies, name a vocational school
_TRADE_STUDIED = re.compile(
    rf"(?<=[在从进到去])([\u4e00-\u9fff]{{2}})(?:(?:{_TRADES})(?=读|上学|念书|学习|实习|毕业)"
    # (在申澜交职最喜欢…: the trade's first character and 职, a vocational school's short name)
    rf"|(?:{'|'.join(sorted({trade[0] for trade in _TRADES.split('|')}))})职)"
)


def _trade_schools(text: str) -> Iterable[Span]:
    for m in _TRADE_STUDIED.finditer(text):
        if not _generic(m.group(1)) and not _word(m.group(1)):
            yield m.start(), m.end(), "CASE-ANON-SCHOOL"
    if not _TRADE_COHORT.search(text):
        return  # (speed: the class pattern runs again only where a trade stands before a cohort's year)
    for m in _class_matches(text):
        trade = _TRADE_BEFORE.search(text, max(0, m.start() - 3), m.start())
        if trade is None or not m.group(0)[:1].isdigit():
            continue
        start = _back(text, trade.start(), _SCHOOL_STOP, 4)
        prefix = text[start : trade.start()]
        if len(prefix) >= 2 and not _generic(prefix) and not _word(prefix) and not prefix.endswith(_SCHOOL_ENDS):
            yield start, trade.end(), "CASE-ANON-SCHOOL"


# A school's short name right after it: （芦中）, ，简称“海湾卫校”.
_SHORT_NAME = re.compile(r"\s*(?:\(\s*(?:简称)?|，?简称)\s*[“\"]?([\u4e00-\u9fff]{2,6})[”\"]?\s*(?=[)，。；、\s]|$)")


# Kinds and levels of school: generic alone (中等职业学校), a name with words before them
# (朱家角商贸职业学校, 启澜中等职业学校).
_SCHOOL_KINDS = ("职业", "技术", "艺术", "体育", "卫生", "中等", "高等")


# After a pupil's name, 小学/初中 and these are a stage of the pupil's schooling.
_STAGE_AFTER = re.compile(r"在|时|的时候|阶段|毕业|那几年|几年|六年|三年|是在")
# whose schooling: 他自己小学时, 我们初中那几年, 十二个人小学时, 姐姐中专毕业
_OWN = ("自己", "他", "她", "我", "你", "们", "人", *ROLE_NOUNS)
# (两个孩子一聊，发现小学时…: a verb of finding out or recalling, then the stage)
_RECALLING = ("发现", "知道", "记得", "想起", "说起", "聊起", "提到", "回忆")


def _pet(prefix: str) -> bool:
    return len(prefix) == 2 and prefix[0] == prefix[1] and "\u4e00" <= prefix[0] <= "\u9fff"


def _person(prefix: str) -> bool:
    """Whether ``prefix`` is, whole, a person's full name as the name finder reads it."""
    # (three characters at least: 芦汀小学毕业 is a school two characters long that reads like a name)
    return len(prefix) >= 3 and any(h.start == 0 and h.end == len(prefix) for h in find_names(prefix))


# (上海市临江民族中学: the city, then a name of its own, before a generic word)
_NAMED_HEAD = re.compile(r"(?:[\u4e00-\u9fff]{1,3}[区县]|上海市?)[\u4e00-\u9fff]{2,}$")


# 来自江湾西藏班, 长宁区新泾西藏班: a Shanghai place, or a district and a name of its own, right before
# the inland Tibetan or Xinjiang class name the school that runs it (内地西藏班, 本校新疆班,
# 学校组织西藏班 name none)
_INLAND = re.compile(
    rf"(?:((?:{'|'.join(sorted(SHANGHAI_DISTRICTS))})区)|(?<![\u4e00-\u9fff])|(?<=[在是于自到进读入]))([\u4e00-\u9fff]{{2}})(?:西藏|新疆)(?:班|部)"
    r"|([\u4e00-\u9fff]{2})(?:西藏|新疆)部"  # (后来枫华新疆部: a department is always a school's, wherever it stands)
)


def _inland_schools(text: str) -> Iterable[Span]:
    if "西藏" not in text and "新疆" not in text:
        return  # (speed: the pattern runs only where the class or department can be named)
    t = tables()
    for m in _INLAND.finditer(text):
        own = m.group(2) or m.group(3)
        # (a district, or a department, vouches for a name of its own that is no word)
        if own in t.places or ((m.group(1) or m.group(3)) and own not in t.words and not _generic(own)):
            yield m.start(), m.end(), "CASE-ANON-SCHOOL"


# (一所区实验小学, 一家幼儿园; 带一件小学时的物品: a thing counted before 小学时, no school)
_COUNTED = re.compile(
    r"[一这那每哪几两][所个名位家]|.*[一这那每几两][件张本份段些]$|.*[一二三四五六七八九十两几\d]年$"
    r"|[一二三四五六七八九十两\d]{1,3}点"  # (七点半幼儿园才开门: a time of day)
)  # 学了三年外国语


_GENERIC_TAILS = tuple(word for word in GENERIC if len(word) >= 2)
# (怎样借助中学资源: a question about schools, none named)
_ASKING = ("怎样", "怎么", "如何", "什么", "哪些", "哪所")


def _generic(prefix: str) -> bool:
    if (
        prefix in GENERIC
        or any(prefix[:k] in GENERIC and prefix[k:] in GENERIC for k in range(1, len(prefix)))  # (街道社区学校)
        or prefix.startswith("某")
        or prefix.endswith("某")  # (青浦区某小学: a district, then the convention)
        or _COUNTED.match(prefix)
        or any(ch in "还也就又却仍比只" for ch in prefix)
        or any(word in prefix for word in _ASKING)
        or (len(prefix) == 2 and prefix[0] == prefix[1] and prefix[0] in "问看想说试查找")  # 去问问幼儿园: a verb
    ):
        return True  # (从一所区实验小学升入: a school counted, not named; 还用小学的节奏, 作业比小学多: an adverb or 比)
    if prefix.endswith("附属") and _SCHOOL.search(prefix[:-2][-3:]):
        return _generic(prefix[:-2])  # 望湖二中附属学校: a school attached to a named school
    if prefix.endswith(_SCHOOL_KINDS):
        rest = prefix
        while rest.endswith(_SCHOOL_KINDS):
            rest = rest[:-2]
        return len(rest) < 2 or rest.startswith(("各", "本", "该", "全", "每", "这", "那")) or _generic(rest)
    # 国际学校 is a kind of school; 闵行区华樱国际实验学校 is one school: a district and a name first
    # (青浦实验二中: a district's short name before the kind word names the school)
    generic_tail = (
        prefix.endswith(_GENERIC_TAILS)
        and any(  # (speed: the common answer, no, at once)
            prefix.endswith(word)
            and not _NAMED_HEAD.match(head := prefix[: -len(word)])
            and head not in SHANGHAI_DISTRICTS
            # 长宁启澜双语学校: a district, then the school's own name
            and not (head[:2] in SHANGHAI_DISTRICTS and len(head) >= 4)
            # (虹桥枫丹双语学校: a place, then two characters of the school's own that make no word)
            and not (len(head) == 4 and head[:2] in tables().places and not _word(head[2:]))
            # 滨江木棉民族中学, 澜汀民族中学: a name of its own (two characters are enough before 民族)
            and not ((len(head) >= 4 or (len(head) == 2 and word == "民族")) and not _word(head) and not _word(head[:2]))
            for word in _GENERIC_TAILS
        )
    )
    return generic_tail or prefix[-1] in "所个些班级类型次趟"  # 参观了一次职校开放日


_COHORT = re.compile(r"\d{4}\s*(?:班|中队)")
_SCHOOL_ENDS = ("学校", "中学", "小学", "中专", "职校", "技校", "职高", "卫校", "初中", "高中")


# Every class ends in 班 or 中队: the pattern (whose look-behinds defeat the regex engine's own
# search for a first character) is tried only in the stretch before one.
_CLASS_END = re.compile("班|中队")
_CLASS_REACH = 30  # the longest class: 2023级中餐烹饪(12)班 and spaces, with room to spare


def _class_matches(text: str) -> Iterable[re.Match[str]]:
    done = 0
    for e in _CLASS_END.finditer(text):
        if e.start() < done:
            continue
        # (speed: led by its first characters, see anon_leads.led)
        for m in led(_CLASS).finditer(text, max(done, e.start() - _CLASS_REACH), min(len(text), e.end() + 1)):
            if m.end() == e.end():
                done = m.end()
                yield m
                break


def find_classes(text: str) -> Iterable[Span]:
    found: list[tuple[int, int]] = []
    for m in _class_matches(text):
        start = m.start()
        # 会计2501班: the major is part of the class (沪西建工学校2405班: a school is not)
        if _COHORT.fullmatch(m.group(0)) and start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff":
            if not text.endswith(_SCHOOL_ENDS, 0, start):
                back = _back(text, start, _SCHOOL_STOP, 4)
                # (徐行汽修职业学校汽修1902班: the major starts after the school's name)
                ends = [k for k in range(back + 2, start) if text.endswith(_SCHOOL_ENDS, 0, k)]
                start = ends[-1] if ends else back
        found.append((start, m.end()))
    # 24级数控1班 … | 数控1班 |: a class found with its cohort is that class without it elsewhere in the case
    short = {m.group(1) for s, e in found if (m := _WITHOUT_COHORT.fullmatch(text, s, e))}
    for start, end in find_words(text, short) if short else ():
        if not any(s < end and start < e for s, e in found):
            found.append((start, end))
    for start, end in found:
        yield start, end, "CASE-ANON-CLASS"


_WITHOUT_COHORT = re.compile(r"(?:19|20)?\d{2}\s*级\s*([\u4e00-\u9fff]{2,8}?\s*(?:\(\s*\d{1,2}\s*\)|\d{1,2})\s*班)")
