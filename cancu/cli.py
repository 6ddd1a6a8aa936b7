"""The ``cancu`` command line: argument parsing, output formats, exit codes.

No logic of its own: each command calls one function of loaders, graph,
queries or viz and formats what it returns. Every failure — a ``CancuError``,
an OS error, a server's refusal, a usage mistake — becomes one line on stderr
and a non-zero exit, never a traceback (``CANCU_DEBUG=1`` shows one for a bug).
``-`` means standard output wherever a command writes a file.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import click

from cancu import __version__
from cancu.errors import CancuError, QueryError, StoreError
from cancu.formats import FORMATS, one_line

EXIT_ERROR = 2


def _quiet() -> bool:
    """No progress bars when stderr is not a terminal (a log file gets errors, not bar labels)."""
    return not sys.stderr.isatty()


def _fail(message: str, code: int = EXIT_ERROR) -> None:
    click.echo(f"cancu: {one_line(message)}", err=True)
    sys.exit(code)


def _describe(err: BaseException) -> str:
    """One line for an error cancu did not raise itself."""
    if isinstance(err, OSError) and err.strerror:
        where = err.filename if err.filename is not None else ""
        return f"{where}: {err.strerror}" if where else err.strerror
    if type(err).__module__.split(".")[0] == "neo4j":  # auth, connection and protocol errors of the driver
        return f"the Bolt server refused: {getattr(err, 'message', None) or err}"
    return f"unexpected {err.__class__.__name__}: {err} (a bug: CANCU_DEBUG=1 shows the traceback)"


class _Group(click.Group):
    """The root group: every error becomes one line on stderr and a non-zero exit."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except CancuError as err:
            _fail(str(err), err.exit_code)
        except click.UsageError as err:
            cmd = err.ctx.command_path if err.ctx else "cancu"
            _fail(f"{err.format_message()} (see: {cmd} -h)", err.exit_code)
        except click.ClickException as err:
            _fail(err.format_message(), err.exit_code)
        except click.Abort:
            _fail("interrupted", 130)
        except BrokenPipeError:  # `cancu export … | head`: the reader left; nothing to say
            sys.stderr.close()
            os._exit(1)
        except Exception as err:  # noqa: BLE001 - the promise is one line, never a traceback
            if os.environ.get("CANCU_DEBUG"):
                raise
            _fail(_describe(err))
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else 0)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cancu")
def main() -> None:
    """cancu — legal bases and responsibility chains of CCHC plans."""


# ---------------------------------------------------------------- shared options
def _store_option(f):
    return click.option(
        "--store",
        "store",
        envvar="CANCU_STORE",
        default=None,
        help="Store directory (default ./.cancu) or bolt://host:port for a Neo4j server; env CANCU_STORE.",
    )(f)


def _format_option(f):
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default="table",
        show_default=True,
        help="table for people (fits the terminal); json, ndjson, csv, tsv for programs.",
    )(f)


def _as_of_option(f):
    return click.option(
        "--as-of", "as_of", default=None, help="Date the answer holds for (YYYY-MM-DD; default today)."
    )(f)


def _is_server(store: str | None) -> bool:
    return bool(store) and "://" in str(store)


def _open(store: str | None):
    """An existing store: a typo in --store is an error, not an empty answer."""
    from cancu.api import open_store

    if not _is_server(store):
        from cancu.graph.embedded import DB_NAME, default_location

        root = Path(store) if store else default_location()
        if not (root / "meta.json").is_file() and not (root / DB_NAME).exists():
            raise StoreError(
                f"{root}: no cancu store here (create one with: cancu load PLANS --store {root})"
            )
    return open_store(store)


def _write(out: str, data: str | bytes) -> str:
    """Write to a file, or to standard output for ``-``; returns where."""
    if out == "-":
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            click.echo(data, nl=False)
        return "standard output"
    path = Path(out)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return str(path)


def _format_of(out: str | None, fmt: str | None, known: dict[str, str], default: str | None = None) -> str:
    """The format an output file's extension names; a --format that disagrees is an error."""
    ext = Path(out).suffix.lower().lstrip(".") if out and out != "-" else ""
    by_ext = known.get(ext)
    if fmt and by_ext and fmt != by_ext:
        raise QueryError(f"--format {fmt} but {out} names {by_ext}: make them agree")
    if fmt:
        return fmt
    if by_ext:
        return by_ext
    if default:
        return default
    choices = ", ".join(f".{e}" for e in known)
    raise QueryError(f"give --format, or an output file ending in {choices}")


def _resolve(g, what: str) -> str:
    """``what`` as the query will read it. A number several documents share (76/NQ-CP of 2013
    and of 2021) is answered for the one the loaded plans cite, with a note naming the others."""
    from cancu.formats import display_name
    from cancu.queries.common import find

    hits = find(g, what)
    if len(hits) < 2 or any(g.nodes[h].get("kind") not in ("Document", "Plan") for h in hits):
        return what
    cited = {h: sum(1 for a in g.pred[h] if g.nodes[a].get("loaded")) for h in hits}
    best = max(hits, key=lambda h: cited[h])
    if sorted(cited.values())[-1] == sorted(cited.values())[-2]:
        return what  # no way to tell: the query lists them
    others = [h for h in hits if h != best]
    click.echo(
        one_line(
            f"note: '{what}' names {len(hits)} documents; answering for {best} ({display_name(g, best)} of "
            f"{g.nodes[best].get('year')}, cited by {cited[best]} loaded plan(s)). For the other, ask for "
            + " or ".join(f"{h} ({g.nodes[h].get('year')})" for h in others)
        ),
        err=True,
    )
    return best


def _emit(result, fmt: str, g=None) -> None:
    from cancu.formats import for_people, machine_rows, render, to_json

    if fmt == "json":
        click.echo(to_json(result.to_dict()))
    elif fmt == "table":
        rows = result.rows()
        click.echo(render(for_people(rows, g) if g is not None else rows, fmt), nl=False)
    else:
        click.echo(render(machine_rows(result), fmt), nl=False)


def _emit_whole_store(raw, query: str, day: str, fmt: str) -> str | None:
    """Whole-store ``audit`` / ``gaps``: NDJSON, CSV and TSV rows are printed batch by batch as the
    store answers (one header); a table (its widths) and JSON (one document) wait for the last
    batch. The output is byte for byte the one of the query on the whole graph. Returns the worst
    audit flag seen (``--fail-on``)."""
    from cancu.formats import for_people, machine_rows, render, to_json
    from cancu.queries.whole_store import answers as whole_store_answers
    from cancu.queries.whole_store import joined

    worst, kept, people, header = None, [], [], True
    for result, g in whole_store_answers(raw, query, day):
        if query == "audit":
            worst = max((worst, result.worst()), key=lambda f: _severity(f))
        if fmt in ("ndjson", "csv", "tsv"):
            text = render(machine_rows(result), fmt)
            if text and fmt != "ndjson" and not header:
                text = text.split("\n", 1)[1]  # the header once, above the first batch's rows
            if text:
                header = False
                click.echo(text, nl=False)
        elif fmt == "table":
            people += for_people(result.rows(), g)
        else:
            kept.append(result)
    if fmt == "json":
        click.echo(to_json(joined(query, day, kept).to_dict()))
    elif fmt == "table":
        click.echo(render(people, fmt), nl=False)
    return worst


def _severity(flag: str | None) -> int:
    from cancu.queries.audit import SEVERITY

    return -1 if flag is None else SEVERITY[flag]


# ---------------------------------------------------------------- extract
@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "table"]),
    default="json",
    show_default=True,
    help="json: every fact with its span; table: a summary per file.",
)
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
@click.option(
    "-o",
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder for the demo's store and picture (default: a new folder in the system's temp dir).",
)
@click.option("--as-of", "as_of", default=None, help="Date the answers hold for (default today).")
def demo(out, as_of) -> None:
    """The main job on the embedded examples: extract, load, trace, audit, gaps, picture."""
    from cancu.demo import run_demo

    out = out or Path(tempfile.mkdtemp(prefix="cancu-demo-"))
    for line in run_demo(out, as_of).lines:
        click.echo(line)


# ---------------------------------------------------------------- legal-status registry (issue 9)
@main.group()
def registry() -> None:
    """The legal-status registry: import national database exports, show a number's sources, stats."""


def _registry_store(store: str | None, must_exist: bool = True) -> Path:
    from cancu.graph.embedded import default_location

    if _is_server(store):
        raise StoreError(f"{store}: the registry commands work on an embedded store directory")
    root = Path(store) if store else default_location()
    if must_exist and store and not root.is_dir():
        raise StoreError(f"{root}: no such store directory")
    return root


@registry.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "--layout",
    "fmt",
    type=click.Choice(["th1nhng0", "vbpl", "mrkent", "tvpl", "csv"]),
    default=None,
    help="Layout of the dump (default: told by its column names; data/dump_layouts.csv); see docs/legal-status.md.",
)
@click.option(
    "--relationships",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The dump's relationships table (th1nhng0: doc_id, other_doc_id, relationship) for successors and amendments.",
)
@click.option(
    "--prefer",
    type=click.Choice(["import", "shipped", "text"]),
    default="import",
    show_default=True,
    help="Which source wins a conflict; losing rows are kept aside and shown by `registry show`.",
)
@click.option(
    "--confidence",
    type=click.Choice(["high", "medium", "low", "unverified"]),
    default="medium",
    show_default=True,
    help="Confidence given to the imported rows.",
)
@_store_option
def registry_import(file, fmt, relationships, prefer, confidence, store) -> None:
    """Stream a vbpl / tvpl / registry CSV, JSONL or Parquet export into the store's status registry."""
    from cancu.graph.embedded import open_store as open_embedded
    from cancu.ontology.registry import _number_key
    from cancu.ontology.status_import import (
        discard_import,
        follow_rename,
        import_export,
        keep_held,
        new_import_file,
    )

    root = _registry_store(store, must_exist=False)
    target = open_embedded(root)
    loaded: set[str] = set()
    if prefer == "text" and (root / "meta.json").exists():
        g = target.graph()
        loaded = {
            _number_key(d["number"]) for _, d in g.nodes(data=True) if d.get("loaded") and d.get("number")
        }
        loaded |= {
            _number_key(g.nodes[a]["number"])
            for a, _, e in g.edges(data=True)
            if e.get("source") == "text" and g.nodes[a].get("number")
        }
    out = new_import_file(root / "registry")  # named imported-<n>.csv by the store, inside its lock
    size = file.stat().st_size if file.is_file() else 0
    if relationships is not None and relationships.is_file():  # ids pass + relationships pass + rows pass
        size += size + relationships.stat().st_size
    with click.progressbar(
        length=size, label=f"importing {file.name}", file=sys.stderr, hidden=_quiet()
    ) as bar:
        try:
            report = import_export(
                file,
                out,
                fmt=fmt,
                prefer=prefer,
                loaded_numbers=loaded,
                confidence=confidence,
                progress=bar.update,
                relationships=relationships,
            )
        except BaseException:
            discard_import(out)
            raise
    if not report.written:  # nothing for the store; rows held back by precedence stay for `registry show`
        discard_import(out)
        report.output = None
        if report.held:
            report.held = keep_held(report.held, root / "registry")
        for line in report.lines():
            click.echo(line)
        return
    final = target.import_registry_file(out, root / "registry")
    follow_rename(out, final)
    report.output = final
    report.held = final.with_name(final.stem + ".held.csv") if report.held else None
    for line in report.lines():
        click.echo(line)
    click.echo(f"registered {final} in {root}")


@registry.command("show")
@click.argument("number")
@_format_option
@_store_option
def registry_show(number, fmt, store) -> None:
    """Every source's row for a document number; rows that disagree are marked CONFLICT."""
    from cancu.formats import render
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
    click.echo(
        render(
            [
                {
                    "conflict": "CONFLICT" if r.conflict else "",
                    "origin": r.origin + ("" if r.active else " (held)"),
                    "registry": f"{Path(r.registry).name}:{r.line}",
                    "status": r.status,
                    "since": r.status_date,
                    "replaced_by": "|".join(r.replaced_by),
                    "confidence": r.confidence,
                    "source": r.source,
                }
                for r in rows
            ],
            fmt,
        ),
        nl=False,
    )


@registry.command("stats")
@_format_option
@_store_option
def registry_stats(fmt, store) -> None:
    """Rows per source and status, and how many are unverified."""
    from cancu.formats import render
    from cancu.ontology.status_import import registry_files_of, stats

    click.echo(render(stats(registry_files_of(_registry_store(store))), fmt), nl=False)


# ---------------------------------------------------------------- the store
@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--registry",
    "registries",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Your own registry rows (CSV with the header of document_status.csv or successions.csv).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Extraction processes (default: the usable cores, or $CANCU_JOBS).",
)
@click.option("--strict", is_flag=True, help="Stop at the first file that cannot be read, loading nothing.")
@_store_option
def load(paths, registries, jobs, strict, store) -> None:
    """Extract plans (files, folders, -) and add them to the store; loading again changes nothing.

    A file that cannot be read is reported and skipped: the others are loaded, and
    the command ends with a list of what failed and exit status 2 (--strict stops
    at the first instead)."""
    from cancu.api import extract_each, open_store
    from cancu.formats import render
    from cancu.loaders.decode import expand_inputs
    from cancu.ontology.registry import load_registry

    load_registry(list(registries))  # validate users' rows before anything is read or stored
    files: list[Path] = []
    items = []
    failed: list[str] = []
    for arg in paths:
        if arg == "-":
            from cancu.loaders.extract import extract_inputs

            items.append(("stdin", extract_inputs(["-"])[0]))
            continue
        try:
            files.extend(expand_inputs(Path(arg)))
        except CancuError as err:
            if strict:
                raise
            failed.append(str(err))
    target = open_store(store)
    files, unchanged = _unchanged_files(target.raw, files)
    if files:  # the extractors (a second of imports) only when a file changed
        from cancu.loaders.extract import default_jobs, extract_many

        jobs = jobs or default_jobs()
    results = (
        iter(())
        if not files
        else ((f, r, None) for f, r in zip(files, extract_many(files, jobs), strict=True))
        if strict
        else extract_each(files, jobs)
    )
    with click.progressbar(
        results, length=len(files), label="extracting", file=sys.stderr, hidden=len(files) <= 3 or _quiet()
    ) as bar:
        for path, record, error in bar:
            if error:
                failed.append(error)
            else:
                items.append((str(path), record))
    if not items and not unchanged:
        raise CancuError(
            failed[0]
            if len(failed) == 1
            else f"none of the {len(failed)} inputs could be read: " + "; ".join(failed)
        )
    warnings = [(record.source, w) for _, record in items for w in record.warnings]
    loaded = len(items)
    summary = target.load(_handed_over(items), [Path(r) for r in registries])
    summary.unchanged.extend(unchanged)
    for source, warning in warnings:
        click.echo(one_line(f"warning: {source}: {warning}"), err=True)
    click.echo(
        f"loaded into {target.location}: {len(summary.new)} new, {len(summary.changed)} changed, "
        f"{len(summary.unchanged)} unchanged file(s); {summary.warnings} warning(s)"
    )
    click.echo(render([{"kind": k, "nodes": v} for k, v in summary.counts.items()], "table"), nl=False)
    if failed:
        for reason in failed:
            click.echo(f"cancu: not loaded: {one_line(reason)}", err=True)
        _fail(
            f"{len(failed)} of {len(failed) + loaded} input(s) not loaded (listed above); "
            f"the other {loaded} are in the store"
        )


def _handed_over(items: list) -> Iterator:
    """The items, each dropped from the list as it is handed to the store: the store then holds the
    only reference to the records, and a national load can let them go once they are stored."""
    items.reverse()
    while items:
        yield items.pop()


def _unchanged_files(store, files: list[Path]) -> tuple[list[Path], list[str]]:
    """Files whose bytes hash to what the store holds for them: nothing to extract or write (an
    unchanged reload costs a hash and an index lookup per file). Unreadable ones go on to the
    extraction, which reports them."""
    import hashlib

    known = getattr(store, "known_sha256", None)
    if known is None:
        return files, []
    todo, same = [], []
    from cancu.loaders.decode import read_input

    for path in files:
        try:  # the one safe read: a FIFO is never waited for, a file over the size limit never read whole
            digest = hashlib.sha256(read_input(path)).hexdigest()
        except (OSError, CancuError):
            todo.append(path)
            continue
        (same if known(str(path)) == digest else todo).append(path)
    close = getattr(store, "close", None)
    if close is not None:  # no reader left open while the files are extracted (a failure leaves no trace)
        close()
    return todo, [str(p) for p in same]


@main.command()
@_store_option
def status(store) -> None:
    """What the store holds."""
    from cancu.formats import table

    info = _open(store).status()  # counts kept by the store (a server counts on the server)
    click.echo(
        f"store {info['store']} (format {info['format_version']}, generation {info['generation']}): "
        f"{info['files']} file(s), {info['nodes']} nodes, {info['edges']} edges"
    )
    click.echo(table([{"kind": k, "nodes": v} for k, v in info["by_kind"].items()]))


@main.command()
@click.argument("what")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="table for people; json with every attribute and evidence.",
)
@_store_option
def show(what, fmt, store) -> None:
    """A node (id, document number or name), its edges, and the evidence behind them."""
    from cancu.formats import table, to_json
    from cancu.queries.common import find_one

    s = _open(store)
    g = s.subgraph_for_trace(what)
    key = find_one(g, _resolve(g, what))
    node = s.node(key)
    if fmt == "json":
        click.echo(to_json(node))
        return
    attrs = {
        k: v
        for k, v in node["attrs"].items()
        if k not in ("evidence", "registry", "origins") and v not in (None, "", [])
    }
    click.echo(f"{key}")
    click.echo(table([{"property": k, "value": v} for k, v in sorted(attrs.items())]))
    for ev in node["attrs"].get("evidence") or []:
        click.echo(f"  evidence {ev.get('file')}:{ev.get('span')}: {ev.get('quote') or ''}")
    for reg in node["attrs"].get("registry") or []:
        click.echo(
            f"  registry {reg.get('registry')}:{reg.get('row')} ({reg.get('confidence')}) {reg.get('source') or ''}"
        )
    rows = [{"edge": k, "direction": "→", "other": b, "evidence": _ev_text(d)} for k, b, d in node["out"]]
    rows += [{"edge": k, "direction": "←", "other": a, "evidence": _ev_text(d)} for k, a, d in node["in"]]
    click.echo(table(rows))


def _ev_text(d: dict) -> str | None:
    ev = d.get("evidence") or []
    return "; ".join(f"{e.get('file')}:{e.get('span')} {e.get('quote') or ''}".strip() for e in ev) or None


@main.command()
@click.argument("file")
@_store_option
def forget(file, store) -> None:
    """Remove one loaded file and exactly the facts it gave."""
    if not _open(store).forget(file):
        raise StoreError(f"{file}: not loaded in this store (see cancu status)")
    click.echo(f"forgot {file}")


EXPORT_EXTENSIONS = {"ttl": "ttl", "jsonld": "jsonld", "graphml": "graphml", "gexf": "gexf"}


@main.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["ttl", "jsonld", "graphml", "gexf", "csv"]),
    default=None,
    help="Default: told by the extension of -o.",
)
@click.option(
    "-o", "--out", default="-", show_default=True, help="Output file, - for standard output (csv: a folder)."
)
@click.option(
    "--base", default="https://cancu.example/id/", show_default=True, help="Base IRI of the RDF export."
)
@click.option(
    "--raw",
    is_flag=True,
    help="csv: cells exactly as stored (for neo4j-admin import), without neutralising spreadsheet formulas.",
)
@_store_option
def export(fmt, out, base, raw, store) -> None:
    """Export the graph: Turtle / JSON-LD (ELI, ORG, SKOS, PROV-O), GraphML / GEXF (Gephi), CSV (neo4j-admin).

    CSV cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR first)
    get a leading apostrophe unless --raw."""
    from cancu.graph.exports import export_text, write_neo4j_csv

    fmt = _format_of(out, fmt, EXPORT_EXTENSIONS)
    if fmt == "csv":
        if out == "-":
            raise QueryError("--format csv writes one file per node and edge kind: give -o FOLDER")
        click.echo(f"wrote {write_neo4j_csv(_open(store).graph(), Path(out), raw=raw)}")
        return
    where = _write(out, export_text(_open(store).graph(), fmt, base=base))
    if out != "-":
        click.echo(f"wrote {where}")


# ---------------------------------------------------------------- queries
def _graph(store: str | None):
    return _open(store).graph()


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

    day = parse_as_of(as_of)
    g = _open(store).subgraph_for_trace(what, day)
    _emit(trace(g, _resolve(g, what), as_of=day, depth=depth, jurisdiction=jurisdiction), fmt, g)


@main.command("responsible")
@click.argument("what")
@click.option("--jurisdiction", default=None, help="Only chains that pass through this place.")
@_as_of_option
@_format_option
@_store_option
def responsible_cmd(what: str, jurisdiction, as_of, fmt, store) -> None:
    """Who answers for a task, target, metric or plan: chain, lead, support, reporting."""
    from cancu.queries.common import parse_as_of
    from cancu.queries.responsible import responsible

    day = parse_as_of(as_of)  # a bad date is refused before the store is opened
    g = _open(store).subgraph_for_responsible(what)
    _emit(responsible(g, _resolve(g, what), as_of=day, jurisdiction=jurisdiction), fmt, g)


@main.command("audit")
@click.argument("plans", nargs=-1)
@click.option(
    "--fail-on",
    type=click.Choice(["red", "yellow"]),
    default=None,
    help="Exit 1 when a flag this bad (or worse) is found.",
)
@_as_of_option
@_format_option
@_store_option
def audit_cmd(plans, fail_on, as_of, fmt, store) -> None:
    """Citator flags (red / yellow / green / grey) on every document the plans cite."""
    from cancu.queries.audit import SEVERITY, audit
    from cancu.queries.common import parse_as_of

    day = parse_as_of(as_of)  # a bad date is refused before the store is opened
    opened = _open(store)
    if plans:
        g = opened.subgraph_for_plans(list(plans))
        result = audit(g, [_resolve(g, p) for p in plans], as_of=day)
        _emit(result, fmt, g)
        worst = result.worst()
    else:  # every loaded plan, batch by batch, printed as it comes
        worst = _emit_whole_store(opened.raw, "audit", day, fmt)
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

    day = parse_as_of(as_of)  # a bad date is refused before the store is opened
    opened = _open(store)
    if not plans:  # every loaded plan, batch by batch, printed as it comes
        _emit_whole_store(opened.raw, "gaps", day, fmt)
        return
    g = opened.subgraph_for_plans(list(plans))
    _emit(gaps(g, [_resolve(g, p) for p in plans], as_of=day), fmt, g)


@main.command("push")
@click.option("--neo4j", "uri", required=True, help="bolt://HOST:PORT (or neo4j://) of the server.")
@click.option(
    "--user", default="neo4j", show_default=True, envvar="NEO4J_USER", help="User name; env NEO4J_USER."
)
@click.option(
    "--password-env",
    default="NEO4J_PASSWORD",
    show_default=True,
    help="Environment variable holding the password (never on the command line).",
)
@click.option("--database", default=None, help="Neo4j database (default: the server's default).")
@click.option(
    "--batch", type=click.IntRange(1), default=None, help="Rows per UNWIND (default 1000 on Neo4j)."
)
@_store_option
def push_cmd(uri, user, password_env, database, batch, store) -> None:
    """Push the graph to a Neo4j server: only what changed since the last push."""
    from cancu.graph.cypher_dialect import NEO4J_BATCH
    from cancu.graph.neo4j_store import push

    graph = _graph(store)
    with click.progressbar(length=1, label="pushing", file=sys.stderr, hidden=_quiet()) as bar:

        def progress(done: int, total: int) -> None:
            bar.length = max(total, 1)
            bar.update(done - bar.pos)

        summary = push(
            graph,
            uri,
            user,
            os.environ.get(password_env, ""),
            database,
            batch=batch or NEO4J_BATCH,
            progress=progress,
        )
    s = summary
    click.echo(
        f"nodes: {s.nodes_created} created, {s.nodes_updated} updated, {s.nodes_deleted} deleted, "
        f"{s.nodes_unchanged} unchanged; relationships: {s.rels_created} created, {s.rels_updated} updated, "
        f"{s.rels_deleted} deleted, {s.rels_unchanged} unchanged; {s.seconds:.2f} s ({s.dialect})"
    )


# ---------------------------------------------------------------- pictures
@main.group()
def viz() -> None:
    """Interactive offline HTML (or SVG/PNG) pictures of query results."""


PICTURE_EXTENSIONS = {"html": "html", "htm": "html", "svg": "svg", "png": "png"}


def _viz_options(f):
    f = click.option(
        "-o", "--out", required=True, help="Output file (.html, .svg, .png), or - for standard output."
    )(f)
    f = click.option(
        "--format",
        "fmt",
        type=click.Choice(["html", "svg", "png"]),
        default=None,
        help="Default: told by the extension of -o, else html.",
    )(f)
    f = click.option(
        "--budget",
        type=click.IntRange(10),
        default=500,
        show_default=True,
        help="Node budget: past it, subtrees fold into counted summary nodes.",
    )(f)
    return _store_option(_as_of_option(f))


def _draw(picture, out: str, fmt: str | None, budget: int) -> None:
    from cancu.viz.render import render

    fmt = _format_of(out, fmt, PICTURE_EXTENSIONS, default="html")
    if out == "-":
        with tempfile.TemporaryDirectory() as tmp:
            path = render(picture, Path(tmp) / f"picture.{fmt}", fmt, budget=budget)
            _write("-", path.read_bytes())
        return
    path = render(picture, out, fmt, budget=budget)
    click.echo(f"wrote {path} ({len(picture.nodes)} nodes before folding)")


@viz.command("trace")
@click.argument("what")
@click.option("--depth", type=click.IntRange(0), default=None, help="How many levels below the root.")
@click.option("--jurisdiction", default=None, help="Only this province / district (and the plans above it).")
@_viz_options
def viz_trace(what, depth, jurisdiction, out, fmt, budget, as_of, store) -> None:
    """The cascade below a document or national target."""
    from cancu.queries.common import parse_as_of
    from cancu.queries.trace import trace
    from cancu.viz.adapters import trace_picture

    g = _graph(store)
    result = trace(g, _resolve(g, what), as_of=parse_as_of(as_of), depth=depth, jurisdiction=jurisdiction)
    _draw(trace_picture(result), out, fmt, budget)


@viz.command("responsible")
@click.argument("what")
@_viz_options
def viz_responsible(what, out, fmt, budget, as_of, store) -> None:
    """Chains of responsibility for a task, target, metric or plan."""
    from cancu.queries.common import parse_as_of
    from cancu.queries.responsible import responsible
    from cancu.viz.adapters import responsible_picture

    g = _graph(store)
    _draw(responsible_picture(responsible(g, _resolve(g, what), as_of=parse_as_of(as_of))), out, fmt, budget)


@viz.command("plan")
@click.argument("plan")
@_viz_options
def viz_plan(plan, out, fmt, budget, as_of, store) -> None:
    """One plan: its chain upwards, its tasks and targets, and who leads them."""
    from cancu.queries.common import parse_as_of
    from cancu.queries.responsible import responsible
    from cancu.viz.adapters import responsible_picture

    g = _graph(store)
    _draw(responsible_picture(responsible(g, _resolve(g, plan), as_of=parse_as_of(as_of))), out, fmt, budget)


@viz.command("audit")
@click.argument("plans", nargs=-1)
@_viz_options
def viz_audit(plans, out, fmt, budget, as_of, store) -> None:
    """The documents plans cite, bordered by their citator flag."""
    from cancu.queries.audit import audit
    from cancu.queries.common import parse_as_of
    from cancu.viz.adapters import audit_picture

    g = _graph(store)
    _draw(
        audit_picture(audit(g, [_resolve(g, p) for p in plans] or None, as_of=parse_as_of(as_of))),
        out,
        fmt,
        budget,
    )


def _records_table(records) -> str:
    from cancu.formats import table

    blocks = []
    for r in records:
        d = r.document
        head = table(
            [
                {"field": k, "value": getattr(d, k)}
                for k in ("number", "type", "issuer", "jurisdiction", "level", "date", "title", "period")
            ]
        )
        cites = table(
            [{"kind": "basis", **_cite_row(c)} for c in r.legal_bases]
            + [{"kind": "reference", **_cite_row(c)} for c in r.references]
        )
        counts = f"read as {r.format} · targets {len(r.targets)} · tasks {len(r.tasks)} · assignments {len(r.assignments)} · reporting {len(r.reporting)} · warnings {len(r.warnings)}"
        blocks.append(f"== {r.source}\n{head}\n\n{cites}\n\n{counts}")
    return "\n\n".join(blocks)


def _cite_row(c) -> dict:
    return {
        "number": c.number or c.title,
        "type": c.type,
        "issuer": c.issuer,
        "date": c.date,
        "span": f"{c.span[0]}-{c.span[1]}",
    }


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
