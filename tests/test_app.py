"""The full-screen app through Textual's Pilot. Bulk text is loaded directly (Pilot costs
about 100 ms a key); keys are pressed only where the key itself is what is tested."""

from __future__ import annotations

import asyncio
import stat
import time
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import ContentSwitcher, Static

from aspire_tui.app.app import FULL_GC_EVERY, IDLE, AspireApp
from aspire_tui.app.commands import COMMANDS
from aspire_tui.app.live import SLOW_AFTER, FirstResults, Group, LiveScores
from aspire_tui.app.screens.help import HelpScreen
from aspire_tui.app.screens.picker import ProfilePicker
from aspire_tui.app.widgets.chrome import KeyBar, PaneTabs
from aspire_tui.app.widgets.draft.editor import DraftEditor
from aspire_tui.app.widgets.feedback.panel import FeedbackPanel
from aspire_tui.engine import ScorerScore
from aspire_tui.plugins import PluginHost, load_host
from aspire_tui.scorer import ScoreContext, Scorer
from aspire_tui.session import Session
from aspire_tui.storage import load_profile

MONEY = "Honestly, the salary is the main thing for me. I'd like a raise within a year."


async def settle(pilot: Any, app: AspireApp, until: Any = None, timeout: float = 5.0) -> None:
    """Let workers finish: wait until `until()` is true, or until no group is running."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        await pilot.pause(0.02)
        done = (
            until()
            if until
            else (app.live is not None and all(g.running_since is None for g in app.live.groups))
        )
        if done:
            return
    raise AssertionError("the app did not settle in time")


def first_run_app(host: PluginHost | None = None) -> AspireApp:
    session, note = Session.open(None)
    return AspireApp(session, note, host=host)


def app_with(*extra: Scorer) -> AspireApp:
    """The first-run app scored by the built-ins plus these scorers."""
    host = load_host(installed=False)
    host.scorers.extend(extra)
    return first_run_app(host)


def group_of(app: AspireApp, scorer_id: str) -> Group:
    assert app.live is not None
    return next(g for g in app.live.groups if g.ids == [scorer_id])


def findings(app: AspireApp) -> list[Any]:
    return list(app.query_one(FeedbackPanel)._located)


async def test_first_run_opens_an_example_ready_to_type(aspire_home: Path) -> None:
    app = first_run_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        assert app.session.path.parent == aspire_home / "profiles"
        assert isinstance(app.focused, DraftEditor)
        assert app.query_one(DraftEditor).text.startswith("In five years")
        notes = [n.message for n in app._notifications]
        assert any("Make your own with ctrl+l" in m for m in notes)
        assert app.live is not None and app.live.report().overall > 50


async def test_typing_refreshes_feedback_and_highlights(aspire_home: Path) -> None:
    app = first_run_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        editor = app.query_one(DraftEditor)
        editor.load_text(MONEY)
        await settle(pilot, app, lambda: any(x.finding.kind == "money" for x in findings(app)))
        located = findings(app)
        assert located[0].finding.severity == "error"
        assert "the salary" in located[0].phrase
        painted = {name for row in editor._highlights.values() for *_, name in row}
        assert "aspire-error" in painted
        editor.move_cursor((0, 0))
        await pilot.press("ctrl+end")  # to the end of the draft, as in any editor
        await pilot.press("x")  # a real key still echoes at once
        assert editor.text.endswith("x")
        await pilot.press("ctrl+home", "y")
        assert editor.text.startswith("yHonestly")


async def test_choosing_a_finding_goes_to_its_phrase(aspire_home: Path) -> None:
    app = first_run_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        app.query_one(DraftEditor).load_text("Line one is fine.\n" + MONEY)
        await settle(pilot, app, lambda: any(x.finding.kind == "money" for x in findings(app)))
        money = next(x for x in findings(app) if x.finding.kind == "money")
        app.query_one(FeedbackPanel).post_message(FeedbackPanel.FindingChosen(money))
        await pilot.pause()
        editor = app.query_one(DraftEditor)
        assert editor.selected_text == ""  # shown, not selected: a key typed replaces nothing
        assert editor.flashed == (money.finding.start, money.finding.end)
        assert editor.cursor_location[0] == 1  # the second line
        assert app.focused is editor


async def test_autosave_writes_atomically_and_privately(aspire_home: Path) -> None:
    app = first_run_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        app.query_one(DraftEditor).load_text("A brand new answer about bridges.")
        await pilot.pause()
        assert "unsaved" in str(app.query_one("#save-state").render())
        path = app.session.path
        await settle(pilot, app, lambda: "bridges" in path.read_text(encoding="utf-8"))
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        # No temp file is left behind; beside the profile is only this window's lease.
        assert sorted(p.name for p in path.parent.iterdir()) == [f".{path.name}.lock", path.name]
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        assert load_profile(path).latest_draft().text == "A brand new answer about bridges."  # type: ignore[union-attr]
        await settle(pilot, app, lambda: "✓ saved" in str(app.query_one("#save-state").render()))


async def test_quit_saves_what_was_just_typed(aspire_home: Path) -> None:
    app = first_run_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        app.query_one(DraftEditor).load_text("Typed a moment before quitting.")
        await pilot.pause()
        path = app.session.path
        await pilot.press("ctrl+q")
    assert "Typed a moment before quitting." in path.read_text(encoding="utf-8")


class Raising(Scorer):
    id = "raising"
    title = "Raising"

    def score(self, ctx: ScoreContext) -> Any:
        raise RuntimeError("boom")


class Sleepy(Scorer):
    id = "sleepy"
    title = "Sleepy"

    def score(self, ctx: ScoreContext) -> Any:
        time.sleep(1.0)
        return {"score": 50, "summary": "slept well"}


async def test_raising_and_sleeping_scorers_leave_the_rest_alone(aspire_home: Path) -> None:
    app = app_with(Raising(), Sleepy())
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot, app, lambda: app.live is not None)
        assert app.live is not None
        builtin = app.live.groups[0]
        await settle(pilot, app, lambda: builtin.version >= 0)
        editor = app.query_one(DraftEditor)
        started = time.monotonic()
        editor.load_text(MONEY)
        editor.move_cursor(editor.document.end)
        await pilot.press("!")
        assert editor.text.endswith("!")
        assert time.monotonic() - started < 0.9  # typing never waited for the sleeper
        await settle(pilot, app, lambda: builtin.version == app.version, timeout=2)
        report = app.live.report()
        assert {s.plugin for s in report.scores} >= {
            "alignment",
            "commitment",
            "realism",
            "specificity",
        }
        assert any(e.plugin == "raising" and "boom" in e.message for e in report.errors)
        sleepy = group_of(app, "sleepy")
        assert sleepy.running_since is not None  # still asleep, shown as such
        await settle(
            pilot,
            app,
            lambda: (
                sleepy.running_since is not None
                and time.monotonic() - sleepy.running_since > SLOW_AFTER + 0.05
            ),
        )
        app._show_report()
        assert "slow" in str(app.query_one("#bars").render())
        await settle(pilot, app, lambda: sleepy.version == app.version, timeout=4)
        assert any(s.plugin == "sleepy" for s in app.live.report().scores)


class Quick(Scorer):
    id = "quick"
    title = "Quick"

    def score(self, ctx: ScoreContext) -> Any:
        return {"score": 64, "summary": "quick to answer"}


async def test_fast_installed_scorers_are_in_the_first_frame(aspire_home: Path) -> None:
    seen: dict[str, Any] = {}

    class Watched(AspireApp):
        def _score_first_frame(self) -> None:
            started = time.monotonic()
            super()._score_first_frame()
            assert self.live is not None
            seen["waited"] = time.monotonic() - started
            seen["scores"] = {s.plugin for s in self.live.report().scores}
            seen["bars"] = str(self.query_one("#bars").render())

    host = load_host(installed=False)
    host.scorers.extend([Quick(), Sleepy()])
    session, note = Session.open(None)
    app = Watched(session, note, host=host)
    async with app.run_test(size=(140, 45)):
        # The quick plugin is shown with the built-ins; the sleeper holds the first frame
        # no longer than the short wait and is shown as still scoring.
        assert {"alignment", "quick"} <= seen["scores"]
        assert "sleepy" not in seen["scores"]
        assert "Quick" in seen["bars"] and "scoring" in seen["bars"]
        assert seen["waited"] < 0.9


async def test_a_plugin_cannot_change_the_open_profile(aspire_home: Path) -> None:
    from .test_engine import Meddler

    app = app_with(Meddler())
    async with app.run_test(size=(120, 40)) as pilot:
        before = repr(app.session.profile)
        meddler = group_of(app, "meddler")
        app.query_one(DraftEditor).load_text(MONEY)
        await settle(pilot, app, lambda: meddler.version == app.version and meddler.version > 0)
        assert app.live is not None and app.live.report().score_of("meddler") == 50
        assert app.session.profile.drafts and app.session.draft.text == MONEY
        assert app.session.profile.role in before and "changed by a plugin" not in repr(
            app.session.profile
        )


async def test_full_collections_wait_for_a_pause_in_typing(
    aspire_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    collected: list[float] = []
    app = first_run_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        monkeypatch.setattr(gc, "collect", lambda *a: collected.append(time.monotonic()) or 0)
        assert gc.get_threshold()[2] == FULL_GC_EVERY  # rare on their own after start-up
        app.query_one(DraftEditor).load_text(MONEY)
        await pilot.pause()
        app._collect_when_idle()
        assert collected == []  # just typed: not now
        app._last_edit -= IDLE + 0.1
        app._collect_when_idle()
        app._collect_when_idle()
        assert len(collected) == 1  # once per pause, not again until the next edit


def test_first_results_keep_what_came_in_time_and_refuse_the_rest() -> None:
    group = Group([], False)
    first = FirstResults(expected=2)
    assert first.offer((group, 0, [], None))
    started = time.monotonic()
    taken = first.take(deadline=time.monotonic() + 0.05)
    assert len(taken) == 1  # the second never came: gave up at the deadline
    assert time.monotonic() - started >= 0.04
    assert not first.offer((group, 0, [], None))  # late: goes the usual way
    done = FirstResults(expected=1)
    done.offer((group, 0, [], None))
    started = time.monotonic()
    assert len(done.take(deadline=time.monotonic() + 5)) == 1
    assert time.monotonic() - started < 1  # all came: no waiting for the deadline


def test_an_older_result_never_replaces_a_newer_one() -> None:
    live = LiveScores([Group([], True)])
    group = live.groups[0]
    newer = [ScorerScore("a", "A", 80.0, "new", [], 1.0, 0.0)]
    older = [ScorerScore("a", "A", 20.0, "old", [], 1.0, 0.0)]
    assert live.finish(group, 5, newer, None)
    assert not live.finish(group, 3, older, None)
    assert live.report().scores[0].summary == "new"


async def test_new_draft_keeps_the_old_one_and_compares(aspire_home: Path) -> None:
    app = first_run_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+n")
        await settle(pilot, app)
        assert len(app.session.profile.drafts) == 2
        assert app.query_one(DraftEditor).text == ""
        assert app.session.draft_index == 1
        await settle(pilot, app, lambda: app.history.get(0) is not None)
        assert "Across drafts" in str(app.query_one("#history").render())
        await pilot.press("f8")
        assert app.session.draft_index == 0
        assert app.query_one(DraftEditor).text.startswith("In five years")


async def test_picker_lists_a_broken_profile_and_never_writes_it(aspire_home: Path) -> None:
    app = first_run_app()
    broken = aspire_home / "profiles" / "broken.toml"
    broken.write_text('role = "x"\ncarrer_stage = "mid"\n', encoding="utf-8")
    before = broken.read_bytes()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+l")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, ProfilePicker)
        names = [e.path.name for e in picker.entries]
        assert "broken.toml" in names
        entry = picker.entries[names.index("broken.toml")]
        assert entry.profile is None and "carrer_stage" in (entry.error or "")
        options = picker.query_one("#profiles")
        options.highlighted = names.index("broken.toml")  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ProfilePicker)  # not opened
        await pilot.press("escape")
        await pilot.pause()
        assert app.query_one(DraftEditor).text.startswith("In five years")
    assert broken.read_bytes() == before


async def test_picker_new_profile_from_an_example(aspire_home: Path) -> None:
    app = first_run_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        first = app.session.path
        await pilot.press("ctrl+l")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("down", "enter")  # the second example
        await settle(pilot, app)
        assert app.session.path != first and app.session.path.exists()
        assert len(list((aspire_home / "profiles").glob("*.toml"))) == 2


async def test_help_export_and_palette(aspire_home: Path) -> None:
    app = first_run_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        await app.run_action("export('md')")
        exported = list((aspire_home / "exports").glob("*.md"))
        assert len(exported) == 1
        text = exported[0].read_text(encoding="utf-8")
        assert text.startswith("# Graduate Civil Engineer") and "In five years" in text
    actions = {a for _, a, _ in COMMANDS}
    for binding in AspireApp.BINDINGS:
        assert binding.action in actions, binding.action  # type: ignore[union-attr]
        assert binding.id  # type: ignore[union-attr]


async def test_palette_runs_a_command_and_dialogs_hold_the_draft_actions(
    aspire_home: Path,
) -> None:
    app = first_run_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        drafts = len(app.session.profile.drafts)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"new draft")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert len(app.session.profile.drafts) == drafts + 1
        # On the picker, the draft's own actions are off and out of its key bar.
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, ProfilePicker)
        line = app.screen.query_one(KeyBar).line().plain
        assert "New from example" in line and "New draft" not in line and "Quit" in line
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert len(app.session.profile.drafts) == drafts + 1
        await pilot.press("escape")
        await pilot.pause()
        assert "New draft" in app.query_one(KeyBar).line().plain


async def test_keymap_file_remaps_a_binding(aspire_home: Path) -> None:
    aspire_home.mkdir(parents=True, exist_ok=True)
    (aspire_home / "keymap.toml").write_text(
        '"aspire.help" = "f12"\n"aspire.tab.research" = "f10"\n', encoding="utf-8"
    )
    app = first_run_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        # Both bars show the keys as remapped.
        assert "f12 Help" in app.query_one(KeyBar).line().plain
        tabs = app.query_one(PaneTabs).render().plain
        assert "f10 Research" in tabs and "f3" not in tabs
        await pilot.press("f12")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        help_text = str(app.screen.query_one(Static).render())
        assert f"{'f12':<10}Help" in help_text and f"{'f10':<10}Research" in help_text
        assert f"{'f3':<10}Research" not in help_text


async def test_pane_names_and_keys_are_clickable(aspire_home: Path) -> None:
    app = first_run_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        tabs = app.query_one(PaneTabs)
        assert "Draft" in tabs.render().plain and tabs.active == "draft"
        await pilot.click(PaneTabs, offset=(tabs.render().plain.index("Research"), 0))
        await pilot.pause()
        assert app.query_one("#panes", ContentSwitcher).current == "research"
        assert tabs.active == "research"
        assert app.query_one("#research-culture")  # the pane was built when first shown
        bar = app.query_one(KeyBar)
        await pilot.click(KeyBar, offset=(bar.line().plain.index("Help"), 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.press("f4")
        await pilot.pause()
        assert tabs.active == "draft" and isinstance(app.focused, DraftEditor)


async def test_a_bad_keymap_is_reported_not_fatal(aspire_home: Path) -> None:
    aspire_home.mkdir(parents=True, exist_ok=True)
    (aspire_home / "keymap.toml").write_text("this is not toml", encoding="utf-8")
    app = first_run_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        assert any("keymap.toml" in n.message for n in app._notifications)


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_layout_fits_small_and_uses_large_terminals(
    aspire_home: Path, size: tuple[int, int]
) -> None:
    app = first_run_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot, app)
        editor = app.query_one(DraftEditor)
        panel = app.query_one(FeedbackPanel)
        assert editor.size.width >= 30 and editor.size.height >= 10
        assert panel.size.width >= 30
        assert editor.region.right <= panel.region.x
        if size[0] >= 200:
            assert editor.size.width >= 120


def test_other_panes_edit_the_profile(aspire_home: Path) -> None:
    async def go() -> None:
        app = first_run_app()
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot, app)
            await pilot.press("f2")
            await pilot.pause()
            area = app.query_one("#reflection-strengths")
            area.load_text("I explain hydraulics plainly.")  # type: ignore[attr-defined]
            await pilot.pause()
            assert app.session.profile.reflection.strengths == "I explain hydraulics plainly."
            await pilot.press("f5")
            await pilot.pause()
            assert "Rotate through design" in str(app.query_one("#points").render())
            path = app.session.path
            await pilot.press("ctrl+q")
        assert "I explain hydraulics plainly." in path.read_text(encoding="utf-8")

    asyncio.run(go())


async def test_picker_duplicate_rename_and_delete(aspire_home: Path) -> None:
    app = first_run_app()
    folder = aspire_home / "profiles"
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        opened = app.session.path
        await pilot.press("ctrl+l")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, ProfilePicker)
        await pilot.press("d")  # duplicate the open profile
        await pilot.pause()
        copies = [e for e in picker.entries if e.profile and e.profile.role.endswith("(copy)")]
        assert len(copies) == 1
        copy_path = copies[0].path
        options = picker.query_one("#profiles")
        options.highlighted = picker.entries.index(copies[0])  # type: ignore[attr-defined]
        await pilot.press("r")
        await pilot.pause()
        field = app.screen.query_one("#value")
        field.value = "Site Engineer"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert not copy_path.exists()
        renamed = [e for e in picker.entries if e.profile and e.profile.role == "Site Engineer"]
        assert len(renamed) == 1 and renamed[0].path.exists()
        options.highlighted = picker.entries.index(renamed[0])  # type: ignore[attr-defined]
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("n")  # "no": nothing is deleted
        await pilot.pause()
        assert renamed[0].path.exists()
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert not renamed[0].path.exists()
        options.highlighted = [e.path for e in picker.entries].index(opened)  # type: ignore[attr-defined]
        await pilot.press("x")  # the open profile cannot be deleted
        await pilot.pause()
        assert opened.exists()
    assert sorted(p.name for p in folder.glob("*.toml")) == [opened.name]


async def test_picker_new_blank_profile(aspire_home: Path) -> None:
    app = first_run_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("ctrl+l")
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        form = app.screen
        form.query_one("#role").value = "Staff Nurse"  # type: ignore[attr-defined]
        form.query_one("#company").value = "St Anne's"  # type: ignore[attr-defined]
        form.query_one("#stage").value = "mid"  # type: ignore[attr-defined]
        await pilot.click("#create")
        await settle(pilot, app)
        assert app.session.profile.role == "Staff Nurse"
        assert app.session.path.name == "staff-nurse-st-anne-s.toml"
        assert app.query_one(DraftEditor).text == ""
        assert load_profile(app.session.path).career_stage == "mid"


async def test_quit_when_saving_fails_asks_twice(aspire_home: Path) -> None:
    app = first_run_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        app.query_one(DraftEditor).load_text("Words that cannot be saved.")
        await pilot.pause()
        # A write that fails, not a file changed elsewhere (tests/test_app_disk.py): the
        # once-a-second look at the file would otherwise see the new path as a removal.
        app._watch_file = lambda: None  # type: ignore[method-assign]
        app.session.path = aspire_home / "no-such-folder" / "x" / "p.toml"
        app.session.path.parent.parent.write_text("a file where a folder should be")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running
        assert any("press ctrl+q again" in n.message for n in app._notifications)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not app.is_running


class Hangs(Scorer):
    id = "hangs"
    title = "Hangs"

    def score(self, ctx: ScoreContext) -> Any:
        time.sleep(30)


async def test_a_hanging_scorer_is_timed_out_and_typing_goes_on(
    aspire_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from aspire_tui.app import live

    monkeypatch.setattr(live, "HARD_LIMIT", 0.4)
    app = app_with(Hangs())
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot, app, lambda: app.live is not None)
        assert app.live is not None
        hangs = group_of(app, "hangs")
        await settle(pilot, app, lambda: hangs.timed_out, timeout=3)
        report = app.live.report()
        assert any(e.plugin == "hangs" and "timed out" in e.message for e in report.errors)
        editor = app.query_one(DraftEditor)
        editor.move_cursor(editor.document.end)
        await pilot.press("z")
        assert editor.text.endswith("z")
        builtin = app.live.groups[0]
        await settle(pilot, app, lambda: builtin.version == app.version, timeout=3)


async def test_a_scorer_failing_again_and_again_is_paused(aspire_home: Path) -> None:
    app = app_with(Raising())
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot, app, lambda: app.live is not None)
        assert app.live is not None
        raising = group_of(app, "raising")
        editor = app.query_one(DraftEditor)
        for i in range(4):
            editor.load_text(f"Draft number {i} about leading the team here.")
            await settle(pilot, app, lambda: raising.running_since is None)
        assert raising.paused
        assert any("paused for this session" in n.message for n in app._notifications)
        assert any("paused" in e.message for e in app.live.report().errors)
        started = app.version
        editor.load_text("One more edit.")
        await pilot.pause(0.2)
        assert raising.running_since is None and app.version > started  # not run again
