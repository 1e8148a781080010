"""Snapshots of each screen, deterministic: a fixed data folder, no cursor blink, and every
score computed before the picture is taken. Update with `pytest --snapshot-update`."""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import Any

import pytest

from aspire_tui.app.app import AspireApp
from aspire_tui.app.widgets.draft.editor import DraftEditor
from aspire_tui.session import Session

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
