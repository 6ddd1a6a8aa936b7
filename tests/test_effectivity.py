"""Issue 9: a legal text's own effectivity article and its clauses about other documents."""

from __future__ import annotations

from cancu.loaders.effectivity import read_effectivity
from cancu.loaders.fold import fold

DECREE = """CHÍNH PHỦ
Số: 118/2025/NĐ-CP
Hà Nội, ngày 09 tháng 6 năm 2025

NGHỊ ĐỊNH
Về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông

Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;
Căn cứ Nghị định số 20/2008/NĐ-CP ngày 14/02/2008 đã hết hiệu lực;
Chính phủ ban hành Nghị định về thực hiện thủ tục hành chính.

Điều 40. Hiệu lực thi hành
1. Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2025.
2. Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ về thực hiện cơ chế một cửa hết hiệu lực kể từ ngày Nghị định này có hiệu lực.
3. Bãi bỏ Quyết định số 45/2016/QĐ-TTg ngày 19 tháng 10 năm 2016 của Thủ tướng Chính phủ.
4. Thông tư số 01/2018/TT-VPCP hết hiệu lực kể từ ngày 01/01/2026.
"""


def _facts(text: str, own: str = "1/2025/QĐ-UBND", issued: str | None = "2025-06-07"):
    return read_effectivity(fold(text), own, issued)


def test_decree_own_date_and_effects_on_others():
    f = read_effectivity(fold(DECREE), "118/2025/NĐ-CP", "2025-06-09")
    assert f.in_force_from == "2025-07-01"
    assert f.ends is None  # "có hiệu lực" without an end
    assert (
        DECREE[f.from_span[0] : f.from_span[1]]
        == "Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2025"
    )
    assert [(e.number, e.edge, e.how, e.date) for e in f.effects] == [
        ("61/2018/NĐ-CP", "REPLACED_BY", "repealed", "2025-07-01"),  # dated by this decree's own start
        ("45/2016/QĐ-TTg", "REPLACED_BY", "repealed", "2025-07-01"),  # not by its own issue date
        ("01/2018/TT-VPCP", "REPLACED_BY", "repealed", "2026-01-01"),  # an explicit date
    ]
    e = f.effects[0]
    assert DECREE[e.span[0] : e.span[1]] == e.quote
    assert e.quote.startswith("Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018")
    # the basis clause naming an expired decree is no effect of this one
    assert "20/2008/NĐ-CP" not in [x.number for x in f.effects]


def test_a_repeal_clause_about_another_decree_never_dates_this_one():
    f = _facts("Nghị định số 61/2018/NĐ-CP hết hiệu lực kể từ ngày 01/7/2025.", own="118/2025/NĐ-CP")
    assert (f.in_force_from, f.ends) == (None, None)
    assert [(e.number, e.edge, e.date) for e in f.effects] == [("61/2018/NĐ-CP", "REPLACED_BY", "2025-07-01")]
    # repealed "from the day this decree is in force" while this decree's date is unknown: no date is invented
    f = _facts("Quyết định số 45/2016/QĐ-TTg hết hiệu lực kể từ ngày Quyết định này có hiệu lực.")
    assert [(e.number, e.date) for e in f.effects] == [("45/2016/QĐ-TTg", None)]


def test_from_signing_and_after_n_days():
    assert _facts("Quyết định này có hiệu lực kể từ ngày ký.").in_force_from == "2025-06-07"
    assert _facts("Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành.").in_force_from == "2025-06-07"
    assert (
        _facts("Thông tư này có hiệu lực sau 45 ngày kể từ ngày ký ban hành.").in_force_from == "2025-07-22"
    )
    assert _facts("Quyết định này có hiệu lực kể từ ngày ký.", issued=None).in_force_from is None


def test_in_force_without_a_date_or_an_end():
    f = _facts("Quyết định này có hiệu lực.")
    assert (f.in_force_from, f.ends, f.effects) == (None, None, [])


def test_until_the_end_of_31_12_and_from_01_01_end_on_the_same_day():
    until = _facts("Kế hoạch này có hiệu lực từ ngày 01/01/2025 đến hết ngày 31/12/2025.")
    assert (until.in_force_from, until.ends) == ("2025-01-01", "2026-01-01")
    ended = _facts("Quyết định này hết hiệu lực kể từ ngày 01/01/2026.")
    assert (ended.in_force_from, ended.ends) == (None, "2026-01-01")
    # "đến hết ngày" alone gives no start
    assert _facts("Quy chế này có hiệu lực đến hết ngày 31/12/2025.").in_force_from is None


def test_replace_and_amend_in_the_same_sentence_as_the_own_date():
    f = _facts(
        "Nghị định này có hiệu lực thi hành kể từ ngày 15/8/2025 và thay thế Nghị định số 61/2018/NĐ-CP.",
        own="200/2025/NĐ-CP",
    )
    assert f.in_force_from == "2025-08-15"
    assert [(e.number, e.edge, e.how, e.date) for e in f.effects] == [
        ("61/2018/NĐ-CP", "REPLACED_BY", "replaced", "2025-08-15")
    ]
    f = _facts(
        "NGHỊ ĐỊNH\nSửa đổi, bổ sung một số điều của Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010\n"
        "Điều 3. Nghị định này có hiệu lực kể từ ngày 01 tháng 9 năm 2025.",
        own="92/2025/NĐ-CP",
    )
    assert [(e.number, e.edge, e.how, e.date) for e in f.effects] == [
        ("63/2010/NĐ-CP", "AMENDED_BY", "amended", "2025-09-01")
    ]
    # a passive "đã được sửa đổi, bổ sung bởi" between two other documents is not this document's effect
    f = _facts("Nghị định số 63/2010/NĐ-CP đã được sửa đổi, bổ sung bởi Nghị định số 92/2017/NĐ-CP.")
    assert f.effects == []


def test_ocr_folded_phrasing():
    f = _facts(
        "Quyet dinh nay co hieu luc thi hanh ke tu ngay 01/7/2025.\nQuyết định số 12/2019/QĐ-UBND hết hiệu lực kể từ ngày Quyet dinh nay co hieu luc."
    )
    assert f.in_force_from == "2025-07-01"
    assert [(e.number, e.date) for e in f.effects] == [("12/2019/QĐ-UBND", "2025-07-01")]


def test_a_task_to_amend_is_not_an_amendment():
    f = _facts("1. Rà soát, sửa đổi, bổ sung Quyết định số 12/2019/QĐ-UBND ngày 01/3/2019 cho phù hợp.")
    assert f.effects == []


PLAN = """ỦY BAN NHÂN DÂN
TỈNH LÂM ĐỒNG
Số: 12/KH-UBND
Lâm Đồng, ngày 10 tháng 01 năm 2022

KẾ HOẠCH
Cải cách hành chính năm 2022

Căn cứ Quyết định số 45/2016/QĐ-TTg ngày 19/10/2016 của Thủ tướng Chính phủ về tiếp nhận hồ sơ qua bưu chính;
Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:
I. MỤC ĐÍCH
1. Thực hiện tốt cải cách hành chính.
"""

REPEALER = """CHÍNH PHỦ
Số: 150/2025/NĐ-CP
Hà Nội, ngày 09 tháng 6 năm 2025

NGHỊ ĐỊNH
Về dịch vụ bưu chính công ích

Điều 20. Hiệu lực thi hành
1. Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2025.
2. Bãi bỏ Quyết định số 45/2016/QĐ-TTg ngày 19 tháng 10 năm 2016 của Thủ tướng Chính phủ.
"""


def test_a_loaded_repealing_text_changes_the_audit(tmp_path):
    from cancu.graph.embedded import open_store
    from cancu.loaders.extract import extract_path
    from cancu.queries.audit import audit

    plan, decree = tmp_path / "plan.txt", tmp_path / "nd150.txt"
    plan.write_text(PLAN, encoding="utf-8")
    decree.write_text(REPEALER, encoding="utf-8")
    store = open_store(tmp_path / "store")
    store.load([(str(plan), extract_path(plan))])
    rows = {
        r.number: (r.flag, r.since) for r in audit(store.graph(), ["12/KH-UBND"], as_of="2026-11-22").rows_
    }
    assert rows == {"45/2016/QĐ-TTg": ("grey", None)}
    rec = extract_path(decree)
    assert rec.effectivity["in_force_from"] == "2025-07-01"
    store.load([(str(decree), rec)])
    result = audit(open_store(tmp_path / "store").graph(), ["12/KH-UBND"], as_of="2026-11-22")
    assert [(r.number, r.flag, r.since, r.replaced_by) for r in result.rows_] == [
        ("45/2016/QĐ-TTg", "yellow", "2025-07-01", ["150/2025/NĐ-CP"])
    ]
    # before the repeal took effect the citation was sound
    assert (
        audit(open_store(tmp_path / "store").graph(), ["12/KH-UBND"], as_of="2025-06-30").rows_[0].flag
        == "green"
    )


def test_registry_show_puts_the_text_beside_the_registry(tmp_path):
    from click.testing import CliRunner

    from cancu.cli import main
    from cancu.graph.embedded import open_store
    from cancu.loaders.extract import extract_path

    decree = tmp_path / "nd150.txt"
    decree.write_text(
        REPEALER.replace("Quyết định số 45/2016/QĐ-TTg", "Nghị định số 61/2018/NĐ-CP"), encoding="utf-8"
    )
    open_store(tmp_path / "store").load([(str(decree), extract_path(decree))])
    res = CliRunner().invoke(
        main, ["registry", "show", "61/2018/NĐ-CP", "--store", str(tmp_path / "store"), "--format", "json"]
    )
    assert res.exit_code == 0, res.output
    import json

    rows = [
        (r["origin"], r["status"], r["status_date"], r["replaced_by"], r["conflict"])
        for r in json.loads(res.output)
    ]
    # shipped: replaced by 118/2025/NĐ-CP from 2025-07-01; the loaded text: repealed by 150/2025/NĐ-CP the same
    # day — same status and date, different successors: both are marked
    assert rows == [
        ("shipped", "replaced", "2025-07-01", ["118/2025/NĐ-CP"], True),
        ("text", "replaced", "2025-07-01", ["150/2025/NĐ-CP"], True),
    ]


def test_prefer_text_holds_back_what_a_loaded_text_decides(tmp_path):
    import csv

    from click.testing import CliRunner

    from cancu.cli import main
    from cancu.graph.embedded import open_store
    from cancu.loaders.extract import extract_path

    decree = tmp_path / "nd150.txt"
    decree.write_text(REPEALER, encoding="utf-8")
    open_store(tmp_path / "store").load([(str(decree), extract_path(decree))])
    export = tmp_path / "tvpl.csv"
    with export.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["SoHieu", "NgayBanHanh", "TinhTrang"])
        w.writerow(["45/2016/QĐ-TTg", "19/10/2016", "Còn hiệu lực"])
        w.writerow(["46/2016/QĐ-TTg", "20/10/2016", "Còn hiệu lực"])
    res = CliRunner().invoke(
        main, ["registry", "import", str(export), "--prefer", "text", "--store", str(tmp_path / "store")]
    )
    assert res.exit_code == 0, res.output
    assert "1 written" in res.output and "1 conflicting row(s) held back" in res.output
    held = list(
        csv.DictReader((tmp_path / "store" / "registry" / "imported-1.held.csv").open(encoding="utf-8"))
    )
    assert [r["number"] for r in held] == ["45/2016/QĐ-TTg"]
