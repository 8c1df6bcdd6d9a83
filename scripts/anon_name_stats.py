#!/usr/bin/env python3
"""从结巴分词（jieba 0.42.1，MIT 许可）的词典 dict.txt 和 mingzi 1.2.3（MIT 许可）的
名字用字表编制匿名化检查用的名字统计：

- data/anon_given_chars.tsv：每个汉字在结巴词典的姓名中作名字用字（姓之后）的次数、
  在常用词中出现的次数、是否在 mingzi 的常用名字用字表中；
- data/anon_given_pairs.txt：出现在至少两个三字姓名中的双字名（如 秀英、志强），以及 mingzi 的双字名；
- data/anon_words.txt：常用词（词频 ≥ 100）：全部双字词，以及含姓氏字的三、四字词，
  用来避免把“高兴”“白天”“许多”等普通词当成人名；另有含姓氏字的四字词和以姓氏字开头、
  结巴没有标为人名的三字词（词频 ≥ 10，如“古尔邦节”“春花秋月”“马赛克”），以及以姓氏字结尾的
  双字词和以姓氏字开头的动词（词频 ≥ 30，如“车费”“课余”“涂改”），以及开头两字相同的四字词
  （不论词频，如“熊熊燃烧”“婷婷玉立”），免得把其中的字当成姓名。

结巴的人名标注（nr）只用作统计名字用字的来源，检查本身不依赖它。
用法：.venv/bin/python scripts/anon_name_stats.py [--check]
--check 只检查 data/ 中的文件是否与重新编制的结果一致。
退出码：0 正常；1 文件过期；2 用法错误。
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from macros.core.cli import ChineseParser

ROOT = Path(__file__).resolve().parent.parent

COMMON_FREQ = 100
LONG_FREQ = 10  # rarer three- and four-character words (see build) are kept from this count on
LEFT_FREQ = 30  # rarer two-character words ending in a surname are kept from this count on
PAIR_MIN = 2
HEADER = (
    "# 由 scripts/anon_name_stats.py 从结巴分词 0.42.1 的 dict.txt（MIT 许可，https://github.com/fxsjy/jieba）\n"
    "# 和 mingzi 1.2.3 的 data.json（MIT 许可，https://pypi.org/project/mingzi/）编制，请勿手改。\n"
)


def jieba_dir() -> Path:
    """Where jieba's dictionary is, without importing jieba (its import alone takes 80 ms)."""
    from importlib.util import find_spec

    spec = find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("jieba")
    return Path(next(iter(spec.submodule_search_locations)))


def _surnames() -> tuple[set[str], set[str]]:
    single, compound = set(), set()
    for line in (ROOT / "data" / "anon_surnames.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        for item in line.split():
            (single if len(item) == 1 else compound).add(item)
    return single, compound


def _mingzi() -> tuple[set[str], set[str]]:
    import json
    from importlib.resources import files

    data = json.loads(files("mingzi").joinpath("data.json").read_text(encoding="utf-8"))
    return set(data["male_single"]) | set(data["female_single"]), set(data["male_double"]) | set(data["female_double"])


def _doubled_opening(w: str) -> bool:
    return len(w) == 4 and w[0] == w[1] and w[2] != w[3] and all("\u4e00" <= ch <= "\u9fff" for ch in w)


def build() -> dict[str, str]:
    single, compound = _surnames()
    mingzi_chars, mingzi_pairs = _mingzi()
    words: dict[str, tuple[int, str]] = {}
    for line in (jieba_dir() / "dict.txt").read_text(encoding="utf-8").splitlines():
        word, freq, tag = line.split(" ")
        words[word] = (int(freq), tag)
    given: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    for word, (_freq, tag) in words.items():
        if not tag.startswith("nr") or not all("\u4e00" <= ch <= "\u9fff" for ch in word):
            continue
        if len(word) == 3 and word[0] in single:
            given.update(word[1:])
            pairs[word[1:]] += 1
        elif len(word) == 4 and word[:2] in compound:
            given.update(word[2:])
            pairs[word[2:]] += 1
        elif len(word) == 2 and word[0] in single:
            given[word[1]] += 1
    common = {w for w, (f, _t) in words.items() if 2 <= len(w) <= 4 and f >= COMMON_FREQ}
    in_words: Counter[str] = Counter(ch for w in common for ch in set(w))
    chars = {ch for ch in given if "\u4e00" <= ch <= "\u9fff"} | mingzi_chars
    rows = [f"{ch}\t{given[ch]}\t{in_words[ch]}\t{int(ch in mingzi_chars)}" for ch in sorted(chars)]
    known_pairs = sorted({p for p, n in pairs.items() if n >= PAIR_MIN} | mingzi_pairs)
    name_chars = single | {ch for c in compound for ch in c}

    def kept_word(w: str) -> bool:  # every two-character word: a given name alone is judged against them all
        return len(w) == 2 or not name_chars.isdisjoint(w) or _doubled_opening(w)

    def rarer_word(w: str, tag: str) -> bool:
        """古尔邦节, 春花秋月: four-character words with a surname character, so that no name is read
        in them; 马赛克: three characters opening with a surname that jieba does not tag as a name."""
        if len(w) == 4:
            return not name_chars.isdisjoint(w)
        return len(w) == 3 and w[0] in single and not tag.startswith("nr")

    rarer = {w for w, (f, tag) in words.items() if f >= LONG_FREQ and rarer_word(w, tag)}
    # 车费贵, 课余承担: two-character words ending in a surname, so that no name starts inside them
    rarer |= {w for w, (f, _tag) in words.items() if len(w) == 2 and f >= LEFT_FREQ and w[1] in single}
    # ，涂改的痕迹: rarer verbs opening with a surname, so that no one-character given name is
    # read in them (jieba tags them v; adjectives such as 卓然 are given names too)
    # (小H把琴谱锁进柜子: rarer nouns too, jieba's n; from LONG_FREQ on since 2026-12-07, when 班会才
    # and 房卡 showed the rarer ones matter too, and no development set lost a name by it)
    rarer |= {
        w for w, (f, tag) in words.items() if len(w) == 2 and f >= LONG_FREQ and w[0] in single and (tag[:1] == "v" or tag == "n")
    }
    # 熊熊燃烧, 婷婷玉立: four-character words opening with a doubled character, however rare (jieba
    # counts these 3 times), so that no doubled nickname is read at their start
    rarer |= {w for w in words if _doubled_opening(w)}
    kept = sorted(w for w in common | rarer if kept_word(w))
    return {
        "anon_given_chars.tsv": HEADER
        + "# 字\t作名字用字的次数\t含该字的常用词数\t是否在 mingzi 名字用字表中\n"
        + "\n".join(rows)
        + "\n",
        "anon_given_pairs.txt": HEADER + "\n".join(known_pairs) + "\n",
        "anon_words.txt": HEADER
        + "# 词 词频 [nr：结巴标为人名]\n"
        + "\n".join(f"{w} {words[w][0]}" + (" nr" if words[w][1].startswith("nr") else "") for w in kept)
        + "\n",
    }


def main(argv: list[str] | None = None) -> int:
    parser = ChineseParser(
        prog="anon_name_stats.py",
        description="从结巴分词的词典编制匿名化检查用的名字用字统计和常用词表（写入 data/）。",
        epilog="退出码：0 正常；1 文件过期；2 用法错误。",
    )
    parser.add_argument("--check", action="store_true", help="只检查 data/ 中的文件是否为最新")
    args = parser.parse_args(argv)
    stale = []
    for name, text in build().items():
        path = ROOT / "data" / name
        if args.check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"已写入 data/{name}（{text.count(chr(10))} 行）")
    for name in stale:
        print(f"data/{name}:1:1: error: 文件已过期，请运行 .venv/bin/python scripts/anon_name_stats.py", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
