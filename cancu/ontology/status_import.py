"""Import exports of the national legal databases into the status registry.

A published dump (th1nhng0, billpham, Mrkent1234 … as they are; CSV, JSONL,
or Parquet when pyarrow is installed) of vbpl.vn or thuvienphapluat.vn is
streamed row by row into a registry CSV with the columns of
``document_status.csv`` (plus where each row came from and when it was
imported), with a per-number index beside it (``registry_index``). The
layouts are data (``dump_layouts``); a relationships table adds successors and
amendments (``dump_relations``). Rows that cannot be mapped are counted by
reason with their first ``file:line``, never guessed. Layouts and precedence
are documented in docs/legal-status.md.

This module imports nothing of cancu outside ``cancu.ontology`` and
``cancu.errors``; callers hand it a progress callback.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cancu.errors import InputError, RegistryError
from cancu.ontology import dump_layouts
from cancu.ontology.datafiles import read_rows
from cancu.ontology.ids import ascii_fold
from cancu.ontology.registry import ISO_DATE, StatusRow, _number_key, _status_row, place_of_issuer, shipped
from cancu.ontology.registry_index import IndexedFile, IndexWriter, index_path

if TYPE_CHECKING:
    from cancu.ontology.dump_relations import Relations

#: columns written (those of document_status.csv, then provenance of the import)
OUT_FIELDS = (
    "number",
    "year",
    "doc_type",
    "issuer",
    "title",
    "date_issued",
    "date_effective",
    "status",
    "status_date",
    "replaced_by",
    "amended_by",
    "period_end",
    "confidence",
    "source",
    "note",
    "scope",
    "jurisdiction",
    "source_file",
    "source_line",
    "imported_at",
)

#: export layout -> our field -> the export's column names (first present wins): ``data/dump_layouts.csv``
LAYOUTS: dict[str, dict[str, tuple[str, ...]]] = dump_layouts.layouts()
FORMATS = (*LAYOUTS, "csv")
PREFER = ("import", "shipped", "text")
_DMY = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})")
_YMD = re.compile(r"((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?")
_NO_DATE = {"", "khong xac dinh", "chua xac dinh", "dang cap nhat", "...", "-", "null", "none", "nan"}
_YEAR_IN_NUMBER = re.compile(r"/((?:19|20)\d{2})/")
_SPLIT_LIST = re.compile(r"\s*[|;]\s*")


class Unmapped(Exception):
    """A row that cannot be mapped; the message is the reason it is counted under."""


@dataclass
class ImportReport:
    source: str
    fmt: str
    output: Path | None = None
    held: Path | None = None
    read: int = 0
    written: int = 0
    held_back: int = 0
    conflicts: int = 0
    unmapped: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)  # reason -> first "file:line"
    relations: Relations | None = None

    def lines(self) -> list[str]:
        out = [
            f"read {self.read} row(s) of {self.source} ({self.fmt}): {self.written} written"
            + (f" to {self.output}" if self.output else "")
        ]
        if self.conflicts:
            out.append(
                f"{self.conflicts} row(s) disagree with another source (see cancu registry show NUMBER)"
            )
        if self.held_back:
            out.append(f"{self.held_back} conflicting row(s) held back by precedence in {self.held}")
        for reason, n in sorted(self.unmapped.items(), key=lambda kv: (-kv[1], kv[0])):
            out.append(f"not mapped: {n} row(s): {reason} (first at {self.examples[reason]})")
        if self.relations is not None:
            rel = self.relations
            out.append(f"read {rel.read} relationship row(s):")
            for reason, n in sorted(rel.counts.items(), key=lambda kv: (-kv[1], kv[0])):
                where = f" (first at {rel.examples[reason]})" if reason in rel.examples else ""
                out.append(f"  {n} {reason}{where}")
        return out


# ---------------------------------------------------------------- vocabulary
@lru_cache(maxsize=4096)
def phrase_key(text: str) -> str:
    """A database phrase folded for matching: case, diacritics, punctuation, spacing and a trailing parenthesis."""
    text = re.sub(r"\(.*?\)\s*$", "", text or "")
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", ascii_fold(text).lower()).split())


@cache
def status_vocab() -> dict[str, tuple[str, str]]:
    """Folded phrase -> (ontology status, note) from ``status_vocab.csv``."""
    return {phrase_key(r["phrase"]): (r["status"], r["note"]) for r in read_rows("status_vocab.csv")}


def map_status(phrase: str) -> tuple[str, str]:
    hit = status_vocab().get(phrase_key(phrase))
    if hit is None:
        raise Unmapped("unknown status")
    return hit


# ---------------------------------------------------------------- values
def parse_day(value: Any, what: str) -> str | None:
    """An export's date ("23/04/2018", "2018-04-23", "2018-04-23T00:00:00") as ISO, or None when absent."""
    if value is None:
        return None
    iso = _iso_day(str(value).strip())
    if iso is False:
        raise Unmapped(f"bad date ({what})")
    return iso


@lru_cache(maxsize=1 << 16)
def _iso_day(text: str) -> str | None | bool:
    """ISO day of a date text, None when it says "no date", False when it is no date at all (memoised: a
    dump of 172k rows holds a few thousand distinct days)."""
    if (m := _DMY.fullmatch(text)) is not None:
        d, mo, y = (int(g) for g in m.groups())
    elif (m := _YMD.fullmatch(text)) is not None:
        y, mo, d = (int(g) for g in m.groups())
    elif text in _NO_DATE or phrase_key(text) in _NO_DATE:
        return None
    else:
        return False
    try:
        return date(y, mo, d).isoformat()
    except ValueError:
        return False


def clean_number(value: Any) -> str:
    text = unicodedata.normalize("NFC", str(value or "")).strip()
    if " " not in text and text[:2].lower() not in ("số", "so"):
        return text
    text = re.sub(r"^(?:số|so|Số|SỐ)\s*:?\s*", "", text)
    text = re.sub(r"\s*([/-])\s*", r"\1", text)
    return " ".join(text.split())


def _list(value: Any) -> tuple[str, ...]:
    if not value:
        return ()
    if isinstance(value, list):
        return tuple(clean_number(v) for v in value if clean_number(v))
    return tuple(clean_number(v) for v in _SPLIT_LIST.split(str(value)) if clean_number(v))


@lru_cache(maxsize=64)
def _basename(path: str) -> str:
    return Path(path).name


def _pick(raw: dict[str, Any], names: tuple[str, ...]) -> Any:
    for n in names:
        if n in raw and raw[n] not in (None, ""):
            return raw[n]
    return None


def map_row(
    raw: dict[str, Any],
    fmt: str,
    *,
    source_file: str,
    line: int,
    imported_at: str,
    confidence: str = "medium",
    relations: Relations | None = None,
) -> dict[str, str]:
    """One export row -> one registry row (the columns of OUT_FIELDS); raises Unmapped(reason)."""
    if fmt == "csv":
        out = {k: str(raw.get(k) or "").strip() for k in OUT_FIELDS}
        out.update(source_file=source_file, source_line=str(line), imported_at=imported_at)
        if not out["number"]:
            raise Unmapped("no number")
        if out["status"] not in {"in_force", "amended", "partly_expired", "replaced", "expired", "unknown"}:
            raise Unmapped("unknown status")
        for f in ("date_issued", "date_effective", "status_date", "period_end"):
            if out[f] and not ISO_DATE.fullmatch(out[f]):
                raise Unmapped(f"bad date ({f})")
        out["confidence"] = out["confidence"] or confidence
        out["source"] = out["source"] or f"{_basename(source_file)}:{line}"
        return out
    source_name = _basename(source_file)
    cols = LAYOUTS[fmt]
    number = clean_number(_pick(raw, cols["number"]))
    if not number or not any(ch.isdigit() for ch in number):
        raise Unmapped("no number")
    phrase = str(_pick(raw, cols["status"]) or "").strip()
    if not phrase:
        raise Unmapped("no status")
    status, vocab_note = map_status(phrase)
    issued = _day(raw, cols, "date_issued")
    effective = _day(raw, cols, "date_effective")
    ended = _day(raw, cols, "status_date")
    replaced_by = _list(_pick(raw, cols.get("replaced_by", ())))
    amended_by = _list(_pick(raw, cols.get("amended_by", ())))
    if relations is not None:
        replaced_by, amended_by = relations.merge(raw, cols, replaced_by, amended_by, status)
    if status == "expired" and replaced_by:
        status = "replaced"
    if status == "in_force" and ended and ended <= imported_at[:10]:
        raise Unmapped("status contradicts its end date")
    year_m = _YEAR_IN_NUMBER.search(number)
    year = year_m.group(1) if year_m else (issued[:4] if issued else "")
    scope = _text(raw, cols, "scope")
    issuer = issuer_body(_text(raw, cols, "issuer"))
    url = _text(raw, cols, "url")
    note = f"{cols['status'][0]}: {phrase}" + (f"; {vocab_note}" if vocab_note else "")
    if effective:
        note += f"; ngày hiệu lực {effective}"
    if reason := _text(raw, cols, "reason_ended"):
        note += f"; {cols['reason_ended'][0]}: {reason}"
    return {
        "number": number,
        "year": year,
        "doc_type": _text(raw, cols, "doc_type"),
        "issuer": issuer,
        "title": _text(raw, cols, "title"),
        "date_issued": issued or "",
        "date_effective": effective or "",
        "status": status,
        "status_date": ended if status in ("replaced", "expired", "partly_expired") and ended else "",
        "replaced_by": "|".join(replaced_by),
        "amended_by": "|".join(amended_by),
        "period_end": "",
        "confidence": confidence,
        "source": url or f"{fmt} export {source_name}:{line}",
        "note": note,
        "scope": scope,
        "jurisdiction": place_of(issuer, scope),
        "source_file": source_file,
        "source_line": str(line),
        "imported_at": imported_at,
    }


def _text(raw: dict[str, Any], cols: dict[str, tuple[str, ...]], what: str) -> str:
    return str(_pick(raw, cols.get(what, ())) or "").strip()


def _day(raw: dict[str, Any], cols: dict[str, tuple[str, ...]], what: str) -> str | None:
    names = cols.get(what, ())
    return parse_day(_pick(raw, names), names[0]) if names else None


def issuer_body(text: str) -> str:
    """The body of "Hội đồng Nhân dân tỉnh Đắk Nông / Chủ tịch / Lê Diễn" (vbpl's Cơ quan / Chức danh / Người ký)."""
    return text.split(" / ", 1)[0].split("/ ", 1)[0].strip() if "/" in text else text


def place_of(issuer: str, scope: str) -> str:
    """The unit id of a local issuer (``registry.place_of_issuer``: province, or district of a province);
    empty for a national document (scope "Toàn quốc" or no place named)."""
    return place_of_issuer(issuer, scope) or ""


# ---------------------------------------------------------------- reading exports
def _byte_lines(path: Path, progress: Callable[[int], None] | None) -> Iterator[str]:
    """Decoded lines; ``progress`` is told the bytes read about once a megabyte (a bar redrawn per line of a
    million-line table costs more than the import)."""
    pending = 0
    with path.open("rb") as f:
        first = True
        for raw in f:
            if progress:
                pending += len(raw)
                if pending >= 1 << 20:
                    progress(pending)
                    pending = 0
            try:
                text = raw.decode("utf-8-sig" if first else "utf-8")
            except UnicodeDecodeError as err:
                raise InputError(f"{path}: not UTF-8 text") from err
            first = False
            yield text
    if progress and pending:
        progress(pending)


def iter_export(
    path: Path, progress: Callable[[int], None] | None = None, columns: list[str] | None = None
) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line or row number, raw row) of a CSV, JSONL or Parquet export, streamed.

    ``columns``: only these are needed (Parquet reads no other column; other formats ignore it)."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise InputError(f"{path}: no such export file")
    if suffix == ".parquet":
        yield from _iter_parquet(path, progress, columns)
    elif suffix in (".jsonl", ".ndjson", ".json"):
        for n, line in enumerate(_byte_lines(path, progress), 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                yield n, {"__bad__": "not a JSON object"}
                continue
            yield n, obj if isinstance(obj, dict) else {"__bad__": "not a JSON object"}
    elif suffix in (".csv", ".tsv", ".txt"):
        lines = (ln for ln in _byte_lines(path, progress) if not ln.startswith("#"))
        reader = csv.reader(lines, delimiter="\t" if suffix == ".tsv" else ",")
        header = next(reader, None)
        if not header:
            raise InputError(f"{path}: empty export")
        header = [h.strip() for h in header]
        for values in reader:
            if not any(v.strip() for v in values):
                continue
            if len(values) != len(header):
                yield reader.line_num, {"__bad__": f"expected {len(header)} fields"}
                continue
            yield reader.line_num, dict(zip(header, values, strict=True))
    else:
        raise InputError(f"{path}: unsupported export type '{suffix}' (use .csv, .tsv, .jsonl or .parquet)")


def _iter_parquet(
    path: Path, progress: Callable[[int], None] | None, columns: list[str] | None = None
) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        import pyarrow.parquet as pq  # type: ignore[import-not-found]
    except ImportError as err:
        raise InputError(f"{path}: reading Parquet needs pyarrow: pip install pyarrow") from err
    try:
        pf = pq.ParquetFile(path)
    except Exception as err:  # pyarrow raises its own ArrowInvalid / OSError kinds for a damaged file
        raise InputError(f"{path}: not a readable Parquet file ({str(err).splitlines()[0][:120]})") from err
    total = max(1, pf.metadata.num_rows)
    size = path.stat().st_size
    present = set(pf.schema_arrow.names)
    wanted = [c for c in columns if c in present] if columns else None
    n = 0
    for batch in pf.iter_batches(batch_size=8192, columns=wanted):
        rows = batch.to_pylist()
        for row in rows:
            n += 1
            yield n, row
        if progress:
            progress(size * len(rows) // total)


def detect_format(path: Path) -> str:
    """The layout (``data/dump_layouts.csv``) or csv whose signature columns the first row has."""
    for _, raw in iter_export(path):
        if "__bad__" in raw:
            continue
        keys = set(raw)
        found = dump_layouts.detect(keys)
        if found:
            return found
        if {"number", "status"} <= keys:
            return "csv"
        break
    raise InputError(
        f"{path}: cannot tell the layout from its fields; give --format (or --layout) {'|'.join(FORMATS)}"
    )


# ---------------------------------------------------------------- conflicts
def _index(rows: list[StatusRow]) -> dict[str, list[StatusRow]]:
    out: dict[str, list[StatusRow]] = {}
    for r in rows:
        out.setdefault(_number_key(r.number), []).append(r)
    return out


def disagrees(a_status: str, a_date: str | None, b_status: str, b_date: str | None) -> bool:
    """Two sources disagree when their statuses differ, or both date the change and the dates differ."""
    if a_status == "unknown" or b_status == "unknown":
        return False
    if a_status != b_status:
        return True
    return bool(a_date and b_date and a_date != b_date)


def _conflicts_with(row: dict[str, str], index: dict[str, list[StatusRow]], heads: set[str]) -> bool:
    if row["number"].split("/", 1)[0] not in heads:  # cheap: no shipped number starts like this one
        return False
    year = int(row["year"]) if row["year"] else None
    for other in index.get(_number_key(row["number"]), []):
        if year is not None and other.year is not None and other.year != year:
            continue
        if disagrees(row["status"], row["status_date"] or None, other.status, other.status_date):
            return True
    return False


# ---------------------------------------------------------------- the import
class _AtomicCSV:
    """A CSV written to a temporary file next to ``path`` and renamed onto it on success.

    With ``indexed``, each row's byte offset is recorded in a ``registry_index`` beside the CSV, so that a
    later load reads only the rows it needs."""

    def __init__(self, path: Path, indexed: bool = False) -> None:
        self.path = path
        fd, self.tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".csv")
        self.f = os.fdopen(fd, "wb")
        self.buf = io.StringIO()
        self.w = csv.writer(self.buf, lineterminator="\n")
        self.index = IndexWriter(path) if indexed else None
        self.n = 0
        self.offset = 0
        self.line = 1

    def _emit(self) -> tuple[int, int, int]:
        data = self.buf.getvalue().encode("utf-8")
        self.buf.seek(0)
        self.buf.truncate()
        self.f.write(data)
        offset, self.offset = self.offset, self.offset + len(data)
        line, self.line = self.line, self.line + data.count(b"\n")
        return offset, len(data), line

    def header(self) -> None:
        self.w.writerow(OUT_FIELDS)  # no comment line: read_user_csv reads the header from the first line
        self._emit()

    def row(self, row: dict[str, str]) -> None:
        self.w.writerow([row.get(k, "") for k in OUT_FIELDS])
        offset, length, line = self._emit()
        if self.index is not None:
            self.index.add(row["number"], offset, length, line)
        self.n += 1

    def commit(self) -> None:
        self.f.flush()
        os.fsync(self.f.fileno())
        self.f.close()
        os.replace(self.tmp, self.path)
        if self.index is not None:
            self.index.commit()

    def abort(self) -> None:
        self.f.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.tmp)
        if self.index is not None:
            self.index.abort()


def next_import_path(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    taken = [
        int(m.group(1))
        for p in folder.glob("imported-*.csv")
        if (m := re.fullmatch(r"imported-(\d+)\.csv", p.name))
    ]
    return folder / f"imported-{max(taken, default=0) + 1}.csv"


def new_import_file(folder: Path) -> Path:
    """A fresh temporary name in the store's registry folder for an import to write to; the store gives
    it its ``imported-<n>.csv`` name inside its write lock (``EmbeddedStore.import_registry_file``)."""
    folder.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=folder, prefix=".import-", suffix=".csv")
    os.close(fd)
    return Path(name)


def follow_rename(written: Path, final: Path) -> None:
    """Move an import's index and held-back rows beside the name the store gave its CSV (a rename keeps
    the CSV's size and modification time, so the index still describes it)."""
    for old, new in (
        (index_path(written), index_path(final)),
        (written.with_name(written.stem + ".held.csv"), final.with_name(final.stem + ".held.csv")),
    ):
        if old.exists():
            os.replace(old, new)


def keep_held(held: Path, folder: Path) -> Path:
    """Rows held back by an import that wrote nothing else: kept as ``imported-<n>.held.csv`` (the next free
    number), where ``cancu registry show`` lists them."""
    final = next_import_path(folder)
    target = final.with_name(final.stem + ".held.csv")
    os.replace(held, target)
    return target


def discard_import(written: Path) -> None:
    """Remove what an import that wrote nothing left: its empty CSV and index."""
    for path in (written, index_path(written)):
        path.unlink(missing_ok=True)


def import_export(
    path: Path,
    out: Path,
    *,
    fmt: str | None = None,
    prefer: str = "import",
    loaded_numbers: set[str] | frozenset[str] = frozenset(),
    confidence: str = "medium",
    today: str | None = None,
    progress: Callable[[int], None] | None = None,
    relationships: Path | None = None,
) -> ImportReport:
    """Stream ``path`` into the registry CSV ``out`` (written atomically); see the module docstring.

    ``prefer``: which source wins a conflict. ``import`` writes every mapped
    row (user rows win over shipped ones); ``shipped`` holds back rows that
    disagree with a shipped row, ``text`` rows about documents whose own text
    is loaded or that a loaded text repeals or amends (``loaded_numbers``, keys of ``registry._number_key``); held rows
    go to ``<out>.held.csv`` where ``cancu registry show`` still finds them.
    ``relationships``: the dump's relationships table (th1nhng0), joined by the dump's ids for
    successors and amendments (``dump_relations``).
    """
    path = Path(path)
    if prefer not in PREFER:
        raise RegistryError(f"--prefer must be one of {', '.join(PREFER)}, not '{prefer}'")
    fmt = fmt or detect_format(path)
    if fmt not in FORMATS:
        raise RegistryError(f"--layout must be one of {', '.join(FORMATS)}, not '{fmt}'")
    relations = None
    if relationships is not None:
        if fmt == "csv":
            raise RegistryError("--relationships needs a dump layout with ids (th1nhng0), not csv")
        from cancu.ontology.dump_relations import load_relations

        relations = load_relations(path, Path(relationships), fmt, progress)
    imported_at = today or date.today().isoformat()
    index = _index(shipped().statuses)
    heads = {r.number.split("/", 1)[0] for r in shipped().statuses}
    source_file = str(path.resolve())
    report = ImportReport(str(path), fmt, out, relations=relations)
    held_path = out.with_name(out.stem + ".held.csv")
    main_w = _AtomicCSV(out, indexed=True)
    held_w = _AtomicCSV(held_path)
    try:
        main_w.header()
        held_w.header()
        for line, raw in iter_export(path, progress):
            report.read += 1
            try:
                if "__bad__" in raw:
                    raise Unmapped(f"malformed row ({raw['__bad__']})")
                try:
                    row = map_row(
                        raw,
                        fmt,
                        source_file=source_file,
                        line=line,
                        imported_at=imported_at,
                        confidence=confidence,
                        relations=relations,
                    )
                except (TypeError, ValueError, AttributeError) as err:  # a value of a type no layout has
                    raise Unmapped(f"malformed row ({type(err).__name__})") from None
            except Unmapped as why:
                reason = str(why)
                report.unmapped[reason] += 1
                report.examples.setdefault(reason, f"{path.name}:{line}")
                continue
            conflict = _conflicts_with(row, index, heads)
            report.conflicts += conflict
            hold = (prefer == "shipped" and conflict) or (
                prefer == "text" and _number_key(row["number"]) in loaded_numbers
            )
            if hold:
                held_w.row(row)
                report.held_back += 1
            else:
                main_w.row(row)
                report.written += 1
        main_w.commit()
        if held_w.n:
            held_w.commit()
            report.held = held_path
        else:
            held_w.abort()
    except BaseException:
        main_w.abort()
        held_w.abort()
        raise
    return report


# ---------------------------------------------------------------- show and stats
@dataclass
class SourceRow:
    origin: str  # shipped | import | held | user
    registry: str  # file path
    line: int
    status: str
    status_date: str | None
    replaced_by: list[str]
    amended_by: list[str]
    confidence: str
    source: str
    note: str | None
    active: bool
    conflict: bool = False

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _stream_rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        lineno = 0

        def lines() -> Iterator[str]:
            nonlocal lineno
            for ln in f:
                lineno += 1
                if ln.strip() and not ln.startswith("#"):
                    yield ln

        reader = csv.DictReader(lines())
        for r in reader:
            r["_line"] = str(lineno)
            yield r


def registry_files_of(store: Path) -> list[Path]:
    """Registry files named in a store's meta.json, and held-back rows next to imported ones."""
    meta = store / "meta.json"
    files = (
        [Path(p) for p in json.loads(meta.read_text(encoding="utf-8")).get("registry_files", [])]
        if meta.exists()
        else []
    )
    held = sorted((store / "registry").glob("*.held.csv")) if (store / "registry").is_dir() else []
    return files + held


def _origin(path: Path) -> str:
    if path.name.endswith(".held.csv"):
        return "held"
    return "import" if path.name.startswith("imported-") else "user"


def text_rows(graph: Any, number: str) -> list[SourceRow]:
    """What loaded legal texts say of ``number``: REPLACED_BY / AMENDED_BY edges read from their own clauses."""
    key = _number_key(clean_number(number))
    out = []
    for node, data in graph.nodes(data=True):
        if not data.get("number") or _number_key(data["number"]) != key:
            continue
        for _, other, kind, e in graph.out_edges(node, keys=True, data=True):
            if e.get("source") != "text" or kind not in ("REPLACED_BY", "AMENDED_BY"):
                continue
            ev = (e.get("evidence") or [{}])[0]
            by = graph.nodes[other].get("number") or other
            out.append(
                SourceRow(
                    "text",
                    str(ev.get("file")),
                    (ev.get("span") or [0])[0],
                    "replaced" if kind == "REPLACED_BY" else "amended",
                    e.get("date"),
                    [by] if kind == "REPLACED_BY" else [],
                    [by] if kind == "AMENDED_BY" else [],
                    "text",
                    ev.get("quote") or "",
                    e.get("how"),
                    True,
                )
            )
    return out


def show_number(number: str, files: list[Path], texts: list[SourceRow] | None = None) -> list[SourceRow]:
    """Every source's row for ``number`` (shipped first, loaded texts last), conflicts marked on each row that disagrees."""
    key = _number_key(clean_number(number))
    out = [
        SourceRow(
            "shipped",
            "document_status.csv",
            r.row,
            r.status,
            r.status_date,
            list(r.replaced_by),
            list(r.amended_by),
            r.confidence,
            r.source,
            r.note,
            True,
        )
        for r in shipped().statuses
        if _number_key(r.number) == key
    ]
    for path in files:
        if not path.exists():
            continue
        indexed = IndexedFile.open(path)
        for raw in indexed.raw_rows(key) if indexed is not None else _stream_rows(path):
            if _number_key(raw.get("number") or "") != key:
                continue
            try:
                r = _status_row(raw, path.name)
            except RegistryError:
                continue
            out.append(
                SourceRow(
                    _origin(path),
                    str(path),
                    r.row,
                    r.status,
                    r.status_date,
                    list(r.replaced_by),
                    list(r.amended_by),
                    r.confidence,
                    r.source,
                    r.note,
                    _origin(path) != "held",
                )
            )
    out.extend(texts or [])
    for a in out:
        a.conflict = any(
            disagrees(a.status, a.status_date, b.status, b.status_date)
            or (
                a.replaced_by
                and b.replaced_by
                and not {_number_key(x) for x in a.replaced_by} & {_number_key(x) for x in b.replaced_by}
            )
            for b in out
            if b is not a
        )
    # the row the graph uses: the last active non-shipped one, else the shipped one (Registry.status_of)
    return out


def stats(files: list[Path]) -> list[dict[str, Any]]:
    """Rows per source and status, with how many are unverified (confidence low/unverified, or status unknown)."""
    counts: Counter[tuple[str, str, str]] = Counter()
    unverified: Counter[tuple[str, str]] = Counter()
    for r in shipped().statuses:
        counts["shipped", "document_status.csv", r.status] += 1
        if r.confidence in ("low", "unverified") or r.status == "unknown":
            unverified["shipped", "document_status.csv"] += 1
    for path in files:
        if not path.exists():
            continue
        for raw in _stream_rows(path):
            counts[_origin(path), path.name, raw.get("status") or "?"] += 1
            if raw.get("confidence") in ("low", "unverified") or raw.get("status") == "unknown":
                unverified[_origin(path), path.name] += 1
    return [
        {"origin": o, "registry": f, "status": s, "rows": n, "unverified_in_file": unverified[o, f]}
        for (o, f, s), n in sorted(counts.items())
    ]


__all__ = [
    "FORMATS",
    "LAYOUTS",
    "OUT_FIELDS",
    "PREFER",
    "ImportReport",
    "SourceRow",
    "Unmapped",
    "detect_format",
    "import_export",
    "iter_export",
    "map_row",
    "map_status",
    "next_import_path",
    "parse_day",
    "registry_files_of",
    "show_number",
    "stats",
    "text_rows",
]
