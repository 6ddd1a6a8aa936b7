"""Store open time: the pickle snapshot against the alternatives, as ratios.

Loads the seeds (../shared/seeds) into a temporary store, then times, in this
process: opening the snapshot (pickle), rebuilding the graph from the stored
records + registries, and, for the seeds graph replicated ``--copies`` times,
pickle against networkx node-link JSON. Ratios are the figures (machine
independent); docs/store.md records why the snapshot is a pickle.

    python benchmarks/bench_store_open.py [--copies 100] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"


def best(fn, runs: int = 3) -> float:
    out = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out = min(out, time.perf_counter() - start)
    return out


def replicate(g: nx.MultiDiGraph, copies: int) -> nx.MultiDiGraph:
    big = nx.MultiDiGraph()
    for i in range(copies):
        big.add_nodes_from((f"{n}#{i}", d) for n, d in g.nodes(data=True))
        big.add_edges_from((f"{a}#{i}", f"{b}#{i}", k, d) for a, b, k, d in g.edges(keys=True, data=True))
    return big


def run(copies: int) -> dict:
    from cancu.graph.assemble import build_graph
    from cancu.graph.store import open_store
    from cancu.loaders.extract import extract_path
    from cancu.ontology.registry import load_registry

    paths = sorted(SEEDS.glob("*.txt"))
    if not paths:
        sys.exit(f"no seeds in {SEEDS}")
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(tmp)
        store.load([(str(p), extract_path(p)) for p in paths])
        snap = (Path(tmp) / "graph.pickle").read_bytes()
        records = store.records()
        t_open = best(lambda: pickle.loads(snap), 5)  # noqa: S301 - our own snapshot
        t_rebuild = best(lambda: build_graph(records, load_registry([])))
        g = store.graph()
    big = replicate(g, copies)
    pb = pickle.dumps(big, protocol=5)
    js = json.dumps(nx.node_link_data(big, edges="links"), default=str)
    t_pb = best(lambda: pickle.loads(pb))  # noqa: S301 - bytes made above
    t_js = best(lambda: nx.node_link_graph(json.loads(js), directed=True, multigraph=True, edges="links"))
    return {
        "seed_nodes": g.number_of_nodes(),
        "seed_edges": g.number_of_edges(),
        "rebuild_over_snapshot": round(t_rebuild / t_open, 1),
        "big_nodes": big.number_of_nodes(),
        "big_edges": big.number_of_edges(),
        "pickle_mb": round(len(pb) / 1e6, 1),
        "json_mb": round(len(js) / 1e6, 1),
        "json_over_pickle_open": round(t_js / t_pb, 1),
        "pickle_open_s": round(t_pb, 3),
        "json_open_s": round(t_js, 3),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=100)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    result = run(args.copies)
    print(json.dumps(result, indent=1))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
