"""Extraction scores on the real corpus, per field, per kind of document and per layout.

Runs ``cancu extract`` once per split and scores it with the evaluation's own ``score.py`` (the same
scorer the unseen documents are scored with), then regroups the per-document rows by the gold's
``meta.kind`` and ``meta.layout``:

    python scripts/corpus_scores.py                      # dev and test
    python scripts/corpus_scores.py --split dev --by layout
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _scorer(path: Path):
    spec = importlib.util.spec_from_file_location("cancu_eval_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _group(meta: dict, by: str) -> str:
    value = str(meta.get(by) or "?")
    return value.split(" (")[0].split(",")[0].strip()[:40]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=("dev", "test", "all"), default="all")
    ap.add_argument("--by", choices=("kind", "layout", "level"), default="kind")
    ap.add_argument("--score", type=Path, default=ROOT.parent / "shared" / "eval" / "score.py")
    args = ap.parse_args()
    score = _scorer(args.score)
    splits = ("dev", "test") if args.split == "all" else (args.split,)
    for split in splits:
        gold_dir, doc_dir = ROOT / "corpus" / split / "gold", ROOT / "corpus" / split / "docs"
        golds = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))}
        paths = [next(doc_dir.glob(stem + ".*")) for stem in golds]
        proc = subprocess.run(
            ["cancu", "extract", "--format", "json", *map(str, paths)], capture_output=True, text=True
        )
        if proc.returncode:
            sys.exit(f"cancu extract failed: {proc.stderr.strip()[-400:]}")
        preds = json.loads(proc.stdout)
        preds = {Path(p["source"]).stem: p for p in (preds if isinstance(preds, list) else [preds])}
        totals: dict[str, list[Counter]] = {}
        groups: dict[str, dict[str, list[Counter]]] = {}
        for stem, gold in golds.items():
            group = _group(gold.get("meta", {}), args.by)
            for field, (g, p) in score.score_one(gold, preds.get(stem, {})).items():
                for acc in (
                    totals.setdefault(field, [Counter(), Counter()]),
                    groups.setdefault(group, {}).setdefault(field, [Counter(), Counter()]),
                ):
                    acc[0].update({(stem, k): v for k, v in g.items()})
                    acc[1].update({(stem, k): v for k, v in p.items()})
        print(f"\n== {split}: {len(golds)} documents")
        f1s = []
        for field, (g, p) in totals.items():
            pr, rc, f1, ng, np_ = score.prf(g, p)
            f1s.append(f1)
            print(f"  {field:24s} P={pr:.2f} R={rc:.2f} F1={f1:.2f}  (gold {ng}, predicted {np_})")
        print(f"  overall F1 = {sum(f1s) / len(f1s):.3f}")
        print(f"  by {args.by}:")
        for group, fields in sorted(groups.items()):
            n = sum(1 for gold in golds.values() if _group(gold.get("meta", {}), args.by) == group)
            scores = [score.prf(g, p)[2] for g, p in fields.values()]
            print(f"    {group:40s} {n:3d} docs  overall F1 {sum(scores) / len(scores):.3f}")


if __name__ == "__main__":
    main()
