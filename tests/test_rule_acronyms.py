"""A body named with an acronym takes the long form the document itself spells out (loaders/acronyms.py)."""

from __future__ import annotations

import pytest

from cancu.loaders.acronyms import long_form

TEXT = (
    "Kính gửi: Trung tâm Chuyển đổi số Văn hóa, Thể thao và Du lịch; Cục Du lịch Quốc gia Việt Nam.\n"
    "Giao Trung tâm Chuyển đổi số VHTTDL chủ trì; Cục DLQGVN phối hợp; Bộ VHTTDL theo dõi."
)


@pytest.mark.parametrize(
    ("name", "want"),
    [
        (
            "Trung tâm Chuyển đổi số VHTTDL",
            "Trung tâm Chuyển đổi số Văn hóa, Thể thao và Du lịch",
        ),  # "và" skipped
        ("Cục DLQGVN", "Cục Du lịch Quốc gia Việt Nam"),  # every syllable counts, lower case too
        ("Bộ VHTTDL", None),  # the text never spells "Bộ Văn hóa, …" out: kept as printed
        ("Văn phòng HĐND và UBND huyện", None),  # no acronym at its end
        ("Sở TTHC", None),  # an acronym that is a name of its own
    ],
)
def test_rule_acronyms(name: str, want: str | None) -> None:
    assert long_form(name, TEXT) == want
