"""Read the versioned CSV data files shipped under ``cancu/ontology/data/``.

One reader for every table, so that every row keeps its line number (for
error messages and provenance) and comment lines (``#``) document the file.
"""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources

from cancu.errors import RegistryError


@cache
def read_rows(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``data/<name>`` as dicts; each has ``_line`` (its 1-based line)."""
    try:
        text = resources.files("cancu.ontology").joinpath("data", name).read_text(encoding="utf-8")
    except FileNotFoundError as err:
        raise RegistryError(f"{name}: shipped data file is missing") from err
    return tuple(parse_rows(text, name))


def parse_rows(text: str, name: str) -> list[dict[str, str]]:
    lines = [
        (i, line) for i, line in enumerate(text.splitlines(), 1) if line.strip() and not line.startswith("#")
    ]
    if not lines:
        return []
    reader = csv.reader(io.StringIO("\n".join(line for _, line in lines)))
    rows = list(reader)
    header = [h.strip() for h in rows[0]]
    out = []
    for (lineno, _), values in zip(lines[1:], rows[1:], strict=False):
        if len(values) != len(header):
            raise RegistryError(f"{name}:{lineno}: expected {len(header)} fields, found {len(values)}")
        row = {h: v.strip() for h, v in zip(header, values, strict=True)}
        row["_line"] = str(lineno)
        out.append(row)
    return out
