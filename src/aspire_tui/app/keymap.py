"""User key remapping: `keymap.toml` in the data folder maps binding ids to keys.

The file is the user's to edit, so anything can be in it. Each bad entry is dropped with
a one-line problem for the app to show and its binding keeps its default key; a file that
cannot be read at all leaves every default. However the file is written, a quit key
remains: a key given to quit must be one the editor does not type, and no other binding
may take the quit key.
"""

from __future__ import annotations

import difflib
import json
import stat
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from textual.binding import Binding, BindingType
from textual.keys import KEY_NAME_REPLACEMENTS, KEY_TO_UNICODE_NAME, Keys, key_to_character

from ..storage import data_home

KEYMAP_FILE = "keymap.toml"
QUIT_ID = "aspire.quit"
DEFAULT_QUIT = "ctrl+q"
#: A keymap is a few lines; a bigger file is not read, so a stray log cannot stall start-up.
MAX_KEYMAP_BYTES = 64_000
_MAX_KEYS_CHARS = 200
_EXAMPLE = 'write keys such as "f9", "ctrl+t" or "ctrl+shift+up"'
_MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
#: Key names Textual reports (besides the characters, which are named after Unicode).
_NAMES = frozenset(
    {k.value.rpartition("+")[2] for k in Keys if not k.value.startswith("<")}
    | set(KEY_TO_UNICODE_NAME)
    | set(KEY_NAME_REPLACEMENTS.values())
)
#: Keys the draft editor uses for typing and moving: as a quit key, typing would quit, or
#: the editor would take the key first and quitting would not work while writing.
_EDITING = frozenset(
    {"enter", "return", "tab", "shift+tab", "backspace", "delete", "space", "escape"}
    | {"up", "down", "left", "right", "home", "end", "pageup", "pagedown"}
)


def known_bindings() -> dict[str, Binding]:
    """Every binding a keymap may rebind, by id. (Imported here, not at the top: the app
    imports this module.)"""
    from .app import AspireApp
    from .screens.help import HelpScreen
    from .screens.picker import ProfilePicker
    from .screens.rehearse import RehearseScreen
    from .widgets.draft.editor import DraftEditor

    bindings = [
        *AspireApp.BINDINGS,
        *DraftEditor.BINDINGS,
        *HelpScreen.BINDINGS,
        *ProfilePicker.BINDINGS,
        *RehearseScreen.BINDINGS,
    ]
    return {b.id: b for b in bindings if isinstance(b, Binding) and b.id}


def read_keymap(
    known: Mapping[str, Binding] | None = None,
) -> tuple[dict[str, str], str | None]:
    """The user's keymap (binding id → keys), and a one-line problem to show, or None.

    Entries with a problem are left out, so their bindings keep their default keys; the
    problem names the file and the first bad entry, and counts the others.
    """
    path = data_home() / KEYMAP_FILE
    data, problem = _load(path)
    if data is None:
        return {}, (
            f"{path}: {problem}; the default keys are in use until it is fixed" if problem else None
        )
    bindings = dict(known_bindings() if known is None else known)
    problems: list[str] = []
    parsed: dict[str, list[str]] = {}
    for binding_id, value in _entries(data, problems):
        keys = _entry(binding_id, value, bindings, problems)
        if keys is not None:
            parsed[binding_id] = keys
    quit_keys = _quit_keys(parsed, bindings, problems)
    keymap: dict[str, str] = {}
    for binding_id, keys in parsed.items():
        taken = [k for k in keys if k in quit_keys] if binding_id != QUIT_ID else []
        if taken:
            problems.append(
                f"{_quoted(binding_id)}: {taken[0]} is the quit key; choose another key "
                f"({_default(bindings, binding_id)})"
            )
            continue
        keymap[binding_id] = ",".join(keys)
    if not problems:
        return keymap, None
    more = len(problems) - 1
    tail = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
    return keymap, f"{path}: {problems[0]}{tail}"


def _load(path: Path) -> tuple[dict[str, Any] | None, str | None]:
    """The parsed file; None with a reason when it cannot be used at all (None, None when
    there is no file)."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a folder, a FIFO or a device
            return None, "not a regular file; replace it with a text file"
        if info.st_size > MAX_KEYMAP_BYTES:
            return None, f"too large ({info.st_size:,} bytes); a keymap is a few lines"
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, None
    except OSError as exc:
        return None, f"cannot read: {exc.strerror or exc}"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, f"not UTF-8 text (bad byte at offset {exc.start}); save it as UTF-8"
    try:
        return tomllib.loads(text), None
    except tomllib.TOMLDecodeError as exc:
        return None, f"invalid TOML: {' '.join(str(exc).split())}"
    except RecursionError:
        return None, "invalid TOML: values nested too deeply"
    except ValueError as exc:  # an integer too long to convert, and the like
        too_long = "integer string conversion" in str(exc)
        return None, "invalid TOML: an integer is too long" if too_long else "invalid TOML"


def _entries(data: dict[str, Any], problems: list[str]) -> list[tuple[str, Any]]:
    """(binding id, value) pairs. `aspire.quit = "f10"` without quotes is a TOML table,
    so tables are read as dotted ids, as the user meant; walked without recursion, as
    dotted keys can nest deeper than Python recurses."""
    out: list[tuple[str, Any]] = []
    seen: set[str] = set()
    stack: list[tuple[str, dict[str, Any]]] = [("", data)]
    while stack:
        prefix, table = stack.pop()
        for key, value in table.items():
            name = f"{prefix}{key}"
            if isinstance(value, dict):
                stack.append((f"{name}.", value))
            elif name in seen:
                problems.append(f"{_quoted(name)} is given twice; keep one line for it")
            else:
                seen.add(name)
                out.append((name, value))
    return out


def _entry(
    binding_id: str, value: Any, bindings: Mapping[str, Binding], problems: list[str]
) -> list[str] | None:
    if binding_id not in bindings:
        close = suggest_id(binding_id, bindings)
        hint = f"did you mean {_quoted(close)}?" if close else "F1 lists the ids"
        problems.append(f"{_quoted(binding_id)} is not a key binding id; {hint} (line ignored)")
        return None
    if not isinstance(value, str):
        problems.append(
            f"{_quoted(binding_id)} must be a string of keys in quotes; {_EXAMPLE} "
            f"({_default(bindings, binding_id)})"
        )
        return None
    try:
        return parse_keys(value)
    except ValueError as exc:
        problems.append(f"{_quoted(binding_id)}: {exc} ({_default(bindings, binding_id)})")
        return None


def suggest_id(wrong: str, bindings: Mapping[str, Binding]) -> str | None:
    """The binding id a mistyped one most likely means. Ids are matched first
    ("aspire.qiut"); then what people write instead of an id: the action ("quit",
    "new_draft"), the id's last part ("profiles") or the name help shows ("New draft")."""
    close = difflib.get_close_matches(wrong, list(bindings), n=1, cutoff=0.6)
    if close:
        return close[0]
    names: dict[str, str] = {}
    for binding_id, binding in bindings.items():
        for name in (
            binding_id.rpartition(".")[2],
            binding.action.partition("(")[0],
            binding.description,
        ):
            names.setdefault(_name(name), binding_id)
    close = difflib.get_close_matches(
        _name(wrong.rpartition(".")[2]), list(names), n=1, cutoff=0.75
    )
    return names[close[0]] if close else None


def _name(text: str) -> str:
    """A name compared loosely: "New draft", "new_draft" and "new-draft" are the same."""
    return "".join(c for c in text.lower() if c.isalnum())


def _quit_keys(
    parsed: dict[str, list[str]], bindings: Mapping[str, Binding], problems: list[str]
) -> set[str]:
    """The keys that will quit; a user's quit entry that types or edits text is dropped."""
    keys = parsed.get(QUIT_ID)
    if keys is not None:
        editing = [k for k in keys if k in _EDITING or key_to_character(k) is not None]
        if not editing:
            return set(keys)
        del parsed[QUIT_ID]
        problems.append(
            f"{_quoted(QUIT_ID)}: {editing[0]} is a key for writing, so it cannot quit; "
            f'choose one such as "ctrl+q" or "f10" ({_default(bindings, QUIT_ID)})'
        )
    binding = bindings.get(QUIT_ID)
    return set(parse_keys(binding.key if binding else DEFAULT_QUIT))


def parse_keys(value: str) -> list[str]:
    """The keys of a keymap value ("f9", "ctrl+t,f10"), in the form Textual matches;
    ValueError says what is wrong with the first bad one."""
    if len(value) > _MAX_KEYS_CHARS:
        raise ValueError(f"is {len(value)} characters long; {_EXAMPLE}")
    if not value.strip():
        raise ValueError(f"no key given; {_EXAMPLE}")
    return [_key(part.strip()) for part in value.split(",")]


def _key(text: str) -> str:
    if not text:
        raise ValueError('an empty key (a comma too many?); write "comma" for the , key')
    *modifiers, name = text.split("+")
    if not name:
        raise ValueError(
            f'{_quoted(text)} is not a key; write "plus" for the + key and "comma" for the , key'
        )
    mods = [m.strip().lower() for m in modifiers]
    bad = [m for m in mods if m not in _MODIFIERS]
    if bad or len(set(mods)) != len(mods):
        raise ValueError(
            f"{_quoted(text)} is not a key; the modifiers are {', '.join(sorted(_MODIFIERS))}"
        )
    known = _key_name(name.strip())
    if known is None:
        raise ValueError(f"{_quoted(text)} is not a key; {_EXAMPLE}")
    return "+".join([*sorted(mods), known])  # Textual names modifiers in this order


def _key_name(name: str) -> str | None:
    """The name Textual gives a key ("f9", "question_mark", "a"), or None for no key."""
    if len(name) == 1:
        if not name.isprintable() or name.isspace():
            return None
        if name.isalnum():
            return name
        try:
            named = unicodedata.name(name).lower().replace("-", "_").replace(" ", "_")
        except ValueError:
            return None
        return KEY_NAME_REPLACEMENTS.get(named, named)
    lowered = name.lower()
    if lowered in _NAMES:
        return lowered
    try:  # other characters by their Unicode names, as Textual names them
        char = unicodedata.lookup(lowered.replace("_", " ").upper())
    except KeyError:
        return None
    return lowered if len(char) == 1 and char.isprintable() and not char.isspace() else None


def _default(bindings: Mapping[str, Binding], binding_id: str) -> str:
    binding = bindings.get(binding_id)
    key = binding.key.split(",")[0].strip() if binding else ""
    return f"its default key {key} stays" if key else "its default key stays"


def _quoted(text: str, limit: int = 50) -> str:
    """`text` as a TOML string for a one-line message: control characters escaped."""
    shown = json.dumps(text, ensure_ascii=False)
    shown = "".join(
        repr(c)[1:-1] if unicodedata.category(c) in ("Cs", "Zl", "Zp") else c for c in shown
    )
    return shown if len(shown) <= limit else f'{shown[: limit - 4]}..."'


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
