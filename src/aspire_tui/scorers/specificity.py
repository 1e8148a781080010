"""Specificity: a named target role, skills, credentials, time frames and next steps, both a
long-range aspiration and nearer goals that lead to it (DOMAIN: "Aspirations are not goals",
"Each of these is concrete"). Vague talk, buzzwords, hedging and length are flagged here."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..hookspecs import hookimpl
from ..models import ScoreResult
from ..scorer import ScoreContext, Scorer, finding
from .analysis import Analysis
from .common import clamp, findings_from_hits, serious, weight_of
from .compiled import compile_pattern
from .hits import BUZZ, HEDGE, UNCERTAIN, VAGUE
from .ladder import any_title

if TYPE_CHECKING:
    from ..models import Finding

#: DOMAIN "Length": 60-90 s spoken is the usual advice; under ~30 words sounds dismissive,
#: over ~320 (two minutes) rambles; 50-70 word answers can still be strong.
USUAL_MIN, USUAL_MAX = 130, 240
DISMISSIVE, RAMBLING = 30, 320

_PROPER = compile_pattern(r"(?<![.!?]\s)(?<!^)(?<!\n)\b(?:[A-Z][a-z]+|[A-Z]{2,}[\w-]*)\b")
_ROLE_AFTER = compile_pattern(
    r"\b(?:be|become|becoming|as|into|a|an)\s+(?:[a-z-]+\s+){0,3}$",
)


def aspiration_facts(a: Analysis) -> tuple[bool, bool, bool, bool, int]:
    """(long-range aim, nearer goal, target role, credential, aims stated) in the draft.

    A role or project the candidate says they aim at is itself a long-range aim, whatever
    the verb: "my target is to secure a head of operations role", "I see myself leading
    the design of a wetland scheme"."""
    m = a.matches
    frames = a.time_frames
    aims = m.followed("aim", "role_noun", 8) + m.followed("aim", "anchor", 8)
    titled = any_title(a)
    named_role = titled or any(
        _ROLE_AFTER.search(a.lowered[max(0, r.start() - 40) : r.start()])
        for r in m.all("role_noun")
    )
    has_long = any(f.years >= 3 for f in frames) or bool(m.all("long_range")) or aims > 0
    has_near = any(f.years <= 2 for f in frames) or bool(m.all("near_term"))
    return has_long, has_near, named_role, bool(m.all("credential")), aims


#: points off for indecision: the first sign, each further one, and at most
UNSURE_FIRST, UNSURE_MORE, UNSURE_MOST = 10.0, 4.0, 24.0


class SpecificityScorer(Scorer):
    id = "specificity"
    title = "Specificity"
    description = (
        "A named target role, skills, credentials, time frames, numbers and next steps; "
        "a long-range aspiration backed by nearer goals. Flags vague words and hedges."
    )

    def score(self, ctx: ScoreContext) -> ScoreResult:
        a = ctx.analysis
        text = a.text  # the part that is read: all of any real answer
        hits = [h for h in a.hits if h.kind in (VAGUE, BUZZ, UNCERTAIN, HEDGE)]
        findings = findings_from_hits(hits)
        if not text.strip():
            return ScoreResult(score=0.0, summary="Nothing written yet.", findings=findings)
        frames = a.time_frames
        has_long, has_near, has_role, has_credential, aims = aspiration_facts(a)
        has_role = has_role or aims > 0  # "the projects I aim to lead" is a target too
        proper = {m.group() for m in _PROPER.finditer(text)} - {"I", "I'd", "I'm", "I've", "I'll"}
        steps = len(a.matches.all("aim"))
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
        score -= min(40.0, 10.0 * len(vague)) + min(40.0, 6.0 * len(buzz))
        score -= weight_of(len(unsure), UNSURE_FIRST, UNSURE_MORE, UNSURE_MOST)
        length = _length_finding(a)
        if length is not None:
            findings.append(length)
        unread = _unread_finding(a)
        if unread is not None:
            findings.append(unread)
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


def _unread_finding(a: Analysis) -> Finding | None:
    """A draft past the limits of `Analysis` (10,000 words, say) is read only up to them:
    say so once, at the first word that is not read, so that no one takes silence on the
    rest for approval."""
    if a.unread is None:
        return None
    start, end = a.unread
    return finding(
        start,
        end,
        "info",
        f"Feedback covers the first {a.words:,} {'word' if a.words == 1 else 'words'}; "
        f"an answer is ~200 words ({USUAL_MIN}-{USUAL_MAX} spoken in 60-90 seconds).",
        "Keep the aspiration, one or two goals and why here; cut the rest.",
        kind="length",
    )


@hookimpl
def aspire_scorers() -> list[Scorer]:
    return [SpecificityScorer()]
