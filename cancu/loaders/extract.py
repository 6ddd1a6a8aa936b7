"""The extraction pipeline: decode -> fold -> header -> citations -> (targets,
tasks, assignments, reporting) -> PlanRecord, every fact with its span."""

from __future__ import annotations

import sys
from pathlib import Path

from cancu.loaders.citations import find_citations
from cancu.loaders.decode import Decoded, decode_bytes, decode_path, expand_inputs
from cancu.loaders.fold import fold
from cancu.loaders.metadata import read_header
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
    folded = fold(decoded.text)
    header = read_header(folded)
    record.document = header.info
    record.warnings.extend(header.warnings)
    bases, refs, warnings = find_citations(
        folded, header.place, header.info.level, header.info.number, header.title_end
    )
    record.legal_bases, record.references = bases, refs
    record.warnings.extend(warnings)
    from cancu.loaders.effectivity import read_effectivity

    record.effectivity = read_effectivity(folded, header.info.number, header.info.date).to_dict()
    if not bases:
        record.warnings.append("legal_bases: no opening basis clause (Căn cứ / Thực hiện / Triển khai) found")
    _extract_body(folded, header, record)
    return record


def _extract_body(folded, header, record: PlanRecord) -> None:
    """Targets, tasks, assignments and reporting lines (when their extractors are present)."""
    from cancu.loaders.plan_body import extract_body

    extract_body(folded, header, record)


def extract_path(path: Path) -> PlanRecord:
    return extract_decoded(decode_path(path))


def extract_inputs(args: tuple[str, ...] | list[str]) -> list[PlanRecord]:
    """Files, folders (recursive) and ``-`` (stdin), in the order given."""
    records = []
    for arg in args:
        if arg == "-":
            records.append(extract_decoded(decode_bytes(sys.stdin.buffer.read(), "stdin")))
            continue
        for path in expand_inputs(Path(arg)):
            records.append(extract_path(path))
    return records
