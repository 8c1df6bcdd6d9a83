"""The fast tagger (macros/casebook/postag.py) gives exactly what jieba.posseg gives: checked against
jieba itself. (The anonymisation gate no longer tags text: see macros/casebook/anon_names.py.)"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from macros.casebook import postag

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted((ROOT / "casebook").glob("*.md"))
USERDICTS = (ROOT / "data" / "search_userdict.txt", ROOT / "data" / "anon_userdict.txt")


@pytest.fixture(scope="module")
def jieba_posseg():
    """The reference: jieba.posseg on a jieba.Tokenizer with the same user dictionaries."""
    return postag.JiebaTagger(USERDICTS).posseg


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
