"""Pausing Python's cyclic garbage collector around work that only allocates.

Building, unpickling or walking a national graph allocates millions of
long-lived dicts and tuples and creates no garbage cycles; with the cyclic
collector on, its full passes over an ever larger heap cost more than the work
itself (reopening grew with the square of the graph; a whole-country trace had
a p95 ten times its median: benchmarks/RESULTS.md). Reference counting still
frees everything as usual while the collector is paused.
"""

from __future__ import annotations

import contextlib
import functools
import gc
from collections.abc import Callable, Iterator
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """The cyclic collector off inside the block, back to its previous state after (nesting is safe)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def gc_paused(fn: Callable[P, R]) -> Callable[P, R]:
    """``fn`` run inside ``paused_gc``."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with paused_gc():
            return fn(*args, **kwargs)

    return wrapper
