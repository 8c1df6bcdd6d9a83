#!/usr/bin/env python3
"""画出门户的应用图标（安装到手机桌面时显示）：docs/assets/icons/ 中的 SVG 和各尺寸 PNG。

图标是本项目自己画的：靛蓝底（门户的主色）上一大一小两个人形（导师和学生）和一本打开的书。
SVG 与 PNG 由同一组图形写出，PNG 用 Pillow（requirements.txt 中固定版本）以 4 倍尺寸绘制再缩小。
生成的文件随仓库提交，构建时不再绘制，也不下载任何东西。

用法：.venv/bin/python scripts/draw_icons.py
退出码：0 正常；2 用法错误。
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw

from macros.core.cli import ChineseParser

ROOT = Path(__file__).resolve().parent.parent

OUT = ROOT / "docs/assets/icons"
INDIGO = "#4051b5"
WHITE = "#ffffff"
AMBER = "#ffc107"
# Shapes on a 512 × 512 canvas: (kind, box or points, colour). Inside the central 80 % (the safe
# zone of a maskable icon) so a round mask never cuts a figure.
# The geometry is a box (x0, y0, x1, y1) or a polygon's points, by kind.
SHAPES: tuple[tuple[str, Any, str], ...] = (
    ("ellipse", (146, 104, 230, 188), WHITE),  # the mentor's head
    ("pieslice", (106, 200, 270, 364), WHITE),  # the mentor's shoulders (upper half of a disc)
    ("ellipse", (294, 160, 354, 220), WHITE),  # the student's head
    ("pieslice", (264, 230, 384, 350), WHITE),  # the student's shoulders
    ("polygon", ((120, 318), (256, 350), (256, 408), (120, 376)), AMBER),  # the book, left page
    ("polygon", ((392, 318), (256, 350), (256, 408), (392, 376)), AMBER),  # right page
)


def svg(rounded: bool = True) -> str:
    parts = [f'<rect width="512" height="512" rx="{96 if rounded else 0}" fill="{INDIGO}"/>']
    for kind, geo, colour in SHAPES:
        if kind == "ellipse":
            x0, y0, x1, y1 = geo
            parts.append(
                f'<ellipse cx="{(x0 + x1) / 2:g}" cy="{(y0 + y1) / 2:g}" rx="{(x1 - x0) / 2:g}" ry="{(y1 - y0) / 2:g}" fill="{colour}"/>'
            )
        elif kind == "pieslice":
            x0, y0, x1, y1 = geo
            r, cy = (x1 - x0) / 2, (y0 + y1) / 2
            parts.append(f'<path d="M{x0:g} {cy:g}A{r:g} {r:g} 0 0 1 {x1:g} {cy:g}Z" fill="{colour}"/>')
        else:
            points = " ".join(f"{x},{y}" for x, y in geo)
            parts.append(f'<polygon points="{points}" fill="{colour}"/>')
    body = "".join(parts)
    return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><title>全员导师制门户</title>{body}</svg>\n'


def png(size: int, rounded: bool) -> Image.Image:
    scale = 4 * size / 512
    big = Image.new("RGBA", (4 * size, 4 * size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(big)
    box = (0, 0, 4 * size - 1, 4 * size - 1)
    if rounded:
        draw.rounded_rectangle(box, radius=round(96 * scale), fill=INDIGO)
    else:
        draw.rectangle(box, fill=INDIGO)
    for kind, geo, colour in SHAPES:
        if kind == "polygon":
            draw.polygon([(x * scale, y * scale) for x, y in geo], fill=colour)
        else:
            scaled = tuple(v * scale for v in geo)
            if kind == "ellipse":
                draw.ellipse(scaled, fill=colour)
            else:
                draw.pieslice(scaled, 180, 360, fill=colour)
    return big.resize((size, size), Image.Resampling.LANCZOS)


def main(argv: list[str] | None = None) -> int:
    ChineseParser(description=(__doc__ or "").partition("\n")[0]).parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "icon.svg").write_text(svg(), encoding="utf-8")
    for name, size, rounded in (
        ("icon-192.png", 192, True),
        ("icon-512.png", 512, True),
        ("maskable-512.png", 512, False),
        ("apple-touch-icon.png", 180, False),
    ):
        png(size, rounded).save(OUT / name, optimize=True)
    print(f"已写出 {OUT.relative_to(ROOT)}/ 中的 5 个图标")
    return 0


if __name__ == "__main__":
    sys.exit(main())
