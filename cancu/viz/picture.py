"""A neutral description of one picture: what to draw, not how.

Query adapters fill a ``Picture``; the renderers (``html``, ``static``) draw
it. Keeping this layer free of vis-network and SVG details lets one picture
be written as an interactive page or as a static figure with the same layout.
Every string here may come from an untrusted document; renderers escape it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from cancu.errors import CancuError
from cancu.ontology.vocab import Flag, Level

#: Levels top-down; rows of the layout follow this order (department and
#: district share a row, as they share a rank in ``vocab.LEVEL_RANK``).
LEVEL_ROWS: dict[str, int] = {
    Level.NATIONAL.value: 0,
    Level.MINISTRY.value: 1,
    Level.PROVINCE.value: 2,
    Level.DEPARTMENT.value: 3,
    Level.DISTRICT.value: 3,
    Level.COMMUNE.value: 4,
    Level.UNIT.value: 5,
    "target": 6,
    "task": 6,
    "metric": 7,
}
LEVELS: tuple[str, ...] = tuple(LEVEL_ROWS)
FLAGS: tuple[str, ...] = tuple(f.value for f in Flag)
VALUE_VS_PARENT: tuple[str, ...] = ("stricter", "equal", "weaker", "missing")


class PictureError(CancuError):
    """A picture cannot be built or written (bad level, dangling edge, unwritable path)."""


def nfc(text: str) -> str:
    """NFC form: OCR and Word files mix composed and decomposed Vietnamese;
    one form makes search, option lists and byte-exact output agree."""
    return unicodedata.normalize("NFC", text)


@dataclass
class Evidence:
    """Where a fact was read: file, [start, end) span, and the quoted text."""

    file: str
    span: tuple[int, int] | None = None
    quote: str = ""


@dataclass
class PictureNode:
    id: str
    label: str
    level: str
    kind: str = ""
    facts: dict[str, str] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
    flag: str | None = None
    dashed: bool = False
    ended: str | None = None
    successors: list[str] = field(default_factory=list)
    group: str | None = None
    jurisdiction: str | None = None
    area: str | None = None
    value_vs_parent: str | None = None

    def __post_init__(self) -> None:
        if self.level not in LEVEL_ROWS:
            raise PictureError(
                f"node {self.id!r}: unknown level {self.level!r} (use one of {', '.join(LEVELS)})"
            )
        if self.flag is not None and self.flag not in FLAGS:
            raise PictureError(f"node {self.id!r}: unknown flag {self.flag!r}")
        if self.value_vs_parent is not None and self.value_vs_parent not in VALUE_VS_PARENT:
            raise PictureError(f"node {self.id!r}: unknown value_vs_parent {self.value_vs_parent!r}")
        self.evidence = [e if isinstance(e, Evidence) else _evidence(e) for e in self.evidence]


def _evidence(item: object) -> Evidence:
    if not isinstance(item, dict):
        raise PictureError(f"evidence must be a dict with file, span, quote; got {type(item).__name__}")
    span = item.get("span")
    return Evidence(
        file=str(item.get("file") or ""),
        span=(int(span[0]), int(span[1])) if span else None,
        quote=str(item.get("quote") or ""),
    )


@dataclass
class PictureEdge:
    source: str
    target: str
    kind: str = ""
    label: str = ""


@dataclass
class Picture:
    title: str
    nodes: list[PictureNode] = field(default_factory=list)
    edges: list[PictureEdge] = field(default_factory=list)

    def validate(self) -> None:
        """Ids unique and every edge between known nodes: a dangling edge would
        make vis-network draw nothing and say nothing."""
        seen: set[str] = set()
        for node in self.nodes:
            if node.id in seen:
                raise PictureError(f"duplicate node id {node.id!r}")
            seen.add(node.id)
        for edge in self.edges:
            for end in (edge.source, edge.target):
                if end not in seen:
                    raise PictureError(f"edge {edge.source!r} -> {edge.target!r}: no node {end!r}")
