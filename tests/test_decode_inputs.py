"""Decoding every supported input, and one clear error for each bad one."""

from __future__ import annotations

import io
import unicodedata
import zipfile

import docx
import pytest
from pypdf import PdfWriter

from cancu.errors import InputError
from cancu.loaders.decode import decode_bytes, decode_path, expand_inputs

SENTENCE = "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ; Sở Nội vụ chủ trì."


@pytest.mark.parametrize("encoding,bom", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"),
                                          ("utf-16-be", b"\xfe\xff"), ("utf-16-le", b"")])
def test_unicode_encodings(encoding, bom):
    decoded = decode_bytes(bom + SENTENCE.encode(encoding), "x.txt")
    assert decoded.text == SENTENCE
    assert decoded.warnings == []


def test_nfd_text_is_kept_as_decoded():
    nfd = unicodedata.normalize("NFD", SENTENCE)
    assert decode_bytes(nfd.encode("utf-8"), "x.txt").text == nfd


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


def _docx_bytes() -> bytes:
    d = docx.Document()
    d.add_paragraph("KẾ HOẠCH")
    table = d.add_table(rows=2, cols=3)
    table.cell(0, 0).text = "STT"
    table.cell(0, 1).text = "Nội dung"
    table.cell(0, 2).text = "Thời gian"
    merged = table.cell(1, 0).merge(table.cell(1, 1))
    merged.text = "Rà soát TTHC"
    cell = table.cell(1, 2)
    cell.text = "- Quý I/2023"
    cell.add_paragraph("- Tháng 12/2023")
    d.add_paragraph("Nơi nhận:")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_docx_paragraphs_and_tables_in_order():
    decoded = decode_bytes(_docx_bytes(), "plan.docx")
    assert decoded.text.split("\n") == [
        # a cell merged across two columns is read once, at its first column, so every row
        # keeps the header's column positions
        "KẾ HOẠCH", "STT\tNội dung\tThời gian", "Rà soát TTHC\t\t- Quý I/2023 - Tháng 12/2023", "Nơi nhận:",
    ]
    assert decoded.format == "docx"


def _text_pdf(text: str) -> bytes:
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for i, obj in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def test_pdf_text_layer():
    decoded = decode_bytes(_text_pdf("So: 76/NQ-CP ngay 15/7/2021"), "plan.pdf")
    assert "76/NQ-CP" in decoded.text and decoded.format == "pdf"


def _blank_pdf() -> bytes:
    w = PdfWriter()
    w.add_blank_page(612, 792)
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def _bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"0" * 50_000_000)
    return buf.getvalue()


@pytest.mark.parametrize("name,data,message", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\t ", "empty file"),
    ("bin.txt", bytes(range(256)) * 40, "binary file"),
    ("scan.pdf", _blank_pdf(), "PDF has no text layer"),
    ("broken.docx", b"PK\x03\x04 not really a zip", "corrupt zip"),
    ("fake.docx", b"plain text with a docx name", "not a valid .docx"),
    ("bomb.docx", _bomb(), "refused: the .docx would inflate"),
])
def test_bad_inputs_give_one_clear_line(name, data, message):
    with pytest.raises(InputError) as err:
        decode_bytes(data, name)
    assert message in str(err.value) and "\n" not in str(err.value)


def test_paths(tmp_path, monkeypatch):
    with pytest.raises(InputError, match="no such file"):
        decode_path(tmp_path / "missing.txt")
    (tmp_path / "a.xlsx").write_bytes(b"x")
    with pytest.raises(InputError, match="unsupported file type '.xlsx'"):
        decode_path(tmp_path / "a.xlsx")
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2000)
    monkeypatch.setenv("CANCU_MAX_BYTES", "1000")
    with pytest.raises(InputError, match="raise it with CANCU_MAX_BYTES"):
        decode_path(big)
    monkeypatch.delenv("CANCU_MAX_BYTES")
    (tmp_path / "none").mkdir()
    with pytest.raises(InputError, match="no .txt, .docx or .pdf"):
        expand_inputs(tmp_path / "none")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "p.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(SENTENCE, encoding="utf-8")
    assert expand_inputs(tmp_path) == [tmp_path / "big.txt", tmp_path / "sub" / "p.txt"]


def test_seed_decodes_byte_exact(seeds):
    data = seeds[3].read_bytes()
    decoded = decode_path(seeds[3])
    assert decoded.text == data.decode("utf-8") and len(decoded.sha256) == 64


def _tcvn3(text: str) -> bytes:
    from cancu.loaders.decode import _tcvn3 as table

    back = {v: k for k, v in table().items()}
    return bytes(ord(c) if ord(c) < 128 else back[c] for c in text)


def test_legacy_tcvn3_is_detected_with_a_warning():
    text = "Kế hoạch cải cách hành chính của tỉnh Bảo Thắng năm 2024, thực hiện các nhiệm vụ được giao. " * 10
    decoded = decode_bytes(_tcvn3(text), "x.txt")
    assert (decoded.text, decoded.encoding) == (text, "tcvn3")
    assert decoded.warnings == ["encoding not UTF-8: decoded as tcvn3 (a guess)"]

