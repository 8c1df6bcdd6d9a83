"""Content-hashed names of the portal's own stylesheets and scripts (#27, macros/core/assetnames.py):
the names derive from the shipped bytes, references follow in dependency order, and in the built
site every reference names a file that is there. Warm = cold after an edit of a script:
tests/test_differential_build.py."""

from __future__ import annotations

import posixpath
import re

import pytest
from conftest import shipped_asset

from macros.core import assetnames
from macros.core.assetnames import AssetCycle, fingerprint, hashed_name, original_name

SOURCES = {
    "assets/portal/main.js": 'import{el}from"./dom.js";const x=()=>import("./quiz-ui.js");',
    "assets/portal/quiz-ui.js": "import{el}from'./dom.js';import\"./hash.js\";",
    "assets/portal/dom.js": "export const el=1;",
    "assets/portal/hash.js": "self.portalHash=1;",
    "assets/portal/search-core.js": 'const{fnv1a}=typeof module==="object"?require("./hash.js"):self.portalHash;',
    "assets/javascripts/portal-search.js": 'importScripts("../portal/hash.js","../portal/search-core.js");',
    "assets/portal/editor.js": 'loadScript("../vendor/json-logic.js");new URL("../../sw.js",import.meta.url);',
    "assets/vendor/json-logic.js": "var jsonLogic={};",
    "assets/portal.css": '.a{background:url("icons/x.png")}',
}


def _names(sources: dict[str, str]) -> dict[str, str]:
    return {path: out.name for path, out in fingerprint(sources).items()}


def test_a_name_is_the_file_and_a_hash_of_what_ships():
    shipped = fingerprint(SOURCES)
    for path, out in shipped.items():
        assert out.name == hashed_name(path, out.text)
        assert re.fullmatch(re.escape(path[: path.rindex(".")]) + r"\.[0-9a-f]{8}\.(js|css)", out.name), out.name
        assert original_name(out.name) == path
    assert fingerprint(SOURCES) == shipped  # the same bytes, the same names


@pytest.mark.parametrize(
    ("path", "written", "target"),
    [
        ("assets/portal/main.js", 'from"./dom.js"', "assets/portal/dom.js"),  # static import
        ("assets/portal/main.js", 'import("./quiz-ui.js")', "assets/portal/quiz-ui.js"),  # dynamic import
        ("assets/portal/quiz-ui.js", "from'./dom.js'", "assets/portal/dom.js"),  # single quotes
        ("assets/portal/quiz-ui.js", 'import"./hash.js"', "assets/portal/hash.js"),  # side-effect import
        ("assets/portal/search-core.js", 'require("./hash.js")', "assets/portal/hash.js"),  # Node's require
        ("assets/javascripts/portal-search.js", '"../portal/hash.js"', "assets/portal/hash.js"),  # importScripts
        ("assets/portal/editor.js", 'loadScript("../vendor/json-logic.js")', "assets/vendor/json-logic.js"),
    ],
)
def test_every_kind_of_reference_follows_the_hashed_name(path, written, target):
    shipped = fingerprint(SOURCES)
    new_name = shipped[target].name.rsplit("/", 1)[1]
    old_name = target.rsplit("/", 1)[1]
    assert written not in shipped[path].text
    assert written.replace(old_name, new_name) in shipped[path].text


def test_what_is_not_one_of_the_files_is_left_alone():
    shipped = fingerprint(SOURCES)
    assert 'new URL("../../sw.js",import.meta.url)' in shipped["assets/portal/editor.js"].text  # not an asset of ours
    assert 'url("icons/x.png")' in shipped["assets/portal.css"].text  # an image keeps its name
    text = 'const a="./missing.js";const b=`./dom.js`;'
    assert fingerprint({"assets/portal/a.js": text, "assets/portal/dom.js": ""})["assets/portal/a.js"].text == text


def test_a_change_renames_the_file_and_its_importers_and_nothing_else():
    before = _names(SOURCES)
    after = _names({**SOURCES, "assets/portal/dom.js": "export const el=2;"})
    renamed = {path for path in SOURCES if before[path] != after[path]}
    # quiz-ui.js imports dom.js; main.js imports both.
    assert renamed == {"assets/portal/dom.js", "assets/portal/quiz-ui.js", "assets/portal/main.js"}
    after = _names({**SOURCES, "assets/portal/hash.js": "self.portalHash=2;"})
    renamed = {path for path in SOURCES if before[path] != after[path]}
    assert renamed == {
        "assets/portal/hash.js",
        "assets/portal/quiz-ui.js",
        "assets/portal/main.js",
        "assets/portal/search-core.js",
        "assets/javascripts/portal-search.js",
    }


def test_a_stylesheet_reference_follows_too():
    shipped = fingerprint({"assets/a.css": '@import "b.css";.x{background:url(./b.css)}', "assets/b.css": ".y{}"})
    b = shipped["assets/b.css"].name.rsplit("/", 1)[1]
    assert shipped["assets/a.css"].text == f'@import "{b}";.x{{background:url(./{b})}}'


def test_a_cycle_is_reported_not_hashed():
    with pytest.raises(AssetCycle, match=r"assets/portal/a\.js -> assets/portal/b\.js -> assets/portal/a\.js"):
        fingerprint({"assets/portal/a.js": 'import"./b.js";', "assets/portal/b.js": 'import"./a.js";'})


@pytest.mark.parametrize(
    ("path", "ours"),
    [
        ("assets/portal.css", True),
        ("assets/portal/main.js", True),
        ("assets/javascripts/portal-search.js", True),
        ("assets/vendor/js-yaml.min.js", True),
        ("assets/javascripts/bundle.a5f9d56c.min.js", False),  # Material's, hashed already
        ("assets/stylesheets/main.57a0d79d.min.css", False),
        ("assets/icons/icon.svg", False),
        ("assets/portal/x/deeper.js", False),
        ("training/assets/portal.css", False),
    ],
)
def test_which_files_are_ours(path, ours):
    assert assetnames.is_ours(path) is ours


@pytest.mark.parametrize(
    ("name", "source"),
    [
        ("assets/portal/main.8b1d04aa.js", "assets/portal/main.js"),
        ("assets/vendor/js-yaml.min.0c1d2e3f.js", "assets/vendor/js-yaml.min.js"),
        ("assets/portal.3f2a9c1e.css", "assets/portal.css"),
        ("assets/portal/main.js", "assets/portal/main.js"),
        ("assets/portal/main.8b1d04.js", "assets/portal/main.8b1d04.js"),  # too short to be a hash
    ],
)
def test_original_name(name, source):
    assert original_name(name) == source


# -- the built site --------------------------------------------------------------------

_REFERENCE = re.compile(r"""["'](\.{1,2}/[^"'\s`]+\.(?:js|css))["']""")
_PAGE_ASSET = re.compile(r'(?:href|src)="((?:\.\./)*assets/[^"]+\.(?:js|css))"')


def _ours_in(site) -> list[str]:
    return sorted(
        p.relative_to(site).as_posix()
        for p in (site / "assets").rglob("*")
        if p.is_file() and assetnames.is_ours(original_name(p.relative_to(site).as_posix()))
    )


def test_the_site_ships_only_hashed_names_of_its_own_files(built_site):
    ours = _ours_in(built_site)
    assert "assets/portal/main.js" in map(original_name, ours) and "assets/portal.css" in map(original_name, ours)
    for name in ours:
        assert name != original_name(name), f"{name}: shipped without a content hash"
        assert name == hashed_name(original_name(name), (built_site / name).read_text(encoding="utf-8")), name
    assert len({original_name(n) for n in ours}) == len(ours), "two versions of one file"


def test_every_reference_in_the_site_names_a_file_that_is_there(built_site):
    """…and names one of the portal's own files by its hashed name."""
    for name in _ours_in(built_site):
        text = (built_site / name).read_text(encoding="utf-8")
        for spec in _REFERENCE.findall(text):
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name), spec))
            if target == "sw.js":
                continue
            assert (built_site / target).is_file(), (name, spec)
            assert not assetnames.is_ours(original_name(target)) or target != original_name(target), (name, spec)
    for page in ("index.html", "training/my-learning/index.html", "schools/editor/index.html"):
        html = (built_site / page).read_text(encoding="utf-8")
        found = _PAGE_ASSET.findall(html)
        assert any("assets/portal/main." in f for f in found), page
        for href in found:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), href))
            assert (built_site / target).is_file(), (page, href)
            assert not assetnames.is_ours(original_name(target)) or target != original_name(target), (page, href)
    worker = shipped_asset(built_site, "assets/javascripts/portal-search.js")
    assert f'"search": "{worker}"' in (built_site / "index.html").read_text(encoding="utf-8")
