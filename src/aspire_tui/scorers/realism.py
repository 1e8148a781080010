"""Realism: ambition against the career stage and the time frame; promises no one can keep.
(DOMAIN: "Unrealistic ambition"; "Realism depends on the career stage and time frame".)"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..hookspecs import hookimpl
from ..models import ScoreResult
from ..scorer import ScoreContext, Scorer
from .common import clamp, findings_from_hits, plural
from .hits import UNREALISTIC
from .ladder import any_title
from .lexicon import table

if TYPE_CHECKING:
    from .analysis import Analysis


class RealismScorer(Scorer):
    id = "realism"
    title = "Realism"
    description = (
        "Ambition measured against your career stage and the years you state; guarantees "
        "and hyperbole no one can deliver."
    )

    def score(self, ctx: ScoreContext) -> ScoreResult:
        hits = ctx.analysis.hits_of(UNREALISTIC)
        a = ctx.analysis
        score = 92.0 + _pace(a)
        for i, _ in enumerate(hits):
            score -= 28 if i == 0 else 12
        if not ctx.text.strip():
            return ScoreResult(score=0.0, summary="Nothing written yet.")
        if hits:
            stage = ctx.profile.career_stage
            article = "an" if stage[:1] in "aeiou" else "a"
            summary = (
                f"Overreaches for {article} {stage}-stage candidate: "
                f"{plural(len(hits), 'claim')} to temper."
            )
        elif not a.time_frames:
            summary = "No time frame given, so nothing to judge the pace of your plan by."
        elif any_title(a):
            summary = "The step you name fits the time you give it at your stage."
        else:
            summary = "No target title to judge; the time frames you give are believable."
        return ScoreResult(score=clamp(score), summary=summary, findings=findings_from_hits(hits))


def _pace(a: Analysis) -> float:
    """A few points for a plan told step by step, a few off for one told in a rush: two
    plans with nothing to temper are not equally believable (`[realism_pace]`)."""
    t = table("realism_pace")
    m = a.matches
    up = min(float(t.get("most_up", 6.0)), float(t.get("per_pacing", 1.5)) * len(m.all("pacing")))
    down = min(float(t.get("most_down", 12.0)), float(t.get("per_rush", 2.5)) * len(m.all("rush")))
    return up - down


@hookimpl
def aspire_scorers() -> list[Scorer]:
    return [RealismScorer()]
