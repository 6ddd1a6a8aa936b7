"""Adding, replacing or forgetting files without rebuilding the country (docs/store.md, "How a
load works").

Why: the stored rows are the graph of every record after the derived layer, and a load used to
rebuild all of it in memory — 20 s for one more plan at one synthetic year, growing with the store.
Here a load changes what the changed files touch and nothing else, with the full build's meaning:

1. each file's *contribution* — the ops ``Builder.record`` makes on each node and edge, a pure
   function of (record, registry) — is kept in ``node_contrib`` / ``edge_contrib``, keyed by the
   record order of ``assemble.record_order``;
2. every node and edge a changed file touched (before or after the change) is re-folded: the
   registry's own state for it, then every contribution to it in the record order — exactly what
   the full build does to it (``assemble.apply_node_op`` / ``apply_edge_op``);
3. the derived layer is recomputed, rule by rule (``derived.derive`` with a ``Scope``), for the
   touched nodes and what depends on them: plans citing a node whose kind, level or jurisdiction
   changed, IMPLEMENTS chains down from a plan whose parent or first targets changed, agencies whose
   UBND appeared or went, the sources of derived edges into a node that went; the plan indexes of
   the plans whose tasks, targets or responsible bodies changed;
4. only rows whose JSON differs are written.

The read side is ``OverlayGraph``: a ``LazyGraph`` over the stored rows in which the re-folded
nodes and edges, and the derived edges dropped or added, replace the stored ones — so the
derived rules read a cited document's attributes without ever reading its ten thousand citers.
A change of the registry, of the builder code, or a store without contributions is rebuilt whole
(``cancu.graph.embedded``). ``tests/test_store_incremental.py`` holds every case to one full build.
"""

from __future__ import annotations

import copy
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx

from cancu.graph.assemble import (
    Builder,
    Contribution,
    apply_edge_op,
    apply_node_op,
    freeze_attrs,
    new_edge,
    record_order,
)
from cancu.graph.derived import (
    METRIC_NODES,
    Scope,
    derive,
    first_targets,
    leads_of,
    metrics_of,
    successions,
)
from cancu.graph.resolve import Resolver
from cancu.graph.sqlite_db import decode, encode, encode_unsorted
from cancu.graph.sqlite_graph import LazyGraph, lookup_keys
from cancu.ontology.record import PlanRecord
from cancu.ontology.registry import Registry
from cancu.ontology.vocab import EdgeKind, NodeKind

EdgeKey = tuple[str, str, str]
_IMPLEMENTS, _CASCADES, _PART_OF, _SUCCEEDED = (
    EdgeKind.IMPLEMENTS.value,
    EdgeKind.CASCADES_FROM.value,
    EdgeKind.PART_OF.value,
    EdgeKind.SUCCEEDED_BY.value,
)
_CITING = (EdgeKind.BASED_ON.value, EdgeKind.CITES.value)
_PLAN, _TARGET, _AGENCY = NodeKind.PLAN.value, NodeKind.TARGET.value, NodeKind.AGENCY.value
_UBND = "agency:ubnd@"


def order_text(rec: PlanRecord) -> str:
    """``record_order`` as one text that sorts like the tuple (``\\x01`` below every printed char)."""
    return "\x01".join(record_order(rec))


# ---- contributions ---------------------------------------------------------------------------------


def contribution(rec: PlanRecord, registry: Registry, res: Resolver) -> Contribution:
    """What ``rec`` gives each node and edge, as the full build would apply it."""
    sink = Contribution()
    Builder(registry, res, sink).record(rec)
    return sink


def effective(contrib: Contribution, base: nx.MultiDiGraph) -> Contribution:
    """The contribution without the ops that cannot change what the registry already made: a bare
    mention (an edge's end) of a registry node, a catalogue metric's or an area's label again. Every
    plan's tasks are in an area and its targets measure catalogue metrics: kept, each would make
    those few nodes re-folded from tens of thousands of rows at every load."""
    nodes = {}
    for key, ops in contrib.nodes.items():
        data = base._node.get(key)
        if data is not None and data.get("kind") in _SETTLED:
            ops = [op for op in ops if not _settled(data, op)]
        if ops or data is None:
            nodes[key] = ops
    return Contribution(nodes, contrib.edges, contrib.plan)


_SETTLED = (NodeKind.METRIC.value, NodeKind.AREA.value)  # no record gives them an origin or a status


def _settled(data: dict, op: list) -> bool:
    """A cited mention whose every attribute the registry's node already holds (no op on a metric
    or an area ever empties one)."""
    return op[0] == "n" and op[2] is None and all(data.get(k) not in (None, "", False) for k in op[3])


#: ops are only read back by ``decode``: no sorted keys (``encode``'s, for comparing rows) needed
_ops_text = encode_unsorted


def write_contribution(db: sqlite3.Connection, file: str, order: str, contrib: Contribution) -> None:
    """A file's contribution as rows (``effective`` ones: the caller's), and the list of what it
    touches (``file_contrib``: what a change of the file re-folds, and deletes by key). The record's
    own nodes and their edges (its document, tasks, targets: five in six) get no row: only that file
    ever gives them — or a copy of it under another path — so ``file_plan`` names each plan's files,
    and their ops are made again from the record when folded (``_Folder``)."""
    own = contrib.own
    db.executemany(
        "INSERT OR REPLACE INTO node_contrib(key, ord, file, ops) VALUES (?, ?, ?, ?)",
        ((key, order, file, _ops_text(ops)) for key, ops in contrib.nodes.items() if not own(key)),
    )
    db.executemany(
        "INSERT OR REPLACE INTO edge_contrib(src, dst, kind, ord, file, ops) VALUES (?, ?, ?, ?, ?, ?)",
        (
            (a, b, k, order, file, _ops_text(ops))
            for (a, b, k), ops in contrib.edges.items()
            if not (own(a) or own(b))
        ),
    )
    db.execute(
        "INSERT OR REPLACE INTO file_contrib(file, ord, nodes, edges) VALUES (?, ?, ?, ?)",
        (file, order, _ops_text(list(contrib.nodes)), _ops_text(list(contrib.edges))),
    )
    if contrib.plan is not None:
        db.execute(
            "INSERT OR REPLACE INTO file_plan(plan, ord, file) VALUES (?, ?, ?)", (contrib.plan, order, file)
        )


def clear_contributions(db: sqlite3.Connection) -> None:
    for table in ("node_contrib", "edge_contrib", "file_contrib", "file_plan"):
        db.execute(f"DELETE FROM {table}")  # noqa: S608 -- the four table names above


def _drop_file(db: sqlite3.Connection, file: str) -> tuple[set[str], set[EdgeKey]]:
    """Remove a file's contributions; returns the nodes and edges they touched."""
    row = db.execute("SELECT ord, nodes, edges FROM file_contrib WHERE file = ?", (file,)).fetchone()
    if row is None:
        return set(), set()
    order, nodes, edges = row[0], set(decode(row[1])), {tuple(e) for e in decode(row[2])}
    db.executemany(
        "DELETE FROM node_contrib WHERE key = ? AND ord = ? AND file = ?", ((k, order, file) for k in nodes)
    )
    db.executemany(
        "DELETE FROM edge_contrib WHERE src = ? AND dst = ? AND kind = ? AND ord = ? AND file = ?",
        ((a, b, k, order, file) for a, b, k in edges),
    )
    db.execute("DELETE FROM file_contrib WHERE file = ?", (file,))
    db.execute("DELETE FROM file_plan WHERE file = ?", (file,))
    return nodes, edges  # type: ignore[return-value]


def owners(key: str) -> list[str]:
    """Every plan key whose record would own ``key`` (``Contribution.own``): the key itself, and for
    a task or a target ``doc:`` + what precedes each ``#`` in it (a document id may hold one)."""
    found = [key]
    for kind in ("task:", "target:"):
        if key.startswith(kind):
            rest = key[len(kind) :]
            found += [f"doc:{rest[:i]}" for i, ch in enumerate(rest) if ch == "#"]
    return found


class _Folder:
    """Folds nodes and edges from their contribution rows; an op list not stored (a record's own
    nodes and edges) is made again from the file's record, once per file and load."""

    def __init__(
        self,
        db: sqlite3.Connection,
        base: nx.MultiDiGraph,
        registry: Registry,
        res: Resolver,
        known: dict[str, Contribution],
    ) -> None:
        self.db, self.base, self.registry, self.res = db, base, registry, res
        self.known = dict(known)

    def _of(self, file: str) -> Contribution:
        contrib = self.known.get(file)
        if contrib is None:
            (text,) = self.db.execute("SELECT record FROM files WHERE key = ?", (file,)).fetchone()
            record = PlanRecord.from_dict(decode(text))
            contrib = self.known[file] = effective(contribution(record, self.registry, self.res), self.base)
        return contrib

    def _own_rows(self, keys: list[str], gives: Callable[[Contribution], bool]) -> list[tuple[str, str, str]]:
        """``(ord, file, "")`` of each file whose record owns one of ``keys`` and gives what is folded
        (``gives``): the rows ``write_contribution`` does not store, in the same form."""
        files: dict[str, str] = {}
        for key in keys:
            for plan in owners(key):
                for order, file in self.db.execute("SELECT ord, file FROM file_plan WHERE plan = ?", (plan,)):
                    files[file] = order
        return [(order, file, "") for file, order in files.items() if gives(self._of(file))]

    def has_contribution(self, key: str) -> bool:
        """Whether any stored file gives ``key`` (a row, or a record that owns it)."""
        row = self.db.execute("SELECT 1 FROM node_contrib WHERE key = ? LIMIT 1", (key,)).fetchone()
        return row is not None or bool(self._own_rows([key], lambda c: key in c.nodes))

    def node(self, key: str) -> dict[str, Any] | None:
        """A node as the full build leaves it before the derived layer (None: no one gives it)."""
        base = self.base
        data = copy.deepcopy(base._node[key]) if key in base._node else None
        rows = self.db.execute("SELECT ord, file, ops FROM node_contrib WHERE key = ?", (key,)).fetchall()
        rows += self._own_rows([key], lambda c: key in c.nodes)
        for _, file, text in sorted(rows):
            if data is None:
                data = {}
            for op in decode(text) if text else self._of(file).nodes[key]:
                apply_node_op(data, op)
        return data

    def edge(self, edge: EdgeKey) -> dict[str, Any] | None:
        a, b, k = edge
        keyed = self.base._succ.get(a, {}).get(b, {})
        data = copy.deepcopy(keyed[k]) if k in keyed else None
        rows = self.db.execute(
            "SELECT ord, file, ops FROM edge_contrib WHERE src = ? AND dst = ? AND kind = ?", edge
        ).fetchall()
        rows += self._own_rows([a, b], lambda c: edge in c.edges)
        for _, file, text in sorted(rows):
            if data is None:
                data = new_edge(k)
            for op in decode(text) if text else self._of(file).edges[edge]:
                apply_edge_op(data, op)
        return data


# ---- the overlay graph ----------------------------------------------------------------------------


class OverlayGraph(LazyGraph):
    """The stored graph with some nodes and edges replaced (re-folded, dropped, derived anew).
    Adding an edge never reads either end's adjacency (a province's UBND leads thousands of tasks)."""

    def __init__(self, db: sqlite3.Connection, root: Path, nodes: dict[str, dict | None]) -> None:
        super().__init__(db, root)
        self.node_over = nodes
        self.edge_over: dict[EdgeKey, dict | None] = {}
        self._over_out: dict[str, set[tuple[str, str]]] = {}
        self._over_in: dict[str, set[tuple[str, str]]] = {}
        self.created: set[str] = set()

    def _has_node(self, key: str) -> bool:
        if key in self.node_over:
            data = self.node_over[key]
            self._exists[key] = data is not None
            if data is not None and not dict.__contains__(self._node, key):
                dict.__setitem__(self._node, key, data)
            return data is not None
        return super()._has_node(key)

    def _fetch_node(self, key: str) -> dict[str, Any]:
        if key in self.node_over:
            return self.node_over[key]  # type: ignore[return-value]
        return super()._fetch_node(key)

    def _fetch_adjacent(self, query: str, key: str, pair) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        rows = self._db.execute(query, (key,)).fetchall()
        texts, exists, over, gone = self._node_text, self._exists, self.edge_over, self.node_over
        for other, k, text, node_text in rows:
            a, b = pair(other)
            if (a, b, k) in over or (other in gone and gone[other] is None):
                continue
            keyed = out.get(other)
            if keyed is None:
                keyed = out[other] = self._keyed_for(a, b)
            if k not in keyed:
                keyed[k] = decode(text)
            if other not in exists and other not in gone:
                exists[other] = True
                texts[other] = node_text
        mine = self._over_out if query is self._SUCC else self._over_in
        for other, k in mine.get(key, ()):
            a, b = pair(other)
            data = over[(a, b, k)]
            if data is None:
                continue
            keyed = out.get(other)
            if keyed is None:
                keyed = out[other] = self._keyed_for(a, b)
            keyed[k] = data
        return out

    def set_edge(self, edge: EdgeKey, data: dict | None) -> None:
        """Replace (or with None, remove) one edge, in the rows to come and in any dict read."""
        a, b, k = edge
        self.edge_over[edge] = data
        self._over_out.setdefault(a, set()).add((b, k))
        self._over_in.setdefault(b, set()).add((a, k))
        keyed = self._keyed_for(a, b)
        if data is None:
            keyed.pop(k, None)
        else:
            keyed[k] = data
        for outer, x, y in ((self._succ, a, b), (self._pred, b, a)):
            if dict.__contains__(outer, x):
                inner = dict.__getitem__(outer, x)
                if keyed:
                    inner[y] = keyed
                else:
                    inner.pop(y, None)

    def add_edge(self, u_for_edge, v_for_edge, key=None, **attr):  # type: ignore[override]
        edge = (u_for_edge, v_for_edge, key)
        data = self.edge_over.get(edge) or {}
        data.update(attr)
        self.set_edge(edge, data)
        return key

    def add_node(self, node_for_adding, **attr):  # type: ignore[override]
        key = node_for_adding
        if key in self:
            self._node[key].update(attr)
            return
        self.node_over[key] = attr
        self.created.add(key)
        self._exists[key] = True
        dict.__setitem__(self._node, key, attr)
        for lazy in (self._node, self._succ, self._pred):
            lazy._missing.discard(key)

    def forget_node(self, key: str) -> None:
        """The node is absent from here on (its edges are the caller's)."""
        self.node_over[key] = None
        self.created.discard(key)
        self._exists[key] = False
        self._node_text.pop(key, None)
        for lazy in (self._node, self._succ, self._pred):
            dict.pop(lazy, key, None)

    def sources(self, key: str, kinds: Iterable[str]) -> set[str]:
        """The sources of ``key``'s in-edges of these kinds, from the index (the in-edges of a
        cited document are never all read) and the replaced edges."""
        kinds = tuple(kinds)
        marks = ",".join("?" * len(kinds))
        rows = self._db.execute(
            f"SELECT src, key FROM edges WHERE dst = ? AND key IN ({marks})",  # noqa: S608 -- placeholders only
            (key, *kinds),
        )
        found = {a for a, k in rows if (a, key, k) not in self.edge_over}
        found |= {
            a for a, k in self._over_in.get(key, ()) if k in kinds and self.edge_over[(a, key, k)] is not None
        }
        return found

    def has_in(self, key: str, kinds: tuple[str, ...]) -> bool:
        return bool(self.sources(key, kinds))

    def data(self, key: str) -> dict | None:
        """A node's current attributes (None: absent)."""
        return self._node[key] if key in self else None


# ---- one incremental load -------------------------------------------------------------------------


def apply_changes(
    db: sqlite3.Connection,
    root: Path,
    changes: dict[str, PlanRecord | None],
    registry: Registry,
) -> dict[str, Any]:
    """Make the rows those of a full build after ``changes`` (file key -> its new record, None
    when forgotten), inside the caller's transaction. Returns what was written, and the new counts."""
    res = Resolver(registry)
    base = base_graph(registry, res)

    fresh = {
        f: effective(contribution(rec, registry, res), base) for f, rec in changes.items() if rec is not None
    }
    touched: set[str] = set()
    touched_edges: set[EdgeKey] = set()
    before: dict[str, set[str]] = {}
    for f in changes:
        nodes, edges = _drop_file(db, f)
        before[f] = nodes
        touched |= nodes
        touched_edges |= edges
    for contrib in fresh.values():
        touched |= set(contrib.nodes)
        touched_edges |= set(contrib.edges)
    had_contribution = {k for nodes in before.values() for k in nodes}
    for f, contrib in fresh.items():
        write_contribution(db, f, order_text(changes[f]), contrib)  # type: ignore[arg-type]

    old = _Stored(db)
    folder = _Folder(db, base, registry, res, fresh)
    folded = {k: folder.node(k) for k in sorted(touched)}
    g = OverlayGraph(db, root, dict(folded))
    for edge in sorted(touched_edges):
        g.set_edge(edge, folder.edge(edge))

    def existed(key: str) -> bool:
        """In the graph of records and registry before this load (not made by successions)."""
        return old.exists(key) and (
            key in base._node or key in had_contribution or folder.has_contribution(key)
        )

    def exists(key: str) -> bool:
        """The same after this load's contributions."""
        if key in g.created:
            return False
        if key in folded:
            return folded[key] is not None
        return key in g and (key in base._node or folder.has_contribution(key))

    scope_nodes = set(touched)
    scope_targets: set[str] = set()
    dropped: dict[EdgeKey, dict] = {}

    for key in sorted(touched):
        now, was = folded[key], old.node(key)
        if now is None and was is not None:  # gone: what its derived in-edges came from is derived again
            for a, k, attrs in old.in_edges(key):
                if _derived(k, attrs, base, (a, key, k)):
                    (scope_targets if k == _CASCADES else scope_nodes).add(a)
        if _facet(now) != _facet(was):  # plans citing it may implement another parent
            scope_nodes |= g.sources(key, _CITING)
        if key.startswith(_UBND) and existed(key) != exists(key):
            scope_nodes |= _agencies_under(db, g, key.removeprefix(_UBND))

    for key in sorted(scope_nodes):
        for b, k, attrs in old.out_edges(key, (_IMPLEMENTS, _PART_OF, _SUCCEEDED)):
            if _derived(k, attrs, base, (key, b, k)):
                dropped[(key, b, k)] = attrs
                g.set_edge((key, b, k), None)

    def targets() -> set[str]:
        """After IMPLEMENTS: targets of plans whose parent or first targets changed, and of every
        plan below them, and the touched targets."""
        changed = set()
        for key in sorted(scope_nodes):
            was = {b for (a, b, k) in dropped if a == key and k == _IMPLEMENTS}
            now = {b for b, k in g._over_out.get(key, ()) if k == _IMPLEMENTS and g.edge_over[(key, b, k)]}
            if was != now:
                changed.add(key)
        for key in sorted(touched):
            if _kind(folded[key]) == _PLAN or _kind(old.node(key)) == _PLAN:
                new = first_targets(g, key) if folded[key] is not None else {}
                if new != old.first_targets(key):
                    changed.add(key)
        todo, seen = sorted(changed), set(changed)
        while todo:
            plan = todo.pop()
            for child in g.sources(plan, (_IMPLEMENTS,)):
                if child not in seen:
                    seen.add(child)
                    todo.append(child)
        out = set(scope_targets)
        out |= {k for k in touched if _kind(folded[k]) == _TARGET}
        has_target = EdgeKind.HAS_TARGET.value
        for plan in seen:
            if plan in g:
                out |= {t for t, keyed in g._succ[plan].items() if has_target in keyed}
        for t in sorted(out):
            for b, k, attrs in old.out_edges(t, (_CASCADES,)):
                dropped[(t, b, k)] = attrs
                g.set_edge((t, b, k), None)
        return out

    derive(g, res, Scope(scope_nodes, targets, exists, g.has_in))
    again = _successors_made_again(g, res, old, base, exists, dropped)

    # what this load changed: the folded and derived nodes, the replaced and derived edges
    node_keys = touched | scope_nodes | g.created | again
    for (a, b, k), _ in list(dropped.items()):
        if g.edge_over.get((a, b, k)) is None and k == _SUCCEEDED and b not in node_keys:
            node_keys.add(b)  # a successor no one succeeds to any more goes, unless given otherwise
    final_nodes: dict[str, dict | None] = {}
    for key in sorted(node_keys):
        data = g.data(key)
        made_by_successions = key not in folded and key not in g.created and not exists(key)
        if data is not None and made_by_successions and not g.has_in(key, (_SUCCEEDED,)):
            data = None  # and no one succeeds to it any more
        final_nodes[key] = None if data is None else freeze_attrs(data)
    final_edges: dict[EdgeKey, dict | None] = {}
    for edge, data in g.edge_over.items():
        ends_gone = final_nodes.get(edge[0], {}) is None or final_nodes.get(edge[1], {}) is None
        final_edges[edge] = None if data is None or ends_gone else freeze_attrs(data)

    plans = _index_candidates(g, touched, touched_edges, folded)
    return _write(db, g, old, final_nodes, final_edges, plans)


def _successors_made_again(
    g: OverlayGraph,
    res: Resolver,
    old: _Stored,
    base: nx.MultiDiGraph,
    exists,
    dropped: dict[EdgeKey, dict],
) -> set[str]:
    """A successor only successions make (no record names it) is made — and named — by the first
    body, by key, that passes to it (``derived.successions``). When this load's successions reached
    one, it is made again by every body passing to it, in that order. Returns the nodes changed."""
    made = {b for (a, b, k) in g.edge_over if k == _SUCCEEDED and not exists(b)}
    if not made:
        return set()
    bodies = set().union(*(g.sources(t, (_SUCCEEDED,)) for t in made))
    for t in made:
        g.forget_node(t)
    for body in sorted(bodies):
        for b, k, attrs in old.out_edges(body, (_SUCCEEDED,)):
            if (body, b, k) not in g.edge_over and _derived(k, attrs, base, (body, b, k)):
                dropped[(body, b, k)] = attrs
                g.set_edge((body, b, k), None)
        for b, k in list(g._over_out.get(body, ())):
            if k == _SUCCEEDED and g.edge_over[(body, b, k)] is not None:
                g.set_edge((body, b, k), None)
    successions(g, res, {b for b in bodies if exists(b)})
    return made | bodies


def _kind(data: dict | None) -> str | None:
    return data.get("kind") if data else None


def _facet(data: dict | None) -> tuple | None:
    """What a cited node shows the plans citing it (``derived.implements``)."""
    return None if data is None else (data.get("kind"), data.get("level"), data.get("jurisdiction"))


def _derived(kind: str, attrs: dict, base: nx.MultiDiGraph, edge: EdgeKey) -> bool:
    """An edge the derived layer made (a succession the registry itself lists is not)."""
    if kind in (_IMPLEMENTS, _CASCADES) or attrs.get("derived"):
        return True
    a, b, k = edge
    return kind == _SUCCEEDED and k not in base._succ.get(a, {}).get(b, {})


def _agencies_under(db: sqlite3.Connection, g: OverlayGraph, jur: str) -> set[str]:
    """The agencies of a jurisdiction (PART_OF its UBND) and the UBNDs one level below it."""
    out = {a for a in g.sources(f"jur:{jur}", (EdgeKind.IN_JURISDICTION.value,)) if a.startswith("agency:")}
    prefix = f"{_UBND}{jur}."
    below = db.execute("SELECT key FROM nodes WHERE key > ? AND key < ?", (prefix, prefix[:-1] + "/"))
    out |= {k for (k,) in below if "." not in k.removeprefix(prefix)}
    return out


def _index_candidates(
    g: OverlayGraph, touched: set[str], touched_edges: set[EdgeKey], folded: dict[str, dict | None]
) -> set[str]:
    """Plans whose ``plan_leads`` / ``plan_metrics`` may change: an edge to their tasks, targets or
    from a responsible body changed, or one of their tasks or targets."""
    owning = (EdgeKind.HAS_TASK.value, EdgeKind.HAS_TARGET.value)
    plans = {a for a, _, k in touched_edges if k in owning}
    plans |= {b for _, b, k in touched_edges if k == EdgeKind.RESPONSIBLE_FOR.value}
    for key in touched:
        if _kind(folded[key]) in (NodeKind.TASK.value, _TARGET) or key.startswith(("task:", "target:")):
            plans |= g.sources(key, owning)
    return plans


class _Stored:
    """The rows as they were before this load (read before any is written)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self._nodes: dict[str, dict | None] = {}
        self._view: LazyGraph | None = None

    def node(self, key: str) -> dict | None:
        if key not in self._nodes:
            row = self.db.execute("SELECT attrs FROM nodes WHERE key = ?", (key,)).fetchone()
            self._nodes[key] = decode(row[0]) if row else None
        return self._nodes[key]

    def exists(self, key: str) -> bool:
        return self.node(key) is not None

    def in_edges(self, key: str, kinds: tuple[str, ...] | None = None) -> Iterator[tuple[str, str, dict]]:
        for a, k, text in self.db.execute("SELECT src, key, attrs FROM edges WHERE dst = ?", (key,)):
            if kinds is None or k in kinds:
                yield a, k, decode(text)

    def out_edges(self, key: str, kinds: tuple[str, ...]) -> list[tuple[str, str, dict]]:
        marks = ",".join("?" * len(kinds))
        rows = self.db.execute(
            f"SELECT dst, key, attrs FROM edges WHERE src = ? AND key IN ({marks})",  # noqa: S608 -- placeholders only
            (key, *kinds),
        )
        return [(b, k, decode(t)) for b, k, t in rows]

    def first_targets(self, plan: str) -> dict[str, str]:
        if self._view is None:
            self._view = LazyGraph(self.db, Path("."))
        return first_targets(self._view, plan) if plan in self._view else {}


def _write(
    db: sqlite3.Connection,
    g: OverlayGraph,
    old: _Stored,
    nodes: dict[str, dict | None],
    edges: dict[EdgeKey, dict | None],
    plans: set[str],
) -> dict[str, Any]:
    """Write the rows that differ; returns the counts of the store and of this write."""
    stats = {"nodes_written": 0, "edges_written": 0, "nodes_deleted": 0, "edges_deleted": 0, "nodes_added": 0}
    edges_added = 0
    by_kind_delta: dict[str, int] = {}
    metric_nodes = set(decode(_graph_attr(db, METRIC_NODES) or "[]"))
    node_rows = []
    for key, data in nodes.items():
        row = db.execute("SELECT kind, attrs FROM nodes WHERE key = ?", (key,)).fetchone()
        if data is None:
            if row is not None:
                db.execute("DELETE FROM nodes WHERE key = ?", (key,))
                stats["nodes_deleted"] += 1
                by_kind_delta[row[0] or "?"] = by_kind_delta.get(row[0] or "?", 0) - 1
            metric_nodes.discard(key)
            continue
        text = encode(data)
        if row is None or row[1] != text:
            stats["nodes_added"] += row is None
            node_rows.append((key, data.get("kind"), *lookup_keys(data), text))
            if row is not None:
                by_kind_delta[row[0] or "?"] = by_kind_delta.get(row[0] or "?", 0) - 1
            by_kind_delta[data.get("kind") or "?"] = by_kind_delta.get(data.get("kind") or "?", 0) + 1
        if data.get("kind") == NodeKind.METRIC.value:
            metric_nodes.add(key)
        else:
            metric_nodes.discard(key)
    db.executemany(
        "INSERT OR REPLACE INTO nodes(key, kind, number_key, name_key, attrs) VALUES (?, ?, ?, ?, ?)",
        node_rows,
    )
    stats["nodes_written"] = len(node_rows)
    edge_rows = []
    for (a, b, k), data in edges.items():
        row = db.execute(
            "SELECT attrs FROM edges WHERE src = ? AND dst = ? AND key = ?", (a, b, k)
        ).fetchone()
        if data is None:
            if row is not None:
                db.execute("DELETE FROM edges WHERE src = ? AND dst = ? AND key = ?", (a, b, k))
                stats["edges_deleted"] += 1
            continue
        text = encode(data)
        if row is None or row[0] != text:
            edges_added += row is None
            edge_rows.append((a, b, k, text))
    db.executemany("INSERT OR REPLACE INTO edges(src, dst, key, attrs) VALUES (?, ?, ?, ?)", edge_rows)
    stats["edges_written"] = len(edge_rows)
    for key, data in nodes.items():  # no edge outlives its ends (each was dropped above; this makes sure)
        if data is None:
            stats["edges_deleted"] += db.execute(
                "DELETE FROM edges WHERE src = ? OR dst = ?", (key, key)
            ).rowcount
    stats["nodes_delta"] = stats["nodes_added"] - stats["nodes_deleted"]
    stats["edges_delta"] = edges_added - stats["edges_deleted"]
    for plan in sorted(plans):
        present = plan in g
        leads = leads_of(g, plan) if present else []
        metrics = metrics_of(g, plan) if present else {}
        new = (encode(leads) if leads else None, encode(metrics) if metrics else None)
        row = db.execute("SELECT leads, metrics FROM plan_index WHERE plan = ?", (plan,)).fetchone()
        if new == (None, None):
            if row is not None:
                db.execute("DELETE FROM plan_index WHERE plan = ?", (plan,))
        elif row is None or tuple(row) != new:
            db.execute(
                "INSERT OR REPLACE INTO plan_index(plan, leads, metrics) VALUES (?, ?, ?)", (plan, *new)
            )
    db.execute(
        "INSERT OR REPLACE INTO graph_attrs(name, value) VALUES (?, ?)",
        (METRIC_NODES, encode(sorted(metric_nodes))),
    )
    stats["by_kind_delta"] = by_kind_delta
    return stats


def _graph_attr(db: sqlite3.Connection, name: str) -> str | None:
    row = db.execute("SELECT value FROM graph_attrs WHERE name = ?", (name,)).fetchone()
    return row[0] if row else None


def base_graph(registry: Registry, res: Resolver | None = None) -> nx.MultiDiGraph:
    """What the registry alone makes (the start of every node's fold)."""
    builder = Builder(registry, res)
    builder.registry(registry)
    return builder.g


__all__ = [
    "apply_changes",
    "base_graph",
    "clear_contributions",
    "contribution",
    "effective",
    "order_text",
    "write_contribution",
]
