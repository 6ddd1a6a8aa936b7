"""Whole-store ``audit`` / ``gaps`` on any store, batch by batch: what the CLI streams and the API joins.

Why here: the stores only hand over plans a batch at a time with the part of the graph a query reads
for them (``Neo4jStore.plan_batches`` over Bolt, ``graph.sqlite_bulk.plan_batches`` set-at-a-time on the
embedded store); answering is a query's job (ARCHITECTURE.md: ``queries`` imports ``graph``, never the
reverse). Plans are answered one by one in ``loaded_plans`` order, so the batches' rows, joined, are exactly
the rows of the query on the whole graph (``tests/test_store_bulk.py``, ``tests/test_neo4j_queries.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import networkx as nx

from cancu.graph.gc_pause import paused_gc
from cancu.queries.audit import AuditResult, audit
from cancu.queries.common import parse_as_of
from cancu.queries.gaps import GapsResult, gaps

QUERIES = {"audit": audit, "gaps": gaps}
EMBEDDED_BATCH = 500
SERVER_BATCH = 200


def answers(
    raw: Any, query: str, as_of: str | None = None, size: int | None = None
) -> Iterator[tuple[Any, Any]]:
    """``(result, graph)`` for each batch of loaded plans of ``raw`` (a ``GraphStore``): the CLI prints each
    batch's rows before asking for the next."""
    day = parse_as_of(as_of)
    answer = QUERIES[query]
    if hasattr(raw, "plan_batches"):  # a server
        for batch, part in raw.plan_batches(size=size or SERVER_BATCH, query=query):
            yield answer(part, batch, as_of=day), part
        return
    from cancu.graph.embedded import EmbeddedStore

    if isinstance(raw, EmbeddedStore):
        from cancu.graph.sqlite_bulk import plan_batches

        for batch, g in plan_batches(raw, query, size or EMBEDDED_BATCH):
            with paused_gc():
                result = answer(g, batch, as_of=day)
            yield result, g
        return
    g = raw.graph()
    yield answer(g, None, as_of=day), g


def rows_of(result: Any) -> list[Any]:
    """The row objects of an ``AuditResult`` (``rows_``) or a ``GapsResult`` (``gaps``)."""
    return result.rows_ if hasattr(result, "rows_") else result.gaps


def joined(query: str, as_of: str | None, results: Iterable[Any]) -> Any:
    """One result holding every batch's rows, in order (an empty one when there are no plans)."""
    day = parse_as_of(as_of)
    rows: list[Any] = []
    for result in results:
        rows += rows_of(result)
    return AuditResult(day, rows) if query == "audit" else GapsResult(day, rows)


def whole_store(
    store: Any, query: str, as_of: str | None = None, size: int | None = None
) -> tuple[AuditResult | GapsResult, nx.MultiDiGraph]:
    """``query`` of every loaded plan, and a graph holding the nodes its rows name (what
    ``cancu.formats.for_people`` reads to print names instead of keys)."""
    day = parse_as_of(as_of)
    results, names = [], nx.MultiDiGraph()
    for result, part in answers(store, query, day, size):
        results.append(result)
        for row in result.rows():
            for value in row.values():
                if isinstance(value, str) and ":" in value and value.strip() in part:
                    _name(names, part, value.strip())
    return joined(query, day, results), names


def _name(names: nx.MultiDiGraph, part: nx.MultiDiGraph, key: str) -> None:
    """A node the rows name, and the plan a task or target is named after ("task 3 of 367/KH-UBND")."""
    attrs = part.nodes[key]
    names.add_node(key, **attrs)
    owner = attrs.get("plan")
    if isinstance(owner, str) and owner in part:
        names.add_node(owner, **part.nodes[owner])
