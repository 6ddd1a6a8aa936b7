"""The one registry model: every curated table under ``data/`` plus users' CSV rows.

- ``document_status.csv``: legal status of cited documents (status, since
  when, successors, amendments, confidence, source), indexed by number key;
- ``provinces.csv`` / ``jurisdictions.csv`` / ``successions.csv``: the units,
  what ended in the 2025 restructuring and what took over;
- ``agencies.csv``: national bodies and department kinds with their successors;
- ``agency_canon.csv`` (kind ``group``): collectives ("UBND cấp xã"), never one body;
- ``metrics.csv``: the national target catalogue (aliases, parent indicator,
  the levels a metric applies to, comparator);
- ``reforms.csv``: the dates and legal basis of each restructuring step.

Users add rows with ``--registry FILE``: a CSV with the header of
``document_status.csv`` or ``successions.csv``; every row is validated and a
bad one stops the load with ``file:line: reason`` before anything is stored.
A broken shipped file is an error too (``RegistryError``), never an empty table.
Only this module, ``registries.py`` (its row parsers) and ``graph/resolve.py``
read these files.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cancu.errors import RegistryError
from cancu.ontology.datafiles import parse_rows, read_rows
from cancu.ontology.ids import ascii_fold, jurisdiction_id, number_key
from cancu.ontology.vocab import Status

if TYPE_CHECKING:
    from cancu.ontology.registries import AgencyRow, JurisdictionRow, LegalStatusRow, MetricRow

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
CONFIDENCE = {"high", "medium", "low", "unverified"}
STATUS_FIELDS = ("number", "year", "status", "confidence", "source")
SUCCESSION_FIELDS = ("kind", "old", "new", "date", "source")
SHIPPED_STATUS = "document_status.csv"
STATUS_VALUES = frozenset(s.value for s in Status)
#: "UBND tỉnh Bình Phước", "HĐND thành phố Cần Thơ": the place a local issuer names
ISSUER_PLACE = re.compile(r"\b(?:tinh|thanh pho|tp\.?)\s+(.+)$")
#: "UBND huyện Cù Lao Dung", "UBND thị xã Ngã Năm, tỉnh Sóc Trăng": a district-level issuer (folded)
DISTRICT_PLACE = re.compile(r"\b(?:huyen|quan|thi xa)\s+(.+?)\s*(?:,|-|\btinh\b|\bthanh pho\b|$)")
_ID = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)*")


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
    confidence: str  # "low" or an unsourced row reads "unverified": the auditor must confirm it
    source: str
    note: str | None
    registry: str
    row: int
    #: the province of a locally numbered issuer (``jurisdiction`` column, else the issuer's "tỉnh X"); None national
    place: str | None = None

    @property
    def registry_row(self) -> int:
        return self.row


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


@dataclass(frozen=True)
class Reform:
    """One step of a restructuring: the first day of the new order, the last of the old."""

    event: str
    starts: str
    last_day: str
    basis: str
    source: str


@dataclass
class Registry:
    statuses: list[StatusRow] = field(default_factory=list)
    successions: list[Succession] = field(default_factory=list)
    province_table: list[dict[str, str]] = field(default_factory=list)
    _index: dict[str, list[StatusRow]] = field(default_factory=dict, repr=False)
    #: the sources of rows after the shipped table, in precedence order (later wins): a dict of a user's
    #: parsed rows, or an imported CSV read through its index (``registry_index.IndexedFile``, never scanned)
    layers: list[Any] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        if not self.layers:
            for r in self.statuses:
                self._index.setdefault(number_key(r.number), []).append(r)
            self.layers = [self._index]
        self._rows_memo: dict[str, list[StatusRow]] = {}

    # -- documents ----------------------------------------------------------------
    def rows_of(self, number: str) -> list[StatusRow]:
        """Every row whose number has the same number key, in precedence order (one lookup per source)."""
        key = number_key(number)
        hit = self._rows_memo.get(key)
        if hit is None:
            hit = []
            for layer in self.layers:
                hit.extend(layer.get(key, ()) if isinstance(layer, dict) else layer.rows(key))
            self._rows_memo[key] = hit
        return hit

    def status_of(self, number: str, year: int | None = None, place: str | None = None) -> StatusRow | None:
        """The row for (number, year, issuing province), by ``status_precedence.winner``.

        A local document is the row of its own unit only (``place``: the jurisdiction id of the
        citation's issuer — a province, or a district of one: the district's own row first, else its
        province's); a national citation (``place`` None) never takes a local row. Without a year,
        the latest document of that number is the likelier citation."""
        from cancu.ontology.status_precedence import winner

        rows = self.rows_of(number)
        hits = [r for r in rows if r.place == place]
        if (
            not hits and place and "." in place
        ):  # no row of the district: its province's (tests/test_resolve_table.py)
            hits = [r for r in rows if r.place == place.split(".")[0]]
        if year is not None:
            hits = [r for r in hits if r.year == year] or [r for r in hits if r.year is None]
        if not hits:
            return None
        latest = max(r.year or 0 for r in hits)
        return winner([r for r in hits if (r.year or 0) == latest])

    def years_of(self, number: str) -> list[int]:
        return sorted({r.year for r in self.rows_of(number) if r.year is not None})

    # -- reforms ------------------------------------------------------------------
    @cached_property
    def reforms(self) -> dict[str, Reform]:
        out = {}
        for r in read_rows("reforms.csv"):
            for f in ("starts", "last_day"):
                if not ISO_DATE.fullmatch(r[f]):
                    raise RegistryError(
                        f"reforms.csv:{r['_line']}: {f} '{r[f]}' is not an ISO date (YYYY-MM-DD)"
                    )
            out[r["event"]] = Reform(r["event"], r["starts"], r["last_day"], r["basis"], r["source"])
        return out

    # -- units, bodies, metrics (built on first use: most loads need only some) -----
    @cached_property
    def jurisdictions(self) -> dict[str, JurisdictionRow]:
        from cancu.ontology.registries import build_jurisdictions

        return build_jurisdictions(self.successions, self.reforms)

    @cached_property
    def agencies(self) -> dict[str, AgencyRow]:
        from cancu.ontology.registries import build_agencies

        return build_agencies()

    @cached_property
    def metrics(self) -> dict[str, MetricRow]:
        from cancu.ontology.registries import build_metrics

        return build_metrics()

    @cached_property
    def collectives(self) -> dict[str, str]:
        """Folded phrase -> canonical name of every collective ("UBND cấp xã", "Đơn vị có liên quan")."""
        out = {}
        for r in read_rows("agency_canon.csv"):
            if r["kind"] == "group":
                for phrase in (r["canonical"], *r["phrases"].split("|")):
                    out[_fold_name(phrase)] = r["canonical"]
        return out

    @cached_property
    def area_phrases(self) -> tuple[tuple[str, str], ...]:
        """(folded phrase, area) of ``area_headings.csv``: the words that name a reform area."""
        return tuple(
            (" ".join(ascii_fold(r["phrase"]).split()), r["area"]) for r in read_rows("area_headings.csv")
        )

    @cached_property
    def legal_status(self) -> list[LegalStatusRow]:
        return list(self.statuses)

    @cached_property
    def _names(self) -> dict[str, list[str]]:
        from cancu.ontology.registries import name_key

        out: dict[str, list[str]] = {}
        for row in self.jurisdictions.values():
            for name in (row.name, *row.aliases):
                out.setdefault(name_key(name), []).append(row.id)
        return out

    @cached_property
    def _agency_names(self) -> dict[str, AgencyRow]:
        from cancu.ontology.registries import name_key

        out: dict[str, AgencyRow] = {}
        for row in self.agencies.values():
            for n in (row.name, *row.aliases, row.code or ""):
                if n:
                    out.setdefault(name_key(n), row)
        return out

    def provinces(self, *, as_of: str | None = None) -> list[JurisdictionRow]:
        """Provinces active on ``as_of`` (ISO date); every province ever when None."""
        rows = [r for r in self.jurisdictions.values() if r.level == "province"]
        return [r for r in rows if _active(r.active_from, r.active_until, as_of)] if as_of else rows

    def find_jurisdiction(
        self, name: str, level: str | None = None, parent: str | None = None
    ) -> JurisdictionRow | None:
        """The unit a printed name means, with or without diacritics and unit prefix."""
        from cancu.ontology.registries import name_key

        for rid in self._names.get(name_key(name), []):
            row = self.jurisdictions[rid]
            if (level is None or row.level == level) and (parent is None or row.parent == parent):
                return row
        return None

    def find_agency(self, name: str) -> AgencyRow | None:
        """The national body or department kind a printed name, alias or issuer code means.

        Kinds are templates: their ids end in ``@_`` (any province) or ``@_._`` (any district),
        and the graph layer instantiates them per jurisdiction."""
        from cancu.ontology.registries import name_key

        return self._agency_names.get(name_key(name))

    def collective(self, name: str) -> str | None:
        """The canonical collective a name means ("các xã, phường" -> "UBND cấp xã"), else None."""
        return self.collectives.get(_fold_name(name))

    def successors_of(self, node_id: str, as_of: str) -> list[str]:
        """The bodies active on ``as_of`` that took over ``node_id`` (itself if still active)."""
        table: dict = {**self.jurisdictions, **self.agencies}
        out: list[str] = []
        seen: set[str] = set()

        def walk(nid: str) -> None:
            if nid in seen:
                return
            seen.add(nid)
            row = table.get(nid)
            if row is None or _active(row.active_from, row.active_until, as_of):
                out.append(nid)
                return
            if not row.successors or (row.succession_date and as_of < row.succession_date):
                return
            for s in row.successors:
                walk(s)

        walk(node_id)
        return out


def _active(start: str | None, until: str | None, as_of: str) -> bool:
    return (start is None or start <= as_of) and (until is None or as_of <= until)


def _fold_name(name: str) -> str:
    folded = " ".join(ascii_fold(name).replace("–", "-").split())
    return folded.removeprefix("cac ").strip(" .,;")


def _number_key(number: str) -> str:
    """Kept for callers outside the graph layer; ``ids.number_key`` is the one rule."""
    return number_key(number)


def _opt(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def _place_of_issuer(issuer: str | None, printed: str | None) -> str | None:
    if printed:
        printed = printed.strip()
        if _ID.fullmatch(printed):  # an id already ("quang-ngai", "soc-trang.cu-lao-dung")
            return printed
        return jurisdiction_id(*reversed([p.strip() for p in printed.split(",") if p.strip()]))
    return place_of_issuer(issuer)


@lru_cache(maxsize=1 << 14)
def place_of_issuer(issuer: str | None, scope: str | None = None) -> str | None:
    """The unit a local issuer belongs to: "UBND tỉnh Quảng Ngãi" -> ``quang-ngai``; "UBND huyện Cù Lao Dung"
    with scope "Tỉnh Sóc Trăng" -> ``soc-trang.cu-lao-dung`` (a district's document is never its province's);
    None for a national body. ``scope``: the dump's "phạm vi", read when the issuer names no province."""
    folded = ascii_fold(issuer or "")
    district = DISTRICT_PLACE.search(folded)
    province = None
    for text in (folded[district.end() :] if district else folded, ascii_fold(scope or "")):
        m = ISSUER_PLACE.search(text)
        if m:
            province = jurisdiction_id(m.group(1).split(",")[0].strip())
            break
    if district is None:
        return province
    if province is None:
        return None  # a district with no province named: no place rather than a wrong one
    from cancu.ontology.units import unit_id

    return unit_id(f"{province}.{jurisdiction_id(district.group(1))}", "district")


def _status_row(r: dict[str, str], name: str) -> StatusRow:
    line = int(r["_line"])
    for f in STATUS_FIELDS:
        if f not in r:
            raise RegistryError(f"{name}:{line}: missing column '{f}'")
    if not r["number"].strip():
        raise RegistryError(f"{name}:{line}: empty document number")
    if r["status"] not in STATUS_VALUES:
        raise RegistryError(
            f"{name}:{line}: status '{r['status']}' is not one of {', '.join(s.value for s in Status)}"
        )
    if r["confidence"] not in CONFIDENCE:
        raise RegistryError(
            f"{name}:{line}: confidence '{r['confidence']}' is not one of {', '.join(sorted(CONFIDENCE))}"
        )
    for f in ("status_date", "date_issued", "period_end"):
        if r.get(f) and not ISO_DATE.fullmatch(r[f]):
            raise RegistryError(f"{name}:{line}: {f} '{r[f]}' is not an ISO date (YYYY-MM-DD)")
    if r["year"] and not r["year"].isdigit():
        raise RegistryError(f"{name}:{line}: year '{r['year']}' is not a year")
    confidence = "unverified" if r["confidence"] == "low" or not r["source"].strip() else r["confidence"]
    return StatusRow(
        number=r["number"].strip(),
        year=int(r["year"]) if r["year"] else None,
        doc_type=_opt(r.get("doc_type")),
        issuer=_opt(r.get("issuer")),
        title=_opt(r.get("title")),
        date_issued=_opt(r.get("date_issued")),
        status=r["status"],
        status_date=_opt(r.get("status_date")),
        replaced_by=tuple(x for x in (r.get("replaced_by") or "").split("|") if x),
        amended_by=tuple(x for x in (r.get("amended_by") or "").split("|") if x),
        period_end=_opt(r.get("period_end")),
        confidence=confidence,
        source=r["source"],
        note=_opt(r.get("note")),
        registry=name,
        row=line,
        place=_place_of_issuer(r.get("issuer"), _opt(r.get("jurisdiction"))),
    )


def _succession(r: dict[str, str], name: str) -> Succession:
    line = int(r["_line"])
    if r["kind"] not in ("jurisdiction", "department"):
        raise RegistryError(f"{name}:{line}: kind '{r['kind']}' is not jurisdiction or department")
    if not ISO_DATE.fullmatch(r["date"]):
        raise RegistryError(f"{name}:{line}: date '{r['date']}' is not an ISO date (YYYY-MM-DD)")
    return Succession(
        r["kind"],
        r["old"],
        r["new"],
        r["date"],
        _opt(r.get("basis")),
        r.get("confidence") or "medium",
        r["source"],
        name,
        line,
    )


@cache
def shipped() -> Registry:
    return Registry(
        statuses=[_status_row(r, SHIPPED_STATUS) for r in read_rows(SHIPPED_STATUS)],
        successions=[_succession(r, "successions.csv") for r in read_rows("successions.csv")],
        province_table=[dict(r) for r in read_rows("provinces.csv")],
    )


def load_registry(extra: Sequence[Path] = ()) -> Registry:
    """The shipped registry plus users' CSV files (validated: file:line errors).

    An imported file with a valid index (``registry_index``) is not read here: its rows are looked up
    by number when a citation asks, so the load costs the same whatever the import's size. A large file
    without one (the store's copy of an import) is scanned for its numbers, its rows parsed on demand;
    small files (users' own rows) are read and validated whole."""
    from cancu.ontology.registry_index import IndexedFile, ScannedFile

    base = shipped()
    if not extra:
        return base
    statuses, successions = list(base.statuses), list(base.successions)
    layers: list[Any] = [base._index]
    for path in extra:
        indexed = IndexedFile.open(Path(path)) or ScannedFile.open(Path(path))
        if indexed is not None:
            layers.append(indexed)
            continue
        more_status, more_succ = read_user_csv(Path(path))
        statuses.extend(more_status)
        successions.extend(more_succ)
        by_key: dict[str, list[StatusRow]] = {}
        for r in more_status:
            by_key.setdefault(number_key(r.number), []).append(r)
        layers.append(by_key)
    reg = Registry(statuses, successions, list(base.province_table), layers=layers)
    if successions == base.successions:  # the units do not change: share the parsed tables
        for name in (
            "reforms",
            "jurisdictions",
            "agencies",
            "metrics",
            "collectives",
            "_names",
            "_agency_names",
        ):
            if name in base.__dict__:
                reg.__dict__[name] = base.__dict__[name]
    return reg


def validate_user_csv(path: Path) -> None:
    """Check a user's registry file (``file:line`` errors) without reading it twice: an import whose
    per-number index still describes it was validated row by row when ``registry import`` wrote it."""
    from cancu.ontology.registry_index import IndexedFile

    if IndexedFile.open(Path(path)) is None:
        read_user_csv(Path(path))


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
