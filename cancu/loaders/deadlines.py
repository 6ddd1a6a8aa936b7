"""A task's deadline as printed, read at the precision the text gives.

``interval`` gives the period a printed deadline names, with its precision:
"trước ngày 15 tháng 12 năm 2023" -> (2023-12-15, 2023-12-15, day); "Quý 2 năm
2025" / "Quý II/2025" -> (2025-04-01, 2025-06-30, quarter); "tháng 6 năm 2024" /
"Tháng 6/2024" -> (2024-06-01, 2024-06-30, month); "trong năm 2023" ->
(2023-01-01, 2023-12-31, year). ``normalise`` keeps its old contract for the
extractor: (the due date = the end of the earliest period named, recurs?).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from cancu.loaders.fold import fold_str, fuzzy_pattern

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
YEAR = r"((?:19|20)\d{2})"
SEP = r"\s*(?:/|-|\s+n[a-z]{1,2}m\s+)\s*"  # "6/2024", "6-2024", "6 năm 2024"
QUARTER = re.compile(r"q[a-z]{1,2}\s+(iv|iii|ii|i|[1-4])" + SEP + YEAR)
MONTH = re.compile(r"th[a-z]{2,4}\s+(\d{1,2})" + SEP + YEAR)
DAY = re.compile(r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*" + YEAR)
DAY_WORDS = re.compile(r"ng[a-z]{2}\s+(\d{1,2})\s+th[a-z]{2,4}\s+(\d{1,2})\s+n[a-z]{1,2}m\s+" + YEAR)
YEAR_WORDS = re.compile(r"n[a-z]{1,2}m\s+" + YEAR)
RECURRING = re.compile(
    "|".join(
        fuzzy_pattern(w)
        for w in (
            "thường xuyên",
            "hàng quý",
            "hằng quý",
            "hàng năm",
            "hằng năm",
            "định kỳ",
            "hàng tháng",
            "hằng tháng",
        )
    )
)


@dataclass(frozen=True)
class Interval:
    start: str
    end: str
    precision: str  # day | month | quarter | year


def interval(printed: str | None) -> Interval | None:
    """The earliest period a printed deadline names, at the precision it is printed."""
    if not printed:
        return None
    text = fold_str(printed).lower()
    found: list[tuple[date, date, str, int]] = []  # (start, end, precision, position)
    taken: list[tuple[int, int]] = []

    def free(m: re.Match[str]) -> bool:
        return not any(a < m.end() and m.start() < b for a, b in taken)

    for rx in (DAY_WORDS, DAY):
        for m in rx.finditer(text):
            d_, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
            if 1 <= mo <= 12 and 1 <= d_ <= calendar.monthrange(y, mo)[1] and free(m):
                day = date(y, mo, d_)
                found.append((day, day, "day", m.start()))
                taken.append(m.span())
    for m in QUARTER.finditer(text):
        if free(m):
            q, y = ROMAN[m.group(1)], int(m.group(2))
            found.append(
                (
                    date(y, q * 3 - 2, 1),
                    date(y, q * 3, calendar.monthrange(y, q * 3)[1]),
                    "quarter",
                    m.start(),
                )
            )
            taken.append(m.span())
    for m in MONTH.finditer(text):
        mo, y = int(m.group(1)), int(m.group(2))
        if 1 <= mo <= 12 and free(m):
            found.append((date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1]), "month", m.start()))
            taken.append(m.span())
    if not found:
        for m in YEAR_WORDS.finditer(text):
            y = int(m.group(1))
            found.append((date(y, 1, 1), date(y, 12, 31), "year", m.start()))
    if not found:
        return None
    start, end, precision, _ = min(found, key=lambda f: (f[1], f[3]))
    return Interval(start.isoformat(), end.isoformat(), precision)


def normalise(printed: str | None) -> tuple[str | None, bool]:
    """(due date: the end of the earliest period named, recurs?) of a printed deadline."""
    if not printed:
        return None, False
    found = interval(printed)
    recurring = bool(RECURRING.search(fold_str(printed).lower()))
    return (found.end if found else None), recurring
