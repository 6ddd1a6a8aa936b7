"""Legacy 8-bit encodings are detected, decoded and flagged as a guess.

(The rest of decoding — Unicode forms, .docx, .pdf, bad inputs, paths — is tested in test_decode.py.)
"""

from __future__ import annotations

import unicodedata

from test_decode import cp1258  # Word's Windows-1258 (combining tones), the one encoder for tests

from cancu.loaders.decode import decode_bytes
from cancu.loaders.decode_legacy import encode_tcvn3


def test_legacy_windows_1258_is_detected_with_a_warning():
    text = "Kế hoạch cải cách hành chính của Ủy ban nhân dân tỉnh. " * 20
    data = cp1258(text)
    decoded = decode_bytes(data, "x.txt")
    assert unicodedata.normalize("NFC", decoded.text) == text
    assert decoded.encoding == "cp1258"
    assert decoded.warnings == ["encoding not UTF-8: decoded as cp1258 (a guess)"]


def test_legacy_tcvn3_is_detected_with_a_warning():
    text = "Kế hoạch cải cách hành chính của tỉnh Bảo Thắng năm 2024, thực hiện các nhiệm vụ được giao. " * 10
    decoded = decode_bytes(encode_tcvn3(text), "x.txt")
    assert (decoded.text, decoded.encoding) == (text, "tcvn3")
    assert decoded.warnings == ["encoding not UTF-8: decoded as tcvn3 (a guess)"]
