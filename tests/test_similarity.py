"""The one similarity measure of the fuzzy readers (loaders/similarity.py): 2·LCS / total length."""

from __future__ import annotations

import pytest

from cancu.loaders.similarity import similarity


@pytest.mark.parametrize(
    ("a", "b", "floor", "want"),
    [
        ("quang ngai", "quang ngai", 0.0, 1.0),
        ("quang ngi", "quang ngai", 0.0, 0.947),  # OCR dropped a letter: 2·9 / 19
        ("to chiec b may", "to chuc bo may", 0.0, 0.857),
        ("ha noi", "long an", 0.0, 0.308),  # 2·2 / 13
        ("ha noi", "long an", 0.75, 0.0),  # under the floor: not computed to the end
        ("", "", 0.0, 1.0),
    ],
)
def test_similarity(a: str, b: str, floor: float, want: float) -> None:
    assert round(similarity(a, b, floor), 3) == want
