"""The 培训课程 section in the strict build of the shipped content."""

from __future__ import annotations

import json
import re
from html import unescape

from conftest import ROOT, shipped_asset

from macros.composition import new_project
from macros.training.modules import load_catalogue


def test_learning_path_lists_modules_in_order_with_hours_and_audience(built_site):
    html = (built_site / "training" / "index.html").read_text(encoding="utf-8")
    html = html[html.index('<article class="md-content__inner') :]
    modules = load_catalogue(new_project(ROOT)).modules
    positions = [html.index(f'href="{m.id}/"') for m in modules]
    assert positions == sorted(positions)
    for m in modules:
        row = re.search(rf'href="{m.id}/".*?</tr>', html, re.S).group(0)
        assert f'<td data-label="学时">{m.hours_text}</td>' in row  # labelled: a card on a phone
        assert "、".join(m.audience) in row
        assert f'<span class="training-status" data-module="{m.id}">未开始</span>' in row


def test_nav_section_follows_the_learning_path(built_site):
    html = (built_site / "training" / "index.html").read_text(encoding="utf-8")
    nav = html[html.index("md-nav--primary") : html.index('<article class="md-content__inner')]
    order = [nav.index(f'href="{m.id}/"') for m in load_catalogue(new_project(ROOT)).modules]
    assert order == sorted(order)
    assert nav.index('href="my-learning/"') > order[-1]


def test_module_page_links_lessons_quiz_and_related_handbook_chapters(built_site):
    html = (built_site / "training" / "home-visit" / "index.html").read_text(encoding="utf-8")
    assert 'href="01-home-visit/"' in html and 'href="quiz/"' in html
    assert "相关内容" in html and 'href="../../handbooks/family/02-home-visit/"' in html
    assert "示例内容" in html or "本项目编写" in html


def test_lesson_has_footer_and_cites_clauses(built_site):
    html = (built_site / "training" / "home-visit" / "01-home-visit" / "index.html").read_text(encoding="utf-8")
    assert 'class="lesson-nav"' in html and 'data-lesson="01-home-visit.md"' in html
    assert 'href="../02-communication/">下一课' in html
    assert 'href="../../../policies/shanghai-2023-25/#c5-3-1"' in html


def test_quiz_page_is_out_of_the_search_index_and_sources_resolve(built_site):
    html = (built_site / "training" / "home-visit" / "quiz" / "index.html").read_text(encoding="utf-8")
    assert 'class="quiz" data-module="home-visit"' in html and "data-search-exclude" in html
    # In an attribute, not an inline script: instant navigation would run the script as JavaScript.
    assert 'class="quiz-data"' not in html and html.count('type="application/json"') == 1  # Material's own __config
    data = json.loads(unescape(re.search(r'data-quiz="([^"]*)"', html).group(1)))
    assert len(data["questions"]) >= 12
    base = built_site / "training" / "home-visit" / "quiz"
    for q in data["questions"]:
        href, _, anchor = q["source"]["href"].partition("#")
        target = (base / href / "index.html").resolve()
        assert target.exists(), q["source"]
        if anchor:
            assert f'id="{anchor}"' in target.read_text(encoding="utf-8"), q["source"]
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d["location"] for d in index["docs"] if "/quiz/" in d["location"]]
    assert any(d["location"].startswith("training/home-visit/01-home-visit/") for d in index["docs"])


def test_training_script_and_styles_are_local(built_site):
    # Under content-hashed names (macros/core/assetnames.py): shipped_asset finds exactly one.
    for name in ("assets/portal/main.js", "assets/portal/quiz-ui.js", "assets/training.css"):
        assert (built_site / shipped_asset(built_site, name)).exists()
    html = (built_site / "training" / "my-learning" / "index.html").read_text(encoding="utf-8")
    # An ES module (the portal's browser code, docs/assets/portal/), never a classic script.
    main = re.escape(shipped_asset(built_site, "assets/portal/main.js"))
    assert re.search(rf'<script src="[./]*{main}" type="module"', html)
