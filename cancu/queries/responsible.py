"""responsible: the chain from the national body down to each lead agency of a
task, target or metric, with supporting agencies and reporting lines. A body
that no longer exists at the as-of date is shown with its successor(s)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from cancu.errors import QueryError
from cancu.graph.gc_pause import gc_paused
from cancu.ontology.ids import ascii_fold
from cancu.ontology.vocab import EdgeKind, NodeKind
from cancu.queries.common import (
    Graph,
    agency_label,
    ended,
    find,
    first_quote,
    implements_chain,
    in_edges,
    label,
    out_edges,
    parse_as_of,
    successors,
)


@dataclass
class Step:
    level: str | None
    plan: str
    number: str | None
    body: str | None


@dataclass
class Responsibility:
    item: str
    kind: str  # Task | Target
    text: str | None
    plan: str
    chain: list[Step]
    lead: list[str]
    support: list[str]
    reporting: list[str]
    ended_bodies: list[dict[str, Any]] = field(default_factory=list)
    #: the lead and support bodies as data: key, name, level, role, ended, successors
    agencies: list[dict[str, Any]] = field(default_factory=list)
    #: a target no body is named to lead: the plan's issuer, which set it
    owner: list[str] = field(default_factory=list)
    area: str | None = None
    deadline: str | None = None
    file: str | None = None
    span: list[int] | None = None


@dataclass
class ResponsibleResult:
    query: str
    as_of: str
    items: list[Responsibility]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def rows(self) -> list[dict[str, Any]]:
        return [
            {
                "item": r.item,
                "text": r.text,
                "chain": " → ".join(s.body or s.number or s.plan for s in r.chain),
                "lead": r.lead or [f"{o} (issuer)" for o in r.owner],
                "support": r.support,
                "reporting": r.reporting,
                "deadline": r.deadline,
            }
            for r in self.items
        ]


@gc_paused
def responsible(
    g: Graph, what: str, *, as_of: str | None = None, jurisdiction: str | None = None
) -> ResponsibleResult:
    """``what``: a task or target id, a metric id, or a plan (all its tasks)."""
    as_of = parse_as_of(as_of)
    items = _items(g, what)
    out = [_one(g, item, as_of) for item in items]
    if jurisdiction:
        want = ascii_fold(jurisdiction)
        out = [r for r in out if any(want in ascii_fold(s.body or "") for s in r.chain)]
    return ResponsibleResult(what, as_of, out)


def _items(g: Graph, what: str) -> list[str]:
    hits = find(g, what)
    if not hits:
        raise QueryError(f"no task, target, metric or plan matches '{what}'")
    items: list[str] = []
    for h in hits:
        kind = g.nodes[h].get("kind")
        if kind in (NodeKind.TASK.value, NodeKind.TARGET.value):
            items.append(h)
        elif kind == NodeKind.METRIC.value:
            items.extend(sorted(s for s, _ in in_edges(g, h, EdgeKind.MEASURES)))
        elif kind in (NodeKind.PLAN.value, NodeKind.DOCUMENT.value):
            items.extend(sorted(t for t, _ in out_edges(g, h, EdgeKind.HAS_TASK)))
            items.extend(sorted(t for t, _ in out_edges(g, h, EdgeKind.HAS_TARGET)))
    if not items:
        raise QueryError(f"'{what}' has no tasks or targets in the graph")
    return sorted(set(items), key=_order)


def _order(key: str) -> tuple[str, int]:
    head, _, n = key.rpartition("#")
    return head, int(n) if n.isdigit() else 0


def _plan_of(g: Graph, item: str) -> str:
    plan = g.nodes[item].get("plan")
    if plan in g:
        return plan
    edge = EdgeKind.HAS_TASK if g.nodes[item].get("kind") == NodeKind.TASK.value else EdgeKind.HAS_TARGET
    return next((s for s, _ in in_edges(g, item, edge)), item)


def _one(g: Graph, item: str, as_of: str) -> Responsibility:
    attrs = g.nodes[item]
    plan = _plan_of(g, item)
    chain = [
        Step(
            g.nodes[p].get("level"),
            p,
            g.nodes[p].get("number"),
            agency_label(g, g.nodes[p]["issuer"], as_of)
            if g.nodes[p].get("issuer") in g
            else g.nodes[p].get("issuer_name"),
        )
        for p in reversed(implements_chain(g, plan))
    ]
    lead_edges = list(in_edges(g, item, EdgeKind.LEADS))
    by_area = {a for a, d in lead_edges if d.get("via") == "area"}
    leads = sorted({a for a, _ in lead_edges})
    supports = sorted(a for a, _ in in_edges(g, item, EdgeKind.SUPPORTS))
    owner = []
    if not leads and attrs.get("kind") == NodeKind.TARGET.value:
        # a target no body is named to lead is the plan's issuer's: never every body the plan gives duties
        issuer = g.nodes[plan].get("issuer") if plan in g else None
        owner = [issuer] if issuer in g else []
    reporting = []
    for a in leads + owner:
        for to, data in sorted(out_edges(g, a, EdgeKind.REPORTS_TO)):
            if data.get("plan") not in (None, plan):
                continue  # a line another plan sets
            via = f" qua {label(g, data['via'])}" if data.get("via") in g else ""
            freq = ", ".join(data.get("frequency") or [])
            reporting.append(
                f"{agency_label(g, a, as_of)} → {agency_label(g, to, as_of)}{via}"
                + (f" ({freq})" if freq else "")
            )
    ended_bodies = [
        {
            "agency": label(g, a),
            "ended": ended(g.nodes[a], as_of),
            "successors": [label(g, s) for s in successors(g, a, as_of)],
        }
        for a in leads + supports
        if ended(g.nodes[a], as_of)
    ]
    agencies = [
        {
            "key": a,
            "name": label(g, a),
            "level": g.nodes[a].get("level"),
            "role": role,
            "via": "area" if role == "lead" and a in by_area else "issuer" if role == "owner" else None,
            "ended": ended(g.nodes[a], as_of),
            "successors": [label(g, s) for s in successors(g, a, as_of)],
        }
        for role, group in (("lead", leads), ("owner", owner), ("support", supports))
        for a in group
    ]
    file, span, _ = first_quote(attrs)
    return Responsibility(
        agencies=agencies,
        area=attrs.get("area"),
        item=item,
        kind=attrs.get("kind"),
        text=attrs.get("text"),
        plan=plan,
        chain=chain,
        lead=[agency_label(g, a, as_of) for a in leads],
        owner=[agency_label(g, a, as_of) for a in owner],
        support=[agency_label(g, a, as_of) for a in supports],
        reporting=reporting,
        ended_bodies=ended_bodies,
        deadline=attrs.get("deadline"),
        file=file,
        span=span,
    )
