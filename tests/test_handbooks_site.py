"""The handbooks in the built site: nav, chapters, print view, templates (.docx) and the browser."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from macros.composition import new_project
from macros.documents.docx_common import east_asia_font
from macros.handbook import templates as ht
from macros.handbook.handbooks import project_handbooks
from macros.handbook.printing import print_parts, print_uri
from tests.conftest import ROOT

PROJECT = new_project(ROOT)
HANDBOOKS = project_handbooks(PROJECT)
TEMPLATES = ht.project_templates(PROJECT)
CHAPTERS = [c for h in HANDBOOKS for c in h.chapters]


def page_html(site: Path, src_uri: str) -> str:
    path = site / src_uri.removesuffix(".md").removesuffix("index") / "index.html"
    return path.read_text(encoding="utf-8")


def test_every_chapter_is_built_and_in_the_nav_in_order(built_site: Path) -> None:
    home = (built_site / "handbooks/index.html").read_text(encoding="utf-8")
    for handbook in HANDBOOKS:
        hrefs = [f"{Path(c.src_uri).stem}/" for c in handbook.chapters]
        nav_positions = [home.index(f'href="{handbook.id}/{h}"') for h in hrefs]
        assert nav_positions == sorted(nav_positions)
        for chapter in handbook.chapters:
            html = page_html(built_site, chapter.src_uri)
            assert "学完本章，你将能够" in html
            assert 'href="../../../policies/' in html  # the clause macro rendered into a policy link
            assert 'class="task-list-item"' in html
            assert '<input type="checkbox" disabled' not in html  # every checkbox is named (aria-label)
            assert html.index('class="handbook-source-note">示例内容：') < html.index("学完本章，你将能够")
            assert "{{" not in html


def test_chapters_show_related_content_from_shared_themes(built_site: Path) -> None:
    for chapter in CHAPTERS:
        html = page_html(built_site, chapter.src_uri)
        block = html.split('<p class="admonition-title">相关内容</p>', 1)[1].split("</div>", 1)[0]
        links = re.findall(r'<a href="([^"]+)"', block)
        assert links, chapter.src_uri
        for href in links:  # every related link points at a built page sharing a theme
            target = (built_site / chapter.src_uri.removesuffix(".md") / href / "index.html").resolve()
            assert target.exists(), (chapter.src_uri, href)


def test_print_view_contains_every_chapter_in_order_with_contents(built_site: Path) -> None:
    """The print view of each handbook — its parts, in order — holds every chapter once; the
    contents in part 1 link every chapter, in its own part."""
    for handbook in HANDBOOKS:
        parts = print_parts(handbook)
        pages = [page_html(built_site, print_uri(handbook, n)) for n in range(1, len(parts) + 1)]
        html = "".join(pages)
        toc = pages[0].split('class="handbook-toc"', 1)[1].split("</nav>", 1)[0]
        expected = [("" if n == 1 else f"../print-{n}/") + f"#hb-ch-{c.number}" for n, part in enumerate(parts, 1) for c in part]
        assert re.findall(r'href="([^"]*#hb-ch-\d+)"', toc) == expected
        headings = re.findall(r'<h2 class="handbook-chapter" id="(hb-ch-\d+)">第\d+章　([^<]+)<', html)
        assert headings == [(f"hb-ch-{c.number}", c.title) for c in handbook.chapters]
        assert html.count("学完本章，你将能够") == len(handbook.chapters)
        for page in pages:
            assert "示例内容：由本门户" in page.split('<h2 class="handbook-chapter"', 1)[0]
        assert html.count('class="admonition-title">相关内容<') == 0


def test_print_view_pages_stay_small_without_tooltips(built_site: Path) -> None:
    """Under the 80 KB page budget: no glossary tooltips and no clause text in link titles."""
    for handbook in HANDBOOKS:
        for n in range(1, len(print_parts(handbook)) + 1):
            path = built_site / print_uri(handbook, n).removesuffix(".md") / "index.html"
            html = path.read_text(encoding="utf-8")
            article = html.split("<article", 1)[1].split("</article>", 1)[0]
            assert path.stat().st_size < 80 * 1024, path
            assert "<abbr" not in article and not re.search(r"<a [^>]*title=", article), path
            assert 'href="../../../policies/' in article  # the citations are still links


def test_template_links_point_at_built_docx_files(built_site: Path) -> None:
    linked = set()
    for chapter in CHAPTERS:
        html = page_html(built_site, chapter.src_uri)
        for href in re.findall(r'class="handbook-download" href="([^"]+)"', html):
            target = (built_site / chapter.src_uri.removesuffix(".md") / href).resolve()
            assert target.is_file(), (chapter.src_uri, href)
            linked.add(target.name)
    assert linked == {t.filename for t in TEMPLATES}


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: t.id)
def test_docx_templates_open_with_their_fields_and_east_asian_fonts(built_site: Path, template: ht.Template) -> None:
    document = docx.Document(str(built_site / ht.SITE_DIR / template.filename))
    paragraphs = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs += cell.paragraphs
    text = "\n".join(p.text for p in paragraphs)
    assert paragraphs[0].text == template.title
    for section in template.sections:
        assert section.heading in text
        for row in section.fields:
            assert row.label in text
        for item in section.checklist:
            assert f"□ {item}" in text
    runs = [r for p in paragraphs for r in p.runs if r.text.strip()]
    assert runs and all(east_asia_font(r) in ("方正小标宋简体", "黑体", "仿宋", "楷体") for r in runs)
    assert east_asia_font(paragraphs[0].runs[0]) == "方正小标宋简体"
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.top_margin.mm) == 37 and round(section.left_margin.mm) == 28
    assert document.core_properties.title == template.title


# -- browser --------------------------------------------------------------------------


def test_print_view_breaks_pages_between_chapters(page, site_url: str) -> None:
    handbook = HANDBOOKS[0]
    chapters = print_parts(handbook)[0]
    page.goto(site_url + handbook.print_uri.removesuffix(".md") + "/")
    page.emulate_media(media="print")
    breaks = page.eval_on_selector_all("h2.handbook-chapter", "els => els.map(e => getComputedStyle(e).breakBefore)")
    assert breaks == ["page"] * len(chapters)
    assert page.eval_on_selector_all(".listing-pager", "els => els.map(e => getComputedStyle(e).display)") in ([], ["none"])
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages >= len(chapters) + 1  # contents, then every chapter on its own page(s)


@pytest.mark.parametrize("src_uri", [HANDBOOKS[0].print_uri, HANDBOOKS[1].chapters[2].src_uri])
def test_handbook_pages_fit_a_phone(page, site_url: str, src_uri: str) -> None:
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(site_url + src_uri.removesuffix(".md") + "/")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    assert page.locator("h1").first.is_visible()


def test_print_views_stay_out_of_search_but_chapters_are_in(built_site: Path) -> None:
    import json

    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    for handbook in HANDBOOKS:
        assert f"handbooks/{handbook.id}/print/" not in locations
        assert not any(loc.startswith(f"handbooks/{handbook.id}/print-") for loc in locations)
        assert all(c.src_uri.removesuffix(".md") + "/" in locations for c in handbook.chapters)
