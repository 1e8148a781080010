"""Snapshots of each screen, deterministic: a fixed data folder, no cursor blink, and every
score computed before the picture is taken. Update with `pytest --snapshot-update`."""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from aspire_tui.app.app import AspireApp
from aspire_tui.app.screens.conflict import ConflictDialog
from aspire_tui.app.widgets.draft.editor import DraftEditor
from aspire_tui.models import QUESTIONS
from aspire_tui.session import Session
from aspire_tui.storage import example_paths

from .clock import FakeClock

HOME = Path("/tmp/aspire-snapshots")
DRAFT = (
    "Honestly, the salary is the main thing for me. In five years I'd like to be a "
    "chartered civil engineer here, designing water network schemes.\n\n"
    "I see this job as a stepping stone, and maybe I'd lead a team one day."
)


@pytest.fixture
def home(monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.rmtree(HOME, ignore_errors=True)
    monkeypatch.setenv("ASPIRE_HOME", str(HOME))
    monkeypatch.setenv("ASPIRE_LOAD_PLUGINS", "")  # the same pictures whatever is installed
    return HOME


def make_app(text: str | None = DRAFT) -> AspireApp:
    session, _ = Session.open(None)
    if text is not None:
        session.draft.text = text
    return AspireApp(session, note=None)


async def ready(pilot: Any, until: Any = None) -> None:
    app: AspireApp = pilot.app
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        await pilot.pause(0.05)
        settled = app.live is not None and all(g.running_since is None for g in app.live.groups)
        if settled and (until is None or until(app)):
            break
    for editor in app.query(DraftEditor):
        editor.cursor_blink = False  # the cursor drawn still: the same picture every run
        # Its row drawn again, whichever half of a blink it was caught in (TextArea caches
        # a row drawn with the cursor blinked off under the same key as one without blink).
        editor._line_cache.clear()
        editor.refresh()
    await pilot.pause()


def showing(key: str, wait: float) -> Any:
    """A run_before that waits for the scores, then presses `key`."""

    async def show(pilot: Any) -> None:
        await ready(pilot)
        await pilot.press(key)
        await pilot.pause(wait)

    return show


def test_draft_with_findings_highlighted(home: Path, snap_compare: Any) -> None:
    assert snap_compare(make_app(), terminal_size=(130, 40), run_before=ready)


def test_draft_at_80x24(home: Path, snap_compare: Any) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=ready)


def test_reflect_pane(home: Path, snap_compare: Any) -> None:
    assert snap_compare(make_app(), terminal_size=(110, 36), run_before=showing("f2", 0.2))


def test_research_pane(home: Path, snap_compare: Any) -> None:
    assert snap_compare(make_app(), terminal_size=(110, 36), run_before=showing("f3", 0.2))


def test_talking_points_pane(home: Path, snap_compare: Any) -> None:
    assert snap_compare(make_app(), terminal_size=(110, 40), run_before=showing("f5", 0.3))


def test_picker_with_a_broken_profile(home: Path, snap_compare: Any) -> None:
    app = make_app()
    (home / "profiles" / "broken.toml").write_text('role = "x"\ncarrer_stage = "mid"\n')

    async def show(pilot: Any) -> None:
        await ready(pilot)
        await pilot.press("ctrl+l")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            await pilot.pause(0.05)
            picker = pilot.app.screen
            if getattr(picker, "best", None) and len(picker.best) >= 1:
                break
        await pilot.pause(0.1)

    assert snap_compare(app, terminal_size=(110, 24), run_before=show)


def test_help_screen(home: Path, snap_compare: Any) -> None:
    assert snap_compare(make_app(), terminal_size=(110, 44), run_before=showing("f1", 0.2))


# ---- every dialog whole at 80x24 (issue 10) ------------------------------------------------

LONGEST_QUESTION = max(QUESTIONS, key=len)


async def still(pilot: Any, wait: float = 0.2) -> None:
    """Let a dialog settle and stop its cursors blinking: the same picture every run."""
    await pilot.pause(wait)
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
        field.refresh()
    await pilot.pause()


def in_picker(*keys: str, wait: float = 0.3, other: bool = False) -> Any:
    """A run_before: open the picker once every profile is scored, then press `keys`."""

    async def show(pilot: Any) -> None:
        if other:  # a second profile, highlighted: one that can be deleted
            Session.copy_of(example_paths()[0])
        await ready(pilot)
        await pilot.press("ctrl+l")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            await pilot.pause(0.05)
            picker = pilot.app.screen
            entries = getattr(picker, "entries", [])
            if entries and len(getattr(picker, "best", {})) >= len(entries):
                break
        if other:
            picker = pilot.app.screen
            paths = [e.path for e in picker.entries]
            picker.query_one("#profiles").highlighted = next(
                i for i, p in enumerate(paths) if p != pilot.app.session.path
            )
        await pilot.press(*keys)
        await still(pilot, wait)

    return show


def test_picker_at_80x24_keys_whole(home: Path, snap_compare: Any) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=in_picker())


def test_new_profile_form_at_80x24(home: Path, snap_compare: Any) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=in_picker("b"))


def test_profile_details_form_at_80x24(home: Path, snap_compare: Any) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=in_picker("e"))


def test_profile_details_form_at_140x45(home: Path, snap_compare: Any) -> None:
    assert snap_compare(make_app(), terminal_size=(140, 45), run_before=in_picker("e"))


def test_profile_details_problem_at_80x24(home: Path, snap_compare: Any) -> None:
    async def show(pilot: Any) -> None:
        await ready(pilot)
        await pilot.app.run_action("edit_profile")
        await still(pilot)
        pilot.app.screen.query_one("#role", Input).value = ""
        await pilot.click("#create")
        await still(pilot)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=show)


def test_delete_profile_confirmation_at_80x24(home: Path, snap_compare: Any) -> None:
    run_before = in_picker("x", other=True)
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)


def test_delete_draft_confirmation_at_80x24(home: Path, snap_compare: Any) -> None:
    async def show(pilot: Any) -> None:
        await ready(pilot)
        await pilot.app.run_action("duplicate_draft")
        await ready(pilot)
        await pilot.app.run_action("delete_draft")
        await still(pilot)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=show)


def test_question_chooser_at_80x24(home: Path, snap_compare: Any) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=showing("ctrl+r", 0.2))


def test_conflict_dialog_at_80x24(home: Path, snap_compare: Any) -> None:
    async def show(pilot: Any) -> None:
        await ready(pilot)
        app: AspireApp = pilot.app
        path = app.session.path
        app.query_one(DraftEditor).load_text(DRAFT + " Typed here while it changed.")
        await pilot.pause()
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("culture = ", 'culture = "Edited elsewhere." # ', 1))
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not isinstance(app.screen, ConflictDialog):
            await pilot.pause(0.05)
        await still(pilot)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=show)


def test_help_at_80x24_says_how_to_close(home: Path, snap_compare: Any) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=showing("f1", 0.2))


def test_longest_question_at_80x24_keeps_the_editor_in_place(home: Path, snap_compare: Any) -> None:
    app = make_app()
    app.session.set_question(LONGEST_QUESTION)
    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)


def rehearsing(stage: str) -> Any:
    """A run_before that opens Rehearse on the example's draft: reading 20 s in, or the
    result of a round from memory."""

    async def show(pilot: Any) -> None:
        from textual.widgets import TextArea

        app: AspireApp = pilot.app
        clock = app.clock = FakeClock()
        await ready(pilot)
        await pilot.press("ctrl+t")
        await pilot.pause()
        screen = app.screen
        if stage == "read":
            await pilot.press("space")
            clock.now += 20
        else:
            await pilot.press("enter")
            area = screen.query_one("#recall", TextArea)
            area.insert(
                "In five years I want to be chartered here, designing water schemes. "
                "First I'd get fluent in InfoWorks on the design rotation."
            )
            await pilot.pause()
            clock.now += 70
            await pilot.press("ctrl+s")
            await ready(pilot, until=lambda app: getattr(screen, "result", None) is not None)
            area.cursor_blink = False
        screen.tick()  # type: ignore[attr-defined]
        await pilot.pause()

    return show


def test_rehearse_reading_at_80x24(home: Path, snap_compare: Any) -> None:
    assert snap_compare(make_app(None), terminal_size=(80, 24), run_before=rehearsing("read"))


def test_rehearse_reading_at_140x45(home: Path, snap_compare: Any) -> None:
    assert snap_compare(make_app(None), terminal_size=(140, 45), run_before=rehearsing("read"))


def test_rehearse_result_at_80x24(home: Path, snap_compare: Any) -> None:
    assert snap_compare(make_app(None), terminal_size=(80, 24), run_before=rehearsing("result"))


def test_rehearse_result_at_140x45(home: Path, snap_compare: Any) -> None:
    assert snap_compare(make_app(None), terminal_size=(140, 45), run_before=rehearsing("result"))
