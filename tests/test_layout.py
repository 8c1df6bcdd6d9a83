"""The engine's layout (README “引擎结构”): layers without cycles, small modules, and
every patch of a MkDocs, Material, mkdocs-macros or jieba internal behind one switch."""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_mkdocs_build

MAX_LINES = 500


def test_import_contract_holds() -> None:
    """core ← domains ← composition ← glue, and glue → registry only (.importlinter), counting every import."""
    linter = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run(
        [str(linter), "--config", str(ROOT / ".importlinter")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


def _import_graph() -> dict[str, set[str]]:
    import grimp

    sys.path.insert(0, str(ROOT))
    graph = grimp.build_graph("macros", include_external_packages=False)
    return {m: graph.find_modules_directly_imported_by(m) for m in graph.modules}


def _cycles(adjacency: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in adjacency:
        if root in index:
            continue
        work = [(root, iter(sorted(adjacency[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(adjacency.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles_anywhere_in_the_engine() -> None:
    assert _cycles(_import_graph()) == []


def test_core_imports_no_domain_and_build_imports_nothing_above_it() -> None:
    graph = _import_graph()
    for module, imported in graph.items():
        if module.startswith("macros.core"):
            assert all(m.startswith(("macros.core", "macros.build")) for m in imported), (module, imported)
        if module.startswith("macros.build"):
            assert all(m.startswith("macros.build") for m in imported), (module, imported)


def test_no_module_over_500_lines() -> None:
    long = {
        str(p.relative_to(ROOT)): n for p in (ROOT / "macros").rglob("*.py") if (n := len(p.read_text().splitlines())) > MAX_LINES
    }
    assert long == {}


def test_every_domain_registers_itself_in_the_composition() -> None:
    from macros.composition import DOMAINS

    packages = {p.name for p in (ROOT / "macros").iterdir() if (p / "domain.py").exists()}
    assert {d.name for d in DOMAINS} == packages


# -- patches --------------------------------------------------------------------------

_PROBE = textwrap.dedent(
    """
    import json, sys
    sys.path.insert(0, {root!r})
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.commands import serve as mkdocs_serve
    from mkdocs import utils
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page
    from mkdocs.utils import meta
    from material.plugins.search import plugin as search_plugin
    from mkdocs.livereload import LiveReloadServer
    before = {{
        "Page.render": Page.render, "meta.get_data": meta.get_data, "_build_page": mkdocs_build._build_page,
        "write_file": utils.write_file, "copy_file": utils.copy_file, "clean_directory": utils.clean_directory,
        "File.copy_file": File.copy_file, "jieba": search_plugin.jieba,
        "add_entry_from_context": search_plugin.SearchIndex.add_entry_from_context,
        "_segment_chinese": search_plugin.SearchIndex._segment_chinese, "serve.build": mkdocs_serve.build,
        "build": mkdocs_build.build, "_populate_page": mkdocs_build._populate_page,
        "LiveReloadServer.__init__": LiveReloadServer.__init__, "LiveReloadServer.watch": LiveReloadServer.watch,
    }}
    from macros.glue import hooks
    hooks.on_startup("serve", False)
    after = {{
        "Page.render": Page.render, "meta.get_data": meta.get_data, "_build_page": mkdocs_build._build_page,
        "write_file": utils.write_file, "copy_file": utils.copy_file, "clean_directory": utils.clean_directory,
        "File.copy_file": File.copy_file, "jieba": search_plugin.jieba,
        "add_entry_from_context": search_plugin.SearchIndex.add_entry_from_context,
        "_segment_chinese": search_plugin.SearchIndex._segment_chinese, "serve.build": mkdocs_serve.build,
        "build": mkdocs_build.build, "_populate_page": mkdocs_build._populate_page,
        "LiveReloadServer.__init__": LiveReloadServer.__init__, "LiveReloadServer.watch": LiveReloadServer.watch,
    }}
    print(json.dumps({{name: before[name] is after[name] for name in before}}))
    """
)


def _originals_after_startup(**env: str) -> dict[str, bool]:
    import json

    result = subprocess.run(
        [sys.executable, "-c", _PROBE.format(root=str(ROOT))], capture_output=True, text=True, env={**os.environ, **env}, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_patches_replace_the_internals_when_on() -> None:
    same = _originals_after_startup(PORTAL_PATCHES="on")
    assert not any(same.values()), same


def test_patches_off_leaves_every_original_in_place() -> None:
    same = _originals_after_startup(PORTAL_PATCHES="off")
    assert all(same.values()), same


def test_a_patch_for_another_version_stays_off_with_one_chinese_warning(monkeypatch, caplog) -> None:
    from macros.glue import compat

    monkeypatch.setattr(compat, "running", lambda package: (package, "0.0.1"))
    monkeypatch.setattr(compat, "_warned", set())
    ran = []
    with caplog.at_level("WARNING", logger="portal.compat"):
        assert compat.install("page-render-cache", lambda: ran.append(1)) is False
        assert compat.install("page-render-cache", lambda: ran.append(1)) is False
    assert ran == []
    warnings = [r.getMessage() for r in caplog.records if r.name == "portal.compat"]
    assert len(warnings) == 1 and "0.0.1" in warnings[0] and "不启用" in warnings[0]


def test_every_patch_is_written_for_the_installed_versions() -> None:
    from macros.glue import compat

    entries = {**compat.PATCHES, **compat.RELIANCES}
    assert [name for name, patch in entries.items() if not patch.supported()] == []


def test_bad_patches_setting_is_reported_in_chinese(caplog) -> None:
    from macros.core.config import settings

    with caplog.at_level("WARNING"):
        assert settings({"PORTAL_PATCHES": "maybe"}).patches is True
    assert "PORTAL_PATCHES 应为on 或 off" in caplog.text


def _differences(left: Path, right: Path) -> list[str]:
    out: list[str] = []

    def walk(cmp: filecmp.dircmp, prefix: str) -> None:
        out.extend(f"{prefix}{n}" for n in cmp.left_only + cmp.right_only + cmp.funny_files)
        out.extend(
            f"{prefix}{n}" for n in cmp.common_files if not filecmp.cmp(Path(cmp.left) / n, Path(cmp.right) / n, shallow=False)
        )
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right), "")
    return out


@pytest.mark.parametrize("cache", ["1", "0"], ids=["no-cache", "cache"])
def test_site_is_byte_identical_with_patches_off(
    built_site: Path, built_site_url: str, project_copy: Path, tmp_path: Path, monkeypatch, cache
) -> None:
    monkeypatch.setenv("PORTAL_PATCHES", "off")
    monkeypatch.setenv("PORTAL_NO_CACHE", cache)
    site = tmp_path / "site"
    result = run_mkdocs_build(project_copy, site, built_site_url)
    assert result.returncode == 0, result.stdout + result.stderr
    assert _differences(built_site, site) == []
