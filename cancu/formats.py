"""Output formats of the command line: plain-text tables, JSON and CSV.

Presentation only (part of the CLI layer): every command hands rows of plain
values here, so all commands print alike.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any


def _width(text: str) -> int:
    return sum(0 if unicodedata.combining(c) else (2 if unicodedata.east_asian_width(c) in "WF" else 1) for c in text)


def _cell(value: Any, limit: int) -> str:
    if value is None:
        text = "—"
    elif isinstance(value, (list, tuple)):
        text = "; ".join(str(v) for v in value if v is not None) or "—"
    else:
        text = str(value)
    text = " ".join(text.split())
    if _width(text) > limit:
        text = text[: max(1, limit - 1)] + "…"
    return text


def table(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None, *, limit: int = 60) -> str:
    """A fixed-width text table; long cells are cut with an ellipsis."""
    if not rows:
        return "(none)"
    columns = list(columns or rows[0].keys())
    cells = [[_cell(r.get(c), limit) for c in columns] for r in rows]
    widths = [max(_width(c), *(_width(row[i]) for row in cells)) for i, c in enumerate(columns)]

    def line(values: Iterable[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=True)).rstrip()

    out = [line(columns), line("-" * w for w in widths)]
    out.extend(line(row) for row in cells)
    return "\n".join(out)


def to_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)


def to_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> str:
    if not rows:
        return ""
    columns = list(columns or rows[0].keys())
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for r in rows:
        writer.writerow(["; ".join(map(str, v)) if isinstance(v, (list, tuple)) else ("" if v is None else v) for v in (r.get(c) for c in columns)])
    return buf.getvalue()
