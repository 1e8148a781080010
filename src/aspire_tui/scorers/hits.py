"""What a detector reports: a phrase a coach would underline, and of which kind."""

from __future__ import annotations

from typing import NamedTuple

MONEY = "money"
FLIGHT = "flight-risk"
UNREALISTIC = "unrealistic"
UNCERTAIN = "uncertainty"
HEDGE = "hedge"
VAGUE = "vague"
BUZZ = "buzzword"

#: The pitfalls that sink an answer (DOMAIN), as against advice on wording.
PITFALLS = frozenset({MONEY, FLIGHT, UNREALISTIC, UNCERTAIN})


class Hit(NamedTuple):
    kind: str
    start: int  # the clause to underline
    end: int
    trigger_start: int  # the words that fired the rule
    trigger_end: int
    severity: str
    message: str
    suggestion: str | None = None
    rule: str = ""
