"""A clock for Rehearse that moves only when a test moves it: rounds are timed without
sleeps, and a picture of a round is the same every run."""

from __future__ import annotations


class FakeClock:
    def __init__(self, now: float = 100.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now
