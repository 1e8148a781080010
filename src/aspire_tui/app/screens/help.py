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
from .picker import ProfilePicker
from .rehearse import RehearseScreen

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
    (
        "Rehearse",
        "Say the draft as you will in the interview: read it aloud a line at a time at "
        "your pace, against the 60-90 second band, then type it from memory and see "
        "which key points you kept. Each round is kept in the profile.",
    ),
)


class HelpScreen(ModalScreen[None]):
    """The keys as bound now (after the user's keymap), on every screen that has its own:
    the main screen, the profile picker and the findings list. How to close it is on the
    frame, which never scrolls away."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "dismiss", "Close", id="aspire.help.close")
    ]

    def compose(self) -> ComposeResult:
        keymap: dict[str, str] = getattr(self.app, "keymap", {})
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
        keys = bound([*self.app.BINDINGS, *DraftEditor.BINDINGS], keymap)
        for binding in keys.values():
            self._key(text, binding)
        palette = Binding(self.app.COMMAND_PALETTE_BINDING, "command_palette")
        self._line(text, self._display(palette), "Command palette: every action by name")
        # Commands with no key of their own are named here, so help lists every action.
        # (one wrapped paragraph, to keep the rest of help on screen).
        keyed = {b.action for b in keys.values()}
        unkeyed = [title for title, action, _ in COMMANDS if action not in keyed]
        text.append(f"  {'':<10}")
        text.append("Only in the palette: ", style="dim")
        text.append(" · ".join(unkeyed) + "\n")

        profiles = self._display(keys["aspire.profiles"]) if "aspire.profiles" in keys else ""
        text.append(f"\nProfiles ({profiles})\n", style="bold")
        self._line(text, "enter", "Open the highlighted profile")
        for binding in bound(ProfilePicker.BINDINGS, keymap).values():
            self._key(text, binding)

        rehearse = self._display(keys["aspire.rehearse"]) if "aspire.rehearse" in keys else ""
        text.append(f"\nRehearse ({rehearse})\n", style="bold")
        for binding in bound(RehearseScreen.BINDINGS, keymap).values():
            self._key(text, binding)

        findings = self._display(keys["aspire.findings"]) if "aspire.findings" in keys else ""
        draft = self._display(keys["aspire.tab.draft"]) if "aspire.tab.draft" in keys else ""
        text.append(f"\nFindings list ({findings})\n", style="bold")
        self._line(text, "↑ ↓", "Move through the findings, most serious first")
        self._line(text, "enter", "Put the cursor on its words in the draft (nothing selected)")
        self._line(text, draft, "Back to the draft where you left it")

        text.append(
            f"\nRemap keys in {data_home() / KEYMAP_FILE}, one line per binding id:\n", style="dim"
        )
        text.append('  "aspire.profiles" = "f12"\n', style="dim")
        body = VerticalScroll(Static(text), id="help-body")
        close = bound(self.BINDINGS, keymap)["aspire.help.close"]
        body.border_title = f"Help · {self._display(close)} to close"
        yield body

    def _display(self, binding: Binding) -> str:
        """A binding's first key as the user types it."""
        return self.app.get_key_display(binding.with_key(binding.key.split(",")[0].strip()))

    def _key(self, text: Text, binding: Binding) -> None:
        self._line(text, self._display(binding), binding.description or binding.action, binding.id)

    @staticmethod
    def _line(text: Text, key: str, what: str, binding_id: str | None = None) -> None:
        text.append(f"  {key:<10}", style="cyan")
        text.append(what)
        if binding_id:
            text.append(f"  ({binding_id})", style="dim")
        text.append("\n")
