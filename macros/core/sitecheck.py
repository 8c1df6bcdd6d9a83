"""External-resource gate for a built site: the portal must load nothing from another host.

``external_resources(site_dir)`` scans every HTML, CSS and JavaScript file of a
built site and reports each resource the browser would *load* from an absolute
address (``https://…``, ``http://…``, ``//host/…``): scripts, stylesheets,
icons, preloads, images, iframes, media, objects, CSS ``url()``/``@import`` and
URL literals in scripts.  Navigation links (``<a href>``, ``<link rel=canonical>``)
are not loads and are not reported.

Every finding is a :class:`~macros.core.problems.Problem` at ``file:line:col`` of the
address itself, relative to the site directory.

Material's bundled JavaScript contains a few URL literals that it loads only
under conditions this portal does not meet; those are listed in
:data:`BUNDLE_ALLOWANCES` with the reason, and the conditions that would make
them real loads are themselves checked in the HTML (see ``_material_triggers``).
"""

from __future__ import annotations

import bisect
import fnmatch
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from macros.core.problems import Problem

RULE = "SITE-EXTERNAL"

# An address the browser resolves against another host: an explicit network
# scheme, or a protocol-relative ``//host`` (browsers also accept ``\\host``).
_ABSOLUTE = re.compile(r"^[\x00-\x20]*(?:(?:https?|wss?|ftp)[\x00-\x20]*:|[\\/]{2}[\w\[])", re.I)

# XML namespace names are identifiers that happen to look like addresses; the
# browser never fetches them (createElementNS("http://www.w3.org/2000/svg", …)).
_NAMESPACES = (
    "http://www.w3.org/2000/svg",
    "http://www.w3.org/1999/xhtml",
    "http://www.w3.org/1999/xlink",
    "http://www.w3.org/1998/Math/MathML",
    "http://www.w3.org/XML/1998/namespace",
    "http://www.w3.org/2000/xmlns/",
)

SCANNED_SUFFIXES = (".html", ".htm", ".svg", ".css", ".js", ".mjs")


@dataclass(frozen=True)
class Allowance:
    """A URL literal in a third-party bundle that is not loaded by this site, and why."""

    file_glob: str  # path inside the site, fnmatch pattern
    url: str
    reason: str
    prefix: bool = True  # False: the literal must equal ``url``

    def covers(self, rel_path: str, url: str) -> bool:
        if not fnmatch.fnmatch(rel_path, self.file_glob):
            return False
        return url.startswith(self.url) if self.prefix else url == self.url


# Material for MkDocs 9.x bundle (assets/javascripts/bundle.<hash>.min.js).
# Each literal below is passed to Material's script loader or fetch only in a
# situation checked elsewhere or impossible for a browser that runs the bundle.
BUNDLE_ALLOWANCES: tuple[Allowance, ...] = (
    Allowance(
        "assets/javascripts/bundle.*.min.js",
        "https://unpkg.com/resize-observer-polyfill",
        "只在浏览器没有 ResizeObserver 时加载（typeof ResizeObserver == 'undefined'）；"
        "Chrome 64、Firefox 69、Safari 13.1、微信/QQ 浏览器的 Chromium 内核都已内置，"
        "而 Material 9 不支持更旧的浏览器。",
    ),
    Allowance(
        "assets/javascripts/bundle.*.min.js",
        "https://unpkg.com/mermaid@",
        '只在页面含 Mermaid 图（class="mermaid" 的元素）时加载；本检查在 HTML 中发现这种元素会单独报错。',
    ),
    Allowance(
        "assets/javascripts/bundle.*.min.js",
        "https://api.github.com/",
        '只在页面头部显示代码仓库（mkdocs.yml 设置了 repo_url，HTML 中出现 data-md-component="source"）时读取；'
        "本检查在 HTML 中发现这种元素会单独报错。",
    ),
    Allowance(
        "assets/javascripts/bundle.*.min.js",
        "https://",
        "GitLab 仓库信息的地址模板 `https://${host}/api/v4/projects/…`，主机取自 repo_url；"
        "与上一条相同，只在设置了 repo_url 时读取。",
        prefix=False,
    ),
)


def is_absolute(url: str) -> bool:
    """True when the browser would fetch ``url`` from a host named in the URL itself."""
    return bool(_ABSOLUTE.match(url)) and url.strip() not in _NAMESPACES


# --------------------------------------------------------------------------- positions


class _Positions:
    """Offset ↔ 1-based line and column in one text."""

    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in re.finditer(r"\n", text)]

    def offset(self, line: int, col0: int) -> int:
        return self.starts[line - 1] + col0

    def line_col(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1


@dataclass(frozen=True)
class Finding:
    offset: int  # where the address starts in the scanned text
    url: str
    what: str  # how it is loaded, e.g. "<script src>", "CSS url()"


# --------------------------------------------------------------------------- CSS


def _strip_css_comments(css: str) -> str:
    """Comments replaced by spaces (same length, newlines kept); strings untouched."""
    out = list(css)
    i, n = 0, len(css)
    while i < n:
        c = css[i]
        if c in "\"'":
            j = i + 1
            while j < n and css[j] != c and css[j] != "\n":
                j += 2 if css[j] == "\\" else 1
            i = j + 1
        elif css.startswith("/*", i):
            end = css.find("*/", i + 2)
            end = n if end < 0 else end + 2
            for k in range(i, end):
                if out[k] != "\n":
                    out[k] = " "
            i = end
        else:
            i += 1
    return "".join(out)


_CSS_URL = re.compile(r"""url\(\s*(?:"(?P<d>[^"]*)"|'(?P<s>[^']*)'|(?P<u>[^)"'\s]*))""", re.I)
_CSS_IMPORT = re.compile(r"""@import\s+(?:"(?P<d>[^"]*)"|'(?P<s>[^']*)')""", re.I)
_CSS_IMAGE_SET = re.compile(r"""image-set\(""", re.I)
_CSS_STRING = re.compile(r""""([^"]*)"|'([^']*)'""")


def scan_css(css: str) -> list[Finding]:
    """Absolute addresses in ``url()``, ``@import "…"`` and ``image-set("…")``."""
    text = _strip_css_comments(css)
    found: list[Finding] = []
    for pattern, what in ((_CSS_URL, "CSS url()"), (_CSS_IMPORT, "CSS @import")):
        for m in pattern.finditer(text):
            group = next(g for g in ("d", "s", "u") if g in m.groupdict() and m.group(g) is not None)
            if is_absolute(m.group(group)):
                found.append(Finding(m.start(group), m.group(group), what))
    for m in _CSS_IMAGE_SET.finditer(text):
        depth, i = 1, m.end()
        while i < len(text) and depth:
            if text[i] == "(":
                depth += 1
            elif text[i] == ")":
                depth -= 1
            elif text[i] in "\"'":
                s = _CSS_STRING.match(text, i)
                if s:
                    value = s.group(1) if s.group(1) is not None else s.group(2)
                    if is_absolute(value):
                        found.append(Finding(i + 1, value, "CSS image-set()"))
                    i = s.end() - 1
            i += 1
    return sorted(found, key=lambda f: f.offset)


# --------------------------------------------------------------------------- JavaScript

_REGEX_AFTER_WORDS = frozenset("return typeof case do else in of new delete void throw instanceof yield await".split())
_REGEX_AFTER_PUNCT = frozenset("(,=:[!&|?{};+-*%<>~^")
# A URL inside a string that is markup or CSS the script writes into the page.
_EMBEDDED_LOAD = re.compile(
    r"""(?:\b(?:src|href|srcset|poster|data)\s*=\s*\\?["']?|url\(\s*\\?["']?|@import\s+\\?["']?)(?P<url>[^\s"'\\)>]+)""",
    re.I,
)


_JS_ESCAPE = re.compile(r"\\(.)", re.S)  # "\/\/cdn" is "//cdn"; "\\" is one backslash


def _js_strings(js: str) -> list[tuple[int, str]]:
    """(offset, contents) of every string literal and static template chunk.

    A small lexer: it skips comments and regular-expression literals (told from
    division by the token before the slash, as JavaScript parsers do) so that
    addresses in licence comments and regexes are not mistaken for strings.
    """
    out: list[tuple[int, str]] = []
    n = len(js)
    i = 0
    prev = ""  # last significant token: a punctuator, "word", or a keyword
    braces: list[int] = []  # brace depth at each open ${ of a template
    depth = 0

    def template(start: int) -> int:
        """Read a template chunk starting after ` or }; return index after it."""
        j = start
        while j < n:
            if js[j] == "\\":
                j += 2
            elif js[j] == "`":
                out.append((start, js[start:j]))
                return j + 1
            elif js.startswith("${", j):
                out.append((start, js[start:j]))
                braces.append(depth)
                return j + 2
            else:
                j += 1
        out.append((start, js[start:]))
        return n

    while i < n:
        c = js[i]
        if c.isspace():
            i += 1
        elif js.startswith("//", i):
            end = js.find("\n", i)
            i = n if end < 0 else end
        elif js.startswith("/*", i):
            end = js.find("*/", i + 2)
            i = n if end < 0 else end + 2
        elif c in "\"'":
            j = i + 1
            while j < n and js[j] != c and js[j] != "\n":
                j += 2 if js[j] == "\\" else 1
            out.append((i + 1, js[i + 1 : j]))
            i, prev = j + 1, "word"
        elif c == "`":
            i, prev = template(i + 1), "word"
            if braces and braces[-1] == depth and js[i - 2 : i] == "${":
                prev = "{"
        elif c == "/":
            if prev == "" or prev in _REGEX_AFTER_PUNCT or prev in _REGEX_AFTER_WORDS:
                j, in_class = i + 1, False
                while j < n and js[j] != "\n":
                    if js[j] == "\\":
                        j += 2
                        continue
                    if js[j] == "[":
                        in_class = True
                    elif js[j] == "]":
                        in_class = False
                    elif js[j] == "/" and not in_class:
                        break
                    j += 1
                j += 1
                while j < n and (js[j].isalnum() or js[j] == "_"):
                    j += 1
                i, prev = j, "word"
            else:
                i, prev = i + 1, "/"
        elif c.isalnum() or c in "_$":
            j = i
            while j < n and (js[j].isalnum() or js[j] in "_$"):
                j += 1
            word = js[i:j]
            prev = word if word in _REGEX_AFTER_WORDS else "word"
            i = j
        elif c == "{":
            depth += 1
            i, prev = i + 1, "{"
        elif c == "}":
            if braces and braces[-1] == depth:
                braces.pop()
                i, prev = template(i + 1), "word"
                if braces and js[i - 2 : i] == "${" and braces[-1] == depth:
                    prev = "{"
            else:
                depth -= 1
                i, prev = i + 1, "}"
        elif c in ")]":
            i, prev = i + 1, "word"
        else:
            i, prev = i + 1, c
    return out


def scan_js(js: str) -> list[Finding]:
    """URL literals a script would load.

    A string (or template chunk) that *is* an absolute address is treated as a
    load: scripts pass such values to ``import()``, ``fetch()``, ``importScripts()``,
    ``new Worker()``, ``script.src = …``.  An address inside prose (an error
    message that says "see https://…") is not, unless it sits in markup or CSS
    the script writes (``src="…"``, ``url(…)``, ``@import``).
    """
    found: list[Finding] = []
    for offset, raw in _js_strings(js):
        value = _JS_ESCAPE.sub(lambda m: m.group(1), raw)
        if is_absolute(value):
            lead = len(value) - len(value.lstrip())
            found.append(Finding(offset + lead, value.strip(), "JavaScript 地址字面量"))
            continue
        for m in _EMBEDDED_LOAD.finditer(value):
            if is_absolute(m.group("url")):
                found.append(Finding(offset + m.start("url"), m.group("url"), "JavaScript 写入的标记或样式"))
    return found


# --------------------------------------------------------------------------- HTML

_LOAD_ATTRS: dict[str, tuple[str, ...]] = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "input": ("src",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
    "feimage": ("href", "xlink:href"),
    "base": ("href",),
    "body": ("background",),
    "table": ("background",),
    "td": ("background",),
}
# <link rel> values that never make the browser fetch the href.
_NON_LOADING_RELS = frozenset(
    "canonical alternate author license next prev help bookmark me search tag external nofollow "
    "noopener noreferrer opener privacy-policy terms-of-service edit".split()
)
_NON_SCRIPT_TYPES = frozenset({"application/json", "application/ld+json", "text/template", "text/x-template", "importmap"})


def _srcset_urls(value: str) -> list[tuple[int, str]]:
    return [(m.start(1), m.group(1)) for m in re.finditer(r"(?:^|,)\s*([^\s,]+)", value)]


class _HtmlScanner(HTMLParser):
    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.text = text
        self.pos = _Positions(text)
        self.findings: list[Finding] = []
        self.triggers: list[tuple[int, str]] = []
        self.cdata: str | None = None  # "css" or "js" while inside <style>/<script>

    def _tag_offset(self) -> int:
        line, col0 = self.getpos()
        return self.pos.offset(line, col0)

    def _attr_offset(self, tag_start: int, tag_text: str, name: str) -> int:
        m = re.search(rf"""[\s/]{re.escape(name)}\s*=\s*["']?""", tag_text, re.I)
        return tag_start + (m.end() if m else 0)

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)
        self.cdata = None

    def handle_starttag(self, tag: str, attrs) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        start = self._tag_offset()
        tag_text = self.get_starttag_text() or ""
        names = list(_LOAD_ATTRS.get(tag, ()))
        what = tag
        if tag == "link":
            rels = set(values.get("rel", "").lower().split())
            if rels and not rels <= _NON_LOADING_RELS:
                names = ["href", "imagesrcset"]
                what = f"link rel={values.get('rel', '')}"
        for name in names:
            if name not in values:
                continue
            at = self._attr_offset(start, tag_text, name)
            raw_value = self.text[at : at + len(tag_text)]
            urls = _srcset_urls(values[name]) if name.endswith("srcset") else [(0, values[name])]
            for rel_offset, url in urls:
                if is_absolute(url):
                    local = raw_value.find(url.split("&")[0])
                    self.findings.append(Finding(at + (local if local >= 0 else rel_offset), url.strip(), f"<{what} {name}>"))
        if "style" in values:
            at = self._attr_offset(start, tag_text, "style")
            for f in scan_css(values["style"]):
                self.findings.append(Finding(at + f.offset, f.url, f"style 属性中的 {f.what}"))
        for name, value in values.items():
            if name.startswith("on") and value:  # onload="fetch('https://…')"
                at = self._attr_offset(start, tag_text, name)
                for f in scan_js(value):
                    self.findings.append(Finding(at + f.offset, f.url, f"{name} 属性中的 {f.what}"))
        self._material_triggers(tag, values, start)
        if tag == "style":
            self.cdata = "css"
        elif tag == "script" and "src" not in values and values.get("type", "").lower() not in _NON_SCRIPT_TYPES:
            self.cdata = "js"
        else:
            self.cdata = None

    def _material_triggers(self, tag: str, values: dict[str, str], start: int) -> None:
        """Elements that make Material's bundle load one of the allowed URLs."""
        if "mermaid" in values.get("class", "").split():
            self.triggers.append((start, "页面含 Mermaid 图，Material 会从 unpkg.com 加载 mermaid.min.js；请勿启用 Mermaid"))
        if values.get("data-md-component") == "source":
            self.triggers.append(
                (start, "页面头部显示代码仓库（repo_url），Material 会从 GitHub/GitLab 的接口读取仓库信息；请删去 repo_url")
            )

    def handle_endtag(self, tag: str) -> None:
        self.cdata = None

    def handle_data(self, data: str) -> None:
        if self.cdata is None:
            return
        base = self._tag_offset()
        scan = scan_css if self.cdata == "css" else scan_js
        where = "<style>" if self.cdata == "css" else "<script>"
        for f in scan(data):
            self.findings.append(Finding(base + f.offset, f.url, f"{where} 中的 {f.what}"))


# --------------------------------------------------------------------------- site


def _message(finding: Finding) -> str:
    return f"从其他主机加载资源（{finding.what}）：{finding.url}；站点必须离线可用，请把资源放进 docs/ 并用相对地址引用"


def _allowed(rel_path: str, url: str) -> bool:
    return any(a.covers(rel_path, url) for a in BUNDLE_ALLOWANCES)


def scan_file(text: str, rel_path: str) -> list[Problem]:
    """Problems in one file's text; the kind is told by the file name's suffix."""
    pos = _Positions(text)
    problems: list[Problem] = []
    suffix = Path(rel_path).suffix.lower()
    triggers: list[tuple[int, str]] = []
    if suffix in (".html", ".htm", ".svg"):  # SVG: <image href>, <use href>, <style>, <script>
        scanner = _HtmlScanner(text)
        scanner.feed(text)
        scanner.close()
        findings, triggers = scanner.findings, scanner.triggers
    elif suffix == ".css":
        findings = scan_css(text)
    elif suffix in (".js", ".mjs"):
        findings = [f for f in scan_js(text) if not _allowed(rel_path, f.url)]
    else:
        return []
    for f in findings:
        line, col = pos.line_col(f.offset)
        problems.append(Problem(rel_path, line, col, _message(f), rule=RULE))
    for offset, message in triggers:
        line, col = pos.line_col(offset)
        problems.append(Problem(rel_path, line, col, message, rule=RULE))
    return sorted(problems)


def external_resources(site_dir: str | Path) -> list[Problem]:
    """Every resource the built site in ``site_dir`` would load from another host."""
    root = Path(site_dir)
    problems: list[Problem] = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix.lower() in SCANNED_SUFFIXES:
            rel = path.relative_to(root).as_posix()
            problems.extend(scan_file(path.read_text(encoding="utf-8", errors="replace"), rel))
    return problems
