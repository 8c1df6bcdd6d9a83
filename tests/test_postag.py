"""The fast tagger (macros/postag.py) and the windowed tagging of the anonymisation gate
give exactly what jieba.posseg gives on the whole text: checked against jieba itself."""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

import pytest

from macros.casebook import anonymise, postag

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted((ROOT / "casebook").glob("*.md")) + sorted((ROOT / "tests/fixtures/anon_corpus").glob("*.md"))
USERDICTS = (anonymise.USERDICT, anonymise.ANON_USERDICT)


@pytest.fixture(scope="module")
def jieba_posseg():
    """The reference: jieba.posseg on a jieba.Tokenizer with the same user dictionaries."""
    return postag.JiebaTagger(USERDICTS).posseg


def full_tokens(posseg, text: str) -> list[tuple[int, str, str]]:
    """What the gate did before windowing: jieba.posseg over the whole text."""
    out, pos = [], 0
    for pair in posseg.cut(text, HMM=True):
        out.append((pos, pair.word, pair.flag))
        pos += len(pair.word)
    return out


def token_findings(text: str, tokens) -> list:
    return sorted([*anonymise._find_schools(text, tokens), *anonymise._find_names(text, tokens)])


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8-sig")


def test_lexicon_is_jiebas_dictionary(jieba_posseg) -> None:
    fast = postag.tagger(USERDICTS)
    assert isinstance(fast, postag.Tagger)
    tokenizer = jieba_posseg.tokenizer
    tokenizer.check_initialized()
    assert fast.lexicon.total == tokenizer.total
    lexicon = fast.lexicon
    firsts = iter(sorted({w[0] for w in tokenizer.FREQ}))
    while not lexicon.complete:  # partial loads, then the whole dictionary
        lexicon.ensure(next(firsts))
    assert {w: lexicon.count(w) for w in lexicon.entries if lexicon.count(w)} == {w: f for w, f in tokenizer.FREQ.items() if f}
    jieba_posseg.makesure_userdict_loaded()
    assert {w: lexicon.tag(w) for w in jieba_posseg.word_tag_tab} == jieba_posseg.word_tag_tab
    assert set(lexicon.entries) == set(jieba_posseg.word_tag_tab) | set(tokenizer.user_word_tag_tab)


def test_hmm_is_jiebas_model() -> None:
    import jieba.posseg

    model = (jieba.posseg.char_state_tab_P, jieba.posseg.start_P, jieba.posseg.trans_P, jieba.posseg.emit_P)
    assert postag._hmm() == model
    names = ("char_state_tab", "prob_start", "prob_trans", "prob_emit")
    assert tuple(postag._hmm_table(name, compiled=False) for name in names) == model  # the pickles


def test_known_dictionary_total_is_the_sum(tmp_path: Path) -> None:
    data = (postag.jieba_dir() / "dict.txt").read_bytes()
    summed = sum(int(line.split(" ")[1]) for line in data.decode("utf-8").splitlines() if line.strip())
    assert postag.dictionary_total(data) == summed
    assert hashlib.sha256(data).hexdigest() in postag.KNOWN_TOTALS, "update KNOWN_TOTALS for this jieba version"
    other = "谈心 3 n\n谈话 4 v\n".encode()
    assert postag.dictionary_total(other) == 7


def test_partial_loads_are_jiebas_entries(jieba_posseg) -> None:
    lexicon = postag.tagger(USERDICTS).lexicon
    tokenizer = jieba_posseg.tokenizer
    tokenizer.check_initialized()
    jieba_posseg.makesure_userdict_loaded()
    for chars in ("谈心", "导师学生", "家"):  # 谈心谈话 and 导师团 come from the user dictionary
        lexicon.ensure(chars)
        assert not lexicon.complete
        expected = {w for w, f in tokenizer.FREQ.items() if f and w[0] in lexicon.loaded}
        assert {w for w in lexicon.entries if lexicon.count(w)} == expected
        assert all(lexicon.count(w) == tokenizer.FREQ[w] for w in expected)
        assert all(lexicon.tag(w) == jieba_posseg.word_tag_tab.get(w, "x") for w in expected)
    assert lexicon.count("谈心谈话") == 100 and lexicon.tag("谈心谈话") == "n"


@pytest.mark.parametrize("path", TEXTS, ids=[p.stem for p in TEXTS])
def test_blocks_tagged_as_jieba_does(jieba_posseg, path: Path) -> None:
    fast = postag.tagger(USERDICTS)
    for m in postag.BLOCK.finditer(read(path)):
        block = m.group(0)
        assert fast.cut_block(block) == [(p.word, p.flag) for p in jieba_posseg.cut(block, HMM=True)], block


def test_fallback_without_frequencies(tmp_path: Path) -> None:
    userdict = tmp_path / "dict.txt"
    userdict.write_text("谈心谈话 100 n\n成长寄语\n", encoding="utf-8")
    assert postag.read_userdict(userdict) is None
    assert isinstance(postag.tagger((userdict,)), postag.JiebaTagger)
    userdict.write_text("\ufeff谈心谈话 100 n\n\n成长寄语 50\n", encoding="utf-8")
    assert postag.read_userdict(userdict) == [("谈心谈话", 100, "n"), ("成长寄语", 50, None)]


def _variants(text: str, rng: random.Random) -> list[str]:
    """The text, and copies with separators dropped or doubled (blocks merge and split)."""
    out = [text]
    for _ in range(3):
        chars = []
        for ch in text:
            if not postag.BLOCK.match(ch) and rng.random() < 0.3:
                chars.append("" if rng.random() < 0.5 else ch + ch)
            else:
                chars.append(ch)
        out.append("".join(chars))
    return out


@pytest.mark.parametrize("path", TEXTS, ids=[p.stem for p in TEXTS])
def test_windowed_findings_equal_whole_text(jieba_posseg, path: Path) -> None:
    rng = random.Random(path.stem)
    for text in _variants(read(path), rng):
        assert token_findings(text, anonymise._tokens(text)) == token_findings(text, full_tokens(jieba_posseg, text))


PIECES = (
    "张 王 李 钱 欧阳 司马 小 老 阿 伟 娜 明 华 老师 同学 妈妈 校长 主任 的 了 和 是 在 与 "
    "方法 常常 任务 周记 春晖 明珠 浦东新区 上海市 第二 中学 小学 学校 附中 幼儿园 实验 "
    "谈心谈话 导师 家访 孩子 A 3 ， 。 \n “ ” （ ） 、 ："
).split(" ")


def test_windowed_findings_equal_whole_text_on_random_text(jieba_posseg) -> None:
    """Random mixes of surnames, role words, school suffixes and separators: windowed
    tagging (with the HMM only where names can change) finds exactly what whole-text tagging finds."""
    rng = random.Random(7)
    flagged = 0
    for _ in range(400):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 14)))
        found = token_findings(text, anonymise._tokens(text))
        assert found == token_findings(text, full_tokens(jieba_posseg, text)), text
        flagged += bool(found)
    assert flagged > 50, "the mixes hold names and schools"


# (text, blocks that must be tagged, name and school findings)
WINDOWS = [
    ("张伟今天没来。", ["张伟今天没来"], ["张伟"]),  # at the start of the text
    ("今天没来的是张伟", ["今天没来的是张伟"], ["张伟"]),  # at the end
    ("会后\n张伟留下来。", ["张伟留下来"], ["张伟"]),  # after a line break
    ("会后，张伟\n留下来。", ["张伟"], ["张伟"]),  # before a line break
    ("“钱老师”说：", ["钱老师"], ["钱老师"]),  # between punctuation
    ("张伟和李娜一起来了。", ["张伟和李娜一起来了"], ["张伟", "李娜"]),  # two names, one block
    ("张伟，李娜", ["张伟", "李娜"], ["张伟", "李娜"]),  # two blocks, one separator
    ("我们换一个方法试试。", ["我们换一个方法试试"], []),  # 方 is a surname, 方法 is no name
    ("小王来了", ["小王来了"], ["小王"]),  # 小 + surname
    ("他叫小王", ["他叫小王"], []),  # 小 + surname at the end of a block: tagged, jieba does not call it nr
    ("我是老王", ["我是老王"], ["老王"]),  # 老 + surname at the end of the text
    ("张伟找王，老师李娜说", ["张伟找王", "老师李娜说"], ["张伟", "李娜"]),  # 王 and 老师 are in different blocks
    ("欧阳娜娜来了", ["欧阳娜娜来了"], ["欧阳娜娜"]),
    ("他转到了春晖中学。", ["他转到了春晖中学"], ["春晖中学"]),
    ("他在学校里。", ["他在学校里"], []),
    ("学生甲和学生乙谈心。", [], []),  # nothing to tag
    ("王", [], []),  # a lone surname
    ("", [], []),
]


@pytest.mark.parametrize("text,blocks,terms", WINDOWS, ids=[w[0] or "empty" for w in WINDOWS])
def test_windows(jieba_posseg, text: str, blocks: list[str], terms: list[str]) -> None:
    assert [text[s:e] for s, e in anonymise.tagged_blocks(text)] == blocks
    found = token_findings(text, anonymise._tokens(text))
    assert [f.term for f in found] == terms
    assert found == token_findings(text, full_tokens(jieba_posseg, text))


def test_prefetch_loads_the_dictionary_once_for_all_cases() -> None:
    """Below the parallel threshold, prefetch computes nothing but loads what all texts need in one scan."""
    anonymise._tokenizer.cache_clear()
    texts = [(read(path) + "\n（预取测试）\n", []) for path in TEXTS if path.parent.name == "casebook"]
    assert anonymise.prefetch(texts, workers=2) == 0
    lexicon = anonymise._tokenizer().lexicon
    assert lexicon.loads == 1
    for text, names in texts:
        anonymise.find_identifiers(text, names)
    assert lexicon.loads == 1 and not lexicon.complete
