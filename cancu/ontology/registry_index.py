"""A per-number index beside an imported registry CSV, so that loading a store never re-reads it.

``cancu registry import`` writes ``imported-<n>.csv`` and, next to it,
``imported-<n>.csv.index.sqlite``: one row per registry row (number key, byte
offset, length, line). A later load opens the index (no scan of the CSV) and
reads only the rows of the numbers the plans cite — one indexed lookup each —
so a 172k-row import costs a load what a store without it costs. The index
records the CSV's size and modification time; if the CSV changed, the index is
ignored and the CSV is read in full, as any user registry file is.

The index holds only what cancu wrote (keys and integers), read back with
parameterised SQL; nothing is unpickled.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import sqlite3
import tempfile
from pathlib import Path

from cancu.errors import RegistryError
from cancu.ontology.ids import number_key

SUFFIX = ".index.sqlite"
VERSION = "1"
_BATCH = 20_000


def index_path(csv_path: Path) -> Path:
    return csv_path.with_name(csv_path.name + SUFFIX)


class IndexWriter:
    """Collects (key, offset, length, line) while a registry CSV is written; ``commit`` after the CSV is in place."""

    def __init__(self, csv_path: Path) -> None:
        self.csv_path = csv_path
        fd, self.tmp = tempfile.mkstemp(dir=csv_path.parent, prefix=".tmp-", suffix=SUFFIX)
        os.close(fd)
        self.db = sqlite3.connect(self.tmp)
        self.db.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
            "CREATE TABLE rows(key TEXT NOT NULL, offset INTEGER NOT NULL, length INTEGER NOT NULL, line INTEGER NOT NULL);"
            "CREATE TABLE meta(name TEXT PRIMARY KEY, value TEXT NOT NULL);"
        )
        self.pending: list[tuple[str, int, int, int]] = []

    def add(self, number: str, offset: int, length: int, line: int) -> None:
        self.pending.append((number_key(number), offset, length, line))
        if len(self.pending) >= _BATCH:
            self._flush()

    def _flush(self) -> None:
        self.db.executemany("INSERT INTO rows VALUES (?, ?, ?, ?)", self.pending)
        self.pending.clear()

    def commit(self) -> Path:
        self._flush()
        st = self.csv_path.stat()
        self.db.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [("version", VERSION), ("size", str(st.st_size)), ("mtime_ns", str(st.st_mtime_ns))],
        )
        self.db.execute("CREATE INDEX rows_key ON rows(key)")
        self.db.commit()
        self.db.close()
        final = index_path(self.csv_path)
        os.replace(self.tmp, final)
        return final

    def abort(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.tmp)


class IndexedFile:
    """An imported registry CSV read through its index: rows of one number key on demand."""

    def __init__(self, csv_path: Path, db: sqlite3.Connection, header: list[str]) -> None:
        self.path = csv_path
        self.db = db
        self.header = header
        self._memo: dict[str, list] = {}

    @classmethod
    def open(cls, csv_path: Path) -> IndexedFile | None:
        """The file through its index, or None when there is no index or it does not describe this CSV."""
        idx = index_path(csv_path)
        if not idx.is_file() or not csv_path.is_file():
            return None
        try:
            db = sqlite3.connect(f"{idx.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
            meta = dict(db.execute("SELECT name, value FROM meta").fetchall())
        except sqlite3.Error:
            return None
        st = csv_path.stat()
        if meta != {"version": VERSION, "size": str(st.st_size), "mtime_ns": str(st.st_mtime_ns)}:
            db.close()
            return None
        with csv_path.open(encoding="utf-8-sig", newline="") as f:
            header = next(csv.reader(f), [])
        return cls(csv_path, db, header)

    def count(self) -> int:
        return self.db.execute("SELECT count(*) FROM rows").fetchone()[0]

    def raw_rows(self, key: str) -> list[dict[str, str]]:
        """The CSV rows (dicts with ``_line``) whose number has ``key``, in file order."""
        hits = self.db.execute(
            "SELECT offset, length, line FROM rows WHERE key = ? ORDER BY offset", (key,)
        ).fetchall()
        if not hits:
            return []
        out = []
        with self.path.open("rb") as f:
            for offset, length, line in hits:
                f.seek(offset)
                text = f.read(length).decode("utf-8")
                values = next(csv.reader(io.StringIO(text)), [])
                if len(values) != len(self.header):
                    raise RegistryError(
                        f"{self.path.name}:{line}: expected {len(self.header)} fields, found {len(values)}"
                    )
                row = dict(zip(self.header, values, strict=True))
                row["_line"] = str(line)
                out.append(row)
        return out

    def rows(self, key: str) -> list:
        """StatusRows of one number key (memoised: a load asks for the same few hundred numbers)."""
        if key not in self._memo:
            from cancu.ontology.registry import _status_row

            self._memo[key] = [_status_row(r, self.path.name) for r in self.raw_rows(key)]
        return self._memo[key]


#: a user registry file at least this large is scanned for its numbers instead of parsed whole
SCAN_FROM_BYTES = 4 << 20


class ScannedFile:
    """A large registry CSV with no index (e.g. the store's copy of an import): one pass finds each row's
    byte range and number key without parsing the row; rows are parsed when a citation asks for their
    number. The bytes are held (a store's temporary copy is gone once the registry is built). A copy the
    store holds was validated row by row when it was stored (``validate_user_csv``)."""

    def __init__(
        self, path: Path, data: bytes, header: list[str], spans: dict[str, list[tuple[int, int, int]]]
    ) -> None:
        self.path = path
        self.data = data
        self.header = header
        self._spans = spans
        self._memo: dict[str, list] = {}

    @classmethod
    def open(cls, csv_path: Path) -> ScannedFile | None:
        """The file scanned, or None when it is small or not a status registry (read it whole instead)."""
        from cancu.ontology.registry import STATUS_FIELDS

        try:
            if csv_path.stat().st_size < SCAN_FROM_BYTES:
                return None
            data = csv_path.read_bytes()
        except OSError:
            return None
        lines = data.splitlines(keepends=True)
        offset, header, n = 0, None, 0
        for n, raw in enumerate(
            lines, 1
        ):  # comment and blank lines before the header, as parse_rows skips them
            offset += len(raw)
            text = raw.decode("utf-8-sig" if n == 1 else "utf-8", errors="replace")
            if text.strip() and not text.startswith("#"):
                header = [h.strip() for h in next(csv.reader([text]), [])]
                break
        if not header or not set(STATUS_FIELDS) <= set(header) or header[0] != "number":
            return None
        spans: dict[str, list[tuple[int, int, int]]] = {}
        start, first_line, quotes = offset, n + 1, 0
        for lineno in range(n + 1, len(lines) + 1):
            raw = lines[lineno - 1]
            offset += len(raw)
            quotes += raw.count(b'"')
            if quotes % 2:  # a quoted field goes on over the next line
                continue
            chunk = data[start:offset]
            if chunk.strip() and not chunk.startswith(b"#"):
                spans.setdefault(_first_field_key(chunk), []).append((start, offset - start, first_line))
            start, first_line, quotes = offset, lineno + 1, 0
        return cls(csv_path, data, header, spans)

    def rows(self, key: str) -> list:
        if key not in self._memo:
            from cancu.ontology.registry import _status_row

            out = []
            for offset, length, line in self._spans.get(key, ()):
                text = self.data[offset : offset + length].decode("utf-8")
                values = next(csv.reader(io.StringIO(text)), [])
                if len(values) != len(self.header):
                    raise RegistryError(
                        f"{self.path.name}:{line}: expected {len(self.header)} fields, found {len(values)}"
                    )
                row = dict(zip(self.header, (v.strip() for v in values), strict=True))
                row["_line"] = str(line)
                out.append(_status_row(row, self.path.name))
            self._memo[key] = out
        return self._memo[key]


def _first_field_key(chunk: bytes) -> str:
    if chunk.startswith(b'"'):
        first = next(csv.reader(io.StringIO(chunk.decode("utf-8", errors="replace"))), [""])[0]
    else:
        first = chunk.split(b",", 1)[0].decode("utf-8", errors="replace")
    return number_key(first.strip())
