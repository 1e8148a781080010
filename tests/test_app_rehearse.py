"""Rehearse in the app: both rounds driven by a fake clock (no sleeps stand in for time),
the result of a round from memory, the history saved with the profile, the cue card."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from textual.command import CommandPalette
from textual.widgets import Static, TextArea

from aspire_tui.app.app import AspireApp
from aspire_tui.app.screens.rehearse import RehearseScreen
from aspire_tui.app.widgets.draft.editor import DraftEditor
from aspire_tui.app.widgets.feedback.panel import FeedbackPanel

from .clock import FakeClock
from .test_app import first_run_app, settle


def shown(app: AspireApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def open_rehearse(pilot: Any, app: AspireApp) -> RehearseScreen:
    await settle(pilot, app)
    await pilot.press("ctrl+t")
    await pilot.pause()
    assert isinstance(app.screen, RehearseScreen)
    return app.screen


async def test_reading_aloud_follows_the_clock_and_the_pace(aspire_home: Path) -> None:
    app = first_run_app()
    clock = app.clock = FakeClock()
    async with app.run_test(size=(140, 45)) as pilot:
        screen = await open_rehearse(pilot, app)
        lines = screen.reading.lines
        assert "Press space to start" in shown(app, "#read-lines")
        assert lines[1] not in shown(app, "#read-lines")  # one line at a time
        assert "0:00 of" in shown(app, "#rehearse-clock")
        assert "Long-range aim" in shown(app, "#rehearse-points")  # the points beside it
        await pilot.press("space")
        clock.now += 10  # 140 words a minute: 23 words, past the first line
        screen.tick()
        text = shown(app, "#read-lines")
        assert screen.reading.line >= 1 and lines[screen.reading.line] in text
        assert "0:10 of" in shown(app, "#rehearse-clock")
        await pilot.press("plus", "plus")
        assert screen.reading.pace == 160
        assert "at 160 words a minute" in shown(app, "#rehearse-clock")
        await pilot.press("space")  # pause
        clock.now += 30
        screen.tick()
        assert "0:10 of" in shown(app, "#rehearse-clock") and "Paused" in shown(app, "#read-lines")
        await pilot.press("space")
        clock.now += 600  # to the end
        screen.tick()
        assert screen.reading.finished
        assert "Press enter to say it from memory" in shown(app, "#read-lines")
        # Reading to the end is a round: it is in the profile's history already.
        assert [r.round for r in app.session.profile.rehearsals] == ["read"]
        assert app.session.profile.rehearsals[0].pace == 160


async def test_from_memory_shows_what_was_kept_and_saves_the_round(aspire_home: Path) -> None:
    app = first_run_app()
    clock = app.clock = FakeClock()
    async with app.run_test(size=(140, 45)) as pilot:
        screen = await open_rehearse(pilot, app)
        draft_text = app.session.draft.text
        await pilot.press("enter")  # straight to round two: reading never started
        area = screen.query_one("#recall", TextArea)
        assert app.focused is area
        assert "hidden until you are done" in shown(app, "#rehearse-points")
        assert draft_text[:30] not in shown(app, "#rehearse-points")
        assert "clock starts when you start typing" in shown(app, "#rehearse-clock")
        await pilot.press("ctrl+s")  # nothing typed: nothing judged
        assert screen.stage == "recall"
        area.insert(
            "In about five years I want to be a chartered civil engineer at Harrowgate, "
            "designing water network schemes myself."
        )
        await pilot.pause()
        clock.now += 95
        screen.tick()
        assert "1:35" in shown(app, "#rehearse-clock")
        await pilot.press("ctrl+s")
        await settle(pilot, app, until=lambda: screen.result is not None)
        result = screen.result
        assert result is not None
        total = len(screen.points)
        assert 1 <= result.kept < total  # the aim is kept, the rest was never said
        assert result.points[0].kept and result.points[0].point.kind == "aim"
        outcome = shown(app, "#outcome")
        assert f"Kept {result.kept} of {total} key points" in outcome
        assert "not said" in outcome and "for what you said" in outcome
        assert "typed in 1:35" in outcome
        assert result.score is not None and result.draft_score is not None
        assert result.score < result.draft_score  # one sentence against the whole answer
        # Only the round from memory was done, and it is saved with the profile.
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, RehearseScreen)
        app.save_now()
        saved = tomllib.loads(app.session.path.read_text(encoding="utf-8"))["rehearsals"]
        assert [(r["round"], r["kept"], r["points"]) for r in saved] == [
            ("recall", result.kept, total)
        ]
        assert saved[0]["seconds"] == 95.0
        history = str(app.main.query_one(FeedbackPanel).query_one("#history", Static).render())
        assert f"{result.kept}/{total}" in history


async def test_keep_what_was_said_as_a_new_draft(aspire_home: Path) -> None:
    app = first_run_app()
    app.clock = FakeClock()
    async with app.run_test(size=(140, 45)) as pilot:
        screen = await open_rehearse(pilot, app)
        before = len(app.session.profile.drafts)
        await pilot.press("enter")
        screen.query_one("#recall", TextArea).insert("I'd like to lead wetland design here.")
        await pilot.press("ctrl+s")
        await settle(pilot, app, until=lambda: screen.result is not None)
        await pilot.press("k")
        await pilot.pause()
        drafts = app.session.profile.drafts
        assert len(drafts) == before + 1
        assert drafts[-1].text == "I'd like to lead wetland design here."
        assert app.main.query_one(DraftEditor).text == drafts[-1].text
        await pilot.press("a")  # again: back to reading, the new draft untouched
        assert screen.stage == "read" and screen.query_one("#recall", TextArea).text == ""


async def test_rehearse_is_in_the_palette_and_refuses_an_empty_draft(aspire_home: Path) -> None:
    app = first_run_app()
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot, app)
        app.main.query_one(DraftEditor).load_text("")
        app.session.set_text("")
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"rehearse")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, RehearseScreen)
        notes = [n.message for n in app._notifications]
        assert any("Write a draft first" in m for m in notes)


async def test_cue_card_export_writes_the_key_points(aspire_home: Path) -> None:
    app = first_run_app()
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot, app)
        await app.run_action("export_cue('md')")
        await pilot.pause()
        cards = list((aspire_home / "exports").glob("*-cue-card.md"))
        assert len(cards) == 1
        card = cards[0].read_text(encoding="utf-8")
        assert card.startswith(f"# {app.session.profile.role}")
        assert "**Long-range aim**:" in card
        assert cards[0].stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("leave", ["escape", "ctrl+q"])
async def test_leaving_mid_read_keeps_the_round_as_far_as_it_got(
    aspire_home: Path, leave: str
) -> None:
    """Back to the draft, or quitting the app on this screen: the reading so far is a
    round, saved with the profile (on quitting, before the app closes)."""
    app = first_run_app()
    clock = app.clock = FakeClock()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_rehearse(pilot, app)
        await pilot.press("space")
        clock.now += 20
        await pilot.press(leave)
        await pilot.pause()
        if leave == "escape":
            assert not isinstance(app.screen, RehearseScreen)
            app.save_now()
    on_disk = tomllib.loads(app.session.path.read_text(encoding="utf-8"))
    assert [(r["round"], r["seconds"]) for r in on_disk["rehearsals"]] == [("read", 20.0)]
    assert screen.reading.running is False


async def test_help_lists_the_rehearse_keys(aspire_home: Path) -> None:
    from aspire_tui.app.screens.help import HelpScreen

    app = first_run_app()
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot, app)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = str(app.screen.query_one("#help-body").query_one(Static).render())
        assert "Rehearse (^t)" in text and "Rehearse: Say the draft" in text
        for binding in RehearseScreen.BINDINGS:
            assert f"{binding.description}  ({binding.id})" in text  # type: ignore[union-attr]
