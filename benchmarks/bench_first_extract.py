"""What one fresh process pays to extract one file: imports, the readers' regexes, the extraction.

``cancu load ONE_FILE`` and a CLI that adds one plan pay this every time (issue 16), and most of it
is not the file: some 10 ms extract a seed once the readers are ready. Each tree (``--tree``, a
checkout of cancu; default this one) extracts ``--file`` in ``--runs`` fresh processes, alternating
between the trees, twice over:

- *warm*: the regex cache (``cancu.loaders.regex_cache``) filled by one untimed run, as on any
  machine after its first extraction;
- *cold*: an empty regex cache each run (the first extraction on a machine, or after the patterns'
  data changed).

A tree without the cache measures the same both ways. Figures are medians, in CPU seconds (user +
system: steadier than wall time when other work shares the cores) of the whole process, and of its
imports and first extraction as the process itself counts them. Byte-code is written once to a
private cache (``PYTHONPYCACHEPREFIX``), as an installed package has it.

    python benchmarks/bench_first_extract.py [--tree PATH ...] [--file F] [--runs 5] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "000_145eec2ee07e7638.txt"

_CHILD = """
import resource, sys, time
c0 = time.process_time()
from pathlib import Path
from cancu.loaders.extract import extract_path
c1 = time.process_time()
extract_path(Path(sys.argv[1]))
c2 = time.process_time()
r = resource.getrusage(resource.RUSAGE_SELF)
print(c1 - c0, c2 - c1, r.ru_utime + r.ru_stime)
"""


def _run(tree: Path, file: Path, env: dict[str, str]) -> tuple[float, float, float]:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(file)],
        env={**env, "PYTHONPATH": str(tree)},
        cwd=tempfile.gettempdir(),  # never the checkout: -c puts the cwd first on sys.path
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        raise SystemExit(f"{tree}: extraction failed:\n{out.stderr[-2000:]}")
    imports, first, total = map(float, out.stdout.split())
    return imports, first, total


def run(trees: list[Path], file: Path, runs: int) -> dict[str, dict[str, dict[str, float]]]:
    base = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "CANCU_REGEX_CACHE")}
    results: dict[str, dict[str, dict[str, float]]] = {}
    with tempfile.TemporaryDirectory(prefix="cancu-first-") as tmp:
        pycache, warm = Path(tmp) / "pycache", Path(tmp) / "warm"
        env = {**base, "PYTHONPYCACHEPREFIX": str(pycache), "CANCU_CACHE_DIR": str(warm)}
        for tree in trees:
            _run(tree, file, env)  # byte-code and the warm regex cache, untimed
        for mode in ("warm", "cold"):
            samples: dict[Path, list[tuple[float, float, float]]] = {t: [] for t in trees}
            for k in range(runs):
                for tree in trees:
                    run_env = env
                    if mode == "cold":
                        run_env = {**env, "CANCU_CACHE_DIR": str(Path(tmp) / f"cold-{k}-{trees.index(tree)}")}
                    samples[tree].append(_run(tree, file, run_env))
            for tree, rows in samples.items():
                results.setdefault(str(tree), {})[mode] = {
                    "imports_cpu_s": round(statistics.median(r[0] for r in rows), 3),
                    "first_extract_cpu_s": round(statistics.median(r[1] for r in rows), 3),
                    "process_cpu_s": round(statistics.median(r[2] for r in rows), 3),
                }
    return results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--tree", type=Path, action="append", help="a cancu checkout (repeatable; default this one)"
    )
    ap.add_argument("--file", type=Path, default=SEED)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    trees = [t.resolve() for t in args.tree or [ROOT]]
    for t in trees:
        if not (t / "cancu" / "__init__.py").is_file():
            sys.exit(f"not a cancu checkout: {t}")
    if not args.file.is_file():
        sys.exit(f"no such file: {args.file}")
    result = run(trees, args.file, max(1, args.runs))
    for tree, modes in result.items():
        for mode, figures in modes.items():
            print(f"{tree} {mode:4s} " + " ".join(f"{k} {v}" for k, v in figures.items()))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
