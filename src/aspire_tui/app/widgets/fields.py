"""A scrolling column of labelled text fields bound to one section of the profile."""

from __future__ import annotations

from typing import NamedTuple

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Static, TextArea


class Field(NamedTuple):
    key: str
    label: str
    hint: str


class FieldsPane(VerticalScroll, can_focus=False):
    """Edits `profile.<section>.<key>` for each field; posts `Edited` on every change.

    The column itself takes no focus: Tab goes from field to field, and a focused field
    scrolls into view, so a stop on the column would only swallow the user's typing."""

    SECTION = ""
    FIELDS: tuple[Field, ...] = ()
    INTRO = ""

    class Edited(Message):
        def __init__(self, section: str, key: str, value: str) -> None:
            super().__init__()
            self.section, self.key, self.value = section, key, value

    def __init__(self, values: dict[str, str], focus: bool = False, **kwargs: object) -> None:
        """`focus`: focus the first field once it is built (the pane is being shown)."""
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._values = values
        self._focus_on_mount = focus

    def on_mount(self) -> None:
        if self._focus_on_mount:
            self.focus_first()

    def focus_first(self) -> None:
        """Put the focus in the first field, ready to type."""
        first = self.query(TextArea).first()
        first.focus()
        first.scroll_visible(animate=False)

    def compose(self) -> ComposeResult:
        if self.INTRO:
            yield Static(self.INTRO, classes="pane-intro")
        for f in self.FIELDS:
            yield Static(f.label, classes="field-label")
            yield Static(f.hint, classes="field-hint")
            area = TextArea(
                self._values.get(f.key, ""),
                soft_wrap=True,
                tab_behavior="focus",
                id=f"{self.SECTION}-{f.key}",
                classes="field",
            )
            yield area

    def load(self, values: dict[str, str]) -> None:
        self._values = values
        for f in self.FIELDS:
            area = self.query_one(f"#{self.SECTION}-{f.key}", TextArea)
            if area.text != values.get(f.key, ""):
                area.load_text(values.get(f.key, ""))

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        key = (event.text_area.id or "").removeprefix(f"{self.SECTION}-")
        self.post_message(self.Edited(self.SECTION, key, event.text_area.text))
