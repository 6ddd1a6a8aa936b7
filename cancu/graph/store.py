"""Stable import path of the embedded store: ``cancu.graph.store.open_store``.

The implementation lives in ``embedded.py``; this module only names the public
surface so that callers (``cancu.api``, queries, benchmarks) need not know the
file layout behind it. Format and guarantees: ``docs/store.md``.
"""

from cancu.graph.embedded import (
    DEFAULT_DIR,
    FORMAT_VERSION,
    EmbeddedStore,
    LoadSummary,
    default_location,
    open_store,
)

__all__ = ["DEFAULT_DIR", "FORMAT_VERSION", "EmbeddedStore", "LoadSummary", "default_location", "open_store"]
