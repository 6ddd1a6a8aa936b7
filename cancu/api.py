"""The Python API: ``cancu.open_store()`` and the queries as methods.

    import cancu
    store = cancu.open_store(".cancu")          # or "bolt://host:7687"
    store.trace("76/NQ-CP 2021", as_of="2026-11-22")
    store.audit(["367/KH-UBND"], as_of="2026-11-22")

Each method calls the pure function of ``cancu.queries`` on the store's graph.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


class Store:
    """A store with the queries attached; ``raw`` is the underlying store object."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)

    def graph(self):
        return self.raw.graph()

    def trace(self, what: str, **kw):
        from cancu.queries.trace import trace

        return trace(self.graph(), what, **kw)

    def responsible(self, what: str, **kw):
        from cancu.queries.responsible import responsible

        return responsible(self.graph(), what, **kw)

    def audit(self, plans: list[str] | None = None, **kw):
        from cancu.queries.audit import audit

        return audit(self.graph(), plans, **kw)

    def gaps(self, plans: list[str] | None = None, **kw):
        from cancu.queries.gaps import gaps

        return gaps(self.graph(), plans, **kw)


def open_store(location: str | Path | None = None) -> Store:
    """The embedded store at a directory (default ``$CANCU_STORE`` or ``./.cancu``),
    or a Neo4j server at ``bolt://…``."""
    text = str(location) if location is not None else None
    if text and text.startswith(("bolt://", "neo4j://", "bolt+s://", "neo4j+s://")):
        from cancu.graph.neo4j_store import open_neo4j_store

        return Store(open_neo4j_store(text))
    from cancu.graph.embedded import open_store as open_embedded

    return Store(open_embedded(location))
