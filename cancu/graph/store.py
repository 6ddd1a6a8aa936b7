"""Stable import path of the embedded store: ``cancu.graph.store.open_store``.

The implementation lives in ``embedded.py`` (SQLite underneath: ``sqlite_db.py``,
``sqlite_graph.py``); the interface every store implements is
``store_protocol.GraphStore``. Format and guarantees: ``docs/store.md``.
"""

from cancu.graph.embedded import (
    DEFAULT_DIR,
    FORMAT_VERSION,
    EmbeddedStore,
    LoadSummary,
    default_location,
    open_store,
)
from cancu.graph.store_protocol import GraphStore

__all__ = [
    "DEFAULT_DIR",
    "FORMAT_VERSION",
    "EmbeddedStore",
    "GraphStore",
    "LoadSummary",
    "default_location",
    "open_store",
]
