"""Realism against the career stage and the time frame (DOMAIN: "Unrealistic ambition").

A target title sits on a ladder; each rung takes a few years. A target is out of touch when
the years stated are well short of what the rungs between the candidate's stage and the
target usually take. Sweeping change promised within months is out of touch at any stage.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from .fastre import lower, lower_pattern
from .text import Span, TimeFrame, clause_around

if TYPE_CHECKING:
    from .pitfalls import Hit
    from .text import Analysis

#: Usual years to climb one rung, and the share of it below which a plan sounds out of touch.
YEARS_PER_RUNG = 3.0
TOO_FAST = 0.6
#: Sweeping change promised within this many years sounds out of touch.
SWEEP_HORIZON = 0.5


LADDER: tuple[tuple[float, str], ...] = (
    (7, r"\b(?:chief\s+\w+(?:\s+officer)?|c[\s-]?suite|CEO|CTO|CFO|COO|CIO|CMO|CPO"
        r"|president|managing\s+director|(?:a\s+)?board\s+(?:member|seat)"
        r"|run(?:ning)?\s+(?:this|the)\s+(?:place|company|business|show|organi[sz]ation))\b"),
    (6, r"\b(?:VP|vice[\s-]president|SVP|EVP|executive\s+director|general\s+manager"
        r"|district\s+(?:role|director|manager)|regional\s+director"
        r"|(?:make|made|become|be)\s+(?:a\s+)?partner|partner\s+(?:at|in)\s+the\s+(?:firm|practice))\b"),
    (5, r"\b(?:director|head\s+of|senior\s+manager|take\s+over\s+(?:the|this|your)\s+(?:\w+\s+)?"
        r"(?:department|directorate|division|function|team)|run(?:ning)?\s+the\s+(?:\w+\s+)?"
        r"(?:function|department|division|practice)|lead(?:ing)?\s+the\s+(?:whole|entire)\b)"),
    (4, r"\b(?:manager|manag(?:e|ing)\s+(?:a|the|my)\s+(?:\w+\s+)?team)\b"),
    (3, r"\b(?:lead|team\s+lead|lead(?:ing)?\s+(?:a|the|my)\s+(?:[\w-]+\s+){0,2}team"
        r"|supervisor|principal|architect|staff\s+engineer)\b"),
    (2, r"\bsenior\b"),
)  # fmt: skip

#: The rung a candidate stands on at each career stage.
STAGE_RUNG = {"entry": 1.0, "changer": 1.0, "mid": 2.0, "senior": 3.5, "executive": 5.5}

_SWEEP = re.compile(
    r"\b(?:whole|entire|all\s+(?:your|the|of)|across\s+all|every|from\s+scratch|double|triple"
    r"|halve|zero|completely|entirely|overhaul|rebuild|transform|eliminate|fix\s+(?:it|everything)"
    r"|everything|reorgani[sz]\w*|restructur\w*)\b",
)  # these run on lower-cased text, which `re` scans faster than with IGNORECASE


_SOMEONE_ELSES = re.compile(
    r"(?:\b(?:your|our|their|his|her|my)\s+(?:current\s+|new\s+|own\s+)?|\bwith\s+(?:the|a)\s+)$",
)


ANY_TITLE = re.compile(lower_pattern("|".join(f"(?P<r{i}>{p})" for i, (_, p) in enumerate(LADDER))))


def _target_rung(text: str) -> tuple[float, re.Match[str]] | None:
    """The highest title the candidate aims at in lower-cased `text`; others' don't count."""
    best: tuple[float, re.Match[str]] | None = None
    for m in ANY_TITLE.finditer(text):
        rung = LADDER[int((m.lastgroup or "r0")[1:])][0]
        if best is not None and rung <= best[0]:
            continue
        possessive = text[m.end() : m.end() + 2] in ("'s", "’s")
        if not possessive and not _SOMEONE_ELSES.search(text[: m.start()]):
            best = (rung, m)
    return best


def realism_hits(analysis: Analysis) -> list[Hit]:
    from .pitfalls import UNREALISTIC, Hit

    stage_rung = STAGE_RUNG.get(analysis.profile.career_stage, 2.0)
    applied = _target_rung(lower(analysis.profile.role))
    if applied:  # the job applied for is the plan, not a leap
        stage_rung = max(stage_rung, applied[0])
    hits: list[Hit] = []
    all_frames = analysis.time_frames
    frame_starts = [f.start for f in all_frames]
    for sentence in analysis.sentences:
        lo = bisect_left(frame_starts, sentence.start)
        hi = bisect_left(frame_starts, sentence.end)
        frames = all_frames[lo:hi]
        if not frames:
            continue
        for part in _parts(sentence):
            found = _target_rung(analysis.lowered[part.start : part.end])
            if not found:
                continue
            rung, m = found
            steps = rung - stage_rung
            frame = _nearest(frames, part.start + m.start())
            if steps <= 0 or frame.years >= steps * YEARS_PER_RUNG * TOO_FAST:
                continue
            start = min(part.start + m.start(), frame.start)
            end = max(part.start + m.end(), frame.end)
            left, right = clause_around(sentence, start, end)
            hits.append(
                Hit(
                    UNREALISTIC,
                    left,
                    right,
                    start,
                    end,
                    "warning",
                    f"Too far, too fast for your career stage ({analysis.profile.career_stage}): "
                    f"that step usually takes about {round(steps * YEARS_PER_RUNG)} years.",
                    "Name the next rung and what you will learn on it; keep the bigger title "
                    "as a direction, not a deadline.",
                )
            )
        sweep = _SWEEP.search(analysis.lowered[sentence.start : sentence.end])
        short = [f for f in frames if f.years <= SWEEP_HORIZON]
        if sweep and short:
            frame = _nearest(short, sentence.start + sweep.start())
            start = min(sentence.start + sweep.start(), frame.start)
            end = max(sentence.start + sweep.end(), frame.end)
            left, right = clause_around(sentence, start, end)
            hits.append(
                Hit(
                    UNREALISTIC,
                    min(left, start),
                    max(right, end),
                    start,
                    end,
                    "warning",
                    "Sweeping change promised within months sounds out of touch with how "
                    "organisations work.",
                    "Promise to learn the system first, then name one improvement you would "
                    "aim for.",
                )
            )
    return hits


def _parts(sentence: Span) -> list[Span]:
    """A sentence split at ';' and ' and then ', so two targets are judged separately."""
    out: list[Span] = []
    pos = 0
    for m in re.finditer(r";|\band\s+then\b|,\s+(?:then|and)\b", sentence.text):
        out.append(
            Span(sentence.start + pos, sentence.start + m.start(), sentence.text[pos : m.start()])
        )
        pos = m.end()
    out.append(Span(sentence.start + pos, sentence.end, sentence.text[pos:]))
    return out


def _nearest(frames: list[TimeFrame], pos: int) -> TimeFrame:
    return min(frames, key=lambda f: min(abs(f.start - pos), abs(f.end - pos)))
