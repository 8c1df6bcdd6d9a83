"""The sharded search index (macros/core/searchshards.py): words as the worker compares them,
the shard function the worker repeats, and the files written from Material's index."""

from __future__ import annotations

import json

import pytest

from macros.core import searchshards as ss

Z = "\u200b"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (f"全员导师制{Z}工作{Z}方案", ["全员导师制", "工作", "方案"]),
        (f"<p>{Z}家访{Z}。</p>", ["家访"]),  # tags and punctuation are not words
        (f"沪{Z}教委{Z}德{Z}〔2023〕25{Z}号", ["沪", "教委", "德", "2023", "25", "号"]),
        ("ＡＢＣ１ Word-Level", ["abc1", "word", "level"]),  # NFKC, lower case, separators
        ("&lt;b&gt;谈心谈话", ["b", "谈心谈话"]),  # entities decoded, then split
        ("", []),
    ],
)
def test_tokens(text, words):
    assert ss.tokens(text) == words


@pytest.mark.parametrize(
    ("term", "fnv1a"),
    [("", 0x811C9DC5), ("a", 0xE40C292C), ("foobar", 0xBF9CF968)],  # published FNV-1a 32 vectors
)
def test_shard_function_is_fnv1a(term, fnv1a):
    assert ss.shard_of(term, 2**32) == fnv1a
    assert ss.shard_of(term, 7) == fnv1a % 7


DOCS = [
    {"location": "", "title": f"门户{Z}首页", "text": f"家访{Z}与{Z}谈话"},
    {"location": "a/", "title": f"家访{Z}指南", "text": f"访前{Z}准备"},
    {"location": "a/#s1", "title": "访前", "text": f"家访{Z}前{Z}要{Z}预约{Z}家访"},
    {"location": "a/b/", "title": "课程", "text": f"家访{Z}一次"},
    {"location": "glossary/", "title": "术语表", "text": f"导师团{Z}说明"},
]


def postings(files: dict[str, str], term: str) -> dict[int, int]:
    shards = json.loads(files["meta.json"])["shards"]
    flat = json.loads(files[f"t/{ss.shard_of(term, shards)}.json"])[term]
    out, doc = {}, 0
    for k in range(0, len(flat), 2):
        doc += flat[k]
        out[doc] = flat[k + 1]
    return out


def test_files_group_sections_by_page_and_mark_overviews():
    files = ss.build_files(DOCS)
    meta = json.loads(files["meta.json"])
    assert [p[1] for p in meta["pages"]] == ["", "a/", "a/b/", "glossary/"]
    assert [p[0] for p in meta["pages"]] == [0, 1, 2, 1]  # first section, delta-encoded
    assert meta["docs"] == 5 and meta["parents"] == [1]  # a/ has a/b/ below it; the home page does not count
    assert json.loads(files["p/1.json"]) == [
        ["a/", f"家访{Z}指南", f"访前{Z}准备"],
        ["a/#s1", "访前", f"家访{Z}前{Z}要{Z}预约{Z}家访"],
    ]
    assert "家访" in files["words.txt"].split("\n") and "前" not in files["words.txt"].split("\n")


def test_titles_outweigh_body_text_and_defined_terms_weigh_most():
    files = ss.build_files(DOCS, {"glossary/": ["导师团"]})
    home_visit = postings(files, "家访")
    assert home_visit[1] > home_visit[2] > 0  # the page title beats twice in a section's body
    assert home_visit[1] > home_visit[3]
    plain = postings(ss.build_files(DOCS), "导师团")[4]
    assert postings(files, "导师团")[4] >= plain + 100 * ss.DEFINED_BONUS - 1


def test_sources_are_listed_by_page_number():
    """The pages other pages quote (the policy texts): the worker puts one ahead of a page quoting
    the passage the query matched. Unknown locations and sections are not pages to list."""
    files = ss.build_files(DOCS, sources=["glossary/", "a/#s1", "missing/"])
    assert json.loads(files["meta.json"])["sources"] == [3]
    assert json.loads(ss.build_files(DOCS)["meta.json"])["sources"] == []


def test_empty_index():
    files = ss.build_files([])
    assert json.loads(files["meta.json"])["pages"] == [] and files["words.txt"] == ""


def test_a_serve_rebuild_patches_the_term_shards_to_exactly_what_a_fresh_build_writes(monkeypatch):
    """#22: under ``mkdocs serve`` a save changes a few sections; only the term shards holding
    their words are made again. The files must be exactly a fresh build's, for words that
    come, go and change weight, and the quick way must really be taken (else it is untested)."""
    import random

    from macros.build import session

    rng = random.Random(22)
    vocab = [chr(0x4E00 + k) + chr(0x4E00 + (k * 7) % 500) for k in range(3000)]
    docs = [
        {
            "location": f"p{n // 4}/" + (f"#s{n % 4}" if n % 4 else ""),
            "title": f"标题{n}",
            "text": Z.join(rng.choices(vocab, k=20)),
        }
        for n in range(800)
    ]
    served, rebuilds = session.Session(command=session.SERVE), []
    real = ss._Terms.rebuild
    monkeypatch.setattr(ss._Terms, "rebuild", lambda self, *args: (rebuilds.append(self), real(self, *args))[1])
    monkeypatch.setattr(session, "_session", served)
    assert ss.build_files(docs) and len(rebuilds) == 1
    for step in range(12):
        docs = [dict(d) for d in docs]
        for i in rng.sample(range(len(docs)), 1 + step % 3):
            words = docs[i]["text"].split(Z)
            words[rng.randrange(len(words))] = rng.choice([f"新词{step}", *rng.sample(vocab, 1)])  # a new word or another
            docs[i]["text"] = Z.join(words)
        monkeypatch.setattr(session, "_session", served)
        patched = ss.build_files(docs)
        monkeypatch.setattr(session, "_session", session.Session(command=session.BUILD))
        assert patched == ss.build_files(docs), f"step {step}"
    assert json.loads(patched["meta.json"])["shards"] > 1
    kept = served.store("searchshards.terms", ss._Terms)
    # Made whole once, then patched (again whole only when the average length moved).
    assert 1 <= sum(1 for terms in rebuilds if terms is kept) <= 3, rebuilds


def test_a_build_keeps_the_index_files_for_the_next_one_keyed_on_all_it_read(tmp_path, monkeypatch):
    """``mkdocs build`` keeps the index files (memo ``search-shards``, macros/glue/search.py):
    the next build with the same index, defined terms and sources takes them, any change in one
    of the three makes them again. Each time they must be the files made anew."""
    from macros.build import cache as buildcache
    from macros.build import session
    from macros.glue import search

    other = [*DOCS[:-1], {**DOCS[-1], "text": f"导师团{Z}职责"}]
    inputs = [
        (DOCS, {}, []),
        (DOCS, {}, []),  # the same again: kept
        (DOCS, {"glossary/": ["导师团"]}, []),
        (DOCS, {"glossary/": ["导师团"]}, ["glossary/"]),
        (other, {"glossary/": ["导师团"]}, ["glossary/"]),
        (other, {"glossary/": ["导师团"]}, ["glossary/"]),  # kept
    ]
    hits = []
    for docs, defined, sources in inputs:
        monkeypatch.setattr(session, "_session", session.Session(command=session.BUILD))
        buildcache.configure(tmp_path / "cache")
        index = json.dumps({"config": {}, "docs": docs}, ensure_ascii=False)
        assert search.shard_files(index, defined, sources) == ss.build_files(docs, defined, sources)
        hits.append(buildcache.memo("search-shards", compress=True).hits)
        buildcache.save_all()
    assert hits == [0, 1, 0, 0, 0, 1]
