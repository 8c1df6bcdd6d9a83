"""Where a pattern's matches can begin, read from the pattern itself (speed, not behaviour).

Python's engine jumps straight to the characters of a pattern that begins with one character
class, but tries every position of the text for an alternation of classes or a pattern that
opens with a look-behind. The anonymisation scans therefore try their widest patterns only
where a match can begin: at the characters a match can hold at its start (or a few characters
into it, or just before it, whichever set is smallest). Those characters are derived here from
the compiled pattern, so a rule that gains an alternative is never missed by a hand-kept list.

The derivation reads the parse tree of Python's own regular-expression compiler
(``re._parser``, an internal module). Where that is missing or the pattern holds something not
understood here (a negated class, a back-reference, case folding, a possibly empty match), the
pattern has no lead and is simply run over the whole text: slower, never different.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TypeVar

try:  # (internal since Python 3.11; sre_parse before it, which this project does not support)
    from re import _constants as _c  # pyright: ignore[reportAttributeAccessIssue]
    from re import _parser  # pyright: ignore[reportAttributeAccessIssue]
except ImportError:  # pragma: no cover - a Python that reorganised its re package
    _parser = None
    _c = None

# A set of characters: code points and category escapes (\d, \s) that a class string can hold.
Chars = tuple[frozenset[int], frozenset[str]]
_After = Callable[[int], "Chars | None"]
_T = TypeVar("_T")

_OFFSETS = (0, 1, 2, 3)  # how far into a match the characters may be looked for
_CATEGORY_SIZE = {"\\d": 760, "\\s": 30}  # about how many characters each category holds
# Derived once per pattern (the patterns are module constants, so these stay small), found again by
# the pattern's identity: its hash reads the whole compiled pattern, microseconds for the longest,
# and the scans ask for every text (speed)
_LEADS: dict[int, tuple[re.Pattern[str], tuple[re.Pattern[str], int] | None]] = {}
_LED: dict[int, tuple[re.Pattern[str], re.Pattern[str]]] = {}


def _union(sets: Iterable[Chars | None]) -> Chars | None:
    points: set[int] = set()
    categories: set[str] = set()
    for s in sets:
        if s is None:
            return None
        points |= s[0]
        categories |= s[1]
    return frozenset(points), frozenset(categories)


def _class(items: list[tuple[object, object]]) -> Chars | None:
    """The characters of a parsed ``[...]`` class; None for a negated class or \\w."""
    assert _c is not None
    categories = {_c.CATEGORY_DIGIT: "\\d", _c.CATEGORY_SPACE: "\\s"}
    points: set[int] = set()
    names: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            points.add(int(av))  # pyright: ignore[reportArgumentType]
        elif op is _c.RANGE:
            lo, hi = av  # pyright: ignore[reportGeneralTypeIssues]
            points.update(range(lo, hi + 1))
        elif op is _c.CATEGORY and av in categories:
            names.add(categories[av])
        else:
            return None
    return frozenset(points), frozenset(names)


def _sequence(items: list[tuple[object, object]], i: int, k: int, after: _After) -> Chars | None:
    """The characters at offset ``k`` of a match of ``items[i:]`` followed by ``after``."""
    if i == len(items):
        return after(k)
    return _node(items[i], k, lambda kk: _sequence(items, i + 1, kk, after))


def _node(node: tuple[object, object], k: int, after: _After) -> Chars | None:
    assert _c is not None
    op, av = node
    if op is _c.LITERAL:
        return (frozenset({int(av)}), frozenset()) if k == 0 else after(k - 1)  # pyright: ignore[reportArgumentType]
    if op is _c.IN:
        return _class(av) if k == 0 else after(k - 1)  # pyright: ignore[reportArgumentType]
    if op in (_c.ANY, _c.NOT_LITERAL):
        return None if k == 0 else after(k - 1)
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return after(k)  # zero width: what follows decides (a superset, never fewer)
    if op is _c.SUBPATTERN:
        _group, add_flags, _del_flags, body = av  # pyright: ignore[reportGeneralTypeIssues]
        return None if add_flags & re.IGNORECASE else _sequence(list(body), 0, k, after)
    if op is _c.ATOMIC_GROUP:
        return _sequence(list(av), 0, k, after)  # pyright: ignore[reportArgumentType]
    if op is _c.BRANCH:
        _none, branches = av  # pyright: ignore[reportGeneralTypeIssues]
        return _union(_sequence(list(b), 0, k, after) for b in branches)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        lo, hi, body = av  # pyright: ignore[reportGeneralTypeIssues]
        if body.getwidth()[0] == 0:
            return None  # a repeat that may match nothing would not end this walk

        def repeated(n: int, kk: int) -> Chars | None:  # offset kk after n rounds of the body
            options: list[Chars | None] = []
            if n >= lo:
                options.append(after(kk))
            if n < hi:
                options.append(_sequence(list(body), 0, kk, lambda k2: repeated(n + 1, k2)))
            return _union(options)

        return repeated(0, k)
    return None  # back-references, conditionals: not followed


def _end(k: int) -> Chars | None:
    return None  # the match may end before offset k: any character may stand there


def _cost(chars: Chars) -> int:
    return len(chars[0]) + sum(_CATEGORY_SIZE[name] for name in chars[1])


def _class_string(chars: Chars) -> str:
    points = sorted(chars[0])
    parts: list[str] = []
    i = 0
    while i < len(points):
        j = i
        while j + 1 < len(points) and points[j + 1] == points[j] + 1:
            j += 1
        parts.append(f"\\U{points[i]:08x}" if i == j else f"\\U{points[i]:08x}-\\U{points[j]:08x}")
        i = j + 1
    return "[" + "".join(parts) + "".join(sorted(chars[1])) + "]"


def _candidates(pattern: re.Pattern[str]) -> list[tuple[Chars, int]]:
    """Every (characters, offset) that bounds where the matches of ``pattern`` are."""
    if _parser is None or _c is None or pattern.flags & re.IGNORECASE:
        return []
    items = list(_parser.parse(pattern.pattern, pattern.flags))
    found: list[tuple[Chars, int]] = []
    for k in _OFFSETS:
        chars = _sequence(items, 0, k, _end)
        if chars is not None:
            found.append((chars, k))
    # a look-behind of one character opening the pattern: the character just before a match
    if items and items[0][0] is _c.ASSERT and items[0][1][0] == -1:
        body = items[0][1][1]
        if body.getwidth() == (1, 1) and (chars := _sequence(list(body), 0, 0, _end)) is not None:
            found.append((chars, -1))
    return found


def lead(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], int] | None:
    """A class of characters every match holds at one offset from its start (``-1``: the
    character just before it), as ``(class, offset)``; None if there is none.

    The first characters, unless another offset has at most a quarter as many: a short list of
    first characters is usually rarer in text than a shorter list further in (信 in 微信, 国 in
    秦国), and a wide class such as every Chinese character is worth avoiding."""
    return _memo(_LEADS, pattern, _lead)


def _lead(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], int] | None:
    found = [(chars, k) for chars, k in _candidates(pattern) if chars[0] or chars[1]]
    if not found:
        return None
    first = next((_cost(chars) for chars, k in found if k == 0), None)
    worth = [(chars, k) for chars, k in found if first is None or k == 0 or 4 * _cost(chars) <= first]
    chars, k = min(worth, key=lambda ck: _cost(ck[0]))
    return re.compile(_class_string(chars), pattern.flags & re.ASCII), k


def led(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` opened by a look-ahead at its first characters: the same matches, found
    faster because the engine skips in C to those characters. ``pattern`` itself if it has no
    first characters to look for."""
    return _memo(_LED, pattern, _led)


def _memo(cache: dict[int, tuple[re.Pattern[str], _T]], pattern: re.Pattern[str], make: Callable[[re.Pattern[str]], _T]) -> _T:
    """``make(pattern)``, made once: the entry keeps its pattern, so no other pattern takes its id."""
    found = cache.get(id(pattern))
    if found is None or found[0] is not pattern:
        found = cache[id(pattern)] = (pattern, make(pattern))
    return found[1]


def asked() -> list[re.Pattern[str]]:
    """Every pattern a scan has asked to try faster so far (what the tests compare)."""
    return [pattern for pattern, _ in (*_LEADS.values(), *_LED.values())]


def _led(pattern: re.Pattern[str]) -> re.Pattern[str]:
    firsts = [chars for chars, k in _candidates(pattern) if k == 0 and (chars[0] or chars[1])]
    if not firsts:
        return pattern
    return re.compile(f"(?={_class_string(firsts[0])})(?:{pattern.pattern})", pattern.flags)


def tried_at(pattern: re.Pattern[str], text: str) -> Iterable[re.Match[str]]:
    """What ``pattern.finditer(text)`` finds, trying ``pattern`` only where its lead (see
    :func:`lead`) finds a character."""
    found = lead(pattern)
    if found is None:
        yield from pattern.finditer(text)
        return
    starts, back = found
    done = 0
    for first in starts.finditer(text):
        at = first.start() - back
        if at >= done and (m := pattern.match(text, at)):
            done = m.end()
            yield m
