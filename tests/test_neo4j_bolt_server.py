"""scripts/bolt_server.py: start prints the URI and serves Bolt on loopback; stop ends those pids; and
every new connection is answered (FalkorDB 4.16.3 alone failed every other one after a GOODBYE)."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_neo4j_push import bolt, server  # noqa: F401 - fixtures

pytestmark = pytest.mark.bolt
ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "bolt_server.py"
SEEDS = ROOT.parent / "shared" / "seeds"

#: Seconds any one connection may take here: a failed handshake is an error, never a 60 s hang.
TIMEOUT = 5.0

HANDSHAKE = b"\x60\x60\xb0\x17" + b"\x00\x07\x07\x05" + bytes(12)
GOODBYE = b"\x00\x02\xb0\x02\x00\x00"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=60)


def test_start_wait_stop(tmp_path):
    pidfile = tmp_path / "server.json"
    started = run("start", "--pidfile", str(pidfile))
    assert started.returncode == 0, started.stderr
    info = json.loads(pidfile.read_text())
    assert started.stdout == f"CANCU_NEO4J_URI=bolt://127.0.0.1:{info['port']}\n"
    assert info["port"] <= 32767 and info["upstream_port"] <= 32767
    try:
        assert run("wait", "--pidfile", str(pidfile)).stdout == started.stdout
        from cancu.graph.neo4j_store import driver

        with driver(info["uri"], "neo4j", "").session() as s:
            assert s.run("RETURN $x AS x", x="ok").single()["x"] == "ok"
    finally:
        assert run("stop", "--pidfile", str(pidfile)).returncode == 0
    assert not pidfile.exists()
    for pid in (info["pid"], info["proxy_pid"]):
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def _port(uri: str) -> int:
    return int(uri.rsplit(":", 1)[1])


def _handshake(port: int, then: bytes = b"") -> bytes:
    """The server's 4-byte answer to a Bolt handshake (b"" if it closed), after which ``then`` is sent."""
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as s:
        s.sendall(HANDSHAKE)
        answer = s.recv(4)
        if then:
            s.sendall(then)
            s.settimeout(TIMEOUT)
            s.recv(16)  # the server's close (or nothing: a real Neo4j closes too)
    return answer


def test_a_goodbye_does_not_cost_the_next_connection_its_handshake(bolt):  # noqa: F811
    """The diagnosed failure: after a client's GOODBYE, FalkorDB never read the next connection."""
    port = _port(bolt[0])
    for _ in range(5):
        assert len(_handshake(port, then=GOODBYE)) == 4
        assert len(_handshake(port)) == 4  # timed out (socket.timeout) before the proxy


def test_twenty_fresh_drivers_then_three_cli_pushes_all_connect(server, tmp_path):  # noqa: F811
    from click.testing import CliRunner
    from neo4j import GraphDatabase

    from cancu.cli import main

    uri, user, pw = server
    for i in range(20):
        with (
            GraphDatabase.driver(
                uri, auth=(user, pw), connection_timeout=TIMEOUT, connection_acquisition_timeout=TIMEOUT
            ) as fresh,
            fresh.session() as s,
        ):
            assert s.run("RETURN $i AS i", i=i).single()["i"] == i
    store = tmp_path / "store"
    seeds = sorted(SEEDS.glob("*.txt"))[:2]
    loaded = CliRunner().invoke(main, ["load", "--store", str(store), *map(str, seeds)])
    assert loaded.exit_code == 0, loaded.output
    env = {**os.environ, "CANCU_TEST_PW": pw, "CANCU_NEO4J_TIMEOUT": str(TIMEOUT)}
    outputs = []
    for _ in range(3):  # a fresh process each: new connections, each closed with a GOODBYE
        done = _run_or_dump(
            [sys.executable, "-X", "faulthandler", "-m", "cancu.cli", "push", "--neo4j", uri, "--user", user]
            + ["--password-env", "CANCU_TEST_PW", "--store", str(store)],
            env,
        )
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout.split(";")[0])
    assert (
        outputs[1]
        == outputs[2]
        == outputs[1].split(":")[0] + ": 0 created, 0 updated, 0 deleted, " + (outputs[1].split(", ")[-1])
    )


def _run_or_dump(cmd: list[str], env: dict[str, str], seconds: float = 120) -> subprocess.CompletedProcess:
    """Run ``cmd``; past ``seconds`` fail with where it waits (faulthandler's dump on SIGABRT)."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        out, err = proc.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGABRT)
        out, err = proc.communicate()
        pytest.fail(f"{' '.join(cmd[3:5])} still running after {seconds:.0f} s:\n{err[-4000:]}")
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


BAD_SERVERS = [
    ("bolt://127.0.0.1:1", "cancu: cannot reach the Bolt server at bolt://127.0.0.1:1: "),
    ("http://127.0.0.1:7687", "cancu: http://127.0.0.1:7687: not a Bolt server address"),
    ("bolt://:7687", "cancu: bolt://:7687: not a Bolt server address"),
    ("bolt://127.0.0.1:99999", "cancu: bolt://127.0.0.1:99999: not a Bolt server address"),
]


@pytest.mark.parametrize(("uri", "says"), BAD_SERVERS)
def test_push_to_a_bad_server_is_one_line(tmp_path, uri, says):
    from click.testing import CliRunner

    from cancu.cli import main

    store = tmp_path / "store"
    runner = CliRunner()
    assert (
        runner.invoke(main, ["load", "--store", str(store), str(sorted(SEEDS.glob("*.txt"))[0])]).exit_code
        == 0
    )
    done = subprocess.run(
        [sys.executable, "-m", "cancu.cli", "push", "--neo4j", uri, "--store", str(store)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "CANCU_NEO4J_TIMEOUT": str(TIMEOUT)},
    )
    assert done.returncode != 0
    assert done.stderr.startswith(says) and done.stderr.count("\n") == 1, done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "command", [["status"], ["trace", "76/NQ-CP"], ["audit", "1/KH"], ["forget", "x.txt"]]
)
def test_a_query_on_an_unreachable_server_is_one_line(command):
    done = subprocess.run(
        [sys.executable, "-m", "cancu.cli", *command, "--store", "bolt://127.0.0.1:1"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "CANCU_NEO4J_TIMEOUT": str(TIMEOUT)},
    )
    assert done.returncode != 0
    assert done.stderr.startswith("cancu: ") and done.stderr.count("\n") == 1, done.stderr
