"""The ``cancu`` command line: argument parsing, output formats, exit codes.

No logic of its own: each command calls one function of loaders, graph,
queries or viz and formats what it returns. Every ``CancuError`` becomes one
line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from cancu import __version__
from cancu.errors import CancuError


class _Group(click.Group):
    """Turns documented errors into one line and an exit code."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except CancuError as err:
            click.echo(f"cancu: {err}", err=True)
            ctx.exit(err.exit_code)


@click.group(cls=_Group)
@click.version_option(__version__, prog_name="cancu")
def main() -> None:
    """cancu — legal bases and responsibility chains of CCHC plans."""


# ---------------------------------------------------------------- extract
@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="json", show_default=True)
def extract(paths: tuple[str, ...], fmt: str) -> None:
    """Read plans (files, folders, or - for stdin) and print what they say."""
    from cancu.loaders.extract import extract_inputs

    records = extract_inputs(paths)
    if fmt == "json":
        data = [r.to_dict() for r in records]
        out = data[0] if len(data) == 1 and len(paths) == 1 and Path(paths[0]).is_file() else data
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        click.echo(_records_table(records))
    if any(r.warnings for r in records):
        for r in records:
            for w in r.warnings:
                click.echo(f"warning: {r.source}: {w}", err=True)


def _records_table(records) -> str:
    from cancu.formats import table

    blocks = []
    for r in records:
        d = r.document
        head = table([{"field": k, "value": getattr(d, k)} for k in
                      ("number", "type", "issuer", "jurisdiction", "level", "date", "title", "period")])
        cites = table(
            [{"kind": "basis", **_cite_row(c)} for c in r.legal_bases]
            + [{"kind": "reference", **_cite_row(c)} for c in r.references]
        )
        counts = f"targets {len(r.targets)} · tasks {len(r.tasks)} · assignments {len(r.assignments)} · reporting {len(r.reporting)} · warnings {len(r.warnings)}"
        blocks.append(f"== {r.source}\n{head}\n\n{cites}\n\n{counts}")
    return "\n\n".join(blocks)


def _cite_row(c) -> dict:
    return {"number": c.number or c.title, "type": c.type, "issuer": c.issuer, "date": c.date, "span": f"{c.span[0]}-{c.span[1]}"}


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
