"""The web app manifest: the portal installed on a teacher's phone opens like an app."""

from __future__ import annotations

import json

from macros.offline.shell import base_path

MANIFEST_NAME = "manifest.webmanifest"
THEME_COLOUR = "#4051b5"  # Material's indigo, the portal's primary colour (mkdocs.yml palette)
SHORT_NAME = "导师制门户"
ICONS = (
    ("assets/icons/icon-192.png", "192x192", "image/png", "any"),
    ("assets/icons/icon-512.png", "512x512", "image/png", "any"),
    ("assets/icons/maskable-512.png", "512x512", "image/png", "maskable"),
    ("assets/icons/icon.svg", "any", "image/svg+xml", "any"),
)


def render_manifest(site_name: str, description: str, site_url: str) -> str:
    """manifest.webmanifest for a site served at ``site_url`` (its start and scope are its path)."""
    base = base_path(site_url)
    manifest = {
        "id": base,
        "name": site_name,
        "short_name": SHORT_NAME,
        "description": description,
        "lang": "zh-CN",
        "dir": "ltr",
        "start_url": base,
        "scope": base,
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOUR,
        "icons": [{"src": base + src, "sizes": sizes, "type": kind, "purpose": purpose} for src, sizes, kind, purpose in ICONS],
    }
    return json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
