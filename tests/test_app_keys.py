"""Keys and screens at 80x24 (issue 10): help says how to close and lists every screen's
keys, the palette shows each command's key, a keymap's unknown id gets a did-you-mean,
the key bar and the draft bar are whole, and findings on the same words are listed once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.command import CommandPalette
from textual.widgets import OptionList, Static

from aspire_tui.app.app import AspireApp
from aspire_tui.app.keymap import known_bindings, read_keymap, suggest_id
from aspire_tui.app.screens.help import HelpScreen
from aspire_tui.app.screens.picker import ProfilePicker
from aspire_tui.app.widgets.chrome import KeyBar
from aspire_tui.app.widgets.draft.editor import DraftEditor
from aspire_tui.app.widgets.feedback.panel import FeedbackPanel, Located, merge_same_words
from aspire_tui.models import QUESTIONS, Finding, ScoreResult
from aspire_tui.scorer import ScoreContext, Scorer, finding

from .test_app import app_with, findings, first_run_app, settle

# ---- help ----------------------------------------------------------------------------------


async def test_help_at_80x24_says_how_to_close_and_lists_every_screens_keys(
    aspire_home: Path,
) -> None:
    app = first_run_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        body = app.screen.query_one("#help-body")
        # On the frame, not at the end of the text: seen without scrolling.
        assert "esc to close" in str(body.border_title)
        assert body.region.y >= 0 and body.region.bottom <= 24
        assert body.max_scroll_y > 0  # the text does scroll, and the title stays
        shown = str(app.screen.query_one(Static).render())
        assert "Press Esc" not in shown
        for binding in ProfilePicker.BINDINGS:
            assert f"{binding.description}  ({binding.id})" in shown  # type: ignore[union-attr]
        assert "Profiles (^l)" in shown and "Open the highlighted profile" in shown
        assert "Findings list (^f)" in shown and "Put the cursor on its words" in shown
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_help_shows_a_remapped_picker_key(aspire_home: Path) -> None:
    aspire_home.mkdir(parents=True, exist_ok=True)
    (aspire_home / "keymap.toml").write_text('"picker.details" = "f6"\n', encoding="utf-8")
    app = first_run_app()
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot, app)
        notes = [n.message for n in app._notifications]
        assert not any("keymap" in m for m in notes)  # a picker id is a binding id too
        await pilot.press("f1")
        await pilot.pause()
        assert f"{'f6':<10}Details" in str(app.screen.query_one(Static).render())
        await pilot.press("escape", "ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, ProfilePicker)
        await pilot.press("f6")
        await pilot.pause()
        assert app.screen.query("#profile-form")  # the remapped key opens the details


# ---- the palette ---------------------------------------------------------------------------


async def palette_rows(pilot: Any, app: AspireApp, query: str) -> list[str]:
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*query)
    await pilot.pause(0.4)
    assert isinstance(app.screen, CommandPalette)
    options = app.screen.query_one(OptionList)
    rows = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
    await pilot.press("escape")
    await pilot.pause()
    return rows


async def test_the_palette_shows_each_commands_key(aspire_home: Path) -> None:
    app = first_run_app()
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot, app)
        assert app.key_for_action("new_draft") == "^n"
        rows = await palette_rows(pilot, app, "new draft")
        assert any("New draft" in row and "^n" in row for row in rows)
        rows = await palette_rows(pilot, app, "show research")
        assert any("Show Research" in row and "f3" in row for row in rows)
        rows = await palette_rows(pilot, app, "quit")
        assert [r.split("\n")[0] for r in rows if r.startswith("Quit")] == ["Quit  ^q"]
        rows = await palette_rows(pilot, app, "save now")  # no key: nothing made up
        row = next(r for r in rows if "Save now" in r)
        assert "^" not in row.split("\n")[0] and " f" not in row.split("\n")[0]


async def test_the_palette_follows_the_keymap(aspire_home: Path) -> None:
    aspire_home.mkdir(parents=True, exist_ok=True)
    (aspire_home / "keymap.toml").write_text('"aspire.draft.new" = "f7"\n', encoding="utf-8")
    app = first_run_app()
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot, app)
        rows = await palette_rows(pilot, app, "new draft")
        assert any("New draft" in row and "f7" in row and "^n" not in row for row in rows)


# ---- keymap: an unknown id -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("wrong", "meant"),
    [
        ("aspire.qiut", "aspire.quit"),  # a typo in an id
        ("quit", "aspire.quit"),  # the action's name
        ("new_draft", "aspire.draft.new"),
        ("profiles", "aspire.profiles"),  # the id's last part
        ("Rename", "picker.rename"),  # the name help shows
        ("picker.renam", "picker.rename"),
    ],
)
def test_an_unknown_id_is_matched_to_the_id_meant(wrong: str, meant: str) -> None:
    assert suggest_id(wrong, known_bindings()) == meant


def test_an_unknown_id_far_from_any_gets_no_guess(aspire_home: Path) -> None:
    assert suggest_id("zzzz", known_bindings()) is None
    aspire_home.mkdir(parents=True, exist_ok=True)
    (aspire_home / "keymap.toml").write_text('"zzzz" = "f6"\n', encoding="utf-8")
    _, problem = read_keymap()
    assert problem is not None and '"zzzz" is not a key binding id; F1 lists the ids' in problem


async def test_an_unknown_action_id_in_the_keymap_is_reported_with_a_guess(
    aspire_home: Path,
) -> None:
    aspire_home.mkdir(parents=True, exist_ok=True)
    (aspire_home / "keymap.toml").write_text('"new_draft" = "f6"\n', encoding="utf-8")
    app = first_run_app()
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot, app)
        notes = [n.message for n in app._notifications]
        assert any(
            '"new_draft" is not a key binding id; did you mean "aspire.draft.new"?' in m
            for m in notes
        )
        await pilot.press("f6")  # not bound: the line was ignored
        await pilot.pause()
        assert len(app.session.profile.drafts) == 1


# ---- whole at 80x24 ------------------------------------------------------------------------


def key_bar_rows(bar: KeyBar) -> list[str]:
    return bar.line().plain.split("\n")


async def test_the_key_bar_is_whole_on_every_screen_at_80_columns(aspire_home: Path) -> None:
    app = first_run_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        main_rows = key_bar_rows(app.query_one(KeyBar))
        assert len(main_rows) == 1 and main_rows[0].rstrip().endswith("palette")
        await pilot.press("ctrl+l")
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        rows = key_bar_rows(bar)
        assert all(len(row) <= 80 for row in rows)
        joined = " ".join(rows)
        for binding in ProfilePicker.BINDINGS:  # every key there, none cut
            assert binding.description in joined  # type: ignore[union-attr]
        assert "Help" in joined and rows[-1].rstrip().endswith("palette")
        assert bar.size.height == len(rows)  # the bar grew a row rather than cut one
        # Clicking an item on the second row presses its key.
        second = rows[1]
        await pilot.click(KeyBar, offset=(second.index("Help"), 1))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_a_long_question_never_pushes_the_editor_down(aspire_home: Path) -> None:
    app = first_run_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        editor = app.query_one(DraftEditor)
        app.session.set_question(QUESTIONS[0])
        app._refresh_draft_bar()
        await pilot.pause()
        top = editor.region.y
        app.session.set_question(max(QUESTIONS, key=len))
        app._refresh_draft_bar()
        await pilot.pause()
        assert editor.region.y == top
        assert app.query_one("#question").size.height == 1
        shown = str(app.query_one("#question").render())
        assert shown.startswith("^r “Do you think")  # the key that changes it comes first


async def test_the_save_state_stays_on_one_line(aspire_home: Path) -> None:
    app = first_run_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        state = app.query_one("#save-state")
        assert len(app.session.path.name) + len("✓ saved · ") > state.size.width
        lines = state.render_lines(state.region.reset_offset)
        assert "✓ saved · graduate" in lines[0].text  # cut with "…", not wrapped out of view


async def test_a_put_off_conflict_says_what_to_do_within_80_columns(aspire_home: Path) -> None:
    from aspire_tui.app.screens.conflict import ConflictDialog

    from .test_app_disk import _hand_edit

    app = first_run_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        app.query_one(DraftEditor).load_text("Typed while the file changed.")
        await pilot.pause()
        _hand_edit(app.session.path, "Edited elsewhere.")
        await settle(pilot, app, lambda: isinstance(app.screen, ConflictDialog))
        await pilot.press("escape")
        await pilot.pause()
        state = app.query_one("#save-state")
        seen = state.render_lines(state.region.reset_offset)[0].text
        assert "changed on disk; ^p → Save now" in seen  # the file name comes last, cut


@pytest.mark.parametrize("size", [(80, 24), (140, 45)])
@pytest.mark.parametrize(
    "open_it",
    [
        "new_profile",
        "examples",
        "rename",
        "details",
        "question",
        "delete_draft",
        "delete_profile",
        "help",
    ],
)
async def test_every_dialog_is_whole(
    aspire_home: Path, open_it: str, size: tuple[int, int]
) -> None:
    app = first_run_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot, app)
        if open_it in ("new_profile", "examples", "rename", "delete_profile"):
            from aspire_tui.session import Session
            from aspire_tui.storage import example_paths

            Session.copy_of(example_paths()[0])
            await pilot.press("ctrl+l")
            await pilot.pause()
            picker = app.screen
            assert isinstance(picker, ProfilePicker)
            if open_it == "delete_profile":
                paths = [e.path for e in picker.entries]
                other = next(i for i, p in enumerate(paths) if p != app.session.path)
                picker.query_one("#profiles", OptionList).highlighted = other
            keys = {"new_profile": "b", "examples": "n", "rename": "r", "delete_profile": "x"}
            await pilot.press(keys[open_it])
        elif open_it == "details":
            await app.run_action("edit_profile")
        elif open_it == "question":
            await pilot.press("ctrl+r")
        elif open_it == "delete_draft":
            await app.run_action("duplicate_draft")
            await app.run_action("delete_draft")
        else:
            await pilot.press("f1")
        await pilot.pause(0.2)
        screen = app.screen
        frame = screen.query_one(".dialog, #help-body")
        width, height = size
        assert frame.region.x >= 0 and frame.region.right <= width
        assert frame.region.y >= 0 and frame.region.bottom <= height
        if open_it == "help":  # its text scrolls inside the frame; the title says so
            assert "to close" in str(frame.border_title)
            return
        inside = frame.content_region
        shown = [w for w in frame.query("*") if w.display and w.region.area]
        for widget in shown:  # buttons, fields and lines all inside the frame
            assert inside.contains_region(widget.region), widget
        for label in (w for w in shown if isinstance(w, Static)):
            lines = label.render_lines(label.region.reset_offset)
            text = "".join(strip.text for strip in lines)
            assert "".join(str(label.render()).split()) in "".join(text.split()), label


# ---- the same words flagged twice ----------------------------------------------------------


class Cliches(Scorer):
    """Flags "passionate about", as the clichés plugin does, on the same words as the
    built-in buzzword rule."""

    id = "cliches"
    title = "Clichés"

    def score(self, ctx: ScoreContext) -> ScoreResult:
        start = ctx.text.find("passionate about")
        found = []
        if start >= 0:
            found.append(
                finding(
                    start,
                    start + len("passionate about"),
                    "suggestion",
                    "“passionate about” is a cliché: interviewers hear it all day.",
                    "Say what you have done because you care about it.",
                )
            )
        return ScoreResult(score=90.0, summary="Few clichés.", findings=found)


async def test_the_same_words_from_two_scorers_are_listed_once(aspire_home: Path) -> None:
    app = app_with(Cliches())
    text = (
        "I am passionate about water networks. In five years I want to be a chartered "
        "engineer here, leading design on your mains renewal programme."
    )
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot, app)
        app.query_one(DraftEditor).load_text(text)

        def both() -> bool:
            return any(len(x.sources) > 1 for x in findings(app))

        await settle(pilot, app, both)
        on_phrase = [x for x in findings(app) if x.phrase == "passionate about"]
        assert len(on_phrase) == 1
        assert set(on_phrase[0].sources) == {"specificity", "cliches"}
        options = app.query_one("#findings", OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        shown = [p for p in prompts if "“passionate about”\n" in p]
        assert len(shown) == 1
        assert "specificity · cliches" in shown[0]
        assert "Say what you have done because you care about it." in shown[0]
        panel = app.query_one(FeedbackPanel)
        panel.post_message(FeedbackPanel.FindingChosen(on_phrase[0]))
        await pilot.pause()
        assert app.query_one(DraftEditor).flashed == (5, 21)


def test_merging_keeps_whole_answer_remarks_and_one_scorers_rules_apart() -> None:
    def at(plugin: str, start: int, end: int, message: str = "m") -> Located:
        return Located(plugin, Finding(start, end, "suggestion", message), "")

    merged = merge_same_words(
        [
            at("a", 0, 5),
            at("b", 0, 5),
            at("a", 0, 5, "another rule"),  # the same scorer again: its own entry
            at("c", 3, 3),  # a remark on the whole answer
            at("d", 3, 3),
            at("e", 1, 5),  # overlapping, not the same words
        ]
    )
    assert [x.sources for x in merged] == [("a", "b"), ("a",), ("c",), ("d",), ("e",)]
