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


# ---------------------------------------------------------------- shared options
def _store_option(f):
    return click.option(
        "--store", "store", envvar="CANCU_STORE", default=None,
        help="Store directory (default ./.cancu) or bolt://host:port for a Neo4j server; env CANCU_STORE.",
    )(f)


def _format_option(f):
    return click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)(f)


def _as_of_option(f):
    return click.option("--as-of", "as_of", default=None, help="Date the answer holds for (YYYY-MM-DD; default today).")(f)


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


# ---------------------------------------------------------------- demo
@main.command()
@click.option("-o", "--out", type=click.Path(file_okay=False, path_type=Path), default=Path("cancu-demo"),
              show_default=True, help="Folder for the demo's store and picture.")
@click.option("--as-of", "as_of", default=None, help="Date the answers hold for (default today).")
def demo(out, as_of) -> None:
    """The main job on the embedded examples: extract, load, trace, audit, gaps, picture."""
    from cancu.demo import run_demo

    for line in run_demo(out, as_of).lines:
        click.echo(line)


# ---------------------------------------------------------------- legal-status registry (issue 9)
@main.group()
def registry() -> None:
    """The legal-status registry: import national database exports, show a number's sources, stats."""


def _registry_store(store: str | None) -> Path:
    from cancu.errors import StoreError
    from cancu.graph.embedded import default_location

    if store and "://" in store:
        raise StoreError(f"{store}: the registry commands work on an embedded store directory")
    return Path(store) if store else default_location()


@registry.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["vbpl", "tvpl", "csv"]), default=None,
              help="Layout of the export (default: told by its field names); see docs/legal-status.md.")
@click.option("--prefer", type=click.Choice(["import", "shipped", "text"]), default="import", show_default=True,
              help="Which source wins a conflict; losing rows are kept aside and shown by `registry show`.")
@click.option("--confidence", type=click.Choice(["high", "medium", "low", "unverified"]), default="medium",
              show_default=True, help="Confidence given to the imported rows.")
@_store_option
def registry_import(file, fmt, prefer, confidence, store) -> None:
    """Stream a vbpl / tvpl / registry CSV, JSONL or Parquet export into the store's status registry."""
    from cancu.graph.embedded import open_store as open_embedded
    from cancu.ontology.registry import _number_key
    from cancu.ontology.status_import import import_export, next_import_path

    root = _registry_store(store)
    target = open_embedded(root)
    loaded: set[str] = set()
    if prefer == "text" and (root / "meta.json").exists():
        g = target.graph()
        loaded = {_number_key(d["number"]) for _, d in g.nodes(data=True) if d.get("loaded") and d.get("number")}
        loaded |= {_number_key(g.nodes[a]["number"]) for a, _, e in g.edges(data=True)
                   if e.get("source") == "text" and g.nodes[a].get("number")}
    out = next_import_path(root / "registry")
    size = file.stat().st_size if file.is_file() else 0
    with click.progressbar(length=size, label=f"importing {file.name}", file=sys.stderr) as bar:
        report = import_export(file, out, fmt=fmt, prefer=prefer, loaded_numbers=loaded, confidence=confidence,
                               progress=bar.update)
    for line in report.lines():
        click.echo(line)
    if report.written:
        target.add_registry_file(out)
        click.echo(f"registered {out} in {root}")
    else:
        out.unlink(missing_ok=True)


@registry.command("show")
@click.argument("number")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_store_option
def registry_show(number, fmt, store) -> None:
    """Every source's row for a document number; rows that disagree are marked CONFLICT."""
    from cancu.errors import QueryError
    from cancu.formats import table
    from cancu.graph.embedded import open_store as open_embedded
    from cancu.ontology.status_import import registry_files_of, show_number, text_rows

    root = _registry_store(store)
    texts = text_rows(open_embedded(root).graph(), number) if (root / "meta.json").exists() else []
    rows = show_number(number, registry_files_of(root), texts)
    if not rows:
        raise QueryError(f"{number}: in no registry (shipped or imported)")
    if fmt == "json":
        click.echo(json.dumps([r.to_dict() for r in rows], ensure_ascii=False, indent=2))
        return
    click.echo(table([{"conflict": "CONFLICT" if r.conflict else "", "origin": r.origin + ("" if r.active else " (held)"),
                       "registry": f"{Path(r.registry).name}:{r.line}", "status": r.status, "since": r.status_date,
                       "replaced_by": "|".join(r.replaced_by), "confidence": r.confidence, "source": r.source}
                      for r in rows], limit=90))


@registry.command("stats")
@_store_option
def registry_stats(store) -> None:
    """Rows per source and status, and how many are unverified."""
    from cancu.formats import table
    from cancu.ontology.status_import import registry_files_of, stats

    click.echo(table(stats(registry_files_of(_registry_store(store)))))


# ---------------------------------------------------------------- the store
@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--registry", "registries", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Your own registry rows (CSV with the header of document_status.csv or successions.csv).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Extraction processes (default: the usable cores, or $CANCU_JOBS).")
@_store_option
def load(paths, registries, jobs, store) -> None:
    """Extract plans (files, folders, -) and add them to the store; loading again changes nothing."""
    from cancu.api import open_store
    from cancu.formats import table
    from cancu.loaders.decode import expand_inputs
    from cancu.loaders.extract import default_jobs, extract_inputs, extract_many
    from cancu.ontology.registry import load_registry

    load_registry(list(registries))  # validate users' rows before anything is read or stored
    files: list[Path] = []
    items = []
    for arg in paths:
        if arg == "-":
            items.append(("stdin", extract_inputs(["-"])[0]))
        else:
            files.extend(expand_inputs(Path(arg)))
    records = extract_many(files, jobs or default_jobs())
    if len(files) > 3:
        with click.progressbar(records, length=len(files), label="extracting", file=sys.stderr) as bar:
            items.extend(zip(map(str, files), bar, strict=True))
    else:
        items.extend(zip(map(str, files), records, strict=True))
    target = open_store(store)
    target.raw.registry_files = [Path(r) for r in registries]
    summary = target.load(items)
    click.echo(f"loaded into {target.raw.root}: {len(summary.new)} new, {len(summary.changed)} changed, "
               f"{len(summary.unchanged)} unchanged file(s); {summary.warnings} warning(s)")
    click.echo(table([{"kind": k, "nodes": v} for k, v in summary.counts.items()]))


@main.command()
@_store_option
def status(store) -> None:
    """What the store holds."""
    from cancu.api import open_store
    from cancu.formats import table

    info = open_store(store).status()
    click.echo(f"store {info['store']} (format {info['format_version']}, generation {info['generation']}): "
               f"{info['files']} file(s), {info['nodes']} nodes, {info['edges']} edges")
    click.echo(table([{"kind": k, "nodes": v} for k, v in info["by_kind"].items()]))


@main.command()
@click.argument("what")
@_format_option
@_store_option
def show(what, fmt, store) -> None:
    """A node (id, document number or name), its edges, and the evidence behind them."""
    from cancu.api import open_store
    from cancu.formats import table, to_json
    from cancu.queries.common import find_one

    s = open_store(store)
    key = find_one(s.graph(), what)
    node = s.node(key)
    if fmt == "json":
        click.echo(to_json(node))
        return
    attrs = {k: v for k, v in node["attrs"].items() if k not in ("evidence", "registry", "origins") and v not in (None, "", [])}
    click.echo(f"{key}")
    click.echo(table([{"property": k, "value": v} for k, v in sorted(attrs.items())]))
    for ev in node["attrs"].get("evidence") or []:
        click.echo(f"  evidence {ev.get('file')}:{ev.get('span')}: {ev.get('quote') or ''}")
    for reg in node["attrs"].get("registry") or []:
        click.echo(f"  registry {reg.get('registry')}:{reg.get('row')} ({reg.get('confidence')}) {reg.get('source') or ''}")
    rows = [{"edge": k, "direction": "→", "other": b, "evidence": _ev_text(d)} for k, b, d in node["out"]]
    rows += [{"edge": k, "direction": "←", "other": a, "evidence": _ev_text(d)} for k, a, d in node["in"]]
    click.echo(table(rows, limit=90))


def _ev_text(d: dict) -> str | None:
    ev = d.get("evidence") or []
    return "; ".join(f"{e.get('file')}:{e.get('span')} {e.get('quote') or ''}".strip() for e in ev) or None


@main.command()
@click.argument("file")
@_store_option
def forget(file, store) -> None:
    """Remove one loaded file and exactly the facts it gave."""
    from cancu.api import open_store
    from cancu.errors import StoreError

    if not open_store(store).forget(file):
        raise StoreError(f"{file}: not loaded in this store (see cancu status)")
    click.echo(f"forgot {file}")


@main.command()
@click.option("--format", "fmt", type=click.Choice(["ttl", "jsonld", "graphml", "gexf", "csv"]), required=True)
@click.option("-o", "--out", type=click.Path(path_type=Path), default=None,
              help="Output file (a folder for csv); default: stdout for ttl/jsonld.")
@click.option("--base", default="https://cancu.example/id/", show_default=True, help="Base IRI of the RDF export.")
@_store_option
def export(fmt, out, base, store) -> None:
    """Export the graph: Turtle / JSON-LD (ELI, ORG, SKOS, PROV-O), GraphML / GEXF (Gephi), CSV (neo4j-admin)."""
    from cancu.api import open_store
    from cancu.graph.exports import export_graph

    written = export_graph(open_store(store).graph(), fmt, out, base=base)
    if written is None:
        return
    if isinstance(written, str):
        click.echo(written, nl=False)
    else:
        click.echo(f"wrote {written}")


# ---------------------------------------------------------------- queries
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


@main.command("push")
@click.option("--neo4j", "uri", required=True, help="bolt://HOST:PORT (or neo4j://) of the server.")
@click.option("--user", default="neo4j", show_default=True, envvar="NEO4J_USER")
@click.option("--password-env", default="NEO4J_PASSWORD", show_default=True,
              help="Environment variable holding the password (never on the command line).")
@click.option("--database", default=None, help="Neo4j database (default: the server's default).")
@click.option("--batch", type=click.IntRange(1), default=None, help="Rows per UNWIND (default 1000 on Neo4j).")
@_store_option
def push_cmd(uri, user, password_env, database, batch, store) -> None:
    """Push the graph to a Neo4j server: only what changed since the last push."""
    import os

    from cancu.graph.cypher_dialect import NEO4J_BATCH
    from cancu.graph.neo4j_store import push

    graph = _graph(store)
    with click.progressbar(length=1, label="pushing", file=sys.stderr) as bar:
        def progress(done: int, total: int) -> None:
            bar.length = max(total, 1)
            bar.update(done - bar.pos)

        summary = push(graph, uri, user, os.environ.get(password_env, ""), database,
                       batch=batch or NEO4J_BATCH, progress=progress)
    s = summary
    click.echo(f"nodes: {s.nodes_created} created, {s.nodes_updated} updated, {s.nodes_deleted} deleted, "
               f"{s.nodes_unchanged} unchanged; relationships: {s.rels_created} created, {s.rels_updated} updated, "
               f"{s.rels_deleted} deleted, {s.rels_unchanged} unchanged; {s.seconds:.2f} s ({s.dialect})")


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
        counts = f"read as {r.format} · targets {len(r.targets)} · tasks {len(r.tasks)} · assignments {len(r.assignments)} · reporting {len(r.reporting)} · warnings {len(r.warnings)}"
        blocks.append(f"== {r.source}\n{head}\n\n{cites}\n\n{counts}")
    return "\n\n".join(blocks)


def _cite_row(c) -> dict:
    return {"number": c.number or c.title, "type": c.type, "issuer": c.issuer, "date": c.date, "span": f"{c.span[0]}-{c.span[1]}"}


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
