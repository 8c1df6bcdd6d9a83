"""The page of a module's SCORM 1.2 package (issue 26): the module's overview, lessons and quiz as
Material renders them on the site, taken from the built pages and joined into one HTML page
without the site's navigation, its links rewritten for a package that lives on another host.

Links inside the module become links to the page's parts (``#part-02-referral``); links to other
portal pages (policies, glossary, handbooks) become absolute links to ``site_url`` that open in a
new window; files the pages use (styles, images, the browser modules) are listed so the package
can carry them. Pure functions over strings: the packager (:mod:`macros.training.scorm`) reads
the files and caches the result.
"""

from __future__ import annotations

import functools
import html
import json
import posixpath
import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urljoin, urlsplit

from macros.core.escaping import esc

# The entry module of the package's page (its source's name; it ships content-hashed); it imports
# the rest (scorm.js, quiz-ui.js, ...).
ENTRY_SCRIPT = "assets/portal/sco.js"
DOWNLOAD_START = "<!-- scorm-download -->"
DOWNLOAD_END = "<!-- /scorm-download -->"
_BASE = "http://package.invalid/"
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
_TAG_A = re.compile(r"<a\b([^>]*)>")
_ATTR = re.compile(r'\s([a-zA-Z:-]+)="([^"]*)"')
_ID = re.compile(r'(\sid=")([^"]+)(")')
_SRC = re.compile(r'(\ssrc=")([^"]+)(")')
_STYLESHEET = re.compile(r'<link rel="(?:stylesheet|icon)" href="([^"]+)"')
_BODY = re.compile(r"<body\b([^>]*)>")
_QUIZ_DATA = re.compile(r'(<div class="quiz"[^>]*?\sdata-quiz=")([^"]*)(")')
_QUIZ_NEXT = re.compile(r'(<div class="quiz"[^>]*?)\sdata-next="[^"]*"')
_MY_STATUS = re.compile(r"<dt>我的状态</dt>\s*<dd>.*?</dd>", re.S)
_DOWNLOAD = re.compile(re.escape(DOWNLOAD_START) + ".*?" + re.escape(DOWNLOAD_END), re.S)
# The site's own offline download (offline-ui.js, not in the package) has no place in an LMS.
_OFFLINE = re.compile(r'<div class="offline-module"[^>]*></div>')
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
_JS_IMPORT = re.compile(r"""(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}/[^"']+)["']""")


@dataclass(frozen=True)
class Part:
    id: str  # the element id of the part: part-overview, part-<lesson stem>, part-quiz
    title: str
    path: str  # the page's path in the site: training/<module>/<stem>/
    html: str  # the page as built, whole
    prefix_ids: bool = True  # the quiz's script finds its own ids: those stay as built


@dataclass
class Rewritten:
    body: str
    files: set[str] = field(default_factory=set)  # site paths the page needs


def article(page_html: str) -> str:
    """The text of a built page: Material's article, without the site around it."""
    m = _ARTICLE.search(page_html)
    return m.group(1).strip() if m else ""


def body_attributes(page_html: str) -> str:
    """Material's palette attributes of ``<body>``, so the package has the portal's colours."""
    m = _BODY.search(page_html)
    return m.group(1) if m else ""


def stylesheets(page_html: str, page_path: str) -> list[str]:
    """Site paths of the page's local stylesheets (Material's and the portal's) and its icon."""
    found = []
    for href in _STYLESHEET.findall(page_html):
        target = _site_path(page_path, html.unescape(href))
        if target is not None:
            found.append(target[0])
    return found


def css_files(css: str, css_path: str) -> list[str]:
    """Site paths of the files a stylesheet loads with ``url()`` (fonts, images), data: URIs aside."""
    found = []
    for ref in _CSS_URL.findall(css):
        target = _site_path(css_path, ref) if not ref.startswith("data:") else None
        if target is not None and target[0]:
            found.append(target[0])
    return found


def script_imports(js: str, js_path: str) -> list[str]:
    """Site paths of the modules an ES module imports (static and dynamic, relative specifiers)."""
    return [posixpath.normpath(posixpath.join(posixpath.dirname(js_path), spec)) for spec in _JS_IMPORT.findall(js)]


@functools.lru_cache(maxsize=16384)  # the same clause and handbook links recur in every module
def _site_path(page_path: str, href: str) -> tuple[str, str] | None:
    """(site path, fragment) of a link on the page at ``page_path``; None for another host."""
    url = urlsplit(urljoin(_BASE + page_path, href))
    if f"{url.scheme}://{url.netloc}/" != _BASE:
        return None
    return unquote(url.path.lstrip("/")), url.fragment


def _normal(path: str) -> str:
    return path[: -len("index.html")] if path == "index.html" or path.endswith("/index.html") else path


class Linker:
    """Rewrites a part's links and ids for the package's one page."""

    def __init__(self, parts: list[Part], module_dir: str, site_url: str, is_file) -> None:
        self.parts = {_normal(p.path): p for p in parts}
        self.module_dir = module_dir  # training/<module>/: files under it travel with the package
        self.site_url = site_url.rstrip("/") + "/"
        self.is_file = is_file  # site path -> bool: a published file (not a page)

    def href(self, part: Part, href: str) -> tuple[str, bool, str | None]:
        """(new href, opens in a new window?, a file the package must carry or None)."""
        if href.startswith("#"):
            return (self._anchor(part, unquote(href[1:])), False, None)
        target = _site_path(part.path, href)
        if target is None:
            return (href, urlsplit(href).scheme in ("http", "https"), None)
        path, fragment = target
        page = self.parts.get(_normal(path))
        if page is not None:
            return (self._anchor(page, fragment) if fragment else f"#{page.id}", False, None)
        if path.startswith(self.module_dir) and self.is_file(path):
            return (path + (f"#{fragment}" if fragment else ""), False, path)
        return (self.site_url + path + (f"#{fragment}" if fragment else ""), True, None)

    @staticmethod
    def _anchor(part: Part, fragment: str) -> str:
        if not fragment:
            return f"#{part.id}"
        return f"#{part.id}--{fragment}" if part.prefix_ids else f"#{fragment}"

    def rewrite(self, part: Part, text: str) -> Rewritten:
        out = Rewritten("")

        def link(m: re.Match) -> str:
            attrs = dict(_ATTR.findall(" " + m.group(1)))
            if "href" not in attrs:
                return m.group(0)
            new, external, needed = self.href(part, html.unescape(attrs["href"]))
            if needed:
                out.files.add(needed)
            attrs["href"] = new
            if external:
                attrs["target"] = "_blank"
                attrs["rel"] = "noopener"
            attrs.pop("download", None)
            return "<a" + "".join(f' {k}="{v if k != "href" else esc(v)}"' for k, v in attrs.items()) + ">"

        def source(m: re.Match) -> str:
            target = _site_path(part.path, html.unescape(m.group(2)))
            if target is None or not self.is_file(target[0]):
                return m.group(0)
            out.files.add(target[0])
            return f"{m.group(1)}{esc(target[0])}{m.group(3)}"

        def quiz_data(m: re.Match) -> str:
            data = json.loads(html.unescape(m.group(2)))
            for question in data.get("questions", []):
                src = question.get("source") or {}
                if isinstance(src.get("href"), str):
                    src["href"] = self.href(part, src["href"])[0]
            return m.group(1) + esc(json.dumps(data, ensure_ascii=False, separators=(",", ":"))) + m.group(3)

        text = _OFFLINE.sub("", _DOWNLOAD.sub("", _MY_STATUS.sub("", text)))
        text = _QUIZ_NEXT.sub(r"\1", text)
        text = _QUIZ_DATA.sub(quiz_data, text)
        if part.prefix_ids:
            text = _ID.sub(lambda m: f"{m.group(1)}{part.id}--{m.group(2)}{m.group(3)}", text)
        text = _TAG_A.sub(link, text)
        out.body = _SRC.sub(source, text)
        return out


def sco_page(
    title: str,
    module_id: str,
    pass_mark: int,
    body_attrs: str,
    styles: list[str],
    parts: list[tuple[Part, str]],
    site_url: str,
    entry: str = ENTRY_SCRIPT,
) -> str:
    """The package's one page (index.html at the zip root); ``entry``: the site path ``sco.js``
    ships under (content-hashed)."""
    toc = "".join(f'<li><a href="#{esc(p.id)}">{esc(p.title)}</a></li>' for p, _ in parts)
    sections = "\n".join(
        f'<section class="sco-part" id="{esc(p.id)}" aria-label="{esc(p.title)}">\n{body}\n</section>' for p, body in parts
    )
    links = "".join(f'<link rel="{"stylesheet" if s.endswith(".css") else "icon"}" href="{esc(s)}">' for s in styles)
    return (
        '<!doctype html>\n<html lang="zh-CN" class="no-js">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n{links}\n"
        "<style>.sco-head{margin-bottom:1em}.sco-toc ol{margin-top:.2em}"
        ".sco-toc a[aria-current]{font-weight:700}.sco-notice{padding:.6em .8em}.sco-notice[hidden]{display:none}</style>\n"
        f'</head>\n<body{body_attrs} data-module="{esc(module_id)}" data-pass="{int(pass_mark)}">\n'
        '<div class="md-container"><main class="md-main"><div class="md-main__inner md-grid"><div class="md-content">'
        '<article class="md-content__inner md-typeset">\n'
        f'<header class="sco-head"><p><strong>{esc(title)}</strong> · 培训课程包（SCORM 1.2）</p>'
        '<p class="sco-notice admonition warning" role="status" hidden></p>'
        f'<nav class="sco-toc" aria-label="本模块内容"><ol>{toc}</ol></nav>'
        f'<p class="sco-about"><small>课文中指向政策原文、手册等门户其他页面的链接会在新窗口打开门户网站'
        f"（{esc(site_url)}）。自测是自我检测，能否计入学时由区里决定。</small></p></header>\n"
        f"{sections}\n</article></div></div></main></div>\n"
        f'<script type="module" src="{esc(entry)}"></script>\n</body>\n</html>\n'
    )
