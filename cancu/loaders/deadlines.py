"""A task's deadline as printed, and its normalised form: the earliest date it
names ("Quý I/2023" -> 2023-03-31, "Tháng 12/2023" -> 2023-12-31, "trong năm
2023" -> 2023-12-31, "trước ngày 15/10/2023" -> 2023-10-15) and whether it
recurs ("Thường xuyên", "Hàng quý", "Hằng năm")."""

from __future__ import annotations

import calendar
import contextlib
import re
from datetime import date

from cancu.loaders.fold import fold_str, fuzzy_pattern

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
QUARTER = re.compile(r"q[a-z]{1,2}\s+(iv|iii|ii|i|[1-4])\s*[/-]\s*((?:19|20)\d{2})")
MONTH = re.compile(r"th[a-z]{2,4}\s+(\d{1,2})\s*[/-]\s*((?:19|20)\d{2})")
DAY = re.compile(r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*((?:19|20)\d{2})")
YEAR = re.compile(r"n[a-z]{1,2}m\s+((?:19|20)\d{2})")
RECURRING = re.compile("|".join(fuzzy_pattern(w) for w in ("thường xuyên", "hàng quý", "hằng quý", "hàng năm", "hằng năm", "định kỳ", "hàng tháng", "hằng tháng")))


def normalise(printed: str | None) -> tuple[str | None, bool]:
    """(earliest ISO date named, recurs?) of a printed deadline."""
    if not printed:
        return None, False
    text = fold_str(printed).lower()
    dates: list[date] = []
    for m in QUARTER.finditer(text):
        q, y = ROMAN[m.group(1)], int(m.group(2))
        dates.append(date(y, q * 3, calendar.monthrange(y, q * 3)[1]))
    for m in MONTH.finditer(text):
        mo, y = int(m.group(1)), int(m.group(2))
        if 1 <= mo <= 12:
            dates.append(date(y, mo, calendar.monthrange(y, mo)[1]))
    for m in DAY.finditer(text):
        with contextlib.suppress(ValueError):
            dates.append(date(int(m.group(3)), int(m.group(2)), int(m.group(1))))
    if not dates:
        dates = [date(int(m.group(1)), 12, 31) for m in YEAR.finditer(text)]
    recurring = bool(RECURRING.search(text))
    return (min(dates).isoformat() if dates else None), recurring
