"""scripts/bolt_server.py: start prints the URI and serves Bolt on loopback; stop ends that pid."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.bolt
SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "bolt_server.py"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=60)


def test_start_wait_stop(tmp_path):
    pidfile = tmp_path / "server.json"
    started = run("start", "--pidfile", str(pidfile))
    assert started.returncode == 0, started.stderr
    info = json.loads(pidfile.read_text())
    assert started.stdout == f"CANCU_NEO4J_URI=bolt://127.0.0.1:{info['port']}\n"
    assert info["port"] <= 32767
    try:
        assert run("wait", "--pidfile", str(pidfile)).stdout == started.stdout
        from cancu.graph.neo4j_store import driver

        with driver(info["uri"], "neo4j", "").session() as s:
            assert s.run("RETURN $x AS x", x="ok").single()["x"] == "ok"
    finally:
        assert run("stop", "--pidfile", str(pidfile)).returncode == 0
    assert not pidfile.exists()
    with pytest.raises(ProcessLookupError):
        os.kill(info["pid"], 0)
