"""Bad files of the new kinds through the real CLI: one clear line, a non-zero exit, the store unchanged.

A PDF that is neither text nor image, a .doc that is not Word, a page with no
document in it, an image that is not one; `cancu load` and `cancu extract` run
as a user runs them (a subprocess), and the store's files are compared byte
for byte before and after.
"""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfWriter

from conftest import EXAMPLES

READERS = Path(__file__).parent / "fixtures" / "readers"


def blank_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


BAD = [
    ("blank.pdf", blank_pdf(), "blank.pdf: PDF has neither a text layer nor scanned page images"),
    (
        "report.doc",
        b"This is not a Word file at all.\n" * 10,
        "report.doc: not a valid .doc file (corrupt or mislabelled)",
    ),
    (
        "ole.doc",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1000,
        "ole.doc: not a readable Word .doc file",
    ),
    (
        "search.html",
        b"<!DOCTYPE html><html><body><nav><a href='/'>Trang chu</a></nav></body></html>",
        "search.html: no document text in this web page (only site navigation, or an empty page)",
    ),
    ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "photo.png: not a readable image"),
]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "CANCU_CACHE_DIR": str(cwd / "cache")}
    return subprocess.run(
        [sys.executable, "-m", "cancu.cli", *args], capture_output=True, text=True, cwd=cwd, env=env
    )


def fingerprint(store: Path) -> dict[str, str]:
    return {
        str(p.relative_to(store)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(store.rglob("*"))
        if p.is_file() and p.name != "lock"
    }


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("bad")
    done = run(
        "load", str(EXAMPLES / "01_ubnd_tinh_lam_dong_2026.txt"), "--store", str(root / "store"), cwd=root
    )
    assert done.returncode == 0, done.stderr
    return root / "store"


@pytest.mark.parametrize("name,data,message", BAD, ids=[b[0] for b in BAD])
def test_bad_file_is_one_line_and_leaves_the_store_unchanged(store, tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    before = fingerprint(store)
    for command in (["load", str(path), "--store", str(store)], ["extract", str(path)]):
        done = run(*command, cwd=tmp_path)
        assert done.returncode != 0, (command, done.stdout)
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
        assert message in lines[0], lines[0]
    assert fingerprint(store) == before


def test_extract_table_names_the_reader(tmp_path):
    done = run("extract", "--format", "table", str(READERS / "01_tvpl.html"), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "read as html · targets 3 · tasks 3" in done.stdout
