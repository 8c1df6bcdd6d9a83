"""The anonymisation gate: identifying details in case texts, as pure functions.

:func:`find_identifiers` scans a text and returns :class:`Finding` objects,
each with a stable rule id (``CASE-ANON-*``, documented in
``docs/about/anonymisation.md``). :func:`check_text` turns findings into
``path:line:col`` problems for a Markdown file, honouring the case's declared
``pseudonyms`` (names the text may use) and ``reviewed_terms`` (flagged terms a
reviewer accepted as false positives). Nothing is silently ignored: a reviewed
term that no longer matches anything is reported too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from macros.build import cache as buildcache
from macros.build.pool import WorkerPool
from macros.casebook import postag
from macros.core import config
from macros.core.markdown import line_col
from macros.core.problems import Problem

RULES: dict[str, str] = {
    "CASE-ANON-PHONE": "疑似电话号码（手机或座机）",
    "CASE-ANON-IDCARD": "疑似 18 位居民身份证号（校验位有效）",
    "CASE-ANON-EMAIL": "疑似电子邮箱地址",
    "CASE-ANON-QQ": "疑似 QQ 号",
    "CASE-ANON-WECHAT": "疑似微信号",
    "CASE-ANON-BIRTHDATE": "疑似具体出生日期",
    "CASE-ANON-ADDRESS": "疑似具体住址（…路…号、…弄…室等）",
    "CASE-ANON-SCHOOL": "疑似具体学校或班级名称",
    "CASE-ANON-NAME": "疑似真实人名",
}

ADVICE = {
    "CASE-ANON-NAME": "请改用化名（如 小A、学生甲）并在 pseudonyms 中声明",
    "CASE-ANON-SCHOOL": "请改用“某中学”“A校”“某班”等泛称",
}
DEFAULT_ADVICE = "请删除或改写"
REVIEW_HINT = "确属误报时，经审核后写入 reviewed_terms"

USERDICT = Path(__file__).resolve().parents[2] / "data" / "search_userdict.txt"
ANON_USERDICT = Path(__file__).resolve().parents[2] / "data" / "anon_userdict.txt"


@dataclass(frozen=True, order=True)
class Finding:
    start: int  # character offset in the scanned text
    end: int
    rule: str
    term: str

    @property
    def message(self) -> str:
        advice = ADVICE.get(self.rule, DEFAULT_ADVICE)
        return f"{RULES[self.rule]}：“{self.term}”。{advice}；{REVIEW_HINT}"


# -- digits and contact details -------------------------------------------------

_MOBILE = re.compile(r"(?<![\d.])(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2}(?![\d])")
_LANDLINE = re.compile(r"(?<![\d])(?:[(（]0\d{2,3}[)）]\s?|0\d{2,3}-)[2-9]\d{2,3}[-\s]?\d{4}(?:-\d{1,4})?(?![\d])")
_LOCAL_NUMBER = re.compile(
    r"(?:电话|座机|热线|手机|致电|拨打|联系方式|号码)[^\d\n。；]{0,6}?(?<!\d)([2-9]\d{3}[-\s]?\d{4})(?!\d)"
)
_IDCARD = re.compile(r"(?<![\dA-Za-z])(\d{6})\s?(\d{8})\s?(\d{3}[\dXx])(?![\dA-Za-z])")
_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*\s?[@＠]\s?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
)
_QQ = re.compile(r"(?i)(?<![A-Za-z])(?:QQ|扣扣|企鹅)\s*(?:号码|号)?\s*[:：是为]?\s*(?<!\d)([1-9]\d{4,10})(?!\d)")
_WECHAT = re.compile(
    r"(?i)(?:微信|weixin|wechat|V信|(?<![A-Za-z])vx|(?<![A-Za-z])wx(?!id_))\s*(?:号|id)?\s*[:：是为]?\s*"
    r"([A-Za-z][-_A-Za-z0-9]{5,19})(?![-_A-Za-z0-9])"
)
_WXID = re.compile(r"(?i)(?<![A-Za-z0-9])wxid_[A-Za-z0-9]{6,}")

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def id_check_digit_ok(number: str) -> bool:
    """GB 11643 check digit of an 18-character resident ID number."""
    if len(number) != 18 or not number[:17].isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11] == number[17].upper()


def _plausible_birth(yyyymmdd: str) -> bool:
    year, month, day = int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:])
    return 1900 <= year <= 2099 and 1 <= month <= 12 and 1 <= day <= 31


def _find_idcards(text: str) -> Iterable[Finding]:
    for m in _IDCARD.finditer(text):
        number = "".join(m.groups())
        if _plausible_birth(m.group(2)) and id_check_digit_ok(number):
            yield Finding(m.start(), m.end(), "CASE-ANON-IDCARD", m.group(0))


def _find_phones(text: str) -> Iterable[Finding]:
    for pattern in (_MOBILE, _LANDLINE):
        for m in pattern.finditer(text):
            yield Finding(m.start(), m.end(), "CASE-ANON-PHONE", m.group(0))
    for m in _LOCAL_NUMBER.finditer(text):
        yield Finding(m.start(1), m.end(1), "CASE-ANON-PHONE", m.group(1))


def _find_simple(text: str) -> Iterable[Finding]:
    for m in _EMAIL.finditer(text):
        yield Finding(m.start(), m.end(), "CASE-ANON-EMAIL", m.group(0))
    for m in _QQ.finditer(text):
        yield Finding(m.start(1), m.end(1), "CASE-ANON-QQ", m.group(1))
    for m in _WECHAT.finditer(text):
        yield Finding(m.start(1), m.end(1), "CASE-ANON-WECHAT", m.group(1))
    for m in _WXID.finditer(text):
        yield Finding(m.start(), m.end(), "CASE-ANON-WECHAT", m.group(0))


# -- dates of birth -------------------------------------------------------------

_CN_DIGIT = "〇零一二三四五六七八九"
_FULL_DATE = (
    r"(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]"
    r"|(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}"
    rf"|[{_CN_DIGIT}]{{4}}年[一二三四五六七八九十]{{1,2}}月[一二三四五六七八九十]{{1,3}}[日号])"
)
_MONTH_DAY = r"(?:\d{1,2}\s*月\s*\d{1,2}\s*[日号]|[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}[日号])"
_BIRTH_BEFORE = re.compile(
    rf"(?:出生日期|出生年月日|出生于|出生在|生于|生日|出生)\s*(?:是|为|在|于)?\s*[:：]?\s*({_FULL_DATE}|{_MONTH_DAY})"
)
_BIRTH_AFTER = re.compile(rf"({_FULL_DATE})\s*(?:出生|生人|诞生|生日)")
_BIRTHDAY_AFTER = re.compile(rf"({_MONTH_DAY})[^，。；,;\n]{{0,6}}?生日")


def _find_birthdates(text: str) -> Iterable[Finding]:
    for pattern in (_BIRTH_BEFORE, _BIRTH_AFTER, _BIRTHDAY_AFTER):
        for m in pattern.finditer(text):
            yield Finding(m.start(1), m.end(1), "CASE-ANON-BIRTHDATE", m.group(1))


# -- street addresses -------------------------------------------------------------

_NUM = r"[0-9０-９一二三四五六七八九十百零〇]+"
_ADDRESS = re.compile(
    rf"(?:(?:路|街|大道|公路|巷|大街)\s*{_NUM}\s*(?:弄\s*{_NUM}\s*)?号(?:\s*{_NUM}\s*(?:号楼|幢|栋|座))?(?:\s*{_NUM}\s*室)?"
    rf"|(?<![0-9０-９])\d{{1,5}}\s*弄(?:\s*{_NUM}\s*(?:号|支弄))?(?:\s*{_NUM}\s*室)?"
    rf"|(?:小区|新村|花园|公寓|村)\s*{_NUM}\s*(?:号楼|幢|栋|号)(?:\s*{_NUM}\s*室)?"
    rf"|(?<![0-9０-９])\d{{1,4}}\s*号(?:楼)?\s*\d{{2,4}}\s*室)"
)
# Characters that end a street name when looking back from "路": verbs and particles.
_ADDRESS_STOP = set("在住于到是的了和与从往近靠位搬家去向离为有，。；：、 \n（(")
_ADDRESS_BACK = 8


def _find_addresses(text: str) -> Iterable[Finding]:
    for m in _ADDRESS.finditer(text):
        start = m.start()
        while (
            not m.group(0)[0].isdigit()
            and start > 0
            and m.start() - start < _ADDRESS_BACK
            and "\u4e00" <= text[start - 1] <= "\u9fff"
        ):
            if text[start - 1] in _ADDRESS_STOP:
                break
            start -= 1
        if text[start : m.start()].startswith("某") or text[start : m.start()] in ("某", "某某"):
            continue
        yield Finding(start, m.end(), "CASE-ANON-ADDRESS", text[start : m.end()])


# -- jieba: schools and names -------------------------------------------------------

SCHOOL_SUFFIXES = ("初级中学", "高级中学", "实验学校", "外国语学校", "中学", "小学", "附中", "附小", "幼儿园", "学校")
# Words before a school suffix that make it generic: 某中学, 各学校, 全市中小学.
GENERIC_SCHOOL_PREFIX = set(
    "全市 全区 本市 本区 全国 各 各个 各级 某 某所 本 本校 该 该校 这 这所 那 那所 一所 每所 多所 几所 所 所在 其他 其它 别的 "
    "普通 公办 民办 寄宿制 九年一贯制 完全 初级 高级 重点 实验 附属 市级 区级 区属 市属 农村 城区 郊区 我们 你们 他们 "
    "我 你 他 她 对口 同一 不同 新 原 就读于 就读 进入 考入 升入 转入 一般 当地 周边 附近 多数 大多数 部分 全体 所有 "
    "普通高中 高中 初中 中职 孩子 学生 儿子 女儿 家长 老师 同学 读 上 中 大中 大中小 中小 试点 示范 特殊教育 特教 职业 民族 国际 双语 区 市 县 镇 乡 街道 城市 公立 私立 优质 薄弱 中心".split()
)
# Tokens that are never a school name themselves, and need a proper-noun prefix to become one.
ALWAYS_GENERIC = {"中小学", "大中小学", "中小学校", "小学校", "中学校", "中小学生"}
GENERIC_SCHOOL_WORDS = {"附属中学", "附属小学", "实验中学", "实验小学"}
_PREFIX_POS_STOP = ("v", "p", "r", "m", "q", "c", "u", "d", "f", "y", "e", "o", "t", "x", "a", "b", "z", "s")
_CLASS = re.compile(
    r"(?:初[一二三四]|高[一二三]|[一二三四五六七八九]年级|[1-9]年级|预初)\s*"
    r"(?:[（(]\s*[0-9０-９一二三四五六七八九十]{1,2}\s*[）)]|[0-9０-９一二三四五六七八九十]{1,2})\s*班"
)

# Common surnames (single and compound). Characters that are far more often
# ordinary words (和, 向, 于, 高, 全 …) are left out to keep false positives down.
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾萧肖蔡潘田董袁余叶蒋杜苏魏程吕丁沈任姚卢姜崔钟谭陆汪范金"
    "石廖贾夏韦付方邹熊孟秦邱侯江尹薛闫段雷黎史龙陶贺顾毛郝龚邵万钱严覃武戴莫孔汤易常葛康伍乔施牛温芦庞俞甘祝倪柳殷"
)
COMPOUND_SURNAMES = {"欧阳", "司马", "诸葛", "上官", "皇甫", "令狐", "慕容", "司徒", "尉迟", "宇文"}
ROLE_WORDS = {
    "老师",
    "同学",
    "校长",
    "主任",
    "书记",
    "妈妈",
    "爸爸",
    "奶奶",
    "爷爷",
    "外婆",
    "外公",
    "阿姨",
    "叔叔",
    "女士",
    "先生",
    "医生",
    "导师",
    "教练",
}


def _has_surname(word: str) -> bool:
    if word[:2] in COMPOUND_SURNAMES:
        return True
    if word[0] in "小老阿" and len(word) >= 2 and word[1] in SURNAMES:
        return True
    return word[0] in SURNAMES


def _is_han(text: str) -> bool:
    return bool(text) and all("\u4e00" <= ch <= "\u9fff" for ch in text)


@lru_cache(maxsize=1)
def _tokenizer() -> postag.Tagger | postag.JiebaTagger:
    return postag.tagger((USERDICT, ANON_USERDICT))


# Only blocks (what jieba tags as a unit: a run of Han characters, letters and
# digits) that can hold a finding are tagged. A name token contains a surname
# next to another Han character (张伟, 小王, 钱老师) or a compound surname; a
# school token ends with one of the suffixes, all of which contain these words.
_SCHOOL_CORES = ("中学", "小学", "附中", "附小", "幼儿园", "学校")
_SURNAME_CLASS = "".join(sorted(SURNAMES))
_TRIGGER = re.compile(
    "|".join(
        [
            f"[{_SURNAME_CLASS}][\u4e00-\u9fd5]",
            f"[小老阿][{_SURNAME_CLASS}]",
            *sorted(COMPOUND_SURNAMES),
            *_SCHOOL_CORES,
        ]
    )
)


_NAME_CHARS = frozenset(SURNAMES).union(*COMPOUND_SURNAMES)


def _hmm_for_names(run: str, before: str) -> bool:
    """Whether jieba's HMM words for ``run`` (characters that are no dictionary word,
    between dictionary words) can change a name finding: only if they can hold a
    surname, or follow a compound surname (the given name after 欧阳). Elsewhere the
    tokens next to a run are dictionary words, which the name rules never judge by
    their neighbours."""
    return before in COMPOUND_SURNAMES or not _NAME_CHARS.isdisjoint(run)


def tagged_blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) of every jieba block of ``text`` that can hold a name or school finding."""
    return [m.span() for m in postag.BLOCK.finditer(text) if _TRIGGER.search(m.group(0))]


def _tokens(text: str) -> list[tuple[int, str, str]]:
    """(offset, word, part of speech) for the jieba tokens of the blocks that matter.

    jieba tags each block on its own, and the finders below look at most one
    token across a block's edge, where jieba has a one-character token of the
    separator (tag "x"): so each tagged block comes with the characters just
    before and after it, and the findings are those of tagging the whole text.
    """
    blocks = tagged_blocks(text)
    if blocks:
        _tokenizer().prepare((text[start:end] for start, end in blocks), hmm=False)
    out: list[tuple[int, str, str]] = []
    last_end = 0  # end of the text covered by ``out``
    for start, end in blocks:
        if start > last_end:
            out.append((start - 1, text[start - 1], "x"))
        pos = start
        block = text[start:end]
        # School names take in place-name tokens before the suffix: whole HMM for those blocks.
        hmm = None if any(core in block for core in _SCHOOL_CORES) else _hmm_for_names
        for word, flag in _tokenizer().cut_block(block, hmm):
            out.append((pos, word, flag))
            pos += len(word)
        last_end = end
        if end < len(text):
            out.append((end, text[end], "x"))
            last_end = end + 1
    return out


def _school_prefix_ok(word: str, flag: str) -> bool:
    """True if the token before a school suffix looks like a proper noun."""
    if not _is_han(word) or word in GENERIC_SCHOOL_PREFIX:
        return False
    return not flag.startswith(_PREFIX_POS_STOP)


def _find_schools(text: str, tokens: list[tuple[int, str, str]]) -> Iterable[Finding]:
    for m in _CLASS.finditer(text):
        yield Finding(m.start(), m.end(), "CASE-ANON-SCHOOL", m.group(0))
    for i, (start, word, _flag) in enumerate(tokens):
        suffix = next((s for s in SCHOOL_SUFFIXES if word.endswith(s)), None)
        if suffix is None or word in ALWAYS_GENERIC or (word in GENERIC_SCHOOL_WORDS and i == 0):
            continue
        if word != suffix and word not in GENERIC_SCHOOL_WORDS:
            own_prefix = word[: -len(suffix)]
            if own_prefix in GENERIC_SCHOOL_PREFIX or not _is_han(own_prefix) or own_prefix.endswith(("中", "小")):
                continue
            name_start = start
            j = i - 1
        else:
            if i == 0 or not _school_prefix_ok(tokens[i - 1][1], tokens[i - 1][2]):
                continue
            if suffix == "学校" and not tokens[i - 1][2].startswith(("ns", "nr", "nz", "nt")):
                continue  # 学校 alone is generic unless after a place or proper name
            name_start = tokens[i - 1][0]
            j = i - 2
        # Take in a place name or ordinal before it: 上海市 / 浦东新区 / 第二
        while j >= 0 and tokens[j][2].startswith(("ns", "nt")) and _is_han(tokens[j][1]):
            name_start = tokens[j][0]
            j -= 1
        yield Finding(name_start, start + len(word), "CASE-ANON-SCHOOL", text[name_start : start + len(word)])
    for m in re.finditer(r"第[一二三四五六七八九十0-9]{1,3}(?:中学|小学|初级中学|高级中学)", text):
        yield Finding(m.start(), m.end(), "CASE-ANON-SCHOOL", m.group(0))


def _find_names(text: str, tokens: list[tuple[int, str, str]]) -> Iterable[Finding]:
    for i, (start, word, flag) in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if word in COMPOUND_SURNAMES and nxt and len(nxt[1]) <= 2 and _is_han(nxt[1]):
            yield Finding(start, nxt[0] + len(nxt[1]), "CASE-ANON-NAME", word + nxt[1])
        elif flag.startswith("nr") and 2 <= len(word) <= 3 and _is_han(word) and _has_surname(word):
            yield Finding(start, start + len(word), "CASE-ANON-NAME", word)
        elif len(word) == 1 and word in SURNAMES and nxt and nxt[1] in ROLE_WORDS:
            prev = tokens[i - 1][1] if i else ""
            if prev and _is_han(prev[-1]) and prev not in ROLE_WORDS and tokens[i - 1][2] not in ("n", "uj", "p", "c", "v"):
                continue
            yield Finding(start, nxt[0] + len(nxt[1]), "CASE-ANON-NAME", word + nxt[1])


# -- the scan ---------------------------------------------------------------------

# When two findings overlap, the more specific rule wins.
_PRIORITY = [
    "CASE-ANON-IDCARD",
    "CASE-ANON-EMAIL",
    "CASE-ANON-PHONE",
    "CASE-ANON-QQ",
    "CASE-ANON-WECHAT",
    "CASE-ANON-BIRTHDATE",
    "CASE-ANON-ADDRESS",
    "CASE-ANON-SCHOOL",
    "CASE-ANON-NAME",
]


def _mask(text: str, terms: Iterable[str]) -> str:
    """Blank out declared terms (same length, so offsets stay valid)."""
    for term in sorted({t for t in terms if t}, key=len, reverse=True):
        text = text.replace(term, "\u3000" * len(term))
    return text


def _masked(text: str, pseudonyms: list[str]) -> str:
    return _mask(text, pseudonym_forms(pseudonyms))


def pseudonym_forms(pseudonyms: Iterable[str]) -> list[str]:
    """Declared pseudonyms and their bare form: “小明（化名）” also declares “小明”."""
    forms = []
    for name in pseudonyms:
        name = str(name).strip()
        forms.append(name)
        bare = re.sub(r"[（(]\s*化名\s*[)）]$", "", name).strip()
        if bare and bare != name:
            forms.append(bare)
    return forms


def find_identifiers(text: str, pseudonyms: Iterable[str] = ()) -> list[Finding]:
    """Every identifying detail in ``text``, at most one finding per span.

    Reused across builds when the text, the pseudonyms, this module and its
    dictionaries are the same (:mod:`macros.build.cache`): jieba tagging is slow.
    """
    names = [str(p) for p in pseudonyms]
    memo = buildcache.memo("anonymise", _version())
    return buildcache.cached(memo, "\n".join(names) + "\0" + text, lambda: _find_identifiers(text, names))


# Tagging costs ~1.5 ms a case: below a couple of hundred, worker processes cost more than they save.
PARALLEL_MIN_CASES = config.MACHINERY.anonymise_min_parallel


def prefetch(texts: list[tuple[str, Iterable[str]]], workers: int | None = None, min_parallel: int = PARALLEL_MIN_CASES) -> int:
    """Compute :func:`find_identifiers` for every (text, pseudonyms) not yet in the cache,
    in parallel worker processes when there are at least ``min_parallel`` (a cold
    city-scale build has hundreds of cases). Loads what tagging all of them needs
    in one go either way. Returns how many were computed in parallel."""
    memo = buildcache.memo("anonymise", _version())
    missing: dict[str, tuple[str, list[str]]] = {}
    for text, pseudonyms in texts:
        names = [str(p) for p in pseudonyms]
        key = buildcache.fingerprint("\n".join(names) + "\0" + text)
        if key not in memo.entries:
            missing[key] = (text, names)
    blocks = [text[s:e] for text, names in missing.values() for s, e in tagged_blocks(_masked(text, names))]
    if blocks:  # what tagging all these texts needs, loaded at once (and shared by forked workers)
        _tokenizer().prepare(blocks)
    items = list(missing.items())
    with WorkerPool(workers or config.workers(), items=len(items), min_items=max(2, min_parallel)) as pool:
        if not pool.forked:
            return 0  # computed one by one, as the checks ask
        results = pool.map(_find_pair, [pair for _, pair in items])
        for (key, _), found in zip(items, results, strict=True):
            memo.put(key, found)
    return len(items)


def _find_pair(pair: tuple[str, list[str]]) -> list[Finding]:
    return _find_identifiers(*pair)


@lru_cache(maxsize=1)
def _version() -> str:
    from importlib.metadata import version

    return buildcache.fingerprint(Path(__file__), Path(postag.__file__), USERDICT, ANON_USERDICT, version("jieba"))


def _find_identifiers(text: str, pseudonyms: list[str]) -> list[Finding]:
    found: list[Finding] = []
    found += _find_idcards(text)
    found += _find_phones(text)
    found += _find_simple(text)
    found += _find_birthdates(text)
    found += _find_addresses(text)
    masked = _masked(text, pseudonyms)
    tokens = _tokens(masked)
    found += _find_schools(masked, tokens)
    found += _find_names(masked, tokens)
    kept: list[Finding] = []
    for finding in sorted(found, key=lambda f: (_PRIORITY.index(f.rule), f.start, -f.end)):
        if any(finding.start < k.end and k.start < finding.end for k in kept):
            continue
        kept.append(finding)
    return sorted(kept)


def check_text(
    display: str,
    text: str,
    *,
    pseudonyms: Iterable[str] = (),
    reviewed_terms: Iterable[str] = (),
    severity: str = "error",
    skip_lines: Iterable[int] = (),
) -> tuple[list[Problem], list[str]]:
    """Problems for every finding in a file's full ``text`` (positions in that file).

    ``skip_lines`` (1-based) are not scanned: the front matter lines that declare
    pseudonyms and reviewed terms. A reviewed term accepts findings whose text is
    exactly that term. Returns the problems and the reviewed terms that
    matched nothing (stale entries, reported by the caller).
    """
    skip = set(skip_lines)
    reviewed = [str(t) for t in reviewed_terms]
    used: set[str] = set()
    problems: list[Problem] = []
    for finding in find_identifiers(text, pseudonyms):
        line, col = line_col(text, finding.start)
        if line in skip:
            continue
        if finding.term in reviewed:
            used.add(finding.term)
            continue
        problems.append(Problem(display, line, col, finding.message, severity=severity, rule=finding.rule))
    return problems, [t for t in reviewed if t not in used]


def warm_up() -> None:
    """Load the part-of-speech model now (``mkdocs serve`` does it in the background after
    the first build, so the first save of a case does not wait for it)."""
    _tokenizer()
