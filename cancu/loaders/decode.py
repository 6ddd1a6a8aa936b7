"""Bytes in, text out: .txt in any encoding, .docx, .doc, .pdf (text or scanned), images, web pages.

The decoded text is kept exactly as decoded (no Unicode normalisation):
every span cancu reports points into it, and folding downstream copes with
NFD. The format is chosen by content, not name: ``%PDF`` is a PDF, a zip
(``PK``) is a .docx, an OLE2 file a Word .doc, PNG/JPEG/TIFF signatures an
image, a doctype or <html> a web page (as is any .html/.htm), anything else is
text, so stdin works the same. ``Decoded.format`` names the reader used (an
auditor can tell a fact that came through OCR): txt, docx, doc, html, pdf,
pdf+ocr (some or all pages read by OCR), image+ocr. See docs/readers.md.

- text (decode_text.py): UTF-8 with or without BOM, UTF-16 with BOM or by its
  NUL-byte pattern, else the legacy Vietnamese encoding (Windows-1258, TCVN3,
  VNI) whose decoding reads most like Vietnamese, with a warning that it is a
  guess (decode_detect.py, decode_legacy.py);
- .docx (decode_docx.py): body paragraphs and table rows in document order,
  one row a line with cells joined by TAB, a cell's paragraphs joined by "; "
  except "- " items which keep their dash ("- Quý I/2023 - Tháng 12/2023");
- .pdf (decode_pdf.py): the text layer, pages joined by form feed; pages
  that are scanned images are read by OCR (decode_ocr.py, cached);
- .png, .jpg, .tif (decode_ocr.py): OCR, a TIFF's pages joined by form feed;
- .doc (read_doc.py): antiword's DocBook, laid out as a .docx is;
- .html, .htm (read_html.py): the page's main content, its legal-database
  metadata table first as "label: value" lines.

Every bad input is an ``InputError`` with one line naming the file.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from cancu.errors import InputError, shown, utf8_name
from cancu.loaders.decode_docx import MAX_RATIO, MAX_UNZIPPED, decode_docx
from cancu.loaders.decode_legacy import tcvn3_table as _tcvn3
from cancu.loaders.decode_pdf import decode_pdf
from cancu.loaders.decode_text import decode_text
from cancu.loaders.read_doc import OLE_MAGIC, read_doc
from cancu.loaders.read_html import looks_like_html, read_html

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_RATIO",
    "MAX_UNZIPPED",
    "SUPPORTED",
    "Decoded",
    "decode_bytes",
    "decode_path",
    "expand_inputs",
    "max_bytes",
    "read_input",
    "read_limited",
    "_tcvn3",
]

SUPPORTED = (".txt", ".docx", ".doc", ".pdf", ".html", ".htm", ".png", ".jpg", ".jpeg", ".tif", ".tiff")
IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
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
    """A file, or every supported file under a folder (recursive, sorted, hidden ones skipped).

    A folder's entries named like a plan that are not regular files (a FIFO, a broken link) are
    kept, so that reading them reports each in one line instead of skipping it unseen; folders
    named like a plan are not."""
    if path.is_dir():
        found = sorted(
            p
            for p in path.rglob("*")
            if p.suffix.lower() in SUPPORTED
            and not p.is_dir()
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
        if not found:
            raise InputError(f"{shown(path)}: no file cancu reads in this folder ({', '.join(SUPPORTED)})")
        return found
    if not path.exists() and not path.is_symlink():
        raise InputError(f"{shown(path)}: no such file or folder")
    return [path]


def decode_path(path: Path | str) -> Decoded:
    """The file's bytes decoded; one ``InputError`` line for anything that is not a readable plan."""
    return decode_bytes(read_input(Path(path)), str(path))


def read_input(path: Path | str) -> bytes:
    """The bytes of a user's file, read the one safe way: a name that is UTF-8, a regular file
    (a FIFO is never opened for a blocking read), a supported type, at most the size limit
    (checked before reading and while reading). Anything else is one ``InputError`` line."""
    path = Path(path)
    if not utf8_name(path):
        raise InputError(
            f"{shown(path)}: the file name is not valid UTF-8 (written by an old system?); "
            "rename the file to read it"
        )
    if not path.exists():
        if path.is_symlink():
            raise InputError(f"{path}: a link to a file that does not exist")
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder (give the files, or load the folder)")
    if not path.is_file():
        raise InputError(f"{path}: not a regular file (a pipe, socket or device is not read)")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise InputError(
            f"{path}: unsupported file type '{suffix or '(none)'}' (cancu reads {', '.join(SUPPORTED)})"
        )
    try:
        # without blocking, and checked again on what was opened: a FIFO swapped in after the checks
        # above would otherwise wait for a writer forever
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as stream:
            opened = os.fstat(stream.fileno())
            if not stat.S_ISREG(opened.st_mode):
                raise InputError(f"{path}: not a regular file (a pipe, socket or device is not read)")
            _check_size(opened.st_size, str(path))
            data = read_limited(stream, str(path))
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror or type(err).__name__})") from err
    return data


def read_limited(stream, name: str) -> bytes:
    """All of ``stream`` (a pipe, stdin, a file that grows), refused once it passes the size limit:
    never more than the limit and one chunk in memory."""
    limit = max_bytes()
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = stream.read(min(1 << 20, limit + 1 - size) or 1)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > limit:
            raise InputError(
                f"{name}: more than {limit:,} bytes, over the limit "
                f"(raise it with {MAX_BYTES_VARIABLE}=<bytes>)"
            )
        chunks.append(chunk)


def decode_bytes(data: bytes, name: str) -> Decoded:
    """Decode by content: PDF and .docx by their magic bytes, else text."""
    _check_size(len(data), name)
    digest = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise InputError(f"{name}: empty file")
    lowered = name.lower()
    if data.startswith(b"%PDF"):
        pdf = decode_pdf(data, name, digest)
        if not pdf.ocr_pages:
            return Decoded(pdf.text, name, "pdf", None, digest)
        return Decoded(pdf.text, name, "pdf+ocr", None, digest, [_ocr_warning(pdf.ocr_pages, pdf.pages)])
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return Decoded(decode_docx(data, name), name, "docx", None, digest)
    if data.startswith(OLE_MAGIC):
        return Decoded(read_doc(data, name), name, "doc", None, digest)
    if data.startswith(IMAGE_MAGIC):
        from cancu.loaders.decode_ocr import read_image

        text, pages = read_image(data, name, digest)
        if not text.strip():
            raise InputError(f"{name}: OCR found no text in this image")
        return Decoded(
            text, name, "image+ocr", None, digest, [_ocr_warning(list(range(1, pages + 1)), pages)]
        )
    if lowered.endswith((".html", ".htm")) or looks_like_html(data):
        text, encoding = read_html(data, name)
        return Decoded(text, name, "html", encoding, digest)
    if lowered.endswith((".docx", ".pdf", ".doc", *IMAGE_SUFFIXES)):
        kind = lowered.rsplit(".", 1)[-1]
        raise InputError(f"{name}: not a valid .{kind} file (corrupt or mislabelled)")
    text, encoding, warnings = decode_text(data, name)
    return Decoded(text, name, "txt", encoding, digest, warnings)


def _ocr_warning(pages: list[int], total: int) -> str:
    """Names the engine and the pages, so an auditor knows which facts came through OCR."""
    from cancu.loaders.decode_ocr import engine

    program, language = engine().split("/")[:2]
    listed = f"page {pages[0]}" if len(pages) == 1 else f"pages {_ranges(pages)}"
    return f"OCR: {listed} of {total} read by {program} ({language}); check facts against the scan"


def _ranges(numbers: list[int]) -> str:
    """1, 2, 3, 5 -> "1-3, 5"."""
    parts: list[str] = []
    start = previous = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == previous + 1:
            previous = n
            continue
        parts.append(str(start) if start == previous else f"{start}-{previous}")
        if n is not None:
            start = previous = n
    return ", ".join(parts)


def _check_size(size: int, name: str) -> None:
    limit = max_bytes()
    if size > limit:
        raise InputError(
            f"{name}: {size:,} bytes is over the limit of {limit:,} "
            f"(raise it with {MAX_BYTES_VARIABLE}=<bytes>)"
        )
