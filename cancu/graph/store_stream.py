"""Whole-store ``audit`` / ``gaps`` on any store, batch by batch: what the CLI streams and the API joins.

Why one place: a Bolt server hands the plans over in batches (``neo4j_stream.answers``), the
embedded store reads them set-at-a-time (``sqlite_bulk.answers``); a store with neither answers on
its whole graph. Each yields ``(result, graph)`` with the graph holding the nodes that batch's rows
name, and the batches' rows, joined, are the rows of the query on the whole graph.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from cancu.queries.common import parse_as_of


def whole_store_answers(raw: Any, query: str, as_of: str | None = None) -> Iterator[tuple[Any, Any]]:
    """``(result, graph)`` for each batch of loaded plans of ``raw`` (a ``GraphStore``)."""
    day = parse_as_of(as_of)
    if hasattr(raw, "plan_batches"):  # a server
        from cancu.graph.neo4j_stream import answers

        yield from answers(raw, query, day)
        return
    from cancu.graph.embedded import EmbeddedStore

    if isinstance(raw, EmbeddedStore):
        from cancu.graph.sqlite_bulk import answers as bulk_answers

        yield from bulk_answers(raw, query, day)
        return
    from cancu.queries.audit import audit
    from cancu.queries.gaps import gaps

    g = raw.graph()
    yield {"audit": audit, "gaps": gaps}[query](g, None, as_of=day), g


def rows_of(result: Any) -> list[Any]:
    """The row objects of an ``AuditResult`` (``rows_``) or a ``GapsResult`` (``gaps``)."""
    return result.rows_ if hasattr(result, "rows_") else result.gaps


def joined(query: str, as_of: str | None, results: Iterable[Any]) -> Any:
    """One result holding every batch's rows, in order (an empty one when there are no plans)."""
    from cancu.queries.audit import AuditResult
    from cancu.queries.gaps import GapsResult

    day = parse_as_of(as_of)
    rows: list[Any] = []
    for result in results:
        rows += rows_of(result)
    return AuditResult(day, rows) if query == "audit" else GapsResult(day, rows)
