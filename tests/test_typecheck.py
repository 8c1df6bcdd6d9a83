"""The type checker (make typecheck, README “类型检查”) holds the domains to the registry's
Project protocol: a domain function typed with the concrete class, or one that asks the project
for something the protocol does not declare, is an error. Run on a planted module, so the test
shows the checker can fail; `make typecheck` runs it over the whole engine."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

CHECKER = Path(sys.executable).parent / "basedpyright"

PROBE = """
from __future__ import annotations

from macros.core.problems import Problem
from macros.core.project import Project as ConcreteProject
from macros.core.registry import Domain, Project


def check_typed_with_the_class(project: {param}) -> list[Problem]:
    return []


def check_asking_for_more(project: Project) -> list[Problem]:
    {body}
    return []


DOMAIN = Domain("probe", checks=(check_typed_with_the_class, check_asking_for_more))
"""


def _check(tmp_path: Path, param: str, body: str) -> subprocess.CompletedProcess:
    for name in ("macros", "typings"):
        if not (tmp_path / name).exists():
            shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    # The same settings, with this checkout's environment (the copy has none).
    settings = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(settings.replace('venvPath = "."', f'venvPath = "{ROOT}"'), encoding="utf-8")
    (tmp_path / "scripts").mkdir(exist_ok=True)
    probe = tmp_path / "macros" / "tips" / "probe.py"
    probe.write_text(PROBE.format(param=param, body=body), encoding="utf-8")
    return subprocess.run([str(CHECKER), str(probe)], capture_output=True, text=True, cwd=tmp_path)


def test_a_domain_typed_with_the_protocol_passes(tmp_path: Path) -> None:
    result = _check(tmp_path, "Project", "project.display(project.root)")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors" in result.stdout


def test_the_concrete_class_or_an_undeclared_attribute_is_an_error(tmp_path: Path) -> None:
    result = _check(tmp_path, "ConcreteProject", "project.render_errors.append(project._once)")
    assert result.returncode == 1, result.stdout + result.stderr
    out = result.stdout
    assert re.search(r'probe\.py:\d+:\d+ - error: Argument of type .* cannot be assigned to parameter "checks"', out), out
    assert re.search(r'probe\.py:\d+:\d+ - error: Cannot access attribute "_once" for class "Project"', out), out
    assert "2 errors" in out, out
