"""Import school plans from a district's spreadsheet (CSV or XLSX), one row per school.

Every imported plan is a draft (``status: 草稿``): a row with gaps is imported, its gaps
are reported by ``scripts/check.py`` as notes, and it is not published until someone
completes it, so a bulk import never stops the build.

Districts collect school data in Excel. A CSV saved by Excel in China is often
GBK, sometimes UTF-8 with a byte-order mark; all three encodings are read. Each
row becomes a plan scaffolded from the template with the row's values filled
in. Problems are reported by row and column as ``file:row:col``, the row
numbers being those Excel shows (the header is row 1); good rows are kept.
"""

from __future__ import annotations

import csv
import datetime
import difflib
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from macros.core.messages import message
from macros.core.placeholders import DISTRICTS, SAMPLE_DISTRICT, district_name
from macros.core.problems import Problem
from macros.core.yamlload import Document, validate
from macros.plans.model import ID_PATTERN, MATCHING_METHODS, PLAN_SCHEMA, STAGES, new_plan


@dataclass(frozen=True)
class Column:
    header: str
    path: tuple  # where the value goes in the plan
    kind: str  # text | int | bool | grades | stage | methods | id
    required: bool
    help: str


COLUMNS = [
    Column("学校代码", ("id",), "id", True, "小写英文字母、数字和连字符，作为文件名，如 example-middle"),
    Column("学校名称", ("name",), "text", True, "学校全称"),
    Column("所在区", ("district",), "district", True, "上海市的区，如 闵行区（写 闵行 也可以）"),
    Column("学段", ("stage",), "stage", True, "、".join(STAGES)),
    Column("实施年级", ("grades",), "grades", True, "如 6-9 或 4、5（上海五四学制，6 为预备年级）"),
    Column("教师人数", ("counts", "teachers"), "int", True, "覆盖年级的教师总数"),
    Column("导师人数", ("counts", "mentors"), "int", True, "担任导师的教师人数"),
    Column("学生人数", ("counts", "students"), "int", True, "覆盖年级的学生总数"),
    Column("每位导师最多指导学生数", ("matching", "max_students_per_mentor"), "int", False, "不超过 15"),
    Column("匹配方式", ("matching", "methods"), "methods", False, "用顿号分隔，第一种为主要方式：" + "、".join(MATCHING_METHODS)),
    Column("家访次数", ("key_tasks", "home_visit", "times_per_year"), "int", False, "每学年每名学生至少家访次数"),
    Column("谈心谈话次数", ("key_tasks", "talks", "times_per_year"), "int", False, "每学年至少次数"),
    Column("书面反馈次数", ("key_tasks", "written_feedback", "times_per_year"), "int", False, "每学年次数"),
    Column("校本研训次数", ("training", "sessions_per_year"), "int", False, "每学年次数"),
    Column("领导小组组长", ("organization", "leading_group", "leader"), "text", False, "职务，不写姓名"),
    Column("工作小组组长", ("organization", "working_group", "leader"), "text", False, "职务，不写姓名"),
    Column("示例", ("sample",), "bool", False, "是 或 否（默认 否）；本项目编写的示例数据填 是"),
]
BY_HEADER = {c.header: c for c in COLUMNS}


# -- reading ---------------------------------------------------------------------------


def decode(data: bytes) -> tuple[str | None, str]:
    """Text of a CSV file in UTF-8 (with or without BOM) or GBK; returns (text, encoding name)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "UTF-8（带 BOM）"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "GBK"
    except UnicodeDecodeError:
        return None, ""


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        # Excel turns a typed “6-9” (grades 6 to 9) into 9 June; give back what was typed.
        return f"{value.month}-{value.day}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_table(path: Path, display: str) -> tuple[list[list[str]], list[Problem]]:
    """Rows of the first sheet (XLSX) or of the CSV file, every cell as stripped text."""
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        try:
            book = load_workbook(path, read_only=True, data_only=True)
            formulas = load_workbook(path, read_only=True, data_only=False)
        except Exception as err:  # openpyxl raises many kinds for a damaged file
            return [], [Problem(display, 1, 1, message("importer.read-table-3", err=err))]
        values = list(book.worksheets[0].iter_rows(values_only=True))
        written = list(formulas.worksheets[0].iter_rows(values_only=True))
        book.close()
        formulas.close()
        return [[_cell(v) for v in row] for row in values], _formula_problems(values, written, display)
    try:
        data = path.read_bytes()
    except OSError as err:
        return [], [Problem(display, 1, 1, message("importer.read-table-2", strerror=err.strerror))]
    text, _ = decode(data)
    if text is None:
        return [], [Problem(display, 1, 1, message("importer.read-table"))]
    return [[c.strip() for c in row] for row in csv.reader(io.StringIO(text, newline=""))], []


def _formula_problems(values: list[tuple], written: list[tuple], display: str) -> list[Problem]:
    """A formula cell whose file has no computed value (saved by a program that does not
    calculate) would read as empty: it is reported as the formula it is."""
    problems = []
    for r, (row, raw_row) in enumerate(zip(values, written, strict=False), start=1):
        for c, (value, raw) in enumerate(zip(row, raw_row, strict=False), start=1):
            if value is None and isinstance(raw, str) and raw.startswith("="):
                problems.append(
                    Problem(
                        display,
                        r,
                        c,
                        message("importer.formula-problems", r=r, c=c, raw=raw),
                    )
                )
    return problems


# -- converting --------------------------------------------------------------------------

_GRADE_RANGE = re.compile(r"^(\d{1,2})\s*[-–—~～至到]\s*(\d{1,2})$")


def parse_grades(text: str) -> list[int]:
    """“6-9” → [6, 7, 8, 9]; “4、5” → [4, 5]. Raises ValueError."""
    text = text.replace("年级", "").strip()
    m = _GRADE_RANGE.match(text)
    if m:
        low, high = int(m.group(1)), int(m.group(2))
        grades = list(range(low, high + 1))
    else:
        grades = [int(part) for part in re.split(r"[,，、;；\s]+", text) if part]
    if not grades or any(g < 1 or g > 12 for g in grades) or len(set(grades)) != len(grades):
        raise ValueError
    return grades


def _convert(column: Column, raw: str) -> tuple[Any, str | None]:
    """The value for a cell, or an error message."""
    if column.kind == "id":
        if raw in ("index", "school-plan-template"):
            return None, message("import.cell-reserved", value=raw)
        return (raw, None) if re.match(ID_PATTERN, raw) else (None, message("import.cell-id", value=raw))
    if column.kind == "int":
        try:
            value = int(raw)
        except ValueError:
            return None, message("import.cell-integer", value=raw)
        return (value, None) if value >= 0 else (None, message("import.cell-negative", value=raw))
    if column.kind == "bool":
        answers = {"是": True, "否": False, "true": True, "false": False}
        return (answers[raw.lower()], None) if raw.lower() in answers else (None, message("import.cell-yes-no", value=raw))
    if column.kind == "stage":
        return (raw, None) if raw in STAGES else (None, message("import.cell-choice", value=raw, choices="、".join(STAGES)))
    if column.kind == "grades":
        try:
            return parse_grades(raw), None
        except ValueError:
            return (
                None,
                message("import.cell-grades", value=raw),
            )
    if column.kind == "methods":
        names = [n for n in re.split(r"[,，、;；\s]+", raw) if n]
        bad = [n for n in names if n not in MATCHING_METHODS]
        if bad:
            return None, message("import.cell-methods", value="、".join(bad), choices="、".join(MATCHING_METHODS))
        return [{"method": n, "role": "主要" if i == 0 else "辅助"} for i, n in enumerate(names)], None
    if "<" in raw or ">" in raw:
        return None, message("import.cell-brackets")
    if column.kind == "district":
        # 闵行 → 闵行区. Any other name is refused with the list: a draft in 苏州区 would be one
        # more plan to correct by hand later. An invented 示例…区 is left for the plan check,
        # which knows whether the row is a sample.
        name = district_name(raw)
        if name or re.match(SAMPLE_DISTRICT, raw):
            return name or raw, None
        return None, message("import.district", value=raw, districts="、".join(DISTRICTS))
    return raw, None


def _put(plan: dict, path: tuple, value: Any) -> None:
    node = plan
    for key in path[:-1]:
        node = node.setdefault(key, {})
    node[path[-1]] = value


@dataclass
class ImportedRow:
    row: int  # spreadsheet row number (header = 1)
    plan: dict


def import_rows(
    rows: list[list[str]], display: str, exists: Callable[[str], bool] = lambda _id: False
) -> tuple[list[ImportedRow], list[Problem]]:
    """Plans for the good rows and every problem, by row and column.

    ``exists(id)`` tells whether a school file is already there; such rows are
    reported and skipped (the caller passes a function that always says no when
    overwriting is allowed).
    """
    problems: list[Problem] = []
    while rows and not any(rows[0]):
        rows = rows[1:]
    if not rows:
        return [], [Problem(display, 1, 1, message("importer.import-rows"))]
    header = rows[0]
    columns: dict[int, Column] = {}
    for i, name in enumerate(header):
        if not name:
            continue
        column = BY_HEADER.get(name)
        if column is None:
            close = difflib.get_close_matches(name, list(BY_HEADER), n=1, cutoff=0.5)
            hint = f"，是否想写“{close[0]}”？" if close else f"。可用的列：{'、'.join(BY_HEADER)}"
            problems.append(Problem(display, 1, i + 1, message("importer.import-rows-2", name=name, hint=hint)))
        elif column in columns.values():
            problems.append(Problem(display, 1, i + 1, message("importer.import-rows-7", name=name)))
        else:
            columns[i] = column
    for column in COLUMNS:
        if column.required and column not in columns.values():
            problems.append(Problem(display, 1, 1, message("importer.import-rows-3", header=column.header)))
    if problems:  # a wrong header would lose data in every row: import nothing
        return [], problems

    imported: list[ImportedRow] = []
    seen: dict[str, int] = {}
    for r, cells in enumerate(rows[1:], start=2):
        if not any(cells):
            continue
        row_problems: list[Problem] = []
        values: dict[tuple, Any] = {}
        for i, raw in enumerate(cells):
            if raw and (i >= len(header) or not header[i]):
                row_problems.append(
                    Problem(
                        display,
                        r,
                        i + 1,
                        message("importer.import-rows-8", r=r, v2=i + 1, v3=raw[:20]),
                    )
                )
        for i, column in columns.items():
            raw = cells[i] if i < len(cells) else ""
            if not raw:
                if column.required:
                    row_problems.append(Problem(display, r, i + 1, message("importer.import-rows-11", r=r, header=column.header)))
                continue
            value, error = _convert(column, raw)
            if error:
                row_problems.append(
                    Problem(display, r, i + 1, message("importer.import-rows-9", r=r, header=column.header, error=error))
                )
            else:
                values[column.path] = value
        school_id = values.get(("id",))
        id_col = next(i for i, c in columns.items() if c.path == ("id",)) + 1
        if school_id in seen:
            row_problems.append(
                Problem(display, r, id_col, message("importer.import-rows-4", r=r, school_id=school_id, v3=seen[school_id]))
            )
        elif school_id and exists(school_id):
            row_problems.append(Problem(display, r, id_col, message("importer.import-rows-10", r=r, school_id=school_id)))
        if school_id:
            seen.setdefault(school_id, r)
        if row_problems:
            problems += row_problems
            continue
        plan = new_plan(values[("id",)], values[("name",)], values[("district",)])  # required: present here
        for path, value in values.items():
            _put(plan, path, value)
        found = validate(Document(display, plan), PLAN_SCHEMA)
        counts = plan["counts"]
        if counts["mentors"] > counts["teachers"]:
            col = next(i for i, c in columns.items() if c.path == ("counts", "mentors")) + 1
            problems.append(
                Problem(display, r, col, message("importer.import-rows-5", r=r, v2=counts["mentors"], v3=counts["teachers"]))
            )
            continue
        if found:
            problems += [Problem(display, r, 1, message("importer.import-rows-6", r=r, message=p.message)) for p in found]
            continue
        imported.append(ImportedRow(r, plan))
    return imported, problems


def columns_help() -> str:
    """The column list for --help and the README."""
    return "\n".join(f"  {c.header}{'（必填）' if c.required else ''}：{c.help}" for c in COLUMNS)
