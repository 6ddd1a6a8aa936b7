"""Push throughput: the batched UNWIND path against one statement per row, as a ratio.

Builds a synthetic graph in the schema (its own generator: plans, tasks, agencies,
with their edges), starts the local FalkorDB Bolt server (scripts/bolt_server.py)
unless ``CANCU_NEO4J_URI`` names a server, and times in the same run (then the same
trace on the server: its subgraph as ``--store bolt://`` fetches it, the whole graph
read back as before, and the native Cypher cascade):
``push`` (batched ``UNWIND … MERGE``, managed transactions) and a naive baseline
that sends one ``MERGE`` statement per node and per edge. Prints a table and
writes JSON; the ratio is the figure (machine independent).

    python benchmarks/bench_push.py [--plans 150] [--json benchmarks/out/push.json]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cancu.graph.cypher_dialect import NODE_LABEL  # noqa: E402
from cancu.graph.neo4j_store import _props, driver, push  # noqa: E402


def synthetic(plans: int) -> nx.MultiDiGraph:
    """``plans`` provincial plans under one national programme, 10 tasks each, one lead agency a task."""
    g = nx.MultiDiGraph()
    root = "doc:76-nq-cp.2021"
    g.add_node(root, kind="Plan", number="76/NQ-CP", year=2021, level="national", loaded=False)
    for p in range(plans):
        plan = f"doc:{p}-kh-ubnd.2026@p{p}"
        agency = f"agency:so-noi-vu@p{p}"
        g.add_node(
            plan,
            kind="Plan",
            number=f"{p}/KH-UBND",
            year=2026,
            level="province",
            loaded=True,
            evidence=[{"doc": plan, "file": f"p{p}.txt", "span": [0, 40], "quote": "Kế hoạch cải cách"}],
        )
        g.add_node(agency, kind="Agency", name=f"Sở Nội vụ tỉnh {p}", level="department")
        g.add_edge(plan, root, key="IMPLEMENTS", kind="IMPLEMENTS", derived=True)
        for t in range(10):
            task = f"task:{p}-kh-ubnd.2026@p{p}#{t + 1}"
            g.add_node(task, kind="Task", text=f"Nhiệm vụ {t + 1} của kế hoạch {p}", area="tthc", plan=plan)
            g.add_edge(plan, task, key="HAS_TASK", kind="HAS_TASK")
            g.add_edge(agency, task, key="LEADS", kind="LEADS", plan=plan)
    return g


def naive(g: nx.MultiDiGraph, uri: str, user: str, password: str) -> None:
    """One auto-commit statement per node and per edge: the baseline."""
    with driver(uri, user, password).session() as s:
        for key, attrs in g.nodes(data=True):
            props, _ = _props(key, attrs)
            s.run(f"MERGE (n:{NODE_LABEL} {{id: $id}}) SET n = $props", id=key, props=props).consume()
        for a, b, k, attrs in g.edges(keys=True, data=True):
            props, _ = _props(f"{a}|{k}|{b}", attrs)
            s.run(
                f"MATCH (x:{NODE_LABEL} {{id: $a}}) MATCH (y:{NODE_LABEL} {{id: $b}}) "
                f"MERGE (x)-[r:{k}]->(y) SET r = $props",
                a=a,
                b=b,
                props=props,
            ).consume()


def clear(uri: str, user: str, password: str) -> None:
    with driver(uri, user, password).session() as s:
        s.run(f"MATCH (n:{NODE_LABEL}) DETACH DELETE n").consume()


def _median(fn, calls: int = 5) -> float:
    times = []
    for _ in range(calls):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def queries_on_server(g: nx.MultiDiGraph, uri: str, user: str, password: str) -> dict[str, float]:
    """The same trace, answered on the server three ways against the in-memory graph, as ratios: the
    subgraph it walks fetched with Cypher, then the embedded function (``--store bolt://`` today); the
    whole graph read back, then that function (before); the cascade as one native Cypher query."""
    from cancu.graph.neo4j_queries import cascade
    from cancu.graph.neo4j_store import Neo4jStore, pull
    from cancu.queries.trace import trace

    root = "doc:76-nq-cp.2021"
    embedded = _median(lambda: trace(g, root, as_of="2026-11-22"))
    pulled = _median(lambda: pull(uri, user, password), 3)
    served = _median(lambda: trace(pull(uri, user, password), root, as_of="2026-11-22"), 3)
    store = Neo4jStore(uri, user, password)
    part = _median(lambda: trace(store.subgraph_for_trace(root), root, as_of="2026-11-22"))
    assert trace(store.subgraph_for_trace(root), root, as_of="2026-11-22") == trace(
        g, root, as_of="2026-11-22"
    )
    native = _median(lambda: cascade(uri, user, password, root))
    assert len(cascade(uri, user, password, root)) == len(trace(g, root, as_of="2026-11-22").nodes)
    return {
        "embedded_trace_median_s": round(embedded, 4),
        "pull_median_s": round(pulled, 3),
        "server_trace_median_s": round(served, 3),
        "server_over_embedded_trace": round(served / embedded, 1),
        "subgraph_trace_median_s": round(part, 4),
        "subgraph_over_embedded_trace": round(part / embedded, 1),
        "cypher_cascade_median_s": round(native, 4),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--plans", type=int, default=150)
    ap.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "out" / "push.json")
    args = ap.parse_args(argv)
    uri = os.environ.get("CANCU_NEO4J_URI")
    user, password = os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD", "")
    server = pidfile = None
    if not uri:
        spec = importlib.util.spec_from_file_location("bolt_server", ROOT / "scripts" / "bolt_server.py")
        server = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(server)
        pidfile = Path(tempfile.mkdtemp()) / "server.json"
        uri = server.start(pidfile)["uri"]
    try:
        g = synthetic(args.plans)
        items = g.number_of_nodes() + g.number_of_edges()
        clear(uri, user, password)
        start = time.perf_counter()
        naive(g, uri, user, password)
        t_naive = time.perf_counter() - start
        clear(uri, user, password)
        start = time.perf_counter()
        summary = push(g, uri, user, password)
        t_batched = time.perf_counter() - start
        start = time.perf_counter()
        again = push(g, uri, user, password)
        t_again = time.perf_counter() - start
        served = queries_on_server(g, uri, user, password)
    finally:
        if server:
            server.stop(pidfile)
    rows = {
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "dialect": summary.dialect,
        "batch": summary.batch,
        "statements_batched": summary.statements,
        "naive_items_per_s": round(items / t_naive),
        "batched_items_per_s": round(items / t_batched),
        "speedup_batched_over_naive": round(t_naive / t_batched, 2),
        "repush_unchanged_s": round(t_again, 3),
        "repush_statements": again.statements,
        **served,
    }
    print(f"{'path':<28}{'items/s':>10}")
    print(f"{'naive (1 statement/row)':<28}{rows['naive_items_per_s']:>10}")
    print(f"{'batched UNWIND MERGE':<28}{rows['batched_items_per_s']:>10}")
    print(
        f"speed-up {rows['speedup_batched_over_naive']}x on {items} items ({summary.dialect}, batch "
        f"{summary.batch}); unchanged re-push {rows['repush_unchanged_s']} s, {again.statements} statements"
    )
    print(
        f"trace on the server: its subgraph fetched {rows['subgraph_trace_median_s']} s "
        f"(x{rows['subgraph_over_embedded_trace']}); whole graph read back {rows['server_trace_median_s']} s "
        f"(x{rows['server_over_embedded_trace']}); embedded {rows['embedded_trace_median_s']} s; "
        f"read-back alone {rows['pull_median_s']} s; native Cypher cascade {rows['cypher_cascade_median_s']} s"
    )
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
