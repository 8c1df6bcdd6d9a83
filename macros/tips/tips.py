"""District tips (锦囊): collections under ``tipbook/<collection-id>.md``.

A collection is Markdown whose front matter says who published it (a district,
or 示例 for the project's own samples), the year, the source and the status;
each ``##`` section is one tip. The line right after a tip's heading carries
its tags from the theme vocabulary::

    ## 家访前先约时间
    标签：家访、家校沟通

Published collections become pages of cards at ``tips/<id>/``; the tips start
page indexes every tip by theme and by key task.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from macros.core.escaping import esc, md_esc
from macros.core.links import relative_link, relative_url
from macros.core.markdown import FENCE
from macros.core.messages import message
from macros.core.problems import Problem
from macros.core.themes import THEMES_FILE
from macros.core.yamlload import PLAIN_TITLE, Document, validate

if TYPE_CHECKING:
    from macros.core.pages import GeneratedPage
    from macros.core.registry import Project

TIPBOOK_DIR = "tipbook"
SAMPLE_DISTRICT = "示例"
# Key tasks of the city plan and the theme that stands for each.
TASK_THEMES = {"学生家访": "家访", "谈心谈话": "谈心谈话", "书面反馈": "书面反馈", "家校沟通": "家校沟通", "导师匹配": "导师匹配"}

TIPS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "title", "district", "year", "source", "status"],
    "properties": {
        # Titles: the Chinese labels that messages name the fields by (macros/core/schema_messages.py).
        "id": {
            "title": "锦囊集编号",
            "type": "string",
            "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
            "x-message": "只能用小写字母、数字和连字符",
        },
        "title": {"title": "标题", **PLAIN_TITLE},
        "district": {"title": "所在区", "type": "string", "minLength": 1},
        "year": {"title": "年份", "type": "integer", "minimum": 2000, "maximum": 2100},
        "source": {"title": "来源", "type": "string", "minLength": 1},
        "status": {"title": "状态", "enum": ["draft", "published"]},
        "summary": {"title": "简介", "type": "string"},
        # Read by the anonymisation gate (macros/casebook/anon_scope.py), as in a case.
        "pseudonyms": {"title": "化名", "type": "array", "items": {"type": "string"}},
        "reviewed_terms": {"title": "审核通过的误报词", "type": "array", "items": {"type": "string"}},
    },
}

_TAG_LINE = re.compile(r"^(?:标签|tags)\s*[：:]\s*(.*)$")
_TAG_SPLIT = re.compile(r"[、,，\s]+")


@dataclass
class Tip:
    title: str
    tags: list[str]
    body: str
    anchor: str


@dataclass
class TipCollection:
    id: str
    path: Path
    meta: dict[str, Any]
    intro: str
    tips: list[Tip] = field(default_factory=list)

    @property
    def src_uri(self) -> str:
        return f"tips/{self.id}.md"

    @property
    def title(self) -> str:
        return self.meta["title"]


def parse_tips(display: str, body: str, line_offset: int, vocabulary: list[str]) -> tuple[str, list[Tip], list[Problem]]:
    """Split a collection body into its introduction and ``##`` tips, checking tags."""
    problems: list[Problem] = []
    intro: list[str] = []
    tips: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    lines = body.split("\n")
    in_fence = False
    for i, line in enumerate(lines):
        lineno = i + 1 + line_offset
        if FENCE.match(line):
            in_fence = not in_fence
        if not in_fence and line.startswith("## "):
            current = {"title": line[3:].strip(), "tags": None, "body": [], "line": lineno}
            tips.append(current)
            continue
        if current is None:
            if not line.startswith("# "):
                intro.append(line)
            continue
        tag_match = _TAG_LINE.match(line.strip())
        if current["tags"] is None and tag_match and not any(s.strip() for s in current["body"]):
            current["tags"] = []
            col0 = line.index(tag_match.group(1)) if tag_match.group(1) else len(line)
            for m in re.finditer(r"[^、,，\s]+", tag_match.group(1)):
                tag = m.group(0)
                if tag not in vocabulary:
                    problems.append(
                        Problem(
                            display,
                            lineno,
                            col0 + m.start() + 1,
                            message("tips.parse-tips-4", tag=tag, THEMES_FILE=THEMES_FILE, v3="、".join(vocabulary)),
                        )
                    )
                current["tags"].append(tag)
            continue
        current["body"].append(line)
    result: list[Tip] = []
    for n, tip in enumerate(tips, 1):
        if not tip["tags"]:
            problems.append(Problem(display, tip["line"], 1, message("tips.parse-tips-2", v1=tip["title"])))
        text = "\n".join(tip["body"]).strip()
        if not text:
            problems.append(Problem(display, tip["line"], 1, message("tips.parse-tips-3", v1=tip["title"])))
        result.append(Tip(tip["title"], [t for t in tip["tags"] or [] if t in vocabulary], text, f"tip-{n}"))
    if not tips:
        problems.append(Problem(display, 1 + line_offset, 1, message("tips.parse-tips")))
    return "\n".join(intro).strip(), result, problems


def _load(project: Project) -> tuple[list[TipCollection], list[Problem]]:
    collections: list[TipCollection] = []
    seen: dict[str, str] = {}
    files, problems = project.front_matter_folder(TIPBOOK_DIR)
    for path, display, doc, body in files:
        found = validate(doc, TIPS_SCHEMA)
        problems += found
        if found:
            continue
        meta = doc.data
        problems += _check_meta(doc, path, meta, seen, display)
        text = path.read_text(encoding="utf-8-sig")
        offset = text.count("\n") - body.count("\n")
        intro, tips, found = parse_tips(display, body, offset, project.themes)
        problems += found
        collections.append(TipCollection(meta["id"], path, meta, intro, tips))
    return collections, problems


def _check_meta(doc: Document, path: Path, meta: dict, seen: dict[str, str], display: str) -> list[Problem]:
    problems = []
    if meta["id"] != path.stem:
        problems.append(doc.problem(("id",), message("tips.check-meta", v1=meta["id"], stem=path.stem)))
    if meta["id"] in seen:
        problems.append(doc.problem(("id",), message("tips.check-meta-2", v1=meta["id"], v2=seen[meta["id"]])))
    seen[meta["id"]] = display
    if meta["district"] == SAMPLE_DISTRICT and "示例" not in meta["source"]:
        problems.append(doc.problem(("source",), message("tips.check-meta-3")))
    return problems


def load_tip_collections(project: Project) -> tuple[list[TipCollection], list[Problem]]:
    return project.once("tips.collections", lambda: _load(project))


def check_tips(project: Project) -> list[Problem]:
    return load_tip_collections(project)[1]


def published_tip_collections(project: Project) -> list[TipCollection]:
    """The gate: only ``published`` collections without problems reach the site."""
    collections, problems = load_tip_collections(project)
    broken = {p.path for p in problems if p.is_error}
    return [c for c in collections if c.meta["status"] == "published" and project.display(c.path) not in broken]


# -- rendering --------------------------------------------------------------------


def _tag_links(tags: list[str], vocabulary: list[str], from_src: str) -> str:
    # Raw HTML: MkDocs does not rewrite its links, so they are URLs of the built pages, not .md paths.
    return " ".join(
        f'<a class="tip-tag" href="{esc(relative_url(from_src, "tips/index.md", f"tips-theme-{vocabulary.index(t) + 1}"))}">{esc(t)}</a>'
        for t in tags
    )


def collection_markdown(collection: TipCollection, vocabulary: list[str]) -> str:
    meta = collection.meta
    src = collection.src_uri
    themes = [t for t in vocabulary if any(t in tip.tags for tip in collection.tips)]
    # Front matter (JSON is YAML) so theme-based related-content indexes see the page.
    front = (
        f"---\ntitle: {json.dumps(meta['title'], ensure_ascii=False)}\nthemes: {json.dumps(themes, ensure_ascii=False)}\n---\n\n"
    )
    lines = [front + f"# {md_esc(meta['title'])}", ""]
    if meta["district"] == SAMPLE_DISTRICT:
        lines += ['!!! note "示例"', "    本锦囊集由门户项目编写，仅作示例，不代表任何区或学校的做法。", ""]
    district = "示例" if meta["district"] == SAMPLE_DISTRICT else md_esc(meta["district"])
    lines += [f"**发布**：{district}　**年份**：{meta['year']}　**来源**：{md_esc(meta['source'])}", "{: .tips-meta }", ""]
    if collection.intro:
        lines += [collection.intro, ""]
    lines += ['<div class="grid tip-cards" markdown>', ""]
    for tip in collection.tips:
        lines += [
            f'<div class="card tip-card" id="{tip.anchor}" markdown>',
            "",
            f"### {md_esc(tip.title)}",
            "",
            tip.body,
            "",
            f'<p class="tip-tags">{_tag_links(tip.tags, vocabulary, src)}</p>',
            "",
            "</div>",
            "",
        ]
    lines += ["</div>", ""]
    return "\n".join(lines)


def tips_pages(project: Project) -> list[GeneratedPage]:
    from macros.core.pages import GeneratedPage

    vocab = project.themes
    return [GeneratedPage(c.src_uri, content=collection_markdown(c, vocab)) for c in published_tip_collections(project)]


def tips_index(project: Project, src: str) -> str:
    """The start page: every published collection, then every tip by key task and by theme."""
    collections = published_tip_collections(project)
    vocab = project.themes
    lines = ["## 锦囊集", ""]
    if not collections:
        lines.append("暂无已发布的锦囊集。")
    for c in collections:
        who = "示例" if c.meta["district"] == SAMPLE_DISTRICT else md_esc(c.meta["district"])
        summary = f"：{md_esc(c.meta['summary'])}" if c.meta.get("summary") else ""
        lines.append(
            f"- [{md_esc(c.title)}]({relative_link(src, c.src_uri)})（{who}，{c.meta['year']}，{len(c.tips)} 条）{summary}"
        )
    entries = [(c, tip) for c in collections for tip in c.tips]

    def tip_line(c: TipCollection, tip: Tip) -> str:
        return f"- [{md_esc(tip.title)}]({relative_link(src, c.src_uri)}#{tip.anchor})（{md_esc(c.title)}）"

    lines += ["", "## 按重点工作", ""]
    for task, theme in TASK_THEMES.items():
        found = [tip_line(c, t) for c, t in entries if theme in t.tags]
        if found:
            lines += [f"### {task}（{len(found)}）", "", *found, ""]
    lines += ["## 按主题", ""]
    for n, theme in enumerate(vocab, 1):
        found = [tip_line(c, t) for c, t in entries if theme in t.tags]
        if found:
            lines += [f"### {md_esc(theme)}（{len(found)}） {{#tips-theme-{n}}}", "", *found, ""]
    return "\n".join(lines) + "\n"
