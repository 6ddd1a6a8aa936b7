"""Where each node goes and how it looks, decided once for every renderer.

Positions are computed here, not by vis-network's physics: physics on a
thousand nodes freezes a browser tab, and a layout that changes on every
reload cannot be compared or screenshotted. Rows follow the level (national
at the top, tasks at the bottom); within a row, nodes sit under the mean
position of their parents (one top-down barycentre sweep), ties in input
order, so the same picture always lands the same way. Wide rows wrap, at the
width that lets the whole picture open largest in a 1400×900 window: a picture
of 32 nodes used to open as one long row at scale 0.19 with unreadable labels.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from cancu.viz.picture import LEVEL_ROWS, Picture, PictureNode

X_STEP = 210
LEVEL_GAP = 44  # between the tallest box of a level and the next level
WRAP_GAP = 10  # between the wrapped lines of one level
MAX_PER_ROW = 24
MIN_PER_ROW = 4
#: The drawing area of the page in a 1400×900 window (the side panel and header take the rest).
VIEW = (1040, 830)
NODE_WIDTH = 190
NODE_HEIGHT = 56
FONT_PX = 14  # label size on the canvas at scale 1
LINE_PX = FONT_PX  # vis-network's line height for a label
CHARS_PER_LINE = int(
    (NODE_WIDTH - 10 - 16) / (0.71 * FONT_PX)
)  # measured: ~0.71 em per character, word-wrapped

#: Fill colour by level: related hues for the administrative tiers, warm ones
#: for what plans contain. Borders are left free for the audit flag.
LEVEL_COLOURS: dict[str, str] = {
    "national": "#c9b3e6",
    "ministry": "#aab4e8",
    "province": "#9dcbf2",
    "department": "#96dde6",
    "district": "#9fd6cf",
    "commune": "#cfe6b0",
    "unit": "#f2dc8f",
    "target": "#f7c6b2",
    "task": "#f4f4f4",
    "metric": "#ddd0c8",
}
FLAG_COLOURS: dict[str, str] = {
    "red": "#c62828",
    "yellow": "#e6a700",
    "green": "#2e7d32",
    "grey": "#8a8a8a",
}
PLAIN_BORDER = "#50606b"
ENDED_FILL = "#e3e3e3"
ENDED_FONT = "#555555"
FONT = "#1a1a1a"
DASHES = (6, 4)
VALUE_MARKS = {
    "stricter": "▲ stricter than parent",
    "equal": "= same as parent",
    "weaker": "▼ weaker than parent",
    "missing": "∅ no parent value",
}
LEGEND_LEVEL_NAMES = {
    "national": "national (Quốc hội, Chính phủ)",
    "ministry": "ministry (Bộ)",
    "province": "province (UBND tỉnh)",
    "department": "department (Sở, Ban)",
    "district": "district (huyện, ended 2025-07-01)",
    "commune": "commune (xã, phường)",
    "unit": "unit inside an agency",
    "target": "target (chỉ tiêu)",
    "task": "task (nhiệm vụ)",
    "metric": "metric",
}


@dataclass(frozen=True)
class Style:
    """How one node is drawn, in renderer-neutral terms."""

    fill: str
    border: str
    border_width: int
    dashed: bool
    font: str
    shape: str  # "box" or "ellipse" (summaries)
    text: str  # the label with its markers, lines separated by "\n"


def positions(picture: Picture) -> dict[str, tuple[int, int]]:
    """Deterministic (x, y) per node id, y growing downwards."""
    rows: dict[int, list[PictureNode]] = defaultdict(list)
    for node in picture.nodes:
        rows[LEVEL_ROWS[node.level]].append(node)
    order = {n.id: i for i, n in enumerate(picture.nodes)}
    row_of = {n.id: LEVEL_ROWS[n.level] for n in picture.nodes}
    above: dict[str, list[str]] = defaultdict(list)
    for edge in picture.edges:
        for a, b in ((edge.source, edge.target), (edge.target, edge.source)):
            if a in row_of and b in row_of and row_of[a] < row_of[b]:
                above[b].append(a)
    heights = {n.id: box_height(n) for n in picture.nodes}
    per_row = row_width([[heights[n.id] for n in rows[r]] for r in sorted(rows)])
    placed: dict[str, tuple[int, int]] = {}
    y = 0
    for row in sorted(rows):
        members = rows[row]

        def anchor(node: PictureNode) -> float:
            xs = [placed[p][0] for p in above[node.id] if p in placed]
            return sum(xs) / len(xs) if xs else float("inf")

        members = sorted(members, key=lambda n: (anchor(n), order[n.id]))
        chunks = [members[i : i + per_row] for i in range(0, len(members), per_row)]
        for chunk in chunks:
            tall = max(heights[n.id] for n in chunk)
            offset = (len(chunk) - 1) * X_STEP / 2
            for i, node in enumerate(chunk):
                placed[node.id] = (round(i * X_STEP - offset), round(y + tall / 2))
            y += tall + WRAP_GAP
        y += LEVEL_GAP - WRAP_GAP
    return placed


def box_height(node: PictureNode) -> int:
    """The height vis-network gives a node's box: its label wrapped at the box width."""
    lines = sum(max(1, -(-len(line) // CHARS_PER_LINE)) for line in style(node).text.split("\n"))
    return max(NODE_HEIGHT, 2 * 8 + (lines + 1) * LINE_PX)  # +1: word wrap leaves lines short


def _extent(rows: list[list[int]], per_row: int) -> tuple[int, int]:
    """Width and height of the layout when rows (their nodes' heights) wrap after ``per_row``."""
    width = max(min(len(r), per_row) for r in rows) * X_STEP - X_STEP + NODE_WIDTH
    height = sum(max(r[i : i + per_row]) + WRAP_GAP for r in rows for i in range(0, len(r), per_row))
    return width, height + (len(rows) - 1) * (LEVEL_GAP - WRAP_GAP) - WRAP_GAP


def row_width(rows: list[list[int]]) -> int:
    """Nodes per line: the wrap at which the picture is drawn largest when fitted to ``VIEW``
    (the narrowest such wrap on a tie), between ``MIN_PER_ROW`` and ``MAX_PER_ROW``."""
    if not rows:
        return MAX_PER_ROW

    def scale(per_row: int) -> float:
        w, h = _extent(rows, per_row)
        return min(VIEW[0] / w, VIEW[1] / h)

    return max(range(MIN_PER_ROW, MAX_PER_ROW + 1), key=lambda k: (round(scale(k), 3), -k))


def style(node: PictureNode) -> Style:
    lines = [node.label]
    if node.value_vs_parent:
        lines.append(VALUE_MARKS[node.value_vs_parent])
    if node.ended:
        lines.append(f"ended {node.ended}")
    return Style(
        fill=ENDED_FILL if node.ended else LEVEL_COLOURS[node.level],
        border=FLAG_COLOURS[node.flag] if node.flag else PLAIN_BORDER,
        border_width=4 if node.flag else 1,
        dashed=node.dashed,
        font=ENDED_FONT if node.ended else FONT,
        shape="ellipse" if node.kind == "summary" else "box",
        text="\n".join(lines),
    )


def successor_edges(picture: Picture) -> list[tuple[str, str]]:
    """Links from ended bodies to successors shown in the picture that no edge
    already joins, so a merger is always visible as an arrow."""
    ids = {n.id for n in picture.nodes}
    joined = {(e.source, e.target) for e in picture.edges}
    return [
        (n.id, s)
        for n in picture.nodes
        for s in n.successors
        if s in ids and s != n.id and (n.id, s) not in joined
    ]


@dataclass(frozen=True)
class EdgeStyle:
    colour: str
    dashed: bool
    label: str


#: Edge kinds drawn apart from the plain arrow: changes of bodies and texts
#: are dashed and warm, collapsed links dotted grey.
EDGE_STYLES: dict[str, EdgeStyle] = {
    "SUCCEEDED_BY": EdgeStyle("#d4700a", True, "succeeded by"),
    "REPLACED_BY": EdgeStyle("#c62828", True, "replaced by"),
    "AMENDED_BY": EdgeStyle("#e6a700", True, "amended by"),
    "summary": EdgeStyle("#9aa5ad", True, ""),
}
PLAIN_EDGE = EdgeStyle("#7d8a94", False, "")


def edge_style(kind: str) -> EdgeStyle:
    return EDGE_STYLES.get(kind, PLAIN_EDGE)
