"""Extraction accuracy on a small synthetic country, scored as ../shared/eval/score.py scores.

The issue's goal is overall F1 >= 0.95 (mean of the per-field F1s, score.py's
"overall") on the generator's ground truth, clean and OCR-noisy plans together;
the floor test keeps the figures measured here (MEASURED) from getting worse.
What is still missed (a commune plan that never names its district or province,
a wrapped header line) is listed in benchmarks/RESULTS.md, "Extraction accuracy".
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from cancu.loaders.extract import extract_path
from cancu.testing.synth import generate_country

from scoring import score_module

GOAL = 0.95
MEASURED = {"overall": 0.994, "clean": 0.996, "ocr": 0.988}
"""Figures measured on this country (2026-11-23), rounded to 3 places."""


def _score(
    out: Path, seed: int = 3, provinces: int = 2, page_share: float = 0.0
) -> dict[str, dict[str, float]]:
    score = score_module()
    manifest = generate_country(
        out,
        seed=seed,
        years=(2024, 2026),
        provinces=provinces,
        departments_per_province=4,
        communes_per_province=6,
        districts_per_province=2,
        tasks_per_plan=12,
        ocr_share=0.3,
        page_share=page_share,
    )
    totals: dict[str, dict[str, list[Counter]]] = {"all": {}, "clean": {}, "ocr": {}}
    for plan in manifest.plans:
        gold = json.loads((out / "truth" / (Path(plan["file"]).stem + ".json")).read_text(encoding="utf-8"))
        pred = extract_path(out / plan["file"]).to_dict()
        for field, (g, p) in score.score_one(gold, pred).items():
            for share in ("all", "ocr" if plan["ocr"] else "clean"):
                acc = totals[share].setdefault(field, [Counter(), Counter()])
                acc[0].update({(plan["file"], k): v for k, v in g.items()})
                acc[1].update({(plan["file"], k): v for k, v in p.items()})
    return {
        share: {field: score.prf(g, p)[2] for field, (g, p) in fields.items()}
        for share, fields in totals.items()
    }


def _overall(f1: dict[str, float]) -> float:
    return sum(f1.values()) / len(f1)


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, float]]:
    return _score(tmp_path_factory.mktemp("synth-accuracy"))


def test_synthetic_country_scores_the_goal(scores: dict[str, dict[str, float]]) -> None:
    for share in ("all", "clean", "ocr"):
        assert _overall(scores[share]) >= GOAL, (share, {k: round(v, 3) for k, v in scores[share].items()})


def test_synthetic_country_scores_no_less_than_measured(scores: dict[str, dict[str, float]]) -> None:
    assert round(_overall(scores["all"]), 3) >= MEASURED["overall"]
    assert round(_overall(scores["clean"]), 3) >= MEASURED["clean"]
    assert round(_overall(scores["ocr"]), 3) >= MEASURED["ocr"]


def test_fields_the_conventions_agree_on_are_exact_on_clean_plans(
    scores: dict[str, dict[str, float]],
) -> None:
    for field in ("document.number", "document.type", "legal_bases", "citations (all)", "targets"):
        assert scores["clean"][field] == 1.0, field


def test_a_second_country_of_other_places_also_scores_the_goal(tmp_path: Path) -> None:
    """Another seed and more provinces (other names, other OCR damage): the rules are not tuned to one draw."""
    scores = _score(tmp_path, seed=11, provinces=4)
    assert _overall(scores["all"]) >= GOAL, {k: round(v, 3) for k, v in scores["all"].items()}


def test_a_country_printed_as_legal_database_pages_scores_the_goal(tmp_path: Path) -> None:
    """Every plan with "|" header cells and a Markdown title (measured 0.992): the layout stage masks them."""
    scores = _score(tmp_path, page_share=1.0)
    assert _overall(scores["all"]) >= 0.98, {k: round(v, 3) for k, v in scores["all"].items()}
