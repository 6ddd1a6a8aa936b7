"""The builder's digest covers every shipped data file the graph is built from, and no other: a store
is rebuilt when a registry table changes, not when an extraction table does."""

from __future__ import annotations

import re
from pathlib import Path

from cancu.graph.store_builder import BUILDER_DATA, BUILDER_FILES

PACKAGE = Path(__file__).resolve().parents[1] / "cancu"
#: readers of a user's dump for ``registry import``: what they write is a registry file the store copies
IMPORT_ONLY = {"dump_layouts.py", "status_import.py"}
READ = re.compile(r'read_rows\("([^"]+\.csv)"\)|SHIPPED_STATUS = "([^"]+\.csv)"')


def test_the_digest_lists_exactly_the_data_files_the_builder_reads():
    read = set()
    for folder in ("ontology", "graph"):
        for path in sorted((PACKAGE / folder).glob("*.py")):
            if path.name not in IMPORT_ONLY:
                read |= {a or b for a, b in READ.findall(path.read_text(encoding="utf-8"))}
    assert read == set(BUILDER_FILES)
    assert all((PACKAGE / BUILDER_DATA / name).is_file() for name in BUILDER_FILES)
