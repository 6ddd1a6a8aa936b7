"""Every row of the OCR confusion table does what it says."""

from __future__ import annotations

import pytest

from cancu.loaders.codes import PARTY_NUMBER, STATE_NUMBER, parse_party, parse_state
from cancu.loaders.fold import fold, fold_str, fuzzy_regex
from cancu.ontology.datafiles import read_rows

ROWS = read_rows("ocr_confusions.csv")


def _id(row: dict[str, str]) -> str:
    return f"{row['kind']}:{row['_line']}:{row['example']}"


@pytest.mark.parametrize("row", [r for r in ROWS if r["kind"] == "char"], ids=_id)
def test_char_row_folds_example_to_expected(row):
    assert fold_str(row["example"]) == row["expected"]


@pytest.mark.parametrize("row", [r for r in ROWS if r["kind"] == "letter"], ids=_id)
def test_letter_row_pattern_reads_example_as_expected(row):
    folded = fold(row["example"]).text
    assert fuzzy_regex(row["expected"]).fullmatch(folded), (row["expected"], folded)
    # and the plain (non-OCR) pattern does not: the row is needed
    assert not fuzzy_regex(row["expected"], ocr=False).fullmatch(folded)


@pytest.mark.parametrize("row", [r for r in ROWS if r["kind"] == "code"], ids=_id)
def test_code_row_parses_example_to_expected(row):
    folded = fold(row["example"])
    m = STATE_NUMBER.search(folded.text)
    number = parse_state(m, folded.original) if m else parse_party(PARTY_NUMBER.search(folded.text))
    assert number.canonical == row["expected"]


def test_every_row_has_a_source():
    assert all(r["source"] for r in ROWS)
