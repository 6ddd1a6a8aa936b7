"""Every command fails the same way: one line on stderr, a non-zero exit, never a traceback.

Run against a bad store, a server that is not there, a server that refuses the
password, and bad files (missing, empty, a newline in the name). The refusing
server speaks real Bolt (handshake, then a FAILURE to HELLO), so the neo4j
driver and cancu's handling of it run for real.
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading

import pytest
from click.testing import CliRunner

from cancu.cli import main

from conftest import seed_paths


def _pack_str(text: str) -> bytes:
    b = text.encode()
    return (bytes([0x80 | len(b)]) if len(b) < 16 else b"\xd0" + bytes([len(b)])) + b


_UNAUTHORIZED = (
    b"\xb1\x7f\xa2"
    + _pack_str("code")
    + _pack_str("Neo.ClientError.Security.Unauthorized")
    + _pack_str("message")
    + _pack_str("The client is unauthorized due to authentication failure.")
)


def _refuse(sock: socket.socket) -> None:
    while True:
        try:
            conn, _ = sock.accept()
        except OSError:
            return
        with conn:
            conn.recv(20)  # magic + four version proposals
            conn.sendall(b"\x00\x00\x04\x04")  # Bolt 4.4: credentials travel in HELLO
            conn.recv(65536)
            conn.sendall(struct.pack(">H", len(_UNAUTHORIZED)) + _UNAUTHORIZED + b"\x00\x00")
            with contextlib.suppress(OSError):
                conn.recv(65536)


@pytest.fixture(scope="module")
def refusing_server():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    threading.Thread(target=_refuse, args=(sock,), daemon=True).start()
    yield f"bolt://127.0.0.1:{sock.getsockname()[1]}"
    sock.close()


def _closed_port() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"bolt://127.0.0.1:{s.getsockname()[1]}"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    d = str(tmp_path_factory.mktemp("errs") / "store")
    assert CliRunner().invoke(main, ["load", str(seed_paths()[0]), "--store", d]).exit_code == 0
    return d


# every command that reads a store, with its arguments; the store comes last
READERS = [
    ["status"],
    ["show", "76/NQ-CP 2021"],
    ["forget", "x.txt"],
    ["export", "--format", "ttl"],
    ["trace", "76/NQ-CP 2021"],
    ["responsible", "76/NQ-CP 2021"],
    ["audit"],
    ["gaps"],
    ["viz", "trace", "76/NQ-CP 2021", "-o", "-"],
    ["viz", "responsible", "76/NQ-CP 2021", "-o", "-"],
    ["viz", "plan", "76/NQ-CP 2021", "-o", "-"],
    ["viz", "audit", "-o", "-"],
]


def _one_line_failure(result, *, lines: int = 1) -> str:
    assert result.exit_code not in (0, None), result.output
    assert (
        "Traceback" not in result.output
        and result.exception is None
        or isinstance(result.exception, SystemExit)
    )
    err = result.stderr.strip().splitlines()
    assert len(err) == lines and all(line.startswith("cancu: ") for line in err), result.stderr
    return err[-1]


@pytest.mark.parametrize(
    "args",
    [
        *READERS,
        ["registry", "show", "76/NQ-CP"],
        ["registry", "stats"],
        ["push", "--neo4j", "bolt://127.0.0.1:9"],
    ],
)
def test_a_store_that_is_not_there(tmp_path, args):
    line = _one_line_failure(CliRunner().invoke(main, [*args, "--store", str(tmp_path / "typo")]))
    assert str(tmp_path / "typo") in line


@pytest.mark.parametrize(
    "args", [["load", str(seed_paths()[0])], ["registry", "import", str(seed_paths()[0])]]
)
def test_a_store_path_that_is_a_file(tmp_path, args):
    not_a_store = tmp_path / "file"
    not_a_store.write_text("x")
    _one_line_failure(CliRunner().invoke(main, [*args, "--store", str(not_a_store)]))


@pytest.mark.parametrize("args", [*READERS, ["load", str(seed_paths()[0])], ["registry", "stats"]])
def test_a_server_that_is_not_there(args):
    _one_line_failure(CliRunner().invoke(main, [*args, "--store", _closed_port()]))


@pytest.mark.parametrize("args", [a for a in READERS if a[0] not in ("forget",)])
def test_a_server_that_refuses_the_password_as_a_store(refusing_server, args):
    line = _one_line_failure(CliRunner().invoke(main, [*args, "--store", refusing_server]))
    assert "unauthorized" in line


def test_push_with_a_bad_password(refusing_server, store, monkeypatch):
    monkeypatch.setenv("CANCU_TEST_PW", "wrong")
    result = CliRunner().invoke(
        main, ["push", "--neo4j", refusing_server, "--password-env", "CANCU_TEST_PW", "--store", store]
    )
    assert "unauthorized" in _one_line_failure(result)


def test_push_to_a_server_that_is_not_there(store):
    _one_line_failure(CliRunner().invoke(main, ["push", "--neo4j", _closed_port(), "--store", store]))


@pytest.mark.parametrize(
    "name", ["missing.txt", "empty.txt", "bad\nname.txt", "cancu: fake\r.txt", "plan.xyz"]
)
@pytest.mark.parametrize(
    "command", [["extract"], ["load"], ["load", "--strict"], ["registry", "import"], ["forget"]]
)
def test_a_bad_file(tmp_path, store, name, command):
    path = tmp_path / name
    if name != "missing.txt":
        path.write_bytes(b"")
    store_args = ["--store", str(tmp_path / "new") if command[0] == "load" else store]
    store_args = [] if command == ["extract"] else store_args
    result = CliRunner().invoke(main, [*command, str(path), *store_args])
    line = _one_line_failure(result)
    assert "\n" not in line and "\r" not in line
    if command[0] != "registry":
        assert repr(name)[1:-1] in line  # the name with its control characters escaped


def test_a_bad_user_registry(tmp_path):
    bad = tmp_path / "mine.csv"
    bad.write_text("number,status\n1/QĐ,in_force,extra\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["load", str(seed_paths()[0]), "--registry", str(bad), "--store", str(tmp_path / "s")]
    )
    assert "mine.csv" in _one_line_failure(result)
    assert not (tmp_path / "s").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["frobnicate"],
        ["trace"],
        ["audit", "--fail-on", "purple"],
        ["load"],
        ["export", "--format", "ttl", "--nope"],
    ],
)
def test_usage_mistakes_are_one_line_too(args):
    line = _one_line_failure(CliRunner().invoke(main, args))
    assert line.endswith("-h)")


def _commands(group, path=()):
    import click

    for name, cmd in group.commands.items():
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, (*path, name))
        else:
            yield [*path, name]


@pytest.mark.parametrize("path", [[], *_commands(main)], ids=lambda p: " ".join(p) or "cancu")
def test_dash_h_is_help(path):
    result = CliRunner().invoke(main, [*path, "-h"])
    assert result.exit_code == 0 and result.stdout.startswith("Usage: "), result.output


def test_export_dash_writes_standard_output_and_no_file(store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["export", "--format", "ttl", "-o", "-", "--store", store])
    assert result.exit_code == 0 and "@prefix eli:" in result.stdout
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "args,message",
    [
        (["export", "--format", "jsonld", "-o", "graph.ttl"], "--format jsonld but graph.ttl names ttl"),
        (["export", "-o", "graph.txt"], "give --format, or an output file ending in"),
        (["export", "--format", "csv", "-o", "-"], "give -o FOLDER"),
        (
            ["viz", "trace", "76/NQ-CP 2021", "--format", "svg", "-o", "plan.html"],
            "--format svg but plan.html names html",
        ),
    ],
)
def test_output_extension_and_format_must_agree(store, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    line = _one_line_failure(CliRunner().invoke(main, [*args, "--store", store]))
    assert message in line
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("out,magic", [("p.svg", b"<svg"), ("p.html", b"<!DOCTYPE html>")])
def test_picture_format_follows_the_extension(store, tmp_path, out, magic):
    result = CliRunner().invoke(
        main, ["viz", "trace", "76/NQ-CP 2021", "-o", str(tmp_path / out), "--store", store]
    )
    assert result.exit_code == 0, result.output
    assert magic in (tmp_path / out).read_bytes()[:200]


# ---- every command against every bad input (issue 20) ----------------------------------------------
#
# One row per command: its arguments with the placeholders STORE (the store it is given), FILE (a
# file it reads) and URL (a server it pushes to). A command that takes no such input says so with
# None, so a new command cannot be added without its row (test_every_command_has_a_row).

EVERY = {
    "extract": ["extract", "FILE"],
    "demo": ["demo", "-o", "FILE/out"],
    "registry import": ["registry", "import", "FILE", "--store", "STORE"],
    "registry show": ["registry", "show", "76/NQ-CP", "--store", "STORE"],
    "registry stats": ["registry", "stats", "--store", "STORE"],
    "load": ["load", "FILE", "--store", "STORE"],
    "status": ["status", "--store", "STORE"],
    "show": ["show", "76/NQ-CP 2021", "--store", "STORE"],
    "forget": ["forget", "FILE", "--store", "STORE"],
    "export": ["export", "--format", "ttl", "-o", "-", "--store", "STORE"],
    "trace": ["trace", "76/NQ-CP 2021", "--store", "STORE"],
    "responsible": ["responsible", "76/NQ-CP 2021", "--store", "STORE"],
    "audit": ["audit", "--store", "STORE"],
    "gaps": ["gaps", "--store", "STORE"],
    "push": ["push", "--neo4j", "URL", "--store", "STORE"],
    "viz trace": ["viz", "trace", "76/NQ-CP 2021", "-o", "-", "--store", "STORE"],
    "viz responsible": ["viz", "responsible", "76/NQ-CP 2021", "-o", "-", "--store", "STORE"],
    "viz plan": ["viz", "plan", "76/NQ-CP 2021", "-o", "-", "--store", "STORE"],
    "viz audit": ["viz", "audit", "-o", "-", "--store", "STORE"],
}
BAD = ["file", "store path", "server URL", "password"]


def _takes(command: str, bad: str) -> bool:
    """Whether the command has an input that can be bad in this way."""
    args = " ".join(EVERY[command])
    need = {"file": ("FILE",), "store path": ("STORE",), "server URL": ("URL", "STORE")}
    return any(p in args for p in need.get(bad, ("URL", "STORE")))


CASES = [(command, bad) for command in EVERY for bad in BAD if _takes(command, bad)]


def test_every_command_has_a_row():
    assert sorted(EVERY) == sorted(" ".join(p) for p in _commands(main))


def _bad_args(command: str, bad: str, tmp_path, good_store: str, refusing: str) -> list[str] | None:
    """The command's arguments with one bad input and every other input good; None: not applicable."""
    args = EVERY[command]
    takes = {p for p in ("FILE", "STORE", "URL") if any(p in a for a in args)}
    not_a_store = tmp_path / "a-file"
    not_a_store.write_text("x")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    good = {"FILE": str(seed_paths()[0]), "STORE": good_store, "URL": _closed_port()}
    if command == "forget":
        good["FILE"] = seed_paths()[0].name
    if command == "demo":
        good["FILE"] = str(tmp_path)
    if bad == "file":
        if "FILE" not in takes:
            return None
        good["FILE"] = str(empty) if command != "demo" else str(not_a_store)
        if command == "forget":
            good["FILE"] = "never-loaded.txt"
    elif bad == "store path":
        if "STORE" not in takes:
            return None
        writes = command in ("load", "registry import")
        good["STORE"] = str(not_a_store) if writes else str(tmp_path / "typo")
    elif bad == "server URL":
        if "URL" in takes:
            good["URL"] = _closed_port()
        elif "STORE" in takes:
            good["STORE"] = _closed_port()
        else:
            return None
    elif bad == "password":
        if "URL" in takes:
            good["URL"] = refusing
        elif "STORE" in takes:
            good["STORE"] = refusing
        else:
            return None
    out = []
    for a in args:
        for key, value in good.items():
            a = a.replace(key, value)
        out.append(a)
    return out


@pytest.mark.parametrize("command,bad", CASES, ids=[f"{c}-{b}" for c, b in CASES])
def test_every_command_against_every_bad_input(command, bad, tmp_path, store, refusing_server, monkeypatch):
    """No traceback, one ``cancu: …`` line, a non-zero exit."""
    monkeypatch.chdir(tmp_path)
    args = _bad_args(command, bad, tmp_path, store, refusing_server)
    assert args is not None
    result = CliRunner().invoke(main, args)
    line = _one_line_failure(result)
    assert "(a bug: CANCU_DEBUG=1" not in line, line  # an error cancu did not expect
