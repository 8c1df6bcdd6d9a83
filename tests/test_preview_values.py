"""The record the incremental preview works from (#22), in small: values per item
(``Project.once_each``), single-entry reads of a table (``Project.once_entry``), the order in
which reached values are made again, which makers are made again with the value they were
first made inside, and when a value made again counts as the same.
(macros/core/project.py, macros/glue/compat/preview_values.py)"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from macros.build import reads
from macros.core.project import ONCE, Project
from macros.glue.compat import preview_values as inc


def _count(project: Project, name: str) -> int:
    return int(project.root.joinpath(name).read_text(encoding="utf-8"))


def _table(project: Project) -> dict[str, str]:
    return {name: project.root.joinpath(name).read_text(encoding="utf-8") for name in ("a.txt", "b.txt")}


def test_once_each_records_each_item_alone_and_a_table_entry_read_names_the_entry(tmp_path: Path) -> None:
    for name, text in (("a.txt", "1"), ("b.txt", "2")):
        (tmp_path / name).write_text(text, encoding="utf-8")
    project = Project(tmp_path)
    with reads.recording(propagate=False) as page:
        assert project.once_each("count", _count, "a.txt") == 1
        assert project.once_entry("table", lambda: _table(project), "b.txt") == "2"
        assert project.once_entry("table", lambda: _table(project), "c.txt") is None
    assert page == {f"{ONCE}count@a.txt", f"{ONCE}table#b.txt", f"{ONCE}table#c.txt"}
    found, _make, inside = project.once_reads["count@a.txt"]
    assert found == {os.path.abspath(tmp_path / "a.txt")} and inside is None
    assert project.once_reads["table"][0] == {os.path.abspath(tmp_path / n) for n in ("a.txt", "b.txt")}


def test_once_each_refuses_a_maker_that_could_hold_data(tmp_path: Path) -> None:
    project = Project(tmp_path)
    held = [1]
    with pytest.raises(TypeError, match="module-level function"):
        project.once_each("held", lambda project, item: held[0], "x")


def test_reached_values_are_made_again_after_what_they_read_whatever_the_record_order() -> None:
    # The record is in the order values finished; c was made again earlier in the session
    # and moved to the end, after b, which reads it (the stale pass mark the long
    # differential test found). The order puts c first.
    values = {
        "b": (frozenset({f"{ONCE}c", "/x/file"}), None, None),
        "unrelated": (frozenset({"/x/other"}), None, None),
        "c": (frozenset({"/x/file"}), None, None),
        "d": (frozenset({f"{ONCE}b#one"}), None, None),  # one entry of b: reached with b
    }
    order = inc._reached_in_order(values, {"/x/file"}, {})
    assert order == ["c", "b", "d"]


def test_a_maker_holding_data_is_made_again_with_the_value_it_was_made_inside(tmp_path: Path) -> None:
    project = Project(tmp_path)
    rules = ["rule"]
    holds = lambda: list(rules)  # noqa: E731 - holds the outer maker's data
    alone = lambda: project.once("x", list)  # noqa: E731 - the project only
    values = {"holds": (frozenset(), holds, "outer"), "alone": (frozenset(), alone, "outer")}
    values["outer"] = (frozenset({"/x/file"}), lambda: None, None)
    held = inc._held_by(values)
    assert held == {"outer": ["holds"]}
    assert inc._made_inside(held, "outer") == ["holds"]
    assert inc._reached_in_order(values, {"/x/file"}, held) == ["holds", "outer"]  # "alone" stays


@dataclass
class _Record:
    name: str
    path: Path
    data: dict


@pytest.mark.parametrize(
    ("old", "new", "same"),
    [
        ({"a": 1}, {"a": 1}, True),
        ({"a": 1}, {"a": 1.0}, False),  # equal, but another page
        ({"a": 1, "b": 2}, {"b": 2, "a": 1}, False),  # equal, but written in another order
        ([1, 2, 3], [1, 2, 4], False),
        (_Record("x", Path("a/b"), {}), _Record("x", Path("a/b"), {}), True),
        (_Record("x", Path("a/b"), {}), _Record("x", Path("a/c"), {}), False),
    ],
)
def test_a_value_made_again_is_the_same_only_when_equal_and_equal_as_pickled(old, new, same) -> None:
    assert inc._same(old, new) is same


def test_a_record_of_the_very_same_parts_is_the_same_without_pickling(monkeypatch) -> None:
    data = {"x": object()}  # cannot be pickled: only the identity check can say
    monkeypatch.setattr(inc, "_pickled", lambda value: pytest.fail("pickled"))
    assert inc._same(_Record("x", Path("a"), data), _Record("x", Path("a"), data)) is True


def test_only_the_changed_entries_of_a_table_are_dirty() -> None:
    shared = object()
    old = {"a": "1", "b": shared, "c": "3", "gone": "4"}
    new = {"a": "1", "b": shared, "c": "30", "new": "5"}
    assert sorted(inc._changed_entries(old, new)) == ["c", "gone", "new"]
