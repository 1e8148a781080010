"""Runs every enabled scorer on a draft and combines their results into one report.

A scorer that raises or returns something invalid is reported in `errors`; the others
are unaffected. The engine knows nothing of screens or terminals.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TYPE_CHECKING, Any, NamedTuple

from .models import Finding, InvalidResult, ScoreResult
from .scorer import ScoreContext, SharedAnalysis
from .scorers.text import speaking_seconds

if TYPE_CHECKING:
    from .models import Profile
    from .plugins import PluginHost
    from .scorer import Scorer

#: DOMAIN "Length": under ~30 words sounds dismissive, whatever the scorers say; such an
#: answer counts for a share of its score, so a good short answer still beats a bad one.
SHORT_CAP_WORDS = 30
SHORT_SHARE = 0.5
#: DOMAIN "Pitfalls that sink an answer": one at error level sinks the answer, and each
#: underlined pitfall keeps it out of the strong range.
ERROR_CAP = 45.0
PITFALL_CAPS = (68.0, 58.0)  # one pitfall warning, two or more
PITFALL_KINDS = frozenset({"money", "flight-risk", "unrealistic", "uncertainty"})
#: An answer that mostly recites the job description's words is stuffing, not fit.
STUFFED_CAP = 55.0


class ScorerScore(NamedTuple):
    plugin: str
    title: str
    score: float
    summary: str
    findings: list[Finding]
    weight: float
    elapsed_ms: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "plugin": self.plugin,
            "title": self.title,
            "score": self.score,
            "summary": self.summary,
            "weight": self.weight,
            "elapsed_ms": round(self.elapsed_ms, 3),
            "findings": [f.to_dict() for f in self.findings],
        }


class ScorerError(NamedTuple):
    plugin: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"plugin": self.plugin, "message": self.message}


class Report(NamedTuple):
    overall: float
    words: int
    speaking_seconds: int
    scores: list[ScorerScore]
    errors: list[ScorerError]
    caps: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {
            "overall": self.overall,
            "words": self.words,
            "speaking_seconds": self.speaking_seconds,
            "scores": [s.to_dict() for s in self.scores],
            "errors": [e.to_dict() for e in self.errors],
            "caps": self.caps,
        }

    def score_of(self, plugin: str) -> float | None:
        return next((s.score for s in self.scores if s.plugin == plugin), None)


class Engine:
    """Scores drafts with the scorers of one plugin host."""

    def __init__(self, host: PluginHost) -> None:
        self.host = host

    def enabled(self, profile: Profile) -> list[Scorer]:
        disabled = set(profile.plugins.disabled)
        return [s for s in self.host.scorers if s.id not in disabled]

    def score(self, text: str, profile: Profile) -> Report:
        """Built-in scorers run here; installed ones in a few daemon threads, given
        `HARD_LIMIT` seconds together, after which a result is dropped as timed out."""
        shared = SharedAnalysis(text, profile)
        scorers = self.enabled(profile)
        outcomes = {s.id: run_scorer(s, text, profile, shared) for s in scorers if is_builtin(s)}
        # Installed scorers start once the built-ins are done: the few milliseconds those
        # take are not worth the threads' fight over the interpreter lock.
        outside = [s for s in scorers if not is_builtin(s)]
        waiting = _start_outside(outside, text, profile, shared)
        outcomes.update(waiting(time.monotonic() + HARD_LIMIT))
        ordered = [outcomes[s.id] for s in scorers]
        return report_from(ordered, draft_facts(shared))


class DraftFacts(NamedTuple):
    """What the overall score needs to know about the draft besides the scores."""

    words: int
    stuffed: bool


def draft_facts(shared: SharedAnalysis) -> DraftFacts:
    from .scorers.stuffing import stuffed

    return DraftFacts(shared.analysis.words, stuffed(shared.analysis))


def report_from(outcomes: list[ScorerScore | ScorerError], facts: DraftFacts) -> Report:
    """A report from scorer outcomes gathered in any order (the app gathers them live)."""
    scores = [o for o in outcomes if isinstance(o, ScorerScore)]
    errors = [o for o in outcomes if isinstance(o, ScorerError)]
    overall, caps = combine(scores, facts)
    return Report(overall, facts.words, speaking_seconds(facts.words), scores, errors, caps)


#: A scorer slower than this is shown as slow; past `HARD_LIMIT` its result is dropped.
SOFT_LIMIT = float(os.environ.get("ASPIRE_PLUGIN_SOFT_LIMIT", "0.5"))
HARD_LIMIT = float(os.environ.get("ASPIRE_PLUGIN_TIMEOUT", "3.0"))


def private_copy(profile: Profile) -> Profile:
    """The profile as installed scorers get it: their own copy, so a plugin that changes
    what it is given can never change the user's profile, which the app saves."""
    import copy

    return copy.deepcopy(profile)


def is_builtin(scorer: Scorer) -> bool:
    return type(scorer).__module__.startswith("aspire_tui.scorers.")


#: Threads for installed scorers: enough that one hanging plugin holds up no other.
WORKERS = 4


def _start_outside(
    scorers: list[Scorer], text: str, profile: Profile, shared: SharedAnalysis
) -> Any:
    """Start installed scorers in a few threads; returns a function that waits until a
    deadline and reports the late ones as timed out.

    Plain `_thread` threads: they never hold the process at exit (a hung plugin cannot
    keep `aspire score` from returning), and importing `threading` and `queue` would cost
    `aspire score` more than twenty quick plugins take to run."""
    if not scorers:  # the usual case: no threads at all
        return lambda deadline: {}
    import _thread

    profile = private_copy(profile)
    todo = list(reversed(scorers))
    results: dict[str, ScorerScore | ScorerError] = {}
    guard = _thread.allocate_lock()
    all_done = _thread.allocate_lock()
    all_done.acquire()  # released by the worker that records the last result

    def work() -> None:
        while True:
            with guard:
                if not todo:
                    return
                scorer = todo.pop()
            outcome = run_scorer(scorer, text, profile, shared)
            with guard:
                results[scorer.id] = outcome
                if len(results) == len(scorers):
                    all_done.release()

    for _ in range(min(WORKERS, len(scorers))):
        _thread.start_new_thread(work, ())

    def wait(deadline: float) -> dict[str, ScorerScore | ScorerError]:
        all_done.acquire(timeout=max(0.0, deadline - time.monotonic()))
        with guard:
            done = dict(results)
        for scorer in scorers:
            if scorer.id not in done:
                late = ScorerError(
                    scorer.id, f"timed out after {HARD_LIMIT:g} s; its result was dropped"
                )
                _trace(scorer.id, HARD_LIMIT * 1000, late)
                done[scorer.id] = late
        return done

    return wait


def run_scorer(
    scorer: Scorer, text: str, profile: Profile, shared: SharedAnalysis
) -> ScorerScore | ScorerError:
    """Run one scorer and check what it returns; any failure becomes a `ScorerError`."""
    started = time.perf_counter()
    outcome = _run_scorer(scorer, text, profile, shared)
    _trace(scorer.id, (time.perf_counter() - started) * 1000, outcome)
    return outcome


def _trace(scorer_id: str, ms: float, outcome: ScorerScore | ScorerError) -> None:
    """ASPIRE_TRACE_PLUGINS=1: one line per scorer call on stderr, for plugin authors."""
    if not os.environ.get("ASPIRE_TRACE_PLUGINS"):
        return
    if isinstance(outcome, ScorerError):
        detail = f"failed: {outcome.message}"
    else:
        slow = " (slow)" if ms > SOFT_LIMIT * 1000 else ""
        detail = (
            f"score {outcome.score:g}, {len(outcome.findings)} findings{slow}: {outcome.summary}"
        )
    # One write per line: scorers running in threads must not interleave their lines.
    sys.stderr.write(f"aspire: trace {scorer_id}: {ms:.1f} ms, {detail}\n")


def _run_scorer(
    scorer: Scorer, text: str, profile: Profile, shared: SharedAnalysis
) -> ScorerScore | ScorerError:
    weight = profile.plugins.weights.get(scorer.id, getattr(scorer, "weight", 1.0))
    try:
        settings = _settings(scorer, profile)
    except Exception as exc:
        return ScorerError(scorer.id, f"[plugins.{scorer.id}] {_first_error(exc)}")
    started = time.perf_counter()
    try:
        raw = scorer.score(ScoreContext(text, profile, settings, shared))
        result = ScoreResult.coerce(raw)
    except InvalidResult as exc:
        return ScorerError(scorer.id, f"invalid result: {' '.join(str(exc).split())}")
    except (Exception, SystemExit) as exc:  # a plugin calling sys.exit() ends only its score
        return ScorerError(scorer.id, f"{type(exc).__name__}: {' '.join(str(exc).split())}")
    elapsed = (time.perf_counter() - started) * 1000
    for f in result.findings:
        if not f.start <= f.end <= len(text):
            return ScorerError(
                scorer.id,
                f"invalid result: finding span [{f.start}, {f.end}) is outside the draft "
                f"(length {len(text)})",
            )
    title = getattr(scorer, "title", "") or scorer.id
    return ScorerScore(
        scorer.id,
        title,
        round(result.score, 1),
        result.summary,
        list(result.findings),
        float(weight),
        elapsed,
    )


def _settings(scorer: Scorer, profile: Profile) -> Any:
    """The scorer's settings model (pydantic) filled from the profile's `[plugins.<id>]`."""
    model = getattr(scorer, "settings_model", None)
    if model is None:
        return None
    return model.model_validate(profile.plugins.settings_for(scorer.id))


def _first_error(exc: Exception) -> str:
    """`key: message` for the first problem of a pydantic ValidationError, else the error."""
    errors = getattr(exc, "errors", None)
    if callable(errors):
        first = errors(include_url=False)[0]
        key = ".".join(str(p) for p in first["loc"])
        return f"{key}: {first['msg']}" if key else str(first["msg"])
    return f"{type(exc).__name__}: {' '.join(str(exc).split())}"


def combine(scores: list[ScorerScore], facts: DraftFacts) -> tuple[float, list[str]]:
    """The weighted mean of the scores, then the caps no strong answer runs into."""
    words = facts.words
    total = sum(s.weight for s in scores)
    if not scores or total <= 0:
        return 0.0, []
    overall = sum(s.score * s.weight for s in scores) / total
    caps: list[str] = []
    counted = [f for s in scores if s.weight > 0 for f in s.findings]
    errors = [f for f in counted if f.severity == "error"]
    # One problem raised by two scorers is still one problem.
    pitfalls = {
        (f.start, f.end) for f in counted if f.severity == "warning" and f.kind in PITFALL_KINDS
    }
    if errors and overall > ERROR_CAP:
        overall = ERROR_CAP
        caps.append(f"a pitfall that sinks the answer: capped at {ERROR_CAP:g}")
    elif pitfalls:
        cap = PITFALL_CAPS[min(len(pitfalls), len(PITFALL_CAPS)) - 1]
        if overall > cap:
            overall = cap
            caps.append(f"{_count(len(pitfalls), 'pitfall')} underlined: capped at {cap:g}")
    if words < SHORT_CAP_WORDS:
        overall *= SHORT_SHARE
        caps.append(f"under {SHORT_CAP_WORDS} words: counts for {SHORT_SHARE:.0%} of its score")
    if facts.stuffed and overall > STUFFED_CAP:
        overall = STUFFED_CAP
        caps.append(f"stuffed with job-description keywords: capped at {STUFFED_CAP:g}")
    return round(overall, 1), caps


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
