"""The one YAML loader for all content: positions, duplicate keys, Chinese errors.

PyYAML's ``safe_load`` forgets where values came from and silently keeps the
last of two duplicate keys. This loader composes the document with the safe
loader (so no arbitrary tags are ever constructed), builds plain Python values
itself and remembers the line and column of every key and value, so that every
problem can be reported as ``path:line:col``. Validation is JSON Schema
(the schemas double as editor help); its errors are translated to Chinese and
mapped back to positions.
"""

from __future__ import annotations

import json
import pickle
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import yaml
from jsonschema import Draft202012Validator

from macros.build import cache as buildcache
from macros.build import pool as worker_pool
from macros.build.pool import WorkerPool
from macros.core import yamlguard
from macros.core.config import MACHINERY
from macros.core.messages import message as say
from macros.core.problems import Problem
from macros.core.schema_messages import field_label, translate  # noqa: F401  (field_label: re-exported)

Loc = tuple  # path inside the document: keys and list indexes


@dataclass
class Document:
    """Parsed YAML with the position of every node (1-based line and column)."""

    path: str
    data: Any
    value_pos: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    key_pos: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    # Pickled (the build caches parsed files) with the positions as one blob, unpickled only
    # when something asks for a position, i.e. when there is a problem to report: most
    # builds never do, and the position tables are most of a document's size.
    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path, "data": self.data, "_positions": self.positions_blob()}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def __getattr__(self, name: str) -> Any:
        blob = self.__dict__.get("_positions")
        if name in ("value_pos", "key_pos") and blob is not None:
            self.value_pos, self.key_pos = pickle.loads(blob)
            del self.__dict__["_positions"]
            return self.__dict__[name]
        raise AttributeError(name)

    def positions_blob(self) -> bytes:
        """The position tables pickled (without unpickling them if they still are)."""
        blob = self.__dict__.get("_positions")
        if blob is None:
            blob = pickle.dumps((self.value_pos, self.key_pos), protocol=pickle.HIGHEST_PROTOCOL)
        return blob

    def pos(self, loc: Loc, key: bool = False) -> tuple[int, int]:
        """Position of ``loc``, or of its nearest ancestor that has one."""
        table = self.key_pos if key else self.value_pos
        loc = tuple(loc)
        while loc:
            if loc in table:
                return table[loc]
            if loc in self.value_pos:
                return self.value_pos[loc]
            loc = loc[:-1]
        return self.value_pos.get((), (1, 1))

    def problem(self, loc: Loc, message: str, *, key: bool = False, **kw: Any) -> Problem:
        line, col = self.pos(loc, key=key)
        return Problem(self.path, line, col, message, **kw)


_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


class _Builder:
    """Turns composed YAML nodes into Python values, recording positions."""

    def __init__(self, doc: Document, line_offset: int):
        self.doc = doc
        self.offset = line_offset
        self.problems: list[Problem] = []
        self._scalar = yaml.constructor.SafeConstructor()
        self._limits = yamlguard.limits()
        self._too_deep = False

    def mark(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + 1 + self.offset, node.start_mark.column + 1

    def error(self, node: yaml.Node, message: str) -> None:
        line, col = self.mark(node)
        self.problems.append(Problem(self.doc.path, line, col, message))

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        self.doc.value_pos[loc] = self.mark(node)
        if not isinstance(node, yaml.ScalarNode) and node.tag not in _COLLECTION_TAGS:
            # safe_load semantics: an application tag such as !!python/object is refused.
            self.error(node, f"不支持的 YAML 标签“{node.tag}”")
            return None
        if not isinstance(node, yaml.ScalarNode) and len(loc) >= self._limits.depth:
            if not self._too_deep:  # once: the guard in yamlguard.precheck only bounds it loosely
                self._too_deep = True
                self.error(node, yamlguard.depth_message(self._limits.depth))
            return None
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    self.error(key_node, "不支持 YAML 合并键“<<”，请直接写出各字段")
                    continue
                if not isinstance(key_node, yaml.ScalarNode):
                    self.error(key_node, "键必须是简单的文本")
                    continue
                key = self.scalar(key_node)
                if isinstance(key, (int, float, bool)) or key is None:
                    key = key_node.value  # 2021: or yes: are meant as text keys
                if key in result:
                    first = self.doc.key_pos.get(loc + (key,), (0, 0))
                    self.error(key_node, f"重复的键“{key}”（第 {first[0]} 行已经出现过），YAML 只会保留其中一个")
                    continue
                self.doc.key_pos[loc + (key,)] = self.mark(key_node)
                result[key] = self.build(value_node, loc + (key,))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, loc + (i,)) for i, item in enumerate(node.value)]
        return self.scalar(cast(yaml.ScalarNode, node))  # YAML has no fourth kind of node

    def scalar(self, node: yaml.ScalarNode) -> Any:
        # Dates stay text: JSON Schema checks their format, and templates print
        # them exactly as written.
        if node.tag == "tag:yaml.org,2002:timestamp":
            return node.value
        if node.tag == "tag:yaml.org,2002:int" and len(node.value) > self._limits.int_digits:
            self.error(node, f"整数超过 {self._limits.int_digits} 位；如果是编号，请加引号写成文本")
            return node.value
        try:
            return self._scalar.construct_object(node, deep=True)
        except yaml.YAMLError:
            self.error(node, f"不支持的 YAML 标签“{node.tag}”")
            return node.value
        except (ValueError, OverflowError):
            self.error(node, f"无法读取的值“{node.value[:40]}”；如果是文本，请加引号")
            return node.value


_PROBLEM_ZH = [
    (re.compile(r"found character '\\t'"), "不能用 Tab 缩进，请改用空格"),
    (re.compile(r"mapping values are not allowed here"), "此处不能出现“:”（冒号后的文本若含冒号，请加引号）"),
    (re.compile(r"could not find expected ':'"), "缺少“:”"),
    (re.compile(r"found unexpected end of stream"), "文件意外结束（引号或括号没有闭合？）"),
    (re.compile(r"did not find expected key"), "缩进不一致，找不到预期的键"),
    (re.compile(r"did not find expected '-' indicator"), "列表缩进不一致，缺少“-”"),
    (re.compile(r"expected ',' or '\]'"), "方括号“[”没有闭合"),
    (re.compile(r"expected ',' or '\}'"), "花括号“{”没有闭合"),
    (re.compile(r"found undefined alias"), "引用了未定义的锚点"),
    (re.compile(r"expected <block end>, but found"), "缩进不一致"),
    (re.compile(r"found unexpected ':'"), "出现了多余的“:”"),
    (re.compile(r"found character .* that cannot start any token"), "出现了不能作为开头的字符（文本以 @ 或 ` 开头时请加引号）"),
]


def _syntax_message(err: yaml.MarkedYAMLError) -> str:
    raw = err.problem or str(err)
    for pattern, zh in _PROBLEM_ZH:
        if pattern.search(raw):
            return f"YAML 语法错误：{zh}"
    return f"YAML 语法错误：{raw}"


def load_yaml_text(text: str, path: str, line_offset: int = 0) -> tuple[Document | None, list[Problem]]:
    """Parse one YAML document. Returns the document (or None) and all problems.

    Results are reused across builds when the text, path and this loader's code
    are the same (:mod:`macros.build.cache`): parsing is a large share of a city-scale build.
    """
    memo = buildcache.memo("yaml", *_inputs())
    return buildcache.cached(memo, f"{path}\0{line_offset}\0{text}", lambda: _parse_yaml_text(text, path, line_offset))


def _parse_yaml_text(text: str, path: str, line_offset: int) -> tuple[Document | None, list[Problem]]:
    doc = Document(path=path, data=None)
    problems = yamlguard.precheck(text, path, line_offset)
    if problems:
        return None, problems
    try:
        node = _compose(text)
    except RecursionError:  # only if the limits allow more than yamlguard.SAFE_COMPOSE_DEPTH
        return None, [Problem(path, 1 + line_offset, 1, yamlguard.depth_message(yamlguard.limits().depth))]
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = (mark.line + 1 + line_offset) if mark else 1 + line_offset
        col = (mark.column + 1) if mark else 1
        return None, [Problem(path, line, col, _syntax_message(err))]
    except yaml.YAMLError as err:  # e.g. more than one document
        return None, [Problem(path, 1 + line_offset, 1, say("yamlload.parse-yaml-text", err=err))]
    if node is None:
        doc.data = {}
        return doc, []
    if "*" in text:  # aliases: a document without them has neither cycles nor expansion
        problems = yamlguard.check_graph(node, path, line_offset)
        if problems:
            return None, problems
    builder = _Builder(doc, line_offset)
    doc.data = builder.build(node, ())
    return doc, builder.problems


class Prefetch:
    """YAML files parsed (and validated) by a background process while the build does other
    work: at city scale the 1,600 school plans are a second of parsing and validation, and
    the build's own work leaves the machine's second core idle. Only files whose results
    are not cached yet are sent; :meth:`finish` stores the results in the same memos
    :func:`load_yaml_text` and :func:`validate` read, so nothing else changes."""

    MIN_FILES = MACHINERY.yaml_prefetch_min_files  # fewer are not worth starting a process for

    def __init__(self, files: list[tuple[Path, str]], schema: dict | None = None, root: Path | None = None) -> None:
        self.schema = schema
        self.jobs: list[tuple[str, str]] = []
        self.future: Any = None
        if not worker_pool.can_fork():  # nothing to hand over: the build parses them as it goes
            return
        memo = buildcache.memo("yaml", *_inputs())
        for path, display in files:
            text, _ = read_text(path, display, root=root)
            if text is None:
                continue  # reported by the ordinary load
            if buildcache.fingerprint(f"{display}\0{0}\0{text}") not in memo.entries:
                self.jobs.append((text, display))
        pool = WorkerPool(1, items=len(self.jobs), min_items=self.MIN_FILES)
        if pool.forked:
            self._pool = pool
            self.future = pool.submit(_parse_and_validate, self.jobs, schema)

    def finish(self) -> int:
        """Wait for the background process and store its results; how many files it parsed."""
        if self.future is None:
            return 0
        try:
            results = self.future.result()
        finally:
            self._pool.shutdown()
            self.future = None
        yaml_memo = buildcache.memo("yaml", *_inputs())
        valid_memo = buildcache.memo("validate", *_inputs())
        for (text, display), (parsed, checked) in zip(self.jobs, results, strict=True):
            yaml_memo.put(buildcache.fingerprint(f"{display}\0{0}\0{text}"), parsed)
            if checked is not None and self.schema is not None:
                valid_memo.put(buildcache.fingerprint(_validate_key(parsed[0], self.schema)), checked)
        return len(results)


def _parse_and_validate(jobs: list[tuple[str, str]], schema: dict | None) -> list[tuple[Any, Any]]:
    out = []
    for text, display in jobs:
        doc, problems = _parse_yaml_text(text, display, 0)
        checked = _validate(doc, schema) if doc is not None and not problems and schema is not None else None
        out.append(((doc, problems), checked))
    return out


def read_text(path: Path, display: str, *, page: bool = False, root: Path | None = None) -> tuple[str | None, list[Problem]]:
    """A content file's text (a data file, or a Markdown ``page``, with its line breaks as
    MkDocs reads them), or None and why not (:func:`macros.core.yamlguard.read_checked`)."""
    lim = yamlguard.limits()
    return yamlguard.read_checked(path, display, lim.page_file_bytes if page else lim.data_file_bytes, root, page)


def load_yaml_file(path: Path, display: str | None = None, *, root: Path | None = None) -> tuple[Document | None, list[Problem]]:
    display = display or path.as_posix()
    text, problems = read_text(path, display, root=root)
    if text is None:
        return None, problems
    return load_yaml_text(text, display)


# libyaml's composer (same nodes, same marks) when PyYAML was built with it: several
# times faster than the pure-Python one, which dominated cold city-scale builds.
# A document libyaml rejects is composed again by the pure-Python loader, so syntax
# errors keep exactly the messages and positions translated by _PROBLEM_ZH.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _compose(text: str) -> yaml.Node | None:
    if _LOADER is not yaml.SafeLoader:
        try:
            return yaml.compose(text, Loader=_LOADER)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


def _inputs() -> tuple[str, str]:
    """What parsing depends on besides the text and the engine's code: the limits (a test
    lowers them at run time) and which loader this PyYAML build provides (libyaml or not)."""
    return repr(yamlguard.limits()), _LOADER.__name__


_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)(?:^---|^\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Return (front matter YAML or None, body, line number where the YAML starts)."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return None, text, 0
    return m.group(1), text[m.end() :], 1


def load_front_matter(
    path: Path, display: str | None = None, *, root: Path | None = None
) -> tuple[Document | None, str, list[Problem]]:
    """Load a Markdown file's front matter. The body is returned unchanged."""
    display = display or path.as_posix()
    text, problems = read_text(path, display, page=True, root=root)
    if text is None:
        return None, "", problems
    yaml_text, body, offset = split_front_matter(text)
    if yaml_text is None:
        return Document(display, {}), body, []
    doc, problems = load_yaml_text(yaml_text, display, line_offset=offset)
    return doc, body, problems


# -- validation ---------------------------------------------------------------


# The page title also goes into <title>, which MkDocs does not escape.
PLAIN_TITLE = {
    "type": "string",
    "minLength": 1,
    "pattern": "^[^<>]*$",
    "x-message": "不能包含 < 或 >（标题会原样进入网页的 <title>）",
}


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _check_date(_checker: Any, instance: Any) -> bool:
    if not isinstance(instance, str) or not _DATE.match(instance):
        return False
    import datetime

    try:
        datetime.date.fromisoformat(instance)
    except ValueError:
        return False
    return True


_FORMATS = Draft202012Validator.FORMAT_CHECKER.__class__()
_FORMATS.checks("date")(lambda value: _check_date(None, value))


def validate(doc: Document, schema: dict) -> list[Problem]:
    """Validate ``doc.data`` against a JSON Schema; every error, in Chinese, in file order.

    Reused across builds for the same document (data and positions), schema and code.
    """
    memo = buildcache.memo("validate", *_inputs())
    return buildcache.cached(memo, _validate_key(doc, schema), lambda: _validate(doc, schema))


def _validate_key(doc: Document, schema: dict) -> str:
    doc_key = pickle.dumps((doc.path, doc.data), protocol=pickle.HIGHEST_PROTOCOL) + doc.positions_blob()
    return f"{_schema_key(schema)}\0{doc_key.hex()}"


_schema_keys: dict[int, tuple[dict, str]] = {}


def _schema_key(schema: dict) -> str:
    """The schema as text, once per schema object (the schemas are module constants;
    serialising the plan schema for each of 1,600 plans was a visible share of a rebuild)."""
    return buildcache.per_object(_schema_keys, schema, lambda s: json.dumps(s, sort_keys=True, ensure_ascii=False, default=str))


_validators: dict[int, tuple[dict, Any]] = {}


def _validator(schema: dict) -> Any:
    """One validator per schema object: building it resolves the schema (most of the time
    of validating one small document, and 1,600 plans share one schema)."""
    return buildcache.per_object(_validators, schema, lambda s: Draft202012Validator(s, format_checker=_FORMATS))


def _validate(doc: Document, schema: dict) -> list[Problem]:
    validator = _validator(schema)
    problems: list[Problem] = []
    for error in validator.iter_errors(doc.data):
        # For anyOf/oneOf the sub-errors are more useful when there is one clear branch
        problems.extend(translate(error, doc.problem, schema))
    return sorted(set(problems), key=lambda p: (p.line, p.col, p.message))
