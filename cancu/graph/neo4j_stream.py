"""Whole-store ``audit`` and ``gaps`` on a Bolt server, plan batch by plan batch.

Why: without named plans these queries visit every loaded plan; reading the whole
graph back for that is what a server should spare. ``Neo4jStore.plan_batches``
hands over the loaded plans a batch at a time with the part of the graph the query
reads for them; the pure function answers each batch, and the rows concatenate to
exactly the rows of the query on the whole graph (plans are answered one by one,
in ``loaded_plans`` order — tested in ``tests/test_neo4j_queries.py``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import networkx as nx

from cancu.queries.audit import AuditResult, audit
from cancu.queries.common import parse_as_of
from cancu.queries.gaps import GapsResult, gaps

QUERIES = {"audit": audit, "gaps": gaps}


def answers(
    store: Any, query: str, as_of: str | None = None, size: int = 200
) -> Iterator[tuple[AuditResult | GapsResult, nx.MultiDiGraph]]:
    """``(result, part)`` of ``query`` ("audit" or "gaps") for each batch of loaded plans, as the
    server hands the batches over: the CLI prints each batch's rows before asking for the next."""
    day = parse_as_of(as_of)
    answer = QUERIES[query]
    for batch, part in store.plan_batches(size=size, query=query):
        yield answer(part, batch, as_of=day), part


def whole_store(
    store: Any, query: str, as_of: str | None = None, size: int = 200
) -> tuple[AuditResult | GapsResult, nx.MultiDiGraph]:
    """``query`` ("audit" or "gaps") of every loaded plan, and a graph holding the nodes its rows name
    (what ``cancu.formats.for_people`` reads to print names instead of keys)."""
    day = parse_as_of(as_of)
    rows: list = []
    names = nx.MultiDiGraph()
    for result, part in answers(store, query, day, size):
        found = result.rows_ if query == "audit" else result.gaps
        rows += found
        for row in result.rows():
            for value in row.values():
                if isinstance(value, str) and ":" in value and value.strip() in part:
                    _name(names, part, value.strip())
    return (AuditResult(day, rows) if query == "audit" else GapsResult(day, rows)), names


def _name(names: nx.MultiDiGraph, part: nx.MultiDiGraph, key: str) -> None:
    """A node the rows name, and the plan a task or target is named after ("task 3 of 367/KH-UBND")."""
    attrs = part.nodes[key]
    names.add_node(key, **attrs)
    owner = attrs.get("plan")
    if isinstance(owner, str) and owner in part:
        names.add_node(owner, **part.nodes[owner])
