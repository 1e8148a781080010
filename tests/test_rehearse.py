"""Rehearsal rounds without the UI: the reading clock, the stopwatch, the history entries,
the cue card and the rehearsals kept in a profile."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from aspire_tui.errors import ProfileError
from aspire_tui.keypoints import KeyPoint
from aspire_tui.models import DEFAULT_PACE, MAX_PACE, MIN_PACE, Draft, Profile
from aspire_tui.rehearse import (
    ReadAloud,
    Stopwatch,
    band_note,
    clock_text,
    count_words,
    cue_card,
    reading_lines,
    record,
    step_pace,
    trend,
)
from aspire_tui.session import MAX_REHEARSALS, Session
from aspire_tui.storage import load_profile, parse_profile, save_profile

from .clock import FakeClock

TEXT = (
    "In five years I'd like to lead the planning team here. "  # 11 words
    "First I want to run two chilled lines on my own, and take the CIPS diploma "
    "you fund, so that I can plan for the third site."  # 27 words
)


def test_lines_are_sentences_cut_at_a_comma_near_the_middle() -> None:
    lines = reading_lines(TEXT, most=12)
    assert lines[0] == "In five years I'd like to lead the planning team here."
    assert all(count_words(line) <= 12 for line in lines)
    assert any(line.endswith(",") for line in lines[1:])  # cut at the comma
    assert " ".join(lines).split() == TEXT.split()  # nothing lost or reordered


def test_a_run_of_words_with_no_comma_is_cut_every_few_words() -> None:
    lines = reading_lines(" ".join(["word"] * 30) + ".", most=12)
    assert [count_words(x) for x in lines] == [12, 12, 6]


def test_reading_moves_line_by_line_at_the_pace() -> None:
    clock = FakeClock()
    r = ReadAloud(TEXT, clock, pace=120)  # two words a second
    assert not r.running and r.elapsed == 0 and r.line == 0
    r.start()
    clock.now += 5  # 10 words: still the first line (11 words)
    assert r.line == 0
    clock.now += 1  # 12 words
    assert r.line == 1
    assert r.elapsed == pytest.approx(6)
    r.pause()
    clock.now += 100  # paused: nothing moves
    assert r.elapsed == pytest.approx(6) and r.line == 1
    r.start()
    clock.now += 1000
    assert r.finished
    assert r.elapsed == pytest.approx(r.total_words / 2)  # the clock stops at the last word
    assert r.line == len(r.lines) - 1


def test_a_change_of_pace_applies_from_the_word_being_read() -> None:
    clock = FakeClock()
    r = ReadAloud(TEXT, clock, pace=120)
    r.start()
    clock.now += 3  # 6 words at 2 a second
    r.set_pace(90)  # now 1.5 a second
    clock.now += 3
    assert r.words_done == pytest.approx(10.5)
    assert r.running
    assert r.expected == pytest.approx(r.total_words * 60 / 90)  # the whole draft, now
    r.set_pace(10)  # below the slowest pace: held there
    assert r.pace == MIN_PACE


def test_pace_stays_within_its_bounds() -> None:
    assert step_pace(DEFAULT_PACE, 10) == DEFAULT_PACE + 10
    assert step_pace(MAX_PACE, 10) == MAX_PACE
    assert step_pace(MIN_PACE, -10) == MIN_PACE


def test_an_empty_draft_is_finished_at_once_and_never_runs() -> None:
    r = ReadAloud("", FakeClock())
    r.start()
    assert r.finished and not r.running and r.elapsed == 0


def test_stopwatch_runs_from_start_to_stop() -> None:
    clock = FakeClock()
    w = Stopwatch(clock)
    clock.now += 5
    assert w.elapsed == 0  # not started
    w.start()
    clock.now += 42
    w.stop()
    clock.now += 10
    assert w.elapsed == pytest.approx(42)


@pytest.mark.parametrize(
    ("seconds", "says"), [(45, "under 60 s"), (60, "within"), (75, "within"), (95, "over 90 s")]
)
def test_band_note(seconds: float, says: str) -> None:
    assert says in band_note(seconds)


def test_clock_text() -> None:
    assert clock_text(0) == "0:00"
    assert clock_text(75.9) == "1:15"
    assert clock_text(-3) == "0:00"


POINTS = [
    KeyPoint("aim", "Long-range aim", 0, 10, "In five years I'd like to lead the planning team."),
    KeyPoint("near", "Nearer goal", 11, 20, "And first I want to run two chilled lines on my own."),
]


def test_cue_card_in_markdown_and_text() -> None:
    md = cue_card(POINTS, "Planner", "Fernhill Foods", "Where do you see yourself?", "md")
    assert md.startswith("# Planner at Fernhill Foods\n")
    assert "- **Nearer goal**: First I want to run two chilled lines on my own." in md
    txt = cue_card(POINTS, "Planner", "", "Where do you see yourself?", "txt")
    assert txt.splitlines()[0] == "Planner"
    assert "* Long-range aim: In five years I'd like to lead the planning team." in txt
    assert "No key points yet" in cue_card([], "Planner", "", "Q?", "txt")


def test_a_long_point_is_cut_on_the_card() -> None:
    long = KeyPoint("fit", "Tie", 0, 1, " ".join(f"w{i}" for i in range(30)))
    assert long.cue.endswith("…") and count_words(long.cue) == 12


def _profile() -> Profile:
    return Profile(role="Planner", career_stage="mid", drafts=[Draft(title="A", text=TEXT)])


def test_trend_lists_a_drafts_rounds_from_memory() -> None:
    rows = [
        record("read", "A", 50, 140, 4, score=80),
        record("recall", "A", 90, 140, 4, kept=2, score=60),
        record("recall", "B", 90, 140, 3, kept=3),
        record("recall", "A", 80, 150, 4, kept=4, score=79),
    ]
    assert trend(rows, "A") == "2/4 · 4/4"
    assert trend(rows, "C") == ""


def test_rehearsals_are_saved_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    profile = _profile()
    profile.rehearsals.append(record("recall", "A", 71.26, 150, 4, kept=3, score=70.04))
    save_profile(profile, path)
    assert path.stat().st_mode & 0o777 == 0o600
    back = load_profile(path).rehearsals[0]
    assert (back.round, back.seconds, back.pace, back.kept, back.score) == (
        "recall",
        71.3,
        150,
        3,
        70.0,
    )
    assert back.when.tzinfo is not None


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ('round = "sing"', "rehearsals[0].round"),
        ("seconds = -4", "rehearsals[0].seconds"),
        ("pace = 900", "rehearsals[0].pace"),
        ("kept = 7", "more than the 4 key points"),
        ("score = 120", "rehearsals[0].score"),
        ("mood = 3", "rehearsals[0].mood: unknown key"),
    ],
)
def test_a_bad_rehearsal_names_its_line_and_key(line: str, says: str) -> None:
    rows = {"round": '"recall"', "seconds": "60", "pace": "140", "points": "4", "kept": "2"}
    key = line.split(" =")[0]
    body = "\n".join(f"{k} = {v}" for k, v in rows.items() if k != key)
    text = (
        'schema_version = 1\nrole = "Planner"\ncareer_stage = "mid"\n\n'
        f"[[rehearsals]]\nwhen = 2026-12-01T10:00:00Z\n{body}\n{line}\n"
    )
    with pytest.raises(ProfileError) as caught:
        parse_profile(text, "p.toml")
    message = str(caught.value)
    assert message.startswith("p.toml:") and says in message
    assert "\n" not in message


def test_a_rehearsal_needs_its_date() -> None:
    text = 'schema_version = 1\nrole = "P"\ncareer_stage = "mid"\n[[rehearsals]]\nseconds = 5\n'
    with pytest.raises(ProfileError, match=r"rehearsals\[0\]\.when"):
        parse_profile(text, "p.toml")


def _session(tmp_path: Path) -> Session:
    path = tmp_path / "p.toml"
    save_profile(_profile(), path)
    return Session(path, load_profile(path))


def test_session_keeps_rounds_and_the_last_pace(tmp_path: Path) -> None:
    s = _session(tmp_path)
    assert s.last_pace() == DEFAULT_PACE
    s.add_rehearsal(record("read", "A", 40, 170, 2))
    assert s.dirty and s.last_pace() == 170
    s.save()
    on_disk = tomllib.loads(s.path.read_text())
    assert on_disk["rehearsals"][0]["pace"] == 170


def test_history_is_capped_at_the_newest(tmp_path: Path) -> None:
    s = _session(tmp_path)
    for i in range(MAX_REHEARSALS + 5):
        s.add_rehearsal(record("recall", "A", i, 140, 3, kept=1))
    rows = s.profile.rehearsals
    assert len(rows) == MAX_REHEARSALS
    assert rows[0].seconds == 5 and rows[-1].seconds == MAX_REHEARSALS + 4


def test_a_renamed_draft_keeps_its_history_and_a_deleted_one_drops_it(tmp_path: Path) -> None:
    s = _session(tmp_path)
    s.add_rehearsal(record("recall", "A", 60, 140, 3, kept=2))
    s.rename_draft("Final")
    assert [r.draft for r in s.profile.rehearsals] == ["Final"]
    s.new_draft()
    s.add_rehearsal(record("recall", s.draft.title, 60, 140, 3, kept=1))
    s.select_draft(0)
    s.delete_draft()
    assert [r.draft for r in s.profile.rehearsals] == [s.draft.title]


def test_rounds_added_in_two_windows_are_both_kept_on_merge(tmp_path: Path) -> None:
    s = _session(tmp_path)
    other = Session(s.path, load_profile(s.path))
    other.add_rehearsal(record("recall", "A", 50, 140, 3, kept=3))
    other.save()
    s.add_rehearsal(record("read", "A", 45, 140, 3))
    conflict = s.conflict(s.path.read_bytes())
    assert conflict.merged is not None, conflict.clashes
    conflict.merge()
    rounds = sorted(r.round for r in load_profile(s.path).rehearsals)
    assert rounds == ["read", "recall"]
