"""Commitment: will the candidate stay a reasonable time and grow here? (DOMAIN: "staying
power", "Growing here, not elsewhere".) A denial ("I'm not looking for a stepping stone")
counts for the candidate, not against."""

from __future__ import annotations

from ..hookspecs import hookimpl
from ..models import ScoreResult
from ..scorer import ScoreContext, Scorer
from .common import clamp, findings_from_hits, serious, weight_of
from .hits import FLIGHT, MONEY, UNCERTAIN
from .lexicon import table

#: points off for indecision: the first sign, each further one, and at most
UNSURE_FIRST, UNSURE_MORE, UNSURE_MOST = 12.0, 4.0, 24.0


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
        stays = len(a.matches.all("stay"))
        if company and company.split()[0] in a.text.lower():  # the part read
            stays += 1
        pull = table("commitment_pull")
        taking = min(
            float(pull.get("most_off", 12.0)),
            float(pull.get("per_taking", 3.0)) * len(a.matches.all("taking")),
        )
        score = 62 + min(30, 8 * stays) - taking
        errors = [h for h in flight if h.severity == "error"]
        warnings = len(flight) - len(errors)
        if warnings:  # one sign of leaving costs most; more of them confirm it
            score -= 30 + 15 * (warnings - 1)
        if errors:  # a stated plan to leave outweighs any number of kind words about staying
            score = min(score - 35 * len(errors), 30)
        score -= weight_of(len(uncertain), UNSURE_FIRST, UNSURE_MORE, UNSURE_MOST)
        money = serious(a.hits_of(MONEY))
        money_first = any(h.severity == "error" for h in money)
        # pay as the reason to come is pay as the reason to go: each mention of it weighs,
        # and pay put first weighs most
        score -= min(24, 12 * len(money)) + 10 * money_first
        if not ctx.text.strip():
            return ScoreResult(score=0.0, summary="Nothing written yet.")
        findings = findings_from_hits(flight)
        if flight:
            summary = "Points out of the door: the plan leads away from this company."
        elif money_first:
            summary = "Pay is the reason given for coming, so it reads as the reason to leave."
        elif money:
            summary = "Pay comes up as a reason, and a reason to come is a reason to leave."
        elif uncertain:
            summary = "Unsure whether this is the path for you; commitment is hard to read."
        elif stays >= 2:
            summary = "Says you want to stay and grow here."
        else:
            summary = "Neutral: say that you see yourself growing here."
        return ScoreResult(score=clamp(score), summary=summary, findings=findings)


@hookimpl
def aspire_scorers() -> list[Scorer]:
    return [CommitmentScorer()]
