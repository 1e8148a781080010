"""Profile details (issue 10): role, company, career stage and question, edited from the
palette and from the picker, checked in the form; and the picker's rows drawn whole."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Input, OptionList, Select, Static

from aspire_tui.app.app import AspireApp
from aspire_tui.app.screens.details import STAGE_MEANING, ProfileForm
from aspire_tui.app.screens.picker import ProfilePicker
from aspire_tui.app.widgets.draft.editor import DraftEditor
from aspire_tui.models import CAREER_STAGES, QUESTIONS, Draft, Profile
from aspire_tui.session import Session
from aspire_tui.storage import create_profile, dump_profile, load_profile, profiles_dir

from .test_app import first_run_app, settle
from .test_app_edges import palette

#: A button ignores a click while it still shows the last one (0.2 s): a second click
#: sooner is a double click, not a second press.
PRESS_EFFECT = 0.3


def form_text(app: AspireApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def open_picker(pilot: Any, app: AspireApp) -> ProfilePicker:
    await pilot.press("ctrl+l")
    await pilot.pause()
    picker = app.screen
    assert isinstance(picker, ProfilePicker)
    return picker


def test_every_stage_is_explained_in_one_line_of_the_form() -> None:
    assert set(STAGE_MEANING) == set(CAREER_STAGES)
    assert all(len(line) <= 60 for line in STAGE_MEANING.values())  # the room at 80 columns


async def test_details_from_the_palette_are_saved_and_rescored(aspire_home: Path) -> None:
    app = first_run_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        path = app.session.path
        await palette(pilot, "edit profile details")
        form = app.screen
        assert isinstance(form, ProfileForm)
        assert form.query_one("#role", Input).value == "Graduate Civil Engineer"
        assert "First role" in form_text(app, "#stage-meaning")  # the open profile: entry
        form.query_one("#stage", Select).value = "executive"
        await pilot.pause()
        assert form_text(app, "#stage-meaning") == STAGE_MEANING["executive"]
        meaning = form.query_one("#stage-meaning")
        assert meaning.region.right <= form.query_one("#profile-form").region.right
        form.query_one("#role", Input).value = "Asset Engineer"
        form.query_one("#company", Input).value = "Severn Water"
        form.query_one("#question-choice", Select).value = QUESTIONS[2]
        await pilot.click("#create")
        await pilot.pause()
        assert not isinstance(app.screen, ProfileForm)
        p = app.session.profile
        assert (p.role, p.company, p.career_stage) == (
            "Asset Engineer",
            "Severn Water",
            "executive",
        )
        assert app.session.question == QUESTIONS[2]
        assert app.title == "Asset Engineer · Severn Water"
        assert QUESTIONS[2] in str(app.query_one("#question").render())
        version = app.version
        await settle(pilot, app)
        assert app.live is not None  # scored again, with the new stage
        assert version > 0 and all(g.version == app.version for g in app.live.groups)
        await pilot.press("ctrl+q")
    saved = load_profile(path)  # saved into the same file, through the usual saving
    assert (saved.role, saved.company, saved.career_stage) == (
        "Asset Engineer",
        "Severn Water",
        "executive",
    )
    assert saved.question == QUESTIONS[2]


async def test_a_bad_detail_is_shown_in_one_line_and_nothing_changes(aspire_home: Path) -> None:
    app = first_run_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        before = app.session.profile.role
        await app.run_action("edit_profile")
        await pilot.pause()
        form = app.screen
        form.query_one("#role", Input).value = "   "
        await pilot.click("#create")
        await pilot.pause()
        assert isinstance(app.screen, ProfileForm)  # still open, the problem beside it
        error = form.query_one("#form-error", Static)
        assert "Give the role" in str(error.render()) and error.size.height == 1
        assert app.focused is form.query_one("#role")
        form.query_one("#role", Input).value = "Engineer"
        form.query_one("#company", Input).value = "Acme\x07Ltd"
        await pilot.pause()
        assert str(error.render()) == ""  # typing clears it
        await pilot.pause(PRESS_EFFECT)
        await pilot.click("#create")
        await pilot.pause()
        shown = str(error.render())
        assert shown.startswith("Company contains a control character") and "\n" not in shown
        assert len(shown) <= 70
        await pilot.press("escape")
        await pilot.pause()
        assert app.session.profile.role == before and app.changes == 0


async def test_details_of_another_profile_from_the_picker(aspire_home: Path) -> None:
    app = first_run_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        opened = app.session.path
        other = Profile(role="Staff Nurse", company="St Anne's", career_stage="mid")
        other.drafts.append(Draft(title="Draft 1", text="I want to lead a ward."))
        raw = "# my own notes, kept\n" + dump_profile(other)
        path = create_profile(profiles_dir(), "staff-nurse", raw.encode("utf-8"))
        picker = await open_picker(pilot, app)
        options = picker.query_one("#profiles", OptionList)
        options.highlighted = [e.path for e in picker.entries].index(path)
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ProfileForm)
        assert form.query_one("#company", Input).value == "St Anne's"
        assert str(form.query_one("#stage", Select).value) == "mid"
        form.query_one("#role", Input).value = "Ward Sister"
        form.query_one("#stage", Select).value = "senior"
        await pilot.click("#create")
        await pilot.pause()
        assert app.screen is picker
        saved = load_profile(path)
        assert (saved.role, saved.career_stage) == ("Ward Sister", "senior")
        assert path.read_text(encoding="utf-8").startswith("# my own notes, kept")
        assert options.highlighted is not None
        assert picker.entries[options.highlighted].path == path  # still on it
        assert app.session.path == opened and app.session.profile.role != "Ward Sister"


async def test_details_of_the_open_profile_from_the_picker(aspire_home: Path) -> None:
    app = first_run_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        picker = await open_picker(pilot, app)
        await pilot.press("e")  # the picker opens on the open profile
        await pilot.pause()
        app.screen.query_one("#company", Input).value = "Thames Water"
        await pilot.press("enter")  # Enter in a field saves, as in the other forms
        await pilot.pause()
        assert app.screen is picker
        assert app.session.profile.company == "Thames Water"
        assert load_profile(app.session.path).company == "Thames Water"  # saved at once
        assert app.changes == app.saved_changes
        row = picker.entries[picker.query_one("#profiles", OptionList).highlighted or 0]
        assert row.profile is not None and row.profile.company == "Thames Water"


async def test_new_blank_profile_uses_the_same_form(aspire_home: Path) -> None:
    app = first_run_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await open_picker(pilot, app)
        await pilot.press("b")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ProfileForm)
        assert "realistic" in form_text(app, "#stage-meaning")  # no stage yet: why it matters
        form.query_one("#role", Input).value = "Data Analyst"
        await pilot.click("#create")
        await pilot.pause()
        assert "Choose your career stage" in form_text(app, "#form-error")
        await pilot.pause(PRESS_EFFECT)
        form.query_one("#stage", Select).value = "changer"
        form.query_one("#question-choice", Select).value = QUESTIONS[1]
        await pilot.click("#create")
        await settle(pilot, app, lambda: app.session.profile.role == "Data Analyst")
        assert app.session.question == QUESTIONS[1]
        assert isinstance(app.focused, DraftEditor)


# ---- the picker's rows are drawn whole ------------------------------------------------------


def rows_cut_short(options: OptionList) -> list[int]:
    """Options whose measured height (what the list scrolls by) differs from what is drawn:
    a row measured before the scrollbar appeared is drawn cut, the next row over it."""
    style = options.get_visual_style("option-list--option")
    assert len(options._line_cache.heights) == options.option_count  # measured, once drawn
    return [
        i
        for i, option in enumerate(options.options)
        if options._line_cache.heights.get(i) != len(options._get_option_render(option, style))
    ]


async def test_no_row_is_cut_when_the_list_grows_a_scrollbar(aspire_home: Path) -> None:
    app = first_run_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        picker = await open_picker(pilot, app)
        options = picker.query_one("#profiles", OptionList)
        width = options.scrollable_content_region.width
        # Roles whose first line is just under, at, and just over the width: one of them
        # wraps only once the list is narrowed by a scrollbar. Each has a draft, so scores
        # come in while the list is drawn, as they do for a user.
        for n in range(8):
            role = "R" * (width - len("  (mid)") - 5 + n)
            draft = Draft(title="Draft 1", text="I want to lead.")
            profile = Profile(role=role, career_stage="mid", drafts=[draft])
            create_profile(profiles_dir(), f"long-{n}", dump_profile(profile).encode("utf-8"))
        picker.reload()
        await settle(pilot, app, lambda: len(picker.best) == len(picker.entries))
        await pilot.pause()  # drawn, so measured
        assert options.virtual_size.height > options.scrollable_content_region.height
        assert rows_cut_short(options) == []
        await pilot.press("d")  # duplicating grows the list again
        await settle(pilot, app, lambda: len(picker.best) == len(picker.entries))
        await pilot.pause()
        assert rows_cut_short(options) == []
        copy = options.highlighted
        assert copy is not None
        entry = picker.entries[copy or 0]
        assert entry.profile is not None and entry.profile.role.endswith("(copy)")


async def test_a_score_arriving_redraws_its_row_only(aspire_home: Path) -> None:
    Session.copy_of(next(iter(sorted((Path(__file__).parents[1] / "profiles").glob("*.toml")))))
    app = first_run_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        picker = await open_picker(pilot, app)
        await settle(pilot, app, lambda: len(picker.best) == len(picker.entries))
        options = picker.query_one("#profiles", OptionList)
        before = list(options.options)
        picker._best(picker.entries[0].path, 12.0)
        await pilot.pause()
        after = list(options.options)
        assert after[1:] == before[1:]  # the other rows are the same objects: no rebuild
        assert "best overall 12" in str(after[0].prompt)


def test_session_set_details_changes_only_what_differs() -> None:
    session, _ = Session.open(None)
    session.dirty = False
    p = session.profile
    assert not session.set_details(p.role, p.company, p.career_stage, session.question)
    assert not session.dirty
    assert session.set_details("Data Analyst", p.company, "entry", session.question)
    assert (p.role, p.career_stage, session.dirty) == ("Data Analyst", "entry", True)
