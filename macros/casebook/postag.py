"""jieba's part-of-speech tagger, loading only the part of the dictionary a text needs.

``jieba.posseg`` costs about 0.9 s before it tags a single character: importing
it parses all of ``dict.txt`` for its default tagger, a ``jieba.Tokenizer``
unmarshals the whole prefix dictionary (about 600,000 entries), and a
``POSTokenizer`` on that tokenizer parses ``dict.txt`` a second time for the
tags. The anonymisation gate tags only a few clauses per case (see
:func:`macros.casebook.anonymise._tokens`), so :class:`Tagger` reproduces the same
algorithm (jieba 0.42.1: ``Tokenizer.get_DAG``/``calc`` and
``POSTokenizer.__cut_DAG`` with the HMM for unknown words) but reads from
``dict.txt`` only the entries that start with a character of the text being
tagged. Entries are looked up by their first character, so the segmentation
and the tags are exactly jieba's; ``tests/test_postag.py`` compares them with
``jieba.posseg`` itself.

User dictionaries must give a frequency on every line (``word freq [tag]``):
jieba computes a missing one from the whole dictionary. :func:`tagger` falls
back to ``jieba.posseg`` when a line has none.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from importlib.util import cache_from_source, find_spec, module_from_spec, spec_from_file_location
from math import log
from pathlib import Path

# A block is what jieba tags as one unit (``jieba.posseg.re_han_internal``);
# everything between blocks becomes one-character tokens tagged "x".
BLOCK = re.compile("[\u4e00-\u9fd5a-zA-Z0-9+#&._]+")
_HAN_DETAIL = re.compile("([\u4e00-\u9fd5]+)")
_SKIP_DETAIL = re.compile(r"([.0-9]+|[a-zA-Z0-9]+)")
_NUM = re.compile(r"[.0-9]+")
_ENG = re.compile("[a-zA-Z0-9]+")
_USERDICT_LINE = re.compile("^(.+?)( [0-9]+)?( [a-z]+)?$")
_MIN_FLOAT = -3.14e100
_MIN_INF = float("-inf")


def jieba_dir() -> Path:
    """Where jieba's files are, without importing it (its import alone takes 80 ms)."""
    spec = find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("jieba")
    return Path(next(iter(spec.submodule_search_locations)))


class Lexicon:
    """jieba's dictionary: frequency and tag of every word (``Tokenizer.FREQ`` without
    the prefix entries, and ``POSTokenizer.word_tag_tab``) with the user
    dictionaries applied, loaded by first character on demand.

    A block is segmented with the words that start with its characters, so only
    those are needed. The first loads take the lines that start with them with
    one regular expression over ``dict.txt`` (a cold build asks once, for all its
    cases together); after :attr:`PARTIAL_LOADS` of them the next load takes the
    whole dictionary. Each builds its dict at C level (word -> "freq tag"): the
    whole dictionary takes about 0.15 s, jieba's own load 0.9 s. Without prefix
    entries the DAG tries every length up to the longest word instead of
    stopping at the first non-prefix; the words found are the same.
    """

    PARTIAL_LOADS = 3  # a scan costs about a sixth of the whole load

    def __init__(self, dictionary: Path, user_entries: list[tuple[str, int, str | None]]) -> None:
        self.user_entries = user_entries
        data = dictionary.read_bytes()
        self._text = data.decode("utf-8")  # "word freq tag" per line
        self.total = dictionary_total(data, self._text) + sum(f for _, f, _ in user_entries)
        self.entries: dict[str, str] = {}
        self.longest = 1
        self.loads = 0
        self.loaded: set[str] = set()
        self.complete = False

    def count(self, word: str) -> int:
        entry = self.entries.get(word)
        return int(entry.partition(" ")[0]) if entry else 0

    def tag(self, word: str) -> str:
        entry = self.entries.get(word)
        return entry.rpartition(" ")[2] if entry else "x"

    def ensure(self, chars: Iterable[str]) -> None:
        """Load every entry that starts with one of ``chars``."""
        if self.complete:
            return
        missing = set(chars) - self.loaded
        if not missing:
            return
        self.loads += 1
        if self.loads > self.PARTIAL_LOADS:
            first = "[^ \n]"
            self.complete = True
        else:
            first = "[" + "".join(re.escape(c) for c in sorted(missing)) + "]"
            self.loaded |= missing
        found = dict(re.findall(rf"^({first}[^ \n]*) ([^\n]*)", self._text, re.M))  # later lines win, as in jieba
        self.entries.update(found)
        if found:
            self.longest = max(self.longest, max(map(len, found)))
        for word, count, tag in self.user_entries:  # jieba.Tokenizer.add_word, in file order
            if self.complete or word[0] in missing:
                self.entries[word] = f"{count} {tag or self.tag(word)}"
                self.longest = max(self.longest, len(word))
        if self.complete:
            self._text = ""


# Sum of the frequencies in jieba's dict.txt, by the file's sha256: summing takes 40 ms,
# hashing 3 ms. tests/test_postag.py checks the entry against the installed file.
KNOWN_TOTALS = {"7197c3211ddd98962b036cdf40324d1ea2bfaa12bd028e68faa70111a88e12a8": 60101967}  # jieba 0.42.1


def dictionary_total(data: bytes, text: str | None = None) -> int:
    """Sum of the frequencies of a jieba dictionary file (``Tokenizer.total`` before user words)."""
    known = KNOWN_TOTALS.get(hashlib.sha256(data).hexdigest())
    if known is not None:
        return known
    return sum(map(int, re.findall(r" (\d+) ", text if text is not None else data.decode("utf-8"))))


def _hmm_table(name: str, compiled: bool = True) -> dict:
    """One table of jieba.posseg's model, from the module jieba itself imports
    (its compiled form loads in a quarter of the time of the pickle beside it)."""
    source = jieba_dir() / "posseg" / f"{name}.py"
    if compiled and Path(cache_from_source(str(source))).exists():
        spec = spec_from_file_location(f"_portal_jieba_posseg_{name}", source)
        if spec is not None and spec.loader is not None:
            module = module_from_spec(spec)
            spec.loader.exec_module(module)
            return module.P
    with source.with_suffix(".p").open("rb") as f:
        return pickle.load(f)  # the same table, as jieba ships it for Jython


@lru_cache(maxsize=1)
def _hmm() -> tuple[dict, dict, dict, dict]:
    """The POS hidden Markov model of jieba.posseg (char states, start, transition, emission)."""
    return _hmm_table("char_state_tab"), _hmm_table("prob_start"), _hmm_table("prob_trans"), _hmm_table("prob_emit")


def _viterbi(obs: str) -> list[tuple[str, str]]:
    """``jieba.posseg.viterbi.viterbi``: the best (B/M/E/S, tag) state per character."""
    states, start_p, trans_p, emit_p = _hmm()
    V: list[dict] = [{}]
    mem_path: list[dict] = [{}]
    all_states = trans_p.keys()
    for y in states.get(obs[0], all_states):
        V[0][y] = start_p[y] + emit_p[y].get(obs[0], _MIN_FLOAT)
        mem_path[0][y] = ""
    for t in range(1, len(obs)):
        V.append({})
        mem_path.append({})
        prev_states = [x for x in mem_path[t - 1].keys() if len(trans_p[x]) > 0]
        prev_states_expect_next = {y for x in prev_states for y in trans_p[x].keys()}
        obs_states = set(states.get(obs[t], all_states)) & prev_states_expect_next
        if not obs_states:
            obs_states = prev_states_expect_next if prev_states_expect_next else all_states
        for y in obs_states:
            prob, state = max(
                (V[t - 1][y0] + trans_p[y0].get(y, _MIN_INF) + emit_p[y].get(obs[t], _MIN_FLOAT), y0) for y0 in prev_states
            )
            V[t][y] = prob
            mem_path[t][y] = state
    _prob, state = max((V[-1][y], y) for y in mem_path[-1].keys())
    route: list = [None] * len(obs)
    for i in range(len(obs) - 1, -1, -1):
        route[i] = state
        state = mem_path[i][state]
    return route


def _cut_hmm(sentence: str) -> Iterable[tuple[str, str]]:
    """``POSTokenizer.__cut``: words and tags of a run of Han characters from the HMM."""
    pos_list = _viterbi(sentence)
    begin, nexti = 0, 0
    for i, char in enumerate(sentence):
        pos = pos_list[i][0]
        if pos == "B":
            begin = i
        elif pos == "E":
            yield sentence[begin : i + 1], pos_list[i][1]
            nexti = i + 1
        elif pos == "S":
            yield char, pos_list[i][1]
            nexti = i + 1
    if nexti < len(sentence):
        yield sentence[nexti:], pos_list[nexti][1]


def _cut_detail(sentence: str) -> Iterable[tuple[str, str]]:
    """``POSTokenizer.__cut_detail``."""
    for blk in _HAN_DETAIL.split(sentence):
        if _HAN_DETAIL.match(blk):
            yield from _cut_hmm(blk)
        else:
            for x in _SKIP_DETAIL.split(blk):
                if x:
                    yield x, "m" if _NUM.match(x) else "eng" if _ENG.match(x) else "x"


class Tagger:
    """Tags blocks like ``jieba.posseg.POSTokenizer(tokenizer).cut(block, HMM=True)``."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def prepare(self, texts: Iterable[str], hmm: bool = True) -> None:
        """Load what tagging ``texts`` needs now (all of it before forking workers that share it;
        the HMM is otherwise loaded when a block first needs it)."""
        self.lexicon.ensure({ch for text in texts for ch in text})
        if hmm:
            _hmm()

    @lru_cache(maxsize=4096)  # noqa: B019 -- one tagger per process, kept for the process's life
    def cut_block(self, block: str, hmm: Callable[[str, str], bool] | None = None) -> list[tuple[str, str]]:
        """(word, tag) of ``block``. Runs of characters that are no dictionary word go
        through the HMM, as in jieba, only if ``hmm(run, word before it)`` is true or
        ``hmm`` is None; otherwise each character is a token with its dictionary tag."""
        lexicon = self.lexicon
        lexicon.ensure(block)
        n = len(block)
        route: dict[int, tuple[float, int]] = {n: (0, 0)}
        logtotal = log(lexicon.total)
        get, longest = lexicon.entries.get, lexicon.longest
        for idx in range(n - 1, -1, -1):  # Tokenizer.get_DAG and Tokenizer.calc
            words = []  # (frequency, end) of the dictionary words that start here
            for x in range(idx, min(n, idx + longest)):
                entry = get(block[idx : x + 1])
                if entry and (count := int(entry.partition(" ")[0])):
                    words.append((count, x))
            route[idx] = max((log(count) - logtotal + route[x + 1][0], x) for count, x in words or [(1, idx)])
        out: list[tuple[str, str]] = []
        x = 0
        buf = ""
        while x < n:  # POSTokenizer.__cut_DAG
            y = route[x][1] + 1
            word = block[x:y]
            if y - x == 1:
                buf += word
            else:
                if buf:
                    out += self._flush(buf, hmm is None or hmm(buf, out[-1][0] if out else ""))
                    buf = ""
                out.append((word, lexicon.tag(word)))
            x = y
        if buf:
            out += self._flush(buf, hmm is None or hmm(buf, out[-1][0] if out else ""))
        return out

    def _flush(self, buf: str, hmm: bool) -> list[tuple[str, str]]:
        if len(buf) == 1:
            return [(buf, self.lexicon.tag(buf))]
        if hmm and not self.lexicon.count(buf):
            return list(_cut_detail(buf))
        return [(ch, self.lexicon.tag(ch)) for ch in buf]


class JiebaTagger:
    """``jieba.posseg`` itself: the fallback when a user dictionary line has no frequency."""

    def __init__(self, userdicts: Iterable[Path]) -> None:
        import jieba
        import jieba.posseg

        jieba.setLogLevel(logging.WARNING)
        tokenizer = jieba.Tokenizer()
        for path in userdicts:
            if path.exists():
                tokenizer.load_userdict(str(path))
        self.posseg = jieba.posseg.POSTokenizer(tokenizer)

    def prepare(self, texts: Iterable[str], hmm: bool = True) -> None:
        self.posseg.tokenizer.check_initialized()

    def cut_block(self, block: str, hmm: Callable[[str, str], bool] | None = None) -> list[tuple[str, str]]:
        return [(pair.word, pair.flag) for pair in self.posseg.cut(block, HMM=True)]


def read_userdict(path: Path) -> list[tuple[str, int, str | None]] | None:
    """Entries of a jieba user dictionary, or None if a line has no frequency."""
    entries: list[tuple[str, int, str | None]] = []
    if not path.exists():
        return entries
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip().lstrip("\ufeff")
        if not line:
            continue
        m = _USERDICT_LINE.match(line)
        if m is None or m.group(2) is None:
            return None
        entries.append((m.group(1), int(m.group(2)), m.group(3).strip() if m.group(3) else None))
    return entries


def tagger(userdicts: tuple[Path, ...]) -> Tagger | JiebaTagger:
    """A tagger with jieba's default dictionary and ``userdicts`` (loaded in this order)."""
    entries: list[tuple[str, int, str | None]] = []
    for path in userdicts:
        found = read_userdict(path)
        if found is None:
            return JiebaTagger(userdicts)
        entries += found
    return Tagger(Lexicon(jieba_dir() / "dict.txt", entries))
