"""Glossary tooltips are added to ordinary text only, and definitions are escaped."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

from macros.composition import new_project
from macros.core.escaping import esc
from macros.policy import glossary
from macros.policy.access import glossary_terms
from macros.policy.glossary import _SKIP, Term, add_tooltips

TERMS = [
    Term("全员导师制", (), "每个学生都有导师", ()),
    Term("三项重点工作", ("三个一",), "家访、谈心谈话、书面反馈", ()),
    Term("重点工作", (), "不应覆盖更长的术语", ()),
    Term("家访", (), '导师到学生家中 <script>alert("x")</script>', ()),
]


@pytest.mark.parametrize(
    "html, expected",
    [
        ("<p>实施全员导师制。</p>", '<p>实施<abbr tabindex="0" title="每个学生都有导师">全员导师制</abbr>。</p>'),
        ("<p>落实三项重点工作</p>", '<p>落实<abbr tabindex="0" title="家访、谈心谈话、书面反馈">三项重点工作</abbr></p>'),
        ("<p>俗称三个一</p>", '<p>俗称<abbr tabindex="0" title="家访、谈心谈话、书面反馈">三个一</abbr></p>'),
        ('<p><a href="x">全员导师制</a></p>', '<p><a href="x">全员导师制</a></p>'),
        ("<h2>全员导师制</h2>", "<h2>全员导师制</h2>"),
        ("<pre><code>全员导师制</code></pre>", "<pre><code>全员导师制</code></pre>"),
        ('<p title="全员导师制">x</p>', '<p title="全员导师制">x</p>'),
        ("<p>开展家访<br>全员导师制</p>", None),
    ],
)
def test_add_tooltips(html, expected):
    out = add_tooltips(html, TERMS)
    if expected is None:  # after a void element, text is still wrapped
        assert out.count("<abbr") == 2
    else:
        assert out == expected


def test_only_the_first_occurrence_per_section_is_marked():
    html = "<h2>一</h2><p>家访、家访；全员导师制</p><p>家访</p><h3>二</h3><p>家访</p>"
    out = add_tooltips(html, TERMS)
    assert out.count(">家访</abbr>") == 2 and out.count("<abbr") == 3
    assert out.index("<h3>") < out.rindex(">家访</abbr>")
    # An alias counts as the term it names.
    assert add_tooltips("<p>三项重点工作即三个一</p>", TERMS).count("<abbr") == 1


def test_definitions_are_escaped():
    out = add_tooltips("<p>家访</p>", TERMS)
    assert "<script>" not in out
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in out


# -- the term-first pass against a plain tag-by-tag walk ------------------------------

_TOKEN = re.compile(r"(<!--.*?-->|<[^>]+>)", re.S)
_TAG_NAME = re.compile(r"^</?\s*([a-zA-Z0-9]+)")
_VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col", "area", "base", "embed", "track"}


def walk_tooltips(html: str, terms: list[Term]) -> str:
    """The straightforward version: walk every tag, wrap the first occurrence of each term per
    section in text outside skipped elements."""
    definitions = {name: t.definition for t in terms for name in (t.term, *t.aliases)}
    pattern = re.compile("|".join(re.escape(n) for n in sorted(definitions, key=len, reverse=True)))
    out, depth, seen = [], 0, set()

    def wrap(m: re.Match) -> str:
        term = m.group(0)
        if definitions[term] in seen:
            return term
        seen.add(definitions[term])
        return f'<abbr tabindex="0" title="{esc(definitions[term])}">{term}</abbr>'

    for token in _TOKEN.split(html):
        if not token:
            continue
        if token.startswith("<"):
            out.append(token)
            m = _TAG_NAME.match(token)
            if token.startswith("<!--") or not m:
                continue
            name = m.group(1).lower()
            if name in _VOID or token.endswith("/>") or name not in _SKIP:
                continue
            depth = max(depth - 1, 0) if token.startswith("</") else depth + 1
            if name in ("h1", "h2", "h3", "h4", "h5", "h6") and not token.startswith("</"):
                seen.clear()
            continue
        out.append(token if depth else pattern.sub(wrap, token))
    return "".join(out)


@pytest.mark.parametrize(
    "html",
    [
        "<!-- 全员导师制 > 家访 --><p>家访</p>",
        '<p>家访<a href="x"/>全员导师制</p>',
        "<P>家访<A HREF='x'>家访</A>家访</P>",
        "<p>家访<abbr title='x'>家访</abbr><address>家访</address></p>",
        '<p>a > 家访 <span title="家访">家访</span></p>',
        "<h2><a>家访</a>家访</h2>家访</a></a>家访",
        "<svg><text>家访</text></svg><label>家访<input>家访</label>家访",
        "家访<",
        "<p>家访家访</p><h2>家访</h2><p>家访</p><H3 id='x'>x</H3>家访家访",
    ],
)
def test_term_first_pass_equals_tag_walk(html):
    assert add_tooltips(html, TERMS) == walk_tooltips(html, TERMS)


def test_term_first_pass_equals_tag_walk_on_every_built_page(built_site):
    terms = glossary_terms(new_project(ROOT))
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert add_tooltips(html, terms) == walk_tooltips(html, terms), page


def test_letters_that_ignorecase_takes_for_ascii_ones_are_all_listed():
    # _SKIP_TAG_LOWER stands in for _SKIP_TAG only if _CASE_FOLDS names every such letter.
    folded = re.compile("[a-z]", re.I)
    listed = re.compile(f"[a-z{glossary._CASE_FOLDS}]")
    assert [c for c in map(chr, range(0x110000)) if bool(folded.fullmatch(c)) != bool(listed.fullmatch(c))] == []


@pytest.mark.parametrize(
    ("html", "cheap"),
    [
        ("<p>家访</p><code>家访</code><!-- <a> -->", True),
        ("< / code >家访</ code>", True),
        ("<P>家访</P><CODE>家访</CODE>", False),
        ("<sCript>家访</script><Pre>家访</pre>", False),
        ("<ſcript>家访</ſcript><kbd>家访</kbd><\u212abd>家访</\u212abd>", False),
        ("<tİtle>家访</tİtle><tıtle>家访</tıtle>", False),
        ("<codex>家访</codex><codeİ>家访</codeİ><h2>家访</h2>", False),
    ],
)
def test_lowercase_tag_scan_sees_the_tags_the_ignorecase_one_does(html, cheap):
    def tags(matches):
        return [(m.span(), m.group(0), m.group(1), m.group(2)) for m in matches]

    cased = [m for m in glossary._SKIP_TAG_LOWER.finditer(html) if m.group(3)]
    assert (not cased) == cheap
    if cheap:
        assert tags(glossary._SKIP_TAG_LOWER.finditer(html)) == tags(glossary._SKIP_TAG.finditer(html))
    assert tags(glossary._skip_tags(html, len(html))) == tags(glossary._SKIP_TAG.finditer(html))
    if "ſ" not in html and "ı" not in html and "İ" not in html and "\u212a" not in html:
        assert add_tooltips(html, TERMS) == walk_tooltips(html, TERMS)  # the walker lowercases names


def test_tooltips_kept_for_the_next_build_are_those_a_new_scan_finds(tmp_path, monkeypatch):
    """Where a page's terms go is kept by the glossary and the page's HTML (memo
    ``tooltip-spans``): a second build wraps them from there. Every page must come out as a new
    scan makes it, also when the glossary changes or another page has the same terms."""
    from macros.build import cache as buildcache
    from macros.build import session
    from macros.policy import page_macros

    pages = [
        "<p>实施全员导师制。</p><h2>家访</h2><p>家访和家访</p>",
        "<p>实施全员导师制，落实三个一。</p>",  # the same first term, another page
        '<p><a href="x">家访</a>开展家访<br>全员导师制</p>',
        "<p>没有术语</p>",
    ]
    fewer = [t for t in TERMS if t.term != "全员导师制"]

    def build(terms: list[Term]) -> tuple[list[str], int]:
        monkeypatch.setattr(session, "_session", session.Session(command=session.BUILD))
        buildcache.configure(tmp_path / "cache")
        out = [page_macros.add_tooltips(buildcache.Keyed(terms), html) for html in pages]
        hits = buildcache.memo("tooltip-spans").hits
        buildcache.save_all()
        return out, hits

    # A build keeps what it used: after one with a changed glossary, nothing for the old one.
    hits = []
    for terms in (TERMS, TERMS, fewer, fewer, TERMS):
        out, hit = build(terms)
        assert out == [add_tooltips(html, terms) for html in pages]
        hits.append(hit)
    assert hits == [0, len(pages), 0, len(pages), 0]
