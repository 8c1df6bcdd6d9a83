"""External-resource gate: the built site loads nothing from another host."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, run_mkdocs_build, shipped_asset

from macros.core.sitecheck import BUNDLE_ALLOWANCES, external_resources, is_absolute, scan_css, scan_file, scan_js

CHECK_SITE = ROOT / "scripts" / "check_site.py"


def run_check_site(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(CHECK_SITE), *args], capture_output=True, text=True)


def where(text: str, needle: str) -> tuple[int, int]:
    """1-based line and column of the first occurrence of ``needle``."""
    offset = text.index(needle)
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


# ----------------------------------------------------------------- pure functions


@pytest.mark.parametrize(
    ("url", "absolute"),
    [
        ("https://fonts.googleapis.com/css", True),
        ("http://example.org/a.png", True),
        ("//cdn.jsdelivr.net/x.js", True),
        ("\\\\cdn.example/x.js", True),
        ("  HTTPS://cdn.example/x.js", True),
        ("wss://push.example/", True),
        ("assets/portal.css", False),
        ("../img/a.png", False),
        ("/assets/a.png", False),
        ("#c5-3", False),
        ("data:image/svg+xml;charset=utf-8,<svg xmlns='http://www.w3.org/2000/svg'/>", False),
        ("http://www.w3.org/2000/svg", False),  # a namespace name, never fetched
        ("mailto:a@example.org", False),
    ],
)
def test_is_absolute(url, absolute):
    assert is_absolute(url) is absolute


HTML_LOADS = [
    (
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Noto+Sans+SC&amp;display=swap">',
        "https://fonts.googleapis.com/",
    ),
    ('<link rel="preconnect" href="https://fonts.gstatic.com">', "https://fonts.gstatic.com"),
    ('<link rel="icon" href="//cdn.example.com/favicon.ico">', "//cdn.example.com/favicon.ico"),
    ('<link rel="preload" as="font" href="https://cdn.example.com/f.woff2">', "https://cdn.example.com/f.woff2"),
    ('<link rel="manifest" href="https://cdn.example.com/m.json">', "https://cdn.example.com/m.json"),
    ('<link rel="alternate stylesheet" href="https://cdn.example.com/alt.css">', "https://cdn.example.com/alt.css"),
    ('<script src="https://cdn.jsdelivr.net/npm/x.js"></script>', "https://cdn.jsdelivr.net/npm/x.js"),
    ('<img alt="" src="https://img.example.com/a.png">', "https://img.example.com/a.png"),
    ('<img alt="" src="a.png" srcset="a.png 1x, https://img.example.com/b.png 2x">', "https://img.example.com/b.png"),
    ('<picture><source srcset="https://img.example.com/c.webp"></picture>', "https://img.example.com/c.webp"),
    ('<iframe title="地图" src="https://map.example.com/embed"></iframe>', "https://map.example.com/embed"),
    ('<video src="https://v.example.com/a.mp4"></video>', "https://v.example.com/a.mp4"),
    ('<video poster="https://v.example.com/p.jpg"></video>', "https://v.example.com/p.jpg"),
    ('<audio><source src="https://v.example.com/a.mp3"></audio>', "https://v.example.com/a.mp3"),
    ('<object data="https://v.example.com/a.pdf"></object>', "https://v.example.com/a.pdf"),
    ('<embed src="https://v.example.com/a.swf">', "https://v.example.com/a.swf"),
    ('<svg><image href="https://img.example.com/a.svg"/></svg>', "https://img.example.com/a.svg"),
    ('<base href="https://cdn.example.com/">', "https://cdn.example.com/"),
    ("<div style=\"background: url('https://img.example.com/bg.png')\"></div>", "https://img.example.com/bg.png"),
    ("<style>@import url(https://fonts.googleapis.com/css);</style>", "https://fonts.googleapis.com/css"),
    ('<script>import("https://esm.example.com/m.js")</script>', "https://esm.example.com/m.js"),
    ("<body onload=\"fetch('https://api.example.com/track')\"></body>", "https://api.example.com/track"),
    ('<IMG ALT="" SRC="HTTPS://IMG.EXAMPLE.COM/UPPER.PNG">', "HTTPS://IMG.EXAMPLE.COM/UPPER.PNG"),
]


@pytest.mark.parametrize(("html", "url"), HTML_LOADS)
def test_html_loads_are_reported_at_the_address(html, url):
    text = f"<!doctype html>\n<html><body>\n  {html}\n</body></html>\n"
    problems = scan_file(text, "page/index.html")
    assert len(problems) == 1, [p.format() for p in problems]
    line, col = where(text, url)
    assert (problems[0].path, problems[0].line, problems[0].col) == ("page/index.html", line, col)
    assert problems[0].rule == "SITE-EXTERNAL"
    assert "从其他主机加载资源" in problems[0].message


@pytest.mark.parametrize(
    "html",
    [
        '<a href="https://www.gov.cn/">中国政府网</a>',  # navigation, not a load
        '<link rel="canonical" href="https://portal.example.org/">',
        '<link rel="alternate" type="application/rss+xml" href="https://portal.example.org/feed.xml">',
        '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0"/></svg>',
        '<form action="https://survey.example.org/"></form>',
        '<script type="application/ld+json">{"url": "https://portal.example.org/"}</script>',
        '<meta property="og:image" content="https://portal.example.org/a.png">',
        '<img alt="" src="assets/images/a.png" srcset="assets/images/a@2x.png 2x">',
        "<style>/* 参见 https://fonts.google.com/ */ a { color: red }</style>",
        "<script>// https://github.com/WICG/focus-visible\nvar r = /^(?:[a-z]+:)?\\/\\//i;</script>",
        '<script>console.warn("Invalid query – see https://bit.ly/2s3ChXG")</script>',
    ],
)
def test_html_non_loads_are_not_reported(html):
    assert scan_file(f"<html><body>{html}</body></html>", "x.html") == []


def test_svg_files_are_scanned(tmp_path):
    (tmp_path / "index.html").write_text("<html></html>", encoding="utf-8")
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets/logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">\n'
        '  <image xlink:href="https://img.example.com/a.png" width="10" height="10"/>\n</svg>\n',
        encoding="utf-8",
    )
    assert [(p.path, p.line, p.col) for p in external_resources(tmp_path)] == [("assets/logo.svg", 2, 22)]


def test_css_url_import_and_image_set():
    css = (
        "/* https://fonts.google.com/ licence comment */\n"
        '@import "https://fonts.googleapis.com/css2?family=Noto+Serif+SC";\n'
        "@import url(//cdn.example.com/reset.css);\n"
        ".a { background: url(\"data:image/svg+xml;charset=utf-8,<svg xmlns='http://www.w3.org/2000/svg'/>\") }\n"
        '.b { background: image-set("https://img.example.com/1.png" 1x, "local.png" 2x) }\n'
        ".c { background: url(../images/local.png) }\n"
    )
    assert [(f.url, f.what) for f in scan_css(css)] == [
        ("https://fonts.googleapis.com/css2?family=Noto+Serif+SC", "CSS @import"),
        ("//cdn.example.com/reset.css", "CSS url()"),
        ("https://img.example.com/1.png", "CSS image-set()"),
    ]


def test_js_literals_decided_by_context():
    js = (
        "/*! lib v1 | https://github.com/example/lib | MIT */\n"
        'var re = /https?:\\/\\/[^"]+/g, esc = "\\\\", n = a / b / c;\n'
        'fetch("https://api.example.com/data");\n'
        "importScripts('\\/\\/cdn.example.com/worker.js');\n"
        "const u = `https://esm.example.com/${name}.js`;\n"
        'console.warn("see https://bit.ly/x for help");\n'
        "el.innerHTML = '<img src=\"https://img.example.com/a.png\">';\n"
    )
    assert [f.url for f in scan_js(js)] == [
        "https://api.example.com/data",
        "//cdn.example.com/worker.js",
        "https://esm.example.com/",
        "https://img.example.com/a.png",
    ]


# ----------------------------------------------------------------- the shipped build


def test_shipped_site_loads_nothing_from_another_host(built_site):
    problems = external_resources(built_site)
    assert problems == [], "\n".join(p.format() for p in problems)


def test_every_bundle_allowance_is_still_needed_and_only_covers_the_bundle(built_site):
    """Each allowance matches a URL literal in Material's bundle (so none is stale), and
    nothing else in the bundle is allowed; the same URL elsewhere is still reported."""
    bundles = list((built_site / "assets/javascripts").glob("bundle.*.min.js"))
    assert len(bundles) == 1
    rel = bundles[0].relative_to(built_site).as_posix()
    found = scan_js(bundles[0].read_text(encoding="utf-8"))
    assert found, "Material's bundle has no URL literals any more: remove BUNDLE_ALLOWANCES"
    for allowance in BUNDLE_ALLOWANCES:
        assert any(allowance.covers(rel, f.url) for f in found), f"unused allowance: {allowance.url}"
    for f in found:
        assert any(a.covers(rel, f.url) for a in BUNDLE_ALLOWANCES), f"unexplained URL in Material's bundle: {f.url}"
    planted = 'var s = document.createElement("script"); s.src = "https://unpkg.com/mermaid@11/dist/mermaid.min.js";'
    assert [p.line for p in scan_file(planted, "assets/extra.js")] == [1]


def test_material_conditions_for_allowed_urls_are_checked():
    html = '<html><body>\n<a href="https://github.com/x/y" data-md-component="source">x</a>\n<pre class="mermaid"><code>graph LR</code></pre>\n</body></html>'
    problems = scan_file(html, "index.html")
    assert [(p.line, p.col) for p in problems] == [(2, 1), (3, 1)]
    assert "repo_url" in problems[0].message and "Mermaid" in problems[1].message


# ----------------------------------------------------------------- planted faults


@pytest.fixture
def faulty_site(built_site, tmp_path) -> tuple[Path, dict[str, tuple[str, int, int]]]:
    """A copy of the shipped build with four planted external loads; returns where each is."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    expected: dict[str, tuple[str, int, int]] = {}

    def plant(rel: str, anchor: str, snippet: str, url: str) -> None:
        path = site / rel
        text = path.read_text(encoding="utf-8")
        assert anchor in text
        text = text.replace(anchor, anchor + "\n" + snippet, 1)
        path.write_text(text, encoding="utf-8")
        expected[url] = (rel, *where(text, url))

    plant(
        "index.html",
        "<head>",
        '    <link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Noto+Sans+SC&amp;display=swap">',
        "https://fonts.googleapis.com/css2?family=Noto+Sans+SC",
    )
    plant(
        "policies/shanghai-2023-25/index.html",
        "</article>",
        '<script src="https://cdn.jsdelivr.net/npm/jquery@3/dist/jquery.min.js"></script>',
        "https://cdn.jsdelivr.net/npm/jquery@3/dist/jquery.min.js",
    )
    portal_css = shipped_asset(site, "assets/portal.css")  # content-hashed
    plant(
        portal_css,
        "/* Policy header block */",
        '@import "https://cdn.example.com/theme.css";',
        "https://cdn.example.com/theme.css",
    )
    plant(
        portal_css,
        "/* Glossary tooltips */",
        ".hero { background: url(//img.example.com/hero.jpg) }",
        "//img.example.com/hero.jpg",
    )
    plant(
        "glossary/index.html",
        "</h1>",
        '<img alt="示例" src="https://img.example.com/map.png">',
        "https://img.example.com/map.png",
    )
    return site, expected


def test_planted_faults_are_each_caught_at_their_position(faulty_site):
    site, expected = faulty_site
    problems = external_resources(site)
    got = {p.message.split("：", 1)[1].split("；")[0]: (p.path, p.line, p.col) for p in problems}
    want = {url.replace("&amp;", "&"): pos for url, pos in expected.items()}
    assert len(problems) == len(expected), "\n".join(p.format() for p in problems)
    for url, pos in want.items():
        hits = [v for k, v in got.items() if k.startswith(url)]
        assert hits == [pos], (url, got)


def test_cli_reports_planted_faults_and_exits_1(faulty_site):
    site, expected = faulty_site
    result = run_check_site(str(site))
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(expected)
    for rel, line, col in expected.values():
        assert any(out.startswith(f"{rel}:{line}:{col}: error: ") and out.endswith(" [SITE-EXTERNAL]") for out in lines), (
            rel,
            line,
            col,
            lines,
        )
    assert "共 5 处" in result.stderr


def test_cli_clean_site_exits_0(built_site):
    result = run_check_site(str(built_site))
    assert (result.returncode, result.stdout) == (0, ""), result.stderr


@pytest.mark.parametrize("args", [[], ["/nonexistent/site"], ["a", "b"]])
def test_cli_usage_errors_exit_2_in_chinese(args, tmp_path):
    result = run_check_site(*args)
    assert result.returncode == 2
    assert "用法错误" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_help_is_chinese():
    result = run_check_site("--help")
    assert result.returncode == 0
    assert "用法" in result.stdout and "站点目录" in result.stdout and "退出码" in result.stdout


def test_cli_rejects_a_directory_without_html(tmp_path):
    result = run_check_site(str(tmp_path))
    assert result.returncode == 2
    assert "没有 HTML 文件" in result.stderr


# ----------------------------------------------------------------- configuration


def _mkdocs_config(root: Path) -> dict:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    return yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


def test_config_keeps_fonts_and_generator_off():
    config = _mkdocs_config(ROOT)
    assert config["theme"]["font"] is False, "theme.font must stay false: Material would load Google Fonts"
    assert config["extra"]["generator"] is False
    assert config["theme"]["custom_dir"] == "overrides"
    assert (ROOT / "overrides").is_dir()


def test_theme_fonts_and_analytics_are_caught(project_copy, tmp_path):
    """Turning on the theme's fonts (Material's default) or Google Analytics makes the gate fail."""
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  font: false\n" in text and "extra:\n  generator: false\n" in text
    text = text.replace("  font: false\n", "  font:\n    text: Noto Sans SC\n")
    text = text.replace(
        "extra:\n  generator: false\n",
        "extra:\n  generator: false\n  analytics:\n    provider: google\n    property: G-EXAMPLE123\n",
    )
    config.write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    result = run_mkdocs_build(project_copy, site)
    assert result.returncode == 0, result.stdout + result.stderr

    index = (site / "index.html").read_text(encoding="utf-8")
    lines = index.splitlines()
    problems = [p for p in external_resources(site) if p.path == "index.html"]
    hosts = {re.search(r"//([A-Za-z0-9.-]+)", lines[p.line - 1][p.col - 1 :]).group(1) for p in problems}
    assert {"fonts.googleapis.com", "fonts.gstatic.com", "www.googletagmanager.com"} <= hosts, [p.format() for p in problems]
    for p in problems:  # each position points at the address itself
        assert lines[p.line - 1][p.col - 1 :].startswith(("https://", "//")), p.format()
