"""The handbooks: chapter rules as pure functions, and the shipped content against them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.composition import check_project, new_project
from macros.core.project import Project
from macros.core.related import ThemedPage, related_pages, render_related
from macros.handbook import handbooks as hb
from macros.handbook import printing as hbp
from macros.handbook.handbooks import check_chapter_body, load_handbooks, splice_nav
from macros.handbook.printing import demote_headings, print_markdown
from macros.policy.access import library
from tests.conftest import ROOT

GOOD_BODY = """
# 标题

!!! abstract "学完本章，你将能够"
    - 做一件事。

依据 {{ clause("沪教委德〔2023〕25号", "五（三）2") }}。

## 检查清单

- [ ] 做完了
"""


@pytest.mark.parametrize(
    ("body", "rules"),
    [
        (GOOD_BODY, []),
        (GOOD_BODY.replace("# 标题\n", ""), []),  # the H1 is optional
        (GOOD_BODY.replace('!!! abstract "学完本章，你将能够"', '!!! note "说明"'), ["HANDBOOK-OBJECTIVES"]),
        (GOOD_BODY.replace("{{ clause(", "clause("), ["HANDBOOK-CITE"]),
        (GOOD_BODY.replace("## 检查清单", "## 小结"), ["HANDBOOK-CHECKLIST"]),
        (GOOD_BODY.replace("- [ ] 做完了", "- 做完了"), ["HANDBOOK-CHECKLIST"]),
        (GOOD_BODY + "\n## 附录\n\n更多内容\n", ["HANDBOOK-CHECKLIST"]),
        (GOOD_BODY + "\n### 分项\n\n- [ ] 另一项\n", []),  # sub-sections inside the checklist are fine
        (GOOD_BODY.replace("## 检查清单", "```\n## 检查清单\n```"), ["HANDBOOK-CHECKLIST"]),  # not inside code
    ],
)
def test_chapter_body_rules(body: str, rules: list[str]) -> None:
    assert [p.rule for p in check_chapter_body("x.md", body, 1)] == rules


def test_chapter_body_positions_are_file_lines() -> None:
    body = "\n# 标题\n\n正文先开始了。\n\n## 小结\n"
    problems = {p.rule: (p.line, p.col) for p in check_chapter_body("x.md", body, 7)}
    assert problems["HANDBOOK-OBJECTIVES"] == (10, 1)  # the paragraph after the title
    assert problems["HANDBOOK-CITE"] == (8, 1)  # the title line
    assert problems["HANDBOOK-CHECKLIST"] == (12, 1)  # the last line


def test_demote_headings_drops_title_and_skips_code() -> None:
    body = "# 标题\n\n## 一节\n\n```\n# 代码里的注释\n```\n\n### 小节\n"
    assert demote_headings(body) == "\n### 一节\n\n```\n# 代码里的注释\n```\n\n#### 小节\n"


def test_splice_nav_replaces_only_the_plain_entry() -> None:
    handbooks, _ = load_handbooks(ROOT / "docs", str, new_project(ROOT).themes)
    nav = [{"首页": "index.md"}, {"指导手册": "handbooks/index.md"}, {"关于": ["about/index.md"]}]
    spliced = splice_nav(nav, handbooks)
    section = spliced[1]["指导手册"]
    assert section[0] == "handbooks/index.md"
    assert [next(iter(item)) for item in section[1:]] == [h.title for h in handbooks]
    assert spliced[0] == nav[0] and spliced[2] == nav[2]
    hand_written = [{"指导手册": ["handbooks/index.md", "handbooks/x.md"]}]
    assert splice_nav(hand_written, handbooks) == hand_written


INDEX = [
    ThemedPage("handbooks/family/02-home-visit.md", "家访", ("家访", "家校沟通")),
    ThemedPage("handbooks/family/01-goals.md", "目标", ("家校沟通",)),
    ThemedPage("training/home-visit/index.md", "家访培训", ("家访", "家校沟通")),
    ThemedPage("cases/visit.md", "一次家访", ("家访",)),
    ThemedPage("tips/crisis.md", "危机锦囊", ("心理危机",)),
]


def test_related_pages_group_by_section_then_rank_by_shared_themes() -> None:
    related = related_pages("handbooks/family/02-home-visit.md", ("家访", "家校沟通"), INDEX)
    assert [(p.src_uri, shared) for p, shared in related] == [
        ("training/home-visit/index.md", ["家访", "家校沟通"]),
        ("cases/visit.md", ["家访"]),
        ("handbooks/family/01-goals.md", ["家校沟通"]),
    ]
    many = [ThemedPage(f"cases/c{i}.md", f"案例{i}", ("家访",)) for i in range(6)]
    assert len(related_pages("x.md", ("家访",), many, per_section=4)) == 4


def test_render_related_links_relative_markdown_and_escapes() -> None:
    index = INDEX + [ThemedPage("cases/x.md", "<b>标题</b>", ("家访",))]
    block = render_related("handbooks/family/02-home-visit.md", ("家访", "家校沟通"), index)
    assert block.startswith('!!! info "相关内容"')
    assert block.index("**培训课程**") < block.index("**案例库**") < block.index("**指导手册**")
    assert "(../../training/home-visit/index.md" in block
    assert "<b>" not in block and "&lt;b&gt;" in block
    assert render_related("x.md", ("同伴关系",), INDEX) == ""


# -- the shipped handbooks ------------------------------------------------------------


@pytest.fixture(scope="module")
def project() -> Project:
    return new_project(ROOT)


@pytest.fixture(scope="module")
def handbooks(project: Project) -> list[hb.Handbook]:
    return hb.project_handbooks(project)


def test_shipped_content_has_no_problems(project: Project) -> None:
    assert [p.format() for p in check_project(project)] == []


def test_two_handbooks_with_at_least_six_chapters(handbooks: list[hb.Handbook]) -> None:
    assert [h.id for h in handbooks] == ["relationship", "family"]
    for handbook in handbooks:
        assert len(handbook.chapters) >= 6, handbook.id
        assert [c.number for c in handbook.chapters] == list(range(1, len(handbook.chapters) + 1))


_CLAUSE = re.compile(r'clause\("([^"]+)",\s*"([^"]+)"')


def test_every_chapter_has_objectives_a_resolving_citation_and_a_checklist(project: Project, handbooks) -> None:
    for handbook in handbooks:
        for chapter in handbook.chapters:
            assert check_chapter_body(chapter.src_uri, chapter.body, 1) == []
            assert f'"{hb.OBJECTIVES_TITLE}"' in chapter.body
            cites = _CLAUSE.findall(chapter.body)
            assert cites, chapter.src_uri
            for doc, clause in cites:
                library(project).resolve(doc, clause)  # raises for an unknown clause
            tail = chapter.body.split("## 检查清单", 1)[1]
            assert "- [ ] " in tail and "\n## " not in tail
            assert set(chapter.themes) <= set(project.themes)


def _text(handbooks, handbook_id: str) -> str:
    handbook = next(h for h in handbooks if h.id == handbook_id)
    return "\n".join(c.body for c in handbook.chapters)


@pytest.mark.parametrize(
    ("handbook_id", "needles"),
    [
        ("relationship", ["班主任", "学科教师", "良师益友", "开学", "毕业", "考试前后", "重大变故", "倾听", "收尾", "记录"]),
        ("relationship", ["闪光点", "《成长寄语》", "自选动作", "十项准则", "隐私", "上报学校启动应急处置预案"]),
        ("family", ["养育焦虑", "家访", "访前", "访中", "访后", "键对键", "面对面", "群规"]),
        ("family", ["百分比区间", "排名", "情绪激动", "家庭教育指导", "隐私", "记录"]),
    ],
)
def test_handbooks_cover_the_topics_of_the_issue(handbooks, handbook_id: str, needles: list[str]) -> None:
    text = _text(handbooks, handbook_id)
    assert [n for n in needles if n not in text] == []


def test_growth_message_chapter_has_two_complete_examples(handbooks) -> None:
    chapter = next(c for c in handbooks[0].chapters if "成长寄语" in c.title)
    examples = re.findall(r'!!! example "([^"]+)"\n((?:    .*\n|\n)+)', chapter.body)
    assert len(examples) == 2
    for _title, text in examples:
        assert text.strip().count("\n\n") >= 4  # greeting, three paragraphs, wishes and signature
        assert "导师" in text and "排名" not in text


@pytest.mark.parametrize("budget", [hbp.PRINT_BUDGET, 10**6, 1])
def test_print_markdown_has_every_chapter_in_order(handbooks, budget: int) -> None:
    """Across its parts (one part when the handbook fits the budget), every chapter once, in order."""
    for handbook in handbooks:
        parts = hbp.print_parts(handbook, budget)
        pages = [print_markdown(handbook, n, budget) for n in range(1, len(parts) + 1)]
        page = "".join(pages)
        positions = [page.index(f"{{ #{hbp.chapter_anchor(c)} .handbook-chapter }}") for c in handbook.chapters]
        assert positions == sorted(positions)
        assert page.count(" .handbook-chapter }") == len(handbook.chapters)
        toc = pages[0].split('<nav class="handbook-toc"', 1)[1].split("</nav>", 1)[0]
        assert [int(n) for n in re.findall(r"#hb-ch-(\d+)\)", toc)] == [c.number for c in handbook.chapters]
        assert all('class="handbook-toc"' not in later for later in pages[1:])  # the contents once, in part 1
        for text in pages:
            assert "render_macros: true" in text and "print_view: true" in text and "glossary_tooltips: false" in text
        assert page.count("\n## 检查清单") == 0 and page.count("\n### 检查清单") == len(handbook.chapters)  # demoted


@pytest.mark.parametrize(
    ("sizes", "budget", "expected"),
    [
        ([10, 10, 10], 30, [[1, 2, 3]]),  # fits: one page
        ([10, 10, 10, 10], 20, [[1, 2], [3, 4]]),
        ([10, 10, 10, 10, 10], 30, [[1, 2], [3, 4, 5]]),  # as few parts as fit, then as even as possible
        ([5, 5, 5, 5, 30], 25, [[1, 2, 3, 4], [5]]),  # a chapter over the budget is a part of its own
        ([30, 30, 30], 10, [[1], [2], [3]]),
        ([40, 1, 1, 1, 1, 40], 50, [[1, 2, 3], [4, 5, 6]]),
    ],
)
def test_print_parts_are_few_even_and_within_budget(sizes, budget, expected) -> None:
    chapters = tuple(
        hb.Chapter(f"handbooks/x/{n}.md", Path(f"{n}.md"), f"第{n}章", n, (), "a" * size) for n, size in enumerate(sizes, 1)
    )
    handbook = hb.Handbook("x", "手册", 1, "", chapters)
    assert [[c.number for c in part] for part in hbp.print_parts(handbook, budget)] == expected


def test_print_parts_have_their_own_pages_beside_the_chapters(handbooks) -> None:
    handbook = handbooks[0]
    assert hbp.print_uri(handbook, 1) == handbook.print_uri == f"handbooks/{handbook.id}/print.md"
    assert hbp.print_uri(handbook, 2) == f"handbooks/{handbook.id}/print-2.md"
    parts = hbp.print_parts(handbook, 1)
    last = print_markdown(handbook, len(parts), 1)
    assert '<nav class="listing-pager" aria-label="打印部分"' in last and "[上一部分](" in last and "下一部分" not in last


def test_print_view_drops_link_titles_and_only_there() -> None:
    html = '<p><a href="x/" title="条款原文">五（三）</a> <abbr title="t">词</abbr></p>'
    assert hbp.render_print_content({"print_view": True}, html) == '<p><a href="x/">五（三）</a> <abbr title="t">词</abbr></p>'
    assert hbp.render_print_content({}, html) is None


def test_theme_index_takes_collection_pages_and_leaves_drafts_out(project_copy, monkeypatch) -> None:
    import macros.composition as collections
    from macros.core.pages import GeneratedPage
    from macros.core.project import Project
    from macros.core.registry import Domain, Registry
    from macros.core.related import build_theme_index

    lesson = project_copy / "lesson.md"
    lesson.write_text("---\ntitle: 家访课\nthemes: [家访]\n---\n\n# 家访课\n", encoding="utf-8")

    def extra(_project: Project) -> list[GeneratedPage]:
        return [
            GeneratedPage("training/zz-test/index.md", content="---\ntitle: 家访模块\nthemes: [家访]\n---\n\n# 模块\n"),
            GeneratedPage("training/zz-test/lesson.md", abs_src_path=lesson),
            GeneratedPage("training/zz-test/plain.md", content="# 没有主题\n"),
        ]

    # A domain plugs in by registering its pages: no other module changes.
    registry = Registry((*collections.REGISTRY.domains, Domain("test", pages=(extra,))))
    cases = project_copy / "casebook"
    cases.mkdir(exist_ok=True)
    (cases / "zz-draft.md").write_text("---\ntitle: 草稿\nstatus: draft\nthemes: [家访]\n---\n\n# 草稿\n", encoding="utf-8")
    project = Project(project_copy, registry=registry)
    index = {p.src_uri: p for p in build_theme_index(project)}
    assert index["training/zz-test/index.md"].section == "培训课程"
    assert index["training/zz-test/lesson.md"].title == "家访课"
    assert "training/zz-test/plain.md" not in index
    published = {page.src_uri for page in collections.collection_pages(project)}
    assert "cases/zz-draft.md" not in index
    assert all(uri in published for uri in index if uri.startswith("cases/"))
    related = [p.src_uri for p, _ in related_pages("handbooks/family/02-home-visit.md", ("家访",), list(index.values()))]
    assert "training/zz-test/index.md" in related


def test_theme_sources_plug_in_and_merge(project: Project) -> None:
    from macros.core.related import build_theme_index, front_matter_pages

    def modules(_project: Project) -> list[ThemedPage]:
        return [
            ThemedPage("training/home-visit/index.md", "家访培训", ("家访",)),
            ThemedPage("handbooks/family/02-home-visit.md", "ignored", ("特殊需求",)),
        ]

    index = {p.src_uri: p for p in build_theme_index(project, [front_matter_pages, modules])}
    assert index["training/home-visit/index.md"].themes == ("家访",)
    merged = index["handbooks/family/02-home-visit.md"]
    assert merged.title == "家访：访前、访中、访后" and merged.themes[-1] == "特殊需求"


def test_task_checkboxes_get_their_item_text_as_name() -> None:
    from macros.handbook.handbooks import label_task_checkboxes

    html = (
        '<ul class="task-list">\n<li class="task-list-item"><label class="task-list-control"><input type="checkbox" disabled/>'
        '<span class="task-list-indicator"></span></label> 已与<abbr title="x">家长</abbr>商定 "时间"</li>\n</ul>'
    )
    out = label_task_checkboxes(html)
    assert '<input type="checkbox" aria-label="已与家长商定 &quot;时间&quot;" disabled/>' in out
    assert label_task_checkboxes("<p>无任务</p>") == "<p>无任务</p>"


@pytest.mark.parametrize(
    ("name", "schema"),
    [
        ("handbook_templates.schema.json", "macros.handbook.templates:TEMPLATES_SCHEMA"),
        ("handbook_chapter.schema.json", "macros.handbook.handbooks:CHAPTER_SCHEMA"),
        ("handbook_index.schema.json", "macros.handbook.handbooks:INDEX_SCHEMA"),
    ],
)
def test_schema_files_for_editors_match_the_checks(name: str, schema: str) -> None:
    import importlib
    import json

    module, attr = schema.split(":")
    published = json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8"))
    published.pop("$schema"), published.pop("title")
    assert published == getattr(importlib.import_module(module), attr)


CHAPTER = """---
title: {title}
chapter: {number}
themes: [家访]
render_macros: true
---

!!! abstract "学完本章，你将能够"
    - 一件事。

{{{{ clause("minhang-2021", "六（四）第四") }}}}

## 检查清单

- [ ] 完成
"""


def test_load_handbooks_orders_chapters_and_reports_folder_problems(tmp_path) -> None:
    book = tmp_path / "handbooks" / "book"
    book.mkdir(parents=True)
    (book / "index.md").write_text("---\ntitle: 区本手册\nhandbook_order: 3\nhide: [toc]\n---\n", encoding="utf-8")
    (book / "b.md").write_text(CHAPTER.format(title="第二", number=2), encoding="utf-8")
    (book / "a.md").write_text(CHAPTER.format(title="第一", number=1), encoding="utf-8")
    (book / "c.md").write_text(CHAPTER.format(title="重号", number=2), encoding="utf-8")
    (book / "print.md").write_text("# 手写的打印页\n", encoding="utf-8")
    orphan = tmp_path / "handbooks" / "orphan"
    orphan.mkdir()
    (orphan / "x.md").write_text(CHAPTER.format(title="孤章", number=1), encoding="utf-8")
    display = lambda p: p.relative_to(tmp_path).as_posix()  # noqa: E731
    handbooks, problems = load_handbooks(tmp_path, display, ["家访"])
    assert [(h.id, h.title, [c.title for c in h.chapters]) for h in handbooks] == [("book", "区本手册", ["第一", "第二"])]
    assert sorted((p.path, p.line, p.col, p.rule) for p in problems) == [
        ("handbooks/book/c.md", 3, 10, "HANDBOOK-ORDER"),
        ("handbooks/book/print.md", 1, 1, "HANDBOOK-META"),
        ("handbooks/orphan/x.md", 1, 1, "HANDBOOK-META"),
    ]


def test_training_modules_take_their_themes_from_module_yml_when_published(project_copy, monkeypatch) -> None:
    import macros.composition as collections
    from macros.core.pages import GeneratedPage
    from macros.core.project import Project
    from macros.core.registry import Domain, Registry
    from macros.training.domain import training_module_pages

    for module in ("zz-published", "zz-unpublished"):
        folder = project_copy / "training_modules" / module
        folder.mkdir(parents=True)
        (folder / "module.yml").write_text(f"title: 模块 {module}\nthemes: [家访, 家校沟通]\n", encoding="utf-8")

    def section(_project: Project) -> list[GeneratedPage]:
        return [GeneratedPage("training/zz-published/index.md", content="# 模块\n")]

    registry = Registry((*collections.REGISTRY.domains, Domain("test", pages=(section,))))
    found = [p for p in training_module_pages(Project(project_copy, registry=registry)) if p.src_uri.startswith("training/zz-")]
    assert found == [ThemedPage("training/zz-published/index.md", "模块 zz-published", ("家访", "家校沟通"))]


def test_source_note_goes_after_the_title_outside_code() -> None:
    from macros.handbook.handbooks import _after_title

    assert _after_title("```\n# 注释\n```\n# 标题\n\n正文", "<p>注</p>") == "```\n# 注释\n```\n# 标题\n\n<p>注</p>\n\n\n正文"
    assert _after_title("正文", "<p>注</p>") == "<p>注</p>\n\n正文"
