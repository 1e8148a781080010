"""`keymap.toml`: whatever the file holds, the app starts, bad entries keep their default
keys with a one-line problem that names the file and the entry, and a quit key remains."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from aspire_tui.app.app import AspireApp
from aspire_tui.app.keymap import KEYMAP_FILE, known_bindings, parse_keys, read_keymap
from aspire_tui.session import Session


def keymap_file(home: Path, content: str | bytes) -> Path:
    home.mkdir(parents=True, exist_ok=True)
    path = home / KEYMAP_FILE
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def problem_of(home: Path, content: str | bytes) -> tuple[dict[str, str], str]:
    path = keymap_file(home, content)
    keymap, problem = read_keymap()
    assert problem is not None, keymap
    assert "\n" not in problem and "\r" not in problem
    assert problem.startswith(f"{path}: ")
    return keymap, problem


#: Files that cannot be used at all: every default key stays.
WHOLE_FILE = {
    "invalid TOML": ("this is not toml", "invalid TOML"),
    "deep nesting": ("a = " + "[" * 5000 + "]" * 5000, "nested too deeply"),
    "table headers": ("[[[[aspire]]]]\n", "invalid TOML"),
    "5000 digits": ('"aspire.help" = 1' + "0" * 5000, "integer is too long"),
    "not UTF-8": (b'"aspire.help" = "\xff"', "not UTF-8"),
    "NUL byte": (b'"aspire.help" = "f1\x00"', "invalid TOML"),
    "huge file": ("# " + "x" * 70_000, "too large"),
}


@pytest.mark.parametrize("case", list(WHOLE_FILE))
def test_an_unusable_file_keeps_every_default(aspire_home: Path, case: str) -> None:
    content, needle = WHOLE_FILE[case]
    keymap, problem = problem_of(aspire_home, content)
    assert keymap == {}
    assert needle in problem and "default keys are in use" in problem


def test_a_folder_in_its_place_is_a_problem_not_a_crash(aspire_home: Path) -> None:
    (aspire_home / KEYMAP_FILE).mkdir(parents=True)
    assert read_keymap() == (
        {},
        f"{aspire_home / KEYMAP_FILE}: not a regular file; replace it "
        "with a text file; the default keys are in use until it is fixed",
    )


def test_no_file_is_no_problem(aspire_home: Path) -> None:
    assert read_keymap() == ({}, None)


#: One bad entry beside a good one: the good one is kept, the bad one named.
ENTRIES = {
    "not a string": ('"aspire.help" = 3', '"aspire.help" must be a string of keys'),
    "a table": ('"aspire.help" = { a = 1 }', '"aspire.help.a" is not a key binding id'),
    "not a key": ('"aspire.help" = "not a key!!"', '"not a key!!" is not a key'),
    "empty": ('"aspire.help" = ""', "no key given"),
    "stray comma": ('"aspire.help" = "f1,"', "an empty key"),
    "bare modifier": ('"aspire.help" = "ctrl+"', 'write "plus"'),
    "unknown modifier": ('"aspire.help" = "cmd+t"', "the modifiers are"),
    "control character": ('"aspire.help" = "f1\\u0007"', "is not a key"),
    "huge value": ('"aspire.help" = "' + "f1," * 300 + '"', "characters long"),
    "key like text": ('"not a key!!" = "f9"', '"not a key!!" is not a key binding id'),
    "id with NUL": ('"x\\u0000y" = "f9"', '"x\\u0000y" is not a key binding id'),
    "given twice": ('"aspire.help" = "f11"\naspire.help = "f12"', "given twice"),
}


@pytest.mark.parametrize("case", list(ENTRIES))
def test_a_bad_entry_keeps_its_default_and_the_rest(aspire_home: Path, case: str) -> None:
    line, needle = ENTRIES[case]
    keymap, problem = problem_of(aspire_home, f'"aspire.profiles" = "f7"\n{line}\n')
    assert keymap.get("aspire.profiles") == "f7"
    assert needle in problem
    if case not in ("a table", "key like text", "id with NUL", "given twice"):
        assert "aspire.help" not in keymap and "its default key f1 stays" in problem


def test_an_unknown_id_gets_a_did_you_mean(aspire_home: Path) -> None:
    keymap, problem = problem_of(aspire_home, '"aspire.qiut" = "f10"\n"aspire.halp" = "f11"\n')
    assert keymap == {}
    assert '"aspire.qiut" is not a key binding id; did you mean "aspire.quit"?' in problem
    assert problem.endswith("(and 1 more problem)")


def test_the_quit_key_cannot_be_taken_or_made_a_typing_key(aspire_home: Path) -> None:
    keymap, problem = problem_of(aspire_home, '"aspire.help" = "ctrl+q"\n')
    assert keymap == {} and "ctrl+q is the quit key" in problem
    for key in ("a", "?", "enter", "space", "tab"):
        keymap, problem = problem_of(aspire_home, f'"aspire.quit" = "{key}"\n')
        assert keymap == {} and "cannot quit" in problem, key
    # Quit moved: its new key cannot be taken either, and ctrl+q is free for others.
    keymap, problem = problem_of(
        aspire_home, '"aspire.quit" = "f10"\n"aspire.help" = "f10"\n"aspire.profiles" = "ctrl+q"'
    )
    assert keymap == {"aspire.quit": "f10", "aspire.profiles": "ctrl+q"}
    assert '"aspire.help": f10 is the quit key' in problem


def test_keys_are_read_as_textual_names_them(aspire_home: Path) -> None:
    keymap_file(
        aspire_home,
        'aspire.quit = "ctrl+x"\n"aspire.help" = "F12"\n"aspire.profiles" = "shift+ctrl+up, ?"\n',
    )
    assert read_keymap() == (
        {
            "aspire.quit": "ctrl+x",
            "aspire.help": "f12",
            "aspire.profiles": "ctrl+shift+up,question_mark",
        },
        None,
    )
    assert parse_keys("alt+comma,ctrl+plus,f24") == ["alt+comma", "ctrl+plus", "f24"]


def test_every_binding_id_is_known() -> None:
    ids = set(known_bindings())
    assert {"aspire.quit", "aspire.help", "aspire.editor.start", "aspire.help.close"} <= ids


# ---- in the running app -------------------------------------------------------------------


async def quits_on(home: Path, content: str, key: str) -> tuple[bool, list[str]]:
    keymap_file(home, content)
    session, note = Session.open(None)
    app = AspireApp(session, note)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        notes = [str(n.message) for n in app._notifications]
        await pilot.press(key)
        deadline = time.monotonic() + 5
        while app.is_running and time.monotonic() < deadline:
            await pilot.pause(0.05)
        running = app.is_running
    return not running, notes


HOSTILE_APP_KEYMAPS: list[Any] = [
    ('"aspire.help" = "ctrl+q"', "ctrl+q"),
    ('"aspire.quit" = "not a key!!"', "ctrl+q"),
    ('"aspire.quit" = ","', "ctrl+q"),
    ('"aspire.quit" = "a"', "ctrl+q"),
    ('"aspire.quit" = 5', "ctrl+q"),
    ("a = " + "[" * 5000 + "]" * 5000, "ctrl+q"),
    ('"aspire.quit" = 1' + "0" * 5000, "ctrl+q"),
    ('"aspire.quit" = "f10"\n"aspire.help" = "f10"', "f10"),
]


@pytest.mark.parametrize(("content", "key"), HOSTILE_APP_KEYMAPS)
async def test_the_app_starts_and_still_quits(aspire_home: Path, content: str, key: str) -> None:
    quit_, notes = await quits_on(aspire_home, content, key)
    assert quit_, f"{key} did not quit with {content[:60]!r}"
    assert any(KEYMAP_FILE in n for n in notes)
