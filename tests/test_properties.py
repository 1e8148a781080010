"""Any text at all gets scores in [0, 100] and valid spans, never an exception."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aspire_tui.engine import Engine
from aspire_tui.plugins import load_host

from .conftest import make_profile

ENGINE = Engine(load_host(installed=False))
PROFILES = [make_profile(stage) for stage in ("entry", "mid", "senior", "executive", "changer")]

words = st.sampled_from(
    [
        "I'd",
        "like",
        "to",
        "lead",
        "the",
        "team",
        "here",
        "in",
        "five",
        "years",
        "maybe",
        "salary",
        "stepping",
        "stone",
        "not",
        "sure",
        "director",
        "within",
        "two",
        "years",
        "my",
        "own",
        "consultancy",
        "leverage",
        "synergy",
        "12",
        "months",
        "👩\u200d💻",
        "שלום",
        "مرحبا",
        "\u202e",
        "\x00",
        "\t",
        "\r\n",
        ".",
        ",",
        ";",
        ":",
        "—",
        "'",
        '"',
        "café",
        "Ω",
    ]
)
texts = st.one_of(
    st.text(),
    st.lists(words, max_size=400).map(" ".join),
    st.text(alphabet=st.characters(blacklist_categories=()), max_size=2000),
)


def check(text: str, stage: int) -> None:
    report = ENGINE.score(text, PROFILES[stage])
    assert report.errors == [], report.errors
    assert 0 <= report.overall <= 100
    assert report.words >= 0 and report.speaking_seconds >= 0
    for s in report.scores:
        assert 0 <= s.score <= 100
        for f in s.findings:
            assert 0 <= f.start <= f.end <= len(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.integers(0, 4))
def test_any_text_scores_safely(text: str, stage: int) -> None:
    check(text, stage)


def test_empty_and_whitespace() -> None:
    for text in ("", " ", "\n\n\n", "\t"):
        check(text, 1)
        assert ENGINE.score(text, PROFILES[1]).overall <= 35


def test_one_megabyte() -> None:
    text = ("I'd like to lead the support team here within five years, coaching agents. " * 14000)[
        : 1 << 20
    ]
    check(text, 0)


def test_control_characters_emoji_and_right_to_left() -> None:
    for text in (
        "\x00\x01\x02" * 50,
        "🚀" * 300,
        "אני רוצה להוביל צוות " * 40,
        "I want\u202e to lead\u200f a team 👩🏽‍💼 here.",
        "\ud800 lone surrogate",
    ):
        check(text, 2)
