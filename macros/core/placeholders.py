"""Placeholders are not content: text a template or an import left for a person to fill in.

The blank plan template shows “（组长职务）”, the Word import of a case writes
“草稿：（待填写：…）”. Such text must never reach the portal as if it were a school's or a
trainer's words. The tests here are data (:data:`PLACEHOLDER_RULES`): the plan schema carries
them to the plan editor (``x-placeholders``), which applies the same tests in the browser.
Both patterns are written so that Python's ``re`` and JavaScript's ``RegExp`` read them alike.
"""

from __future__ import annotations

import re

from macros.core.messages import MESSAGES

PLACEHOLDER_RULE = "CONTENT-PLACEHOLDER"
# Words an import or a colleague leaves in text still to be written.
MARKS = ("待填写", "待确认")
# A whole value in one pair of brackets: “（组长职务）”, “(待定)”.
BRACKETED = r"^\s*[（(][^（）()]*[）)]\s*$"
_BRACKETED = re.compile(BRACKETED)

# The blanks of a text, as a regular-expression class spelled out (not \\s), so that Python's re
# in the build and JavaScript's RegExp in the plan editor read it the same way; it holds the
# blanks of both str.strip() and String.prototype.trim().
BLANKS = " \\t\\n\\r\\f\\v\\x1c-\\x1f\\x85\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff"
_ENDS = re.compile(f"^[{BLANKS}]+|[{BLANKS}]+$")


def blank_ends(text: str) -> bool:
    """Spaces before or after the text (and something else in between)."""
    core = _ENDS.sub("", text)
    return bool(core) and core != text


# Shanghai's 16 districts; a short name (闵行, 浦东) is read as the district (闵行区, 浦东新区).
DISTRICTS = (
    "黄浦区",
    "徐汇区",
    "长宁区",
    "静安区",
    "普陀区",
    "虹口区",
    "杨浦区",
    "闵行区",
    "宝山区",
    "嘉定区",
    "浦东新区",
    "金山区",
    "松江区",
    "青浦区",
    "奉贤区",
    "崇明区",
)
# The project's sample plans are set in invented districts (示例一区), so that no invented
# content is attributed to a real district.
SAMPLE_DISTRICT = r"^示例[^<>]{0,8}区$"

# The editor shows the build's own words: the plan messages travel with the rules.
PLACEHOLDER_RULES = {
    "marks": list(MARKS),
    "bracketed": BRACKETED,
    "districts": list(DISTRICTS),
    "sampleDistrict": SAMPLE_DISTRICT,
    "blanks": BLANKS,
    "messages": {key: text for key, text in MESSAGES.items() if key.startswith("plan.")},
}


def is_placeholder(text: str) -> bool:
    """A text a person still has to write: marked 待填写/待确认, or all in one pair of brackets."""
    return any(mark in text for mark in MARKS) or bool(_BRACKETED.match(text))


def district_name(value: str) -> str | None:
    """The district's full name for a value a person may write (闵行, 闵行区, 浦东, 浦东区),
    or None when it is not one of Shanghai's districts."""
    value = value.strip().removeprefix("上海市")
    for name in DISTRICTS:
        short = name.removesuffix("新区").removesuffix("区")
        if value in (name, short, short + "区"):
            return name
    return None
