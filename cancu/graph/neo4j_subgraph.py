"""The part of a Bolt server's graph one query reads, fetched with parameterised Cypher.

Why: the queries of ``cancu.queries`` are written once, over a networkx graph. On a
server, each asks only for what it walks (``cancu.graph.store_protocol`` says what,
query by query): a few indexed lookups, variable-length ``IMPLEMENTS`` paths for a
cascade, one plan's neighbourhood — then the same pure function answers on that
small graph, with the same meaning as on the whole one. Nodes and edges come back
attribute for attribute (``_attrs``), keyed by their EdgeKind as in the stores.

Rule of every step: fetch a superset of what the query reads. A node the query
visits gets every edge of the kinds it follows there; an extra node nobody visits
changes no answer. Labels and relationship types come from the vocabulary, every
value is a parameter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import networkx as nx

from cancu.graph.cypher_dialect import NODE_LABEL, Dialect, label, rel_type
from cancu.graph.derived import LEADS_INDEX, METRIC_NODES
from cancu.graph.neo4j_store import _pack, decode_attrs
from cancu.ontology.ids import ascii_fold, number_key
from cancu.ontology.vocab import EdgeKind, NodeKind
from cancu.queries.common import PLANLIKE, find
from cancu.queries.targets import national

#: Ids per statement on a server without a message limit (FalkorDB's byte budget is the dialect's).
IDS_PER_STATEMENT = 1000

#: Prefixes ``cancu.queries.common.find`` puts before what a user typed.
_PREFIXES = ("doc:", "metric:", "agency:", "task:", "target:", "jur:")

#: Longest IMPLEMENTS or SUCCEEDED_BY chain followed upward (a cycle stops earlier).
MAX_CHAIN = 64

E = EdgeKind
AGENCY_EDGES = (E.LEADS, E.SUPPORTS)
CITATIONS = (E.BASED_ON, E.CITES)


class SubgraphReader:
    """Fetches nodes and edges into ``self.g``, each at most once per direction and kind."""

    def __init__(self, session: Any, dialect: Dialect, shared: SubgraphReader | None = None) -> None:
        """``shared``: a reader of the same session whose whole-label reads (``by_label``) are reused."""
        self.session, self.dialect = session, dialect
        self.g = nx.MultiDiGraph()
        self._done: set[tuple[str, str, str]] = set()  # (direction, kind, node id) already fetched
        self._by_label: dict[tuple, list[dict[str, Any]]] = shared._by_label if shared else {}
        self.statements = 0

    # ---- primitives -----------------------------------------------------------------------------
    def run(self, query: str, **params: Any) -> list[dict[str, Any]]:
        self.statements += 1
        params = {k: self.dialect.encode(v) for k, v in params.items()}
        return self.session.run(query, **params).data()

    def _batches(self, ids: Iterable[str]) -> Iterable[list[str]]:
        return _pack(sorted(set(ids)), min(IDS_PER_STATEMENT, self.dialect.max_batch * 10), self.dialect)

    def _node(self, key: str, attrs: str | None) -> None:
        if key not in self.g:
            self.g.add_node(key, **decode_attrs(attrs or "{}"))

    def nodes(self, ids: Iterable[str | None]) -> None:
        """Add the nodes of ``ids`` that exist on the server (others are not in the graph either)."""
        todo = {
            i for i in ids if isinstance(i, str) and i not in self.g and ("node", "", i) not in self._done
        }
        self._done.update(("node", "", i) for i in todo)
        for chunk in self._batches(todo):
            for r in self.run(
                f"UNWIND $ids AS i MATCH (n:{NODE_LABEL} {{id: i}}) RETURN n.id AS id, n._attrs AS a",
                ids=chunk,
            ):
                self._node(r["id"], r["a"])

    def _edges(self, ids: Iterable[str], kinds: Iterable[EdgeKind], outgoing: bool) -> set[str]:
        """Edges of ``kinds`` leaving (or reaching) ``ids``, with the node at their other end;
        returns those other ends (also for edges fetched before)."""
        kinds = [rel_type(k.value) for k in kinds]
        ids = set(ids)
        self.nodes(ids)
        direction = "out" if outgoing else "in"
        todo = {i for i in ids if i in self.g and any((direction, k, i) not in self._done for k in kinds)}
        arrow = f"-[r:{'|'.join(kinds)}]->"
        pattern = (
            f"(a:{NODE_LABEL} {{id: i}}){arrow}(b:{NODE_LABEL})"
            if outgoing
            else f"(b:{NODE_LABEL}){arrow}(a:{NODE_LABEL} {{id: i}})"
        )
        for chunk in self._batches(todo):
            rows = self.run(
                f"UNWIND $ids AS i MATCH {pattern} "
                "RETURN a.id AS a, type(r) AS k, r._attrs AS ra, b.id AS b, b._attrs AS ba",
                ids=chunk,
            )
            self._add_edges(rows, outgoing)
        self._done.update((direction, k, i) for i in todo for k in kinds)
        return self._ends(ids, kinds, outgoing)

    def _add_edges(self, rows: list[dict[str, Any]], outgoing: bool) -> None:
        for r in rows:
            self._node(r["b"], r["ba"])
            s, t = (r["a"], r["b"]) if outgoing else (r["b"], r["a"])
            if not self.g.has_edge(s, t, key=r["k"]):
                self.g.add_edge(s, t, key=r["k"], **decode_attrs(r["ra"] or "{}"))

    def _ends(self, ids: Iterable[str], kinds: list[str], outgoing: bool) -> set[str]:
        """The nodes at the other end of ``kinds`` edges of ``ids``, as fetched so far."""
        adjacency = self.g._succ if outgoing else self.g._pred
        wanted = set(kinds)
        return {b for i in ids if i in self.g for b, keyed in adjacency[i].items() if wanted & set(keyed)}

    def out(self, ids: Iterable[str], *kinds: EdgeKind) -> set[str]:
        return self._edges(ids, kinds, True)

    def into(self, ids: Iterable[str], *kinds: EdgeKind) -> set[str]:
        return self._edges(ids, kinds, False)

    def via(self, ids: Iterable[str], first: EdgeKind, *kinds: EdgeKind, outgoing: bool = True) -> set[str]:
        """``out`` (or ``into``) of ``kinds`` at the nodes ``ids`` reach by ``first`` edges, sending the
        few ``ids`` instead of the many nodes in between (a plan's tasks: 20 a plan, long ids)."""
        ids = set(ids)
        middle = self.out(ids, first)
        kinds_ = [rel_type(k.value) for k in kinds]
        direction = "out" if outgoing else "in"
        arrow = f"-[r:{'|'.join(kinds_)}]->"
        pattern = f"(a){arrow}(b:{NODE_LABEL})" if outgoing else f"(b:{NODE_LABEL}){arrow}(a)"
        todo = {
            i
            for i in ids
            if any(
                (direction, k, m) not in self._done
                for m in self.g._succ.get(i, {})
                if m in middle
                for k in kinds_
            )
        }
        for chunk in self._batches(todo):
            rows = self.run(
                f"UNWIND $ids AS i MATCH (:{NODE_LABEL} {{id: i}})-[:{rel_type(first.value)}]->(a:{NODE_LABEL}) "
                f"MATCH {pattern} RETURN a.id AS a, type(r) AS k, r._attrs AS ra, b.id AS b, b._attrs AS ba",
                ids=chunk,
            )
            self._add_edges(rows, outgoing)
        reached = {m for i in ids for m, keyed in self.g._succ.get(i, {}).items() if first.value in keyed}
        self._done.update((direction, k, m) for m in reached for k in kinds_)
        return self._ends(reached, kinds_, outgoing)

    def below(self, root: str) -> set[str]:
        """Every document implementing ``root``, at any depth (one variable-length path query)."""
        return self.below_each([root]).get(root, set())

    def below_each(self, roots: Iterable[str]) -> dict[str, set[str]]:
        """``below`` of many roots, a batch of roots a statement."""
        out: dict[str, set[str]] = {}
        for chunk in self._batches(roots):
            rows = self.run(
                f"UNWIND $ids AS i MATCH (d:{NODE_LABEL})-[:{rel_type(E.IMPLEMENTS.value)}*1..]->"
                f"(:{NODE_LABEL} {{id: i}}) RETURN i AS root, collect(DISTINCT d.id) AS below",
                ids=chunk,
            )
            for r in rows:
                out.setdefault(r["root"], set()).update(r["below"])
        return out

    def by_label(self, kind: NodeKind, **equal: str) -> set[str]:
        """Every node of one kind (optionally with a property equal to a value), e.g. the metric catalogue."""
        where = " AND ".join(f"n.{_equal_prop(p)} = ${p}" for p in equal)
        memo = (kind.value, *sorted(equal.items()))
        if memo not in self._by_label:
            self._by_label[memo] = self.run(
                f"MATCH (n:{label(kind.value)}) {'WHERE ' + where if where else ''} "
                "RETURN n.id AS id, n._attrs AS a",
                **equal,
            )
        rows = self._by_label[memo]
        for r in rows:
            self._node(r["id"], r["a"])
        return {r["id"] for r in rows}

    def graph_attrs(self) -> None:
        """The graph-level attributes kept on the server (the reform dates), read once per ``shared``."""
        from cancu.graph.neo4j_store import graph_attrs

        memo = ("graph",)
        if memo not in self._by_label:
            self.statements += 1
            self._by_label[memo] = [graph_attrs(self.session) or {}]
        self.g.graph.update(self._by_label[memo][0])

    # ---- what queries share ---------------------------------------------------------------------
    def find(self, what: str) -> list[str]:
        """``cancu.queries.common.find`` on the server: every node that could match what a user typed
        (by key, number key, folded name) is fetched, then ``find`` itself picks among them."""
        text = what.strip()
        self.nodes([text, *(p + text for p in _PREFIXES)])
        numbers = {number_key(text)}
        words = re.split(r"[\s@]+", text)
        if len(words) > 1:
            numbers.add(number_key(" ".join(words[:-1])))
            numbers.add(number_key("@".join(words[:-1])))
        for query, params in (
            (
                f"UNWIND $keys AS k MATCH (n:{NODE_LABEL} {{_nkey: k}}) RETURN n.id AS id, n._attrs AS a",
                {"keys": sorted(numbers - {""})},
            ),
            (
                f"MATCH (n:{NODE_LABEL} {{_fkey: $key}}) RETURN n.id AS id, n._attrs AS a",
                {"key": ascii_fold(text)},
            ),
        ):
            for r in self.run(query, **params):
                self._node(r["id"], r["a"])
        return find(self.g, what)

    def find_for_resolve(self, what: str) -> list[str]:
        """``find`` hits, plus what the CLI's ``_resolve`` counts when a number names several documents:
        the loaded nodes pointing at each."""
        hits = self.find(what)
        if len(hits) >= 2 and all(self.g.nodes[h].get("kind") in PLANLIKE for h in hits):
            rows = self.run(
                f"UNWIND $ids AS i MATCH (a:{NODE_LABEL})-[r]->(h:{NODE_LABEL} {{id: i}}) WHERE a.loaded = true "
                "RETURN a.id AS a, a._attrs AS aa, type(r) AS k, r._attrs AS ra, h.id AS h",
                ids=hits,
            )
            for r in rows:
                self._node(r["a"], r["aa"])
                if not self.g.has_edge(r["a"], r["h"], key=r["k"]):
                    self.g.add_edge(r["a"], r["h"], key=r["k"], **decode_attrs(r["ra"] or "{}"))
        return hits

    def attr_nodes(self, ids: Iterable[str], *names: str) -> None:
        """The nodes other nodes name in an attribute (a plan's ``issuer``, a target's ``plan``)."""
        self.nodes(self.g.nodes[i].get(n) for i in ids if i in self.g for n in names)

    def metric_keys(self, targets: Iterable[str]) -> None:
        """The Metric nodes targets name in their ``metric`` attribute, and those they MEASURE."""
        targets = [t for t in targets if t in self.g]
        self.out(targets, E.MEASURES)
        keys = []
        for t in targets:
            m = self.g.nodes[t].get("metric")
            if m:
                keys.append(m if str(m).startswith("metric:") else f"metric:{m}")
        self.nodes(keys)

    def successors(self, agencies: Iterable[str]) -> None:
        """Every SUCCEEDED_BY chain from ``agencies`` (labels of ended bodies and who took over)."""
        frontier = {a for a in agencies if a}
        seen: set[str] = set()
        for _ in range(MAX_CHAIN):
            frontier -= seen
            if not frontier:
                return
            seen |= frontier
            frontier = self.out(frontier, E.SUCCEEDED_BY)

    def chains_up(self, plans: Iterable[str], stop: set[str] = frozenset()) -> set[str]:
        """Every plan reached by following IMPLEMENTS upward from ``plans`` (all parents, a superset of
        ``implements_chain``'s first parents), not past the nodes of ``stop``."""
        frontier = set(plans)
        seen: set[str] = set()
        for _ in range(MAX_CHAIN):
            frontier -= seen
            if not frontier:
                break
            seen |= frontier
            frontier = {p for p in self.out(frontier - stop, E.IMPLEMENTS)}
        return seen

    def plan_leads(self, plans: set[str]) -> None:
        """``g.graph["plan_leads"]`` for ``plans`` as ``graph.derived.index_leads`` builds it (the agencies
        RESPONSIBLE_FOR a plan or LEADing one of its tasks), read without fetching the tasks."""
        index: dict[str, set[str]] = {}
        has_task, leads, resp = (rel_type(k.value) for k in (E.HAS_TASK, E.LEADS, E.RESPONSIBLE_FOR))
        for chunk in self._batches(plans):
            for query in (
                f"UNWIND $ids AS i MATCH (p:{NODE_LABEL} {{id: i}})-[:{has_task}]->(:{NODE_LABEL})"
                f"<-[:{leads}]-(a:{NODE_LABEL}) RETURN p.id AS p, collect(DISTINCT a.id) AS a",
                f"UNWIND $ids AS i MATCH (a:{NODE_LABEL})-[:{resp}]->(p:{NODE_LABEL} {{id: i}}) "
                "RETURN p.id AS p, collect(DISTINCT a.id) AS a",
            ):
                for r in self.run(query, ids=chunk):
                    index.setdefault(r["p"], set()).update(r["a"])
        agencies = set().union(*index.values()) if index else set()
        self.nodes(agencies)
        self.successors(agencies)
        self.g.graph[LEADS_INDEX] = {p: sorted(a) for p, a in sorted(index.items())}


def _equal_prop(name: str) -> str:
    if name not in ("level", "loaded"):
        raise ValueError(f"not a filter property: {name}")
    return name


# ---- one closure per query ----------------------------------------------------------------------


def for_trace(r: SubgraphReader, what: str) -> nx.MultiDiGraph:
    """What ``trace`` (and the CLI's ``_resolve``, ``show``) read: see ``GraphStore.subgraph_for_trace``."""
    g = r.g
    roots: set[str] = set()
    for h in r.find_for_resolve(what):
        kind = g.nodes[h].get("kind")
        if kind == NodeKind.METRIC.value:
            source = national(g, h)["source_document"]
            if source:
                roots |= {x for x in r.find(str(source)) if g.nodes[x].get("kind") in PLANLIKE}
        elif kind == NodeKind.TARGET.value:
            r.metric_keys([h])
            owners = r.into([h], E.HAS_TARGET)
            r.attr_nodes([h], "plan")
            plan = g.nodes[h].get("plan")
            roots |= {plan} if plan in g else owners
        elif kind in PLANLIKE:
            roots.add(h)
    plans: set[str] = set()
    for root in sorted(roots):
        cascade = {root} | r.below(root)
        plans |= cascade
        citers = {c for c in r.into([root], *CITATIONS) if g.nodes[c].get("loaded")}
        for top in r.chains_up(citers, stop=cascade) - cascade:
            plans |= {top} | r.below(top)
    _plans_for_trace(r, plans)
    return g


def _plans_for_trace(r: SubgraphReader, plans: set[str]) -> None:
    r.nodes(plans)
    r.out(plans, E.IMPLEMENTS)
    r.into(plans, E.IMPLEMENTS)
    r.attr_nodes(plans, "issuer", "jurisdiction")
    r.plan_leads(plans)
    targets = r.out(plans, E.HAS_TARGET)
    r.via(plans, E.HAS_TARGET, E.MEASURES, E.CASCADES_FROM)
    r.metric_keys(targets)


def for_responsible(r: SubgraphReader, what: str) -> nx.MultiDiGraph:
    """What ``responsible`` reads: see ``GraphStore.subgraph_for_responsible``."""
    g = r.g
    items: set[str] = set()
    for h in r.find_for_resolve(what):
        kind = g.nodes[h].get("kind")
        if kind in (NodeKind.TASK.value, NodeKind.TARGET.value):
            items.add(h)
        elif kind == NodeKind.METRIC.value:
            items |= r.into([h], E.MEASURES)
        elif kind in PLANLIKE:
            items |= r.out([h], E.HAS_TASK, E.HAS_TARGET)
    r.attr_nodes(items, "plan")
    owners = r.into(items, E.HAS_TASK, E.HAS_TARGET)
    plans = owners | {g.nodes[i].get("plan") for i in items if g.nodes[i].get("plan") in g}
    chain = r.chains_up(plans)
    r.attr_nodes(chain, "issuer")
    issuers = {i for i in (g.nodes[p].get("issuer") for p in chain) if i in g}
    # an issuer owns the targets no body is named to lead: its reporting lines are read too
    agencies = r.into(items, *AGENCY_EDGES) | r.into(plans, E.RESPONSIBLE_FOR) | issuers
    reported = r.out(agencies, E.REPORTS_TO)
    vias = [d.get("via") for a in agencies for _, keyed in g._succ[a].items() for d in keyed.values()]
    r.nodes(v for v in vias if isinstance(v, str))
    r.successors(agencies | reported)
    return g


def for_plans(r: SubgraphReader, plans: list[str]) -> nx.MultiDiGraph:
    """What ``audit`` and ``gaps`` read for the named plans: see ``GraphStore.subgraph_for_plans``."""
    g = r.g
    keys: set[str] = set()
    for name in plans:
        keys |= set(r.find_for_resolve(name))
    plan_neighbourhoods(r, keys)
    return g


def plan_neighbourhoods(r: SubgraphReader, keys: set[str], query: str | None = None) -> None:
    """Each plan's citations and what replaced or amended them (``audit``); its tasks with their
    agencies, its cascade's targets, its chain upward and what that cites, the metric catalogue and
    the district units' end (``gaps``). ``query``: "audit" or "gaps" fetches only that one's part."""
    g = r.g
    r.nodes(keys)
    if query in (None, "audit"):
        cited = r.out(keys, *CITATIONS)
        r.out(cited, E.REPLACED_BY, E.AMENDED_BY)
    if query == "audit":
        return
    cascade = set(keys)
    for below in r.below_each(k for k in keys if g.nodes[k].get("kind") in PLANLIKE).values():
        cascade |= below
    r.nodes(cascade)
    r.into(cascade, E.IMPLEMENTS)
    targets = r.out(cascade, E.HAS_TARGET)
    r.via(cascade, E.HAS_TARGET, E.MEASURES, E.CASCADES_FROM)
    r.metric_keys(targets)
    parents = r.out(targets, E.CASCADES_FROM)
    r.attr_nodes(parents, "plan")
    chain = r.chains_up(keys)
    r.out(chain, *CITATIONS)
    agencies = r.via(keys, E.HAS_TASK, *AGENCY_EDGES, outgoing=False)
    r.successors(agencies)
    g.graph[METRIC_NODES] = sorted(r.by_label(NodeKind.METRIC))  # the whole catalogue: a complete index
    r.graph_attrs()
    if "reforms" not in g.graph:  # pushed before the reforms were kept: gaps reads the district units
        r.by_label(NodeKind.JURISDICTION, level="district")


def loaded_plan_keys(r: SubgraphReader) -> list[str]:
    """Every loaded plan, sorted as ``queries.common.loaded_plans`` lists them."""
    rows = r.run(f"MATCH (p:{label(NodeKind.PLAN.value)}) WHERE p.loaded = true RETURN p.id AS id")
    return sorted(row["id"] for row in rows)
