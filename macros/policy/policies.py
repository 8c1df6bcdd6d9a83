"""The policy library: policy pages, their numbered clauses and citations.

Policy texts live as Markdown pages under ``docs/policies/`` with a ``policy``
block in their front matter. Clause ids are derived from the document's own
numbering, so authors never type anchors and a citation keeps working as long
as the numbering of the official text does:

=========================  ==================  ==========
clause in the text          clause key           anchor
=========================  ==================  ==========
``五、主要任务``             ``五``               ``c5``
``（三）落实重点工作``        ``五（三）``          ``c5-3``
``1. 学生家访：…``          ``五（三）1``         ``c5-3-1``
``第二、落实导师…``          ``六（四）第二``      ``c6-4-2``
=========================  ==================  ==========
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from macros.core.escaping import md_esc, md_title, shorten, strip_tags
from macros.core.links import relative_link
from macros.core.markdown import FENCE
from macros.core.markdown import HEADING as _HEADING
from macros.core.messages import message
from macros.core.numerals import cn_to_int
from macros.core.problems import Problem
from macros.core.yamlload import Document, load_front_matter, validate

POLICY_STATUSES = ["现行", "被替代"]

POLICY_SCHEMA = {
    "type": "object",
    "required": ["title", "policy"],
    "properties": {
        "title": {"type": "string", "minLength": 1},
        "description": {"type": "string"},
        "render_macros": {"type": "boolean"},
        "search": {"type": "object"},
        "hide": {"type": "array"},
        "policy": {
            "type": "object",
            "additionalProperties": False,
            "required": ["id", "issuer", "issued", "published", "source", "scope", "status"],
            "properties": {
                "id": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$"},
                "doc_number": {"type": "string", "minLength": 1},
                "aliases": {"type": "array", "items": {"type": "string", "minLength": 1}},
                "issuer": {"type": "string", "minLength": 1},
                "issued": {"type": "string", "format": "date"},
                "published": {"type": "string", "format": "date"},
                "source": {"type": "string", "minLength": 1},
                "scope": {"type": "string", "minLength": 1},
                "status": {"enum": POLICY_STATUSES},
                "status_note": {"type": "string"},
                "superseded_by": {"type": "string", "minLength": 1},
                "cites": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["title"],
                        "properties": {
                            "title": {"type": "string", "minLength": 1},
                            "doc_number": {"type": "string"},
                        },
                    },
                },
            },
        },
    },
}


@dataclass(frozen=True)
class Clause:
    key: str  # 五（三）1
    anchor: str  # c5-3-1
    text: str  # plain text of the clause, for hover titles
    line: int  # line in the Markdown source (1-based, whole file)


@dataclass
class Policy:
    id: str
    title: str
    src_uri: str  # path under docs/, e.g. policies/shanghai-2023-25.md
    meta: dict
    clauses: dict[str, Clause] = field(default_factory=dict)

    @property
    def doc_number(self) -> str:
        return self.meta.get("doc_number", "")

    @property
    def label(self) -> str:
        return self.doc_number or self.title

    def names(self) -> list[str]:
        names = [self.id, self.title, *self.meta.get("aliases", [])]
        if self.doc_number:
            names.append(self.doc_number)
        return names


# -- clause parsing -------------------------------------------------------------

_L1 = re.compile(r"^([一二三四五六七八九十]+)、")
_L2 = re.compile(r"^（([一二三四五六七八九十]+)）")
_L3_NUM = re.compile(r"^(\d{1,2})\\?[.．、]")
_L3_ORD = re.compile(r"^第([一二三四五六七八九十]+)、")
_PLAIN_START = re.compile(r"^(<ins[^>]*>.*?</ins>)?")


def _clean_heading(text: str) -> str:
    return strip_tags(text).strip()


@dataclass
class _Block:
    kind: str  # "heading" or "para"
    start: int  # 0-based line index
    end: int  # 0-based index of last line
    text: str
    has_attrs: bool = False


def _blocks(lines: list[str]) -> list[_Block]:
    """Headings and top-level paragraphs. Indented, fenced, table and HTML lines are skipped."""
    blocks: list[_Block] = []
    i = 0
    fence = False
    while i < len(lines):
        line = lines[i]
        if FENCE.match(line):
            fence = not fence
            i += 1
            continue
        if fence or not line.strip() or line[0] in " \t|>" or line.startswith(("!!!", "???", "<div", "</div", "*[")):
            i += 1
            continue
        m = _HEADING.match(line)
        if m:
            blocks.append(_Block("heading", i, i, m.group(2), has_attrs=bool(m.group(3))))
            i += 1
            continue
        start = i
        while i + 1 < len(lines) and lines[i + 1].strip() and not _HEADING.match(lines[i + 1]) and lines[i + 1][0] not in "|":
            i += 1
        text = " ".join(lines[start : i + 1])
        blocks.append(_Block("para", start, i, text, has_attrs=lines[i].rstrip().endswith("}") and "{:" in lines[i]))
        i += 1
    return blocks


def _number_of(block_text: str) -> tuple[str, int | None, str]:
    """Classify a block's leading number: ("l1"|"l2"|"num"|"ord"|"", number, label)."""
    text = strip_tags(block_text).lstrip()
    for kind, pattern in (("l1", _L1), ("l2", _L2), ("ord", _L3_ORD)):
        m = pattern.match(text)
        if m:
            return kind, cn_to_int(m.group(1)), m.group(1)
    m = _L3_NUM.match(text)
    if m:
        return "num", int(m.group(1)), m.group(1)
    return "", None, ""


def parse_clauses(body: str, line_offset: int = 0) -> tuple[list[Clause], list[tuple[int, str]]]:
    """Find the numbered clauses of a policy body.

    Returns the clauses and, for each, the (0-based line index, anchor) where an
    attribute list must go, so :func:`anchor_policy_markdown` and the registry
    always agree.
    """
    lines = body.split("\n")
    blocks = _blocks(lines)
    clauses: list[Clause] = []
    targets: list[tuple[int, str]] = []
    l1: tuple[str, int | None] | None = None
    l2: tuple[str, int | None] | None = None
    for index, block in enumerate(blocks):
        kind, number, label = _number_of(block.text)
        if not kind:
            continue
        if block.kind == "heading" and kind == "l1":
            l1, l2 = (label, number), None
            key, anchor = label, f"c{number}"
        elif block.kind == "heading" and kind == "l2" and l1:
            l2 = (f"（{label}）", number)
            key, anchor = l1[0] + l2[0], f"c{l1[1]}-{number}"
        elif block.kind == "para" and kind in ("num", "ord") and l1:
            prefix_key = l1[0] + (l2[0] if l2 else "")
            prefix_anchor = f"c{l1[1]}" + (f"-{l2[1]}" if l2 else "")
            suffix = f"第{label}" if kind == "ord" else str(number)
            key, anchor = prefix_key + suffix, f"{prefix_anchor}-{number}"
        else:
            continue
        text = strip_tags(block.text).replace("\\", "")
        if block.kind == "heading":
            # A heading alone says little: the hover text adds what follows it.
            following = []
            for nxt in blocks[index + 1 :]:
                if nxt.kind == "heading":
                    break
                following.append(strip_tags(nxt.text).replace("\\", ""))
            text = text + "：" + " ".join(following) if following else text
        clauses.append(Clause(key, anchor, shorten(text, 200), block.start + 1 + line_offset))
        if not block.has_attrs:
            targets.append((block.end, anchor))
    return clauses, targets


def anchor_policy_markdown(body: str) -> str:
    """Add ``{: #cN-N-N }`` attribute lists to every numbered clause."""
    lines = body.split("\n")
    _, targets = parse_clauses(body)
    for index, anchor in sorted(targets, reverse=True):
        if _HEADING.match(lines[index]):
            lines[index] = f"{lines[index]} {{: #{anchor} }}"
        else:
            lines.insert(index + 1, f"{{: #{anchor} }}")
    return "\n".join(lines)


def normalise_clause_key(key: str) -> str:
    key = re.sub(r"\s+", "", key).replace("(", "（").replace(")", "）")
    return key.rstrip(".．、")


# -- library --------------------------------------------------------------------

# A citation in a data file: ``{doc: 沪教委德〔2023〕25号, clause: 五（三）}``.
CLAUSE_REF_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["doc"],
    "properties": {"doc": {"type": "string", "minLength": 1}, "clause": {"type": "string", "minLength": 1}},
}
# The same, where a clause must be named (rules and templates rest on a clause, not a whole document).
CLAUSE_CITATION_SCHEMA = {**CLAUSE_REF_SCHEMA, "required": ["doc", "clause"]}


class UnknownReference(LookupError):
    pass


@dataclass
class PolicyLibrary:
    policies: list[Policy]

    def __post_init__(self) -> None:
        self._by_name: dict[str, Policy] = {}
        for policy in self.policies:
            for name in policy.names():
                self._by_name[name] = policy

    def find(self, doc: str) -> Policy | None:
        return self._by_name.get(doc.strip())

    def resolve(self, doc: str, clause: str | None = None) -> tuple[Policy, Clause | None]:
        """Find a policy and clause, or raise UnknownReference with a Chinese message."""
        policy = self.find(doc)
        if policy is None:
            known = "、".join(p.label for p in self.policies)
            raise UnknownReference(f"未知的政策文件“{doc}”（已收录：{known}）")
        if clause is None or clause == "":
            return policy, None
        found = policy.clauses.get(normalise_clause_key(clause))
        if found is None:
            raise UnknownReference(f"《{policy.title}》中没有条款“{clause}”")
        return policy, found


def check_clause_refs(doc: Document, loc: tuple, refs: object, library: PolicyLibrary) -> list[Problem]:
    """A problem at each citation in the list ``refs`` (found at ``loc`` in ``doc``) that does not
    resolve. Malformed entries are left to the schema, so a file gets every problem in one run."""
    problems = []
    for k, ref in enumerate(refs if isinstance(refs, list) else []):
        if not isinstance(ref, dict) or not isinstance(ref.get("doc"), str):
            continue
        clause = ref.get("clause")
        try:
            library.resolve(ref["doc"], clause if isinstance(clause, str) and clause else None)
        except UnknownReference as err:
            field = "doc" if library.find(ref["doc"]) is None else "clause"
            problems.append(doc.problem(loc + (k, field), message("policies.check-clause-refs", err=err)))
    return problems


def load_policy(path: Path, display: str, src_uri: str) -> tuple[Policy | None, list[Problem]]:
    doc, body, problems = load_front_matter(path, display)
    if doc is None or "policy" not in (doc.data or {}):
        return None, problems
    problems += validate(doc, POLICY_SCHEMA)
    if any(p.is_error for p in problems):
        return None, problems
    text = path.read_text(encoding="utf-8-sig")
    offset = text.count("\n") - body.count("\n")
    clauses, _ = parse_clauses(body, line_offset=offset)
    policy = Policy(doc.data["policy"]["id"], doc.data["title"], src_uri, doc.data["policy"])
    for clause in clauses:
        if clause.key in policy.clauses:
            problems.append(Problem(display, clause.line, 1, message("policies.load-policy", key=clause.key)))
        policy.clauses[clause.key] = clause
    return policy, problems


def load_library(docs_dir: Path, display_root: Path) -> tuple[PolicyLibrary, list[Problem]]:
    """Every policy page under ``docs/policies/``, with all their problems."""
    policies: list[Policy] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for path in sorted((docs_dir / "policies").glob("*.md")):
        display = path.relative_to(display_root).as_posix()
        src_uri = path.relative_to(docs_dir).as_posix()
        policy, found = load_policy(path, display, src_uri)
        problems += found
        if policy is None:
            continue
        for name in policy.names():
            if name in seen:
                problems.append(Problem(display, 1, 1, message("policies.load-library-2", name=name, v2=seen[name])))
            seen[name] = display
        policies.append(policy)
    library = PolicyLibrary(policies)
    for policy in policies:
        target = policy.meta.get("superseded_by")
        if target and library.find(target) is None:
            problems.append(Problem(f"docs/{policy.src_uri}", 1, 1, message("policies.load-library", target=target)))
    return library, problems


# -- rendering ------------------------------------------------------------------


def render_clause_link(library: PolicyLibrary, doc: str, clause: str | None, from_src_uri: str, text: str | None = None) -> str:
    """Markdown link to a clause, with its text as the hover title. Raises UnknownReference."""
    policy, found = library.resolve(doc, clause)
    href = relative_link(from_src_uri, policy.src_uri)
    if found is None:
        label = text or f"《{policy.title}》"
        return f'[{md_esc(label)}]({href} "{md_title(policy.title)}")'
    label = text or f"{policy.label} {found.key}"
    return f'[{md_esc(label)}]({href}#{found.anchor} "{md_title(found.text)}")'


def render_policy_header(policy: Policy, library: PolicyLibrary) -> str:
    """The header block of a policy page, as Markdown inside an HTML container."""
    meta = policy.meta
    rows = [("发文机关", md_esc(meta["issuer"]))]
    if policy.doc_number:
        rows.append(("文号", md_esc(policy.doc_number)))
    rows += [
        ("成文日期", md_esc(meta["issued"])),
        ("发布日期", md_esc(meta["published"])),
        ("来源", md_esc(meta["source"])),
        ("适用范围", md_esc(meta["scope"])),
    ]
    status = md_esc(meta["status"])
    if meta.get("superseded_by"):
        target = library.find(meta["superseded_by"])
        if target:
            status += f"，已被[{md_esc(target.label)}]({relative_link(policy.src_uri, target.src_uri)})替代"
    if meta.get("status_note"):
        status += f"（{md_esc(meta['status_note'])}）"
    rows.append(("效力状态", status))
    cites = []
    for cited in meta.get("cites", []):
        number = cited.get("doc_number", "")
        title = cited["title"].replace("《", "〈").replace("》", "〉")  # nested book-title marks
        label = f"《{md_esc(title)}》" + (f"（{md_esc(number)}）" if number else "")
        target = library.find(number) if number else library.find(cited["title"])
        if target and target is not policy:
            label = f"[{label}]({relative_link(policy.src_uri, target.src_uri)})"
        cites.append(label)
    if cites:
        rows.append(("引用文件", "；".join(cites)))
    body = "\n\n".join(f"{name}\n:   {value}" for name, value in rows)
    return f'<div class="policy-meta" markdown>\n\n{body}\n\n</div>\n'
