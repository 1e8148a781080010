"""Small pieces every built-in scorer uses."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..scorer import finding

if TYPE_CHECKING:
    from ..models import Finding
    from .hits import Hit


def clamp(value: float, low: float = 0.0, high: float = 100.0) -> float:
    return round(max(low, min(high, value)), 1)


def findings_from_hits(hits: Iterable[Hit]) -> list[Finding]:
    return [
        finding(
            h.start, h.end, h.severity, h.message, h.suggestion, kind=h.kind, rule=h.rule or None
        )
        for h in hits
    ]


def serious(hits: Iterable[Hit]) -> list[Hit]:
    return [h for h in hits if h.severity in ("warning", "error")]


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def weight_of(n: int, first: float, more: float, most: float) -> float:
    """Points off for `n` findings of one kind: the first shows the problem and costs most;
    the rest only confirm it (DOMAIN: one problem, judged once, however often it is said)."""
    return 0.0 if n <= 0 else min(most, first + more * (n - 1))
