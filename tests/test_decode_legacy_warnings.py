"""Legacy 8-bit encodings are detected, decoded and flagged as a guess.

(The rest of decoding — Unicode forms, .docx, .pdf, bad inputs, paths — is tested in test_decode.py.)
"""

from __future__ import annotations

import unicodedata

from cancu.loaders.decode import decode_bytes

TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def _cp1258(text: str) -> bytes:
    """Windows-1258 stores vowels with their quality and tones as combining marks."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            d = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in d if c not in TONES))
            out += (base + "".join(c for c in d if c in TONES)).encode("cp1258")
    return out


def test_legacy_windows_1258_is_detected_with_a_warning():
    text = "Kế hoạch cải cách hành chính của Ủy ban nhân dân tỉnh. " * 20
    data = _cp1258(text)
    decoded = decode_bytes(data, "x.txt")
    assert unicodedata.normalize("NFC", decoded.text) == text
    assert decoded.warnings and "a guess" in decoded.warnings[0]


def _tcvn3(text: str) -> bytes:
    from cancu.loaders.decode import _tcvn3 as table

    back = {v: k for k, v in table().items()}
    return bytes(ord(c) if ord(c) < 128 else back[c] for c in text)


def test_legacy_tcvn3_is_detected_with_a_warning():
    text = "Kế hoạch cải cách hành chính của tỉnh Bảo Thắng năm 2024, thực hiện các nhiệm vụ được giao. " * 10
    decoded = decode_bytes(_tcvn3(text), "x.txt")
    assert (decoded.text, decoded.encoding) == (text, "tcvn3")
    assert decoded.warnings == ["encoding not UTF-8: decoded as tcvn3 (a guess)"]

