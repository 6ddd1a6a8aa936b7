"""The pre-Unicode Vietnamese 8-bit encodings, read from their tables in ``ontology/data``.

Word files of the 1990s-2010s were typed in TCVN3 (ABC, fonts .VnTime) or VNI
(fonts VNI-Times); saved as plain text they reach cancu as those bytes. Python
has no codec for either, so the byte tables are shipped as data with their
source, and decoding is a table look-up. Windows-1258 has a Python codec and
needs nothing here. Each ``decode_*`` maps every byte to text (never fails),
so a wrong candidate yields mojibake that the detector scores low.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from cancu.ontology.datafiles import read_rows

#: the names cancu reports in ``Decoded.encoding``
TCVN3 = "tcvn3"
VNI = "vni"


@cache
def tcvn3_table() -> dict[int, str]:
    """TCVN 5712:1993 byte -> character, for the bytes that differ from Latin-1."""
    return {int(r["byte"], 16): chr(int(r["codepoint"][2:], 16)) for r in read_rows("legacy_tcvn3.csv")}


@cache
def vni_table() -> dict[bytes, str]:
    """VNI-Windows byte sequence (one or two bytes) -> letter."""
    return {bytes(int(b, 16) for b in r["bytes"].split()): r["char"] for r in read_rows("legacy_vni.csv")}


@cache
def _c1_as_cp1252() -> dict[int, str]:
    """Bytes 0x80-0x9f as Windows-1252 shows them (VNI fonts sit on 1252); undefined ones stay."""
    out = {}
    for b in range(0x80, 0xA0):
        try:
            out[b] = bytes([b]).decode("cp1252")
        except UnicodeDecodeError:
            continue
    return out


@cache
def _vni_marks() -> dict[int, str]:
    """Each VNI byte as Unicode: a one-byte letter as itself, a mark byte as the combining
    marks it adds to the letter before it (either case), anything else as Windows-1252.

    Derived from the two-byte rows of the table: mark = NFD(letter) less NFD(base letter).
    No mark byte is also a letter byte, so composing (NFC) afterwards gives exactly the
    table's letters for every pair, in one pass instead of a scan per pair."""
    table = dict(_c1_as_cp1252())
    for seq, char in vni_table().items():
        if len(seq) == 1:
            table[seq[0]] = char
    for seq, char in vni_table().items():
        if len(seq) == 2:
            base = table.get(seq[0], chr(seq[0]))
            mark = unicodedata.normalize("NFD", char)[len(unicodedata.normalize("NFD", base)) :]
            table.setdefault(seq[1], mark)
            table.setdefault(seq[1] ^ 0x20, mark)  # caps-lock typing: a mark of the other case
    return table


def decode_tcvn3(data: bytes) -> str:
    return data.decode("latin-1").translate(tcvn3_table())


def decode_vni(data: bytes) -> str:
    return unicodedata.normalize("NFC", data.decode("latin-1").translate(_vni_marks()))


def encode_tcvn3(text: str) -> bytes:
    """Text (NFC) in TCVN3 bytes; raises ``UnicodeEncodeError`` for characters TCVN3 lacks."""
    back = _tcvn3_back()
    out = bytearray()
    for i, c in enumerate(text):
        if c not in back:
            raise UnicodeEncodeError(TCVN3, text, i, i + 1, "no TCVN3 byte for this character")
        out.append(back[c])
    return bytes(out)


def encode_vni(text: str) -> bytes:
    """Text (NFC) in VNI bytes; raises ``UnicodeEncodeError`` for characters VNI lacks."""
    back = _vni_back()
    out = bytearray()
    for i, c in enumerate(text):
        if c in back:
            out += back[c]
        elif ord(c) < 128:
            out.append(ord(c))
        else:
            raise UnicodeEncodeError(VNI, text, i, i + 1, "no VNI byte for this character")
    return bytes(out)


@cache
def _tcvn3_back() -> dict[str, int]:
    table = tcvn3_table()
    return {chr(b): b for b in range(256) if b not in table} | {char: b for b, char in table.items()}


@cache
def _vni_back() -> dict[str, bytes]:
    """The inverse of decode_vni: letters from the table, other bytes as decode_vni reads them."""
    special = _vni_marks()
    back = {chr(b): bytes([b]) for b in range(0xA0, 0x100) if b not in special}
    back |= {char: bytes([b]) for b, char in _c1_as_cp1252().items()}
    return back | {char: seq for seq, char in vni_table().items()}
