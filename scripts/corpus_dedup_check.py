"""Fail when two gold files of the real corpus name the same source (URL without its query string): one
page must never sit in both dev and test, nor count twice.

    python scripts/corpus_dedup_check.py
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


COSMETIC = ("tab", "ac", "utm_")
"""Query parameters that change how a page shows, not which document it is ("?tab=7", "?ac=emails");
others name the document ("document.aspx?bid=…") and are kept."""


def _source_key(url: str) -> str:
    base, _, query = url.partition("?")
    kept = sorted(p for p in query.split("&") if p and not p.lower().startswith(COSMETIC))
    return base.rstrip("/").lower() + ("?" + "&".join(kept) if kept else "")


def duplicates(corpus: Path = ROOT / "corpus") -> dict[str, list[str]]:
    by_source: dict[str, list[str]] = defaultdict(list)
    for path in sorted(corpus.glob("*/gold/*.json")):
        url = (json.loads(path.read_text(encoding="utf-8")).get("meta") or {}).get("url") or ""
        if url:
            by_source[_source_key(url)].append(str(path.relative_to(corpus)))
    return {url: paths for url, paths in by_source.items() if len(paths) > 1}


if __name__ == "__main__":
    found = duplicates()
    for url, paths in found.items():
        print(f"{url}: {', '.join(paths)}")
    sys.exit(1 if found else 0)
