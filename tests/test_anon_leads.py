"""Where a pattern's matches can begin, derived from the pattern (macros.casebook.anon_leads)."""

from __future__ import annotations

import random
import re

import pytest

from macros.casebook import anon_leads
from macros.casebook.anon_leads import lead, led, tried_at

LEADS = [
    # (pattern, the characters of its lead, how far into a match they stand)
    ("abc", "a", 0),
    (r"(?<![\d.])[1-8]\d{16}", "12345678", 0),
    (r"x?y", "xy", 0),
    (r"(?:ab)*c", "ac", 0),
    (r"a{0,2}b", "ab", 0),
    (r"a+?b", "a", 0),
    (r"微信|[Vv][Xx]", "微Vv", 0),
    (r"(?:家住|住在)(?=\S)", "家住", 0),
    (r"(?<=的)(?:名字|邮箱)", "名邮", 0),
    # a class of every Chinese character first: the one character after it instead
    (r"[\u4e00-\u9fff]{2}区(?:花园|新村)", "区", 2),
    (r"([\u4e00-\u9fff]{2})(?:哥|姐)", "哥姐", 2),
    (r"(?:阿|(?P<d>[\u4e00-\u9fff])(?=(?P=d)))[\u4e00-\u9fff](?:阿姨|哥)", "阿哥", 2),
    # the character before a match, from the look-behind that opens it
    (r"(?<=[区县])[\u4e00-\u9fff]{1,3}?镇", "区县", -1),
    # any character first, a known one after it
    (r".b", "b", 1),
    (r"[^a]b", "b", 1),
    # offset 0 kept unless another is at most a quarter as wide (信 is commoner than 微 or V)
    (r"[微威薇徽维Vv]信|[VvWw][Xx]", "微威薇徽维VvWw", 0),
]

NO_LEAD = [
    r"a?",  # may match nothing, anywhere
    r"\w+",  # any letter
    r"(?i)abc",  # case folding: not followed
    r"(?=a)",  # only an assertion
    r"(a)?\1b",  # a back-reference first
    r"[^a]",
]


def _lead_chars(found: tuple[re.Pattern[str], int], alphabet: str) -> str:
    starts, _back = found
    return "".join(sorted(c for c in set(alphabet) if starts.fullmatch(c)))


@pytest.mark.parametrize(("pattern", "chars", "offset"), LEADS)
def test_lead_is_derived_from_the_pattern(pattern: str, chars: str, offset: int) -> None:
    found = lead(re.compile(pattern))
    assert found is not None
    alphabet = pattern + chars + "abcxyz0123456789区县镇名邮家住微信哥姐阿一的 .\n"
    assert (_lead_chars(found, alphabet), found[1]) == ("".join(sorted(set(chars))), offset)


@pytest.mark.parametrize("pattern", NO_LEAD)
def test_patterns_without_a_lead_are_run_plainly(pattern: str) -> None:
    compiled = re.compile(pattern)
    assert lead(compiled) is None
    assert led(compiled) is compiled
    text = "aab abc 1a\\1b"
    assert [m.span() for m in tried_at(compiled, text)] == [m.span() for m in compiled.finditer(text)]


def test_digits_lead_as_unicode_digits() -> None:
    # \d holds more than 0-9 (a hand-kept list of 0-9 missed ٣ here); the lead keeps \d
    pattern = re.compile(r"\d{1,4}\s*弄")
    found = lead(pattern)
    assert found is not None and found[0].fullmatch("٣")
    assert [m.group() for m in tried_at(pattern, "长和路٣٣弄，88 弄")] == ["٣٣弄", "88 弄"]


@pytest.mark.parametrize(("pattern", "chars", "offset"), LEADS)
def test_tried_and_led_find_what_a_plain_scan_finds(pattern: str, chars: str, offset: int) -> None:
    """Random texts over the pattern's own characters: every match, overlapping candidates
    and matches at the very start and end included."""
    compiled = re.compile(pattern)
    alphabet = [c for c in set(pattern + chars + "区县镇哥姐阿微信花园新村ab1") if c.isprintable()]
    rng = random.Random(pattern)
    for _ in range(400):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        plain = [m.span() for m in compiled.finditer(text)]
        assert [m.span() for m in tried_at(compiled, text)] == plain, text
        assert [m.span() for m in led(compiled).finditer(text)] == plain, text


def test_without_the_parser_every_pattern_is_run_plainly(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Python whose re package no longer has the internal parser: slower, never different."""
    monkeypatch.setattr(anon_leads, "_parser", None)
    monkeypatch.setattr(anon_leads, "_LEADS", {})
    monkeypatch.setattr(anon_leads, "_LED", {})
    compiled = re.compile(r"[\u4e00-\u9fff]{2}区(?:花园|新村)")
    assert lead(compiled) is None and led(compiled) is compiled
    assert [m.group() for m in tried_at(compiled, "住在闵行区花园里")] == ["闵行区花园"]
