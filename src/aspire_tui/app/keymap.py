"""User key remapping: `keymap.toml` in the data folder maps binding ids to keys."""

from __future__ import annotations

import tomllib
from typing import TYPE_CHECKING, Any

from ..storage import data_home

if TYPE_CHECKING:
    from textual.app import App

KEYMAP_FILE = "keymap.toml"


def load_keymap(app: App[Any]) -> str | None:
    """Apply the user's keymap; a one-line problem to show, or None."""
    path = data_home() / KEYMAP_FILE
    if not path.is_file():
        return None
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return f"{path}: ignored, {exc}"
    bad = [k for k, v in data.items() if not isinstance(v, str)]
    if bad:
        return f'{path}: ignored, {bad[0]} must be a string of keys such as "f9" or "ctrl+t"'
    app.set_keymap(data)
    return None
