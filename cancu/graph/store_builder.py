"""The version of the code that turns records into rows: a store built by other code is rebuilt.

Why: the ``nodes`` / ``edges`` / ``plan_index`` rows are derived from the stored records by
``cancu.graph.assemble`` and ``cancu.graph.derived`` with the shipped registry. When that code or
data changes (a new edge kind, a registry correction), rows written by the old code would be read
as if current. The store keeps the digest of the code and data it was built with (``meta.builder``);
a store whose digest differs is rebuilt from its records before it is read or written.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent
#: the modules and data whose bytes the graph rows depend on (package-relative)
BUILDER_SOURCES = (
    "graph/assemble.py",
    "graph/derived.py",
    "graph/incremental.py",
    "graph/resolve.py",
    "graph/naming.py",
    "ontology/ids.py",
    "ontology/vocab.py",
    "ontology/registry.py",
    "ontology/registries.py",
    "ontology/status_precedence.py",
    "ontology/document_kinds.py",
)
BUILDER_DATA = "ontology/data"
#: the shipped data files the graph is built from (what ``cancu.ontology`` reads for the registry);
#: the extraction's own tables (names, OCR, layouts, syllables) change no row: a correction to one
#: of them no longer makes every store rebuild itself (``tests/test_store_builder_data.py``)
BUILDER_FILES = (
    "agencies.csv",
    "agency_canon.csv",
    "area_headings.csv",
    "document_kinds.csv",
    "document_status.csv",
    "jurisdictions.csv",
    "metrics.csv",
    "provinces.csv",
    "reforms.csv",
    "successions.csv",
)


@cache
def builder_version() -> str:
    """sha256 over the builder's sources and the shipped registry's CSV files (name and bytes)."""
    digest = hashlib.sha256()
    files = [_PACKAGE / name for name in BUILDER_SOURCES]
    files += [_PACKAGE / BUILDER_DATA / name for name in BUILDER_FILES]
    for path in files:
        digest.update(str(path.relative_to(_PACKAGE)).encode())
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<missing>")
    return digest.hexdigest()[:16]
