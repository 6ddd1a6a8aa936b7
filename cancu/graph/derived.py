"""Edges the graph derives: IMPLEMENTS, CASCADES_FROM, PART_OF, and who
succeeded the bodies and places that ended in the 2025 restructuring (dates,
bases and names from the resolver, never from this module)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import networkx as nx

from cancu.graph.naming import body_name
from cancu.graph.resolve import Resolver
from cancu.ontology.ids import ascii_fold
from cancu.ontology.vocab import LEVEL_RANK, EdgeKind, NodeKind


@dataclass
class Scope:
    """The part of a graph an incremental load re-derives (``cancu.graph.incremental``): ``nodes``
    get their derived attributes and out-edges (IMPLEMENTS, PART_OF, SUCCEEDED_BY) again,
    ``targets`` their CASCADES_FROM. ``exists``: whether a node is in the graph the records and the
    registry make (PART_OF is derived before successions add nodes); ``has_in``: whether a node has
    an in-edge of one of these kinds (read from an index, not from a cited document's in-edges)."""

    nodes: set[str]
    targets: Callable[[], set[str]]  # asked after IMPLEMENTS is derived: what cascades depends on it
    exists: Callable[[str], bool]
    has_in: Callable[[str, tuple[str, ...]], bool]


def derive(g: nx.MultiDiGraph, res: Resolver, scope: Scope | None = None) -> None:
    """The derived layer: of the whole graph, or (``scope``) of the part an incremental load
    changed — the same rules node by node; the plan indexes are then the caller's."""
    # in a scope, a node successions made (no record or registry row gives it) is not derived from:
    # in a full build it does not exist yet when the rules run
    only = None if scope is None else {k for k in scope.nodes if scope.exists(k)}
    if scope is None:
        successor_dates(g, res)
    else:
        for key in sorted(only or ()):
            if scope.has_in(key, SUCCESSOR_KINDS):
                _successor_date(g._node[key], res)
    document_periods(g, only)
    implements(g, only)
    cascades(g, None if scope is None else scope.targets())
    part_of(g, only, None if scope is None else scope.exists)
    successions(g, res, only)
    if scope is None:
        index_leads(g)
        index_metrics(g)


def _each(g: nx.MultiDiGraph, only: set[str] | None, by_key: bool = False) -> list[tuple[str, dict]]:
    """The nodes a step visits: all of them (in the graph's order, or by key), or the scope's present
    ones (by key)."""
    if only is None:
        return sorted(g._node.items(), key=lambda kv: kv[0]) if by_key else list(g._node.items())
    return [(k, g._node[k]) for k in sorted(only) if k in g]


#: "giai đoạn 2021 - 2025", "2021-2030" in a plan's or programme's title (folded)
SPAN = re.compile(r"(?:giai\s*doan\s*)?\b((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})\b")
#: "năm 2023" (the plan of one year); OCR reads "ndm", "nim"
ONE_YEAR = re.compile(r"\bn\w?m\s+((?:19|20)\d{2})\b")
#: "ngày 15 tháng 12 năm 2021": a date, not the plan's year
DATE_BEFORE = re.compile(r"th\w{0,2}ng\s*\d{1,2}\s*$")


def successor_dates(g: nx.MultiDiGraph, res: Resolver) -> None:
    """A successor or amender a registry row names is a stub node; its issue date — which dates a
    replacement of unknown date ("not before its successor existed") — is its own registry row's. Only
    the cited documents' successors are looked up (one indexed lookup each), never the whole registry."""
    nodes = g._node
    for targets in g._succ.values():
        for b, keyed in targets.items():
            if any(k in keyed for k in SUCCESSOR_KINDS):
                _successor_date(nodes[b], res)


SUCCESSOR_KINDS = (EdgeKind.REPLACED_BY.value, EdgeKind.AMENDED_BY.value)


def _successor_date(d: dict, res: Resolver) -> None:
    """A replacing or amending document's issue date from its registry row, when it has none."""
    if d.get("date") or not d.get("number"):
        return
    row = res.document(d["number"], d.get("year"), d.get("jurisdiction"))
    if row is not None and row.date_issued:
        d["date"] = row.date_issued


def document_periods(g: nx.MultiDiGraph, only: set[str] | None = None) -> None:
    """When a plan or programme stops applying, from what cancu read itself: a loaded plan's own period,
    else the period its citation's title names ("Kế hoạch CCHC giai đoạn 2021-2025", "… năm 2023").

    The end is written where every reader of the graph (the audit, its RDF and Neo4j copies) looks for a
    document's end: ``in_force_until`` (the first day no longer in force), with
    ``in_force_until_evidence`` saying where it was read. It never overrides a dated end (the text's own
    effectivity clause, a registry row "replaced" or "expired"); a bare registry "in force" keeps its
    status and gains the end. A document with no status gets ``status`` "expired" from the period, marked
    ``status_source: period`` (deterministic: the audit's ``--as-of`` says whether that day has come)."""
    for _, d in _each(g, only):
        if d.get("kind") != NodeKind.PLAN.value or d.get("in_force_until"):
            continue
        if d.get("status") in ("replaced", "expired"):
            continue
        period = d.get("period")
        if period and period[-1]:
            first, last, where = int(period[0]), int(period[-1]), "its own text"
        elif span := period_in_title(d.get("title")):
            (first, last), where = span, "the cited title"
        else:
            continue
        d["in_force_until"] = f"{last + 1}-01-01"
        d["in_force_until_evidence"] = (
            f"{where}: period {first}–{last}" if first != last else f"{where}: year {last}"
        )
        if d.get("status") in (None, "unknown"):
            d["status"] = "expired"
            d["status_source"] = "period"


def period_in_title(title: str | None) -> tuple[int, int] | None:
    """(first, last) year of the period a title names; None when it names none (or only dates)."""
    if not title:
        return None
    text = " ".join(ascii_fold(title).split())
    hits = []
    for m in SPAN.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        if a < b <= a + 15:
            hits.append((m.start(), a, b))
    for m in ONE_YEAR.finditer(text):
        if not DATE_BEFORE.search(text, 0, m.start()):
            hits.append((m.start(), int(m.group(1)), int(m.group(1))))
    return min(hits)[1:] if hits else None


LEADS_INDEX = "plan_leads"


def index_leads(g: nx.MultiDiGraph) -> None:
    """``g.graph["plan_leads"]``: for each plan, the agencies RESPONSIBLE_FOR it or LEADing one of its
    tasks, sorted. A whole-country trace otherwise visits every task of every plan (60k at one year)
    for this one list; the index is rebuilt with the graph, and a graph without it (read from Neo4j,
    built by hand) is answered from the edges, with the same result."""
    index = {}
    for key in g._node:
        agencies = leads_of(g, key)
        if agencies:
            index[key] = agencies
    g.graph[LEADS_INDEX] = dict(sorted(index.items()))


def leads_of(g: nx.MultiDiGraph, plan: str) -> list[str]:
    """The agencies RESPONSIBLE_FOR ``plan`` or LEADing one of its tasks, sorted (``plan_leads``)."""
    responsible, leads, has_task = (
        EdgeKind.RESPONSIBLE_FOR.value,
        EdgeKind.LEADS.value,
        EdgeKind.HAS_TASK.value,
    )
    out = {a for a, keyed in g._pred[plan].items() if responsible in keyed}
    for task, keyed in g._succ[plan].items():
        if has_task in keyed:
            out.update(a for a, tkeyed in g._pred[task].items() if leads in tkeyed)
    return sorted(out)


def metric_of_target(g: nx.MultiDiGraph, target: str) -> str | None:
    """A target's metric key: its ``metric`` attribute (``metric:<id>``), else the first it MEASURES."""
    m = g._node[target].get("metric")
    if m:
        return m if m.startswith("metric:") else f"metric:{m}"
    measures = (
        EdgeKind.MEASURES.value
    )  # keyed by its kind in the stores; by its attribute in hand-built graphs
    hits = sorted(
        t
        for t, keyed in g._succ[target].items()
        if measures in keyed or any(d.get("kind") == measures for d in keyed.values())
    )
    return hits[0] if hits else None


METRICS_INDEX = "plan_metrics"
METRIC_NODES = (
    "metric_nodes"  # every Metric node: gaps asks for them once per call (a scan of the whole graph)
)


def index_metrics(g: nx.MultiDiGraph) -> None:
    """``g.graph["plan_metrics"]``: for each plan, its targets by metric key (``metric:<id>``), each list
    sorted — what ``queries.targets.metrics_of`` computes from the HAS_TARGET and MEASURES edges, kept
    so that trace and gaps over a whole country read it instead of re-walking every plan's edges."""
    index: dict[str, dict[str, list[str]]] = {}
    for plan in g._succ:
        metrics = metrics_of(g, plan)
        if metrics:
            index[plan] = metrics
    g.graph[METRICS_INDEX] = index
    g.graph[METRIC_NODES] = sorted(n for n, d in g._node.items() if d.get("kind") == NodeKind.METRIC.value)


def metrics_of(g: nx.MultiDiGraph, plan: str) -> dict[str, list[str]]:
    """A plan's targets by metric key, each list sorted (``plan_metrics``)."""
    has_target = EdgeKind.HAS_TARGET.value
    out: dict[str, list[str]] = {}
    for target in sorted(t for t, keyed in g._succ[plan].items() if has_target in keyed):
        metric = metric_of_target(g, target)
        if metric:
            out.setdefault(metric, []).append(target)
    return out


def _out(g, key, kind: EdgeKind):
    return [(b, d) for _, b, k, d in g.out_edges(key, keys=True, data=True) if k == kind.value]


def _contains(parent_jur: str | None, child_jur: str | None) -> bool:
    if parent_jur is None:
        return True
    if child_jur is None:
        return False
    p, c = parent_jur.removeprefix("jur:"), child_jur.removeprefix("jur:")
    return c == p or c.startswith(p + ".")


def implements(g: nx.MultiDiGraph, only: set[str] | None = None) -> None:
    """A loaded plan implements the nearest higher-level plan it is based on
    (failing that, one it cites) whose jurisdiction contains its own."""
    for key, d in _each(g, only):
        if d.get("kind") != NodeKind.PLAN.value or not d.get("loaded"):
            continue
        rank = LEVEL_RANK.get(d.get("level"), None)
        if rank is None:
            continue
        for edge in (EdgeKind.BASED_ON, EdgeKind.CITES):
            candidates = []
            for target, data in _out(g, key, edge):
                t = g.nodes[target]
                trank = LEVEL_RANK.get(t.get("level"), None)
                if t.get("kind") != NodeKind.PLAN.value or trank is None or trank >= rank:
                    continue
                if not _contains(t.get("jurisdiction"), d.get("jurisdiction")):
                    continue
                candidates.append((-trank, data.get("order", 0), target))
            if candidates:
                _, _, best = min(candidates)
                g.add_edge(
                    key,
                    best,
                    key=EdgeKind.IMPLEMENTS.value,
                    kind=EdgeKind.IMPLEMENTS.value,
                    derived=True,
                    via=edge.value,
                    evidence=[],
                    origins={key},
                )
                break


def first_targets(g: nx.MultiDiGraph, plan: str) -> dict[str, str]:
    """A plan's first target (by its number) of each metric: what a child's target cascades from."""
    has_target, nodes = EdgeKind.HAS_TARGET.value, g._node
    out: dict[str, str] = {}
    for target in sorted(
        (t for t, keyed in g._succ[plan].items() if has_target in keyed), key=_target_number
    ):
        d = nodes[target]
        if d.get("kind") == NodeKind.TARGET.value and d.get("metric") and d.get("plan") == plan:
            out.setdefault(d["metric"], target)
    return out


def _target_number(key: str) -> tuple[int, str]:
    head, _, n = key.rpartition("#")
    return (int(n), head) if n.isdigit() else (0, key)


def cascades(g: nx.MultiDiGraph, only: set[str] | None = None) -> None:
    """A target carries down the nearest target of the same metric up the IMPLEMENTS chain."""
    by_plan: dict[str, dict[str, str]] = {}
    for key, d in _each(g, only):
        if d.get("kind") != NodeKind.TARGET.value or not d.get("metric"):
            continue
        plan, seen = d["plan"], set()
        while True:
            parents = sorted(b for b, _ in _out(g, plan, EdgeKind.IMPLEMENTS))
            if not parents or parents[0] in seen:
                break
            plan = parents[0]
            seen.add(plan)
            if plan not in by_plan:
                by_plan[plan] = first_targets(g, plan)
            parent_target = by_plan[plan].get(d["metric"])
            if parent_target:
                g.add_edge(
                    key,
                    parent_target,
                    key=EdgeKind.CASCADES_FROM.value,
                    kind=EdgeKind.CASCADES_FROM.value,
                    derived=True,
                    evidence=[],
                    origins={d["plan"]},
                )
                break


def part_of(
    g: nx.MultiDiGraph, only: set[str] | None = None, exists: Callable[[str], bool] | None = None
) -> None:
    """Agencies are part of their jurisdiction's UBND; a district's UBND of its province's."""
    present = exists or g.__contains__
    for key, d in _each(g, only):
        if d.get("kind") != NodeKind.AGENCY.value or not d.get("jurisdiction"):
            continue
        jur = d["jurisdiction"].removeprefix("jur:")
        ubnd = f"agency:ubnd@{jur}"
        if key == ubnd:
            if "." in jur and present(f"agency:ubnd@{jur.rsplit('.', 1)[0]}"):
                g.add_edge(
                    key,
                    f"agency:ubnd@{jur.rsplit('.', 1)[0]}",
                    key=EdgeKind.PART_OF.value,
                    kind=EdgeKind.PART_OF.value,
                    derived=True,
                    evidence=[],
                    origins=set(),
                )
            continue
        if present(ubnd) and not d.get("generic"):
            g.add_edge(
                key,
                ubnd,
                key=EdgeKind.PART_OF.value,
                kind=EdgeKind.PART_OF.value,
                derived=True,
                evidence=[],
                origins=set(),
            )


def successions(g: nx.MultiDiGraph, res: Resolver, only: set[str] | None = None) -> None:
    """Bodies of a district end with the district; bodies of a merged province pass to the same body of
    the new province; renamed or merged departments and ministries to their successors. Every date and
    basis is the registry's (``reforms.csv`` for a district the registry does not list); a collective
    ("UBND cấp xã", "Đơn vị có liên quan") is never a body that ends."""
    district_end = res.reform("district_level_end")
    table = res.unit_successions()
    nodes = g._node
    # by key, not by the order nodes were made: a successor several bodies pass to (two "Văn phòng
    # Sở" of a merged province) is made, and named, by the first in an order every load agrees on
    for key, d in _each(g, only, by_key=True):
        if d.get("kind") == NodeKind.JURISDICTION.value and d.get("level") == "district":
            row = res.unit(key)
            d["active_until"] = (
                row.active_until if row and row.active_until else None
            ) or district_end.last_day
            for s in res.unit_successors(key, table):
                _jur(g, res, s.new, s.date)
                _succeed(
                    g, key, s.new, s.date, s.basis or district_end.basis, s.confidence, s.registry, s.row
                )
    renames = res.renamed_departments()
    ministries = res.national_successions()
    for key, d in _each(g, only, by_key=True):
        if d.get("kind") != NodeKind.AGENCY.value or d.get("collective") or d.get("generic"):
            continue
        body = key.removeprefix("agency:").split("@")[0]
        jur = d.get("jurisdiction")
        if not jur:
            if body in ministries:
                row, steps = ministries[body]
                d["active_until"] = row.active_until
                for s in steps:
                    target = _national(g, res, s.new)
                    _succeed(g, key, target, s.date, s.basis, s.confidence, s.registry, s.row)
            continue
        jd = nodes.get(jur, {})
        if jd.get("level") == "district":
            d["active_until"] = jd.get("active_until") or district_end.last_day
            steps = res.unit_successors(jur, table)
            for s in steps:
                target = _agency(
                    g, res, f"agency:ubnd@{s.new.removeprefix('jur:')}", "UBND", s.new, "commune"
                )
                _succeed(
                    g, key, target, s.date, s.basis or district_end.basis, s.confidence, s.registry, s.row
                )
            _district_office_to_department(g, res, key, body, steps, district_end)
            continue
        if body in renames:
            steps = renames[body]
            d["active_until"] = _day_before(steps[0].date)
            for s in steps:
                target = _agency(
                    g,
                    res,
                    f"agency:{s.new}@{jur.removeprefix('jur:')}",
                    res.department_name(s.new),
                    jur,
                    "department",
                )
                _succeed(g, key, target, s.date, s.basis, s.confidence, s.registry, s.row)
            continue
        if jd.get("active_until"):  # the province merged into another
            for new_jur, data in sorted(out_edges_of(g, jur, EdgeKind.SUCCEEDED_BY)):
                d["active_until"] = jd["active_until"]
                name = _with_parent(g, d, body_name(str(d.get("name") or body)))
                target = _agency(
                    g, res, f"agency:{body}@{new_jur.removeprefix('jur:')}", name, new_jur, d.get("level")
                )
                _succeed(
                    g,
                    key,
                    target,
                    data.get("date"),
                    data.get("basis"),
                    data.get("confidence") or "high",
                    str(data.get("registry") or "provinces.csv").split(":")[0],
                    None,
                )
                break


RELATIVE_TAIL = re.compile(r"\s(Sở|Ban)$")
"""A unit named relative to the body that issued the plan ("Văn phòng Sở", "Thanh tra Ban")."""


def _with_parent(g: nx.MultiDiGraph, d: dict, name: str) -> str:
    """ "Văn phòng Sở" of Sở Xây dựng's plan -> "Văn phòng Sở Xây dựng": a unit's successor named with its
    parent body, the issuer of the plan that names it, when the name says only "Sở" / "Ban"."""
    m = RELATIVE_TAIL.search(name)
    if not m:
        return name
    for origin in sorted(d.get("origins") or ()):
        issuer = g.nodes[origin].get("issuer") if origin in g else None
        parent = body_name(str(g.nodes[issuer].get("name") or "")) if issuer in g else ""
        if parent.startswith(m.group(1) + " "):
            return name[: m.start()] + " " + parent
    return name


def _district_office_to_department(
    g: nx.MultiDiGraph, res: Resolver, key: str, body: str, steps: list, district_end
) -> None:
    """A district office whose kind the registry passes to a provincial department ("Phòng Nội vụ" ->
    "Ủy ban nhân dân xã | Sở Nội vụ") is also succeeded by that department of the province that took
    the district's communes in: the graph says what ``Registry.successors_of`` says."""
    kind = res.kind_of(body, "*.*")
    if kind is None or not steps:
        return
    provinces = sorted({s.new.removeprefix("jur:").split(".")[0] for s in steps})
    first = steps[0]
    for sid in kind.successors:
        if not sid.endswith("@_"):
            continue
        dept = sid.split("@")[0]
        for prov in provinces:
            target = _agency(
                g, res, f"agency:{dept}@{prov}", res.department_name(dept), f"jur:{prov}", "department"
            )
            _succeed(
                g,
                key,
                target,
                first.date,
                kind.basis or district_end.basis,
                "high",
                "agencies.csv",
                kind.registry_row,
            )


def out_edges_of(g: nx.MultiDiGraph, key: str, kind: EdgeKind) -> list[tuple[str, dict]]:
    return [(b, keyed[kind.value]) for b, keyed in g._succ[key].items() if kind.value in keyed]


def _day_before(iso: str) -> str:
    import datetime as dt

    return (dt.date.fromisoformat(iso) - dt.timedelta(days=1)).isoformat()


def _jur(g: nx.MultiDiGraph, res: Resolver, key: str, since: str | None) -> None:
    if key not in g:
        row = res.unit(key)
        name = row.name if row else key.removeprefix("jur:").rsplit(".", 1)[-1].replace("-", " ").title()
        level = row.level if row else "commune"
        g.add_node(
            key,
            kind=NodeKind.JURISDICTION.value,
            name=name,
            label=name,
            level=level,
            active_from=(row.active_from if row else None) or since,
            evidence=[],
            registry=[{"registry": row.source.split(":")[0], "row": row.registry_row, "source": row.source}]
            if row
            else [],
            origins=set(),
        )


def _national(g: nx.MultiDiGraph, res: Resolver, aid: str) -> str:
    key = f"agency:{aid}"
    if key not in g:
        row = res.reg.agencies.get(aid)
        name = row.name if row else aid
        g.add_node(
            key,
            kind=NodeKind.AGENCY.value,
            name=name,
            label=name,
            jurisdiction=None,
            level="national",
            generic=False,
            evidence=[],
            registry=[
                {
                    "registry": "agencies.csv",
                    "row": row.registry_row if row else None,
                    "source": row.source if row else None,
                }
            ],
            origins=set(),
        )
    return key


def _agency(g: nx.MultiDiGraph, res: Resolver, key: str, name: str, jur: str, level: str | None) -> str:
    if key not in g:
        if jur not in g:
            _jur(g, res, jur, None)
        place = res.place_label(jur, g.nodes[jur].get("label"))
        g.add_node(
            key,
            kind=NodeKind.AGENCY.value,
            name=name,
            label=f"{name} {place}".strip(),
            jurisdiction=jur,
            level=level,
            generic=False,
            evidence=[],
            registry=[],
            origins=set(),
        )
    return key


def _succeed(
    g: nx.MultiDiGraph,
    old: str,
    new: str,
    date: str | None,
    basis: str | None,
    confidence: str,
    registry: str | None,
    row: int | None,
) -> None:
    g.add_edge(
        old,
        new,
        key=EdgeKind.SUCCEEDED_BY.value,
        kind=EdgeKind.SUCCEEDED_BY.value,
        date=date,
        basis=basis,
        confidence=confidence,
        registry=registry,
        row=row,
        evidence=[],
        origins=set(),
    )
