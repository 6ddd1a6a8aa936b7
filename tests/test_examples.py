"""The examples' ground truth (examples/expected) is in the gold format and quotes its own documents."""

from __future__ import annotations

import json
import subprocess
import sys

from cancu.loaders.decode import decode_path

from conftest import EXAMPLES, SHARED

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
}
EXPECTED = sorted((EXAMPLES / "expected").glob("*.json"))


def test_one_truth_file_per_example():
    assert [p.stem for p in EXPECTED] == sorted(
        p.stem for p in EXAMPLES.glob("0*") if p.suffix in {".txt", ".docx"}
    )
    assert len(EXPECTED) == 4


def test_truth_has_gold_keys_and_every_quote_is_in_its_document():
    for path in EXPECTED:
        gold = json.loads(path.read_text(encoding="utf-8"))
        assert set(gold) == GOLD_KEYS, path.name
        text = " ".join(decode_path(EXAMPLES / gold["source"]).text.split())
        for item in gold["targets"] + gold["tasks"] + gold["assignments"]:
            assert item["quote"] in text, (path.name, item["quote"])
        for base in gold["legal_bases"]:
            assert base["number"].split("/")[0] + "/" in text, (path.name, base["number"])


def test_truth_fed_back_to_the_scorer_scores_one(tmp_path):
    preds = [json.loads(p.read_text(encoding="utf-8")) for p in EXPECTED]
    (tmp_path / "pred.json").write_text(json.dumps(preds, ensure_ascii=False), encoding="utf-8")
    proc = subprocess.run(
        [
            sys.executable,
            str(SHARED / "eval" / "score.py"),
            "--gold",
            str(EXAMPLES / "expected"),
            "--pred",
            str(tmp_path / "pred.json"),
        ],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "overall F1 = 1.000"
