"""Bytes in, text out: .txt in any encoding, .docx, .pdf with a text layer.

The decoded text is kept exactly as decoded (no Unicode normalisation):
every span cancu reports points into it. Encodings are detected, not
assumed: strict UTF-8 (with or without BOM), UTF-16 (BOM, or NUL-byte
pattern), then charset detection with a warning that it was a guess.

.docx: body paragraphs and tables in document order; a table row is one
line, cells joined by TAB; a cell's paragraphs are joined with "; ", except
that a paragraph starting with "-" keeps its "- " mark ("- Quý I/2023 -
Tháng 12/2023"), so the table reader can split items as it does for text.
.pdf: the text layer of each page (pypdf), pages joined by form feed; a PDF
without text is refused (cancu does not OCR).
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from cancu.errors import InputError

SUPPORTED = (".txt", ".docx", ".pdf")
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
DEFAULT_MAX_BYTES = 50_000_000
#: a .docx is a zip: refuse one that would inflate past this, or by more than this ratio
MAX_UNZIPPED = 200_000_000
MAX_RATIO = 100


@dataclass
class Decoded:
    text: str
    source: str
    format: str
    encoding: str | None
    sha256: str
    warnings: list[str] = field(default_factory=list)


def max_bytes() -> int:
    raw = os.environ.get("CANCU_MAX_BYTES")
    if raw:
        try:
            return int(raw)
        except ValueError as err:
            raise InputError(f"CANCU_MAX_BYTES={raw!r} is not a number of bytes") from err
    return DEFAULT_MAX_BYTES


def expand_inputs(path: Path) -> list[Path]:
    """A file, or every supported file under a folder (recursive, sorted, hidden ones skipped)."""
    if path.is_dir():
        found = sorted(
            p for p in path.rglob("*")
            if p.is_file() and p.suffix.lower() in SUPPORTED
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
        if not found:
            raise InputError(f"{path}: no .txt, .docx or .pdf file in this folder")
        return found
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    return [path]


def decode_path(path: Path) -> Decoded:
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder (give the files, or load the folder)")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise InputError(f"{path}: unsupported file type '{suffix or '(none)'}' (cancu reads {', '.join(SUPPORTED)})")
    size = path.stat().st_size
    limit = max_bytes()
    if size > limit:
        raise InputError(f"{path}: {size:,} bytes is over the limit of {limit:,} (raise it with CANCU_MAX_BYTES)")
    return decode_bytes(path.read_bytes(), str(path))


def decode_bytes(data: bytes, name: str) -> Decoded:
    """Decode by content: PDF and .docx by their magic bytes, else text."""
    if len(data) > max_bytes():
        raise InputError(f"{name}: {len(data):,} bytes is over the limit (raise it with CANCU_MAX_BYTES)")
    digest = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise InputError(f"{name}: empty file")
    if data.startswith(b"%PDF"):
        return _pdf(data, name, digest)
    if data.startswith(b"PK\x03\x04"):
        return _docx(data, name, digest)
    if name.lower().endswith((".docx", ".pdf")):
        kind = "docx" if name.lower().endswith(".docx") else "pdf"
        raise InputError(f"{name}: not a valid .{kind} file (corrupt or mislabelled)")
    return _text(data, name, digest)


def _text(data: bytes, name: str, digest: str) -> Decoded:
    warnings: list[str] = []
    text, encoding = None, None
    if data.startswith(b"\xef\xbb\xbf"):
        text, encoding = _strict(data[3:], "utf-8"), "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, encoding = _strict(data, "utf-16"), "utf-16"
    elif _looks_utf16(data):
        enc = "utf-16-le" if data[1::2].count(0) > data[0::2].count(0) else "utf-16-be"
        text, encoding = _strict(data, enc), enc
    if text is None:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = _guess(data)
            warnings.append(f"encoding not UTF-8: decoded as {encoding} (a guess)")
    if text is None or "\x00" in text or _control_share(text) > 0.05:
        raise InputError(f"{name}: binary file, not text")
    return Decoded(text, name, "txt", encoding, digest, warnings)


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _looks_utf16(data: bytes) -> bool:
    sample = data[:4000]
    if len(sample) < 4 or len(sample) % 2:
        return False
    zeros_even, zeros_odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    return max(zeros_even, zeros_odd) > 0.3 * half and min(zeros_even, zeros_odd) < 0.05 * half


def _guess(data: bytes) -> tuple[str | None, str | None]:
    """The most Vietnamese-looking of the candidate legacy decodings (TCVN3, cp1258 …)."""
    from charset_normalizer import from_bytes

    candidates: list[tuple[str, str]] = [(data.decode("latin-1").translate(_tcvn3()), "tcvn3")]
    best = from_bytes(data, cp_isolation=["cp1258", "cp1252", "utf_16", "latin_1"]).best()
    if best is not None:
        candidates.append((str(best), best.encoding))
    text, encoding = max(candidates, key=lambda c: _vietnamese_score(c[0]))
    return text, encoding


@functools.cache
def _tcvn3() -> dict[int, str]:
    from cancu.ontology.datafiles import read_rows

    return {int(r["byte"], 16): r["char"] for r in read_rows("legacy_tcvn3.csv")}


COMMON_WORDS = re.compile(r"(?i)\b(?:của|và|các|được|trong|năm|hành|chính|thực|hiện|kế|hoạch|nhân|dân|tỉnh|theo)\b")


def _vietnamese_score(text: str) -> int:
    """How many very common Vietnamese words a decoding yields (in NFC)."""
    import unicodedata

    return len(COMMON_WORDS.findall(unicodedata.normalize("NFC", text[:20000])))


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:20000]
    return len(CONTROL.findall(sample)) / len(sample)


def _docx(data: bytes, name: str, digest: str) -> Decoded:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except zipfile.BadZipFile as err:
        raise InputError(f"{name}: not a valid .docx (corrupt zip)") from err
    unzipped = sum(i.file_size for i in infos)
    packed = max(1, sum(i.compress_size for i in infos))
    if unzipped > MAX_UNZIPPED or unzipped / packed > MAX_RATIO:
        raise InputError(f"{name}: refused: the .docx would inflate to {unzipped:,} bytes (ratio {unzipped // packed}:1)")
    if "word/document.xml" not in archive.namelist():
        raise InputError(f"{name}: not a .docx (no word/document.xml inside)")
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
    except Exception as err:  # noqa: BLE001 - python-docx raises many types on corrupt XML
        raise InputError(f"{name}: not a readable .docx ({type(err).__name__})") from err
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, document).text)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells, seen = [], set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # a merged cell repeats: keep it once
                        continue
                    seen.add(id(cell._tc))
                    cells.append(_cell_text(cell))
                lines.append("\t".join(cells))
    return Decoded("\n".join(lines), name, "docx", None, digest)


def _cell_text(cell) -> str:
    out = ""
    for p in (p.text.strip() for p in cell.paragraphs):
        if not p:
            continue
        if not out:
            out = p
        elif p.startswith("-"):
            out += " " + p
        else:
            out += "; " + p
    return out


def _pdf(data: bytes, name: str, digest: str) -> Decoded:
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"{name}: encrypted PDF (cancu cannot open it)")
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except Exception as err:  # noqa: BLE001 - pypdf raises many types on broken files
        raise InputError(f"{name}: not a readable PDF ({type(err).__name__})") from err
    text = "\f".join(pages)
    if not text.strip():
        raise InputError(f"{name}: PDF has no text layer (scanned?); run OCR first — cancu does not OCR")
    return Decoded(text, name, "pdf", None, digest)
