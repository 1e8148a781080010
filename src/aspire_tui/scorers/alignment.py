"""Alignment: does what the candidate wants line up with what this company needs from this
role, now and as it grows? (DOMAIN: "Why it is asked: fit"; preparation steps 1 to 4.)"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from ..hookspecs import hookimpl
from ..models import ScoreResult
from ..scorer import ScoreContext, Scorer, finding
from .common import clamp, findings_from_hits, serious
from .compiled import compile_pattern
from .hits import MONEY
from .text import GENERIC, WORD_RE, tokens_of
from .vocabulary import Item, Vocabulary, concept_of, vocabulary

if TYPE_CHECKING:
    from ..models import Finding

#: Words that point the answer at this company rather than any employer.
_HERE = compile_pattern(
    r"\b(?:here|your\s+(?!own\b)\w+|you'(?:re|ve|d)|with\s+you|this\s+(?:role|team|company|job|ward|unit|studio|position))\b",
    re.I,
)


class AlignmentScorer(Scorer):
    id = "alignment"
    title = "Alignment"
    description = (
        "Ties the aspiration to this role and company: the job description's key tasks and "
        "skills, the company's plans and culture, and your own strengths."
    )

    def score(self, ctx: ScoreContext) -> ScoreResult:
        a = ctx.analysis
        vocab = vocabulary(ctx.profile)
        money = a.hits_of(MONEY)
        findings: list[Finding] = findings_from_hits(money)
        if vocab.empty:
            return ScoreResult(
                score=50.0,
                summary="No research in the profile yet: add the job description to judge fit.",
                findings=findings,
            )
        fit = measure_fit(a.text, vocab, a.tokens)  # the part read: all of any real answer
        base = (
            30 * min(1.0, fit.precision / 0.45)
            + 20 * min(1.0, fit.amount / 15)
            + 10 * fit.coverage
            + 30 * fit.named
            + 10 * fit.plans
        )
        # indecision is judged once, by specificity and commitment: a candidate unsure of
        # the next step may still aim squarely at this job
        score = clamp(base - min(45.0, 12.0 * len(serious(money))))

        tasks = [i for i in vocab.requirements if i.task]
        landed = [i for i in tasks if i in fit.touched]
        missing = sorted(
            (i for i in vocab.requirements if i.task and i not in fit.touched),
            key=lambda i: -i.emphasis,
        )
        if ctx.text.strip():
            for item in missing[:2]:
                findings.append(
                    finding(
                        len(ctx.text),
                        len(ctx.text),
                        "suggestion",
                        f'The job description asks for "{_quoted(item.label)}"; '
                        "your answer never touches it.",
                        "Link one of your goals to it, if it is true for you.",
                        kind="missing",
                    )
                )
            if not fit.named:
                findings.append(
                    finding(
                        len(ctx.text),
                        len(ctx.text),
                        "suggestion",
                        f"Nothing ties the answer to {ctx.profile.company or 'this company'}.",
                        "Say how your aim serves where the company is heading.",
                        kind="missing",
                    )
                )
        total = len(tasks)
        if money and serious(money):
            summary = "Money comes before fit: say how this job moves you along your path."
        elif score >= 70:
            summary = f"Fits the role: touches {len(landed)} of {total} key tasks of the job."
        elif score >= 45:
            summary = f"Partly aligned: touches {len(landed)} of {total} key tasks of the job."
        else:
            summary = "Little of this answer ties to the job or the company's plans."
        return ScoreResult(score=score, summary=summary, findings=findings)


class Fit:
    """How much of the draft speaks the job's language, and which requirements it touches."""

    def __init__(self) -> None:
        self.precision = 0.0
        self.amount = 0.0
        self.coverage = 0.0
        self.named = 0.0
        self.plans = 0.0
        self.strengths = 0.0
        self.touched: set[Item] = set()


def measure_fit(text: str, vocab: Vocabulary, tokens: list[tuple[str, str]] | None = None) -> Fit:
    fit = Fit()
    if tokens is None:
        tokens = tokens_of(list(WORD_RE.finditer(text)))
    stems: set[str] = set()
    total = matched = 0.0
    for w, s in tokens:
        if w in GENERIC:
            continue
        stems.add(s)
        total += 1
        if s in vocab.weights:
            matched += vocab.weights[s]
        elif (c := concept_of(s)) and c in vocab.concepts:
            matched += 0.5
    concepts = {c for s in stems if (c := concept_of(s))}
    fit.precision = matched / total if total else 0.0
    # fsum: a set's order changes from run to run, and the score must not
    fit.amount = math.fsum(vocab.weights.get(s, 0.0) for s in stems) + 0.5 * len(
        {concept_of(s) for s in stems if s not in vocab.weights} & vocab.concepts
    )
    fit.touched = {i for i in vocab.requirements if _touches(i, stems, concepts)}
    if vocab.requirements:
        fit.coverage = min(1.0, len(fit.touched) / max(1.0, 0.6 * len(vocab.requirements)))
    lowered = text.lower()
    refs = sum(lowered.count(n.lower()) for n in vocab.names[:1]) or sum(
        lowered.count(n.lower()) for n in vocab.names[1:]
    )
    fit.named = min(1.0, (2 * refs + len(_HERE.findall(text))) / 4)
    fit.plans = min(1.0, len(vocab.plans & stems) / 3)
    fit.strengths = 1.0 if any(_touches(i, stems, concepts) for i in vocab.strengths) else 0.0
    return fit


def _touches(item: Item, stems: set[str], concepts: set[str]) -> bool:
    return len(item.stems & stems) + 0.5 * len(item.concepts & concepts) >= 1.5


@hookimpl
def aspire_scorers() -> list[Scorer]:
    return [AlignmentScorer()]


def _quoted(label: str, most: int = 8) -> str:
    """A requirement quoted in a message: its first words, enough to recognise it."""
    words = label.split()
    return " ".join(words[:most]) + ("…" if len(words) > most else "")
