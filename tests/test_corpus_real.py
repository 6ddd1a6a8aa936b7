"""Extraction on the real corpus (corpus/dev, corpus/test), scored by the evaluation's own score.py.

The floors sit just under the figures measured when they were set (stated beside each): a rule that
loses real documents fails here even when the seeds and the synthetic country stay green. Raise a floor
when the corpus score rises; never lower one to let a change through without saying why in its commit."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from cancu.loaders.extract import extract_path

from scoring import score_module

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

FLOORS = {
    # split: (overall floor, {field: floor}) — measured 2026-12-03 on 52 dev / 39 test documents:
    # dev 0.768 (number 0.97, legal bases 0.97, citations 0.98); test 0.663 (0.92, 0.99, 0.99).
    # With the 16 full-text fx documents (62 dev / 45 test), at 88059b7's rules: dev 0.766 (1.00, 0.97,
    # 0.98); test 0.679 (0.90, 0.99, 0.98). With the 5 gx portal letters and posts (66 dev / 46 test), at
    # 63d5277's rules: dev 0.849 (0.98, 0.97, 0.99); test 0.711 (0.87, 0.99, 0.98), so the test number floor
    # is 0.87 - 0.02. With all 9 gx texts (67 dev / 49 test), at 7c3a17a's rules: dev 0.875 (1.00, 0.97,
    # 0.99); test 0.713 (0.88, 0.98, 0.98). One copy of each source (8 pv duplicates removed, 64 dev / 44
    # test), at 14d69a2's rules: dev 0.890 (1.00, 0.97, 0.99); test 0.712 (0.86, 0.97, 0.97). With the 19
    # hx pages and posts (76 dev / 51 test), at db47a5c's rules: dev 0.883 (0.98, 0.97, 0.98); test 0.717
    # (0.88, 0.98, 0.92): a test page that is only a related-documents list pulls citations to 0.918, so
    # that floor is 0.918 - 0.02, rounded down.
    # With the ix and jx full texts (93 dev / 61 test) the floors fell to dev 0.83 (measured 0.851); the rules of
    # this stop (e.g. 63c858d) read dev 0.895 (0.99, 0.97, 0.98) and test 0.784 (0.91, 0.96, 0.92): floors are
    # the measured values - 0.02. Stop 16, with the kx and mx texts (110 dev / 70 test), at 77159a0's rules: dev
    # 0.927 (1.00, 0.97, 0.98), test 0.777 (0.90, 0.96, 0.93). Stop 17, with the nx and ox texts (133 dev / 86
    # test: the test split went 0.778 -> 0.758 on adding them), at da13194's rules: dev 0.926 (1.00, 0.97, 0.97),
    # test 0.760 (0.91, 0.94, 0.92); floors are the measured values - 0.02.
    "dev": (0.90, {"document.number": 0.95, "legal_bases": 0.95, "citations (all)": 0.95}),
    "test": (0.74, {"document.number": 0.88, "legal_bases": 0.92, "citations (all)": 0.89}),
}


def _scores(split: str) -> tuple[float, dict[str, float]]:
    score = score_module()
    totals: dict[str, list[Counter]] = {}
    for gold_path in sorted((CORPUS / split / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc = next((CORPUS / split / "docs").glob(gold_path.stem + ".*"))
        pred = extract_path(doc).to_dict()
        for field, (g, p) in score.score_one(gold, pred).items():
            acc = totals.setdefault(field, [Counter(), Counter()])
            acc[0].update({(gold_path.stem, k): v for k, v in g.items()})
            acc[1].update({(gold_path.stem, k): v for k, v in p.items()})
    fields = {field: score.prf(g, p)[2] for field, (g, p) in totals.items()}
    return sum(fields.values()) / len(fields), fields


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_real_corpus_holds_its_floor(split):
    overall, fields = _scores(split)
    floor, field_floors = FLOORS[split]
    assert overall >= floor, f"{split} overall {overall:.3f} < {floor}: {fields}"
    for field, f_floor in field_floors.items():
        assert fields[field] >= f_floor, f"{split} {field} {fields[field]:.3f} < {f_floor}"


def test_every_document_has_its_gold_and_source():
    """Each text has a gold file naming where it came from, in the split its name hashes to."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "corpus_split", CORPUS.parent / "scripts" / "corpus_split.py"
    )
    split_of = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(split_of)
    paths = sorted(p for s in ("dev", "test") for p in (CORPUS / s / "docs").glob("*.*"))
    assert len(paths) >= 60
    for path in paths:
        split = path.parent.parent.name
        gold = json.loads((CORPUS / split / "gold" / (path.stem + ".json")).read_text(encoding="utf-8"))
        assert gold["meta"]["url"], path.name
        assert split_of.split_of(path.stem) == split, path.name


def test_no_source_is_annotated_twice():
    """One page never sits in both dev and test (tuning on dev would move test), nor counts twice."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "dedup", CORPUS.parent / "scripts" / "corpus_dedup_check.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.duplicates(CORPUS) == {}
