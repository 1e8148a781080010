"""Counts in words a user reads: "1 draft", "2 drafts", never "1 draft(s)"."""

from __future__ import annotations


def plural(count: int, word: str, many: str | None = None) -> str:
    """`count` and `word`, plural unless the count is one; `many` is the plural when it
    is not `word` + "s" ("person", "people")."""
    return f"{count} {word if count == 1 else many or word + 's'}"
