"""PlanRecords + the registry -> the knowledge graph (docs/graph-schema.md).

Building is a pure function of (records, registry): the store rebuilds from
its records, so loading in any order gives the same graph, and forgetting or
replacing a file removes exactly the facts it gave (each fact carries the
``origins`` it came from).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import networkx as nx

from cancu.graph.derived import derive
from cancu.graph.naming import agency_key, doc_key, is_national, jur_key
from cancu.graph.resolve import Resolver
from cancu.ontology.ids import ascii_fold, document_id, jurisdiction_id, number_key
from cancu.ontology.record import Citation, PlanRecord
from cancu.ontology.registry import Registry, StatusRow
from cancu.ontology.vocab import AREA_LABELS, Area, EdgeKind, NodeKind

PLAN_TYPES = {"KH", "CTr"}
#: a decision or resolution whose subject is to issue / approve a plan or programme is a plan
ISSUES_PLAN = re.compile(
    r"^(?:v\S{0,2}\s+vi\S{0,3}c\s+)?(?:ban\s+h\S{2,3}|ph\S\s+duy\S{1,2}t)\s+(?:k\S{0,3}\s*ho\S{1,2}ch|ch\S{1,3}ng\s+tr\S{1,3}nh)"
)
_PLAN, _DOCUMENT = NodeKind.PLAN.value, NodeKind.DOCUMENT.value
REFORMS = "reforms"  # graph attribute: the reform dates the queries read (never a file)
NATIONAL_ISSUER_LEVEL = {"Chính phủ": "national", "Thủ tướng Chính phủ": "national", "Quốc hội": "national"}


@dataclass
class Contribution:
    """What one record (or the registry) gives each node and edge: the ops, in the order made."""

    nodes: dict[str, list] = field(default_factory=dict)
    edges: dict[tuple[str, str, str], list] = field(default_factory=dict)
    plan: str | None = None  # the record's own document: its node, tasks and targets are its alone

    def own(self, key: str) -> bool:
        """Whether a node is the record's own (its document, one of its tasks or targets)."""
        plan = self.plan
        if plan is None:
            return False
        return key == plan or key.startswith(self._own_prefixes)

    @cached_property
    def _own_prefixes(self) -> tuple[str, str]:
        """Made once, not once a key (a record's contribution asks for every node and edge end)."""
        return (f"task:{self.plan[4:]}#", f"target:{self.plan[4:]}#")  # type: ignore[index]


def apply_node_op(data: dict[str, Any], op: list) -> None:
    """One op on a node's attribute dict. ``n``: attributes a record gives (the file's own —
    ``origin`` set — last wins, except the label; cited ones first wins; a plan's kind wins over a
    document's); ``o``: an origin; ``s``: attributes set outright; ``e``/``r``: an evidence or a
    registry entry; ``S``: a registry status row (``conditional``: only if no status yet)."""
    tag = op[0]
    if tag == "n":
        _, kind, origin, attrs = op
        if "origins" not in data:  # new, or made bare by an edge to it
            data.setdefault("kind", kind)
            data.setdefault("evidence", [])
            data.setdefault("registry", [])
            data["origins"] = set()
        elif kind == _PLAN and data["kind"] == _DOCUMENT:
            data["kind"] = _PLAN
        for k, v in attrs.items():
            if data.get(k) in (None, "", False) or origin is not None and k != "label":
                data[k] = v
        if origin:
            data["origins"].add(origin)
    elif tag == "o":
        data["origins"].add(op[1])
    elif tag == "s":
        data.update(op[1])
    elif tag == "e":
        data["evidence"].append(op[1])
    elif tag == "r":
        data["registry"].append(op[1])
    elif tag == "S":
        _, conditional, attrs, fields, entry, plan = op
        if conditional and data.get("status"):
            return
        apply_node_op(data, ["n", _DOCUMENT, None, attrs])
        if any(
            r.get("registry") == entry["registry"] and r.get("row") == entry["row"] for r in data["registry"]
        ):
            return
        data.update(fields)
        data["registry"].append(entry)
        if plan:
            data["kind"] = _PLAN


def new_edge(kind: str) -> dict[str, Any]:
    return {"kind": kind, "evidence": [], "origins": set()}


def apply_edge_op(data: dict[str, Any], op: list) -> None:
    """One op on an edge's attribute dict: its attributes (last wins), an evidence, an origin."""
    _, origin, evidence, attrs = op
    data.update(attrs)
    if evidence and evidence not in data["evidence"]:
        data["evidence"].append(evidence)
    if origin:
        data["origins"].add(origin)


class Builder:
    def __init__(
        self,
        registry: Registry | None = None,
        resolver: Resolver | None = None,
        sink: Contribution | None = None,
    ) -> None:
        self.g = nx.MultiDiGraph()
        self.reg = registry
        self.res = resolver or (Resolver(registry) if registry is not None else None)
        self.sink = sink  # when set, every op is also recorded there (a record's contribution)
        self._agencies: dict[tuple[str, str | None, str | None], tuple[str, dict[str, Any], str | None]] = {}

    # -- primitives -------------------------------------------------------------
    # Every change a builder makes is one op on one node or one edge, applied by ``apply_node_op`` /
    # ``apply_edge_op`` and reading only that node's or edge's own state. So a record's ops are a
    # pure function of (record, registry) — its *contribution*, kept per file by the store — and
    # folding a node's contributions in the record order is exactly what the full build does to it
    # (``cancu.graph.incremental`` re-folds only the nodes a changed file touches).
    def node(self, key: str, kind: NodeKind, origin: str | None = None, **attrs: Any) -> dict[str, Any]:
        return self._node_op(
            key, ["n", kind.value, origin, {k: v for k, v in attrs.items() if v is not None}]
        )

    def _node_op(self, key: str, op: list) -> dict[str, Any]:
        data = self.g._node.get(key)  # the node dicts themselves: the views cost more than this work
        if data is None:
            self.g.add_node(key)
            data = self.g._node[key]
        apply_node_op(data, op)
        if self.sink is not None:
            self.sink.nodes.setdefault(key, []).append(op)
        return data

    def edge(
        self,
        a: str,
        b: str,
        kind: EdgeKind,
        origin: str | None = None,
        evidence: dict | None = None,
        **attrs: Any,
    ) -> None:
        value = kind.value
        op = ["E", origin, evidence or None, {k: v for k, v in attrs.items() if v is not None}]
        keyed = self.g._succ.get(a, {}).get(b)
        data = keyed.get(value) if keyed else None
        if data is None:
            self.g.add_edge(a, b, key=value, **new_edge(value))
            data = self.g._succ[a][b][value]
        apply_edge_op(data, op)
        if self.sink is not None:
            self.sink.edges.setdefault((a, b, value), []).append(op)
            self.sink.nodes.setdefault(a, [])  # an edge makes its ends exist (bare, if nothing else)
            self.sink.nodes.setdefault(b, [])

    # -- registry ---------------------------------------------------------------
    def registry(self, reg: Registry) -> None:
        res = self.res or Resolver(reg)
        for area in Area:
            self.node(f"area:{area.value}", NodeKind.AREA, code=area.value, label=AREA_LABELS[area][0])
        for p in res.reg.provinces():
            key = f"jur:{p.id}"
            self.node(
                key,
                NodeKind.JURISDICTION,
                name=p.name,
                label=res.place_label(key),
                level="province",
                active_until=p.active_until,
            )
            for new in p.successors:
                if new != p.id:
                    self.edge(
                        key,
                        f"jur:{new}",
                        EdgeKind.SUCCEEDED_BY,
                        date=p.succession_date,
                        basis=p.basis,
                        confidence="high",
                        registry=p.source,
                    )
        self.g.graph[REFORMS] = {
            e: {"starts": r.starts, "last_day": r.last_day, "basis": r.basis} for e, r in res.reforms.items()
        }
        # the catalogue as Metric nodes: the queries (and a Neo4j copy) read it there
        for m in res.metrics.values():
            self.node(
                f"metric:{m.id}",
                NodeKind.METRIC,
                label=m.label,
                area=m.area,
                unit=m.unit,
                national_value=m.national_value,
                national_comparator=m.comparator,
                deadline=m.deadline,
                source_document=m.source_document,
                confidence=m.confidence,
                parent=m.parent,
                scope=m.scope,
                milestones=[f"{d} {c} {v:g} {doc}" for d, c, v, doc in m.milestones] or None,
                until=m.until,
                departments=list(m.departments) or None,
            )
            self._node_op(
                f"metric:{m.id}",
                ["r", {"registry": "metrics.csv", "row": m.registry_row, "source": m.source}],
            )
        # one row per document: the registry's winner (a user's row over a shipped one)
        for row in res.winners():
            self.status(row)

    def status(self, row: StatusRow, key: str | None = None, conditional: bool = False) -> None:
        """A registry row's status on a document (``conditional``: a citation's row, only when the
        document has no status yet), and edges to the documents that replaced or amended it."""
        key = key or f"doc:{document_id(row.number, row.year)}"
        attrs = dict(
            number=row.number,
            year=row.year,
            doc_type=row.doc_type,
            issuer_name=row.issuer,
            title=row.title,
            date=row.date_issued,
            loaded=False,
            level="national",
            label=row.number,
        )
        self._node_op(
            key,
            [
                "S",
                conditional,
                {k: v for k, v in attrs.items() if v is not None},
                dict(
                    status=row.status,
                    status_date=row.status_date,
                    confidence=row.confidence,
                    period_end=row.period_end,
                    in_force_until=row.status_date if row.status in ("replaced", "expired") else None,
                ),
                {
                    "registry": row.registry,
                    "row": row.row,
                    "source": row.source,
                    "confidence": row.confidence,
                    "note": row.note,
                },
                bool(row.title and _issues_plan(row.title) and row.doc_type != "Luật"),
            ],
        )
        for other, edge in [(n, EdgeKind.REPLACED_BY) for n in row.replaced_by] + [
            (n, EdgeKind.AMENDED_BY) for n in row.amended_by
        ]:
            okey = self.registry_doc(other, issued_by=row.status_date, after=row.year)
            self.edge(
                key,
                okey,
                edge,
                date=row.status_date if edge == EdgeKind.REPLACED_BY else None,
                confidence=row.confidence,
            )

    def registry_doc(self, number: str, issued_by: str | None = None, after: int | None = None) -> str:
        """A successor named without its year ("76/NQ-CP") is the registry's document of that number issued
        after the one it replaces and by the change's date — the latest such; else an undated stub."""
        year = _year_in(number)
        if year is None and self.res is not None:
            year = self.res.successor_year(number, after, issued_by)
        key = f"doc:{document_id(number, year)}"
        self.node(
            key, NodeKind.DOCUMENT, number=number, year=year, loaded=False, level="national", label=number
        )
        return key

    # -- records ----------------------------------------------------------------
    def record(self, rec: PlanRecord) -> None:
        d = rec.document
        jur = jur_key(d.jurisdiction, d.level if d.level in ("district", "commune") else None)
        year = int(d.date[:4]) if d.date else (d.period[0] if d.period else None)
        key = doc_key(d.id, d.number or f"unnumbered-{(rec.sha256 or rec.source)[:12]}", year, jur)
        origin = key
        if self.sink is not None:
            self.sink.plan = key
        kind = NodeKind.PLAN if (d.type in PLAN_TYPES or rec.tasks or rec.targets) else NodeKind.DOCUMENT
        issuer = self.agency(d.issuer, jur, d.level, origin) if d.issuer else None
        self.jurisdiction(
            d.jurisdiction, origin, jur, d.level if d.level in ("district", "commune") else None
        )
        self.node(
            key,
            kind,
            origin,
            number=d.number,
            doc_type=d.type,
            issuer=issuer,
            issuer_name=d.issuer,
            jurisdiction=jur,
            level=d.level,
            date=d.date,
            year=year,
            title=d.title,
            period=list(d.period) if d.period else None,
            signer={"name": d.signer.name, "role": d.signer.role},
            loaded=True,
            source=rec.source,
            sha256=rec.sha256,
            label=d.number or d.title or rec.source,
        )
        self._node_op(key, ["s", {"loaded": True}])
        if self.res:  # areas no task or target is filed under, but whose words the plan's work uses
            own = {t.area for t in rec.tasks} | {t.area for t in rec.targets}
            named = self.res.areas_named(
                [t.text for t in rec.tasks]
                + [t.text for t in rec.targets]
                + [d for a in rec.assignments for d in a.duties],
                own,
            )
            self._node_op(key, ["s", {"areas_named": sorted(set(named) | (set(rec.areas_addressed) - own))}])
        if issuer:
            self.edge(key, issuer, EdgeKind.ISSUED_BY, origin)
        for order, c in enumerate(rec.legal_bases):
            self.citation(key, c, EdgeKind.BASED_ON, rec, jur, origin, order)
        for order, c in enumerate(rec.references):
            self.citation(key, c, EdgeKind.CITES, rec, jur, origin, order)
        self.effectivity(key, rec, jur, origin)
        resolved = (
            self.res.target_metrics([(t.text, t.value, t.unit, t.metric) for t in rec.targets], d.level)
            if self.res
            else [t.metric for t in rec.targets]
        )
        by_area: dict[str, list] = {}  # the bodies "Tổ chức thực hiện" names to lead a whole area
        for al in rec.area_leads:
            by_area.setdefault(al.area, []).append(al)
        for n, (t, metric_id) in enumerate(zip(rec.targets, resolved, strict=True), 1):
            tkey = f"target:{key[4:]}#{n}"
            metric = f"metric:{metric_id}" if metric_id else None
            # a target under no area heading ("I. MỤC TIÊU") is in its indicator's area
            area = t.area or (
                self.res.metrics[metric_id].area if self.res and metric_id in self.res.metrics else None
            )
            self.node(
                tkey,
                NodeKind.TARGET,
                origin,
                text=t.text,
                value=t.value,
                unit=t.unit,
                comparator=t.comparator,
                deadline=t.deadline,
                area=area,
                metric=metric,
                plan=key,
                label=t.text[:80],
            )
            self._evidence(tkey, rec, key, t.span, t.text)
            self.edge(key, tkey, EdgeKind.HAS_TARGET, origin)
            if metric:
                self.node(metric, NodeKind.METRIC, label=self._metric_label(metric_id))
                self.edge(tkey, metric, EdgeKind.MEASURES, origin)
            if area:
                self.edge(tkey, f"area:{area}", EdgeKind.IN_AREA, origin)
            self._area_leads(tkey, by_area.get(area, ()), rec, key, jur, origin)
        for n, t in enumerate(rec.tasks, 1):
            tkey = f"task:{key[4:]}#{n}"
            self.node(
                tkey,
                NodeKind.TASK,
                origin,
                text=t.text,
                area=t.area,
                product=t.product,
                deadline=t.deadline,
                due=t.due,
                recurring=t.recurring,
                source=t.source,
                plan=key,
                label=t.text[:80],
            )
            self._evidence(tkey, rec, key, t.span, t.text)
            self.edge(key, tkey, EdgeKind.HAS_TASK, origin)
            if t.area:
                self.edge(tkey, f"area:{t.area}", EdgeKind.IN_AREA, origin)
            task_ev = self._ev(rec, key, t.span, t.text)  # the names are read from the task's own text
            for name in t.lead:
                self.edge(
                    self.agency(name, jur, None, origin),
                    tkey,
                    EdgeKind.LEADS,
                    origin,
                    plan=key,
                    evidence=task_ev,
                )
            if not t.lead:  # the task names no lead: its area's lead
                self._area_leads(tkey, by_area.get(t.area, ()), rec, key, jur, origin)
            for name in t.support:
                self.edge(
                    self.agency(name, jur, None, origin),
                    tkey,
                    EdgeKind.SUPPORTS,
                    origin,
                    plan=key,
                    evidence=task_ev,
                )
        for a in rec.assignments:
            akey = self.agency(a.agency, jur, None, origin)
            self.edge(
                akey,
                key,
                EdgeKind.RESPONSIBLE_FOR,
                origin,
                plan=key,
                duties=list(a.duties),
                evidence=self._ev(rec, key, a.span, None),
            )
        for r in rec.reporting:
            src, dst = self.agency(r.from_, jur, None, origin), self.agency(r.to, jur, None, origin)
            via = self.agency(r.via, jur, None, origin) if r.via else None
            self.edge(
                src,
                dst,
                EdgeKind.REPORTS_TO,
                origin,
                plan=key,
                via=via,
                frequency=list(r.frequency),
                deadline=r.deadline,
                evidence=self._ev(rec, key, r.span, None),
            )

    def citation(
        self,
        plan: str,
        c: Citation,
        kind: EdgeKind,
        rec: PlanRecord,
        jur: str | None,
        origin: str,
        order: int,
    ) -> None:
        key, cjur, year = self._citation_key(c)
        level = _issuer_level(c.issuer, cjur)
        plan_like = c.type in PLAN_TYPES or _issues_plan(c.title)
        issuer = self.agency(c.issuer, cjur, level, origin) if c.issuer else None
        self.node(
            key,
            NodeKind.PLAN if plan_like else NodeKind.DOCUMENT,
            None,
            number=c.number,
            doc_type=c.type,
            issuer=issuer,
            issuer_name=c.issuer,
            jurisdiction=cjur,
            level=level,
            date=c.date,
            year=year,
            title=c.title,
            loaded=False,
            label=c.number or c.title,
        )
        self._node_op(key, ["o", origin])
        row = self.res.document(c.number, year, cjur) if (self.res and c.number) else None
        if row is not None:  # the first citing record's row gives the status, if nothing did before
            self.status(row, key, conditional=True)
        self.edge(
            plan,
            key,
            kind,
            origin,
            evidence=self._ev(rec, plan, c.span, c.text),
            article=c.article,
            printed=c.text,
            order=order,
        )

    @staticmethod
    def _citation_key(c: Citation) -> tuple[str, str | None, int | None]:
        """A cited document's key, jurisdiction and year."""
        cjur = jur_key(
            c.jurisdiction,
            "district"
            if c.issuer and "huyện" in c.issuer
            else "commune"
            if c.issuer and " xã " in f" {c.issuer} "
            else None,
        )
        year = int(c.date[:4]) if c.date else _year_in(c.number or "")
        return doc_key(c.id, c.number or c.title, year, cjur), cjur, year

    def _cited_key(self, c: Citation) -> str:
        return self._citation_key(c)[0]

    def effectivity(self, key: str, rec: PlanRecord, jur: str | None, origin: str) -> None:
        """The text's own in-force dates; its repeal / replace / amend clauses as edges from the other
        document — the one this record cites by that number, else the registry's."""
        eff = rec.effectivity or {}
        if not eff:
            return
        dates = {}
        if eff.get("in_force_from"):
            dates["in_force_from"] = eff["in_force_from"]
        if eff.get("ends"):
            dates["in_force_until"] = eff["ends"]
        if dates:
            self._node_op(key, ["s", dates])
        cited = {
            number_key(c.number): self._cited_key(c) for c in [*rec.legal_bases, *rec.references] if c.number
        }
        for e in eff.get("effects") or []:
            other = cited.get(number_key(e["number"])) or self.registry_doc(e["number"])
            self.edge(
                other,
                key,
                EdgeKind(e["edge"]),
                origin,
                evidence=self._ev(rec, key, e.get("span"), e.get("quote")),
                date=e.get("date"),
                how=e.get("how"),
                source="text",
            )

    def agency(self, name: str | None, jur: str | None, level: str | None, origin: str) -> str | None:
        if not name:
            return None
        memo = self._agencies.get((name, jur, level))
        if memo is None:  # a province's year names the same few hundred bodies tens of thousands of times
            national = is_national(name)
            place = jur_key(_place_of(name)) or jur
            if place and "." in place and ascii_fold(name).startswith(("so ", "ban dan toc")):
                place = place.split(".")[0]  # a department belongs to the province, whoever names it
            collective = bool(self.res and self.res.collective(name))
            attrs = {
                "name": name if national else _short(name),
                "jurisdiction": None if national else place,
                "level": level or _agency_level(name, place),
                "generic": collective or _generic(name),
                "collective": collective or None,
                "label": name,
            }
            memo = (agency_key(name, None if national else place), attrs, None if national else place)
            self._agencies[(name, jur, level)] = memo
        key, attrs, place = memo
        self.node(key, NodeKind.AGENCY, origin, **attrs)
        if place:
            self.edge(key, place, EdgeKind.IN_JURISDICTION, origin)
        return key

    def jurisdiction(
        self, label: str | None, origin: str, key: str | None = None, level: str | None = None
    ) -> None:
        key = key or jur_key(label)
        if not key or not label:
            return
        parts = [p.strip() for p in label.split(",")]
        if len(parts) >= 2:  # district (or commune) of a province
            parent = jur_key(", ".join(parts[1:]))
            self.node(
                key,
                NodeKind.JURISDICTION,
                origin,
                name=parts[0],
                label=parts[0],
                level=level or ("district" if len(parts) == 2 else "commune"),
                parent=parent,
            )
            self.edge(key, parent, EdgeKind.PART_OF, origin)  # the parent: its own record's, or bare
        else:
            self.node(
                key, NodeKind.JURISDICTION, origin, name=parts[0], label=f"tỉnh {parts[0]}", level="province"
            )

    def _area_leads(self, item: str, leads, rec: PlanRecord, plan: str, jur, origin: str) -> None:
        """LEADS edges from the bodies "Tổ chức thực hiện" names to lead the item's area, each with the
        sentence that names it as evidence (``via="area"``: not the item's own words)."""
        for al in leads:
            self.edge(
                self.agency(al.agency, jur, None, origin),
                item,
                EdgeKind.LEADS,
                origin,
                plan=plan,
                via="area",
                evidence=self._ev(rec, plan, al.span, None),
            )

    def _ev(self, rec: PlanRecord, plan: str, span, quote: str | None) -> dict[str, Any]:
        return {"doc": plan, "file": rec.source, "span": list(span) if span else None, "quote": quote}

    def _evidence(self, key: str, rec: PlanRecord, plan: str, span, quote: str | None) -> None:
        self._node_op(key, ["e", self._ev(rec, plan, span, quote)])

    def _metric_label(self, metric_id: str) -> str:
        row = self.res.metrics.get(metric_id) if self.res else None
        return row.label if row else metric_id  # a metric outside the catalogue keeps its id as label


def _issues_plan(title: str | None) -> bool:
    """ "ban hành Kế hoạch …", "về việc phê duyệt Chương trình …" (OCR-folded letters tolerated)."""
    return bool(ISSUES_PLAN.match(" ".join(ascii_fold(title or "").split())))


def _year_in(number: str) -> int | None:
    import re

    m = re.search(r"/((?:19|20)\d{2})/", number)
    return int(m.group(1)) if m else None


def _place_of(name: str) -> str | None:
    """ "UBND huyện Cù Lao Dung" -> None (needs the plan's context); "UBND tỉnh Sóc Trăng" -> "Sóc Trăng"."""
    import re

    m = re.search(r"\b(?:tỉnh|thành phố)\s+(.+)$", name)
    return m.group(1).strip() if m and "huyện" not in name and "xã" not in name else None


def _short(name: str) -> str:
    return name


def _generic(name: str) -> bool:
    folded = ascii_fold(name)
    return any(
        w in folded
        for w in ("cap xa", "cap huyen", "so, ban, nganh", "co quan", "don vi", "cac phong", "phong thuoc")
    )


def _agency_level(name: str, place: str | None) -> str | None:
    folded = ascii_fold(name)
    if is_national(name):
        return "ministry" if folded.startswith("bo ") else "national"
    if folded.startswith(("so ", "ban ")):
        return "department"
    if folded.startswith("phong ") or "huyen" in folded:
        return "district"
    if "xa" in folded.split() or "cap xa" in folded:
        return "commune"
    if folded.startswith(("van phong", "thanh tra", "phong")):
        return "unit"
    if folded.startswith("ubnd") or folded.startswith("uy ban nhan dan"):
        return "district" if place and "." in place else "province"
    return None


def _issuer_level(issuer: str | None, jur: str | None) -> str | None:
    if not issuer:
        return None
    if issuer in NATIONAL_ISSUER_LEVEL:
        return NATIONAL_ISSUER_LEVEL[issuer]
    if is_national(issuer):
        return "ministry" if ascii_fold(issuer).startswith("bo ") else "national"
    return _agency_level(issuer, jur)


def record_order(rec: PlanRecord) -> tuple[str, str, str]:
    """The fixed order records are merged in (never load order): document id, sha256, file."""
    return (rec.document.id or "", rec.sha256 or "", rec.source or "")


def build_graph(
    records: Iterable[PlanRecord],
    registry: Registry,
    on_record: Callable[[PlanRecord, Contribution], None] | None = None,
    ordered: bool = False,
) -> nx.MultiDiGraph:
    """The graph of ``records`` and ``registry``; ``on_record`` is handed each record's contribution
    (the store keeps them: ``cancu.graph.incremental``). ``ordered``: the records come in
    ``record_order`` already (a store streams them one at a time instead of holding them all)."""
    b = Builder(registry)
    b.registry(registry)
    for rec in records if ordered else sorted(records, key=record_order):
        if on_record is not None:
            b.sink = Contribution()
        b.record(rec)
        if on_record is not None and b.sink is not None:
            on_record(rec, b.sink)
    b.sink = None
    derive(b.g, b.res or Resolver(registry))
    _freeze(b.g)
    return b.g


def _freeze(g: nx.MultiDiGraph) -> None:
    """Sets become sorted lists so the graph compares and serialises deterministically."""
    for _, data in g.nodes(data=True):
        data["origins"] = sorted(data.get("origins") or [])
        data["evidence"] = sorted(data.get("evidence") or [], key=_ev_key)
    for _, _, data in g.edges(data=True):
        data["origins"] = sorted(data.get("origins") or [])
        data["evidence"] = sorted(data.get("evidence") or [], key=_ev_key)


def freeze_attrs(data: dict[str, Any]) -> dict[str, Any]:
    """One node's or edge's attributes as ``_freeze`` leaves them (a copy)."""
    return {
        **data,
        "origins": sorted(data.get("origins") or []),
        "evidence": sorted(data.get("evidence") or [], key=_ev_key),
    }


def _ev_key(e: dict) -> tuple:
    return (str(e.get("doc")), str(e.get("file")), tuple(e.get("span") or ()))


__all__ = ["build_graph", "jurisdiction_id"]
