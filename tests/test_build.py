"""The shipped site builds strictly and its policy pages carry clause anchors."""

from __future__ import annotations


def test_policy_pages_have_clause_anchors(built_site):
    html = (built_site / "policies/shanghai-2023-25/index.html").read_text(encoding="utf-8")
    for anchor in ("c1", "c5-3", "c5-3-1", "c5-3-2", "c5-3-3", "c6-4"):
        assert f'id="{anchor}"' in html


def test_clause_macro_renders_link_with_hover_text(built_site):
    html = (built_site / "about/citations/index.html").read_text(encoding="utf-8")
    assert 'href="../../policies/shanghai-2023-25/#c5-3"' in html
    assert 'title="（三）落实重点工作：' in html


def test_glossary_terms_become_tooltips(built_site):
    html = (built_site / "policies/shanghai-2023-25/index.html").read_text(encoding="utf-8")
    assert '<abbr title="中小学校全体教师按照一定机制' in html
