"""Run every benchmark in benchmarks/ at its default size, print a table, write benchmarks/out/*.json.

Each benchmark runs in its own process, one after the other (they would
disturb each other's timings on a 2-core machine), with ``--json
benchmarks/out/<name>.json``. The closing table gives, per benchmark, its wall
time, its exit status and its headline figures (ratios, so machine
independent, where the benchmark has a baseline); ``bench_scale`` also prints
its own table of sizes, growth exponents and goals. Budget: under 15 minutes on
2 cores (measured in benchmarks/RESULTS.md). ``fuzz_extract.py`` is a fuzzer,
not a benchmark, and is not run.

    python benchmarks/run_all.py [--only scale extract ...] [--profile]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "benchmarks"
OUT = BENCH / "out"

BENCHMARKS: dict[str, list[str]] = {  # name -> headline keys of its JSON
    "extract": ["documents", "extract_mb_s", "scan_mb_s", "ratio_extract_over_scan"],
    "store_open": ["rebuild_over_snapshot", "json_over_pickle_open", "pickle_open_s", "big_nodes"],
    "registry_import": ["rows", "import_rows_per_s", "ratio", "max_rss_mb"],
    "push": ["dialect", "batched_items_per_s", "speedup_batched_over_naive", "server_over_embedded_trace"],
    "scale": [],
}


def headline(name: str, data: Any) -> str:
    if name == "scale" and isinstance(data, dict) and data.get("sizes"):
        last = data["sizes"][-1]
        goals = data.get("analysis", {}).get("goals", [])
        verdicts = {v: sum(1 for g in goals if g["verdict"] == v) for v in ("met", "projected", "missed")}
        return (
            f"largest {last['plans']} plans/{last['tasks']} tasks: load {last['load_s']} s, "
            f"reopen {last['reopen_s']} s, rss {last['peak_rss_mb']} MB; goals {verdicts}"
        )
    if isinstance(data, list):  # push writes a list of runs
        data = data[-1] if data else {}
    if not isinstance(data, dict):
        return ""
    return ", ".join(f"{k}={data[k]}" for k in BENCHMARKS.get(name, []) if k in data)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", nargs="+", choices=sorted(BENCHMARKS), help="run only these")
    ap.add_argument(
        "--profile", action="store_true", help="bench_scale: cProfile the load path at the largest size"
    )
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    rows: list[tuple[str, float, int, str]] = []
    start = time.perf_counter()
    for name in BENCHMARKS:
        if args.only and name not in args.only:
            continue
        out = OUT / f"{name}.json"
        cmd = [sys.executable, str(BENCH / f"bench_{name}.py"), "--json", str(out)]
        if name == "scale" and args.profile:
            cmd.append("--profile")
        print(f"== bench_{name}", flush=True)
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, cwd=ROOT, check=False)
        wall = time.perf_counter() - t0
        data: Any = None
        if proc.returncode == 0 and out.exists():
            data = json.loads(out.read_text(encoding="utf-8"))
        rows.append((name, wall, proc.returncode, headline(name, data)))
    total = time.perf_counter() - start
    print("\nbenchmark         wall s  status  headline")
    for name, wall, rc, text in rows:
        print(f"{name:16s} {wall:7.1f}  {'ok' if rc == 0 else f'rc={rc}':6s}  {text}")
    print(f"{'total':16s} {total:7.1f}")
    (OUT / "run_all.json").write_text(
        json.dumps(
            {
                "total_s": round(total, 1),
                "benchmarks": [
                    {"name": n, "wall_s": round(w, 1), "returncode": rc, "headline": t}
                    for n, w, rc, t in rows
                ],
            },
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    if any(rc for _, _, rc, _ in rows):
        sys.exit(1)


if __name__ == "__main__":
    main()
