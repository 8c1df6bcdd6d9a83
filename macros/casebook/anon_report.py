"""The review report a trainer reads: each finding in its sentence, and what to write instead.

Pure functions over the text and the proposed :class:`~macros.casebook.anon_fix.Replacement`
objects, used by ``scripts/anonymise.py`` and the Word import:

- :func:`sentence_of` cuts the sentence around a finding out of the text;
- :func:`report_lines` is the report for a terminal: findings grouped by kind
  (“人名 5 处：王秀英、秀英 → 小A …”), each as its sentence with the term marked
  (【王秀英】), the replacement, and then ``path:line:col`` and the rule id for
  editors;
- :func:`report_html` is the same report as one standalone HTML page: everything
  escaped, no scripts and nothing loaded from anywhere (a Content-Security-Policy
  says so too), readable on a 360 px phone.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from macros.casebook.anon_fix import Replacement
from macros.casebook.anon_messages import KINDS, field_label, kind
from macros.core.markdown import line_col

__all__ = ["marked_sentence", "report_html", "report_lines", "sentence_of"]

SENTENCE_MAX = 60  # characters of a sentence shown around a finding (longer ones are clipped with …)
_ENDS = "。！？；"
_CLOSERS = "”’」』）)】"
_BREAKS = "\n|"  # a line, or a table cell, is never part of a longer sentence
# Markdown and front matter structure at the start of a line: headings, quotes, list
# markers, a front matter key (“summary: ”).
_LEAD = re.compile(r"[ \t\u3000]*(?:#{1,6}[ \t]+|>[ \t]*|[-*+][ \t]+|\d{1,3}[.)][ \t]+|[a-z_][a-z0-9_]*:[ \t]+(?:-[ \t]+)?)*")
_TRAIL = re.compile(r"[ \t\u3000]*(?:#+[ \t]*)?$")
DROPPED = "（删去）"


def sentence_of(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The sentence around ``text[start:end]`` and the span's offsets within it.

    A sentence ends at 。！？； (kept, with a closing quote after it), at a line break
    and at a table cell's ``|``; Markdown structure at its start (# , - , > , 1. ,
    a front matter key) is left out. A sentence longer than :data:`SENTENCE_MAX`
    is clipped around the span, with … where it was cut; the span itself is kept whole.
    """
    left = start
    while left > 0 and text[left - 1] not in _ENDS + _BREAKS:
        left -= 1
    right = end
    while right < len(text) and text[right] not in _ENDS + _BREAKS:
        right += 1
    if right < len(text) and text[right] in _ENDS:
        right += 1
        while right < len(text) and text[right] in _CLOSERS:
            right += 1
    lead = _LEAD.match(text, left, start)
    if lead:
        left = lead.end()
    while left < start and text[left].isspace():
        left += 1
    trail = _TRAIL.search(text, end, right)
    if trail:
        right = trail.start()
    sentence = text[left:right]
    s, e = start - left, end - left
    if len(sentence) <= SENTENCE_MAX:
        return sentence, s, e
    room = max(0, SENTENCE_MAX - (e - s))
    before = min(s, room // 2)
    after = min(len(sentence) - e, room - before)
    before = min(s, room - after)  # give unused room on the right back to the left
    cut_left, cut_right = s - before, e + after
    head = "…" if cut_left > 0 else ""
    tail = "…" if cut_right < len(sentence) else ""
    clipped = head + sentence[cut_left:cut_right] + tail
    return clipped, s - cut_left + len(head), e - cut_left + len(head)


def marked_sentence(text: str, start: int, end: int) -> str:
    """The sentence around ``text[start:end]`` with the span in 【】 (for terminals)."""
    sentence, s, e = sentence_of(text, start, end)
    return f"{sentence[:s]}【{sentence[s:e]}】{sentence[e:]}"


# -- what the report says about each finding ------------------------------------------


def _front_matter_end(text: str) -> int:
    """The line number of the front matter's closing ``---`` (0 when there is none)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return 0
    return next((i + 1 for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), 0)


def _field_at(text: str, line: int) -> str:
    """The front matter key whose value holds ``line`` (1-based)."""
    lines = text.split("\n")
    for i in range(line - 1, 0, -1):
        m = re.match(r"^([A-Za-z_][\w-]*):", lines[i])
        if m:
            return m.group(1)
    return ""


def _where(text: str, line: int, fm_end: int) -> str:
    """“第 16 行”, or “第 4 行，标题（title）” in the front matter."""
    if 0 < line < fm_end:
        key = _field_at(text, line)
        if key:
            return f"第 {line} 行，{field_label(key)}"
    return f"第 {line} 行"


def _replacement_text(r: Replacement) -> str:
    return r.text if r.text else DROPPED


def _groups(replacements: list[Replacement]) -> list[tuple[str, list[Replacement]]]:
    """Findings grouped by rule (names first, then the order of :data:`KINDS`), each group in text order."""
    order = list(KINDS)
    rules = sorted(
        {r.finding.rule for r in replacements}, key=lambda rule: (order.index(rule) if rule in order else len(order), rule)
    )
    return [(rule, sorted((r for r in replacements if r.finding.rule == rule), key=lambda r: r.start)) for rule in rules]


def _mapping(group: list[Replacement]) -> list[tuple[list[str], str, int]]:
    """Who becomes what in a group: ([王秀英, 秀英], 小A, 3), in order of appearance."""
    targets: dict[str, tuple[list[str], list[int]]] = {}
    for r in group:
        originals, count = targets.setdefault(_replacement_text(r), ([], [0]))
        if r.original not in originals:
            originals.append(r.original)
        count[0] += 1
    return [(originals, target, count[0]) for target, (originals, count) in targets.items()]


def _summary(rule: str, group: list[Replacement]) -> str:
    parts = []
    for originals, target, count in _mapping(group):
        times = f"（{count} 处）" if count > 1 else ""
        parts.append(f"{'、'.join(originals)} → {target}{times}")
    return f"{kind(rule)} {len(group)} 处：" + "；".join(parts)


def report_lines(display: str, text: str, replacements: list[Replacement]) -> list[str]:
    """The report for a terminal, one string a line (no trailing newlines).

    The first line says how many findings there are; then, per kind, a summary
    line and two lines per finding: where it is and its sentence with the term in
    【】, then the replacement followed by ``path:line:col`` and the rule id.
    """
    if not replacements:
        return [f"{display}：没有发现身份信息标记。"]
    fm_end = _front_matter_end(text)
    out = [f"{display}：发现 {len(replacements)} 处疑似身份信息，建议这样改："]
    for rule, group in _groups(replacements):
        out.append("")
        out.append(_summary(rule, group))
        for r in group:
            line, col = line_col(text, r.start)
            marked = marked_sentence(text, r.start, r.end)
            change = "删去（前面已写明是谁的家长）" if not r.text else f"改为“{r.text}”"
            out.append(f"  {_where(text, line, fm_end)}：{marked}")
            out.append(f"      {change}　（{display}:{line}:{col}，{rule}）")
    return out


# -- the HTML page ------------------------------------------------------------------------

_CSS = """
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #fff;
  --card: #f6f8fa; --del: #ffebe9; --del-fg: #82071e; --ins: #dafbe1; --ins-fg: #116329; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --bg: #0d1117; --card: #151b23;
    --del: #4b1113; --del-fg: #ffc1c0; --ins: #0f3a1e; --ins-fg: #aff5b4; }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 16px/1.7 system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
main { max-width: 48rem; margin: 0 auto; padding: 16px 14px 40px; }
h1 { font-size: 1.35rem; line-height: 1.4; margin: 0 0 .25rem; }
h2 { font-size: 1.1rem; margin: 1.75rem 0 .5rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
p, li { overflow-wrap: anywhere; }
.file, .meta, .hint { color: var(--muted); font-size: .875rem; }
.notes { background: var(--card); border-radius: 8px; padding: .5rem .75rem .5rem 1.75rem; }
.map { list-style: none; padding: 0; margin: 0 0 .75rem; }
.map li { margin: .15rem 0; }
ol.findings { list-style: none; padding: 0; margin: 0; }
ol.findings > li { background: var(--card); border: 1px solid var(--line); border-radius: 8px;
  padding: .5rem .75rem; margin: .5rem 0; }
.where { font-weight: 600; font-size: .9rem; margin: 0; }
.sentence { margin: .25rem 0; }
del { background: var(--del); color: var(--del-fg); text-decoration: line-through; padding: 0 .1em; border-radius: 3px; }
ins { background: var(--ins); color: var(--ins-fg); text-decoration: none; font-weight: 600; padding: 0 .1em; border-radius: 3px; }
.meta { margin: 0; }
.rule { white-space: nowrap; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85em; word-break: break-all; }
@media print { body { background: #fff; color: #000; } ol.findings > li { break-inside: avoid; } }
"""


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _finding_html(display: str, text: str, r: Replacement, fm_end: int) -> str:
    line, col = line_col(text, r.start)
    sentence, s, e = sentence_of(text, r.start, r.end)
    new = f"<ins>{_e(r.text)}</ins>" if r.text else '<ins class="dropped">（删去）</ins>'
    body = f"{_e(sentence[:s])}<del>{_e(sentence[s:e])}</del>{new}{_e(sentence[e:])}"
    change = f"改为“{_e(r.text)}”" if r.text else "删去（前面已写明是谁的家长）"
    return (
        "<li>"
        f'<p class="where">{_e(_where(text, line, fm_end))}</p>'
        f'<p class="sentence">{body}</p>'
        f'<p class="meta">{change}　<code>{_e(display)}:{line}:{col}</code>　<span class="rule">{_e(r.finding.rule)}</span></p>'
        "</li>"
    )


def report_html(title: str, display: str, text: str, replacements: list[Replacement], notes: Sequence[str] = ()) -> str:
    """The report as one standalone HTML page (UTF-8, inline CSS, no scripts, nothing from
    any host). ``notes`` are extra lines shown above the findings, e.g. what the Word
    import did (“文本框 2 个：已导入正文”)."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        '<meta name="referrer" content="no-referrer">',
        f"<title>{_e(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{_e(title)}</h1>",
        f'<p class="file">文件：<code>{_e(display)}</code></p>',
    ]
    if replacements:
        parts.append(f"<p>发现 <strong>{len(replacements)}</strong> 处疑似身份信息。删除线是原文，绿色是建议的写法。</p>")
    else:
        parts.append("<p>没有发现身份信息标记。</p>")
    if notes:
        parts.append('<ul class="notes">' + "".join(f"<li>{_e(note)}</li>" for note in notes) + "</ul>")
    fm_end = _front_matter_end(text)
    for rule, group in _groups(replacements):
        parts.append("<section>")
        parts.append(f"<h2>{_e(kind(rule))} {len(group)} 处</h2>")
        items = []
        for originals, target, count in _mapping(group):
            times = f"（{count} 处）" if count > 1 else ""
            olds = "、".join(f"<del>{_e(o)}</del>" for o in originals)
            items.append(f"<li>{olds} → <ins>{_e(target)}</ins>{times}</li>")
        parts.append('<ul class="map">' + "".join(items) + "</ul>")
        parts.append('<ol class="findings">' + "".join(_finding_html(display, text, r, fm_end) for r in group) + "</ol>")
        parts.append("</section>")
    if replacements:
        parts.append(
            '<p class="hint">这些只是建议。确认后可以用 <code>scripts/anonymise.py 文件 --write</code> 写入草稿；'
            "写入后请通读全文，工具认不出绰号、家长的工作单位和独特的事件细节。</p>"
        )
    parts += ["</main>", "</body>", "</html>", ""]
    return "\n".join(parts)
