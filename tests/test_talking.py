"""Talking points list every bullet of the job whole, common-word ones too."""

from __future__ import annotations

from aspire_tui.talking import talking_points

from .conftest import make_profile

JD = """What you'll do:
- Design, build and run Python services that reconcile millions of bank transactions a day
- Mentor junior engineers through pairing and code review
What you'll bring:
- Clear written communication
"""


def test_every_bullet_is_listed_whole() -> None:
    points = talking_points(make_profile(job_description=JD), "")
    labels = [p.requirement for p in points]
    assert labels[0] == (
        "Design, build and run Python services that reconcile millions of bank transactions a day"
    )
    assert "Clear written communication" in labels
    assert [p.task for p in points] == [True, True, False]


def test_a_common_word_bullet_is_covered_when_the_draft_says_it() -> None:
    profile = make_profile(job_description=JD)
    draft = "I'd keep my clear written communication sharp through design docs."
    covered = {p.requirement: p.in_draft for p in talking_points(profile, draft)}
    assert covered["Clear written communication"]
    assert not covered["Mentor junior engineers through pairing and code review"]
