"""Unlucky file names and special files through the real CLI: one line each, the good files loaded.

A name that is not UTF-8 (written by an old system), a newline in a name (it must not split the
error or fake a ``cancu: …`` line), a FIFO, a link to nothing and a folder named like a plan sit in
one folder beside a good plan. ``cancu`` runs as a user runs it (a subprocess, stdout and stderr
encoded strictly as UTF-8, so a lone surrogate could not be printed), with a time limit: a FIFO
opened for a blocking read would wait for a writer forever.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES

GOOD = EXAMPLES / "01_ubnd_tinh_lam_dong_2026.txt"
#: seconds a command may take here; only a hang comes near it
LIMIT = 120


def run(*args: str, cwd: Path, limit: float = LIMIT) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "CANCU_CACHE_DIR": str(cwd / "cache"),
        "PYTHONIOENCODING": "utf-8",
        "CANCU_JOBS": "1",
    }
    env.pop("CANCU_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "cancu.cli", *args], capture_output=True, cwd=cwd, env=env, timeout=limit
    )


def errors(done: subprocess.CompletedProcess) -> list[str]:
    text = done.stderr.decode("utf-8")  # strict: the error lines are valid UTF-8
    assert "Traceback" not in text, text
    return text.strip().splitlines()


def bad_name(folder: Path) -> Path:
    """A plan whose name holds the byte 0xFF, as an old Windows system may have written it."""
    raw = os.path.join(os.fsencode(folder), b"k\xe9 ho\xffch.txt")
    with open(raw, "wb") as out:
        out.write(GOOD.read_bytes())
    return Path(os.fsdecode(raw))


def test_a_name_that_is_not_utf8_is_one_line(tmp_path):
    path = bad_name(tmp_path)
    done = run("extract", str(path), cwd=tmp_path)
    assert done.returncode == 2
    assert errors(done) == [
        f"cancu: {tmp_path}/k\\xe9 ho\\xffch.txt: the file name is not valid UTF-8 (written by an old "
        "system?); rename the file to read it"
    ]


def test_a_folder_of_good_and_unlucky_files_loads_the_good_one(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "good.txt").write_bytes(GOOD.read_bytes())
    bad_name(folder)
    (folder / "x\ncancu: fake.txt").write_bytes(b"")
    os.symlink(tmp_path / "nowhere.txt", folder / "broken.txt")
    (folder / "dir.txt").mkdir()
    done = run("load", str(folder), "--store", str(tmp_path / "store"), cwd=tmp_path)
    assert done.returncode == 2
    assert "1 new" in done.stdout.decode("utf-8")
    assert [line for line in errors(done) if not line.startswith("cancu: warning")] == [
        f"cancu: not loaded: {folder}/broken.txt: a link to a file that does not exist",
        f"cancu: not loaded: {folder}/k\\xe9 ho\\xffch.txt: the file name is not valid UTF-8 (written by "
        "an old system?); rename the file to read it",
        f"cancu: not loaded: {folder}/x\\ncancu: fake.txt: empty file",
        "cancu: 3 of 4 input(s) not loaded (listed above); the other 1 are in the store",
    ]


@pytest.mark.parametrize("where", ["given", "in a folder"])
def test_a_fifo_is_one_line_and_never_waited_for(tmp_path, where):
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "good.txt").write_bytes(GOOD.read_bytes())
    os.mkfifo(folder / "pipe.txt")
    args = [str(folder / "good.txt"), str(folder / "pipe.txt")] if where == "given" else [str(folder)]
    done = run("load", *args, "--store", str(tmp_path / "store"), cwd=tmp_path, limit=45)
    assert done.returncode == 2
    assert "1 new" in done.stdout.decode("utf-8")
    assert [line for line in errors(done) if not line.startswith("cancu: warning")] == [
        f"cancu: not loaded: {folder}/pipe.txt: not a regular file (a pipe, socket or device is not read)",
        "cancu: 1 of 2 input(s) not loaded (listed above); the other 1 are in the store",
    ]


def test_extract_of_a_fifo_is_one_line(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    done = run("extract", str(tmp_path / "pipe.txt"), cwd=tmp_path)
    assert done.returncode == 2
    assert errors(done) == [
        f"cancu: {tmp_path}/pipe.txt: not a regular file (a pipe, socket or device is not read)"
    ]
