"""Extraction throughput (MB/s) against a single-pass regex scan of the same bytes.

The corpus repeats the seeds (../shared/seeds) until it holds at least
``--mb`` megabytes (default 20). Both runs happen in this process, one after
the other, so the ratio (extract time / scan time) is the figure: it does not
depend on the machine. Goal of issue 2: within 10x of the scan. The same ratio in
CPU seconds of this process is printed too: on cores shared with other work, wall
time of one run and the next can differ by half.

    python benchmarks/bench_extract.py [--mb 20] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
SCAN = re.compile(
    r"\d{1,5}[a-z]?/(?:\d{4}/)?[A-Za-zĐđ]+[-A-Za-zĐđ&.]*|ngày \d{1,2}/\d{1,2}/\d{4}", re.IGNORECASE
)


def corpus(mb: float) -> list[tuple[str, bytes]]:
    seeds = [(p.name, p.read_bytes()) for p in sorted(SEEDS.glob("*.txt"))]
    if not seeds:
        sys.exit(f"no seeds in {SEEDS}")
    docs, size, i = [], 0, 0
    while size < mb * 1_000_000:
        name, data = seeds[i % len(seeds)]
        docs.append((f"{i:05d}_{name}", data))
        size += len(data)
        i += 1
    return docs


def run(mb: float) -> dict:
    from cancu.loaders.decode import decode_bytes
    from cancu.loaders.extract import extract_decoded

    docs = corpus(mb)
    total = sum(len(d) for _, d in docs)
    texts = [d.decode("utf-8") for _, d in docs]

    t0, c0 = time.perf_counter(), time.process_time()
    hits = sum(1 for t in texts for _ in SCAN.finditer(t))
    scan, scan_cpu = time.perf_counter() - t0, time.process_time() - c0

    t0, c0 = time.perf_counter(), time.process_time()
    facts = 0
    for name, data in docs:
        r = extract_decoded(decode_bytes(data, name))
        facts += len(r.legal_bases) + len(r.references) + len(r.targets) + len(r.tasks)
    extract, extract_cpu = time.perf_counter() - t0, time.process_time() - c0
    return {
        "bytes": total,
        "documents": len(docs),
        "scan_seconds": round(scan, 3),
        "scan_mb_s": round(total / 1e6 / scan, 2),
        "scan_hits": hits,
        "extract_seconds": round(extract, 3),
        "extract_mb_s": round(total / 1e6 / extract, 2),
        "facts": facts,
        "ratio_extract_over_scan": round(extract / scan, 2),
        # CPU seconds of this process: steadier than wall time when other work shares the cores
        "scan_cpu_seconds": round(scan_cpu, 3),
        "extract_cpu_seconds": round(extract_cpu, 3),
        "ratio_extract_over_scan_cpu": round(extract_cpu / scan_cpu, 2),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=20.0)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    result = run(args.mb)
    for k, v in result.items():
        print(f"{k:26s} {v}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
