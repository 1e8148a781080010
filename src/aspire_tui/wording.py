"""Counts in words a user reads: "1 draft", "2 drafts", never "1 draft(s)"."""

from __future__ import annotations


def plural(count: int, word: str, many: str | None = None) -> str:
    """`count` and `word`, plural unless the count is one; `many` is the plural when it
    is not `word` + "s" ("person", "people")."""
    return f"{count} {word if count == 1 else many or word + 's'}"


def span_of(years: float) -> str:
    """A usual length of time as a coach says it: months under a year and a half
    ("18 months"), else years to the half ("2.5 years", "6 years")."""
    if years < 1.5:
        return plural(round(years * 12), "month")
    half = round(years * 2) / 2
    return f"{half:g} years"
