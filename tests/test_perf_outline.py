"""outline's shortcut: a line NUMBER_ALONE matches is one HEADING_HINT matches (it is tried only there)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cancu.loaders.fold import fold
from cancu.loaders.outline import HEADING_HINT, NUMBER_ALONE

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.mark.parametrize(
    "line", ["1.", " 2.1.3)", "\tiv.", "iii )", "12 .", "xl.", "**1.", "1", "v", "a)", "ii.\t", "9.9.9.9.9."]
)
def test_number_alone_only_where_a_heading_may_start(line):
    assert not NUMBER_ALONE.match(line) or HEADING_HINT.match(line)


def test_number_alone_only_where_a_heading_may_start_in_the_corpus():
    lines = [
        line
        for path in sorted(CORPUS.glob("*/docs/*.txt"))
        for line in fold(path.read_text(encoding="utf-8", errors="replace")).text.split("\n")
    ]
    alone = [line for line in lines if NUMBER_ALONE.match(line)]
    assert alone  # the corpus has some
    assert all(HEADING_HINT.match(line) for line in alone)
