"""The documented error types. A leaf module: every layer may import it.

Each error carries one clear line for the user; the CLI prints ``str(err)``
and exits non-zero, never a traceback.
"""

import os


class CancuError(Exception):
    """Base of every error cancu reports to a user."""

    exit_code = 2


class InputError(CancuError):
    """An input file cannot be read: missing, empty, binary, unsupported, no text layer."""


class RegistryError(CancuError):
    """A registry file (CSV) is malformed; the message names the file and line."""


class StoreError(CancuError):
    """The store cannot be opened or written (format version, lock, corruption)."""


class QueryError(CancuError):
    """A query names something the graph does not hold, or its arguments are wrong."""


def shown(path: str | os.PathLike[str]) -> str:
    """A path as one can print it: bytes of its name that are not UTF-8 (a name written by an old
    system) as ``\\xff`` escapes, never the lone surrogates Python keeps them as, which no terminal
    or store encodes (``cancu load`` once died on one and loaded nothing)."""
    text = os.fspath(path)
    try:
        raw = os.fsencode(text)
    except UnicodeEncodeError:  # a surrogate that did not come from the file system
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def utf8_name(path: str | os.PathLike[str]) -> bool:
    """Whether the path's name is valid UTF-8 (it can be stored, printed and looked up as text)."""
    try:
        os.fspath(path).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
