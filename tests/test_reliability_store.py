"""Crash safety and concurrency of the embedded store (real processes, real SIGKILL)."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time

import pytest

from cancu.graph.embedded import open_store
from cancu.loaders.extract import extract_path

LOADER = """
import sys
from pathlib import Path
from cancu.graph.embedded import open_store
from cancu.loaders.extract import extract_path
paths = [Path(p) for p in sys.argv[2:]]
open_store(sys.argv[1]).load([(str(p), extract_path(p)) for p in paths])
"""


def _fingerprint(store_dir) -> tuple:
    g = open_store(store_dir).graph()
    return (
        g.number_of_nodes(),
        g.number_of_edges(),
        tuple(sorted(json.loads((store_dir / "meta.json").read_text())["files"])),
    )


def test_sigkill_during_load_leaves_old_or_new_never_a_mix(tmp_path, seeds):
    base = tmp_path / "base"
    open_store(base).load([(str(seeds[0]), extract_path(seeds[0]))])
    old = _fingerprint(base)
    full = tmp_path / "full"
    open_store(full).load([(str(p), extract_path(p)) for p in seeds[:3]])
    new = _fingerprint(full)
    rng = random.Random(7)
    outcomes = {"old": 0, "new": 0}
    for i in range(50):
        store = tmp_path / f"s{i}"
        shutil.copytree(base, store)
        proc = subprocess.Popen(
            [sys.executable, "-c", LOADER, str(store), *map(str, seeds[:3])],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.2, 1.6))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        got = _fingerprint(store)
        assert got in (old, new), f"iteration {i}: a mixed store {got}"
        outcomes["old" if got == old else "new"] += 1
        shutil.rmtree(store)
    assert outcomes["old"] + outcomes["new"] == 50


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
            [sys.executable, "-m", "cancu.cli", "load", str(f), "--store", str(store)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for f in folders
    ]
    for p in procs:
        assert p.wait(timeout=300) == 0, p.stderr.read()
    meta = json.loads((store / "meta.json").read_text())
    assert sorted(os.path.basename(e["path"]) for e in meta["files"].values()) == sorted(
        s.name for s in seeds[:4]
    )
    g = open_store(store).graph()
    loaded = sorted(n for n, d in g.nodes(data=True) if d.get("loaded"))
    assert len(loaded) == 4 and len(set(loaded)) == 4


def test_changed_file_crash_before_commit_keeps_old_records_and_next_load_sweeps(
    tmp_path, seeds, monkeypatch
):
    """A load that dies after writing the changed record but before meta.json: the records meta.json
    names are still the old ones (a rebuild from them gives the old graph), and the next load removes
    what the dead one left."""
    from cancu.graph import embedded

    work = tmp_path / "plan.txt"
    shutil.copy(seeds[3], work)
    store_dir = tmp_path / "s"
    open_store(store_dir).load([(str(work), extract_path(work))])
    old = _fingerprint(store_dir)
    old_records = sorted(p.name for p in (store_dir / "records").iterdir())
    work.write_text(work.read_text(encoding="utf-8").replace("86/KH-UBND", "87/KH-UBND"), encoding="utf-8")

    def crash(self, meta, fresh=None):
        raise KeyboardInterrupt("killed before the commit")

    monkeypatch.setattr(embedded.EmbeddedStore, "_commit", crash)
    with pytest.raises(KeyboardInterrupt):
        open_store(store_dir).load([(str(work), extract_path(work))])
    monkeypatch.undo()
    assert len(list((store_dir / "records").iterdir())) == 2  # the old record and the uncommitted one
    (store_dir / "graph.pickle").unlink()  # force a rebuild from the records meta.json names
    assert _fingerprint(store_dir) == old
    assert "doc:86-kh-ubnd.2022@soc-trang" in open_store(store_dir).graph()

    summary = open_store(store_dir).load([(str(work), extract_path(work))])
    assert summary.changed == [str(work)]
    left = sorted(p.name for p in (store_dir / "records").iterdir())
    assert len(left) == 1 and left != old_records
    assert "doc:87-kh-ubnd.2022@soc-trang" in open_store(store_dir).graph()


def test_without_syncfs_each_record_is_fsynced_and_the_load_is_the_same(tmp_path, seeds, monkeypatch):
    """Where syncfs(2) is missing (not Linux) the records are fsynced one by one; same store either way."""
    from cancu.graph import embedded

    items = [(str(p), extract_path(p)) for p in seeds[:3]]
    open_store(tmp_path / "a").load(items)
    synced: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(embedded, "_syncfs", lambda fd: False)
    monkeypatch.setattr(embedded.os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd))[1])
    open_store(tmp_path / "b").load(items)
    # three records, the records directory, then the snapshot and meta.json with their directory
    assert len(synced) == 3 + 1 + 2 * 2
    assert _fingerprint(tmp_path / "a")[:2] == _fingerprint(tmp_path / "b")[:2]
