"""The rough edges a new user hits in the first hour (issue 10), through Pilot and the CLI:
choosing a finding, the draft commands, switching drafts, the chart across drafts, focus,
the picker's highlight, plurals and `--min-score`."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from rich.text import Text
from textual.widgets import OptionList, Static, TextArea

from aspire_tui.app.app import AspireApp
from aspire_tui.app.commands import COMMANDS
from aspire_tui.app.screens.help import HelpScreen
from aspire_tui.app.screens.picker import Confirm, ProfilePicker, TextPrompt
from aspire_tui.app.widgets.draft.editor import DraftEditor
from aspire_tui.app.widgets.feedback.panel import FeedbackPanel
from aspire_tui.models import Draft, Profile
from aspire_tui.session import Session
from aspire_tui.storage import example_paths, load_profile
from aspire_tui.wording import plural

from .test_app import MONEY, findings, first_run_app, settle
from .test_cli import run

# ---- choosing a finding --------------------------------------------------------------------


async def test_choosing_a_finding_places_the_cursor_and_typing_replaces_nothing(
    aspire_home: Path,
) -> None:
    app = first_run_app()
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot, app)
        editor = app.query_one(DraftEditor)
        editor.load_text("Line one is fine.\n" + MONEY)
        await settle(pilot, app, lambda: any(x.finding.kind == "money" for x in findings(app)))
        editor.focus()
        await pilot.press("ctrl+end", *"abc")  # earlier typing, at the end of the draft
        await settle(pilot, app)
        await pilot.press("ctrl+f", "down", "enter")
        await pilot.pause()
        index = app.query_one("#findings", OptionList).highlighted
        assert index is not None
        chosen = findings(app)[index].finding
        assert chosen.end > chosen.start
        assert app.focused is editor
        assert editor.selected_text == ""  # nothing armed to be replaced
        assert editor.cursor_location == editor.location_of(chosen.start)
        assert editor.flashed == (chosen.start, chosen.end)
        painted = {name for row in editor._highlights.values() for *_, name in row}
        assert "aspire-chosen" in painted  # the span is shown, over the finding's colour
        before = editor.text
        await pilot.press("z")
        assert editor.text == before[: chosen.start] + "z" + before[chosen.start :]
        assert editor.flashed is None  # the flash ends with the edit, never on the wrong words
        await pilot.press("ctrl+z")
        assert editor.text == before  # one undo: only the "z"
        await pilot.press("ctrl+z")
        assert editor.text == "Line one is fine.\n" + MONEY  # the next: the earlier typing


async def test_a_chosen_finding_flash_fades(aspire_home: Path, monkeypatch: Any) -> None:
    from aspire_tui.app.widgets.draft import editor as editor_module

    monkeypatch.setattr(editor_module, "FLASH_SECONDS", 0.1)
    app = first_run_app()
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot, app)
        editor = app.query_one(DraftEditor)
        editor.go_to_span(3, 9)
        assert editor.flashed == (3, 9) and editor.selected_text == ""
        await pilot.pause(0.3)
        assert editor.flashed is None
        painted = {name for row in editor._highlights.values() for *_, name in row}
        assert "aspire-chosen" not in painted


# ---- draft commands ------------------------------------------------------------------------


def session_with(*texts: str) -> Session:
    drafts = [Draft(title=f"Draft {i + 1}", text=t) for i, t in enumerate(texts)]
    profile = Profile(role="Nurse", career_stage="mid", drafts=drafts)
    return Session(Path("/nonexistent/nurse.toml"), profile, raw=b"")


def test_session_renames_and_deletes_drafts_but_never_the_last() -> None:
    s = session_with("one", "two", "three")
    s.select_draft(1)
    s.rename_draft("  Shorter opening  ")
    assert s.draft.title == "Shorter opening" and s.dirty
    for bad in ("", "   ", "a\nb", "tab\there"):
        with pytest.raises(ValueError):
            s.rename_draft(bad)
    assert s.draft.title == "Shorter opening"
    gone = s.delete_draft()
    assert gone.text == "two" and [d.text for d in s.profile.drafts] == ["one", "three"]
    assert s.draft.text == "one"  # the one before is edited next
    s.select_draft(0)
    s.delete_draft()
    assert s.draft.text == "three"  # deleting the first: the new first
    with pytest.raises(ValueError, match="only draft"):
        s.delete_draft()
    assert len(s.profile.drafts) == 1


def test_session_new_draft_titles_never_repeat_after_a_delete() -> None:
    s = session_with("one", "two", "three")
    s.select_draft(0)
    s.delete_draft()  # Draft 2 and Draft 3 remain
    copy = s.new_draft(copy=True)
    assert copy.title == "Draft 4" and copy.text == "two"
    assert len({d.title for d in s.profile.drafts}) == len(s.profile.drafts)


async def palette(pilot: Any, name: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*name)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause(0.2)


async def test_duplicate_rename_and_delete_draft_from_the_palette(aspire_home: Path) -> None:
    app = first_run_app()
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot, app)
        original, title = app.session.draft.text, app.session.draft.title
        await palette(pilot, "duplicate draft")
        assert len(app.session.profile.drafts) == 2 and app.session.draft_index == 1
        assert app.query_one(DraftEditor).text == original  # starts as a copy
        await palette(pilot, "rename draft")
        assert isinstance(app.screen, TextPrompt)
        app.screen.query_one("#value").value = "Warmer close"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.draft.title == "Warmer close"
        assert "Warmer close (2 of 2)" in str(app.query_one("#draft-title").render())
        await palette(pilot, "delete draft")
        assert isinstance(app.screen, Confirm)
        assert "Warmer close" in app.screen.question
        await pilot.press("n")
        await pilot.pause()
        assert len(app.session.profile.drafts) == 2
        await palette(pilot, "delete draft")
        await pilot.press("y")
        await pilot.pause()
        assert len(app.session.profile.drafts) == 1
        assert app.query_one(DraftEditor).text == original
        await palette(pilot, "delete draft")  # the last one: refused, no dialog
        assert not isinstance(app.screen, Confirm)
        assert len(app.session.profile.drafts) == 1
        assert any("only draft" in n.message for n in app._notifications)
        path = app.session.path
        await pilot.press("ctrl+q")
    assert [d.title for d in load_profile(path).drafts] == [title]


async def test_help_names_the_draft_commands(aspire_home: Path) -> None:
    titles = {t for t, _, _ in COMMANDS}
    assert {"Duplicate draft", "Rename draft", "Delete draft"} <= titles
    app = first_run_app()
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot, app)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = str(app.screen.query_one(Static).render())
        for title in ("Duplicate draft", "Rename draft", "Delete draft"):
            assert title in shown


# ---- switching drafts ----------------------------------------------------------------------


def save_state(app: AspireApp) -> str:
    return str(app.query_one("#save-state").render())


async def test_switching_drafts_is_no_unsaved_change(aspire_home: Path) -> None:
    app = first_run_app()
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+n")  # a real change: saved in a moment
        await settle(pilot, app, lambda: "✓ saved" in save_state(app), timeout=6)
        changes = app.changes
        on_disk = app.session.path.read_bytes()
        await pilot.press("f8")
        await pilot.pause(0.2)
        assert app.session.draft_index == 0
        assert "✓ saved" in save_state(app) and app.changes == changes
        await pilot.press("f9")
        await pilot.pause(0.2)
        assert "✓ saved" in save_state(app) and app.changes == changes
        assert app.session.path.read_bytes() == on_disk


# ---- the chart across drafts ---------------------------------------------------------------


async def test_across_drafts_bars_start_at_zero(aspire_home: Path) -> None:
    app = first_run_app()
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot, app)
        await app.workers.wait_for_complete()  # the app's own scoring must not redraw it after
        await pilot.pause()
        panel = app.query_one(FeedbackPanel)
        panel.show_history([("Draft 1", 90.0), ("Draft 2", 94.0)], 1)
        await pilot.pause()
        shown = app.query_one("#history", Static).render()
        lines = (shown.plain if isinstance(shown, Text) else str(shown)).splitlines()
        assert "bars 0–100" in lines[0]
        bars = [line.count("█") for line in lines[1:3]]
        assert bars == [9, 9]  # two nearly full bars, not an empty one against a full one
        panel.show_history([("Draft 1", 90.0)], 0)  # one draft: nothing to compare yet
        await pilot.pause()
        assert "█" not in str(app.query_one("#history", Static).render())


# ---- focus ---------------------------------------------------------------------------------


async def test_f2_and_f3_focus_the_first_field_and_tab_stops_at_the_ends(
    aspire_home: Path,
) -> None:
    app = first_run_app()
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot, app)
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.focused, TextArea) and app.focused.id == "reflection-strengths"
        await pilot.press("k")  # typing goes into the field at once
        assert app.session.profile.reflection.strengths.startswith("k")
        await pilot.press("shift+tab")  # no wrap into the last field
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "reflection-strengths"
        await pilot.press("tab")  # the next field down, not the column around them
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "reflection-enjoy"
        await pilot.press("f3")
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "research-culture"
        await pilot.press("f2")  # a pane built before: its first field again
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "reflection-strengths"


# ---- the picker's highlight ----------------------------------------------------------------


async def test_picker_opens_on_the_open_profile_and_follows_a_rename(aspire_home: Path) -> None:
    paths = [Session.copy_of(p).path for p in example_paths()[:3]]
    app = AspireApp(Session.open(str(sorted(paths)[1]))[0], None)
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+l")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, ProfilePicker)
        options = picker.query_one("#profiles", OptionList)

        def highlighted() -> Path:
            assert options.highlighted is not None
            return picker.entries[options.highlighted].path

        assert highlighted() == app.session.path
        first = picker.entries[0]
        assert first.path != app.session.path
        options.highlighted = 0
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one("#value").value = "Zookeeper"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        renamed = highlighted()
        assert load_profile(renamed).role == "Zookeeper"  # sorted last, still highlighted
        assert picker.entries[-1].path == renamed


# ---- plurals -------------------------------------------------------------------------------


def test_plural() -> None:
    assert plural(1, "draft") == "1 draft"
    assert plural(0, "draft") == "0 drafts"
    assert plural(3, "hard sentence") == "3 hard sentences"


async def test_no_plural_in_brackets_in_the_app(aspire_home: Path) -> None:
    app = first_run_app()
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot, app)
        app.query_one(DraftEditor).load_text("Hello")
        await settle(pilot, app, lambda: "1 word " in str(app.query_one("#overall").render()))
        await pilot.press("ctrl+l")
        await pilot.pause(0.3)
        options = app.screen.query_one("#profiles", OptionList)
        prompt = str(options.get_option_at_index(0).prompt)
        assert "1 draft ·" in prompt and "(s)" not in prompt


def test_delivery_summary_counts_in_words() -> None:
    delivery = pytest.importorskip("aspire_delivery")
    from aspire_tui.testing import score_with

    long = " ".join(["the quarterly infrastructure reconciliation deliverables"] * 8) + "."
    result = score_with(delivery.DeliveryScorer(), f"{long} Um, I think so.")
    assert "(s)" not in result.summary
    assert result.summary == "1 hard sentence and 1 filler to smooth out."


def test_cli_counts_in_words(tmp_path: Path) -> None:
    one = tmp_path / "one.txt"
    one.write_text("Hello", encoding="utf-8")
    out = run("score", str(one))
    assert " 1 word, " in out.stdout and "(s)" not in out.stdout


# ---- --min-score ---------------------------------------------------------------------------


def test_min_score_failing_says_why_on_one_line(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("I'd like to be paid more.", encoding="utf-8")
    failing = run("score", "--min-score", "99", str(draft))
    assert failing.returncode == 1
    assert re.fullmatch(r"aspire: overall \d+\.\d is below --min-score 99\n", failing.stderr)
    passing = run("score", "--min-score", "0", str(draft))
    assert passing.returncode == 0 and passing.stderr == ""
