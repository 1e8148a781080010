"""The app and a profile changed elsewhere while it is open (another window, an editor)."""

from __future__ import annotations

import tomllib
from pathlib import Path

from aspire_tui.app.screens.conflict import ConflictDialog
from aspire_tui.app.widgets.draft.editor import DraftEditor
from aspire_tui.storage import load_profile

from .test_app import first_run_app, settle


def _hand_edit(path: Path, culture: str) -> None:
    text = path.read_text(encoding="utf-8")
    data = tomllib.loads(text)
    old = data["research"]["culture"]
    path.write_text(text.replace(old.replace("\n", "\\n"), culture, 1), encoding="utf-8")


async def test_a_change_on_disk_with_nothing_unsaved_is_loaded(aspire_home: Path) -> None:
    app = first_run_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        path = app.session.path
        _hand_edit(path, "Edited by hand in another editor.")
        await settle(pilot, app, lambda: app.session.profile.research.culture.startswith("Edited"))
        assert not isinstance(app.screen, ConflictDialog)
        assert "✓ saved" in str(app.query_one("#save-state").render())


async def test_a_file_broken_by_hand_is_named_by_line_and_forgotten_once_fixed(
    aspire_home: Path,
) -> None:
    app = first_run_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        path = app.session.path
        good = path.read_text(encoding="utf-8")
        lines = good.splitlines(keepends=True)
        table = next(i for i, line in enumerate(lines) if line.startswith("[research]"))
        lines[table] = "[research\n"
        path.write_text("".join(lines), encoding="utf-8")

        def said() -> list[str]:
            return [n.message for n in app._notifications]

        await settle(pilot, app, lambda: any("does not load" in m for m in said()))
        warning = next(m for m in said() if "does not load" in m)
        assert f"(line {table + 1}, column" in warning  # where to look, not a column alone
        assert path.read_text(encoding="utf-8").startswith(good[:20])  # nothing written over
        path.write_text(good, encoding="utf-8")  # put back exactly as it was
        await settle(pilot, app, lambda: not any("does not load" in m for m in said()))
        lines[table] = "[research\n"
        path.write_text("".join(lines), encoding="utf-8")  # broken again, then mended
        await settle(pilot, app, lambda: any("does not load" in m for m in said()))
        path.write_text(good.replace(app.session.profile.research.culture, "Fixed.", 1))
        await settle(pilot, app, lambda: app.session.profile.research.culture == "Fixed.")
        assert not any("does not load" in m for m in said())  # no longer true, so gone


async def test_both_sides_changed_asks_and_merging_keeps_both(aspire_home: Path) -> None:
    app = first_run_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        path = app.session.path
        app.query_one(DraftEditor).load_text("Typed in the app while the file changed.")
        await pilot.pause()
        _hand_edit(path, "Edited by hand meanwhile.")
        await settle(pilot, app, lambda: isinstance(app.screen, ConflictDialog))
        # Nothing was written over the hand edit while the dialog waits.
        assert "Edited by hand meanwhile." in path.read_text(encoding="utf-8")
        await pilot.press("enter")  # the first choice: merge both
        await settle(pilot, app, lambda: not isinstance(app.screen, ConflictDialog))
        saved = load_profile(path)
        assert saved.research.culture == "Edited by hand meanwhile."
        assert saved.latest_draft().text == "Typed in the app while the file changed."  # type: ignore[union-attr]
        assert app.query_one(DraftEditor).text == "Typed in the app while the file changed."


async def test_quitting_with_a_choice_put_off_keeps_mine_as_a_copy(aspire_home: Path) -> None:
    app = first_run_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        path = app.session.path
        app.query_one(DraftEditor).load_text("Words that must survive.")
        await pilot.pause()
        path.write_text(path.read_text(encoding="utf-8").replace("role =", "role  =", 1))
        _hand_edit(path, "Theirs.")
        await settle(pilot, app, lambda: isinstance(app.screen, ConflictDialog))
        await pilot.press("escape")
        await pilot.pause()
        assert "changed on disk" in str(app.query_one("#save-state").render())
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.parting_note and "your version is in" in app.parting_note
    copies = [p for p in path.parent.glob("*-mine-*.toml")]
    assert len(copies) == 1
    assert load_profile(copies[0]).latest_draft().text == "Words that must survive."  # type: ignore[union-attr]
    assert load_profile(path).research.culture == "Theirs."


async def test_a_kill_saves_what_was_typed_and_leaves_cleanly(aspire_home: Path) -> None:
    import asyncio
    import os
    import signal

    app = first_run_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        editor = app.query_one(DraftEditor)
        editor.focus()
        editor.move_cursor(editor.document.end)
        await pilot.press(*" Typed just before the kill.")
        path = app.session.path
        os.kill(os.getpid(), signal.SIGTERM)  # handled by the app: save, then exit
        for _ in range(100):
            await asyncio.sleep(0.02)
            if app.return_code is not None or not app.is_running:
                break
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL
    assert "Typed just before the kill." in load_profile(path).drafts[0].text
