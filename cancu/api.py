"""The Python API: ``cancu.open_store()`` and the queries as methods.

    import cancu
    store = cancu.open_store(".cancu")          # or "bolt://host:7687"
    store.trace("76/NQ-CP 2021", as_of="2026-11-22")
    store.audit(["367/KH-UBND"], as_of="2026-11-22")

Each method asks the store (``cancu.graph.store_protocol.GraphStore``) for the graph that query
needs — a few rows for one plan, the whole graph for a whole-store audit — and runs the pure
function of ``cancu.queries`` on it, so each query keeps one meaning on every store.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cancu.errors import CancuError

if TYPE_CHECKING:
    import networkx as nx

    from cancu.graph.store_protocol import GraphStore


class Store:
    """A store with the queries attached; ``raw`` is the store object (a ``GraphStore``)."""

    def __init__(self, raw: GraphStore) -> None:
        self.raw = raw

    @property
    def location(self) -> str:
        return self.raw.location

    def graph(self) -> nx.MultiDiGraph:
        return self.raw.graph()

    def status(self) -> dict[str, Any]:
        return self.raw.status()

    def load(self, items: Iterable[tuple[str, Any]], registry_files: Iterable[Path] = ()) -> Any:
        return self.raw.load(items, registry_files)

    def forget(self, path: str) -> bool:
        return self.raw.forget(path)

    def node(self, key: str) -> dict[str, Any]:
        return self.raw.node(key)

    def subgraph_for_trace(self, what: str, as_of: str | None = None) -> nx.MultiDiGraph:
        return self._part("subgraph_for_trace", what, as_of)

    def subgraph_for_responsible(self, what: str) -> nx.MultiDiGraph:
        return self._part("subgraph_for_responsible", what)

    def subgraph_for_plans(self, plans: list[str] | None) -> nx.MultiDiGraph:
        return self._part("subgraph_for_plans", plans)

    def _part(self, method: str, *args: Any) -> nx.MultiDiGraph:
        """The store's part of the graph for one query; a store that does not yet implement that
        method of the protocol answers with its whole graph (same answer, slower)."""
        read = getattr(self.raw, method, None)
        return read(*args) if read is not None else self.raw.graph()

    def trace(self, what: str, **kw):
        from cancu.queries.trace import trace

        return trace(self.subgraph_for_trace(what, kw.get("as_of")), what, **kw)

    def responsible(self, what: str, **kw):
        from cancu.queries.responsible import responsible

        return responsible(self.subgraph_for_responsible(what), what, **kw)

    def audit(self, plans: list[str] | None = None, **kw):
        from cancu.queries.audit import audit

        if not plans:  # the whole store batch by batch (``cancu.queries.whole_store``)
            return self._whole_store("audit", kw.get("as_of"))
        return audit(self.subgraph_for_plans(plans), plans, **kw)

    def gaps(self, plans: list[str] | None = None, **kw):
        from cancu.queries.gaps import gaps

        if not plans:
            return self._whole_store("gaps", kw.get("as_of"))
        return gaps(self.subgraph_for_plans(plans), plans, **kw)

    def _whole_store(self, query: str, as_of: str | None):
        from cancu.queries.whole_store import answers as whole_store_answers
        from cancu.queries.whole_store import joined

        return joined(query, as_of, (result for result, _ in whole_store_answers(self.raw, query, as_of)))


def open_store(location: str | Path | None = None) -> Store:
    """The embedded store at a directory (default ``$CANCU_STORE`` or ``./.cancu``),
    or a Neo4j server at ``bolt://…``."""
    text = str(location) if location is not None else None
    if text and text.startswith(
        ("bolt://", "neo4j://", "bolt+s://", "neo4j+s://", "bolt+ssc://", "neo4j+ssc://")
    ):
        from cancu.graph.neo4j_store import open_neo4j_store

        return Store(open_neo4j_store(text))
    from cancu.graph.embedded import open_store as open_embedded

    return Store(open_embedded(location))


def _extract_or_error(path: Path) -> tuple[Any, str | None]:
    """One file's record, or the one-line reason it cannot be read (picklable for a process pool)."""
    from cancu.loaders.extract import extract_path

    try:
        return extract_path(path), None
    except CancuError as err:
        return None, str(err)
    except (
        OSError,
        UnicodeError,
        ValueError,
    ) as err:  # a file the loaders did not foresee: reported, not fatal
        return None, f"{path}: cannot be read ({err.__class__.__name__}: {err})"


def extract_each(paths: Sequence[Path], jobs: int = 1) -> Iterator[tuple[Path, Any, str | None]]:
    """``(path, record, None)`` or ``(path, None, reason)`` for every path, in order.

    Why not ``loaders.extract.extract_many``: that stops at the first bad file; a
    folder load keeps going past it and reports every failure at the end."""
    if jobs <= 1 or len(paths) < 2 * jobs:
        for path in paths:
            yield (path, *_extract_or_error(path))
        return
    from concurrent.futures import ProcessPoolExecutor

    # The first file is read here, before the workers start: it compiles the readers' patterns (most of a small
    # load's CPU), which the forked workers then inherit instead of each compiling them again.
    yield (paths[0], *_extract_or_error(paths[0]))
    rest = paths[1:]
    with ProcessPoolExecutor(jobs) as pool:
        chunk = max(1, min(16, len(rest) // (4 * jobs)))
        for path, (record, error) in zip(
            rest, pool.map(_extract_or_error, rest, chunksize=chunk), strict=True
        ):
            yield path, record, error
