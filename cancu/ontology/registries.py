"""Typed views of the curated registries: jurisdictions, agencies, legal status, metrics.

Why a second module next to ``registry.py``: that one parses and validates the
raw legal-status and succession rows (and users' CSVs of those kinds); this one
gives every layer one object with lookups that know about the 2025
restructuring (``provinces(as_of=...)``, ``successors_of``) and about names
printed without diacritics or with "tỉnh"/"TP." prefixes. All content is data
under ``data/`` (``provinces.csv``, ``jurisdictions.csv``, ``successions.csv``, ``agencies.csv``,
``document_status.csv``, ``metrics.csv``); nothing here names a place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from cancu.errors import RegistryError
from cancu.ontology.datafiles import read_rows
from cancu.ontology.ids import agency_id, ascii_fold, jurisdiction_id
from cancu.ontology.registry import StatusRow, Succession, _number_key, read_user_csv, shipped

UNIT_PREFIX = re.compile(r"^(tinh|thanh pho|tp\.?|t\.p\.?|huyen|thi xa|quan|xa|phuong|thi tran)\s+")
AGENCY_LEVELS = {"national", "province", "department", "district", "commune"}
METRIC_UNITS = {"%", "count", "rank"}
COMPARATORS = {">=", ">", "=", "<=", "<"}


@dataclass(frozen=True)
class JurisdictionRow:
    id: str
    name: str
    level: str  # "province" | "district" | "commune"
    parent: str | None
    active_from: str | None
    active_until: str | None
    successors: tuple[str, ...]
    succession_date: str | None
    basis: str | None
    aliases: tuple[str, ...]
    source: str
    registry_row: int
    kind: str | None = None  # "city" for centrally-run cities
    code: str | None = None  # official unit code (before 2025, or after when it changed)


@dataclass(frozen=True)
class AgencyRow:
    id: str
    name: str
    level: str
    jurisdiction: str | None  # None national; "*" any province; "*.*" any district/commune
    aliases: tuple[str, ...]
    active_from: str | None
    active_until: str | None
    successors: tuple[str, ...]
    succession_date: str | None
    basis: str | None
    source: str
    registry_row: int
    code: str | None = None  # issuer code printed in document numbers (SNV, BTC ...)


@dataclass(frozen=True)
class LegalStatusRow:
    number: str
    year: int | None
    doc_type: str | None
    issuer: str | None
    title: str | None
    date_issued: str | None
    date_effective: str | None
    status: str
    status_date: str | None
    replaced_by: tuple[str, ...]
    amended_by: tuple[str, ...]
    confidence: str
    source: str
    note: str | None
    registry: str
    registry_row: int
    period_end: str | None = None  # a time-bound programme whose period ended is not "repealed"


@dataclass(frozen=True)
class MetricRow:
    id: str
    label: str
    area: str
    unit: str
    keywords: tuple[str, ...]
    national_value: float | None
    comparator: str | None
    deadline: int | None
    source_document: str | None
    confidence: str
    source: str
    registry_row: int


@dataclass
class Registries:
    jurisdictions: dict[str, JurisdictionRow]
    agencies: dict[str, AgencyRow]
    legal_status: list[LegalStatusRow]
    metrics: dict[str, MetricRow]
    _names: dict[str, list[str]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for row in self.jurisdictions.values():
            for name in (row.name, *row.aliases):
                self._names.setdefault(_name_key(name), []).append(row.id)

    def provinces(self, *, as_of: str | None = None) -> list[JurisdictionRow]:
        """Provinces active on ``as_of`` (ISO date); every province ever when None."""
        rows = [r for r in self.jurisdictions.values() if r.level == "province"]
        if as_of:
            rows = [r for r in rows if _active(r.active_from, r.active_until, as_of)]
        return rows

    def find_jurisdiction(self, name: str, level: str | None = None, parent: str | None = None) -> JurisdictionRow | None:
        """The unit a printed name means, with or without diacritics and unit prefix."""
        for rid in self._names.get(_name_key(name), []):
            row = self.jurisdictions[rid]
            if (level is None or row.level == level) and (parent is None or row.parent == parent):
                return row
        return None

    def find_agency(self, name: str) -> AgencyRow | None:
        """The national body or department kind a printed name, alias or issuer code means.

        Kinds are templates: their ids end in ``@_`` (any province) or ``@_._`` (any district),
        and the graph layer instantiates them per jurisdiction."""
        key = _name_key(name)
        for row in self.agencies.values():
            if key in {_name_key(n) for n in (row.name, *row.aliases, row.code or "")}:
                return row
        return None

    def status_of(self, number: str, year: int | None = None) -> LegalStatusRow | None:
        """The row for (number, year); a user's row wins over a shipped one."""
        key = _number_key(number)
        hits = [r for r in self.legal_status if _number_key(r.number) == key]
        if year is not None:
            hits = [r for r in hits if r.year == year] or [r for r in hits if r.year is None]
        if not hits:
            return None
        user = [r for r in hits if r.registry not in _SHIPPED]
        # Without a year, the latest document of that number is the likelier citation.
        return max(user or hits, key=lambda r: r.year or 0)

    def successors_of(self, node_id: str, as_of: str) -> list[str]:
        """The bodies active on ``as_of`` that took over ``node_id`` (itself if still active)."""
        table: dict[str, JurisdictionRow | AgencyRow] = {**self.jurisdictions, **self.agencies}
        out: list[str] = []
        seen: set[str] = set()

        def walk(nid: str) -> None:
            if nid in seen:
                return
            seen.add(nid)
            row = table.get(nid)
            if row is None or _active(row.active_from, row.active_until, as_of) or not row.successors:
                if row is None or _active(row.active_from, row.active_until, as_of):
                    out.append(nid)
                return
            if row.succession_date and as_of < row.succession_date:
                return
            for s in row.successors:
                walk(s)

        walk(node_id)
        return out


_SHIPPED = {"document_status.csv"}


def _active(start: str | None, until: str | None, as_of: str) -> bool:
    return (start is None or start <= as_of) and (until is None or as_of <= until)


def _name_key(name: str) -> str:
    folded = re.sub(r"\s+", " ", ascii_fold(name).replace("-", " ")).strip()
    while (stripped := UNIT_PREFIX.sub("", folded)) != folded:
        folded = stripped
    return folded.replace(" ", "")


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(x.strip() for x in (value or "").split("|") if x.strip())


def _opt(value: str | None) -> str | None:
    return (value or "").strip() or None


def _jurisdictions(successions: Sequence[Succession]) -> dict[str, JurisdictionRow]:
    out: dict[str, JurisdictionRow] = {}
    for r in read_rows("provinces.csv"):
        pid = jurisdiction_id(r["name"]) or ""
        ended = _opt(r["active_until"])
        succ = jurisdiction_id(r["successor"]) if ended else None
        out[pid] = JurisdictionRow(
            id=pid, name=r["name"], level="province", parent=None, active_from=None, active_until=ended,
            successors=(succ,) if succ else (), succession_date="2025-07-01" if ended else None,
            basis=_opt(r["basis"]), aliases=_split(r["aliases"]), source=f"provinces.csv:{r['_line']} ({r['source']})",
            registry_row=int(r["_line"]), kind=_opt(r["kind"]), code=_opt(r["code_before"]) or _opt(r["code_after"]),
        )
    for r in read_rows("jurisdictions.csv"):
        out[r["id"]] = JurisdictionRow(
            id=r["id"], name=r["name"], level=r["level"], parent=_opt(r["parent"]),
            active_from=_opt(r["active_from"]), active_until=_opt(r["active_until"]),
            successors=_split(r["successors"]), succession_date=_opt(r["succession_date"]),
            basis=_opt(r["basis"]), aliases=_split(r["aliases"]),
            source=f"jurisdictions.csv:{r['_line']} ({r['source']})", registry_row=int(r["_line"]),
        )
    by_old: dict[str, list[Succession]] = {}
    for s in successions:
        if s.kind == "jurisdiction":
            by_old.setdefault(s.old, []).append(s)
    for old, rows in by_old.items():
        for jid, level in ((old, "district"), *((s.new, "commune") for s in rows)):
            if jid in out:
                continue
            parent, _, leaf = jid.rpartition(".")
            first = rows[0]
            is_old = jid == old
            out[jid] = JurisdictionRow(
                id=jid, name=leaf.replace("-", " "), level=level, parent=parent or None,
                active_from=None if is_old else first.date,
                active_until=_day_before(first.date) if is_old else None,
                successors=tuple(s.new for s in rows) if is_old else (),
                succession_date=first.date if is_old else None, basis=first.basis, aliases=(),
                source=f"{first.registry}:{first.row} ({first.source})", registry_row=first.row,
            )
    return out


def _day_before(iso: str) -> str:
    return (date.fromisoformat(iso) - timedelta(days=1)).isoformat()


def _agencies() -> dict[str, AgencyRow]:
    rows = read_rows("agencies.csv")
    level_of = {r["name"]: r for r in rows}
    out: dict[str, AgencyRow] = {}
    for r in rows:
        line = int(r["_line"])
        if r["level"] not in AGENCY_LEVELS:
            raise RegistryError(f"agencies.csv:{line}: level '{r['level']}' is not one of {', '.join(sorted(AGENCY_LEVELS))}")
        scope = _opt(r["jurisdiction"])
        aid = agency_id(r["name"], scope and scope.replace("*", "_"))
        successors = []
        for name in _split(r["successors"]):
            if name not in level_of:
                raise RegistryError(f"agencies.csv:{line}: successor '{name}' is not a row of agencies.csv")
            s_scope = _opt(level_of[name]["jurisdiction"])
            successors.append(agency_id(name, s_scope and s_scope.replace("*", "_")))
        out[aid] = AgencyRow(
            id=aid, name=r["name"], level=r["level"], jurisdiction=scope, aliases=_split(r["aliases"]),
            active_from=_opt(r["active_from"]), active_until=_opt(r["active_until"]), successors=tuple(successors),
            succession_date=_opt(r["succession_date"]), basis=_opt(r["basis"]),
            source=f"agencies.csv:{line} ({r['source']})", registry_row=line, code=_opt(r["code"]),
        )
    return out


def _metric(r: dict[str, str], name: str) -> MetricRow:
    line = int(r["_line"])
    if r["unit"] not in METRIC_UNITS:
        raise RegistryError(f"{name}:{line}: unit '{r['unit']}' is not one of {', '.join(sorted(METRIC_UNITS))}")
    if r["comparator"] and r["comparator"] not in COMPARATORS:
        raise RegistryError(f"{name}:{line}: comparator '{r['comparator']}' is not one of {' '.join(sorted(COMPARATORS))}")
    keywords = tuple(k.strip() for k in r["keywords"].split(";") if k.strip())
    for k in keywords:
        try:
            re.compile(k)
        except re.error as err:
            raise RegistryError(f"{name}:{line}: keyword '{k}' is not a valid regex ({err})") from err
    try:
        value = float(r["national_value"]) if r["national_value"] else None
        deadline = int(r["deadline"]) if r["deadline"] else None
    except ValueError as err:
        raise RegistryError(f"{name}:{line}: national_value or deadline is not a number") from err
    return MetricRow(
        id=r["id"], label=r["label"], area=r["area"], unit=r["unit"], keywords=keywords, national_value=value,
        comparator=_opt(r["comparator"]), deadline=deadline, source_document=_opt(r["source_document"]),
        confidence=r["confidence"], source=f"{name}:{line} ({r['source']})", registry_row=line,
    )


def _legal(row: StatusRow) -> LegalStatusRow:
    # Low-confidence or unsourced rows must show as unverified to the auditor.
    confidence = "unverified" if row.confidence == "low" or not row.source.strip() else row.confidence
    return LegalStatusRow(
        number=row.number, year=row.year, doc_type=row.doc_type, issuer=row.issuer, title=row.title,
        date_issued=row.date_issued, date_effective=None, status=row.status, status_date=row.status_date,
        replaced_by=row.replaced_by, amended_by=row.amended_by, confidence=confidence, source=row.source,
        note=row.note, registry=row.registry, registry_row=row.row, period_end=row.period_end,
    )


def load_user_csv(path: Path) -> tuple[list[LegalStatusRow], list[Succession]]:
    """A user's registry CSV, validated; RegistryError("<file>:<line>: <what is wrong>")."""
    statuses, successions = read_user_csv(Path(path))
    return [_legal(s) for s in statuses], successions


@cache
def _shipped() -> Registries:
    base = shipped()
    metrics = {m.id: m for m in (_metric(r, "metrics.csv") for r in read_rows("metrics.csv"))}
    return Registries(
        jurisdictions=_jurisdictions(base.successions), agencies=_agencies(),
        legal_status=[_legal(s) for s in base.statuses], metrics=metrics,
    )


def load_registries(extra: Sequence[Path] = ()) -> Registries:
    """Shipped data plus users' CSVs (status or succession rows); cached when no extras."""
    reg = _shipped()
    if not extra:
        return reg
    statuses = list(reg.legal_status)
    successions = list(shipped().successions)
    for path in extra:
        more_status, more_succ = load_user_csv(Path(path))
        statuses.extend(more_status)
        successions.extend(more_succ)
    return Registries(jurisdictions=_jurisdictions(successions), agencies=dict(reg.agencies),
                      legal_status=statuses, metrics=dict(reg.metrics))
