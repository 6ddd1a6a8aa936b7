"""Printed deadlines keep the precision the text gives (one row per form)."""

from __future__ import annotations

import pytest

from cancu.loaders.deadlines import Interval, interval, normalise


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("trước ngày 15 tháng 12 năm 2023", Interval("2023-12-15", "2023-12-15", "day")),
        ("Truoc ngay 15 thang 12 nam 2023", Interval("2023-12-15", "2023-12-15", "day")),
        ("trước ngày 15/10/2023", Interval("2023-10-15", "2023-10-15", "day")),
        ("quý 2 năm 2025", Interval("2025-04-01", "2025-06-30", "quarter")),
        ("Quý II/2025", Interval("2025-04-01", "2025-06-30", "quarter")),
        ("Quy I/2023", Interval("2023-01-01", "2023-03-31", "quarter")),
        ("Quý IV-2024", Interval("2024-10-01", "2024-12-31", "quarter")),
        ("tháng 6 năm 2024", Interval("2024-06-01", "2024-06-30", "month")),
        ("Tháng 2/2024", Interval("2024-02-01", "2024-02-29", "month")),
        ("trong năm 2023", Interval("2023-01-01", "2023-12-31", "year")),
        ("Tháng 6/2024 và tháng 12/2024", Interval("2024-06-01", "2024-06-30", "month")),
        ("ngày 31/02/2024", None),  # not a date: nothing is made up
        ("Thường xuyên", None),
        ("", None),
    ],
)
def test_interval_keeps_the_printed_precision(printed: str, expected: Interval | None) -> None:
    assert interval(printed) == expected


@pytest.mark.parametrize(
    ("printed", "due", "recurs"),
    [
        ("trước ngày 15 tháng 12 năm 2023", "2023-12-15", False),
        ("quý 2 năm 2025", "2025-06-30", False),
        ("tháng 6 năm 2024", "2024-06-30", False),
        ("Quý I/2023", "2023-03-31", False),
        ("Hằng năm", None, True),
        ("Thường xuyên, báo cáo trước 15/12/2023", "2023-12-15", True),
        (None, None, False),
    ],
)
def test_normalise_gives_the_end_of_the_earliest_period(
    printed: str | None, due: str | None, recurs: bool
) -> None:
    assert normalise(printed) == (due, recurs)
