"""The draft editor: a TextArea that underlines the findings in the text itself."""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
from collections.abc import Iterable
from typing import ClassVar

from rich.style import Style
from textual.binding import Binding, BindingType
from textual.timer import Timer
from textual.widgets import TextArea
from textual.widgets.text_area import Selection

from ....models import Finding

#: How each severity looks in the text, like a reader of Hemingway would expect.
FINDING_STYLES: dict[str, Style] = {
    "aspire-error": Style(bgcolor="#7a1f1f", underline=True),
    "aspire-warning": Style(bgcolor="#6b5416", underline=True),
    "aspire-suggestion": Style(underline=True, color="#7fb8ff"),
    # A chosen finding flashes in reverse, drawn over its own colour: a selection would be
    # hidden under that colour, and the next key typed would replace the whole span.
    "aspire-chosen": Style(reverse=True, bold=True),
}
#: How long a chosen finding's span stays flashed.
FLASH_SECONDS = 1.5


class DraftEditor(TextArea):
    """Edits the answer. `show_findings` highlights spans given as str offsets."""

    DEFAULT_CSS = """
    DraftEditor { height: 1fr; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+home", "document_start", "Start of draft", show=False, id="aspire.editor.start"
        ),
        Binding("ctrl+end", "document_end", "End of draft", show=False, id="aspire.editor.end"),
    ]

    def action_document_start(self) -> None:
        self.move_cursor((0, 0))

    def action_document_end(self) -> None:
        self.move_cursor(self.document.end)

    def __init__(self, text: str = "", **kwargs: object) -> None:
        super().__init__(text, soft_wrap=True, tab_behavior="focus", **kwargs)  # type: ignore[arg-type]
        self._findings: list[tuple[int, int, str]] = []
        self._flash: tuple[int, int] | None = None
        self._flash_timer: Timer | None = None

    def show_findings(self, findings: Iterable[Finding]) -> None:
        """Highlight these findings (info ones are listed, not painted)."""
        spans: list[tuple[int, int, str]] = [
            (f.start, f.end, str(f.severity))
            for f in findings
            if f.end > f.start and f.severity != "info"
        ]
        if spans == self._findings:
            return
        self._findings = spans
        self._build_highlight_map()
        self.refresh()

    def go_to_span(self, start: int, end: int) -> None:
        """Show a span without selecting it: the cursor goes to its start (so typing inserts
        there, replacing nothing) and the span flashes for a moment. Undo history starts a
        new step here, so an undo never joins this typing to what was typed elsewhere."""
        self.history.checkpoint()
        self.selection = Selection.cursor(self.location_of(start))
        self.scroll_cursor_visible(center=True)
        self._flash = (start, end) if end > start else None
        if self._flash_timer is not None:
            self._flash_timer.stop()
        self._flash_timer = self.set_timer(FLASH_SECONDS, self._end_flash)
        self._build_highlight_map()
        self.refresh()

    @property
    def flashed(self) -> tuple[int, int] | None:
        """The span flashed now, as str offsets, if any."""
        return self._flash

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """An edit moves the text under the flash: end it rather than flash the wrong words."""
        if self._flash is not None:
            self._end_flash()

    def _end_flash(self) -> None:
        self._flash = None
        if self._flash_timer is not None:
            self._flash_timer.stop()
            self._flash_timer = None
        self._build_highlight_map()
        self.refresh()

    def location_of(self, offset: int) -> tuple[int, int]:
        """(row, column) of a str offset into the text."""
        starts = self._line_starts()
        row = max(0, bisect_right(starts, offset) - 1)
        return row, offset - starts[row]

    def _line_starts(self) -> list[int]:
        starts = [0]
        for line in self.document.lines[:-1]:
            starts.append(starts[-1] + len(line) + 1)
        return starts

    def _set_theme(self, theme: str) -> None:
        super()._set_theme(theme)
        self._theme = dataclasses.replace(
            self._theme, syntax_styles={**self._theme.syntax_styles, **FINDING_STYLES}
        )

    def _build_highlight_map(self) -> None:
        super()._build_highlight_map()
        spans = [(a, b, f"aspire-{severity}") for a, b, severity in getattr(self, "_findings", [])]
        order = {"aspire-suggestion": 0, "aspire-warning": 1, "aspire-error": 2}
        spans.sort(key=lambda f: order.get(f[2], 0))
        flash = getattr(self, "_flash", None)
        if flash is not None:
            spans.append((*flash, "aspire-chosen"))  # last: drawn over the finding's colour
        if not spans:
            return
        lines = self.document.lines
        starts = self._line_starts()
        text_end = starts[-1] + len(lines[-1])
        highlights = self._highlights
        for start, end, name in spans:
            if start >= text_end:
                continue
            end = min(end, text_end)
            first = max(0, bisect_right(starts, start) - 1)
            last = max(0, bisect_right(starts, max(start, end - 1)) - 1)
            for row in range(first, last + 1):
                line = lines[row]
                a = start - starts[row] if row == first else 0
                b = end - starts[row] if row == last else len(line)
                a, b = max(0, min(a, len(line))), max(0, min(b, len(line)))
                if b > a:
                    highlights[row].append((len(line[:a].encode()), len(line[:b].encode()), name))
