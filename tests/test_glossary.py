"""Glossary tooltips are added to ordinary text only, and definitions are escaped."""

from __future__ import annotations

import pytest

from macros.glossary import Term, add_tooltips

TERMS = [
    Term("全员导师制", (), "每个学生都有导师", ()),
    Term("三项重点工作", ("三个一",), "家访、谈心谈话、书面反馈", ()),
    Term("重点工作", (), "不应覆盖更长的术语", ()),
    Term("家访", (), '导师到学生家中 <script>alert("x")</script>', ()),
]


@pytest.mark.parametrize(
    "html, expected",
    [
        ("<p>实施全员导师制。</p>", '<p>实施<abbr title="每个学生都有导师">全员导师制</abbr>。</p>'),
        ("<p>落实三项重点工作</p>", '<p>落实<abbr title="家访、谈心谈话、书面反馈">三项重点工作</abbr></p>'),
        ("<p>俗称三个一</p>", '<p>俗称<abbr title="家访、谈心谈话、书面反馈">三个一</abbr></p>'),
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


def test_definitions_are_escaped():
    out = add_tooltips("<p>家访</p>", TERMS)
    assert "<script>" not in out
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in out
