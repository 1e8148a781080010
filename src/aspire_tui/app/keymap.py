"""User key remapping: `keymap.toml` in the data folder maps binding ids to keys."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping

from textual.binding import Binding, BindingType

from ..storage import data_home

KEYMAP_FILE = "keymap.toml"


def read_keymap() -> tuple[dict[str, str], str | None]:
    """The user's keymap (binding id → keys), and a one-line problem to show, or None.
    A file with a problem is ignored as a whole: the default keys stay."""
    path = data_home() / KEYMAP_FILE
    if not path.is_file():
        return {}, None
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return {}, f"{path}: ignored, {exc}"
    bad = [k for k, v in data.items() if not isinstance(v, str)]
    if bad:
        return {}, f'{path}: ignored, {bad[0]} must be a string of keys such as "f9" or "ctrl+t"'
    return data, None


def bound(bindings: Iterable[BindingType], keymap: Mapping[str, str]) -> dict[str, Binding]:
    """Each binding by id, with its first key as the keymap has it: what help and the pane
    names show, whatever screen is on top."""
    out: dict[str, Binding] = {}
    for binding in bindings:
        if not isinstance(binding, Binding) or not binding.id:
            continue
        keys = keymap.get(binding.id, "").split(",")[0].strip()
        out[binding.id] = binding.with_key(keys) if keys else binding
    return out
