"""District news (区域动态): Material's blog plugin renders the posts in
``docs/news/posts/``; this module checks their front matter and writes the RSS
feed after the build (no extra package, nothing fetched from another host).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from email.utils import format_datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from macros.core.messages import message
from macros.core.problems import Problem
from macros.core.yamlload import validate

if TYPE_CHECKING:
    from macros.core.registry import Project

POSTS_DIR = "docs/news/posts"
FEED_PATH = "news/feed_rss.xml"
FEED_TITLE = "全员导师制培训与资料门户 · 区域动态"

POST_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["date", "slug", "description", "source"],
    "properties": {
        # Titles: the Chinese labels that messages name the fields by (macros/core/schema_messages.py).
        "date": {"title": "日期", "type": "string", "format": "date"},
        "slug": {
            "title": "网址名",
            "type": "string",
            "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
            "x-message": "只能用小写字母、数字和连字符",
        },
        "description": {"title": "摘要", "type": "string", "minLength": 1, "maxLength": 200},
        "draft": {"title": "草稿", "type": "boolean"},
        "categories": {"title": "分类", "type": "array", "items": {"type": "string"}},
        "source": {
            "title": "来源",
            "type": "object",
            "additionalProperties": False,
            "required": ["title", "published"],
            "properties": {
                "title": {"title": "来源文件名称", "type": "string", "minLength": 1},
                "published": {"title": "来源发布日期", "type": "string", "format": "date"},
                "url": {"title": "来源网址", "type": "string", "pattern": "^https?://"},
            },
        },
    },
}


@dataclass
class Post:
    title: str
    date: str
    slug: str
    description: str
    draft: bool

    @property
    def url_path(self) -> str:
        """Where the blog plugin puts the post (``post_url_format: "{date}/{slug}"``)."""
        return f"news/{self.date.replace('-', '/')}/{self.slug}/"


def _title(body: str) -> str:
    for line in body.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return ""


def load_posts(project: Project) -> tuple[list[Post], list[Problem]]:
    posts: list[Post] = []
    files, problems = project.front_matter_folder(POSTS_DIR)
    for _path, display, doc, body in files:
        found = validate(doc, POST_SCHEMA)
        problems += found
        title = _title(body)
        if not title:
            problems.append(Problem(display, 1, 1, message("news.load-posts")))
        if found or not title:
            continue
        meta = doc.data
        posts.append(Post(title, meta["date"], meta["slug"], meta["description"], bool(meta.get("draft"))))
    return posts, problems


def check_news(project: Project) -> list[Problem]:
    return load_posts(project)[1]


def feed_xml(posts: list[Post], site_url: str) -> str:
    """RSS 2.0 for the published posts, newest first."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    items = []
    for post in sorted((p for p in posts if not p.draft), key=lambda p: p.date, reverse=True):
        when = datetime.datetime.fromisoformat(post.date).replace(tzinfo=datetime.timezone(datetime.timedelta(hours=8)))
        link = base + post.url_path
        items.append(
            "    <item>\n"
            f"      <title>{escape(post.title)}</title>\n"
            f"      <link>{escape(link)}</link>\n"
            f'      <guid isPermaLink="true">{escape(link)}</guid>\n'
            f"      <pubDate>{format_datetime(when)}</pubDate>\n"
            f"      <description>{escape(post.description)}</description>\n"
            "    </item>\n"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0">\n'
        "  <channel>\n"
        f"    <title>{escape(FEED_TITLE)}</title>\n"
        f"    <link>{escape(base + 'news/')}</link>\n"
        "    <description>全员导师制区域工作动态（本项目根据公开报道撰写的摘要）</description>\n"
        "    <language>zh-CN</language>\n" + "".join(items) + "  </channel>\n</rss>\n"
    )


def write_feed(project: Project, site_dir: Path, site_url: str) -> Path:
    posts, _ = load_posts(project)
    target = site_dir / FEED_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(feed_xml(posts, site_url or "/"), encoding="utf-8")
    return target
