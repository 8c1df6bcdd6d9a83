"""The portal's search index in small files, fetched by the browser only when the reader searches.

Independent of MkDocs. :func:`build_files` turns the index Material's search plugin wrote
(every page and section, Chinese already split into words by jieba with the portal's
dictionary, words separated by U+200B) into:

* ``meta.json`` — the pages (first section number, address, title) and the number of term shards;
* ``words.txt`` — every multi-character Chinese word of the index, one a line: the browser
  splits the query with these words, so a query word is always a word of the index
  (the same jieba segmentation and dictionary on both sides);
* ``t/<k>.json`` — term shards: each word's postings (section number, weight), the shard
  chosen by :func:`shard_of` (FNV-1a of the word, the same function in the worker);
* ``p/<n>.json`` — one page's sections (address, title, text) for result titles and snippets.

A word's weight in a section is its BM25 weight in the body text plus a bonus when it is in
the heading (:data:`HEADING_BONUS`) or the page title (:data:`TITLE_BONUS`), so titles and
headings weigh more than body text while the body still ranks pages with the same title
words; the worker multiplies weights by the idf.
"""

from __future__ import annotations

import bisect
import html
import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from macros.build import session

ZWSP = "\u200b"
TAG = re.compile(r"<[^>]+>")
SEPARATOR = re.compile(r"[\s\u200b\-]+")
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# A token is a run of Chinese characters or of Latin letters and digits (the worker uses the
# same expression): punctuation inside a jieba word, such as 〔2023〕, separates tokens.
RUN = re.compile(f"[{HAN}]+|[a-z0-9]+")
IS_HAN = re.compile(f"[{HAN}]")
HEADING_BONUS = 0.8  # a word in a section's heading, added to its body weight
TITLE_BONUS = 1.6  # a word in a page's title
DEFINED_BONUS = 2.4  # a term the page defines (the glossary's terms, a policy's document number)
K1, B = 1.2, 0.75
SHARD_BYTES = 12_000  # raw JSON per term shard, about 4 KB with gzip
TEXT_CAP = 1200  # characters of each section kept for snippets


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def plain(text: str) -> str:
    """Index text without tags and entities; the U+200B word boundaries stay."""
    return html.unescape(TAG.sub(" ", text))


def tokens(text: str) -> list[str]:
    """The words of a segmented index text, as the worker compares them."""
    out: list[str] = []
    for segment in SEPARATOR.split(normalise(plain(text))):
        out.extend(RUN.findall(segment))
    return out


def shard_of(term: str, shards: int) -> int:
    """FNV-1a over the code points: the worker computes the same number."""
    h = 0x811C9DC5
    for ch in term:
        h ^= ord(ch)
        h = (h * 16777619) & 0xFFFFFFFF
    return h % shards


def _page_key(location: str) -> str:
    return location.partition("#")[0]


def _squeeze(text: str) -> str:
    """Whitespace collapsed, kept short: the snippet of a section, U+200B boundaries kept."""
    text = re.sub(r"\s+", " ", plain(text)).strip()
    return text[:TEXT_CAP]


def build_files(docs: list[dict], defined: dict[str, list[str]] | None = None, sources: Iterable[str] = ()) -> dict[str, str]:
    """Relative path → file text for the sharded index of Material's ``docs``.

    ``defined`` maps a page's location to the (segmented) terms it defines, such as the
    glossary's terms: they weigh as much as the page's title. ``sources`` are the locations
    of pages other pages quote (the policy texts): listed in ``meta.json`` so the worker can
    put a source ahead of a page that quotes the passage the query matched."""
    defined = defined or {}
    starts = [i for i, d in enumerate(docs) if i == 0 or _page_key(d["location"]) != _page_key(docs[i - 1]["location"])]
    first = set(starts)
    state = session.current()
    memo: dict[tuple, tuple[int, int, list[tuple[str, int]]]] = state.store("searchshards.lengths", dict)
    seen: dict[tuple, tuple[int, int, list[tuple[str, int]]]] = {}
    keys, lengths = [], []
    for i, d in enumerate(docs):
        key = (d.get("title", ""), d.get("text", ""), i in first, tuple(defined.get(d["location"], ())))
        entry = memo.get(key) or seen.get(key) or (_doc_length(key), 0, [])
        seen[key] = entry
        keys.append(key)
        lengths.append(entry[0])
    avgdl = max(round(sum(lengths) / len(lengths)), 1) if lengths else 1  # whole words: small edits keep it
    for key, (length, avg, _then) in list(seen.items()):
        if avg != avgdl:
            seen[key] = (length, avgdl, _weights(key, length, avgdl))
    # Under `mkdocs serve` the term shards of the last build are kept: when the sections keep
    # their numbers and the average length, only the shards holding a word of a changed
    # section are made again (a save changes a handful of ~100); otherwise all of them.
    last = state.store("searchshards.terms", _Terms) if state.serving else _Terms()
    if not last.patch(keys, avgdl, memo, seen):
        last.rebuild(keys, avgdl, seen)
    memo.clear()  # ``mkdocs serve`` rebuilds weigh only the sections that changed
    memo.update(seen)
    words = last.words
    files = {f"t/{k}.json": text for k, text in enumerate(last.shard_files)}
    # A page's file and title depend on its sections only: ``mkdocs serve`` rebuilds make them
    # again for the pages whose sections changed (keyed on the sections themselves).
    page_memo: dict[tuple, tuple[str, str]] = state.store("searchshards.pages", dict)
    page_seen: dict[tuple, tuple[str, str]] = {}
    pages, previous = [], 0
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(docs)
        sections = tuple((d["location"], d.get("title", ""), d.get("text", "")) for d in docs[start:end])
        made = page_memo.get(sections) or page_seen.get(sections) or _page_file(sections)
        page_seen[sections] = made
        pages.append([start - previous, _page_key(sections[0][0]), made[0]])
        previous = start
        files[f"p/{n}.json"] = made[1]
    page_memo.clear()
    page_memo.update(page_seen)
    longest = max((len(w) for w in words), default=1)
    keys = [p[1] for p in pages]
    parents = _parents(keys)
    wanted = set(sources)
    quoted = [n for n, key in enumerate(keys) if key in wanted]
    files["meta.json"] = _json(
        {"shards": last.shards, "docs": len(docs), "longest": longest, "pages": pages, "parents": parents, "sources": quoted}
    )
    files["words.txt"] = "\n".join(words)
    return files


@dataclass
class _Terms:
    """The term shards of the last build: each word's postings (section number, weight), the
    shards' files and the words. :meth:`patch` brings them up to date for a few changed
    sections, :meth:`rebuild` makes them all; both give exactly the files of a rebuild."""

    keys: list[tuple] = field(default_factory=list)
    avgdl: int = 0
    postings: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    size: int = 0
    shards: int = 0
    shard_terms: list[set[str]] = field(default_factory=list)
    shard_files: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)

    def rebuild(self, keys: list[tuple], avgdl: int, seen: dict[tuple, tuple[int, int, list[tuple[str, int]]]]) -> None:
        postings: dict[str, list[tuple[int, int]]] = {}
        for i, key in enumerate(keys):
            for term, weight in seen[key][2]:
                postings.setdefault(term, []).append((i, weight))
        self.keys, self.avgdl, self.postings = keys, avgdl, postings
        self.size = sum(_term_bytes(t, len(p)) for t, p in postings.items())
        self.shards = _shard_count(self.size)
        self.shard_terms = [set() for _ in range(self.shards)]
        for term in postings:
            self.shard_terms[shard_of(term, self.shards)].add(term)
        self.shard_files = [self._file(k) for k in range(self.shards)]
        self.words = sorted(t for t in postings if len(t) > 1 and IS_HAN.match(t))

    def patch(
        self,
        keys: list[tuple],
        avgdl: int,
        memo: dict[tuple, tuple[int, int, list[tuple[str, int]]]],
        seen: dict[tuple, tuple[int, int, list[tuple[str, int]]]],
    ) -> bool:
        """Update for the sections whose key changed; False when that is not the quick way
        (another number of sections or average length, many changes, another shard count)."""
        if not self.keys or len(keys) != len(self.keys) or avgdl != self.avgdl:
            return False
        changed = [i for i, (a, b) in enumerate(zip(keys, self.keys, strict=True)) if a != b]
        if len(changed) > PATCH_MAX or any(self.keys[i] not in memo for i in changed):
            return False
        postings, touched, came_or_went = self.postings, set(), False
        size = self.size
        for i in changed:
            for term, weight in memo[self.keys[i]][2]:
                found = postings[term]
                found.remove((i, weight))
                size -= 6
                if not found:
                    del postings[term]
                    size -= _term_bytes(term, 0)
                    came_or_went = True
                touched.add(term)
            for term, weight in seen[keys[i]][2]:
                found = postings.get(term)
                if found is None:
                    found = postings[term] = []
                    size += _term_bytes(term, 0)
                    came_or_went = True
                bisect.insort(found, (i, weight))
                size += 6
                touched.add(term)
        self.keys, self.size = keys, size
        if _shard_count(size) != self.shards:
            self.rebuild(keys, avgdl, seen)
            return True
        redo = set()
        for term in touched:
            k = shard_of(term, self.shards)
            if term in postings:
                self.shard_terms[k].add(term)
            else:
                self.shard_terms[k].discard(term)
            redo.add(k)
        for k in redo:
            self.shard_files[k] = self._file(k)
        if came_or_went:
            self.words = sorted(t for t in postings if len(t) > 1 and IS_HAN.match(t))
        return True

    def _file(self, k: int) -> str:
        bucket: dict[str, list[int]] = {}
        for term in sorted(self.shard_terms[k]):
            flat, last = [], 0
            for doc, weight in self.postings[term]:
                flat += [doc - last, weight]
                last = doc
            bucket[term] = flat
        return _json(bucket)


PATCH_MAX = 200  # changed sections above which making every shard again is as quick


def _term_bytes(term: str, postings: int) -> int:
    return len(term.encode()) + 4 + 6 * postings


def _shard_count(size: int) -> int:
    return max(1, 2 ** math.ceil(math.log2(max(size / SHARD_BYTES, 1))))


def _page_file(sections: tuple[tuple[str, str, str], ...]) -> tuple[str, str]:
    """(squeezed page title, text of ``p/<n>.json``) of one page's (location, title, text) sections."""
    return _squeeze(sections[0][1]), _json([[loc, _squeeze(title), _squeeze(text)] for loc, title, text in sections])


def _doc_length(key: tuple) -> int:
    return len(tokens(key[0])) + len(tokens(key[1]))


def _weights(key: tuple, length: int, avgdl: int) -> list[tuple[str, int]]:
    """(word, weight) of one section: body BM25 plus the heading, title or defined-term bonus."""
    title_text, text_text, is_page, defined = key
    bonus = TITLE_BONUS if is_page else HEADING_BONUS
    heading = dict.fromkeys(tokens(title_text), bonus)
    for term in defined:
        heading.update(dict.fromkeys(tokens(term), DEFINED_BONUS))
    text = Counter(tokens(text_text))
    norm = K1 * (1 - B + B * length / avgdl)
    out = []
    for term in sorted(heading.keys() | text.keys()):
        tf = text[term]
        weight = round(100 * (tf * (K1 + 1) / (tf + norm) + heading.get(term, 0.0)))
        out.append((term, max(weight, 1)))
    return out


def _parents(keys: list[str]) -> list[int]:
    """Pages with pages below them (an overview and its lessons); the home page is not one."""
    below = set()
    for key in keys:
        parts = key.rstrip("/").split("/")
        for n in range(1, len(parts)):
            below.add("/".join(parts[:n]) + "/")
    return [n for n, key in enumerate(keys) if key in below]


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def vocabulary(files: dict[str, str]) -> Iterable[str]:
    return files["words.txt"].split("\n") if files.get("words.txt") else []
