"""The embedded store: one directory, nothing to set up, SQLite underneath.

Layout (``FORMAT_VERSION`` 2)::

    STORE/cancu.sqlite   the source of truth: per-file records (JSON), the user registries' rows,
                         the graph's nodes and edges (JSON attributes, indexed), counts, generation
    STORE/meta.json      a marker: ``{"format_version": 2, "database": "cancu.sqlite", …}`` so that
                         an older cancu refuses the directory with one line instead of misreading it

Why: every load is one SQLite transaction (a killed load leaves the old or the new store), readers
work during a write (WAL), SQLite's locking works on every OS, and a query about one plan reads
that plan's rows (``LazyGraph``) instead of unpickling the country. The graph stays a pure
function of (records, registries): a load rebuilds it in memory and writes only the rows that
differ, so loading in any order, incrementally, or forgetting and reloading gives the rows of one
full build. A format-1 directory (meta.json + records/*.json + graph.pickle) is migrated from its
JSON records — the pickle is never read. Format and figures: ``docs/store.md``.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cancu.errors import StoreError
from cancu.graph.gc_pause import paused_gc
from cancu.graph.sqlite_db import (
    DB_NAME,
    FORMAT_VERSION,
    connect,
    decode,
    get_meta,
    record_text,
    set_meta,
    store_exists,
    transaction,
    translated,
)
from cancu.graph.store_builder import builder_version
from cancu.graph.store_marker import read_marker, write_marker

if (
    TYPE_CHECKING
):  # imported where used: `cancu status` reads counts and needs neither networkx nor the builder
    import networkx as nx

    from cancu.ontology.record import PlanRecord
    from cancu.ontology.registry import Registry

DEFAULT_DIR = ".cancu"


@dataclass
class LoadSummary:
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    warnings: int = 0


def default_location() -> Path:
    return Path(os.environ.get("CANCU_STORE") or DEFAULT_DIR)


def open_store(location: str | Path | None = None, registry_files: Iterable[Path] = ()) -> EmbeddedStore:
    return EmbeddedStore(Path(location) if location else default_location(), list(registry_files))


class EmbeddedStore:
    """The ``GraphStore`` of ``cancu.graph.store_protocol`` on a directory."""

    def __init__(self, root: Path, registry_files: list[Path] | None = None) -> None:
        self.root = root
        self.registry_files = registry_files or []
        self._db: sqlite3.Connection | None = None
        self._graph: nx.MultiDiGraph | None = None
        if root.exists() and not root.is_dir():
            raise StoreError(f"{root}: exists and is not a store directory")
        marker = read_marker(root)
        if marker is not None and marker.get("format_version") == 1:
            from cancu.graph.store_migrate import migrate_format1

            migrate_format1(root, marker)

    @property
    def location(self) -> str:
        return str(self.root)

    # -- reading ------------------------------------------------------------------------------
    def _reader(self) -> sqlite3.Connection | None:
        if self._db is None and store_exists(self.root):
            self._db = connect(self.root, write=False)
            if _stale(self._db, self.root):  # rows written by other builder code: rebuilt, not trusted
                self.close()
                with self._writing() as db:
                    if _stale(db, self.root):
                        self._rebuild(db, {}, STALE)
                self._db = connect(self.root, write=False)
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def graph(self) -> nx.MultiDiGraph:
        """The whole graph, read from the rows (exports, pictures, whole-store queries)."""
        if self._graph is None:
            from cancu.graph.assemble import build_graph
            from cancu.graph.sqlite_graph import read_graph
            from cancu.ontology.registry import load_registry

            db = self._reader()
            with paused_gc():
                self._graph = (
                    read_graph(db, self.root)
                    if db is not None and _built(db, self.root)
                    else build_graph([], load_registry(self.registry_files))
                )
        return self._graph

    def _lazy(self) -> nx.MultiDiGraph:
        """A lazy graph on its own connection inside one read transaction: every row it reads, however
        late, is from the same commit (WAL snapshot), whatever a writer commits meanwhile."""
        db = self._reader()
        if db is None or not _built(db, self.root):
            return self.graph()
        from cancu.graph.sqlite_graph import LazyGraph

        snapshot = connect(self.root, write=False)
        with translated(self.root):
            snapshot.execute("BEGIN")
        return LazyGraph(snapshot, self.root)

    def subgraph_for_trace(self, what: str, as_of: str | None = None) -> nx.MultiDiGraph:
        return self._lazy()

    def subgraph_for_plans(self, plans: list[str] | None) -> nx.MultiDiGraph:
        """Lazy for a whole-store audit or gaps too: they read each plan's neighbourhood (audit: its
        citations), never the whole graph at once."""
        return self._lazy()

    def subgraph_for_responsible(self, what: str) -> nx.MultiDiGraph:
        return self._lazy()

    def status(self) -> dict[str, Any]:
        db = self._reader()
        info: dict[str, Any] = {"generation": 0, "files": 0, "nodes": 0, "edges": 0, "by_kind": {}}
        if db is not None:
            with translated(self.root):
                info.update(get_meta(db, "counts", {}))
                info["generation"] = get_meta(db, "generation", 0)
                info["files"] = db.execute("SELECT count(*) FROM files").fetchone()[0]
        return {"store": str(self.root), "format_version": FORMAT_VERSION, **info}

    def records(self) -> list[PlanRecord]:
        from cancu.ontology.record import PlanRecord

        db = self._reader()
        if db is None:
            return []
        with translated(self.root):
            return [
                PlanRecord.from_dict(decode(t))
                for (t,) in db.execute("SELECT record FROM files ORDER BY key")
            ]

    def known_sha256(self, path: str) -> str | None:
        """The sha256 of ``path`` as last loaded (None when not loaded): lets a load skip extracting
        a file whose bytes did not change — one hash and one index lookup."""
        db = self._reader()
        if db is None:
            return None
        with translated(self.root):
            row = db.execute("SELECT sha256 FROM files WHERE key = ?", (_file_key(path),)).fetchone()
        return row[0] if row else None

    def registry_names(self) -> list[tuple[str, str]]:
        """``(origin, name)`` of each user registry copied into the store, in load order."""
        db = self._reader()
        if db is None:
            return []
        with translated(self.root):
            return list(db.execute("SELECT origin, name FROM registries ORDER BY seq"))

    def registry_copies(self) -> list[tuple[str, str, str]]:
        """``(origin, name, content)`` of each user registry the store holds, in load order: what
        ``registry show`` / ``stats`` should read (the user's file may be gone)."""
        db = self._reader()
        if db is None:
            return []
        with translated(self.root):
            return list(db.execute("SELECT origin, name, content FROM registries ORDER BY seq"))

    def node(self, key: str) -> dict[str, Any]:
        g = self._lazy()
        return {
            "key": key,
            "attrs": dict(g._node[key]),
            "out": [(k, b, d) for b, keyed in g._succ[key].items() for k, d in keyed.items()],
            "in": [(k, a, d) for a, keyed in g._pred[key].items() for k, d in keyed.items()],
        }

    # -- writing ------------------------------------------------------------------------------
    @contextlib.contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """The write connection inside one ``BEGIN IMMEDIATE`` transaction (SQLite's lock)."""
        self.root.mkdir(parents=True, exist_ok=True)
        db = connect(self.root, write=True)
        try:
            with transaction(db, self.root):
                if get_meta(db, "format_version") is None:
                    set_meta(db, "format_version", FORMAT_VERSION)
                yield db
        finally:
            db.close()
        self._graph = None
        self.close()
        origins = [origin for origin, _ in self.registry_names()]
        marker = read_marker(self.root)
        if (
            marker is None
            or marker.get("format_version") != FORMAT_VERSION
            or marker.get("registry_files", []) != origins
        ):
            write_marker(self.root, registry_files=origins)  # what `registry show/stats` list
        self.close()

    def load(
        self, items: Iterable[tuple[str, PlanRecord]], registry_files: Iterable[Path] = ()
    ) -> LoadSummary:
        """Add or replace records keyed by their file's resolved path; unchanged files change nothing.
        ``registry_files`` (and ``self.registry_files``) are copied into the store."""
        summary = LoadSummary()
        items = list(items)  # extraction (when items is lazy) happens before the lock is taken
        registries = _read_registries([*self.registry_files, *registry_files])
        with self._writing() as db:
            fresh: dict[str, tuple[str, PlanRecord]] = {}
            for path, record in items:
                key = _file_key(path)
                summary.warnings += len(record.warnings)
                row = db.execute("SELECT sha256 FROM files WHERE key = ?", (key,)).fetchone()
                if (row and row[0] == record.sha256) or (
                    key in fresh and fresh[key][1].sha256 == record.sha256
                ):
                    summary.unchanged.append(path)
                    continue
                (summary.changed if row or key in fresh else summary.new).append(path)
                fresh[key] = (path, record)
            for key, (path, record) in fresh.items():
                db.execute(
                    "INSERT OR REPLACE INTO files(key, path, sha256, loaded_at, record) VALUES (?, ?, ?, ?, ?)",
                    (
                        key,
                        path,
                        record.sha256,
                        time.time(),
                        record_text(record, path),
                    ),
                )
            registry_changed = _store_registries(db, registries)
            whole = _whole_build_needed(db, self.root, registry_changed)
            if whole is not None:  # every record is read back from its row, one at a time
                items.clear()
                fresh.clear()
                self._rebuild(db, {}, whole)
            elif fresh:
                self._apply(db, {k: r for k, (_, r) in fresh.items()})
            summary.counts = dict(get_meta(db, "counts", {}).get("by_kind", {}))
        return summary

    def forget(self, path: str) -> bool:
        with self._writing() as db:
            key = _file_key(path)
            if db.execute("SELECT 1 FROM files WHERE key = ?", (key,)).fetchone() is None:
                name = Path(path).name
                hits = [k for k, p in db.execute("SELECT key, path FROM files") if Path(p).name == name]
                if len(hits) != 1:
                    return False
                key = hits[0]
            db.execute("DELETE FROM files WHERE key = ?", (key,))
            whole = _whole_build_needed(db, self.root, False)
            if whole is not None:
                self._rebuild(db, {}, whole)
            else:
                self._apply(db, {key: None})
        return True

    def add_registry_file(self, path: Path) -> bool:
        """Copy a user registry file (e.g. an import) into the store and rebuild; False if the store
        already holds these rows from this file."""
        registries = _read_registries([path])
        with self._writing() as db:
            changed = _store_registries(db, registries)
            if changed:
                self._rebuild(db, {}, "a registry was added")
        return changed

    def import_registry_file(self, written: Path, folder: Path) -> Path:
        """Name an import's registry file and copy its rows into the store, under the store's write
        lock: the file ``written`` (any temporary name in ``folder``) becomes the next free
        ``imported-N.csv`` only inside the transaction that stores its rows, so two imports at once
        get two names and lose nothing. A file ``imported-N.csv`` the store does not hold is what a
        killed import left: it is removed here (it never counted). Returns the final path."""
        registries = _read_registries([written])
        with self._writing() as db:
            held = {Path(origin).name for (origin,) in db.execute("SELECT origin FROM registries")}
            for debris in folder.glob("imported-*.csv"):
                numbered = _import_number(debris.name) is not None  # never imported-1.held.csv
                if numbered and debris.name not in held and debris.resolve() != written.resolve():
                    debris.unlink(missing_ok=True)
            taken = [_import_number(name) for name in held]
            final = folder / f"imported-{max((n for n in taken if n), default=0) + 1}.csv"
            os.replace(written, final)
            copy = registries[0]
            _store_registries(
                db, [_RegistryCopy(str(final.resolve()), final.name, copy.content, copy.sha256)]
            )
            self._rebuild(db, {}, "a registry was imported")
        return final

    def _rebuild(self, db: sqlite3.Connection, fresh: dict[str, PlanRecord], why: str) -> None:
        """The graph of every stored record (``fresh`` ones from memory) and registry, written as the
        rows that differ from the stored ones, with each file's contribution (what the next load
        re-folds), counts and a new generation — inside the caller's transaction. ``why``: said on
        stderr when the store held a graph (a change no load can apply file by file). The cyclic GC
        is paused: millions of long-lived objects, nothing to collect."""
        from cancu.graph.assemble import Contribution, build_graph
        from cancu.graph.incremental import base_graph, clear_contributions, effective, write_contribution
        from cancu.graph.sqlite_graph import write_diff
        from cancu.ontology.record import PlanRecord

        if _built(db, self.root) and why:
            sys.stderr.write(f"cancu: {why}: the graph is rebuilt from every stored record\n")
        with paused_gc():
            order = []  # (record order, file key): the records are then decoded one at a time
            for key, *stored_order in db.execute(_STORED_ORDER):
                order.append((_order_of(fresh[key]) if key in fresh else tuple(stored_order), key))
            order.sort()
            clear_contributions(db)
            registry = _registry_of(db)
            base = base_graph(registry)

            current: list[Any] = []  # the (record order, file key) being built

            def records() -> Iterator[PlanRecord]:
                for ord_, key in order:
                    current[:] = [ord_, key]
                    if key in fresh:
                        yield fresh[key]
                    else:
                        (text,) = db.execute("SELECT record FROM files WHERE key = ?", (key,)).fetchone()
                        yield PlanRecord.from_dict(decode(text))

            def keep(rec: PlanRecord, contrib: Contribution) -> None:
                ord_, key = current
                write_contribution(db, key, "\x01".join(ord_), effective(contrib, base))

            g = build_graph(records(), registry, keep, ordered=True)
            by_kind: dict[str, int] = {}
            for d in g._node.values():
                by_kind[d.get("kind", "?")] = by_kind.get(d.get("kind", "?"), 0) + 1
            counts = write_diff(db, g, consume=True)  # g's attributes go as their rows are written
            del g
        set_meta(
            db,
            "counts",
            {"nodes": counts["nodes"], "edges": counts["edges"], "by_kind": dict(sorted(by_kind.items()))},
        )
        set_meta(db, "contributions", True)
        self._written(db, counts)

    def _apply(self, db: sqlite3.Connection, changes: dict[str, PlanRecord | None]) -> None:
        """Only what the changed files touch, re-folded and re-derived (``cancu.graph.incremental``)."""
        from cancu.graph.incremental import apply_changes

        with paused_gc():
            stats = apply_changes(db, self.root, changes, _registry_of(db))
        counts = get_meta(db, "counts", {})
        by_kind = dict(counts.get("by_kind", {}))
        for kind, delta in stats.pop("by_kind_delta").items():
            by_kind[kind] = by_kind.get(kind, 0) + delta
        nodes = counts.get("nodes", 0) + stats.pop("nodes_delta")
        edges = counts.get("edges", 0) + stats.pop("edges_delta")
        set_meta(
            db,
            "counts",
            {"nodes": nodes, "edges": edges, "by_kind": {k: n for k, n in sorted(by_kind.items()) if n}},
        )
        self._written(db, {"nodes": nodes, "edges": edges, **stats})

    @staticmethod
    def _written(db: sqlite3.Connection, counts: dict[str, Any]) -> None:
        set_meta(db, "last_write", counts)
        set_meta(db, "generation", get_meta(db, "generation", 0) + 1)
        set_meta(db, "builder", builder_version())


STALE = "the store was built by another version of cancu's builder"


def _whole_build_needed(db: sqlite3.Connection, root: Path, registry_changed: bool) -> str | None:
    """Why this write must rebuild the whole graph (None: file by file will do)."""
    if not _built(db, root):
        return "first build"
    if _stale(db, root):
        return STALE
    if registry_changed:
        return "a registry changed"
    if not get_meta(db, "contributions", False):
        return "the store keeps no per-file contributions yet"
    return None


def _order_of(record: PlanRecord) -> tuple[str, str, str]:
    """``assemble.record_order`` of a record."""
    from cancu.graph.assemble import record_order

    return record_order(record)


#: ``assemble.record_order`` of every stored record, read by SQLite's JSON functions: no record is
#: decoded in Python just to be put in order
_STORED_ORDER = (
    "SELECT key, coalesce(json_extract(record, '$.document.id'), ''), "
    "coalesce(json_extract(record, '$.sha256'), ''), coalesce(json_extract(record, '$.source'), '') "
    "FROM files"
)


def _import_number(name: str) -> int | None:
    stem = name.removeprefix("imported-").removesuffix(".csv")
    return int(stem) if name.startswith("imported-") and stem.isdigit() else None


def _built(db: sqlite3.Connection, root: Path) -> bool:
    with translated(root):
        return get_meta(db, "generation", 0) > 0


def _stale(db: sqlite3.Connection, root: Path) -> bool:
    """Built rows whose builder (code and shipped registry, ``store_builder``) is not this cancu's."""
    with translated(root):
        return get_meta(db, "generation", 0) > 0 and get_meta(db, "builder") != builder_version()


def _file_key(path: str) -> str:
    """Identity of a loaded file: its resolved path (stdin has none: "stdin")."""
    resolved = path if path == "stdin" else str(Path(path).resolve())
    return hashlib.sha1(resolved.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class _RegistryCopy:
    origin: str
    name: str
    content: str
    sha256: str


def _read_registries(paths: Iterable[Path]) -> list[_RegistryCopy]:
    """Each user registry file validated (``file:line`` errors name the user's file) and read, before
    the store is touched."""
    from cancu.ontology.registry import validate_user_csv

    out = []
    for path in paths:
        path = Path(path)
        validate_user_csv(path)
        content = path.read_text(encoding="utf-8-sig")
        out.append(
            _RegistryCopy(
                str(path.resolve()), path.name, content, hashlib.sha256(content.encode("utf-8")).hexdigest()
            )
        )
    return out


def _store_registries(db: sqlite3.Connection, registries: list[_RegistryCopy]) -> bool:
    """Upsert each copy by its origin (the file's resolved path); True when any rows changed."""
    changed = False
    for reg in registries:
        row = db.execute("SELECT sha256 FROM registries WHERE origin = ?", (reg.origin,)).fetchone()
        if row and row[0] == reg.sha256:
            continue
        db.execute(
            "INSERT INTO registries(origin, name, sha256, content) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(origin) DO UPDATE SET name = excluded.name, sha256 = excluded.sha256, content = excluded.content",
            (reg.origin, reg.name, reg.sha256, reg.content),
        )
        changed = True
    return changed


def _unchanged(origin: str, digest: str) -> bool:
    """Whether the file a registry copy came from is still there with the same bytes (then a load reads
    it, and a large import's index, instead of re-parsing the stored copy)."""
    path = Path(origin)
    try:
        if not path.is_file():
            return False
        sha = hashlib.sha256()
        with path.open("rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                sha.update(chunk)
        return sha.hexdigest() == digest
    except OSError:
        return False


def _registry_of(db: sqlite3.Connection) -> Registry:
    """The shipped registry plus the copies in the store, read through the registry's own reader
    (each copy under its user's file name: the graph's ``registry`` attributes name it)."""
    from cancu.ontology.ids import safe_filename
    from cancu.ontology.registry import load_registry

    rows = db.execute("SELECT seq, name, content, origin, sha256 FROM registries ORDER BY seq").fetchall()
    if not rows:
        return load_registry([])
    with tempfile.TemporaryDirectory(prefix="cancu-registries-") as tmp:
        paths = []
        for seq, name, content, origin, digest in rows:
            if _unchanged(origin, digest):  # read the file itself, through its number index if it has one
                paths.append(Path(origin))
                continue
            folder = Path(tmp) / str(seq)
            folder.mkdir()
            plain = Path(name).name == name and name not in ("", ".", "..")
            path = folder / (name if plain else safe_filename(name))
            path.write_text(content, encoding="utf-8")
            paths.append(path)
        return load_registry(paths)


__all__ = [
    "DB_NAME",
    "DEFAULT_DIR",
    "FORMAT_VERSION",
    "EmbeddedStore",
    "LoadSummary",
    "default_location",
    "open_store",
]
