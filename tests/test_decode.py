"""Decoding: every encoding round-trips, .docx keeps its table grid, .pdf its pages, and every bad
input is one clear InputError line naming the file. Fixtures are built here, in tmp_path or memory."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import sys
import unicodedata
import zipfile

import docx
import pytest
from docx.oxml import parse_xml
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter

from cancu.errors import InputError
from cancu.loaders.decode import Decoded, decode_bytes, decode_path, expand_inputs
from cancu.loaders.decode_detect import is_syllable
from cancu.loaders.decode_docx import MAX_RATIO, MAX_UNZIPPED
from cancu.loaders.decode_legacy import (
    decode_tcvn3,
    decode_vni,
    encode_tcvn3,
    encode_vni,
    tcvn3_table,
    vni_table,
)

# Sentences written for these tests (administrative Vietnamese, every tone and hat letter).
SENTENCES = [
    "Ủy ban nhân dân huyện ban hành Kế hoạch cải cách hành chính năm 2024.",
    "Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ.",
    "Sở Nội vụ chủ trì, phối hợp với các sở, ban, ngành theo dõi, đôn đốc việc thực hiện.",
    "Đẩy mạnh ứng dụng công nghệ thông tin, chuyển đổi số trong hoạt động của cơ quan nhà nước.",
    "Tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 98%; mức độ hài lòng của người dân đạt 90%.",
    "Báo cáo kết quả gửi về Ủy ban nhân dân tỉnh trước ngày 15 tháng 12 hằng năm.",
    "Rà soát, đơn giản hóa thủ tục hành chính, cắt giảm thời gian và chi phí tuân thủ.",
    "Kiện toàn tổ chức bộ máy, tinh giản biên chế gắn với vị trí việc làm.",
    "Thủ trưởng các cơ quan, đơn vị chịu trách nhiệm trước Chủ tịch về kết quả cải cách.",
    "Quý I/2024: hoàn thành việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính.",
    "Xây dựng chính quyền điện tử, hướng tới chính quyền số, nền kinh tế số và xã hội số.",
    "Tăng cường kỷ luật, kỷ cương hành chính; nâng cao đạo đức công vụ của đội ngũ cán bộ.",
    "Giao Văn phòng tổng hợp, tham mưu báo cáo định kỳ sáu tháng và một năm.",
    "Người đứng đầu phải gương mẫu, quyết liệt trong chỉ đạo, điều hành.",
    "Khuyến khích doanh nghiệp, hợp tác xã tham gia giám sát việc giải quyết thủ tục.",
    "Trường hợp có khó khăn, vướng mắc, kịp thời phản ánh về Sở Nội vụ để tổng hợp.",
    "Triển khai Đề án 06 về ứng dụng dữ liệu dân cư, định danh và xác thực điện tử.",
    "Huyện Bảo Thắng, thị xã Sa Pa, thành phố Lào Cai, xã Mường Khương.",
    "Nguồn kinh phí thực hiện từ ngân sách nhà nước và các nguồn hợp pháp khác.",
    "ĐẨY MẠNH CẢI CÁCH THỦ TỤC HÀNH CHÍNH, NÂNG CAO CHỈ SỐ HÀI LÒNG CỦA NGƯỜI DÂN.",
]
PARAGRAPH = " ".join(SENTENCES)
TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")


def cp1258(text: str) -> bytes:
    """Windows-1258 as Word writes it: precomposed where the code page has the letter, else the
    toneless letter followed by its combining tone mark."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            d = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in d if c not in TONES))
            out += (base + "".join(c for c in d if c in TONES)).encode("cp1258")
    return bytes(out)


# ---- legacy encodings ----------------------------------------------------------------------------


def test_tcvn3_table_is_the_standard_one():
    """Every row of legacy_tcvn3.csv against GNU libc's TCVN5712-1 converter."""
    if shutil.which("iconv") is None:
        pytest.skip("iconv not installed")
    table = tcvn3_table()
    assert len(table) == 138
    data = bytes(sorted(table))
    out = subprocess.run(
        ["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=data, capture_output=True, check=True
    )
    assert out.stdout.decode("utf-8") == "".join(table[b] for b in sorted(table))


def test_legacy_tables_decode_published_examples():
    assert decode_tcvn3(b"B\xb6o Th\xbeng, B\xb8t X\xb8t") == "Bảo Thắng, Bát Xát"
    assert decode_vni("Xin chaøo caùc baïn".encode("latin-1")) == "Xin chào các bạn"
    assert (
        decode_vni("ÑAÅY MAÏNH ÖÙNG DUÏNG, Ñoàng Thaùp".encode("latin-1")) == "ĐẨY MẠNH ỨNG DỤNG, Đồng Tháp"
    )


def test_vni_table_covers_every_vietnamese_letter_once():
    letters = set(vni_table().values())
    assert len(vni_table()) == len(letters) == 134  # 67 lowercase letters beyond ASCII, and their capitals
    for seq, letter in vni_table().items():
        assert decode_vni(seq) == letter


def test_vni_keeps_windows_1252_punctuation():
    text = "Giai đoạn 2021 – 2030: “chính quyền số”, nhiệt độ 25°C."
    assert encode_vni(text).endswith(b" 25\xb0C.")
    assert decode_vni(encode_vni(text)) == text


def test_vni_accepts_a_mark_of_the_other_case():
    assert decode_vni("AÙ Aù aÙ".encode("latin-1")) == "Á Á á"


@pytest.mark.parametrize("sentence", SENTENCES)
@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "cp1258"])
def test_each_sentence_alone_is_detected_and_round_trips(sentence, encoding):
    data = {"tcvn3": encode_tcvn3, "vni": encode_vni, "cp1258": cp1258}[encoding](sentence)
    decoded = decode_bytes(data, "plan.txt")
    assert decoded.encoding == encoding
    assert decoded.warnings == [f"encoding not UTF-8: decoded as {encoding} (a guess)"]
    if encoding == "cp1258":
        assert decoded.text == data.decode("cp1258")  # kept as decoded: combining tone marks stay
        assert unicodedata.normalize("NFC", decoded.text) == sentence
    else:
        assert decoded.text == sentence


def lossy(encode, text: str) -> tuple[bytes, str]:
    """``text`` in a legacy encoding, '?' for what it cannot hold; and the text it then stands for."""
    data, kept = bytearray(), []
    for c in text:
        try:
            data += encode(c)
            kept.append(c)
        except UnicodeEncodeError:
            data += b"?"
            kept.append("?")
    return bytes(data), "".join(kept)


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_every_seed_re_encoded_is_detected_and_decoded_exactly(seeds, encoding):
    """OCR'd plans, full of misspelt syllables, still read best in their own table."""
    for path in seeds:
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
        data, expected = lossy({"tcvn3": encode_tcvn3, "vni": encode_vni}[encoding], text)
        decoded = decode_bytes(data, path.name)
        assert (decoded.encoding, decoded.text) == (encoding, expected), path.name


def test_windows_1258_keeps_its_combining_marks():
    decoded = decode_bytes(cp1258(PARAGRAPH), "plan.txt")
    assert decoded.encoding == "cp1258"
    assert "Nghi\u0323 quyê\u0301t" in decoded.text
    assert decoded.text != unicodedata.normalize("NFC", decoded.text)


def test_a_whole_legacy_paragraph_round_trips():
    for encode, name in ((encode_tcvn3, "tcvn3"), (encode_vni, "vni")):
        decoded = decode_bytes(encode(PARAGRAPH + "\r\n") * 50, "plan.txt")
        assert (decoded.text, decoded.encoding) == ((PARAGRAPH + "\r\n") * 50, name)


def test_non_vietnamese_8bit_text_is_decoded_with_a_doubt():
    decoded = decode_bytes("Le café est très bon, déjà vu à Noël.".encode("cp1252"), "note.txt")
    assert decoded.text == "Le café est très bon, déjà vu à Noël."
    assert decoded.encoding == "cp1258"
    assert decoded.warnings[1].startswith("encoding: no decoding reads clearly as Vietnamese")


def test_utf8_with_a_few_broken_bytes_is_repaired_not_misread():
    data = PARAGRAPH.encode("utf-8").replace("Kế".encode(), b"K\xe1\xbb")
    decoded = decode_bytes(data, "plan.txt")
    assert decoded.encoding == "utf-8"
    assert decoded.text == PARAGRAPH.replace("Kế", "K\ufffd")
    assert decoded.warnings == ["encoding: UTF-8 with 1 invalid byte sequence(s), each replaced by U+FFFD"]


@pytest.mark.parametrize(
    "word,ok",
    [
        ("người", True),
        ("nghiêng", True),
        ("quốc", True),
        ("giữa", True),
        ("gì", True),
        ("khuỷu", True),
        ("Ủy", True),
        ("ĐẨY", True),
        ("hoà", True),
        ("hòa", True),
        ("thuở", True),
        ("ho¹ch", False),
        ("hoaïch", False),
        ("chöùc", False),
        ("thùc", False),
        ("kƠt", False),
        ("Keỏ", False),
        ("Nghũ", False),
        ("muà", False),
    ],
)
def test_syllable_check(word, ok):
    assert is_syllable(word) is ok


# ---- Unicode text ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "prefix,codec,expected",
    [
        (b"", "utf-8", "utf-8"),
        (b"\xef\xbb\xbf", "utf-8", "utf-8-sig"),
        (b"\xff\xfe", "utf-16-le", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be", "utf-16-be"),
        (b"", "utf-16-le", "utf-16-le"),
        (b"", "utf-16-be", "utf-16-be"),
        (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32-be"),
    ],
)
def test_unicode_with_and_without_bom(prefix, codec, expected):
    decoded = decode_bytes(prefix + PARAGRAPH.encode(codec), "plan.txt")
    assert (decoded.text, decoded.encoding, decoded.format, decoded.warnings) == (
        PARAGRAPH,
        expected,
        "txt",
        [],
    )


def test_nfd_input_is_kept_as_decoded():
    nfd = unicodedata.normalize("NFD", PARAGRAPH)
    assert nfd != PARAGRAPH
    assert decode_bytes(nfd.encode("utf-8"), "plan.txt").text == nfd


def test_seed_decodes_byte_exact(seeds):
    for path in seeds:
        raw = path.read_bytes()
        decoded = decode_path(path)
        assert decoded.sha256 == hashlib.sha256(raw).hexdigest()
        assert decoded.text == raw.decode("utf-8") and len(decoded.text) == len(raw.decode("utf-8"))
        assert (decoded.encoding, decoded.format, decoded.source) == ("utf-8", "txt", str(path))


# ---- .docx ---------------------------------------------------------------------------------------


def docx_bytes() -> bytes:
    d = docx.Document()
    d.add_paragraph("KẾ HOẠCH")
    d.add_paragraph("Cải cách hành chính năm 2024")
    table = d.add_table(rows=4, cols=4)
    for j, head in enumerate(["STT", "Nội dung", "Cơ quan chủ trì", "Thời gian"]):
        table.cell(0, j).text = head
    table.cell(1, 0).text = "1"
    table.cell(1, 1).text = "Rà soát TTHC"
    lead = table.cell(1, 2).merge(table.cell(2, 2))  # vertical merge: one agency for two rows
    lead.text = "Sở Nội vụ"
    lead.add_paragraph("Văn phòng UBND")
    due = table.cell(1, 3)
    due.text = "- Quý I/2024"
    due.add_paragraph("- Tháng 12/2024")
    table.cell(2, 0).text = "2"
    table.cell(2, 1).text = "Số hóa hồ sơ"
    table.cell(2, 3).text = "Thường xuyên"
    table.cell(3, 0).merge(
        table.cell(3, 3)
    ).text = "II. CẢI CÁCH TỔ CHỨC BỘ MÁY"  # a group row across the table
    d.add_paragraph("Nơi nhận:")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_docx_paragraphs_and_tables_in_document_order_on_the_grid():
    decoded = decode_bytes(docx_bytes(), "plan.docx")
    assert decoded.text.split("\n") == [
        "KẾ HOẠCH",
        "Cải cách hành chính năm 2024",
        "STT\tNội dung\tCơ quan chủ trì\tThời gian",
        "1\tRà soát TTHC\tSở Nội vụ; Văn phòng UBND\t- Quý I/2024 - Tháng 12/2024",
        "2\tSố hóa hồ sơ\t\tThường xuyên",
        "II. CẢI CÁCH TỔ CHỨC BỘ MÁY\t\t\t",
        "Nơi nhận:",
    ]
    assert (decoded.format, decoded.encoding, decoded.warnings) == ("docx", None, [])


def test_docx_sha256_is_of_the_input_bytes():
    data = docx_bytes()
    assert decode_bytes(data, "plan.docx").sha256 == hashlib.sha256(data).hexdigest()


def test_docx_line_breaks_and_tabs_inside_a_cell_stay_inside_it():
    d = docx.Document()
    table = d.add_table(rows=1, cols=2)
    run = table.cell(0, 0).paragraphs[0].add_run("- Quý I")
    run.add_break()
    run.add_text("- Quý II")
    table.cell(0, 1).paragraphs[0].add_run("a").add_tab()
    table.cell(0, 1).paragraphs[0].add_run("b")
    buf = io.BytesIO()
    d.save(buf)
    assert decode_bytes(buf.getvalue(), "t.docx").text == "- Quý I - Quý II\ta b"


def test_docx_reads_insertions_links_fields_and_content_controls_not_deletions_or_text_boxes():
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    d = docx.Document()
    para = d.add_paragraph("Sở ")
    for xml in (
        f'<w:ins {w} w:id="1" w:author="a"><w:r><w:t>Nội</w:t></w:r></w:ins>',
        f'<w:del {w} w:id="2" w:author="a"><w:r><w:delText>Tài chính</w:delText></w:r></w:del>',
        f'<w:hyperlink {w}><w:r><w:t xml:space="preserve"> vụ</w:t></w:r></w:hyperlink>',
        f'<w:fldSimple {w} w:instr="DATE"><w:r><w:t xml:space="preserve"> 2024</w:t></w:r></w:fldSimple>',
        f"<w:r {w}><w:pict><w:t>text box</w:t></w:pict></w:r>",
    ):
        para._p.append(parse_xml(xml))
    d.element.body.insert(
        1,
        parse_xml(
            f"<w:sdt {w}><w:sdtContent><w:p><w:r><w:t>Mục lục</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        ),
    )
    buf = io.BytesIO()
    d.save(buf)
    assert decode_bytes(buf.getvalue(), "t.docx").text == "Sở Nội vụ 2024\nMục lục"


# ---- .pdf ----------------------------------------------------------------------------------------


def text_pdf(*pages: str) -> bytes:
    """A minimal valid PDF written by hand: one Helvetica text line a page."""
    n = len(pages)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(n)), n),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for i, text in enumerate(pages):
        stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R >> >> >>" % (5 + 2 * i)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
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


def blank_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def encrypted(pdf: bytes, user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def test_pdf_text_layer_with_pages_joined_by_form_feed():
    data = text_pdf("So: 76/NQ-CP ngay 15/7/2021", "Noi nhan: So Noi vu")
    decoded = decode_bytes(data, "plan.pdf")
    assert decoded.text == "So: 76/NQ-CP ngay 15/7/2021\fNoi nhan: So Noi vu"
    assert (decoded.format, decoded.encoding, decoded.sha256) == (
        "pdf",
        None,
        hashlib.sha256(data).hexdigest(),
    )


def test_pdf_protected_only_against_copying_opens():
    assert decode_bytes(encrypted(text_pdf("Ke hoach 12/KH-UBND"), ""), "p.pdf").text == "Ke hoach 12/KH-UBND"


# ---- stdin: the format comes from the bytes, not the name ----------------------------------------


def test_stdin_is_sniffed_by_magic_bytes():
    assert decode_bytes(docx_bytes(), "stdin").format == "docx"
    assert decode_bytes(text_pdf("Ke hoach"), "stdin").format == "pdf"
    assert (decode_bytes(PARAGRAPH.encode(), "stdin").format, decode_bytes(b"PKH 2024", "stdin").text) == (
        "txt",
        "PKH 2024",
    )


# ---- bad input: one line, naming the file ---------------------------------------------------------


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


BAD_BYTES = [
    ("empty.txt", b"", "empty.txt: empty file"),
    ("blank.txt", b" \r\n\t ", "blank.txt: empty file"),
    ("blank16.txt", b"\xff\xfe" + "  \n".encode("utf-16-le"), "blank16.txt: empty file"),
    ("nul.txt", PARAGRAPH.encode() + b"\x00\x01\x02", "nul.txt: binary file, not text"),
    ("legacy-nul.txt", encode_tcvn3(PARAGRAPH) + b"\x00", "legacy-nul.txt: binary file, not text"),
    ("garbage.txt", bytes(range(1, 32)) * 50 + b"\xff", "garbage.txt: binary file, not text"),
    ("bad16.txt", b"\xff\xfe\x00\xd8", "bad16.txt: starts with a utf-16-le byte-order mark but is not valid"),
    ("blank.pdf", blank_pdf(), "blank.pdf: PDF has neither a text layer nor scanned page images"),
    ("locked.pdf", encrypted(text_pdf("Ke hoach"), "secret"), "locked.pdf: encrypted PDF with a password"),
    ("broken.pdf", b"%PDF-1.4\n garbage", "broken.pdf: not a readable PDF"),
    ("fake.pdf", b"plain text", "fake.pdf: not a valid .pdf file (corrupt or mislabelled)"),
    ("broken.docx", b"PK\x03\x04 not really a zip", "broken.docx: not a valid .docx (corrupt zip)"),
    (
        "fake.docx",
        b"plain text with a docx name",
        "fake.docx: not a valid .docx file (corrupt or mislabelled)",
    ),
    ("fake.doc", b"plain text with a doc name", "fake.doc: not a valid .doc file (corrupt or mislabelled)"),
    ("fake.png", b"plain text with a png name", "fake.png: not a valid .png file (corrupt or mislabelled)"),
    (
        "other.docx",
        zip_bytes({"content.xml": b"<x/>"}),
        "other.docx: not a .docx (no word/document.xml inside)",
    ),
    (
        "badxml.docx",
        zip_bytes({"[Content_Types].xml": b"<", "word/document.xml": b"<"}),
        "badxml.docx: not a readable .docx",
    ),
    (
        "bomb.docx",
        zip_bytes({"word/document.xml": b"0" * 20_000_000}),
        "bomb.docx: refused: the .docx would inflate to 20,000,000 bytes",
    ),
]


@pytest.mark.parametrize("name,data,message", BAD_BYTES, ids=[b[0] for b in BAD_BYTES])
def test_bad_bytes_give_one_clear_line(name, data, message):
    with pytest.raises(InputError) as err:
        decode_bytes(data, name)
    assert str(err.value).startswith(message)
    assert "\n" not in str(err.value)


def test_zip_bombs_are_refused_from_the_declared_sizes():
    """By ratio (2 MB of zeros packs to a few KB), and by a declared size past the limit that is
    never inflated (the central directory is patched to claim 300 MB)."""
    packed = zip_bytes({"word/document.xml": b"0" * 2_000_000})
    assert 2_000_000 / len(packed) > MAX_RATIO
    with pytest.raises(
        InputError, match=r"^r\.docx: refused: the \.docx would inflate to 2,000,000 bytes \(ratio"
    ):
        decode_bytes(packed, "r.docx")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        z.writestr("word/document.xml", b"<w:document/>")
    data = bytearray(buf.getvalue())
    central = data.rindex(b"PK\x01\x02")
    data[central + 24 : central + 28] = (300_000_000).to_bytes(4, "little")  # uncompressed size
    assert zipfile.ZipFile(io.BytesIO(bytes(data))).infolist()[0].file_size == 300_000_000
    with pytest.raises(
        InputError,
        match=f"^s\\.docx: refused: the \\.docx would inflate to 300,000,000 bytes .*limits {MAX_UNZIPPED:,}",
    ):
        decode_bytes(bytes(data), "s.docx")


def test_bad_paths_give_one_clear_line(tmp_path, monkeypatch):
    cases = []
    missing = tmp_path / "missing.txt"
    cases.append((lambda: decode_path(missing), f"{missing}: no such file"))
    for suffix in (".xlsx", ".odt", ""):
        path = tmp_path / f"plan{suffix}"
        path.write_bytes(b"x")
        cases.append(
            (
                lambda p=path: decode_path(p),
                f"{path}: unsupported file type '{suffix or '(none)'}' (cancu reads .txt, .docx, .doc, .pdf, "
                ".html, .htm, .png, .jpg, .jpeg, .tif, .tiff)",
            )
        )
    cases.append((lambda: decode_path(tmp_path), f"{tmp_path}: is a folder"))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    cases.append((lambda: decode_path(empty), f"{empty}: empty file"))
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    cases.append((lambda: decode_path(pipe), f"{pipe}: not a regular file"))
    for call, message in cases:
        with pytest.raises(InputError) as err:
            call()
        assert str(err.value).startswith(message), str(err.value)

    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2000)
    monkeypatch.setenv("CANCU_MAX_BYTES", "1000")
    with pytest.raises(InputError) as err:
        decode_path(big)
    assert (
        str(err.value)
        == f"{big}: 2,000 bytes is over the limit of 1,000 (raise it with CANCU_MAX_BYTES=<bytes>)"
    )
    with pytest.raises(InputError, match="over the limit of 1,000"):
        decode_bytes(b"a" * 2000, "stdin")
    monkeypatch.setenv("CANCU_MAX_BYTES", "3000")
    assert decode_path(big).text == "a" * 2000
    monkeypatch.setenv("CANCU_MAX_BYTES", "lots")
    with pytest.raises(InputError, match="^CANCU_MAX_BYTES='lots' is not a number of bytes$"):
        decode_path(big)


def test_expand_inputs(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        expand_inputs(tmp_path / "missing")
    (tmp_path / "none").mkdir()
    (tmp_path / "none" / "sheet.xlsx").write_bytes(b"x")
    with pytest.raises(InputError) as err:
        expand_inputs(tmp_path / "none")
    assert str(err.value) == (
        f"{tmp_path / 'none'}: no file cancu reads in this folder "
        "(.txt, .docx, .doc, .pdf, .html, .htm, .png, .jpg, .jpeg, .tif, .tiff)"
    )
    for rel in ("b.txt", "a/z.PDF", "a/y.docx", ".hidden.txt", ".git/x.txt", "a/.cache/w.txt", "c.xlsx"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(b"x")
    assert expand_inputs(tmp_path) == [
        tmp_path / "a" / "y.docx",
        tmp_path / "a" / "z.PDF",
        tmp_path / "b.txt",
    ]
    assert expand_inputs(tmp_path / "b.txt") == [tmp_path / "b.txt"]


# ---- anything at all: a Decoded or an InputError, never another exception -------------------------

PREFIXES = st.sampled_from(
    [b"", b"%PDF-1.4\n", b"PK\x03\x04", b"PK\x05\x06", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]
)


@settings(max_examples=300, deadline=None)
@given(
    prefix=PREFIXES, body=st.binary(max_size=600), name=st.sampled_from(["x.txt", "x.docx", "x.pdf", "stdin"])
)
def test_any_bytes_decode_or_raise_input_error(prefix, body, name):
    try:
        decoded = decode_bytes(prefix + body, name)
    except InputError as err:
        assert "\n" not in str(err) and str(err).startswith(name)
    else:
        assert isinstance(decoded, Decoded) and decoded.text.strip()
        assert decoded.sha256 == hashlib.sha256(prefix + body).hexdigest()


# ---- hostile files: bounded work (issue 20) -------------------------------------------------------

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@pytest.mark.parametrize(
    "tr,cells",
    [
        (f'<w:tr {W_NS}><w:tc><w:tcPr><w:gridSpan w:val="400000000"/></w:tcPr><w:p/></w:tc></w:tr>', 64),
        (f'<w:tr {W_NS}><w:trPr><w:gridBefore w:val="400000000"/></w:trPr><w:tc><w:p/></w:tc></w:tr>', 64),
        (
            f'<w:tr {W_NS}><w:tc><w:tcPr><w:gridSpan w:val="3"/></w:tcPr><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr>',
            4,
        ),
    ],
    ids=["gridSpan", "gridBefore", "honest"],
)
def test_docx_grid_spans_are_capped(tr, cells):
    """A 400-million-column span once ran > 300 s and 4-6.5 GB; a row is now at most 64 cells."""
    d = docx.Document()
    table = d.add_table(rows=1, cols=1)
    table._tbl.remove(table._tbl.tr_lst[0])
    table._tbl.append(parse_xml(tr))
    buf = io.BytesIO()
    d.save(buf)
    (line,) = decode_bytes(buf.getvalue(), "span.docx").text.split("\n")
    assert line.count("\t") + 1 == cells


def test_zip_bomb_whose_headers_lie_small_is_refused_by_what_it_inflates():
    """Both directories claim 1 KB for 50 MB of zeros: the inflated bytes are counted, not the claim."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", b"<x/>")
        z.writestr("word/document.xml", b"0" * 50_000_000)
    data = bytearray(buf.getvalue())
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.rindex(signature)
        data[at + offset : at + offset + 4] = (1000).to_bytes(4, "little")
    assert zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml").file_size == 1000
    with pytest.raises(InputError, match=r"^lie\.docx: refused: the \.docx inflates to [\d,]+ bytes \(ratio"):
        decode_bytes(bytes(data), "lie.docx")


def test_pdf_with_more_pages_than_a_plan_is_refused(monkeypatch):
    from cancu.loaders import decode_pdf

    monkeypatch.setattr(decode_pdf, "MAX_PAGES", 3)
    assert decode_bytes(text_pdf("a", "b", "c"), "ok.pdf").text == "a\fb\fc"
    with pytest.raises(InputError) as err:
        decode_bytes(text_pdf("a", "b", "c", "d"), "long.pdf")
    assert (
        str(err.value)
        == "long.pdf: PDF of 4 pages is over the limit of 3 pages (a plan is far shorter; split the file)"
    )


def test_stdin_is_read_with_the_size_check(monkeypatch):
    """A pipe is never read past the limit (a 1 GB pipe once took 1 GB of RAM)."""
    from cancu.loaders.decode import read_limited

    class Endless(io.RawIOBase):
        def __init__(self):
            self.given = 0

        def readable(self):
            return True

        def read(self, n=-1):
            self.given += n
            return b"a" * n

    monkeypatch.setenv("CANCU_MAX_BYTES", "5000000")
    pipe = Endless()
    with pytest.raises(InputError) as err:
        read_limited(pipe, "stdin")
    assert (
        str(err.value)
        == "stdin: more than 5,000,000 bytes, over the limit (raise it with CANCU_MAX_BYTES=<bytes>)"
    )
    assert pipe.given == 5_000_001
    assert read_limited(io.BytesIO(b"Ke hoach"), "stdin") == b"Ke hoach"


def test_cli_stdin_over_the_limit_is_one_line():
    env = {**os.environ, "CANCU_MAX_BYTES": "1000"}
    done = subprocess.run(
        [sys.executable, "-m", "cancu.cli", "extract", "-"], input=b"a" * 5000, capture_output=True, env=env
    )
    assert done.returncode != 0
    assert (
        done.stderr.decode()
        .strip()
        .splitlines()[-1]
        .endswith("stdin: more than 1,000 bytes, over the limit (raise it with CANCU_MAX_BYTES=<bytes>)")
    )
