"""Format 1 (``meta.json`` + ``records/*.json`` + ``graph.pickle``) to format 2 (SQLite).

The JSON records were format 1's source of truth, so they are all a migration reads: the pickle
is deleted unread (unpickling a store someone hands you could run code). The database is filled
in one transaction, then ``meta.json`` is replaced by the format-2 marker — the commit point: a
migration killed before it leaves format 1 as it was (the next open migrates again, into the
same database rows), and after it the old files are only debris to remove.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import time
from pathlib import Path
from typing import Any

from cancu.errors import RegistryError, StoreError


def migrate_format1(root: Path, meta: dict[str, Any]) -> None:
    from cancu.graph.embedded import EmbeddedStore, _read_registries
    from cancu.graph.sqlite_db import record_text
    from cancu.graph.store_marker import write_marker
    from cancu.ontology.record import PlanRecord

    records_dir = root / "records"
    items: list[tuple[str, PlanRecord]] = []
    files = meta.get("files")
    if not isinstance(files, dict):
        raise StoreError(f"{root}: a format-1 store without its file index; load the plans into a new store")
    for entry in files.values():
        name = Path(str(entry.get("record", ""))).name  # a name, never a path out of the folder
        try:
            data = json.loads((records_dir / name).read_text(encoding="utf-8"))
            items.append(
                (str(entry.get("path") or data.get("path") or data["source"]), PlanRecord.from_dict(data))
            )
        except (OSError, ValueError, KeyError, TypeError) as err:
            raise StoreError(
                f"{root}: format-1 record {name} cannot be read ({err.__class__.__name__}); "
                "load the plans into a new store"
            ) from err
    registries = [Path(p) for p in meta.get("registry_files") or []]
    try:
        copies = _read_registries(registries)
    except (RegistryError, OSError) as err:
        raise StoreError(
            f"{root}: migrating format 1 needs its registry files: {err}; restore the file or load the plans "
            "into a new store"
        ) from err
    store = EmbeddedStore.__new__(EmbeddedStore)
    store.root, store.registry_files, store._db, store._graph = root, [], None, None
    started = time.time()
    with store._writing() as db:
        from cancu.graph.embedded import _store_registries

        db.execute("DELETE FROM files")  # a migration killed earlier committed nothing; this is idempotent
        for path, record in items:
            from cancu.graph.embedded import _file_key

            db.execute(
                "INSERT OR REPLACE INTO files(key, path, sha256, loaded_at, record) VALUES (?, ?, ?, ?, ?)",
                (
                    _file_key(path),
                    path,
                    record.sha256,
                    started,
                    record_text(record, path),
                ),
            )
        _store_registries(db, copies)
        store._rebuild(db, {}, "format migration")
    write_marker(root, registry_files=[c.origin for c in copies], migrated_from=1)
    for debris in ("graph.pickle", "lock"):
        with contextlib.suppress(FileNotFoundError):
            (root / debris).unlink()
    shutil.rmtree(records_dir, ignore_errors=True)
