"""News (区域动态): the blog post, its RSS feed and the front matter checks."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlparse

from conftest import ROOT

from macros.tips.news import Post, feed_xml

POST = "news/2021/11/16/jiading-seminar/index.html"


def test_feed_lists_the_post_and_its_link_exists(built_site: Path) -> None:
    root = ET.parse(built_site / "news" / "feed_rss.xml").getroot()
    items = root.findall("./channel/item")
    assert [i.findtext("title") for i in items] == ["嘉定区举办全员导师制试点工作总结和推进研讨会"]
    link = urlparse(items[0].findtext("link")).path.lstrip("/")
    assert (built_site / link / "index.html").exists()
    assert items[0].findtext("pubDate") == "Tue, 16 Nov 2021 00:00:00 +0800"


def test_post_cites_its_source_and_news_index_links_feed(built_site: Path) -> None:
    html = (built_site / POST).read_text(encoding="utf-8")
    assert (
        "全员导师制</abbr>有何能量？嘉定教育探索了一条有效路径" in html
        or "全员导师制有何能量？嘉定教育探索了一条有效路径" in html
    )
    assert "没有收录" in html
    assert 'href="feed_rss.xml"' in (built_site / "news" / "index.html").read_text(encoding="utf-8")


def test_feed_escapes_text_and_skips_drafts() -> None:
    posts = [Post("A & <B>", "2026-01-02", "a", "x<y", False), Post("草稿", "2026-02-02", "b", "d", True)]
    xml = feed_xml(posts, "http://example.test")
    root = ET.fromstring(xml)
    assert [i.findtext("title") for i in root.iter("item")] == ["A & <B>"]
    assert root.find("./channel/item/link").text == "http://example.test/news/2026/01/02/a/"


def test_post_without_source_is_an_error(project_copy: Path) -> None:
    post = project_copy / "docs" / "news" / "posts" / "2021-11-16-jiading-seminar.md"
    text = post.read_text(encoding="utf-8")
    post.write_text(text.replace("source:\n  title:", "sauce:\n  title:"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts/check.py"), "--root", str(project_copy)], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "docs/news/posts/2021-11-16-jiading-seminar.md:2:1: error: 缺少必填的“来源”" in result.stdout


def test_portal_pages_of_this_area_load_nothing_from_other_hosts(page, site_url: str) -> None:
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).hostname or ""))
    for path in (
        "news/",
        POST.removesuffix("index.html"),
        "cases/",
        "cases/crisis-referral/",
        "tips/",
        "tips/home-visit-ten-things/",
    ):
        response = page.goto(site_url + path)
        assert response is not None and response.ok, path
    assert hosts == {"127.0.0.1"}
    assert page.locator(".tip-card").count() == 10
