"""Scanned PDFs and images read through Tesseract: the scan of a plan gives the facts of its text.

Scans are made from real plan text by tests/fixtures/readers/scanmaker.py (DejaVu,
rotation, speckle, a red seal and a blue signature); two small ones are kept as
fixtures. The default run OCRs about four pages; ``-m slow`` runs the whole
comparison (13 pages: examples 01-03 and the clean seed 003).
"""

from __future__ import annotations

import io
import os
import shutil
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from cancu.errors import InputError
from cancu.loaders import decode_ocr
from cancu.loaders.decode import decode_bytes, decode_path
from cancu.loaders.extract import extract_decoded, extract_path

from conftest import EXAMPLES, SEEDS

READERS = Path(__file__).parent / "fixtures" / "readers"
sys.path.insert(0, str(READERS))

import ocr_eval  # noqa: E402
import scanmaker  # noqa: E402


def _ocr_missing() -> str | None:
    if shutil.which("tesseract") is None:
        return "tesseract is not installed"
    try:
        decode_ocr.engine()
    except InputError as err:
        return str(err)
    return None


MISSING = _ocr_missing()
if MISSING and os.environ.get("CANCU_REQUIRE_OCR"):
    raise RuntimeError(f"CANCU_REQUIRE_OCR is set but OCR is unavailable: {MISSING}")
needs_ocr = pytest.mark.skipif(MISSING is not None, reason=MISSING or "")


@pytest.fixture(autouse=True)
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("CANCU_CACHE_DIR", str(folder))
    return folder


def facts(record) -> tuple:
    d = record.document
    return (
        (d.number, d.type, d.issuer, d.jurisdiction, d.level, d.date, d.title, d.period),
        [b.number for b in record.legal_bases],
    )


def leads(record) -> list:
    return [tuple(t.lead) for t in record.tasks]


@needs_ocr
def test_scanned_fixture_reads_like_its_text():
    scanned = extract_path(READERS / "02_scan.pdf")
    text = extract_path(EXAMPLES / "02_so_noi_vu_lam_dong_2026.txt")
    assert facts(scanned) == facts(text)
    assert leads(scanned) == leads(text)
    assert scanned.format == "pdf+ocr"
    assert scanned.warnings[0].startswith("OCR: page 1 of 1 read by tesseract ")
    assert scanned.warnings[0].endswith(" (vie); check facts against the scan")


@needs_ocr
def test_second_load_of_the_same_scan_does_no_ocr(cache):
    data = (READERS / "02_scan.pdf").read_bytes()
    before = (decode_ocr.STATS.pages_read, decode_ocr.STATS.pages_cached)
    first = decode_bytes(data, "a.pdf")
    middle = (decode_ocr.STATS.pages_read, decode_ocr.STATS.pages_cached)
    second = decode_bytes(data, "b.pdf")
    after = (decode_ocr.STATS.pages_read, decode_ocr.STATS.pages_cached)
    assert (middle[0] - before[0], middle[1] - before[1]) == (1, 0)
    assert (after[0] - middle[0], after[1] - middle[1]) == (0, 1)
    assert first.text == second.text
    assert [p.suffix for p in (cache / "ocr").iterdir()] == [".json"]


@needs_ocr
def test_a_damaged_cache_entry_is_read_again(cache):
    data = (READERS / "02_scan.pdf").read_bytes()
    first = decode_bytes(data, "a.pdf").text
    (entry,) = (cache / "ocr").iterdir()
    entry.write_text("{not json", encoding="utf-8")
    read = decode_ocr.STATS.pages_read
    assert decode_bytes(data, "a.pdf").text == first
    assert decode_ocr.STATS.pages_read == read + 1


@needs_ocr
def test_image_file_of_the_clean_seed():
    seed = next(SEEDS.glob("003_*.txt"))
    image = extract_path(READERS / "seed003_p1.jpg")
    text = extract_path(seed)
    assert image.format == "image+ocr"
    assert (image.document.number, image.document.date, image.document.issuer) == (
        text.document.number,
        text.document.date,
        text.document.issuer,
    )
    assert (
        [b.number for b in image.legal_bases]
        == [b.number for b in text.legal_bases]
        == ["192/KH-UBND", "52/KH-UBND"]
    )


@needs_ocr
def test_pdf_with_a_text_page_and_a_scanned_page_reads_both():
    from test_decode import text_pdf

    writer = PdfWriter()
    writer.add_page(PdfReader(io.BytesIO(text_pdf("Ke hoach 12/KH-UBND"))).pages[0])
    writer.add_page(PdfReader(READERS / "02_scan.pdf").pages[0])
    out = io.BytesIO()
    writer.write(out)
    decoded = decode_bytes(out.getvalue(), "mixed.pdf")
    first, second = decoded.text.split("\f")
    assert first == "Ke hoach 12/KH-UBND"
    assert "Số: 40/KH-SNV" in second
    assert decoded.format == "pdf+ocr"
    assert decoded.warnings[0].startswith("OCR: page 2 of 2 read by tesseract ")


@needs_ocr
def test_a_seal_and_a_signature_do_not_become_text():
    """A page with a signer block only: the red seal ("ỦY BAN NHÂN DÂN" on it) and the blue scrawl
    leave no line behind; the black text is read."""
    text = "Nơi nhận:\n- Sở Nội vụ;\n- Lưu: VT.\n\n\n\n\n\n                              Nguyễn Văn Minh"
    pdf = scanmaker.scan_pdf(text, seed=11)
    lines = decode_bytes(pdf, "seal.pdf").text.strip().split("\n")
    assert [line for line in lines if line] == ["Nơi nhận:", "- Sở Nội vụ;", "- Lưu: VT.", "Nguyễn Văn Minh"]


@needs_ocr
def test_a_ruled_task_table_keeps_its_rows():
    """Example 04's task table (a Word file) printed and scanned: the same tasks and leads."""
    docx_text = decode_path(EXAMPLES / "04_xa_duc_trong_2026.docx").text
    scanned = extract_decoded(decode_bytes(scanmaker.scan_pdf(docx_text, seed=4), "04.pdf"))
    word = extract_path(EXAMPLES / "04_xa_duc_trong_2026.docx")
    table = [(t.lead, t.text) for t in word.tasks if t.source == "table" and t.lead != ["CHỦ TỊCH"]]
    assert [(t.lead, t.text) for t in scanned.tasks if t.source == "table"] == table
    assert len(table) == 2  # the Word file's signer block, a borderless table, is not a task on paper


def test_without_tesseract_one_line_says_what_to_install(monkeypatch):
    """The real program missing (its name pointed at nothing): a scan gets one line, a text PDF reads."""
    import pytesseract
    from test_decode import text_pdf

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    decode_ocr._engine.cache_clear()
    try:
        with pytest.raises(InputError) as err:
            decode_path(READERS / "02_scan.pdf")
        message = str(err.value)
        assert message == (
            f"{READERS / '02_scan.pdf'}: 1 of 1 page(s) are scanned images and need OCR; "
            f"{decode_ocr.INSTALL_HINT}"
        )
        assert "\n" not in message
        assert decode_bytes(text_pdf("Ke hoach 12/KH-UBND"), "t.pdf").text == "Ke hoach 12/KH-UBND"
    finally:
        decode_ocr._engine.cache_clear()


@needs_ocr
@pytest.mark.slow
def test_scans_of_the_examples_and_the_clean_seed_give_the_text_facts(request):
    """13 pages; document fields and legal bases equal the text's, targets and task leads F1 >= 0.90
    against the gold (the figures are printed for the note)."""
    if "slow" not in (request.config.getoption("markexpr") or ""):
        pytest.skip("a long run (about 2 minutes of OCR): select it with pytest -m slow")
    results = [ocr_eval.compare(name, text, gold, seed=7) for name, text, gold in ocr_eval.CASES]
    assert sum(r.pages for r in results) >= 10
    differences = [
        d for r in results for d in r.differences if not (r.name == "03" and d.startswith("document.title"))
    ]  # OCR adds a tone to "chinh"
    assert differences == []
    scan, text = ocr_eval.f1(results, "scan"), ocr_eval.f1(results, "text")
    print(
        f"\nOCR path F1 {scan}; text path F1 {text}; {sum(r.pages for r in results)} pages in "
        f"{sum(r.seconds for r in results):.0f} s"
    )
    assert all(value >= 0.90 for value in scan.values()), scan
