"""The profile picker: every per-role profile with its best score; new, duplicate, rename,
delete. A profile that fails to load is listed with its error and never written."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from ...errors import AspireError
from ...lease import holder
from ...session import Session
from ...storage import (
    ProfileEntry,
    create_profile,
    dump_profile,
    example_paths,
    iter_profiles,
    load_profile,
    profiles_dir,
)
from ...wording import plural
from ..widgets.chrome import KeyBar
from .details import ProfileDetails, ProfileForm, apply_details, new_profile

if TYPE_CHECKING:
    from ..app import AspireApp


class ProfilePicker(Screen[Session | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_none", "Back", id="picker.back"),
        Binding("n", "new_example", "New from example", id="picker.new"),
        Binding("b", "new_blank", "New blank", id="picker.blank"),
        Binding("d", "duplicate", "Duplicate", id="picker.duplicate"),
        Binding("r", "rename", "Rename", id="picker.rename"),
        Binding("x", "delete", "Delete", id="picker.delete"),
        Binding("e", "details", "Details", id="picker.details"),
    ]

    def __init__(self, current: Path) -> None:
        super().__init__()
        self.current = current
        self.entries: list[ProfileEntry] = []
        self.best: dict[Path, float] = {}

    def compose(self) -> ComposeResult:
        yield Static(f"Profiles in {profiles_dir()}", id="picker-title")
        yield OptionList(id="profiles")
        # The keys themselves are in the key bar below; this says what they act on.
        yield Static(
            "Enter opens the highlighted profile; the keys below act on it.", id="picker-help"
        )
        yield KeyBar()

    def on_mount(self) -> None:
        self.reload()
        self.query_one(OptionList).focus()

    def reload(self, highlight: Path | None = None) -> None:
        """List what is on disk again, the highlight staying on the same profile (or on
        `highlight`): the list is sorted by name, so a row number would land elsewhere."""
        chosen = self._selected()
        keep = highlight or (chosen.path if chosen else None)
        self.entries = list(iter_profiles())
        self._render_list(keep)
        self._score_all()

    def _render_list(self, highlight: Path | None = None) -> None:
        options = self.query_one(OptionList)
        if highlight is None:
            chosen = self._selected()
            highlight = chosen.path if chosen else self.current
        options.clear_options()
        options.add_options(
            [Option(self._prompt(e), id=str(i)) for i, e in enumerate(self.entries)]
        )
        if not self.entries:
            options.add_option(
                Option(Text("No profiles yet: press n or b.", style="dim"), disabled=True)
            )
        else:  # the profile highlighted before, else the open one
            paths = [_same(e.path) for e in self.entries]
            for wanted in (highlight, self.current):
                if _same(wanted) in paths:
                    options.highlighted = paths.index(_same(wanted))
                    break
            else:
                options.highlighted = 0

    def _prompt(self, e: ProfileEntry) -> Text:
        prompt = Text()
        if e.profile is None:
            prompt.append(f"{e.name}  ", style="bold red")
            prompt.append("broken\n", style="red")
            prompt.append(e.error or "", style="dim")
            return prompt
        p = e.profile
        prompt.append(p.role, style="bold")
        if p.company:
            prompt.append(f" · {p.company}")
        prompt.append(f"  ({p.career_stage})", style="dim")
        if e.path == self.current:
            prompt.append("  open", style="green")
        best = self.best.get(e.path)
        score = "…" if best is None else f"{best:.0f}"
        prompt.append(
            f"\n{plural(len(p.drafts), 'draft')} · best overall {score} · {e.path.name}",
            style="dim",
        )
        return prompt

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _score_all(self) -> None:
        from ...engine import Engine
        from ...plugins import load_host

        engine = Engine(load_host())
        for e in self.entries:
            if e.profile and e.profile.drafts:
                best = max(engine.score(d.text, e.profile).overall for d in e.profile.drafts)
                self.app.call_from_thread(self._best, e.path, best)

    def _best(self, path: Path, best: float) -> None:
        """A score came in: redraw that row alone. Rebuilding the list for each score
        made it flicker, and a row from the list before could show for a frame."""
        self.best[path] = best
        rows = [i for i, e in enumerate(self.entries) if e.path == path]
        options = self.query_one(OptionList)
        for i in rows:
            if i < options.option_count:
                options.replace_option_prompt_at_index(i, self._prompt(self.entries[i]))

    def _selected(self) -> ProfileEntry | None:
        if not self.is_mounted:
            return None
        index = self.query_one(OptionList).highlighted
        if index is None or index >= len(self.entries):
            return None
        return self.entries[index]

    @on(OptionList.OptionSelected)
    def _open(self, event: OptionList.OptionSelected) -> None:
        entry = self.entries[int(event.option.id or 0)]
        if entry.profile is None:
            self.notify(
                f"{entry.error} Fix the file in an editor; Aspire will not overwrite it.",
                severity="error",
                timeout=10,
            )
            return
        self.dismiss(Session(entry.path, entry.profile))

    def action_dismiss_none(self) -> None:
        self.dismiss(None)

    def action_new_example(self) -> None:
        def chosen(path: Path | None) -> None:
            if path is not None:
                self._done(lambda: Session.copy_of(path))

        self.app.push_screen(ExampleChooser(), chosen)

    def action_new_blank(self) -> None:
        def made(details: ProfileDetails | None) -> None:
            if details is not None:
                profile = new_profile(details)

                def create() -> Session:
                    raw = dump_profile(profile).encode("utf-8")
                    path = create_profile(profiles_dir(), f"{profile.role} {profile.company}", raw)
                    return Session(path, profile, raw)

                self._done(create)

        self.app.push_screen(NewProfileForm(), made)

    def action_details(self) -> None:
        """Role, company, stage and question of the highlighted profile. The open one is
        edited through the app's session, as typing is, and saved at once so the list
        shows it; another is saved through a session of its own (hand edits kept, never
        over a change made elsewhere)."""
        entry = self._selected()
        if entry is None or entry.profile is None:
            return
        app: AspireApp = self.app  # type: ignore[assignment]
        if _same(entry.path) == _same(app.session.path):
            session = app.session
        elif self._open_elsewhere(entry.path):
            return
        else:
            session = Session(entry.path, entry.profile)

        def done(details: ProfileDetails | None) -> None:
            if details is None:
                return
            try:
                if session is app.session:
                    app.apply_details(details)
                    app.save_now()
                elif apply_details(session, details):
                    session.save()
            except (AspireError, OSError) as exc:
                self.notify(f"Could not save: {exc}", severity="error", markup=False)
            self.reload(highlight=entry.path)

        self.app.push_screen(ProfileForm(ProfileDetails.of(session)), done)

    def action_duplicate(self) -> None:
        entry = self._selected()
        if entry is None or entry.profile is None:
            return
        copy: Path | None = None
        try:
            copy = Session.copy_of(entry.path, role=f"{entry.profile.role} (copy)").path
        except (AspireError, OSError) as exc:
            self.notify(str(exc), severity="error")
        self.reload(highlight=copy)

    def action_rename(self) -> None:
        entry = self._selected()
        if entry is None or entry.profile is None:
            return
        profile = entry.profile
        if self._open_elsewhere(entry.path):
            return

        def renamed(role: str | None) -> None:
            if not role or role == profile.role:
                return
            try:
                new = dataclasses.replace(profile, role=role)
                raw = dump_profile(new).encode("utf-8")
                # the new file is whole before the old one goes
                path = create_profile(profiles_dir(), f"{role} {profile.company}", raw)
                entry.path.unlink()
                if entry.path == self.current:
                    self.current = path
                    self.dismiss(Session(path, load_profile(path)))
                    return
            except (AspireError, OSError) as exc:
                self.notify(str(exc), severity="error")
                path = None
            self.reload(highlight=path)

        self.app.push_screen(TextPrompt("New role name", profile.role), renamed)

    def action_delete(self) -> None:
        entry = self._selected()
        if entry is None:
            return
        if entry.path == self.current:
            self.notify("That profile is open; open another one first.", severity="warning")
            return
        if self._open_elsewhere(entry.path):
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                try:
                    entry.path.unlink()
                except OSError as exc:
                    self.notify(f"Could not delete: {exc.strerror or exc}", severity="error")
                self.reload()

        self.app.push_screen(
            Confirm(f"Delete {entry.path.name}? This cannot be undone."), confirmed
        )

    def _open_elsewhere(self, path: Path) -> bool:
        other = holder(path)
        if other is not None:
            self.notify(
                f"{path.name} is open in {other.describe()}; close it there first.",
                severity="warning",
            )
        return other is not None

    def _done(self, make: object) -> None:
        try:
            session = make()  # type: ignore[operator]
        except (AspireError, OSError) as exc:
            self.notify(str(exc), severity="error")
            return
        self.dismiss(session)


def _same(path: Path | None) -> Path | None:
    """A path as the file it names, so a relative or linked path matches the listing's."""
    if path is None:
        return None
    try:
        return path.resolve()
    except OSError:
        return path


class ExampleChooser(ModalScreen[Path | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="examples.cancel")
    ]

    def compose(self) -> ComposeResult:
        self.paths = example_paths()
        with Vertical(classes="dialog"):
            yield Label("Start from an example profile (a copy is made for you)")
            options = []
            for path in self.paths:
                try:
                    p = load_profile(path)
                    options.append(Option(f"{p.role} · {p.company} ({p.career_stage})"))
                except AspireError as exc:
                    options.append(Option(str(exc), disabled=True))
            yield OptionList(*options, id="examples")
            yield Label("Enter: copy it · Esc: cancel", classes="dim")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.paths[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)


class NewProfileForm(ProfileForm):
    """The details form for a blank profile: nothing filled in yet, and "Create"."""

    def __init__(self) -> None:
        super().__init__(title="A new profile for the role you are applying for", ok="Create")


class TextPrompt(ModalScreen[str | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="prompt.cancel")
    ]

    def __init__(self, title: str, value: str) -> None:
        super().__init__()
        self.title_text, self.value = title, value

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text)
            yield Input(self.value, id="value")
            yield Label("Enter: save · Esc: cancel", classes="dim")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class Confirm(ModalScreen[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question)
            yield Label("y: yes · n: no", classes="dim")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
