"""Which half of the real corpus a document belongs to: dev (tune on it) or test (report only).

The split is fixed once by a seeded hash of the document's file stem, so adding documents
never moves an existing one and nobody chooses where a document lands.

    python scripts/corpus_split.py STEM [STEM ...]   # prints "dev" or "test" per stem
"""

from __future__ import annotations

import hashlib
import sys

SEED = b"cancu-corpus-split-v1/"
TEST_SHARE = 40  # percent of documents held out for test


def split_of(stem: str) -> str:
    digest = hashlib.sha256(SEED + stem.encode("utf-8")).hexdigest()
    return "test" if int(digest[:8], 16) % 100 < TEST_SHARE else "dev"


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        print(split_of(arg))
