from __future__ import annotations

from aspire_delivery import DeliveryScorer, aspire_key_points, reading_ease, syllables

from aspire_tui.testing import key_points_with, make_profile, score_with

LONG = (
    "In five years I would like to be responsible for the organisation's entire "
    "international operational reporting infrastructure, coordinating multidisciplinary "
    "stakeholders, standardising methodologies and institutionalising accountability "
    "across every regional subsidiary we currently operate."
)


def test_syllables_come_from_the_bundled_dictionary() -> None:
    assert syllables("team") == 1
    assert syllables("reporting") == 3
    assert syllables("responsibility") >= 5


def test_reading_ease_orders_easy_above_hard() -> None:
    assert reading_ease(["I", "want", "to", "lead", "the", "team"]) > reading_ease(LONG.split())


def test_a_long_hard_sentence_is_flagged() -> None:
    text = LONG + " I'd start next year."
    result = score_with(DeliveryScorer(), text)
    hard = [f for f in result.findings if f.kind == "hard-sentence"]
    assert len(hard) == 1 and text[hard[0].start : hard[0].end] == LONG
    assert "many long ones" in hard[0].message
    assert result.score == 92.0


def test_fillers_are_pointed_out() -> None:
    text = "Um, I basically want to lead the reporting team here, you know."
    result = score_with(DeliveryScorer(), text)
    assert [text[f.start : f.end] for f in result.findings] == ["Um", "basically", "you know"]


def test_short_plain_answer_is_clean() -> None:
    result = score_with(DeliveryScorer(), "I want to lead the reporting team here in three years.")
    assert result.findings == () and result.score == 100.0
    assert "s at a calm pace" in result.summary


def test_settings_change_the_limits() -> None:
    text = "I want to lead the reporting team here within the next three or four years."
    profile = make_profile(text=text, delivery={"long_sentence": 8, "fillers": []})
    result = score_with(DeliveryScorer(), text, profile)
    assert [f.kind for f in result.findings] == ["hard-sentence"]


def test_empty_text() -> None:
    result = score_with(DeliveryScorer(), "")
    assert result.score == 0.0 and result.findings == ()


def test_an_example_is_a_key_point_of_its_own() -> None:
    text = (
        "Last year I ran the reporting for two regional teams on my own. "
        "In five years I'd like to lead the operations analysis team here."
    )
    points = key_points_with(aspire_key_points(), text)
    assert [p.kind for p in points] == ["example", "aim"]
    assert points[0].label == "An example you give"


def test_a_sentence_without_an_example_is_no_example() -> None:
    points = key_points_with(aspire_key_points(), "I enjoy the work and the people.")
    assert points == []
