"""The extraction pipeline: decode -> fold -> segment -> find facts -> PlanRecord."""

from __future__ import annotations

from pathlib import Path

from cancu.loaders.decode import Decoded, decode_path
from cancu.ontology.record import PlanRecord


def extract_decoded(decoded: Decoded) -> PlanRecord:
    """Every fact of one decoded document, each with its span into ``decoded.text``."""
    record = PlanRecord(
        source=Path(decoded.source).name,
        sha256=decoded.sha256,
        text_length=len(decoded.text),
        format=decoded.format,
        encoding=decoded.encoding,
        warnings=list(decoded.warnings),
    )
    return record


def extract_path(path: Path) -> PlanRecord:
    return extract_decoded(decode_path(path))


def extract_inputs(args: tuple[str, ...] | list[str]) -> list[PlanRecord]:
    """Files, folders (recursive) and ``-`` (stdin), in the order given."""
    import sys

    from cancu.loaders.decode import decode_bytes, expand_inputs

    records = []
    for arg in args:
        if arg == "-":
            records.append(extract_decoded(decode_bytes(sys.stdin.buffer.read(), "stdin")))
            continue
        for path in expand_inputs(Path(arg)):
            records.append(extract_path(path))
    return records
