"""The pre-Unicode Vietnamese 8-bit encodings, read from their tables in ``ontology/data``.

Word files of the 1990s-2010s were typed in TCVN3 (ABC, fonts .VnTime) or VNI
(fonts VNI-Times); saved as plain text they reach cancu as those bytes. Python
has no codec for either, so the byte tables are shipped as data with their
source, and decoding is a table look-up. Windows-1258 has a Python codec and
needs nothing here. Each ``decode_*`` maps every byte to text (never fails),
so a wrong candidate yields mojibake that the detector scores low.
"""

from __future__ import annotations

import re
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
def _vni_lookup() -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex over the Latin-1 view of the bytes: two-byte letters first, then one-byte ones.

    A mark byte of the other case after a base letter is accepted too (caps-lock typing)."""
    lookup: dict[str, str] = {}
    for seq, char in vni_table().items():
        lookup[seq.decode("latin-1")] = char
    for seq, char in list(vni_table().items()):
        if len(seq) == 2:
            other = bytes([seq[0], seq[1] ^ 0x20]).decode("latin-1")
            lookup.setdefault(other, char)
    pairs = sorted(k for k in lookup if len(k) == 2)
    singles = "".join(sorted(k for k in lookup if len(k) == 1))
    pattern = re.compile("|".join(re.escape(p) for p in pairs) + "|[" + re.escape(singles) + "]")
    return pattern, lookup


def decode_tcvn3(data: bytes) -> str:
    table = tcvn3_table()
    return data.decode("latin-1").translate(table)


def decode_vni(data: bytes) -> str:
    pattern, lookup = _vni_lookup()
    return pattern.sub(lambda m: lookup[m.group()], data.decode("latin-1")).translate(_c1_as_cp1252())


def encode_tcvn3(text: str) -> bytes:
    """Text (NFC) in TCVN3 bytes; raises ``UnicodeEncodeError`` for characters TCVN3 lacks."""
    back = {char: byte for byte, char in tcvn3_table().items()}
    return bytes(_one_byte(c, back, text, "tcvn3") for c in text)


def encode_vni(text: str) -> bytes:
    """Text (NFC) in VNI bytes; raises ``UnicodeEncodeError`` for characters VNI lacks."""
    back = {char: seq for seq, char in vni_table().items()}
    out = bytearray()
    for i, c in enumerate(text):
        if c in back:
            out += back[c]
        elif ord(c) < 128:
            out.append(ord(c))
        else:
            raise UnicodeEncodeError("vni", text, i, i + 1, "no VNI byte for this character")
    return bytes(out)


def _one_byte(c: str, back: dict[str, int], text: str, name: str) -> int:
    if c in back:
        return back[c]
    if ord(c) < 128:
        return ord(c)
    i = text.index(c)
    raise UnicodeEncodeError(name, text, i, i + 1, f"no {name} byte for this character")
