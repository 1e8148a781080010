"""Commitment: will the candidate stay a reasonable time and grow here? (DOMAIN: "staying
power", "Growing here, not elsewhere".) A denial ("I'm not looking for a stepping stone")
counts for the candidate, not against."""

from __future__ import annotations

import re

from ..hookspecs import hookimpl
from ..models import ScoreResult
from ..scorer import ScoreContext, Scorer
from .common import clamp, findings_from_hits, serious
from .fastre import WordPattern
from .pitfalls import FLIGHT, UNCERTAIN

#: Ways of saying "I want to grow here and stay".
STAY_RE = WordPattern(
    r"""\b(?:here\b|with\s+(?:you|the\s+team|this\s+team)\b|grow\w*\s+(?:with|into|here)|stay(?:ing)?\b(?!\s+current)
    |long[\s-](?:term|run|haul)|for\s+years|years\s+to\s+come|build\w*\s+(?:my|a)\s+career|put\s+down\s+roots
    |(?:not|no)\s+(?:going\s+anywhere|hurry\s+to\s+leave|looking\s+to\s+(?:leave|move|jump))|loyal\w*
    |promot\w+\s+from\s+(?:within|inside)|rest\s+of\s+my\s+career|next\s+(?:five|ten|\d+|few|several)\s+years
    |(?:still\s+)?be\s+here|earn(?:ed)?\s+(?:it|that)|here\s+than)""".replace("\n", " "),
    re.IGNORECASE | re.VERBOSE,
)


class CommitmentScorer(Scorer):
    id = "commitment"
    title = "Commitment"
    description = (
        "Staying and growing here against flight risk: own business, stepping stone, "
        "competitor, full-time study, a short stay built into the plan."
    )

    def score(self, ctx: ScoreContext) -> ScoreResult:
        a = ctx.analysis
        flight = a.hits_of(FLIGHT)
        uncertain = serious(a.hits_of(UNCERTAIN))
        company = ctx.profile.company.strip().lower()
        stays = len(list(STAY_RE.for_text(a.word_starts).finditer(a.lowered)))
        if company and company.split()[0] in ctx.text.lower():
            stays += 1
        score = 62 + min(30, 8 * stays)
        errors = [h for h in flight if h.severity == "error"]
        score -= 20 * (len(flight) - len(errors))
        if errors:  # a stated plan to leave outweighs any number of kind words about staying
            score = min(score - 35 * len(errors), 30)
        score -= min(35, 9 * len(uncertain))
        if not ctx.text.strip():
            score = 0
        findings = findings_from_hits(flight)
        if flight:
            summary = "Points out of the door: the plan leads away from this company."
        elif uncertain:
            summary = "Unsure whether this is the path for you; commitment is hard to read."
        elif stays >= 2:
            summary = "Shows you want to stay and grow here."
        else:
            summary = "Neutral: say that you see yourself growing here."
        return ScoreResult(score=clamp(score), summary=summary, findings=findings)


@hookimpl
def aspire_scorers() -> list[Scorer]:
    return [CommitmentScorer()]
