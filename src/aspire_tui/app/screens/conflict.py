"""The profile changed on disk while this window had unsaved changes: the user chooses.

Every choice keeps both versions' words: merged into one file, or one version in the file
and the other as a copy beside it (a profile of its own, listed in the picker).
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from ...session import Conflict


class ConflictDialog(ModalScreen[str | None]):
    """Dismissed with "merge", "theirs", "mine", or None to decide later."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "later", "Decide later", id="conflict.later"),
    ]

    def __init__(self, conflict: Conflict) -> None:
        super().__init__()
        self.conflict = conflict

    def compose(self) -> ComposeResult:
        c = self.conflict
        name = c.session.path.name
        with Vertical(classes="dialog", id="conflict"):
            if c.theirs is None:
                yield Label(f"{name} was removed while open here.")
            elif c.problem:
                yield Label(f"{name} changed on disk and no longer loads: {c.problem}.")
            else:
                yield Label(f"{name} changed on disk (another window or an editor).")
            if c.clashes:
                yield Label("Both sides changed " + ", ".join(c.clashes[:3]) + ".", classes="dim")
            yield Label("Nothing has been written over it. Choose:", classes="dim")
            options: list[Option] = []
            if c.merged is not None:
                options.append(
                    Option("Merge both: they changed different fields or drafts", id="merge")
                )
            if c.their_profile is not None:
                options.append(Option("Use theirs; keep mine as a copy beside it", id="theirs"))
            mine = "Save mine again" if c.theirs is None else "Use mine; keep theirs as a copy"
            options.append(Option(mine, id="mine"))
            yield OptionList(*options, id="choices")
            yield Label("Enter: choose · Esc: decide later (autosave waits)", classes="dim")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_later(self) -> None:
        self.dismiss(None)
