"""`audit --as-of` on dates before, inside and after each change: the flags a lawyer would give.

One store: two plans (Lâm Đồng 2021, Sóc Trăng 2023) and a th1nhng0 dump with its relationships table,
made here in the dump's exact columns. Each row was checked against ../shared/reference (legal_status.csv,
legal-databases.md) and the plan's own words; the comment says why the flag is right."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cancu.cli import main

LAM_DONG = """ỦY BAN NHÂN DÂN
TỈNH LÂM ĐỒNG
Số: 45/KH-UBND
Lâm Đồng, ngày 15 tháng 3 năm 2021

KẾ HOẠCH
Cải cách hành chính giai đoạn 2021 - 2025

Căn cứ Quyết định số 458/QĐ-TTg ngày 03/4/2020 của Thủ tướng Chính phủ phê duyệt Đề án lưu trữ tài liệu điện tử;
Căn cứ Nghị định số 45/2020/NĐ-CP ngày 08/4/2020 của Chính phủ về thực hiện thủ tục hành chính trên môi trường điện tử;
Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa;
Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:
I. MỤC ĐÍCH
1. Nâng cao chất lượng giải quyết thủ tục hành chính.
II. NHIỆM VỤ
1. Sở Nội vụ chủ trì rà soát thủ tục hành chính, hoàn thành trong năm 2021.
"""

SOC_TRANG = """ỦY BAN NHÂN DÂN
HUYỆN CÙ LAO DUNG
Số: 03/KH-UBND
Cù Lao Dung, ngày 04 tháng 01 năm 2023

KẾ HOẠCH
Cải cách hành chính năm 2023

Căn cứ Kế hoạch số 192/KH-UBND ngày 20/12/2022 của Ủy ban nhân dân tỉnh Sóc Trăng về thực hiện cải cách hành chính năm 2023;
Căn cứ Quyết định số 01/2020/QĐ-UBND ngày 12/02/2020 của Ủy ban nhân dân tỉnh Sóc Trăng ban hành Quy định;
Ủy ban nhân dân huyện ban hành Kế hoạch như sau:
I. MỤC ĐÍCH
1. Nâng cao chất lượng giải quyết thủ tục hành chính.
II. NHIỆM VỤ
1. Phòng Nội vụ chủ trì rà soát thủ tục hành chính, hoàn thành trong năm 2023.
"""

TH_COLUMNS = ["id", "so_ky_hieu", "loai_van_ban", "co_quan_ban_hanh", "title", "ngay_ban_hanh"]
TH_COLUMNS += ["ngay_co_hieu_luc", "ngay_het_hieu_luc", "tinh_trang_hieu_luc", "pham_vi", "source_url"]
TH_ROWS = [
    [
        "1",
        "45/2020/NĐ-CP",
        "Nghị định",
        "Chính phủ",
        "TTHC trên môi trường điện tử",
        "08/04/2020",
        "22/05/2020",
    ]
    + ["01/07/2025", "Hết hiệu lực toàn bộ", "Toàn quốc", "https://vbpl.vn/x?ItemID=1"],
    ["2", "118/2025/NĐ-CP", "Nghị định", "Chính phủ", "Một cửa", "09/06/2025", "01/07/2025", ""]
    + ["Còn hiệu lực", "Toàn quốc", ""],
    # a bare "Còn hiệu lực" never hides the scheme's ended period (shipped row, legal_status.csv)
    ["3", "458/QĐ-TTg", "Quyết định", "Thủ tướng Chính phủ", "Đề án lưu trữ", "03/04/2020", "03/04/2020", ""]
    + ["Còn hiệu lực", "Toàn quốc", ""],
    # the same local number in two provinces (legal-databases.md: identified by number, year and body)
    ["4", "01/2020/QĐ-UBND", "Quyết định", "Ủy ban nhân dân tỉnh Quảng Ngãi", "Quy chế", "10/01/2020"]
    + ["20/01/2020", "", "Còn hiệu lực", "Tỉnh Quảng Ngãi", ""],
    ["5", "01/2020/QĐ-UBND", "Quyết định", "Ủy ban nhân dân tỉnh Sóc Trăng", "Quy định", "12/02/2020"]
    + ["22/02/2020", "15/03/2023", "Hết hiệu lực toàn bộ", "Tỉnh Sóc Trăng", ""],
]
REL_ROWS = [["1", "2", "Văn bản quy định hết hiệu lực"], ["2", "1", "Văn bản hết hiệu lực"]]


def _csv(path: Path, columns: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(columns)
        w.writerows(rows)
    return path


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("audit-as-of")
    runner = CliRunner()
    for name, text in (("lam-dong.txt", LAM_DONG), ("soc-trang.txt", SOC_TRANG)):
        (tmp / name).write_text(text, encoding="utf-8")
    store = tmp / "store"
    res = runner.invoke(
        main, ["load", str(tmp / "lam-dong.txt"), str(tmp / "soc-trang.txt"), "--store", str(store)]
    )
    assert res.exit_code == 0, res.output
    meta = _csv(tmp / "metadata.csv", TH_COLUMNS, TH_ROWS)
    rel = _csv(tmp / "relationships.csv", ["doc_id", "other_doc_id", "relationship"], REL_ROWS)
    res = runner.invoke(
        main, ["registry", "import", str(meta), "--relationships", str(rel), "--store", str(store)]
    )
    assert res.exit_code == 0, res.output
    return store


def _audit(store: Path, as_of: str) -> dict[tuple[str, str], dict]:
    res = CliRunner().invoke(main, ["audit", "--as-of", as_of, "--format", "json", "--store", str(store)])
    assert res.exit_code == 0, res.output
    return {(r["plan_number"], r["number"]): r for r in json.loads(res.stdout)["rows"]}


CASES = [
    # (plan, cited, as of, flag, since): why a lawyer says so
    ("45/KH-UBND", "458/QĐ-TTg", "2022-01-01", "green", None),  # inside the scheme's 2020–2025 period
    ("45/KH-UBND", "458/QĐ-TTg", "2026-06-01", "yellow", "2025-12-31"),  # period over, after the plan: update
    ("45/KH-UBND", "45/2020/NĐ-CP", "2022-01-01", "green", None),  # in force until 118/2025 took over
    ("45/KH-UBND", "45/2020/NĐ-CP", "2025-06-30", "green", None),  # the day before 01/07/2025
    (
        "45/KH-UBND",
        "45/2020/NĐ-CP",
        "2025-07-01",
        "yellow",
        "2025-07-01",
    ),  # replaced by 118/2025, after the plan
    (
        "45/KH-UBND",
        "61/2018/NĐ-CP",
        "2019-06-01",
        "green",
        None,
    ),  # before 107/2021 amended it: plainly in force
    ("45/KH-UBND", "61/2018/NĐ-CP", "2022-06-01", "yellow", None),  # amended by 107/2021/NĐ-CP (06/12/2021)
    (
        "45/KH-UBND",
        "61/2018/NĐ-CP",
        "2025-07-01",
        "yellow",
        "2025-07-01",
    ),  # replaced by 118/2025 after the plan
    ("03/KH-UBND", "192/KH-UBND", "2023-06-01", "green", None),  # the province's plan for 2023, running
    ("03/KH-UBND", "192/KH-UBND", "2024-01-01", "yellow", "2024-01-01"),  # its year is over (and the plan's)
    (
        "03/KH-UBND",
        "01/2020/QĐ-UBND",
        "2023-03-14",
        "green",
        None,
    ),  # Sóc Trăng's 01/2020, the day before its end
    (
        "03/KH-UBND",
        "01/2020/QĐ-UBND",
        "2023-03-15",
        "yellow",
        "2023-03-15",
    ),  # ended after the plan (04/01/2023)
]


@pytest.mark.parametrize(("plan", "cited", "as_of", "flag", "since"), CASES)
def test_audit_as_of(store, plan, cited, as_of, flag, since):
    row = _audit(store, as_of)[plan, cited]
    assert (row["flag"], row["since"]) == (flag, since), row["note"]


def test_a_local_number_is_never_another_provinces(store):
    row = _audit(store, "2024-01-01")["03/KH-UBND", "01/2020/QĐ-UBND"]
    assert row["cited"] == "doc:01-2020-qd-ubnd.2020@soc-trang"
    assert row["status"] == "expired"  # Sóc Trăng's row; Quảng Ngãi's 01/2020/QĐ-UBND is in force


def test_notes_carry_the_evidence(store):
    rows = _audit(store, "2026-06-01")
    assert rows["45/KH-UBND", "458/QĐ-TTg"]["note"] == (
        "programme period ended on 2025-12-31, after the plan was issued: update the citation"
    )
    assert rows["03/KH-UBND", "192/KH-UBND"]["note"] == (
        "period ended on 2023-12-31 (the cited title: year 2023), after the plan was issued: update the "
        "citation; the plan's own period (2023–2023) ended by then too"
    )


KH_192 = """ỦY BAN NHÂN DÂN
TỈNH SÓC TRĂNG
Số: 192/KH-UBND
Sóc Trăng, ngày 20 tháng 12 năm 2022

KẾ HOẠCH
Thực hiện cải cách hành chính năm 2023

Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính;
Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:
I. MỤC ĐÍCH
1. Nâng cao chất lượng giải quyết thủ tục hành chính.
II. NHIỆM VỤ
1. Sở Nội vụ chủ trì rà soát thủ tục hành chính, hoàn thành trong năm 2023.
"""


def test_a_cited_plan_that_is_loaded_ends_with_its_own_period(tmp_path):
    for name, text in (("kh192.txt", KH_192), ("soc-trang.txt", SOC_TRANG)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    store = tmp_path / "store"
    files = [str(tmp_path / "kh192.txt"), str(tmp_path / "soc-trang.txt")]
    assert CliRunner().invoke(main, ["load", *files, "--store", str(store)]).exit_code == 0
    row = _audit(store, "2024-06-01")["03/KH-UBND", "192/KH-UBND"]
    assert (row["cited"], row["cited_loaded"], row["flag"], row["since"]) == (
        "doc:192-kh-ubnd.2022@soc-trang",
        True,
        "yellow",
        "2024-01-01",
    )
    assert row["note"].startswith("period ended on 2023-12-31 (its own text: year 2023)")
