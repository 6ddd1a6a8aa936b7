"""Legacy Word .doc (antiword) and saved web pages (trafilatura): the same plan as its .txt / .docx.

Fixtures (tests/fixtures/readers/build_fixtures.py): examples 01 and 04 saved as
Word 97 by LibreOffice, and example 01 as a legal-database page with its site
around it.
"""

from __future__ import annotations

import os
import shutil
import unicodedata
from pathlib import Path

import pytest

from cancu.errors import InputError
from cancu.loaders.decode import decode_bytes, decode_path
from cancu.loaders.extract import extract_path
from cancu.loaders.read_doc import OLE_MAGIC, docbook_lines
from cancu.loaders.read_html import read_html

from conftest import EXAMPLES

READERS = Path(__file__).parent / "fixtures" / "readers"
if shutil.which("antiword") is None and os.environ.get("CANCU_REQUIRE_OCR"):
    raise RuntimeError("CANCU_REQUIRE_OCR is set but antiword is not installed")
needs_antiword = pytest.mark.skipif(shutil.which("antiword") is None, reason="antiword is not installed")


def facts(record) -> tuple:
    d = record.document
    return (
        (d.number, d.type, d.issuer, d.jurisdiction, d.level, d.date, d.title, d.period),
        [b.number for b in record.legal_bases],
    )


# ---- .doc -----------------------------------------------------------------------------------------


@needs_antiword
@pytest.mark.parametrize(
    "doc,original",
    [
        ("01_ubnd_tinh_lam_dong_2026.doc", "01_ubnd_tinh_lam_dong_2026.txt"),
        ("04_xa_duc_trong_2026.doc", "04_xa_duc_trong_2026.docx"),
    ],
)
def test_doc_gives_the_facts_of_its_original(doc, original):
    from_doc, from_original = extract_path(READERS / doc), extract_path(EXAMPLES / original)
    assert from_doc.format == "doc"
    assert facts(from_doc) == facts(from_original)
    # the .docx's signer block is a borderless table the table reader takes for a task; antiword prints it as text
    real = [(t.lead, t.text) for t in from_original.tasks if t.lead != ["CHỦ TỊCH"]]
    assert [(t.lead, t.text) for t in from_doc.tasks] == real
    assert len(real) == {"01": 3, "04": 2}[doc[:2]]


@needs_antiword
def test_doc_task_table_rows_are_tab_joined_cells():
    text = decode_path(READERS / "04_xa_duc_trong_2026.doc").text
    assert (
        "1\tRà soát, công khai thủ tục hành chính thuộc thẩm quyền của xã\tVăn phòng HĐND và UBND xã\t"
        "Trung tâm Phục vụ hành chính công xã\tBáo cáo\tQuý I/2026"
    ) in text.split("\n")


def test_docbook_cells_join_paragraphs_like_the_docx_reader():
    xml = b"""<?xml version="1.0"?><book><bookinfo><author>x</author></bookinfo><chapter><title/>
    <para>\nS\xe1\xbb\x91: 5/KH-UBND\n</para>
    <para><informaltable><tgroup cols="3"><tbody>
    <row><entry>\n1\n</entry><entry>\nR\xc3\xa0 so\xc3\xa1t\n- Qu\xc3\xbd I/2023\nB\xc3\xa1o c\xc3\xa1o\n</entry><entry>\n</entry></row>
    </tbody></tgroup></informaltable></para></chapter></book>"""
    assert docbook_lines(xml, "x.doc") == ["Số: 5/KH-UBND", "1\tRà soát - Quý I/2023; Báo cáo\t"]


@needs_antiword
def test_an_ole_file_that_is_not_word_is_one_line():
    with pytest.raises(InputError) as err:
        decode_bytes(OLE_MAGIC + b"\x00" * 600, "sheet.doc")
    assert str(err.value).startswith("sheet.doc: not a readable Word .doc file")
    assert "\n" not in str(err.value)


def test_without_antiword_one_line_says_what_to_install(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(InputError) as err:
        decode_path(READERS / "01_ubnd_tinh_lam_dong_2026.doc")
    assert str(err.value) == (
        f"{READERS / '01_ubnd_tinh_lam_dong_2026.doc'}: reading .doc files needs antiword: "
        "install antiword (Debian/Ubuntu: apt-get install antiword)"
    )


# ---- .html ----------------------------------------------------------------------------------------


def test_page_gives_the_facts_of_its_text():
    page, text = (
        extract_path(READERS / "01_tvpl.html"),
        extract_path(EXAMPLES / "01_ubnd_tinh_lam_dong_2026.txt"),
    )
    assert page.format == "html"
    assert facts(page) == facts(text)
    assert [(t.lead, t.text) for t in page.tasks] == [(t.lead, t.text) for t in text.tasks]


def test_page_metadata_on_top_then_the_document_without_the_site():
    text = decode_path(READERS / "01_tvpl.html").text
    lines = text.split("\n")
    assert lines[:8] == [
        "Số hiệu: 15/KH-UBND",
        "Loại văn bản: Kế hoạch",
        "Nơi ban hành: Tỉnh Lâm Đồng",
        "Người ký: Nguyễn Văn Minh",
        "Ngày ban hành: 20/01/2026",
        "Ngày hiệu lực: 20/01/2026",
        "Tình trạng: Còn hiệu lực",
        "---",
    ]
    assert "Số: 15/KH-UBND | Lâm Đồng, ngày 20 tháng 01 năm 2026" in lines
    assert lines[-1] == "Nguyễn Văn Minh"
    for chrome in (
        "Trang chủ",
        "Đăng nhập",
        "Tìm kiếm",
        "Văn bản liên quan",
        "09/KH-UBND",
        "Giấy phép",
        "99/KH-UBND",
        "color:red",
        "Pro",
    ):
        assert chrome not in text, chrome


@pytest.mark.parametrize(
    "markup,expected",
    [
        # a table of any width: "cell | cell | cell", trailing empty cells dropped
        (
            "<table><tr><td>STT</td><td>Nội dung</td><td>Cơ quan chủ trì</td><td></td></tr></table>",
            ["STT | Nội dung | Cơ quan chủ trì"],
        ),
        # list items keep or get their dash
        ("<ul><li>Sở Nội vụ chủ trì</li><li>- Sở Tư pháp</li></ul>", ["- Sở Nội vụ chủ trì", "- Sở Tư pháp"]),
        # a line break inside a paragraph stays a line break
        ("<p>Nơi nhận:<br>- Bộ Nội vụ;</p>", ["Nơi nhận:", "- Bộ Nội vụ;"]),
    ],
)
def test_page_blocks_become_lines(markup, expected):
    filler = "<p>" + "Cải cách hành chính nhà nước trên địa bàn tỉnh. " * 8 + "</p>"
    page = f"<html><body><article>{filler}{markup}</article></body></html>".encode()
    lines = read_html(page, "p.html")[0].split("\n")
    assert lines[1:] == expected


def test_metadata_given_as_label_colon_value_cells():
    page = (
        "<html><body><table><tr><td>Số ký hiệu: 252/KH-UBND</td><td>Ngày ban hành: 09/12/2024</td></tr></table>"
        "<article><p>"
        + "Kế hoạch cải cách hành chính năm 2025 của tỉnh. " * 8
        + "</p></article></body></html>"
    )
    text, encoding = read_html(page.encode(), "m.html")
    assert text.split("\n")[:3] == ["Số ký hiệu: 252/KH-UBND", "Ngày ban hành: 09/12/2024", "---"]
    assert encoding == "utf-8"


def test_page_in_a_declared_legacy_charset():
    sentence = "Ủy ban nhân dân tỉnh ban hành Kế hoạch cải cách hành chính."
    page = f'<html><head><meta charset="windows-1258"></head><body><article><p>{" ".join([sentence] * 6)}</p></article></body></html>'
    text, encoding = read_html(_cp1258(page), "c.htm")
    assert encoding == "windows-1258"
    assert unicodedata.normalize("NFC", text) == " ".join([sentence] * 6)


def _cp1258(text: str) -> bytes:
    from test_decode import cp1258

    return cp1258(text)


@pytest.mark.parametrize(
    "name,page",
    [
        (
            "nav.html",
            b"<!DOCTYPE html><html><body><nav><a href='/'>Trang ch\xe1\xbb\xa7</a></nav>"
            b"<footer>\xc2\xa9 2026</footer></body></html>",
        ),
        ("empty.htm", b"<html><body></body></html>"),
        (
            "stdin",
            b"<!doctype html><html><head><title>Tim kiem</title></head><body><form><input></form></body></html>",
        ),
    ],
)
def test_a_page_with_no_document_is_one_line(name, page):
    with pytest.raises(InputError) as err:
        decode_bytes(page, name)
    assert (
        str(err.value)
        == f"{name}: no document text in this web page (only site navigation, or an empty page)"
    )


def test_script_text_is_never_read():
    page = (
        "<html><body><script>document.write('Số: 99/KH-UBND')</script><article><p>"
        + "Kế hoạch cải cách hành chính năm 2025 của tỉnh. " * 8
        + "</p></article></body></html>"
    )
    assert "99/KH-UBND" not in read_html(page.encode(), "s.html")[0]
