"""docs/cli.md is generated from the commands' own --help, is current, and documents
every command and option; the runtime dependencies are exactly what cancu imports."""

from __future__ import annotations

import ast
import importlib.util
import re
import tomllib
from pathlib import Path

import click
import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("cli_reference", ROOT / "scripts" / "cli_reference.py")
cli_reference = importlib.util.module_from_spec(spec)
spec.loader.exec_module(cli_reference)

COMMANDS = list(cli_reference.commands())


def test_reference_is_current():
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == cli_reference.reference(), (
        "docs/cli.md is stale: run python scripts/cli_reference.py"
    )


@pytest.mark.parametrize("path,cmd", COMMANDS, ids=[" ".join(p) or "cancu" for p, _ in COMMANDS])
def test_every_command_and_option_is_documented(path, cmd):
    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    section = doc.split(f"## cancu {' '.join(path)}".rstrip() + "\n", 1)[1].split("\n## ", 1)[0]
    assert cmd.help, f"cancu {' '.join(path)} has no help text"
    for param in cmd.params:
        if isinstance(param, click.Option):
            assert param.help or param.name in ("help", "version"), f"{param.opts} of {path} has no help"
            assert all(opt in section for opt in param.opts), param.opts


# import name -> distribution name, where they differ
DISTRIBUTIONS = {"docx": "python-docx", "PIL": "pillow"}


def _imported_top_level_modules() -> set[str]:
    names: set[str] = set()
    for path in (ROOT / "cancu").rglob("*.py"):
        if "testing" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module.split(".")[0])
    return names


def test_runtime_dependencies_are_what_the_code_imports():
    declared = {
        re.split(r"[<>=!~\[ ]", d, maxsplit=1)[0].lower()
        for d in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    }
    imported = {DISTRIBUTIONS.get(m, m).lower() for m in _imported_top_level_modules()}
    assert "pyvis" not in declared  # the pictures use vis-network directly (docs/viz.md)
    assert declared <= imported, f"declared but never imported: {sorted(declared - imported)}"
