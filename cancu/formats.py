"""Output formats of the command line: terminal tables, JSON, NDJSON, CSV and TSV.

Presentation only (part of the CLI layer): every command hands rows of plain
values here, so all commands print alike. Tables are for people (wrapped to
the terminal, never cut); the machine formats carry the values exactly, with
no display padding. CSV and TSV are opened by staff in spreadsheets, so cells a
spreadsheet would run as a formula are neutralised as OWASP recommends
(https://owasp.org/www-community/attacks/CSV_Injection) unless ``raw``.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import textwrap
import unicodedata
from collections.abc import Sequence
from typing import Any

FORMATS = ("table", "json", "ndjson", "csv", "tsv")
MACHINE_FORMATS = ("json", "ndjson", "csv", "tsv")

# OWASP: a cell beginning with one of these is a formula to Excel, LibreOffice or Google Sheets.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")
_GAP = "  "
LONGEST_UNBROKEN = 40  # a word longer than this (a raw URL) may wrap inside itself


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal (combining marks 0, wide characters 2)."""
    return sum(
        0 if unicodedata.combining(c) else (2 if unicodedata.east_asian_width(c) in "WF" else 1) for c in text
    )


def one_line(text: str) -> str:
    """``text`` on one line: control characters (a newline in a file name) written as escapes,
    so one error is one line and cannot fake a second ``cancu: …`` line."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def neutralise(value: str) -> str:
    """A cell a spreadsheet shows as text: formula-starting cells get a leading apostrophe."""
    return "'" + value if value.startswith(FORMULA_START) else value


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value if v is not None)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return str(value)


def _cell(value: Any) -> str:
    text = _text(value)
    return " ".join(text.split()) or "—"


def terminal_width(default: int = 100) -> int:
    """The terminal's columns ($COLUMNS first, as shells and click do)."""
    return max(40, shutil.get_terminal_size((default, 24)).columns)


def _wrap(text: str, cols: int) -> list[str]:
    if width(text) <= cols:
        return [text]
    # break_long_words splits an over-long token across lines: nothing is lost, only wrapped
    return textwrap.wrap(text, cols, break_long_words=True, break_on_hyphens=False) or [""]


def _fit(natural: list[int], floors: list[int], room: int) -> list[int]:
    """Column widths within ``room``: the widest column gives way first, never below its floor."""
    widths = list(natural)
    while sum(widths) > room:
        i = max(range(len(widths)), key=lambda j: (widths[j] - floors[j], widths[j]))
        if widths[i] <= floors[i]:
            break
        widths[i] -= 1
    return widths


def table(
    rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None, *, cols: int | None = None
) -> str:
    """A text table that fits ``cols`` terminal columns (default: the terminal's).

    Long cells wrap onto more lines inside their column, never cut. A column never
    narrows below its header or its longest word (up to
    ``LONGEST_UNBROKEN``), so a number or a verdict is never split; a very narrow
    terminal gets a wider table rather than one character per line."""
    if not rows:
        return "(none)"
    columns = list(columns or rows[0].keys())
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    natural = [max(width(c), *(width(row[i]) for row in cells)) for i, c in enumerate(columns)]
    longest_word = [
        max(width(w) for row in cells for w in row[i].split() or [""]) for i in range(len(columns))
    ]
    floors = [
        min(n, max(width(c), min(w, LONGEST_UNBROKEN)))
        for n, c, w in zip(natural, columns, longest_word, strict=True)
    ]
    room = (cols or terminal_width()) - len(_GAP) * (len(columns) - 1)
    widths = _fit(natural, floors, room)

    def lines(values: list[str]) -> list[str]:
        parts = [_wrap(v, w) for v, w in zip(values, widths, strict=True)]
        height = max(len(p) for p in parts)
        out = []
        for k in range(height):
            segs = [p[k] if k < len(p) else "" for p in parts]
            out.append(
                _GAP.join(s + " " * (w - width(s)) for s, w in zip(segs, widths, strict=True)).rstrip()
            )
        return out

    out = lines(columns) + [_GAP.join("-" * w for w in widths)]
    for row in cells:
        out.extend(lines(row))
    return "\n".join(out)


def to_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)


def to_ndjson(rows: Sequence[dict[str, Any]]) -> str:
    """One JSON object per line (jq, DuckDB, pandas ``lines=True``)."""
    return "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in rows)


def to_csv(
    rows: Sequence[dict[str, Any]],
    columns: Sequence[str] | None = None,
    *,
    delimiter: str = ",",
    raw: bool = False,
) -> str:
    """CSV (or TSV with ``delimiter="\\t"``) with a header row; lists joined by ``; ``.

    Cells that would start a spreadsheet formula are neutralised unless ``raw``."""
    if not rows:
        return ""
    columns = list(columns or rows[0].keys())
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\n")
    # the csv module leaves a lone CR unquoted when the line ends in LF: such rows are quoted whole
    quoted = csv.writer(buf, delimiter=delimiter, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(columns)
    for r in rows:
        values = [_text(r.get(c)) for c in columns]
        (quoted if any("\r" in v for v in values) else writer).writerow(
            values if raw else [neutralise(v) for v in values]
        )
    return buf.getvalue()


def render(rows: Sequence[dict[str, Any]], fmt: str, columns: Sequence[str] | None = None) -> str:
    """Rows in one of ``FORMATS`` (JSON: a list of objects), ending with a newline."""
    if fmt == "json":
        return to_json(list(rows)) + "\n"
    if fmt == "ndjson":
        return to_ndjson(rows)
    if fmt in ("csv", "tsv"):
        return to_csv(rows, columns, delimiter="," if fmt == "csv" else "\t")
    return table(rows, columns) + "\n"


# ---------------------------------------------------------------- names for people
def display_name(g: Any, key: str) -> str:
    """What a person reads for a node key: a document's number (or "unnumbered KH of
    UBND tỉnh X, 2021"), an agency's or metric's name, "task 3 of 367/KH-UBND"."""
    d = g.nodes[key]
    kind = d.get("kind")
    if kind in ("Document", "Plan"):
        if d.get("number"):
            return str(d["number"])
        when = d.get("date") or d.get("year") or "undated"
        return f"unnumbered {d.get('doc_type') or 'document'} of {d.get('issuer_name') or 'unknown issuer'}, {when}"
    if kind in ("Task", "Target"):
        plan, _, ordinal = key.partition("#")
        owner = d.get("plan") or ("doc:" + plan.split(":", 1)[-1])
        owner_name = display_name(g, owner) if owner in g else owner
        return f"{kind.lower()} {ordinal} of {owner_name}" if ordinal else owner_name
    return str(d.get("name") or d.get("label") or key)


def area_label(code: str) -> str | None:
    from cancu.ontology.vocab import AREA_LABELS

    names = AREA_LABELS.get(code)
    return names[0] if names else None


def for_people(rows: Sequence[dict[str, Any]], g: Any) -> list[dict[str, Any]]:
    """Rows with node keys and area codes replaced by names (indentation kept)."""

    def name(value: Any) -> Any:
        if not isinstance(value, str):
            return value
        text = value.lstrip(" ")
        pad = value[: len(value) - len(text)]
        if ":" in text and text in g:
            return pad + display_name(g, text)
        label = area_label(text)
        return pad + label if label else value

    return [{k: name(v) for k, v in r.items()} for r in rows]


def machine_rows(result: Any) -> list[dict[str, Any]]:
    """A query result's rows for CSV/TSV/NDJSON: every row complete, no indentation.

    The table rows of ``trace`` indent plans by depth and blank the repeated plan
    columns of a plan's second target; a program reading CSV needs neither."""
    nodes = getattr(result, "nodes", None)
    if nodes is not None and hasattr(result, "metric"):  # a TraceResult
        out = []
        for n in nodes:
            base = {
                "depth": n.depth,
                "plan": n.number or n.key,
                "level": n.level,
                "issuer": n.issuer,
                "date": n.date,
                "loaded": bool(n.loaded),
                "responsible": n.responsible,
                "id": n.key,
            }
            for t in n.targets or [None]:
                out.append(
                    {
                        **base,
                        "metric": t and t.metric,
                        "value": t and t.value,
                        "unit": t and t.unit,
                        "comparator": t and t.comparator,
                        "parent": t and t.parent_value,
                        "relation": t and t.relation,
                    }
                )
        return out
    return [{k: v.strip() if isinstance(v, str) else v for k, v in r.items()} for r in result.rows()]
