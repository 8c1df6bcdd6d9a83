"""Problems found in content, reported as ``path:line:col: severity: message``.

Every checker in the engine returns a list of :class:`Problem`; the build and
``scripts/check.py`` print them the same way, so a trainer sees one format
whether the message comes from a YAML typo or an anonymisation rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    col: int
    message: str
    severity: str = "error"  # "error" stops the build; "warning" is reported only
    rule: str = ""  # stable rule id such as CASE-ANON-PHONE, documented in docs/

    def format(self) -> str:
        # The message first, the rule code last: a 德育主任 reads what is wrong before the code
        # that the 内容规则 page explains.
        rule = f" [{self.rule}]" if self.rule else ""
        return f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message}{rule}"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def display_path(path: str | Path, root: str | Path | None = None) -> str:
    """Path as the user typed it: relative to the project root when possible."""
    p = Path(path)
    if root is not None:
        try:
            return p.resolve().relative_to(Path(root).resolve()).as_posix()
        except ValueError:
            pass
    return p.as_posix()


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.is_error]


class ContentError(Exception):
    """Raised by the build when content has errors; carries every problem."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(p.format() for p in problems))
