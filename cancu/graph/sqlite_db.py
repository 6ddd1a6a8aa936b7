"""The embedded store's SQLite database: schema, connections, and one-line errors.

Why SQLite (stdlib ``sqlite3``): atomic, durable transactions (a killed writer
leaves the old or the new store), WAL so readers keep answering during a
write, its own file locking on Linux, macOS and Windows, and indexed reads so
a query about one plan reads that plan's rows, not the country. Nothing here
is ever unpickled: rows hold JSON text.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from cancu.errors import StoreError

FORMAT_VERSION = 2
DB_NAME = "cancu.sqlite"
#: a writer waits this long for another writer (a national load holds the lock for minutes)
WRITE_WAIT_S = 3600.0
READ_WAIT_S = 60.0

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files(
    key TEXT PRIMARY KEY, path TEXT NOT NULL, sha256 TEXT, loaded_at REAL, record TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS registries(
    seq INTEGER PRIMARY KEY AUTOINCREMENT, origin TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
    sha256 TEXT NOT NULL, content TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS nodes(
    key TEXT PRIMARY KEY, kind TEXT, number_key TEXT, name_key TEXT, attrs TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS nodes_by_number ON nodes(number_key) WHERE number_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS nodes_by_name ON nodes(name_key);
CREATE INDEX IF NOT EXISTS nodes_by_kind ON nodes(kind);
CREATE TABLE IF NOT EXISTS edges(
    src TEXT NOT NULL, dst TEXT NOT NULL, key TEXT NOT NULL, attrs TEXT NOT NULL,
    PRIMARY KEY(src, dst, key)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS edges_by_dst ON edges(dst, src, key);
CREATE TABLE IF NOT EXISTS graph_attrs(name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS plan_index(plan TEXT PRIMARY KEY, leads TEXT, metrics TEXT) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS node_contrib(
    key TEXT NOT NULL, ord TEXT NOT NULL, file TEXT NOT NULL, ops TEXT NOT NULL,
    PRIMARY KEY(key, ord, file)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS edge_contrib(
    src TEXT NOT NULL, dst TEXT NOT NULL, kind TEXT NOT NULL, ord TEXT NOT NULL, file TEXT NOT NULL,
    ops TEXT NOT NULL, PRIMARY KEY(src, dst, kind, ord, file)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS file_contrib(
    file TEXT PRIMARY KEY, ord TEXT NOT NULL, nodes TEXT NOT NULL, edges TEXT NOT NULL) WITHOUT ROWID;
DROP INDEX IF EXISTS node_contrib_by_file;
DROP INDEX IF EXISTS edge_contrib_by_file;
"""

P = ParamSpec("P")
R = TypeVar("R")


def recovery(root: Path) -> str:
    return f"load the plans again into a new store (move {root} aside or delete it)"


def db_error(root: Path, err: BaseException) -> StoreError:
    """The one line a broken database gives: what is wrong and how to recover."""
    text = str(err).splitlines()[0] if str(err) else err.__class__.__name__
    if isinstance(err, sqlite3.OperationalError) and "locked" in text:
        return StoreError(f"{root}: the store is busy (another cancu is writing); try again")
    if isinstance(err, sqlite3.OperationalError) and ("readonly" in text or "read-only" in text):
        return StoreError(f"{root}: the store is read-only here ({text})")
    if isinstance(err, sqlite3.OperationalError) and "disk" in text and "full" in text:
        return StoreError(f"{root}: the disk is full; nothing was changed ({text})")
    return StoreError(f"{root}: the store's database cannot be read ({text}); {recovery(root)}")


@contextlib.contextmanager
def translated(root: Path) -> Iterator[None]:
    """sqlite3 errors as one-line ``StoreError``s (never a traceback)."""
    try:
        yield
    except sqlite3.Error as err:
        raise db_error(root, err) from err
    except json.JSONDecodeError as err:
        raise StoreError(f"{root}: a row of the store's database is damaged; {recovery(root)}") from err


def connect(root: Path, *, write: bool) -> sqlite3.Connection:
    """A connection in WAL mode; ``isolation_level=None``: transactions are explicit (``BEGIN``)."""
    path = root / DB_NAME
    with translated(root):
        db = sqlite3.connect(
            path,
            timeout=WRITE_WAIT_S if write else READ_WAIT_S,
            isolation_level=None,
            check_same_thread=False,
        )
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        if write:
            db.executescript(SCHEMA)
        else:
            _check_not_truncated(db, root, path)
    return db


def _check_not_truncated(db: sqlite3.Connection, root: Path, path: Path) -> None:
    """A database shorter than its header says was truncated (copied half, disk full): say so now
    rather than at the first page a query happens to read. Asks SQLite for the header's page count
    and ``stat``s the file — never opens the file itself: closing another descriptor of it would
    drop this process's SQLite locks (sqlite.org/howtocorrupt.html, 2.2). Pages still in the WAL
    make a short file legitimate: no verdict then."""
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    try:
        size = path.stat().st_size
    except OSError as err:
        raise StoreError(
            f"{root}: the store's database cannot be read ({err.strerror}); {recovery(root)}"
        ) from err
    try:
        wal = path.with_name(path.name + "-wal").stat().st_size
    except FileNotFoundError:
        wal = 0
    if pages and size < pages * page_size and not wal:
        raise StoreError(
            f"{root}: {DB_NAME} is truncated ({size} of {pages * page_size} bytes); {recovery(root)}"
        )


@contextlib.contextmanager
def transaction(db: sqlite3.Connection, root: Path) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``: the write lock for the whole block, all or nothing."""
    with translated(root):
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")


def get_meta(db: sqlite3.Connection, name: str, default: Any = None) -> Any:
    row = db.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
    return json.loads(row[0]) if row else default


def set_meta(db: sqlite3.Connection, name: str, value: Any) -> None:
    db.execute(
        "INSERT INTO meta(name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value",
        (name, json.dumps(value, ensure_ascii=False, sort_keys=True)),
    )


def encode(value: Any) -> str:
    """Attributes as JSON text: compact, sorted keys (equal attributes give equal text — the diff)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


decode: Callable[[str], Any] = json.loads


def store_exists(root: Path) -> bool:
    return (root / DB_NAME).exists()


def remove_db(root: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(root / (DB_NAME + suffix))
