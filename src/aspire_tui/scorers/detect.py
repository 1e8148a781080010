"""A small engine that turns the coach's knowledge (`lexicon`) into hits, phrase by phrase.

Four rule types cover what the knowledge files ask for:
- `existence`: a phrase of a concept is the problem ("a stepping stone").
- `sequence`: one concept followed closely by another ("then" ... "move on"; "join" ...
  "a bigger firm"): the reasoning a coach does, neither half a problem alone.
- `tenure`: a concept followed by a time frame in a range ("stay" ... "eighteen months").
- `vague`: soft words whose severity depends on whether the sentence is concrete anyway.
Every type skips a phrase the candidate denies ("not a stepping stone"), and, unless the
rule says otherwise, one told in the past ("I worked for another firm").
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from . import ladder, places, programme
from .compiled import compile_pattern
from .hits import BUZZ, FLIGHT, HEDGE, MONEY, UNCERTAIN, VAGUE, Hit
from .lexicon import Rule, knowledge, table
from .matches import Blank, Matches
from .text import Span

if TYPE_CHECKING:
    from .analysis import Analysis

NEGATION = compile_pattern(
    r"\b(?:not|no|never|nor|without|than|instead|isn't|aren't|wasn't|don't|won't|wouldn't|"
    r"didn't|doesn't|can't|cannot|rather|avoid|n't)\b|n't\b",
    re.IGNORECASE,
)
_PAST = compile_pattern(
    r"\b(?:(?:i've|i have|i'd|i had) (?:worked|been(?! (?:planning|thinking|meaning|hoping|wanting|"
    r"saving|looking|talking|considering|weighing|speaking|dreaming|toying|itching|aiming)\b)|spent"
    r"|done|run|had(?! (?:my|an|our|half an) eyes? on)|managed|led)|i was|i spent"
    r"|i worked|i used to|i did|ago|previously|before this|back when|in my last|at my last"
    r"|my old|my previous|my last (?:job|role|employer)"
    r"|have been (?:working|doing|running|leading|managing|employed)|i moved|we moved"
    r"|i (?:completed|finished|graduated|studied|trained|qualified|left|joined|started|did|went"
    r"|spent|worked|returned|took|earned|gained|switched|retrained))\b"
)
_FIRST_PERSON = compile_pattern(r"\b(?:i|i'd|i'll|i'm|me|my|we|we'd|we'll|we're|our)\b")


def negated(a: Analysis, sentence: Span, start: int) -> bool:
    """A negation earlier in the same clause: "I'm not looking for a stepping stone".

    The first few phrases of a sentence search their clause. Past those, the sentence's
    negations are found once (`Analysis.negations`), and a clause holds one when the first
    negation starting in it ends by `start`: no negation spans a clause break, and `start`
    (where a phrase starts) is never inside a word, so the answer is the same."""
    clause_start, _ = a.clause_around(sentence, start, start)
    found = a.negations(sentence)
    if found is None:
        return bool(NEGATION.search(a.lowered[clause_start:start]))
    starts, ends = found
    i = bisect_left(starts, clause_start)
    return i < len(starts) and ends[i] <= start


def in_past(a: Analysis, sentence: Span, start: int) -> bool:
    """Told as what happened, not what is planned: "I spent two years at another firm"."""
    return bool(_PAST.search(a.lowered[max(sentence.start, start - 40) : start]))


def _hit(
    rule: Rule, a: Analysis, sentence: Span, start: int, end: int, severity: str | None = None
) -> Hit:
    left, right = a.clause_around(sentence, start, end)
    return Hit(
        rule.kind,
        min(left, start),
        max(right, end),
        start,
        end,
        severity or rule.severity,
        rule.message,
        rule.suggestion,
        rule.id,
    )


def _blocked(rule: Rule, a: Analysis, m: Matches, i: int, start: int) -> bool:
    sentence = a.sentences[i]
    if rule.negatable and negated(a, sentence, start):
        return True
    if not rule.past and in_past(a, sentence, start):
        return True
    if any(not m.of(r)[i] for r in rule.requires):
        return True
    return any(m.of(u)[i] for u in rule.unless)


def _a_name(a: Analysis, sentence: Span, start: int, end: int) -> bool:
    """Written with a capital inside a sentence: a name, such as "the Joint Commission".
    Capitals throughout are an acronym the phrase itself names ("RSUs", "OTE"), not a name."""
    said = a.text[start:end].rstrip("s")
    if said.isupper() and said.isalpha():
        return False
    return start > sentence.start and a.text[start].isupper() and a.text[start - 2] not in ".!?:"


def _existence(rule: Rule, a: Analysis, m: Matches) -> Iterator[Hit]:
    for concept in rule.match:
        for i, found in enumerate(m.of(concept)):
            for x in found:
                if not rule.names and _a_name(a, a.sentences[i], x.start(), x.end()):
                    continue
                if not _blocked(rule, a, m, i, x.start()):
                    yield _hit(rule, a, a.sentences[i], x.start(), x.end())


def _gap(a: Analysis, sentence: Span, start: int, end: int) -> int:
    """Words between two offsets of `sentence`, counted from an index of its words."""
    return a.word_gaps(sentence).between(start, end)


def _sequence(rule: Rule, a: Analysis, m: Matches) -> Iterator[Hit]:
    first, second = rule.match[0], rule.match[1]
    if not m.any(first):  # the rarer part first: most drafts never need the second
        return
    for i, found in enumerate(m.of(first)):
        later = m.of(second)[i]
        if not found or not later:
            continue
        starts = [y.start() for y in later]
        for x in found:
            # the first `second` that starts no earlier and ends later: jump to it rather
            # than walk past every earlier one, for each `first`
            j = bisect_left(starts, x.start())
            while j < len(later) and later[j].end() <= x.end():
                j += 1
            if j == len(later):
                continue
            y = later[j]
            if _gap(a, a.sentences[i], x.end(), y.start()) > rule.within:
                continue
            if rule.kind == FLIGHT and _YOURS.search(a.lowered, max(0, x.start() - 40), x.start()):
                continue  # "you're big enough to move the retailers": the company acts
            if not _blocked(rule, a, m, i, x.start()):
                yield _hit(rule, a, a.sentences[i], x.start(), y.end())


_YOURS = compile_pattern(
    r"\b(?:you(?:'re| are|'ll| will| can| could)|you've|your (?:team|company|firm))\s+"
    r"(?:(?!i\b|i'|we\b)[\w-]+\s+){0,4}$"
)
_NOT_A_LIMIT = compile_pattern(r"\b(?:at least|minimum|first|another|more|over|the next|every)\b")


def _tenure(rule: Rule, a: Analysis, m: Matches) -> Iterator[Hit]:
    frames = a.time_frames
    starts = [f.start for f in frames]
    for i, found in enumerate(m.of(rule.match[0])):
        sentence = a.sentences[i]
        for x in found:
            j = bisect_left(starts, x.end())
            frame = frames[j] if j < len(frames) and frames[j].end <= sentence.end else None
            if frame is not None and _gap(a, sentence, x.end(), frame.start) > rule.within:
                frame = None
            if frame is None and rule.before and j > 0:
                # "within ninety days I will have ... above 92 per cent": the time said first
                before = frames[j - 1]
                if (
                    before.start >= sentence.start
                    and before.end <= x.start()
                    and _gap(a, sentence, before.end, x.start()) <= rule.within
                ):
                    frame = before
            if frame is None or not rule.min_years <= frame.years <= rule.max_years:
                continue
            lo, hi = min(x.start(), frame.start), max(x.end(), frame.end)
            # "at least", "over" said of the time make it no limit; a time said first is
            # read on its own ("within ninety days I will have first-time fixes above 90%")
            first = frame.start < x.start()
            said = (max(sentence.start, lo - 12), frame.end) if first else (lo, hi)
            if _NOT_A_LIMIT.search(a.lowered[said[0] : said[1]]):
                continue
            if not _blocked(rule, a, m, i, x.start()):
                yield _hit(rule, a, sentence, lo, hi)


def _vague(rule: Rule, a: Analysis, m: Matches) -> Iterator[Hit]:
    primary = m.of(rule.match[0])
    for i, sentence in enumerate(a.sentences):
        found = list(primary[i])
        others = [x for c in rule.match[1:] for x in m.of(c)[i]]
        if not rule.names:
            found = [x for x in found if not _a_name(a, sentence, x.start(), x.end())]
            others = [x for x in others if not _a_name(a, sentence, x.start(), x.end())]
        if not found and not others:
            continue
        count = len(found) + len(others)
        spans = [x.span() for x in (*found, *others)]
        concrete = anchored(a, m, i, spans)
        serious = (rule.crowd and count >= rule.crowd) or (not concrete and count >= rule.min_count)
        severity = rule.severity if serious else rule.anchored
        if not severity:  # the rule says nothing of a sentence that is not serious
            continue
        for x in sorted((*found, *others) if serious else found, key=lambda x: x.start()):
            if rule.kind == BUZZ:  # a word, not a clause
                yield Hit(
                    rule.kind, x.start(), x.end(), x.start(), x.end(), severity,
                    rule.message, rule.suggestion, rule.id,
                )  # fmt: skip
            else:
                yield _hit(rule, a, sentence, x.start(), x.end(), severity)


_PROPER = compile_pattern(r"(?<![.!?]\s)(?<!^)\b(?:[A-Z][a-z]+|[A-Z]{2,}[\w-]*)\b")
_DIGIT = compile_pattern(r"\d")


def anchored(a: Analysis, m: Matches, i: int, blank: list[tuple[int, int]]) -> bool:
    """Whether sentence `i`, leaving out the spans in `blank`, names something concrete: a
    number, a name, a time frame, a credential, a project or a role. "As a professional" is
    no role: a role noun after "as a" names no target."""
    sentence = a.sentences[i]
    left_out = Blank(blank)

    def outside(start: int) -> bool:
        return not left_out.covers(start)

    text = sentence.text
    frames = a.frames_in(sentence.start, sentence.end)
    horizon = float(table("vague").get("horizon_years", 4.0))
    # the question's own horizon ("in five years", "5 years from now") is no step: only a
    # nearer time makes a sentence concrete
    echoes = Blank([(f.start, f.end) for f in frames if f.years >= horizon])
    if any(
        outside(at) and not echoes.covers(at)
        for at in (sentence.start + d.start() for d in _DIGIT.finditer(text))
    ):
        return True
    names = [p for p in _PROPER.finditer(text) if p.group() not in ("I", "I'd", "I'm", "I'll")]
    if any(
        outside(at) and not echoes.covers(at) for at in (sentence.start + p.start() for p in names)
    ):
        return True
    if any(outside(f.start) and f.years < horizon for f in frames):
        return True
    generic = [(x.start(), x.end()) for x in m.of("generic_role")[i]]
    return m.has("anchor", i, [*blank, *generic])


DETECTORS: dict[str, Callable[[Rule, Analysis, Matches], Iterator[Hit]]] = {
    "existence": _existence,
    "sequence": _sequence,
    "tenure": _tenure,
    "vague": _vague,
}


def find_hits(a: Analysis) -> list[Hit]:
    m = a.matches
    hits: list[Hit] = []
    stage = a.profile.career_stage
    for rule in knowledge().rules:
        if not rule.stages or stage in rule.stages:
            hits.extend(DETECTORS[rule.type](rule, a, m))
    hits.extend(_elsewhere_hits(a))
    hits.extend(ladder.realism_hits(a, m.of))
    hits.extend(programme.programme_hits(a))
    hits.extend(places.place_hits(a, _names_in_profile(a)))
    hits = [h for h in hits if not (h.kind == FLIGHT and _likened_to_here(a, h))]
    hits = _standing(hits)
    _escalate_hedges(hits, a.words, a.lowered)
    _escalate_money(hits, a)
    return dedupe(capped(hits))


def _standing(hits: list[Hit]) -> list[Hit]:
    """The hits that stand: those of a rule that `follows` a kind only beside a hit of that
    kind from a rule that does not."""
    follows = knowledge().follows
    if not follows or not any(h.rule in follows for h in hits):
        return hits
    told = {h.kind for h in hits if h.rule not in follows}
    return [h for h in hits if h.rule not in follows or follows[h.rule] in told]


#: Hits kept per rule: enough for any answer; a draft that repeats a phrase thousands of
#: times gets its first ones underlined, not thousands of findings.
HITS_PER_RULE = 100


def capped(hits: list[Hit], most: int = HITS_PER_RULE) -> list[Hit]:
    """`hits` with at most `most` per rule, the earliest in the draft, in the same order.

    Escalation (hedging throughout, money as the thread) is decided before the cap, on
    every hit, so a cut never changes how serious the rest are."""
    if len(hits) <= most:  # any answer: no rule can be over
        return hits
    by_rule: dict[str, list[int]] = {}
    for i, h in enumerate(hits):
        by_rule.setdefault(h.rule, []).append(i)
    over = [ix for ix in by_rule.values() if len(ix) > most]
    if not over:
        return hits
    dropped: set[int] = set()
    for ix in over:
        ix.sort(key=lambda i: (hits[i].start, hits[i].end, i))
        dropped.update(ix[most:])
    return [h for i, h in enumerate(hits) if i not in dropped]


# ---- another employer or another place, by name: "work for Google", "moving to Perth" -----

_OTHER_EMPLOYER = compile_pattern(
    r"\b(?:(?:work|working|join|joining|move to|moving to|go to|going to|apply to|applying to)"
    r"\s+(?:for\s+|at\s+)?|(?:be|become|becoming|as)\s+an?\s+(?:[a-z-]+\s+){0,2}[a-z]+\s+"
    r"(?:at|with|for)\s+(?:the\s+)?)(?P<org>[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,2})"
)
_MOVING_AWAY = compile_pattern(
    r"(?i:\b(?:I|we|my\s+(?:partner|wife|husband|family)))\b[^.,;]{0,30}?"
    r"\b(?:mov(?:e|ing)|relocat(?:e|ing))\s+(?:back\s+)?to\s+(?P<org>[A-Z][a-z]+)"
)
_THEIRS = compile_pattern(
    r"\b(?:you're|you are|you've|they're|it's|the company|the team|your|we're)\b"
)
_A_THING = compile_pattern(r"\bthe\s+[a-z-]+s\s+(?:will\s+|would\s+|should\s+)?$")
_HERE = compile_pattern(r"\bhere\b")
#: A name followed by one of these, after "the", is a part of this employer.
_OUR_SITE = compile_pattern(
    r"\s+(?:branch|site|depot|office|ward|store|campus|clinic|plant|yard|station|library)\b"
)
_NOT_PLACES = frozenset(
    {"the", "a", "an", "my", "our", "your", "this", "that", "it", "i", "senior", "lead", "head"}
)
_OUT_OF_DOOR = (
    "This points out of the door: the interviewer wants to hear that you will stay and grow here.",
    "Say what you want to build and learn here, and how it serves the company.",
)


def _elsewhere_hits(a: Analysis) -> list[Hit]:
    """Names need the original capitals, so these read the text as written."""
    company = a.profile.company.strip().lower()
    own = {w for w in re.findall(r"[\w&'-]+", company) if len(w) > 2}
    known = _names_in_profile(a)
    hits = []
    for sentence in a.sentences:
        for regex in (_OTHER_EMPLOYER, _MOVING_AWAY):
            for found in regex.finditer(sentence.text):
                org = found.group("org").lower()
                if org.split()[0] in _NOT_PLACES or (own and set(org.split()) & own):
                    continue  # this company, by its name
                if set(org.split()) <= known or org in _initials_in_profile(a):
                    continue  # a place, title or team the research names ("CS" for its
                    # Customer Success): part of this job
                start, end = sentence.start + found.start(), sentence.start + found.end()
                before = a.lowered[max(sentence.start, start - 25) : start]
                if _THEIRS.search(before) or _A_THING.search(before):
                    continue  # "you're moving to Opera Cloud", "the renewals move to CS":
                    # the company's plan, not mine
                org_at = sentence.start + found.start("org")
                site = a.lowered[org_at - 4 : org_at] == "the " and _OUR_SITE.match(a.text, end)
                if _HERE.search(before) or site:
                    continue  # "here in Eastmoor as an assistant at the Hallbrook branch":
                    # where this job is
                # "I'd never move to Berlin"
                if in_past(a, sentence, start) or negated(a, sentence, org_at):
                    continue
                left, right = a.clause_around(sentence, start, end)
                hits.append(
                    Hit(FLIGHT, left, right, start, end, "warning", *_OUT_OF_DOOR, "flight.named")
                )
    return hits


def _likened_to_here(a: Analysis, hit: Hit) -> bool:
    """ "An organisation like Calder Mutual", "a firm like yours": the place aimed at is this
    one, said modestly."""
    tail = a.lowered[hit.trigger_end : hit.trigger_end + 60]
    like = _LIKE.match(tail)
    if like is None:
        return False
    if like.group("who") in ("yours", "this one", "this", "you"):
        return True
    company = a.profile.company.strip().lower()
    return bool(company) and like.group("who").startswith(company.split()[0])


_LIKE = compile_pattern(
    r"\W*(?:[\w-]+\s+){0,3}?(?:like|such as)\s+(?P<who>yours|this one|this|you|[\w&'-]+)"
)


def _names_in_profile(a: Analysis) -> frozenset[str]:
    """The words of the role, the company and the research: a name found there (a base the
    company flies to, a title on its ladder) belongs to this job, not to somewhere else."""
    p = a.profile
    return _words_of(tuple(str(t) for t in (p.role, p.company, *vars(p.research).values())))


def _initials_in_profile(a: Analysis) -> frozenset[str]:
    p = a.profile
    return _initials_of(tuple(str(t) for t in (p.role, *vars(p.research).values())))


@lru_cache(maxsize=16)
def _initials_of(texts: tuple[str, ...]) -> frozenset[str]:
    """The initials of each run of capitalised words ("Customer Success" gives "cs")."""
    runs = (m.group() for t in texts for m in _CAPITAL_RUN.finditer(t))
    return frozenset("".join(w[0] for w in run.split()).lower() for run in runs)


_CAPITAL_RUN = compile_pattern(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+")


@lru_cache(maxsize=16)
def _words_of(texts: tuple[str, ...]) -> frozenset[str]:
    """Kept per profile: read on every keystroke, the research changes far less often."""
    return frozenset(
        w for text in texts for w in re.findall(r"[\w&'-]+", text.lower()) if len(w) > 2
    )


_LATER_STEP = compile_pattern(
    r"\b(?:then|after that|afterwards|longer[\s-]term|long[\s-]term|eventually|down the line"
    r"|later on|beyond that|further out)\b"
)


def _escalate_hedges(hits: list[Hit], word_count: int, lowered: str) -> None:
    """One "maybe" is a nuance; hedging all the way through reads as no direction."""
    # a hedge on a later step ("then maybe the anaesthesia side") is honest about the far
    # future, as a coach allows; only hedges on the plan itself make it sound unsure
    hedges = [
        i
        for i, h in enumerate(hits)
        if h.kind == HEDGE and not _LATER_STEP.search(lowered, h.start, h.end)
    ]
    if len(hedges) >= 3 and len(hedges) * 100 / max(word_count, 1) >= 2.5:
        for i in hedges:
            hits[i] = hits[i]._replace(
                kind=UNCERTAIN,
                severity="warning",
                message="Hedging throughout makes the whole answer sound unsure.",
                suggestion="Keep one hedge at most; state the rest plainly.",
            )


def _escalate_money(hits: list[Hit], a: Analysis) -> None:
    """Money in the opening, or money as the thread of the answer, is the money-first pitfall."""
    money = [i for i, h in enumerate(hits) if h.kind == MONEY]
    if not money or not a.sentences:
        return
    first = a.sentences[0]
    sentences_with = {a.sentence_index(hits[i].trigger_start) for i in money}
    if len(sentences_with) >= 3 or any(hits[i].start < first.end for i in money):
        for i in money:
            hits[i] = hits[i]._replace(
                severity="error",
                message="Money first: leading with pay says nothing about how this job fits "
                "your path.",
            )


_ORDER = {"info": 0, "suggestion": 1, "warning": 2, "error": 3}
#: Kinds that are one problem where they overlap: a hedge inside an unsure clause.
_FAMILY = {HEDGE: UNCERTAIN}
_WORDING = frozenset({VAGUE, BUZZ, HEDGE})


def dedupe(hits: list[Hit]) -> list[Hit]:
    """One finding per problem: of overlapping hits of one kind the most severe stays, and
    a suggestion on words that a warning already covers is dropped.

    Hits are taken most severe first. The kept hits of one family never overlap, so kept
    in order of start their ends rise too, and one bisection tells whether a new hit
    overlaps any of them; warnings and errors are all taken before any suggestion, so
    those a suggestion is checked against are known in full by then."""
    ranked = sorted(hits, key=lambda h: (-_ORDER[h.severity], h.start, h.end))
    kept: list[Hit] = []
    by_family: dict[str, list[tuple[int, int]]] = {}
    serious: _Spans | None = None
    for h in ranked:
        family = by_family.setdefault(_FAMILY.get(h.kind, h.kind), [])
        j = bisect_left(family, (h.end,))  # the kept hits that start before `h` ends
        if j and family[j - 1][1] > h.start:
            continue
        if h.kind in _WORDING and h.severity == "suggestion":
            if serious is None:
                serious = _Spans([(k.start, k.end) for k in kept if _ORDER[k.severity] >= 2])
            if serious.overlaps(h.start, h.end):
                continue
        insort(family, (h.start, h.end))
        kept.append(h)
    return sorted(kept, key=lambda h: (h.start, h.end, h.kind))


class _Spans:
    """Fixed spans, any of which may overlap others: whether one overlaps `[start, end)` is
    a bisection on their starts and a running maximum of their ends."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans.sort()
        self.starts = [a for a, _ in spans]
        self.reach: list[int] = []
        for _, b in spans:
            self.reach.append(max(b, self.reach[-1]) if self.reach else b)

    def overlaps(self, start: int, end: int) -> bool:
        j = bisect_left(self.starts, end)
        return j > 0 and self.reach[j - 1] > start


__all__ = ["BUZZ", "FLIGHT", "HEDGE", "MONEY", "UNCERTAIN", "VAGUE", "Hit", "find_hits"]
