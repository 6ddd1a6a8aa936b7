"""The graph as SQLite rows, both ways: a built graph written as a diff, and the rows read back
either whole (exports, whole-store queries) or lazily (a query about one plan reads only the
nodes and edges it touches).

Rows: ``nodes(key, kind, number_key, name_key, attrs)``, ``edges(src, dst, key, attrs)``,
``plan_index(plan, leads, metrics)`` (the ``plan_leads`` / ``plan_metrics`` indexes of
``cancu.graph.derived``) and ``graph_attrs(name, value)`` (the rest of ``g.graph``). The
``number_key`` and ``name_key`` columns are what ``queries.common.find`` compares, so a lookup
by document number or name is an index seek, not a scan.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx

from cancu.graph.derived import LEADS_INDEX, METRICS_INDEX
from cancu.graph.sqlite_db import decode, encode, indexes_built_after, translated
from cancu.ontology.ids import ascii_fold, number_key

PLAN_INDEXES = (LEADS_INDEX, METRICS_INDEX)


def lookup_keys(attrs: dict[str, Any]) -> tuple[str | None, str]:
    """The two columns ``find`` searches: a document's number key, and the folded name or label."""
    number = attrs.get("number")
    return (
        number_key(number) if number else None,
        ascii_fold(str(attrs.get("name") or attrs.get("label") or "")),
    )


#: rows compared and written a batch at a time: the store's old texts and the new ones are never
#: all in memory next to the graph (they were half a full load's peak)
CHUNK = 5000


def write_diff(db: sqlite3.Connection, g: nx.MultiDiGraph, consume: bool = False) -> dict[str, int]:
    """Make the rows equal to ``g``, touching only rows whose content differs: a changed file's
    facts are rewritten, the rest of the country is compared, not written. Returns the counts.
    An empty graph (a first load) is filled in key order with its secondary indexes built after.
    ``consume``: ``g`` is used up — each node's and edge's attributes are emptied once its row is
    written, so the rows' texts never sit next to the whole graph (a full load's peak)."""
    if db.execute("SELECT 1 FROM nodes LIMIT 1").fetchone() is None:
        with indexes_built_after(db):
            return _write_diff(db, g, in_key_order=True, consume=consume)
    return _write_diff(db, g, in_key_order=False, consume=consume)


def _write_diff(
    db: sqlite3.Connection, g: nx.MultiDiGraph, in_key_order: bool, consume: bool
) -> dict[str, int]:
    """``in_key_order``: rows inserted sorted by their primary key (appends to the B-trees)."""
    node_items = ((k, g._node[k]) for k in sorted(g._node)) if in_key_order else g._node.items()
    succ_items = ((k, g._succ[k]) for k in sorted(g._succ)) if in_key_order else g._succ.items()
    stored = {k for (k,) in db.execute("SELECT key FROM nodes")}
    nodes_written = 0
    for chunk in _chunks(node_items):
        texts = {key: encode(attrs) for key, attrs in chunk}
        old = _old_texts(db, _OLD_NODES, [k for k in texts if k in stored]) if stored else {}
        rows = [
            (key, attrs.get("kind"), *lookup_keys(attrs), texts[key])
            for key, attrs in chunk
            if old.get(key) != texts[key]
        ]
        db.executemany(
            "INSERT OR REPLACE INTO nodes(key, kind, number_key, name_key, attrs) VALUES (?, ?, ?, ?, ?)",
            rows,
        )
        nodes_written += len(rows)
        stored.difference_update(texts)
        if consume:
            del texts, rows
            for _, attrs in chunk:
                attrs.clear()
    db.executemany("DELETE FROM nodes WHERE key = ?", ((k,) for k in stored))
    nodes_deleted = len(stored)
    del stored
    stored_edges = {(a, b, k) for a, b, k in db.execute("SELECT src, dst, key FROM edges")}
    edges = edges_written = 0
    for chunk in _chunks(succ_items, _out_edges):  # CHUNK edges, not CHUNK sources
        texts = {
            (a, b, k): encode(attrs)
            for a, targets in chunk
            for b, keyed in (sorted(targets.items()) if in_key_order else targets.items())
            for k, attrs in (sorted(keyed.items()) if in_key_order else keyed.items())
        }
        edges += len(texts)
        old: dict = {}
        if stored_edges:
            for a, b, k, text in db.execute(_OLD_EDGES, (encode([a for a, _ in chunk]),)):
                old[(a, b, k)] = text
        rows = [(*edge, text) for edge, text in texts.items() if old.get(edge) != text]
        db.executemany("INSERT OR REPLACE INTO edges(src, dst, key, attrs) VALUES (?, ?, ?, ?)", rows)
        edges_written += len(rows)
        stored_edges.difference_update(texts)
        if consume:
            del texts, rows
            for _, targets in chunk:
                for keyed in targets.values():
                    for attrs in keyed.values():
                        attrs.clear()
    db.executemany("DELETE FROM edges WHERE src = ? AND dst = ? AND key = ?", stored_edges)
    _write_indexes(db, g)
    return {
        "nodes": g.number_of_nodes(),
        "edges": edges,
        "nodes_written": nodes_written,
        "edges_written": edges_written,
        "nodes_deleted": nodes_deleted,
        "edges_deleted": len(stored_edges),
    }


_OLD_NODES = "SELECT key, attrs FROM nodes WHERE key IN (SELECT value FROM json_each(?))"
_OLD_EDGES = "SELECT src, dst, key, attrs FROM edges WHERE src IN (SELECT value FROM json_each(?))"


def _old_texts(db: sqlite3.Connection, query: str, keys: list[str]) -> dict[str, str]:
    return dict(db.execute(query, (encode(keys),))) if keys else {}


def _chunks(items: Iterable[Any], weight: Callable[[Any], int] = lambda _: 1) -> Iterator[list[Any]]:
    """``items`` in lists of about ``CHUNK`` rows (``weight``: the rows one item stands for)."""
    chunk: list[Any] = []
    rows = 0
    for item in items:
        chunk.append(item)
        rows += weight(item)
        if rows >= CHUNK:
            yield chunk
            chunk, rows = [], 0
    if chunk:
        yield chunk


def _out_edges(item: tuple[str, dict[str, dict]]) -> int:
    """How many edges a node of ``g._succ.items()`` is the source of (a plan: dozens)."""
    return sum(len(keyed) for keyed in item[1].values())


def _write_indexes(db: sqlite3.Connection, g: nx.MultiDiGraph) -> None:
    leads, metrics = g.graph.get(LEADS_INDEX) or {}, g.graph.get(METRICS_INDEX) or {}
    rows = {
        plan: (
            encode(leads[plan]) if plan in leads else None,
            encode(metrics[plan]) if plan in metrics else None,
        )
        for plan in set(leads) | set(metrics)
    }
    old = {p: (a, b) for p, a, b in db.execute("SELECT plan, leads, metrics FROM plan_index")}
    db.executemany("DELETE FROM plan_index WHERE plan = ?", ((p,) for p in set(old) - set(rows)))
    db.executemany(
        "INSERT OR REPLACE INTO plan_index(plan, leads, metrics) VALUES (?, ?, ?)",
        ((p, a, b) for p, (a, b) in rows.items() if old.get(p) != (a, b)),
    )
    others = {name: encode(v) for name, v in g.graph.items() if name not in PLAN_INDEXES}
    db.execute("DELETE FROM graph_attrs")
    db.executemany("INSERT INTO graph_attrs(name, value) VALUES (?, ?)", sorted(others.items()))
    db.execute(
        "INSERT INTO graph_attrs(name, value) VALUES (?, ?)",
        ("_indexes", encode([n for n in PLAN_INDEXES if n in g.graph])),
    )


def read_graph(db: sqlite3.Connection, root: Path) -> nx.MultiDiGraph:
    """The whole graph (nodes sorted by key, neighbours sorted): built straight into networkx's
    adjacency dicts, as ``add_edge`` would, without its per-edge overhead."""
    g = nx.MultiDiGraph()
    with translated(root), _read_transaction(db):  # every table from the same commit
        node, succ, pred = g._node, g._succ, g._pred
        for key, text in db.execute("SELECT key, attrs FROM nodes ORDER BY key"):
            node[key] = decode(text)
            succ[key] = {}
            pred[key] = {}
        for a, b, k, text in db.execute("SELECT src, dst, key, attrs FROM edges ORDER BY src, dst, key"):
            keyed = succ[a].get(b)
            if keyed is None:
                keyed = succ[a][b] = pred[b][a] = {}
            keyed[k] = decode(text)
        g.graph.update(_graph_attrs(db))
        indexes = g.graph.pop("_indexes", list(PLAN_INDEXES))
        if LEADS_INDEX in indexes:
            g.graph[LEADS_INDEX] = {
                p: decode(t)
                for p, t in db.execute(
                    "SELECT plan, leads FROM plan_index WHERE leads IS NOT NULL ORDER BY plan"
                )
            }
        if METRICS_INDEX in indexes:
            g.graph[METRICS_INDEX] = {
                p: decode(t)
                for p, t in db.execute(
                    "SELECT plan, metrics FROM plan_index WHERE metrics IS NOT NULL ORDER BY plan"
                )
            }
    return g


@contextlib.contextmanager
def _read_transaction(db: sqlite3.Connection) -> Iterator[None]:
    """``BEGIN`` … ``COMMIT`` around several SELECTs (a WAL snapshot), unless one is already open."""
    if db.in_transaction:
        yield
        return
    db.execute("BEGIN")
    try:
        yield
    finally:
        db.execute("COMMIT")


def _graph_attrs(db: sqlite3.Connection) -> dict[str, Any]:
    return {name: decode(text) for name, text in db.execute("SELECT name, value FROM graph_attrs")}


# ---- the lazy graph ---------------------------------------------------------------------------


class _LazyAdjacency(dict):
    """networkx's outer adjacency dict, filled one node at a time from the rows on first access.
    Iterating it (a whole-graph scan) reads every row first: slow, but the same answer."""

    def __init__(self, graph: LazyGraph, fetch) -> None:
        super().__init__()
        self._graph, self._fetch, self._missing, self._complete = graph, fetch, set(), False

    def _load(self, key: Any) -> bool:
        if dict.__contains__(self, key):
            return True
        if self._complete or key in self._missing or not isinstance(key, str):
            return False
        if not self._graph._has_node(key):
            self._missing.add(key)
            return False
        dict.__setitem__(self, key, self._fetch(key))
        return True

    def __getitem__(self, key: Any) -> Any:
        if not self._load(key):
            raise KeyError(key)
        return dict.__getitem__(self, key)

    def __contains__(self, key: Any) -> bool:
        return self._load(key)

    def get(self, key: Any, default: Any = None) -> Any:
        return dict.__getitem__(self, key) if self._load(key) else default

    def _all(self) -> None:
        if not self._complete:
            for key in self._graph._all_keys():
                self._load(key)
            self._complete = True

    def __iter__(self) -> Iterator[Any]:
        self._all()
        return dict.__iter__(self)

    def __len__(self) -> int:
        self._all()
        return dict.__len__(self)

    def keys(self):  # type: ignore[override]
        self._all()
        return dict.keys(self)

    def values(self):  # type: ignore[override]
        self._all()
        return dict.values(self)

    def items(self):  # type: ignore[override]
        self._all()
        return dict.items(self)


class _LazyNodes(_LazyAdjacency):
    """The node dict: a row read with an edge keeps its JSON text until the node itself is asked
    for (a plan's out-edges bring twenty task rows an audit never looks at)."""

    def _load(self, key: Any) -> bool:
        if dict.__contains__(self, key):
            return True
        text = self._graph._node_text.pop(key, None) if isinstance(key, str) else None
        if text is not None:
            dict.__setitem__(self, key, decode(text))
            return True
        return super()._load(key)


class _LazyIndex(dict):
    """A plan index of ``g.graph`` (``plan_leads`` / ``plan_metrics``) read one plan at a time."""

    def __init__(self, graph: LazyGraph, column: str) -> None:
        super().__init__()
        self._graph, self._column, self._absent = graph, column, set()

    def _load(self, plan: Any) -> bool:
        if dict.__contains__(self, plan):
            return True
        if plan in self._absent or not isinstance(plan, str):
            return False
        value = self._graph._index_row(plan, self._column)
        if value is None:
            self._absent.add(plan)
            return False
        dict.__setitem__(self, plan, value)
        return True

    def _prefill(self, plan: str, value: Any) -> None:
        """A row read by a bulk statement (None: the plan has no entry)."""
        if dict.__contains__(self, plan) or plan in self._absent:
            return
        if value is None:
            self._absent.add(plan)
        else:
            dict.__setitem__(self, plan, value)

    def __getitem__(self, plan: Any) -> Any:
        if not self._load(plan):
            raise KeyError(plan)
        return dict.__getitem__(self, plan)

    def __contains__(self, plan: Any) -> bool:
        return self._load(plan)

    def get(self, plan: Any, default: Any = None) -> Any:
        return dict.__getitem__(self, plan) if self._load(plan) else default


class LazyGraph(nx.MultiDiGraph):
    """A read-only ``MultiDiGraph`` over the store's rows: ``g._node[k]``, ``g._succ[k]``,
    ``g._pred[k]``, ``k in g`` and the plan indexes each read their rows on first use (one indexed
    SELECT), so ``trace``/``audit``/``gaps``/``responsible`` of one plan read that plan's
    neighbourhood, whatever the store's size. ``lookup`` answers ``find``'s number and name
    searches from the indexed columns. Same node and edge order as ``read_graph``."""

    def __init__(self, db: sqlite3.Connection, root: Path) -> None:
        self._db, self._root = db, root
        self._keyed: dict[tuple[str, str], dict[str, Any]] = {}
        self._exists: dict[str, bool] = {}
        self._node_text: dict[str, str] = {}  # rows read, not yet decoded (``_LazyNodes``)
        super().__init__()
        self._node = _LazyNodes(self, self._fetch_node)
        self._adj = self._succ = _LazyAdjacency(self, self._fetch_succ)
        self._pred = _LazyAdjacency(self, self._fetch_pred)
        with translated(root):
            attrs = _graph_attrs(db)
        indexes = attrs.pop("_indexes", list(PLAN_INDEXES))
        self.graph.update(attrs)
        if LEADS_INDEX in indexes:
            self.graph[LEADS_INDEX] = _LazyIndex(self, "leads")
        if METRICS_INDEX in indexes:
            self.graph[METRICS_INDEX] = _LazyIndex(self, "metrics")

    # -- what the lazy dicts call -------------------------------------------------------------
    def _has_node(self, key: str) -> bool:
        known = self._exists.get(key)
        if known is None:
            with translated(self._root):
                row = self._db.execute("SELECT attrs FROM nodes WHERE key = ?", (key,)).fetchone()
            known = self._exists[key] = row is not None
            if row is not None:
                dict.__setitem__(self._node, key, decode(row[0]))
        return known

    def _fetch_node(self, key: str) -> dict[str, Any]:
        with translated(self._root):
            row = self._db.execute("SELECT attrs FROM nodes WHERE key = ?", (key,)).fetchone()
        return decode(row[0])

    def _keyed_for(self, a: str, b: str) -> dict[str, Any]:
        keyed = self._keyed.get((a, b))
        if keyed is None:
            keyed = self._keyed[(a, b)] = {}
        return keyed

    # One query per node and direction reads the edges and the nodes at their other ends (a query
    # nearly always reads those next): half the round trips of reading them one by one. A node
    # read before keeps its dict (the one the queries may already hold).
    _SUCC = (
        "SELECT e.dst, e.key, e.attrs, n.attrs FROM edges e JOIN nodes n ON n.key = e.dst "
        "WHERE e.src = ? ORDER BY e.dst, e.key"
    )
    _PRED = (
        "SELECT e.src, e.key, e.attrs, n.attrs FROM edges e JOIN nodes n ON n.key = e.src "
        "WHERE e.dst = ? ORDER BY e.src, e.key"
    )

    def _fetch_succ(self, key: str) -> dict[str, dict[str, Any]]:
        return self._fetch_adjacent(self._SUCC, key, lambda other: (key, other))

    def _fetch_pred(self, key: str) -> dict[str, dict[str, Any]]:
        return self._fetch_adjacent(self._PRED, key, lambda other: (other, key))

    def _fetch_adjacent(self, query: str, key: str, pair) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        with translated(self._root):
            rows = self._db.execute(query, (key,)).fetchall()
        texts, exists = self._node_text, self._exists
        for other, k, text, node_text in rows:
            keyed = out.get(other)
            if keyed is None:
                keyed = out[other] = self._keyed_for(*pair(other))
            if k not in keyed:
                keyed[k] = decode(text)
            if other not in exists:
                exists[other] = True
                texts[other] = node_text
        return out

    # -- set-at-a-time reads (whole-store audit / gaps: ``cancu.graph.sqlite_bulk``) -----------------
    # Each reads many nodes' rows in one statement (the keys as one JSON array parameter) and fills
    # the same dicts the one-at-a-time reads fill, in the same order: a prefetch changes how many
    # statements run, never what a query sees.
    _BULK_NODES = "SELECT key, attrs FROM nodes WHERE key IN (SELECT value FROM json_each(?))"
    # the edges alone: the rows at their other ends are read once each after (an agency leads
    # hundreds of a batch's tasks; joining its row to every edge would read it hundreds of times)
    _BULK_SUCC = (
        "SELECT e.src, e.dst, e.key, e.attrs, NULL FROM edges e "
        "WHERE e.src IN (SELECT value FROM json_each(?)) ORDER BY e.src, e.dst, e.key"
    )
    _BULK_PRED = (
        "SELECT e.dst, e.src, e.key, e.attrs, NULL FROM edges e "
        "WHERE e.dst IN (SELECT value FROM json_each(?)) ORDER BY e.dst, e.src, e.key"
    )
    #: the same, reading the other end's row only for edges of the kinds given (``json_each(?)``)
    _BULK_SUCC_SOME = (
        "SELECT e.src, e.dst, e.key, e.attrs, n.attrs FROM edges e "
        "LEFT JOIN nodes n ON n.key = e.dst AND e.key IN (SELECT value FROM json_each(?)) "
        "WHERE e.src IN (SELECT value FROM json_each(?)) ORDER BY e.src, e.dst, e.key"
    )
    _BULK_INDEX = "SELECT plan, leads, metrics FROM plan_index WHERE plan IN (SELECT value FROM json_each(?))"

    def prefetch_nodes(self, keys: Iterable[str]) -> list[str]:
        """Read the node rows of ``keys`` not read yet; returns the keys that exist."""
        todo = sorted({k for k in keys if k not in self._exists})
        if todo:
            with translated(self._root):
                rows = self._db.execute(self._BULK_NODES, (encode(todo),)).fetchall()
            found = set()
            for key, text in rows:
                found.add(key)
                self._exists[key] = True
                if not dict.__contains__(self._node, key):
                    self._node_text[key] = text
            for key in todo:
                if key not in found:
                    self._exists[key] = False
        return [k for k in keys if self._exists.get(k)]

    def prefetch_adjacent(
        self, keys: Iterable[str], direction: str, ends_of: Iterable[str] | None = None
    ) -> None:
        """Read the out-edges (``direction`` "succ") or in-edges ("pred") of ``keys`` and the nodes at
        their other ends, in one statement (``ends_of``: only the ends of out-edges of these kinds;
        the others are read if ever asked for). Never ask for the in-edges of a cited document:
        every plan of the country cites 76/NQ-CP."""
        adjacency = self._succ if direction == "succ" else self._pred
        todo = sorted(k for k in set(self.prefetch_nodes(keys)) if not dict.__contains__(adjacency, k))
        if not todo:
            return
        query = self._BULK_SUCC if direction == "succ" else self._BULK_PRED
        params: tuple[str, ...] = (encode(todo),)
        if ends_of is not None and direction == "succ":
            query, params = self._BULK_SUCC_SOME, (encode(sorted(ends_of)), encode(todo))
        with translated(self._root):
            rows = self._db.execute(query, params).fetchall()
        found: dict[str, dict[str, dict[str, Any]]] = {k: {} for k in todo}
        texts, exists = self._node_text, self._exists
        for key, other, k, text, node_text in rows:
            out = found[key]
            keyed = out.get(other)
            if keyed is None:
                pair = (key, other) if direction == "succ" else (other, key)
                keyed = out[other] = self._keyed_for(*pair)
            if k not in keyed:
                keyed[k] = decode(text)
            if node_text is not None and other not in exists:  # None: an end not asked for
                exists[other] = True
                texts[other] = node_text
        for key, out in found.items():
            dict.__setitem__(adjacency, key, out)
        if ends_of is None:  # every other end's row, once each
            self.prefetch_nodes({other for out in found.values() for other in out})

    def prefetch_indexes(self, plans: Iterable[str]) -> None:
        """Read the ``plan_leads`` / ``plan_metrics`` rows of ``plans`` in one statement."""
        leads, metrics = self.graph.get(LEADS_INDEX), self.graph.get(METRICS_INDEX)
        todo = sorted(set(plans))
        if not todo:
            return
        with translated(self._root):
            rows = self._db.execute(self._BULK_INDEX, (encode(todo),)).fetchall()
        seen = set()
        for plan, lead_text, metric_text in rows:
            seen.add(plan)
            for index, text in ((leads, lead_text), (metrics, metric_text)):
                if isinstance(index, _LazyIndex):
                    index._prefill(plan, None if text is None else decode(text))
        for plan in set(todo) - seen:
            for index in (leads, metrics):
                if isinstance(index, _LazyIndex):
                    index._prefill(plan, None)

    def release(self) -> None:
        """Drop every row read (the lazy dicts point back at the graph: without this a batch's rows
        would wait for the cyclic collector). The graph is unusable after."""
        for lazy in (self._node, self._succ, self._pred):
            dict.clear(lazy)
            lazy._graph = None
        for index in self.graph.values():
            if isinstance(index, _LazyIndex):
                dict.clear(index)
                index._graph = None
        self._keyed.clear()
        self._exists.clear()
        self._node_text.clear()
        self.graph.clear()

    def _all_keys(self) -> list[str]:
        with translated(self._root):
            return [k for (k,) in self._db.execute("SELECT key FROM nodes ORDER BY key")]

    def _index_row(self, plan: str, column: str) -> Any:
        query = {
            "leads": "SELECT leads FROM plan_index WHERE plan = ?",
            "metrics": "SELECT metrics FROM plan_index WHERE plan = ?",
        }[column]
        with translated(self._root):
            row = self._db.execute(query, (plan,)).fetchone()
        return decode(row[0]) if row and row[0] is not None else None

    # -- what queries.common.find asks ----------------------------------------------------------
    def lookup(self, *, number_key: str | None = None, name_key: str | None = None) -> list[str]:
        """Keys of the nodes whose number key (or folded name) is this: candidates ``find`` then
        checks with its own rule, as it would on every node of a whole graph."""
        with translated(self._root):
            if number_key is not None:
                rows = self._db.execute("SELECT key FROM nodes WHERE number_key = ?", (number_key,))
            else:
                rows = self._db.execute("SELECT key FROM nodes WHERE name_key = ?", (name_key,))
            return sorted(k for (k,) in rows)

    def keys_of_kind(self, kind: str) -> list[str]:
        """Sorted keys of the nodes of one kind (``queries.common.plans``), from the kind index."""
        with translated(self._root):
            return [
                k for (k,) in self._db.execute("SELECT key FROM nodes WHERE kind = ? ORDER BY key", (kind,))
            ]

    def number_of_edges(self, u=None, v=None) -> int:  # type: ignore[override]
        if u is None and v is None:
            with translated(self._root):
                return self._db.execute("SELECT count(*) FROM edges").fetchone()[0]
        return super().number_of_edges(u, v)

    def number_of_nodes(self) -> int:
        with translated(self._root):
            return self._db.execute("SELECT count(*) FROM nodes").fetchone()[0]
