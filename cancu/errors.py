"""The documented error types. A leaf module: every layer may import it.

Each error carries one clear line for the user; the CLI prints ``str(err)``
and exits non-zero, never a traceback.
"""


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
