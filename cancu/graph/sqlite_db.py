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
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

try:
    import orjson
except ImportError:  # pragma: no cover -- declared a dependency; ``json`` writes the same text, slower
    orjson = None  # type: ignore[assignment]

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
CREATE TABLE IF NOT EXISTS edges(
    src TEXT NOT NULL, dst TEXT NOT NULL, key TEXT NOT NULL, attrs TEXT NOT NULL,
    PRIMARY KEY(src, dst, key)) WITHOUT ROWID;
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
CREATE TABLE IF NOT EXISTS file_plan(
    plan TEXT NOT NULL, ord TEXT NOT NULL, file TEXT NOT NULL, PRIMARY KEY(plan, ord, file)) WITHOUT ROWID;
DROP INDEX IF EXISTS node_contrib_by_file;
DROP INDEX IF EXISTS edge_contrib_by_file;
"""

#: the graph's secondary indexes: what ``find`` seeks by (number, name, kind) and a node's in-edges
GRAPH_INDEXES = {
    "nodes_by_number": "nodes(number_key) WHERE number_key IS NOT NULL",
    "nodes_by_name": "nodes(name_key)",
    "nodes_by_kind": "nodes(kind)",
    "edges_by_dst": "edges(dst, src, key)",
}
SCHEMA += "".join(f"CREATE INDEX IF NOT EXISTS {name} ON {on};\n" for name, on in GRAPH_INDEXES.items())


@contextlib.contextmanager
def indexes_built_after(db: sqlite3.Connection) -> Iterator[None]:
    """The graph's secondary indexes dropped while an empty graph is filled and built once at the end
    — one sort each instead of a B-tree insert a row — inside the caller's transaction, so a failed
    load keeps them (the rollback restores them with the old rows)."""
    for name in GRAPH_INDEXES:
        db.execute(f"DROP INDEX IF EXISTS {name}")  # noqa: S608 -- the names above
    yield
    for name, on in GRAPH_INDEXES.items():
        db.execute(f"CREATE INDEX {name} ON {on}")  # noqa: S608 -- the definitions above


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


_SORTED = orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS if orjson is not None else 0


def encode(value: Any) -> str:
    """Attributes as JSON text: compact, sorted keys (equal attributes give equal text — the diff).
    orjson writes the very text ``json.dumps(…, ensure_ascii=False, sort_keys=True, separators=(",",
    ":"))`` does, at a third of the CPU (a full load encodes every node and edge); what orjson refuses
    (an integer beyond 64 bits) is written by ``json``."""
    if orjson is not None:
        try:
            return orjson.dumps(value, option=_SORTED).decode()
        except TypeError:
            pass
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def encode_unsorted(value: Any) -> str:
    """Compact JSON text for rows only ever decoded, never compared (the contributions' ops)."""
    if orjson is not None:
        try:
            return orjson.dumps(value).decode()
        except TypeError:
            pass
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def record_text(record: Any, path: str) -> str:
    """A ``files`` row's record: the text ``encode({**record.to_dict(), "path": path})`` gives, with
    orjson walking the dataclasses in C (``to_dict`` walks ~400 Python calls a plan; it was a sixth
    of a full load's store time). The one rename ``to_dict`` makes (a report's ``from_``) is made here
    too; ``tests/test_store_records_text.py`` holds the two texts equal on every seed record."""
    from cancu.ontology.record import Reporting

    def fields(obj: Any) -> dict[str, Any]:
        names = getattr(type(obj), "__dataclass_fields__", None)
        if names is None:
            raise TypeError(type(obj).__name__)
        data = {name: getattr(obj, name) for name in names}
        if isinstance(obj, Reporting):
            data["from"] = data.pop("from_")
        return data

    if orjson is not None:
        try:
            top = fields(record)
            top["path"] = path
            return orjson.dumps(
                top, default=fields, option=_SORTED | orjson.OPT_PASSTHROUGH_DATACLASS
            ).decode()
        except TypeError:
            pass
    return encode({**record.to_dict(), "path": path})


def decode(text: str | bytes) -> Any:
    """A row's JSON text: orjson (twice ``json.loads``' speed); a text it refuses (``NaN``, which
    ``json`` wrote) read by ``json``, whose error is the one a damaged row gives."""
    if orjson is not None:
        try:
            return orjson.loads(text)
        except orjson.JSONDecodeError:
            pass
    return json.loads(text)


def store_exists(root: Path) -> bool:
    return (root / DB_NAME).exists()


def remove_db(root: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(root / (DB_NAME + suffix))
