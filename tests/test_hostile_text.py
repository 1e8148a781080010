"""Hostile drafts: text no candidate writes but a paste or a stuck key can produce. Each
still gets valid scores and findings, the work stays bounded (counted in regex scans and
hits where possible, not in seconds), and a draft past the limits says that only its first
part was read. The fast paths are checked against the plain code they replace."""

from __future__ import annotations

import itertools
import re
import time
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aspire_tui.engine import Engine, Report
from aspire_tui.plugins import load_host
from aspire_tui.scorers import detect, fastre, text
from aspire_tui.scorers.analysis import FEW_ASKS, MAX_CHARS, MAX_SENTENCES, MAX_WORDS, Analysis
from aspire_tui.scorers.detect import HITS_PER_RULE, dedupe
from aspire_tui.scorers.fastre import calm_hyphens
from aspire_tui.scorers.hits import HEDGE, UNCERTAIN, Hit
from aspire_tui.scorers.ladder import _nearest
from aspire_tui.scorers.matches import Blank
from aspire_tui.scorers.text import (
    SENTENCE_CHARS,
    ClauseBreaks,
    Span,
    TimeFrame,
    TokenCount,
    split_sentences,
    windows,
)
from aspire_tui.storage import example_paths, load_profile

from .conftest import make_profile

ENGINE = Engine(load_host(installed=False))
PROFILE = make_profile("mid")
ANSWER = load_profile(example_paths()[0]).drafts[0].text
UNREAD = "Feedback covers the first"


def repeat(unit: str, chars: int) -> str:
    return (unit * (chars // len(unit) + 1))[:chars]


HOSTILE = {
    "pay words": repeat("salary bonus commission money ", 50_000),
    "money": repeat("money ", 20_000),
    "no sentence ends": repeat("".join(c for c in ANSWER if c not in ".!?\n") + " ", 50_000),
    "one long word": repeat("careeraspiration", 50_000),
    "hedges": "I would " + "maybe perhaps " * 2_500 + "lead.",
    "time expressions": "I want to lead " + "in two years " * 2_000 + ".",
    "nested not": "I am " + "not " * 10_000 + "looking to leave.",
    "hyphens after a phrase": "My partner " + "-" * 3_000 + " is moving.",
    "one-word sentences": repeat("Money. ", 30_000),
    "real answer repeated": repeat(ANSWER + "\n\n", 300_000),
}


def checked(draft: str) -> Report:
    report = ENGINE.score(draft, PROFILE)
    assert report.errors == [], report.errors
    assert 0 <= report.overall <= 100
    for s in report.scores:
        assert 0 <= s.score <= 100
        for f in s.findings:
            assert 0 <= f.start <= f.end <= len(draft)
    return report


def unread_findings(report: Report) -> list[Any]:
    return [f for s in report.scores for f in s.findings if f.message.startswith(UNREAD)]


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_drafts_get_valid_scores_and_findings(name: str) -> None:
    report = checked(HOSTILE[name])
    findings = sum(len(s.findings) for s in report.scores)
    assert findings <= 4 * HITS_PER_RULE + 10  # underlined, not thousands of findings


def test_many_hyphens_do_not_backtrack() -> None:
    """Fifty hyphens after "my partner" once took minutes: every hyphen could belong to a
    word or to the space between words. The bound is generous, for shared machines."""
    draft = "My partner " + "-" * 60 + " x. " + "I want to lead " + "- " * 400 + "a team."
    started = time.perf_counter()
    checked(draft)
    assert time.perf_counter() - started < 5.0


# ---- a draft past the limits is read up to them, and says so once -------------------


def test_words_past_the_limit_are_not_read_and_a_finding_says_so() -> None:
    draft = " ".join(["plan"] * MAX_WORDS + ["beyond", "more"])
    report = checked(draft)
    assert report.words == MAX_WORDS
    (f,) = unread_findings(report)
    assert f.severity == "info"
    assert f"first {MAX_WORDS:,} words" in f.message
    assert draft[f.start : f.end] == "beyond"


def test_a_draft_at_the_limit_is_read_whole() -> None:
    draft = " ".join(["plan"] * MAX_WORDS) + "."
    report = checked(draft)
    assert report.words == MAX_WORDS
    assert unread_findings(report) == []


def test_sentences_past_the_limit_are_not_read() -> None:
    assert unread_findings(checked("Plan. " * MAX_SENTENCES)) == []
    report = checked("Plan. " * MAX_SENTENCES + "Beyond.")
    (f,) = unread_findings(report)
    assert report.words == MAX_SENTENCES
    assert f.start == len("Plan. ") * MAX_SENTENCES


def test_characters_past_the_limit_are_not_read() -> None:
    report = checked("a" * (MAX_CHARS + 50))
    (f,) = unread_findings(report)
    assert "first 1 word;" in f.message
    assert f.start == MAX_CHARS


def test_a_long_real_draft_is_cut_once_and_a_real_answer_never() -> None:
    assert len(unread_findings(checked(HOSTILE["real answer repeated"]))) == 1
    for path in example_paths():
        for draft in load_profile(path).drafts:
            assert unread_findings(checked(draft.text)) == []


# ---- bounded work, counted ----------------------------------------------------------


class Counting:
    """A compiled pattern that counts the scans made with it."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.scans = 0

    def __getattr__(self, name: str) -> Any:
        method = getattr(self.pattern, name)

        def counted(*args: Any, **kwargs: Any) -> Any:
            self.scans += 1
            return method(*args, **kwargs)

        return counted


def test_clauses_and_negations_are_scanned_once_per_sentence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each hit once rescanned its whole sentence for clause breaks and its clause for
    negations: a long sentence of hits was quadratic. Now a few phrases search their
    clause, and then the sentence is scanned once."""
    breaks = Counting(text._CLAUSE_BREAK)
    negations = Counting(detect.NEGATION)
    monkeypatch.setattr(text, "_CLAUSE_BREAK", breaks)
    monkeypatch.setattr(detect, "NEGATION", negations)
    a = Analysis("I want " + "the money and the salary " * 400 + "now.", PROFILE)
    hits = a.hits
    assert len(a.matches.all("compensation")) >= 790  # less any a window cut in two
    assert hits
    assert breaks.scans <= len(a.sentences)
    assert negations.scans <= (FEW_ASKS + 1) * len(a.sentences)


def test_long_sentences_are_read_in_windows() -> None:
    draft = HOSTILE["no sentence ends"]
    spans = windows(draft, split_sentences(draft))
    assert len(spans) > 1
    for s, after in itertools.pairwise(spans):
        assert s.end <= after.start
    for s in spans:
        assert s.end - s.start <= SENTENCE_CHARS
        assert draft[s.start : s.end] == s.text
    assert " ".join(s.text for s in spans).split() == draft.split()


def test_hits_are_capped_per_rule_after_escalation() -> None:
    """Thousands of hedges give at most `HITS_PER_RULE` underlines, and they still read as
    hedging throughout: the cap comes after the hedges are counted."""
    a = Analysis(HOSTILE["hedges"], PROFILE)
    by_rule: dict[str, int] = {}
    for h in detect.find_hits(a):
        by_rule[h.rule] = by_rule.get(h.rule, 0) + 1
    assert by_rule and max(by_rule.values()) <= HITS_PER_RULE
    assert a.hits_of(UNCERTAIN) and not a.hits_of(HEDGE)


def test_calm_hyphens_leaves_writing_alone_and_calms_runs() -> None:
    for writing in ("long-term", "state-of-the-art", "growth--and", "a - b -- c", "- item"):
        assert calm_hyphens(writing) is writing or calm_hyphens(writing) == writing
    for run in ("x " + "-" * 10 + " y", "x - - - y", "a-b-c-d-e-f"):
        calmed = calm_hyphens(run)
        assert len(calmed) == len(run) and "-" not in calmed


# ---- the fast paths find what the plain code they replace finds ---------------------


def clause_around_plain(sentence: Span, start: int, end: int) -> tuple[int, int]:
    left, right = sentence.start, sentence.end
    for m in text._CLAUSE_BREAK.finditer(sentence.text):
        a, b = sentence.start + m.start(), sentence.start + m.end()
        if b <= start:
            left = b
        elif a >= end:
            right = a
            break
    t = sentence.text
    while left < start and t[left - sentence.start].isspace():
        left += 1
    while right > end and t[right - sentence.start - 1] in " \t.,;:!?":
        right -= 1
    return left, max(right, end)


clause_text = st.lists(
    st.sampled_from(["plan", "lead", " ", ",", ";", " - ", "but", "though", "(", ")", ".", "\t"]),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(clause_text, st.data())
def test_clause_breaks_match_the_plain_scan(body: str, data: st.DataObject) -> None:
    sentence = Span(3, 3 + len(body), body)
    start = data.draw(st.integers(sentence.start, sentence.end))
    end = data.draw(st.integers(start, sentence.end))
    assert ClauseBreaks(sentence).around(start, end) == clause_around_plain(sentence, start, end)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab' -\n,", max_size=60), st.data())
def test_token_counts_match_findall(sample: str, data: st.DataObject) -> None:
    draft = " " + sample
    start = data.draw(st.integers(0, len(draft)))
    end = data.draw(st.integers(0, len(draft)))
    for token, char in ((r"[\w']+", r"[\w']"), (r"\S+", r"\S")):
        counter = TokenCount(draft, re.compile(token), re.compile(char), 0, len(draft))
        counter.SHORT = 0  # always the index
        expected = len(re.findall(token, draft[start:end])) if end > start else 0
        assert counter.between(start, end) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 8)), max_size=20), st.data())
def test_blank_matches_a_look_at_every_span(raw: list[tuple[int, int]], data: Any) -> None:
    spans = [(a, a + n) for a, n in raw]
    pos = data.draw(st.integers(-2, 40))
    assert Blank(spans).covers(pos) == any(a <= pos < b for a, b in spans)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(1, 6), min_size=2, max_size=16), st.integers(-5, 80))
def test_nearest_frame_matches_the_plain_minimum(steps: list[int], pos: int) -> None:
    frames, at = [], 0
    for i in range(0, len(steps) - 1, 2):
        at += steps[i]
        frames.append(TimeFrame(at, at + steps[i + 1], 1.0))
        at += steps[i + 1]

    def distance(f: TimeFrame) -> int:
        return min(abs(f.start - pos), abs(f.end - pos))

    assert _nearest(frames, pos, [f.start for f in frames]) == min(frames, key=distance)


ORDER = {"info": 0, "suggestion": 1, "warning": 2, "error": 3}


def dedupe_plain(hits: list[Hit]) -> list[Hit]:
    ranked = sorted(hits, key=lambda h: (-ORDER[h.severity], h.start, h.end))
    kept: list[Hit] = []
    for h in ranked:
        kind = detect._FAMILY.get(h.kind, h.kind)
        if not any(
            k.start < h.end
            and h.start < k.end
            and (
                detect._FAMILY.get(k.kind, k.kind) == kind
                or (
                    h.kind in detect._WORDING
                    and h.severity == "suggestion"
                    and ORDER[k.severity] >= 2
                )
            )
            for k in kept
        ):
            kept.append(h)
    return sorted(kept, key=lambda h: (h.start, h.end, h.kind))


hit = st.builds(
    lambda kind, start, width, severity, n: Hit(
        kind, start, start + width, start, start, severity, f"m{n}"
    ),
    st.sampled_from(["hedge", "uncertainty", "vague", "buzzword", "money", "flight-risk"]),
    st.integers(0, 40),
    st.integers(0, 12),
    st.sampled_from(list(ORDER)),
    st.integers(0, 3),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(hit, max_size=25))
def test_dedupe_keeps_what_the_plain_pairwise_check_keeps(hits: list[Hit]) -> None:
    assert dedupe(hits) == dedupe_plain(hits)


def test_negation_matches_searching_the_clause() -> None:
    a = Analysis(
        "I'm not looking for a stepping stone, but a home. I won't leave; maybe I'd never "
        "go - rather stay. Without doubt I didn't plan it (not at all) though I can't say.",
        PROFILE,
    )
    for s in a.sentences:
        for pos in range(s.start, s.end + 1):
            if pos > 0 and re.match(r"\w", a.lowered[pos - 1]):
                continue  # no phrase starts inside a word
            clause_start = clause_around_plain(s, pos, pos)[0]
            plain = bool(detect.NEGATION.search(a.lowered[clause_start:pos]))
            assert detect.negated(a, s, pos) == plain, (s.text, pos)
        assert a.negations(s) is not None  # past the first few, the index answered


def test_fast_patterns_still_skip_a_draft_without_hyphens() -> None:
    assert fastre.calm_hyphens("plain words only") == "plain words only"
