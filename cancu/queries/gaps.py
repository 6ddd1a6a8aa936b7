"""gaps: what a plan's cascade fails to carry down or to assign.

Kinds of gap, each a row with its evidence:
- ``no_targets``: the plan carries down no measurable target at all;
- ``missing_target``: a national target (shipped catalogue) that neither the
  plan nor any plan below it carries down (only for plans that set targets:
  for one that sets none, ``no_targets`` says it once);
- ``weaker_target`` / ``stricter_target``: a figure weaker / stricter than its parent's;
- ``incomplete_task``: a task that no body leads (neither its own words, nor its section, nor the area
  lead "Tổ chức thực hiện" names), or one whose deadline or product cell is empty where the plan's
  own task table or task cards give other tasks one (a prose bullet has no product slot, and its
  deadline is the plan's period);
- ``skips_parent``: a plan below the province that cites the national
  programme but no plan of its own province (or district);
- ``area_not_covered``: a reform area with no task or target in the plan;
- ``ended_owner``: work led by a body that no longer exists at the as-of date.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from cancu.graph.gc_pause import gc_paused
from cancu.ontology.vocab import LEVEL_RANK, Area, EdgeKind, NodeKind
from cancu.queries.common import (
    Graph,
    agency_label,
    ended,
    find_one,
    first_quote,
    implements_chain,
    in_edges,
    label,
    loaded_plans,
    number_key,
    out_edges,
    parse_as_of,
)
from cancu.queries.targets import catalogue_metrics, metrics_of, national, parent_figure, plan_year, relation


@dataclass
class Gap:
    plan: str
    plan_number: str | None
    kind: str
    subject: str
    detail: str
    file: str | None = None
    span: list[int] | None = None
    quote: str | None = None


@dataclass
class GapsResult:
    as_of: str
    gaps: list[Gap]

    def to_dict(self) -> dict[str, Any]:
        return {"as_of": self.as_of, "gaps": [asdict(g) for g in self.gaps]}

    def rows(self) -> list[dict[str, Any]]:
        return [
            {"plan": g.plan_number or g.plan, "kind": g.kind, "subject": g.subject, "detail": g.detail}
            for g in self.gaps
        ]


@gc_paused
def gaps(g: Graph, plans: list[str] | None = None, *, as_of: str | None = None) -> GapsResult:
    as_of = parse_as_of(as_of)
    keys = [find_one(g, p, what="plan") for p in plans] if plans else loaded_plans(g)
    out: list[Gap] = []
    memo: dict = {}  # the catalogue and its figures, read once for every plan of this call
    for plan in keys:
        out.extend(_targets(g, plan, memo))
        out.extend(_tasks(g, plan, as_of))
        out.extend(_skips(g, plan))
        out.extend(_areas(g, plan))
    return GapsResult(as_of, out)


def _gap(g: Graph, plan: str, kind: str, subject: str, detail: str, attrs: dict | None = None) -> Gap:
    file, span, quote = first_quote(attrs or {})
    return Gap(plan, g.nodes[plan].get("number"), kind, subject, detail, file, span, quote)


def _cascade(g: Graph, plan: str) -> set[str]:
    seen, todo = {plan}, [plan]
    while todo:
        for child, _ in in_edges(g, todo.pop(), EdgeKind.IMPLEMENTS):
            if child not in seen:
                seen.add(child)
                todo.append(child)
    return seen


def _targets(g: Graph, plan: str, memo: dict | None = None) -> list[Gap]:
    memo = {} if memo is None else memo
    out = []
    mine = metrics_of(g, plan)
    targets = sorted(t for t, _ in out_edges(g, plan, EdgeKind.HAS_TARGET))
    if not targets:
        return [_gap(g, plan, "no_targets", "—", "the plan sets no measurable target at all")]
    carried = set()
    for p in _cascade(g, plan):
        carried |= set(metrics_of(g, p))
    level = g.nodes[plan].get("level")
    programmes = _programmes(g, plan)
    year = plan_year(g, plan)
    if "catalogue" not in memo:
        memo["catalogue"] = catalogue_metrics(g)
    key = frozenset(programmes or ())
    for m in memo["catalogue"]:
        if (m, year, key) not in memo:
            memo[(m, year, key)] = national(g, m, year, programmes)
        n = memo[(m, year, key)]
        if n["value"] is None or m in carried or not _applies(n.get("scope"), level):
            continue
        if level == "department" and n.get("departments") and not _one_of(g, plan, n["departments"]):
            continue  # a department that settles none of the indicator's procedures
        if programmes and number_key(str(n.get("source_document") or "")) not in programmes:
            continue  # a target of a programme this plan neither implements nor cites
        figure = f"{n['comparator'] or ''}{_num(n['value'])}{'' if n['unit'] == 'rank' else n['unit'] or ''}"
        by = f" by {n['deadline']}" if n["deadline"] else ""
        out.append(
            _gap(
                g,
                plan,
                "missing_target",
                m.split(":", 1)[1],
                f"{n['label']}: national {figure}{by} ({n['source_document']}) is not carried down",
            )
        )
    for m, ts in sorted(mine.items()):
        for t in ts:
            a = g.nodes[t]
            pv, pc, source = parent_figure(g, t)
            rel = relation(a.get("value"), a.get("unit"), pv, pc)
            if rel in ("weaker", "stricter"):
                src = _source_label(g, source)
                out.append(
                    _gap(
                        g,
                        plan,
                        f"{rel}_target",
                        m.split(":", 1)[1],
                        f"{a.get('comparator') or ''}{_num(a.get('value'))}{a.get('unit') or ''} where {src} sets "
                        f"{pc or ''}{_num(pv)}",
                        a,
                    )
                )
    return out  # targets outside the catalogue are not gaps


def _source_label(g: Graph, source: str | None) -> str:
    """Who set the parent figure: the parent target's plan, or the metric's national programme."""
    if source and source in g:
        d = g.nodes[source]
        if d.get("kind") == NodeKind.TARGET.value and d.get("plan") in g:
            return label(g, d["plan"])
        if d.get("kind") == NodeKind.METRIC.value:
            return str(national(g, source).get("source_document") or "the national programme")
        return label(g, source)
    return str(national(g, source).get("source_document") or "the national programme") if source else "?"


def _programmes(g: Graph, plan: str) -> set[str]:
    """Number keys of the national documents the plan's chain implements or cites."""
    out = set()
    for p in implements_chain(g, plan):
        if g.nodes[p].get("level") == "national" and g.nodes[p].get("number"):
            out.add(number_key(g.nodes[p]["number"]))
        for e in (EdgeKind.BASED_ON, EdgeKind.CITES):
            for t, _ in out_edges(g, p, e):
                if g.nodes[t].get("level") == "national" and g.nodes[t].get("number"):
                    out.add(number_key(g.nodes[t]["number"]))
    return out


def _num(value: object) -> object:
    """80.0 -> 80: figures as the texts print them."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _one_of(g: Graph, plan: str, departments: list[str]) -> bool:
    """Is the plan's issuer one of these departments ("Sở Xây dựng tỉnh Bình Phước" is a "Sở Xây dựng")?"""
    issuer = g.nodes[plan].get("issuer")
    name = (
        str(g.nodes[issuer].get("name") or "") if issuer in g else str(g.nodes[plan].get("issuer_name") or "")
    )
    return any(name == d or name.startswith(d + " ") for d in departments)


def _applies(scope: str | None, level: str | None) -> bool:
    """Does a national metric apply to a plan of this level (the catalogue's ``applies_to``)? Unscoped
    ones apply to all: a national ranking is carried by national plans, not by a commune or a Sở."""
    if not scope or scope == "all":
        return True
    scopes = {s.strip() for s in str(scope).replace("/", ",").replace("|", ",").split(",")}
    return ("national" if level == "ministry" else level) in scopes


def _slots(g: Graph, tasks: list[str]) -> dict[str, set[str]]:
    """The fields a plan's own layout asks of its tasks, per layout ("table", "card"): a deadline or a
    product is missing only where the plan gives other tasks of the same layout one."""
    slots: dict[str, set[str]] = {}
    for t in tasks:
        a = g.nodes[t]
        if a.get("source") in ("table", "card"):
            have = slots.setdefault(a["source"], set())
            have.update(f for f in ("deadline", "product") if a.get(f))
    return slots


def _tasks(g: Graph, plan: str, as_of: str) -> list[Gap]:
    out = []
    tasks = sorted(t for t, _ in out_edges(g, plan, EdgeKind.HAS_TASK))
    slots = _slots(g, tasks)
    for t in tasks:
        a = g.nodes[t]
        leads = sorted(s for s, _ in in_edges(g, t, EdgeKind.LEADS))
        missing = [
            name
            for name, ok in (("lead", leads), ("deadline", a.get("deadline")), ("product", a.get("product")))
            if not ok and (name == "lead" or name in slots.get(a.get("source") or "prose", ()))
        ]
        text = (a.get("text") or "")[:80]
        if missing:
            out.append(_gap(g, plan, "incomplete_task", t, f"no {', no '.join(missing)}: {text}", a))
        for lead in leads:
            if ended(g.nodes[lead], as_of):
                out.append(
                    _gap(g, plan, "ended_owner", t, f"{agency_label(g, lead, as_of)} leads: {text}", a)
                )
    return out


def _skips(g: Graph, plan: str) -> list[Gap]:
    attrs = g.nodes[plan]
    level = attrs.get("level")
    if LEVEL_RANK.get(level, 0) < LEVEL_RANK["department"]:
        return []
    cited = [t for e in (EdgeKind.BASED_ON, EdgeKind.CITES) for t, _ in out_edges(g, plan, e)]
    national = [
        c
        for c in cited
        if g.nodes[c].get("level") == "national" and g.nodes[c].get("kind") == NodeKind.PLAN.value
    ]
    parent_level = "district" if level == "commune" and _has_districts(g, attrs.get("date")) else "province"
    local = [
        c
        for c in cited
        if g.nodes[c].get("level") in (parent_level, "province") and g.nodes[c].get("jurisdiction")
    ]
    if national and not local:
        names = ", ".join(label(g, c) for c in national)
        return [_gap(g, plan, "skips_parent", plan, f"cites {names} but no plan of its {parent_level}")]
    return []


def _has_districts(g: Graph, date: str | None) -> bool:
    """Was the district level still there on ``date``? The reform's last day is the graph's (from the
    registry when built here; read back from the district units' own end in a copy pulled from Neo4j)."""
    reforms = (g.graph.get("reforms") or {}).get("district_level_end")
    if reforms:
        end = reforms["last_day"]
    else:
        ends = [
            d["active_until"]
            for d in g._node.values()
            if d.get("kind") == NodeKind.JURISDICTION.value
            and d.get("level") == "district"
            and d.get("active_until")
        ]
        end = min(ends) if ends else ""
    return bool(date) and (not end or date <= end)


def _areas(g: Graph, plan: str) -> list[Gap]:
    covered = set()
    for edge in (EdgeKind.HAS_TASK, EdgeKind.HAS_TARGET):
        for t, _ in out_edges(g, plan, edge):
            if g.nodes[t].get("area"):
                covered.add(g.nodes[t]["area"])
    if not covered:
        return []
    covered |= set(g.nodes[plan].get("areas_named") or ())  # a task or target in other words of the area
    return [
        _gap(g, plan, "area_not_covered", a.value, f"no task or target in area {a.value}")
        for a in Area
        if a.value not in covered
    ]
