"""Registry import and the loads after it: linear in the dump's size, and a load costs what it cost before.

Writes synthetic dumps in the th1nhng0 layout (metadata + relationships, ~6
relations per document as in the published 172k / 1.03M, with a few malformed
rows) at growing sizes, and in this one process:

1. imports each size (``import_export`` with ``relationships``), and prints the
   exponent of time against rows (1 = linear; the old per-row scan was 2);
2. loads the seed plans into a graph with the shipped registry only, then with
   the largest import added (``load_registry`` + ``build_graph``): the ratio
   says what an import costs every later load (1 = nothing);
3. a plain ``csv.reader`` pass over the largest metadata + relationships files,
   the baseline the import's time is compared with (machine-independent ratio).

    python benchmarks/bench_registry_import.py [--sizes 1000,8000,64000] [--full] [--json out.json]

``--full`` adds the published size: 172,000 documents + 1,030,000 relations.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

META = [
    "id",
    "so_ky_hieu",
    "loai_van_ban",
    "co_quan_ban_hanh",
    "title",
    "ngay_ban_hanh",
    "ngay_co_hieu_luc",
    "ngay_het_hieu_luc",
    "tinh_trang_hieu_luc",
    "pham_vi",
    "source_url",
]
TYPES = [
    ("NĐ-CP", "Nghị định", "Chính phủ", "Toàn quốc"),
    ("QĐ-TTg", "Quyết định", "Thủ tướng Chính phủ", "Toàn quốc"),
    ("QĐ-UBND", "Quyết định", "Ủy ban nhân dân tỉnh Lâm Đồng", "Tỉnh Lâm Đồng"),
    ("TT-BNV", "Thông tư", "Bộ Nội vụ", "Toàn quốc"),
    ("NQ-HĐND", "Nghị quyết", "Hội đồng nhân dân tỉnh Sóc Trăng", "Tỉnh Sóc Trăng"),
]
STATUSES = ["Còn hiệu lực"] * 3 + [
    "Hết hiệu lực toàn bộ",
    "Hết hiệu lực một phần",
    "Chưa có hiệu lực",
    "Ngưng hiệu lực",
]
LABELS = [
    "Văn bản căn cứ",
    "Văn bản dẫn chiếu",
    "Văn bản quy định hết hiệu lực",
    "Văn bản hết hiệu lực",
    "Văn bản sửa đổi",
    "Văn bản được sửa đổi",
]
RELATIONS_PER_DOC = 6


def write_dump(folder: Path, n: int, seed: int = 9) -> tuple[Path, Path]:
    rnd = random.Random(seed)
    meta, rel = folder / f"metadata-{n}.csv", folder / f"relationships-{n}.csv"
    with meta.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(META)
        for i in range(n):
            code, kind, issuer, scope = TYPES[i % len(TYPES)]
            year = 1995 + i % 31
            d, m = 1 + rnd.randrange(28), 1 + rnd.randrange(12)
            status = STATUSES[rnd.randrange(len(STATUSES))]
            ended = f"{d:02d}/{m:02d}/{min(year + 5, 2025)}" if status.startswith("Hết") else ""
            row = [
                str(i + 1),
                f"{i + 1}/{year}/{code}",
                kind,
                issuer,
                f"Về việc số {i}",
                f"{d:02d}/{m:02d}/{year}",
            ]
            row += [f"{d:02d}/{m:02d}/{year}", ended, status, scope, f"https://vbpl.vn/x?ItemID={i + 1}"]
            if i % 1000 == 7:
                row[1] = ""
            elif i % 1000 == 8:
                row[5] = "31/02/2020"
            elif i % 1000 == 9:
                row[8] = "Đang cập nhật trạng thái"
            w.writerow(row)
    with rel.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["doc_id", "other_doc_id", "relationship"])
        for _ in range(n * RELATIONS_PER_DOC):
            doc = 1 + rnd.randrange(n)
            w.writerow([doc, 1 + rnd.randrange(n), LABELS[rnd.randrange(len(LABELS))]])
    return meta, rel


def _baseline(*paths: Path) -> float:
    t0 = time.perf_counter()
    for p in paths:
        with p.open(encoding="utf-8", newline="") as f:
            for _ in csv.reader(f):
                pass
    return time.perf_counter() - t0


def _seed_records() -> list:
    from cancu.loaders.extract import extract_path

    seeds = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    return [extract_path(p) for p in sorted(seeds.glob("*.txt"))]


def _load_seconds(records: list, registry_files: list[Path], repeat: int = 3) -> float:
    """Best of ``repeat``: what a store's rebuild after a write costs (registry + graph of the plans)."""
    from cancu.graph.assemble import build_graph
    from cancu.ontology.registry import load_registry

    best = math.inf
    for _ in range(repeat):
        t0 = time.perf_counter()
        build_graph(records, load_registry(registry_files))
        best = min(best, time.perf_counter() - t0)
    return best


def run(sizes: list[int]) -> dict:
    from cancu.ontology.status_import import import_export

    out: dict = {"sizes": sizes, "import_seconds": [], "relations": [], "written": []}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        last = None
        for n in sizes:
            meta, rel = write_dump(folder, n)
            target = folder / f"imported-{n}.csv"
            t0 = time.perf_counter()
            report = import_export(meta, target, today="2026-11-22", relationships=rel)
            out["import_seconds"].append(round(time.perf_counter() - t0, 2))
            out["relations"].append(report.relations.read if report.relations else 0)
            out["written"].append(report.written)
            print(
                f"imported {n} documents + {out['relations'][-1]} relations in {out['import_seconds'][-1]} s",
                flush=True,
            )
            last = (meta, rel, target)
        s, t = sizes, out["import_seconds"]
        out["import_exponent"] = (
            round(math.log(t[-1] / t[0]) / math.log(s[-1] / s[0]), 2) if len(s) > 1 else None
        )
        meta, rel, target = last
        base = _baseline(meta, rel)
        out["baseline_csv_reader_seconds"] = round(base, 2)
        out["import_to_csv_reader_ratio"] = round(t[-1] / base, 1)
        records = _seed_records()
        before = _load_seconds(records, [])
        after = _load_seconds(records, [target])
        out["load_seconds_shipped_only"] = round(before, 3)
        out["load_seconds_with_largest_import"] = round(after, 3)
        out["load_ratio"] = round(after / before, 2)
    out["max_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,8000,64000")
    ap.add_argument("--full", action="store_true", help="add 172,000 documents + 1,032,000 relations")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")] + ([172_000] if args.full else [])
    result = run(sizes)
    for k, v in result.items():
        print(f"{k:>34}: {v}")
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1))
    sys.exit(0)


if __name__ == "__main__":
    main()
