"""Crash safety and concurrency of the embedded store (real processes, real SIGKILL).

The kill harness runs a CLI command (``load``, ``forget``, ``registry import``, and ``status`` on a
format-1 store, which migrates it), SIGKILLs it at a
random instant — most of them near the end of its run, where the commit is — and checks that the
store holds the old or the new content (a fingerprint of every row), that it opens, and that
running the command again completes. Short form in every run (``KILLS`` per command, ≥ 20 in
all); ``pytest -m slow`` runs the long form (``SLOW_KILLS`` per command, ≥ 100 in all).
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from cancu.graph.embedded import DB_NAME, open_store
from cancu.loaders.extract import extract_path

KILLS = 6  # per command: 24 in the short form
SLOW_KILLS = 26  # per command: 104 in the long form


def fingerprint(store_dir: Path, registry_names: bool = True) -> str:
    """A hash of the store's content: every file's record, every registry's rows, every node and
    edge with its attributes. ``registry_names=False`` leaves out the names of imported registry
    files (a re-run of an import writes the same rows under the next free name)."""
    open_store(store_dir).status()  # the store opens (or a one-line StoreError fails the test)
    db = sqlite3.connect(store_dir / DB_NAME)
    digest = hashlib.sha256()
    try:
        queries = [
            "SELECT key, sha256, record FROM files ORDER BY key",
            "SELECT DISTINCT sha256 FROM registries ORDER BY sha256",
        ]
        if registry_names:
            queries += [
                "SELECT key, attrs FROM nodes ORDER BY key",
                "SELECT src, dst, key, attrs FROM edges ORDER BY src, dst, key",
                "SELECT origin, sha256 FROM registries ORDER BY origin",
            ]
        else:
            queries += ["SELECT count(*) FROM nodes", "SELECT count(*) FROM edges"]
        for query in queries:
            for row in db.execute(query):
                digest.update(repr(row).encode())
    finally:
        db.close()
    return digest.hexdigest()


def _differing(a: Path, b: Path) -> list[str]:
    """Which tables differ between two stores, and a few of the differing rows (for the failure)."""
    out = []
    for table, cols in (("files", "key, sha256"), ("nodes", "key, attrs"), ("edges", "src, dst, key, attrs")):
        rows = []
        for store in (a, b):
            db = sqlite3.connect(store / DB_NAME)
            rows.append(set(db.execute(f"SELECT {cols} FROM {table}")))  # noqa: S608 - fixed names
            db.close()
        if rows[0] != rows[1]:
            out.append(f"{table}: {sorted(rows[0] - rows[1])[:2]} vs {sorted(rows[1] - rows[0])[:2]}")
    return out


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "cancu.cli", *args]


def _run(args: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True, timeout=600)


def _registry_export(folder: Path) -> Path:
    path = folder / "mine.csv"
    path.write_text(
        "number,year,status,confidence,source\n"
        "999/2020/QĐ-TTg,2020,in_force,high,x\n"
        "61/2018/NĐ-CP,2018,replaced,high,y\n",
        encoding="utf-8",
    )
    return path


def _scenarios(
    tmp_path: Path, seeds: list[Path]
) -> dict[str, tuple[Callable[[Path], None], list[str], bool]]:
    """command -> (prepare the old store, arguments with STORE, fingerprint with registry names)."""
    export = _registry_export(tmp_path)

    def load_one(store: Path) -> None:
        open_store(store).load([(str(seeds[0]), extract_path(seeds[0]))])

    def load_three(store: Path) -> None:
        open_store(store).load([(str(p), extract_path(p)) for p in seeds[:3]])

    def format1(store: Path) -> None:
        """A format-1 store (meta.json, records/*.json, graph.pickle) that the next command migrates."""
        (store / "records").mkdir(parents=True)
        files = {}
        for i, p in enumerate(seeds[:3]):
            rec = extract_path(p)
            name = f"{i:016x}-{rec.sha256[:12]}-{p.name}.json"
            (store / "records" / name).write_text(
                json.dumps({**rec.to_dict(), "path": str(p)}, ensure_ascii=False), encoding="utf-8"
            )
            files[f"k{i}"] = {"path": str(p), "record": name, "sha256": rec.sha256, "loaded_at": 0}
        meta = {"format_version": 1, "generation": 1, "files": files, "registry_files": []}
        (store / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
        (store / "graph.pickle").write_bytes(b"never read")

    return {
        "migration": (format1, ["status", "--store", "STORE"], True),
        "load": (load_one, ["load", str(seeds[1]), str(seeds[2]), "--store", "STORE"], True),
        "forget": (load_three, ["forget", str(seeds[1]), "--store", "STORE"], True),
        "registry import": (
            load_one,
            ["registry", "import", str(export), "--format", "csv", "--store", "STORE"],
            False,
        ),
    }


def _kill_harness(tmp_path: Path, seeds: list[Path], kills: int, seed: int) -> dict[str, dict[str, int]]:
    rng = random.Random(seed)
    report: dict[str, dict[str, int]] = {}
    for command, (prepare, args, names) in _scenarios(tmp_path, seeds).items():
        base = tmp_path / f"base-{command}"
        prepare(base)
        # a format-1 store has no rows to fingerprint: after a killed migration, opening it must
        # give the migrated store (the old files are still whole, or the commit happened)
        old = None if command == "migration" else fingerprint(base, names)
        done = tmp_path / f"done-{command}"
        shutil.copytree(base, done)
        started = time.monotonic()
        proc = _run(_cli(*[str(done) if a == "STORE" else a for a in args]))
        duration = time.monotonic() - started
        assert proc.returncode == 0, proc.stderr
        new = fingerprint(done, names)
        assert new != old
        outcomes = {"old": 0, "new": 0}
        for i in range(kills):
            store = tmp_path / f"k-{command}-{i}"
            shutil.copytree(base, store)
            argv = _cli(*[str(store) if a == "STORE" else a for a in args])
            # most instants near the end of the run (the commit), some anywhere in it
            at = duration * (
                rng.uniform(0.2, 1.0) if i % 3 == 0 else min(1.1, max(0.3, rng.gauss(0.92, 0.1)))
            )
            proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(at)
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            if command == "migration":  # old: still format 1 (the next open migrates it)
                before = json.loads((store / "meta.json").read_text(encoding="utf-8"))["format_version"]
            got = fingerprint(store, names)
            assert got in (old, new), f"{command}, kill {i} at {at:.2f} s: a mixed store"
            outcomes["old" if got == old or (command == "migration" and before == 1) else "new"] += 1
            again = _run(argv)
            if command == "forget" and got == new:
                assert again.returncode == 2 and "not loaded" in again.stderr, again.stderr
            else:
                assert again.returncode == 0, again.stderr
            assert fingerprint(store, names) == new, (
                f"{command}, kill {i} at {at:.2f} s ({'old' if got == old else 'new'} after the kill): the re-run "
                f"did not complete: {_differing(store, done)}; {again.stdout} {again.stderr}"
            )
            shutil.rmtree(store)
        report[command] = outcomes
    return report


def test_sigkill_at_random_instants_leaves_old_or_new_and_a_rerun_completes(tmp_path, seeds):
    report = _kill_harness(tmp_path, list(seeds), KILLS, seed=7)
    assert sum(sum(o.values()) for o in report.values()) >= 20


@pytest.mark.slow
def test_sigkill_long_form(tmp_path, seeds, request):
    if "slow" not in (request.config.getoption("markexpr") or ""):
        pytest.skip("a long run: select it with pytest -m slow")
    report = _kill_harness(tmp_path, list(seeds), SLOW_KILLS, seed=2026)
    print("kill harness:", report)
    assert sum(sum(o.values()) for o in report.values()) >= 100


def test_four_processes_loading_different_folders_keep_every_document_once(tmp_path, seeds):
    folders = []
    for i, seed in enumerate(seeds[:4]):
        folder = tmp_path / f"in{i}"
        folder.mkdir()
        shutil.copy(seed, folder / seed.name)
        folders.append(folder)
    store = tmp_path / "shared"
    procs = [
        subprocess.Popen(
            _cli("load", str(f), "--store", str(store)), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        for f in folders
    ]
    for p in procs:
        assert p.wait(timeout=300) == 0, p.stderr.read()
    db = sqlite3.connect(store / DB_NAME)
    paths = sorted(os.path.basename(p) for (p,) in db.execute("SELECT path FROM files"))
    db.close()
    assert paths == sorted(s.name for s in seeds[:4])
    g = open_store(store).graph()
    loaded = sorted(n for n, d in g.nodes(data=True) if d.get("loaded"))
    assert len(loaded) == 4 and len(set(loaded)) == 4


def test_two_registry_imports_at_once_lose_nothing(tmp_path, seeds):
    store = tmp_path / "s"
    open_store(store).load([(str(seeds[0]), extract_path(seeds[0]))])
    exports = []
    for i, (number, year) in enumerate([("998/2020/QĐ-TTg", 2020), ("997/2021/QĐ-TTg", 2021)]):
        path = tmp_path / f"export{i}.csv"
        path.write_text(
            f"number,year,status,confidence,source\n{number},{year},in_force,high,x\n", encoding="utf-8"
        )
        exports.append(path)
    procs = [
        subprocess.Popen(
            _cli("registry", "import", str(e), "--format", "csv", "--store", str(store)),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for e in exports
    ]
    for p in procs:
        assert p.wait(timeout=300) == 0, p.stderr.read()
    db = sqlite3.connect(store / DB_NAME)
    contents = " ".join(text for (text,) in db.execute("SELECT content FROM registries"))
    db.close()
    assert "998/2020/QĐ-TTg" in contents and "997/2021/QĐ-TTg" in contents


def test_readers_never_fail_during_writes(tmp_path, seeds):
    store = tmp_path / "s"
    open_store(store).load([(str(seeds[0]), extract_path(seeds[0]))])
    writer = subprocess.Popen(
        _cli("load", *map(str, seeds[1:]), "--store", str(store)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    reads = 0
    while writer.poll() is None or reads < 3:
        info = open_store(store).status()
        assert info["files"] in (1, len(seeds))
        reads += 1
    assert writer.wait() == 0, writer.stderr.read()
