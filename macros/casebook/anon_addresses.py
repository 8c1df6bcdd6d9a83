"""Street and estate addresses, and where a family lives (rule CASE-ANON-ADDRESS), on normalised text.

Split from :mod:`macros.casebook.anon_rules` (the other number and date rules) when that module
reached its size limit; :mod:`macros.casebook.anon_schools` reads its district look-behind.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from macros.casebook.anon_leads import led, tried_at
from macros.casebook.anon_rules import Span, _back

_NUM = r"[0-9一二三四五六七八九十百零〇]+"
_UNIT = rf"(?:\s*{_NUM}\s*(?:号楼|幢|栋|座|号))?(?:\s*{_NUM}\s*单元)?(?:\s*{_NUM}\s*(?:室|号|层|楼))?"
_ESTATE = "花苑|家园|小区|新村|公寓|花园|山庄|苑|府|华庭|公馆|大厦|里|城|湾|坊|名邸|雅居|别墅"
_ADDRESS = re.compile(
    # 国和路365弄7号302: a room number may follow 号 without 室; 走路十分钟, 顺路一起 are no address
    rf"(?:路|街|大道|公路|巷|大街)\s*(?:\d+|{_NUM}(?=\s*[号弄]))\s*(?:弄\s*{_NUM}\s*(?:号|支弄))?(?:号|弄)?{_UNIT}"
    rf"(?:(?<=号)\s*\d{{3,4}})?(?=\D|$)"
    rf"|(?<![0-9])\d{{1,5}}\s*弄(?:\s*{_NUM}\s*(?:号|支弄))?(?:\s*{_NUM}\s*室)?"
    # (华志路“紫荆苑”18号楼: the estate's name in quotes)
    rf"|(?:{_ESTATE})[”\"」]?\s*(?:{_NUM}\s*期\s*)?(?:[A-Z]\s*座\s*)?{_NUM}\s*(?:号楼|幢|栋|座|号|单元){_UNIT}"
    rf"|(?:{_ESTATE})\s*[A-Z]\s*座\s*{_NUM}\s*室"
    rf"|村\s*{_NUM}\s*组(?:\s*{_NUM}\s*号)?"
    rf"|村\s*{_NUM}\s*号"
    rf"|(?<![0-9])\d{{1,4}}\s*号(?:楼)?\s*\d{{2,4}}\s*室"
)
_ADDRESS_LED = led(_ADDRESS)  # (speed: see anon_leads.led)
# Characters that end a street or estate name when looking back from its suffix.
_ADDRESS_STOP = set("在住址于到是的了和与从往近靠位搬去向离为有租就,。;:、 \n()“”")  # 址: 住址闵行区…
_ADDRESS_BACK = 8


# Where a family lives, without a number (家住锦绣花园, 搬到了康桥新村); the estate has a name of its own (not 新小区)
_LIVES = re.compile(
    r"(?:家住|住在|住进|搬到|搬进|搬去|租住在|借住在|寄住在|暂住在|住到)(?:了)?\s*(?:[\u4e00-\u9fff]{2,3}的)?"
    r"((?:[\u4e00-\u9fff]{2,8}?(?:花园|新村|小区|公寓|家园|花苑|山庄|华庭|公馆|名邸|雅居|佳园|新苑|别墅|大厦|公寓楼)|(?!了)[\u4e00-\u9fff]佳园)"
    r"(?:[一二三四五六七八九十\d]{1,3}(?:街坊|期))?)"  # 顾村的馨佳园十二街坊: a part of a large estate
)
# 他家住在奉贤区庄行镇, 妈妈在闵行区浦江镇…打零工: where a family lives, given as a district and its
# town (a district alone is too large to name anyone); a farm or village of the town goes with it
_TOWN = r"[\u4e00-\u9fff]{2,3}[区县][\u4e00-\u9fff]{1,3}?(?:镇|街道)(?:[\u4e00-\u9fff]{2,4}?(?:农场|村))?"
_LIVES_TOWN = re.compile(
    r"(?:家住在|租住在|老家在|家住|住在|家在|住到|搬家到|搬家去|搬到|搬去|户籍在)(?:了)?\s*"  # (户籍在青浦区赵巷镇, 搬家到了…)
    rf"({_TOWN})"
    # 父母在闵行区浦江镇开一家小饭馆, 他在嘉定区安亭镇一家汽修厂实习, 在松江区车墩镇某工业园: where the family works
    rf"|在\s*({_TOWN})(?=开|的|一家|附近|打工|打零工|做|上班|工作|实习|租|经营|种|务工|某)"
    rf"|(?:到|去)\s*({_TOWN})(?=的一家|一家|某|打工|打零工|上班|工作|实习|务工)|从\s*({_TOWN})(?=搬)"  # 到…的一家零件厂实习, 从…搬到
)
_LIVES_GENERIC = re.compile(
    r"^(?:[某这那哪一老]|同一|附近|学校|新的|隔壁|旁边|对面|另一|[別别]的|城郊|郊区|安置|[他她我你咱]们?|自己)"
)


# An estate named after its district, without a number: 杨浦区控江二村, 闵行区春申花园.
_DISTRICT_ESTATE = re.compile(
    r"[\u4e00-\u9fff]{2}区([\u4e00-\u9fff]{2,4}?(?:[一二三四五六七八九十]{1,3}村|新村|花园|小区|家园|花苑|公寓|佳园|新苑))"
    r"(?![一二三四五六七八九十]?[中小](?![\u4e00-\u9fff]{0,1}[区组]))"  # 静安区彭浦新村二中 is a school
)


DISTRICT = "(?<![社小园校景城郊片])[区县]"  # a district's 区 or 县, not 社区, 小区, 校区, 郊区 …
# A road named with its district (and town or 街道), without a number: 奉贤区南桥镇江海路, 徐汇区龙华西路, 杨浦区国和路政本小区.
# The district makes it a place, not a way of walking; a road's own name has two characters at least (not 区里的马路, 一路); a 街道 too.
_TOWN_ROAD = re.compile(
    rf"[\u4e00-\u9fff]{{2,3}}{DISTRICT}(?:[\u4e00-\u9fff]{{2,3}}(?:镇|街道))?([\u4e00-\u9fff]{{2,5}}?)(?:路|街道|街|大道|公路)"
    r"(?![一二三四五六七八九十第]?[中小](?:学)?(?![区组]))"  # 黄浦区蓬莱路三小, 蓬莱路小学: a school
    r"(?:[\u4e00-\u9fff]{2,4}?(?:花苑|家园|小区|新村|公寓|花园|苑))?"
    # or a village or an estate of the town: 崇明区陈家镇裕安村三队, 宝山区大场镇丹桂苑
    rf"|[\u4e00-\u9fff]{{2,3}}{DISTRICT}[\u4e00-\u9fff]{{1,3}}镇([\u4e00-\u9fff]{{2,4}}?)"
    # (金山区枫泾镇新义村岑家宅12号: a hamlet of the village, named after a family)
    r"(?:村(?:[一二三四五六七八九十\d]{1,3}(?:队|组)|[\u4e00-\u9fff]{1,2}家宅(?:\s*\d{1,4}\s*号)?)?|花苑|家园|小区|新村|公寓|花园|苑)"
)
_WAYS = ("上学路", "放学路", "回家路")
SHANGHAI_DISTRICTS = frozenset("黄浦 徐汇 长宁 静安 普陀 虹口 杨浦 闵行 宝山 嘉定 浦东 金山 松江 青浦 奉贤 崇明".split())
_DISTRICT_END = re.compile(DISTRICT)  # (搬到郊区后上学路上: a suburb, no district)


def _town_roads(text: str) -> Iterable[re.Match[str]]:
    """What _TOWN_ROAD.finditer finds: its district's 区 or 县 is the third or fourth character, so
    the pattern is tried only two and three characters before one (a scan from every Chinese
    character costs as much as all the other address patterns together)."""
    done = 0
    for k in _DISTRICT_END.finditer(text):
        # (转入长宁区虹桥路: a Shanghai district's two characters, not the verb before them)
        starts = (k.start() - 2,) if text[k.start() - 2 : k.start()] in SHANGHAI_DISTRICTS else (k.start() - 3, k.start() - 2)
        for start in starts:
            if start >= done and (m := _TOWN_ROAD.match(text, start)):
                done = m.end()
                yield m
                break


# (田林十二村走到学校: a verb between the estate and 学校, so no school named after it)
_ROAD_SCHOOL = re.compile(  # (欧阳路街道青藤初级中学: the road names the 街道, and the 街道 the school)
    r"(?:街道)?(?:第[一二三四五六七八九十\d]+)?(?:(?![到去回走在进离出来从往])[\u4e00-\u9fff]){0,5}?(?:小学|中学|学校|幼儿园|初中|高中|附中|附小)"
)
_ESTATE_SCHOOL = ("小学", "中学", "幼儿园", "学校", "初中", "高中", "附中", "附小")


def find_addresses(text: str) -> Iterable[Span]:
    # (speed: an estate tried only two characters before 区, a town where its lead-in can begin)
    for m in tried_at(_DISTRICT_ESTATE, text):
        if text.startswith(_ESTATE_SCHOOL, m.end()) or _ROAD_SCHOOL.match(text, m.end()):
            continue  # 宝山区槐荫新村小学: a school named after the estate, which the school rule finds
        if not _LIVES_GENERIC.match(m.group(1)) and not any(ch in _ADDRESS_STOP for ch in m.group(1)):
            yield m.start(), m.end(), "CASE-ANON-ADDRESS"
    for m in _town_roads(text):
        start = m.start()
        while start < m.end() and text[start] in _ADDRESS_STOP:  # 在奉贤区…: the district starts after 在
            start += 1
        if _ROAD_SCHOOL.match(text, m.end()):
            continue  # 奉贤区沐雨路小学, 普陀区榆荫路第二小学: a school named after its road
        if text.startswith(_WAYS, m.end() - 3):
            continue  # 搬到新区后上学路远: the way to school, no road's name
        if not any(ch in _ADDRESS_STOP and ch != "和" for ch in text[start : m.end()]):  # 国和路: 和 names the road
            yield start, m.end(), "CASE-ANON-ADDRESS"
    for m in tried_at(_LIVES_TOWN, text):  # (each alternative holds one group: the last that matched)
        yield m.start(m.lastindex or 1), m.end(m.lastindex or 1), "CASE-ANON-ADDRESS"
    for m in _LIVES.finditer(text):
        name = m.group(1)
        if not _LIVES_GENERIC.match(name) and not any(ch in _ADDRESS_STOP for ch in name):
            yield m.start(1), m.end(1), "CASE-ANON-ADDRESS"
    for m in _ADDRESS_LED.finditer(text):
        start = m.start() if m.group(0)[0].isdigit() else _back(text, m.start(), _ADDRESS_STOP, _ADDRESS_BACK)
        if start == m.start() and text[start - 1 : start] in ("和", "与") and start > 1:
            start = _back(text, start - 1, _ADDRESS_STOP, _ADDRESS_BACK - 1)  # 国和路, 长和路: 和 names the road
        if text[start : m.start()].startswith("某") or (m.start() > start and text[m.start() - 1] == "某"):
            continue
        if not m.group(0)[0].isdigit() and start == m.start() and m.group(0)[0] in "路街巷村里城湾":
            continue  # no street or estate name before the suffix: “第3单元” and the like
        yield start, m.end(), "CASE-ANON-ADDRESS"
