"""F1 help: what each pane is for, the keys, and how to remap them."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ...storage import data_home
from ..commands import COMMANDS
from ..keymap import KEYMAP_FILE, bound
from ..widgets.draft.editor import DraftEditor

PANES = (
    (
        "Reflect",
        "The coach's questions: talents, values, the life you want. Aspirations come from these.",
    ),
    (
        "Research",
        "The company's culture and plans, and the job description. Alignment is "
        "scored against them.",
    ),
    (
        "Draft",
        "Your answer. Feedback updates as you type; findings are highlighted in the "
        "text. Choose a finding to jump to it.",
    ),
    (
        "Talking points",
        "What the job asks for against your strengths, and what your draft covers yet.",
    ),
)


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "dismiss", "Close", id="aspire.help.close")
    ]

    def compose(self) -> ComposeResult:
        text = Text()
        text.append("Aspire\n", style="bold")
        text.append(
            "Coach yourself through “What are your career aspirations?”. A strong "
            "answer names where you are heading, one or two steps toward it, how it "
            "serves this company, and that you mean to grow here.\n\n"
        )
        for name, what in PANES:
            text.append(f"{name}: ", style="bold")
            text.append(f"{what}\n")
        text.append("\nKeys\n", style="bold")
        # The keys as bound now, after the user's keymap.
        keys = bound([*self.app.BINDINGS, *DraftEditor.BINDINGS], getattr(self.app, "keymap", {}))
        for binding in keys.values():
            key = self.app.get_key_display(binding)
            text.append(f"  {key:<10}", style="cyan")
            text.append(f"{binding.description or binding.action}")
            text.append(f"  ({binding.id})\n", style="dim")
        palette = Binding(self.app.COMMAND_PALETTE_BINDING, "command_palette")
        text.append(f"  {self.app.get_key_display(palette):<10}", style="cyan")
        text.append("Command palette: every action by name\n")
        # Commands with no key of their own are named here, so help lists every action.
        # (one wrapped paragraph, to keep the rest of help on screen).
        keyed = {b.action for b in keys.values()}
        unkeyed = [title for title, action, _ in COMMANDS if action not in keyed]
        text.append(f"  {'':<10}")
        text.append("Only in the palette: ", style="dim")
        text.append(" · ".join(unkeyed) + "\n")
        text.append(
            f"\nRemap keys in {data_home() / KEYMAP_FILE}, one line per binding id:\n", style="dim"
        )
        text.append('  "aspire.profiles" = "f12"\n', style="dim")
        text.append("\nPress Esc to close.", style="dim")
        with VerticalScroll(id="help-body"):
            yield Static(text)
