"""Live scoring: which scorers run together, and when a result is still worth showing.

Built-in scorers share one text analysis and run as one group; every installed scorer runs
in a group of its own, so a slow or failing plugin delays nothing else. A group never runs
twice at once: edits made while it runs are scored once it is free, with the newest text.
This holds no UI code; the app runs each group in a worker thread.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from ..engine import (
    HARD_LIMIT,
    SOFT_LIMIT,
    DraftFacts,
    Report,
    ScorerError,
    ScorerScore,
    draft_facts,
    private_copy,
    report_from,
    run_scorer,
)
from ..models import Profile
from ..plugins import is_builtin
from ..scorer import Scorer, SharedAnalysis

#: A group still running after this long shows "slow" on its bars.
SLOW_AFTER = SOFT_LIMIT


#: A group failing this many times in a row is paused for the session.
PAUSE_AFTER = 3

#: How long the first frame waits for installed scorers started with it. Fast plugins are
#: then on screen with the built-ins at once (no flurry of redraws just after start-up);
#: a slow one never holds the first frame longer than this and shows "scoring…" instead.
FIRST_FRAME_WAIT = 0.15


@dataclass
class Group:
    scorers: list[Scorer]
    builtin: bool
    running_since: float | None = None
    running_version: int = -1
    pending: bool = False
    version: int = -1  # the text version of the outcomes below
    outcomes: list[ScorerScore | ScorerError] = field(default_factory=list)
    timed_out: bool = False  # the run in progress was given up on; its result is dropped
    failures: int = 0  # failed runs in a row
    paused: bool = False

    @property
    def ids(self) -> list[str]:
        return [s.id for s in self.scorers]


def make_groups(scorers: list[Scorer]) -> list[Group]:
    """The built-ins together, each installed scorer alone. Built in means registered by
    the host's own built-in registration: a plugin's class cannot claim it."""
    builtin = [s for s in scorers if is_builtin(s)]
    groups = [Group(builtin, True)] if builtin else []
    groups += [Group([s], False) for s in scorers if not is_builtin(s)]
    return groups


def run_group(
    group: Group, text: str, profile: Profile
) -> tuple[list[ScorerScore | ScorerError], DraftFacts | None]:
    """Score `text` with one group (called in a worker thread)."""
    if not group.builtin:
        profile = private_copy(profile)
    shared = SharedAnalysis(text, profile)
    outcomes = [run_scorer(s, text, profile, shared) for s in group.scorers]
    return outcomes, draft_facts(shared) if group.builtin else None


class LiveScores:
    """The newest outcome of every group, combined into one report."""

    def __init__(self, groups: list[Group]) -> None:
        self.groups = groups
        self.facts = DraftFacts(0, False)
        self.facts_version = -1
        self.newly_paused: list[Group] = []

    def start(self, group: Group, version: int = -1) -> None:
        group.running_since = time.monotonic()
        group.running_version = version
        group.pending = False

    def take_paused(self) -> list[Group]:
        """Groups paused since the last call, for the app to announce once."""
        news, self.newly_paused = self.newly_paused, []
        return news

    def check_timeouts(self) -> None:
        """Give up on groups running past the hard limit; their results will be dropped."""
        now = time.monotonic()
        for g in self.groups:
            if g.builtin or g.timed_out or g.running_since is None:
                continue
            if now - g.running_since > HARD_LIMIT:
                g.timed_out = True
                g.version = max(g.version, g.running_version)
                g.outcomes = [
                    ScorerError(s.id, f"timed out after {HARD_LIMIT:g} s; result dropped")
                    for s in g.scorers
                ]
                self._failed(g)

    def _failed(self, g: Group) -> None:
        g.failures += 1
        if g.failures >= PAUSE_AFTER and not g.paused:
            g.paused = True
            g.outcomes = [
                ScorerError(s.id, f"paused for this session after {g.failures} failures in a row")
                for s in g.scorers
            ]
            self.newly_paused.append(g)

    def finish(
        self,
        group: Group,
        version: int,
        outcomes: list[ScorerScore | ScorerError],
        facts: DraftFacts | None,
    ) -> bool:
        """Record a group's result; False when it is dropped (late, or for older text)."""
        group.running_since = None
        if group.timed_out:
            group.timed_out = False
            return False
        if version < group.version:
            return False
        if group.paused:
            return False
        group.version = version
        group.outcomes = outcomes
        if not group.builtin and outcomes and all(isinstance(o, ScorerError) for o in outcomes):
            self._failed(group)
        elif not group.builtin:
            group.failures = 0
        if facts is not None and version >= self.facts_version:
            self.facts, self.facts_version = facts, version
        return True

    def status(self) -> dict[str, str]:
        now = time.monotonic()
        out: dict[str, str] = {}
        for g in self.groups:
            state = ""
            if g.paused:
                state = ""
            elif g.running_since is not None and not g.timed_out:
                state = "slow" if now - g.running_since > SLOW_AFTER else "scoring"
            for sid in g.ids:
                out[sid] = state if (state == "slow" or g.version < 0) else ""
        return out

    def report(self) -> Report:
        outcomes = [o for g in self.groups for o in g.outcomes]
        return report_from(outcomes, self.facts)


Outcome = tuple[Group, int, list[ScorerScore | ScorerError], DraftFacts | None]


class FirstResults:
    """Results that arrive while the first frame is being prepared.

    Worker threads `offer` their result; while the gathering is open it is kept here
    instead of being posted to the UI, and the UI thread `take`s everything that came in
    time at once. After `take`, offers are refused and results go the usual way.
    """

    def __init__(self, expected: int) -> None:
        import threading

        self._expected = expected
        self._results: list[Outcome] = []
        self._open = True
        self._done = threading.Condition()

    def offer(self, result: Outcome) -> bool:
        with self._done:
            if not self._open:
                return False
            self._results.append(result)
            self._done.notify_all()
            return True

    def take(self, deadline: float) -> list[Outcome]:
        """Wait until every expected result came or `deadline` (monotonic) passed."""
        with self._done:
            self._done.wait_for(
                lambda: len(self._results) >= self._expected,
                timeout=max(0.0, deadline - time.monotonic()),
            )
            self._open = False
            return self._results


class Runner:
    """Daemon threads that run scoring jobs: one for the built-ins, so they never wait
    behind a plugin, and a few shared by installed scorers. Threads are started once and
    reused (twenty plugins do not mean twenty threads at start-up), and a plugin that hangs
    holds one of them, never the app or its exit."""

    def __init__(self, workers: int = 4) -> None:
        import queue

        self._queues: dict[bool, queue.SimpleQueue[Callable[[], None]]] = {
            True: queue.SimpleQueue(),
            False: queue.SimpleQueue(),
        }
        self._counts = {True: 1, False: workers}
        self._started: set[bool] = set()

    def submit(self, builtin: bool, job: Callable[[], None]) -> None:
        if builtin not in self._started:
            import threading

            self._started.add(builtin)
            for n in range(self._counts[builtin]):
                threading.Thread(
                    target=self._work,
                    args=(builtin,),
                    daemon=True,
                    name=f"aspire-{'builtin' if builtin else 'plugin'}-scorer-{n}",
                ).start()
        self._queues[builtin].put(job)

    def _work(self, builtin: bool) -> None:
        jobs = self._queues[builtin]
        while True:
            job = jobs.get()
            # A job reports its own errors; whatever else escapes (a plugin's SystemExit
            # or KeyboardInterrupt too) must not end the worker that every plugin shares.
            with contextlib.suppress(BaseException):
                job()
