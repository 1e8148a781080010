"""The company's own path and programme lengths, as the research writes them, decide what
is too far, too fast; the question's own horizon never makes growth talk concrete."""

from __future__ import annotations

import pytest

from aspire_tui.scorers.path import company_path
from aspire_tui.scorers.programme import stated_lengths
from aspire_tui.scorers.text import find_time_frames

from .conftest import flagged, make_profile

OPENING = "I applied because your plan to open a second contact centre in Glasgow excites me. "
CLOSING = " I want to grow with Brightwell for the long term."

ARROWS = (
    "Career path: Adviser -> Senior Adviser (typically 12-18 months) -> Team Leader -> "
    "Area Manager (usually 6+ years in). The interviewer is the area manager."
)
LISTED = "Ladder above the role: Adviser, Senior Adviser, Team Leader, Area Manager, Director."


@pytest.mark.parametrize("notes", [ARROWS, LISTED])
def test_a_path_is_read_from_arrows_or_a_labelled_list(notes: str) -> None:
    path = company_path(notes)
    assert path is not None
    assert [s.titles[0] for s in path.steps][:4] == [
        "adviser",
        "senior adviser",
        "team leader",
        "area manager",
    ]
    assert path.place("Customer Adviser") == 0
    assert path.place("Senior Customer Adviser") == 1  # the title most of whose words it holds


def test_a_time_in_brackets_is_the_step_and_years_in_count_from_the_start() -> None:
    path = company_path(ARROWS)
    assert path is not None
    assert path.years_to(1) == pytest.approx(1.25, abs=0.01)  # 12-18 months
    assert path.years_to(2) == pytest.approx(3.25, abs=0.01)  # no time written: a default step
    assert path.years_to(3) == pytest.approx(6.0, abs=0.01)  # "6+ years in": from the start


def test_prose_without_a_path_gives_none() -> None:
    assert company_path("Friendly team; promotes from within; invests in training.") is None


def test_a_title_on_the_path_is_judged_by_the_path(score) -> None:  # type: ignore[no-untyped-def]
    profile = make_profile("entry", role="Customer Adviser", notes=ARROWS)
    fast = OPENING + "I'd like to be Area Manager within eighteen months." + CLOSING
    assert flagged(score(fast, profile), fast, "Area Manager within eighteen months", "realism")
    steady = OPENING + "I'd like to be a Senior Adviser within eighteen months." + CLOSING
    assert not flagged(score(steady, profile), steady, "Senior Adviser", "realism")
    # the interviewer's title is theirs, not the candidate's aim
    theirs = OPENING + "In my first year I'd learn from your area manager." + CLOSING
    assert not flagged(score(theirs, profile), theirs, "area manager", "realism")


def test_a_later_title_is_not_judged_against_the_first_time(score) -> None:  # type: ignore[no-untyped-def]
    profile = make_profile("mid", role="Analyst")
    text = OPENING + "So senior analyst in around two years, manager after that." + CLOSING
    assert not flagged(score(text, profile), text, "manager after that", "realism")


PROGRAMME = (
    "Trainees join a funded diploma (around 18 months) with day release. "
    "Delivering a five-year capital programme of works across the region."
)


def test_programme_lengths_come_from_sentences_about_learning() -> None:
    lengths = stated_lengths(PROGRAMME)
    assert lengths.get("diploma") == pytest.approx(1.5, abs=0.01)
    assert "programme" not in lengths  # a programme of works is no course
    assert stated_lengths("Graduate intake of twelve a year onto the scheme.") == {}


def test_finishing_a_programme_far_sooner_is_out_of_touch(score) -> None:  # type: ignore[no-untyped-def]
    profile = make_profile("entry", role="Trainee Adviser", notes=PROGRAMME)
    fast = OPENING + "I reckon I'll get the diploma done in under a year." + CLOSING
    assert flagged(score(fast, profile), fast, "the diploma done in under a year", "realism")
    on_time = OPENING + "I'll finish the diploma in the eighteen months." + CLOSING
    assert not flagged(score(on_time, profile), on_time, "diploma", "realism")
    after = OPENING + "Six months after finishing the diploma I'd start mentoring." + CLOSING
    assert not flagged(score(after, profile), after, "diploma", "realism")


def test_the_questions_horizon_does_not_make_growth_talk_concrete(score) -> None:  # type: ignore[no-untyped-def]
    echo = OPENING + "In five years I see myself on a journey of continuous upskilling." + CLOSING
    report = score(echo)
    assert flagged(report, echo, "continuous upskilling", "specificity")
    near = OPENING + "By year two I'd be on a journey of continuous upskilling in Python." + CLOSING
    assert not flagged(score(near), near, "continuous upskilling", "specificity")


def test_a_time_said_before_a_deadline_promise_counts(score) -> None:  # type: ignore[no-untyped-def]
    promise = "Within ninety days I will have first-contact resolution above 92 per cent."
    text = OPENING + promise + CLOSING
    assert flagged(score(text), text, "above 92 per cent", "realism")


def test_reviews_and_anniversaries_count_only_with_an_ordinal() -> None:
    assert [f.years for f in find_time_frames("by my second review")] == [2.0]
    assert [f.years for f in find_time_frames("by my third anniversary here")] == [3.0]
    assert [f.years for f in find_time_frames("before my second annual review")] == [2.0]
    assert [f.years for f in find_time_frames("to be ceo by next harvest")] == [1.0]
    assert [f.years for f in find_time_frames("by the end of the season")] == [1.0]
    assert find_time_frames("my second annual leave") == []
    assert find_time_frames("a review of the process") == []


@pytest.mark.parametrize(
    ("sentence", "words", "plugin"),
    [
        # a title naming who a programme is for is no aim
        (
            "In my first year I'll help run the new manager development programme.",
            "manager",
            "realism",
        ),
        # the place aimed at is this one, said modestly
        (
            "Long term I'd like to lead support for an organisation like Brightwell.",
            "organisation",
            "commitment",
        ),
        ("Long term I'd like to lead support at a company like yours.", "company", "commitment"),
        # the company acting is no move of the candidate's
        (
            "What excites me is that you're big enough to move the big retailers.",
            "move",
            "commitment",
        ),
        # growing here is the commitment line, not empty talk
        (
            "I'd like to make this move and then grow my career here.",
            "grow my career",
            "specificity",
        ),
    ],
)
def test_what_a_coach_would_not_underline(score, sentence: str, words: str, plugin: str) -> None:  # type: ignore[no-untyped-def]
    text = OPENING + sentence + CLOSING
    assert not flagged(score(text), text, words, plugin)


def test_a_term_set_on_the_job_is_flight_risk(score) -> None:  # type: ignore[no-untyped-def]
    text = OPENING + "I'd give this three or four years, properly." + CLOSING
    assert flagged(score(text), text, "give this three or four years", "commitment")
    long = OPENING + "I'd give this role everything I have." + CLOSING
    assert not flagged(score(long), long, "give this role", "commitment")


def test_lengths_are_said_as_a_coach_says_them() -> None:
    from aspire_tui.wording import span_of

    assert [span_of(y) for y in (0.5, 1.4994, 2.5, 6.2)] == [
        "6 months",
        "18 months",
        "2.5 years",
        "6 years",
    ]


def test_a_steps_own_time_adds_up_and_a_place_is_no_title() -> None:
    notes = (
        "The ladder is: General Manager -> Cluster GM (2-4 years) -> Regional Operations "
        "Director (3-5 years) -> Divisional Managing Director, UK and Ireland (4-6 years) "
        "-> Chief Operating Officer."
    )
    path = company_path(notes)
    assert path is not None
    # "(3-5 years)" is that step's own time, not a total from the start
    assert path.years_to(2) == pytest.approx(7.0, abs=0.01)
    assert path.steps[3].titles == ("divisional managing director",)  # not "uk", "ireland"
    cumulative = company_path("Path: Trainee -> Associate (2 years) -> Director (12 years).")
    assert cumulative is not None
    assert cumulative.years_to(2) == pytest.approx(12.0, abs=0.01)  # no step takes 12 years
