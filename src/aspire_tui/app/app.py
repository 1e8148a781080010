"""The full-screen app: Reflect, Research, Draft (with live Feedback) and Talking points."""

from __future__ import annotations

import contextlib
import gc
import sys
import time
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Header, Static

from ..engine import Engine
from ..errors import AspireError, ChangedOnDisk, ProfileError
from ..ondisk import stamp_of
from ..plugins import PluginHost, load_host
from ..scorers import compiled
from ..session import Conflict, Session, export_draft
from ..storage import atomic_write, cache_dir, data_home, private_dir, slugify
from ..wording import plural
from .commands import AspireCommands
from .keymap import bound, read_keymap
from .live import (
    FIRST_FRAME_WAIT,
    FirstResults,
    Group,
    LiveScores,
    Runner,
    make_groups,
    run_group,
)
from .widgets.chrome import KeyBar, PaneTabs
from .widgets.draft.editor import DraftEditor
from .widgets.feedback.panel import FeedbackPanel
from .widgets.fields import FieldsPane
from .widgets.reflect.pane import ReflectPane
from .widgets.research.pane import ResearchPane

if TYPE_CHECKING:
    from ..keypoints import KeyPoint
    from ..models import Rehearsal
    from .screens.details import ProfileDetails

_HERE = Path(__file__).parent
#: One stylesheet per area, beside the widgets it styles.
_STYLESHEETS: list[str | PurePath] = [
    _HERE / "app.tcss",
    _HERE / "widgets" / "chrome.tcss",
    _HERE / "widgets" / "draft" / "draft.tcss",
    _HERE / "widgets" / "feedback" / "feedback.tcss",
    _HERE / "widgets" / "fields.tcss",
    _HERE / "screens" / "screens.tcss",
    _HERE / "screens" / "rehearse.tcss",
]

#: The panes: id, label, and the binding that shows it.
PANES = [
    ("reflect", "Reflect", "aspire.tab.reflect"),
    ("research", "Research", "aspire.tab.research"),
    ("draft", "Draft", "aspire.tab.draft"),
    ("talking", "Talking points", "aspire.tab.talking"),
]

#: A pause in typing this long is when a full garbage collection runs; on their own they
#: run only after this many middle-generation ones (Python's default is 10).
IDLE = 1.0
FULL_GC_EVERY = 100

#: Autosave after this long without typing, and at least this often while typing.
SAVE_IDLE = 1.0
SAVE_MAX_WAIT = 2.0
#: How often the profile file is looked at for changes made elsewhere (one `stat`).
WATCH_EVERY = 1.0


class AspireApp(App[None]):
    """Coach yourself through "What are your career aspirations?"."""

    TITLE = "Aspire"
    CSS_PATH = _STYLESHEETS
    COMMANDS = App.COMMANDS | {AspireCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]  # noqa: RUF012

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Help", id="aspire.help"),
        # The pane keys are shown beside the pane names, not in the key bar.
        Binding("f2", "show_tab('reflect')", "Reflect", show=False, id="aspire.tab.reflect"),
        Binding("f3", "show_tab('research')", "Research", show=False, id="aspire.tab.research"),
        Binding("f4", "show_tab('draft')", "Draft", show=False, id="aspire.tab.draft"),
        Binding("f5", "show_tab('talking')", "Talking points", show=False, id="aspire.tab.talking"),
        Binding("ctrl+l", "profiles", "Profiles", id="aspire.profiles"),
        Binding("ctrl+n", "new_draft", "New draft", id="aspire.draft.new"),
        Binding("f8", "previous_draft", "Prev draft", show=False, id="aspire.draft.previous"),
        Binding("f9", "next_draft", "Next draft", show=False, id="aspire.draft.next"),
        Binding("ctrl+f", "findings", "Findings", id="aspire.findings"),
        # Shown beside the draft's title, as the question key is beside the question.
        Binding("ctrl+t", "rehearse", "Rehearse", show=False, id="aspire.rehearse"),
        # Shown before the question itself, as the pane keys are before the pane names.
        Binding("ctrl+r", "choose_question", "Question", show=False, id="aspire.question"),
        Binding("ctrl+q", "quit", "Quit", id="aspire.quit", priority=True),
    ]

    def __init__(
        self, session: Session, note: str | None = None, host: PluginHost | None = None
    ) -> None:
        super().__init__()
        # The first score compiles the coach's word lists; kept from the last run, it
        # costs a fraction (saved when the app closes).
        compiled.use_store(cache_dir())
        self.session = session
        self.note = note
        self.host = host
        self.engine: Engine | None = None
        self.live: LiveScores | None = None
        self.version = 0
        self.changes = 0
        self.saved_changes = 0
        self.first_unsaved: float | None = None
        self._last_edit = 0.0
        self._changes_at_gc = 0
        self._save_timer: object | None = None
        self._quit_refused = -10.0
        self._conflict: Conflict | None = None  # a change on disk awaiting the user's choice
        self._watched = 0.0
        self._broken_seen: object = None  # a broken file on disk already reported
        #: Said in the terminal after the app closes (e.g. where a version was kept).
        self.parting_note: str | None = None
        self.runner = Runner()
        self.keymap: dict[str, str] = {}
        self._first: FirstResults | None = None
        self.history: dict[int, float | None] = {}
        #: The app's own clock, read by the latency benchmark: when each text version was
        #: made, and when the built-in scores for the current version reached the screen.
        self.edit_times: dict[int, float] = {}
        #: What Rehearse is timed by (tests put a clock of their own here).
        self.clock: Callable[[], float] = time.monotonic
        self.shown_times: list[tuple[int, float]] = []

    # ---- layout -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        yield PaneTabs(PANES, "draft", self.key_display, id="pane-tabs")
        with ContentSwitcher(initial="draft", id="panes"):
            # Reflect, Research and Talking points are built when first shown: the app
            # opens on the Draft, ready to type, as fast as it can.
            yield Vertical(id="reflect", classes="pane")
            yield Vertical(id="research", classes="pane")
            with Horizontal(id="draft", classes="pane"):
                with Vertical(id="draft-column"):
                    with Horizontal(id="draft-bar"):
                        yield Static("", id="question")
                        yield Static("", id="draft-title")
                    yield DraftEditor(self.session.draft.text, id="editor")
                    yield Static("", id="save-state")
                yield FeedbackPanel(id="feedback")
            yield Vertical(id="talking", classes="pane")
        yield KeyBar(id="key-bar")

    #: Actions on the open draft and its panes: while the picker or a dialog is on top they
    #: would act unseen behind it, so they are off (and out of the key bar) until it closes.
    MAIN_SCREEN_ACTIONS = frozenset(
        {
            "show_tab",
            "profiles",
            "new_draft",
            "duplicate_draft",
            "rename_draft",
            "delete_draft",
            "previous_draft",
            "next_draft",
            "findings",
            "choose_question",
            "edit_profile",
            "export",
            "rehearse",
            "export_cue",
        }
    )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self.MAIN_SCREEN_ACTIONS and self.screen_stack:
            return self.screen is self.main
        return True

    def key_display(self, binding_id: str) -> str:
        """The key bound to this binding id now, after the user's keymap, as users see it."""
        binding = bound(self.BINDINGS, self.keymap).get(binding_id)
        return self.get_key_display(binding) if binding else ""

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's own commands, less its Quit: the palette's own Quit, with its key,
        is the one that says it saves first."""
        for command in super().get_system_commands(screen):
            if command.title != "Quit":
                yield command

    def key_for_action(self, action: str) -> str:
        """The key that runs `action` (as the command palette names it), or ""."""
        for binding in bound(self.BINDINGS, self.keymap).values():
            if binding.action == action:
                return self.get_key_display(binding)
        return ""

    @property
    def main(self) -> Screen[Any]:
        """The main screen, also while a dialog or the picker is on top of it."""
        return self.screen_stack[0]

    @property
    def closing(self) -> bool:
        """True once the screens are gone: late messages and results are then dropped."""
        return not self.screen_stack or not self.main.is_attached

    def on_mount(self) -> None:
        # Scoring threads hand the interpreter back to the UI thread sooner, so a keystroke
        # never waits behind a whole scoring pass.
        sys.setswitchinterval(0.001)
        self.keymap, problem = read_keymap()
        self.set_keymap(self.keymap)
        if problem:
            self.notify(problem, severity="warning", timeout=8, markup=False)
        self._refresh_header()
        self._refresh_draft_bar()
        self._show_saved()
        self.main.query_one(DraftEditor).focus()
        if self.note:
            self.notify(self.note, timeout=10)
        self._announce_lease()
        self._leave_on_signals()
        self.set_interval(0.25, self._tick)
        self.call_after_refresh(self._quiet_collector)
        self._engine_ready(self.host or load_host())

    def _leave_on_signals(self) -> None:
        """A `kill` or a closed terminal window saves the draft and leaves the app cleanly
        (screen modes undone) instead of ending the process mid-frame. A second signal
        gets the default: the user insists."""
        import asyncio
        import signal

        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGHUP):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(sig, self._signalled, sig)

    def on_unmount(self) -> None:
        import asyncio
        import signal

        compiled.save()

        for sig in (signal.SIGTERM, signal.SIGHUP):
            with contextlib.suppress(Exception):
                asyncio.get_running_loop().remove_signal_handler(sig)

    def _signalled(self, sig: int) -> None:
        import asyncio
        import signal

        with contextlib.suppress(Exception):
            asyncio.get_running_loop().remove_signal_handler(sig)
        signal.signal(sig, signal.SIG_DFL)
        try:
            self.save_now()
        except OSError as exc:
            self.parting_note = f"could not save {self.session.path}: {exc.strerror or exc}"
        self.exit()

    def _engine_ready(self, host: PluginHost) -> None:
        self.host = host
        self.engine = Engine(host)
        for failed in host.failures:
            self.notify(f"Plugin {failed.name} did not load: {failed.error}", severity="warning")
        self._reset_live(first=True)

    def _reset_live(self, first: bool = False) -> None:
        if self.engine is None:
            return
        self.live = LiveScores(make_groups(self.engine.enabled(self.session.profile)))
        if first:
            self._score_first_frame()
        else:
            self._schedule_all()
        self._score_history()

    def _score_first_frame(self) -> None:
        """Open with the feedback already on screen: the built-ins take milliseconds and are
        scored here; installed scorers start in workers at the same moment and are waited
        for a little, so fast ones are in the first frame too."""
        assert self.live is not None
        installed = [g for g in self.live.groups if not g.builtin]
        deadline = time.monotonic() + FIRST_FRAME_WAIT
        self._first = FirstResults(len(installed)) if installed else None
        for group in installed:
            self._schedule(group)
        text = self.session.draft.text
        for group in self.live.groups:
            if group.builtin:
                self.live.start(group)
                outcomes, facts = run_group(group, text, self.session.profile)
                self.live.finish(group, self.version, outcomes, facts)
        if self._first is not None:
            for result in self._first.take(deadline):
                self.live.finish(*result)
            self._first = None
        self._show_report()

    def _refresh_header(self) -> None:
        p = self.session.profile
        self.title = f"{p.role}" + (f" · {p.company}" if p.company else "")
        self.sub_title = self.session.question

    def _refresh_draft_bar(self) -> None:
        s = self.session
        # One row, however long the question: cut with "…", never pushing the editor down.
        question = self.main.query_one("#question", Static)
        key = self.key_display("aspire.question")
        question.update(Text.assemble((key, "bold"), " " if key else "", f"“{s.question}”"))
        question.tooltip = f"{s.question} ({key} or a click to change it)"
        rehearse = self.key_display("aspire.rehearse")
        self.main.query_one("#draft-title", Static).update(
            Text.assemble(
                f"{s.draft.title} ({s.draft_index + 1} of {len(s.profile.drafts)})",
                ("  " if rehearse else "", ""),
                (rehearse, "bold"),
                (" rehearse" if rehearse else "", ""),
            )
        )

    # ---- live scoring -------------------------------------------------------------------------

    def _schedule_all(self) -> None:
        if self.live is None:
            return
        for group in self.live.groups:
            self._schedule(group)

    def _schedule(self, group: Group) -> None:
        assert self.live is not None
        if group.paused:
            return
        if group.running_since is not None:
            group.pending = True
            return
        self.live.start(group, self.version)
        text = self.session.draft.text
        self.runner.submit(group.builtin, partial(self._score_group, group, text, self.version))

    def _score_group(self, group: Group, text: str, version: int) -> None:
        outcomes, facts = run_group(group, text, self.session.profile)
        first = self._first
        if first is not None and first.offer((group, version, outcomes, facts)):
            return
        if not self.closing:
            with contextlib.suppress(RuntimeError):  # the app stopped while this scorer ran
                self.call_from_thread(self._group_done, group, version, outcomes, facts)

    def _group_done(self, group: Group, version: int, outcomes: list[Any], facts: object) -> None:
        if self.live is None or group not in self.live.groups:
            return  # a result for a profile that is no longer open
        if self.live.finish(group, version, outcomes, facts):  # type: ignore[arg-type]
            self._show_report()
        if self._announce_paused():
            self._show_report()
        if group.pending:
            self._schedule(group)

    def _announce_paused(self) -> bool:
        news = self.live.take_paused() if self.live else []
        for group in news:
            self.notify(
                f"{', '.join(group.ids)} failed {group.failures} times in a row and is paused "
                "for this session; the other scores carry on.",
                severity="warning",
            )
        return bool(news)

    def _show_report(self) -> None:
        if self.live is None or self.closing:
            return
        report = self.live.report()
        text = self.session.draft.text
        self.main.query_one(FeedbackPanel).show(report, text, self.live.status())
        current = [o for g in self.live.groups if g.version == self.version for o in g.outcomes]
        findings = [f for o in current for f in getattr(o, "findings", [])]
        self.main.query_one(DraftEditor).show_findings(findings)
        self.history[self.session.draft_index] = report.overall
        self._show_history()
        self._show_checklist(report)
        if any(g.builtin and g.version == self.version for g in self.live.groups):
            self.shown_times.append((self.version, time.perf_counter()))

    def _quiet_collector(self) -> None:
        """Keep full garbage collections (10–15 ms with a long draft open) out of typing.
        What exists after start-up lives as long as the app: it is frozen out of the
        collector's view. Automatic full collections become rare, and `_tick` runs one
        whenever the user pauses after typing."""
        gc.freeze()
        young, middle, _ = gc.get_threshold()
        gc.set_threshold(young, middle, FULL_GC_EVERY)

    def _collect_when_idle(self) -> None:
        if self.changes != self._changes_at_gc and time.monotonic() - self._last_edit > IDLE:
            self._changes_at_gc = self.changes
            gc.collect()

    def _tick(self) -> None:
        if self.closing:
            return
        self._collect_when_idle()
        now = time.monotonic()
        if now - self._watched >= WATCH_EVERY:
            self._watched = now
            self._watch_file()
        if self.live:
            self.live.check_timeouts()
            self._announce_paused()
            if any(g.timed_out for g in self.live.groups):
                self._show_report()
        if self.live and any(g.running_since for g in self.live.groups):
            self.main.query_one(FeedbackPanel).show_status(self.live.report(), self.live.status())

    def _show_checklist(self, report: object) -> None:
        p = self.session.profile
        r = p.research
        scores = {s.plugin: s.score for s in getattr(report, "scores", [])}
        flight = any(
            f.kind == "flight-risk" for s in getattr(report, "scores", []) for f in s.findings
        )
        steps = [
            (
                "Research the company: culture and plans",
                bool(
                    r.culture.strip() and (r.short_term_plans.strip() or r.long_term_plans.strip())
                ),
            ),
            ("Read the job description", bool(r.job_description.strip())),
            ("Prepare talking points: your strengths", bool(p.reflection.strengths.strip())),
            ("Connect your aim to the job's key tasks", scores.get("alignment", 0) >= 60),
            (
                "Show commitment: stay and grow here",
                scores.get("commitment", 0) >= 70 and not flight,
            ),
        ]
        self.main.query_one(FeedbackPanel).show_checklist(steps)

    def _show_history(self) -> None:
        drafts = self.session.profile.drafts
        from ..rehearse import trend

        rows = [(d.title, self.history.get(i)) for i, d in enumerate(drafts)]
        recalled = trend(self.session.profile.rehearsals, self.session.draft.title)
        self.main.query_one(FeedbackPanel).show_history(
            rows, self.session.draft_index, recalled, self.key_display("aspire.rehearse")
        )

    @work(thread=True, exclusive=True, group="history", exit_on_error=False)
    def _score_history(self) -> None:
        if self.engine is None:
            return
        profile = self.session.profile
        for i, draft in enumerate(list(profile.drafts)):
            if i != self.session.draft_index:
                overall = self.engine.score(draft.text, profile).overall
                self.call_from_thread(self._history_entry, i, overall)

    def _history_entry(self, index: int, overall: float) -> None:
        self.history[index] = overall
        self._show_history()

    # ---- edits ---------------------------------------------------------------------------------

    @on(DraftEditor.Changed, "#editor")
    def _draft_changed(self, event: DraftEditor.Changed) -> None:
        text = event.text_area.text
        if text == self.session.draft.text:
            return
        self.session.set_text(text)
        self.version += 1
        self.edit_times[self.version] = time.perf_counter()
        self._edited()
        self._schedule_all()

    @on(FieldsPane.Edited)
    def _field_changed(self, event: FieldsPane.Edited) -> None:
        self.session.set_field(event.section, event.key, event.value)
        self._edited()
        if event.section == "research":
            self.version += 1
            self._schedule_all()

    def action_edit_profile(self) -> None:
        from .screens.details import ProfileDetails, ProfileForm

        s = self.session

        def done(details: ProfileDetails | None) -> None:
            if details is not None and s is self.session:
                self.apply_details(details)

        self.push_screen(ProfileForm(ProfileDetails.of(s)), done)

    def apply_details(self, details: ProfileDetails) -> None:
        """New role, company, stage or question for the open profile: saved as any edit
        is, and scored again, since the stage and the role change what is expected."""
        from .screens.details import apply_details

        if not apply_details(self.session, details):
            return
        self._refresh_header()
        self._refresh_draft_bar()
        self._edited()
        self.history = {}
        self.version += 1
        self._reset_live()

    def action_choose_question(self) -> None:
        from .screens.question import QuestionChooser

        def chosen(question: str | None) -> None:
            if question and question != self.session.question:
                self.session.set_question(question)
                self._refresh_header()
                self._refresh_draft_bar()
                self._edited()

        self.push_screen(QuestionChooser(self.session.question), chosen)

    def on_click(self, event: events.Click) -> None:
        if event.widget is not None and event.widget.id == "question":
            self.action_choose_question()

    def _refresh_talking(self) -> None:
        from .widgets.talking.pane import TalkingPane

        for pane in self.main.query(TalkingPane):
            pane.refresh_points(self.session.profile, self.session.draft.text)

    def _build_pane(self, pane: Widget) -> None:
        if pane.children:
            return
        p = self.session.profile
        if pane.id == "reflect":
            pane.mount(ReflectPane(vars(p.reflection), focus=True, id="reflect-pane"))
        elif pane.id == "research":
            pane.mount(ResearchPane(vars(p.research), focus=True, id="research-pane"))
        elif pane.id == "talking":
            from .widgets.talking.pane import TalkingPane

            pane.mount(TalkingPane(id="talking-pane"))

    @on(FeedbackPanel.FindingChosen)
    def _finding_chosen(self, event: FeedbackPanel.FindingChosen) -> None:
        editor = self.main.query_one(DraftEditor)
        f = event.located.finding
        if f.start < f.end <= len(editor.text):  # a remark on the whole answer has no span
            editor.go_to_span(f.start, f.end)
        editor.focus()

    # ---- saving --------------------------------------------------------------------------------

    def _edited(self) -> None:
        self.changes += 1
        now = self._last_edit = time.monotonic()
        if self.first_unsaved is None:
            self.first_unsaved = now
        self._show_saved()
        if now - self.first_unsaved >= SAVE_MAX_WAIT:
            self._autosave()
            return
        if self._save_timer is not None:
            self._save_timer.stop()  # type: ignore[attr-defined]
        self._save_timer = self.set_timer(SAVE_IDLE, self._autosave)

    def _autosave(self) -> None:
        if self.changes == self.saved_changes or self._conflict is not None:
            return
        self._write(self.session, self.session.data(), self.changes)

    @work(thread=True, exclusive=False, group="save", exit_on_error=False)
    def _write(self, session: Session, data: dict[str, Any], changes: int) -> None:
        # Writes take turns in the saver; the newest data queued is what gets written.
        session.saver.offer(changes, data)
        try:
            written = session.saver.flush()
        except ChangedOnDisk as exc:
            self.call_from_thread(self._changed_on_disk, session, exc.theirs)
            return
        except OSError as exc:
            self.call_from_thread(
                self.notify,
                f"Could not save {session.path}: {exc.strerror or exc}",
                severity="error",
            )
            return
        self.call_from_thread(self._saved, session, written)

    def _saved(self, session: Session, changes: int) -> None:
        if session is not self.session:
            return
        self.saved_changes = max(self.saved_changes, changes)
        if self.saved_changes == self.changes:
            self.first_unsaved = None
            self.session.dirty = False
        self._show_saved()

    def save_now(self) -> None:
        """Save on the UI thread: used when quitting or switching profile. If the file
        changed on disk meanwhile, this window's version is kept as a copy beside it."""
        self._end_rounds()
        if self.changes != self.saved_changes:
            try:
                if self._conflict is not None:
                    raise ChangedOnDisk(self.session.path, self._conflict.theirs)
                self.session.save(self.changes)
            except ChangedOnDisk:
                try:
                    copy = self.session.keep_mine()
                except ProfileError as exc:  # nowhere to keep it: the caller asks the user
                    raise OSError(exc.message) from None
                self.parting_note = (
                    f"{self.session.path.name} changed on disk, so it was left as it is; "
                    f"your version is in {copy}"
                )
            self.saved_changes = self.changes
            self.first_unsaved = None
        self._show_saved()

    def _end_rounds(self) -> None:
        """A rehearsal round under way when the app saves to leave is kept as far as it got."""
        from .screens.rehearse import RehearseScreen

        for screen in self.screen_stack:
            if isinstance(screen, RehearseScreen):
                screen.keep_progress()

    # ---- changes made elsewhere ----------------------------------------------------------------

    def _announce_lease(self) -> None:
        lease = self.session.lease.acquire()
        if lease.other is not None:
            self.notify(
                f"{self.session.path.name} is also open in {lease.other.describe()}. "
                "Aspire checks the file before every save and asks if both change it.",
                severity="warning",
                timeout=10,
            )

    def _watch_file(self) -> None:
        if self._conflict is not None or self.screen is not self.main:
            return
        seen = self.session.saver.check()
        if seen is None:
            return  # a save is in flight
        changed, stamp, raw = seen
        if not changed:
            self.session.saver.file.stamp = stamp
            self._forget_broken()  # put back as it was: the warning is no longer true
            return
        if stamp is not None and stamp == self._broken_seen:
            return
        self._changed_on_disk(self.session, raw)

    def _forget_broken(self) -> None:
        """The file was broken on disk and loads again: the warning that it did not goes."""
        if self._broken_seen is not None:
            self.clear_notifications()
            self._broken_seen = None

    def _changed_on_disk(self, session: Session, theirs: bytes | None) -> None:
        """Someone else changed the file. With nothing unsaved here, their version is simply
        loaded; otherwise the user chooses, and autosave waits until they have."""
        if session is not self.session or self._conflict is not None or self.closing:
            return
        conflict = session.conflict(theirs)
        unsaved = self.changes != self.saved_changes
        if not unsaved and conflict.their_profile is not None:
            session.adopt(conflict.their_profile, theirs)
            self._reload_view()
            self._forget_broken()
            self.notify(f"{session.path.name} changed on disk; loaded the new version.")
            return
        if not unsaved and theirs is not None:
            self._broken_seen = stamp_of(session.path, theirs)
            self.notify(
                f"{session.path.name} changed on disk and does not load: {conflict.problem}. "
                "Aspire will not save over it; fix the file, or type here to choose.",
                severity="warning",
                timeout=10,
            )
            return
        self._ask(conflict)

    def _ask(self, conflict: Conflict) -> None:
        from .screens.conflict import ConflictDialog

        self._conflict = conflict
        self._show_saved()

        def chosen(choice: str | None) -> None:
            if choice is None:  # decided later: autosave waits, "Save now" asks again
                self._show_saved()
                return
            self._conflict = None
            self._resolve(conflict, choice)

        self.push_screen(ConflictDialog(conflict), chosen)

    def _resolve(self, conflict: Conflict, choice: str) -> None:
        name = self.session.path.name
        try:
            if choice == "merge":
                conflict.merge(self.changes)
                note = f"Merged both versions into {name}."
            elif choice == "theirs":
                copy = conflict.keep_theirs()
                note = f"Loaded the version on disk; yours is kept in {copy.name}."
            else:
                kept = conflict.keep_mine(self.changes)
                note = f"Saved your version to {name}" + (
                    f"; theirs is kept in {kept.name}." if kept else "."
                )
        except ChangedOnDisk as exc:  # it changed again meanwhile: ask again
            self._ask(self.session.conflict(exc.theirs))
            return
        except (OSError, AspireError) as exc:
            self.notify(f"Could not do that: {exc}", severity="error")
            return
        self.saved_changes = self.changes
        self.first_unsaved = None
        if choice != "mine":
            self._reload_view()
        self._show_saved()
        self.notify(note, timeout=8)

    def _reload_view(self) -> None:
        """Show the session's profile again after it was replaced by the version on disk."""
        p = self.session.profile
        for pane in self.main.query(FieldsPane):
            pane.load(vars(getattr(p, pane.SECTION)))
        editor = self.main.query_one(DraftEditor)
        cursor = editor.cursor_location
        editor.load_text(self.session.draft.text)
        with contextlib.suppress(ValueError, IndexError):
            editor.cursor_location = editor.clamp_visitable(cursor)
        self._refresh_header()
        self._refresh_draft_bar()
        self.history = {}
        self.version += 1
        self._reset_live()

    def _show_saved(self) -> None:
        if self.closing:
            return
        state = self.main.query_one("#save-state", Static)
        if self._conflict is not None:
            # What to do first and the file name last: on a narrow screen the line is cut.
            palette = self.get_key_display(Binding(self.COMMAND_PALETTE_BINDING, ""))
            state.update(
                f"● not saved: changed on disk; {palette} → Save now to choose · "
                f"{self.session.path.name}",
                layout=False,
            )
            state.set_class(True, "unsaved")
        elif self.changes == self.saved_changes:
            state.update(f"✓ saved · {self.session.path.name}", layout=False)
            state.set_class(False, "unsaved")
        else:
            state.update(f"● unsaved changes · {self.session.path.name}", layout=False)
            state.set_class(True, "unsaved")

    # ---- actions -------------------------------------------------------------------------------

    async def action_quit(self) -> None:
        try:
            self.save_now()
        except OSError as exc:
            now = time.monotonic()
            if now - self._quit_refused < 5:
                self.exit()  # asked twice: the user chose to leave without saving
                return
            self._quit_refused = now
            self.notify(
                f"Could not save {self.session.path}: {exc.strerror or exc}. Copy your draft "
                f"(ctrl+p → Export), or press {self._quit_key()} again to quit "
                "without saving.",
                severity="error",
                timeout=10,
            )
            return
        self.exit()

    def _quit_key(self) -> str:
        """The quit key as the user would type its name (after their keymap)."""
        binding = bound(self.BINDINGS, self.keymap).get("aspire.quit")
        return binding.key.split(",")[0] if binding else "ctrl+q"

    def action_save(self) -> None:
        if self._conflict is not None:  # the choice was put off: ask again, file as it is now
            self._conflict = None
            seen = self.session.saver.check()
            raw = seen[2] if seen else None
            if seen is not None and raw is None and seen[1] is not None:
                raw = self.session.path.read_bytes()
            self._ask(self.session.conflict(raw))
            return
        try:
            self.save_now()
            self.notify(f"Saved {self.session.path}")
        except OSError as exc:
            self.notify(f"Could not save: {exc.strerror or exc}", severity="error")

    def action_focus_previous(self) -> None:
        """Shift+Tab stops at the first field of the screen, as Tab stops at the last:
        wrapping round would jump the view to the far end of a long pane."""
        chain = self.screen.focus_chain
        if self.screen is self.main and chain and self.focused is chain[0]:
            return
        super().action_focus_previous()

    def action_focus_next(self) -> None:
        """Tab stops at the last field, for the same reason."""
        chain = self.screen.focus_chain
        if self.screen is self.main and chain and self.focused is chain[-1]:
            return
        super().action_focus_next()

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        self.push_screen(HelpScreen())

    def action_show_tab(self, tab: str) -> None:
        if tab not in {pane for pane, _, _ in PANES}:
            return
        screen = self.main
        pane = screen.query_one(f"#{tab}")
        built = bool(pane.children)
        self._build_pane(pane)  # a pane built now focuses its first field when mounted
        screen.query_one(ContentSwitcher).current = tab
        screen.query_one(PaneTabs).active = tab
        if tab == "draft":
            screen.query_one(DraftEditor).focus()
        elif built:
            for fields in pane.query(FieldsPane):
                fields.focus_first()
        elif tab == "talking":
            self.call_after_refresh(self._refresh_talking)

    def action_findings(self) -> None:
        self.action_show_tab("draft")
        self.main.query_one("#findings").focus()

    def action_new_draft(self) -> None:
        self.session.new_draft()
        self._drafts_changed()
        self.notify("New draft: the earlier ones are kept, and their scores compared.")

    def action_duplicate_draft(self) -> None:
        source = self.session.draft.title
        self.session.new_draft(copy=True)
        self._drafts_changed()
        self.notify(f"{self.session.draft.title} starts as a copy of {source}; {source} is kept.")

    def action_rename_draft(self) -> None:
        from .screens.picker import TextPrompt

        def renamed(title: str | None) -> None:
            if title is None:
                return
            try:
                self.session.rename_draft(title)
            except ValueError as exc:
                self.notify(str(exc), severity="warning", markup=False)
                return
            self._refresh_draft_bar()
            self._show_history()
            self._edited()

        self.push_screen(TextPrompt("New title for this draft", self.session.draft.title), renamed)

    def action_delete_draft(self) -> None:
        from .screens.picker import Confirm

        s = self.session
        if len(s.profile.drafts) <= 1:
            self.notify("This is the only draft; a profile keeps at least one.", severity="warning")
            return
        title = s.draft.title
        words = plural(len(s.draft.text.split()), "word")

        def confirmed(yes: bool | None) -> None:
            if yes and s is self.session:
                s.delete_draft()
                self._drafts_changed()
                self.notify(f"Deleted {title}.", markup=False)

        self.push_screen(Confirm(f"Delete {title} ({words})? This cannot be undone."), confirmed)

    def action_previous_draft(self) -> None:
        self.session.select_draft(self.session.draft_index - 1)
        self._draft_switched()

    def action_next_draft(self) -> None:
        self.session.select_draft(self.session.draft_index + 1)
        self._draft_switched()

    def _drafts_changed(self) -> None:
        """A draft was added or deleted: a change to save, and the scores across drafts
        are keyed by position, so they are worked out again."""
        self._edited()
        self.history = {}
        self._draft_switched()
        self._score_history()

    def _draft_switched(self) -> None:
        """Show the draft now open. Switching alone changes nothing on disk, so it is not
        an unsaved change."""
        editor = self.main.query_one(DraftEditor)
        editor.load_text(self.session.draft.text)
        self._refresh_draft_bar()
        self._refresh_header()
        self.version += 1
        self._schedule_all()
        self.action_show_tab("draft")

    def action_export(self, fmt: str) -> None:
        s = self.session
        text = export_draft(s.draft, s.profile, s.question, fmt)
        self._export(f"{s.path.stem}-{slugify(s.draft.title)}.{fmt}", text)

    def action_export_cue(self, fmt: str) -> None:
        """The draft's key points on one short card, for the morning of the interview."""
        from ..rehearse import cue_card

        s = self.session
        points = self._key_points()
        card = cue_card(points, s.profile.role, s.profile.company, s.question, fmt)
        self._export(f"{s.path.stem}-{slugify(s.draft.title)}-cue-card.{fmt}", card)

    def _export(self, name: str, text: str) -> None:
        """Write `text` to the exports folder (private, atomic) and copy it."""
        path = data_home() / "exports" / name
        try:
            private_dir(path.parent)
            atomic_write(path, text.encode("utf-8"))
        except OSError as exc:
            self.notify(f"Could not export to {path}: {exc.strerror or exc}", severity="error")
            return
        self.copy_to_clipboard(text)
        self.notify(f"Exported to {path} and copied to the clipboard.")

    def _key_points(self) -> list[KeyPoint]:
        from ..keypoints import key_points

        s = self.session
        kinds = self.host.point_kinds if self.host is not None else []
        return key_points(s.draft.text, s.profile, kinds)

    def action_rehearse(self) -> None:
        """Practise saying the open draft: read aloud at a pace, then from memory."""
        from .screens.rehearse import RehearseScreen

        s = self.session
        if not s.draft.text.strip():
            self.notify(
                "Write a draft first: Rehearse has you read it aloud, then say it from memory.",
                severity="warning",
            )
            return
        engine = self.engine
        profile = s.profile

        def score(text: str) -> float | None:
            return engine.score(text, profile).overall if engine is not None else None

        def keep(text: str) -> None:
            if s is self.session:
                s.new_draft()
                s.set_text(text)
                self._drafts_changed()

        screen = RehearseScreen(
            title=s.draft.title,
            text=s.draft.text,
            points=self._key_points(),
            pace=s.last_pace(),
            draft_score=self.history.get(s.draft_index),
            score=score,
            on_round=partial(self._rehearsed, s),
            on_keep=keep,
            on_cue_card=partial(self.action_export_cue, "md"),
            history=lambda: s.profile.rehearsals,
            clock=self.clock,
        )
        self.push_screen(screen, lambda _: self._show_history())

    def _rehearsed(self, session: Session, rehearsal: Rehearsal) -> None:
        """A round ended: it joins the profile's history and is saved like any edit."""
        if session is not self.session:
            return
        session.add_rehearsal(rehearsal)
        self._edited()
        self._show_history()

    def action_profiles(self) -> None:
        from .screens.picker import ProfilePicker

        try:  # the picker lists what is on disk: let that include the latest typing
            self.save_now()
        except OSError as exc:
            self.notify(f"Could not save: {exc.strerror or exc}", severity="error")

        def chosen(session: Session | None) -> None:
            if session is not None:
                self.open_session(session)

        self.push_screen(ProfilePicker(self.session.path), chosen)

    def open_session(self, session: Session, note: str | None = None) -> None:
        try:
            self.save_now()
        except OSError as exc:
            self.notify(f"Could not save: {exc.strerror or exc}", severity="error")
            return
        self.session.lease.release()
        self.session = session
        self._conflict = None
        self._broken_seen = None
        self.changes = self.saved_changes = 0
        self.history = {}
        p = session.profile
        for pane in self.main.query(FieldsPane):
            pane.load(vars(getattr(p, pane.SECTION)))
        self.main.query_one(DraftEditor).load_text(session.draft.text)
        self._refresh_header()
        self._refresh_draft_bar()
        self._show_saved()
        self.version += 1
        self._reset_live()
        self.action_show_tab("draft")
        if note:
            self.notify(note)
        self._announce_lease()


def run(profile: str | None) -> int:
    """Open the app on a profile (a name, a path, or None for the last one used)."""
    try:
        session, note = Session.open(profile)
    except AspireError as exc:
        print(f"aspire: {exc}", file=sys.stderr)
        return 2
    app = AspireApp(session, note)
    try:
        app.run()
    finally:
        app.session.lease.release()
    if app.parting_note:
        print(f"aspire: {app.parting_note}", file=sys.stderr)
    return 0
