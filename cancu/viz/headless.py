"""Drive headless Chromium over the DevTools protocol, with the network off.

Used to rasterise static pictures (PNG) and to prove, in tests, that a page
draws its canvas, raises no JavaScript error and makes no network request.
The DevTools protocol reports every request the page attempts
(``Network.requestWillBeSent``) and every uncaught error
(``Runtime.exceptionThrown``) directly, which a page-side marker or a log
scrape could miss. A minimal WebSocket client (RFC 6455, text frames only)
keeps this free of dependencies.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import socket
import struct
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cancu.viz.picture import PictureError

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
#: No network: every request goes to a closed loopback port, loopback included.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--mute-audio",
    "--hide-scrollbars",
    "--proxy-server=127.0.0.1:9",
    "--proxy-bypass-list=<-loopback>",
)


def find_browser() -> str | None:
    """``CANCU_CHROMIUM`` if set, else the first Chromium on PATH."""
    named = os.environ.get("CANCU_CHROMIUM")
    if named:
        return named
    return next((path for name in BROWSERS if (path := shutil.which(name))), None)


@dataclass
class PageReport:
    """What loading one page did."""

    png: bytes = b""
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)  # requests the browser refused, e.g. by CSP
    errors: list[str] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)


class _WebSocket:
    def __init__(self, port: int, path: str, timeout: float) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode("ascii")
        self.sock.sendall(
            (
                f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
                f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                "Sec-WebSocket-Version: 13\r\n\r\n"
            ).encode("ascii")
        )
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise PictureError("Chromium closed the DevTools connection")
            head += chunk
        if b" 101 " not in head.split(b"\r\n", 1)[0]:
            raise PictureError("Chromium refused the DevTools connection")
        self.buffer = head.split(b"\r\n\r\n", 1)[1]

    def _read(self, n: int) -> bytes:
        while len(self.buffer) < n:
            chunk = self.sock.recv(1 << 20)
            if not chunk:
                raise PictureError("Chromium closed the DevTools connection")
            self.buffer += chunk
        out, self.buffer = self.buffer[:n], self.buffer[n:]
        return out

    def send(self, text: str) -> None:
        payload = text.encode("utf-8")
        mask = os.urandom(4)
        n = len(payload)
        head = bytes([0x81]) + (
            bytes([0x80 | n])
            if n < 126
            else bytes([0xFE]) + struct.pack(">H", n)
            if n < 65536
            else bytes([0xFF]) + struct.pack(">Q", n)
        )
        self.sock.sendall(head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    def recv(self) -> str:
        parts = []
        while True:
            b0, b1 = self._read(2)
            n = b1 & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._read(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._read(8))[0]
            mask = self._read(4) if b1 & 0x80 else b""
            data = self._read(n)
            if mask:
                data = bytes(b ^ mask[i % 4] for i, b in enumerate(data))
            opcode = b0 & 0x0F
            if opcode == 8:
                raise PictureError("Chromium closed the DevTools connection")
            if opcode in (0, 1, 2):
                parts.append(data)
                if b0 & 0x80:
                    return b"".join(parts).decode("utf-8")

    def close(self) -> None:
        self.sock.close()


class _Session:
    def __init__(self, ws: _WebSocket) -> None:
        self.ws, self.next_id, self.events = ws, 0, []

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise PictureError(f"DevTools {method}: {message['error'].get('message')}")
                return message.get("result", {})
            self.events.append(message)


def _wait_port(profile: Path, proc: subprocess.Popen[bytes], timeout: float) -> tuple[int, str]:
    marker = profile / "DevToolsActivePort"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if marker.exists():
            lines = marker.read_text().split()
            if len(lines) >= 2:
                return int(lines[0]), lines[1]
        if proc.poll() is not None:
            break
        time.sleep(0.05)
    raise PictureError("headless Chromium did not start")


def load_page(
    page: Path,
    size: tuple[int, int] = (1200, 900),
    *,
    wait_for: str | None = None,
    evaluate: dict[str, str] | None = None,
    timeout: float = 60.0,
) -> PageReport:
    """Open ``page`` (a local file) offline; wait for the load event and, if
    given, until the JavaScript ``wait_for`` is truthy; evaluate ``evaluate``
    expressions; screenshot the viewport."""
    browser = find_browser()
    if not browser:
        raise PictureError(
            "PNG output needs Chromium (apt-get install chromium), or use --format svg or html"
        )
    report = PageReport()
    with tempfile.TemporaryDirectory(prefix="cancu-chromium-", ignore_cleanup_errors=True) as tmp:
        profile = Path(tmp)
        proc = subprocess.Popen(
            [
                browser,
                *FLAGS,
                f"--user-data-dir={profile}",
                "--remote-debugging-port=0",
                f"--window-size={size[0]},{size[1]}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            port, _ = _wait_port(profile, proc, timeout)
            target = _page_target(port, timeout)
            ws = _WebSocket(port, target, timeout)
            try:
                _drive(_Session(ws), page, size, wait_for, evaluate or {}, timeout, report)
            except OSError as err:  # a timeout or a browser that died mid-page
                raise PictureError(f"headless Chromium failed on {page.name}: {err}") from err
            finally:
                ws.close()
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    return report


def _page_target(port: int, timeout: float) -> str:
    import http.client

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        try:
            conn.request("GET", "/json/list")
            targets = json.loads(conn.getresponse().read())
        finally:
            conn.close()
        for t in targets:
            if t.get("type") == "page" and t.get("webSocketDebuggerUrl"):
                return "/" + t["webSocketDebuggerUrl"].split("/", 3)[3]
        time.sleep(0.05)
    raise PictureError("headless Chromium opened no page")


def _drive(
    s: _Session,
    page: Path,
    size: tuple[int, int],
    wait_for: str | None,
    evaluate: dict[str, str],
    timeout: float,
    report: PageReport,
) -> None:
    for domain in ("Page", "Network", "Runtime", "Log"):
        s.call(f"{domain}.enable")
    s.call(
        "Emulation.setDeviceMetricsOverride", width=size[0], height=size[1], deviceScaleFactor=1, mobile=False
    )
    s.call("Page.navigate", url=page.resolve().as_uri())
    deadline = time.monotonic() + timeout
    while not any(e.get("method") == "Page.loadEventFired" for e in s.events):
        if time.monotonic() > deadline:
            raise PictureError(f"{page.name} did not finish loading")
        s.events.append(json.loads(s.ws.recv()))
    while wait_for:
        result = s.call("Runtime.evaluate", expression=wait_for, returnByValue=True)
        if result.get("result", {}).get("value"):
            break
        if time.monotonic() > deadline:
            raise PictureError(f"{page.name}: timed out waiting for {wait_for}")
        time.sleep(0.1)
    for name, expression in evaluate.items():
        result = s.call("Runtime.evaluate", expression=expression, returnByValue=True)
        report.values[name] = result.get("result", {}).get("value")
    report.png = base64.b64decode(s.call("Page.captureScreenshot", format="png")["data"])
    urls: dict[str, str] = {}
    for event in s.events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Network.requestWillBeSent":
            urls[params.get("requestId", "")] = params.get("request", {}).get("url", "")
            report.requests.append(urls[params.get("requestId", "")])
        elif method == "Network.loadingFailed" and params.get("blockedReason"):
            report.blocked.append(f"{urls.get(params.get('requestId', ''), '?')} ({params['blockedReason']})")
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            report.errors.append(
                details.get("exception", {}).get("description") or details.get("text", "error")
            )
        elif method == "Runtime.consoleAPICalled" and params.get("type") == "error":
            report.errors.append(
                " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
            )
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            report.errors.append(params["entry"].get("text", ""))


def screenshot(page: Path, size: tuple[int, int]) -> bytes:
    """PNG of ``page`` at ``size`` pixels."""
    return load_page(page, size).png
