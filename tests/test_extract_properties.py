"""Property tests: extraction never raises on any text, and always yields valid JSON."""

from __future__ import annotations

import json
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cancu.errors import InputError
from cancu.loaders.decode import decode_bytes
from cancu.loaders.extract import extract_decoded

from conftest import seed_paths

SEED_TEXTS = [p.read_text(encoding="utf-8") for p in seed_paths()]


def _run(data: bytes) -> None:
    try:
        decoded = decode_bytes(data, "x.txt")
    except InputError:
        return
    record = extract_decoded(decoded)
    text = json.dumps(record.to_dict(), ensure_ascii=False)
    assert json.loads(text)["source"] == "x.txt"
    n = len(decoded.text)
    for c in record.legal_bases + record.references:
        assert 0 <= c.span[0] <= c.span[1] <= n


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=3000))
def test_random_text(text):
    _run(text.encode("utf-8"))


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=3000))
def test_random_bytes(data):
    _run(data)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, len(SEED_TEXTS) - 1), st.integers(0, 2**32 - 1), st.integers(1, 40))
def test_mutated_seeds(which, seed, edits):
    rng = random.Random(seed)
    chars = list(SEED_TEXTS[which])
    alphabet = "/-.:;()0123456789 \n\tĐđQPNDCKHUBậốễ|&¢"
    for _ in range(edits):
        i = rng.randrange(len(chars))
        op = rng.random()
        if op < 0.4:
            chars[i] = rng.choice(alphabet)
        elif op < 0.7:
            del chars[i]
        else:
            chars.insert(i, rng.choice(alphabet))
    cut = rng.randrange(len(chars) // 2, len(chars) + 1)
    _run("".join(chars[:cut]).encode("utf-8"))
