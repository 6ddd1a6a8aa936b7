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


# ---------------------------------------------------------------- queries
def _store_option(f):
    return click.option(
        "--store", "store", envvar="CANCU_STORE", default=None,
        help="Store directory (default ./.cancu) or bolt://host:port for a Neo4j server; env CANCU_STORE.",
    )(f)


def _format_option(f):
    return click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)(f)


def _as_of_option(f):
    return click.option("--as-of", "as_of", default=None, help="Date the answer holds for (YYYY-MM-DD; default today).")(f)


def _graph(store: str | None):
    from cancu.api import open_store

    return open_store(store).graph()


def _emit(result, fmt: str, columns=None) -> None:
    from cancu.formats import table, to_csv, to_json

    if fmt == "json":
        click.echo(to_json(result.to_dict()))
    elif fmt == "csv":
        click.echo(to_csv(result.rows(), columns), nl=False)
    else:
        click.echo(table(result.rows(), columns))


@main.command("trace")
@click.argument("what")
@click.option("--depth", type=click.IntRange(0), default=None, help="How many levels below the root.")
@click.option("--jurisdiction", default=None, help="Only this province / district (and the plans above it).")
@_as_of_option
@_format_option
@_store_option
def trace_cmd(what: str, depth, jurisdiction, as_of, fmt, store) -> None:
    """The cascade below a document (number or id) or a national target / metric."""
    from cancu.queries.common import parse_as_of
    from cancu.queries.trace import trace

    _emit(trace(_graph(store), what, as_of=parse_as_of(as_of), depth=depth, jurisdiction=jurisdiction), fmt)


@main.command("responsible")
@click.argument("what")
@click.option("--jurisdiction", default=None)
@_as_of_option
@_format_option
@_store_option
def responsible_cmd(what: str, jurisdiction, as_of, fmt, store) -> None:
    """Who answers for a task, target, metric or plan: chain, lead, support, reporting."""
    from cancu.queries.common import parse_as_of
    from cancu.queries.responsible import responsible

    _emit(responsible(_graph(store), what, as_of=parse_as_of(as_of), jurisdiction=jurisdiction), fmt)


@main.command("audit")
@click.argument("plans", nargs=-1)
@click.option("--fail-on", type=click.Choice(["red", "yellow"]), default=None,
              help="Exit 1 when a flag this bad (or worse) is found.")
@_as_of_option
@_format_option
@_store_option
def audit_cmd(plans, fail_on, as_of, fmt, store) -> None:
    """Citator flags (red / yellow / green / grey) on every document the plans cite."""
    from cancu.queries.audit import SEVERITY, audit
    from cancu.queries.common import parse_as_of

    result = audit(_graph(store), list(plans) or None, as_of=parse_as_of(as_of))
    _emit(result, fmt)
    worst = result.worst()
    if fail_on and worst and SEVERITY[worst] >= SEVERITY[fail_on]:
        raise SystemExit(1)


@main.command("gaps")
@click.argument("plans", nargs=-1)
@_as_of_option
@_format_option
@_store_option
def gaps_cmd(plans, as_of, fmt, store) -> None:
    """Targets not carried down or weaker, incomplete tasks, skipped parents, ended owners."""
    from cancu.queries.common import parse_as_of
    from cancu.queries.gaps import gaps

    _emit(gaps(_graph(store), list(plans) or None, as_of=parse_as_of(as_of)), fmt)


# ---------------------------------------------------------------- pictures
@main.group()
def viz() -> None:
    """Interactive offline HTML (or SVG/PNG) pictures of query results."""


def _viz_options(f):
    f = click.option("-o", "--out", required=True, type=click.Path(dir_okay=False), help="Output file.")(f)
    f = click.option("--format", "fmt", type=click.Choice(["html", "svg", "png"]), default="html", show_default=True)(f)
    f = click.option("--budget", type=click.IntRange(10), default=500, show_default=True,
                     help="Node budget: past it, subtrees fold into counted summary nodes.")(f)
    return _store_option(_as_of_option(f))


def _draw(picture, out: str, fmt: str, budget: int) -> None:
    from cancu.viz.render import render

    path = render(picture, out, fmt, budget=budget)
    click.echo(f"wrote {path} ({len(picture.nodes)} nodes before folding)")


@viz.command("trace")
@click.argument("what")
@click.option("--depth", type=click.IntRange(0), default=None)
@click.option("--jurisdiction", default=None)
@_viz_options
def viz_trace(what, depth, jurisdiction, out, fmt, budget, as_of, store) -> None:
    """The cascade below a document or national target."""
    from cancu.queries.common import parse_as_of
    from cancu.queries.trace import trace
    from cancu.viz.adapters import trace_picture

    result = trace(_graph(store), what, as_of=parse_as_of(as_of), depth=depth, jurisdiction=jurisdiction)
    _draw(trace_picture(result), out, fmt, budget)


@viz.command("responsible")
@click.argument("what")
@_viz_options
def viz_responsible(what, out, fmt, budget, as_of, store) -> None:
    """Chains of responsibility for a task, target, metric or plan."""
    from cancu.queries.common import parse_as_of
    from cancu.queries.responsible import responsible
    from cancu.viz.adapters import responsible_picture

    _draw(responsible_picture(responsible(_graph(store), what, as_of=parse_as_of(as_of))), out, fmt, budget)


@viz.command("plan")
@click.argument("plan")
@_viz_options
def viz_plan(plan, out, fmt, budget, as_of, store) -> None:
    """One plan: its chain upwards, its tasks and targets, and who leads them."""
    from cancu.queries.common import parse_as_of
    from cancu.queries.responsible import responsible
    from cancu.viz.adapters import responsible_picture

    _draw(responsible_picture(responsible(_graph(store), plan, as_of=parse_as_of(as_of))), out, fmt, budget)


@viz.command("audit")
@click.argument("plans", nargs=-1)
@_viz_options
def viz_audit(plans, out, fmt, budget, as_of, store) -> None:
    """The documents plans cite, bordered by their citator flag."""
    from cancu.queries.audit import audit
    from cancu.queries.common import parse_as_of
    from cancu.viz.adapters import audit_picture

    _draw(audit_picture(audit(_graph(store), list(plans) or None, as_of=parse_as_of(as_of))), out, fmt, budget)


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
