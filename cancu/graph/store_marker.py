"""``STORE/meta.json``: a small marker naming the store's format, never its contents.

Why keep a JSON file beside the database: a cancu that reads format 1 opens ``meta.json`` first
and refuses a directory whose ``format_version`` it does not know, with one line — so an older
release never misreads a newer store. The database holds everything else.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from cancu.errors import StoreError
from cancu.graph.sqlite_db import DB_NAME, FORMAT_VERSION

MARKER = "meta.json"


def read_marker(root: Path) -> dict[str, Any] | None:
    """The marker (None when absent); a format this cancu does not read is a one-line error."""
    path = root / MARKER
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as err:
        raise StoreError(f"{path}: unreadable store metadata ({err.__class__.__name__})") from err
    try:
        meta = json.loads(text)
    except json.JSONDecodeError as err:
        raise StoreError(f"{path}: unreadable store metadata ({err.__class__.__name__})") from err
    version = meta.get("format_version") if isinstance(meta, dict) else None
    if version not in (1, FORMAT_VERSION):
        raise StoreError(
            f"{root}: store format {version!r} but this cancu reads formats 1 and {FORMAT_VERSION}; "
            "load the plans into a new store"
        )
    return meta


def write_marker(root: Path, **extra: Any) -> None:
    """Atomically (temp file, fsync, rename, directory fsync)."""
    data = json.dumps(
        {"format_version": FORMAT_VERSION, "database": DB_NAME, **extra}, ensure_ascii=False, indent=1
    ).encode()
    fd, tmp = tempfile.mkstemp(dir=root, prefix=".tmp-", suffix=".json")
    try:
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the marker is not
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, root / MARKER)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):  # not every OS can open a directory (Windows)
        dir_fd = os.open(root, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
