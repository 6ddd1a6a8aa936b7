"""Compiled regexes kept on disk, so a fresh process does not parse them again.

The readers hold some 700 regexes, a few of them tens of thousands of characters
long (every agency phrase with its OCR variants). Python parses and compiles a
regex in pure Python: about 0.7 s of CPU in every process that extracts, most of
what ``cancu load ONE_FILE`` or a CLI's one added plan pays (issue 16), against
some 10 ms to extract the file itself.

``install()`` (run when this module is first imported) wraps the standard library's last compile step so that the
``_sre`` code of a (pattern, flags) it has seen before is read from a cache file
instead of being computed. The key is the exact pattern text and flags; the file
is tied to the Python build (``cache_tag``, ``_sre.MAGIC``, ``CODESIZE``), and
``_sre`` validates every code it is given, so a stale or damaged file costs a
recompile, never a wrong regex. The file is written once, at exit, by the process
that installed the hook (not by forked workers), atomically, and only when it
learned a new pattern. ``CANCU_REGEX_CACHE=0`` turns it off;
``CANCU_CACHE_DIR`` moves it (default ``$XDG_CACHE_HOME/cancu`` or ``~/.cache/cancu``).
"""

from __future__ import annotations

import _sre
import atexit
import contextlib
import marshal
import os
import sys
import tempfile
import time
from array import array
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]

#: entries kept in the file at most: the readers need some 800; other programs' patterns beyond that are dropped
MAX_ENTRIES = 4000
_FORMAT = 1
_TAG = f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}-{_FORMAT}"

#: (pattern, flags) -> (final flags, groups, groupindex, indexgroup, code as bytes)
Entry = tuple[int, int, dict[str, int], tuple[str | None, ...], bytes]

_entries: dict[tuple[str, int], Entry] = {}
_used: set[tuple[str, int]] = set()
_learned = False
_installed_pid: int | None = None
_last_write = 0.0
SAVE_EVERY = 2.0
"""Seconds between two checkpoints of one process."""
_stdlib_compile = _compiler.compile


def cache_path() -> Path | None:
    """The cache file, or None when there is no home to keep it in (never a "~" folder in the cwd)."""
    folder = os.environ.get("CANCU_CACHE_DIR")
    if not folder:
        base = os.environ.get("XDG_CACHE_HOME")
        if not base:
            home = os.path.expanduser("~")
            if home == "~":
                return None
            base = os.path.join(home, ".cache")
        folder = os.path.join(base, "cancu")
    return Path(folder) / f"regex-{_TAG}.bin"


def _supported() -> bool:
    """The wrapped step is the one of CPython 3.11 to 3.13 (its source is replicated in ``_code_of``)."""
    return (
        sys.implementation.name == "cpython"
        and (3, 11) <= sys.version_info[:2] <= (3, 13)
        and hasattr(_compiler, "_code")
        and hasattr(_sre, "compile")
        and array("I").itemsize == _sre.CODESIZE
    )


def _code_of(pattern: str, flags: int) -> Entry:
    """What ``re._compiler.compile`` hands to ``_sre.compile``, as one cache entry."""
    p = _parser.parse(pattern, flags)
    code = _compiler._code(p, flags)
    groupindex = dict(p.state.groupdict)
    indexgroup: list[str | None] = [None] * p.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    return (
        flags | p.state.flags,
        p.state.groups - 1,
        groupindex,
        tuple(indexgroup),
        array("I", code).tobytes(),
    )


def _build(pattern: str, entry: Entry):
    final_flags, groups, groupindex, indexgroup, code = entry
    return _sre.compile(pattern, final_flags, array("I", code).tolist(), groups, groupindex, indexgroup)


def _compile(p, flags=0):
    """``re._compiler.compile``, answered from the cache for a str pattern it holds."""
    global _learned
    if type(p) is not str or type(flags) is not int or flags & _compiler.SRE_FLAG_DEBUG:
        return _stdlib_compile(p, flags)  # bytes, or a str subclass (lxml's strings): not kept
    key = (p, flags)
    entry = _entries.get(key)
    if entry is not None:
        try:
            rx = _build(p, entry)
        except Exception:  # damaged or foreign entry: compile as usual, and store the right one
            _entries.pop(key, None)
        else:
            _used.add(key)
            return rx
    entry = _code_of(p, flags)  # raises re.error for a bad pattern, as the standard step does
    rx = _build(p, entry)
    _entries[key] = entry
    _used.add(key)
    _learned = True
    return rx


def _valid(item: object) -> bool:
    if not (isinstance(item, tuple) and len(item) == 7):
        return False
    pattern, flags, final_flags, groups, groupindex, indexgroup, code = item
    return (
        isinstance(pattern, str)
        and isinstance(flags, int)
        and isinstance(final_flags, int)
        and isinstance(groups, int)
        and isinstance(groupindex, dict)
        and all(isinstance(k, str) and isinstance(v, int) for k, v in groupindex.items())
        and isinstance(indexgroup, tuple)
        and all(g is None or isinstance(g, str) for g in indexgroup)
        and isinstance(code, bytes)
        and len(code) % array("I").itemsize == 0
    )


def _read(path: Path) -> dict[tuple[str, int], Entry]:
    """The entries of a cache file ({} when it is missing, damaged or of another Python build)."""
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if not (isinstance(data, tuple) and len(data) == 2 and data[0] == _TAG and isinstance(data[1], list)):
        return {}
    out: dict[tuple[str, int], Entry] = {}
    for item in data[1]:
        if _valid(item):
            pattern, flags, *entry = item
            out.setdefault((pattern, flags), tuple(entry))  # type: ignore[arg-type]
    return out


def _load(path: Path) -> None:
    for key, entry in _read(path).items():
        _entries.setdefault(key, entry)


def save(path: Path | None = None) -> None:
    """At exit, in the process that installed the cache: write what it learned (see ``_write``)."""
    if _learned and os.getpid() == _installed_pid:
        with contextlib.suppress(Exception):  # a cache never turns a clean exit into a traceback
            _write(path)


def checkpoint() -> None:
    """Write what this process learned, at most every SAVE_EVERY seconds: extraction workers are forked and
    never run exit handlers, and the patterns only they compile (those the parent's first file did not
    need) would be compiled again by every worker of every load."""
    global _last_write
    if not _learned or _installed_pid is None or time.monotonic() - _last_write < SAVE_EVERY:
        return
    _last_write = time.monotonic()
    with contextlib.suppress(Exception):  # a cache never fails an extraction
        _write()


def _write(path: Path | None = None) -> None:
    """Write the cache: the patterns this process used first, then the others it holds, then those another
    process wrote meanwhile (workers and their parent each add theirs), up to MAX_ENTRIES."""
    global _learned
    path = path or cache_path()
    if path is None:
        return
    _learned = False
    on_disk = _read(path)
    keys = [k for k in _entries if k in _used] + [k for k in _entries if k not in _used]
    items = [(k[0], k[1], *_entries[k]) for k in keys[:MAX_ENTRIES]]
    items += [(k[0], k[1], *e) for k, e in on_disk.items() if k not in _entries][: MAX_ENTRIES - len(items)]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".regex-", suffix=".tmp")
    except OSError:  # a read-only home: no cache, the next process compiles again
        return
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(marshal.dumps((_TAG, items)))
        os.replace(tmp, path)
    except (OSError, ValueError):  # ValueError: marshal met a value it cannot write
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def install() -> bool:
    """Answer this process's regex compiles from the cache file (once; True when active)."""
    global _installed_pid
    if _installed_pid is not None:
        return True
    if os.environ.get("CANCU_REGEX_CACHE", "1") == "0" or not _supported():
        return False
    path = cache_path()
    if path is not None:
        _load(path)
    _installed_pid = os.getpid()
    _compiler.compile = _compile
    atexit.register(save)
    return True


def uninstall() -> None:
    """Give the standard compile step back (tests)."""
    global _installed_pid, _learned
    _compiler.compile = _stdlib_compile
    _installed_pid = None
    _learned = False
    _entries.clear()
    _used.clear()


install()  # on import: extract.py imports this module before the readers, whose imports compile patterns
