"""Choose which phrasing of the question the draft answers (DOMAIN: its disguises)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList

from ...models import QUESTIONS


class QuestionChooser(ModalScreen[str | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="question.cancel")
    ]

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("The question you are practising (the best opening differs a little)")
            options = OptionList(*QUESTIONS, id="questions")
            if self.current in QUESTIONS:
                options.highlighted = QUESTIONS.index(self.current)
            yield options

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(QUESTIONS[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)
