"""Realism: ambition against the career stage and the time frame; promises no one can keep.
(DOMAIN: "Unrealistic ambition"; "Realism depends on the career stage and time frame".)"""

from __future__ import annotations

from ..hookspecs import hookimpl
from ..models import ScoreResult
from ..scorer import ScoreContext, Scorer
from .common import clamp, findings_from_hits, plural
from .pitfalls import UNREALISTIC


class RealismScorer(Scorer):
    id = "realism"
    title = "Realism"
    description = (
        "Ambition measured against your career stage and the years you state; guarantees "
        "and hyperbole no one can deliver."
    )

    def score(self, ctx: ScoreContext) -> ScoreResult:
        hits = ctx.analysis.hits_of(UNREALISTIC)
        score = 92.0
        for i, _ in enumerate(hits):
            score -= 28 if i == 0 else 12
        if not ctx.text.strip():
            score = 0
        if hits:
            summary = (
                f"Overreaches for a {ctx.profile.career_stage}-stage candidate: "
                f"{plural(len(hits), 'claim')} to temper."
            )
        elif ctx.analysis.time_frames:
            summary = "Ambitious but believable for your stage and time frame."
        else:
            summary = "Nothing out of reach; no time frame to judge it by."
        return ScoreResult(score=clamp(score), summary=summary, findings=findings_from_hits(hits))


@hookimpl
def aspire_scorers() -> list[Scorer]:
    return [RealismScorer()]
