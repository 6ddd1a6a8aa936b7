"""Plain-text bytes to text: Unicode when the bytes prove it, else the best Vietnamese guess.

Order: a BOM (UTF-8, UTF-16 or UTF-32, LE/BE) is proof; a NUL-byte pattern in every
other byte is BOM-less UTF-16; strict UTF-8 is proof (legacy bytes are almost
never valid UTF-8). Anything else is scored as Windows-1258, TCVN3, VNI,
Windows-1252 and UTF-8-with-repairs (decode_detect.py), and the result
carries a warning that it was a guess. The text is returned exactly as
decoded, never normalised: Windows-1258 keeps its combining tone marks.
"""

from __future__ import annotations

import re

from cancu.errors import InputError
from cancu.loaders.decode_detect import guess

#: C0 controls other than TAB, LF, VT, FF, CR: their share tells binary from text
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")
#: above this share of control characters a file is binary, not text
MAX_CONTROL_SHARE = 0.05
SAMPLE = 20_000
UTF16_SAMPLE = 4_000

BOMS = (  # UTF-32 first: its little-endian BOM starts like UTF-16's
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def decode_text(data: bytes, name: str) -> tuple[str, str, list[str]]:
    """(text, encoding, warnings) of a text file; ``InputError`` if it is binary or blank."""
    found = _unicode(data, name)
    if found is not None:
        text, encoding = found
        warnings: list[str] = []
        if "\x00" in text or _share(CONTROL.findall(text[:SAMPLE]), len(text[:SAMPLE])) > MAX_CONTROL_SHARE:
            raise InputError(f"{name}: binary file, not text")
    else:
        sample = data[:SAMPLE]
        if b"\x00" in data or _share(CONTROL_BYTES.findall(sample), len(sample)) > MAX_CONTROL_SHARE:
            raise InputError(f"{name}: binary file, not text")
        best = guess(data)
        text, encoding = best.text, best.encoding
        warnings = [f"encoding not UTF-8: decoded as {encoding} (a guess)"]
        if encoding == "utf-8":
            bad = text.count("\ufffd")
            warnings = [f"encoding: UTF-8 with {bad} invalid byte sequence(s), each replaced by U+FFFD"]
        elif not best.confident:
            warnings.append(
                f"encoding: no decoding reads clearly as Vietnamese; {encoding} scored {best.score} "
                f"against {best.runner_up} for the next best"
            )
    if not text.strip():
        raise InputError(f"{name}: empty file")
    return text, encoding, warnings


def _unicode(data: bytes, name: str) -> tuple[str, str] | None:
    """Text and encoding when the bytes are provably Unicode; None for a legacy 8-bit file."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding.replace("-sig", "")), encoding
            except UnicodeDecodeError as err:
                raise InputError(
                    f"{name}: starts with a {encoding} byte-order mark but is not valid "
                    f"{encoding} (byte {err.start + len(bom)})"
                ) from err
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 of mostly Latin-script text has a NUL in every other byte, on one side only."""
    sample = data[:UTF16_SAMPLE]
    if len(sample) < 4 or len(data) % 2:
        return None
    half = len(sample) // 2
    zeros_even, zeros_odd = sample[0::2].count(0), sample[1::2].count(0)
    if max(zeros_even, zeros_odd) <= 0.3 * half or min(zeros_even, zeros_odd) >= 0.05 * half:
        return None
    return "utf-16-le" if zeros_odd > zeros_even else "utf-16-be"


def _share(found: list, total: int) -> float:
    return len(found) / total if total else 0.0
