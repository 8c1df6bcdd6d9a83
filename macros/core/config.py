"""The engine's settings in one typed place: thresholds, page budgets and worker counts.

Layout figures (how many entries a listing page holds, how long a print part may be)
decide what the site looks like, so they are fixed here and changed only in code
review. Machinery figures (worker processes, when background work pays off, caches,
patches) may be overridden from the environment for a machine or a benchmark; a bad
value is reported in Chinese and the default used.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, replace

log = logging.getLogger("mkdocs.plugins.portal")


@dataclass(frozen=True)
class Layout:
    cases_per_page: int = 50  # a case listing page (by theme, 学段, key task, all cases)
    inline_cases: int = 50  # up to this many, the casebook start page lists them itself
    schools_per_page: int = 100  # a district page of the 一校一策 overview
    inline_schools: int = 100  # up to this many schools, the overview lists them all itself
    print_budget: int = 20_000  # UTF-8 bytes of chapter Markdown in one print part of a handbook
    nav_flat_modules: int = 10  # past this many modules, the training nav is grouped


@dataclass(frozen=True)
class Machinery:
    # Worker processes for background work (0: one per core).
    workers: int = 0
    # Fewer school pages than this are not worth a background converter (PORTAL_RENDER_AHEAD_MIN).
    render_ahead_min: int = 200
    render_ahead_chunk: int = 20  # pages per message from that worker
    # Fewer pages to render than this are not worth a background template renderer
    # (PORTAL_PAGES_AHEAD_MIN; macros.glue.compat.pages_ahead).
    pages_ahead_min: int = 200
    pages_ahead_chunk: int = 20  # pages per message from that worker
    docx_parallel_from: int = 4  # fewer missing Word files are written in the build process
    yaml_prefetch_min_files: int = 200  # fewer school files are parsed in the build process
    # Fewer unscanned cases are scanned in the build process (55 cases: 0.24 s one by one,
    # 0.35 s with two workers: starting processes costs more than they save).
    anonymise_min_parallel: int = 200
    gc_thresholds: tuple[int, int, int] = (50_000, 20, 100)  # CPython's defaults: (700, 10, 10)
    cache: bool = True  # PORTAL_NO_CACHE=1: build without any persistent cache
    patches: bool = True  # PORTAL_PATCHES=off: no patch of MkDocs or Material internals


@dataclass(frozen=True)
class Limits:
    """What the one loader accepts from content (issue #12). Past a limit the file gets a
    Chinese ``path:line:col`` error and is not parsed further, so hostile or broken content
    can neither hang nor crash a build. Legitimate content is far below every figure."""

    data_file_bytes: int = 2 * 1024 * 1024  # a YAML data file (the largest today: ~10 KB)
    page_file_bytes: int = 5 * 1024 * 1024  # a Markdown page (the longest policy page: ~20 KB)
    yaml_chars: int = 2 * 1024 * 1024  # the YAML of one document, front matter included
    depth: int = 50  # nesting levels of lists and key-value tables (content uses fewer than 10)
    aliases: int = 100  # uses of an alias (*name) in one document
    alias_nodes: int = 10_000  # values added by expanding aliases ("billion laughs" stops here)
    int_digits: int = 100  # digits of one integer (Python refuses to read more than 4,300)
    values: int = 50_000  # keys, texts, numbers, lists... in one document (2 MB of "1," is a million)


# Test only: PORTAL_TEST_LAYOUT="inline_schools=4,cases_per_page=5" lowers the layout thresholds
# so that a small test city crosses them (tests/test_differential_build.py). Read once, when
# the engine is imported; part of the engine version (macros.build.cache.engine_version), so
# cached results of one layout are never reused under another. Not for a published site.
TEST_LAYOUT_ENV = "PORTAL_TEST_LAYOUT"


def _layout(environ: dict[str, str]) -> Layout:
    raw = environ.get(TEST_LAYOUT_ENV, "").strip()
    if not raw:
        return Layout()
    changes = {}
    for item in raw.split(","):
        name, _, value = item.partition("=")
        name = name.strip()
        if name not in Layout.__dataclass_fields__ or not value.strip().isdigit() or int(value) <= 0:
            log.warning(f"环境变量 {TEST_LAYOUT_ENV} 中的“{item}”无效（应为 字段=正整数，字段取自 Layout），已忽略。")
            continue
        changes[name] = int(value)
    return replace(Layout(), **changes)


LAYOUT = _layout(dict(os.environ))
MACHINERY = Machinery()
LIMITS = Limits()

# Environment variable → (field, parser). Parsers raise ValueError with the Chinese expectation.
_POSITIVE = "正整数"


def _positive(raw: str) -> int:
    if raw.strip().isdigit() and int(raw) > 0:
        return int(raw)
    raise ValueError(_POSITIVE)


def _count(raw: str) -> int:
    if raw.strip().isdigit():
        return int(raw)
    raise ValueError("非负整数")


def _on_off(raw: str) -> bool:
    value = raw.strip().lower()
    if value in ("on", "1", "true", ""):
        return True
    if value in ("off", "0", "false"):
        return False
    raise ValueError("on 或 off")


ENVIRONMENT = {
    "PORTAL_WORKERS": ("workers", _count),
    "PORTAL_RENDER_AHEAD_MIN": ("render_ahead_min", _positive),
    "PORTAL_PAGES_AHEAD_MIN": ("pages_ahead_min", _positive),
    "PORTAL_NO_CACHE": ("cache", lambda raw: not _on_off(raw) if raw.strip() else True),
    "PORTAL_PATCHES": ("patches", _on_off),
}


def settings(environ: Mapping[str, str] | None = None) -> Machinery:
    """The machinery settings with the environment's overrides (read on every call: cheap)."""
    environ = os.environ if environ is None else environ
    changes = {}
    for name, (field, parse) in ENVIRONMENT.items():
        raw = environ.get(name)
        if raw is None:
            continue
        try:
            changes[field] = parse(raw)
        except ValueError as err:
            default = getattr(MACHINERY, field)
            shown = default if not isinstance(default, bool) else ("on" if default else "off")
            log.warning(f"环境变量 {name} 应为{err}，现为“{raw}”，按默认值 {shown} 处理。")
    return replace(MACHINERY, **changes)


def workers() -> int:
    """How many worker processes background work may use."""
    return settings().workers or os.cpu_count() or 1


__all__ = ["LAYOUT", "LIMITS", "MACHINERY", "Layout", "Limits", "Machinery", "settings", "workers"]
