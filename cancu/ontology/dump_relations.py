"""Successors and amendments from a dump's relationships table (th1nhng0's ~1M rows).

The relationships table names documents by the dump's own ``id``; the metadata
table says which number each id is. Import reads the metadata's ids first (one
pass over two columns), then the relationships (one pass), and hands each
metadata row its successors and amenders by id while the rows are mapped. What
each label means is ``data/relationship_labels.csv``.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable, Iterator
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
    if type(value) is str:
        return value.strip() or None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip() or None


def _columns(
    path: Path, names: list[tuple[str, ...]], progress: Callable[[int], None] | None
) -> Iterator[tuple[int, list[Any] | None]]:
    """(line, [value of each wanted field]) of a table, streamed; each field is the first present of its
    column names. A CSV is read as tuples (no dict per row: a million relationship rows); other formats
    through ``iter_export``. None for a malformed row."""
    from cancu.ontology.status_import import iter_export

    flat = [c for group in names for c in group]
    if path.suffix.lower() in (".csv", ".tsv"):
        yield from _csv_columns(path, names, progress)
        return
    for line, raw in iter_export(path, progress, columns=flat):
        if "__bad__" in raw:
            yield line, None
            continue
        yield line, [next((raw[c] for c in group if raw.get(c) not in (None, "")), None) for group in names]


def _csv_columns(
    path: Path, names: list[tuple[str, ...]], progress: Callable[[int], None] | None
) -> Iterator[tuple[int, list[Any] | None]]:
    from cancu.ontology.status_import import _byte_lines

    reader = csv.reader(
        (ln for ln in _byte_lines(path, progress) if not ln.startswith("#")),
        delimiter="\t" if path.suffix.lower() == ".tsv" else ",",
    )
    header = [h.strip() for h in next(reader, [])]
    where = {h: i for i, h in enumerate(header)}
    picks = [[where[c] for c in group if c in where] for group in names]
    width = len(header)
    single = [g[0] if len(g) == 1 else None for g in picks]
    if all(i is not None for i in single):  # one column per field (the published layouts): plain indexing
        for values in reader:
            if len(values) != width:
                if any(v.strip() for v in values):
                    yield reader.line_num, None
                continue
            yield reader.line_num, [values[i] or None for i in single]  # type: ignore[index]
        return
    for values in reader:
        if len(values) != width:
            if any(v.strip() for v in values):
                yield reader.line_num, None
            continue
        yield reader.line_num, [next((values[i] for i in group if values[i]), None) for group in picks]


def load_relations(
    metadata: Path, relationships: Path, layout: str, progress: Callable[[int], None] | None = None
) -> Relations:
    """Read the metadata's id -> number, then the relationships table, into a ``Relations``."""
    from cancu.ontology.status_import import clean_number, phrase_key

    cols = layouts()[layout]
    for need in ("id", "doc_id", "other_doc_id", "relationship"):
        if need not in cols:
            raise InputError(
                f"layout '{layout}' has no relationships table (no '{need}' column in dump_layouts.csv)"
            )
    out = Relations(id_columns=cols["id"])
    numbers: dict[str, str] = {}
    for _, values in _columns(metadata, [cols["id"], cols["number"]], progress):
        if values is None:
            continue
        rid, number = _id(values[0]), clean_number(values[1] or "")
        if rid and number:
            numbers[rid] = number
    if not numbers:
        raise InputError(
            f"{metadata}: no row has an id ({', '.join(cols['id'])}): cannot join {relationships.name}"
        )
    labels = relationship_labels()
    meaning_of: dict[str, Any] = {}
    name = relationships.name
    replaced, amended, counts = out.replaced, out.amended, out.counts
    for line, values in _columns(
        relationships, [cols["doc_id"], cols["other_doc_id"], cols["relationship"]], progress
    ):
        out.read += 1
        if values is None:
            out.note("malformed relationship row (wrong field count or not an object)", f"{name}:{line}")
            continue
        doc, other, label = values
        if not doc or not other or not label:
            out.note("relationship row without doc_id, other_doc_id or label", f"{name}:{line}")
            continue
        meaning = meaning_of.get(label)
        if meaning is None:
            meaning = meaning_of[label] = labels.get(phrase_key(str(label)), False)
        if meaning is False:
            counts["other relationship (not about status)"] += 1
            continue
        doc, other = _id(doc), _id(other)
        by_number = numbers.get(other if meaning.whose == "doc" else doc)
        subject = doc if meaning.whose == "doc" else other
        if by_number is None or subject not in numbers:
            out.note("relationship names an id not in the metadata", f"{name}:{line}")
            continue
        if meaning.edge == "replaced_by":
            replaced.setdefault(subject, []).append(by_number)
            counts["successor"] += 1
        else:
            amended.setdefault(subject, []).append(by_number)
            counts["amendment"] += 1
    return out
