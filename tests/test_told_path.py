"""A career path the research tells in sentences, not arrows, still sets the pace a title is
judged by; titles someone only stands in for, and steps said after "then", are no deadline."""

from __future__ import annotations

import pytest

from aspire_tui.scorers.ladder import told_path

from .conftest import flagged, make_profile

OPENING = "I applied because your plan to open twelve new stores in Wales excites me. "
CLOSING = " I want to build my career with Greenway for the long term."

TOLD = (
    "Trainees spend about eighteen months rotating through the departments, then usually "
    "become a deputy store manager, where most stay two or three years. Running a store "
    "of your own is seen as a good outcome within about four years of joining."
)
TOLD_AFTER = "Most pursers are appointed somewhere between eighteen months and three years in."


def test_a_title_told_after_a_time_takes_that_time_not_the_length_of_the_step() -> None:
    path = told_path(TOLD, "Store Manager Trainee")
    assert path is not None
    titles = [s.titles[0] for s in path.steps]
    assert titles[1] == "deputy store manager"
    # "then usually become" reaches it after eighteen months; "stay two or three years"
    # is how long the step lasts, not how far away it is
    assert path.years_to(1) == pytest.approx(1.5, abs=0.01)


def test_a_time_just_after_a_title_says_when_it_comes() -> None:
    path = told_path(TOLD_AFTER, "Cabin Crew Member")
    assert path is not None
    assert path.steps[1].titles == ("purser",)  # "most pursers" names the step
    assert path.years_to(1) == pytest.approx(1.5, abs=0.01)


def test_a_story_and_a_title_at_or_below_the_role_make_no_path() -> None:
    story = "Spoke to Gareth (Driver Manager at Shrewsbury, drove for 19 years before that)."
    assert told_path(story, "Trainee Train Driver") is None  # no cue of progression
    below = "Most Shift Engineers become Shift Leads after about two years."
    assert told_path(below, "Operations Manager") is None  # steps already made


def test_a_title_on_a_told_path_is_judged_by_it(score) -> None:  # type: ignore[no-untyped-def]
    profile = make_profile("entry", role="Cabin Crew Member", notes=TOLD_AFTER)
    fast = OPENING + "I'd like to be a purser within six months." + CLOSING
    assert flagged(score(fast, profile), fast, "purser within six months", "realism")
    steady = OPENING + "I'd like to be a purser within two years." + CLOSING
    assert not flagged(score(steady, profile), steady, "purser", "realism")


def test_standing_in_and_a_rung_below_are_not_a_leap(score) -> None:  # type: ignore[no-untyped-def]
    profile = make_profile("mid", role="Pharmacy Team Leader")
    for line in (
        "By year two I'd want to be covering as relief manager in the cluster.",
        "After the programme I'd aim to be a deputy manager within two years.",
    ):
        text = OPENING + line + CLOSING
        assert not flagged(score(text, profile), text, "manager", "realism"), line
    leap = OPENING + "By year two I'd want to be the regional director." + CLOSING
    assert flagged(score(leap, profile), leap, "regional director", "realism")


def test_a_title_after_then_is_a_later_step_not_the_deadline(score) -> None:  # type: ignore[no-untyped-def]
    notes = (
        "Career path: Consultant -> Senior Consultant (2-3 years) -> Principal Consultant "
        "(3-4 years) -> Associate Director."
    )
    profile = make_profile("mid", role="Consultant", notes=notes)
    text = OPENING + "Senior within two or three years, then Principal." + CLOSING
    assert not flagged(score(text, profile), text, "Principal", "realism")
    # the title's first word alone names the step ("Principal within a year")
    fast = OPENING + "I'd expect Principal within the first twelve months." + CLOSING
    assert flagged(score(fast, profile), fast, "Principal", "realism")
