"""Key points: the lines of a draft a candidate must not lose when saying it from memory.

A strong answer states a long-range aspiration, backs it with nearer goals, ties them to
the job and the company, and says the candidate means to grow here (DOMAIN: "Aspirations
are not goals", "Preparing the answer" steps 2, 4 and 5). Each sentence of the draft that
carries one of those is a key point, found with the same concepts and time frames the
scorers read. Plugins add kinds of their own as phrases (`aspire_key_points`), no code.

Whether a point survives in a recalled version is judged by meaning: its content words,
by stem and by concept (the matching that recognises a paraphrase of the job's tasks),
with the time it names and the title it aims at counting as words of their own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, Any, NamedTuple

from .scorers.analysis import Analysis
from .scorers.compiled import compile_pattern
from .scorers.detect import in_past
from .scorers.ladder import the_ladder
from .scorers.text import Span, TimeFrame, find_time_frames, split_sentences
from .scorers.vocabulary import concept_of, generic_stems, terms, vocabulary, weak_stems

if TYPE_CHECKING:
    from .models import Profile
    from .scorers.fastre import WordPattern
    from .scorers.matches import Found


class PointKind(NamedTuple):
    """A kind of key point. Built-in kinds are found by the engine; a plugin's by the
    phrases it gives (`pattern`)."""

    id: str
    label: str
    pattern: WordPattern | None = None
    source: str = "aspire"


#: The built-in kinds, in the order a coach builds the answer.
AIM = PointKind("aim", "Long-range aim")
NEAR = PointKind("near", "Nearer goal")
FIT = PointKind("fit", "Tie to the job and company")
STAY = PointKind("stay", "Growing here")
BUILTIN_KINDS = (AIM, NEAR, FIT, STAY)

#: A spoken answer carries four to six points; a long draft's extra sentences are detail.
MAX_POINTS = 8
#: A cue on the card is a glance, not a sentence to read out.
CUE_WORDS = 12


class KeyPoint(NamedTuple):
    kind: str
    label: str
    start: int
    end: int
    text: str

    @property
    def cue(self) -> str:
        return cue_of(self.text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "label": self.label,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "cue": self.cue,
        }


def key_points(
    text: str, profile: Profile, kinds: Sequence[PointKind] = (), analysis: Analysis | None = None
) -> list[KeyPoint]:
    """The draft's key points, in the order they are said. `kinds` are plugins' kinds,
    tried after the built-in ones: a sentence is one point, of the first kind it carries."""
    a = analysis or Analysis(text, profile)
    company = _names(profile)
    points: list[KeyPoint] = []
    for i, sentence in enumerate(a.sentences):
        kind = _builtin_kind(a, i, sentence, company) or _plugin_kind(a, sentence, kinds)
        if kind is not None:
            body = sentence.text.strip()
            start = sentence.start + sentence.text.find(body)
            points.append(KeyPoint(kind.id, kind.label, start, start + len(body), body))
    return _fewest(points)


def _builtin_kind(a: Analysis, i: int, sentence: Span, company: list[str]) -> PointKind | None:
    """The first kind the sentence carries, in the order a coach would name it: a role
    aimed at, a nearer step, staying, a long-range direction, a tie to the job."""
    m = a.matches
    frames = [f for f in a.frames_in(sentence.start, sentence.end) if _ahead(a, sentence, f)]
    far = any(f.years >= 3 for f in frames)
    if _aims_at_role(a, i):
        return AIM
    near = any(f.years <= 2 for f in frames) or m.of("near_term")[i] or m.of("credential")[i]
    if near or _STEP.match(sentence.text.lstrip()):
        return NEAR
    # Words of one inside a phrase of the other count for the longer phrase alone: "long
    # term" inside "longer term" says when, "my career" inside "build my career" says where.
    said_stay, said_long = m.of("stay")[i], m.of("long_range")[i]
    staying = [x for x in said_stay if not any(_within(x, y) for y in said_long)]
    long_range = [y for y in said_long if not any(_within(y, x) for x in said_stay)]
    if staying and not (far or long_range):
        return STAY
    if far or long_range:
        return AIM
    if staying:
        return STAY
    low = a.lowered[sentence.start : sentence.end]
    if a.job_terms_in(sentence) >= 2 or any(n in low for n in company) or m.of("here_words")[i]:
        return FIT
    return None


def _within(x: Found, y: Found) -> bool:
    """Whether match `x` lies inside match `y` (and is not the same words)."""
    return y.start() <= x.start() and x.end() <= y.end() and (x.start(), x.end()) != y.span()


#: A sentence opening on a first or next step is a nearer goal, whatever its time.
_STEP = compile_pattern(
    r"(?:first(?:ly)?|to (?:start|begin)(?: with)?|early on|straight away)\b", re.I
)


#: "I want to become a senior planner": the role aimed at follows the verb of aiming closely.
_AIM_REACH = 60


def _aims_at_role(a: Analysis, i: int) -> bool:
    """A verb of aiming, then a role as what the candidate means to be ("I want to
    become a senior planner", "I'd like to move into a lead role")."""
    m = a.matches
    roles = [f.start() for f in m.of("role_noun")[i]]
    roles += [f.start() for _, concept in the_ladder().rungs for f in m.of(concept)[i]]
    low = a.lowered
    return any(
        0 <= r - aim.end() <= _AIM_REACH and _ROLE_AFTER.search(low[max(aim.end(), r - 40) : r])
        for aim in m.of("aim")[i]
        for r in roles
    )


#: What comes just before a role the candidate means to be: "be a", "become the", "into".
_ROLE_AFTER = compile_pattern(
    r"\b(?:be|become|becoming|as|into|to|towards?)\s+(?:[\w'-]+\s+){0,3}$"
)


_BEHIND_BEFORE = compile_pattern(
    r"\b(?:after|(?:for|over|in|during) the (?:last|past)|spent|with)\s+$"
)
_BEHIND_AFTER = compile_pattern(r"^\s*(?:ago|of (?:experience|work)|as (?:a|an)\b|in the past)")


def _ahead(a: Analysis, sentence: Span, frame: TimeFrame) -> bool:
    """A time frame of what is to come, not of the story so far ("after eight years as")."""
    low = a.lowered
    before = low[max(sentence.start, frame.start - 25) : frame.start]
    after = low[frame.end : min(sentence.end, frame.end + 25)]
    return not (
        in_past(a, sentence, frame.start)
        or _BEHIND_BEFORE.search(before)
        or _BEHIND_AFTER.search(after)
    )


def _plugin_kind(a: Analysis, sentence: Span, kinds: Sequence[PointKind]) -> PointKind | None:
    for kind in kinds:
        if kind.pattern is not None and kind.pattern.full.search(
            a.lowered, sentence.start, sentence.end
        ):
            return kind
    return None


def _names(profile: Profile) -> list[str]:
    return [n.lower() for n in vocabulary(profile).names if len(n) >= 3]


def _fewest(points: list[KeyPoint]) -> list[KeyPoint]:
    """At most `MAX_POINTS`, keeping the first of each kind before the rest, in text order."""
    if len(points) <= MAX_POINTS:
        return points
    firsts = {p.kind: p for p in reversed(points)}.values()
    chosen = set(firsts)
    for p in points:
        if len(chosen) >= MAX_POINTS:
            break
        chosen.add(p)
    return [p for p in points if p in chosen]


_LEAD = compile_pattern(
    r"^(?:(?:and|so|but|also|then|well|honestly|basically|i think|i guess)\b[,\s]*)+", re.I
)


def cue_of(sentence: str, most: int = CUE_WORDS) -> str:
    """A point as a prompt for the eye: its opening filler dropped, its first words kept."""
    body = _LEAD.sub("", sentence.strip()).strip()
    words = body.split()
    cue = " ".join(words[:most]).rstrip(",;:")
    if len(words) > most:
        return cue + "…"
    return cue[:1].upper() + cue[1:]


# ---- recall ---------------------------------------------------------------------------


class Recalled(NamedTuple):
    point: KeyPoint
    kept: bool
    evidence: str | None  # the recalled words that carry it


#: How much of a point's meaning a recalled sentence must carry: a share of its content
#: words (by stem, or half for a word of the same concept), at least `KEEP_LEAST` and at
#: most `KEEP_MOST`: three shared words say a long point was made again.
KEEP_SHARE = 0.25
KEEP_LEAST = 1.5
KEEP_MOST = 3.0


def recall(points: Sequence[KeyPoint], said: str) -> list[Recalled]:
    """Which points a recalled version keeps, each judged against its best sentence (or
    pair of neighbouring sentences: a point is often split in two when said)."""
    spans = [s.text for s in split_sentences(said)]
    windows = spans + [f"{a} {b}" for a, b in pairwise(spans)]
    meanings = [_meaning(w) for w in windows]
    staying = [w for w in windows if _says_stay(w)]
    wants = [_meaning(p.text) for p in points]
    # A word in several of the draft's points (the job's own: "design", "scheme") tells
    # less about which point was said: it counts by the share of points it is in.
    spread = Counter(s for w in wants for s in w.stems)
    out = []
    for point, want in zip(points, wants, strict=True):
        # A point that is about staying (its kind, or little else beside it) is made
        # again by saying so in any of the coach's words for it.
        about_staying = point.kind == STAY.id or (want.size <= 3 and _says_stay(point.text))
        if about_staying and staying:
            out.append(Recalled(point, True, staying[0]))
            continue
        best, best_score = None, 0.0
        for window, got in zip(windows, meanings, strict=True):
            score = _overlap(want, got, spread)
            if score > best_score:
                best, best_score = window, score
        need = min(KEEP_MOST, max(KEEP_LEAST, KEEP_SHARE * want.size))
        kept = best_score >= need
        out.append(Recalled(point, kept, best if kept else None))
    return out


class _Meaning(NamedTuple):
    stems: frozenset[str]
    concepts: frozenset[str]
    years: frozenset[float]
    titles: frozenset[str]

    @property
    def size(self) -> int:
        return len(self.stems) + len(self.years) + len(self.titles)


def _says_stay(text: str) -> bool:
    from .scorers.detect import NEGATION
    from .scorers.fastre import lower
    from .scorers.lexicon import pattern

    low = lower(text)
    return bool(pattern("stay").full.search(low)) and not NEGATION.search(low)


#: The words that frame an aim rather than say it: shared by any two answers.
_FRAME_WORDS = frozenset(
    terms("aim goal want like love hope plan term long short first eventually ultimately future")
)


def _meaning(text: str) -> _Meaning:
    common = weak_stems() | generic_stems() | _FRAME_WORDS
    stems = frozenset(s for s in terms(text) if s not in common)
    concepts = frozenset(c for s in stems if (c := concept_of(s)))
    years = frozenset(f.years for f in find_time_frames(text.lower()))
    low = text.lower()
    titles = frozenset(
        concept for _, concept in the_ladder().rungs if _rung_pattern(concept).search(low)
    )
    return _Meaning(stems, concepts, years, titles)


def _overlap(want: _Meaning, got: _Meaning, spread: Counter[str]) -> float:
    shared = want.stems & got.stems
    by_concept = (want.concepts & got.concepts) - {concept_of(s) for s in shared}
    years = sum(1 for y in want.years if any(abs(y - g) <= max(0.25, 0.2 * y) for g in got.years))
    words = sum(1 / max(1, spread[s]) for s in shared)
    return words + 0.5 * len(by_concept) + years + len(want.titles & got.titles)


def _rung_pattern(concept: str) -> re.Pattern[str]:
    from .scorers.lexicon import pattern

    return pattern(concept).full


# ---- plugins' kinds -------------------------------------------------------------------


def plugin_kinds(source: str, given: Mapping[str, Any]) -> list[PointKind]:
    """A plugin's kinds of key point, `{id: {"label": ..., "phrases": [...]}}`, checked:
    a bad id, label or phrase raises `KnowledgeError` naming it."""
    from .scorers.lexicon import KnowledgeError, phrases_pattern

    if not isinstance(given, Mapping):
        raise KnowledgeError("aspire_key_points must return a dict of kind id -> {label, phrases}")
    kinds = []
    for kind_id, body in given.items():
        if not isinstance(kind_id, str) or not re.fullmatch(r"[a-z][a-z0-9_-]{0,39}", kind_id):
            raise KnowledgeError(
                f"key point kind {kind_id!r}: an id is lower-case letters, digits, '-' and '_'"
            )
        if kind_id in {k.id for k in BUILTIN_KINDS}:
            raise KnowledgeError(f"key point kind {kind_id!r} is built in; choose another id")
        if not isinstance(body, Mapping) or set(body) - {"label", "phrases"}:
            raise KnowledgeError(f"key point kind {kind_id!r}: give only a label and phrases")
        label = body.get("label")
        if not isinstance(label, str) or not label.strip() or len(label) > 40:
            raise KnowledgeError(f"key point kind {kind_id!r}: label must be text of 1-40 chars")
        try:
            compiled = phrases_pattern(body.get("phrases", ()))
        except KnowledgeError as exc:
            raise KnowledgeError(f"key point kind {kind_id!r}: {exc}") from None
        kinds.append(PointKind(kind_id, label.strip(), compiled, source))
    return kinds
