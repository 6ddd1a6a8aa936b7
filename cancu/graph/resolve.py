"""The resolve stage: the only place in ``graph/`` that reads the registry.

Like eyecite's ``resolve``, it maps what a text prints to the thing it means:
an agency string to a body (canonical name, level, registry row) or to a
*collective* ("UBND cấp xã", "Đơn vị có liên quan": never a body that ends);
a document number to its status row (number key + year + issuing province);
a place to a unit; a target's figure to a catalogue metric; a body or place
that ended to what took over, with the date and legal basis of the registry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from cancu.ontology.ids import ascii_fold, number_key, slug
from cancu.ontology.registries import AgencyRow, JurisdictionRow, MetricRow
from cancu.ontology.registry import SHIPPED_STATUS, Reform, Registry, StatusRow

#: a figure in a target's sentence: "80%", "80 %", "30,5%"
FIGURE = re.compile(r"(\d+(?:[.,]\d+)?)\s*%")
#: where one indicator's clause ends and another's begins (folded, OCR-tolerant: "trong s6 do")
SUB_CLAUSE = re.compile(r"\btrong (?:s\w{0,2} )?d\w{0,2}\b,?")
HARD_STOP = re.compile(r";|\.\s|\s-\s")
AND = re.compile(r"\s(?:va|v[aà4])\s")
NEW_INDICATOR = re.compile(r"(?<=[a-z0-9]) (?=ty (?:l|1)\S{0,2} )")
DIGIT_AFTER = re.compile(r"\d+(?![\d,.]*\s*%)")  # "mức độ 3 và 4 trên …": not a figure of its own
OCR_DIGIT_IN_WORD = re.compile(r"(?<=[a-z])[06](?=[a-z]|\b)")


@dataclass(frozen=True)
class Succ:
    """One step of a succession: the new unit or body, since when, on what basis, and the registry row."""

    new: str
    date: str
    basis: str | None
    confidence: str
    registry: str
    row: int | None
    source: str | None


@dataclass(frozen=True)
class Clause:
    text: str
    start: int
    sub: bool  # opened by "trong số đó": a share of the clause before it


class Resolver:
    def __init__(self, registry: Registry) -> None:
        self.reg = registry
        self._metric_memo: dict[str, str | None] = {}

    # -- reforms -------------------------------------------------------------------
    @property
    def reforms(self) -> dict[str, Reform]:
        return self.reg.reforms

    def reform(self, event: str) -> Reform:
        return self.reg.reforms[event]

    # -- documents -----------------------------------------------------------------
    def document(self, number: str, year: int | None, place: str | None = None) -> StatusRow | None:
        """The status row of a cited document: national when ``place`` is None, else of that province."""
        return self.reg.status_of(number, year, place.removeprefix("jur:") if place else None)

    def winners(self) -> list[StatusRow]:
        """One row per national (number, year) of the shipped table: the registry's winner
        (``status_precedence``), which may be a user's or an imported row. Users' and imported rows of
        other documents become nodes only when a plan cites them (``document``), so a load costs the
        same whatever the size of the registries added (a 172k-row dump is not 172k nodes)."""
        out: dict[tuple[str, int], StatusRow] = {}
        for row in self.reg.statuses:
            if row.registry != SHIPPED_STATUS or row.year is None or row.place is not None:
                continue
            k = (number_key(row.number), row.year)
            if k not in out:
                out[k] = self.reg.status_of(row.number, row.year) or row
        return list(out.values())

    def successor_year(self, number: str, after: int | None, by: str | None) -> int | None:
        """A successor named without its year ("76/NQ-CP") is the registry's document of that number
        issued after the one it replaces and by the change's date: the latest such."""
        limit = int(by[:4]) if by else None
        years = [
            y
            for y in self.reg.years_of(number)
            if (after is None or y >= after) and (limit is None or y <= limit)
        ]
        return years[-1] if years else None

    # -- places --------------------------------------------------------------------
    def unit(self, jid: str) -> JurisdictionRow | None:
        return self.reg.jurisdictions.get(jid.removeprefix("jur:"))

    def unit_successions(self) -> dict[str, list[Succ]]:
        """``jur:<old>`` -> what took over: users' and shipped ``successions.csv`` rows first, then the units registry."""
        out: dict[str, list[Succ]] = {}
        for s in self.reg.successions:
            if s.kind == "jurisdiction":
                out.setdefault(f"jur:{s.old}", []).append(
                    Succ(f"jur:{s.new}", s.date, s.basis, s.confidence, s.registry, s.row, s.source)
                )
        return out

    def unit_successors(self, jid: str, table: dict[str, list[Succ]]) -> list[Succ]:
        key = f"jur:{jid.removeprefix('jur:')}"
        if key in table:
            return table[key]
        row = self.unit(key)
        if row is None or not row.successors:
            return []
        date = row.succession_date or self.reform("district_level_end").starts
        registry, _, line = row.source.partition(":")
        return [
            Succ(f"jur:{n}", date, row.basis, "medium", registry, row.registry_row, row.source)
            for n in row.successors
        ]

    def place_label(self, jur: str, fallback: str | None = None) -> str:
        """ "tỉnh Đồng Nai", "thành phố Cần Thơ", "xã An Thạnh": the unit as a body's name ends."""
        row = self.unit(jur)
        if row is None:
            return fallback or jur.removeprefix("jur:")
        if row.level == "province":
            return f"{'thành phố' if row.kind == 'city' else 'tỉnh'} {row.name}"
        name = row.name
        for word in ("Thành phố", "Thị trấn", "Thị xã", "Đặc khu", "Phường", "Huyện", "Quận", "Xã"):
            if name.startswith(word + " "):
                return word.lower() + name[len(word) :]
        return name

    # -- bodies --------------------------------------------------------------------
    def collective(self, name: str) -> str | None:
        return self.reg.collective(name)

    def agency_kind(self, body_slug: str, scope: str | None) -> AgencyRow | None:
        """The registry's row of a body kind: national (``scope`` None), provincial ("_"), district ("_._")."""
        return self.reg.agencies.get(f"{body_slug}@{scope}" if scope else body_slug)

    @cached_property
    def _kind_slugs(self) -> dict[str, dict[str, AgencyRow]]:
        """Body slug (name and aliases) -> registry kind row, per scope (None, "*", "*.*")."""
        out: dict[str, dict[str, AgencyRow]] = {}
        for row in self.reg.agencies.values():
            for n in (row.name, *row.aliases):
                out.setdefault(row.jurisdiction or "", {}).setdefault(slug(n), row)
        return out

    def kind_of(self, body_slug: str, scope: str | None) -> AgencyRow | None:
        return self._kind_slugs.get(scope or "", {}).get(body_slug)

    def body_successors(self, row: AgencyRow) -> list[Succ]:
        date = row.succession_date or (_day_after(row.active_until) if row.active_until else None)
        if not date:
            return []
        reg, _, _ = row.source.partition(":")
        return [Succ(s, date, row.basis, "high", reg, row.registry_row, row.source) for s in row.successors]

    def renamed_departments(self) -> dict[str, list[Succ]]:
        """Department kinds renamed or merged (users' ``successions.csv`` rows of kind department win)."""
        out: dict[str, list[Succ]] = {}
        for row in self.reg.agencies.values():
            if row.jurisdiction == "*" and row.successors:
                out[row.id.split("@")[0]] = [
                    Succ(s.new.split("@")[0], s.date, s.basis, s.confidence, s.registry, s.row, s.source)
                    for s in self.body_successors(row)
                ]
        for s in self.reg.successions:
            if s.kind == "department" and s.registry != "successions.csv":
                out[slug(s.old)] = [
                    Succ(slug(s.new), s.date, s.basis, s.confidence, s.registry, s.row, s.source)
                ]
        return out

    def department_name(self, body_slug: str) -> str:
        row = self.agency_kind(body_slug, "_")
        return row.name if row else body_slug.replace("-", " ")

    def national_successions(self) -> dict[str, tuple[AgencyRow, list[Succ]]]:
        return {
            row.id: (row, self.body_successors(row))
            for row in self.reg.agencies.values()
            if row.jurisdiction is None and row.successors
        }

    @cached_property
    def _area_words(self) -> tuple[re.Pattern[str], dict[str, str], set[str]]:
        phrases = dict(reversed(self.reg.area_phrases))  # the first row of a phrase wins
        alternation = "|".join(
            re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True)
        )
        areas = set(phrases.values())
        return (
            re.compile(rf"\b(?:{alternation})\b"),
            {" ".join(k.split()): v for k, v in phrases.items()},
            areas,
        )

    def areas_named(self, texts: list[str], known: set[str | None] = frozenset()) -> list[str]:
        """Reform areas, beyond ``known``, whose words a plan's tasks, targets or duties use ("tuyên truyền")."""
        rx, phrases, areas = self._area_words
        if areas <= known:
            return []
        found = {phrases.get(" ".join(m.group(0).split())) for m in rx.finditer(ascii_fold("\n".join(texts)))}
        return sorted(a for a in found - known if a)

    # -- metrics -------------------------------------------------------------------
    @property
    def metrics(self) -> dict[str, MetricRow]:
        return self.reg.metrics

    @cached_property
    def _patterns(self) -> list[tuple[str, re.Pattern[str]]]:
        return [(m.id, re.compile(k)) for m in self.reg.metrics.values() for k in m.keywords]

    def metric_in(self, clause: str) -> str | None:
        """The catalogue metric a clause names: the longest keyword match wins."""
        if clause in self._metric_memo:
            return self._metric_memo[clause]
        best, best_len = None, 0
        for mid, rx in self._patterns:
            m = rx.search(clause)
            if m and m.end() - m.start() > best_len:
                best, best_len = mid, m.end() - m.start()
        if len(self._metric_memo) < 1 << 14:
            self._metric_memo[clause] = best
        return best

    def target_metrics(
        self, targets: list[tuple[str, Any, str | None, str | None]], level: str | None = None
    ) -> list[str | None]:
        """The metric of each target (text, value, unit, extracted metric) of one plan, read from the clause
        that holds its own figure: "80% TTHC … thanh toán trực tuyến, trong số đó, tỷ lệ giao dịch … 30%"
        gives 80 -> the payment metric and 30 -> its sub-indicator. A sentence that is another target's
        own text is removed first (a merged bullet never lends its figures to its neighbour)."""
        texts = sorted({t[0] for t in targets}, key=len)
        out: list[str | None] = []
        used: dict[str, set[int]] = {}
        clauses_of: dict[str, tuple[tuple[Clause, tuple[tuple[float, int], ...]], ...]] = {}
        for text, value, unit, extracted in targets:
            if unit != "%" or value is None:
                out.append(extracted)
                continue
            if text not in clauses_of:
                clauses_of[text] = _clauses(_own_text(text, texts))
            hit = _figure_clause(clauses_of[text], float(value), used.setdefault(text, set()))
            if hit is None:
                out.append(extracted)
                continue
            mid = self.metric_in(hit.text)
            if mid is None and extracted:
                # the extractor's reading stands unless another clause of the sentence names that metric
                others = {self.metric_in(c.text) for c, _ in clauses_of[text] if c is not hit}
                mid = None if extracted in others else extracted
            out.append(mid)
        return [m if m is None or _applies(self.reg.metrics.get(m), level) else None for m in out]


def _applies(row: MetricRow | None, level: str | None) -> bool:
    """A plan's figure is read as a catalogue metric only where the metric applies to the plan's level
    ("hồ sơ công việc tại cơ quan" of a Sở is the provincial-level figure, never a commune's)."""
    if row is None or not row.applies_to or level is None:
        return True
    return ("national" if level == "ministry" else level) in row.applies_to


def _day_after(iso: str) -> str:
    import datetime as dt

    return (dt.date.fromisoformat(iso) + dt.timedelta(days=1)).isoformat()


def _fold(text: str) -> str:
    return OCR_DIGIT_IN_WORD.sub("o", " ".join(ascii_fold(text).split()))


def _own_text(text: str, texts: list[str]) -> str:
    own = text
    for other in texts:
        if other != text and len(other) > 20 and other in own:
            own = own.replace(other, " ")
    return own


@lru_cache(maxsize=1 << 13)
def _clauses(text: str) -> tuple[tuple[Clause, tuple[tuple[float, int], ...]], ...]:
    """The clauses of a target sentence, each with its figures (value, position)."""
    folded = _fold(text)
    cuts = sorted(
        {0, len(folded)}
        | {m.start() for m in SUB_CLAUSE.finditer(folded)}
        | {m.end() for m in HARD_STOP.finditer(folded)}
    )
    pieces: list[tuple[int, int]] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        start = a
        for m in sorted(
            [*AND.finditer(folded, a, b), *NEW_INDICATOR.finditer(folded, a, b)], key=lambda m: m.start()
        ):
            # "20% số quy định và 20% chi phí", "… quốc gia Tỷ lệ hồ sơ … 50%": a new figure after "và" / a new name
            if m.start() <= start or DIGIT_AFTER.match(folded, m.end()):
                continue
            if FIGURE.search(folded, start, m.start()) and FIGURE.search(folded, m.end(), b):
                pieces.append((start, m.start()))
                start = m.end()
        pieces.append((start, b))
    out = []
    for a, b in pieces:
        piece = folded[a:b]
        figures = tuple((float(m.group(1).replace(",", ".")), a + m.start()) for m in FIGURE.finditer(piece))
        out.append((Clause(piece, a, bool(SUB_CLAUSE.match(piece.lstrip()))), figures))
    return tuple(out)


def _figure_clause(
    clauses: tuple[tuple[Clause, tuple[tuple[float, int], ...]], ...], value: float, used: set[int]
) -> Clause | None:
    for clause, figures in clauses:
        for v, pos in figures:
            if v == value and pos not in used:
                used.add(pos)
                return clause
    return None
