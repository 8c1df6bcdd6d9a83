"""TEXT-TRAD findings: runs of Traditional characters at their line and column, in linear time
on the long lines a pasted document has (issue #12: a 10,000-character line took minutes)."""

from __future__ import annotations

import re
import time

import pytest

from macros.core.textcheck import _differences, traditional_characters


@pytest.mark.parametrize(
    "text, expected",
    [
        ("全员导师制\n", []),
        ("乾坤 著名\n", []),  # correct in Simplified Chinese too
        ("這是導師", ["1:1 這→这", "1:3 導師→导师"]),
        ("ok\n發发\n", ["2:1 發→发"]),
        ("導師制度是好的。" * 3, ["1:1 導師→导师", "1:9 導師→导师", "1:17 導師→导师"]),
    ],
)
def test_runs_and_positions(text, expected):
    found = traditional_characters(text, "x.md")
    runs = [re.fullmatch("繁体字“(.+)”，简体应为“(.+)”", p.message) for p in found]
    assert [f"{p.line}:{p.col} {m[1]}→{m[2]}" for p, m in zip(found, runs, strict=True)] == expected
    assert all(p.rule == "TEXT-TRAD" for p in found)


def test_a_long_line_is_checked_in_linear_time():
    line = "導師制度是好的。" * 25_000  # 200,000 characters on one line
    start = time.monotonic()
    found = traditional_characters(line, "x.md")
    assert len(found) == 25_000 and found[-1].col == len(line) - 7
    assert time.monotonic() - start < 10


@pytest.mark.parametrize("prefix", [0, 10, 499, 500, 1_234])
def test_length_changing_conversions_are_aligned_in_pieces(prefix):
    """OpenCC's t2s keeps lengths for what it converts today; should a phrase ever change
    length, the line is aligned piece by piece, with offsets into the whole line."""

    def convert(text: str) -> str:
        return text.replace("X", "YY")

    line = "a" * prefix + "X" + "b" * 700
    assert _differences(line, convert) == [(prefix, "X", "YY")]


# Everyday simplified words that OpenCC's t2s phrase table rewrites (打坏 → 打坯): every
# character in them is a simplified form, so none may be reported as Traditional.
PHRASE_TABLE_TRAPS = "窗户玻璃被球打坏了。拉坏的拉链、捏坏的泥塑都要赔。他沉默不语，借此机会反复思考，回复了老师。"


def test_simplified_forms_are_never_reported():
    assert traditional_characters(PHRASE_TABLE_TRAPS, "x.md") == []
    # The same words still report a real Traditional character next to them.
    found = traditional_characters("打坏了導師的杯子", "x.md")
    assert [(p.col, p.message) for p in found] == [(4, "繁体字“導師”，简体应为“导师”")]


def _ordinary_text() -> str:
    """The project's own simplified text: policies, handbooks, lessons, cases, tips, news."""
    from conftest import ROOT

    files = []
    for pattern in ("docs/**/*.md", "training_modules/**/*.md", "casebook/*.md", "tipbook/*.md"):
        files += sorted(ROOT.glob(pattern))
    return "\n".join(path.read_text(encoding="utf-8") for path in files)


def test_tens_of_thousands_of_characters_of_ordinary_text_raise_no_flag():
    text = _ordinary_text() + "\n" + PHRASE_TABLE_TRAPS
    han = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
    assert han > 50_000, han
    found = traditional_characters(text, "corpus.md")
    assert found == [], [p.format() for p in found[:10]]
