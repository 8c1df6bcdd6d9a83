"""The project as an installed package (pyproject.toml, `make setup`): the scripts and the MkDocs
hooks import the engine without editing sys.path, and a copy of the project never runs another
folder's engine without saying so."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from tests.conftest import ROOT

SOURCES = sorted([*ROOT.glob("macros/**/*.py"), *ROOT.glob("scripts/*.py")])


def _sys_path_uses(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr == "path" and isinstance(node.value, ast.Name) and node.value.id == "sys"
    ]


def test_the_checker_finds_a_sys_path_edit(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text("import sys\nsys.path.insert(0, 'x')\n", encoding="utf-8")
    assert _sys_path_uses(probe) == [2]


def test_no_sys_path_edits_and_no_late_imports_in_the_engine_or_the_scripts() -> None:
    found = [f"{p.relative_to(ROOT)}:{line}" for p in SOURCES for line in _sys_path_uses(p)]
    assert not found, found
    late = [str(p.relative_to(ROOT)) for p in SOURCES if "noqa: E402" in p.read_text(encoding="utf-8")]
    assert not late, late


def test_the_environment_has_this_checkout_installed_editable() -> None:
    """`make setup` installs the project; outside the checkout, `macros` and `scripts` are still its own."""
    assert metadata.version("mentor-portal")
    code = "import macros, scripts; print(macros.__file__); print(scripts.__file__)"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd="/", env=env, check=True)
    assert out.stdout.split() == [str(ROOT / "macros" / "__init__.py"), str(ROOT / "scripts" / "__init__.py")]


def _mark_engine(copy: Path) -> None:
    """The copy's engine says “clean” in words the installed one does not use."""
    messages = copy / "macros" / "core" / "messages.py"
    text = messages.read_text(encoding="utf-8")
    marked = text.replace('"check.clean": "检查完毕：', '"check.clean": "副本的引擎：检查完毕：', 1)
    assert marked != text
    messages.write_text(marked, encoding="utf-8")


def _check(copy: Path, command: list[str], **env: str) -> str:
    base = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run(
        [*command, "--root", str(copy), "data/themes.yml"], capture_output=True, text=True, cwd=copy, env={**base, **env}
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_a_copy_runs_its_own_engine_under_pythonpath_or_as_a_module(project_copy: Path) -> None:
    """PYTHONPATH and `python -m` from the copy's folder come before the installed (editable) engine.

    Tests that run a copy's own scripts rely on this (tests/test_quizzes.py sets PYTHONPATH); and
    without either, the script runs the installed engine, which is what this test tells apart."""
    _mark_engine(project_copy)
    script = [sys.executable, str(project_copy / "scripts" / "check.py")]
    assert "副本的引擎" in _check(project_copy, script, PYTHONPATH=str(project_copy))
    assert "副本的引擎" in _check(project_copy, [sys.executable, "-m", "scripts.check"])
    assert "副本的引擎" not in _check(project_copy, script)


def test_a_build_with_another_folders_engine_stops_in_chinese(project_copy: Path, tmp_path: Path) -> None:
    """The environment's `mkdocs` command imports the installed engine, even in the copy's folder
    (only `python -m` puts the folder first): the hooks stop before building."""
    mkdocs = Path(sys.executable).parent / "mkdocs"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    site = tmp_path / "site"
    result = subprocess.run(
        [str(mkdocs), "build", "--strict", "-f", str(project_copy / "mkdocs.yml"), "-d", str(site)],
        capture_output=True,
        text=True,
        cwd=project_copy,
        env={**env, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert (
        f"构建用到的程序来自 {ROOT.as_posix()}，不是本项目 {project_copy.resolve().as_posix()} 中的"
        in result.stdout + result.stderr
    )
    assert "Traceback" not in result.stdout + result.stderr
    assert not site.exists()


COMMANDS = sorted(p.stem for p in ROOT.glob("scripts/*.py") if 'if __name__ == "__main__":' in p.read_text(encoding="utf-8"))


def test_the_commands_are_found() -> None:
    assert {"check", "build", "new_school", "import_case", "bench"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_script_runs_as_a_module_too(name: str) -> None:
    """`.venv/bin/python -m scripts.<name>` works as well as the documented `scripts/<name>.py`."""
    result = subprocess.run([sys.executable, "-m", f"scripts.{name}", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("用法："), result.stdout
