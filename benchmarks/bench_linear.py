"""Is every extraction step linear in its input? Time ratios and fitted exponents on adversarial text.

Each input kind is a text a hostile or unlucky user could hand ``cancu extract``,
built at 1, 2, 4 and 8 MB (``--sizes``) and run through the command's pipeline
(decode_bytes -> extract_decoded -> the record as JSON), each size in its own
process with a time limit. Per kind it prints the seconds per size, the ratio of
each size's time to the previous one (2.0 is linear, 4.0 quadratic) and the
exponent k of time ~ size^k fitted by least squares on the logs. A kind whose
exponent is over 1.2 is profiled (cProfile) at its largest finished size, and the
top functions by own time are printed: that is the hot spot to fix.

    python benchmarks/bench_linear.py [--sizes 1,2,4,8] [--only long_line numbers]
                                      [--timeout 300] [--json out.json]

Timings on a shared machine are noisy; the ratios of one run are the figure.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: an exponent above this is not linear (n log n and noise stay under it)
NOT_LINEAR = 1.2

WORDS = [
    "thực",
    "hiện",
    "nhiệm",
    "vụ",
    "cải",
    "cách",
    "hành",
    "chính",
    "nâng",
    "cao",
    "chất",
    "lượng",
    "phục",
    "vụ",
    "người",
    "dân",
    "doanh",
    "nghiệp",
    "đẩy",
    "mạnh",
    "chuyển",
    "đổi",
    "số",
    "trong",
    "hoạt",
    "động",
    "của",
    "cơ",
    "quan",
    "nhà",
    "nước",
    "tăng",
    "cường",
    "kỷ",
    "luật",
    "kỷ",
    "cương",
]
AGENCIES = (
    "Sở Nội vụ",
    "Sở Tài chính",
    "Sở Tư pháp",
    "Văn phòng UBND tỉnh",
    "UBND huyện Đức Trọng",
    "UBND các xã, phường, thị trấn",
    "Sở Khoa học và Công nghệ",
    "Công an tỉnh",
    "Ban Quản lý các khu công nghiệp",
)


def _words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def _number(rng: random.Random) -> str:
    kind = rng.choice(("QĐ-UBND", "KH-UBND", "NQ-CP", "NĐ-CP", "TT-BNV", "CT-TTg"))
    return f"{rng.randrange(1, 3000)}/{rng.randrange(2000, 2027)}/{kind}"


def long_line(rng: random.Random) -> str:
    """Prose on one line: no ";", no blank line, no full stop at a line's end (a PDF run together)."""
    return _words(rng, 40) + ", "


def numbers(rng: random.Random) -> str:
    """Document numbers with dates and issuers, one line, no ";" between them."""
    return f"theo Quyết định số {_number(rng)} ngày {rng.randrange(1, 29)}/{rng.randrange(1, 13)}/2024 của UBND tỉnh về việc {_words(rng, 5)}, "


def can_cu(rng: random.Random) -> str:
    """An endless basis zone: "Căn cứ …" lines, each citing a document."""
    return f"Căn cứ Nghị quyết số {_number(rng)} ngày 15/7/2021 của Chính phủ về {_words(rng, 6)};\n"


def table(rng: random.Random) -> str:
    """A long task table as a web page gives it: cells joined by " | "."""
    n = rng.randrange(1, 999)
    return f"{n} | {_words(rng, 8)} | {rng.choice(AGENCIES)} | {rng.choice(AGENCIES)} | Quý {rng.randrange(1, 5)}/2026 | Báo cáo\n"


def tab_table(rng: random.Random) -> str:
    """The same table as .docx and .doc rows: cells joined by TAB."""
    return table(rng).replace(" | ", "\t")


def outline(rng: random.Random) -> str:
    """Deep outline numbering, every line an item of the one before."""
    depth = rng.randrange(1, 9)
    mark = ".".join(str(rng.randrange(1, 20)) for _ in range(depth))
    return f"{mark}. {_words(rng, 10)}\n"


def agencies(rng: random.Random) -> str:
    """Agency names run together: who leads, who coordinates, on one line."""
    return f"{rng.choice(AGENCIES)} chủ trì, phối hợp với {rng.choice(AGENCIES)} và {rng.choice(AGENCIES)}, "


def deadlines(rng: random.Random) -> str:
    """Tasks with deadlines and targets, one per line, no blank line."""
    return (
        f"- {_words(rng, 6)} đạt {rng.randrange(1, 100)}% trước ngày {rng.randrange(1, 29)}/"
        f"{rng.randrange(1, 13)}/2026. Thời gian hoàn thành: Quý {rng.randrange(1, 5)}/2026\n"
    )


def targets_line(rng: random.Random) -> str:
    """Targets on one line with no sentence mark (". ", ";", ":", a blank line, an item mark)."""
    return f"phấn đấu đạt {rng.randrange(1, 100)}% {_words(rng, 6)} trong năm 2026, "


def executes(rng: random.Random) -> str:
    """The executing article repeated on one line: bodies before "chịu trách nhiệm thi hành"."""
    return f"{rng.choice(AGENCIES)} và {rng.choice(AGENCIES)} chịu trách nhiệm thi hành Quyết định này, "


def effective(rng: random.Random) -> str:
    """Effectivity clauses on one line, with dotted numbers and no line break or ";"."""
    return (
        f"Quyết định này có hiệu lực kể từ ngày {rng.randrange(1, 29)}/{rng.randrange(1, 13)}/2026 "
        f"và thay thế Quyết định số {_number(rng)} mục 1.2.{rng.randrange(1, 9)}, "
    )


def led(rng: random.Random) -> str:
    """A body that leads the work, over and over, in one paragraph of the body."""
    return f"{rng.choice(AGENCIES)} chủ trì {_words(rng, 5)}, "


def empty_cells(rng: random.Random) -> str:
    """Table rows of empty cells, as a .docx with merged or spanned cells gives them: runs of TABs."""
    return "\t" * 63 + "\n"


def spaces(rng: random.Random) -> str:
    """Words far apart: long runs of spaces, as a PDF laid out in columns gives them."""
    return _words(rng, 3) + " " * rng.randrange(50, 400)


KINDS: dict[str, Callable[[random.Random], str]] = {
    "long_line": long_line,
    "numbers": numbers,
    "can_cu": can_cu,
    "table": table,
    "tab_table": tab_table,
    "outline": outline,
    "agencies": agencies,
    "deadlines": deadlines,
    "targets_line": targets_line,
    "executes": executes,
    "effective": effective,
    "led": led,
    "empty_cells": empty_cells,
    "spaces": spaces,
}
#: a masthead first, so the header readers run as on a plan
HEAD = (
    "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố: 15/KH-UBND\nLâm Đồng, ngày 20 tháng 01 năm 2026\n"
    "KẾ HOẠCH\nCải cách hành chính năm 2026\nI. MỤC TIÊU\n1. Mục tiêu cụ thể\n"
)


#: kinds read with no masthead before them, as a .docx of tables or a page of columns may come,
#: and one line of words after them (a text of white space only is refused as empty)
HEADLESS = {"empty_cells", "spaces"}
TAIL = "\nKế hoạch cải cách hành chính\n"


def build(kind: str, mb: float) -> bytes:
    """``mb`` megabytes (UTF-8) of ``kind``, the same text for the same kind and size."""
    rng = random.Random(kind)
    head, tail = ("", TAIL) if kind in HEADLESS else (HEAD, "")
    limit = int(mb * 1_000_000) - len(tail.encode())
    parts, size = [head], len(head.encode())
    make = KINDS[kind]
    while size < limit:
        part = make(rng)
        parts.append(part)
        size += len(part.encode())
    return "".join(parts).encode()[:limit].decode("utf-8", "ignore").encode() + tail.encode()


def run_once(kind: str, mb: float, profile: bool) -> None:
    """Child process: build the input, time the pipeline, print the seconds (and the profile)."""
    from cancu.loaders.decode import decode_bytes
    from cancu.loaders.extract import extract_decoded

    data = build(kind, mb)

    def pipeline() -> None:
        record = extract_decoded(decode_bytes(data, f"{kind}.txt"))
        json.dumps(record.to_dict(), ensure_ascii=False)

    if profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.runcall(pipeline)
        stats = pstats.Stats(profiler, stream=sys.stderr).sort_stats("tottime")
        stats.print_stats(12)
        stats.print_callers(3)  # who calls the three most costly: the hot spot's owner
        return
    warm = build(kind, 0.001)  # compile the patterns and read the data files before the clock starts
    extract_decoded(decode_bytes(warm, f"{kind}.txt"))
    start = time.perf_counter()
    pipeline()
    print(json.dumps({"seconds": time.perf_counter() - start}))


def measure(kind: str, mb: float, timeout: float) -> float | None:
    """Seconds for one size in a fresh process; None past the time limit."""
    try:
        done = subprocess.run(
            [sys.executable, __file__, "--child", kind, str(mb)],
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=ROOT,
        )
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        raise SystemExit(f"{kind} at {mb} MB failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])["seconds"]


def exponent(sizes: list[float], seconds: list[float]) -> float | None:
    """k of seconds ~ size^k, least squares on the logs (None with fewer than two points)."""
    if len(seconds) < 2:
        return None
    xs = [math.log(s) for s in sizes[: len(seconds)]]
    ys = [math.log(max(t, 1e-6)) for t in seconds]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def profile(kind: str, mb: float, timeout: float) -> str:
    try:
        done = subprocess.run(
            [sys.executable, __file__, "--child", kind, str(mb), "--profile"],
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=ROOT,
        )
    except subprocess.TimeoutExpired:
        return f"(profile of {kind} at {mb} MB ran over {timeout:.0f} s)"
    return done.stderr


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1,2,4,8", help="megabytes, comma-separated, increasing")
    ap.add_argument("--only", nargs="*", choices=sorted(KINDS), help="input kinds to run (default: all)")
    ap.add_argument("--timeout", type=float, default=300, help="seconds allowed for one size")
    ap.add_argument("--no-profile", action="store_true", help="do not profile kinds that are not linear")
    ap.add_argument("--json", help="write the figures here")
    ap.add_argument("--child", nargs=2, metavar=("KIND", "MB"), help=argparse.SUPPRESS)
    ap.add_argument("--profile", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        run_once(args.child[0], float(args.child[1]), args.profile)
        return
    sizes = [float(s) for s in args.sizes.split(",")]
    results = {}
    print(f"{'kind':<10} " + " ".join(f"{s:>7g}MB" for s in sizes) + "   ratios            exponent")
    for kind in args.only or list(KINDS):
        seconds: list[float] = []
        for mb in sizes:
            t = measure(kind, mb, args.timeout)
            if t is None:
                break
            seconds.append(t)
        k = exponent(sizes, seconds)
        ratios = [b / a for a, b in zip(seconds, seconds[1:], strict=False) if a > 0]
        cells = [f"{t:>8.2f}s" for t in seconds] + [f"{'>' + format(args.timeout, 'g'):>8}s"] * (
            len(sizes) - len(seconds)
        )
        verdict = "" if k is None or k <= NOT_LINEAR else "  NOT LINEAR"
        print(
            f"{kind:<10} "
            + " ".join(cells)
            + "   "
            + " ".join(f"{r:.2f}" for r in ratios).ljust(18)
            + (f"{k:.2f}" if k is not None else "-")
            + verdict,
            flush=True,
        )
        results[kind] = {
            "sizes_mb": sizes[: len(seconds)],
            "seconds": seconds,
            "ratios": ratios,
            "exponent": k,
        }
        if not args.no_profile and seconds and (k is None or k > NOT_LINEAR):
            at = sizes[max(0, len(seconds) - 2)]
            print(f"--- profile of {kind} at {at:g} MB (own time) ---\n{profile(kind, at, args.timeout * 2)}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
