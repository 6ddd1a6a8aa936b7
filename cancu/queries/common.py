"""What every query needs: finding nodes from what a user types, reading
dates, following IMPLEMENTS and SUCCEEDED_BY, and evidence for answers.

Graph attribute names follow docs/graph-schema.md.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from typing import Any

import networkx as nx

from cancu.errors import QueryError
from cancu.ontology.ids import ascii_fold, number_key
from cancu.ontology.vocab import EdgeKind, NodeKind

Graph = nx.MultiDiGraph
PLANLIKE = {NodeKind.PLAN.value, NodeKind.DOCUMENT.value}


def parse_as_of(value: str | dt.date | None) -> str:
    """An ISO date; today when None. Accepts YYYY-MM-DD, DD/MM/YYYY and YYYY."""
    if value is None:
        return dt.date.today().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = value.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            pass
    if re.fullmatch(r"(19|20)\d{2}", text):
        return f"{text}-12-31"
    raise QueryError(f"--as-of: '{value}' is not a date (use YYYY-MM-DD, DD/MM/YYYY or YYYY)")


def kind(g: Graph, key: str) -> str | None:
    return g.nodes[key].get("kind") if key in g else None


_KIND_KEYS = frozenset(e.value for e in EdgeKind)


def out_edges(g: Graph, key: str, edge: EdgeKind) -> Iterator[tuple[str, dict[str, Any]]]:
    """Edges of one kind leaving ``key``. Reads networkx's adjacency dicts directly (``_succ``): the
    edge views build a tuple per edge and were half of a national trace's time. The stores key each
    edge by its kind (one edge per pair and kind), so the kind is one dict lookup; an edge keyed
    otherwise (a graph built by hand) is still found by its ``kind`` attribute."""
    return _edges(g._succ[key], edge.value)


def in_edges(g: Graph, key: str, edge: EdgeKind) -> Iterator[tuple[str, dict[str, Any]]]:
    """Edges of one kind arriving at ``key`` (``_pred``, as ``out_edges``)."""
    return _edges(g._pred[key], edge.value)


def _edges(
    adjacent: dict[str, dict[str, dict[str, Any]]], value: str
) -> Iterator[tuple[str, dict[str, Any]]]:
    for other, keyed in adjacent.items():
        data = keyed.get(value)
        if data is not None:
            yield other, data
        if len(keyed) > 1 or data is None:
            for k, d in keyed.items():
                if k != value and k not in _KIND_KEYS and d.get("kind") == value:
                    yield other, d


def find(g: Graph, text: str, kinds: Iterable[str] | None = None) -> list[str]:
    """Node keys a user's words name: a key, a document number (optionally with a
    year, "76/NQ-CP 2021" or "76/NQ-CP@2021"), a metric id, or a name."""
    wanted = set(kinds) if kinds else None

    def ok(key: str) -> bool:
        return wanted is None or g.nodes[key].get("kind") in wanted

    text = text.strip()
    if text in g and ok(text):
        return [text]
    for prefix in ("doc:", "metric:", "agency:", "task:", "target:", "jur:"):
        if prefix + text in g and ok(prefix + text):
            return [prefix + text]
    m = re.fullmatch(r"(.+?)[\s@]+((?:19|20)\d{2})", text)
    number, year = (m.group(1), int(m.group(2))) if m else (text, None)
    key = number_key(number)
    lookup = getattr(g, "lookup", None)  # a store's graph with indexed columns (sqlite_graph.LazyGraph)
    candidates = lookup(number_key=key) if lookup else g._node
    nodes = g._node
    hits = [
        n
        for n in candidates
        if (d := nodes[n]).get("number")
        and number_key(d["number"]) == key
        and ok(n)
        and (year is None or d.get("year") == year)
    ]
    if hits:
        return sorted(hits)
    folded = ascii_fold(text)
    candidates = lookup(name_key=folded) if lookup else g._node
    return sorted(
        n
        for n in candidates
        if ok(n) and (ascii_fold(str(nodes[n].get("name") or nodes[n].get("label") or "")) == folded)
    )


def find_one(g: Graph, text: str, kinds: Iterable[str] | None = None, what: str = "node") -> str:
    hits = find(g, text, kinds)
    if not hits:
        raise QueryError(f"no {what} matches '{text}' in the graph")
    if len(hits) > 1:
        listed = ", ".join(hits[:8]) + (" …" if len(hits) > 8 else "")
        raise QueryError(f"'{text}' names {len(hits)} {what}s: {listed} — give one of these ids")
    return hits[0]


def ended(attrs: dict[str, Any], as_of: str) -> str | None:
    """The date a body or place ended, when that is on or before ``as_of``."""
    until = attrs.get("active_until")
    return until if until and until < as_of else None


def successors(g: Graph, key: str, as_of: str, _seen: set[str] | None = None) -> list[str]:
    """The bodies active at ``as_of`` that took over from ``key`` (transitively)."""
    seen = _seen if _seen is not None else {key}
    out: list[str] = []
    for nxt, data in sorted(out_edges(g, key, EdgeKind.SUCCEEDED_BY)):
        if nxt in seen:
            continue
        seen.add(nxt)
        if data.get("date") and data["date"] > as_of:
            continue
        if ended(g.nodes[nxt], as_of):
            out.extend(successors(g, nxt, as_of, seen))
        else:
            out.append(nxt)
    return out


def label(g: Graph, key: str) -> str:
    d = g._node[key]  # the node dict itself: the NodeView lookup costs more than the rest here
    return str(d.get("label") or d.get("name") or d.get("number") or key)


def agency_label(g: Graph, key: str, as_of: str) -> str:
    """ "Phòng Nội vụ huyện Cù Lao Dung (ended <its last day>; now UBND xã …)"."""
    d = g._node[key]
    name = label(g, key)
    end = ended(d, as_of)
    if not end:
        return name
    now = successors(g, key, as_of)
    tail = "; now " + ", ".join(label(g, s) for s in now) if now else "; no successor known"
    return f"{name} (ended {end}{tail})"


def implements_parent(g: Graph, plan: str) -> str | None:
    parents = sorted(t for t, _ in out_edges(g, plan, EdgeKind.IMPLEMENTS))
    return parents[0] if parents else None


def implements_chain(g: Graph, plan: str) -> list[str]:
    """The plan, then each plan it implements, up to the top."""
    chain, seen = [plan], {plan}
    while (parent := implements_parent(g, chain[-1])) and parent not in seen:
        chain.append(parent)
        seen.add(parent)
    return chain


def _evidence_order(e: dict[str, Any]) -> tuple:
    return str(e.get("file")), tuple(e.get("span") or ())


def evidence(attrs: dict[str, Any]) -> list[dict[str, Any]]:
    return sorted(attrs.get("evidence") or [], key=_evidence_order)


def first_quote(attrs: dict[str, Any]) -> tuple[str | None, list[int] | None, str | None]:
    """The first of ``evidence(attrs)`` (``min`` keeps the earliest of equal keys, as the stable sort does)."""
    ev = attrs.get("evidence")
    if not ev:
        return None, None, None
    first = min(ev, key=_evidence_order)
    return first.get("file"), list(first.get("span") or []) or None, first.get("quote")


def plans(g: Graph) -> list[str]:
    of_kind = getattr(g, "keys_of_kind", None)  # a store's graph: the indexed kind column, no scan
    if of_kind is not None:
        return of_kind(NodeKind.PLAN.value)
    return sorted(n for n, d in g.nodes(data=True) if d.get("kind") == NodeKind.PLAN.value)


def loaded_plans(g: Graph) -> list[str]:
    return [p for p in plans(g) if g.nodes[p].get("loaded")]
