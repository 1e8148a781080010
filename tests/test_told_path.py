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


def _timed(notes: str, role: str) -> dict[str, float | None]:
    """Each step above the role, by its first title, with the years the notes give it."""
    path = told_path(notes, role)
    assert path is not None
    return {s.titles[0]: s.years for s in path.steps[1:]}


def test_notes_name_titles_by_the_words_of_the_role_and_two_word_titles() -> None:
    notes = (
        "Keepers progress to Senior Keeper, usually after 4-6 years, then Team Leader of a "
        "section after 8 years. Curator posts are rare and usually go to people with 15+ years."
    )
    timed = _timed(notes, "Animal Keeper, Primate Section")
    # "keeper" is a title because the role is one; "Team Leader" ends in two words of one;
    # a title opening its sentence names a step when nobody in it moves on from it
    assert timed == {"senior keeper": 5.0, "team leader": 8.0, "curator": 15.0}


def test_a_ladder_written_as_a_list_times_each_clause_by_its_own_figures() -> None:
    notes = (
        "Typical ladder: Associate Producer 2-3 years; Senior Producer after 5-7 years total; "
        "Executive Producer or studio leadership 10+ years."
    )
    timed = _timed(notes, "Associate Producer")
    # the label is the cue for every clause; a least time ("10+") is the distance to it
    assert timed == {"senior producer": 6.0, "executive producer": 10.0}


def test_of_two_times_beside_a_title_the_nearer_is_its_own() -> None:
    notes = (
        "After 2-3 years engineers can move to Senior Field Engineer, then Field Team Leader "
        "after 4-6 years."
    )
    timed = _timed(notes, "Trainee Fibre Field Engineer")
    assert timed == {"senior field engineer": 2.5, "field team leader": 5.0}


def test_a_post_the_research_says_falls_vacant_is_in_reach_by_then(score) -> None:  # type: ignore[no-untyped-def]
    notes = (
        "The Head of Science retires in about two years; the school expects to appoint internally."
    )
    profile = make_profile("mid", role="Teacher of Science", notes=notes)
    text = OPENING + "I want to become Head of Science within the next couple of years." + CLOSING
    assert not flagged(score(text, profile), text, "Head of Science", "realism")
    unknown = make_profile("mid", role="Teacher of Science")
    fast = OPENING + "I want to become Head of Science within a year." + CLOSING
    assert flagged(score(fast, unknown), fast, "Head of Science", "realism")


def test_a_plugin_can_name_a_title_the_notes_use() -> None:
    from aspire_tui.scorers import lexicon

    notes = "Deckhands usually make Bosun after 6 years."
    assert told_path(notes, "Deckhand") is None  # "bosun" is a title no list holds
    lexicon.extend("sea", {"notes_title": ["bosuns?"]})
    try:
        path = told_path(notes, "Deckhand")
        assert path is not None and path.steps[1].titles == ("bosun",)
    finally:
        lexicon.forget("sea")
    assert told_path(notes, "Deckhand") is None
