"""Static pictures for reports: SVG written by hand, PNG by headless Chromium.

No plotting dependency: the layered layout is the one the HTML page uses
(``layout.positions``), so a report figure and the interactive page agree.
Every text goes through ``xml.sax.saxutils.escape``; the SVG references no
external resource and holds no script.
"""

from __future__ import annotations

import tempfile
import textwrap
from pathlib import Path
from xml.sax.saxutils import escape

from cancu.viz.headless import screenshot
from cancu.viz.layout import (
    DASHES,
    FLAG_COLOURS,
    LEGEND_LEVEL_NAMES,
    LEVEL_COLOURS,
    NODE_HEIGHT,
    NODE_WIDTH,
    edge_style,
    positions,
    style,
    successor_edges,
)
from cancu.viz.picture import FLAGS, Picture, PictureError, nfc

MARGIN = 40
HEADER = 50
LEGEND_WIDTH = 300
CHARS_PER_LINE = 26
MAX_LINES = 4
LINE_HEIGHT = 14
MAX_PNG_SIDE = 4000


def _lines(text: str) -> list[str]:
    out: list[str] = []
    for part in nfc(text).split("\n"):
        out.extend(textwrap.wrap(part, CHARS_PER_LINE) or [""])
    if len(out) > MAX_LINES:
        out = out[:MAX_LINES]
        out[-1] = out[-1][: CHARS_PER_LINE - 1] + "…"
    return out


def render_svg(picture: Picture) -> str:
    picture.validate()
    at = positions(picture)
    xs = [x for x, _ in at.values()] or [0]
    ys = [y for _, y in at.values()] or [0]
    dx = MARGIN + NODE_WIDTH / 2 - min(xs)
    dy = MARGIN + HEADER + NODE_HEIGHT / 2 - min(ys)
    graph_width = max(xs) - min(xs) + NODE_WIDTH + 2 * MARGIN
    width = round(graph_width + LEGEND_WIDTH)
    height = round(max(max(ys) - min(ys) + NODE_HEIGHT + 2 * MARGIN + HEADER, 40 + 20 * 18))
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="DejaVu Sans, Arial, sans-serif" font-size="12">',
        f"<title>{escape(nfc(picture.title))}</title>",
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="{MARGIN}" y="{MARGIN}" font-size="18" font-weight="bold">{escape(nfc(picture.title))}</text>',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#7d8a94"/></marker></defs>',
    ]
    links = [(e.source, e.target, e.kind, e.label) for e in picture.edges]
    links += [(a, b, "SUCCEEDED_BY", "") for a, b in successor_edges(picture)]
    for source, target, kind, label in links:
        look = edge_style(kind)
        (x1, y1), (x2, y2) = at[source], at[target]
        x1, y1, x2, y2 = x1 + dx, y1 + dy, x2 + dx, y2 + dy
        # end at the target box's top or bottom edge so the arrowhead shows
        y2 += -NODE_HEIGHT / 2 if y2 > y1 else NODE_HEIGHT / 2 if y2 < y1 else 0
        dash = f' stroke-dasharray="{DASHES[0]} {DASHES[1]}"' if look.dashed else ""
        out.append(
            f'<line x1="{x1:.0f}" y1="{y1:.0f}" x2="{x2:.0f}" y2="{y2:.0f}" stroke="{look.colour}" '
            f'stroke-width="1.2"{dash} marker-end="url(#arrow)"/>'
        )
        text = label or look.label
        if text:
            out.append(
                f'<text x="{(x1 + x2) / 2:.0f}" y="{(y1 + y2) / 2:.0f}" font-size="10" '
                f'fill="{look.colour}" text-anchor="middle">{escape(nfc(text))}</text>'
            )
    for node in picture.nodes:
        look = style(node)
        x, y = at[node.id]
        x, y = x + dx - NODE_WIDTH / 2, y + dy - NODE_HEIGHT / 2
        dash = f' stroke-dasharray="{DASHES[0]} {DASHES[1]}"' if look.dashed else ""
        radius = NODE_HEIGHT / 2 if look.shape == "ellipse" else 6
        out.append(
            f"<g><title>{escape(nfc(node.label))}</title>"
            f'<rect x="{x:.0f}" y="{y:.0f}" width="{NODE_WIDTH}" height="{NODE_HEIGHT}" rx="{radius:.0f}" '
            f'fill="{look.fill}" stroke="{look.border}" stroke-width="{look.border_width}"{dash}/>'
        )
        lines = _lines(look.text)
        top = y + NODE_HEIGHT / 2 - (len(lines) - 1) * LINE_HEIGHT / 2 + 4
        for i, line in enumerate(lines):
            out.append(
                f'<text x="{x + NODE_WIDTH / 2:.0f}" y="{top + i * LINE_HEIGHT:.0f}" text-anchor="middle" '
                f'fill="{look.font}" font-size="11">{escape(line)}</text>'
            )
        out.append("</g>")
    out.extend(_legend(graph_width))
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _legend(left: float) -> list[str]:
    x, y = left + 10, MARGIN + HEADER
    out = [f'<text x="{x:.0f}" y="{y - 10}" font-weight="bold">Legend</text>']
    rows = [(f'fill="{c}" stroke="#50606b"', LEGEND_LEVEL_NAMES[k]) for k, c in LEVEL_COLOURS.items()]
    rows += [(f'fill="#ffffff" stroke="{FLAG_COLOURS[f]}" stroke-width="3"', f"audit: {f}") for f in FLAGS]
    rows.append(
        ('fill="#ffffff" stroke="#50606b" stroke-dasharray="4 3"', "dashed: known only from citations")
    )
    rows.append(('fill="#e3e3e3" stroke="#50606b"', "grey: body ended; arrow to successor"))
    for i, (attrs, name) in enumerate(rows):
        top = y + i * 18
        out.append(f'<rect x="{x:.0f}" y="{top}" width="22" height="12" {attrs}/>')
        out.append(f'<text x="{x + 30:.0f}" y="{top + 10}">{escape(name)}</text>')
    return out


def write_svg(picture: Picture, out_path: Path) -> Path:
    try:
        out_path.write_text(render_svg(picture), encoding="utf-8", newline="\n")
    except OSError as err:
        raise PictureError(f"cannot write {out_path}: {err.strerror or err}") from err
    return out_path


def write_png(picture: Picture, out_path: Path) -> Path:
    """Rasterise the SVG in headless Chromium, scaled so no side exceeds
    ``MAX_PNG_SIDE`` pixels."""
    svg = render_svg(picture)
    head = svg.split(">", 1)[0]
    width = int(head.split('width="', 1)[1].split('"', 1)[0])
    height = int(head.split('height="', 1)[1].split('"', 1)[0])
    scale = min(1.0, MAX_PNG_SIDE / max(width, height))
    w, h = max(1, round(width * scale)), max(1, round(height * scale))
    svg = svg.replace(f'width="{width}" height="{height}"', f'width="{w}" height="{h}"', 1)
    page = (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(nfc(picture.title))}</title>'
        "<style>html,body{margin:0;padding:0;overflow:hidden}svg{display:block}</style>"
        f"</head><body>{svg}</body></html>"
    )
    with tempfile.TemporaryDirectory(prefix="cancu-png-", ignore_cleanup_errors=True) as tmp:
        page_path = Path(tmp) / "picture.html"
        page_path.write_text(page, encoding="utf-8")
        png = screenshot(page_path, (w, h))
    try:
        out_path.write_bytes(png)
    except OSError as err:
        raise PictureError(f"cannot write {out_path}: {err.strerror or err}") from err
    return out_path
