"""A .docx (a zip) built to cost memory before anything is checked is refused from its end record.

zipfile turns every entry of the central directory into an object before cancu sees one: 400,000
empty parts in a 35 MB file once cost 5.6 s and 350 MB before the file was refused. The size of the
directory, read from the end record (or the Zip64 record it defers to), is checked first.
"""

from __future__ import annotations

import io
import zipfile

import pytest

from cancu.errors import InputError
from cancu.loaders.decode import decode_bytes
from cancu.loaders.decode_docx import MAX_DIRECTORY


def many_parts(count: int, zip64_size: bool = False) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        z.writestr("word/document.xml", b"<x/>")
        for i in range(count):
            z.writestr(zipfile.ZipInfo(f"p{i}"), b"")
    data = bytearray(buf.getvalue())
    if zip64_size:  # the end record defers to the Zip64 record, as a tool may write it
        end = data.rindex(b"PK\x05\x06")
        data[end + 12 : end + 16] = b"\xff\xff\xff\xff"
    return bytes(data)


@pytest.mark.parametrize("count,zip64_size", [(60_000, False), (70_000, True)], ids=["end-record", "zip64"])
def test_a_zip_listing_too_many_parts_is_refused_before_it_is_parsed(count, zip64_size):
    data = many_parts(count, zip64_size)
    directory = sum(46 + len(f"p{i}") for i in range(count)) + 46 + len("word/document.xml")
    with pytest.raises(InputError) as err:
        decode_bytes(data, "parts.docx")
    assert str(err.value) == (
        f"parts.docx: refused: the .docx's list of parts is {directory:,} bytes "
        f"(a document's is a few KB; limit {MAX_DIRECTORY:,})"
    )


def test_a_zip_with_a_few_parts_goes_on_to_the_usual_checks():
    with pytest.raises(InputError, match=r"^few\.docx: not a readable \.docx"):
        decode_bytes(many_parts(10), "few.docx")
