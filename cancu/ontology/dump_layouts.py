"""The published dumps' layouts and relationship labels, read from data files.

``data/dump_layouts.csv`` maps each dump's column names to the registry's
fields (and says which columns tell a file's layout); ``data/relationship_labels.csv``
says what each label of the th1nhng0 relationships table means. Both are data
with sources, so a new dump layout is a few rows, not code.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from cancu.errors import RegistryError
from cancu.ontology.datafiles import read_rows

#: the registry fields a layout may fill (``signature`` and ``id`` are about the file, not the row)
FIELDS = (
    "signature",
    "id",
    "number",
    "doc_type",
    "issuer",
    "title",
    "date_issued",
    "date_effective",
    "status",
    "status_date",
    "scope",
    "replaced_by",
    "amended_by",
    "reason_ended",
    "url",
    "doc_id",  # the relationships table: the document whose page lists the relation
    "other_doc_id",  # … the document it names
    "relationship",  # … and the label
)
REQUIRED = ("signature", "number", "status")
EDGES = ("replaced_by", "amended_by")


@cache
def layouts() -> dict[str, dict[str, tuple[str, ...]]]:
    """layout -> field -> the dump's column names (first present wins), in the file's order."""
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for r in read_rows("dump_layouts.csv"):
        if r["field"] not in FIELDS:
            raise RegistryError(
                f"dump_layouts.csv:{r['_line']}: field '{r['field']}' is not one of {', '.join(FIELDS)}"
            )
        columns = tuple(c.strip() for c in r["columns"].split("|") if c.strip())
        if not columns:
            raise RegistryError(f"dump_layouts.csv:{r['_line']}: no column named")
        out.setdefault(r["layout"], {})[r["field"]] = columns
    for name, cols in out.items():
        missing = [f for f in REQUIRED if f not in cols]
        if missing:
            raise RegistryError(f"dump_layouts.csv: layout '{name}' has no {', '.join(missing)}")
    return out


def detect(columns: Iterable[str]) -> str | None:
    """The first layout whose signature columns are all among ``columns``; None if none."""
    keys = set(columns)
    for name, cols in layouts().items():
        if set(cols["signature"]) <= keys:
            return name
    return None


@dataclass(frozen=True)
class RelationLabel:
    edge: str  # replaced_by | amended_by
    whose: str  # doc: doc_id is replaced/amended by other_doc_id; other: the reverse
    source: str


@cache
def relationship_labels() -> dict[str, RelationLabel]:
    """Folded label -> what it means (``status_import.phrase_key`` folding)."""
    from cancu.ontology.status_import import phrase_key

    out = {}
    for r in read_rows("relationship_labels.csv"):
        if r["edge"] not in EDGES or r["whose"] not in ("doc", "other"):
            raise RegistryError(
                f"relationship_labels.csv:{r['_line']}: edge or whose is not one of the known values"
            )
        out[phrase_key(r["label"])] = RelationLabel(r["edge"], r["whose"], r["source"])
    return out
