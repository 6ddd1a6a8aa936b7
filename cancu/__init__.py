"""cancu (căn cứ, "legal basis"): a knowledge graph of legal bases and
responsibility chains in Vietnam's public-administration-reform plans."""

__version__ = "0.1.0"
