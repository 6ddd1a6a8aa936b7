"""The queries over Bolt against the embedded store, as users run them: fresh ``cancu`` processes.

Generates a synthetic year (``cancu.testing.synth``), loads it into an embedded store,
pushes it to a Bolt server (the local FalkorDB of ``scripts/bolt_server.py`` unless
``CANCU_NEO4J_URI`` names one) and times each query as a fresh CLI process on both
stores, alternating, median of ``--repeat`` runs; checks both print the same JSON.
The figure is the ratio Bolt / embedded, measured in the same run (the machine is
shared: absolute times are noisy, ratios less so). Whole-store ``audit`` / ``gaps``
over Bolt are also timed streamed (``queries.whole_store.whole_store``, a fresh process).

    python benchmarks/bench_bolt_queries.py [--provinces 6] [--communes 98] [--repeat 3] [--json benchmarks/out/bolt_queries.json]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

AS_OF = "2026-11-22"

#: Whole-store audit or gaps over Bolt, streamed plan batch by plan batch, printed as the CLI prints JSON.
STREAM = """
import sys
from cancu.formats import to_json
from cancu.graph.neo4j_store import open_neo4j_store
from cancu.queries.whole_store import whole_store
result, _ = whole_store(open_neo4j_store(sys.argv[3]), sys.argv[1], sys.argv[2])
print(to_json(result.to_dict()))
"""


#: What ``cancu status --store bolt://`` runs once it calls the store's ``status()``.
STATUS = """
import sys
from cancu.graph.neo4j_store import open_neo4j_store
print(open_neo4j_store(sys.argv[1]).status())
"""


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=1800)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)}: exit {done.returncode}: {done.stderr.strip()[-500:]}")
    return seconds, done.stdout


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "cancu.cli", *args]


def server_uri(work: Path) -> tuple[str, Path | None]:
    uri = os.environ.get("CANCU_NEO4J_URI")
    if uri:
        return uri, None
    spec = importlib.util.spec_from_file_location("bolt_server", ROOT / "scripts" / "bolt_server.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    pidfile = work / "bolt.json"
    return mod.start(pidfile)["uri"], pidfile


def pick(store: Path) -> dict[str, str]:
    """A province plan (its cascade), a commune plan, from the embedded graph."""
    from cancu.api import open_store

    g = open_store(store).graph()
    loaded = sorted(k for k, d in g.nodes(data=True) if d.get("kind") == "Plan" and d.get("loaded"))

    def below(key: str) -> int:
        return sum(1 for _ in g.predecessors(key))

    province = max((p for p in loaded if g.nodes[p].get("level") == "province"), key=below)
    commune = next(p for p in loaded if g.nodes[p].get("level") == "commune")
    return {
        "province": province,
        "commune": commune,
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--provinces", type=int, default=6)
    ap.add_argument(
        "--departments", type=int, default=15, help="department plans a province (a real one: ~15)"
    )
    ap.add_argument("--communes", type=int, default=98, help="commune plans a province (since 2025: ~98)")
    ap.add_argument("--tasks", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    from cancu.testing.synth import generate_country

    work = Path(tempfile.mkdtemp(prefix="cancu-bench-bolt-"))
    plans_dir, store = work / "plans", work / "store"
    generate_country(
        plans_dir,
        seed=1,
        provinces=args.provinces,
        departments_per_province=args.departments,
        communes_per_province=args.communes,
        tasks_per_plan=args.tasks,
        years=(2026,),
    )
    env = {**os.environ, "NEO4J_PASSWORD": os.environ.get("NEO4J_PASSWORD", "")}
    files = sorted(str(p) for p in plans_dir.glob("*.txt"))
    load_s, _ = timed(cli("load", "--store", str(store), *files), env)
    uri, pidfile = server_uri(work)
    try:
        push_s, pushed = timed(cli("push", "--neo4j", uri, "--store", str(store)), env)
        chosen = pick(store)
        print(
            f"{len(files)} plans, {chosen['nodes']} nodes, {chosen['edges']} edges; "
            f"load {load_s:.1f} s, push {push_s:.1f} s: {pushed.strip()}"
        )
        questions = [
            ("trace (one province's cascade)", ["trace", chosen["province"]]),
            ("trace 76/NQ-CP 2021 (national)", ["trace", "76/NQ-CP 2021"]),
            ("responsible PLAN", ["responsible", chosen["commune"]]),
            ("audit PLAN", ["audit", chosen["commune"]]),
            ("gaps PLAN", ["gaps", chosen["commune"]]),
            ("audit (whole store)", ["audit"]),
            ("gaps (whole store)", ["gaps"]),
        ]
        rows = []
        for name, q in questions:
            local, remote, same = [], [], True
            for _ in range(args.repeat):
                t1, out1 = timed(cli(*q, "--store", str(store), "--as-of", AS_OF, "--format", "json"), env)
                t2, out2 = timed(cli(*q, "--store", uri, "--as-of", AS_OF, "--format", "json"), env)
                local.append(t1)
                remote.append(t2)
                same = same and out1 == out2
            rows.append(_row(name, local, remote, same))
            if q in (["audit"], ["gaps"]):
                streamed, same_streamed = [], True
                for _ in range(args.repeat):
                    t3, out3 = timed([sys.executable, "-c", STREAM, q[0], AS_OF, uri], env)
                    streamed.append(t3)
                    same_streamed = same_streamed and out3 == out1
                rows.append(_row(f"{name}, streamed", local, streamed, same_streamed))
        local = [timed(cli("status", "--store", str(store)), env)[0] for _ in range(args.repeat)]
        remote = [timed(cli("status", "--store", uri), env)[0] for _ in range(args.repeat)]
        rows.append(_row("status (the CLI reads the graph back)", local, remote, True))
        counted = [timed([sys.executable, "-c", STATUS, uri], env)[0] for _ in range(args.repeat)]
        rows.append(_row("status, Neo4jStore.status() (counts)", local, counted, True))
    finally:
        if pidfile:
            spec = importlib.util.spec_from_file_location("bolt_server", ROOT / "scripts" / "bolt_server.py")
            mod = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(mod)
            mod.stop(pidfile)
    print(f"{'query':42} {'embedded s':>10} {'bolt s':>8} {'ratio':>6}  same rows")
    for r in rows:
        emb = f"{r['embedded_s']:.3f}" if r["embedded_s"] is not None else "—"
        ratio = f"{r['ratio']:.2f}" if r.get("ratio") is not None else "—"
        print(f"{r['query']:42} {emb:>10} {r['bolt_s']:>8.3f} {ratio:>6}  {r.get('same', '—')}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps(
                {"plans": len(files), **chosen, "load_s": load_s, "push_s": push_s, "rows": rows}, indent=1
            )
        )


def _row(name: str, local: list[float], remote: list[float], same: bool) -> dict:
    emb, bolt = statistics.median(local), statistics.median(remote)
    return {
        "query": name,
        "embedded_s": round(emb, 3),
        "bolt_s": round(bolt, 3),
        "ratio": round(bolt / emb, 2),
        "same": same,
    }


if __name__ == "__main__":
    main()
