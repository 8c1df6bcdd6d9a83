"""The portal on ProperDocs, a maintained continuation of MkDocs 1.x (docs/about/engine.md).

Material for MkDocs ends maintenance on 2027-05-05; ProperDocs 1.6.7 with Material 9.8.1
is one way past that date. This test keeps it a real one: the same project built by
MkDocs and by ProperDocs (its own environment, `.venv-properdocs`, set up by `make test`)
gives the same site, byte for byte, except the generator line each engine writes.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, require

PROPERDOCS = ROOT / ".venv-properdocs" / "bin" / "properdocs"
GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')


def _build(command: list[str], site: Path) -> subprocess.CompletedProcess:
    # No build cache: each engine renders everything itself (a shared .cache/ would let the
    # second build copy the first one's pages and hide a difference).
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PORTAL_NO_CACHE": "1", "SITE_URL": "http://127.0.0.1:8000/"}
    return subprocess.run(
        [*command, "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )


def _files(site: Path) -> dict[str, bytes]:
    files = {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    # The offline shell's deployment version is a hash of the shell's files, the offline page
    # among them, whose generator line differs: compared with the version taken out (it must
    # still be the same version in the worker and in its version file).
    version = json.loads(files["offline-version.json"])["version"].encode()
    for name in ("offline-version.json", "sw.js"):
        assert version in files[name]
        files[name] = files[name].replace(version, b"<version>")
    return files


def test_properdocs_builds_the_same_site(tmp_path: Path) -> None:
    require(PROPERDOCS.is_file(), "ProperDocs environment missing: run `make properdocs-setup`")
    mkdocs_site, properdocs_site = tmp_path / "mkdocs", tmp_path / "properdocs"
    built = _build([sys.executable, "-m", "mkdocs"], mkdocs_site)
    assert built.returncode == 0, built.stdout + built.stderr
    built = _build([str(PROPERDOCS)], properdocs_site)
    assert built.returncode == 0, built.stdout + built.stderr
    assert "WARNING" not in built.stderr, built.stderr

    ours, theirs = _files(mkdocs_site), _files(properdocs_site)
    assert sorted(ours) == sorted(theirs)
    generators = set()
    differing = []
    for name, content in ours.items():
        other = theirs[name]
        if content == other:
            continue
        if name.endswith(".html") and GENERATOR.sub(b"", content) == GENERATOR.sub(b"", other):
            generators.add((GENERATOR.search(content).group(1), GENERATOR.search(other).group(1)))
            continue
        differing.append(name)
    assert differing == [], f"ProperDocs builds these files differently: {differing[:20]}"
    # The one expected difference, and a check that the second build really ran ProperDocs.
    assert generators, "no page differs even in its generator line: was ProperDocs really used?"
    for mkdocs_line, properdocs_line in generators:
        assert mkdocs_line.startswith(b"mkdocs-1.6") and b"ProperDocs 1.6.7" in properdocs_line
