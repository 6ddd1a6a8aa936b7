"""A long fuzz run of the extraction pipeline (hypothesis, time-boxed).

    python benchmarks/fuzz_extract.py --minutes 10

Feeds random text, random bytes and mutated seed plans to decode + extract and
checks what the property tests check: only documented errors, valid JSON,
spans inside the text. Prints how many inputs were tried and any failure.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))


def check(data: bytes) -> None:
    from cancu.errors import CancuError
    from cancu.loaders.decode import decode_bytes
    from cancu.loaders.extract import extract_decoded

    try:
        decoded = decode_bytes(data, "fuzz.txt")
    except CancuError:
        return
    record = extract_decoded(decoded)
    json.loads(json.dumps(record.to_dict(), ensure_ascii=False))
    n = len(decoded.text)
    for c in record.legal_bases + record.references:
        assert 0 <= c.span[0] <= c.span[1] <= n, c
    for t in record.tasks:
        assert 0 <= t.span[0] <= t.span[1] <= n, t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=float, default=10)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    alphabet = "/-.:;()0123456789 \n\t\fĐđQPNDCKHUBậốễ|&¢Sở Nội vụ-+•%"
    deadline = time.monotonic() + args.minutes * 60
    tried = failures = 0
    while time.monotonic() < deadline:
        kind = rng.random()
        if kind < 0.2:
            data = rng.randbytes(rng.randrange(1, 4000))
        elif kind < 0.4:
            data = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 3000))).encode("utf-8")
        else:
            chars = list(rng.choice(texts))
            for _ in range(rng.randrange(1, 60)):
                i = rng.randrange(len(chars))
                op = rng.random()
                if op < 0.4:
                    chars[i] = rng.choice(alphabet)
                elif op < 0.7:
                    del chars[i]
                else:
                    chars.insert(i, rng.choice(alphabet))
            cut = rng.randrange(len(chars) // 3, len(chars) + 1)
            data = "".join(chars[:cut]).encode(rng.choice(["utf-8", "utf-16"]))
        tried += 1
        try:
            check(data)
        except Exception as err:  # noqa: BLE001 - a fuzz run reports every failure
            failures += 1
            print(f"FAIL #{failures} after {tried}: {type(err).__name__}: {err}", file=sys.stderr)
            Path(f"/tmp/fuzz-failure-{failures}.bin").write_bytes(data)
    print(json.dumps({"minutes": args.minutes, "inputs": tried, "failures": failures}))


if __name__ == "__main__":
    main()
