"""Drafts of a given length for the benchmarks, built from an example profile's draft."""

from __future__ import annotations

from pathlib import Path

from aspire_tui.storage import load_profile

EXAMPLE = Path(__file__).resolve().parents[1] / "profiles" / "mid-backend-software-engineer.toml"


def draft_of(words: int, paragraph: int = 0) -> str:
    """`words` words of the example's draft repeated; a blank line every `paragraph` words."""
    profile = load_profile(EXAMPLE)
    base = profile.drafts[0].text.split()
    out: list[str] = []
    while len(out) < words:
        out.extend(base)
    out = out[:words]
    if not paragraph:
        return " ".join(out)
    chunks = [" ".join(out[i : i + paragraph]) for i in range(0, len(out), paragraph)]
    return "\n\n".join(chunks)
