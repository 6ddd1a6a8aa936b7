"""cancu (căn cứ, "legal basis"): a knowledge graph of legal bases and
responsibility chains in Vietnam's public-administration-reform plans."""

__version__ = "0.1.0"


def open_store(location=None):
    """Open a store (embedded directory or bolt:// server) with the queries as methods."""
    from cancu.api import open_store as _open

    return _open(location)
