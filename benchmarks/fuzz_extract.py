"""A long fuzz run of the extraction pipeline (hypothesis, time-boxed).

    python benchmarks/fuzz_extract.py --minutes 10

Feeds random text, random bytes, mutated seed plans and hostile splices (pieces
of the adversarial inputs of bench_linear.py: long lines without a separator,
runs of white space, cue phrases over and over) to decode + extract and checks
what the property tests check: only documented errors, valid JSON, spans
inside the text. Prints how many inputs were tried and any failure; an input
that takes over ``--slow`` seconds (a few KB should take milliseconds) is
reported and kept too, as a sign of work that is not linear.
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
    ap.add_argument("--slow", type=float, default=5.0, help="seconds after which one input is reported")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    alphabet = "/-.:;()0123456789 \n\t\fĐđQPNDCKHUBậốễ|&¢Sở Nội vụ-+•%"
    deadline = time.monotonic() + args.minutes * 60
    tried = failures = slow = 0
    while time.monotonic() < deadline:
        kind = rng.random()
        if kind < 0.15:
            data = hostile(rng)
        elif kind < 0.3:
            data = rng.randbytes(rng.randrange(1, 4000))
        elif kind < 0.45:
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
        started = time.monotonic()
        try:
            check(data)
        except Exception as err:  # noqa: BLE001 - a fuzz run reports every failure
            failures += 1
            print(f"FAIL #{failures} after {tried}: {type(err).__name__}: {err}", file=sys.stderr)
            Path(f"/tmp/fuzz-failure-{failures}.bin").write_bytes(data)
        took = time.monotonic() - started
        if took > args.slow:
            slow += 1
            print(f"SLOW #{slow} after {tried}: {took:.1f} s for {len(data):,} bytes", file=sys.stderr)
            Path(f"/tmp/fuzz-slow-{slow}.bin").write_bytes(data)
    print(json.dumps({"minutes": args.minutes, "inputs": tried, "failures": failures, "slow": slow}))


def hostile(rng: random.Random) -> bytes:
    """A few KB spliced from bench_linear's adversarial kinds, so pieces that are each harmless meet."""
    sys.path.insert(0, str(Path(__file__).parent))
    import bench_linear

    kinds = list(bench_linear.KINDS.values())
    parts = [rng.choice(kinds)(rng) for _ in range(rng.randrange(1, 40))]
    if rng.random() < 0.5:
        parts = [p.replace("\n", " ") for p in parts]  # one long line
    return "".join(parts).encode("utf-8")


if __name__ == "__main__":
    main()
