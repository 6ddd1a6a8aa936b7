"""Write docs/cli.md from the commands' own --help (as sqlite-utils does for its docs).

    python scripts/cli_reference.py          # rewrite docs/cli.md
    python scripts/cli_reference.py --check  # exit 1 when docs/cli.md is stale

tests/test_cli_reference.py checks the file is current and names every command and option.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import click
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cancu.cli import main  # noqa: E402

OUT = ROOT / "docs" / "cli.md"


def commands(
    group: click.Group = main, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    yield path, group
    for name in sorted(group.commands):
        cmd = group.commands[name]
        if isinstance(cmd, click.Group):
            yield from commands(cmd, (*path, name))
        else:
            yield (*path, name), cmd


def reference() -> str:
    parts = [
        "# cancu command reference",
        "",
        "Generated from each command's `--help` by `python scripts/cli_reference.py`; do not edit by hand.",
        "Every command takes `-h`. Errors are one line on stderr (`cancu: …`) with exit status 2;",
        "`audit --fail-on` exits 1 on a flag. `-` as an output file means standard output.",
        "",
    ]
    runner = CliRunner(env={"COLUMNS": "100"})
    for path, _ in commands():
        result = runner.invoke(main, [*path, "--help"], prog_name="cancu")
        parts += [f"## cancu {' '.join(path)}".rstrip(), "", "```", result.output.rstrip(), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    text = reference()
    if "--check" in sys.argv:
        sys.exit(0 if OUT.read_text(encoding="utf-8") == text else 1)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}")
