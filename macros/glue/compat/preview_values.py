"""How the incremental preview (:mod:`preview_incremental`) judges the values it made again:
whether a value is the same as before, which values an edit reaches and in what order they are
made again, and which values are made again with the value they were made inside.

Kept apart from the rebuild itself so that each stays small; tested in
``tests/test_preview_values.py``.
"""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import PurePath
from types import BuiltinFunctionType, FunctionType, MethodType, ModuleType
from typing import Any

from macros.core.project import ENTRY, ONCE, Project


def _pickled(value: Any) -> bytes | None:
    try:
        return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # not picklable: never counted as unchanged
        return None


def _same(old: Any, new: Any) -> bool:
    """Whether a value made again is the one made before: equal, and equal as pickled bytes.
    ``!=`` answers first (it stops at the first difference, and the parts an edit left alone
    are mostly the very same objects); when it says equal, the pickles decide (1 == 1.0, and
    dicts in another order compare equal but write another page)."""
    if old is new or _identical(old, new):
        return True
    try:
        if old != new:
            return False
    except Exception:  # a value that cannot say: the pickles decide
        pass
    a = _pickled(old)
    return a is not None and a == _pickled(new)


def _identical(old: Any, new: Any) -> bool:
    """Made again of the very same parts (a case whose file was not saved: the same front
    matter, text and document objects in a new record): the same, without pickling it."""
    if type(old) is not type(new):
        return False
    if dataclasses.is_dataclass(old):
        return all(_same_part(getattr(old, f.name), getattr(new, f.name)) for f in dataclasses.fields(old))
    if isinstance(old, (tuple, list)):
        return len(old) == len(new) and all(_same_part(a, b) for a, b in zip(old, new, strict=True))
    return False


def _same_part(a: Any, b: Any) -> bool:
    # The same object, or equal paths and strings (a path made again from the same folder listing).
    return a is b or (type(a) is type(b) and isinstance(a, (str, PurePath)) and a == b)


_MISSING = object()


def _reached_in_order(
    values: dict[str, tuple[frozenset[str], Any, str | None]], changed: set[str], held: dict[str, list[str]]
) -> list[str]:
    """The values an edit of ``changed`` can reach (through what they read, and the values made
    inside them), each after every value it read: a value is made again once, from values
    already up to date. (In the order of the record instead, a value made again earlier in the
    session, and so moved to its end, came after what depends on it: the differential test
    found a quiz's pass mark left stale that way.)"""
    readers: dict[str, list[str]] = {}
    reads_of: dict[str, list[str]] = {}
    for key, (found, _make, _inside) in values.items():
        for name in found:
            if name.startswith(ONCE):
                name = name.partition(ENTRY)[0]  # an entry: reached when its table is
                reads_of.setdefault(key, []).append(name[len(ONCE) :])
            readers.setdefault(name, []).append(key)
    for parent, children in held.items():
        readers.setdefault(ONCE + parent, []).extend(children)  # made again with their maker
    reached: set[str] = set()
    todo = [k for name in changed for k in readers.get(name, ())]
    while todo:
        key = todo.pop()
        if key not in reached:
            reached.add(key)
            todo += readers.get(ONCE + key, ())
    order: list[str] = []
    placed: set[str] = set()
    for key in values:  # depth first, dependencies before their readers; the record breaks ties
        if key not in reached or key in placed:
            continue
        stack = [(key, iter(reads_of.get(key, ())))]
        placed.add(key)
        while stack:
            current, deps = stack[-1]
            for dep in deps:
                if dep in reached and dep not in placed:
                    placed.add(dep)
                    stack.append((dep, iter(reads_of.get(dep, ()))))
                    break
            else:
                stack.pop()
                order.append(current)
    return order


def _entry_tables(values: dict[str, tuple[frozenset[str], Any, str | None]], page_reads: dict[str, set[str]]) -> set[str]:
    """The values someone reads single entries of (Project.once_entry)."""
    tables: set[str] = set()
    for found in (*(v[0] for v in values.values()), *page_reads.values()):
        for name in found:
            if ENTRY in name and name.startswith(ONCE):
                tables.add(name[len(ONCE) :].partition(ENTRY)[0])
    return tables


def _changed_entries(old: dict, new: dict) -> list[str]:
    return [
        str(item)
        for item in old.keys() | new.keys()
        if old.get(item, _MISSING) is not new.get(item, _MISSING)
        and (item not in old or item not in new or not _same(old[item], new[item]))
    ]


def _held_by(values: dict[str, tuple[Any, Any, str | None]]) -> dict[str, list[str]]:
    """For each value, the values made inside it whose makers may hold its data (see
    :func:`_standalone`): they are made again with it."""
    held: dict[str, list[str]] = {}
    for key, (_found, make, inside) in values.items():  # a value finishes before the one it is made in
        if inside is not None and not _standalone(make):
            held.setdefault(inside, []).append(key)
    return held


def _made_inside(held: dict[str, list[str]], key: str) -> list[str]:
    """The values made again with ``key``, and those made again with them."""
    out: list[str] = []
    todo = list(held.get(key, ()))
    while todo:
        k = todo.pop(0)
        if k not in out:
            out.append(k)
            todo += held.get(k, ())
    return out


def _standalone(make: Any, depth: int = 0) -> bool:
    """A maker that holds nothing of the value it was first made inside: what its closure and
    defaults hold is the project, engine functions and constants (``lambda: load(project)``),
    so everything else it reads goes through the project, where the record sees it. A maker
    holding other data (``lambda: Keyed(rules)``, with the rules its maker had loaded) is made
    again with that maker."""
    if depth > 3:
        return False
    held = [cell.cell_contents for cell in getattr(make, "__closure__", None) or ()]
    held += list(getattr(make, "__defaults__", None) or ())
    owner = getattr(make, "__self__", None)
    if owner is not None and not isinstance(owner, ModuleType):
        held.append(owner)
    return all(_constant(value, depth + 1) for value in held)


def _constant(value: Any, depth: int) -> bool:
    if value is None or isinstance(value, (str, bytes, int, float, Project, ModuleType, type)):
        return True
    if isinstance(value, (FunctionType, BuiltinFunctionType, MethodType)):
        return _standalone(value, depth)
    if isinstance(value, tuple):
        return all(_constant(v, depth + 1) for v in value)
    if dataclasses.is_dataclass(value) and value.__dataclass_params__.frozen:  # type: ignore[union-attr]
        return depth <= 3 and all(_constant(getattr(value, f.name), depth + 1) for f in dataclasses.fields(value))
    return False
