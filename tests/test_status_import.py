"""Issue 9: importing vbpl / tvpl exports into the status registry, and the audit they change."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cancu.cli import main
from cancu.errors import InputError
from cancu.graph.embedded import open_store
from cancu.loaders.extract import extract_path
from cancu.ontology.registry import read_user_csv
from cancu.ontology.status_import import (
    import_export,
    map_status,
    parse_day,
    registry_files_of,
    show_number,
    stats,
)
from cancu.queries.audit import audit

AS_OF = "2026-11-22"
TODAY = "2026-11-22"

PLAN = """ỦY BAN NHÂN DÂN
TỈNH LÂM ĐỒNG
Số: 12/KH-UBND
Lâm Đồng, ngày 10 tháng 01 năm 2022

KẾ HOẠCH
Cải cách hành chính năm 2022

Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa;
Căn cứ Quyết định số 999/QĐ-TTg ngày 05/6/2019 của Thủ tướng Chính phủ về việc phê duyệt Đề án;
Căn cứ Nghị định số 77/2019/NĐ-CP ngày 01/10/2019 của Chính phủ về công chức;
Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:
I. MỤC ĐÍCH
1. Thực hiện tốt cải cách hành chính.
"""

VBPL_HEADER = [
    "so_ky_hieu",
    "loai_van_ban",
    "co_quan_ban_hanh",
    "trich_yeu",
    "ngay_ban_hanh",
    "ngay_hieu_luc",
    "tinh_trang",
    "ngay_het_hieu_luc",
    "pham_vi",
    "van_ban_thay_the",
]
VBPL_ROWS = [
    [
        "999/QĐ-TTg",
        "Quyết định",
        "Thủ tướng Chính phủ",
        "Phê duyệt Đề án",
        "05/06/2019",
        "05/06/2019",
        "Hết hiệu lực toàn bộ",
        "01/01/2021",
        "Toàn quốc",
        "1000/QĐ-TTg",
    ],
    [
        "61/2018/NĐ-CP",
        "Nghị định",
        "Chính phủ",
        "Một cửa",
        "23/04/2018",
        "21/06/2018",
        "Còn hiệu lực",
        "",
        "Toàn quốc",
        "",
    ],
    ["", "Nghị định", "Chính phủ", "không số", "01/01/2020", "", "Còn hiệu lực", "", "", ""],
    ["5/2020/NĐ-CP", "Nghị định", "Chính phủ", "ngày sai", "31/02/2020", "", "Còn hiệu lực", "", "", ""],
    ["6/2020/NĐ-CP", "Nghị định", "Chính phủ", "tình trạng lạ", "01/02/2020", "", "Đang xem xét", "", "", ""],
    [
        "7/2020/NĐ-CP",
        "Nghị định",
        "Chính phủ",
        "ngày lạ",
        "01/02/2020",
        "",
        "Hết hiệu lực toàn bộ",
        "mai kia",
        "",
        "",
    ],
]


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    return path


def _tvpl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture
def plan_store(tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    store = tmp_path / "store"
    open_store(store).load([(str(plan), extract_path(plan))])
    return store


def _flags(store: Path) -> dict[str, tuple[str, str | None]]:
    return {r.number: (r.flag, r.since) for r in audit(open_store(store).graph(), as_of=AS_OF).rows_}


def _import(store: Path, export: Path, **kw):
    out = (
        store / "registry" / f"imported-{len(list((store / 'registry').glob('imported-*.csv'))) + 1}.csv"
        if (store / "registry").exists()
        else store / "registry" / "imported-1.csv"
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    report = import_export(export, out, today=TODAY, **kw)
    open_store(store).add_registry_file(out)
    return report


def test_vbpl_import_changes_the_audit(tmp_path, plan_store):
    assert _flags(plan_store) == {
        "61/2018/NĐ-CP": ("yellow", "2025-07-01"),  # shipped: replaced by 118/2025/NĐ-CP after the plan
        "999/QĐ-TTg": ("grey", None),
        "77/2019/NĐ-CP": ("grey", None),
    }
    export = _write_csv(tmp_path / "vbpl.csv", VBPL_HEADER, VBPL_ROWS)
    report = _import(plan_store, export)
    assert (report.read, report.written, report.conflicts, report.held_back) == (6, 2, 1, 0)
    assert dict(report.unmapped) == {
        "no number": 1,
        "bad date (ngay_ban_hanh)": 1,
        "unknown status": 1,
        "bad date (ngay_het_hieu_luc)": 1,
    }
    assert report.examples["no number"] == "vbpl.csv:4"
    flags = _flags(plan_store)
    assert flags["999/QĐ-TTg"] == ("red", "2021-01-01")  # expired before the plan, replaced by 1000/QĐ-TTg
    assert flags["77/2019/NĐ-CP"] == ("grey", None)
    rows = list(csv.DictReader((plan_store / "registry" / "imported-1.csv").open(encoding="utf-8")))
    assert [(r["number"], r["year"], r["status"], r["status_date"], r["replaced_by"]) for r in rows] == [
        ("999/QĐ-TTg", "2019", "replaced", "2021-01-01", "1000/QĐ-TTg"),
        ("61/2018/NĐ-CP", "2018", "in_force", "", ""),
    ]
    assert {r["imported_at"] for r in rows} == {TODAY}
    assert {r["source_file"] for r in rows} == {str(export.resolve())}
    assert [r["source_line"] for r in rows] == ["2", "3"]


def test_tvpl_import_then_a_newer_import_wins(tmp_path, plan_store):
    first = _tvpl(
        tmp_path / "tvpl.jsonl",
        [
            {
                "SoHieu": "77/2019/NĐ-CP",
                "LoaiVanBan": "Nghị định",
                "NoiBanHanh": "Chính phủ",
                "NgayBanHanh": "2019-10-01",
                "NgayHieuLuc": "2019-11-15",
                "TinhTrang": "Hết hiệu lực",
                "NgayHetHieuLuc": "2023-03-01",
                "VanBanThayThe": "12/2023/NĐ-CP",
                "Url": "https://thuvienphapluat.vn/van-ban/x-1.aspx",
            },
            {"SoHieu": "999/QĐ-TTg", "NgayBanHanh": "05/06/2019", "TinhTrang": "Còn hiệu lực"},
        ],
    )
    report = _import(plan_store, first, fmt="tvpl")
    assert (report.written, dict(report.unmapped)) == (2, {})
    flags = _flags(plan_store)
    assert flags["77/2019/NĐ-CP"] == ("yellow", "2023-03-01")  # replaced after the plan (2022)
    assert flags["999/QĐ-TTg"] == ("green", None)
    # a later export says 999/QĐ-TTg was amended: the newer user file wins
    second = _tvpl(
        tmp_path / "tvpl2.jsonl",
        [
            {
                "SoHieu": "999/QĐ-TTg",
                "NgayBanHanh": "05/06/2019",
                "TinhTrang": "Hết hiệu lực một phần",
                "NgayHetHieuLuc": "2024-01-01",
            },
            "not an object",
            {"SoHieu": "1/2024/NĐ-CP"},
        ],
    )
    report = _import(plan_store, second)
    assert report.fmt == "tvpl"  # told by the field names
    assert dict(report.unmapped) == {"malformed row (not a JSON object)": 1, "no status": 1}
    assert _flags(plan_store)["999/QĐ-TTg"] == ("yellow", "2024-01-01")  # partly expired since that day
    shown = show_number("999/QĐ-TTg", registry_files_of(plan_store))
    assert [(r.origin, r.status, r.status_date, r.conflict) for r in shown] == [
        ("import", "in_force", None, True),
        ("import", "partly_expired", "2024-01-01", True),
    ]


def test_prefer_shipped_holds_back_conflicts(tmp_path, plan_store):
    export = _write_csv(tmp_path / "vbpl.csv", VBPL_HEADER, VBPL_ROWS[:2])
    report = _import(plan_store, export, prefer="shipped")
    assert (report.written, report.held_back, report.conflicts) == (1, 1, 1)
    assert report.held == plan_store / "registry" / "imported-1.held.csv"
    shown = show_number("61/2018/NĐ-CP", registry_files_of(plan_store))
    assert [(r.origin, r.status, r.active, r.conflict) for r in shown] == [
        ("shipped", "replaced", True, True),
        ("held", "in_force", False, True),
    ]
    assert _flags(plan_store)["61/2018/NĐ-CP"] == ("yellow", "2025-07-01")


def test_status_vocab_and_dates():
    assert map_status("Còn hiệu lực") == ("in_force", "")
    assert map_status("HẾT HIỆU LỰC TOÀN BỘ (01/07/2025)")[0] == "expired"
    assert map_status("Het hieu luc mot phan")[0] == "partly_expired"
    assert map_status("Chưa có hiệu lực")[0] == "unknown"
    assert parse_day("1/7/2025", "x") == "2025-07-01"
    assert parse_day("2025-07-01T00:00:00", "x") == "2025-07-01"
    assert parse_day("Không xác định", "x") is None


def test_imported_file_is_a_valid_registry(tmp_path):
    export = _write_csv(tmp_path / "vbpl.csv", VBPL_HEADER, VBPL_ROWS)
    out = tmp_path / "imported-1.csv"
    import_export(export, out, today=TODAY)
    statuses, _ = read_user_csv(out)
    assert [(s.number, s.status, s.registry, s.row) for s in statuses] == [
        ("999/QĐ-TTg", "replaced", "imported-1.csv", 2),
        ("61/2018/NĐ-CP", "in_force", "imported-1.csv", 3),
    ]


def test_bad_inputs_are_one_line(tmp_path):
    with pytest.raises(InputError, match="no such export file"):
        import_export(tmp_path / "missing.csv", tmp_path / "o.csv")
    (tmp_path / "x.xlsx").write_text("x")
    with pytest.raises(InputError, match="unsupported export type"):
        import_export(tmp_path / "x.xlsx", tmp_path / "o.csv", fmt="vbpl")
    (tmp_path / "odd.csv").write_text("a,b\n1,2\n")
    with pytest.raises(InputError, match="give --format"):
        import_export(tmp_path / "odd.csv", tmp_path / "o.csv")
    assert not (tmp_path / "o.csv").exists()


def test_parquet_without_pyarrow_names_the_install(tmp_path):
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        (tmp_path / "x.parquet").write_bytes(b"PAR1")
        with pytest.raises(InputError, match="pip install pyarrow"):
            import_export(tmp_path / "x.parquet", tmp_path / "o.csv", fmt="vbpl")
        return
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(
        pa.table(
            {"so_ky_hieu": ["999/QĐ-TTg"], "ngay_ban_hanh": ["05/06/2019"], "tinh_trang": ["Còn hiệu lực"]}
        ),
        tmp_path / "x.parquet",
    )
    report = import_export(tmp_path / "x.parquet", tmp_path / "o.csv", today=TODAY)
    assert (report.fmt, report.written) == ("vbpl", 1)


def test_cli_registry_import_show_stats(tmp_path, plan_store):
    export = _write_csv(tmp_path / "vbpl.csv", VBPL_HEADER, VBPL_ROWS)
    runner = CliRunner()
    res = runner.invoke(main, ["registry", "import", str(export), "--store", str(plan_store)])
    assert res.exit_code == 0, res.output
    assert (
        "2 written" in res.output
        and "not mapped: 1 row(s): unknown status (first at vbpl.csv:6)" in res.output
    )
    assert f"registered {plan_store / 'registry' / 'imported-1.csv'}" in res.output
    res = runner.invoke(main, ["registry", "show", "61/2018/NĐ-CP", "--store", str(plan_store)])
    assert res.exit_code == 0
    lines = [ln for ln in res.output.splitlines() if "CONFLICT" in ln]
    assert len(lines) == 2 and "shipped" in lines[0] and "in_force" in lines[1]
    res = runner.invoke(main, ["registry", "stats", "--store", str(plan_store)])
    assert "imported-1.csv       replaced" in res.output
    assert [r for r in stats(registry_files_of(plan_store)) if r["origin"] == "import"] == [
        {
            "origin": "import",
            "registry": "imported-1.csv",
            "status": "in_force",
            "rows": 1,
            "unverified_in_file": 0,
        },
        {
            "origin": "import",
            "registry": "imported-1.csv",
            "status": "replaced",
            "rows": 1,
            "unverified_in_file": 0,
        },
    ]
    res = runner.invoke(main, ["audit", "--store", str(plan_store), "--as-of", AS_OF, "--format", "json"])
    flags = {r["number"]: r["flag"] for r in json.loads(res.output)["rows"]}
    assert flags["999/QĐ-TTg"] == "red"
    res = runner.invoke(main, ["registry", "import", str(tmp_path / "nope.csv"), "--store", str(plan_store)])
    assert res.exit_code == 2 and "no such export file" in res.output
    res = runner.invoke(main, ["registry", "show", "4242/QĐ-XYZ", "--store", str(plan_store)])
    assert res.exit_code == 2 and "in no registry" in res.output
