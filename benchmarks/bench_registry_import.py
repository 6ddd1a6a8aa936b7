"""Registry import throughput (rows/s) and peak memory, against a plain csv.reader pass.

Writes ``--rows`` (default 200,000) synthetic rows in the vbpl layout (with a
few malformed ones: no number, bad date, unknown status), then, in this one
process: (1) a baseline pass of ``csv.reader`` over the same file, (2)
``cancu.ontology.status_import.import_export`` of it. The ratio (import time /
baseline time) does not depend on the machine. Peak memory: tracemalloc's
peak of Python allocations during a second, traced run of each (tracemalloc slows it, so the times come from the untraced run) (the import must stay bounded:
it streams, so the peak must not grow with the row count), and the process's
max RSS (resource.getrusage).

    python benchmarks/bench_registry_import.py [--rows 200000] [--json out.json]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

HEADER = [
    "so_ky_hieu",
    "loai_van_ban",
    "co_quan_ban_hanh",
    "trich_yeu",
    "ngay_ban_hanh",
    "ngay_hieu_luc",
    "tinh_trang",
    "ngay_het_hieu_luc",
    "pham_vi",
    "van_ban_thay_the",
]
TYPES = [
    ("NĐ-CP", "Nghị định", "Chính phủ"),
    ("QĐ-TTg", "Quyết định", "Thủ tướng Chính phủ"),
    ("QĐ-UBND", "Quyết định", "UBND tỉnh Lâm Đồng"),
    ("TT-BNV", "Thông tư", "Bộ Nội vụ"),
    ("NQ-HĐND", "Nghị quyết", "HĐND tỉnh Sóc Trăng"),
]
STATUSES = [
    "Còn hiệu lực",
    "Còn hiệu lực",
    "Còn hiệu lực",
    "Hết hiệu lực toàn bộ",
    "Hết hiệu lực một phần",
    "Chưa có hiệu lực",
    "Ngưng hiệu lực",
]


def write_rows(path: Path, n: int, seed: int = 9) -> None:
    rnd = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        for i in range(n):
            code, kind, issuer = TYPES[i % len(TYPES)]
            year = 1995 + i % 31
            d, m = 1 + rnd.randrange(28), 1 + rnd.randrange(12)
            status = STATUSES[rnd.randrange(len(STATUSES))]
            number = f"{i + 1}/{year}/{code}" if code.startswith(("NĐ", "TT")) else f"{i + 1}/{code}"
            ended = f"{d:02d}/{m:02d}/{min(year + 5, 2025)}" if status.startswith("Hết") else ""
            successor = (
                f"{i + 2}/{min(year + 5, 2025)}/{code}" if status == "Hết hiệu lực toàn bộ" and i % 2 else ""
            )
            row = [
                number,
                kind,
                issuer,
                f"Về việc số {i}",
                f"{d:02d}/{m:02d}/{year}",
                f"{d:02d}/{m:02d}/{year}",
                status,
                ended,
                "Toàn quốc" if "CP" in code or "TTg" in code else issuer.split("tỉnh ")[-1],
                successor,
            ]
            if i % 1000 == 7:
                row[0] = ""
            elif i % 1000 == 8:
                row[4] = "31/02/2020"
            elif i % 1000 == 9:
                row[6] = "Đang cập nhật trạng thái"
            w.writerow(row)


def _measure(fn) -> tuple[float, int, object]:
    """(seconds of a plain run, tracemalloc peak bytes of a second, traced run, result of the plain run)."""
    t0 = time.perf_counter()
    result = fn()
    elapsed = time.perf_counter() - t0
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return elapsed, peak, result


def run(rows: int) -> dict:
    from cancu.ontology.status_import import import_export

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "vbpl-export.csv"
        write_rows(src, rows)
        size = src.stat().st_size

        def baseline() -> int:
            with src.open(encoding="utf-8", newline="") as f:
                return sum(1 for _ in csv.reader(f)) - 1

        base_t, base_peak, base_n = _measure(baseline)
        imp_t, imp_peak, report = _measure(
            lambda: import_export(src, Path(tmp) / "imported-1.csv", today="2026-11-22")
        )
        out_size = (Path(tmp) / "imported-1.csv").stat().st_size
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "rows": rows,
        "export_mb": round(size / 1e6, 1),
        "output_mb": round(out_size / 1e6, 1),
        "baseline_rows_per_s": round(base_n / base_t),
        "baseline_peak_kb": base_peak // 1024,
        "import_rows_per_s": round(report.read / imp_t),
        "import_seconds": round(imp_t, 2),
        "import_peak_kb": imp_peak // 1024,
        "ratio": round(imp_t / base_t, 1),
        "written": report.written,
        "unmapped": dict(report.unmapped),
        "max_rss_mb": round(rss_kb / 1024, 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=200_000)
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    result = run(args.rows)
    for k, v in result.items():
        print(f"{k:>22}: {v}")
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1))
    sys.exit(0)


if __name__ == "__main__":
    main()
