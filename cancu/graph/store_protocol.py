"""The one interface between the queries / API and a store (embedded SQLite or a Neo4j server).

Why: the query functions of ``cancu.queries`` are written once, over a networkx
``MultiDiGraph`` with the attribute schema of ``docs/graph-schema.md``. A store's
job is to hand them a graph that holds *at least what that query reads* — never
the whole country when a user asks about one plan. Each ``subgraph_for_*``
method below names the query it serves and what its graph must contain; the
query then gives exactly the answer it gives on the whole graph (the
differential tests compare the two).

Schema every returned graph keeps (what the queries read today):

- nodes keyed by their graph key (``doc:…``, ``task:…``, ``agency:…``, …) with the
  same attribute dicts as ``cancu.graph.assemble.build_graph`` makes (``kind``,
  ``label``, ``evidence`` lists, ``origins`` lists, …);
- edges keyed by their ``EdgeKind`` value (``g[a][b]["IMPLEMENTS"]``), one per pair
  and kind, with their attribute dicts (``kind`` among them);
- ``g.graph`` holds ``reforms``, and the indexes ``plan_leads``, ``plan_metrics``
  and ``metric_nodes`` (``cancu.graph.derived``) for at least the plans the query
  visits — or none of them (the queries then read the edges, same answer).

A returned graph may load lazily (the embedded store's does): only reading it
matters, never mutating it. Errors a user can cause (no such plan, a store that
cannot be read) are ``cancu.errors.CancuError`` subclasses with one line.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:  # networkx costs a fifth of a second to import: `cancu status` needs none of it
    import networkx as nx

    from cancu.ontology.record import PlanRecord


@runtime_checkable
class GraphStore(Protocol):
    """What ``cancu.api.Store`` and the CLI call on a store; both stores implement it."""

    @property
    def location(self) -> str:
        """Where the store is, as a user would type it (a directory, or ``bolt://host:port``)."""
        ...

    def status(self) -> dict[str, Any]:
        """Counts without reading the graph: ``{"store": str, "format_version": int, "files": int,
        "generation": int, "nodes": int, "edges": int, "by_kind": {kind: nodes, sorted by kind}}``
        (a server without a file index gives ``files`` and ``generation`` as 0)."""
        ...

    def load(self, items: Iterable[tuple[str, PlanRecord]], registry_files: Iterable[Path] = ()) -> Any:
        """Add or replace each ``(source path, record)``; a file with the same sha256 as stored
        changes nothing. ``registry_files``: user registry CSVs whose rows are copied into the
        store (a later deletion of the file changes nothing). Returns a ``LoadSummary``
        (``new``, ``changed``, ``unchanged`` path lists, ``counts`` by node kind, ``warnings``).
        One transaction: a crash leaves the old or the new store. A server may refuse with a
        ``StoreError`` of one line."""
        ...

    def forget(self, path: str) -> bool:
        """Remove one loaded file (its path, or a base name only one loaded file has) and exactly
        the facts it gave; False when no loaded file matches."""
        ...

    def graph(self) -> nx.MultiDiGraph:
        """The whole graph, materialised: exports, pictures, ``push``, whole-store ``audit`` /
        ``gaps`` (no plans named). The expensive call; queries about named things use the
        ``subgraph_for_*`` methods."""
        ...

    def node(self, key: str) -> dict[str, Any]:
        """One node for ``cancu show``: ``{"key", "attrs", "out": [(edge kind, other, attrs)],
        "in": [(edge kind, other, attrs)]}``; ``KeyError`` when absent."""
        ...

    def subgraph_for_trace(self, what: str, as_of: str | None = None) -> nx.MultiDiGraph:
        """Enough graph for ``cancu.queries.trace.trace(g, what, as_of=…)`` and the CLI's
        ``_resolve``: the nodes ``queries.common.find`` matches for ``what``; below the root, the
        plans that IMPLEMENT it (recursively) and the loaded plans that cite it (BASED_ON /
        CITES) with their IMPLEMENTS chains upward; for each of these plans its node, issuer and
        jurisdiction nodes, RESPONSIBLE_FOR / HAS_TASK / LEADS edges (or its ``plan_leads``
        entry), HAS_TARGET edges and targets with their MEASURES / CASCADES_FROM edges, the
        Metric nodes and parent targets these reach, and every agency's SUCCEEDED_BY chain
        (labels of ended bodies). For a metric or a target, the same below its programme/plan."""
        ...

    def subgraph_for_plans(self, plans: list[str] | None) -> nx.MultiDiGraph:
        """Enough graph for ``audit(g, plans)`` and ``gaps(g, plans)`` (and ``_resolve`` of each
        name): each named plan (as ``find`` matches it) with its out- and in-edges, the documents
        it cites (their status, registry rows, REPLACED_BY / AMENDED_BY successors and the
        documents those name), its tasks and targets with their LEADS / SUPPORTS / IN_AREA /
        MEASURES / CASCADES_FROM edges, the agencies and their SUCCEEDED_BY chains and
        jurisdictions, its IMPLEMENTS chain upward with each parent's targets, the plans that
        IMPLEMENT it (a cascade's missing targets), every Metric node, and ``g.graph["reforms"]``.
        ``None`` means every loaded plan: the whole graph, or one that reads plan by plan (the
        embedded store's; ``queries.common.plans`` asks it for the Plan keys via ``keys_of_kind``)."""
        ...

    def subgraph_for_responsible(self, what: str) -> nx.MultiDiGraph:
        """Enough graph for ``responsible(g, what)``: the nodes ``find`` matches; their tasks and
        targets (HAS_TASK / HAS_TARGET, or MEASURES into a metric) with LEADS / SUPPORTS in-edges;
        each item's plan with its IMPLEMENTS chain upward and each chain plan's issuer; the
        RESPONSIBLE_FOR in-edges of the plan; every lead's REPORTS_TO out-edges (and their ``via``
        and target agencies); every agency's SUCCEEDED_BY chain."""
        ...
