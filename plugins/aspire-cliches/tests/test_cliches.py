from __future__ import annotations

import pytest
from aspire_cliches import ClichesScorer

from aspire_tui.testing import make_profile, score_with


def test_cliches_are_pointed_out_with_what_to_say_instead() -> None:
    text = (
        "I'm a team player and I'd hit the ground running. In two years I'd like to "
        "lead the reporting work here."
    )
    result = score_with(ClichesScorer(), text)
    phrases = [text[f.start : f.end] for f in result.findings]
    assert phrases == ["team player", "hit the ground running"]
    assert all(f.severity == "suggestion" and f.suggestion for f in result.findings)
    assert result.score == 84.0


def test_a_plain_answer_is_clean() -> None:
    result = score_with(ClichesScorer(), "In two years I'd like to lead the reporting work here.")
    assert result.findings == () and result.score == 100.0


def test_settings_add_and_ignore_phrases() -> None:
    text = "I'm a rock star and a team player."
    profile = make_profile(
        text=text,
        cliches={"extra": {"rock star": "Say what stood out."}, "ignore": ["team player"]},
    )
    result = score_with(ClichesScorer(), text, profile)
    assert [text[f.start : f.end] for f in result.findings] == ["rock star"]
    assert result.findings[0].suggestion == "Say what stood out."


def test_a_bad_setting_is_reported_as_aspire_would() -> None:
    profile = make_profile(text="x", cliches={"weight_per_cliche": "lots"})
    with pytest.raises(AssertionError, match=r"\[plugins.cliches\] weight_per_cliche"):
        score_with(ClichesScorer(), "I'm a team player.", profile)


def test_it_counts_for_nothing_overall_unless_weighted(aspire_profile) -> None:
    assert ClichesScorer.weight == 0.0
