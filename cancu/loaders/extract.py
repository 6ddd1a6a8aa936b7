"""The extraction pipeline: decode -> fold -> header -> citations -> (targets,
tasks, assignments, reporting) -> PlanRecord, every fact with its span."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from cancu.loaders import regex_cache  # first: installs the regex cache that the readers' imports use
from cancu.loaders.citations import find_citations
from cancu.loaders.decode import Decoded, decode_bytes, decode_path, expand_inputs, read_limited
from cancu.loaders.fold import fold
from cancu.loaders.layout import mask_layout
from cancu.loaders.metadata import read_header
from cancu.ontology.record import PlanRecord

#: text this long with no number, basis, target or task is worth a warning (a 20,000-page PDF of one stream)
LARGE_TEXT = 200_000


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
    folded = mask_layout(fold(decoded.text))
    header = read_header(folded)
    record.document = header.info
    record.page_metadata = header.page or None
    record.warnings.extend(header.warnings)
    bases, refs, warnings = find_citations(
        folded, header.place, header.info.level, header.info.number, header.title_end, header.start
    )
    record.legal_bases, record.references = bases, refs
    record.warnings.extend(warnings)
    from cancu.loaders.effectivity import read_effectivity

    record.effectivity = read_effectivity(folded, header.info.number, header.info.date).to_dict()
    if not bases:
        record.warnings.append("legal_bases: no opening basis clause (Căn cứ / Thực hiện / Triển khai) found")
    _extract_body(folded, header, record)
    if len(decoded.text) >= LARGE_TEXT and not (
        record.document.number or bases or record.targets or record.tasks
    ):
        record.warnings.append(
            f"no plan facts found in {len(decoded.text):,} characters of text: is this a plan?"
        )
    regex_cache.checkpoint()  # a forked worker keeps the patterns it compiled for the next load
    return record


def _extract_body(folded, header, record: PlanRecord) -> None:
    """Targets, tasks, assignments and reporting lines (when their extractors are present)."""
    from cancu.loaders.plan_body import extract_body

    extract_body(folded, header, record)


def extract_path(path: Path) -> PlanRecord:
    return extract_decoded(decode_path(path))


def extract_many(paths: Sequence[Path], jobs: int = 1) -> Iterator[PlanRecord]:
    """Records of ``paths``, in their order, extracted by ``jobs`` processes.

    Extraction is pure CPU and independent per file, so a country's plans scale
    with the cores (the bench_scale load figures use this); one process when
    ``jobs`` is 1 or there are few files. The first file that cannot be read
    stops the run with its own error, as in a single process."""
    if jobs <= 1 or len(paths) < 2 * jobs:
        for path in paths:
            yield extract_path(path)
        return
    from concurrent.futures import ProcessPoolExecutor

    # The first file is read here, before the workers start: it compiles the readers' patterns (most of a
    # small load's CPU), which forked workers then inherit instead of each compiling them again.
    yield extract_path(paths[0])
    rest = paths[1:]
    # The platform's default start method (fork on Linux before 3.14): spawn and forkserver
    # re-import the caller's __main__ in every worker, which breaks scripts without a main guard.
    with ProcessPoolExecutor(jobs) as pool:
        yield from pool.map(extract_path, rest, chunksize=max(1, min(16, len(rest) // (4 * jobs))))


def default_jobs() -> int:
    """Processes for extraction: the cores this process may use (``CANCU_JOBS`` overrides)."""
    env = os.environ.get("CANCU_JOBS", "").strip()
    if env.isdigit() and int(env) > 0:
        return int(env)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def extract_inputs(args: tuple[str, ...] | list[str]) -> list[PlanRecord]:
    """Files, folders (recursive) and ``-`` (stdin), in the order given."""
    records = []
    for arg in args:
        if arg == "-":
            records.append(extract_decoded(decode_bytes(read_limited(sys.stdin.buffer, "stdin"), "stdin")))
            continue
        for path in expand_inputs(Path(arg)):
            records.append(extract_path(path))
    return records
