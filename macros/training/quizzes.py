"""Self-check quiz banks (``training_modules/<id>/quiz.yml``): schema, checks, page.

A bank holds questions of four types. Authors name the correct option(s) by
letter (``answer: B``), in the order the options are written; the browser
shuffles options per attempt, so letters are only an authoring reference.
Every question cites a ``source`` -- a policy clause, or a section of one of the
module's lessons or of a handbook chapter -- which is resolved at check time and shown as a link in the
feedback.

The quiz page is plain, accessible HTML (one ``fieldset`` per question, real
inputs with labels) plus the answer key as JSON for ``docs/assets/portal/quiz-ui.js``.
The page is excluded from the search index, so answers and explanations can
never be found through search.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from macros.core.escaping import esc
from macros.core.links import page_url, relative_url  # noqa: F401 (page_url: part of this module's API)
from macros.core.messages import message
from macros.core.problems import Problem
from macros.core.yamlload import Document, validate
from macros.policy.policies import PolicyLibrary, UnknownReference

QUESTION_TYPES = {"single": "单选题", "multiple": "多选题", "truefalse": "判断题", "scenario": "情境题"}
MODES = {"practice": "练习模式", "exam": "测验模式"}
LETTERS = "ABCDEFGH"

_NOT_BLANK = {"type": "string", "pattern": r"\S", "x-message": "不能为空"}


def _ruled(problems: list[Problem], rule: str) -> list[Problem]:
    """Tag problems with their rule id (listed on docs/about/rules.md)."""
    return [replace(p, rule=rule) for p in problems]


# An option is text, or {text, feedback}; checked in code for clearer messages.
_OPTION = {"type": ["string", "object"]}
OPTION_LABELS = {"text": "选项文字", "feedback": "反馈"}  # as messages name them


def _check_option(doc: Document, i: int, k: int, option: object) -> list[Problem]:
    loc = ("questions", i, "options", k)
    where = f"第 {i + 1} 题的第 {k + 1} 个选项"
    if isinstance(option, str):
        return [] if option.strip() else [doc.problem(loc, message("quizzes.check-option-2", where=where))]
    if not isinstance(option, dict):
        return []
    problems = [
        doc.problem(loc + (key,), message("quizzes.check-option", where=where, key=key), key=True)
        for key in option
        if key not in ("text", "feedback")
    ]
    for key in ("text", "feedback"):
        value = option.get(key)
        if key == "text" and value is None:
            problems.append(doc.problem(loc, message("quizzes.check-option-3", where=where)))
        elif value is not None and not (isinstance(value, str) and value.strip()):
            problems.append(doc.problem(loc + (key,), message("quizzes.check-option-4", where=where, key=OPTION_LABELS[key])))
    return problems


def _titled(title: str, node: dict) -> dict:
    """A field with its Chinese label (messages name fields as trainers know them)."""
    return {"title": title, **node}


QUIZ_SCHEMA: dict = {
    "type": "object",
    "additionalProperties": False,
    "required": ["settings", "questions"],
    "properties": {
        "settings": _titled(
            "设置",
            {
                "type": "object",
                "additionalProperties": False,
                "required": ["pass_mark"],
                "properties": {
                    "pass_mark": _titled("及格线", {"type": "integer", "minimum": 1, "maximum": 100}),
                    "draw": _titled("每次抽题数", {"type": "integer", "minimum": 1}),
                    "shuffle_options": _titled("打乱选项", {"type": "boolean"}),
                    "mode": _titled("模式", {"enum": list(MODES)}),
                },
            },
        ),
        "questions": _titled(
            "题目",
            {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["id", "type", "stem", "explanation", "source"],
                    "properties": {
                        "id": _titled("题目编号", {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"}),
                        "type": _titled("题型", {"enum": list(QUESTION_TYPES)}),
                        "case": _titled("情境描述", _NOT_BLANK),
                        "stem": _titled("题干", _NOT_BLANK),
                        "options": _titled("选项", {"type": "array", "items": _OPTION}),
                        "answer": _titled("答案", {"type": ["string", "array", "boolean"]}),
                        "explanation": _titled("解析", _NOT_BLANK),
                        "source": _titled(
                            "来源",
                            {
                                "type": "object",
                                "additionalProperties": False,
                                "properties": {
                                    "policy": _titled("政策文件", {"type": "string", "minLength": 1}),
                                    "clause": _titled("条款", {"type": "string", "minLength": 1}),
                                    "lesson": _titled("课", {"type": "string", "minLength": 1}),
                                    "handbook": _titled("手册章节", {"type": "string", "minLength": 1}),
                                    "section": _titled("小节", {"type": "string", "minLength": 1}),
                                },
                            },
                        ),
                    },
                },
            },
        ),
    },
}


@dataclass(frozen=True)
class Source:
    src_uri: str  # page the source lives on, e.g. policies/shanghai-2023-25.md
    anchor: str  # heading or clause anchor, without "#"
    label: str  # link text


@dataclass
class Question:
    id: str
    type: str
    stem: str
    options: list[str]
    answer: list[int]  # indexes into options
    explanation: str
    source: Source
    case: str = ""
    feedback: list[str] = field(default_factory=list)  # per option (scenario questions)


@dataclass
class Quiz:
    pass_mark: int
    draw: int
    shuffle_options: bool
    mode: str
    questions: list[Question]


# A lesson resolver maps (lesson file, section) to a Source, or raises UnknownReference.
LessonResolver = Callable[[str, str], Source]


def _option_text(option: object) -> str:
    return option.get("text", "") if isinstance(option, dict) else str(option)


def _letters(n: int) -> str:
    return f"A–{LETTERS[n - 1]}" if n > 1 else "A"


def _check_answer(doc: Document, i: int, q: dict) -> tuple[list[int], list[Problem]]:
    """The indexes of the correct options, and problems with the ``answer`` field."""
    loc = ("questions", i)
    qtype, answer, options = q.get("type"), q.get("answer"), q.get("options")
    label = f"第 {i + 1} 题（{q.get('id', '?')}）"
    if answer is None or answer == [] or answer == "":
        return [], [doc.problem(loc, message("quizzes.check-answer-2", label=label))]
    if qtype == "truefalse":
        if options is not None:
            return [], [doc.problem(loc + ("options",), message("quizzes.check-answer-6", label=label), key=True)]
        if not isinstance(answer, bool):
            return [], [doc.problem(loc + ("answer",), message("quizzes.check-answer-7", label=label))]
        return [0 if answer else 1], []
    if not isinstance(options, list) or len(options) < 2:
        return [], [
            doc.problem(loc + ("options",) if options is not None else loc, message("quizzes.check-answer-3", label=label))
        ]
    if len(options) > len(LETTERS):
        return [], [doc.problem(loc + ("options",), message("quizzes.check-answer-4", label=label, v2=len(LETTERS)))]
    letters = answer if isinstance(answer, list) else [answer]
    problems: list[Problem] = []
    indexes: list[int] = []
    for k, letter in enumerate(letters):
        where = loc + ("answer", k) if isinstance(answer, list) else loc + ("answer",)
        if not isinstance(letter, str) or len(letter) != 1 or letter not in LETTERS[: len(options)]:
            problems.append(
                doc.problem(
                    where,
                    message("quizzes.check-answer-5", label=label, letter=letter, v3=len(options), v4=_letters(len(options))),
                )
            )
        elif LETTERS.index(letter) in indexes:
            problems.append(doc.problem(where, message("quizzes.check-answer-8", label=label, letter=letter)))
        else:
            indexes.append(LETTERS.index(letter))
    if qtype in ("single", "scenario") and len(letters) > 1:
        problems.append(
            doc.problem(
                loc + ("answer",), message("quizzes.check-answer", label=label, v2=QUESTION_TYPES[qtype], v3=len(letters))
            )
        )
    return indexes, problems


def _resolve_source(
    doc: Document, i: int, source: dict, library: PolicyLibrary, lessons: LessonResolver, handbooks: LessonResolver | None
) -> tuple[Source | None, list[Problem]]:
    loc = ("questions", i, "source")
    kinds = [k for k in ("policy", "lesson", "handbook") if k in source]
    stray = "clause" in source and kinds != ["policy"]
    if len(kinds) != 1 or stray:
        return None, [
            doc.problem(
                loc,
                message("quizzes.resolve-source"),
            )
        ]
    try:
        if kinds == ["policy"]:
            policy, clause = library.resolve(source["policy"], source.get("clause"))
            if clause is None:
                return Source(policy.src_uri, "", f"《{policy.title}》"), []
            return Source(policy.src_uri, clause.anchor, f"{policy.label} {clause.key}"), []
        resolver = lessons if kinds == ["lesson"] else handbooks
        if resolver is None:
            raise UnknownReference("这里不能引用指导手册")
        return resolver(source[kinds[0]], source.get("section", "")), []
    except UnknownReference as err:
        return None, [doc.problem(loc, message("quizzes.resolve-source-2", err=err))]


def load_quiz(
    doc: Document, library: PolicyLibrary, lessons: LessonResolver, handbooks: LessonResolver | None = None
) -> tuple[Quiz | None, list[Problem]]:
    """Validate a quiz bank; the quiz is returned only when it has no problems."""
    problems = validate(doc, QUIZ_SCHEMA)
    data = doc.data if isinstance(doc.data, dict) else {}
    raw_questions: list = data["questions"] if isinstance(data.get("questions"), list) else []
    seen: dict[str, int] = {}
    questions: list[Question] = []
    for i, q in enumerate(raw_questions):
        if not isinstance(q, dict):
            continue
        qid = q.get("id")
        if isinstance(qid, str):
            if qid in seen:
                problems.append(
                    doc.problem(("questions", i, "id"), message("quizzes.load-quiz-2", qid=qid, v2=seen[qid] + 1), rule="QUIZ-ID")
                )
            seen.setdefault(qid, i)
        indexes, found = _check_answer(doc, i, q)
        problems += _ruled(found, "QUIZ-ANSWER")
        qtype = q.get("type")
        options: list = q["options"] if isinstance(q.get("options"), list) else []
        for k, option in enumerate(options):
            problems += _ruled(_check_option(doc, i, k, option), "QUIZ-TEXT")
        if qtype == "scenario":
            if "case" not in q:
                problems.append(doc.problem(("questions", i), message("quizzes.load-quiz-3", v1=i + 1), rule="QUIZ-SCENARIO"))
            for k, option in enumerate(options):
                if not (isinstance(option, dict) and option.get("feedback")):
                    problems.append(
                        doc.problem(
                            ("questions", i, "options", k),
                            message("quizzes.load-quiz-5", v1=i + 1),
                            rule="QUIZ-SCENARIO",
                        )
                    )
        elif "case" in q:
            problems.append(
                doc.problem(("questions", i, "case"), message("quizzes.load-quiz-4", v1=i + 1), key=True, rule="QUIZ-SCENARIO")
            )
        source = None
        if isinstance(q.get("source"), dict):
            source, found = _resolve_source(doc, i, q["source"], library, lessons, handbooks)
            problems += _ruled(found, "QUIZ-SOURCE")
        if not problems and source is not None:
            texts = ["正确", "错误"] if qtype == "truefalse" else [_option_text(o) for o in options]
            feedback = [o.get("feedback", "") if isinstance(o, dict) else "" for o in options]
            questions.append(
                # No problem: the schema held, so the id and the type are strings.
                Question(str(qid), str(qtype), q["stem"], texts, indexes, q["explanation"], source, q.get("case", ""), feedback)
            )
    settings: dict = data["settings"] if isinstance(data.get("settings"), dict) else {}
    draw = settings.get("draw")
    if isinstance(draw, int) and raw_questions and draw > len(raw_questions):
        problems.append(
            doc.problem(("settings", "draw"), message("quizzes.load-quiz", draw=draw, v2=len(raw_questions)), rule="QUIZ-DRAW")
        )
    if problems:
        return None, sorted(set(problems), key=lambda p: (p.line, p.col, p.message))
    quiz = Quiz(
        pass_mark=settings["pass_mark"],
        draw=draw or len(questions),
        shuffle_options=settings.get("shuffle_options", True),
        mode=settings.get("mode", "exam"),
        questions=questions,
    )
    return quiz, []


# -- page -----------------------------------------------------------------------


def _attr_json(value: object) -> str:
    """JSON for a ``data-quiz`` attribute, HTML-escaped.

    Not a ``<script type="application/json">``: Material's instant navigation
    re-creates inline scripts from their text only, so the type is lost and the
    JSON runs as JavaScript (issue 13). An attribute survives every way of
    reaching the page."""
    return esc(json.dumps(value, ensure_ascii=False, separators=(",", ":")))


def quiz_data(module_id: str, quiz: Quiz, from_src_uri: str) -> dict:
    """What the browser needs to mark answers: kept out of the visible markup."""
    return {
        "module": module_id,
        "passMark": quiz.pass_mark,
        "draw": quiz.draw,
        "shuffle": quiz.shuffle_options,
        "mode": quiz.mode,
        "questions": [
            {
                "id": q.id,
                "type": q.type,
                "answer": q.answer,
                "explanation": q.explanation,
                "feedback": q.feedback,
                "source": {"href": relative_url(from_src_uri, q.source.src_uri, q.source.anchor), "label": q.source.label},
            }
            for q in quiz.questions
        ],
    }


def _question_html(number: int, q: Question) -> str:
    name = f"q-{q.id}"
    kind = "checkbox" if q.type == "multiple" else "radio"
    parts = [
        f'<fieldset class="quiz-q" id="{name}" data-qid="{esc(q.id)}">',
        f'<legend><span class="quiz-num">第 {number} 题</span> <span class="quiz-type">（{QUESTION_TYPES[q.type]}）</span> '
        f'<span class="quiz-stem">{esc(q.stem)}</span></legend>',
    ]
    if q.case:
        parts.append(f'<p class="quiz-case"><strong>情境：</strong>{esc(q.case)}</p>')
    if q.type == "multiple":
        parts.append('<p class="quiz-hint">（可多选）</p>')
    parts.append('<div class="quiz-options">')
    for k, text in enumerate(q.options):
        oid = f"{name}-{k}"
        parts.append(
            f'<div class="quiz-opt" data-index="{k}"><input type="{kind}" name="{name}" id="{oid}" value="{k}">'
            f'<label for="{oid}">{esc(text)}</label></div>'
        )
    parts.append("</div>")
    parts.append('<button type="button" class="md-button quiz-check" hidden>确认本题</button>')
    parts.append('<div class="quiz-feedback" tabindex="-1"></div>')
    parts.append("</fieldset>")
    return "".join(parts)


def render_quiz_html(module_id: str, title: str, quiz: Quiz, from_src_uri: str, next_step: tuple[str, str] | None = None) -> str:
    """The quiz as one HTML block (no blank lines, so Markdown leaves it alone).

    Feedback, the unanswered-questions message and the result are not live regions:
    the script moves focus to them, so a screen reader reads each submit once.
    ``next_step`` is (href, label) of what to learn after a pass."""
    next_attr = f' data-next="{_attr_json({"href": next_step[0], "label": next_step[1]})}"' if next_step else ""
    bank, draw = len(quiz.questions), quiz.draw
    drawn = f"每次从题库的 {bank} 道题中随机抽取 {draw} 道" if draw < bank else f"共 {bank} 道题"
    mode_inputs = "".join(
        f'<div class="quiz-opt"><input type="radio" name="quiz-mode" id="quiz-mode-{key}" value="{key}"'
        f'{" checked" if key == quiz.mode else ""}><label for="quiz-mode-{key}">{label}：'
        f"{'每答一题立即显示对错和解析' if key == 'practice' else '全部作答后交卷，再逐题查看解析'}</label></div>"
        for key, label in MODES.items()
    )
    questions = "".join(_question_html(n + 1, q) for n, q in enumerate(quiz.questions))
    return (
        f'<div class="quiz" data-module="{esc(module_id)}" data-title="{esc(title)}" data-search-exclude '
        f'data-quiz="{_attr_json(quiz_data(module_id, quiz, from_src_uri))}"{next_attr}>'
        f'<div class="quiz-intro"><p>{drawn}，正确率达到 {quiz.pass_mark}% 即为通过。选项顺序每次随机排列。</p>'
        f'<fieldset class="quiz-modes"><legend>作答方式</legend>{mode_inputs}</fieldset>'
        '<p class="quiz-best"></p>'
        '<p><button type="button" class="md-button md-button--primary quiz-start">开始自测</button></p>'
        '<noscript><p class="quiz-noscript">自测需要在浏览器中启用 JavaScript。</p></noscript></div>'
        f'<form class="quiz-form" hidden novalidate><p class="quiz-progress" aria-live="polite"></p>{questions}'
        '<p class="quiz-form-status" tabindex="-1"></p>'
        '<p><button type="submit" class="md-button md-button--primary quiz-submit">交卷</button></p></form>'
        '<section class="quiz-result" tabindex="-1" hidden></section>'
        "</div>"
    )
