"""Chinese search: jieba segments the pages at build time with the programme's user
dictionary, and the Material search dialog finds the right pages; Chinese headings get
readable anchors."""

from __future__ import annotations

import json
import logging
import re
from html.parser import HTMLParser
from pathlib import Path

import jieba
import markdown
import pytest
from conftest import ROOT
from mkdocs.utils import yaml_load
from searchui import search, type_query

USERDICT = ROOT / "data" / "search_userdict.txt"
# Query → results that must be among the hits. The portal's worker lists the sections of the
# first 10 pages only (their snippets are fetched); further pages are listed by title, so a
# clause anchor counts as found when its page is listed (tests/test_search_relevance.py checks
# that a clause's topic puts the clause's page first).
QUERIES = {
    "家访": ["policies/minhang-2021/#c6-4", "policies/shanghai-2023-25/#c5-3", "glossary/"],
    "成长寄语": ["policies/minhang-2021/#c6-4", "glossary/", "policies/compare/"],
    "一校一策": ["policies/minhang-2021/#c6-1", "glossary/"],
    "谈心谈话": ["policies/shanghai-2023-25/#c5-3", "policies/minhang-2021/#c6-4", "glossary/"],
}
# Programme terms that must never be split in the index (the list).
WHOLE_TERMS = ("全员导师制", "一校一策", "谈心谈话", "成长寄语", "良师益友", "家校沟通")


def userdict_terms() -> list[str]:
    return [line.split()[0] for line in USERDICT.read_text(encoding="utf-8").splitlines() if line.strip()]


def search_index(site: Path) -> tuple[dict, re.Pattern]:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return index, re.compile(index["config"]["separator"])


def tokens_by_location(site: Path) -> dict[str, set[str]]:
    index, separator = search_index(site)
    out: dict[str, set[str]] = {}
    for doc in index["docs"]:
        text = re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"])
        out[doc["location"]] = {t for t in separator.split(text) if t}
    return out


# ----------------------------------------------------------------- segmentation


def test_userdict_is_well_formed():
    terms = userdict_terms()
    assert len(terms) == len(set(terms)), "duplicate terms in data/search_userdict.txt"
    for line in USERDICT.read_text(encoding="utf-8").splitlines():
        assert re.fullmatch(r"\S+ \d+ [a-z]+", line), f"jieba user dictionary line: {line!r}"


@pytest.mark.parametrize(
    ("sentence", "term"),
    [("导师要写好成长寄语", "成长寄语"), ("学校制定一校一策", "一校一策"), ("经常与学生谈心谈话", "谈心谈话")],
)
def test_userdict_keeps_programme_terms_whole(sentence, term):
    """jieba's own dictionary splits these terms; the user dictionary keeps them whole."""
    jieba.setLogLevel(logging.WARNING)
    plain = jieba.Tokenizer()
    assert term not in plain.lcut(sentence)
    plain.load_userdict(str(USERDICT))
    assert term in plain.lcut(sentence)


def test_index_is_segmented_with_the_userdict(built_site):
    index, separator = search_index(built_site)
    assert "\u200b" in separator.pattern or separator.match("\u200b"), "separator must split on U+200B"
    tokens = set().union(*tokens_by_location(built_site).values())
    texts = " ".join(d["text"] for d in index["docs"])
    present = [t for t in userdict_terms() if t in texts.replace("\u200b", "")]
    assert len(present) >= 6, present
    missing = [t for t in present if t not in tokens]
    assert missing == [], f"user dictionary terms never indexed as one token: {missing}"


@pytest.mark.parametrize("term", WHOLE_TERMS)
def test_programme_terms_are_never_split_in_the_index(built_site, term):
    index, _ = search_index(built_site)
    found, broken = 0, []
    for doc in index["docs"]:
        for m in re.finditer(r"[\s\u200b\-]*".join(map(re.escape, term)), doc["text"]):
            found += 1
            if m.group() != term:
                broken.append((doc["location"], m.group()))
    assert found, f"{term} does not occur in the site"
    assert broken == [], broken


# ----------------------------------------------------------------- in the browser


@pytest.mark.parametrize(("query", "expected"), QUERIES.items(), ids=QUERIES.keys())
def test_search_dialog_finds_the_right_pages(page, site_url, built_site, query, expected):
    results = search(page, site_url, query)
    listed = set(results) | {r.partition("#")[0] for r in results}
    missing = [e for e in expected if e not in listed and e.partition("#")[0] not in listed]
    assert missing == [], f"{query}: {missing} not in {results}"

    # Recall: every page whose indexed text has the term as a word is among the hits.
    # (Material also splits the query into shorter indexed words and joins them with OR,
    # so pages with only part of the term may be listed too, and ranking varies with content.)
    def page_of(location: str) -> str:
        return location.partition("#")[0]

    containing = {page_of(loc) for loc, toks in tokens_by_location(built_site).items() if query in toks}
    assert containing, f"no page contains {query}"
    assert containing <= {page_of(r) for r in results}, sorted(containing - {page_of(r) for r in results})


def test_search_for_an_absent_word_finds_nothing(page, site_url):
    type_query(page, site_url, "量子纠缠")
    page.locator(".md-search-result__meta").filter(has_text="没有找到符合条件的结果").wait_for(timeout=10_000)
    assert page.locator(".md-search-result__item").count() == 0


# ----------------------------------------------------------------- heading anchors


def toc_extension_config() -> dict:
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    for ext in config["markdown_extensions"]:
        if isinstance(ext, dict) and "toc" in ext:
            return ext["toc"]
    raise AssertionError("mkdocs.yml has no toc extension settings")


@pytest.mark.parametrize(
    ("heading", "anchor"),
    [
        ("## 基本要求", "基本要求"),
        ("## 三、工作任务", "三工作任务"),
        ("### 导师 的 职责", "导师-的-职责"),
        ("## Mentor Ratio 导师配比", "mentor-ratio-导师配比"),
    ],
)
def test_chinese_headings_get_readable_anchors(heading, anchor):
    """The toc slugify configured in mkdocs.yml keeps Chinese (the default would give `_1`)."""
    md = markdown.Markdown(extensions=["toc"], extension_configs={"toc": toc_extension_config()})
    html = md.convert(heading)
    assert f'id="{anchor}"' in html, html


class _Headings(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        if re.fullmatch(r"h[1-6]", tag):
            self.ids.append(dict(attrs).get("id") or "")


def test_no_heading_in_the_site_has_a_meaningless_anchor(built_site):
    """Heading ids are never the `_1`, `_2` that Python-Markdown's default slugify
    gives a heading with no Latin letters (a year such as `2021` is fine)."""
    bad = []
    for path in built_site.rglob("*.html"):
        parser = _Headings()
        parser.feed(path.read_text(encoding="utf-8"))
        bad += [f"{path.relative_to(built_site)}: {i!r}" for i in parser.ids if re.fullmatch(r"_\d*", i)]
    assert bad == [], bad
    assert sum(1 for _ in built_site.rglob("*.html")) > 1
