"""The plugin author's kit: build a profile and a draft, run a scorer the way Aspire does,
and check what it returns.

    from aspire_tui.testing import make_profile, score_with

    def test_flags_passive_voice():
        result = score_with(MyScorer(), "The plan was given to me.")
        assert result.findings[0].severity == "suggestion"

Its pytest fixtures (`aspire_profile`, `aspire_score`) are there in every test run where
Aspire is installed (a pytest11 entry point): nothing to add to conftest.py.
"""

from __future__ import annotations

from typing import Any

import pytest

from .engine import ScorerError, run_scorer
from .keypoints import KeyPoint
from .models import Draft, Profile, Reflection, Research, ScoreResult
from .scorer import Scorer, SharedAnalysis

__all__ = [
    "aspire_profile",
    "aspire_score",
    "assert_valid",
    "key_points_with",
    "make_profile",
    "score_with",
]

JOB = """What you'll do:
- Build weekly reports on service quality for the operations managers.
- Coach new team members and review their work.
- Improve the team's processes with customers in mind.

What you'll bring:
- Two years of relevant experience.
- Clear written communication."""


def make_profile(
    *,
    role: str = "Operations Analyst",
    company: str = "Northwind Services",
    career_stage: str = "mid",
    job_description: str = JOB,
    text: str = "",
    **plugin_settings: Any,
) -> Profile:
    """A small but realistic profile; `plugin_settings` fill `[plugins.<id>]` tables."""
    profile = Profile(
        role=role,
        company=company,
        career_stage=career_stage,  # type: ignore[arg-type]
        research=Research(
            job_description=job_description,
            culture="Plain-spoken, promotes from within.",
            short_term_plans="Moving reporting to a new dashboard tool this year.",
            long_term_plans="Opening a second service centre within three years.",
        ),
        reflection=Reflection(strengths="Patient with messy data; explain things plainly."),
        drafts=[Draft(title="Draft 1", text=text)] if text else [],
    )
    profile.plugins.settings.update(plugin_settings)
    return profile


def score_with(scorer: Scorer, text: str, profile: Profile | None = None) -> ScoreResult:
    """Run `scorer` as Aspire's host does (settings validated, result checked) and return
    its result; a failure the host would report fails the test with the same message, and
    so does a result Aspire would cut to size (too long a summary, too many findings)."""
    profile = profile or make_profile(text=text)
    outcome = run_scorer(scorer, text, profile, SharedAnalysis(text, profile))
    if isinstance(outcome, ScorerError):
        raise AssertionError(f"Aspire would report {outcome.plugin!r}: {outcome.message}")
    if outcome.note:
        raise AssertionError(f"Aspire would report {outcome.plugin!r}: {outcome.note}")
    result = ScoreResult(score=outcome.score, summary=outcome.summary, findings=outcome.findings)
    assert_valid(result, text)
    return result


def key_points_with(
    kinds: Any, text: str, profile: Profile | None = None, source: str = "plugin"
) -> list[KeyPoint]:
    """The key points Aspire finds in `text` with the kinds an `aspire_key_points` hook
    returns (`kinds`), checked as the host checks them: a bad id, label or phrase fails
    the test with the message Aspire would show."""
    from .keypoints import key_points, plugin_kinds
    from .scorers.lexicon import KnowledgeError

    try:
        checked = plugin_kinds(source, kinds)
    except KnowledgeError as exc:
        raise AssertionError(f"Aspire would report {source!r}: key points: {exc}") from None
    return key_points(text, profile or make_profile(text=text), checked)


def assert_valid(result: Any, text: str) -> ScoreResult:
    """Check a result as the host does: a score in 0-100, a one-line summary, spans inside
    the text. Accepts a ScoreResult or a mapping of the same shape."""
    checked = ScoreResult.coerce(result)
    for f in checked.findings:
        assert 0 <= f.start <= f.end <= len(text), f"span [{f.start}, {f.end}) outside the text"
    return checked


@pytest.fixture
def aspire_profile() -> Profile:
    """A fresh sample profile for each test."""
    return make_profile()


@pytest.fixture
def aspire_score(aspire_profile: Profile) -> Any:
    """`aspire_score(scorer, text)` runs a scorer against the sample profile."""

    def run(scorer: Scorer, text: str, profile: Profile | None = None) -> ScoreResult:
        return score_with(scorer, text, profile or aspire_profile)

    return run
