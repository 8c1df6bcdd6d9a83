"""Shared command-line plumbing for ``scripts/``: Chinese help and usage errors.

Every tool exits 0 when all is well, 1 when it found problems and 2 on a
usage error; argparse's own English wording is replaced where users see it.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

_MESSAGES = {
    "the following arguments are required": "缺少参数",
    "unrecognized arguments": "无法识别的参数",
    "expected one argument": "需要一个值",
    "invalid choice": "无效的选项",
    "not allowed with argument": "不能与此参数同时使用",
    "invalid int value": "不是整数",
}
_PATTERNS = [
    (re.compile(r"^argument ([^:]+): "), r"参数 \1："),
    (re.compile(r"\(choose from (.*)\)$"), r"（可选：\1）"),
]


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, prefix="用法：" if prefix is None else prefix)


class ChineseParser(argparse.ArgumentParser):
    """An ArgumentParser whose help and errors are in Chinese; usage errors exit 2."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        if not any("-h" in a.option_strings for a in self._actions):
            self.add_argument("-h", "--help", action="help", help="显示本帮助并退出")

    def error(self, message: str) -> NoReturn:
        for english, chinese in _MESSAGES.items():
            message = message.replace(english, chinese)
        for english, chinese in _PATTERNS:
            message = english.sub(chinese, message)
        self.print_usage(sys.stderr)
        print(f"{self.prog}: 用法错误：{message}", file=sys.stderr)
        sys.exit(2)
