"""How words compose into findings and scores: a contraction ends a word ("money's"), a new
subject starts a new clause ("and I"), a planned return home is flight risk, and scores
with nothing to flag still tell a rushed plan or a pay-first answer from a steady one."""

from __future__ import annotations

from .conftest import flagged, make_profile

OPENING = "I applied because your plan to open a second contact centre in Glasgow excites me. "
CLOSING = " I want to grow with Brightwell for the long term."


def test_a_word_before_an_apostrophe_s_is_whole(score) -> None:  # type: ignore[no-untyped-def]
    text = OPENING + "If the money's right I'll stay all day long." + CLOSING
    assert flagged(score(text), text, "the money's right", "alignment")
    # still not "don" of "don't"
    fine = OPENING + "I don't want to rush the first year." + CLOSING
    assert not flagged(score(fine), fine, "don't", "commitment")


def test_a_denial_does_not_reach_across_and_i(score) -> None:  # type: ignore[no-untyped-def]
    text = (
        OPENING
        + "My mum's not getting any younger and I promised her I'd be back in Savannah."
        + CLOSING
    )
    assert flagged(score(text), text, "back in Savannah", "commitment")


def test_a_return_to_where_one_came_from_is_flight_risk(score) -> None:  # type: ignore[no-untyped-def]
    for line in (
        "Eventually I will go back to help my father run the family firm.",
        "After two years I'd head back to reporting.",
    ):
        text = OPENING + line + CLOSING
        assert flagged(score(text), text, line.rstrip("."), "commitment"), line
    for line in (
        "I'd go back to the team with what I learned on the course.",
        "I went back to college at thirty and loved it.",
    ):
        text = OPENING + line + CLOSING
        assert not flagged(score(text), text, line.rstrip("."), "commitment"), line


def test_a_plan_told_in_a_rush_scores_lower_on_realism(score) -> None:  # type: ignore[no-untyped-def]
    steady = OPENING + "Step by step, I'd first learn the systems from the team." + CLOSING
    rushed = OPENING + "I'd go straight in, I'm exactly who you need, no doubt." + CLOSING
    a, b = score(steady).score_of("realism"), score(rushed).score_of("realism")
    assert a is not None and b is not None and a > b
    # and neither gets a finding for it
    assert not flagged(score(rushed), rushed, "exactly who you need", "realism")


def test_pay_as_a_reason_costs_commitment(score) -> None:  # type: ignore[no-untyped-def]
    plain = OPENING + "I'd like to lead the quality team in a few years." + CLOSING
    paid = OPENING + "I'd like to lead the quality team in a few years for the bonus." + CLOSING
    a, b = score(plain).score_of("commitment"), score(paid).score_of("commitment")
    assert a is not None and b is not None and a - b >= 10


def test_the_companys_own_target_is_no_promise_of_the_candidates(score) -> None:  # type: ignore[no-untyped-def]
    profile = make_profile("executive", role="Head of Claims")
    theirs = (
        OPENING
        + "In two years I want cycle times down by the thirty per cent you've committed to."
        + CLOSING
    )
    assert not flagged(score(theirs, profile), theirs, "thirty per cent", "realism")
    mine = OPENING + "In two years I want cycle times down by thirty per cent." + CLOSING
    assert flagged(score(mine, profile), mine, "thirty per cent", "realism")


def test_a_hedge_is_no_menu_but_two_options_are(score) -> None:  # type: ignore[no-untyped-def]
    hedged = (
        OPENING
        + "By year two I could be the nurse the vets trust, and maybe start the certificate."
        + CLOSING
    )
    assert not flagged(score(hedged), hedged, "maybe start", "specificity")
    menu = OPENING + "It could be head chef, it could be development chef, who knows." + CLOSING
    assert flagged(score(menu), menu, "It could be head chef", "specificity")


def test_words_that_only_look_like_a_problem_are_not_one(score) -> None:  # type: ignore[no-untyped-def]
    profile = make_profile(
        "senior",
        role="Head of Customer Success",
        notes="Renewals sit with Customer Success from next year.",
    )
    for line, phrase in (
        ("I'd like to be the person who knows the cost base cold.", "who knows"),
        ("In year one the renewals move to CS, and I'd own that.", "move to CS"),
        ("This year we're moving NRR from 104 toward 110.", "moving NRR"),
        ("I'd step up to senior, maybe in two or three years, or lead a pod.", "maybe in two"),
        ("I'd get the retrofit going with the grant money before the deadline.", "grant money"),
        ("I'd help keep the association financially resilient.", "financially resilient"),
    ):
        text = OPENING + line + CLOSING
        assert not flagged(score(text, profile), text, phrase), line
    aside = OPENING + "Where will I be? Who knows, honestly." + CLOSING
    assert flagged(score(aside, profile), aside, "Who knows", "specificity")


def test_summaries_say_what_is_true_of_the_answer(score) -> None:  # type: ignore[no-untyped-def]
    text = OPENING + "If the money's right I'll stay here for years." + CLOSING
    commitment = next(s for s in score(text).scores if s.plugin == "commitment")
    assert "Pay" in commitment.summary  # not "Says you want to stay"
    entry = make_profile("entry")
    fast = OPENING + "I'd be the director within a year." + CLOSING
    realism = next(s for s in score(fast, entry).scores if s.plugin == "realism")
    assert realism.summary.startswith("Overreaches for an entry-stage candidate")
