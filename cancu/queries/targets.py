"""Comparing a target with the one it carries down: stricter, equal, weaker, missing.

"At least 80%" carried down as "100%" is stricter; as "70%" weaker. For ranks
("top 20") a smaller number is stricter. When the parent plan's own text is
not loaded (the national programme usually is not), the parent figure is the
metric catalogue's national value.
"""

from __future__ import annotations

from typing import Any

from cancu.graph.derived import METRIC_NODES, METRICS_INDEX, metric_of_target
from cancu.ontology.vocab import EdgeKind, NodeKind
from cancu.queries.common import Graph, number_key, out_edges


def relation(
    value: Any, unit: str | None, parent_value: Any, parent_comparator: str | None = None
) -> str | None:
    if value is None or parent_value is None:
        return None
    try:
        v, p = float(value), float(parent_value)
    except (TypeError, ValueError):
        return None
    if v == p:
        return "equal"
    smaller_is_stricter = unit == "rank" or parent_comparator == "<="
    stricter = v < p if smaller_is_stricter else v > p
    return "stricter" if stricter else "weaker"


def metric_id(key: str | None) -> str | None:
    return key.split(":", 1)[1] if key and key.startswith("metric:") else key


def national(
    g: Graph, metric_key: str, year: int | None = None, programmes: set[str] | None = None
) -> dict[str, Any]:
    """The national figure of a metric: the catalogue's attributes on its Metric node. With ``year`` (a
    plan's first year), the first figure still due then: a 2026 plan is held to the 2030 figure of the
    programme, not to its 2025 one; when every figure's year has passed the last one still holds, unless
    the indicator is measured no more (``until``: value None). ``programmes`` (number keys) prefers the
    figures of the programmes the plan follows."""
    attrs = g.nodes[metric_key] if metric_key in g else {}
    out = {
        "value": attrs.get("national_value"),
        "comparator": attrs.get("national_comparator") or attrs.get("comparator"),  # a Target's word in RDF
        "deadline": attrs.get("deadline"),
        "unit": attrs.get("unit"),
        "label": attrs.get("label") or metric_id(metric_key),
        "source_document": attrs.get("source_document"),
        "scope": attrs.get("scope") or attrs.get("level_scope"),
        "confidence": attrs.get("confidence"),
        "parent": attrs.get("parent"),
        "departments": attrs.get("departments"),
    }
    if year is None:
        return out
    figures = [(out["deadline"], out["comparator"], out["value"], out["source_document"])]
    for text in attrs.get("milestones") or ():
        d, c, v, doc = text.split(" ", 3)
        figures.append((int(d), c, float(v), doc))
    until = attrs.get("until")
    if until and year > int(until):
        return {**out, "value": None}  # measured no more ("cấp huyện" after the district level ended)
    followed = [f for f in figures if not programmes or number_key(str(f[3] or "")) in programmes] or figures
    due = [f for f in followed if f[0] is None or f[0] >= year]
    # the first figure due in the plan's years; when all are past, the last one still holds (a floor)
    d, c, v, doc = (
        min(due, key=lambda f: 9999 if f[0] is None else f[0])
        if due
        else max(followed, key=lambda f: f[0] or 0)
    )
    return {**out, "deadline": d, "comparator": c, "value": v, "source_document": doc}


def plan_year(g: Graph, plan: str | None) -> int | None:
    """A plan's first year: the start of the period it covers, else the year it was issued."""
    attrs = g.nodes[plan] if plan and plan in g else {}
    period = attrs.get("period")
    if period and period[0]:
        return int(period[0])
    date = attrs.get("date")
    return int(str(date)[:4]) if date else None


def plan_targets(g: Graph, plan: str) -> list[str]:
    return sorted(t for t, _ in out_edges(g, plan, EdgeKind.HAS_TARGET))


def target_metric(g: Graph, target: str) -> str | None:
    return metric_of_target(g, target)


def parent_figure(g: Graph, target: str) -> tuple[Any, str | None, str | None]:
    """(value, comparator, source) the target should be compared with."""
    parents = sorted(t for t, _ in out_edges(g, target, EdgeKind.CASCADES_FROM))
    if parents:
        p = g._node[parents[0]]
        return p.get("value"), p.get("comparator"), parents[0]
    metric = target_metric(g, target)
    if metric:
        n = national(g, metric, plan_year(g, g.nodes[target].get("plan")))
        return n["value"], n["comparator"], metric
    return None, None, None


def metrics_of(g: Graph, plan: str) -> dict[str, list[str]]:
    """A plan's targets by metric key. Read from the graph's index when it has one (built with it:
    ``graph.derived.index_metrics``), else from the edges; both give the same answer (tested)."""
    indexed = g.graph.get(METRICS_INDEX)
    if indexed is not None:
        return {m: list(ts) for m, ts in indexed.get(plan, {}).items()}
    out: dict[str, list[str]] = {}
    for t in plan_targets(g, plan):
        m = target_metric(g, t)
        if m:
            out.setdefault(m, []).append(t)
    return out


def catalogue_metrics(g: Graph) -> list[str]:
    """Metric keys with a national figure (the catalogue's Metric nodes)."""
    indexed = g.graph.get(METRIC_NODES)
    if indexed is not None:
        keys = set(indexed)
    else:
        keys = {n for n, d in g.nodes(data=True) if d.get("kind") == NodeKind.METRIC.value}
    return sorted(k for k in keys if national(g, k)["value"] is not None)
