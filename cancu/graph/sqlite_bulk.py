"""Whole-store ``audit`` and ``gaps`` on the embedded store: plans a batch at a time, read set-at-a-time.

Why: without named plans these queries visit every loaded plan. Reading each plan's rows one node
at a time (``LazyGraph``) costs tens of statements a plan; here each batch of plans is read in a
handful of statements — the plans' nodes, out- and in-edges and index rows, then their tasks' and
targets' edges, the cited documents' successors, the leading agencies' successions — into a fresh
``LazyGraph`` over one read snapshot (memory bounded by a batch, not the country). The pure
functions of ``cancu.queries`` then answer the batch as they answer named plans; whatever they read
beyond the prefetch is read lazily, so the rows are exactly theirs on the whole graph, in
``loaded_plans`` order (``tests/test_store_bulk.py``). Rows reach the caller batch by batch, so the
CLI prints them as they come.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from cancu.graph.gc_pause import paused_gc
from cancu.graph.sqlite_db import connect, translated
from cancu.graph.sqlite_graph import LazyGraph
from cancu.ontology.vocab import EdgeKind, NodeKind

if TYPE_CHECKING:
    from cancu.graph.embedded import EmbeddedStore

BATCH = 500
_ITEMS = (EdgeKind.HAS_TASK.value, EdgeKind.HAS_TARGET.value)
_CITED = (EdgeKind.BASED_ON.value, EdgeKind.CITES.value, EdgeKind.IMPLEMENTS.value)
_WORKERS = (EdgeKind.LEADS.value, EdgeKind.SUPPORTS.value)
_LOADED_PLANS = "SELECT key FROM nodes WHERE kind = ? AND json_extract(attrs, '$.loaded') = 1 ORDER BY key"


def plan_batches(
    store: EmbeddedStore, query: str, size: int = BATCH
) -> Iterator[tuple[list[str], LazyGraph]]:
    """``(plans, graph)`` for every loaded plan, ``size`` plans at a time in key order (the order of
    ``queries.common.loaded_plans``), each graph holding what ``query`` reads of its batch already
    read. A batch's graph is released when the next one is asked for."""
    if store._reader() is None:  # no database: no plans (and no rebuild of a stale one is pending)
        return
    snapshot = connect(store.root, write=False)
    try:
        with translated(store.root):
            snapshot.execute("BEGIN")  # every batch reads the same commit
            keys = [k for (k,) in snapshot.execute(_LOADED_PLANS, (NodeKind.PLAN.value,))]
        for start in range(0, len(keys), size):
            batch = keys[start : start + size]
            g = LazyGraph(snapshot, store.root)
            with paused_gc():  # tens of thousands of decoded rows, no garbage cycles among them
                prefetch(g, batch, query)
            yield batch, g
            g.release()  # the caller is done with the batch: its rows go now, not at a full collection
    finally:
        snapshot.close()


def prefetch(g: LazyGraph, plans: list[str], query: str) -> None:
    """The rows ``query`` reads for ``plans``: audit the plans' citations and the cited documents'
    successors (two statements); gaps also the plans' in-edges and index rows, their tasks' and
    targets' edges and the leading agencies' successions (seven)."""
    if query == "audit":  # the cited documents' rows, not the twenty tasks' of each plan
        g.prefetch_adjacent(plans, "succ", ends_of=_CITED)
        g.prefetch_adjacent(_neighbours(g._succ, plans, _CITED), "succ")  # REPLACED_BY, AMENDED_BY
        return
    g.prefetch_adjacent(plans, "succ")
    g.prefetch_adjacent(plans, "pred")
    g.prefetch_indexes(plans)
    items, cited = _neighbours(g._succ, plans, _ITEMS), _neighbours(g._succ, plans, _CITED)
    g.prefetch_adjacent(items | cited, "succ")  # MEASURES, CASCADES_FROM; REPLACED_BY, AMENDED_BY
    g.prefetch_adjacent(items, "pred")  # LEADS, SUPPORTS
    g.prefetch_adjacent(_neighbours(g._pred, items, _WORKERS), "succ")  # SUCCEEDED_BY, IN_JURISDICTION


def _neighbours(adjacency: dict, nodes, kinds: tuple[str, ...]) -> set[str]:
    """The nodes an edge of one of ``kinds`` joins to ``nodes`` (in ``adjacency``: ``_succ`` or ``_pred``)."""
    return {
        other
        for node in nodes
        for other, keyed in adjacency.get(node, {}).items()
        if any(k in keyed for k in kinds)
    }
