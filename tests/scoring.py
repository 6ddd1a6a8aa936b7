"""Score extraction records with the project's evaluation script (../shared/eval/score.py), read in place."""

from __future__ import annotations

import importlib.util
import json
import unicodedata
from collections import Counter
from pathlib import Path

from cancu.loaders.decode import decode_bytes
from cancu.loaders.extract import extract_decoded

from conftest import GOLD, SHARED


def score_module():
    spec = importlib.util.spec_from_file_location("cancu_eval_score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def strip_diacritics(text: str) -> str:
    text = text.replace("Đ", "D").replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def field_f1(paths: list[Path], transform=None, gold_dir: Path = GOLD) -> dict[str, float]:
    """F1 per field over all documents, exactly as score.py totals them."""
    score = score_module()
    totals: dict[str, list[Counter]] = {}
    for path in paths:
        gold = json.loads((gold_dir / (path.stem + ".json")).read_text(encoding="utf-8"))
        data = path.read_bytes()
        if transform:
            data = transform(data.decode("utf-8")).encode("utf-8")
        pred = extract_decoded(decode_bytes(data, path.name)).to_dict()
        for field, (g, p) in score.score_one(gold, pred).items():
            acc = totals.setdefault(field, [Counter(), Counter()])
            acc[0].update({(path.stem, k): v for k, v in g.items()})
            acc[1].update({(path.stem, k): v for k, v in p.items()})
    return {field: score.prf(g, p)[2] for field, (g, p) in totals.items()}
