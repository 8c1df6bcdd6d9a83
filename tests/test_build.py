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
    assert '<abbr tabindex="0" title="中小学校全体教师按照一定机制' in html


def test_every_nav_section_has_a_page(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    for section in ("政策文件", "指导手册", "培训课程", "案例库", "一校一策", "区域锦囊"):
        assert section in html
    for path in ("handbooks", "training", "cases", "schools", "tips", "policies"):
        assert (built_site / path / "index.html").exists()


def test_comparison_cells_cite_clauses(built_site):
    html = (built_site / "policies/compare/index.html").read_text(encoding="utf-8")
    assert html.count("<tr>") >= 10
    assert 'href="../shanghai-2023-25/#c5-1"' in html
    assert 'href="../minhang-2021/#c6-2"' in html


def test_policy_header_block(built_site):
    html = (built_site / "policies/shanghai-2023-25/index.html").read_text(encoding="utf-8")
    for label in ("发文机关", "文号", "成文日期", "发布日期", "来源", "适用范围", "效力状态", "引用文件"):
        assert f"<dt>{label}</dt>" in html
    assert "<dd>沪教委德〔2023〕25号</dd>" in html


def test_the_build_date_comes_from_source_date_epoch(built_site, tmp_path):
    """conftest sets one SOURCE_DATE_EPOCH for the session so that two builds compared byte for byte
    agree across midnight; this holds only while MkDocs reads it for the sitemap's lastmod."""
    import datetime
    import os
    import re
    import subprocess
    import sys

    def lastmod(site):
        return set(re.findall(r"<lastmod>([^<]+)</lastmod>", (site / "sitemap.xml").read_text(encoding="utf-8")))

    day = datetime.datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), tz=datetime.UTC).date().isoformat()
    assert lastmod(built_site) == {day}
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# 首页\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nsite_url: http://127.0.0.1/\n", encoding="utf-8")
    env = {**os.environ, "SOURCE_DATE_EPOCH": "86400", "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "-d", str(tmp_path / "site")]
    subprocess.run(cmd, cwd=tmp_path, env=env, check=True, capture_output=True)
    assert lastmod(tmp_path / "site") == {"1970-01-02"}


def test_yaml_text_is_escaped_on_pages(project_copy, tmp_path):
    from conftest import run_mkdocs_build

    glossary = project_copy / "data" / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    text = text.replace(
        "definition: 全员育人、全程育人、全方位育人的工作体系。", "definition: '<script>alert(1)</script><b>粗体</b>'"
    )
    glossary.write_text(text, encoding="utf-8")
    result = run_mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "glossary" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;粗体&lt;/b&gt;" in page
    policy = (tmp_path / "site" / "policies" / "minhang-2021" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in policy


def test_strict_build_fails_on_broken_links_and_anchors(project_copy, tmp_path):
    from conftest import run_mkdocs_build

    page = project_copy / "docs" / "about" / "index.md"
    page.write_text(
        page.read_text(encoding="utf-8")
        + "\n[不存在的页面](no-such-page.md) · [不存在的锚点](citations.md#no-such-anchor) · [绝对链接](/policies/)\n",
        encoding="utf-8",
    )
    result = run_mkdocs_build(project_copy, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    # Missing pages and absolute links: the portal's LINK-TARGET, in Chinese, before rendering.
    assert "docs/about/index.md" in output and "链接“no-such-page.md”指向的页面或文件不存在" in output
    assert "链接“/policies/”是绝对地址" in output


def test_strict_build_fails_on_a_broken_anchor_reported_at_the_link(project_copy, tmp_path, monkeypatch):
    """MkDocs finds anchors after rendering (validation.anchors: warn, and --strict); the
    portal reports each as LINK-ANCHOR at the link, in Chinese, on another page or the same;
    with PORTAL_PATCHES=off MkDocs' English warning is left and the build still stops."""
    from conftest import run_mkdocs_build

    page = project_copy / "docs" / "about" / "index.md"
    lines = page.read_text(encoding="utf-8").rstrip("\n").split("\n")
    page.write_text(
        "\n".join([*lines, "", "[不存在的锚点](citations.md#no-such-anchor)", "", "本页[跳到](#没有这一节)。", ""]),
        encoding="utf-8",
    )
    other, same = len(lines) + 2, len(lines) + 4
    result = run_mkdocs_build(project_copy, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"docs/about/index.md:{other}:10: error: 链接“citations.md#no-such-anchor”" in output, output
    assert "在页面 about/citations.md 中不存在" in output
    assert (
        f"docs/about/index.md:{same}:8: error: 链接“#没有这一节”" in output
        and "在本页中不存在" in output
        and "[LINK-ANCHOR]" in output
    )
    assert "contains a link" not in output
    monkeypatch.setenv("PORTAL_PATCHES", "off")
    plain = run_mkdocs_build(project_copy, tmp_path / "site-plain")
    assert plain.returncode != 0
    assert "does not contain an anchor '#no-such-anchor'" in plain.stdout + plain.stderr
