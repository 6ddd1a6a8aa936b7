"""cancu demo leaves nothing in the folder it is run from."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from cancu.cli import main


def test_demo_writes_outside_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["demo", "--as-of", "2026-11-22"])
    assert result.exit_code == 0, result.output
    picture = Path(result.stdout.rsplit("picture: ", 1)[1].split(" (", 1)[0])
    try:
        assert list(tmp_path.iterdir()) == []  # it used to leave cancu-demo/ here
        assert picture.is_file() and picture.parent.name.startswith("cancu-demo-")
    finally:
        shutil.rmtree(picture.parent, ignore_errors=True)
