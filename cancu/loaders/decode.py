"""Bytes in, text out: .txt in any encoding, .docx, .pdf with a text layer.

STUB — owned by the decode helper, who replaces this file.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from cancu.errors import InputError


@dataclass
class Decoded:
    text: str
    source: str
    format: str
    encoding: str | None
    sha256: str
    warnings: list[str] = field(default_factory=list)


def decode_bytes(data: bytes, name: str) -> Decoded:
    if not data.strip():
        raise InputError(f"{name}: empty file")
    text = data.decode("utf-8-sig")
    return Decoded(text, name, "txt", "utf-8", hashlib.sha256(data).hexdigest())


def decode_path(path: Path) -> Decoded:
    if not path.exists():
        raise InputError(f"{path}: no such file")
    return decode_bytes(path.read_bytes(), str(path))


SUPPORTED = (".txt", ".docx", ".pdf")


def expand_inputs(path: Path) -> list[Path]:
    if path.is_dir():
        found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED)
        if not found:
            raise InputError(f"{path}: no .txt, .docx or .pdf file in this folder")
        return found
    if not path.exists():
        raise InputError(f"{path}: no such file")
    return [path]
