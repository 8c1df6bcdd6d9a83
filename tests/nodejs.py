"""Node.js for the tests that run the portal's browser code without a browser: the pure modules in
docs/assets/portal/ (ES modules, and the search worker's classic search-core.js, which Node loads
with require()). A missing node skips locally and fails under CI=true, as Chromium does."""

from __future__ import annotations

import json
import shutil
import subprocess
from typing import Any

from conftest import ROOT, require

PORTAL = ROOT / "docs" / "assets" / "portal"


def run_node(script: str, payload: Any = None, timeout: int = 60) -> Any:
    """Run ``script`` (CommonJS; ``await`` allowed; ``input`` is ``payload``, ``portal`` the folder of
    the browser modules) and return what it printed as JSON."""
    node = shutil.which("node")
    require(node is not None, "找不到 node（Node.js 20.19 或更高版本）")
    wrapped = (
        "(async () => {\n"
        f"const portal = {json.dumps(str(PORTAL))};\n"
        "const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));\n"
        f"const output = await (async () => {{\n{script}\n}})();\n"
        "process.stdout.write(JSON.stringify(output));\n"
        "})().catch((e) => { console.error(e); process.exit(1); });"
    )
    result = subprocess.run(
        [str(node), "-e", wrapped],
        input=json.dumps(payload, ensure_ascii=False),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)
