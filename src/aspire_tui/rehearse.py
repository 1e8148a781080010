"""Rehearsing a draft: reading it aloud at a set pace, then saying it from memory.

The answer is spoken, from memory, in 60-90 seconds (DOMAIN "Length"). Both rounds run on
a clock passed in (any `() -> float` of seconds), so they are timed the same way by the
app and by tests; nothing here draws or sleeps.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import NamedTuple

from .keypoints import KeyPoint, Recalled, recall
from .models import DEFAULT_PACE, MAX_PACE, MIN_PACE, Rehearsal
from .scorers.text import split_sentences

Clock = Callable[[], float]

#: The usual length of the spoken answer, in seconds (DOMAIN "Length").
BAND = (60.0, 90.0)
PACE_STEP = 10
#: A line to read aloud: a breath's worth of words.
LINE_WORDS = 12


def band_note(seconds: float) -> str:
    """Where a spoken length sits against the usual 60-90 seconds."""
    low, high = BAND
    if seconds < low:
        return f"under {low:g} s: add a step or an example"
    if seconds > high:
        return f"over {high:g} s: cut what the interviewer does not need"
    return f"within {low:g}-{high:g} s"


def clock_text(seconds: float) -> str:
    whole = max(0, int(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


def seconds_at(words: int, pace: int) -> float:
    return words * 60.0 / pace


def count_words(text: str) -> int:
    return len(re.findall(r"[\w'’-]+", text))


def reading_lines(text: str, most: int = LINE_WORDS) -> list[str]:
    """The draft in lines to read aloud: each sentence, a long one cut at a comma near
    its middle or else every `most` words, so the eye takes in one line at a glance."""
    lines: list[str] = []
    for sentence in split_sentences(text):
        lines += _cut(sentence.text.split(), most)
    return lines


def _cut(words: list[str], most: int) -> list[str]:
    if len(words) <= most:
        return [" ".join(words)] if words else []
    commas = [i for i, w in enumerate(words[:-1]) if w.endswith((",", ";", ":"))]
    middle = len(words) / 2
    near = [i for i in commas if abs(i + 1 - middle) <= most / 2]
    at = min(near, key=lambda i: abs(i + 1 - middle)) + 1 if near else most
    return _cut(words[:at], most) + _cut(words[at:], most)


def step_pace(pace: int, step: int) -> int:
    return max(MIN_PACE, min(MAX_PACE, pace + step))


class ReadAloud:
    """Round one: the draft a line at a time at `pace` words a minute, paused and resumed
    at will; a change of pace applies from the word being read."""

    def __init__(self, text: str, clock: Clock, pace: int = DEFAULT_PACE) -> None:
        self.text = text
        self.set_line_words(LINE_WORDS)
        self.total_words = sum(self.counts)
        self.clock = clock
        self.pace = pace
        self._words_done = 0.0  # words read by `_since`
        self._ran = 0.0  # seconds the clock ran before `_since`
        self._since: float | None = None  # when the clock last started; None: paused

    def set_line_words(self, most: int) -> None:
        """Cut the lines anew (the screen was resized): the place read is kept, as it
        is counted in words, not lines."""
        self.lines = reading_lines(self.text, most)
        self.counts = [count_words(line) for line in self.lines]

    @property
    def running(self) -> bool:
        return self._since is not None

    def start(self) -> None:
        if self._since is None and not self.finished:
            self._since = self.clock()

    def pause(self) -> None:
        if self._since is not None:
            self._checkpoint()
            self._since = None

    def toggle(self) -> None:
        if self.running:
            self.pause()
        else:
            self.start()

    def set_pace(self, pace: int) -> None:
        running = self.running
        self.pause()
        self.pace = step_pace(pace, 0)
        if running:
            self.start()

    def _checkpoint(self) -> None:
        now = self.clock()
        assert self._since is not None
        ran = max(0.0, now - self._since)
        self._words_done = min(self.total_words, self._words_done + ran * self.pace / 60)
        self._ran += ran
        self._since = now

    @property
    def words_done(self) -> float:
        if self._since is None:
            return self._words_done
        ran = max(0.0, self.clock() - self._since)
        return min(self.total_words, self._words_done + ran * self.pace / 60)

    @property
    def elapsed(self) -> float:
        """Seconds read so far: the clock's running time, up to the last word."""
        if self._since is None:
            return self._ran
        ran = max(0.0, self.clock() - self._since)
        left = max(0.0, (self.total_words - self._words_done) * 60 / self.pace)
        return self._ran + min(ran, left)

    @property
    def finished(self) -> bool:
        return self.words_done >= self.total_words

    @property
    def line(self) -> int:
        """The index of the line being read now (the last one once finished)."""
        done = self.words_done
        seen = 0
        for i, n in enumerate(self.counts):
            seen += n
            if done < seen:
                return i
        return max(0, len(self.lines) - 1)

    @property
    def expected(self) -> float:
        """How long the whole draft takes at the pace set now."""
        return seconds_at(self.total_words, self.pace)


class Stopwatch:
    """Round two's clock: runs from `start` until `stop`."""

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self.started: float | None = None
        self.stopped: float | None = None

    def start(self) -> None:
        if self.started is None:
            self.started = self.clock()

    def stop(self) -> None:
        if self.started is not None and self.stopped is None:
            self.stopped = self.clock()

    @property
    def elapsed(self) -> float:
        if self.started is None:
            return 0.0
        end = self.stopped if self.stopped is not None else self.clock()
        return max(0.0, end - self.started)


class RecallResult(NamedTuple):
    """What the from-memory round kept of the draft, and how it would sound."""

    points: list[Recalled]
    words: int
    spoken_seconds: float  # the recalled version said at the pace set
    typed_seconds: float
    score: float | None  # the recalled version's overall
    draft_score: float | None

    @property
    def kept(self) -> int:
        return sum(1 for p in self.points if p.kept)


def judge_recall(
    points: Sequence[KeyPoint],
    said: str,
    pace: int,
    typed_seconds: float,
    score: float | None,
    draft_score: float | None,
) -> RecallResult:
    words = count_words(said)
    return RecallResult(
        recall(points, said),
        words,
        seconds_at(words, pace),
        typed_seconds,
        score,
        draft_score,
    )


def record(
    round_: str,
    draft_title: str,
    seconds: float,
    pace: int,
    points: int,
    kept: int | None = None,
    score: float | None = None,
) -> Rehearsal:
    """A history entry for one round, dated now (UTC, to the second)."""
    return Rehearsal(
        when=datetime.now(UTC).replace(microsecond=0),
        draft=draft_title,
        round="read" if round_ == "read" else "recall",
        seconds=round(min(seconds, 86_400.0), 1),
        pace=pace,
        points=points,
        kept=kept,
        score=None if score is None else round(score, 1),
    )


def trend(rehearsals: Sequence[Rehearsal], draft_title: str, most: int = 6) -> str:
    """The last from-memory rounds of a draft, oldest first: "3/5 · 4/5 · 5/5"."""
    rounds = [r for r in rehearsals if r.draft == draft_title and r.round == "recall"]
    return " · ".join(f"{r.kept or 0}/{r.points}" for r in rounds[-most:])


def cue_card(points: Sequence[KeyPoint], role: str, company: str, question: str, fmt: str) -> str:
    """The key points of a draft as one short card, for the morning of the interview."""
    title = role + (f" at {company}" if company else "")
    if fmt == "md":
        lines = [f"# {title}", "", f"**{question}**", ""]
        lines += [f"- **{p.label}**: {p.cue}" for p in points]
    else:
        lines = [title, "", question, ""]
        lines += [f"* {p.label}: {p.cue}" for p in points]
    if not points:
        lines.append("(No key points yet: state your aim, a nearer goal and how it ties here.)")
    return "\n".join(lines) + "\n"
