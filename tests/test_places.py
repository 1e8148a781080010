"""A place named as where the candidate will be is flight risk; the company's own places,
its plans abroad, a skill with a capital and a story of the past are not."""

from __future__ import annotations

import pytest

from .conftest import flagged, make_profile

OPENING = "I applied because your plan to open a second contact centre in Glasgow excites me. "
CLOSING = " I want to grow with Brightwell for the long term."


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("After that we are planning to shift to Canada.", "Canada"),
        ("We want to be in Spain by thirty.", "Spain"),
        ("Longer term I'd like to end up working in Manchester.", "Manchester"),
    ],
)
def test_a_place_to_be_next_is_flight_risk(score, sentence: str, place: str) -> None:  # type: ignore[no-untyped-def]
    text = OPENING + sentence + CLOSING
    assert flagged(score(text), text, place, "commitment")


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("I'd love to help you open the Berlin office within three years.", "Berlin"),
        ("I'd like to be leading the Glasgow team within three years.", "Glasgow"),
        ("I'd like to be working in Python and SQL every day.", "Python"),
        ("I moved to London from Lagos in 2019 and have worked in support since.", "Lagos"),
        ("I'd never move to Berlin: my family is here.", "Berlin"),
        ("Our customers in Germany need support in German, and I'd like to lead that.", "Germany"),
    ],
)
def test_this_jobs_places_and_other_capitals_are_not(score, sentence: str, place: str) -> None:  # type: ignore[no-untyped-def]
    text = OPENING + sentence + CLOSING
    assert not flagged(score(text), text, place, "commitment")


def test_a_place_the_research_names_is_part_of_this_job(score) -> None:  # type: ignore[no-untyped-def]
    profile = make_profile(long_term_plans="Opening a contact centre in Leeds within two years.")
    text = (
        OPENING + "In three years I'd like to be based in Leeds, running the new centre." + CLOSING
    )
    assert not flagged(score(text, profile), text, "Leeds", "commitment")
