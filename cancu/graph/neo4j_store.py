"""Push the graph to a Neo4j (Bolt) server and read it back, so a team shares one graph.

Every node is ``:CancuNode:<NodeKind>`` (plans also ``:Document``) with ``id`` =
its graph key; every edge is a relationship of its EdgeKind. Properties are the
attributes flattened to Neo4j types (dicts as JSON strings), plus ``_attrs`` (the
exact attributes as JSON, so reading back gives the queries the same graph and
each query keeps one meaning) and ``_hash`` (its content hash: the push manifest
lives on the server, so any machine can push incrementally). Document text only
ever travels as query parameters.

``Neo4jStore`` is the server as a ``GraphStore``: queries read only the subgraph they
walk (``cancu.graph.neo4j_subgraph``); files loaded straight into the server keep
their records there (``:CancuFile``), the graph being rebuilt from them and pushed.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import json
import os
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cancu.errors import CancuError, StoreError
from cancu.graph import cypher_dialect as dialects
from cancu.graph.cypher_dialect import FILE_LABEL, META_LABEL, NODE_LABEL, Dialect, label, rel_type
from cancu.ontology.ids import ascii_fold, number_key
from cancu.ontology.vocab import EdgeKind, NodeKind

if TYPE_CHECKING:  # networkx only where a graph is built: `status` over Bolt needs none (0.6 s to import)
    import networkx as nx

    from cancu.ontology.record import PlanRecord

Progress = Callable[[int, int], None]


@dataclass
class PushSummary:
    nodes_created: int = 0
    nodes_updated: int = 0
    nodes_deleted: int = 0
    nodes_unchanged: int = 0
    rels_created: int = 0
    rels_updated: int = 0
    rels_deleted: int = 0
    rels_unchanged: int = 0
    seconds: float = 0.0
    dialect: str = ""
    batch: int = 0
    statements: int = field(default=0)

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


# ---- encoding -----------------------------------------------------------------------------------


def _default(value: Any) -> Any:
    if isinstance(value, (set, frozenset)):
        return {"$set": sorted(value, key=repr)}
    if isinstance(value, tuple):
        return {"$tuple": list(value)}
    raise StoreError(f"cannot store a value of type {type(value).__name__} in Neo4j")


def _hook(obj: dict) -> Any:
    if len(obj) == 1:
        if "$set" in obj:
            return set(obj["$set"])
        if "$tuple" in obj:
            return tuple(obj["$tuple"])
    return obj


def encode_attrs(attrs: dict[str, Any]) -> str:
    return json.dumps(attrs, default=_default, sort_keys=True, ensure_ascii=False)


def decode_attrs(text: str) -> dict[str, Any]:
    return json.loads(text, object_hook=_hook)


_PRIMITIVE = (str, int, float, bool)


def flatten(attrs: dict[str, Any]) -> dict[str, Any]:
    """Attributes as Neo4j property values: primitives and lists of one primitive type kept,
    None dropped (Neo4j has no null property), everything else as a JSON string."""
    out: dict[str, Any] = {}
    for name, value in attrs.items():
        if value is None:
            continue
        if isinstance(value, _PRIMITIVE):
            out[name] = value
            continue
        if isinstance(value, (list, tuple, set, frozenset)):
            items = sorted(value, key=repr) if isinstance(value, (set, frozenset)) else list(value)
            if items and all(type(i) is type(items[0]) and isinstance(i, _PRIMITIVE) for i in items):
                out[name] = items
                continue
            if not items:
                continue
        out[name] = json.dumps(value, default=_default, ensure_ascii=False, sort_keys=True)
    return out


#: Bumped when what a push writes changes (not the graph): every node and edge is then sent again once.
PUSH_FORMAT = "2"  # 2: the lookup keys _nkey and _fkey


def _props(key: str, attrs: dict[str, Any]) -> tuple[dict[str, Any], str]:
    exact = encode_attrs(attrs)
    digest = hashlib.sha256((PUSH_FORMAT + exact).encode()).hexdigest()[:32]
    props = flatten(attrs)
    props.update({"id": key, "_attrs": exact, "_hash": digest})
    return props, digest


def lookup_keys(attrs: dict[str, Any]) -> dict[str, str]:
    """The keys ``cancu.queries.common.find`` compares, stored so the server finds a node by what a
    user types with one indexed lookup: ``_nkey`` (``number_key`` of the number), ``_fkey`` (the
    folded name or label)."""
    out: dict[str, str] = {}
    if attrs.get("number"):
        out["_nkey"] = number_key(str(attrs["number"]))
    name = ascii_fold(str(attrs.get("name") or attrs.get("label") or ""))
    if name:
        out["_fkey"] = name
    return out


def _labels(attrs: dict[str, Any]) -> list[str]:
    """``:CancuNode`` and the node's kind; a node without a kind (a graph may hold one: an edge's end
    the assembler never described) is pushed as a bare ``:CancuNode``, attributes intact."""
    kind = attrs.get("kind")
    if kind is None:
        return [NODE_LABEL]
    try:
        kind = NodeKind(kind).value
    except ValueError:
        raise StoreError(f"node kind {kind!r} is not in the vocabulary") from None
    if kind == NodeKind.PLAN:
        return [NODE_LABEL, NodeKind.DOCUMENT.value, NodeKind.PLAN.value]
    return [NODE_LABEL, kind]


# ---- the server ---------------------------------------------------------------------------------

_DRIVERS: dict[tuple[str, str, str], Any] = {}

#: Bolt URI schemes cancu connects to (``+s``: TLS, ``+ssc``: TLS with a self-signed certificate).
SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")

#: Seconds to open a connection, and to get one from the pool (the Bolt handshake included): an
#: unreachable or silent server is one error line after this, never a 60 s hang.
CONNECT_SECONDS = 10.0


def check_uri(uri: str) -> str:
    """``uri`` if it names a Bolt server (scheme and host), else StoreError of one line."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(uri)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as err:
        raise StoreError(f"{uri}: not a Bolt server address ({err})") from None
    if parts.scheme not in SCHEMES or not parts.hostname:
        raise StoreError(f"{uri}: not a Bolt server address (use bolt://host:port or neo4j://host:port)")
    return uri


#: Libraries the neo4j driver imports eagerly, when installed, only for its DataFrame and Arrow
#: results, which cancu never asks for: 0.4-0.8 s of every ``--store bolt://`` command (measured).
_DRIVER_EXTRAS = ("pandas", "pyarrow", "numpy")


#: ``status`` in one statement: nodes by kind, relationships, loaded files (UNION ALL: Neo4j and FalkorDB)
STATUS_QUERY = (
    f"MATCH (n:{NODE_LABEL}) RETURN 'nodes' AS what, n.kind AS kind, count(n) AS n "
    f"UNION ALL MATCH (:{NODE_LABEL})-[r]->(:{NODE_LABEL}) RETURN 'edges' AS what, '' AS kind, count(r) AS n "
    f"UNION ALL MATCH (f:{FILE_LABEL}) RETURN 'files' AS what, '' AS kind, count(f) AS n"
)


def _import_driver():
    """``neo4j.GraphDatabase``, imported without the extras above (unless this process has them already:
    then nothing is held back); they stay importable for the rest of the process."""
    held = [m for m in _DRIVER_EXTRAS if m not in sys.modules]
    for m in held:
        sys.modules[m] = None  # type: ignore[assignment] - "import m" raises ImportError meanwhile
    try:
        from neo4j import GraphDatabase
    except ImportError:  # pragma: no cover - a declared dependency
        raise StoreError("the neo4j driver is not installed (pip install neo4j)") from None
    finally:
        for m in held:
            if sys.modules.get(m, 0) is None:
                del sys.modules[m]
    return GraphDatabase


def driver(uri: str, user: str, password: str):
    """One long-lived driver per server and user, as the driver is meant to be used (its pool
    reuses connections). Connection and pool timeouts are bounded (``CONNECT_SECONDS``)."""
    key = (uri, user, password)
    if key not in _DRIVERS:
        check_uri(uri)
        GraphDatabase = _import_driver()  # noqa: N806 - the driver's class
        seconds = float(os.environ.get("CANCU_NEO4J_TIMEOUT") or CONNECT_SECONDS)
        _DRIVERS[key] = GraphDatabase.driver(
            uri,
            auth=(user, password),
            connection_timeout=seconds,
            connection_acquisition_timeout=seconds,
            max_transaction_retry_time=seconds,
        )
        atexit.register(_DRIVERS[key].close)
    return _DRIVERS[key]


def _run_write(session, dialect: Dialect, query: str, **params: Any) -> None:
    """One managed write transaction (the driver retries transient failures)."""
    params = {k: dialect.encode(v) for k, v in params.items()}
    session.execute_write(lambda tx: tx.run(query, **params).consume())


def _server_state(session) -> tuple[dict[str, tuple[str, list[str]]], dict[tuple[str, str, str], str]]:
    nodes = {
        r["id"]: (r["h"], sorted(r["l"]))
        for r in session.run(f"MATCH (n:{NODE_LABEL}) RETURN n.id AS id, n._hash AS h, labels(n) AS l")
    }
    rels = {
        (r["s"], r["t"], r["k"]): r["h"]
        for r in session.run(
            f"MATCH (a:{NODE_LABEL})-[r]->(b:{NODE_LABEL}) RETURN a.id AS s, b.id AS t, type(r) AS k, r._hash AS h"
        )
    }
    return nodes, rels


def push(
    graph: nx.MultiDiGraph,
    uri: str,
    user: str = "neo4j",
    password: str = "",
    database: str | None = None,
    batch: int = dialects.NEO4J_BATCH,
    progress: Progress | None = None,
) -> PushSummary:
    """Make the server hold exactly ``graph``: schema first, then only the nodes and edges whose
    content hash changed, in batched ``UNWIND … MERGE`` managed transactions; deletes what vanished."""
    if batch < 1:
        raise StoreError(f"batch must be at least 1, not {batch}")
    started = time.perf_counter()
    with driver(uri, user, password).session(database=database) as session:
        try:
            dialect = dialects.probe(session)
        except Exception as err:  # noqa: BLE001 - connection and auth errors of any driver version
            raise StoreError(f"cannot reach the Bolt server at {uri}: {err}") from None
        summary = PushSummary(dialect=dialect.name, batch=min(batch, dialect.max_batch))
        _ensure_schema(session, dialect)
        _push_diff(session, graph, dialect, summary, progress)
        summary.statements += _push_graph_attrs(session, graph, dialect)
    summary.seconds = round(time.perf_counter() - started, 3)
    return summary


#: Graph-level attributes a push keeps on the server (``:CancuMeta {id: "graph"}``): the reform dates
#: the queries read (``gaps``: was the district level still there?), from the registry the graph was
#: built with. Indexes (``plan_leads`` …) are not kept: they are derived again from the edges.
GRAPH_ATTRS = ("reforms",)
META_ID = "graph"


def graph_attrs(session) -> dict[str, Any] | None:
    """The graph-level attributes pushed to the server, or None (pushed before they were kept)."""
    rec = session.run(
        f"MATCH (m:{META_LABEL} {{id: $id}}) RETURN m._attrs AS a, m._hash AS h", id=META_ID
    ).single()
    return decode_attrs(rec["a"]) if rec and rec["h"] else None


def _push_graph_attrs(session, graph: nx.MultiDiGraph, dialect: Dialect) -> int:
    """Write the graph's ``GRAPH_ATTRS`` when they changed; returns the statements sent."""
    attrs = {k: graph.graph[k] for k in GRAPH_ATTRS if k in graph.graph}
    exact = encode_attrs(attrs)
    digest = hashlib.sha256((PUSH_FORMAT + exact).encode()).hexdigest()[:32]
    rec = session.run(f"MATCH (m:{META_LABEL} {{id: $id}}) RETURN m._hash AS h", id=META_ID).single()
    if rec and rec["h"] == digest:
        return 0
    merge = f"MERGE (m:{META_LABEL} {{id: $id}})"
    if not dialect.max_message_bytes:
        _run_write(
            session, dialect, f"{merge} SET m._attrs = $a, m._hash = $h", id=META_ID, a=exact, h=digest
        )
        return 1
    _run_write(session, dialect, f"{merge} SET m._attrs = '', m._hash = ''", id=META_ID)
    match = f"MATCH (m:{META_LABEL} {{id: $id}})"
    return 1 + _append_attrs(session, match, "m", {"id": META_ID}, exact, digest, dialect)


def _ensure_schema(session, dialect: Dialect) -> None:
    for stmt in dialect.schema_statements(dialects.existing_indexes(session, dialect)):
        session.run(stmt).consume()


def _push_diff(
    session, graph: nx.MultiDiGraph, dialect: Dialect, summary: PushSummary, progress: Progress | None
) -> None:
    have_nodes, have_rels = _server_state(session)
    size = summary.batch
    node_rows: dict[tuple[str, ...], list[dict]] = defaultdict(list)
    stale: list[str] = []  # nodes whose labels changed: deleted, then created afresh
    for key, attrs in graph.nodes(data=True):
        labels = _labels(attrs)
        props, digest = _props(key, attrs)
        props.update(lookup_keys(attrs))
        old = have_nodes.get(key)
        if old is None:
            summary.nodes_created += 1
        elif old[0] == digest and old[1] == sorted(labels):
            summary.nodes_unchanged += 1
            continue
        else:
            summary.nodes_updated += 1
            if old[1] != sorted(labels):
                stale.append(key)
        node_rows[tuple(labels)].append({"id": key, "props": props})
    gone_nodes = [k for k in have_nodes if k not in graph]
    summary.nodes_deleted = len(gone_nodes)

    rel_rows: dict[str, list[dict]] = defaultdict(list)
    want: set[tuple[str, str, str]] = set()
    for s, t, k, attrs in graph.edges(keys=True, data=True):
        kind = rel_type(str(attrs.get("kind", k)))
        ident = (s, t, kind)
        want.add(ident)
        props, digest = _props(f"{s}|{kind}|{t}", attrs)
        props.pop("id")
        old = have_rels.get(ident)
        if old is None:
            summary.rels_created += 1
        elif old == digest and s not in stale and t not in stale:
            summary.rels_unchanged += 1
            continue
        else:
            summary.rels_updated += 1
        rel_rows[kind].append({"s": s, "t": t, "props": props})
    gone_rels: dict[str, list[dict]] = defaultdict(list)
    for s, t, kind in have_rels:
        if (s, t, kind) not in want and s not in gone_nodes and t not in gone_nodes:
            gone_rels[rel_type(kind)].append({"s": s, "t": t})
    summary.rels_deleted = sum(len(v) for v in gone_rels.values())

    total = (
        len(gone_nodes)
        + len(stale)
        + sum(map(len, node_rows.values()))
        + sum(map(len, rel_rows.values()))
        + summary.rels_deleted
    )
    done = 0

    def step(rows: list, query: str) -> None:
        nonlocal done
        for chunk in _pack(rows, size, dialect):
            _run_write(session, dialect, query, rows=chunk)
            summary.statements += 1
            done += len(chunk)
            if progress:
                progress(done, total)

    for kind, rows in gone_rels.items():
        step(
            rows,
            f"UNWIND $rows AS row MATCH (a:{NODE_LABEL} {{id: row.s}})-[r:{kind}]->"
            f"(b:{NODE_LABEL} {{id: row.t}}) DELETE r",
        )
    step(gone_nodes + stale, f"UNWIND $rows AS i MATCH (n:{NODE_LABEL} {{id: i}}) DETACH DELETE n")
    for labels, rows in node_rows.items():
        extra = "".join(f":{label(lab)}" for lab in labels[1:])
        extra = f" SET n{extra}" if extra else ""
        small, large = _split_oversize(rows, dialect)
        step(small, f"UNWIND $rows AS row MERGE (n:{NODE_LABEL} {{id: row.id}}){extra} SET n = row.props")
        for row, attrs, digest in large:
            summary.statements += _append_attrs(
                session, f"MATCH (n:{NODE_LABEL} {{id: $id}})", "n", {"id": row["id"]}, attrs, digest, dialect
            )
    for kind, rows in rel_rows.items():
        small, large = _split_oversize(rows, dialect)
        step(
            small,
            f"UNWIND $rows AS row MATCH (a:{NODE_LABEL} {{id: row.s}}) MATCH (b:{NODE_LABEL} {{id: row.t}}) "
            f"MERGE (a)-[r:{kind}]->(b) SET r = row.props",
        )
        for row, attrs, digest in large:
            summary.statements += _append_attrs(
                session,
                f"MATCH (:{NODE_LABEL} {{id: $s}})-[r:{kind}]->(:{NODE_LABEL} {{id: $t}})",
                "r",
                {"s": row["s"], "t": row["t"]},
                attrs,
                digest,
                dialect,
            )
    if progress and total == 0:
        progress(0, 0)


def _size(value: Any) -> int:
    return len(json.dumps(value, ensure_ascii=False).encode())


def _pack(rows: list, max_rows: int, dialect: Dialect) -> Iterable[list]:
    """Consecutive batches of at most ``max_rows`` rows and, when the server needs it, ``max_bytes``."""
    max_bytes = dialect.max_message_bytes
    chunk: list = []
    used = 0
    for row in rows:
        cost = _size(dialect.encode(row)) if max_bytes else 0
        if chunk and (len(chunk) >= max_rows or (max_bytes and used + cost > max_bytes)):
            yield chunk
            chunk, used = [], 0
        chunk.append(row)
        used += cost
    if chunk:
        yield chunk


def _split_oversize(rows: list[dict], dialect: Dialect) -> tuple[list[dict], list[tuple[dict, str, str]]]:
    """Rows that fit one message as they are, and rows sent first without their big values:
    those keep only short flattened properties (the exact ``_attrs`` follows in pieces)."""
    max_bytes = dialect.max_message_bytes
    if not max_bytes:
        return rows, []
    small: list[dict] = []
    large: list[tuple[dict, str, str]] = []
    for row in rows:
        if _size(dialect.encode(row)) <= max_bytes:
            small.append(row)
            continue
        props = row["props"]
        attrs, digest = props["_attrs"], props["_hash"]
        keep = {k: v for k, v in props.items() if _size(dialect.encode(v)) <= max_bytes // 8}
        keep.update({"_attrs": "", "_hash": ""})  # marks a partial write until the last piece lands
        slim = {**row, "props": keep}
        small.append(slim)
        large.append((slim, attrs, digest))
    return small, large


def _append_attrs(
    session, match: str, var: str, ids: dict[str, str], attrs: str, digest: str, dialect: Dialect
) -> int:
    """Append ``_attrs`` in pieces that fit a message, then set ``_hash`` so only a complete write counts."""
    # UTF-8 needs at most 4 bytes a character, and escaping may double them
    piece = max(64, (dialect.max_message_bytes - _size(dialect.encode(ids))) // 8)
    statements = 0
    for i in range(0, len(attrs), piece):
        _run_write(
            session,
            dialect,
            f"{match} SET {var}._attrs = {var}._attrs + $part",
            part=attrs[i : i + piece],
            **ids,
        )
        statements += 1
    _run_write(session, dialect, f"{match} SET {var}._hash = $hash", hash=digest, **ids)
    return statements + 1


def pull(uri: str, user: str = "neo4j", password: str = "", database: str | None = None) -> nx.MultiDiGraph:
    """The graph the server holds, attribute for attribute as it was pushed."""
    import networkx as nx

    g = nx.MultiDiGraph()
    try:
        with driver(uri, user, password).session(database=database) as session:
            rows = session.run(f"MATCH (n:{NODE_LABEL}) RETURN n.id AS id, n._attrs AS a").data()
            for r in sorted(rows, key=lambda r: r["id"]):
                g.add_node(r["id"], **decode_attrs(r["a"]))
            rels = session.run(
                f"MATCH (a:{NODE_LABEL})-[r]->(b:{NODE_LABEL}) "
                "RETURN a.id AS s, b.id AS t, type(r) AS k, r._attrs AS a"
            ).data()
            for r in sorted(rels, key=lambda r: (r["s"], r["t"], r["k"])):
                g.add_edge(r["s"], r["t"], key=r["k"], **decode_attrs(r["a"]))
            g.graph.update(graph_attrs(session) or {})
    except StoreError:
        raise
    except Exception as err:  # noqa: BLE001 - driver errors become one line for the user
        raise StoreError(f"cannot read the graph from {uri}: {err}") from None
    return g


class Neo4jStore:
    """A Bolt server as a store (``cancu.graph.store_protocol.GraphStore``): each query reads only the
    subgraph it walks (``cancu.graph.neo4j_subgraph``) and the pure function of ``cancu.queries``
    answers on it, with the same meaning as on the embedded store; ``graph()`` reads it all back."""

    def __init__(self, uri: str, user: str, password: str, database: str | None = None) -> None:
        self.uri, self.user, self.database = check_uri(uri), user, database
        self._password = password
        self._dialect: Dialect | None = None

    @property
    def location(self) -> str:
        return self.uri

    @contextlib.contextmanager
    def _session(self, probe: bool = True) -> Iterator[tuple[Any, Dialect]]:
        """A session and the server's dialect (``probe=False``: a caller whose Cypher every dialect
        reads alike spares the probe's round trip and gets None); a driver error (unreachable,
        refused login, a query the server rejects) becomes one StoreError line."""
        try:
            with driver(self.uri, self.user, self._password).session(database=self.database) as session:
                if self._dialect is None and probe:
                    self._dialect = dialects.probe(session)
                yield session, self._dialect  # type: ignore[misc]
        except CancuError:
            raise
        except Exception as err:  # noqa: BLE001 - the driver's errors, whatever their class
            if type(err).__module__.split(".")[0] != "neo4j" and not isinstance(err, OSError):
                raise
            raise StoreError(f"the Bolt server at {self.uri}: {_one_line(err)}") from None

    def _read(self, fill: Callable[..., Any], *args: Any) -> nx.MultiDiGraph:
        from cancu.graph.neo4j_subgraph import SubgraphReader

        with self._session() as (session, dialect):
            reader = SubgraphReader(session, dialect)
            fill(reader, *args)
        return reader.g

    def graph(self) -> nx.MultiDiGraph:
        return pull(self.uri, self.user, self._password, self.database)

    def push(self, graph: nx.MultiDiGraph, **kw: Any) -> PushSummary:
        return push(graph, self.uri, self.user, self._password, self.database, **kw)

    def subgraph_for_trace(self, what: str, as_of: str | None = None) -> nx.MultiDiGraph:
        from cancu.graph.neo4j_subgraph import for_trace

        return self._read(for_trace, what)

    def subgraph_for_responsible(self, what: str) -> nx.MultiDiGraph:
        from cancu.graph.neo4j_subgraph import for_responsible

        return self._read(for_responsible, what)

    def subgraph_for_plans(self, plans: list[str] | None) -> nx.MultiDiGraph:
        from cancu.graph.neo4j_subgraph import for_plans

        if not plans:
            return self.graph()
        return self._read(for_plans, list(plans))

    def plan_batches(
        self, size: int = 200, query: str | None = None
    ) -> Iterator[tuple[list[str], nx.MultiDiGraph]]:
        """Every loaded plan, ``size`` at a time in ``loaded_plans`` order, each batch with the subgraph
        ``audit`` and ``gaps`` read for it (``query``: "audit" or "gaps", only that one's): a whole-store
        audit streams, never holding the whole graph. The metric catalogue and district units are read
        once and shared by the batches."""
        from cancu.graph.neo4j_subgraph import SubgraphReader, loaded_plan_keys, plan_neighbourhoods

        with self._session() as (session, dialect):
            keys = loaded_plan_keys(SubgraphReader(session, dialect))
            shared: SubgraphReader | None = None
            for i in range(0, len(keys), size):
                batch = keys[i : i + size]
                reader = SubgraphReader(session, dialect, shared)
                plan_neighbourhoods(reader, set(batch), query)
                shared = shared or reader
                yield batch, reader.g

    def node(self, key: str) -> dict[str, Any]:
        from cancu.graph.neo4j_subgraph import SubgraphReader

        kinds = [k for k in EdgeKind]
        with self._session() as (session, dialect):
            r = SubgraphReader(session, dialect)
            r.nodes([key])
            if key not in r.g:
                raise KeyError(key)
            r.out([key], *kinds)
            r.into([key], *kinds)
        g = r.g
        return {
            "key": key,
            "attrs": dict(g.nodes[key]),
            "out": sorted(
                ((k, b, d) for _, b, k, d in g.out_edges(key, keys=True, data=True)), key=_edge_order
            ),
            "in": sorted(
                ((k, a, d) for a, _, k, d in g.in_edges(key, keys=True, data=True)), key=_edge_order
            ),
        }

    def status(self) -> dict[str, Any]:
        """Counts from the server: nodes by kind, relationships, files loaded through ``load``."""
        with self._session(probe=False) as (session, _):  # one round trip: plain Cypher, no probe
            rows = session.run(STATUS_QUERY).data()
        by_kind = {str(r["kind"]): int(r["n"]) for r in rows if r["what"] == "nodes"}
        edges = sum(int(r["n"]) for r in rows if r["what"] == "edges")
        files = sum(int(r["n"]) for r in rows if r["what"] == "files")
        return {
            "store": self.uri,
            "format_version": int(PUSH_FORMAT),
            "files": int(files),
            "generation": 0,
            "nodes": sum(by_kind.values()),
            "edges": int(edges),
            "by_kind": dict(sorted(by_kind.items())),
        }

    # -- loading straight into the server ---------------------------------------------------------
    def _files(self, session) -> dict[str, dict[str, str]]:
        """Loaded files on the server: file key -> {path, sha256} (only completely written ones)."""
        rows = session.run(
            f"MATCH (f:{FILE_LABEL}) RETURN f.id AS id, f.path AS path, f._hash AS sha256"
        ).data()
        return {r["id"]: {"path": r["path"], "sha256": r["sha256"]} for r in rows if r["sha256"]}

    def known_sha256(self, path: str) -> str | None:
        """The sha256 of ``path`` as loaded into the server, or None (``cancu load`` skips unchanged files)."""
        if not hasattr(self, "_known"):
            with self._session() as (session, _):
                self._known = self._files(session)
        entry = self._known.get(file_key(path))
        return entry["sha256"] if entry else None

    def load(
        self, items: Iterable[tuple[str, PlanRecord]], registry_files: Iterable[Path] = ()
    ) -> LoadSummary:
        """Add or replace files' records on the server and push the graph rebuilt from every record
        there (only what changed travels). The records live on the server (``:CancuFile``), so any
        machine can load more or forget one; a server filled by ``cancu push`` has none and refuses."""
        if list(registry_files):
            raise StoreError(
                f"{self.uri}: --registry works on an embedded store; load there and cancu push it"
            )
        summary = LoadSummary()
        fresh: dict[str, tuple[str, PlanRecord]] = {}
        with self._session() as (session, dialect):
            files = self._files(session)
            for path, record in items:
                key = file_key(path)
                summary.warnings += len(record.warnings)
                if files.get(key, {}).get("sha256") == record.sha256 and record.sha256:
                    summary.unchanged.append(path)
                    continue
                (summary.changed if key in files else summary.new).append(path)
                fresh[key] = (path, record)
            if fresh:
                self._refuse_pushed_graph(session, files)
                records = [r for k, r in self._records(session, files).items() if k not in fresh]
                self._push_records([*records, *(r for _, r in fresh.values())])
                for key, (path, record) in sorted(fresh.items()):
                    _write_file(session, dialect, key, path, record)
                self.__dict__.pop("_known", None)
        summary.counts = self.status()["by_kind"]
        return summary

    def forget(self, path: str) -> bool:
        """Remove one loaded file's record and push the graph rebuilt without it: exactly its facts go."""
        with self._session() as (session, _):
            files = self._files(session)
            key = file_key(path)
            if key not in files:
                hits = [k for k, e in files.items() if Path(e["path"] or "").name == Path(path).name]
                if len(hits) != 1:
                    return False
                key = hits[0]
            records = [r for k, r in self._records(session, files).items() if k != key]
            self._push_records(records)
            session.run(f"MATCH (f:{FILE_LABEL} {{id: $id}}) DELETE f", id=key).consume()
            self.__dict__.pop("_known", None)
        return True

    def _push_records(self, records: list[PlanRecord]) -> None:
        """The graph of ``records`` (and the shipped registry), pushed: only its difference travels."""
        from cancu.graph.assemble import build_graph
        from cancu.ontology.registry import load_registry

        push(build_graph(records, load_registry([])), self.uri, self.user, self._password, self.database)

    def _refuse_pushed_graph(self, session, files: dict[str, Any]) -> None:
        """A graph pushed from an embedded store has no records here: rebuilding from the (zero)
        records on the server would delete it, so a load refuses."""
        if files:
            return
        held = session.run(f"MATCH (n:{NODE_LABEL}) RETURN count(n) AS n").single()["n"]
        if held:
            raise StoreError(
                f"{self.uri}: holds a graph pushed with cancu push ({held} nodes), not files loaded here; "
                "load into the embedded store and push it again"
            )

    def _records(self, session, files: dict[str, Any]) -> dict[str, PlanRecord]:
        from cancu.ontology.record import PlanRecord

        rows = session.run(f"MATCH (f:{FILE_LABEL}) RETURN f.id AS id, f._attrs AS record").data()
        return {r["id"]: PlanRecord.from_dict(json.loads(r["record"])) for r in rows if r["id"] in files}


def file_key(path: str) -> str:
    """Identity of a loaded file, as the embedded store keys it: its resolved path ("stdin" has none)."""
    resolved = path if path == "stdin" else str(Path(path).resolve())
    return hashlib.sha1(resolved.encode("utf-8")).hexdigest()


def _write_file(session, dialect: Dialect, key: str, path: str, record: PlanRecord) -> None:
    """A file's record on the server; its sha256 (``_hash``) is written last, so a cut write is redone."""
    text = json.dumps(record.to_dict(), ensure_ascii=False, sort_keys=True)
    merge = f"MERGE (f:{FILE_LABEL} {{id: $id}})"
    if not dialect.max_message_bytes:
        _run_write(
            session,
            dialect,
            f"{merge} SET f.path = $path, f._attrs = $text, f._hash = $sha",
            id=key,
            path=path,
            text=text,
            sha=record.sha256 or "",
        )
        return
    _run_write(
        session, dialect, f"{merge} SET f.path = $path, f._attrs = '', f._hash = ''", id=key, path=path
    )
    _append_attrs(
        session, f"MATCH (f:{FILE_LABEL} {{id: $id}})", "f", {"id": key}, text, record.sha256 or "", dialect
    )


@dataclass
class LoadSummary:
    """What ``load`` did, as the embedded store reports it."""

    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    warnings: int = 0


def _edge_order(edge: tuple[str, str, dict]) -> tuple[str, str]:
    return edge[0], edge[1]


def _one_line(err: BaseException) -> str:
    text = getattr(err, "message", None) or str(err) or type(err).__name__
    return " ".join(str(text).split())


def open_neo4j_store(
    uri: str, user: str | None = None, password_env: str = "NEO4J_PASSWORD", database: str | None = None
) -> Neo4jStore:
    """The server at ``uri``; user from ``NEO4J_USER`` (default neo4j), password from the environment."""
    return Neo4jStore(
        uri,
        user or os.environ.get("NEO4J_USER", "neo4j"),
        os.environ.get(password_env, ""),
        database or os.environ.get("NEO4J_DATABASE") or None,
    )
