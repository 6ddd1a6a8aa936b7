"""trace: how a document or a national target cascades down, level by level,
and who is responsible at each level."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from cancu.graph.derived import LEADS_INDEX
from cancu.graph.gc_pause import gc_paused
from cancu.ontology.ids import ascii_fold, slug
from cancu.ontology.vocab import LEVEL_RANK, EdgeKind, NodeKind
from cancu.queries.common import (
    Graph,
    agency_label,
    find_one,
    first_quote,
    in_edges,
    label,
    out_edges,
    parse_as_of,
)
from cancu.queries.targets import metrics_of, national, parent_figure, relation, target_metric


@dataclass
class TargetLine:
    metric: str | None
    label: str | None
    value: Any
    unit: str | None
    comparator: str | None
    deadline: int | None
    parent_value: Any
    relation: str | None  # stricter | equal | weaker | missing | None (no parent figure)
    target: str | None = None
    file: str | None = None
    span: list[int] | None = None
    quote: str | None = None


@dataclass
class TraceNode:
    key: str
    number: str | None
    title: str | None
    level: str | None
    issuer: str | None
    date: str | None
    jurisdiction: str | None
    loaded: bool
    depth: int
    parent: str | None
    responsible: list[str] = field(default_factory=list)
    targets: list[TargetLine] = field(default_factory=list)


@dataclass
class TraceResult:
    root: str
    as_of: str
    metric: str | None
    nodes: list[TraceNode]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def rows(self) -> list[dict[str, Any]]:
        out = []
        for n in self.nodes:
            base = {
                "depth": n.depth,
                "plan": ("  " * n.depth) + (n.number or n.key),
                "level": n.level,
                "issuer": n.issuer,
                "date": n.date,
                "loaded": "yes" if n.loaded else "not loaded",
                "responsible": n.responsible,
            }
            if not n.targets:
                out.append({**base, "metric": None, "value": None, "parent": None, "relation": None})
            for i, t in enumerate(n.targets):
                row = base if i == 0 else {k: (v if k in ("depth",) else "") for k, v in base.items()}
                value = (
                    f"{t.comparator or ''}{t.value}{'' if t.unit == 'rank' else (t.unit or '')}"
                    if t.value is not None
                    else None
                )
                out.append(
                    {
                        **row,
                        "metric": t.metric,
                        "value": value,
                        "parent": t.parent_value,
                        "relation": t.relation,
                    }
                )
        return out


@gc_paused
def trace(
    g: Graph,
    what: str,
    *,
    as_of: str | None = None,
    depth: int | None = None,
    jurisdiction: str | None = None,
) -> TraceResult:
    """The cascade below a document (plans that implement it, recursively) or
    below a national target (its metric in every plan of the cascade)."""
    as_of = parse_as_of(as_of)
    key = find_one(g, what, what="document, target or metric")
    metric = None
    kind = g._node[key].get("kind")
    if kind == NodeKind.METRIC.value:
        metric = key
        root = _programme_of_metric(g, key)
    elif kind == NodeKind.TARGET.value:
        metric = target_metric(g, key)
        root = g._node[key].get("plan") or next((s for s, _ in in_edges(g, key, EdgeKind.HAS_TARGET)), key)
    elif kind in (NodeKind.PLAN.value, NodeKind.DOCUMENT.value):
        root = key
    else:
        raise _not_traceable(what, kind)
    nodes: list[TraceNode] = []
    seen: set[str] = set()
    memo = _Memo(g, as_of)
    _walk(g, root, None, 0, depth, nodes, seen, as_of)
    for top in _cited_elsewhere(g, root, seen) if depth is None or depth >= 1 else []:
        if not _after(g._node[top], as_of):
            _walk(g, top, root, 1, depth, nodes, seen, as_of)
    if jurisdiction:
        nodes = _only(nodes, jurisdiction, g)
    for n in nodes:
        n.responsible = _responsible(g, n.key, memo)
        n.targets = _targets(g, n.key, n.parent, metric, memo)
    return TraceResult(root, as_of, metric, nodes)


def _after(attrs: dict, as_of: str) -> bool:
    """Issued after ``as_of`` (its date, else its year): ``--as-of`` hides it."""
    day = attrs.get("date")
    if day:
        return day > as_of
    year = attrs.get("year")
    return bool(year) and int(year) > int(as_of[:4])


def _not_traceable(what: str, kind: str | None):
    from cancu.errors import QueryError

    return QueryError(f"'{what}' is a {kind}; trace takes a document, a target or a metric")


def _programme_of_metric(g: Graph, metric: str) -> str:
    source = national(g, metric)["source_document"]
    if source:
        from cancu.queries.common import find

        hits = [
            h
            for h in find(g, str(source))
            if g._node[h].get("kind") in (NodeKind.PLAN.value, NodeKind.DOCUMENT.value)
        ]
        national_hits = [h for h in hits if g._node[h].get("level") == "national"] or hits
        if national_hits:
            return sorted(national_hits, key=lambda h: -(g._node[h].get("year") or 0))[0]
    from cancu.errors import QueryError

    raise QueryError(f"metric {metric}: its national programme is not in the graph")


class _Memo:
    """What one trace asks again and again: a plan's targets by metric (once as the plan, once
    more as the parent of each child), a metric's national figure, an agency's label."""

    def __init__(self, g: Graph, as_of: str) -> None:
        self.g, self.as_of = g, as_of
        self._metrics: dict[str, dict[str, list[str]]] = {}
        self._national: dict[str, dict[str, Any]] = {}
        self._agency: dict[str, str] = {}

    def metrics_of(self, plan: str) -> dict[str, list[str]]:
        if plan not in self._metrics:
            self._metrics[plan] = metrics_of(self.g, plan)
        return self._metrics[plan]

    def national(self, metric: str) -> dict[str, Any]:
        if metric not in self._national:
            self._national[metric] = national(self.g, metric)
        return self._national[metric]

    def agency_label(self, agency: str) -> str:
        if agency not in self._agency:
            self._agency[agency] = agency_label(self.g, agency, self.as_of)
        return self._agency[agency]


def _walk(g, key, parent, d, max_depth, out, seen, as_of) -> None:
    if key in seen:
        return
    seen.add(key)
    attrs = g._node[key]
    node = TraceNode(
        key=key,
        number=attrs.get("number"),
        title=attrs.get("title"),
        level=attrs.get("level"),
        issuer=label(g, attrs["issuer"])
        if attrs.get("issuer") in g
        else attrs.get("issuer_name") or attrs.get("issuer"),
        date=attrs.get("date"),
        jurisdiction=label(g, attrs["jurisdiction"])
        if attrs.get("jurisdiction") in g
        else attrs.get("jurisdiction"),
        loaded=bool(attrs.get("loaded")),
        depth=d,
        parent=parent,
    )  # responsible and targets are filled in by trace(), for the nodes that --jurisdiction keeps
    out.append(node)
    if max_depth is not None and d >= max_depth:
        return
    nodes = g._node
    children = sorted(
        (s for s, _ in in_edges(g, key, EdgeKind.IMPLEMENTS)),
        key=lambda c: (nodes[c].get("level") or "", nodes[c].get("date") or "", c),
    )
    for child in children:
        if not _after(nodes[child], as_of):
            _walk(g, child, key, d + 1, max_depth, out, seen, as_of)


def _cited_elsewhere(g: Graph, root: str, seen: set[str]) -> list[str]:
    """Loaded plans that cite the root but implement a plan known only from
    citations: the top of their IMPLEMENTS chain joins the tree under the root."""
    tops = set()
    for edge in (EdgeKind.BASED_ON, EdgeKind.CITES):
        for plan, _ in in_edges(g, root, edge):
            if plan in seen or not g._node[plan].get("loaded"):
                continue
            top, chain = plan, {plan}
            while (parents := sorted(t for t, _ in out_edges(g, top, EdgeKind.IMPLEMENTS))) and parents[
                0
            ] not in chain:
                if parents[0] == root or parents[0] in seen or _above(g, parents[0], root):
                    break  # never a province's plan under a district's root
                top = parents[0]
                chain.add(top)
            tops.add(top)
    return sorted(tops - seen)


def _above(g: Graph, plan: str, root: str) -> bool:
    """Is ``plan`` of a higher level than ``root`` (a province's plan over a district's)?"""
    mine, theirs = g._node[plan].get("level"), g._node[root].get("level")
    return bool(mine and theirs) and LEVEL_RANK.get(mine, 9) < LEVEL_RANK.get(theirs, 9)


def _responsible(g: Graph, plan: str, memo: _Memo) -> list[str]:
    indexed = g.graph.get(LEADS_INDEX)
    if indexed is not None:
        return sorted(memo.agency_label(a) for a in indexed.get(plan, ()))
    agencies = {a for a, _ in in_edges(g, plan, EdgeKind.RESPONSIBLE_FOR)}
    for task, _ in out_edges(g, plan, EdgeKind.HAS_TASK):
        agencies.update(a for a, _ in in_edges(g, task, EdgeKind.LEADS))
    return sorted(memo.agency_label(a) for a in agencies)


def _targets(
    g: Graph, plan: str, parent: str | None, only_metric: str | None, memo: _Memo
) -> list[TargetLine]:
    mine = memo.metrics_of(plan)
    lines = []
    for m, targets in sorted(mine.items()):
        if only_metric and m != only_metric:
            continue
        for t in targets:
            a = g._node[t]
            pv, pc, _ = parent_figure(g, t)
            file, span, quote = first_quote(a)
            lines.append(
                TargetLine(
                    m,
                    memo.national(m)["label"],
                    a.get("value"),
                    a.get("unit"),
                    a.get("comparator"),
                    a.get("deadline"),
                    pv,
                    relation(a.get("value"), a.get("unit"), pv, pc),
                    t,
                    file,
                    span,
                    quote,
                )
            )
    if parent is not None:
        theirs = memo.metrics_of(parent)
        for m in sorted(set(theirs) - set(mine)):
            if only_metric and m != only_metric:
                continue
            pt = theirs[m][0]
            lines.append(
                TargetLine(
                    m,
                    memo.national(m)["label"],
                    None,
                    g._node[pt].get("unit"),
                    None,
                    None,
                    g._node[pt].get("value"),
                    "missing",
                )
            )
    return lines


def _only(nodes: list[TraceNode], jurisdiction: str, g: Graph) -> list[TraceNode]:
    """Keep the nodes of one jurisdiction (its name in the printed jurisdiction, or its id as a part of
    the jurisdiction key: "An Giang" keeps ``jur:an-giang`` and every ``jur:an-giang.<commune>``) and
    their ancestors."""
    want = ascii_fold(jurisdiction)
    want_id = slug(jurisdiction)
    by_key = {n.key: n for n in nodes}
    keep: set[str] = set()
    for n in nodes:
        jur_key = str(g._node[n.key].get("jurisdiction") or "").removeprefix("jur:")
        j = ascii_fold(n.jurisdiction or "") + " " + ascii_fold(jur_key)
        if want in j or (want_id and want_id in jur_key.split(".")):
            k: str | None = n.key
            while k and k not in keep:
                keep.add(k)
                k = by_key[k].parent if k in by_key else None
    return [n for n in nodes if n.key in keep]
