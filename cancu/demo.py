"""``cancu demo``: the main job end to end on the embedded example plans.

Extract the plans of ``examples/`` (illustrative documents written by the
project; a small synthetic country when the package is installed without the
repository), load them into a fresh embedded store, print trace, audit and
gaps summaries, and write the cascade picture. Orchestration only: every step
is the same function the commands call.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from cancu.errors import InputError

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@dataclass
class DemoReport:
    source: str
    store: Path
    picture: Path
    lines: list[str] = field(default_factory=list)


def example_inputs(workdir: Path) -> tuple[str, list[Path]]:
    from cancu.loaders.decode import expand_inputs

    if EXAMPLES.is_dir():
        files = [p for p in expand_inputs(EXAMPLES) if "expected" not in p.parts]
        if files:
            return f"examples/ ({len(files)} illustrative plans)", files
    try:
        from cancu.testing.synth import generate_country
    except ImportError as err:
        raise InputError(
            "no examples/ folder and no synthetic generator: run from a checkout of cancu"
        ) from err
    out = workdir / "country"
    generate_country(
        out, seed=0, provinces=2, departments_per_province=2, communes_per_province=2, tasks_per_plan=5
    )
    files = [p for p in expand_inputs(out) if "truth" not in p.parts]
    return f"a synthetic country ({len(files)} plans)", files


def run_demo(out_dir: Path | None = None, as_of: str | None = None) -> DemoReport:
    from cancu.api import open_store
    from cancu.loaders.extract import extract_path
    from cancu.queries.audit import audit
    from cancu.queries.common import parse_as_of
    from cancu.queries.gaps import gaps
    from cancu.queries.trace import trace
    from cancu.viz.adapters import trace_picture
    from cancu.viz.render import render

    as_of = parse_as_of(as_of)
    # never a folder inside the caller's working tree (a checkout would gain cancu-demo/)
    out_dir = Path(out_dir) if out_dir else Path(tempfile.mkdtemp(prefix="cancu-demo-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        source, files = example_inputs(Path(tmp))
        store_dir = out_dir / "store"
        store = open_store(store_dir)
        summary = store.load([(str(p), extract_path(p)) for p in files])
    g = store.graph()
    report = DemoReport(source, store_dir, out_dir / "cascade.html")
    say = report.lines.append
    say(f"cancu demo — {source}, as of {as_of}")
    say(
        f"loaded {len(summary.new) + len(summary.changed) + len(summary.unchanged)} files into {store_dir}: "
        + ", ".join(f"{n} {k}" for k, n in summary.counts.items())
    )
    result = trace(g, "76/NQ-CP 2021", as_of=as_of)
    say("")
    say("TRACE of 76/NQ-CP (2021), the national programme, level by level:")
    for n in result.nodes:
        loaded = "" if n.loaded else "  [known only from citations]"
        rel = Counter(t.relation for t in n.targets if t.relation)
        rels = ", ".join(f"{v} {k}" for k, v in sorted(rel.items()))
        say(
            f"  {'  ' * n.depth}{n.number or n.key} — {n.issuer or '?'} ({n.level}){loaded}"
            + (f"; targets: {rels}" if rels else "")
        )
    flags = audit(g, as_of=as_of)
    counts = Counter(r.flag for r in flags.rows_)
    say("")
    say(
        "AUDIT of cited documents: "
        + ", ".join(f"{counts.get(f, 0)} {f}" for f in ("red", "yellow", "green", "grey"))
    )
    for r in flags.rows_:
        if r.flag in ("red", "yellow"):
            say(f"  {r.flag.upper():6s} {r.plan_number or r.plan} cites {r.number}: {r.note}")
    found = gaps(g, as_of=as_of)
    kinds = Counter(x.kind for x in found.gaps)
    say("")
    say("GAPS: " + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())))
    for x in found.gaps:
        if x.kind in ("weaker_target", "no_targets", "skips_parent", "ended_owner"):
            say(f"  {x.kind:14s} {x.plan_number or x.plan}: {x.detail}")
    render(trace_picture(result), report.picture, "html")
    say("")
    say(f"picture: {report.picture} (open it in a browser; works offline)")
    return report
