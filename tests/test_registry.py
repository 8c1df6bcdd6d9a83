"""Adding a domain is a package, a ``domain.py`` and one line in ``composition.DOMAINS``
(README “加一个领域”): the glue reaches it through the registry only, which .importlinter
enforces — and that rule can fail."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, run_mkdocs_build

EXAMPLE = ROOT / "tests" / "fixtures" / "example_domain" / "notices"


def _add_example_domain(project: Path) -> None:
    shutil.copytree(EXAMPLE, project / "macros" / "notices")
    composition = project / "macros" / "composition.py"
    text = composition.read_text(encoding="utf-8")
    text = text.replace(
        "DOMAINS = (CORE, POLICY, CASEBOOK, TRAINING, HANDBOOK, PLANS, TIPS, OFFLINE)",
        "from macros.notices.domain import DOMAIN as NOTICES  # noqa: E402\n\n"
        "DOMAINS = (CORE, POLICY, CASEBOOK, TRAINING, HANDBOOK, PLANS, TIPS, OFFLINE, NOTICES)",
    )
    assert "NOTICES)" in text, "composition.DOMAINS is no longer written as the example expects"
    composition.write_text(text, encoding="utf-8")


def test_a_new_domain_plugs_in_without_touching_the_glue(project_copy: Path, tmp_path: Path) -> None:
    _add_example_domain(project_copy)
    built = run_mkdocs_build(project_copy, tmp_path / "site")
    assert built.returncode == 0, built.stdout + built.stderr
    page = (tmp_path / "site" / "notices" / "index.html").read_text(encoding="utf-8")
    assert "共 2 条。" in page  # its macro, registered by the glue from the registry
    assert 'class="notice-mark"' in page  # its HTML pass
    assert "示例通知：导师培训报名" in page
    # Its pass applies to its own page only (the setting is None elsewhere).
    assert "notice-mark" not in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def _lint(macros_root: Path) -> subprocess.CompletedProcess:
    linter = Path(sys.executable).parent / "lint-imports"
    return subprocess.run(
        [str(linter), "--config", str(macros_root / ".importlinter")],
        capture_output=True,
        text=True,
        cwd=macros_root,
        env={**os.environ, "PYTHONPATH": str(macros_root)},
    )


def test_the_registry_rule_fails_when_the_glue_imports_a_domain(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "macros", tmp_path / "macros", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / ".importlinter", tmp_path / ".importlinter")
    assert _lint(tmp_path).returncode == 0
    search = tmp_path / "macros" / "glue" / "search.py"
    search.write_text(search.read_text(encoding="utf-8") + "\nfrom macros.plans import loading  # noqa\n", encoding="utf-8")
    result = _lint(tmp_path)
    assert result.returncode != 0
    assert re.search(r"glue and composition import no domain internals BROKEN", result.stdout), result.stdout
    assert "macros.glue.search -> macros.plans.loading" in result.stdout
