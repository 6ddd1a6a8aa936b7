"""The guarantees document names tests that exist: a renamed or removed test cannot leave it stale."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _tests_in(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name.startswith("test")}


def test_every_test_named_in_reliability_md_exists():
    text = (ROOT / "docs" / "RELIABILITY.md").read_text(encoding="utf-8")
    named = 0
    for line in text.splitlines():
        current: Path | None = None
        for ref in re.finditer(r"`(tests/[\w/]+\.py)?(?:::(\w+))?`", line):
            file, test = ref.group(1), ref.group(2)
            if file:
                current = ROOT / file
                assert current.exists(), f"RELIABILITY.md names {file}, which does not exist"
            if test:
                assert current is not None, f"::{test} without a file before it: {line[:80]}"
                assert test in _tests_in(current), (
                    f"RELIABILITY.md names {current.name}::{test}, which does not exist"
                )
                named += 1
    assert named >= 20
