"""MACRO-*: the macro calls of every page that renders macros, checked before the build
renders them, at the source file's own line and column, all in one run.

mkdocs-macros stops at the first mistake with an English message, a traceback, the
generated path and a line counted from the body. Here each page's Markdown is parsed
with Jinja (the same syntax mkdocs-macros uses) without running anything: syntax errors,
names that are neither a portal macro nor a variable mkdocs-macros provides, and calls of
a portal macro whose arguments do not fit its signature are reported as problems.
"""

from __future__ import annotations

import inspect
import re
from functools import cache, partial
from pathlib import Path

from jinja2 import Environment, TemplateSyntaxError, meta, nodes

from macros.build import cache as buildcache
from macros.core.markdown import first_line_of
from macros.core.messages import message
from macros.core.problems import Problem
from macros.core.project import Project

RULE_SYNTAX = "MACRO-SYNTAX"
RULE_UNKNOWN = "MACRO-UNKNOWN"
RULE_ARGS = "MACRO-ARGS"

# What mkdocs-macros itself puts in every page's context (mkdocs_macros.plugin and .context),
# and Jinja's global functions.
PROVIDED = frozenset(
    {
        "config", "extra", "environment", "plugin", "git", "macros", "filters", "filters_builtin",
        "navigation", "files", "page", "context", "macros_info", "now", "fix_url", "render_file",
        "range", "dict", "lipsum", "cycler", "joiner", "namespace",
    }
)  # fmt: skip

_SYNTAX_ZH = [
    (re.compile(r"unexpected end of template"), lambda m: "宏没有写完：缺少结尾的 }} 或 %}"),
    (re.compile(r"unexpected '}'"), lambda m: "多了一个 }，或 {{ 与 }} 不配对"),
    (re.compile(r"unexpected char '(.+?)'"), lambda m: f"宏里有不能出现的字符 {m.group(1)}"),
    (re.compile(r"Encountered unknown tag '(.+?)'"), lambda m: f"未知的标签 {{% {m.group(1)} %}}"),
    (re.compile(r"expected token '(.+?)', got '(.+?)'"), lambda m: f"这里应为 {m.group(1)}，实际是 {m.group(2)}"),
    (re.compile(r"unexpected '(.+?)'"), lambda m: f"这里不能出现 {m.group(1)}"),
]


class _Collector:
    """Stands in for mkdocs-macros' env: records the portal's macros with their signatures."""

    def __init__(self) -> None:
        self.macros: dict[str, inspect.Signature] = {}
        self.variables: dict[str, object] = {}
        self.filters: dict[str, object] = {}

    def macro(self, fn, name: str = ""):
        self.macros[name or fn.__name__] = inspect.signature(fn)
        return fn

    def filter(self, fn, name: str = ""):
        self.filters[name or fn.__name__] = fn
        return fn


@cache
def portal_macros() -> dict[str, inspect.Signature]:
    from macros.glue.macros_env import define_env

    collector = _Collector()
    define_env(collector)
    return collector.macros


def _syntax_message(err: TemplateSyntaxError) -> str:
    for pattern, zh in _SYNTAX_ZH:
        m = pattern.search(err.message or "")
        if m:
            return "宏语法错误：" + zh(m)
    return f"宏语法错误（Jinja 报告：{err.message}）"


def _column(line: str, name: str) -> int:
    """Where ``name`` stands in the line (the first occurrence inside {{ … }} or {% … %})."""
    for m in re.finditer(r"\{[{%].*?(?:[}%]\}|$)", line):
        found = re.search(r"(?<![\w.])" + re.escape(name) + r"\b", m.group(0))
        if found:
            return m.start() + found.start() + 1
    index = line.find(name)
    return index + 1 if index >= 0 else 1


def check_page_macros(display: str, text: str, body: str, variables: set[str]) -> list[Problem]:
    """Problems of one page's macros; ``text`` is the whole file, ``body`` the part after front matter."""
    first = first_line_of(text, body)
    lines = body.split("\n")
    env = Environment()
    try:
        tree = env.parse(body)
    except TemplateSyntaxError as err:
        line = min(max(err.lineno or 1, 1), len(lines))
        col = max(lines[line - 1].find("{{"), lines[line - 1].find("{%"), 0) + 1 if lines else 1
        return [Problem(display, first + line - 1, col, _syntax_message(err), rule=RULE_SYNTAX)]
    known = portal_macros()
    problems: list[Problem] = []
    undeclared = meta.find_undeclared_variables(tree)
    for node in tree.find_all(nodes.Name):
        if node.ctx == "load" and node.name in undeclared and node.name not in known and node.name not in variables:
            undeclared.discard(node.name)  # once per name
            line = lines[node.lineno - 1]
            problems.append(
                Problem(display, first + node.lineno - 1, _column(line, node.name),
                        message("macro-check.check-page-macros", name=node.name, v2='、'.join(sorted(known))), rule=RULE_UNKNOWN)
            )  # fmt: skip
    for call in tree.find_all(nodes.Call):
        if not isinstance(call.node, nodes.Name) or call.node.name not in known:
            continue
        if call.dyn_args is not None or call.dyn_kwargs is not None:
            continue
        args = [a.value if isinstance(a, nodes.Const) else None for a in call.args]
        kwargs = {k.key: (k.value.value if isinstance(k.value, nodes.Const) else None) for k in call.kwargs}
        try:
            known[call.node.name].bind(*args, **kwargs)
        except TypeError:
            params = "、".join(p for p in known[call.node.name].parameters) or "无"
            line = lines[call.lineno - 1]
            problems.append(
                Problem(display, first + call.lineno - 1, _column(line, call.node.name),
                        message("macro-check.check-page-macros-2", name=call.node.name, params=params), rule=RULE_ARGS)
            )  # fmt: skip
    return problems


def config_extra(config_file: Path) -> set[str]:
    """The keys of ``extra`` in mkdocs.yml (mkdocs-macros offers them as variables); the file's
    own tags (``!ENV``, ``!!python/…``) are read as nothing."""
    import yaml

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 (tags read as None)
    except (OSError, yaml.YAMLError):
        return set()
    extra = data.get("extra") if isinstance(data, dict) else None
    return {k for k in extra if isinstance(k, str)} if isinstance(extra, dict) else set()


def _renders_macros(data: object) -> bool:
    return isinstance(data, dict) and (data.get("render_macros") is True or data.get("render_macros") == 1)


def check_macros(project: Project, extra_variables: set[str] | None = None) -> list[Problem]:
    """Every page that asks for macros (``render_macros: true``), in every content folder."""
    problems: list[Problem] = []
    base = set(PROVIDED) | set(extra_variables or ())
    for path in project.markdown_files():
        doc, body, found = project.front_matter(path)
        if doc is None or found or not _renders_macros(doc.data):
            continue
        text = Path(path).read_text(encoding="utf-8-sig", errors="replace")
        variables = base | {k for k in doc.data if isinstance(k, str)}
        display = project.display(path)
        # Kept between the rebuilds of `mkdocs serve`: a page's problems change only with its text.
        key = "\0".join([display, text, body, *sorted(variables)])
        problems += buildcache.cached(_memo(), key, partial(check_page_macros, display, text, body, variables))
    return problems


@cache
def _memo() -> buildcache.Memo:
    return buildcache.memo("macro-check", persist=False)
