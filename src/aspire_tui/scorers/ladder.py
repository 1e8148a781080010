"""Realism against the career stage and the time frame (DOMAIN: "Unrealistic ambition").

The ladder, the stage rungs and the scope words are data (`knowledge/realism.toml`); this
module does the reasoning: the distance between the rung the candidate stands on and the
rung named, against the time the sentence gives for it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from ..wording import span_of
from .compiled import compile_pattern
from .fastre import lower
from .hits import UNREALISTIC, Hit
from .lexicon import generation, pattern, table
from .matches import Found
from .path import CareerPath, Step, company_path, research_text
from .prose_path import prose_steps
from .text import Span, TimeFrame

if TYPE_CHECKING:
    from ..models import Profile
    from .analysis import Analysis

ByConcept = Callable[[str], list[list[Found]]]


class Ladder(NamedTuple):
    rungs: tuple[tuple[float, str], ...]  # (rung, concept), highest first
    years_from: dict[int, float]  # usual years from a rung to the next
    stage_rung: dict[str, float]
    years_per_rung: float
    too_fast: float
    sweep_horizon: float
    scope_stage_rung: float
    scope_horizon: float
    scope_soon_rung: float  # below it, company-wide change in scope_soon_horizon is out of touch
    scope_soon_horizon: float


def climb_years(lad: Ladder, low: float, high: float) -> float:
    """Usual years to climb from rung `low` to rung `high`, a part rung counting its share."""
    years, rung = 0.0, low
    while rung < high - 1e-9:
        step = min(high - rung, float(int(rung) + 1) - rung)
        years += step * lad.years_from.get(int(rung), lad.years_per_rung)
        rung += step
    return years


@lru_cache(maxsize=1)
def the_ladder() -> Ladder:
    t = table("ladder")
    rungs = tuple(sorted(((float(r["rung"]), r["concept"]) for r in t["rung"]), reverse=True))
    return Ladder(
        rungs,
        {int(k): float(v) for k, v in t.get("years_from", {}).items()},
        {k: float(v) for k, v in t["stage_rung"].items()},
        float(t["years_per_rung"]),
        float(t["too_fast"]),
        float(t["sweep_horizon"]),
        float(t["scope_stage_rung"]),
        float(t["scope_horizon"]),
        float(t.get("scope_soon_rung", t["scope_stage_rung"])),
        float(t.get("scope_soon_horizon", 0.0)),
    )


_SOMEONE_ELSES = compile_pattern(
    r"(?:\b(?:your|our|their|his|her|my)\s+(?:current\s+|new\s+|own\s+|existing\s+)?"
    r"|\bwith\s+(?:the|a)\s+|\b(?:report|reporting|work|working)\s+(?:to|for|under|with)\s+"
    r"(?:the\s+|a\s+|an\s+)?"
    r"|\b(?:each|every|all|all (?:the|of the|my|our))\s+(?:[\w-]+\s+)?"  # "with each GM"
    r"|\b(?:help|helping|support|supporting|assist|assisting|shadow|shadowing"
    r"|learn from|learning from)"
    r"\s+(?:the|a|an|our|your)\s+(?:[\w-]+\s+){0,2})$",
)


# "assistant manager in two years, manager after that": the second title is a later step
_AFTER_THAT = compile_pattern(r"\W{0,3}(?:after that|after|then|later|eventually|down the line)\b")
# "the new manager development programme": a title naming who a thing is for
_AS_MODIFIER = compile_pattern(
    r"\s+(?:development|training|programmes?|programs?|courses?|academy|meetings?|forums?"
    r"|cohorts?|community|population|pipeline|network|conference|onboarding|induction"
    r"|handbook|toolkit|workshops?|away ?days?)\b"
)
# "at a smaller CRO": an acronym after "at a" is an organisation, not a chief's title
_AT_AN_ORG = compile_pattern(
    r"\b(?:at|for|with|from|join(?:ing)?) (?:a|an|another|one|the) (?:[\w-]+ )?$"
)
_OWN_REWARD = compile_pattern(r"\s+(?:package|salary|pay|level|grade|band|money|wage|rate|title)\b")
_BECOME = compile_pattern(r"\b(?:be|become|becoming|being)\s+your\s+$")
_NO_SOONER = compile_pattern(r"\b(?:beyond|more than|longer than|further than|past|at least)\s+$")
_LATER = compile_pattern(
    r"\b(?:later|eventually|ultimately|long[\s-]term|one day|in time|down the line|after that"
    r"|(?<!by )(?<!until )(?<!before )then|beyond that|in the future|further out|someday"
    r"|some day)\b"  # "by then" points back at the time just given: no later step
)


def _someone_elses(low: str, m: Found | re.Match[str]) -> bool:
    """A title that belongs to someone else: "your head of sales", "the director's"."""
    possessive = low[m.end() : m.end() + 2] in ("'s", "’s") and not _OWN_REWARD.match(
        low, m.end() + 2
    )  # "a general manager's package" is the candidate's own aim
    before = low[max(0, m.start() - 30) : m.start()]
    if _BECOME.search(before):  # "to be your COO" is the candidate's own aim
        return False
    return possessive or bool(_SOMEONE_ELSES.search(before))


@lru_cache(maxsize=64)
def rung_of_role(role: str) -> float | None:
    """The rung of the job applied for; an assistant, associate, trainee or junior one
    stands a rung below the title it names ("Assistant Site Manager" is not a manager)."""
    low = lower(role)
    for rung, concept in the_ladder().rungs:
        if pattern(concept).search(low):
            return max(1.0, rung - 1.0) if _UNDER.search(low) else rung
    return None


# "deputy store manager" stands a rung below a store manager; "relief manager cover" is
# standing in, a normal part of the job below, not a promotion
_BELOW = compile_pattern(r"\b(?:deputy|assistant|trainee|junior|associate|under)\s+(?:[\w-]+\s+)?$")
_STAND_IN = compile_pattern(
    r"\b(?:relief|acting|interim|locum|stand[\s-]?in|cover(?:ing)?(?: as| for)?(?: an?| the)?)\s+"
    r"(?:[\w-]+\s+)?$"
)
_FIRST_PERSON = compile_pattern(r"\b(?:I|I'[a-z]+|me|my|we|We|we'[a-z]+|our|Our)\b")
_UNDER = compile_pattern(r"\b(?:assistant|associate|trainee|junior|apprentice|graduate|aspiring)\b")


def realism_hits(a: Analysis, of: ByConcept) -> list[Hit]:
    lad = the_ladder()
    stage = a.profile.career_stage
    stage_rung = lad.stage_rung.get(stage, 2.0)
    applied = rung_of_role(a.profile.role)
    if applied:  # the job applied for is the plan, not a leap
        stage_rung = max(stage_rung, applied)
    low = a.lowered
    titles = [(rung, of(concept)) for rung, concept in lad.rungs]
    path = the_path(a.profile)
    placed = path.place(a.profile.role) if path else None
    sweeps, verbs, scopes = of("sweep"), of("change_verb"), of("org_scope")
    listening = of("listen_verb")
    hits: list[Hit] = []
    for i, sentence in enumerate(a.sentences):
        frames = [
            f
            for f in a.frames_in(sentence.start, sentence.end)
            if not _NO_SOONER.search(low, max(0, f.start - 15), f.start)
        ]  # "beyond five years" sets no deadline
        if not frames and (tail := _time_tail(a, i, titles)) is not None:
            # "Then the consultant role. Before my second appraisal, ideally.": the time
            # said on its own right after a title is the time for it
            sentence = Span(sentence.start, tail.end, a.text[sentence.start : tail.end])
            frames = a.frames_in(tail.start, tail.end)
        starts = [f.start for f in frames]
        if frames:
            in_sentence = [
                (rung, ms, [m.start() for m in ms]) for rung, by in titles if (ms := by[i])
            ]
            for part in _parts(sentence):
                # each part looks only at the titles and frames within it, by bisection:
                # a sentence of many parts must not read every title once per part
                on_path = _path_steps(a, path, part) if path and placed is not None else []
                found = [
                    (rung - bool(_BELOW.search(low, max(0, m.start() - 25), m.start())), m)
                    for rung, by, at in in_sentence
                    for m in by[bisect_left(at, part.start) : bisect_left(at, part.end)]
                    if not _someone_elses(low, m)
                    and not _AFTER_THAT.match(low, m.end())
                    and not _AS_MODIFIER.match(low, m.end())
                    and not (m.end() - m.start() <= 3 and _AT_AN_ORG.search(low, 0, m.start()))
                    and not any(s < m.end() and m.start() < e for _, s, e in on_path)
                    and not _STAND_IN.search(low, max(0, m.start() - 25), m.start())
                ]
                lo, hi = bisect_left(starts, part.start), bisect_left(starts, part.end)
                own = frames[lo:hi]
                if not own and _LATER.search(low, part.start, part.end):
                    continue  # "and later, branch manager": the time given was for the step before
                claims: list[tuple[float, int, int, str]] = []  # usual years, span, message
                if found:
                    rung, m = max(found, key=lambda rm: rm[0])
                    usual = climb_years(lad, stage_rung, rung)
                    claims.append(
                        (
                            usual,
                            m.start(),
                            m.end(),
                            f"Too far, too fast for your career stage ({stage}): that step "
                            f"usually takes about {span_of(usual)}.",
                        )
                    )
                for step, start, end in on_path:
                    if path and placed is not None and step > placed:
                        usual = path.climb(placed, step)
                        n = step - placed
                        claims.append(
                            (
                                usual,
                                start,
                                end,
                                f"{_said(a.text[start:end])} is {n} "
                                f"{'step' if n == 1 else 'steps'} above this role on the path "
                                f"your research notes, usually about {span_of(usual)} away: too "
                                "far, too fast.",
                            )
                        )
                for usual, start, end, message in claims:
                    frame = (
                        _nearest(own, start, starts[lo:hi])
                        if own
                        else _nearest(frames, start, starts)
                    )
                    if usual <= 0 or frame.years >= usual * lad.too_fast:
                        continue
                    hits.append(
                        _hit(
                            a,
                            sentence,
                            min(start, frame.start),
                            max(end, frame.end),
                            message,
                            "Name the next rung and what you will learn on it; keep the "
                            "bigger title as a direction, not a deadline.",
                        )
                    )
                    break
        sweep_frame = (
            _nearest(frames, sweeps[i][0].start(), starts) if frames and sweeps[i] else None
        )
        # sweeping words are a promise only when the candidate makes it, and not when they
        # are what the candidate will go and learn ("the first hundred days on the road,
        # every property"; "the rules change every five minutes")
        if (
            sweep_frame is not None
            and sweep_frame.years <= lad.sweep_horizon
            and (verbs[i] or (_FIRST_PERSON.search(sentence.text) and not listening[i]))
        ):
            # the time nearest the sweeping words is the one said of them: "more
            # immediately ..., in two years, ... every" promises nothing within months
            sweep, frame = sweeps[i][0], sweep_frame
            hits.append(
                _hit(
                    a,
                    sentence,
                    min(sweep.start(), frame.start),
                    max(sweep.end(), frame.end),
                    "Sweeping change promised within months sounds out of touch with how "
                    "organisations work.",
                    "Promise to learn the system first, then name one improvement you would "
                    "aim for.",
                )
            )
            continue
        scope = _scope_promise(verbs[i], scopes[i])
        if scope is None:
            continue
        soon = [f for f in frames if f.years <= lad.scope_horizon]
        sooner = [f for f in frames if f.years <= lad.scope_soon_horizon]
        if (stage_rung < lad.scope_stage_rung and (soon or not frames)) or (
            stage_rung < lad.scope_soon_rung and sooner
        ):
            start, end = scope
            hits.append(
                _hit(
                    a,
                    sentence,
                    start,
                    end,
                    f"A change to the whole organisation is not in the hands of someone at "
                    f"your stage ({stage}): it sounds out of touch.",
                    "Name the part you would own and the first improvement you would aim for.",
                )
            )
    return hits


def told_path(research: str, role: str) -> CareerPath | None:
    """The path the research tells in sentences, from the role applied for up: a title the
    ladder puts at or below the role's own rung is a step the candidate has already made."""
    return _told_path(research, role, generation())


@lru_cache(maxsize=64)
def _told_path(research: str, role: str, _generation: int) -> CareerPath | None:
    """`told_path` for the vocabulary plugins have added so far (`_generation`)."""
    own = rung_of_role(role)
    steps = [
        (title, years, counted)
        for title, years, counted in prose_steps(research, role)
        if own is None or (rung_of_role(title) or own + 1) > own
    ]
    if not steps:
        return None
    first = Step((" ".join(re.findall(r"[a-z0-9][a-z0-9&'’.-]*", lower(role))),), None, False)
    timed = all(c and y is not None for _, y, c in steps)
    ordered = sorted(steps, key=lambda s: s[1] or 0.0) if timed else steps
    later = [Step((title,), years, counted) for title, years, counted in ordered]
    return CareerPath((first, *later), float(table("path").get("step_years", 2.0)))


def the_path(profile: Profile) -> CareerPath | None:
    """The company's path as the research writes it, as a chain or in sentences."""
    research = research_text(profile.research)
    return company_path(research) or told_path(research, profile.role)


def _path_steps(a: Analysis, path: CareerPath, part: Span) -> list[tuple[int, int, int]]:
    """The steps of the company's path named in `part`: (step, start, end)."""
    out: list[tuple[int, int, int]] = []
    for m in path.pattern.finditer(a.lowered, part.start, part.end):
        step = path.index_of(m.group(0))
        if step is not None and not _someone_elses(a.lowered, m):
            if step and _BELOW.search(a.lowered, max(0, m.start() - 25), m.start()):
                step -= 1  # "Deputy General Manager" stands a step below the GM on the path
            out.append((step, m.start(), m.end()))
    return out


#: words a sentence may have and still be only a time said after the one before it
_TAIL_WORDS = 8


def _time_tail(a: Analysis, i: int, titles: list[tuple[float, list[list[Found]]]]) -> Span | None:
    """The next sentence when it is only a time ("By my second review, ideally.") and the
    sentence `i` names a title with no time of its own."""
    if i + 1 >= len(a.sentences) or not any(by[i] for _, by in titles):
        return None
    tail = a.sentences[i + 1]
    if len(tail.text.split()) > _TAIL_WORDS or any(by[i + 1] for _, by in titles):
        return None
    return tail if a.frames_in(tail.start, tail.end) else None


def _said(title: str) -> str:
    return title[:1].upper() + title[1:]


def _scope_promise(verbs: list[Found], scopes: list[Found]) -> tuple[int, int] | None:
    """A verb of change followed within a few words by the whole organisation as its object.

    Scopes are in order of start, so the first one at or after a verb is the only one that
    can be near enough."""
    if not verbs or not scopes:
        return None
    starts = [s.start() for s in scopes]
    for v in verbs:
        j = bisect_left(starts, v.end())
        if j < len(scopes) and starts[j] <= v.end() + 40:
            return v.start(), scopes[j].end()
    return None


def _hit(a: Analysis, sentence: Span, start: int, end: int, message: str, suggestion: str) -> Hit:
    left, right = a.clause_around(sentence, start, end)
    return Hit(
        UNREALISTIC,
        min(left, start),
        max(right, end),
        start,
        end,
        "warning",
        message,
        suggestion,
        "realism.ladder",
    )


def _parts(sentence: Span) -> list[Span]:
    """A sentence split at ';' and ' and then ', so two targets are judged separately."""
    out: list[Span] = []
    pos = 0
    # "then" stays with the part it opens: a title there is a later step, not the deadline
    for m in re.finditer(r";|\band\s+(?=then\b)|,\s+(?=(?:then|and)\b)", sentence.text):
        out.append(
            Span(sentence.start + pos, sentence.start + m.start(), sentence.text[pos : m.start()])
        )
        pos = m.end()
    out.append(Span(sentence.start + pos, sentence.end, sentence.text[pos:]))
    return out


def _nearest(frames: list[TimeFrame], pos: int, starts: list[int]) -> TimeFrame:
    """The frame nearest `pos` (the first of equals). Frames are in order and never
    overlap, so only the last one starting by `pos`, and its neighbours, can be nearest."""
    j = bisect_right(starts, pos) - 1
    near = frames[max(j - 1, 0) : j + 2]
    return min(near, key=lambda f: min(abs(f.start - pos), abs(f.end - pos)))


def any_title(a: Analysis) -> bool:
    """Whether the draft names a title on the ladder."""
    return any(a.matches.any(concept) for _, concept in the_ladder().rungs)
