"""The README's picture (docs/cascade.png) shows what cancu draws today."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("readme_picture", ROOT / "scripts" / "readme_picture.py")
readme_picture = importlib.util.module_from_spec(spec)
spec.loader.exec_module(readme_picture)


def test_readme_picture_is_current():
    stamp = readme_picture.stamp_of((ROOT / "docs" / "cascade.png").read_bytes())
    assert stamp == readme_picture.digest(readme_picture.picture()), (
        "docs/cascade.png is stale: run python scripts/readme_picture.py"
    )


def test_the_stamp_survives_a_png_round_trip():
    png = (ROOT / "docs" / "cascade.png").read_bytes()
    assert readme_picture.stamp_of(readme_picture.stamped(png[:33] + png[33:], "abc")) == "abc"
