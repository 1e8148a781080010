"""The app's frame: the pane names along the top and the keys that apply along the bottom.

Each is one line of text drawn by a single widget, where a tab widget or a footer builds a
widget per tab or key: with a screen this full, that is a good part of the start-up time.
Both are clickable, and both show the keys as the user's keymap has them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget


class ClickBar(Widget):
    """Items in a line; an item lights up under the mouse and runs its action on a click.

    An item is never cut: one that does not fit on the line starts the next, and the bar
    grows a row (a footer cut at "f1" hides the very keys it is there to show).
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"click-bar--hover"}

    hover: reactive[int] = reactive(-1, layout=False)

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        #: (row, start column, end column, action) of each item as last drawn.
        self._items: list[tuple[int, int, int, str]] = []
        self._rows_drawn = 1

    def items(self) -> list[tuple[Text, str]]:
        """Each item's text and the action a click runs, in order."""
        raise NotImplementedError

    def _rows(self, width: int) -> list[list[tuple[Text, str]]]:
        rows: list[list[tuple[Text, str]]] = [[]]
        used = 0
        for text, action in self.items():
            if rows[-1] and used + text.cell_len > width:
                rows.append([])
                used = 0
            rows[-1].append((text, action))
            used += text.cell_len
        return rows

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._rows(width))

    def line(self) -> Text:
        """What the bar shows: its rows, one a line."""
        hover_style = self.get_component_rich_style("click-bar--hover")
        width = self.content_size.width or 10_000
        out = Text(no_wrap=True, overflow="ellipsis")
        self._items = []
        index = 0
        rows = self._rows(width)
        for y, row in enumerate(rows):
            if y:
                out.append("\n")
            x = 0
            for text, action in row:
                start = len(out)
                out.append_text(text)
                if index == self.hover:
                    out.stylize(hover_style, start, len(out))
                self._items.append((y, x, x + text.cell_len, action))
                x += text.cell_len
                index += 1
        self._rows_drawn = len(rows)
        return out

    def render(self) -> Text:
        return self.line()

    def redraw(self) -> None:
        """Draw again; laid out again only when the number of rows changes."""
        rows = len(self._rows(self.content_size.width or 10_000))
        self.refresh(layout=rows != self._rows_drawn)

    def _item_at(self, x: int, y: int = 0) -> int:
        return next(
            (i for i, (row, a, b, _) in enumerate(self._items) if row == y and a <= x < b), -1
        )

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self.hover = self._item_at(event.x, event.y)

    def on_leave(self, event: events.Leave) -> None:
        self.hover = -1

    async def on_click(self, event: events.Click) -> None:
        i = self._item_at(event.x, event.y)
        if i >= 0:
            event.stop()
            await self.app.run_action(self._items[i][3])


class PaneTabs(ClickBar):
    """The panes by name, with the key that shows each; the current one stands out."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "click-bar--hover",
        "pane-tabs--key",
        "pane-tabs--active",
    }

    active: reactive[str] = reactive("draft", layout=False)

    def __init__(
        self,
        tabs: list[tuple[str, str, str]],
        active: str,
        key_display: Callable[[str], str],
        **kwargs: object,
    ) -> None:
        """`tabs` holds (pane id, label, binding id) for each pane, in order;
        `key_display` gives the key shown for a binding id."""
        super().__init__(**kwargs)
        self.tabs = tabs
        self.key_display = key_display
        self.set_reactive(PaneTabs.active, active)

    def items(self) -> list[tuple[Text, str]]:
        key_style = self.get_component_rich_style("pane-tabs--key")
        active_style = self.get_component_rich_style("pane-tabs--active")
        out = []
        for pane, label, binding_id in self.tabs:
            text = Text(" ")
            key = self.key_display(binding_id)
            if key:
                text.append(key, key_style)
            text.append(f" {label} ", active_style if pane == self.active else "")
            out.append((text, f"app.show_tab('{pane}')"))
        return out


class KeyBar(ClickBar):
    """The bindings that apply to what has focus, as a footer shows them; clicking a key
    presses it. The command palette key sits at the end."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "click-bar--hover",
        "key-bar--key",
        "key-bar--description",
    }

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen:
            self.redraw()

    def items(self) -> list[tuple[Text, str]]:
        active = self.screen.active_bindings
        palette_key = self.app.COMMAND_PALETTE_BINDING
        shown: set[str] = set()
        out = []
        # Priority bindings (quit) come first in the chain; show them last, as the least
        # needed while working.
        ordered = sorted(active.items(), key=lambda item: item[1][1].priority)
        for key, (_, binding, enabled, _tooltip) in ordered:
            if key == palette_key or not binding.show or binding.action in shown:
                continue
            shown.add(binding.action)
            out.append(self._item(binding, enabled))
        if self.app.ENABLE_COMMAND_PALETTE and palette_key in active:
            _, binding, enabled, _tooltip = active[palette_key]
            text, action = self._item(binding, enabled)
            out.append((Text("│") + text, action))
        return out

    def _item(self, binding: Binding, enabled: bool) -> tuple[Text, str]:
        dim = Style() if enabled else Style(dim=True)
        text = Text()
        text.append(
            f" {self.app.get_key_display(binding)} ",
            self.get_component_rich_style("key-bar--key") + dim,
        )
        text.append(
            f"{binding.description} ", self.get_component_rich_style("key-bar--description") + dim
        )
        return text, f"app.simulate_key('{binding.key}')"
