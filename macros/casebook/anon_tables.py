"""The word lists of the person detector (rule CASE-ANON-NAME), read once into one table.

:mod:`macros.casebook.anon_names` describes what each list in ``data/`` is for; this module only
reads them (again when one changes, under ``mkdocs serve``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from macros.build.reads import data_cache

DATA = Path(__file__).resolve().parents[2] / "data"
COMMON_FREQ = 100  # a word this frequent (jieba's count) is an ordinary word, not a name


@dataclass(frozen=True)
class NameTables:
    surnames: frozenset[str]
    compounds: frozenset[str]
    weak: frozenset[str]
    score: dict[str, float]
    pairs: frozenset[str]  # known given names: the compiled list and today's pupils' names (梓萌, 子航)
    words: dict[str, int]
    jieba_names: frozenset[str]  # common words jieba tags as names: 李娜 and 熊猫 alike
    veto: frozenset[str]
    figures: tuple[str, ...]
    places: frozenset[str]  # provinces, prefectures, Shanghai's districts: places wherever they stand
    minor_places: frozenset[str]  # other counties: places only where the text speaks of a place
    english: frozenset[str]  # English given names pupils go by (Lucas, Emily)
    parts: frozenset[str]  # parts of names without a surname (次仁, 卓玛; 阿依, 古丽; 巴图), two of which make a name
    joined_parts: frozenset[str]  # parts that are also words or places (乌云, 苏和): only right next to another part
    pinyin: frozenset[str]  # surnames in pinyin, the second word of an English full name (Kevin Chen)
    common: frozenset[str] = frozenset()  # the veto list and the words of COMMON_FREQ or more
    # rarer two-character words ending in a surname (车费, 课余), or verbs opening with one (涂改)
    left_words: frozenset[str] = frozenset()
    modern: frozenset[str] = frozenset()  # today's pupils' given names: typical wherever a name is looked for


def _items(name: str) -> list[str]:
    return _words((DATA / name).read_text(encoding="utf-8"))


def _words(text: str) -> list[str]:
    return [item for line in text.splitlines() if not line.startswith("#") for item in line.split()]


@data_cache  # made again when a word list changes (mkdocs serve)
def tables() -> NameTables:
    surnames = _items("anon_surnames.txt")
    score: dict[str, float] = {}
    for line in (DATA / "anon_given_chars.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        ch, given, in_words, mingzi = line.split("\t")
        value = int(given) / (int(given) + int(in_words) + 1)
        if mingzi == "1":  # in a list of given-name characters: sure when jieba has no word with it
            value = 0.8 if int(given) + int(in_words) == 0 else min(0.95, value + 0.2)
        score[ch] = value
    words: dict[str, int] = {}
    jieba_names: set[str] = set()
    left_words: set[str] = set()
    for line in (DATA / "anon_words.txt").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            word, freq, *tag = line.split(" ")
            if len(word) == 2 and int(freq) < COMMON_FREQ:
                left_words.add(word)  # only read as a word running into a surname from the left
                continue
            words[word] = int(freq)
            if tag:
                jieba_names.add(word)
    # The compiled lists come from dictionaries of older names; today's pupils are 梓萌 and 子航.
    modern = frozenset(_items("anon_modern_given.txt"))
    for ch in {c for name in modern for c in name} - score.keys():
        score[ch] = 0.8  # 骁, 汐: as a name character with no jieba word (see above)
    minority, _, joined_only = (DATA / "anon_minority_names.txt").read_text(encoding="utf-8").partition("\n# 只在连写时算")
    minority, joined = _words(minority), _words(joined_only)
    figures = sorted(set(_items("anon_figures.txt")), key=len, reverse=True)
    major, minor = (DATA / "anon_places.txt").read_text(encoding="utf-8").split("\n# 其他区县", 1)
    # (东方明珠 could be a child's name, 东方 + 明珠: a place only after 去, 到 …)
    landmarks, _, visited = (DATA / "anon_landmarks.txt").read_text(encoding="utf-8").partition("\n# 只在去、到之后算")
    places = frozenset(line for line in major.splitlines() if line and not line.startswith("#")) | frozenset(_words(landmarks))
    minor_places = frozenset(line for line in minor.splitlines()[1:] if line and not line.startswith("#")) | frozenset(
        _words(visited)
    )
    return NameTables(
        surnames=frozenset(s for s in surnames if len(s) == 1),
        compounds=frozenset(s for s in surnames if len(s) == 2),
        weak=frozenset(_items("anon_weak_surnames.txt")),
        score=score,
        pairs=frozenset(_items("anon_given_pairs.txt")) | modern,
        words=words,
        jieba_names=frozenset(jieba_names),
        veto=frozenset(_items("anon_name_veto.txt")),
        figures=tuple(figures),
        places=places,
        minor_places=minor_places,
        english=frozenset(_items("anon_english_names.txt")),
        parts=frozenset(_items("anon_tibetan_names.txt")) | frozenset(minority),
        joined_parts=frozenset(joined),
        pinyin=frozenset(_items("anon_pinyin_surnames.txt")),
        # one set lookup for “a common word”: the test runs some 300 times per 1,000 characters
        common=frozenset(_items("anon_name_veto.txt")) | frozenset(w for w, n in words.items() if n >= COMMON_FREQ),
        left_words=frozenset(left_words),
        modern=modern,
    )
