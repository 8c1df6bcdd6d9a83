"""The portal's own stylesheets and scripts ship under content-hashed names (#27,
:mod:`macros.core.assetnames`): in ``on_files`` each of them is replaced by a generated file
with its shipped text (scripts without comments, :mod:`macros.core.scriptmin`) under its hashed
name, and ``extra_css`` / ``extra_javascript`` name the hashed files.

Only MkDocs' public plugin interface is used (``Files.remove``/``append``, ``File.generated``
and ``File.content_string`` of MkDocs 1.6, the config's ``extra_*`` lists), no internals: nothing
here belongs in :mod:`macros.glue.compat`.
"""

from __future__ import annotations

from typing import Any

from mkdocs.structure.files import File, Files

from macros.core import assetnames, scriptmin


def _shipped_text(file: File) -> str:
    text = file.content_string
    return scriptmin.shrink(text) if scriptmin.is_ours(file.src_uri) else text


def ship_assets(files: Files, config: Any) -> Files:
    """``files`` with the portal's own assets under their hashed names; the config follows."""
    ours = [f for f in files if assetnames.is_ours(f.src_uri)]
    shipped = assetnames.fingerprint({f.src_uri: _shipped_text(f) for f in ours})
    for file in ours:
        files.remove(file)
        out = shipped[file.src_uri]
        files.append(File.generated(config, out.name, content=out.text))
    assetnames.record({path: out.name for path, out in shipped.items()})
    config["extra_css"] = [assetnames.shipped(path) for path in config["extra_css"]]
    scripts = []
    for script in config["extra_javascript"]:
        if isinstance(script, str):
            scripts.append(assetnames.shipped(script))
        else:
            script.path = assetnames.shipped(script.path)
            scripts.append(script)
    config["extra_javascript"] = scripts
    return files
