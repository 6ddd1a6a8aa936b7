"""Regenerate docs/cascade.png, the README's picture: the example plans' cascade below
76/NQ-CP (cancu viz trace, PNG export), as of a fixed date so it only changes when the
picture does.

    python scripts/readme_picture.py          # rewrite docs/cascade.png (needs Chromium)
    python scripts/readme_picture.py --check  # exit 1 when docs/cascade.png is stale

The PNG carries a tEXt chunk with a digest of the picture it shows (nodes, labels, levels,
flags, edges); tests/test_viz_readme_picture.py recomputes it, so a change to extraction,
queries or adapters that changes the picture fails until this script is run again.
"""

from __future__ import annotations

import hashlib
import json
import struct
import sys
import tempfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

OUT = ROOT / "docs" / "cascade.png"
AS_OF = "2026-11-22"
KEY = b"cancu-picture-sha256"


def picture():
    from cancu.api import open_store
    from cancu.demo import example_inputs
    from cancu.loaders.extract import extract_path
    from cancu.queries.trace import trace
    from cancu.viz.adapters import trace_picture

    with tempfile.TemporaryDirectory() as tmp:
        _, files = example_inputs(Path(tmp))
        store = open_store(Path(tmp) / "store")
        store.load([(str(p), extract_path(p)) for p in files])
        return trace_picture(trace(store.graph(), "76/NQ-CP 2021", as_of=AS_OF))


def digest(pic) -> str:
    data = [
        pic.title,
        [(n.id, n.label, n.level, n.flag, n.dashed, n.value_vs_parent, n.ended) for n in pic.nodes],
        [(e.source, e.target, e.kind, e.label) for e in pic.edges],
    ]
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, default=str).encode()).hexdigest()


def stamped(png: bytes, value: str) -> bytes:
    """``png`` with a tEXt chunk ``KEY=value`` after IHDR."""
    body = KEY + b"\0" + value.encode("ascii")
    chunk = struct.pack(">I", len(body)) + b"tEXt" + body + struct.pack(">I", zlib.crc32(b"tEXt" + body))
    end_of_ihdr = 8 + 4 + 4 + 13 + 4
    return png[:end_of_ihdr] + chunk + png[end_of_ihdr:]


def stamp_of(png: bytes) -> str | None:
    pos = 8
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos : pos + 4])
        kind, body = png[pos + 4 : pos + 8], png[pos + 8 : pos + 8 + length]
        if kind == b"tEXt" and body.startswith(KEY + b"\0"):
            return body[len(KEY) + 1 :].decode("ascii")
        pos += 12 + length
    return None


def main() -> int:
    pic = picture()
    if "--check" in sys.argv:
        return 0 if stamp_of(OUT.read_bytes()) == digest(pic) else 1
    from cancu.viz.render import render

    with tempfile.TemporaryDirectory() as tmp:
        png = render(pic, Path(tmp) / "cascade.png", "png").read_bytes()
    OUT.write_bytes(stamped(png, digest(pic)))
    print(f"wrote {OUT} ({len(pic.nodes)} nodes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
