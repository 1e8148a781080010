"""Talking points (DOMAIN, preparation step 3): the job's requirements set against the
candidate's strengths, and whether the draft covers each yet."""

from __future__ import annotations

from typing import NamedTuple

from .models import Profile
from .scorers.alignment import measure_fit
from .scorers.text import split_sentences
from .scorers.vocabulary import Item, concept_of, terms, vocabulary


class TalkingPoint(NamedTuple):
    requirement: str
    task: bool  # a duty of the job; otherwise a qualification it asks for
    strength: str | None  # the candidate's own words that meet it, if any
    in_draft: bool


def talking_points(profile: Profile, draft: str) -> list[TalkingPoint]:
    vocab = vocabulary(profile)
    fit = measure_fit(draft, vocab)
    strengths = [
        s.text
        for s in split_sentences(
            " ".join(getattr(profile.reflection, k) for k in ("strengths", "enjoy"))
        )
    ]
    strength_terms = [(s, set(terms(s))) for s in strengths]
    said = set(terms(draft))
    points = []
    for item in vocab.listed:
        covered = item in fit.touched or (item not in vocab.requirements and item.stems <= said)
        points.append(
            TalkingPoint(item.label, item.task, _best_strength(item, strength_terms), covered)
        )
    return points


def _best_strength(item: Item, strengths: list[tuple[str, set[str]]]) -> str | None:
    best, best_score = None, 0.0
    for text, stems in strengths:
        concepts = {c for s in stems if (c := concept_of(s))}
        score = len(item.stems & stems) + 0.5 * len(item.concepts & concepts)
        if score > best_score:
            best, best_score = text, score
    return best if best_score >= 1 else None
