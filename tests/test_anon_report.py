"""The anonymisation review report (anon_report), the replacements it shows (anon_fix) and its wording (anon_messages)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from conftest import watch_errors

from macros.casebook.anon_fix import Replacement, apply, propose
from macros.casebook.anon_messages import RULES, finding_message
from macros.casebook.anon_report import SENTENCE_MAX, report_html, report_lines, sentence_of
from macros.casebook.anonymise import Finding

NAME = "CASE-ANON-NAME"


def findings(text: str, *terms: str, rule: str = NAME) -> list[Finding]:
    """Findings for ``terms`` in order of appearance (as the detector would report them)."""
    out, pos = [], 0
    for term in terms:
        start = text.index(term, pos)
        out.append(Finding(start, start + len(term), rule, term))
        pos = start + len(term)
    return out


# -- sentence_of ---------------------------------------------------------------------

SENTENCES = [
    # text, term, the sentence shown
    ("上周家访。王秀英说她最怕考试；后来好了。", "王秀英", "王秀英说她最怕考试；"),
    ("他问：“秀英在吗？”然后走了。", "秀英", "他问：“秀英在吗？”"),
    ("第一行\n王秀英来了\n第三行", "王秀英", "王秀英来了"),
    ("# 王秀英的家访\n", "王秀英", "王秀英的家访"),
    ("## 王秀英的家访 ##\n", "王秀英", "王秀英的家访"),
    ("- 列表里的王秀英。\n", "王秀英", "列表里的王秀英。"),
    ("1. 第一条：王秀英。\n", "王秀英", "第一条：王秀英。"),
    ("> 引用的王秀英。\n", "王秀英", "引用的王秀英。"),
    ("| 张三 | 王秀英 |\n", "王秀英", "王秀英"),
    ("summary: 草稿：王秀英家。\n", "王秀英", "草稿：王秀英家。"),
    ("questions:\n  - 王秀英为什么哭？\n", "王秀英", "王秀英为什么哭？"),
    ("QQ号: 12345678。", "12345678", "QQ号: 12345678。"),
    ("王秀英", "王秀英", "王秀英"),
]


@pytest.mark.parametrize(("text", "term", "expected"), SENTENCES)
def test_sentence_of_cuts_the_sentence_around_a_span(text: str, term: str, expected: str) -> None:
    start = text.index(term)
    sentence, s, e = sentence_of(text, start, start + len(term))
    assert sentence == expected
    assert sentence[s:e] == term


def test_a_long_sentence_is_clipped_around_the_span() -> None:
    text = "前" * 100 + "王秀英" + "后" * 100 + "。"
    start = text.index("王秀英")
    sentence, s, e = sentence_of(text, start, start + 3)
    assert sentence[s:e] == "王秀英"
    assert sentence.startswith("…") and sentence.endswith("…")
    assert len(sentence) <= SENTENCE_MAX + 2
    near_start = "王秀英" + "后" * 100
    sentence, s, e = sentence_of(near_start, 0, 3)
    assert (sentence[s:e], sentence[0], sentence[-1]) == ("王秀英", "王", "…")
    long_term = "1" * 80
    sentence, s, e = sentence_of("号码" + long_term + "。", 2, 82)
    assert sentence[s:e] == long_term, "the span itself is never clipped"


# -- propose: parents follow their child, nicknames are the same person ----------------

PROPOSALS = [
    # text, terms found, declared pseudonyms, the text after the replacements
    (
        "亓子豪上课总走神。父亲王强承认平时很少管他，母亲李娟说孩子怕她。王强后来又来了。",
        ["亓子豪", "王强", "李娟", "王强"],
        [],
        "小A上课总走神。小A爸爸承认平时很少管他，小A妈妈说孩子怕她。小A爸爸后来又来了。",
    ),
    (
        "亓子豪来了，亓爸爸也来了，子豪妈妈没来，子豪的外婆在家。",
        ["亓子豪", "亓爸爸", "子豪妈妈", "子豪的外婆"],
        [],
        "小A来了，小A爸爸也来了，小A妈妈没来，小A的外婆在家。",
    ),
    (
        "张雨桐很开朗，大家叫她桐桐，也叫小桐、阿桐、桐姐。王老师说雨桐进步了。张妈妈也来了。",
        ["张雨桐", "桐桐", "小桐", "阿桐", "桐姐", "王老师", "雨桐", "张妈妈"],
        [],
        "小A很开朗，大家叫她小A，也叫小A、小A、小A。B老师说小A进步了。小A妈妈也来了。",
    ),
    (  # the nearest child written before the parent
        "陈晨来了。李想也来了，母亲张丽说李想很乖。",
        ["陈晨", "李想", "张丽", "李想"],
        [],
        "小A来了。小B也来了，小B妈妈说小B很乖。",
    ),
    (  # no child before: the first child of the case
        "父亲王强先到。随后刘畅也来了。",
        ["王强", "刘畅"],
        [],
        "小A爸爸先到。随后小A也来了。",
    ),
    (  # a case that names no child: both parents share one letter
        "父亲王强和母亲李娟都来了。",
        ["王强", "李娟"],
        [],
        "小A爸爸和小A妈妈都来了。",
    ),
    (  # the role word already says whose parent: the name goes
        "小A来了。他的父亲王强也来了，小A妈妈李娟没来。",
        ["王强", "李娟"],
        ["小A"],
        "小A来了。他的父亲也来了，小A妈妈没来。",
    ),
    (  # a declared child pseudonym is the child a parent follows
        "小A来了，家长王强也来了。",
        ["王强"],
        ["小A"],
        "小A来了，小A家长也来了。",
    ),
    (  # no child called 张: an adult known by a role, as before
        "李老师说，刘畅的爸爸来了。张妈妈说话很快。",
        ["李老师", "刘畅", "张妈妈"],
        [],
        "A老师说，小B的爸爸来了。C妈妈说话很快。",
    ),
    (  # teachers keep their role; declared letters are skipped
        "王秀英是学生。班主任王老师和秀英说话。",
        ["王秀英", "王老师", "秀英"],
        ["小A"],
        "小B是学生。班主任C老师和小B说话。",
    ),
]


@pytest.mark.parametrize(("text", "terms", "declared", "expected"), PROPOSALS)
def test_propose_reads_naturally(text: str, terms: list[str], declared: list[str], expected: str) -> None:
    replacements, _new = propose(findings(text, *terms), declared, text)
    assert apply(text, replacements) == expected


def test_parent_replacement_absorbs_the_role_word_and_declares_pseudonyms() -> None:
    text = "亓子豪哭了。父亲王强承认，子豪的外婆说。"
    replacements, new = propose(findings(text, "亓子豪", "王强", "子豪的外婆"), [], text)
    father = replacements[1]
    assert (father.original, father.text, text[father.start : father.end]) == ("父亲王强", "小A爸爸", "父亲王强")
    assert new == ["小A", "小A爸爸"], "小A的外婆 needs only 小A declared (it is not a pseudonym form itself)"


def test_without_the_text_terms_still_follow_the_child() -> None:
    text = "亓子豪来了，亓爸爸也来了。"
    replacements, _ = propose(findings(text, "亓子豪", "亓爸爸"), [])
    assert [r.text for r in replacements] == ["小A", "小A爸爸"]


def test_other_rules_get_placeholders_and_unknown_rules_a_default() -> None:
    text = "电话13912345678，学号20230415。"
    found = findings(text, "13912345678", rule="CASE-ANON-PHONE") + [Finding(17, 25, "CASE-ANON-NEW", "20230415")]
    replacements, new = propose(found, [], text)
    assert [r.text for r in replacements] == ["［电话］", "［已删去］"] and new == []


# -- the wording ---------------------------------------------------------------------

ENGLISH_FIELD = re.compile(r"(?<![（(A-Za-z_])(pseudonyms|reviewed_terms|front matter)(?![）)A-Za-z_])")


@pytest.mark.parametrize("rule", sorted(RULES))
def test_messages_label_every_field_in_chinese_and_say_what_to_write(rule: str) -> None:
    message = finding_message(rule, "某词")
    assert "“某词”" in message and "请" in message
    assert "审核通过的误报词（reviewed_terms）" in message
    assert not ENGLISH_FIELD.search(message), message
    assert "CASE-ANON" not in message, "the rule id is placed by Problem.format, not in the message"


# -- report_lines ----------------------------------------------------------------------

CASE = """---
title: 王秀英的家访
summary: 导师去王秀英家。
pseudonyms: [小A]
---

# 家访

王秀英是春晖中学的学生。父亲王强承认很少管她。
秀英的电话是13912345678。
"""


def case_replacements() -> list[Replacement]:
    found = [
        *findings(CASE, "王秀英", "王秀英", "王秀英"),
        *findings(CASE, "春晖中学", rule="CASE-ANON-SCHOOL"),
        *findings(CASE, "王强", "秀英"),
        *findings(CASE, "13912345678", rule="CASE-ANON-PHONE"),
    ]
    return propose(found, ["小A"], CASE)[0]


def test_report_lines_show_sentences_replacements_and_locations() -> None:
    lines = report_lines("casebook/x.md", CASE, case_replacements())
    text = "\n".join(lines)
    assert lines[0] == "casebook/x.md：发现 7 处疑似身份信息，建议这样改："
    assert "人名 5 处：王秀英、秀英 → 小B（4 处）；父亲王强 → 小B爸爸" in lines
    assert "  第 2 行，标题（title）：【王秀英】的家访" in lines
    assert "  第 3 行，概要（summary）：导师去【王秀英】家。" in lines
    assert "  第 9 行：【父亲王强】承认很少管她。" in lines
    assert "      改为“小B爸爸”　（casebook/x.md:9:13，CASE-ANON-NAME）" in lines
    assert "学校 1 处：春晖中学 → 某中学" in lines and "电话号码 1 处：13912345678 → ［电话］" in lines
    assert text.index("人名") < text.index("电话号码") < text.index("学校"), "grouped, names first"
    for line in lines:
        if "CASE-ANON" in line:
            assert line.rstrip("）").endswith(("CASE-ANON-NAME", "CASE-ANON-SCHOOL", "CASE-ANON-PHONE")), "rule id last"
    assert not ENGLISH_FIELD.search(text)


def test_report_lines_without_findings() -> None:
    assert report_lines("casebook/x.md", CASE, []) == ["casebook/x.md：没有发现身份信息标记。"]


# -- report_html -------------------------------------------------------------------------

HOSTILE = """---
title: "<script>alert(1)</script>"
---

王秀英说："<script>alert(1)</script>" & 'quotes' &amp; <b>粗体</b> <img src=x onerror=alert(2)>。
<a href="https://evil.example/x">链接</a>王秀英又来了。
"""


class Tags(HTMLParser):
    """Every start tag of a page, with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.append((tag, attrs))


def hostile_html() -> str:
    found = findings(HOSTILE, "王秀英", "王秀英")
    replacements, _ = propose(found, [], HOSTILE)
    return report_html(
        '<script>alert("t")</script>报告', "casebook/<x>&.md", HOSTILE, replacements, ["文本框 2 个：<b>已导入</b>正文"]
    )


def test_html_escapes_everything_and_loads_nothing() -> None:
    page = hostile_html()
    assert "<script" not in page.lower() and "<img" not in page and "<b>" not in page and "<a " not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&amp;amp;" in page and "&#x27;quotes&#x27;" in page and "&quot;" in page
    assert "&lt;b&gt;已导入&lt;/b&gt;" in page and "casebook/&lt;x&gt;&amp;.md" in page
    # no resource from any host: no src/href attributes, no @import or url() in the CSS
    tags = Tags()
    tags.feed(page)
    assert {t for t, _ in tags.seen} <= {
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "main",
        "h1",
        "h2",
        "p",
        "code",
        "strong",
    } | {
        "ul",
        "ol",
        "li",
        "section",
        "del",
        "ins",
        "span",
    }
    assert not [
        a for _, attrs in tags.seen for a, _ in attrs if a in ("src", "href", "srcset", "action", "style") or a.startswith("on")
    ]
    assert "@import" not in page and "url(" not in page and "@font-face" not in page
    assert "https://evil.example" in page, "the case text is shown, as text"
    assert "default-src 'none'" in page, "the page forbids loading anything"


def test_html_groups_by_kind_and_shows_each_sentence() -> None:
    page = report_html("匿名化检查报告", "casebook/x.md", CASE, case_replacements(), ["文本框 2 个：已导入正文"])
    assert '<html lang="zh-CN">' in page and 'name="viewport"' in page
    assert "<h2>人名 5 处</h2>" in page and "<h2>学校 1 处</h2>" in page
    assert "<del>王秀英</del>、<del>秀英</del> → <ins>小B</ins>（4 处）" in page
    assert "<del>父亲王强</del><ins>小B爸爸</ins>承认很少管她。" in page
    assert "<li>文本框 2 个：已导入正文</li>" in page
    assert "第 2 行，标题（title）" in page
    assert not ENGLISH_FIELD.search(re.sub(r"<[^>]+>", "", page))
    empty = report_html("匿名化检查报告", "casebook/x.md", CASE, [])
    assert "没有发现身份信息标记" in empty


def test_html_report_on_a_360px_phone(browser, tmp_path) -> None:
    report = tmp_path / "报告.html"
    long_line = "很长的句子" * 40 + "王秀英" + "x" * 120 + "。\n"
    text = HOSTILE + long_line + "电话" + "1" * 11 + "。\n"
    found = findings(text, "王秀英", "王秀英", "王秀英") + findings(text, "1" * 11, rule="CASE-ANON-PHONE")
    replacements, _ = propose(sorted(found), [], text)
    report.write_text(
        report_html("匿名化检查报告", "casebook/" + "a-very-long-file-name" * 4 + ".md", text, replacements), "utf-8"
    )
    context = browser.new_context(locale="zh-CN", viewport={"width": 360, "height": 740})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url) if not r.url.startswith("file:") else None)
    errors = watch_errors(page)
    try:
        page.goto(report.as_uri())
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        wide = page.evaluate(
            "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 360.5).map(e => e.tagName + ':' + e.textContent.slice(0, 30))"
        )
        assert wide == []
        assert page.locator("h2").first.inner_text() == "人名 3 处"
    finally:
        context.close()
    assert errors == [] and requests == []
