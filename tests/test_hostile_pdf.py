"""PDFs built to make cancu work without end are refused in one line, before any text is read.

The files are real PDFs (written byte by byte below, as a hostile tool would write them): many pages
sharing one Flate content stream, a page tree whose /Count lies, a few pages sharing a large stream.
"""

from __future__ import annotations

import zlib

import pytest

from cancu.errors import InputError
from cancu.loaders.decode import decode_bytes
from cancu.loaders.decode_pdf import MAX_CONTENT, MAX_PAGES

LINE = b"(Ke hoach cai cach hanh chinh nam 2026) Tj 0 -12 Td "


def shared_stream_pdf(pages: int, lines: int, count: int | None = None) -> bytes:
    """``pages`` pages drawing one content stream of ``lines`` text lines; ``count`` is the /Count the
    page tree declares (the truth unless given)."""
    content = b"BT /F1 10 Tf 72 720 Td " + LINE * lines + b"ET"
    packed = zlib.compress(content, 9)
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        4: b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream",
    }
    page = b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << /F1 3 0 R >> >> >>"
    objects.update({5 + i: page for i in range(pages)})
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
    objects[2] = b"<< /Type /Pages /MediaBox [0 0 612 792] /Count %d /Kids [%s] >>" % (
        pages if count is None else count,
        kids,
    )
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for n in sorted(objects):
        offsets[n] = len(out)
        out += b"%d 0 obj\n" % n + objects[n] + b"\nendobj\n"
    xref, size = len(out), max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    out += b"".join(b"%010d 00000 n \n" % offsets[n] for n in range(1, size))
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


def test_an_honest_shared_stream_pdf_reads():
    decoded = decode_bytes(shared_stream_pdf(3, 2), "ok.pdf")
    assert decoded.text.count("Ke hoach cai cach hanh chinh nam 2026") == 6
    assert decoded.text.count("\f") == 2


@pytest.mark.parametrize(
    "name,pages,lines,count,message",
    [
        (
            "twenty-thousand.pdf",
            20_000,
            40,
            None,
            f"twenty-thousand.pdf: PDF of 20,000 pages is over the limit of {MAX_PAGES:,} pages "
            "(a plan is far shorter; split the file)",
        ),
        (
            "lying-count.pdf",
            20_000,
            40,
            1,
            f"lying-count.pdf: PDF of more than {MAX_PAGES:,} pages is over the limit of {MAX_PAGES:,} pages "
            "(a plan is far shorter; split the file)",
        ),
        (
            "shared-megabyte.pdf",
            40,
            12_000,
            None,
            f"shared-megabyte.pdf: PDF pages hold over {MAX_CONTENT:,} bytes of drawing instructions "
            "(a stream shared by many pages counts for each), far more than a plan; refused",
        ),
    ],
    ids=["20000-pages", "lying-count", "shared-megabyte"],
)
def test_pdf_work_is_bounded_before_any_text_is_read(name, pages, lines, count, message):
    """Before: 20,000 pages ran 12 s (29 s in the issue's run) to a plan with no facts; 20 pages
    sharing 1 MB of instructions read for 243 s."""
    data = shared_stream_pdf(pages, lines, count)
    assert len(data) < 3_000_000
    with pytest.raises(InputError) as err:
        decode_bytes(data, name)
    assert str(err.value) == message
