"""A place named as where the candidate will live or work next.

"We want to be in Spain by thirty", "after that we plan to shift to Canada": a coach hears
that the candidate's future is somewhere this job is not (DOMAIN: "Growing here, not
elsewhere"). The places and the verbs of being somewhere are data
(`knowledge/places.toml`); a place the research names (a base, a new site) is this job's.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .compiled import compile_pattern
from .hits import FLIGHT, Hit

if TYPE_CHECKING:
    from .analysis import Analysis

# the company's plan, not the candidate's: "your clients in Germany", "the Berlin office"
_THEIRS = compile_pattern(
    r"\b(?:you're|you are|your|our|the company|the firm|the group|they're|we're opening|expan\w+"
    r"|open\w*|launch\w*|office|site|branch|clients?|customers?|market"
    r"|(?<!it )(?<!this )(?<!that )(?<!remotely )from)\W+(?:[\w-]+\W+){0,2}$"
)
_AFTER = compile_pattern(
    r"\W*(?:office|site|branch|team|clients?|customers?|market|base|depot|with you|for you|here"
    r"|with (?:the|this) (?:company|firm|group|team))\b"
)

MESSAGE = (
    "Naming where you will live or work next places your future outside this job: the "
    "interviewer hears that you will leave."
)
SUGGESTION = "Keep the answer on what you will build and learn here."


def place_hits(a: Analysis, known: frozenset[str]) -> list[Hit]:
    from .detect import in_past, negated  # detect composes this module's hits

    m = a.matches
    places, verbs, future = m.of("place_name"), m.of("place_verb"), m.of("future")
    hits: list[Hit] = []
    for i, sentence in enumerate(a.sentences):
        if not places[i] or not future[i] or not verbs[i]:
            continue
        for p in places[i]:
            said = a.text[p.start() : p.end()]
            if p.start() == sentence.start or not any(c.isupper() for c in said):
                continue  # a name is written with a capital, and not only as a sentence opens
            if set(re.findall(r"[\w'-]+", said.lower())) - {"the"} <= known:
                continue  # a place the research names is part of this job
            before = a.lowered[max(sentence.start, p.start() - 30) : p.start()]
            if _THEIRS.search(before) or _AFTER.match(a.lowered, p.end()):
                continue
            if not any(
                v.end() <= p.start() and a.word_gaps(sentence).between(v.end(), p.start()) <= 4
                for v in verbs[i]
            ):
                continue
            if in_past(a, sentence, p.start()) or negated(a, sentence, p.start()):
                continue
            left, right = a.clause_around(sentence, p.start(), p.end())
            hits.append(
                Hit(FLIGHT, left, right, p.start(), p.end(), "warning", MESSAGE, SUGGESTION,
                    "flight.place")
            )  # fmt: skip
            break
    return hits
