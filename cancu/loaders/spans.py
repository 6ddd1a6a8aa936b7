"""Which spans hold which positions, in one sweep: the extraction steps ask it for every bullet and every
"báo cáo" of a plan, and asking span by span would make a long plan quadratic."""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from typing import TypeVar

V = TypeVar("V")


def covering(spans: Sequence[tuple[int, int, V]], positions: Sequence[int]) -> list[list[V]]:
    """For each position, the values of the spans ``[start, end)`` that hold it, in the spans' order.

    One pass over spans and positions sorted by start (O((n + m) log n)), whatever their number."""
    order = sorted(range(len(spans)), key=lambda i: spans[i][0])
    out: list[list[V]] = [[] for _ in positions]
    active: list[tuple[int, int]] = []  # (end, span index)
    k = 0
    for p_index in sorted(range(len(positions)), key=lambda j: positions[j]):
        pos = positions[p_index]
        while k < len(order) and spans[order[k]][0] <= pos:
            heapq.heappush(active, (spans[order[k]][1], order[k]))
            k += 1
        while active and active[0][0] <= pos:
            heapq.heappop(active)
        out[p_index] = [spans[i][2] for i in sorted(i for _, i in active)]
    return out


def inside_any(spans: Sequence[tuple[int, int]], positions: Sequence[int]) -> list[bool]:
    """For each position, whether any span ``[start, end)`` holds it."""
    return [bool(v) for v in covering([(s, e, True) for s, e in spans], positions)]
