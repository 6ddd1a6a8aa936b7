"""Issue 15's speed clause: ``cancu load`` and every query, before and after, in one run.

Issue 15 asks that load and every query stay within 10% of their speed before its work
(``--old``, e.g. 20eae0a, the commit before "One resolve stage"). The store format changed in
between (pickle, then SQLite), so the old tree's ``bench_scale.py`` does not measure the same
thing as today's; this driver measures both trees the way a user meets them:

1. checks out ``--old`` and ``--new`` as temporary git worktrees (``../shared`` linked beside them);
2. for each size (``--provinces``: provinces of one synthetic year, 2026, with bench_scale's
   density: 15 department and 98 commune plans a province, 20 tasks a plan, 20% OCR-style),
   generates the country once with ``--generator``'s ``cancu.testing.synth`` (seed 7), so both
   trees read the same bytes;
3. runs ``cancu load COUNTRY --jobs N`` into a fresh store, ``--runs`` times per tree,
   **alternating old and new**; then takes ``load`` apart in one process per tree (imports,
   extraction of every file one after the other, the store's load, the graph build alone);
4. on each tree's store, runs every query as a fresh process, alternating, after one untimed
   run of each (byte-code cache filled): ``trace`` of the provincial plan (its province's
   cascade), the national ``trace 76/NQ-CP 2021``, ``audit``/``gaps``/``responsible`` of that
   plan, ``status``, whole-store ``audit`` and ``gaps``; all with ``--format json``, whose rows
   are counted from the untimed run (the answers changed with issue 15, so their sizes differ);
5. optionally (``--extract-mb``) each tree's own ``benchmarks/bench_extract.py``, alternating.

Every figure is the median of ``--runs`` processes — wall time, CPU time (user + system, the
extraction workers included: steadier than wall time when other work shares the cores) — and the
largest peak RSS, each process timed by a small launcher (a child of this process would inherit
its peak RSS). A row is within the issue's 10% when neither its wall nor its CPU ratio exceeds
1.10, over it when both do, unclear otherwise. Read the ratios new/old, not the seconds.

    python benchmarks/bench_resolve_speed.py --old 20eae0a --new HEAD --provinces 1,4 [--runs 3]
"""

from __future__ import annotations

import argparse
import functools
import json
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
OUT = ROOT / "benchmarks" / "out"
AS_OF = "2026-11-22"
YEAR = 2026
NATIONAL = "76/NQ-CP 2021"
LIMIT = 1.10  # issue 15: within 10% of the speed before

# Times one command as its own process: wall seconds, peak RSS (KB) and CPU seconds (user + system
# of it and the workers it waited for: steadier than wall time on a shared machine). Its stdout
# goes to the file named first, or nowhere ("-").
_LAUNCHER = """
import json, resource, subprocess, sys, time
out = subprocess.DEVNULL if sys.argv[1] == "-" else open(sys.argv[1], "wb")
t0 = time.perf_counter()
code = subprocess.run(sys.argv[2:], stdout=out, stderr=subprocess.PIPE).returncode
wall = time.perf_counter() - t0
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps([code, wall, ru.ru_maxrss, ru.ru_utime + ru.ru_stime]))
"""

# ``load`` taken apart in one process: imports, extraction of every file one after the other, the
# store's load of the records (the graph built, resolve stage included, and written), then the graph
# build alone (CPU seconds each). The old store's load takes the records only.
_PARTS = """
import inspect, json, shutil, sys, tempfile, time
from pathlib import Path
c0 = time.process_time()
from cancu.api import open_store
from cancu.loaders.extract import extract_path
from cancu.graph.assemble import build_graph
from cancu.ontology.registry import load_registry
c1 = time.process_time()
files = sorted(p for p in Path(sys.argv[1]).iterdir() if p.is_file())
records = [(str(f), extract_path(f)) for f in files]
c2 = time.process_time()
where = Path(tempfile.mkdtemp(prefix="cancu-parts-"))
store = open_store(str(where))
takes_registries = len(inspect.signature(store.load).parameters) > 1
store.load(records, []) if takes_registries else store.load(records)
c3 = time.process_time()
shutil.rmtree(where)
build_graph([r for _, r in records], load_registry([]))
c4 = time.process_time()
print(json.dumps({"imports_cpu_s": c1 - c0, "extract_cpu_s": c2 - c1, "store_load_cpu_s": c3 - c2,
                  "of_which_graph_build_cpu_s": c4 - c3}))
"""

_GENERATE = """
import json, sys
from pathlib import Path
from cancu.testing.synth import generate_country
args = json.loads(sys.argv[1])
m = generate_country(Path(args.pop("out")), **args)
print(json.dumps(m.plans, ensure_ascii=False))
"""

_PLAN_ID = """
import sys
from pathlib import Path
from cancu.loaders.extract import extract_path
print("doc:" + str(extract_path(Path(sys.argv[1])).document.id))
"""

_WHERE = "import cancu, sys; sys.stdout.write(cancu.__file__)"


class Tree:
    """One checked-out revision of cancu, run with its own ``PYTHONPATH``."""

    def __init__(self, name: str, rev: str, path: Path, pycache: Path) -> None:
        self.name, self.rev, self.path = name, rev, path
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "CANCU_STORE")}
        env["PYTHONPATH"] = str(path)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)  # as an installed package: compiled once
        self.env = env

    def python(self, *args: str, cwd: Path) -> str:
        """Run this tree's python (from ``cwd``, never the checkout: ``-c`` puts the cwd first on
        sys.path) and return its stdout."""
        out = subprocess.run(
            [sys.executable, *args], capture_output=True, text=True, env=self.env, cwd=cwd, check=False
        )
        if out.returncode != 0:
            raise SystemExit(f"{self.name} ({self.rev}): {' '.join(args[:2])} failed:\n{out.stderr[-2000:]}")
        return out.stdout

    def timed(self, args: list[str], cwd: Path, stdout: Path | None = None) -> dict[str, float]:
        """Wall seconds, CPU seconds and peak RSS (MB) of one ``cancu ARGS`` process of this tree."""
        cmd = [sys.executable, "-m", "cancu.cli", *args]
        launcher = [sys.executable, "-c", _LAUNCHER, str(stdout) if stdout else "-", *cmd]
        out = subprocess.run(launcher, capture_output=True, text=True, env=self.env, cwd=cwd, check=True)
        code, wall, rss_kb, cpu = json.loads(out.stdout)
        if code != 0:
            raise SystemExit(f"{self.name} ({self.rev}): cancu {' '.join(args)} exited {code}")
        return {"wall_s": wall, "cpu_s": cpu, "peak_rss_mb": rss_kb / 1024}


def checkout(rev: str, where: Path) -> str:
    """A detached worktree of ``rev`` at ``where``; returns the full commit hash."""
    full = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--verify", f"{rev}^{{commit}}"],
        capture_output=True,
        text=True,
        check=False,
    )
    if full.returncode != 0:
        raise SystemExit(f"not a commit: {rev}")
    commit = full.stdout.strip()
    subprocess.run(
        ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(where), commit],
        capture_output=True,
        check=True,
    )
    return commit


def remove(where: Path) -> None:
    subprocess.run(
        ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(where)],
        capture_output=True,
        check=False,
    )


def generate(tree: Tree, country: Path, provinces: int, args: argparse.Namespace, cwd: Path) -> Path:
    """The synthetic year (bench_scale's seed and shares); returns the provincial plan's file.
    The generator's truth and manifest are moved out of the folder ``load`` reads."""
    params = {
        "out": str(country),
        "seed": 7,
        "years": [YEAR],
        "provinces": provinces,
        "departments_per_province": args.departments,
        "communes_per_province": args.communes,
        "tasks_per_plan": args.tasks,
        "ocr_share": 0.2,
    }
    plans = json.loads(tree.python("-c", _GENERATE, json.dumps(params), cwd=cwd))
    for extra in ("truth", "manifest.json"):
        if (country / extra).exists():
            shutil.move(country / extra, country.parent / f"{country.name}-{extra}")
    province = next(p for p in plans if p["level"] == "province")
    return country / province["file"]


def rows_of(path: Path) -> int | None:
    """Rows in a ``--format json`` answer (its longest list), for comparing the answers' sizes."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None

    def longest(x: Any) -> int:
        if isinstance(x, list):
            return len(x)
        if isinstance(x, dict):
            return max((longest(v) for v in x.values()), default=0)
        return 0

    return longest(data)


def alternate(trees: list[Tree], runs: int, one: Any, warm: bool = True) -> dict[str, dict[str, float]]:
    """``one(tree, i)`` → figures: an untimed run per tree, then ``runs`` timed ones with the
    order of the trees swapped every round. The median of each figure (the largest peak RSS)."""
    if warm:
        for t in trees:
            one(t, -1)
    got: dict[str, list[dict[str, float]]] = {t.name: [] for t in trees}
    for i in range(runs):
        for t in trees if i % 2 == 0 else trees[::-1]:
            got[t.name].append(one(t, i))
    return {
        name: {
            key: round(
                max(x[key] for x in xs) if key == "peak_rss_mb" else statistics.median(x[key] for x in xs), 3
            )
            for key in xs[0]
        }
        for name, xs in got.items()
    }


def query(
    t: Tree,
    i: int,
    *,
    template: list[str],
    plan: dict[str, str],
    stores: dict[str, Path],
    work: Path,
    rows: dict[str, int | None],
) -> dict[str, float]:
    """One ``cancu`` query process of tree ``t`` on its store; the untimed run (``i < 0``) keeps its
    answer and counts its rows into ``rows``."""
    argv = [a.replace("{plan}", plan[t.name]) for a in template]
    if template[0] in ("trace", "audit", "gaps", "responsible"):
        argv += ["--format", "json"]
    if template[0] != "--version":
        argv += ["--store", str(stores[t.name])]
    answer = work / f"answer-{t.name}.json" if i < 0 else None
    got = t.timed(argv, work, answer)
    if answer is not None:
        rows[t.name] = rows_of(answer) if "--format" in argv else None
    return got


def one_size(trees: list[Tree], provinces: int, args: argparse.Namespace, work: Path) -> dict[str, Any]:
    gen_tree = next(t for t in trees if t.name == args.generator)
    country = work / f"country-{provinces}"
    province_file = generate(gen_tree, country, provinces, args, work)
    plans = sum(1 for p in country.rglob("*") if p.is_file())
    jobs = str(args.jobs)
    stores = {t.name: work / f"store-{provinces}-{t.name}" for t in trees}

    def load(t: Tree, i: int) -> dict[str, float]:
        store = stores[t.name] if i == args.runs - 1 else work / f"scratch-{t.name}"
        shutil.rmtree(store, ignore_errors=True)
        got = t.timed(["load", str(country), "--store", str(store), "--jobs", jobs], work)
        if store != stores[t.name]:
            shutil.rmtree(store, ignore_errors=True)
        return got

    print(f"{provinces} province(s), {plans} plans: load", file=sys.stderr, flush=True)
    figures: dict[str, Any] = {"load": alternate(trees, args.runs, load, warm=False)}
    print("  load taken apart", file=sys.stderr, flush=True)

    def parts(t: Tree, i: int) -> dict[str, float]:
        return json.loads(t.python("-c", _PARTS, str(country), cwd=work))

    figures["load taken apart (one process, serial)"] = alternate(trees, args.runs, parts, warm=False)
    plan = {t.name: t.python("-c", _PLAN_ID, str(province_file), cwd=work).strip() for t in trees}
    queries: dict[str, list[str]] = {
        "trace PLAN (province's cascade)": ["trace", "{plan}", "--as-of", AS_OF],
        "trace 76/NQ-CP 2021 (national)": ["trace", NATIONAL, "--as-of", AS_OF],
        "audit PLAN": ["audit", "{plan}", "--as-of", AS_OF],
        "gaps PLAN": ["gaps", "{plan}", "--as-of", AS_OF],
        "responsible PLAN": ["responsible", "{plan}", "--as-of", AS_OF],
        "status": ["status"],
        "audit (whole store)": ["audit", "--as-of", AS_OF],
        "gaps (whole store)": ["gaps", "--as-of", AS_OF],
        "floor (cancu --version)": ["--version"],
    }
    answers: dict[str, dict[str, int | None]] = {}
    for label, template in queries.items():
        print(f"  {label}", file=sys.stderr, flush=True)
        answers[label] = {}
        one = functools.partial(
            query, template=template, plan=plan, stores=stores, work=work, rows=answers[label]
        )
        figures[label] = alternate(trees, args.runs, one)
    for t in trees:
        shutil.rmtree(stores[t.name], ignore_errors=True)
    shutil.rmtree(country, ignore_errors=True)
    return {"provinces": provinces, "plans": plans, "plan": plan, "figures": figures, "answer_rows": answers}


def extraction(trees: list[Tree], mb: float, runs: int, work: Path) -> dict[str, Any]:
    """Each tree's own bench_extract.py (seeds repeated to ``mb`` MB), alternating."""

    def once(t: Tree, i: int) -> dict[str, float]:
        out = work / f"extract-{t.name}.json"
        t.python(
            str(t.path / "benchmarks" / "bench_extract.py"), "--mb", str(mb), "--json", str(out), cwd=work
        )
        r = json.loads(out.read_text(encoding="utf-8"))
        per_tree.setdefault(t.name, []).append(r)
        return {"wall_s": r["extract_seconds"]}

    per_tree: dict[str, list[dict[str, Any]]] = {}
    alternate(trees, runs, once, warm=False)
    return {
        name: {
            "extract_mb_s": statistics.median(r["extract_mb_s"] for r in rs),
            "scan_mb_s": statistics.median(r["scan_mb_s"] for r in rs),
            "ratio_extract_over_scan": statistics.median(r["ratio_extract_over_scan"] for r in rs),
            "facts": rs[0]["facts"],
            "documents": rs[0]["documents"],
        }
        for name, rs in per_tree.items()
    }


def _ratio(new: float, old: float) -> float:
    return new / old if old else float("nan")


def verdict(wall: float, cpu: float) -> str:
    """Within the issue's 10% when neither wall nor CPU time grew more; over it when both did;
    unclear when they disagree (the machine's load moved one of them)."""
    over = (wall > LIMIT, cpu > LIMIT)
    return "yes" if not any(over) else ("**no**" if all(over) else "unclear")


def markdown(result: dict[str, Any]) -> str:
    """The tables to paste: one per size, new/old and whether it is within the issue's 10%."""
    old, new = result["old"], result["new"]
    runs = result["params"]["runs"]
    lines = []
    for size in result["sizes"]:
        lines += [
            f"**{size['provinces']} province(s), {size['plans']} plans** (fresh `cancu` processes, median "
            f"of {runs}, old and new alternating):",
            "",
            f"| what | wall s old {old[:7]} / new {new[:7]} | wall new/old | CPU s old / new | CPU new/old | "
            "peak RSS MB old / new | rows old / new | within 10% |",
            "|---|---|---|---|---|---|---|---|",
        ]
        parts = {}
        for label, f in size["figures"].items():
            o, n = f["old"], f["new"]
            if "wall_s" not in o:
                parts = f
                continue
            wall, cpu = _ratio(n["wall_s"], o["wall_s"]), _ratio(n["cpu_s"], o["cpu_s"])
            rows = size["answer_rows"].get(label, {})
            shown = f"{rows.get('old')} / {rows.get('new')}" if rows.get("old") is not None else ""
            lines.append(
                f"| `{label}` | {o['wall_s']:.3f} / {n['wall_s']:.3f} | **{wall:.2f}×** | "
                f"{o['cpu_s']:.2f} / {n['cpu_s']:.2f} | {cpu:.2f}× | "
                f"{o['peak_rss_mb']:.0f} / {n['peak_rss_mb']:.0f} | {shown} | "
                f"{'' if label.startswith('floor') else verdict(wall, cpu)} |"
            )
        lines.append("")
        if parts:
            lines += [
                "`load` taken apart (one process per tree, files extracted one after the other; CPU s):",
                "",
                "| part | old | new | new/old |",
                "|---|---|---|---|",
            ]
            for key, o in parts["old"].items():
                n = parts["new"][key]
                name = key.removesuffix("_cpu_s").replace("_", " ")
                lines.append(f"| {name} | {o:.2f} | {n:.2f} | {_ratio(n, o):.2f}× |")
            lines.append("")
    if result.get("extraction"):
        e = result["extraction"]
        lines += [
            f"**Extraction** (`bench_extract.py`, seeds repeated to {result['params']['extract_mb']} MB, each "
            "tree's own script, alternating):",
            "",
            "| | old | new | new/old |",
            "|---|---|---|---|",
        ]
        for key in ("extract_mb_s", "scan_mb_s", "ratio_extract_over_scan", "facts"):
            lines.append(
                f"| {key} | {e['old'][key]:.4g} | {e['new'][key]:.4g} | {_ratio(e['new'][key], e['old'][key]):.2f}× |"
            )
        lines.append("")
    lines.append(f"load average: {result['loadavg_start']} at the start, {result['loadavg_end']} at the end")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--old", required=True, help="revision before (e.g. 20eae0a)")
    ap.add_argument("--new", default="HEAD", help="revision after (default HEAD)")
    ap.add_argument("--provinces", default="1,4", help="sizes, comma-separated (default 1,4)")
    ap.add_argument("--departments", type=int, default=15)
    ap.add_argument("--communes", type=int, default=98)
    ap.add_argument("--tasks", type=int, default=20)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument(
        "--generator", choices=("old", "new"), default="new", help="whose synth.py writes the year"
    )
    ap.add_argument(
        "--extract-mb", type=float, default=0.0, help="also bench_extract.py at this size (0: not)"
    )
    ap.add_argument("--json", type=Path, default=OUT / "resolve_speed.json")
    args = ap.parse_args()
    try:
        sizes = sorted({int(p) for p in args.provinces.split(",") if p.strip()})
    except ValueError:
        raise SystemExit(f"--provinces: comma-separated numbers, not {args.provinces!r}") from None

    work = Path(tempfile.mkdtemp(prefix="cancu-resolve-speed-"))
    (work / "shared").symlink_to(ROOT.parent / "shared")  # the trees' ../shared (seeds for bench_extract)
    trees: list[Tree] = []
    try:
        for name, rev in (("old", args.old), ("new", args.new)):
            commit = checkout(rev, work / name)
            trees.append(Tree(name, commit, work / name, work / "pycache"))
        for t in trees:
            where = t.python("-c", _WHERE, cwd=work)
            if not where.startswith(str(t.path)):
                raise SystemExit(f"{t.name}: cancu imported from {where}, not {t.path}")
            t.python("-m", "compileall", "-q", str(t.path / "cancu"), cwd=work)  # no first-run compile
        result: dict[str, Any] = {
            "old": trees[0].rev,
            "new": trees[1].rev,
            "params": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "nproc": os.cpu_count(),
            "loadavg_start": [round(x, 2) for x in os.getloadavg()],
            "sizes": [],
        }
        for n in sizes:
            result["sizes"].append(one_size(trees, n, args, work))
        if args.extract_mb > 0:
            print("extraction", file=sys.stderr, flush=True)
            result["extraction"] = extraction(trees, args.extract_mb, max(2, args.runs - 1), work)
        result["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    finally:
        for t in trees:
            remove(t.path)
        shutil.rmtree(work, ignore_errors=True)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(markdown(result))


if __name__ == "__main__":
    main()
