"""The curated registries, loaded from ``data/`` (and users' own CSV rows).

- ``document_status.csv``: legal status of cited documents (status, since
  when, successors, amendments, confidence, source);
- ``provinces.csv``: the 63 provinces and what became of each on 2025-07-01;
- ``successions.csv``: districts that ended and the communes that took over;
  department kinds renamed or merged on 2025-03-01.

Users add rows with ``--registry FILE``: a CSV with the header of one of these
files; every row is validated and a bad one stops the load with
``file:line: reason`` before anything is stored.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from cancu.errors import RegistryError
from cancu.ontology.datafiles import parse_rows, read_rows
from cancu.ontology.ids import ascii_fold
from cancu.ontology.vocab import Status

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
CONFIDENCE = {"high", "medium", "low", "unverified"}
STATUS_FIELDS = ("number", "year", "status", "confidence", "source")
SUCCESSION_FIELDS = ("kind", "old", "new", "date", "source")


@dataclass(frozen=True)
class StatusRow:
    number: str
    year: int | None
    doc_type: str | None
    issuer: str | None
    title: str | None
    date_issued: str | None
    status: str
    status_date: str | None
    replaced_by: tuple[str, ...]
    amended_by: tuple[str, ...]
    period_end: str | None
    confidence: str
    source: str
    note: str | None
    registry: str
    row: int


@dataclass(frozen=True)
class Succession:
    kind: str  # jurisdiction | department
    old: str
    new: str
    date: str
    basis: str | None
    confidence: str
    source: str
    registry: str
    row: int


@dataclass
class Registry:
    statuses: list[StatusRow] = field(default_factory=list)
    successions: list[Succession] = field(default_factory=list)
    provinces: list[dict[str, str]] = field(default_factory=list)

    def status_of(self, number: str, year: int | None = None) -> StatusRow | None:
        """The row for (number, year); a user's row wins over a shipped one."""
        key = _number_key(number)
        hits = [r for r in self.statuses if _number_key(r.number) == key and (year is None or r.year in (None, year))]
        if year is not None:
            exact = [r for r in hits if r.year == year]
            hits = exact or hits
        if not hits:
            return None
        user = [r for r in hits if r.registry != "document_status.csv"]
        return (user or hits)[-1]


def _number_key(number: str) -> str:
    return re.sub(r"[\s\-]", "", ascii_fold(number)).upper()


def _opt(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def _status_row(r: dict[str, str], name: str) -> StatusRow:
    line = int(r["_line"])
    for f in STATUS_FIELDS:
        if f not in r:
            raise RegistryError(f"{name}:{line}: missing column '{f}'")
    if not r["number"].strip():
        raise RegistryError(f"{name}:{line}: empty document number")
    if r["status"] not in {s.value for s in Status}:
        raise RegistryError(f"{name}:{line}: status '{r['status']}' is not one of {', '.join(s.value for s in Status)}")
    if r["confidence"] not in CONFIDENCE:
        raise RegistryError(f"{name}:{line}: confidence '{r['confidence']}' is not one of {', '.join(sorted(CONFIDENCE))}")
    for f in ("status_date", "date_issued", "period_end"):
        if r.get(f) and not ISO_DATE.fullmatch(r[f]):
            raise RegistryError(f"{name}:{line}: {f} '{r[f]}' is not an ISO date (YYYY-MM-DD)")
    if r["year"] and not r["year"].isdigit():
        raise RegistryError(f"{name}:{line}: year '{r['year']}' is not a year")
    return StatusRow(
        number=r["number"].strip(), year=int(r["year"]) if r["year"] else None, doc_type=_opt(r.get("doc_type")),
        issuer=_opt(r.get("issuer")), title=_opt(r.get("title")), date_issued=_opt(r.get("date_issued")),
        status=r["status"], status_date=_opt(r.get("status_date")),
        replaced_by=tuple(x for x in (r.get("replaced_by") or "").split("|") if x),
        amended_by=tuple(x for x in (r.get("amended_by") or "").split("|") if x),
        period_end=_opt(r.get("period_end")), confidence=r["confidence"], source=r["source"],
        note=_opt(r.get("note")), registry=name, row=line,
    )


def _succession(r: dict[str, str], name: str) -> Succession:
    line = int(r["_line"])
    if r["kind"] not in ("jurisdiction", "department"):
        raise RegistryError(f"{name}:{line}: kind '{r['kind']}' is not jurisdiction or department")
    if not ISO_DATE.fullmatch(r["date"]):
        raise RegistryError(f"{name}:{line}: date '{r['date']}' is not an ISO date (YYYY-MM-DD)")
    return Succession(r["kind"], r["old"], r["new"], r["date"], _opt(r.get("basis")),
                      r.get("confidence") or "medium", r["source"], name, line)


@cache
def shipped() -> Registry:
    reg = Registry()
    reg.statuses = [_status_row(r, "document_status.csv") for r in read_rows("document_status.csv")]
    reg.successions = [_succession(r, "successions.csv") for r in read_rows("successions.csv")]
    reg.provinces = [dict(r) for r in read_rows("provinces.csv")]
    return reg


def load_registry(extra: list[Path] | tuple[Path, ...] = ()) -> Registry:
    """The shipped registry plus users' CSV files (validated: file:line errors)."""
    base = shipped()
    if not extra:
        return base
    reg = Registry(list(base.statuses), list(base.successions), list(base.provinces))
    for path in extra:
        statuses, successions = read_user_csv(Path(path))
        reg.statuses.extend(statuses)
        reg.successions.extend(successions)
    return reg


def read_user_csv(path: Path) -> tuple[list[StatusRow], list[Succession]]:
    name = path.name
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as err:
        raise RegistryError(f"{path}: no such registry file") from err
    except UnicodeDecodeError as err:
        raise RegistryError(f"{path}: not UTF-8 text") from err
    header = next(csv.reader(io.StringIO(text.lstrip())), [])
    rows = parse_rows(text, name)
    if set(STATUS_FIELDS) <= set(header):
        return [_status_row(r, name) for r in rows], []
    if set(SUCCESSION_FIELDS) <= set(header):
        return [], [_succession(r, name) for r in rows]
    raise RegistryError(
        f"{name}:1: header must hold the columns of document_status.csv ({', '.join(STATUS_FIELDS)}, …) "
        f"or of successions.csv ({', '.join(SUCCESSION_FIELDS)}, …)"
    )
