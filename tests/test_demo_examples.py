"""The README's main job: `cancu demo` on the examples, and the examples themselves."""

from __future__ import annotations

import subprocess
import sys
import zipfile

from click.testing import CliRunner

from cancu.cli import main
from cancu.loaders.decode import decode_path

from conftest import EXAMPLES


def test_demo_runs_end_to_end(tmp_path):
    result = CliRunner().invoke(main, ["demo", "-o", str(tmp_path / "d"), "--as-of", "2026-11-22"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "15/KH-UBND — UBND tỉnh Lâm Đồng (province)" in out
    assert (
        "RED    15/KH-UBND cites 61/2018/NĐ-CP: not in force since 2025-07-01; replaced by 118/2025/NĐ-CP"
        in out
    )
    html = (tmp_path / "d" / "cascade.html").read_text(encoding="utf-8")
    assert "<html" in html and "http://" not in html and "https://" not in html


def test_docx_example_is_what_its_script_builds(tmp_path):
    sys.path.insert(0, str(EXAMPLES))
    try:
        import build_docx
    finally:
        sys.path.pop(0)
    rebuilt = build_docx.build(tmp_path / "again.docx")
    assert decode_path(rebuilt).text == decode_path(EXAMPLES / "04_xa_duc_trong_2026.docx").text
    with zipfile.ZipFile(EXAMPLES / "04_xa_duc_trong_2026.docx") as z:
        assert "word/document.xml" in z.namelist()


def test_every_example_says_it_is_illustrative():
    for path in sorted(EXAMPLES.glob("0*")):
        assert "tai lieu minh hoa" in decode_path(path).text.lower().replace("à", "a").replace(
            "ệ", "e"
        ).replace("ọ", "o").replace("ạ", "a").replace("ấ", "a").replace("ả", "a"), path.name


def test_demo_as_a_real_process(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "cancu.cli", "demo", "-o", str(tmp_path / "p")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    assert "TRACE of 76/NQ-CP" in proc.stdout
