"""Keyword stuffing: an answer that recites the job description instead of saying what the
candidate wants. It matches many words and so would look aligned; the engine caps it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .hits import BUZZ
from .vocabulary import vocabulary, weak_stems

if TYPE_CHECKING:
    from .analysis import Analysis

#: Share of the answer's meaningful words taken from the job description: with buzzwords,
#: and (higher) without any time frame.
DENSITY = 0.35
RECITAL = 0.6
#: Buzzwords per 100 words that mark a recital rather than a plan.
BUZZ_PER_100 = 4.0


def keyword_density(analysis: Analysis) -> float:
    jd = vocabulary(analysis.profile).jd_stems
    weak = weak_stems()
    words = [s for _, s in analysis.tokens if s not in weak]
    if not words or not jd:
        return 0.0
    return sum(1 for s in words if s in jd) / len(words)


def buzz_rate(analysis: Analysis) -> float:
    return 100 * len(analysis.hits_of(BUZZ)) / max(analysis.words, 1)


def stuffed(analysis: Analysis) -> bool:
    """A recital: the job's words padded with buzzwords, or a list of them with no plan in
    time. A real plan in a jargon-heavy field reuses the job's words too, but says when."""
    if analysis.words < 30 or vocabulary(analysis.profile).empty:
        return False
    density = keyword_density(analysis)
    if density >= RECITAL and not analysis.time_frames:
        return True
    return density >= DENSITY and buzz_rate(analysis) >= BUZZ_PER_100
