"""What a phone downloads of the site's own JavaScript (#25: "the compressed bytes a page
downloads do not grow"), and that the shipped scripts are the source without its comments.

A page's figure is every same-site ``.js`` file Chromium fetches while opening it — Material's
bundle, the portal modules the page imports, the search worker and what it loads with
importScripts, but not the offline service worker's precache — each gzip-compressed at level 6 as a web server does, added up (the 性能 page's
method). BEFORE_MODULES is that figure measured on b596edd, the last version before the ES
modules; BUDGET is the figure recorded after the scripts were shipped without comments
(macros/core/scriptmin.py). A change that makes a page's scripts larger fails here: shrink it, or
raise the budget in the same commit and say why — never above BEFORE_MODULES.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from conftest import ROOT, portal_ready, require, watch_errors
from nodejs import run_node

from macros.core import assetnames, scriptmin

PAGES = {
    "home": "",
    "lesson": "training/policy-essentials/01-what-and-why/",
    "quiz": "training/policy-essentials/quiz/",
    "school": "schools/chenguang-middle/",
    "my-learning": "training/my-learning/",
    "editor": "schools/editor/",
}
# gzip bytes, b596edd (measured 2026-12-06 with the same method, in a git worktree).
BEFORE_MODULES = {"home": 51894, "lesson": 51894, "quiz": 51894, "school": 51894, "my-learning": 51894, "editor": 87041}
# Measured 2026-12-06 at 6b3e70b, rounded up to the next 500: home 42,202, lesson 45,054, quiz
# 48,246, school 42,202, 我的学习 46,694, editor 81,166 (after shipping without comments, d37f5a2,
# and the offline module loaded only where needed, ec42e09).
BUDGET = {"home": 42500, "lesson": 45500, "quiz": 48500, "school": 42500, "my-learning": 47000, "editor": 81500}

TYPESCRIPT = ROOT / "tools" / "jscheck" / "node_modules" / "typescript"


def gzip_size(path: Path) -> int:
    data = path.read_bytes()
    return min(len(data), len(gzip.compress(data, 6)))


def test_budgets_stay_below_the_figures_before_the_modules():
    assert set(BUDGET) == set(PAGES) == set(BEFORE_MODULES)
    over = {name: (BUDGET[name], BEFORE_MODULES[name]) for name in PAGES if BUDGET[name] > BEFORE_MODULES[name]}
    assert not over, over


def script_bytes(browser, site_url: str, site_dir: Path, path: str) -> tuple[int, list[str]]:
    # Without the offline service worker (#27): what it precaches in the background once per
    # deployment is the offline feature's own cost, not what opening this page needs.
    context = browser.new_context(locale="zh-CN", service_workers="block")
    fetched: list[str] = []
    # Not the service worker's own fetches: its script and the shell it precaches once the page is
    # interactive (README.md 离线阅读) are measured apart, by tests/test_offline_browser.py.
    context.on(
        "request",
        lambda request: (
            None if request.service_worker or request.url.split("?")[0].endswith("/sw.js") else fetched.append(request.url)
        ),
    )
    page = context.new_page()
    errors = watch_errors(page)
    page.goto(site_url + path)
    portal_ready(page)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)  # the search worker's importScripts
    context.close()
    assert not errors, errors
    scripts = sorted({url.split("?")[0].split("#")[0] for url in fetched if url.startswith(site_url)})
    scripts = [url[len(site_url) :] for url in scripts if url.endswith(".js")]
    return sum(gzip_size(site_dir / name) for name in scripts), scripts


@pytest.mark.parametrize("name", PAGES)
def test_a_page_downloads_no_more_script_than_its_budget(browser, site_url, built_site, name):
    size, scripts = script_bytes(browser, site_url, built_site, PAGES[name])
    assert any(s.startswith("assets/portal/") for s in scripts), scripts
    assert "assets/javascripts/portal-search.js" in map(assetnames.original_name, scripts), scripts
    assert size <= BUDGET[name], f"{name}: {size} gzip bytes of script > budget {BUDGET[name]} ({scripts})"


def source_of(shipped: str) -> Path:
    """The source file of a shipped script (its name without the content hash)."""
    name = assetnames.original_name(shipped)
    if name.startswith("assets/portal/"):
        return ROOT / "docs" / name
    return ROOT / "overrides" / name


# A reference to another of the portal's files in a shipped string: its hash, added by the build.
_HASH_IN_STRING = re.compile(r"\.[0-9a-f]{8}(?=\.(?:js|css)[\"'])")


# The syntax tree's tokens (kind and text) without comments: TypeScript's parser (tools/jscheck)
# knows where a slash starts a regular expression and where a template ends.
TOKENS = """
const ts = require(input.typescript);
const out = {};
for (const [name, text] of Object.entries(input.files)) {
  const sf = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const tokens = [];
  const walk = (node) => {
    if (node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode) return;
    const children = node.getChildren(sf);
    if (children.length) children.forEach(walk);
    else if (node.kind !== ts.SyntaxKind.EndOfFileToken) tokens.push(ts.SyntaxKind[node.kind] + " " + node.getText(sf));
  };
  walk(sf);
  out[name] = { tokens, errors: sf.parseDiagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\\n")) };
}
return out;
"""


def tokens(files: dict[str, str]) -> dict:
    require(TYPESCRIPT.is_dir(), "找不到 tools/jscheck 中的 TypeScript：先运行 make jscheck")
    return run_node(TOKENS, {"typescript": str(TYPESCRIPT), "files": files})


def test_shipped_scripts_are_the_source_without_comments(built_site):
    shipped = [path.relative_to(built_site).as_posix() for path in scriptmin.shipped_scripts(built_site)]
    names = [assetnames.original_name(name) for name in shipped]
    assert "assets/portal/main.js" in names and "assets/javascripts/portal-search.js" in names, shipped
    files = {}
    for name in shipped:
        files["source/" + name] = source_of(name).read_text(encoding="utf-8")
        files["shipped/" + name] = (built_site / name).read_text(encoding="utf-8")
        assert len(files["shipped/" + name]) < len(files["source/" + name]), name
    result = tokens(files)
    for name in shipped:
        source, small = result["source/" + name], result["shipped/" + name]
        assert not small["errors"], (name, small["errors"])
        # The same tokens, but for the hashes in the names of the files it imports.
        assert source["tokens"] == [_HASH_IN_STRING.sub("", t) for t in small["tokens"]], name


@pytest.mark.parametrize(
    "source",
    [
        "const a = `x  // kept ${b + '/* kept */'}  w\n  /* kept */`;\n",
        "const r = /\\/\\*[^*]*\\*\\//g; // a regex that looks like a comment\nconst s = '/* kept */';\n",
        "/** @param {number} n */\nexport function f(n) {\n  return n / 2 / 3; // halves\n}\n",
    ],
)
def test_shrink_keeps_strings_templates_and_regular_expressions(source):
    small = scriptmin.shrink(source)
    result = tokens({"a": source, "b": small})
    assert result["a"]["tokens"] == result["b"]["tokens"], small
    assert "halves" not in small and "@param" not in small
    assert scriptmin.shrink(small) == small


def test_shrinking_twice_changes_nothing(built_site):
    shipped = scriptmin.shipped_scripts(built_site)
    assert shipped
    for path in shipped:
        text = path.read_text(encoding="utf-8")
        assert scriptmin.shrink(text) == text, path
