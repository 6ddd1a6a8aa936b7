"""National scale: generate, extract, load, reopen and query synthetic countries of growing size.

For each size (a number of provinces of one year, each province with
``--departments`` department plans and ``--communes`` commune plans, about a
real province's worth: ~15 departments and ~98 communes since 2025) a child
process, so that its peak RSS is its own:

1. generates the country (``cancu.testing.synth.generate_country``) — timed;
2. extracts every plan with ``--workers`` processes (``cancu.loaders.extract``);
3. loads the records into a fresh embedded store — timed, store size on disk;
4. reads the whole graph back (``open_store(dir).graph()``, best of 3) — timed;
5. times ``trace`` (the 76/NQ-CP 2021 cascade: the whole country), ``responsible``,
   ``audit`` and ``gaps`` (one provincial plan each): median and p95 of ~20 calls;
6. times one incremental load (one changed file: only the nodes and edges it touches re-folded and
   re-derived, only differing rows written — ``cancu.graph.incremental``);
   fresh CLI processes for every store command: ``benchmarks/bench_store_open.py``;
7. scores the extraction against the generator's ``truth/`` with the functions of
   ``../shared/eval/score.py``, clean and OCR plans apart;
8. runs ``cancu load COUNTRY --jobs N`` as a user does, in its own process: its wall time and
   peak RSS are the figures for the load and memory goals.

The parent fits each cost's growth exponent b (cost ~ tasks^b, log-log least
squares over the sizes) and extrapolates from the largest size to 10 years of a
country (40,000 plans, 2,000,000 tasks), then says which goals of issue 7 are
met (measured), projected (extrapolated) or missed. ``--profile`` runs cProfile
over the load path (extraction of a sample and the store load) at the largest size.

    python benchmarks/bench_scale.py [--sizes 1 3 8 34] [--profile] [--json benchmarks/out/scale.json]
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import importlib.util
import io
import json
import math
import os
import platform
import pstats
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SCORE_PY = ROOT.parent / "shared" / "eval" / "score.py"
OUT = ROOT / "benchmarks" / "out"

TEN_YEARS_PLANS = 40_000
TEN_YEARS_TASKS = 2_000_000
AS_OF = "2026-11-22"
YEAR = 2026
PROVINCES_2026 = 34
GOALS = {
    "load_10y_s": 600.0,  # 10 years of a country loads in < 10 minutes on 2 cores
    "query_1y_median_s": 0.2,
    "query_10y_median_s": 1.0,
    "peak_rss_mb": 8192.0,
    "exponent": 1.0,  # no cost grows faster than linearly (with a 0.1 margin for noise)
}
QUERIES = ("trace", "responsible", "audit", "gaps")


# ----------------------------------------------------------------------------- child: one size
_LAUNCHER = """
import json, resource, subprocess, sys, time
t0 = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
print(json.dumps([code, time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss]))
"""


def _cli_load(country: Path, store: Path, workers: int) -> dict[str, float]:
    """``cancu load COUNTRY --jobs N`` as a user runs it, in its own process: wall time and peak RSS
    of that process alone (this benchmark's own process holds records, graphs and scores at once,
    so its RSS overstates what loading needs). A small launcher starts it: Linux carries a parent's
    peak RSS over fork and exec into a child's ru_maxrss, so a child of this big process would
    report this process's peak, not its own."""
    cmd = [
        sys.executable,
        "-c",
        "import sys; from cancu.cli import main; sys.exit(main())",
        "load",
        str(country),
        "--store",
        str(store),
        "--jobs",
        str(workers),
    ]
    out = subprocess.run([sys.executable, "-c", _LAUNCHER, *cmd], capture_output=True, text=True, check=True)
    code, wall, maxrss_kb = json.loads(out.stdout)
    if code != 0:
        raise RuntimeError(f"cancu load exited {code}")
    return {"cli_load_s": round(wall, 3), "cli_peak_rss_mb": round(maxrss_kb / 1024, 1)}


def _score_module() -> Any:
    spec = importlib.util.spec_from_file_location("cancu_eval_score", SCORE_PY)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import {SCORE_PY}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def accuracy(out_dir: Path, plans: list[dict[str, Any]], records: dict[str, Any]) -> dict[str, Any]:
    """Per-field F1 as score.py totals them, for the clean plans and the OCR plans apart."""
    score = _score_module()
    totals: dict[str, dict[str, list[Counter]]] = {"clean": {}, "ocr": {}}
    counts = {"clean": 0, "ocr": 0}
    for plan in plans:
        share = "ocr" if plan["ocr"] else "clean"
        counts[share] += 1
        gold = json.loads(
            (out_dir / "truth" / (Path(plan["file"]).stem + ".json")).read_text(encoding="utf-8")
        )
        pred = records[plan["file"]].to_dict()
        for field, (g, p) in score.score_one(gold, pred).items():
            acc = totals[share].setdefault(field, [Counter(), Counter()])
            acc[0].update({(plan["file"], k): v for k, v in g.items()})
            acc[1].update({(plan["file"], k): v for k, v in p.items()})
    out: dict[str, Any] = {}
    for share, fields in totals.items():
        f1 = {field: round(score.prf(g, p)[2], 3) for field, (g, p) in fields.items()}
        out[share] = {
            "plans": counts[share],
            "overall": round(sum(f1.values()) / len(f1), 3) if f1 else None,
            "f1": f1,
        }
    return out


def _timed(fn: Any, calls: int, budget_s: float) -> dict[str, float]:
    times: list[float] = []
    spent = 0.0
    while len(times) < calls and (len(times) < 3 or spent < budget_s):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
        spent += times[-1]
    times.sort()
    p95 = times[min(len(times) - 1, math.ceil(0.95 * len(times)) - 1)]
    return {"median_s": round(statistics.median(times), 5), "p95_s": round(p95, 5), "calls": len(times)}


def _dir_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def one_size(
    provinces: int,
    departments: int,
    communes: int,
    tasks: int,
    workers: int,
    calls: int,
    work: Path,
    profile: Path | None,
) -> dict[str, Any]:
    from cancu.graph.embedded import open_store
    from cancu.loaders.extract import extract_many
    from cancu.queries.audit import audit
    from cancu.queries.gaps import gaps
    from cancu.queries.responsible import responsible
    from cancu.queries.trace import trace
    from cancu.testing.synth import generate_country

    country, store_dir = work / "country", work / "store"
    t0 = time.perf_counter()
    manifest = generate_country(
        country,
        seed=7,
        years=(YEAR,),
        provinces=provinces,
        departments_per_province=departments,
        communes_per_province=communes,
        tasks_per_plan=tasks,
        ocr_share=0.2,
    )
    gen_s = time.perf_counter() - t0
    files = [str(country / p["file"]) for p in manifest.plans]
    input_bytes = sum(os.path.getsize(f) for f in files)

    t0 = time.perf_counter()
    recs = list(extract_many([Path(f) for f in files], workers))  # what `cancu load --jobs` does
    extract_s = time.perf_counter() - t0
    records = {Path(f).name: r for f, r in zip(files, recs, strict=True)}

    store = open_store(store_dir)
    t0 = time.perf_counter()
    store.load(list(zip(files, recs, strict=True)))
    store_load_s = time.perf_counter() - t0
    store_bytes = _dir_bytes(store_dir)

    reopen = []
    for _ in range(3):
        t0 = time.perf_counter()
        g = open_store(store_dir).graph()
        reopen.append(time.perf_counter() - t0)

    # the same whole-graph read with the cyclic GC off: how much of reopen is the collector
    reopen_nogc = []
    for _ in range(3):
        t0 = time.perf_counter()
        gc.disable()
        try:
            open_store(store_dir).graph()
        finally:
            gc.enable()
        reopen_nogc.append(time.perf_counter() - t0)

    # one changed file: the store re-folds what it touches and writes the rows that differ
    changed = recs[-1]
    changed.sha256 = "0" * 64
    t0 = time.perf_counter()
    open_store(store_dir).load([(files[-1], changed)])
    incremental_s = time.perf_counter() - t0
    g = open_store(store_dir).graph()

    province = next(p for p in manifest.plans if p["level"] == "province")
    plan_key = "doc:" + records[province["file"]].document.id
    budget = 15.0
    lat = {
        "trace": _timed(lambda: trace(g, "doc:76-nq-cp.2021", as_of=AS_OF), calls, budget),
        "responsible": _timed(lambda: responsible(g, plan_key, as_of=AS_OF), calls, budget),
        "audit": _timed(lambda: audit(g, [plan_key], as_of=AS_OF), calls, budget),
        "gaps": _timed(lambda: gaps(g, [plan_key], as_of=AS_OF), calls, budget),
    }
    trace_rows = len(trace(g, "doc:76-nq-cp.2021", as_of=AS_OF).nodes)

    cli = _cli_load(country, work / "cli-store", workers)

    result: dict[str, Any] = {
        "provinces": provinces,
        "plans": len(files),
        "by_level": manifest.by_level(),
        "tasks": sum(len(r.tasks) for r in recs),
        "targets": sum(len(r.targets) for r in recs),
        "input_mb": round(input_bytes / 1e6, 2),
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "gen_s": round(gen_s, 3),
        "extract_s": round(extract_s, 3),
        "store_load_s": round(store_load_s, 3),
        "load_s": round(extract_s + store_load_s, 3),
        "incremental_load_s": round(incremental_s, 3),
        "store_mb": round(store_bytes / 1e6, 2),
        "reopen_s": round(min(reopen), 4),
        "reopen_gc_off_s": round(min(reopen_nogc), 4),
        "queries": lat,
        "trace_rows": trace_rows,
        "query_plan": plan_key,
        "accuracy": accuracy(country, manifest.plans, records),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "peak_rss_workers_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
        **cli,
    }
    if profile:
        queries = {
            "trace": lambda: trace(g, "doc:76-nq-cp.2021", as_of=AS_OF),
            "gaps": lambda: gaps(g, [plan_key], as_of=AS_OF),
        }
        result["profile"] = profile_load(files, recs, store_dir.parent / "store-profiled", profile, queries)
    return result


def profile_load(
    files: list[str], recs: list[Any], store_dir: Path, out: Path, queries: dict[str, Any], sample: int = 200
) -> dict[str, Any]:
    """cProfile: extraction of ``sample`` plans (serial), the store load of all records, and some queries."""
    from cancu.graph.embedded import open_store
    from cancu.loaders.extract import extract_path

    step = max(1, len(files) // sample)
    parts = []
    prof = cProfile.Profile()
    prof.enable()
    for f in files[::step]:
        extract_path(Path(f))
    prof.disable()
    parts.append(f"# extraction of {len(files[::step])} plans (serial)\n{_top(prof, 25)}")
    prof = cProfile.Profile()
    prof.enable()
    open_store(store_dir).load(list(zip(files, recs, strict=True)))
    prof.disable()
    parts.append(f"# store load of {len(files)} records\n{_top(prof, 25)}")
    for name, fn in queries.items():
        prof = cProfile.Profile()
        prof.enable()
        fn()
        prof.disable()
        parts.append(f"# query {name}\n{_top(prof, 15)}")
    out.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    return {"file": str(out), "extract_sample": len(files[::step])}


def _top(prof: cProfile.Profile, n: int) -> str:
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(n)
    buf2 = io.StringIO()
    pstats.Stats(prof, stream=buf2).sort_stats("tottime").print_stats(n)
    return "## by cumulative time\n" + buf.getvalue() + "\n## by own time\n" + buf2.getvalue()


# ----------------------------------------------------------------------------- parent: fit and verdicts
def fit_exponent(xs: list[float], ys: list[float]) -> float | None:
    """Least-squares slope of log y on log x."""
    pts = [(math.log(x), math.log(y)) for x, y in zip(xs, ys, strict=True) if x > 0 and y > 0]
    if len(pts) < 2:
        return None
    mx = sum(p[0] for p in pts) / len(pts)
    my = sum(p[1] for p in pts) / len(pts)
    var = sum((p[0] - mx) ** 2 for p in pts)
    return sum((p[0] - mx) * (p[1] - my) for p in pts) / var if var else None


COSTS = {  # name -> how to read it from one size's result
    "gen_s": lambda r: r["gen_s"],
    "extract_s": lambda r: r["extract_s"],
    "store_load_s": lambda r: r["store_load_s"],
    "load_s": lambda r: r["load_s"],
    "incremental_load_s": lambda r: r["incremental_load_s"],
    "store_mb": lambda r: r["store_mb"],
    "reopen_s": lambda r: r["reopen_s"],
    "reopen_gc_off_s": lambda r: r["reopen_gc_off_s"],
    "peak_rss_mb": lambda r: r["peak_rss_mb"],
    "cli_load_s": lambda r: r["cli_load_s"],
    "cli_peak_rss_mb": lambda r: r["cli_peak_rss_mb"],
    **{f"{q}_median_s": (lambda r, q=q: r["queries"][q]["median_s"]) for q in QUERIES},
}


def fit_affine(xs: list[float], ys: list[float]) -> tuple[float, float]:
    """Least-squares a + c*x (a fixed cost plus a per-task cost)."""
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    var = sum((x - mx) ** 2 for x in xs)
    c = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / var if var else 0.0
    return my - c * mx, c


def _r(x: float) -> float:
    """Four significant figures."""
    return float(f"{x:.4g}")


def analyse(sizes: list[dict[str, Any]]) -> dict[str, Any]:
    """Exponent b of cost ~ tasks^b; extrapolation: power law when b > 1, else a + c*tasks (a fixed cost
    plus a linear one: a sublinear fit is never extrapolated below linear growth of the variable part)."""
    xs = [float(s["tasks"]) for s in sizes]
    last = sizes[-1]
    fits: dict[str, Any] = {}
    for name, get in COSTS.items():
        ys = [float(get(s)) for s in sizes]
        b = fit_exponent(xs, ys)
        a, c = fit_affine(xs, ys)

        def at(x: float, ys: list[float] = ys, b: float | None = b, a: float = a, c: float = c) -> float:
            if b is not None and b > 1.0:
                return ys[-1] * (x / xs[-1]) ** b
            return max(a, 0.0) + max(c, 0.0) * x if c > 0 else ys[-1] * x / xs[-1]

        fits[name] = {
            "exponent": None if b is None else round(b, 2),
            "model": "power" if b and b > 1 else "affine",
            "at_1y": _r(at(TEN_YEARS_TASKS / 10)),
            "at_10y": _r(at(TEN_YEARS_TASKS)),
        }
    return {
        "size_variable": "tasks",
        "largest_tasks": last["tasks"],
        "factor_to_10y": round(TEN_YEARS_TASKS / last["tasks"], 1),
        "fits": fits,
        "goals": verdicts(sizes, fits),
    }


def verdicts(sizes: list[dict[str, Any]], fits: dict[str, Any]) -> list[dict[str, Any]]:
    measured_1y = sizes[-1]["tasks"] >= 0.9 * TEN_YEARS_TASKS / 10
    out = []

    def add(goal: str, value: float, limit: float, how: str) -> None:
        out.append(
            {
                "goal": goal,
                "value": value,
                "limit": limit,
                "how": how,
                "verdict": ("met" if how == "measured" else "projected") if value < limit else "missed",
            }
        )

    add(
        "10 years load < 10 min on 2 cores, `cancu load` (s)",
        fits["cli_load_s"]["at_10y"],
        GOALS["load_10y_s"],
        "extrapolated",
    )
    for q in QUERIES:
        name = f"{q}_median_s"
        if measured_1y:
            add(
                f"{q} median < 200 ms at 1 year (s)",
                sizes[-1]["queries"][q]["median_s"],
                GOALS["query_1y_median_s"],
                "measured",
            )
        else:
            add(
                f"{q} median < 200 ms at 1 year (s)",
                fits[name]["at_1y"],
                GOALS["query_1y_median_s"],
                "extrapolated",
            )
        add(
            f"{q} median < 1 s at 10 years (s)",
            fits[name]["at_10y"],
            GOALS["query_10y_median_s"],
            "extrapolated",
        )
    full = next((s for s in sizes if s["provinces"] >= PROVINCES_2026), None)
    if full:  # every province of one year, at the generator's tasks per plan: measured
        for q in QUERIES:
            add(
                f"{q} median < 200 ms at the synthetic full year ({full['plans']} plans, {full['tasks']} tasks) (s)",
                full["queries"][q]["median_s"],
                GOALS["query_1y_median_s"],
                "measured",
            )
    add(
        "peak memory < 8 GB at 10 years, `cancu load` (MB)",
        fits["cli_peak_rss_mb"]["at_10y"],
        GOALS["peak_rss_mb"],
        "extrapolated",
    )
    for name, f in fits.items():
        if f["exponent"] is not None:
            add(
                f"{name} grows no faster than linear (exponent)",
                f["exponent"],
                GOALS["exponent"] + 0.1,
                "fitted",
            )
    for g in out:
        if g["how"] == "fitted":
            g["verdict"] = "met" if g["value"] < g["limit"] else "missed"
    return out


def machine() -> dict[str, Any]:
    mem_gb = None
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            mem_gb = round(int(f.readline().split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return {
        "nproc": os.cpu_count(),
        "memory_gb": mem_gb,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }


def table(result: dict[str, Any]) -> str:
    sizes = result["sizes"]
    cols = [
        "provinces",
        "plans",
        "tasks",
        "nodes",
        "gen_s",
        "extract_s",
        "store_load_s",
        "load_s",
        "incremental_load_s",
        "store_mb",
        "reopen_s",
        "reopen_gc_off_s",
        "peak_rss_mb",
        "cli_load_s",
        "cli_peak_rss_mb",
    ]
    lines = [" | ".join(cols + [f"{q} med/p95 ms" for q in QUERIES])]
    for s in sizes:
        row = [str(s[c]) for c in cols]
        row += [
            f"{s['queries'][q]['median_s'] * 1000:.1f}/{s['queries'][q]['p95_s'] * 1000:.1f}" for q in QUERIES
        ]
        lines.append(" | ".join(row))
    lines.append("")
    lines.append(
        f"growth (cost ~ tasks^b) and extrapolation (x{result['analysis']['factor_to_10y']} to 2M tasks):"
    )
    for name, f in result["analysis"]["fits"].items():
        lines.append(
            f"  {name:22s} b={f['exponent']} ({f['model']})  1 year≈{f['at_1y']}  10 years≈{f['at_10y']}"
        )
    lines.append("goals:")
    for g in result["analysis"]["goals"]:
        lines.append(f"  {g['verdict']:9s} {g['goal']}: {g['value']} vs {g['limit']} ({g['how']})")
    lines.append("accuracy (largest size, per-field F1):")
    for share, a in sizes[-1]["accuracy"].items():
        lines.append(f"  {share:5s} plans={a['plans']} overall={a['overall']} {a['f1']}")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=[1, 3, 8, PROVINCES_2026],
        help=f"provinces per size, one year each (default 1 3 8 {PROVINCES_2026}: the last is a full year)",
    )
    ap.add_argument("--departments", type=int, default=15)
    ap.add_argument("--communes", type=int, default=98)
    ap.add_argument("--tasks", type=int, default=20)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--calls", type=int, default=20)
    ap.add_argument("--profile", action="store_true", help="cProfile the load path at the largest size")
    ap.add_argument("--json", type=Path, default=OUT / "scale.json")
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    sizes = sorted(set(args.sizes))

    if args.child:  # one size, in its own process; prints its JSON
        prof = Path(os.environ["CANCU_BENCH_PROFILE"]) if os.environ.get("CANCU_BENCH_PROFILE") else None
        res = one_size(
            sizes[0], args.departments, args.communes, args.tasks, args.workers, args.calls, args.child, prof
        )
        print(json.dumps(res, ensure_ascii=False))
        return

    results = []
    for i, n in enumerate(sizes):
        work = Path(tempfile.mkdtemp(prefix=f"cancu-scale-{n}-"))
        env = dict(os.environ)
        if args.profile and i == len(sizes) - 1:
            env["CANCU_BENCH_PROFILE"] = str(args.json.with_name(args.json.stem + "_profile.txt"))
        cmd = [
            sys.executable,
            __file__,
            "--child",
            str(work),
            "--sizes",
            str(n),
            "--departments",
            str(args.departments),
            "--communes",
            str(args.communes),
            "--tasks",
            str(args.tasks),
            "--workers",
            str(args.workers),
            "--calls",
            str(args.calls),
        ]
        t0 = time.perf_counter()
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        if proc.returncode != 0:
            sys.stderr.write(proc.stderr[-4000:])
            raise SystemExit(f"size {n}: child failed ({proc.returncode})")
        res = json.loads(proc.stdout.strip().splitlines()[-1])
        res["wall_s"] = round(time.perf_counter() - t0, 1)
        results.append(res)
        print(
            f"size {n} provinces: {res['plans']} plans, {res['tasks']} tasks, load {res['load_s']} s, "
            f"wall {res['wall_s']} s",
            file=sys.stderr,
            flush=True,
        )
    result = {
        "machine": machine(),
        "params": {
            "year": YEAR,
            "departments_per_province": args.departments,
            "communes_per_province": args.communes,
            "tasks_per_plan": args.tasks,
            "workers": args.workers,
            "ocr_share": 0.2,
        },
        "sizes": results,
        "analysis": analyse(results) if len(results) >= 2 else {},
    }
    if result["analysis"]:
        print(table(result))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
