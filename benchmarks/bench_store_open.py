"""The store as users meet it: every figure is a fresh ``cancu`` process, timed from outside.

For each size (provinces of one synthetic year, ``cancu.testing.synth.generate_country``):

1. ``cancu load COUNTRY`` of the whole year minus one plan — wall time and peak RSS (with
   ``--before DIR``, the same load by that tree too, into a store of its own);
2. ``cancu load PLAN`` of the held-out plan (one plan added to the big store, incrementally), then
   ``cancu forget PLAN``; the same addition timed in process around the store's ``load`` alone
   (the extraction of one file is most of the process); and the addition as it was before the
   incremental build — the store marked as holding no per-file contributions, so the load rebuilds
   the whole graph (the same run, the same store: the before/after ratio);
3. ``cancu load COUNTRY`` again (nothing changed) and ``cancu load PLAN`` of one unchanged file;
4. ``trace``, ``audit``, ``gaps``, ``responsible`` of one provincial plan and ``status`` — median of
   ``--runs`` processes each; then the national ``trace 76/NQ-CP 2021`` and whole-store ``audit`` and
   ``gaps`` (fewer runs);
5. the floor: ``cancu --version`` (interpreter start and imports), so the store's own share shows.

Then each cost's growth exponent between the sizes (cost ~ plans^b). Timings on a shared machine
are noisy: compare ratios measured in the same run.

    python benchmarks/bench_store_open.py [--sizes 3 9] [--runs 5] [--json benchmarks/out/store_cli.json]
    python benchmarks/bench_store_open.py --years 1 2 4 --departments 15 --communes 98 --loads-only
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
AS_OF = "2026-11-22"

# the launcher measures its child alone: Linux carries a parent's peak RSS into a forked child's
_LAUNCHER = """
import json, resource, subprocess, sys, time
t0 = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode
print(json.dumps([code, time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss]))
"""


def _env() -> dict[str, str]:
    """Byte-compiled modules cached as an installed package has them (a checkout run with
    PYTHONDONTWRITEBYTECODE would compile cancu in every process: that is not what users wait for),
    in a cache of the benchmark's own, never in the source tree."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "cancu-bench-pycache")
    return env


#: ``--before DIR``: a tree of cancu (``PYTHONPATH``) whose figures are taken in the same run
BEFORE: dict[str, str] = {}


def cancu(*args: str, before: bool = False) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one ``cancu`` process (``before``: of the ``--before`` tree)."""
    cmd = [sys.executable, "-c", "import sys; from cancu.cli import main; sys.exit(main())", *args]
    env = _env()
    if before:
        env["PYTHONPATH"] = BEFORE["path"]
    out = subprocess.run(
        [sys.executable, "-c", _LAUNCHER, *cmd], capture_output=True, text=True, check=True, env=env
    )
    code, wall, rss_kb = json.loads(out.stdout)
    if code not in (0, 1):  # audit --fail-on is not used; 1 would be a finding, not a failure
        raise RuntimeError(f"cancu {' '.join(args)} exited {code}")
    return wall, rss_kb / 1024


def median_of(runs: int, *args: str, compare: bool = False) -> dict[str, float]:
    """The median of ``runs`` processes, after one untimed run (fills the byte-code cache). With
    ``--before``, the before tree's processes alternate with these: ``before_s`` and the ratio."""
    cancu(*args)
    if not (BEFORE and compare):
        walls, rss = zip(*(cancu(*args) for _ in range(runs)), strict=True)
        return {"median_s": round(statistics.median(walls), 3), "peak_rss_mb": round(max(rss), 1)}
    cancu(*args, before=True)
    pairs = [(cancu(*args), cancu(*args, before=True)) for _ in range(runs)]
    now, then = statistics.median(p[0][0] for p in pairs), statistics.median(p[1][0] for p in pairs)
    return {
        "median_s": round(now, 3),
        "peak_rss_mb": round(max(p[0][1] for p in pairs), 1),
        "before_s": round(then, 3),
        "before_rss_mb": round(max(p[1][1] for p in pairs), 1),
        "before/after": round(then / now, 2) if now else None,
    }


_STORE_ONLY = """
import json, sys, time
from cancu.graph.embedded import open_store
from cancu.loaders.extract import extract_path
store, path = sys.argv[1], sys.argv[2]
record = extract_path(path)
t0 = time.perf_counter()
open_store(store).load([(path, record)])
print(json.dumps(time.perf_counter() - t0))
"""


def store_only_add(store: Path, path: Path) -> float:
    """Seconds of the store's ``load`` of one extracted plan, in a fresh process (extraction untimed)."""
    out = subprocess.run(
        [sys.executable, "-c", _STORE_ONLY, str(store), str(path)],
        capture_output=True,
        text=True,
        check=True,
        env=_env(),
    )
    return float(out.stdout.strip().splitlines()[-1])


def forget_contributions(store: Path) -> None:
    """Mark the store as one written before per-file contributions: its next load rebuilds it whole
    (what every load did before the incremental build), and writes them again."""
    import sqlite3

    db = sqlite3.connect(store / "cancu.sqlite")
    try:
        with db:
            db.execute("UPDATE meta SET value = 'false' WHERE name = 'contributions'")
    finally:
        db.close()


def one_size(
    provinces: int,
    departments: int,
    communes: int,
    tasks: int,
    runs: int,
    work: Path,
    years: int = 1,
    loads_only: bool = False,
) -> dict[str, Any]:
    from cancu.graph.embedded import open_store
    from cancu.testing.synth import generate_country

    country, store = work / "country", work / "store"
    manifest = generate_country(
        country,
        seed=7,
        years=tuple(range(2027 - years, 2027)),
        provinces=provinces,
        departments_per_province=departments,
        communes_per_province=communes,
        tasks_per_plan=tasks,
        ocr_share=0.0,
    )
    plans = manifest.plans
    held = country / plans[-1]["file"]
    aside = work / "held" / held.name
    aside.parent.mkdir()
    shutil.move(held, aside)
    for extra in ("truth", "manifest.json"):  # only the plans are loaded
        target = country / extra
        if target.is_dir() or target.exists():
            shutil.move(target, work / extra)
    jobs = str(os.cpu_count() or 1)
    s = "--store"
    load_s, load_rss = cancu("load", str(country), s, str(store), "--jobs", jobs)
    before_load: dict[str, float] = {}
    if BEFORE:  # the same full load by the --before tree, right after, into a store of its own
        other = work / "store-before"
        wall, rss = cancu("load", str(country), s, str(other), "--jobs", jobs, before=True)
        mb = sum(p.stat().st_size for p in other.iterdir()) / 1e6
        before_load = {"wall_s": round(wall, 2), "peak_rss_mb": round(rss, 1), "store_mb": round(mb, 1)}
        shutil.rmtree(other)
    add_s, add_rss = cancu("load", str(aside), s, str(store))
    forget_s, forget_rss = cancu("forget", str(aside), s, str(store))
    add_store_s = store_only_add(store, aside)
    cancu("forget", str(aside), s, str(store))
    forget_contributions(store)
    rebuild_s, rebuild_rss = cancu("load", str(aside), s, str(store))
    reload_all_s, _ = cancu("load", str(country), s, str(store), "--jobs", jobs)
    reload_one_s, reload_one_rss = cancu("load", str(aside), s, str(store))
    info = open_store(store).status()
    province = next(p for p in plans if p["level"] == "province")
    from cancu.loaders.extract import extract_path

    plan_key = "doc:" + str(extract_path(country / province["file"]).document.id)
    q = (
        {}
        if loads_only
        else {
            "floor (cancu --version)": median_of(runs, "--version"),
            "status": median_of(runs, "status", s, str(store), compare=True),
            "trace PLAN": median_of(runs, "trace", plan_key, "--as-of", AS_OF, s, str(store)),
            "audit PLAN": median_of(runs, "audit", plan_key, "--as-of", AS_OF, s, str(store)),
            "gaps PLAN": median_of(runs, "gaps", plan_key, "--as-of", AS_OF, s, str(store)),
            "responsible PLAN": median_of(runs, "responsible", plan_key, "--as-of", AS_OF, s, str(store)),
            "trace national": median_of(
                max(1, runs // 2), "trace", "76/NQ-CP 2021", "--as-of", AS_OF, s, str(store)
            ),
            "audit (whole store)": median_of(
                max(1, runs // 2),
                "audit",
                "--as-of",
                AS_OF,
                "--format",
                "ndjson",
                s,
                str(store),
                compare=True,
            ),
            "gaps (whole store)": median_of(
                max(1, runs // 2), "gaps", "--as-of", AS_OF, "--format", "ndjson", s, str(store), compare=True
            ),
        }
    )
    return {
        "sql_reads": {} if loads_only else sql_reads(store, plan_key),
        "provinces": provinces,
        "years": years,
        "plans": len(plans),
        "tasks_per_plan": tasks,
        "nodes": info["nodes"],
        "edges": info["edges"],
        "store_mb": round(sum(p.stat().st_size for p in store.iterdir()) / 1e6, 1),
        "query_plan": plan_key,
        "load": {"wall_s": round(load_s, 2), "peak_rss_mb": round(load_rss, 1)},
        **({"load, the --before tree": before_load} if before_load else {}),
        "add one plan": {"wall_s": round(add_s, 2), "peak_rss_mb": round(add_rss, 1)},
        "forget one plan": {"wall_s": round(forget_s, 2), "peak_rss_mb": round(forget_rss, 1)},
        "add one plan, the store's load alone (in process)": {"wall_s": round(add_store_s, 3)},
        "add one plan, whole rebuild (before)": {
            "wall_s": round(rebuild_s, 2),
            "peak_rss_mb": round(rebuild_rss, 1),
        },
        "reload unchanged (whole year)": {"wall_s": round(reload_all_s, 2)},
        "reload unchanged (one file)": {
            "wall_s": round(reload_one_s, 2),
            "peak_rss_mb": round(reload_one_rss, 1),
        },
        "queries": q,
    }


def sql_reads(store: Path, plan_key: str) -> dict[str, int]:
    """SQL statements each query of one plan runs on the store, in this process: the machine-free
    figure for "reads only what it needs" (the same at every size when it does)."""
    from cancu.api import open_store
    from cancu.queries.audit import audit
    from cancu.queries.gaps import gaps
    from cancu.queries.responsible import responsible
    from cancu.queries.trace import trace

    out = {}
    for name, query, part in (
        ("trace PLAN", trace, "trace"),
        ("audit PLAN", audit, "plans"),
        ("gaps PLAN", gaps, "plans"),
        ("responsible PLAN", responsible, "responsible"),
    ):
        raw = open_store(store).raw
        g = (
            raw.subgraph_for_trace(plan_key)
            if part == "trace"
            else raw.subgraph_for_plans([plan_key])
            if part == "plans"
            else raw.subgraph_for_responsible(plan_key)
        )
        statements: list[str] = []
        (getattr(g, "_db", None) or raw._reader()).set_trace_callback(statements.append)
        query(g, [plan_key] if part == "plans" else plan_key, as_of=AS_OF)
        out[name] = len(statements)
    return out


def exponent(x1: float, y1: float, x2: float, y2: float) -> float | None:
    if min(x1, y1, x2, y2) <= 0 or x1 == x2:
        return None
    return round(math.log(y2 / y1) / math.log(x2 / x1), 2)


def exponents(small: dict[str, Any], big: dict[str, Any]) -> dict[str, float | None]:
    out: dict[str, float | None] = {}
    x1, x2 = small["plans"], big["plans"]
    for name in LOADS:
        if name in small and name in big:
            out[name] = exponent(x1, small[name]["wall_s"], x2, big[name]["wall_s"])
    out["load peak RSS"] = exponent(x1, small["load"]["peak_rss_mb"], x2, big["load"]["peak_rss_mb"])
    for name in small["queries"]:
        out[name] = exponent(x1, small["queries"][name]["median_s"], x2, big["queries"][name]["median_s"])
    return out


TEN_YEARS_PLANS = 40_000
LOADS = (
    "load",
    "load, the --before tree",
    "add one plan",
    "forget one plan",
    "add one plan, the store's load alone (in process)",
    "add one plan, whole rebuild (before)",
    "reload unchanged (whole year)",
    "reload unchanged (one file)",
)


def projection(big: dict[str, Any], exps: dict[str, float | None]) -> dict[str, float | None]:
    """Each cost at ten years (40,000 plans) from the largest size and its exponent (b < 0 read as 0:
    a cost that fell between two sizes is noise, not a trend)."""
    scale = TEN_YEARS_PLANS / big["plans"]
    out: dict[str, float | None] = {}
    costs = {n: big[n]["wall_s"] for n in LOADS if n in big}
    costs |= {n: v["median_s"] for n, v in big["queries"].items()}
    costs["load peak RSS"] = big["load"]["peak_rss_mb"]
    for name, value in costs.items():
        b = exps.get(name)
        out[name] = None if b is None else round(value * scale ** max(b, 0.0), 2)
    return out


def table(result: dict[str, Any]) -> str:
    sizes = result["sizes"]
    head = (
        "| what | "
        + " | ".join(f"{r['plans']} plans ({r['nodes']:,} nodes)" for r in sizes)
        + " | exponent |"
    )
    lines = [head, "|---" * (len(sizes) + 2) + "|"]
    for name in [n for n in LOADS if n in sizes[0]]:
        cells = [
            f"{r[name]['wall_s']} s" + (f", {r[name]['peak_rss_mb']} MB" if "peak_rss_mb" in r[name] else "")
            for r in sizes
        ]
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {result['exponents'].get(name)} |")
    for name in sizes[0]["queries"]:
        cells = [_query_cell(r["queries"][name]) for r in sizes]
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {result['exponents'].get(name)} |")
    for name in sizes[0]["sql_reads"]:
        cells = [str(r["sql_reads"][name]) for r in sizes]
        lines.append(f"| SQL reads, {name} (in process) | " + " | ".join(cells) + " | |")
    return "\n".join(lines)


def _query_cell(q: dict[str, Any]) -> str:
    cell = f"{q['median_s']} s, {q['peak_rss_mb']} MB"
    if "before_s" in q:
        cell += f" (before {q['before_s']} s, {q['before_rss_mb']} MB: {q['before/after']}x)"
    return cell


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[3, 9], help="provinces per size")
    ap.add_argument("--departments", type=int, default=10)
    ap.add_argument("--communes", type=int, default=30)
    ap.add_argument("--tasks", type=int, default=20)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument(
        "--years",
        type=int,
        nargs="+",
        default=None,
        help="sizes as synthetic years of a country (each of --provinces provinces) instead of --sizes",
    )
    ap.add_argument("--provinces", type=int, default=34, help="provinces of a year with --years")
    ap.add_argument(
        "--before", type=Path, default=None, help="a cancu tree (PYTHONPATH) timed in the same run"
    )
    ap.add_argument("--loads-only", action="store_true", help="the loads alone, no query timings")
    ap.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "out" / "store_cli.json")
    args = ap.parse_args()
    if args.before:
        BEFORE["path"] = str(args.before.resolve())
    sizes = []
    steps = [(args.provinces, y) for y in args.years] if args.years else [(n, 1) for n in args.sizes]
    for n, years in steps:
        with tempfile.TemporaryDirectory(prefix="cancu-bench-") as tmp:
            started = time.perf_counter()
            sizes.append(
                one_size(
                    n,
                    args.departments,
                    args.communes,
                    args.tasks,
                    args.runs,
                    Path(tmp),
                    years,
                    args.loads_only,
                )
            )
            print(f"size {n} x {years} year(s): {time.perf_counter() - started:.0f} s", file=sys.stderr)
            args.json.parent.mkdir(parents=True, exist_ok=True)  # what is measured survives a stop
            args.json.write_text(json.dumps({"sizes": sizes}, indent=1, ensure_ascii=False), encoding="utf-8")
    result = {"sizes": sizes, "exponents": exponents(sizes[0], sizes[-1]) if len(sizes) > 1 else {}}
    result["ten_years"] = projection(sizes[-1], result["exponents"])
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    print(table(result))
    if result.get("ten_years"):
        print("\nprojected to ten years (40,000 plans):")
        for name, value in result["ten_years"].items():
            print(f"  {name}: {value}")


if __name__ == "__main__":
    main()
