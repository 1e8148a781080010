"""A programme finished far faster than the research says it takes.

When the job's research says "the diploma takes around 18 months" and the draft says
"I'll have the diploma done in under a year", a coach hears someone who has not read how
the programme runs (DOMAIN: "Unrealistic ambition", realism against the time frame). The
programme words and the figures are data (`knowledge/realism.toml`).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ..wording import span_of
from .compiled import compile_pattern
from .fastre import lower
from .hits import UNREALISTIC, Hit
from .lexicon import pattern, table
from .path import research_text
from .text import find_time_frames, split_sentences

if TYPE_CHECKING:
    from .analysis import Analysis

_RELATIVE = compile_pattern(
    r"\b(?:after|once|following|post|since|beyond|then|before|start\w*|begin\w*|enrol\w*)\b"
)
_WORD = compile_pattern(r"\w+")
_RATE = compile_pattern(
    r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|per|each|every))"
    r"\s*$"
)
_AFTER = compile_pattern(
    r"\s*(?:in\s*(?:[,;)]|$)|in post|post|of service|after|of experience|experience|later|on)\b"
)
_LENGTH = compile_pattern(r"\b(?:\w+[\s-]+)?(?:years?|months?|weeks?)\b")


@lru_cache(maxsize=64)
def stated_lengths(research: str) -> dict[str, float]:
    """Programme word -> the years the research says it takes: the time written nearest
    it, in any sentence (the shortest of several)."""
    near = int(table("programme").get("near", 8))
    found: dict[str, float] = {}
    for sentence in split_sentences(lower(research)):
        for text in sentence.text.split(";"):
            names = list(pattern("programme").full.finditer(text))
            if names and not pattern("learning").full.search(text):
                general = pattern("programme_general").full
                names = [m for m in names if not general.fullmatch(m.group(0))]
            best: dict[str, tuple[int, float]] = {}
            for frame in find_time_frames(text) if names else ():
                if not _is_length(text, frame.start, frame.end):
                    continue
                m = min(names, key=lambda m: _gap(text, m.start(), m.end(), frame.start, frame.end))
                gap = _gap(text, m.start(), m.end(), frame.start, frame.end)
                key = _key(m.group(0))
                if gap <= near and gap < best.get(key, (near + 1, 0.0))[0]:
                    best[key] = (gap, frame.years)
            for key, (_, years) in best.items():
                found[key] = min(found.get(key, years), years)
    return found


def _is_length(text: str, start: int, end: int) -> bool:
    """Whether the time at `start:end` is how long something lasts: not when ("in the
    autumn"), not a rate ("twelve a year"), not a time after it ("after a year in post")
    and not a tie ("a two-year tie-in")."""
    if not _LENGTH.search(text, start, end):
        return False
    before, after = text[max(0, start - 14) : start], text[end : end + 30]
    if _RATE.search(before) or _RELATIVE.search(before[-8:]):
        return False
    return not (pattern("not_duration").full.search(after) or _AFTER.match(after))


def _gap(text: str, a0: int, a1: int, b0: int, b1: int) -> int:
    lo, hi = (a1, b0) if a1 <= b0 else (b1, a0)
    return len(_WORD.findall(text[lo:hi])) if hi > lo else 0


def _key(word: str) -> str:
    return " ".join(word.split()).rstrip("s") if not word.endswith("ss") else word


def programme_hits(a: Analysis) -> list[Hit]:
    lengths = stated_lengths(research_text(a.profile.research))
    if not lengths:
        return []
    too_fast = float(table("programme").get("too_fast", 0.6))
    near = int(table("programme").get("near", 8))
    hits: list[Hit] = []
    low = a.lowered
    for sentence in a.sentences:
        frames = a.frames_in(sentence.start, sentence.end)
        if not frames:
            continue
        for m in pattern("programme").full.finditer(low, sentence.start, sentence.end):
            stated = lengths.get(_key(m.group(0)))
            if stated is None:
                continue
            frame = min(frames, key=lambda f: _gap(low, m.start(), m.end(), f.start, f.end))
            gap = _gap(low, m.start(), m.end(), frame.start, frame.end)
            if frame.years >= stated * too_fast or gap > near:
                continue
            lo, hi = min(m.start(), frame.start), max(m.end(), frame.end)
            between = low[min(m.end(), frame.end) : max(m.start(), frame.start)]
            if _RELATIVE.search(between) or _RELATIVE.search(low, max(sentence.start, lo - 12), lo):
                continue  # "six months after the diploma": a time from its end
            if not pattern("completion").full.search(low, sentence.start, sentence.end):
                continue
            left, right = a.clause_around(sentence, lo, hi)
            hits.append(
                Hit(
                    UNREALISTIC,
                    min(left, lo),
                    max(right, hi),
                    lo,
                    hi,
                    "warning",
                    f"Your research says the {m.group(0)} takes about {span_of(stated)}: "
                    "finishing it this much sooner sounds out of touch with how it runs.",
                    "Say you will complete it on the usual timetable and what you will "
                    "take on alongside it.",
                    "realism.programme",
                )
            )
            break
    return hits
