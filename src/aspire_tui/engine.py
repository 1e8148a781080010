"""Runs every enabled scorer on a draft and combines their results into one report.

A scorer that raises (anything, SystemExit and KeyboardInterrupt included) or returns
something invalid is reported in `errors`; the others are unaffected. What a scorer returns
is capped in size, so a runaway plugin cannot stall a screen, and no number that is not
finite ever reaches a report. The engine knows nothing of screens or terminals.
"""

from __future__ import annotations

import _thread
import contextlib
import dataclasses
import math
import os
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from itertools import islice
from typing import TYPE_CHECKING, Any, NamedTuple

from .models import Finding, InvalidResult, ScoreResult
from .scorer import ScoreContext, SharedAnalysis
from .scorers.text import speaking_seconds

if TYPE_CHECKING:
    from .keypoints import KeyPoint
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
#: A cap bends the scores near it rather than flattening them: within this many points
#: below a cap, the rest of the scale is squeezed in, so two answers with the same pitfall
#: keep the order of everything else they say.
CAP_KNEE = 10.0


def _ceiling(value: float, cap: float) -> float:
    """`value` held under `cap`, keeping order: unchanged up to the knee, then squeezed."""
    soft = cap - CAP_KNEE
    if value <= soft:
        return value
    return soft + CAP_KNEE * (value - soft) / (100.0 - soft)


#: What one scorer may return; the excess is cut, and the cut reported once with the result.
SUMMARY_LIMIT = 500
FINDINGS_LIMIT = 200
MESSAGE_LIMIT = 500  # a finding's message, and its suggestion
TITLE_LIMIT = 40
LABEL_LIMIT = 64  # a finding's kind and rule
#: An error message quoting a plugin's exception is cut here.
ERROR_LIMIT = 300
#: The `plugin` of an error about the overall score rather than one scorer (never a
#: scorer id: those are letters, digits, '-' and '_').
OVERALL = "(overall)"


class ScorerScore(NamedTuple):
    plugin: str
    title: str
    score: float
    summary: str
    findings: list[Finding]
    weight: float
    elapsed_ms: float
    note: str | None = None  # what Aspire cut or ignored; reported as an error of the report

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

    @property
    def overall_ok(self) -> bool:
        """False when the overall could not be computed (it is then shown as 0): a
        `--min-score` check must not pass on it."""
        return not any(e.plugin == OVERALL for e in self.errors)


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
        builtin = self.host.is_builtin
        outcomes = {s.id: run_scorer(s, text, profile, shared) for s in scorers if builtin(s)}
        # Installed scorers start once the built-ins are done: the few milliseconds those
        # take are not worth the threads' fight over the interpreter lock.
        outside = [s for s in scorers if not builtin(s)]
        waiting = _start_outside(outside, text, profile, shared)
        outcomes.update(waiting(time.monotonic() + HARD_LIMIT))
        ordered = [outcomes[s.id] for s in scorers]
        return report_from(ordered, draft_facts(shared))

    def key_points(self, text: str, profile: Profile) -> list[KeyPoint]:
        """The draft's key points: the built-in kinds and those plugins add."""
        from .keypoints import key_points

        return key_points(text, profile, self.host.point_kinds)


class DraftFacts(NamedTuple):
    """What the overall score needs to know about the draft besides the scores."""

    words: int
    stuffed: bool


def draft_facts(shared: SharedAnalysis) -> DraftFacts:
    from .scorers.stuffing import stuffed

    return DraftFacts(shared.analysis.words, stuffed(shared.analysis))


def report_from(outcomes: list[ScorerScore | ScorerError], facts: DraftFacts) -> Report:
    """A report from scorer outcomes gathered in any order (the app gathers them live).

    A score or weight that is not finite is left out with an error, and so is an overall
    that comes out so (weights too large to add up): it is shown as 0, never as NaN."""
    scores: list[ScorerScore] = []
    errors: list[ScorerError] = []
    for o in outcomes:
        if isinstance(o, ScorerError):
            errors.append(o)
        elif not (math.isfinite(o.score) and math.isfinite(o.weight) and o.weight >= 0):
            errors.append(ScorerError(o.plugin, "its score or weight is not a finite number"))
        else:
            scores.append(o)
            if o.note:
                errors.append(ScorerError(o.plugin, o.note))
    overall, caps = combine(scores, facts)
    if not math.isfinite(overall):
        errors.append(
            ScorerError(
                OVERALL,
                "the weighted overall is not a finite number, so it shows as 0; "
                "lower the [plugins] weights",
            )
        )
        overall, caps = 0.0, []
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
    """Whether the host registered `scorer` as built in (never what its class claims)."""
    from .plugins import is_builtin as registered_builtin

    return registered_builtin(scorer)


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
            outcome = run_scorer(scorer, text, profile, shared)  # never raises
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
    """Run one scorer and check what it returns; any failure becomes a `ScorerError`.

    Whatever the scorer raises is its failure, KeyboardInterrupt and SystemExit included,
    except a KeyboardInterrupt on the main thread: that may be the user pressing Ctrl-C.
    Installed scorers never run there."""
    started = time.perf_counter()
    try:
        outcome = _run_scorer(scorer, text, profile, shared)
    except BaseException as exc:
        if _user_interrupt(exc):
            raise
        outcome = ScorerError(scorer.id, one_line(exc))
    with contextlib.suppress(Exception):  # a closed stderr ends no scoring
        _trace(scorer.id, (time.perf_counter() - started) * 1000, outcome)
    return outcome


def _user_interrupt(exc: BaseException) -> bool:
    return (
        isinstance(exc, KeyboardInterrupt) and _thread.get_ident() == threading.main_thread().ident
    )


def one_line(exc: BaseException, limit: int = ERROR_LIMIT) -> str:
    """`Name: message` on one line, cut to `limit`: a plugin's exception may say anything,
    at any length, or fail to say it."""
    name = type(exc).__name__
    try:
        raw = str(exc)
    except Exception:
        raw = "(its message could not be read)"
    text = " ".join(raw[: limit * 4].split())
    line = f"{name}: {text}" if text else name
    return _cut(line, limit)


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


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
    weight, notes = _weight(scorer, profile)
    try:
        settings = _settings(scorer, profile)
    except BaseException as exc:
        if _user_interrupt(exc):
            raise
        return ScorerError(scorer.id, f"[plugins.{scorer.id}] {_first_error(exc)}")
    started = time.perf_counter()
    try:
        raw = scorer.score(ScoreContext(text, profile, settings, shared))
        elapsed = (time.perf_counter() - started) * 1000
        raw, cut = _trimmed(raw)
        result = ScoreResult.coerce(raw)
        score = float(result.score)  # a float subclass could pass 0 <= NaN <= 100
        if not (math.isfinite(score) and 0 <= score <= 100):
            raise InvalidResult(f"score {score!r} is not a number from 0 to 100")
        findings, more = _bounded_findings(result.findings, len(text))
    except InvalidResult as exc:
        message = _cut(" ".join(str(exc)[: ERROR_LIMIT * 4].split()), ERROR_LIMIT)
        return ScorerError(scorer.id, f"invalid result: {message}")
    notes.extend(filter(None, [cut, *more]))
    summary = result.summary
    if len(summary) > SUMMARY_LIMIT:
        summary = _cut(summary, SUMMARY_LIMIT)
        notes.append(f"its summary cut to {SUMMARY_LIMIT} characters")
    title = getattr(scorer, "title", "") or scorer.id
    if not isinstance(title, str):
        title = scorer.id
    if len(title) > TITLE_LIMIT:
        title = _cut(title, TITLE_LIMIT)
        notes.append(f"its title cut to {TITLE_LIMIT} characters")
    return ScorerScore(
        scorer.id,
        title,
        round(score, 1),
        summary,
        findings,
        weight,
        elapsed,
        "; ".join(notes) if notes else None,
    )


def _weight(scorer: Scorer, profile: Profile) -> tuple[float, list[str]]:
    """The scorer's weight, from the profile or the scorer; one that is not a finite number
    0 or more is ignored (with a note) for the scorer's own, else 1."""
    notes: list[str] = []
    own = getattr(scorer, "weight", 1.0)
    default = _usable_weight(own)
    if default is None:
        default = 1.0
        notes.append(f"its weight {_shown(own)} is not a number 0 or more, so it counts as 1")
    weights = profile.plugins.weights
    if scorer.id not in weights:
        return default, notes
    given = weights[scorer.id]
    weight = _usable_weight(given)
    if weight is None:
        return default, [
            f"[plugins] weights.{scorer.id} = {_shown(given)} is not a number 0 or more, so "
            f"it counts as {default:g}; set a number such as 1 in the profile"
        ]
    return weight, []


def _usable_weight(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        weight = float(value)
    except (ValueError, OverflowError):  # an int too large for a float
        return None
    return weight if math.isfinite(weight) and weight >= 0 else None


def _shown(value: object, limit: int = 40) -> str:
    try:
        text = repr(value)
    except Exception:
        text = f"a {type(value).__name__}"
    return _cut(text, limit)


def _trimmed(raw: Any) -> tuple[Any, str | None]:
    """A mapping's findings cut to `FINDINGS_LIMIT` before they are checked one by one: a
    plugin returning a million of them (or an endless generator) costs no more than 200."""
    if not isinstance(raw, Mapping) or "findings" not in raw:
        return raw, None
    found = raw["findings"]
    if isinstance(found, list | tuple):
        if len(found) <= FINDINGS_LIMIT:
            return raw, None
        total = str(len(found))
    elif isinstance(found, Iterator):
        found = list(islice(found, FINDINGS_LIMIT + 1))
        if len(found) <= FINDINGS_LIMIT:
            return {**raw, "findings": found}, None
        total = f"more than {FINDINGS_LIMIT}"
    else:
        return raw, None
    cut = f"{total} findings cut to the first {FINDINGS_LIMIT}"
    return {**raw, "findings": found[:FINDINGS_LIMIT]}, cut


def _bounded_findings(findings: Any, length: int) -> tuple[list[Finding], list[str]]:
    """The findings checked against the draft and cut to size, with notes on what was cut.
    Raises `InvalidResult` for a span outside the draft or a kind that is not text."""
    notes: list[str] = []
    found = list(findings)
    if len(found) > FINDINGS_LIMIT:
        notes.append(f"{len(found)} findings cut to the first {FINDINGS_LIMIT}")
        found = found[:FINDINGS_LIMIT]
    out: list[Finding] = []
    long = 0
    for i, f in enumerate(found):
        if not f.start <= f.end <= length:
            raise InvalidResult(
                f"finding span [{f.start}, {f.end}) is outside the draft (length {length})"
            )
        for name in ("kind", "rule"):
            value = getattr(f, name)
            if value is not None and not isinstance(value, str):
                raise InvalidResult(f"findings[{i}].{name} must be a string or None")
        fitted = _fitted(f)
        long += fitted is not f
        out.append(fitted)
    if long:
        notes.append(f"{long} long finding message(s) cut to {MESSAGE_LIMIT} characters")
    return out, notes


def _fitted(f: Finding) -> Finding:
    """`f` with its texts cut to their limits (itself when all fit)."""
    changes: dict[str, Any] = {}
    for name, limit in (
        ("message", MESSAGE_LIMIT),
        ("suggestion", MESSAGE_LIMIT),
        ("kind", LABEL_LIMIT),
        ("rule", LABEL_LIMIT),
    ):
        value = getattr(f, name)
        if value is not None and len(value) > limit:
            changes[name] = _cut(value, limit)
    return dataclasses.replace(f, **changes) if changes else f


def _settings(scorer: Scorer, profile: Profile) -> Any:
    """The scorer's settings model filled from the profile's `[plugins.<id>]`."""
    from .scorer import validate_settings

    model = getattr(scorer, "settings_model", None)
    if model is None:
        return None
    return validate_settings(model, profile.plugins.settings_for(scorer.id))


def _first_error(exc: BaseException) -> str:
    """`key: message` for the first problem of a pydantic ValidationError, else the error."""
    errors = getattr(exc, "errors", None)
    if callable(errors):
        with contextlib.suppress(Exception):  # a plugin's own errors() may fail too
            first = errors(include_url=False)[0]
            key = ".".join(str(p) for p in first["loc"])
            return _cut(f"{key}: {first['msg']}" if key else str(first["msg"]), ERROR_LIMIT)
    return one_line(exc)


def combine(scores: list[ScorerScore], facts: DraftFacts) -> tuple[float, list[str]]:
    """The weighted mean of the scores, then the caps no strong answer runs into."""
    words = facts.words
    total = sum(s.weight for s in scores)
    if not scores or total <= 0:
        return 0.0, []
    overall = sum(s.score * s.weight for s in scores) / total
    if not math.isfinite(overall):  # before the caps, which would hide an infinity
        return math.nan, []
    caps: list[str] = []
    counted = [f for s in scores if s.weight > 0 for f in s.findings]
    errors = [f for f in counted if f.severity == "error"]
    # One problem raised by two scorers is still one problem.
    pitfalls = {
        (f.start, f.end) for f in counted if f.severity == "warning" and f.kind in PITFALL_KINDS
    }

    def hold(cap: float, why: str) -> None:
        nonlocal overall
        held = _ceiling(overall, cap)
        if held < overall:
            overall = held
            caps.append(f"{why}: held under {cap:g}")

    if errors:
        hold(ERROR_CAP, "a pitfall that sinks the answer")
    elif pitfalls:
        cap = PITFALL_CAPS[min(len(pitfalls), len(PITFALL_CAPS)) - 1]
        hold(cap, f"{_count(len(pitfalls), 'pitfall')} underlined")
    if words < SHORT_CAP_WORDS:
        overall *= SHORT_SHARE
        caps.append(f"under {SHORT_CAP_WORDS} words: counts for {SHORT_SHARE:.0%} of its score")
    if facts.stuffed:
        hold(STUFFED_CAP, "stuffed with job-description keywords")
    return round(overall, 1), caps


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
