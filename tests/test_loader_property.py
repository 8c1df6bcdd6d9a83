"""Property: whatever a mutation does to valid YAML or front matter, the loader (and schema
validation after it) returns reported problems and never raises (issue #12)."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import yaml
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from macros.core import yamlguard
from macros.core.problems import Problem
from macros.core.yamlload import Document, load_front_matter, load_yaml_text, validate
from macros.plans.model import PLAN_SCHEMA

SCHOOL = (ROOT / "data/schools/xinghe-primary.yml").read_text(encoding="utf-8")
PAGE = (ROOT / "docs/policies/shanghai-2023-25.md").read_text(encoding="utf-8")[:4000]
ANCHORS = "base: &base {a: 1, b: [x, y]}\nitems:\n  - *base\n  - {c: *base}\nlast: !!str 2023-01-01\n"

# Pieces that matter to YAML's grammar, plus text the content really holds
PIECES = [
    "[", "]", "{", "}", ",", ":", ": ", "- ", "? ", "&a ", "*a", "*a, ", "!", "!!python/object:os.system ", "<<: ",
    "|", ">", "'", '"', "#", "%YAML 1.1\n", "---\n", "...\n", "\t", "\n", "\u2028", "\x85", "  ", "\\", "\0", "\ufeff", "\r",
    "9" * 60, "0x", "1e999", "~", "null", "yes", "2023-02-30", "导师", "導師", "&b [*a, *a, *a, *a]\n",
]  # fmt: skip


LEADING = re.compile(rf"(?:\A|(?<=[{yamlguard._BREAKS}])){yamlguard._UNIT}*")  # a line's leading run, in units (see yamlguard)
VALUE = re.compile(r"(?<=: )[^\s\[\]{},#][^\n\[\]{},#]*")


@st.composite
def mutated(draw: st.DrawFn, seed: str) -> str:
    text = seed
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "flood", "nest", "delete", "repeat", "random"]))
        if kind == "insert":
            text = text[:at] + draw(st.sampled_from(PIECES)) + text[at:]
        elif kind == "flood":  # deep nesting, alias floods, huge numbers
            text = text[:at] + draw(st.sampled_from(PIECES)) * draw(st.integers(2, 3000)) + text[at:]
        elif kind == "nest":  # a value wrapped in many brackets: deep, and still valid YAML
            values = list(VALUE.finditer(text)) or [re.match("", text)]
            value = values[draw(st.integers(0, len(values) - 1))]
            n = draw(st.integers(2, 3000))
            text = text[: value.start()] + "[" * n + value.group() + "]" * n + text[value.end() :]
        elif kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)) :]
        elif kind == "repeat":  # e.g. a line or a bracket many times
            end = min(len(text), at + draw(st.integers(1, 60)))
            text = text[:at] + text[at:end] * draw(st.integers(2, 3000)) + text[end:]
        else:
            text = text[:at] + draw(st.text(max_size=20)) + text[at:]
    return text


def assert_reported(doc: Document | None, problems: list[Problem], lines: int) -> None:
    assert isinstance(problems, list)
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.message and problem.path
        assert 1 <= problem.line <= lines + 1 and problem.col >= 1, problem
    if doc is None:
        assert problems, "a refused document must say why"


def load_and_validate(text: str) -> None:
    doc, problems = load_yaml_text(text, "t.yml")
    assert_reported(doc, problems, len(text.splitlines()) + 1)
    if doc is not None and not problems:
        assert_reported(doc, validate(doc, PLAN_SCHEMA), len(text.splitlines()) + 1)


RUNS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@RUNS
@given(mutated(SCHOOL))
def test_mutated_school_file(text):
    load_and_validate(text)


@RUNS
@given(mutated(ANCHORS))
def test_mutated_anchors(text):
    load_and_validate(text)


_FOLDER = Path(tempfile.mkdtemp(prefix="loader-property-"))


@RUNS
@given(mutated(PAGE), st.sampled_from(["utf-8", "gbk", "utf-16"]))
def test_mutated_front_matter(text, encoding):
    """Through the file reader too: other encodings are refused, not read as garbage."""
    path = _FOLDER / "page.md"
    path.write_bytes(text.encode(encoding, errors="replace"))
    doc, body, problems = load_front_matter(path, "page.md", root=_FOLDER)
    assert_reported(doc, problems, len(text.splitlines()) + 1)
    assert isinstance(body, str)


@RUNS
@given(st.one_of(mutated(SCHOOL), mutated(ANCHORS), mutated(PAGE.split("---")[1])))
def test_cheap_bounds_hold(text):
    """The guard skips its exact count when cheap bounds say a text is harmless: the bounds
    must really be upper bounds of what libyaml finds (values and nesting)."""
    values = depth = deepest = 0
    try:
        for event in yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            values += isinstance(event, yamlguard._VALUE)
            depth += isinstance(event, yamlguard._OPEN) - isinstance(event, yamlguard._CLOSE)
            deepest = max(deepest, depth)
    except yaml.YAMLError:
        pass  # the events up to the error count too: the composer gets that far
    assert values <= yamlguard._values_bound(text)
    opens = text.count("[") + text.count("{")
    units = max((len(m.group()) for m in LEADING.finditer(text)), default=0)
    assert deepest <= 2 * opens + 2 * units + 2
