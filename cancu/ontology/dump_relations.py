"""Successors and amendments from a dump's relationships table (th1nhng0's ~1M rows).

The relationships table names documents by the dump's own ``id``; the metadata
table says which number each id is. Import reads the metadata's ids first (one
pass over two columns), then the relationships (one pass), and hands each
metadata row its successors and amenders by id while the rows are mapped. What
each label means is ``data/relationship_labels.csv``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cancu.errors import InputError
from cancu.ontology.dump_layouts import layouts, relationship_labels

#: statuses whose row may name a successor (a document in force has none, whatever a relation says)
ENDED = ("expired", "replaced")


@dataclass
class Relations:
    replaced: dict[str, list[str]] = field(default_factory=dict)  # dump id -> successor numbers
    amended: dict[str, list[str]] = field(default_factory=dict)  # dump id -> amending numbers
    read: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)
    id_columns: tuple[str, ...] = ()

    def note(self, reason: str, where: str) -> None:
        self.counts[reason] += 1
        self.examples.setdefault(reason, where)

    def merge(
        self,
        raw: dict[str, Any],
        cols: dict[str, tuple[str, ...]],
        replaced_by: tuple[str, ...],
        amended_by: tuple[str, ...],
        status: str,
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """A metadata row's successors and amenders: its own columns, then the relationships of its id."""
        rid = _id(next((raw[c] for c in self.id_columns if raw.get(c) not in (None, "")), None))
        succ = self.replaced.get(rid, []) if rid else []
        if succ and status not in ENDED:
            self.counts["successor named for a document the dump says is not ended (not used)"] += 1
            succ = []
        amend = self.amended.get(rid, []) if rid else []
        return tuple(dict.fromkeys((*replaced_by, *succ))), tuple(dict.fromkeys((*amended_by, *amend)))


def _id(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip() or None


def load_relations(
    metadata: Path, relationships: Path, layout: str, progress: Callable[[int], None] | None = None
) -> Relations:
    """Read the metadata's id -> number, then the relationships table, into a ``Relations``."""
    from cancu.ontology.status_import import clean_number, iter_export, phrase_key

    cols = layouts()[layout]
    for need in ("id", "doc_id", "other_doc_id", "relationship"):
        if need not in cols:
            raise InputError(
                f"layout '{layout}' has no relationships table (no '{need}' column in dump_layouts.csv)"
            )
    out = Relations(id_columns=cols["id"])
    numbers: dict[str, str] = {}
    wanted = [*cols["id"], *cols["number"]]
    for _, raw in iter_export(metadata, progress, columns=wanted):
        rid = _id(next((raw[c] for c in cols["id"] if raw.get(c) not in (None, "")), None))
        number = clean_number(next((raw[c] for c in cols["number"] if raw.get(c) not in (None, "")), ""))
        if rid and number:
            numbers[rid] = number
    if not numbers:
        raise InputError(
            f"{metadata}: no row has an id ({', '.join(cols['id'])}): cannot join {relationships.name}"
        )
    labels = relationship_labels()
    phrase_memo: dict[str, Any] = {}
    for line, raw in iter_export(relationships, progress):
        out.read += 1
        where = f"{relationships.name}:{line}"
        if "__bad__" in raw:
            out.note(f"malformed relationship row ({raw['__bad__']})", where)
            continue
        doc = _id(next((raw[c] for c in cols["doc_id"] if raw.get(c) not in (None, "")), None))
        other = _id(next((raw[c] for c in cols["other_doc_id"] if raw.get(c) not in (None, "")), None))
        label = str(next((raw[c] for c in cols["relationship"] if raw.get(c) not in (None, "")), "") or "")
        if not doc or not other or not label:
            out.note("relationship row without doc_id, other_doc_id or label", where)
            continue
        meaning = phrase_memo.get(label)
        if meaning is None:
            meaning = phrase_memo[label] = labels.get(phrase_key(label), False)
        if meaning is False:
            out.counts["other relationship (not about status)"] += 1
            continue
        if doc not in numbers or other not in numbers:
            out.note("relationship names an id not in the metadata", where)
            continue
        subject, by = (doc, other) if meaning.whose == "doc" else (other, doc)
        table = out.replaced if meaning.edge == "replaced_by" else out.amended
        table.setdefault(subject, []).append(numbers[by])
        out.counts["successor" if meaning.edge == "replaced_by" else "amendment"] += 1
    return out
