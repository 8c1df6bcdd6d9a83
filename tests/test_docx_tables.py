"""Column widths from content (table-driven) and the width of mixed Chinese and Latin text."""

from __future__ import annotations

import pytest

from macros.documents.docx_tables import CELL_MARGINS, column_widths, text_width

TOTAL = 8845  # twips: GB/T 9704's 156 mm text block
EM = 280  # twips: one 四号 character


@pytest.mark.parametrize(
    ("text", "ems"),
    [("方式", 2), ("abc", 1.5), ("第23周", 3.5), ("第 23 周", 4), ("3月", 1.75), ("", 0)],
)
def test_text_width_counts_full_and_half_width_and_the_space_between(text, ems) -> None:
    assert text_width(text, 14) == round(ems * EM)


@pytest.mark.parametrize(
    ("header", "rows", "check"),
    [
        # short columns keep their longest cell on one line; the long one gets the rest
        (
            ["方式", "主次", "做法"],
            [["双向选择", "主要", "学校统筹，教师和学生分别填报多个志愿，学校根据师生意愿统筹匹配。"]],
            lambda w: w[0] >= 4 * EM + CELL_MARGINS and w[1] >= 2 * EM + CELL_MARGINS and w[2] > TOTAL / 2,
        ),
        # everything fits on one line: widths in proportion to the text
        (["甲", "乙"], [["一一一一", "二二二二二二二二"]], lambda w: 1.5 * w[0] < w[1] < 2 * w[0]),
        # a header never wraps, however short its column's cells
        (["主要任务", "x"], [["是", "很长的说明" * 10]], lambda w: w[0] >= 4 * EM + CELL_MARGINS),
        # more columns than room: shared by their minimum widths, still the full width
        ([f"栏目{n}" * 3 for n in range(8)], [["" for _ in range(8)]], lambda w: len(set(w[:-1])) == 1),
    ],
)
def test_column_widths(header, rows, check) -> None:
    widths = column_widths(header, rows, TOTAL, 14)
    assert sum(widths) == TOTAL and all(w > 0 for w in widths)
    assert check(widths), widths
