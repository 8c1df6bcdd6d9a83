"""Guards of the one YAML loader against hostile or broken content (issue #12).

Content comes from many hands, and PyYAML trusts its input: an alias bomb of under
1 KB ("billion laughs") expands to billions of values, 100,000 nested ``[`` overflow
the C stack of libyaml's composer (a segmentation fault, no message), a few hundred
levels raise ``RecursionError``, and a 5,000-digit integer raises ``ValueError``.
Odd files (a folder named ``x.yml``, a binary or non-UTF-8 file, a symlink leaving the
project) raise ``OSError`` or are read as garbage.

Each guard turns one of these into a Chinese :class:`Problem` at the offending position,
before the dangerous step runs. The limits are :data:`macros.core.config.LIMITS`.

* :func:`read_checked` reads a file only if it is a regular file inside the project
  and under the size limit, and decodes it as UTF-8.
* :func:`precheck` runs before libyaml sees the text: the size, and, when a cheap
  upper bound of the nesting depth or the alias count is over the limit, an exact
  count over libyaml's event stream (iterative: it cannot overflow any stack).
* :func:`check_graph` walks the composed node graph (iteratively) before anything is
  constructed: cycles and the number of values aliases would add.
"""

from __future__ import annotations

import functools
import re
import stat
from functools import lru_cache
from pathlib import Path

import yaml

from macros.core import config
from macros.core.config import Limits
from macros.core.markdown import line_col
from macros.core.messages import message as say
from macros.core.problems import Problem

# PyYAML's pure-Python composer (used again for documents libyaml rejects, for its error
# messages) recurses two frames per level and fails at about 490 levels.
SAFE_COMPOSE_DEPTH = 200

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_OPEN = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_CLOSE = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
_VALUE = (*_OPEN, yaml.ScalarEvent, yaml.AliasEvent)


NOT_REGULAR = "这不是普通文件（可能是管道或设备），不会读取"


def limits() -> Limits:
    return config.LIMITS  # read at call time, so a test can lower them


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".rstrip("0").rstrip(".") + " MB"


def depth_message(limit: int) -> str:
    return f"嵌套超过 {limit} 层（列表或键值表套得太深），请检查缩进和括号"


# -- files ----------------------------------------------------------------------


def read_checked(
    path: Path, display: str, max_bytes: int, root: Path | None = None, universal_newlines: bool = False
) -> tuple[str | None, list[Problem]]:
    """The text of a content file, or None and the reason in Chinese (at 1:1 unless a byte is
    to blame): folders, pipes, unreadable, oversized, binary and non-UTF-8 files, symlinks
    leaving ``root``. With ``universal_newlines`` (Markdown pages) \r\n and \r become \n,
    as MkDocs reads pages: the front matter checked is then the one MkDocs would parse."""

    def fail(message: str, line: int = 1, col: int = 1) -> tuple[None, list[Problem]]:
        return None, [Problem(display, line, col, message)]

    try:
        if root is not None:  # the file, or a folder on its way, may be a symlink
            target = _resolved(path)
            if not target.is_relative_to(_resolved_dir(str(root))):
                return fail(outside_link_message(target))
        info = path.stat()
    except FileNotFoundError:
        return fail("文件不存在（或是指向不存在文件的符号链接）")
    except OSError as err:
        return fail(f"无法读取文件：{_os_error(err)}")
    if stat.S_ISDIR(info.st_mode):
        return fail(f"这是一个文件夹，不是文件：名字以“{path.suffix}”结尾的文件夹会被当作内容文件，请改名")
    if not stat.S_ISREG(info.st_mode):
        return fail(NOT_REGULAR)
    if info.st_size > max_bytes:
        return fail(f"文件过大（{_mb(info.st_size)}），上限为 {_mb(max_bytes)}；请拆分或删去不属于内容的部分")
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # the file may have grown since stat()
    except OSError as err:
        return fail(f"无法读取文件：{_os_error(err)}")
    if len(data) > max_bytes:
        return fail(f"文件过大，上限为 {_mb(max_bytes)}；请拆分或删去不属于内容的部分")
    nul = data.find(b"\0")
    if nul >= 0:
        line, col = _byte_line_col(data, nul)
        return fail("这是二进制文件（如图片、Word 文档或压缩包），不是文本文件；请另存为 UTF-8 文本", line, col)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line, col = _byte_line_col(data, err.start)
        return fail(f"文件不是 UTF-8 编码（第 {err.start + 1} 字节无法解码），请另存为 UTF-8", line, col)
    if universal_newlines and "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, []


@lru_cache(maxsize=4096)
def _resolved_dir(folder: str) -> Path:
    """A folder with its symlinks resolved: once per folder, not once per file (a build reads
    thousands of files from a few dozen folders)."""
    return Path(folder).resolve()


def _resolved(path: Path) -> Path:
    """``path.resolve()``, cheaper: only a file that is itself a symlink is resolved on its own."""
    if path.is_symlink():
        return path.resolve()
    return _resolved_dir(str(path.parent)) / path.name


def outside_link_message(target: Path) -> str:
    return f"这是指向项目之外的符号链接（{target}），不会读取；请把文件本身复制到项目中"


def _byte_line_col(data: bytes, index: int) -> tuple[int, int]:
    # The column counts the characters before the bad byte that do decode.
    start = data.rfind(b"\n", 0, index) + 1
    return data.count(b"\n", 0, index) + 1, len(data[start:index].decode("utf-8", errors="replace")) + 1


def _os_error(err: OSError) -> str:
    if isinstance(err, PermissionError):
        return "没有读取权限"
    if isinstance(err, IsADirectoryError):
        return "这是一个文件夹"
    return err.strerror or type(err).__name__


# -- text, before libyaml ------------------------------------------------------------

# One unit of a line's leading run: a space or tab of indentation, an indicator (- ? :) or
# an anchor or tag. Block nesting adds at most two levels per unit (a key's list may sit at
# the key's own indentation); possessive, so a long run cannot make the search backtrack.
_UNIT = r"(?:[ \t\-?:]|[&!]\S*+)"


@functools.lru_cache(maxsize=256)
def _leading_run(units: int) -> tuple[re.Pattern, re.Pattern]:
    return re.compile(rf"{_UNIT}{{{units}}}"), re.compile(rf"[{_BREAKS}]{_UNIT}{{{units}}}")


def precheck(text: str, path: str, line_offset: int = 0) -> list[Problem]:
    """Size, nesting depth and alias count of one YAML text, before it is composed."""
    lim = limits()
    if len(text) > lim.yaml_chars:
        line, col = line_col(text, lim.yaml_chars)
        return [Problem(path, line + line_offset, col, say("yamlguard.precheck", v1=_mb(lim.yaml_chars)))]
    # Upper bounds, from counts the C library makes fast: the flow nesting is at most twice
    # the number of [ and { (``[a: b]`` is a list holding a key-value table), the block
    # nesting at most twice the longest leading run (+2). The exact depth is checked while
    # building values; here only composing must be safe. tests/test_loader_property.py
    # checks that these are bounds.
    opens = text.count("[") + text.count("{")
    units = (SAFE_COMPOSE_DEPTH - 2 * opens - 2) // 2
    suspicious = text.count("*") > lim.aliases or units <= 0
    suspicious = suspicious or 3 * len(text) + 2 > lim.values and _values_bound(text) > lim.values
    if not suspicious:
        run = _leading_run(units + 1)  # at the start, or after a line break (searched for fast)
        suspicious = run[0].match(text) is not None or run[1].search(text) is not None
    return _count_events(text, path, line_offset, lim) if suspicious else []


# Two values are always apart by one of these (or they are one value); a key with no value
# adds one null, and every collection starts with one: so at most 3 values per separator.
_BREAKS = "\n\r\x85\u2028\u2029"  # line breaks, to YAML 1.1 and libyaml
_SEPARATORS = (",", ":", "-", "?", "[", "]", "{", "}", *_BREAKS)


def _values_bound(text: str) -> int:
    return 3 * sum(text.count(sep) for sep in _SEPARATORS) + 2


def _count_events(text: str, path: str, line_offset: int, lim: Limits) -> list[Problem]:
    """Exact depth and alias count from libyaml's event stream, stopping at the first excess."""

    def at(event: yaml.Event, message: str) -> list[Problem]:
        mark = event.start_mark
        return [Problem(path, mark.line + 1 + line_offset, mark.column + 1, message)]

    depth = aliases = values = 0
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            if isinstance(event, _VALUE):
                values += 1
                if values > lim.values:
                    return at(event, f"一份文件里的值超过 {lim.values:,} 个（键、文字、数字、列表等都算），请拆分文件")
            if isinstance(event, _OPEN):
                depth += 1
                if depth > lim.depth:
                    return at(event, depth_message(lim.depth))
            elif isinstance(event, _CLOSE):
                depth -= 1
            elif isinstance(event, yaml.AliasEvent):
                aliases += 1
                if aliases > lim.aliases:
                    return at(event, f"别名（*名称）用了超过 {lim.aliases} 次；请直接写出内容")
    except yaml.YAMLError:
        pass  # a syntax error after nothing excessive: the loader reports it in its words
    return []


# -- composed nodes, before construction -------------------------------------------------


def check_graph(root: yaml.Node, path: str, line_offset: int = 0) -> list[Problem]:
    """Cycles (an anchor used inside itself) and the values aliases would add, counted on the
    composed graph (where an alias is its anchor's node again) without expanding anything."""
    lim = limits()
    size: dict[int, int] = {}  # id → values in the node once expanded; present when done
    on_path: set[int] = set()
    added = 0

    def at(node: yaml.Node, message: str) -> list[Problem]:
        mark = node.start_mark
        return [Problem(path, mark.line + 1 + line_offset, mark.column + 1, message)]

    stack: list[tuple[yaml.Node, list[yaml.Node], int]] = [(root, _children(root), 0)]
    on_path.add(id(root))
    while stack:
        node, children, index = stack[-1]
        if index == len(children):
            stack.pop()
            on_path.discard(id(node))
            size[id(node)] = 1 + sum(size[id(child)] for child in children)
            continue
        stack[-1] = (node, children, index + 1)
        child = children[index]
        if id(child) in on_path:
            return at(child, "锚点（&名称）在它自己的内容里被引用（循环引用），无法展开")
        if id(child) in size:  # seen before: this is an alias
            added += size[id(child)]
            if added > lim.alias_nodes:
                return at(node, f"别名展开后会增加超过 {lim.alias_nodes:,} 个值（疑似“十亿笑声”式炸弹），请直接写出内容")
            continue
        on_path.add(id(child))
        stack.append((child, _children(child), 0))
    return []


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [item for pair in node.value for item in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []
