"""Bytes in, text out: .txt in any encoding, .docx, .pdf with a text layer.

The decoded text is kept exactly as decoded (no Unicode normalisation):
every span cancu reports points into it, and folding downstream copes with
NFD. The format is chosen by content, not name: ``%PDF`` is a PDF, a zip
(``PK``) is a .docx, anything else is text, so stdin works the same.

- text (decode_text.py): UTF-8 with or without BOM, UTF-16 with BOM or by its
  NUL-byte pattern, else the legacy Vietnamese encoding (Windows-1258, TCVN3,
  VNI) whose decoding reads most like Vietnamese, with a warning that it is a
  guess (decode_detect.py, decode_legacy.py);
- .docx (decode_docx.py): body paragraphs and table rows in document order,
  one row a line with cells joined by TAB, a cell's paragraphs joined by "; "
  except "- " items which keep their dash ("- Quý I/2023 - Tháng 12/2023");
- .pdf (decode_pdf.py): the text layer, pages joined by form feed.

Every bad input is an ``InputError`` with one line naming the file.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from cancu.errors import InputError
from cancu.loaders.decode_docx import MAX_RATIO, MAX_UNZIPPED, decode_docx
from cancu.loaders.decode_legacy import tcvn3_table as _tcvn3
from cancu.loaders.decode_pdf import decode_pdf
from cancu.loaders.decode_text import decode_text

__all__ = [
    "DEFAULT_MAX_BYTES", "MAX_RATIO", "MAX_UNZIPPED", "SUPPORTED", "Decoded",
    "decode_bytes", "decode_path", "expand_inputs", "max_bytes", "_tcvn3",
]

SUPPORTED = (".txt", ".docx", ".pdf")
#: refuse larger inputs unless the environment variable CANCU_MAX_BYTES says otherwise
DEFAULT_MAX_BYTES = 50_000_000
MAX_BYTES_VARIABLE = "CANCU_MAX_BYTES"


@dataclass
class Decoded:
    text: str
    source: str
    format: str
    encoding: str | None
    #: of the input bytes, so a store can tell a changed file from a reload
    sha256: str
    warnings: list[str] = field(default_factory=list)


def max_bytes() -> int:
    raw = os.environ.get(MAX_BYTES_VARIABLE, "").strip()
    if not raw:
        return DEFAULT_MAX_BYTES
    try:
        value = int(raw.replace("_", ""))
    except ValueError as err:
        raise InputError(f"{MAX_BYTES_VARIABLE}={raw!r} is not a number of bytes") from err
    if value <= 0:
        raise InputError(f"{MAX_BYTES_VARIABLE}={raw!r} must be a positive number of bytes")
    return value


def expand_inputs(path: Path) -> list[Path]:
    """A file, or every supported file under a folder (recursive, sorted, hidden ones skipped)."""
    if path.is_dir():
        found = sorted(
            p for p in path.rglob("*")
            if p.suffix.lower() in SUPPORTED and p.is_file()
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
    if not path.is_file():
        raise InputError(f"{path}: not a regular file")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise InputError(f"{path}: unsupported file type '{suffix or '(none)'}' (cancu reads {', '.join(SUPPORTED)})")
    try:
        size = path.stat().st_size
        _check_size(size, str(path))
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror or type(err).__name__})") from err
    return decode_bytes(data, str(path))


def decode_bytes(data: bytes, name: str) -> Decoded:
    """Decode by content: PDF and .docx by their magic bytes, else text."""
    _check_size(len(data), name)
    digest = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise InputError(f"{name}: empty file")
    if data.startswith(b"%PDF"):
        return Decoded(decode_pdf(data, name), name, "pdf", None, digest)
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return Decoded(decode_docx(data, name), name, "docx", None, digest)
    lowered = name.lower()
    if lowered.endswith((".docx", ".pdf")):
        kind = lowered.rsplit(".", 1)[-1]
        raise InputError(f"{name}: not a valid .{kind} file (corrupt or mislabelled)")
    text, encoding, warnings = decode_text(data, name)
    return Decoded(text, name, "txt", encoding, digest, warnings)


def _check_size(size: int, name: str) -> None:
    limit = max_bytes()
    if size > limit:
        raise InputError(f"{name}: {size:,} bytes is over the limit of {limit:,} "
                         f"(raise it with {MAX_BYTES_VARIABLE}=<bytes>)")
