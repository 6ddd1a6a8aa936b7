"""OCR throughput (pages per minute) and accuracy of the scan path against the text path.

Scans of examples 01-03 and the clean seed 003 (13 pages, made by
tests/fixtures/readers/scanmaker.py) are read by cancu's PDF path with an empty
OCR cache; extraction from each scan is compared with extraction from its
text (document fields, legal bases) and both are scored against the gold
(targets, task leads). Then one scan is read again: the cache must answer it
with no page OCR'd.

    python benchmarks/bench_ocr.py [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "readers"))


def run() -> dict:
    import ocr_eval

    from cancu.loaders import decode_ocr
    from cancu.loaders.decode import decode_bytes

    results = [ocr_eval.compare(name, text, gold, seed=7) for name, text, gold in ocr_eval.CASES]
    pages = sum(r.pages for r in results)
    seconds = sum(r.seconds for r in results)
    again = results[0].pdf
    read_before = decode_ocr.STATS.pages_read
    started = time.perf_counter()
    decode_bytes(again, "again.pdf")
    return {
        "engine": decode_ocr.engine(),
        "cores": len(os.sched_getaffinity(0)),
        "pages": pages,
        "ocr_seconds": round(seconds, 1),
        "pages_per_minute": round(60 * pages / seconds, 2),
        "per_document": [
            {"name": r.name, "pages": r.pages, "seconds": round(r.seconds, 1), "differences": r.differences}
            for r in results
        ],
        "f1_scan_path": {k: round(v, 3) for k, v in ocr_eval.f1(results, "scan").items()},
        "f1_text_path": {k: round(v, 3) for k, v in ocr_eval.f1(results, "text").items()},
        "second_load_pages_ocrd": decode_ocr.STATS.pages_read - read_before,
        "second_load_seconds": round(time.perf_counter() - started, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        os.environ["CANCU_CACHE_DIR"] = cache
        result = run()
    for row in result["per_document"]:
        print(
            f"{row['name']:8} {row['pages']:3} pages {row['seconds']:6.1f} s  {row['differences'] or 'same facts'}"
        )
    print(
        f"{result['pages']} pages in {result['ocr_seconds']} s on {result['cores']} cores: "
        f"{result['pages_per_minute']} pages/min ({result['engine']})"
    )
    print(f"F1 scan path {result['f1_scan_path']}; text path {result['f1_text_path']}")
    print(f"second load: {result['second_load_pages_ocrd']} pages OCR'd, {result['second_load_seconds']} s")
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
