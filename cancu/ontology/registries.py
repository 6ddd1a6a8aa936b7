"""Row types and parsers of the curated tables: jurisdictions, agencies, metrics.

The one model that holds them is ``registry.Registry`` (``load_registries`` is
``registry.load_registry``); this module turns rows into typed records and
validates them. All content is data under ``data/``; nothing here names a place
or a date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from cancu.errors import RegistryError
from cancu.ontology.datafiles import read_rows
from cancu.ontology.ids import agency_id, ascii_fold, jurisdiction_id
from cancu.ontology.registry import Reform, Registry, StatusRow, Succession, load_registry, read_user_csv

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


LegalStatusRow = StatusRow  # one status row type: the registry's


MILESTONE = re.compile(r"(?P<year>(?:19|20)\d{2})\s+(?P<cmp>\S+)\s+(?P<value>\d+(?:\.\d+)?)\s+(?P<doc>\S+)")


def _split_semicolons(value: str | None) -> list[str]:
    return [p.strip() for p in (value or "").split(";") if p.strip()]


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
    parent: str | None = None  # the indicator this one is a share of ("trong số đó, ...")
    applies_to: tuple[str, ...] = ()  # levels of plan that carry it down; empty: every level
    #: later figures of the indicator: (deadline, comparator, value, source document), e.g. (2030, ">=", 95, …)
    milestones: tuple[tuple[int, str, float, str], ...] = ()
    #: the last year the indicator is measured (None: no end)
    until: int | None = None
    #: the only departments that carry it (canonical names; empty: every one)
    departments: tuple[str, ...] = ()

    @property
    def scope(self) -> str | None:
        return "|".join(self.applies_to) or None


def name_key(name: str) -> str:
    """A place or body name without diacritics, unit prefix ("tỉnh", "TP.") or spaces."""
    folded = re.sub(r"\s+", " ", ascii_fold(name).replace("-", " ")).strip()
    while (stripped := UNIT_PREFIX.sub("", folded)) != folded:
        folded = stripped
    return folded.replace(" ", "")


_name_key = name_key


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(x.strip() for x in (value or "").split("|") if x.strip())


def _opt(value: str | None) -> str | None:
    return (value or "").strip() or None


def build_jurisdictions(
    successions: Sequence[Succession], reforms: dict[str, Reform]
) -> dict[str, JurisdictionRow]:
    """Provinces (with their 2025 successor), districts and communes, and the units ``successions.csv`` adds."""
    merge = reforms["provinces_merge"]
    district_end = reforms["district_level_end"]
    out: dict[str, JurisdictionRow] = {}
    for r in read_rows("provinces.csv"):
        pid = jurisdiction_id(r["name"]) or ""
        ended = _opt(r["active_until"])
        succ = jurisdiction_id(r["successor"]) if ended else None
        out[pid] = JurisdictionRow(
            id=pid,
            name=r["name"],
            level="province",
            parent=None,
            active_from=None,
            active_until=ended,
            successors=(succ,) if succ else (),
            succession_date=_day_after(ended) if ended else None,
            basis=_opt(r["basis"]) or merge.basis,
            aliases=_split(r["aliases"]),
            source=f"provinces.csv:{r['_line']} ({r['source']})",
            registry_row=int(r["_line"]),
            kind=_opt(r["kind"]),
            code=_opt(r["code_before"]) or _opt(r["code_after"]),
        )
    for r in read_rows("jurisdictions.csv"):
        out[r["id"]] = JurisdictionRow(
            id=r["id"],
            name=r["name"],
            level=r["level"],
            parent=_opt(r["parent"]),
            active_from=_opt(r["active_from"]),
            active_until=_opt(r["active_until"]),
            successors=_split(r["successors"]),
            succession_date=_opt(r["succession_date"]),
            basis=_opt(r["basis"]),
            aliases=_split(r["aliases"]),
            source=f"jurisdictions.csv:{r['_line']} ({r['source']})",
            registry_row=int(r["_line"]),
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
                id=jid,
                name=leaf.replace("-", " "),
                level=level,
                parent=parent or None,
                active_from=None if is_old else first.date,
                active_until=_day_before(first.date) if is_old else None,
                successors=tuple(s.new for s in rows) if is_old else (),
                succession_date=first.date if is_old else None,
                basis=first.basis or district_end.basis,
                aliases=(),
                source=f"{first.registry}:{first.row} ({first.source})",
                registry_row=first.row,
            )
    return out


def _day_after(iso: str) -> str:
    return (date.fromisoformat(iso) + timedelta(days=1)).isoformat()


def _day_before(iso: str) -> str:
    return (date.fromisoformat(iso) - timedelta(days=1)).isoformat()


def build_agencies() -> dict[str, AgencyRow]:
    rows = read_rows("agencies.csv")
    level_of = {r["name"]: r for r in rows}
    out: dict[str, AgencyRow] = {}
    for r in rows:
        line = int(r["_line"])
        if r["level"] not in AGENCY_LEVELS:
            raise RegistryError(
                f"agencies.csv:{line}: level '{r['level']}' is not one of {', '.join(sorted(AGENCY_LEVELS))}"
            )
        scope = _opt(r["jurisdiction"])
        aid = agency_id(r["name"], scope and scope.replace("*", "_"))
        successors = []
        for name in _split(r["successors"]):
            if name not in level_of:
                raise RegistryError(f"agencies.csv:{line}: successor '{name}' is not a row of agencies.csv")
            s_scope = _opt(level_of[name]["jurisdiction"])
            successors.append(agency_id(name, s_scope and s_scope.replace("*", "_")))
        out[aid] = AgencyRow(
            id=aid,
            name=r["name"],
            level=r["level"],
            jurisdiction=scope,
            aliases=_split(r["aliases"]),
            active_from=_opt(r["active_from"]),
            active_until=_opt(r["active_until"]),
            successors=tuple(successors),
            succession_date=_opt(r["succession_date"]),
            basis=_opt(r["basis"]),
            source=f"agencies.csv:{line} ({r['source']})",
            registry_row=line,
            code=_opt(r["code"]),
        )
    return out


def _metric(r: dict[str, str], name: str) -> MetricRow:
    line = int(r["_line"])
    if r["unit"] not in METRIC_UNITS:
        raise RegistryError(
            f"{name}:{line}: unit '{r['unit']}' is not one of {', '.join(sorted(METRIC_UNITS))}"
        )
    if r["comparator"] and r["comparator"] not in COMPARATORS:
        raise RegistryError(
            f"{name}:{line}: comparator '{r['comparator']}' is not one of {' '.join(sorted(COMPARATORS))}"
        )
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
    applies = _split(r.get("applies_to"))
    if set(applies) - AGENCY_LEVELS:
        raise RegistryError(
            f"{name}:{line}: applies_to '{r['applies_to']}' names a level not in {', '.join(sorted(AGENCY_LEVELS))}"
        )
    milestones = []
    for part in _split_semicolons(r.get("milestones")):
        m = MILESTONE.fullmatch(part)
        if not m or m["cmp"] not in COMPARATORS:
            raise RegistryError(
                f"{name}:{line}: milestone '{part}' is not 'YEAR COMPARATOR VALUE DOCUMENT' (e.g. 2030 >= 95 76/NQ-CP)"
            )
        milestones.append((int(m["year"]), m["cmp"], float(m["value"]), m["doc"]))
    return MetricRow(
        id=r["id"],
        label=r["label"],
        area=r["area"],
        unit=r["unit"],
        keywords=keywords,
        national_value=value,
        comparator=_opt(r["comparator"]),
        deadline=deadline,
        source_document=_opt(r["source_document"]),
        confidence=r["confidence"],
        source=f"{name}:{line} ({r['source']})",
        registry_row=line,
        parent=_opt(r.get("parent")),
        applies_to=applies,
        milestones=tuple(milestones),
        until=int(r["until"]) if (r.get("until") or "").strip().isdigit() else None,
        departments=_split(r.get("departments")),
    )


def build_metrics() -> dict[str, MetricRow]:
    """The catalogue; a parent that is not a row of it is an error."""
    out = {m.id: m for m in (_metric(r, "metrics.csv") for r in read_rows("metrics.csv"))}
    for m in out.values():
        if m.parent and m.parent not in out:
            raise RegistryError(f"metrics.csv:{m.registry_row}: parent '{m.parent}' is not a metric id")
    return out


def load_user_csv(path: Path) -> tuple[list[StatusRow], list[Succession]]:
    """A user's registry CSV, validated; RegistryError("<file>:<line>: <what is wrong>")."""
    return read_user_csv(Path(path))


Registries = Registry  # one registry model


def load_registries(extra: Sequence[Path] = ()) -> Registry:
    """Shipped data plus users' CSVs (status or succession rows): ``registry.load_registry``."""
    return load_registry(extra)
