"""A ``files`` row's record text is the one ``PlanRecord.to_dict`` gives (``sqlite_db.record_text``
walks the dataclasses in C, for speed): equal text on every seed and example record, a report's
``from`` included, and the record read back equal to the one written."""

from __future__ import annotations

from pathlib import Path

import pytest

from cancu.graph.sqlite_db import decode, encode, record_text
from cancu.loaders.extract import extract_path
from cancu.ontology.record import PlanRecord, Reporting

from conftest import seed_paths

EXAMPLES = sorted(
    p for p in (Path(__file__).parents[1] / "examples").glob("*") if p.suffix in (".txt", ".docx")
)


def _cases() -> list[Path]:
    return [*seed_paths(), *EXAMPLES]


@pytest.mark.parametrize("path", _cases(), ids=lambda p: p.name)
def test_record_text_is_to_dicts_text(path: Path) -> None:
    record = extract_path(path)
    text = record_text(record, str(path))
    assert text == encode({**record.to_dict(), "path": str(path)})
    assert PlanRecord.from_dict(decode(text)) == record


def test_a_reports_from_is_renamed_as_to_dict_does() -> None:
    record = PlanRecord(source="x.txt", reporting=[Reporting(from_="UBND xã", to="UBND tỉnh", span=(3, 9))])
    text = record_text(record, "x.txt")
    assert text == encode({**record.to_dict(), "path": "x.txt"})
    assert decode(text)["reporting"] == [
        {"deadline": None, "frequency": [], "from": "UBND xã", "span": [3, 9], "to": "UBND tỉnh", "via": None}
    ]
