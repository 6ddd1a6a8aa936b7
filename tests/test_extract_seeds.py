"""The seeds, scored with ../shared/eval/score.py: the bars of the extraction issues."""

from __future__ import annotations

import pytest

from scoring import field_f1, strip_diacritics

ISSUE_A_FIELDS = (
    "document.number",
    "document.type",
    "document.issuer",
    "document.jurisdiction",
    "document.level",
    "document.date",
    "legal_bases",
    "citations (all)",
)


@pytest.fixture(scope="module")
def scores(seeds):
    return field_f1(seeds)


@pytest.fixture(scope="module")
def stripped_scores(seeds):
    return field_f1(seeds, transform=strip_diacritics)


@pytest.mark.parametrize("field", ISSUE_A_FIELDS)
def test_metadata_and_citation_fields_reach_095(scores, field):
    assert scores[field] >= 0.95, (field, scores[field])


@pytest.mark.parametrize("field", ISSUE_A_FIELDS)
def test_stripping_every_diacritic_costs_less_than_003(scores, stripped_scores, field):
    assert scores[field] - stripped_scores[field] < 0.03, (field, scores[field], stripped_scores[field])


def test_seed_documents_exactly(seeds):
    from cancu.loaders.extract import extract_path

    got = {p.name[:3]: extract_path(p).document for p in seeds}
    assert (got["000"].number, got["000"].issuer, got["000"].date, got["000"].period) == (
        "367/KH-UBND",
        "UBND tỉnh Đồng Tháp",
        "2021-12-25",
        [2022, 2022],
    )
    assert (got["001"].number, got["001"].date, got["001"].issuer, got["001"].period) == (
        None,
        None,
        "UBND tỉnh Vĩnh Long",
        [2021, 2025],
    )
    assert (got["002"].issuer, got["002"].level, got["002"].signer.role) == (
        "Sở Xây dựng tỉnh Bình Phước",
        "department",
        "Giám đốc",
    )
    assert (got["003"].jurisdiction, got["003"].level, got["003"].id) == (
        "Cù Lao Dung, Sóc Trăng",
        "district",
        "03-kh-ubnd.2023@soc-trang.cu-lao-dung",
    )
    assert (got["004"].issuer, got["004"].signer.role) == ("Ban Dân tộc tỉnh Quảng Ngãi", "Trưởng Ban")
