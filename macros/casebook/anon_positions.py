"""The vocabulary of a person's position in a case (rule CASE-ANON-NAME): role nouns, kin,
verbs whose subject or object is a person, and the small tests the whole-case reading
(:mod:`anon_people`) and the setting aside of places (:mod:`anon_aside`) share.
"""

from __future__ import annotations

import re

from macros.build.reads import data_cache
from macros.casebook import anon_name_words, anon_names
from macros.casebook.anon_names import NameHit, NameTables, _han
from macros.casebook.anon_names import _common as _is_word  # one test of “a common word” for both passes

_HAN = "\u4e00-\u9fff"
BLANK = "\u3000"  # what masked text is replaced with (offsets stay valid)
# Numbers and the prefixes of nicknames themselves: never the character a nickname is made of.
NO_NICKNAME_CHARS = "一二三四五六七八九十小大老阿"

# Nouns for people that are no one's name, even in a person's position.
ROLE_NOUNS = frozenset(
    (
        "孩子 学生 同学 老师 家长 大家 我们 你们 他们 她们 咱们 自己 别人 对方 双方 有人 朋友 新生 男生 女生 同桌 班长 "
        "导师 班主任 班组长 校长 医生 父母 小宝宝 爸爸 妈妈 母亲 父亲 儿子 女儿 哥哥 姐姐 弟弟 妹妹 爷爷 奶奶 外婆 外公 叔叔 阿姨 伯伯 "
        "舅舅 姑姑 姑妈 姨妈 舅妈 婶婶 姑父 姨父 舅公 小姨 大姨 小舅 小叔 小姑 大哥 大姐 小弟 小妹 阿妈 阿爸 阿婆 阿公 阿弟 阿妹 阿哥 阿姐 阿叔 阿伯 阿嬷 先生 太太 兄弟 姐妹 娃娃 宝贝 宝宝 保安 保姆 师生 师兄 师姐 师弟 师妹 学长 学姐 学弟 学妹 老人 大人 小孩 男孩 女孩 少年 青年 "
        "全班 班级 小组 组员 组长 队长 社长 团长 会长 部长 中队长 大队长 副班长 课代表 团支书 队员 队友 室友 邻居 亲戚 长辈 晚辈 同伴 伙伴 家人 亲人 主任 书记 校医 社工 志愿者 心理老师 "
        "门卫 保洁 司机 厨师 宿管 护士 警察 民警 教练 老板 店主 快递员 "  # 门卫爷爷, 门卫是第一个发现的人: a job
        "两人 三人 几人 一人 众人 旁人 他人 本人 后者 前者 当事人 双胞胎 母女 父女 母子 父子 夫妻 祖孙 一家 全家 "
        "她的 他的 我的 你的 谁 谁的 这位 那位 此人 孩子们 同学们 老师们 家长们 继父 继母 后妈 养父 养母 师傅 领导 同事 "
        # places and bodies that speak too: 家里说, 学校要求, 居委会的阿姨
        "家里 家中 老家 学校 校方 班里 年级 年级组 单位 医院 公司 社区 居委 居委会 街道 派出所 政教处 德育处 学生处 教务处"
    ).split()
) | frozenset(anon_names.COUSINS)  # 表姐, 堂哥
# Kin and close roles that follow a person: 国庆的妈妈, 子豪妈妈, 桐桐的外婆.
KIN = "妈妈 爸爸 母亲 父亲 外婆 外公 奶奶 爷爷 姥姥 姥爷 家长 继父 继母 父母".split()  # (何苗父母在外地打工)
KIN_AFTER_DE = (
    KIN
    + "同桌 班主任 导师 师傅 哥哥 姐姐 弟弟 妹妹 舅舅 姑姑 阿姨 叔叔 父母 舅妈 姨妈 姑妈 婶婶 伯伯 邻居 好朋友".split()
    + list(anon_names.COUSINS)
)
# Roles a name stands in apposition after: 同桌潘诗雨, 心理老师范秀梅, 母亲李娟女士.
ROLES_BEFORE = (
    "心理老师 班主任 导师 老师 同桌 同学 班长 组长 队长 学生 母亲 父亲 妈妈 爸爸 奶奶 爷爷 外婆 外公 哥哥 姐姐 弟弟 "
    "妹妹 舅舅 姑姑 继父 继母 女儿 儿子 好友 朋友 室友 邻居 校长 主任 医生 名叫 叫做 表姐 表哥 表妹 表弟 堂姐 堂哥 "
    "女生 男生 委员 课代表 团支书 中队长 大队长 副班长 子女"  # 纪律委员于泽宇, 团支书季晨阳; 随迁子女廖小满
).split()
# Verbs of speech and feeling whose subject is a person (红梅不愿意, 欣悦低着头).
PERSON_VERBS = (
    "跟我说 对我说 和我说 说 告诉 问 答 回答 承认 解释 嘟囔 哭 笑着 笑了 喊 低着头 低下头 低头 点点头 点了点头 点头 摇摇头 摇了摇头 摇头 "
    "红着脸 不愿意 不愿 不肯 不想 不敢 舍不得 不说话 没说话 沉默 犹豫 委屈 抬起头 抬头 站起来 小声 大声 哽咽 抽泣 愣住 愣了 "
    "心里 一直 总是 突然 悄悄 默默 偷偷 主动 终于 却 也 又 还 就 才 今天 昨天 早上 上午 中午 下午 晚上 最近 平时 把 被 跟 和 对 给 向 在 的"
).split()
# Verbs of speech and feeling strong enough to make an ordinary word a name (国庆不愿意).
STRONG_VERBS = PERSON_VERBS[: PERSON_VERBS.index("心里")]
# A person is the object of these (导师问浩宇, 我找到了思远).
OBJECT_VERBS = (
    "问 找 叫 陪 劝 喊 拉着 看着 告诉 提醒 表扬 批评 鼓励 安慰 找到了 叫住 请 让 帮 给 带着 带 和 跟 与 说 送 建议 加了 一下 "
    "觉得 认为 担心 希望"  # (觉得一诺应该…: whom one thinks of, only a given name of today; see anon_people)
).split()
# A surname with these is the family, or a teacher of the same name (亓爸爸, 亓家长, 解老师).
# (宁叔叔: a stepfather; 华丽萍 … 我约华女士: how a teacher addresses a parent; 于师傅: the father at work)
SURNAME_KIN = "爸爸 妈妈 爷爷 奶奶 外婆 外公 姥姥 姥爷 家长 哥哥 姐姐 老师 同学 叔叔 阿姨 女士 先生 师傅 阿婆 阿公 伯伯".split()
CLAUSE_LEFT = (
    "那天 今天 昨天 后来 然后 于是 因为 但是 所以 可是 当时 这时 其实 原来 只有 只是 连 而 但 可 如今 起初 最初 最后 终于 直到 "
    "早上 上午 中午 下午 晚上 傍晚 课间 周末 放学后"  # 周一早上晓峰又迟到了: a time of day opens the clause too
).split()
# Adverbs of time and manner that stand where a subject stands (平时沉默的…, 顿时哭了): no person.
TIME_ADVERBS = frozenset(CLAUSE_LEFT) | frozenset(
    "平时 平常 有时 那时 顿时 临时 刚才 依然 仍然 往往 常常 总是 向来 从来 本来".split()
)
ADVERB_FREQ = 2000  # 常常 5147, 远远 3159 in jieba's counts: adverbs as often as nicknames
# After these a reduplicated adverb is the adverb (他常常拿…), not a child called 常常.
_ADVERB_LEFT = frozenset("他她我你们也都还就又很却只总")
THETA = 0.75  # both characters of a token in a person's position must be this typical of given names
# A nickname or name introduced as such: 同学们都叫他包子, 大家叫我牛牛, 小名叫乐乐.
_CALLED = re.compile(
    r"(?:叫(?:他们|她们|他|她|我|你)|称(?:他|她)为?|(?:小名|大名|外号|绰号|昵称|乳名)(?:叫|是)?)"
    r"[“\"「]?([\u4e00-\u9fff]{2,3})(?=了?[”\"」，。！？、；：,.!?;:\s(（)）]|或|$)"  # (叫他小牛或牛哥; 没人叫她小透明了。)
    # 妹妹，四岁，叫果果。: a pet name after 叫 alone, the way a child is introduced
    r"|(?<=[，,])叫[“\"「]?((?P<a>[\u4e00-\u9fff])(?P=a)|[小阿][\u4e00-\u9fff])(?=[”\"」，。！？、；：,.!?;:]|$)"
)

# 住在焦阳家里, 家访去的是春生家: the home one stays at or visits is a person's (住在姑妈家: a role noun)
_STAYS_AT = re.compile(
    r"(?:住在|住到|借住在|寄住在|暂住在|去的是|去了|到了|去|到)([\u4e00-\u9fff]{2,3})家(?=里|中|[，。,.;；]|$)"
)
# 叫他小牛或牛哥: a second nickname after the first
_CALLED_OR = re.compile(r"[”\"」]?(?:或者?|、|和)[“\"「]?([\u4e00-\u9fff]{2})(?=[”\"」，。！？、；：,.!?;:]|$)")
# 多多——现在同学们这样叫她——, 阿一（他的好朋友都这么叫他）: the word before an aside that says so
# (normalised text: dashes are “-” and brackets half-width)
_CALLED_BEFORE = re.compile(
    r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,3})(?=(?:--?|\()[^-()。！？\n]{0,16}?(?:这样|这么)(?:叫|喊|称呼)(?:他|她))"
)

_ROLES_BEFORE = tuple(ROLES_BEFORE)
_CLAUSE_LEFT = tuple(CLAUSE_LEFT)
_CLAUSE_LEFT_ENDS = frozenset(w[-1] for w in CLAUSE_LEFT)  # (speed: the last characters, asked before the words)
_STRONG_VERBS = tuple(STRONG_VERBS)


@data_cache  # made from the word lists: again when one changes
def _surname_chars() -> re.Pattern[str]:
    # (speed: only before a Chinese character that is no particle, where a given name can follow)
    stop = re.escape("".join(sorted(anon_names.STOP)))
    return re.compile(f"[{''.join(sorted(anon_names.tables().surnames))}](?=(?![{stop}])[{_HAN}])")


@data_cache  # made from the word lists: again when one changes
def _patterns() -> dict[str, re.Pattern[str]]:
    t = anon_names.tables()
    surnames = "".join(sorted(t.surnames))
    alt = lambda words: "|".join(map(re.escape, sorted(words, key=len, reverse=True)))  # noqa: E731
    return {
        # a name list's full-width space arrives as " " (normalised); BLANK is text set aside
        # (从安徽来 with the province blanked is no padded 从　　来)
        "padded": re.compile(rf"([{surnames}]) {{1,2}}([{_HAN}])"),
        # The word after a person is searched first and the two characters before it read
        # (a lookahead at every position costs several times more).
        "kin": re.compile(alt(KIN_AFTER_DE)),
        "verb": re.compile(alt(PERSON_VERBS)),
        "direct": re.compile(alt(STRONG_VERBS + KIN)),
        "address": re.compile(rf"[“「\"‘]\s*([{_HAN}]{{2,3}})\s*[,，!！?？]"),
        "role": re.compile(rf"(?:{alt(ROLES_BEFORE)})(?=[{_HAN}])"),
        "object": re.compile(rf"(?:{alt(OBJECT_VERBS)})(?=[{_HAN}]{{2}})"),
    }


_VERB_CHARS = frozenset(
    "问找叫陪劝喊请让帮给对把被将跟说讲应在要会该拉到去来带托"
)  # (男生拉东东一起: 拉 “pull”; 请同学到新家玩, 去嘉树家家访: 到, 去 “to”; 爸爸带怡然: 带 “take”) 导师应先…, 妈妈在…: no surname
# Adverbs that follow a subject (导师先听, 同桌也说); as surnames they need a two-character given name.
_ADVERBS = frozenset("先再也都就还又才却只总便最很更挺")  # (弟弟最爱听…: 最 is no surname)
# What 叫他 asks a child to do (回座位, 过来, 读课文, 辞职), not what the child is called.
_ERRAND_VERBS = frozenset("回去来过起上下进出站坐走别不再快先停读念背写做抄唱画拿交吃喝洗睡辞")


def _han_pair(token: str) -> bool:
    return len(token) == 2 and "\u4e00" <= token[0] <= "\u9fff" and "\u4e00" <= token[1] <= "\u9fff"  # (speed: _han inline)


def _typical(t: NameTables, token: str, yi: bool = False) -> bool:
    if not token:
        return False  # the text ends here
    if yi and token[:1] == "一" and len(token) == 2:  # 一航, 一诺: 一 is common in given names
        return token[1] not in anon_names.STOP and t.score.get(token[1], 0.0) >= 0.4 and token not in t.words
    if token in t.modern:
        return True  # 梓萌在…: a pupil's name of today, whatever the older name lists say of 萌
    # every character Chinese, no particle, and at least THETA (speed: one loop, no generators)
    score, stop = t.score, anon_names.STOP
    for ch in token:
        if not "\u4e00" <= ch <= "\u9fff" or ch in stop or score.get(ch, 0.0) < THETA:
            return False
    return True


def _candidate(t: NameTables, token: str, strong: bool) -> bool:
    """A two-character token in a person's position is a name unless it is a role noun or an
    atypical pair; an ordinary word (国庆, 红梅) only in a strong position or as a known given name."""
    if token in ROLE_NOUNS or token in TIME_ADVERBS or token.startswith(("老师", "同学")) or token.endswith(("老师", "同学")):
        return False
    if not _typical(t, token) or token in t.veto:
        return False  # (the reviewed veto list says what is no name wherever it stands: “拉琴的时候…”)
    return strong or not _is_word(t, token) or token in t.pairs


def _clause_start(text: str, i: int) -> bool:
    if i == 0 or not "\u4e00" <= text[i - 1] <= "\u9fff":  # (speed: _han inline)
        return True
    return text[i - 1] in "和跟与" or (text[i - 1] in _CLAUSE_LEFT_ENDS and text.endswith(_CLAUSE_LEFT, 0, i))


def _typical_char(t: NameTables, ch: str) -> bool:
    return _han(ch) and ch not in anon_names.STOP and t.score.get(ch, 0.0) >= 0.5


def _boundary(t: NameTables, text: str, j: int) -> bool:
    """Whether a name can end before ``j``: punctuation, a particle or verb, a role, a common word."""
    if j >= len(text) or text[j] in anon_names.FOLLOW or not _han(text[j]):
        return True
    return _is_word(t, text[j : j + 2]) or text.startswith(("女士", "先生", "同学", "老师"), j)


def _opening_pair(t: NameTables, text: str, i: int) -> bool:
    """浩宇为选科的事…, 家豪有点口吃, 桑晴搬家到了…: a known given name or two typical characters that
    make no word, opening a line, whatever follows, unless a particle or a place word does (春来了,
    晨曦中), or the characters run into a word or a role (冬令营, 新继父); doubled names have their own
    test (婷婷玉立)."""
    token, nxt = text[i : i + 2], text[i + 2 : i + 3]
    # (曾子杀猪的故事: a sage, surname and 子, is no pupil unless known as a given name)
    typical = _typical(t, token) and token[1:] != "子"
    # (之昂和臧一诺合作: 之 opens given names, before a very typical character, no word: not 之后, 之间)
    typical = typical or (token[:1] == "之" and t.score.get(token[1:], 0.0) >= 0.8)
    # (明哲下棋输了: a word that is a pupil's known given name of today too)
    named = token in t.modern and token in t.pairs and token in t.jieba_names
    if not (token in t.pairs or typical) or token[:1] == token[1:] or (_is_word(t, token) and not named):
        return False
    if _is_word(t, text[i + 1 : i + 3]) or text[i : i + 3] in t.words or text[i : i + 3] in t.veto:
        return False
    if text[i + 1 : i + 3] in ROLE_NOUNS or token in ROLE_NOUNS or (token[0] in "初高大" and token[1] in "一二三四"):
        return False  # (大一的时候: a year of school; 三人一起…: a role noun)
    return _han(nxt) and (nxt not in "了中里上下" or (nxt in "上下" and _is_word(t, text[i + 2 : i + 4])))  # (下棋, 上课)


def _given_length(t: NameTables, text: str, j: int) -> int:
    """Length of a given name at ``j`` after a surname in apposition (母亲李娟女士, 父亲王强承认)."""
    g = text[j : j + 2]
    if len(g) == 2 and _typical_char(t, g[1]) and _boundary(t, text, j + 2) and not _is_word(t, text[j + 1 : j + 3]):
        return 2
    if g and _typical_char(t, g[0]) and _boundary(t, text, j + 1):
        return 1
    if g and t.score.get(g[0], 0.0) >= 0.9 and g[0] not in anon_names.STOP and not _typical_char(t, g[1:2]):
        # 学生沈秋实家住: a character that neither follows people nor starts a word with the next
        # one would be left over: it ends the given name
        if len(g) == 2 and t.score.get(g[1], 0.0) >= 0.2 and g[1] not in anon_names.STOP and not _boundary(t, text, j + 1):
            if _boundary(t, text, j + 2) and not _is_word(t, text[j + 1 : j + 3]):
                return 2
        return 1  # 妈妈林慧搬到了: a very typical given-name character, then a character no name has
    return 0


def _tried_verb(text: str, h: NameHit) -> bool:
    """请奶奶忍一忍, 想一想: a verb doubled around 一 (“give it a try”) is never a name."""
    end = min(h.end + 1, len(text) - 1)
    k = text.find("一", max(1, h.start - 1), end)  # (speed: 一 looked for, not every character read)
    while k >= 0 and not (text[k - 1] == text[k + 1] and _han(text[k - 1])):
        k = text.find("一", k + 1, end)
    return k >= 0


def family_surname(t: NameTables, c: str, named: set[str]) -> bool:
    """Whether ``c`` before 家 is a family's surname: a trusted one, or one the case names a person by."""
    return c in named or (c in t.surnames and c not in t.weak)


def _line_start(text: str, i: int) -> bool:
    """Whether ``i`` opens the text or a line (a paragraph of a case, a sentence of a list)."""
    return text[i - 1 : i] in ("", "\n")


def _word_shaped(t: NameTables, token: str) -> bool:
    """Whether an ordinary word reads as a name: a surname and a typical given-name character,
    or a given name with one typical character (not a role, a time, a year of school)."""
    if token in ROLE_NOUNS or token in TIME_ADVERBS or not _han_pair(token) or token[1] in anon_names.STOP:
        return False
    if token[0] in "初高" and token[1] in "一二三四":
        return False  # 初三这学期…: a year of school, not 初 the surname
    if token[0] in anon_names.STOP and token[0] not in t.surnames:  # 向阳奶奶: 向 is a surname too
        return False
    first, second = (t.score.get(ch, 0.0) for ch in token)
    full = token[0] in t.surnames and second >= THETA
    given = max(first, second) >= THETA and min(first, second) >= 0.5
    return full or given


def _opening_name(t: NameTables, token: str) -> bool:
    """What may open a line as a pupil's name before what a person does: a word shaped like a name,
    or one jieba counts as a name too (宇航说…, 宇航第一次…), unless a role or a year of school."""
    if (token[0] in "小老" and token[1] in "狗猫兔大二三") or token in ("高中", "初中", "小学", "中学", "大学"):
        return False  # (小狗后来康复了: a pet, not a child called so; 高中开学后: a stage of school; 老大: the eldest)
    if _word_shaped(t, token):
        return True
    # (方圆说…: a known given name that is a word too)
    named = token in t.jieba_names or token in t.pairs
    return named and token not in ROLE_NOUNS and not (token[0] in "初高" and token[1] in "一二三四")


def _word_name(t: NameTables, text: str, token: str) -> bool:
    """甘露说, 向阳奶奶: an ordinary word is a name when it reads as one (:func:`_word_shaped`) and
    the case puts it directly before a verb of speech or feeling or a kin word at a clause start,
    and uses it again, or opens a line with it there.
    An adjective before 的 + kin (温柔的妈妈, 坚强的奶奶说) describes the mother: 的 is no evidence."""
    if not _word_shaped(t, token):
        return False
    once = text.count(token) < 2
    direct = _patterns()["direct"]
    i = text.find(token)
    while i >= 0:  # no pattern compiled per token: a compile costs more than the whole scan
        # (她的好朋友甘露哭得…: after a role in apposition, as at a clause start)
        placed = _clause_start(text, i) or (not once and text.endswith(_ROLES_BEFORE, 0, i))
        if direct.match(text, i + 2) and placed and (not once or _line_start(text, i)):
            return True
        i = text.find(token, i + 1)
    return False


_NOT_OPENING = frozenset("的 和 跟 对 给 向 把 被".split())


def _opening_verb(text: str, j: int) -> bool:
    m = _patterns()["verb"].match(text, j)
    return m is not None and m.group(0) not in _NOT_OPENING


_DAYTIME = frozenset("今天 昨天 早上 上午 中午 下午 晚上 最近 平时".split())


# 同学们围着他叫“力哥”: what they call him, quoted right after 叫, a few words after him or her
_CALLED_QUOTED = re.compile(r"[他她][^，。；！？\n“”]{0,4}?叫“([\u4e00-\u9fff]{2,3})(?=”)")
# What follows a pupil opening a line: a time of the school year, or liking (甘露这学期…, 甘露喜欢…)
_PUPIL_TIMES = tuple(
    "这学期 这个学期 上学期 这次 这周 上周 这两周 这几天 上课 课间 期中 期末 每天 放学 开学 周记 后来 第一次 从小 现在 喜欢 半夜 周末 中考 高考".split()
) + ("这" + BLANK, "上" + BLANK)  # (这周, 上周 once set_aside has blanked the measure 周)
_PUPIL_DAYS = (*_DAYTIME, *_PUPIL_TIMES, *_STRONG_VERBS)  # what follows a pupil named after the class
_ACTS_AFTER = ("把", "被", "给", "对", "向", *_PUPIL_TIMES)
# The verbs of _patterns()["verb"] that open with a strong verb. Its alternatives run longest first, so
# the verb it matches at a place is the longest there, and holds every strong verb the place opens
# with: a match in this set is exactly a place where text.startswith(_STRONG_VERBS) (speed: one lookup).
_STRONG_LED = frozenset(v for v in PERSON_VERBS if v.startswith(_STRONG_VERBS))


def _acts_or_is(text: str, j: int) -> bool:
    """钱多多把压岁钱…, 钱多多是…: what a person does, or 是, at ``j``."""
    return _opening_verb(text, j) or text.startswith(_ACTS_AFTER, j) or text[j : j + 1] == "是"


# 店长牛姐, 带教师傅马哥: at work a colleague is the surname and 姐/哥, right after the role (the
# surname may be a word or a weak surname: 牛, 马)
WORKPLACE_TITLED = re.compile(
    r"(?:店长|组长|领班|师傅|主管|经理|老板|保洁|同事|前辈|带教)([\u4e00-\u9fff])[姐哥](?![姐哥妹弟夫们])"
)


# 四（2）中队的霍宇航获得…: after a class and 的 stands its pupil, a surname and a given name of
# plainer characters than a name needs elsewhere (航 is a word's character as often)
_CLASS_PUPIL = re.compile(r"(?<=[班队]的)([\u4e00-\u9fff])([\u4e00-\u9fff]{2})")
_NOT_VOUCHED = frozenset(anon_names.STOP | anon_names.PREFIXES)  # no surname, whatever name follows (speed: made once)
_PUPIL_DEEDS = tuple("获得 获 参加 报名 拿到 当选 被评为 考上 考了".split())  # what a class's pupil is named for
# (榆荫二中的陶然这次…: after a school and 的 as after a class)
_CLASS_GIVEN = re.compile(r"(?:(?<=[班队]的)|(?<=[中小]学的)|(?<=学校的)|(?<=[二三四五六七八九十][中小]的))([\u4e00-\u9fff]{2})")


def class_pupils(t: NameTables, text: str) -> list[tuple[int, int]]:
    """Where a class's pupil is named right after the class and 的 (surname and given name)."""
    found: list[tuple[int, int]] = []
    for m in _CLASS_PUPIL.finditer(text) if "班的" in text or "队的" in text else ():  # (speed)
        surname, given = m.group(1), m.group(2)
        # (二（3）中队的练佳宁, 高一3班的查一鸣: a known given name vouches for a surname the tables lack or distrust)
        # (24级数控3班的包宏伟: after a listed surname, even a known given name that is also a word)
        vouched = given in t.pairs and (not _is_word(t, given) or surname in t.surnames) and surname not in _NOT_VOUCHED
        if (surname not in t.surnames or surname in t.weak) and not vouched or surname in anon_names.FUNCTION_CHARS:
            continue
        if any(ch in anon_names.STOP or t.score.get(ch, 0.0) < 0.3 for ch in given) or given in ROLE_NOUNS:
            continue
        if _is_word(t, m.group(0)) or _is_word(t, surname + given[0]):
            continue  # 班的高个子, 队的王牌: a word, not a surname and a given name
        after = text[m.end() : m.end() + 1]
        if not _han(after) or after in anon_names.FOLLOW or _is_word(t, text[m.end() : m.end() + 2]):
            found.append(m.span())
    # 高二（5）班的康宁最近每天…: a given name alone, typical in both characters, then a time of the
    # pupil's days or what a person does (a word only if jieba also knows it as a name)
    for m in _CLASS_GIVEN.finditer(text) if any(end + "的" in text for end in "班队中小学校") else ():  # (speed)
        token, end = m.group(1), m.end()
        if found and found[-1][1] > m.start() or token in ROLE_NOUNS or (_is_word(t, token) and token not in t.jieba_names):
            continue
        low, high = sorted(t.score.get(ch, 0.0) for ch in token)
        # (陶然这次: a surname no word starts and a given-name character, before a time of the pupil's year)
        surnamed = token[0] in t.surnames and token[0] not in t.weak and t.score.get(token[1], 0.0) >= 0.5
        if (low >= THETA or (surnamed and not _is_word(t, token))) and text.startswith(_PUPIL_DAYS, end):
            found.append(m.span())
        elif low >= 0.2 and high >= 0.9 and token not in t.words and not anon_names.STOP.intersection(token):
            if _opening_verb(text, end) or text.startswith(_PUPIL_DEEDS, end):
                found.append(m.span())  # 七年级2班的秋实获得了…: no word at all, one very typical character, then a verb
    return found


_TITLES = frozenset("阿姨 叔叔 伯伯 老师 师傅 阿婆 大爷 奶奶 爷爷".split())


def _role_noun_hit(token: str, after_role: bool = False) -> bool:
    """继父, 和继父: a role noun (after a function word) that the surface pass read as a name;
    马拉松, 蒲公英: a three-character word that only looks like surname and given name."""
    # (马赛克: a rarer word of the list too, unless jieba tags it as a name)
    # (蔡文静: a three-character word jieba tags as a name is someone's full name, a pupil's too)
    if len(token) == 3:  # (speed: the tables asked for only here)
        t = anon_names.tables()
        if token not in t.jieba_names and (_is_word(t, token) or token in t.words):
            return True
    # (宿管于阿姨: after a role word, 于 with a title is the surname; 班主任向家长, 和室友 are not)
    titled = after_role and token[1:] in _TITLES and token[0] not in "和与同跟及向对给把被让从"
    return token in ROLE_NOUNS or (token[1:] in ROLE_NOUNS and token[0] in anon_names.FUNCTION_CHARS and not titled)


def _without_verb(text: str, h: NameHit) -> NameHit:
    """导师问浩宇: 问 is a surname too, but a verb before a given name reads as the verb."""
    token = text[h.start : h.end]
    # (英语应老师: after a school subject 应 is the teacher's surname)
    if len(token) == 3 and token[0] in _VERB_CHARS and h.start > 0 and _han(text[h.start - 1]):
        if text.endswith(anon_name_words._SUBJECTS, 0, h.start):
            return h
        kin = text.endswith(anon_names._KIN_BEFORE, 0, h.start) or token[1:] in anon_names.TITLED_KIN
        if token[0] == "应" and kin and not anon_names._common(anon_names.tables(), text[h.start - 1 : h.start + 1]):
            return h  # (妈妈应美华在…, 联系了应爸爸: after kin or before a title 应 is the surname; not 答应妈妈)
        return NameHit(h.start + 1, h.end, token[1:])
    return h


# What read as a name but is none, whatever pass found it (find_people drops these last).
_CLAUSE_WORDS = tuple(anon_name_words.LEFT_WORDS[: anon_name_words.LEFT_WORDS.index("同桌")])  # 后来, 于是, 当时 …


def _adverb_verb(text: str, h: NameHit) -> bool:
    """先写名字、再写学号: an adverb that is also a surname, then a verb of an errand, is no name."""
    # (孩子的事全听老师安排: 全 “all” as well)
    first, verb = text[h.start], text[h.start + 1 : h.start + 2]
    if text.startswith(_CLAUSE_WORDS, h.start) and h.end - h.start == 3:
        return True  # 妈妈后来发微信: 后来 “later”, not the surname 后 and a given name 来发
    return (
        h.end - h.start == 2
        and (first in anon_names.ADVERB_CHARS or first == "全")
        and (verb in _ERRAND_VERBS or verb in "听看想")
    )


def _no_given_name(text: str, h: NameHit) -> bool:
    """写了张贺卡: a measure word after 了, then a word, is what was counted; 西藏班高二的学生: a year
    of school after the “surname” is no given name."""
    rest = text[h.start + 1 : h.end]
    if (
        rest in _SCHOOL_YEARS
        or text[h.start : h.end] in _SCHOOL_YEARS
        or rest in ("家里", "家中")
        or (text[h.start] in "这那哪每" and rest[:1] == "一")
    ):
        return True  # (骗家里说: the family at home, no 钱 the surname and a 家里; 爸爸那一格: “that one”)
    if rest in ("学妹", "学弟", "学姐", "学长", "同学") and text[h.start] in anon_names.FUNCTION_CHARS:
        return True  # 西藏班学妹: the class's younger pupils (班 is a surname only before a name)
    if text[h.start - 1 : h.start] != "了" or text[h.start] not in anon_names._MEASURES:
        return False  # (speed: no measure word counted, asked before the tables are)
    # (见到了张建华, 请了包老师: a known given name or a title after the surname is a person)
    t = anon_names.tables()
    return _is_word(t, rest) and rest not in t.pairs and rest not in anon_names._ROLE_SET


_SCHOOL_YEARS = frozenset("预备 初一 初二 初三 初四 高一 高二 高三".split())


def _when_clause(text: str, h: NameHit) -> bool:
    """晚上查房时，…: a verb's object and 时 before a comma is “when …”, not a surname and a name."""
    return h.end - h.start == 2 and text[h.start + 1] in "时后前" and text[h.end : h.end + 1] in ("，", ",", "。")


def _pseudonym_at(text: str, i: int) -> bool:
    """学生乙刚从…转来, 学生丁家住在…: 乙 after a role is the pseudonym, whatever reading starts
    there (刚 is “just”); so is 丁 before 家 (学生丁一 may be a pupil called 丁一)."""
    placeholder = text[i] in anon_names.PLACEHOLDERS or text[i : i + 2] == "丁家"
    titled = text.startswith(anon_names.ROLE_WORDS, i + 1)  # (钢琴老师辛老师说: with a title, the surname)
    return placeholder and not titled and text.endswith(anon_names._PLACEHOLDER_ROLES, 0, i)


def _animal_called(text: str, i: int) -> bool:
    """那只叫夏洛的蜘蛛, 一条叫旺财的狗: what an animal's measure word counts is no person."""
    return text[i - 1 : i] == "叫" and text[i - 2 : i - 1] in "只条头匹" and i >= 2


# Nouns that begin with a verb of speech: 卫生问题, 一个笑话 (no one asks or laughs there).
_VERB_NOUNS = ("问题", "笑话", "答案", "说明", "说法", "哭声", "笑声", "喊声", "回答问题")
_NAME_WORDS = frozenset("小名 大名 名字 全名 真名 外号 绰号 昵称 乳名 网名 中文名 英文名".split())


_LABELS = ("外号", "绰号")  # (a child's 小名 or 乳名 is often an everyday word right after it: 小名小米)


def _everyday(t: NameTables, word: str) -> bool:
    return _is_word(t, word) and word not in t.jieba_names


def _done(t: NameTables, called: str) -> bool:
    """嘲笑, 开玩笑: an everyday word, or a verb and one (小太阳, 宫老头: 小 or a surname opens a nickname)."""
    if _everyday(t, called):
        return True
    return len(called) == 3 and called[0] not in "小老大阿" and called[0] not in t.surnames and _everyday(t, called[1:])


def _no_nickname(t: NameTables, text: str, start: int, called: str) -> bool:
    """What follows 叫他, 外号 … (at ``start``) and is no nickname: 起外号怎么办, 外号是否伤人, 外号会伤人 (a
    question or a modal), 叫他回座位 (an errand), 再叫他一次 (how often), 处理外号问题 (a noun),
    习惯叫他小名 (the word for a name), 把“外号盒子”做成… (a quoted term)."""
    return (
        called in ROLE_NOUNS
        or called[0] in anon_names.STOP
        or called[0] in _ERRAND_VERBS
        or called[-1] in "读诵答背"  # 叫他朗读, 叫她背诵: what is asked of a pupil in class
        or called[-1] in "了吗呢吧啊呀"  # 愿意叫他叔叔了: a particle ends the clause, no nickname has one
        or called[0] in "怎什哪谁几否会能该可应使要太很挺"
        or called[1:2] in "次遍声下回趟"
        or (called[0] in "小老大" and called[1:] in ROLE_NOUNS)  # 叫他“小师傅”: a role, made small or old
        or called.startswith(("本身", "自身", "之类", "以外", "之外", "而已"))  # 外号本身: the thing itself
        or called in _VERB_NOUNS
        or called in _NAME_WORDS
        or (start > 0 and text[start - 1] in "“「")
        # 被起外号嘲笑, 拿他的外号开玩笑: right after the label, with no 叫, 是 or quote, what was done (外号乔治
        # is a name: jieba counts the word as one; 外号伤人时: the word, then 时)
        or (text.startswith(called, start + 2) and text.startswith(_LABELS, start) and _done(t, called))
        or (
            text.startswith(_LABELS, start)
            and called[2:] in ("时", "了")
            and _everyday(t, called[:2])
            and not _han(text[start + 5 : start + 6])
        )
    )
