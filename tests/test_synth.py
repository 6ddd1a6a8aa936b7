"""The synthetic country: deterministic, right counts per level, gold-format truth that matches its text."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata

from cancu.testing.synth import generate_country

GOLD_KEYS = {
    "source",
    "document",
    "legal_bases",
    "references",
    "targets",
    "tasks",
    "assignments",
    "reporting",
    "notes",
    "lead_agencies",
}  # score.py's optional key for "responsible agencies"


def _files(d):
    return {p.relative_to(d).as_posix(): p.read_bytes() for p in sorted(d.rglob("*")) if p.is_file()}


def test_same_seed_same_bytes_other_seed_differs(tmp_path):
    generate_country(tmp_path / "a", seed=7, provinces=2, communes_per_province=3)
    generate_country(tmp_path / "b", seed=7, provinces=2, communes_per_province=3)
    generate_country(tmp_path / "c", seed=8, provinces=2, communes_per_province=3)
    a, b, c = _files(tmp_path / "a"), _files(tmp_path / "b"), _files(tmp_path / "c")
    assert a == b
    assert a != c


def test_counts_per_level_and_no_districts_after_2025(tmp_path):
    m = generate_country(
        tmp_path,
        years=(2024, 2026),
        provinces=3,
        departments_per_province=4,
        communes_per_province=6,
        districts_per_province=2,
    )
    by_year_level: dict[tuple[int, str], int] = {}
    for p in m.plans:
        by_year_level[(p["year"], p["level"])] = by_year_level.get((p["year"], p["level"]), 0) + 1
    assert by_year_level == {
        (2024, "province"): 3,
        (2024, "department"): 12,
        (2024, "district"): 6,
        (2024, "commune"): 18,
        (2026, "province"): 3,
        (2026, "department"): 12,
        (2026, "commune"): 18,
    }
    assert len(list(tmp_path.glob("*.txt"))) == len(m.plans) == len(list((tmp_path / "truth").glob("*.json")))
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["plans"]) == 72


def test_truth_files_have_the_gold_keys_and_quotes_found_in_text(tmp_path):
    generate_country(tmp_path, provinces=2, communes_per_province=3, ocr_share=0.5)
    for truth in sorted((tmp_path / "truth").glob("*.json")):
        gold = json.loads(truth.read_text(encoding="utf-8"))
        assert set(gold) == GOLD_KEYS, truth.name
        text = " ".join((tmp_path / gold["source"]).read_text(encoding="utf-8").split())
        for item in gold["targets"] + gold["tasks"]:
            assert item["quote"] and item["quote"] in text, (truth.name, item["quote"])
        assert gold["document"]["level"] in {"province", "department", "district", "commune"}
        # responsible = every agency with a duty in Tổ chức thực hiện or leading a task, as score.py counts them
        assert set(gold["lead_agencies"]) == (
            {a["agency"] for a in gold["assignments"]} | {x for t in gold["tasks"] for x in t["lead"]}
        ), truth.name


def test_ocr_share_is_diacritic_free(tmp_path):
    m = generate_country(tmp_path, provinces=4, communes_per_province=5, ocr_share=0.3)
    ocr = [p for p in m.plans if p["ocr"]]
    assert 0.15 < len(ocr) / len(m.plans) < 0.45
    for p in m.plans:
        text = (tmp_path / p["file"]).read_text(encoding="utf-8")
        has_marks = (
            any(unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", text)) or "đ" in text.lower()
        )
        assert has_marks != p["ocr"], p["file"]


def test_truth_lists_exactly_the_citations_in_the_text(tmp_path):
    m = generate_country(
        tmp_path,
        years=(2024, 2026),
        provinces=3,
        communes_per_province=4,
        ocr_share=0.0,
        replaced_citation_share=1.0,
    )
    numbers = {p["number"] for p in m.plans} | {
        "76/NQ-CP",
        "23/CT-TTg",
        "282/QĐ-TTg",
        "61/2018/NĐ-CP",
        "118/2025/NĐ-CP",
    }
    for p in m.plans:
        text = (tmp_path / p["file"]).read_text(encoding="utf-8")
        truth = json.loads((tmp_path / "truth" / (p["file"][:-4] + ".json")).read_text(encoding="utf-8"))
        cited = {b["number"] for b in truth["legal_bases"]}
        present = {n for n in numbers if f"số {n} " in text}
        assert cited == present, p["file"]
        assert p["parent_number"] is None or p["parent_number"] in cited
    assert all(
        p["replaced_citations"] == ["61/2018/NĐ-CP"]
        for p in m.plans
        if p["year"] == 2026 and p["level"] == "province"
    )
    assert not any(p["replaced_citations"] for p in m.plans if p["year"] == 2024)


def test_cli_writes_a_country(tmp_path):
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "cancu.testing.synth",
            str(tmp_path),
            "--provinces",
            "1",
            "--communes",
            "2",
            "--departments",
            "1",
        ],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert "4 plans" in proc.stdout


def test_docx_share_writes_word_plans_whose_text_holds_the_quotes(tmp_path):
    from cancu.loaders.decode import decode_path

    m = generate_country(
        tmp_path, provinces=4, communes_per_province=4, ocr_share=0.0, docx_share=0.5, table_share=1.0
    )
    docs = [p for p in m.plans if p["file"].endswith(".docx")]
    assert len(m.plans) >= 40 and 0.25 < len(docs) / len(m.plans) < 0.75  # binomial(n >= 40, 0.5)
    for p in docs:
        truth = json.loads((tmp_path / "truth" / (p["file"][:-5] + ".json")).read_text(encoding="utf-8"))
        assert truth["source"] == p["file"]
        text = " ".join(decode_path(tmp_path / p["file"]).text.split())
        assert truth["tasks"] and all(t["quote"] in text for t in truth["tasks"]), p["file"]
        assert all(t["product"] is None or t["product"] in text for t in truth["tasks"])


def test_every_plan_of_a_full_country_gets_its_own_file_and_truth(tmp_path):
    """Communes of one province can share a name (34 provinces: 39 such pairs); none may overwrite another."""
    from cancu.testing.synth import generate_country

    m = generate_country(
        tmp_path,
        seed=7,
        provinces=34,
        departments_per_province=0,
        communes_per_province=98,
        districts_per_province=0,
    )
    files = [p["file"] for p in m.plans]
    assert len(set(files)) == len(files)
    assert len(list(tmp_path.glob("*.txt"))) == len(files) == len(list((tmp_path / "truth").glob("*.json")))
