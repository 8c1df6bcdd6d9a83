"""The compat list (macros/glue/compat): every platform internal the portal relies on is a
versioned entry, checked against the engine actually running — MkDocs, or ProperDocs, which
aliases ``mkdocs.*`` to its own modules while mkdocs 1.6.1 stays installed beside it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from types import SimpleNamespace

import jinja2
import pytest
from conftest import ROOT, require

from macros import composition
from macros.core.domain import DOMAIN as CORE
from macros.glue import compat
from macros.glue.compat import material_search

PROPERDOCS_PYTHON = ROOT / ".venv-properdocs" / "bin" / "python"

_ENGINE_PROBE = (
    "import json, sys\n"
    "{prelude}\n"
    "from macros.glue import compat\n"
    "print(json.dumps({{'running': compat.running('mkdocs'), 'installed': compat.installed_version('mkdocs'),"
    " 'unsupported': [n for n, p in {{**compat.PATCHES, **compat.RELIANCES}}.items() if not p.supported()]}}))\n"
)


def _probe(python: str, prelude: str = "") -> dict:
    import json

    result = subprocess.run(
        [python, "-c", _ENGINE_PROBE.format(prelude=prelude)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_running_engine_is_mkdocs_here() -> None:
    found = _probe(sys.executable)
    assert found["running"][0] == "mkdocs" and found["running"][1] == found["installed"]
    assert found["unsupported"] == []


def test_under_properdocs_the_version_checks_ask_properdocs() -> None:
    require(PROPERDOCS_PYTHON.is_file(), "ProperDocs environment missing: run `make properdocs-setup`")
    # What the properdocs command does first (properdocs/__main__.py imports it).
    found = _probe(str(PROPERDOCS_PYTHON), "import properdocs.replacement")
    assert found["running"] == ["properdocs", "1.6.7"]
    assert found["installed"] == "1.6.1"  # the metadata the checks used to read
    assert found["unsupported"] == []


@pytest.mark.parametrize(
    ("running", "expected"),
    [
        (("mkdocs", "1.6.1"), True),
        (("mkdocs", "1.7.0"), False),
        (("properdocs", "1.6.7"), True),
        (("properdocs", "1.6.8"), False),  # not compared yet: off until someone does
        (("properdocs", "1.6.1"), False),  # a MkDocs version is not a ProperDocs one
    ],
)
def test_engine_ranges_are_per_engine(monkeypatch, running: tuple[str, str], expected: bool) -> None:
    monkeypatch.setattr(compat, "running", lambda package: running)
    assert compat.PATCHES["page-render-cache"].supported() is expected


def test_the_warning_names_the_running_engine(monkeypatch, caplog) -> None:
    monkeypatch.setattr(compat, "running", lambda package: ("properdocs", "1.7.0"))
    monkeypatch.setattr(compat, "_warned", set())
    with caplog.at_level("WARNING", logger="portal.compat"):
        assert compat.allowed("anchor-messages") is False
    (message,) = [r.getMessage() for r in caplog.records if r.name == "portal.compat"]
    assert "ProperDocs 1.7.0" in message and "MkDocs ~=1.6.0 或 ProperDocs ==1.6.7" in message


def _material(monkeypatch, version: str) -> None:
    real = compat.running
    monkeypatch.setattr(compat, "running", lambda p: (p, version) if p == "mkdocs-material" else real(p))
    monkeypatch.setattr(compat, "_warned", set())


def test_every_reliance_on_material_is_listed_with_a_range() -> None:
    # The files that depend on Material's internals name the entry that covers them.
    main = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    assert "portal_search_worker" in main and not re.search(r"search\.[0-9a-f]{8}\.min\.js", main)
    assert "_segment_chinese" not in (ROOT / "macros" / "glue" / "search.py").read_text(encoding="utf-8")
    assert set(compat.RELIANCES) == {"search-worker-name", "search-partial", "search-segmenter", "material-table-wrappers"}
    # An HTML pass that writes a platform's markup names its entry (macros/core/domain.py).
    passes = {p.name: p for p in CORE.html_passes}
    assert passes["core.data-tables"].relies_on == "material-table-wrappers"
    assert all(r.kind == "reliance" and r.package == "mkdocs-material" for r in compat.RELIANCES.values())


def test_the_worker_name_is_read_from_the_installed_material(monkeypatch) -> None:
    monkeypatch.setattr(compat, "_warned", set())
    name = material_search.worker_name()
    assert name is not None and re.fullmatch(r"assets/javascripts/workers/search\.[0-9a-f]{8}\.min\.js", name)
    base = (material_search._templates() / "base.html").read_text(encoding="utf-8")
    assert f'"{name}"' in base  # what overrides/main.html replaces is really in Material's page


def test_outside_its_range_each_reliance_falls_back_to_material(monkeypatch, caplog) -> None:
    _material(monkeypatch, "10.0.0")
    with caplog.at_level("WARNING", logger="portal.compat"):
        assert material_search.worker_name() is None
        loader = jinja2.FileSystemLoader([str(ROOT / "overrides"), str(material_search._templates())])
        env = jinja2.Environment(loader=loader)
        material_search.use_material_partial(env)
        cut = material_search.segmenter()
    assert env.loader is not None
    source = env.loader.get_source(env, "partials/search.html")[0]
    assert source == (material_search._templates() / "partials" / "search.html").read_text(encoding="utf-8")
    warnings = [r.getMessage() for r in caplog.records if r.name == "portal.compat"]
    assert len(warnings) == 3 and all("mkdocs-material 10.0.0" in w and "不启用" in w for w in warnings)
    # PORTAL_PATCHES does not apply to what shapes the output.
    assert compat.RELIANCES["search-partial"].kind == "reliance"
    assert "".join(cut("学生在校园里")) == "学生在校园里" and len(cut("学生在校园里")) > 1


def test_outside_its_range_tables_are_left_for_material_to_wrap(monkeypatch, caplog) -> None:
    # The page-content step asks the glue's entry; outside 9.8 the table stays plain and
    # Material's own script wraps it after load, as before #25.
    project = SimpleNamespace(registry=SimpleNamespace(html_passes=CORE.html_passes))
    html = "<table><tr><td>1</td></tr></table>"

    def render() -> str | None:
        return composition.render_page_content(project, "a.md", {}, html, relied_on=compat.relied_on)  # type: ignore[arg-type]

    monkeypatch.setattr(compat, "_warned", set())
    assert 'class="data-table"' in (render() or "")
    _material(monkeypatch, "10.0.0")
    with caplog.at_level("WARNING", logger="portal.compat"):
        assert render() == html
    assert any("material-table-wrappers" in r.getMessage() and "不启用" in r.getMessage() for r in caplog.records)


def test_in_range_the_partial_is_the_portals_and_segmentation_is_materials(monkeypatch) -> None:
    monkeypatch.setattr(compat, "_warned", set())
    loader = jinja2.FileSystemLoader([str(ROOT / "overrides"), str(material_search._templates())])
    env = jinja2.Environment(loader=loader)
    material_search.use_material_partial(env)
    assert env.loader is loader
    ours = material_search.segmenter()
    _material(monkeypatch, "10.0.0")
    fallback = material_search.segmenter()
    # The fallback segments as Material does on the text the portal indexes.
    for text in ("上海市闵行区示例中学 一校一策", "全员导师制 Q&A：导师每月至少谈心一次"):
        assert fallback(text) == ours(text)
