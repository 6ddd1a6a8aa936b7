"""The curated registries answer the facts other layers rely on, exactly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cancu.errors import RegistryError
from cancu.ontology.ids import ascii_fold
from cancu.ontology.registries import load_registries, load_user_csv
from cancu.ontology.vocab import Area, Status

REG = load_registries()


def test_province_counts_before_and_after_2025() -> None:
    assert len(REG.provinces()) == 63
    assert len(REG.provinces(as_of="2025-06-30")) == 63
    assert len(REG.provinces(as_of="2025-07-01")) == 34


def test_soc_trang_succeeded_by_can_tho() -> None:
    row = REG.jurisdictions["soc-trang"]
    assert (row.active_until, row.successors, row.succession_date, row.basis) == (
        "2025-06-30",
        ("can-tho",),
        "2025-07-01",
        "202/2025/QH15",
    )
    assert REG.successors_of("soc-trang", "2025-07-01") == ["can-tho"]
    assert REG.successors_of("soc-trang", "2025-06-30") == ["soc-trang"]


def test_cu_lao_dung_district_has_commune_successors() -> None:
    row = REG.jurisdictions["soc-trang.cu-lao-dung"]
    assert row.level == "district" and row.parent == "soc-trang"
    assert set(row.successors) == {"can-tho.an-thanh", "can-tho.cu-lao-dung"}
    assert sorted(REG.successors_of(row.id, "2026-01-01")) == ["can-tho.an-thanh", "can-tho.cu-lao-dung"]
    assert REG.successors_of(row.id, "2025-06-30") == [row.id]


def test_generated_districts_and_communes() -> None:
    levels = [r.level for r in REG.jurisdictions.values()]
    assert (levels.count("district"), levels.count("commune")) == (696, 3320)
    assert REG.jurisdictions["can-tho.an-thanh"].name == "Xã An Thạnh"
    # every district ended with at least one commune taking over, each a known commune
    for r in REG.jurisdictions.values():
        if r.level == "district":
            assert r.active_until == "2025-06-30" and r.successors, r.id
            assert all(REG.jurisdictions[s].level == "commune" for s in r.successors), r.id


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Dong Thap", "dong-thap"),
        ("tỉnh Đồng Tháp", "dong-thap"),
        ("TP. Hồ Chí Minh", "ho-chi-minh"),
        ("Thành phố Cần Thơ", "can-tho"),
        ("Bà Rịa - Vũng Tàu", "ba-ria-vung-tau"),
    ],
)
def test_find_jurisdiction_tolerates_prefixes_and_missing_diacritics(name: str, expected: str) -> None:
    row = REG.find_jurisdiction(name)
    assert row is not None and row.id == expected


def test_find_jurisdiction_unknown_name_and_level_filter() -> None:
    assert REG.find_jurisdiction("Atlantis") is None
    assert REG.find_jurisdiction("Cù Lao Dung", level="district").id == "soc-trang.cu-lao-dung"
    assert REG.find_jurisdiction("Cù Lao Dung", level="commune").id == "can-tho.cu-lao-dung"


def test_two_76_nq_cp_resolutions_stay_distinct() -> None:
    new, old = REG.status_of("76/NQ-CP", 2021), REG.status_of("76/nq-cp", 2013)
    assert (new.year, new.status) == (2021, Status.IN_FORCE)
    assert old.year == 2013 and old.status != new.status


def test_one_stop_decree_replaced_in_2025() -> None:
    row = REG.status_of("61/2018/ND-CP")
    assert (row.status, row.replaced_by, row.status_date) == (
        Status.REPLACED,
        ("118/2025/NĐ-CP",),
        "2025-07-01",
    )


def test_low_confidence_rows_show_unverified() -> None:
    assert REG.status_of("468/QĐ-TTg", 2021).confidence == "unverified"
    assert not [r for r in REG.legal_status if r.confidence == "low"]


def test_ministry_and_department_mergers() -> None:
    assert REG.successors_of("bo-ke-hoach-va-dau-tu", "2025-03-01") == ["bo-tai-chinh"]
    assert REG.successors_of("bo-ke-hoach-va-dau-tu", "2025-02-28") == ["bo-ke-hoach-va-dau-tu"]
    assert REG.successors_of("so-thong-tin-va-truyen-thong@_", "2025-04-01") == [
        "so-khoa-hoc-va-cong-nghe@_",
        "so-van-hoa-the-thao-va-du-lich@_",
    ]
    kinds = {a.code: a for a in REG.agencies.values() if a.jurisdiction == "*"}
    assert {"SNV", "STP", "SXD", "BDT", "STTTT"} <= set(kinds)
    assert "Sở TT&TT" in kinds["STTTT"].aliases


def test_metrics_are_well_formed() -> None:
    areas = {a.value for a in Area}
    for m in REG.metrics.values():
        assert m.area in areas, m.id
        assert m.keywords and all(k == ascii_fold(k) for k in m.keywords), m.id
    assert REG.metrics["tthc-online-payment"].national_value == 80.0


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        (
            "muc do hai long cua nguoi dan, doanh nghiep ve giai quyet tthc dat toi thieu 90%",
            "tthc-satisfaction",
        ),
        (
            "muc do hai long cua nguoi dan doi voi su phuc vu cua co quan hanh chinh nha nuoc dat tren 90%",
            "admin-agency-satisfaction",
        ),
        (
            "80% tthc co yeu cau nghia vu tai chinh duoc trien khai thanh toan truc tuyen",
            "tthc-online-payment",
        ),
        ("80% ho so cong viec tai cap huyen duoc xu ly tren moi truong mang", "work-files-online-district"),
        ("60% ho so cong viec tai cap xa duoc xu ly tren moi truong mang", "work-files-online-commune"),
    ],
)
def test_metric_keywords_tell_similar_targets_apart(text: str, metric: str) -> None:
    hits = {m.id for m in REG.metrics.values() if any(re.search(k, text) for k in m.keywords)}
    assert metric in hits
    twins = [
        {"tthc-satisfaction", "admin-agency-satisfaction"},
        {"work-files-online-province", "work-files-online-district", "work-files-online-commune"},
    ]
    for group in twins:
        if metric in group:
            assert not (group - {metric}) & hits


def test_user_csv_row_wins_and_bad_row_names_its_line(tmp_path: Path) -> None:
    good = tmp_path / "mine.csv"
    good.write_text(
        "number,year,status,confidence,source\n76/NQ-CP,2021,amended,high,https://example.org/x\n",
        encoding="utf-8",
    )
    assert load_registries([good]).status_of("76/NQ-CP", 2021).status == Status.AMENDED
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "number,year,status,confidence,source\n1/QĐ-UBND,2020,in_force,high,x\n2/QĐ-UBND,2020,repealed,high,x\n",
        encoding="utf-8",
    )
    with pytest.raises(RegistryError, match=r"^bad\.csv:3: status 'repealed'"):
        load_user_csv(bad)


def test_each_metric_label_is_found_by_its_own_keywords() -> None:
    for m in REG.metrics.values():
        label = ascii_fold(m.label)
        assert any(re.search(k, label) for k in m.keywords), m.id


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Sở LĐ-TB&XH", "so-lao-dong-thuong-binh-va-xa-hoi@_"),
        ("so noi vu", "so-noi-vu@_"),
        ("BTTTT", "bo-thong-tin-va-truyen-thong"),
        ("Phòng Tư pháp", "phong-tu-phap@_._"),
        ("Bộ Ngoại thương", None),
    ],
)
def test_find_agency_by_name_alias_or_code(name: str, expected: str | None) -> None:
    row = REG.find_agency(name)
    assert (row.id if row else None) == expected
