"""The published dumps import as published: each layout's exact columns (fixtures made here, never copied
dumps), the th1nhng0 relationships table for successors and amendments, and the per-number index."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from cancu.cli import main
from cancu.ontology.registry import load_registry
from cancu.ontology.registry_index import IndexedFile, index_path
from cancu.ontology.status_import import detect_format, import_export

TODAY = "2026-11-22"

# th1nhng0/vietnamese-legal-documents, config `metadata` (legal-databases.md): one row per document
TH_COLUMNS = [
    "id",
    "so_ky_hieu",
    "loai_van_ban",
    "co_quan_ban_hanh",
    "title",
    "ngay_ban_hanh",
    "ngay_co_hieu_luc",
    "ngay_het_hieu_luc",
    "tinh_trang_hieu_luc",
    "pham_vi",
    "source_url",
]
TH_ROWS = [
    [
        "1",
        "61/2018/NĐ-CP",
        "Nghị định",
        "Chính phủ",
        "Về thực hiện cơ chế một cửa",
        "23/04/2018",
        "21/06/2018",
        "01/07/2025",
        "Hết hiệu lực toàn bộ",
        "Toàn quốc",
        "https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=1",
    ],
    [
        "2",
        "118/2025/NĐ-CP",
        "Nghị định",
        "Chính phủ",
        "Về thực hiện thủ tục hành chính theo cơ chế một cửa",
        "09/06/2025",
        "01/07/2025",
        "",
        "Còn hiệu lực",
        "Toàn quốc",
        "",
    ],
    [
        "3",
        "107/2021/NĐ-CP",
        "Nghị định",
        "Chính phủ",
        "Sửa đổi, bổ sung một số điều của Nghị định 61/2018/NĐ-CP",
        "06/12/2021",
        "06/12/2021",
        "01/07/2025",
        "Hết hiệu lực toàn bộ",
        "Toàn quốc",
        "",
    ],
    [
        "4",
        "01/2020/QĐ-UBND",
        "Quyết định",
        "Ủy ban nhân dân tỉnh Quảng Ngãi",
        "Quy chế",
        "10/01/2020",
        "20/01/2020",
        "",
        "Còn hiệu lực",
        "Tỉnh Quảng Ngãi",
        "",
    ],
    [
        "5",
        "01/2020/QĐ-UBND",
        "Quyết định",
        "Ủy ban nhân dân tỉnh Sóc Trăng",
        "Quy định",
        "12/02/2020",
        "22/02/2020",
        "15/03/2023",
        "Hết hiệu lực toàn bộ",
        "Tỉnh Sóc Trăng",
        "",
    ],
    ["6", "", "Quyết định", "Chính phủ", "Không số", "01/01/2020", "", "", "Còn hiệu lực", "Toàn quốc", ""],
    [
        "7",
        "9/2019/TT-BNV",
        "Thông tư",
        "Bộ Nội vụ",
        "x",
        "31/02/2019",
        "",
        "",
        "Còn hiệu lực",
        "Toàn quốc",
        "",
    ],
    [
        "8",
        "10/2019/TT-BNV",
        "Thông tư",
        "Bộ Nội vụ",
        "x",
        "01/03/2019",
        "",
        "",
        "Đang rà soát",
        "Toàn quốc",
        "",
    ],
]
REL_COLUMNS = ["doc_id", "other_doc_id", "relationship"]
REL_ROWS = [
    ["1", "2", "Văn bản quy định hết hiệu lực"],  # 61/2018's page: 118/2025 ended it
    ["2", "1", "Văn bản hết hiệu lực"],  # 118/2025's page: it ended 61/2018 (the same fact)
    ["2", "3", "Văn bản hết hiệu lực"],  # … and 107/2021
    ["1", "3", "Văn bản sửa đổi"],  # 61/2018's page: 107/2021 amended it
    ["3", "1", "Văn bản được sửa đổi"],  # 107/2021's page: it amended 61/2018 (the same fact)
    ["1", "2", "Văn bản căn cứ"],  # says nothing about status
    ["1", "99", "Văn bản sửa đổi"],  # an id not in the metadata
    ["5", "4"],  # malformed
]

# billpham/vbpl-datapack (viewer header): co_quan_ban_hanh reads "Cơ quan / Chức danh / Người ký"
BILLPHAM_COLUMNS = [
    "id",
    "so_ky_hieu",
    "tieu_de",
    "loai_van_ban",
    "co_quan_ban_hanh",
    "ngay_ban_hanh",
    "ngay_hieu_luc",
    "tinh_trang",
    "pham_vi",
    "nganh",
    "linh_vuc",
    "ngay_het_hieu_luc",
    "url",
    "noi_dung",
]
BILLPHAM_ROWS = [
    [
        "1",
        "05/2019/NQ-HĐND",
        "Ban hành Quy định các mức chi tiếp khách",
        "Nghị quyết",
        "Hội đồng Nhân dân tỉnh Đắk Nông / Chủ tịch / Lê Diễn",
        "2019-07-19",
        "2019-07-29",
        "Còn hiệu lực",
        "Tỉnh Đắc Nông",
        "",
        "",
        "",
        "https://vbpl.vn/daknong/Pages/vbpq-toanvan.aspx?ItemID=136354",
        "…",
    ],
    [
        "2",
        "36/2006/CT-TTG",
        "Về việc thực hiện Chương trình hành động",
        "Chỉ thị",
        "Thủ tướng Chính phủ / Thủ tướng / Nguyễn Tấn Dũng",
        "2006-11-15",
        "2006-12-13",
        "Hết hiệu lực toàn bộ",
        "Toàn quốc",
        "",
        "",
        "2016-01-01",
        "https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=2",
        "…",
    ],
]

# Mrkent1234/vbpl (viewer header): Vietnamese column names, "..." for no date
MRKENT_COLUMNS = [
    "id",
    "url",
    "Tiêu đề",
    "Số ký hiệu",
    "Ngày ban hành",
    "Loại văn bản",
    "Ngày có hiệu lực",
    "Nguồn thu thập",
    "Ngày đăng công báo",
    "Cơ quan ban hành/ Chức danh / Người ký",
    "Phạm vi",
    "Tình trạng hiệu lực",
    "html_content",
    "markdown_content",
    "Ngành",
    "Lĩnh vực",
    "Lí do hết hiệu lực",
    "Ngày hết hiệu lực",
    "Phần hết hiệu lực",
]
MRKENT_ROWS = [
    [
        "136354",
        "https://vbpl.vn/daknong/Pages/vbpq-toanvan.aspx?ItemID=136354",
        "Ban hành Quy định",
        "05/2019/NQ-HĐND",
        "19/07/2019",
        "Nghị quyết",
        "29/07/2019",
        "...",
        "...",
        "Hội đồng Nhân dân tỉnh Đắk Nông / Chủ tịch / Lê Diễn",
        "Tỉnh Đắc Nông",
        "Còn hiệu lực",
        "<div/>",
        "",
        "",
        "",
        "",
        "...",
        "",
    ],
    [
        "136355",
        "https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=136355",
        "Quy định",
        "45/2020/NĐ-CP",
        "08/04/2020",
        "Nghị định",
        "22/05/2020",
        "...",
        "...",
        "Chính phủ / Thủ tướng / Nguyễn Xuân Phúc",
        "Toàn quốc",
        "Hết hiệu lực toàn bộ",
        "<div/>",
        "",
        "",
        "",
        "Bị thay thế bởi Nghị định 118/2025/NĐ-CP",
        "01/07/2025",
        "",
    ],
]


def _csv(path: Path, columns: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(columns)
        w.writerows(rows)
    return path


def _jsonl(path: Path, columns: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(dict(zip(columns, r, strict=False)), ensure_ascii=False) + "\n")
    return path


def _parquet(path: Path, columns: list[str], rows: list[list[str]]) -> Path:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    full = [r + [""] * (len(columns) - len(r)) for r in rows]
    table = pa.table({c: [(r[i] or None) for r in full] for i, c in enumerate(columns)})
    pq.write_table(table, path)
    return path


WRITERS = {"csv": _csv, "jsonl": _jsonl, "parquet": _parquet}


def _rows(out: Path) -> list[dict[str, str]]:
    with out.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize(
    ("columns", "rows", "layout"),
    [
        (TH_COLUMNS, TH_ROWS, "th1nhng0"),
        (BILLPHAM_COLUMNS, BILLPHAM_ROWS, "vbpl"),
        (MRKENT_COLUMNS, MRKENT_ROWS, "mrkent"),
    ],
)
@pytest.mark.parametrize("kind", ["csv", "jsonl", "parquet"])
def test_each_layout_is_told_by_its_columns(tmp_path, columns, rows, layout, kind):
    path = WRITERS[kind](tmp_path / f"dump.{kind}", columns, rows[:2])
    assert detect_format(path) == layout


def test_th1nhng0_with_relationships_gives_successors_and_amendments(tmp_path):
    meta = _csv(tmp_path / "metadata.csv", TH_COLUMNS, TH_ROWS)
    rel = _csv(tmp_path / "relationships.csv", REL_COLUMNS, REL_ROWS)
    out = tmp_path / "imported-1.csv"
    report = import_export(meta, out, today=TODAY, relationships=rel)
    got = {(r["number"], r["jurisdiction"]): r for r in _rows(out)}
    assert report.fmt == "th1nhng0" and report.read == 8 and report.written == 5
    assert dict(report.unmapped) == {"no number": 1, "bad date (ngay_ban_hanh)": 1, "unknown status": 1}
    row = got["61/2018/NĐ-CP", ""]
    assert (row["status"], row["status_date"], row["replaced_by"], row["amended_by"]) == (
        "replaced",
        "2025-07-01",
        "118/2025/NĐ-CP",
        "107/2021/NĐ-CP",
    )
    assert (got["107/2021/NĐ-CP", ""]["status"], got["107/2021/NĐ-CP", ""]["replaced_by"]) == (
        "replaced",
        "118/2025/NĐ-CP",
    )
    assert (got["118/2025/NĐ-CP", ""]["status"], got["118/2025/NĐ-CP", ""]["replaced_by"]) == ("in_force", "")
    # the same local number in two provinces: two rows, each with its province
    assert got["01/2020/QĐ-UBND", "quang-ngai"]["status"] == "in_force"
    assert got["01/2020/QĐ-UBND", "soc-trang"]["status"] == "expired"
    assert dict(report.relations.counts) == {
        "successor": 3,
        "amendment": 2,
        "other relationship (not about status)": 1,
        "relationship names an id not in the metadata": 1,
        "malformed relationship row (wrong field count or not an object)": 1,
    }
    lines = report.lines()
    assert "read 8 relationship row(s):" in lines
    assert "  1 relationship names an id not in the metadata (first at relationships.csv:8)" in lines


def test_th1nhng0_parquet_imports_like_its_csv(tmp_path):
    meta = _parquet(tmp_path / "metadata.parquet", TH_COLUMNS, TH_ROWS)
    rel = _parquet(tmp_path / "relationships.parquet", REL_COLUMNS, REL_ROWS[:5])
    report = import_export(meta, tmp_path / "imported-1.csv", today=TODAY, relationships=rel)
    got = {r["number"]: r for r in _rows(tmp_path / "imported-1.csv") if not r["jurisdiction"]}
    assert report.written == 5 and got["61/2018/NĐ-CP"]["replaced_by"] == "118/2025/NĐ-CP"
    assert got["61/2018/NĐ-CP"]["amended_by"] == "107/2021/NĐ-CP"


@pytest.mark.parametrize(
    ("columns", "rows", "number", "expect"),
    [
        (
            BILLPHAM_COLUMNS,
            BILLPHAM_ROWS,
            "05/2019/NQ-HĐND",
            ("in_force", "", "Hội đồng Nhân dân tỉnh Đắk Nông", "dak-nong", "2019-07-19"),
        ),
        (
            BILLPHAM_COLUMNS,
            BILLPHAM_ROWS,
            "36/2006/CT-TTG",
            ("expired", "2016-01-01", "Thủ tướng Chính phủ", "", "2006-11-15"),
        ),
        (
            MRKENT_COLUMNS,
            MRKENT_ROWS,
            "45/2020/NĐ-CP",
            ("expired", "2025-07-01", "Chính phủ", "", "2020-04-08"),
        ),
    ],
)
def test_vbpl_datapacks_map_status_issuer_and_province(tmp_path, columns, rows, number, expect):
    out = tmp_path / "imported-1.csv"
    import_export(_csv(tmp_path / "dump.csv", columns, rows), out, today=TODAY)
    row = next(r for r in _rows(out) if r["number"] == number)
    assert (
        row["status"],
        row["status_date"],
        row["issuer"],
        row["jurisdiction"],
        row["date_issued"],
    ) == expect


def test_mrkent_keeps_the_reason_in_the_note(tmp_path):
    out = tmp_path / "imported-1.csv"
    import_export(_csv(tmp_path / "dump.csv", MRKENT_COLUMNS, MRKENT_ROWS), out, today=TODAY)
    row = next(r for r in _rows(out) if r["number"] == "45/2020/NĐ-CP")
    assert row["note"] == (
        "Tình trạng hiệu lực: Hết hiệu lực toàn bộ; replaced when the export names a replacing document; "
        "ngày hiệu lực 2020-05-22; Lí do hết hiệu lực: Bị thay thế bởi Nghị định 118/2025/NĐ-CP"
    )


def test_an_import_is_read_through_its_index(tmp_path):
    meta = _csv(tmp_path / "metadata.csv", TH_COLUMNS, TH_ROWS)
    out = tmp_path / "imported-1.csv"
    import_export(meta, out, today=TODAY, relationships=_csv(tmp_path / "rel.csv", REL_COLUMNS, REL_ROWS))
    indexed = IndexedFile.open(out)
    assert indexed is not None and indexed.count() == 5
    reg = load_registry([out])
    assert reg.status_of("01/2020/QĐ-UBND", 2020, "soc-trang").status == "expired"
    assert reg.status_of("01/2020/QĐ-UBND", 2020, "quang-ngai").status == "in_force"
    assert reg.status_of("01/2020/QĐ-UBND", 2020, "dong-thap") is None  # another province's number
    assert reg.status_of("01/2020/QĐ-UBND", 2020) is None  # a national citation never takes a local row
    assert reg.status_of("61/2018/NĐ-CP", 2018).replaced_by == ("118/2025/NĐ-CP",)
    # a CSV edited after the import is read in full again (the index no longer describes it)
    with out.open("a", encoding="utf-8") as f:
        f.write(out.read_text(encoding="utf-8").splitlines()[1].replace("61/2018", "62/2018") + "\n")
    assert IndexedFile.open(out) is None
    assert load_registry([out]).status_of("62/2018/NĐ-CP", 2018).status == "replaced"
    index_path(out).write_bytes(b"not a database")
    assert IndexedFile.open(out) is None


def test_cli_import_with_relationships_and_a_bad_table(tmp_path):
    store = tmp_path / "store"
    meta = _csv(tmp_path / "metadata.csv", TH_COLUMNS, TH_ROWS)
    rel = _csv(tmp_path / "relationships.csv", REL_COLUMNS, REL_ROWS)
    runner = CliRunner()
    res = runner.invoke(
        main, ["registry", "import", str(meta), "--relationships", str(rel), "--store", str(store)]
    )
    assert res.exit_code == 0, res.output
    assert "read 8 row(s) of" in res.stdout and "(th1nhng0): 5 written" in res.stdout
    show = runner.invoke(
        main, ["registry", "show", "61/2018/NĐ-CP", "--format", "json", "--store", str(store)]
    )
    imported = [r for r in json.loads(show.stdout) if r["origin"] == "import"]
    assert [(r["status"], r["replaced_by"], r["amended_by"]) for r in imported] == [
        ("replaced", ["118/2025/NĐ-CP"], ["107/2021/NĐ-CP"])
    ]
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(b"PAR1 not really")
    bad = runner.invoke(
        main, ["registry", "import", str(meta), "--relationships", str(broken), "--store", str(store)]
    )
    assert bad.exit_code == 2
    assert (
        bad.stderr
        == f"cancu: {broken}: not a readable Parquet file (Parquet magic bytes not found in footer. Either the file is corrupted or this is not a parquet file.)\n"
    )
    assert sorted(p.name for p in (store / "registry").iterdir()) == [
        "imported-1.csv",
        "imported-1.csv.index.sqlite",
    ]


def test_values_of_odd_types_are_counted_never_a_traceback(tmp_path):
    rows = [
        {"so_ky_hieu": "1/2020/NĐ-CP", "tinh_trang_hieu_luc": "Còn hiệu lực", "ngay_ban_hanh": {"a": 1}},
        {"so_ky_hieu": ["a"], "tinh_trang_hieu_luc": "Còn hiệu lực"},
        {"so_ky_hieu": "2/2020/NĐ-CP", "tinh_trang_hieu_luc": 5},
        {"so_ky_hieu": "3/2020/NĐ-CP", "tinh_trang_hieu_luc": "Còn hiệu lực", "ngay_ban_hanh": 20200101},
    ]
    path = tmp_path / "odd.jsonl"
    path.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n[1, 2]\n{bad\n", encoding="utf-8"
    )
    report = import_export(path, tmp_path / "imported-1.csv", today=TODAY)
    assert (report.read, report.written) == (6, 0)
    assert dict(report.unmapped) == {
        "bad date (ngay_ban_hanh)": 2,
        "malformed row (not a JSON object)": 2,
        "no number": 1,
        "unknown status": 1,
    }
    assert report.examples["malformed row (not a JSON object)"] == "odd.jsonl:5"


def test_an_indexed_import_is_not_validated_twice_but_an_edited_one_is(tmp_path):
    from cancu.errors import RegistryError
    from cancu.ontology.registry import validate_user_csv

    out = tmp_path / "imported-1.csv"
    import_export(_csv(tmp_path / "metadata.csv", TH_COLUMNS, TH_ROWS), out, today=TODAY)
    validate_user_csv(out)  # through its index: no parse
    text = out.read_text(encoding="utf-8").replace(",in_force,", ",en vigueur,", 1)
    out.write_text(text, encoding="utf-8")
    with pytest.raises(RegistryError, match=r"imported-1.csv:\d+: status 'en vigueur' is not one of"):
        validate_user_csv(out)


@pytest.mark.parametrize(
    ("issuer", "scope", "place"),
    [
        ("Ủy ban nhân dân tỉnh Quảng Ngãi", "Tỉnh Quảng Ngãi", "quang-ngai"),
        ("Ủy ban nhân dân huyện Cù Lao Dung", "Tỉnh Sóc Trăng", "soc-trang.cu-lao-dung"),
        ("Hội đồng Nhân dân tỉnh Đắk Nông / Chủ tịch / Lê Diễn", "Tỉnh Đắc Nông", "dak-nong"),
        ("Ủy ban nhân dân", "Tỉnh Quảng Ngãi", "quang-ngai"),  # the scope names the province
        (
            "Ủy ban nhân dân huyện Cù Lao Dung",
            "",
            "",
        ),  # a district of no named province: no place, not a wrong one
        ("Chính phủ", "Toàn quốc", ""),
    ],
)
def test_a_rows_unit_is_its_issuers(tmp_path, issuer, scope, place):
    row = ["1", "01/2020/QĐ-UBND", "Quyết định", issuer, "x", "10/01/2020", "", "", "Còn hiệu lực", scope, ""]
    out = tmp_path / "imported-1.csv"
    import_export(_csv(tmp_path / "m.csv", TH_COLUMNS, [row]), out, today=TODAY)
    assert _rows(out)[0]["jurisdiction"] == place


def test_a_districts_own_row_before_its_provinces(tmp_path):
    rows = tmp_path / "local.csv"
    rows.write_text(
        "number,year,issuer,jurisdiction,status,confidence,source\n"
        "01/2020/QĐ-UBND,2020,UBND tỉnh Sóc Trăng,,expired,high,https://example.org/st\n"
        "01/2020/QĐ-UBND,2020,UBND huyện Cù Lao Dung,soc-trang.cu-lao-dung,in_force,high,https://example.org/cld\n",
        encoding="utf-8",
    )
    reg = load_registry([rows])
    assert reg.status_of("01/2020/QĐ-UBND", 2020, "soc-trang.cu-lao-dung").status == "in_force"
    assert reg.status_of("01/2020/QĐ-UBND", 2020, "soc-trang").status == "expired"


def test_the_cli_offers_every_layout_of_the_data_file():
    from cancu.ontology.status_import import FORMATS

    option = next(p for p in main.commands["registry"].commands["import"].params if p.name == "fmt")
    assert tuple(option.type.choices) == FORMATS


def test_a_large_registry_without_index_is_scanned_and_answers_as_if_read_whole(tmp_path):
    from cancu.ontology.registry import read_user_csv
    from cancu.ontology.registry_index import SCAN_FROM_BYTES, ScannedFile

    path = tmp_path / "imported-1.csv"  # e.g. the store's copy of an import: no index beside it
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "number",
                "year",
                "issuer",
                "jurisdiction",
                "status",
                "status_date",
                "confidence",
                "source",
                "note",
            ]
        )
        i = 0
        while f.tell() < SCAN_FROM_BYTES + 1000:
            i += 1
            note = 'dòng một\ndòng hai, "trích"' if i % 97 == 0 else "x" * 200
            w.writerow(
                [
                    f"{i % 5000}/2020/QĐ-UBND",
                    "2020",
                    f"UBND tỉnh Tỉnh{i % 7}",
                    "",
                    "in_force",
                    "",
                    "high",
                    "s",
                    note,
                ]
            )
    scanned = ScannedFile.open(path)
    assert scanned is not None
    rows, _ = read_user_csv(path)
    reg = load_registry([path])
    # (rows compared without their line: datafiles.parse_rows counts a row's lines as one line each, so
    # after a quoted field over two lines its numbers drift; the scan gives each row's first physical line)
    for number in ("1/2020/QĐ-UBND", "97/2020/QĐ-UBND", "4999/2020/QĐ-UBND"):
        whole = [replace(r, row=0) for r in rows if r.number == number]
        assert [replace(r, row=0) for r in reg.rows_of(number) if r.registry == path.name] == whole and whole
    assert [r.row for r in reg.rows_of("1/2020/QĐ-UBND") if r.registry == path.name][0] == 2
    again = load_registry([path])
    path.unlink()  # the store builds from temporary copies, gone once the registry is built
    assert [replace(r, row=0) for r in again.rows_of("97/2020/QĐ-UBND") if r.registry == path.name] == [
        replace(r, row=0) for r in rows if r.number == "97/2020/QĐ-UBND"
    ]
