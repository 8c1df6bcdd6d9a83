"""The learner's pages of 培训课程: the learning path, each quiz page, 我的学习 and
the 学习记录单 (moved out of :mod:`macros.training.modules`, which loads and checks modules).

Tables here are stacked cards on a phone (``learn-cards``, docs/assets/training.css):
every cell carries its column name in ``data-label``, so a 360 px screen shows the
module and its status without a sideways swipe (issue 13). Every page a learner
finishes offers a next step: the quiz after the last lesson, the next module after a
passed quiz, and on 我的学习 the first module not yet passed (docs/assets/portal/progress-ui.js, learner-ui.js).
"""

from __future__ import annotations

from pathlib import Path

from macros.core.escaping import esc, md_esc
from macros.core.links import relative_link as _rel
from macros.training.modules import (
    MODULES_DIR,
    MY_LEARNING,
    RECORD,
    SECTION_TITLE,
    Catalogue,
    Module,
    _front,
    _status,
    render_module_page,
)
from macros.training.quizzes import relative_url, render_quiz_html
from macros.training.scorm import render_scorm_download

INDEX = "training/index.md"


def _cell(label: str, body: str, cls: str = "") -> str:
    klass = f' class="{cls}"' if cls else ""
    return f'<td{klass} data-label="{esc(label)}">{body}</td>'


def render_training_index(catalogue: Catalogue) -> str:
    """The learning path: modules in order with 学时, 学段 and a completion marker."""
    total = sum(m.hours for m in catalogue.modules)
    rows = "".join(
        f'<tr><th scope="row" data-label="模块"><span class="learn-order">{n}.</span> '
        f'<a href="{esc(relative_url(INDEX, m.src()))}">{esc(m.title)}</a></th>'
        + _cell("状态", _status(m.id))
        + _cell("学时", m.hours_text)
        + _cell("适用学段", esc("、".join(m.audience)))
        + "</tr>"
        for n, m in enumerate(catalogue.modules, 1)
    )
    return (
        _front(SECTION_TITLE)
        + "# 培训课程\n\n"
        + '!!! note "关于本栏目"\n    本栏目的培训模块和自测题均由本项目编写，属于示例（sample）内容，依据收录的政策文件原文，'
        "不代表任何区、校的官方课程。自测结果只保存在你自己的浏览器中，是自我检测，不能作为官方学分认定。\n\n"
        + f"按下面的顺序学习，共 {len(catalogue.modules)} 个模块、{total:g} 学时。每个模块先学课文，再做自测；"
        "“状态”一栏由本机浏览器中的学习记录显示。\n\n"
        + '<table class="learn-cards learn-path"><caption>学习路径</caption><thead><tr>'
        '<th scope="col">模块（按学习顺序）</th><th scope="col">状态</th><th scope="col">学时</th>'
        f'<th scope="col">适用学段</th></tr></thead><tbody>{rows}</tbody></table>\n\n'
        + f"查看全部进度、导出或导入记录：[我的学习]({_rel(INDEX, MY_LEARNING)})；打印：[学习记录单]({_rel(INDEX, RECORD)})。\n"
    )


def next_module(catalogue: Catalogue, module: Module) -> Module | None:
    """The module after ``module`` on the learning path, if any."""
    ids = [m.id for m in catalogue.modules]
    at = ids.index(module.id) if module.id in ids else len(ids)
    return catalogue.modules[at + 1] if at + 1 < len(ids) else None


def _lessons_hint(module: Module) -> str:
    """Before the quiz: the module's lessons, each marked 已学 by the script once read."""
    items = "".join(
        f'<li><a href="../{esc(le.file[:-3])}/">{esc(le.title)}</a> '
        f'<span class="lesson-status" data-module="{esc(module.id)}" data-lesson="{esc(le.file)}"></span></li>'
        for le in module.lessons
    )
    return (
        f'<div class="quiz-prep" data-search-exclude><p>建议先学完本模块的 {len(module.lessons)} 课再自测，'
        f"题目出自这些课和所引的政策条款：</p><ol>{items}</ol></div>\n\n"
    )


def render_quiz_page(module: Module, catalogue: Catalogue) -> str:
    assert module.quiz is not None
    src = module.src("quiz.md")
    after = next_module(catalogue, module)
    if after is not None:
        step = (relative_url(src, after.src()), f"继续学习下一个模块：{after.title}")
    else:
        step = (relative_url(src, RECORD), "全部模块已学完，打印学习记录单")
    return (
        _front(f"自测：{module.title}", "search:\n  exclude: true\n")
        + f"# 自测：{md_esc(module.title)}\n\n"
        + "*题目由本项目编写，为示例内容；成绩只保存在本机浏览器中，是自我检测，不是学分认定。*\n\n"
        + _lessons_hint(module)
        + render_quiz_html(module.id, module.title, module.quiz, src, step)
        + f"\n\n[返回模块首页](index.md) · [我的学习]({_rel(src, MY_LEARNING)})\n"
    )


def _module_rows(catalogue: Catalogue, from_src: str, cells: str) -> str:
    rows = []
    for m in catalogue.modules:
        pass_mark = m.quiz.pass_mark if m.quiz else 100
        rows.append(
            f'<tr data-module="{esc(m.id)}" data-hours="{m.hours_text}" data-pass="{pass_mark}">'
            f'<th scope="row" data-label="模块"><a href="{esc(relative_url(from_src, m.src()))}">{esc(m.title)}</a></th>'
            f"{cells}{_cell('学时', m.hours_text)}</tr>"
        )
    return "".join(rows)


def render_my_learning(catalogue: Catalogue) -> str:
    cells = _cell("状态", "未开始", "ml-status") + _cell("最高分", "—", "ml-best") + _cell("通过日期", "—", "ml-date")
    rows = _module_rows(catalogue, MY_LEARNING, cells)
    return (
        _front("我的学习")
        + "# 我的学习\n\n"
        + "这里显示你在本机浏览器中的学习进度。记录只保存在这台设备的浏览器里，本站不收集任何个人信息；"
        "换设备前请先导出，再在新设备上导入。\n\n"
        + '<div class="training-my" data-search-exclude>'
        # The script points this at the first module not yet passed (or at the 学习记录单).
        + f'<p class="ml-next" data-done-href="{esc(relative_url(MY_LEARNING, RECORD))}">'
        f'<a class="md-button md-button--primary" href="{esc(relative_url(MY_LEARNING, INDEX))}">从学习路径开始</a></p>'
        + '<table class="learn-cards"><caption>各模块学习状态</caption><thead><tr><th scope="col">模块</th>'
        + '<th scope="col">状态</th><th scope="col">最高分</th><th scope="col">通过日期</th><th scope="col">学时</th></tr></thead>'
        + f"<tbody>{rows}</tbody></table>"
        + '<p class="ml-total">已通过 0 个模块，合计 0 学时。</p>'
        + "</div>\n\n## 导出与导入\n\n"
        + '<div class="training-transfer">'
        + '<p><button type="button" class="md-button ml-export">导出学习记录（JSON 文件）</button></p>'
        + '<p><label for="ml-import-file">导入学习记录：</label><input type="file" id="ml-import-file" class="ml-import" accept=".json,application/json"></p>'
        + '<p class="ml-message" role="status" aria-live="polite"></p>'
        + "</div>\n\n"
        + "导入时，文件中的记录与本机记录合并：每个模块保留较高的分数和较早的通过日期。文件内容不完整、被改动或格式不对时，"
        "导入会被拒绝，本机的记录保持不变。\n\n" + f"[打印学习记录单]({_rel(MY_LEARNING, RECORD)})\n"
    )


def render_record(catalogue: Catalogue) -> str:
    rows = _module_rows(catalogue, RECORD, _cell("最高分", "", "rec-best") + _cell("通过日期", "", "rec-date"))
    return (
        _front("学习记录单")
        + "# 学习记录单\n\n"
        + '<div class="training-record" data-search-exclude>'
        + '<div class="rec-form"><p>填写后点击“打印”。姓名和学校只保存在本机浏览器中，不会上传。</p>'
        + '<p><label for="rec-name">姓名</label> <input type="text" id="rec-name" class="rec-name" autocomplete="name"></p>'
        + '<p><label for="rec-school">学校</label> <input type="text" id="rec-school" class="rec-school" autocomplete="organization"></p>'
        + '<p><button type="button" class="md-button md-button--primary rec-print">打印</button></p></div>'
        + '<div class="rec-sheet"><p class="rec-who">姓名：<span class="rec-name-out"></span>　学校：<span class="rec-school-out"></span></p>'
        + '<table class="learn-cards"><caption>已通过的培训模块</caption><thead><tr><th scope="col">模块</th>'
        + '<th scope="col">最高分</th><th scope="col">通过日期</th><th scope="col">学时</th></tr></thead>'
        + f"<tbody>{rows}</tbody></table>"
        + '<p class="rec-total">合计 0 学时。</p><p class="rec-empty" hidden>尚未通过任何模块。</p>'
        + '<p class="rec-note"><strong>说明：这是一份自测记录，不是官方学分证明。</strong>记录由学习者本人的浏览器生成，'
        "本站无法核实身份和成绩，也不能据此认定培训学分；学分以区、校组织的培训和认定为准。</p>"
        + '<p class="rec-printed">打印日期：<span class="rec-today"></span></p></div></div>\n'
    )


def generated_training_pages(catalogue: Catalogue, root: Path) -> list[tuple[str, Path | None, str | None]]:
    """(src_uri, file, content) for every page of the section."""
    pages: list[tuple[str, Path | None, str | None]] = [
        ("training/index.md", None, render_training_index(catalogue)),
        (MY_LEARNING, None, render_my_learning(catalogue)),
        (RECORD, None, render_record(catalogue)),
    ]
    for m in catalogue.modules:
        pages.append((m.src(), None, render_module_page(m, catalogue) + render_scorm_download(m)))
        pages.append((m.src("quiz.md"), None, render_quiz_page(m, catalogue)))
        pages += [(m.src(le.file), root / MODULES_DIR / m.id / le.file, None) for le in m.lessons]
        # Images and other files a lesson links to are published next to it.
        folder = root / MODULES_DIR / m.id
        assets = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix not in (".md", ".yml", ".yaml"))
        pages += [(m.src(p.relative_to(folder).as_posix()), p, None) for p in assets if not p.name.startswith(".")]
    return pages
