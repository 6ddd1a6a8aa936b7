"""The embedded store: one directory, nothing to set up.

Layout (``FORMAT_VERSION`` 1)::

    STORE/meta.json          format version, generation, file index (path -> record file, sha256)
    STORE/records/<id>.json  one extraction record per loaded file (the source of truth)
    STORE/graph.pickle       the derived graph, rebuilt from records + registry on every change
    STORE/lock               advisory lock (fcntl) held by a writer

Why this format: the records are small, human-readable JSON and the graph is a
pure function of them, so loading twice, in any order, or from two processes
gives the same graph, and a changed or forgotten file removes exactly what it
gave. The snapshot is a pickle of the networkx graph because reopening must be
fast (one C-level load) — it is never trusted over the records: its
generation must match meta.json or it is rebuilt. Every write goes to a temp
file in the same directory, is fsynced, then os.replace'd, and the directory is
fsynced: a crash leaves the old or the new state, never a mix.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import pickle
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import networkx as nx

from cancu.errors import StoreError
from cancu.graph.assemble import build_graph
from cancu.graph.gc_pause import paused_gc
from cancu.ontology.ids import safe_filename
from cancu.ontology.record import PlanRecord
from cancu.ontology.registry import load_registry

FORMAT_VERSION = 1
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
    def __init__(self, root: Path, registry_files: list[Path] | None = None) -> None:
        self.root = root
        self.registry_files = registry_files or []
        self._graph: nx.MultiDiGraph | None = None
        if root.exists() and not root.is_dir():
            raise StoreError(f"{root}: exists and is not a store directory")
        if (root / "meta.json").exists():
            self._meta()  # checks the format version now, with a clear error

    # -- reading ------------------------------------------------------------------
    def _meta(self) -> dict[str, Any]:
        path = self.root / "meta.json"
        if not path.exists():
            return {"format_version": FORMAT_VERSION, "generation": 0, "files": {}, "registry_files": []}
        try:
            with paused_gc():  # thousands of small dicts; a collection here walks the whole graph's heap
                meta = json.loads(path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as err:
            raise StoreError(f"{path}: unreadable store metadata ({err.__class__.__name__})") from err
        if meta.get("format_version") != FORMAT_VERSION:
            raise StoreError(
                f"{self.root}: store format {meta.get('format_version')} but this cancu reads format {FORMAT_VERSION}; "
                "reload the plans into a new store"
            )
        return meta

    def records(
        self, meta: dict[str, Any] | None = None, fresh: dict[str, PlanRecord] | None = None
    ) -> list[PlanRecord]:
        meta = meta or self._meta()
        out = []
        for entry in meta["files"].values():
            if fresh and entry["record"] in fresh:
                out.append(fresh[entry["record"]])
                continue
            data = json.loads((self.root / "records" / entry["record"]).read_text(encoding="utf-8"))
            out.append(PlanRecord.from_dict(data))
        return out

    def graph(self) -> nx.MultiDiGraph:
        if self._graph is not None:
            return self._graph
        meta = self._meta()
        snap = self.root / "graph.pickle"
        if snap.exists():
            with snap.open("rb") as f, paused_gc():
                generation, graph = pickle.load(f)  # noqa: S301 - our own file, written atomically
            if generation == meta["generation"]:
                self._graph = graph
                return graph
        with paused_gc():
            self._graph = build_graph(self.records(meta), load_registry(self._registry_paths(meta)))
        return self._graph

    def _registry_paths(self, meta: dict[str, Any]) -> list[Path]:
        return [Path(p) for p in meta.get("registry_files", [])] + self.registry_files

    def status(self) -> dict[str, Any]:
        meta = self._meta()
        g = self.graph()
        return {
            "store": str(self.root),
            "format_version": FORMAT_VERSION,
            "files": len(meta["files"]),
            "generation": meta["generation"],
            "nodes": g.number_of_nodes(),
            "edges": g.number_of_edges(),
            "by_kind": _kind_counts(g),
        }

    # -- writing ------------------------------------------------------------------
    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / "records").mkdir(exist_ok=True)
        with (self.root / "lock").open("a+") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def load(self, items: Iterable[tuple[str, PlanRecord]]) -> LoadSummary:
        """Add or replace records keyed by their file path; unchanged files change nothing.

        A new or changed record goes to a file named after its content (``<path key>-<sha>-<name>``),
        so the record meta.json points at is never overwritten: until meta.json is replaced, a
        crash leaves the old state whole, and the superseded record is removed only after."""
        summary = LoadSummary()
        items = list(items)  # extraction (when items is lazy) happens before the lock is taken
        with self._locked():
            meta = self._meta()
            meta.setdefault("registry_files", [])
            for path in self.registry_files:
                if str(path) not in meta["registry_files"]:
                    meta["registry_files"].append(str(path.resolve()))
            fresh: dict[str, PlanRecord] = {}
            records_dir = self.root / "records"
            for path, record in items:
                key = _file_key(path)
                entry = meta["files"].get(key)
                summary.warnings += len(record.warnings)
                if entry and entry["sha256"] == record.sha256:
                    summary.unchanged.append(path)
                    continue
                (summary.changed if entry else summary.new).append(path)
                name = f"{key[:16]}-{(record.sha256 or '')[:12]}-{safe_filename(Path(path).name)}.json"
                _write_synced(
                    records_dir / name,
                    json.dumps(
                        {**record.to_dict(), "path": path}, ensure_ascii=False, sort_keys=True
                    ).encode(),
                    sync=False,
                )
                meta["files"][key] = {
                    "path": path,
                    "record": name,
                    "sha256": record.sha256,
                    "loaded_at": time.time(),
                }
                fresh[name] = record
            if fresh:
                _sync_records(records_dir, list(fresh))  # every record durable before meta.json names it
            if fresh or not (self.root / "graph.pickle").exists():
                self._commit(meta, fresh)
            if fresh:
                _sweep(records_dir, {e["record"] for e in meta["files"].values()})
        summary.counts = _kind_counts(self.graph())  # not status(): meta.json need not be parsed again
        return summary

    def forget(self, path: str) -> bool:
        with self._locked():
            meta = self._meta()
            key = _file_key(path)
            if key not in meta["files"]:
                hits = [k for k, e in meta["files"].items() if Path(e["path"]).name == Path(path).name]
                if len(hits) != 1:
                    return False
                key = hits[0]
            entry = meta["files"].pop(key)
            self._commit(meta)
            with contextlib.suppress(FileNotFoundError):
                (self.root / "records" / entry["record"]).unlink()
        return True

    def _commit(self, meta: dict[str, Any], fresh: dict[str, PlanRecord] | None = None) -> None:
        """Rebuild the graph from every record (``fresh`` ones from memory, the rest from disk), write
        the snapshot, then meta.json — the commit point. The cyclic GC is paused meanwhile: building
        allocates millions of long-lived objects and nothing to collect (see ``cancu.graph.gc_pause``)."""
        meta["generation"] = meta.get("generation", 0) + 1
        with paused_gc():
            graph = build_graph(self.records(meta, fresh), load_registry(self._registry_paths(meta)))
            # pickled straight into the temp file: no second in-memory copy of the snapshot
            _atomic_write(
                self.root / "graph.pickle", lambda f: pickle.dump((meta["generation"], graph), f, protocol=5)
            )
        _atomic_write(
            self.root / "meta.json", json.dumps(meta, ensure_ascii=False, indent=1, sort_keys=True).encode()
        )
        self._graph = graph

    def add_registry_file(self, path: Path) -> bool:
        """Register a user registry file (e.g. an import) in meta.json and rebuild; False if already there."""
        from cancu.ontology.registry import read_user_csv

        resolved = str(Path(path).resolve())
        read_user_csv(Path(resolved))  # a bad file stops here, file:line, before meta.json changes
        with self._locked():
            meta = self._meta()
            meta.setdefault("registry_files", [])
            if resolved in meta["registry_files"]:
                return False
            meta["registry_files"].append(resolved)
            self._commit(meta)
        return True

    def node(self, key: str) -> dict[str, Any]:
        g = self.graph()
        return {
            "key": key,
            "attrs": dict(g.nodes[key]),
            "out": [(k, b, d) for _, b, k, d in g.out_edges(key, keys=True, data=True)],
            "in": [(k, a, d) for a, _, k, d in g.in_edges(key, keys=True, data=True)],
        }


def _kind_counts(g: nx.MultiDiGraph) -> dict[str, int]:
    kinds: dict[str, int] = {}
    for d in g._node.values():
        kind = d.get("kind", "?")
        kinds[kind] = kinds.get(kind, 0) + 1
    return dict(sorted(kinds.items()))


def _file_key(path: str) -> str:
    """Identity of a loaded file: its resolved path (stdin has none: "stdin")."""
    resolved = path if path == "stdin" else str(Path(path).resolve())
    return hashlib.sha1(resolved.encode("utf-8")).hexdigest()


def _atomic_write(path: Path, data: bytes | Callable[[BinaryIO], object]) -> None:
    """Temp file, fsync, rename, fsync of the directory: ``path`` holds the old or the new bytes.
    ``data`` is the bytes, or a function that writes them to the open file."""
    _write_synced(path, data)
    _fsync_dir(path.parent)


def _write_synced(path: Path, data: bytes | Callable[[BinaryIO], object], sync: bool = True) -> None:
    """Temp file, fsync, rename — the directory entry is made durable by the caller (``_fsync_dir``).
    ``sync=False`` leaves the fsync to the caller too (``_sync_records``, once for a whole load)."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "wb") as f:
            if callable(data):
                data(f)
            else:
                f.write(data)
            f.flush()
            if sync:
                os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _sync_records(records_dir: Path, names: list[str]) -> None:
    """Make a load's new record files and their directory entries durable, before meta.json names them.

    One ``syncfs(2)`` of the store's file system where Linux offers it (an fsync per record was a
    quarter of a national load); else an fsync of each file. Until meta.json names them, the new
    files are unreferenced: a crash before this point loses nothing committed (``_sweep``)."""
    fd = os.open(records_dir, os.O_RDONLY)
    try:
        if _syncfs(fd):
            return
    finally:
        os.close(fd)
    for name in names:
        file_fd = os.open(records_dir / name, os.O_RDONLY)
        try:
            os.fsync(file_fd)
        finally:
            os.close(file_fd)
    _fsync_dir(records_dir)


def _syncfs(fd: int) -> bool:
    """``syncfs(fd)`` through libc; False where there is none (not Linux) or it fails."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.syncfs(fd) == 0
    except (OSError, AttributeError):
        return False


def _sweep(records_dir: Path, referenced: set[str]) -> None:
    """Remove record files meta.json no longer names: superseded versions, and what a load killed
    before its commit left behind (temp files, records never committed). Called under the lock."""
    for f in records_dir.iterdir():
        if f.name not in referenced:
            with contextlib.suppress(FileNotFoundError):
                f.unlink()


def _fsync_dir(directory: Path) -> None:
    dir_fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
