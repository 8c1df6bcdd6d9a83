"""The shared YAML loader: positions, duplicate keys, Chinese messages, all problems at once."""

from __future__ import annotations

import pytest

from macros.core.yamlload import load_front_matter, load_yaml_text, validate

SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["title", "count"],
    "properties": {
        "title": {"type": "string", "minLength": 1},
        "count": {"type": "integer", "minimum": 0},
        "date": {"type": "string", "format": "date"},
        "kind": {"enum": ["甲", "乙"]},
        "items": {"type": "array", "items": {"type": "string"}},
    },
}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("title: a\ncount: 1\n", []),
        ("title: a\ncount: 1\ntitel: b\n", ["t.yml:3:1: error: 未知字段“titel”，是否想写“title”？"]),
        ("title: a\n", ["t.yml:1:1: error: 缺少必填字段“count”"]),
        ("title: a\ncount: 三\n", ["t.yml:2:8: error: “count”应为整数，实际是文本"]),
        ("title: a\ncount: -1\n", ["t.yml:2:8: error: “count”不能小于 0"]),
        ("title: ''\ncount: 1\n", ["t.yml:1:8: error: “title”不能为空"]),
        ("title: a\ncount: 1\ndate: 2023-02-30\n", ["t.yml:3:7: error: “date”应为日期（如 2023-07-19），实际是“2023-02-30”"]),
        ("title: a\ncount: 1\nkind: 丙\n", ["t.yml:3:7: error: “kind”的取值“丙”无效，可选：甲、乙"]),
        ("title: a\ncount: 1\nitems:\n  - x\n  - 2\n", ["t.yml:5:5: error: “items[2]”应为文本，实际是整数"]),
    ],
)
def test_validation_messages(text, expected):
    doc, problems = load_yaml_text(text, "t.yml")
    assert problems == []
    assert [p.format() for p in validate(doc, SCHEMA)] == expected


def test_all_problems_are_reported_in_one_run():
    doc, _ = load_yaml_text("titel: a\ncount: x\nkind: 丙\n", "t.yml")
    messages = [p.format() for p in validate(doc, SCHEMA)]
    assert len(messages) == 4  # missing title, unknown titel, wrong count, bad kind
    assert [m.split(":")[1] for m in messages] == ["1", "1", "2", "3"]


def test_duplicate_keys_are_errors_not_silently_dropped():
    doc, problems = load_yaml_text("title: a\ncount: 1\ntitle: b\n", "t.yml")
    assert [p.format() for p in problems] == ["t.yml:3:1: error: 重复的键“title”（第 1 行已经出现过），YAML 只会保留其中一个"]


@pytest.mark.parametrize(
    "text, position, fragment",
    [
        ("title: [a\ncount: 1\n", (2, 6), "YAML 语法错误"),
        ("title: a\n\tcount: 1\n", (2, 1), "Tab"),
        ("a: b: c\n", (1, 5), "冒号"),
    ],
)
def test_syntax_errors_have_positions_and_chinese(text, position, fragment):
    doc, problems = load_yaml_text(text, "t.yml")
    assert doc is None
    assert (problems[0].line, problems[0].col) == position
    assert fragment in problems[0].message


def test_unsafe_tags_are_not_constructed():
    doc, problems = load_yaml_text("x: !!python/object/apply:os.system ['echo hacked']\n", "t.yml")
    assert problems and "不支持的 YAML 标签" in problems[0].message


def test_front_matter_lines_count_from_the_file(tmp_path):
    page = tmp_path / "p.md"
    page.write_text("---\ntitle: a\ncount: 1\ncount: 2\n---\n\n# 正文\n", encoding="utf-8")
    doc, body, problems = load_front_matter(page, "p.md")
    assert [p.format() for p in problems] == ["p.md:4:1: error: 重复的键“count”（第 3 行已经出现过），YAML 只会保留其中一个"]
    assert body.startswith("\n# 正文")


def test_dates_stay_text():
    doc, _ = load_yaml_text("issued: 2023-07-19\n", "t.yml")
    assert doc.data == {"issued": "2023-07-19"}
