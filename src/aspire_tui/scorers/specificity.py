"""Specificity: a named target role, skills, credentials, time frames and next steps, both a
long-range aspiration and nearer goals that lead to it (DOMAIN: "Aspirations are not goals",
"Each of these is concrete"). Vague talk, buzzwords, hedging and length are flagged here."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..hookspecs import hookimpl
from ..models import ScoreResult
from ..scorer import ScoreContext, Scorer, finding
from .common import clamp, findings_from_hits, serious
from .pitfalls import BUZZ, HEDGE, UNCERTAIN, VAGUE
from .realism_ladder import ANY_TITLE
from .text import Analysis

if TYPE_CHECKING:
    from ..models import Finding

#: DOMAIN "Length": 60-90 s spoken is the usual advice; under ~30 words sounds dismissive,
#: over ~320 (two minutes) rambles; 50-70 word answers can still be strong.
USUAL_MIN, USUAL_MAX = 130, 240
DISMISSIVE, RAMBLING = 30, 320

_LONG_RANGE = re.compile(
    r"\b(?:long(?:er)?[\s-]term|further\s+out|five[\s-]year|(?:in|within|by)\s+(?:five|ten|\d+)\s+years"
    r"|years\s+out|ultimately|eventually|long\s+run)\b",
    re.I,
)
_NEAR = re.compile(
    r"\b(?:initially|to\s+start\s+with|early\s+on|at\s+first|in\s+the\s+short\s+term|short[\s-]term"
    r"|(?:my|the)\s+first\s+(?:rotation|project|assignment|placement|step|goal|priority)"
    r"|next\s+step|this\s+year|next\s+year|right\s+now|straight\s+away)\b",
    re.I,
)
_CREDENTIAL = re.compile(
    r"\b(?:certificat\w+|certification|certified|degree|diploma|master'?s|mba|phd|course|exam"
    r"|licen[cs]e|qualification|enrolled|bootcamp|chartered|chartership|accredit\w*|registered"
    r"|qualified|[A-Z]{2,}[-\s]?\d{2,})\b",
)
_ROLE_WORDS = re.compile(
    r"\b(?:be|become|becoming|as|into)\s+(?:an?\s+|the\s+)?(?:[A-Za-z-]+\s+){0,3}"
    r"(?:analyst|designer|engineer|developer|nurse|educator|manager|lead|architect|scientist|"
    r"consultant|specialist|director|head|officer|researcher|planner|teacher|instructor|"
    r"writer|editor|accountant|strategist|coordinator|supervisor|owner|partner|expert|"
    r"chartered|qualified|registered)\b",
    re.I,
)
_STEP = re.compile(
    r"\b(?:I'd\s+(?:like|love|want|aim|plan|hope)\s+to|I\s+(?:want|plan|aim|intend|hope)\s+to|I'?m\s+"
    r"(?:enrolled|doing|taking|studying|halfway|planning|working\s+on|building|learning|aiming"
    r"|going\s+to)|I'll\b|I\s+will\b|my\s+(?:plan|focus|goal|aim)\s+(?:is|would\s+be))",
    re.I,
)
_PROPER = re.compile(r"(?<![.!?]\s)(?<!^)(?<!\n)\b(?:[A-Z][a-z]+|[A-Z]{2,}[\w-]*)\b")


class SpecificityScorer(Scorer):
    id = "specificity"
    title = "Specificity"
    description = (
        "A named target role, skills, credentials, time frames, numbers and next steps; "
        "a long-range aspiration backed by nearer goals. Flags vague words and hedges."
    )

    def score(self, ctx: ScoreContext) -> ScoreResult:
        a = ctx.analysis
        text = ctx.text
        hits = [h for h in a.hits if h.kind in (VAGUE, BUZZ, UNCERTAIN, HEDGE)]
        findings = findings_from_hits(hits)
        if not text.strip():
            return ScoreResult(score=0.0, summary="Nothing written yet.", findings=findings)
        frames = a.time_frames
        has_near = any(f.years <= 2 for f in frames) or bool(_NEAR.search(text))
        has_long = any(f.years >= 3 for f in frames) or bool(_LONG_RANGE.search(text))
        has_role = bool(_ROLE_WORDS.search(text)) or bool(ANY_TITLE.search(a.lowered))
        has_credential = bool(_CREDENTIAL.search(text))
        proper = {m.group() for m in _PROPER.finditer(text)} - {"I", "I'd", "I'm", "I've", "I'll"}
        steps = len(_STEP.findall(text))
        concrete = len(frames) + len(proper) + len(re.findall(r"\b\d", text))
        score = (
            10
            + 18 * has_long
            + 14 * has_near
            + 14 * has_role
            + 8 * has_credential
            + min(24.0, 3.0 * concrete)
            + min(12.0, 4.0 * steps)
        )
        vague = serious(h for h in hits if h.kind == VAGUE)
        buzz = serious(h for h in hits if h.kind == BUZZ)
        unsure = serious(h for h in hits if h.kind in (UNCERTAIN, HEDGE))
        score -= (
            min(40.0, 10.0 * len(vague)) + min(40.0, 6.0 * len(buzz)) + min(36.0, 7.0 * len(unsure))
        )
        length = _length_finding(a)
        if length is not None:
            findings.append(length)
        if a.words < DISMISSIVE:
            score = min(score, 25.0 * a.words / DISMISSIVE)

        if buzz and len(buzz) >= len(vague):
            summary = "Reads like a job ad: swap buzzwords for what you would actually do."
        elif vague:
            summary = "Too vague: name the role, skill or time frame you mean."
        elif unsure:
            summary = "No clear direction yet: state the aspiration and one step toward it."
        elif has_long and has_near and has_role:
            summary = "Concrete: a named target, nearer goals and time frames."
        else:
            missing = [
                n
                for n, ok in (
                    ("a long-range aim", has_long),
                    ("a nearer goal", has_near),
                    ("a target role", has_role),
                )
                if not ok
            ]
            summary = f"Add {', '.join(missing)} to make it concrete."
        return ScoreResult(score=clamp(score), summary=summary, findings=findings)


def _length_finding(a: Analysis) -> Finding | None:
    """Length as a spoken answer. The message names the range, not the running count, so
    it stays the same while the user types (the count is shown beside the overall score)."""
    text, n = a.text, a.words
    if n == 0:
        return None
    if n < DISMISSIVE:
        return finding(
            0,
            len(text),
            "warning",
            f"Under {DISMISSIVE} words: an answer this short sounds dismissive.",
            "Add the role you are aiming for, one step toward it, and why here.",
            kind="length",
        )
    if n < USUAL_MIN:
        return finding(
            0,
            0,
            "info",
            f"Shorter than the usual 60-90 seconds ({USUAL_MIN}-{USUAL_MAX} words): fine if "
            "every sentence carries weight.",
            "Consider adding one more step or an example.",
            kind="length",
        )
    if n > USUAL_MAX:
        # Point at the word where the answer passes the limit, not at all that follows.
        limit = RAMBLING if n > RAMBLING else USUAL_MAX
        word = a.word_matches[limit]
        long = (
            "past two minutes spoken, it rambles"
            if n > RAMBLING
            else ("past 90 seconds spoken, it runs long")
        )
        return finding(
            word.start(),
            word.end(),
            "warning" if n > RAMBLING else "suggestion",
            f"From here on the answer is {long}.",
            "Keep the aspiration, one or two goals and why here; cut the rest.",
            kind="length",
        )
    return None


@hookimpl
def aspire_scorers() -> list[Scorer]:
    return [SpecificityScorer()]
