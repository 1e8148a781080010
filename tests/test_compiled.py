"""Compiled patterns kept between runs: the same matches from the file as from `re`, and a
file that cannot be trusted or written costs speed only."""

from __future__ import annotations

import json
import re
import stat
from pathlib import Path

import pytest

from aspire_tui.scorers import compiled

from .cli import EXAMPLE, draft_file, run

PATTERNS = [
    (r"(?<!\w)(?:stepping[\s-]+stone|my[\s-]+own[\s-]+(?:firm|practice))(?!\w)", 0),
    (r"\b(?P<num>\d+)\s+(?P<unit>years?|months?)\b", re.IGNORECASE),
    (r"(?:(?<=\band\x20)|(?<=^))who knows", re.MULTILINE),
]
TEXT = "Who knows? In 5 years, my own firm; and who knows, a stepping-stone in 18 Months."


@pytest.fixture(autouse=True)
def no_store_after() -> object:
    yield
    compiled.use_store(None)


def spans(pattern: re.Pattern[str]) -> list[tuple[int, int, dict[str, str | None]]]:
    return [(m.start(), m.end(), m.groupdict()) for m in pattern.finditer(TEXT)]


def test_patterns_read_back_match_as_re_does(tmp_path: Path) -> None:
    first = compiled.PatternStore(tmp_path)
    for source, flags in PATTERNS:
        assert spans(first.compile(source, flags)) == spans(re.compile(source, flags))
    first.save()
    again = compiled.PatternStore(tmp_path)
    for source, flags in PATTERNS:
        assert again.has(source, flags)
        assert spans(again.compile(source, flags)) == spans(re.compile(source, flags))
    assert stat.S_IMODE(first.path.stat().st_mode) == 0o600


def test_remembered_values_come_back_without_computing(tmp_path: Path) -> None:
    first = compiled.PatternStore(tmp_path)
    assert first.remembered(("k", 1), lambda: (frozenset({"a"}), "b")) == (frozenset({"a"}), "b")
    first.save()

    def never() -> object:
        raise AssertionError("computed again")

    assert compiled.PatternStore(tmp_path).remembered(("k", 1), never) == (frozenset({"a"}), "b")


@pytest.mark.parametrize(
    "damage", [b"", b"\x00\x01", b"garbage that is not marshal", "flip"], ids=repr
)
def test_a_damaged_file_is_left_aside(tmp_path: Path, damage: bytes | str) -> None:
    store = compiled.PatternStore(tmp_path)
    store.compile(*PATTERNS[0])
    store.save()
    raw = store.path.read_bytes()
    if damage == "flip":  # one bit changed in the middle: the checksum turns it away
        middle = len(raw) // 2
        store.path.write_bytes(raw[:middle] + bytes([raw[middle] ^ 1]) + raw[middle + 1 :])
    else:
        assert isinstance(damage, bytes)
        store.path.write_bytes(damage)
    again = compiled.PatternStore(tmp_path)
    assert not again.has(*PATTERNS[0])
    assert spans(again.compile(*PATTERNS[0])) == spans(re.compile(*PATTERNS[0]))
    again.save()  # and the file is made whole again
    assert compiled.PatternStore(tmp_path).has(*PATTERNS[0])


def test_code_this_engine_rejects_is_compiled_afresh(tmp_path: Path) -> None:
    store = compiled.PatternStore(tmp_path)
    source, flags = PATTERNS[0]
    store.compile(source, flags)
    key = (source, flags)
    entry = store._entries[key]
    store._entries[key] = (entry[0], entry[1], b"\xff\xff\xff\xff" * 4, *entry[3:])
    assert spans(store.compile(source, flags)) == spans(re.compile(source, flags))


def test_an_unwritable_folder_costs_nothing_but_speed(tmp_path: Path) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    store = compiled.PatternStore(blocked / "cache")
    assert spans(store.compile(*PATTERNS[1])) == spans(re.compile(*PATTERNS[1]))
    store.save()  # no exception, no file
    assert not (blocked / "cache").exists()


def test_files_from_other_code_are_cleared_on_save(tmp_path: Path) -> None:
    stale = tmp_path / "patterns-cpython-0-0-old.bin"
    stale.write_bytes(b"old")
    store = compiled.PatternStore(tmp_path)
    store.compile(*PATTERNS[2])
    store.save()
    assert store.path.exists()
    assert not stale.exists()


def test_score_reads_the_same_with_a_cold_and_a_warm_store(
    tmp_path: Path, aspire_home: Path
) -> None:
    draft = draft_file(tmp_path)
    cold = run("score", "--profile", str(EXAMPLE), "--format", "json", str(draft))
    kept = list((aspire_home / "cache").glob("patterns-*.bin"))
    assert len(kept) == 1
    assert stat.S_IMODE(kept[0].stat().st_mode) == 0o600
    warm = run("score", "--profile", str(EXAMPLE), "--format", "json", str(draft))
    kept[0].write_bytes(b"broken")
    broken = run("score", "--profile", str(EXAMPLE), "--format", "json", str(draft))
    assert cold.returncode == warm.returncode == broken.returncode
    assert "Traceback" not in cold.stderr + warm.stderr + broken.stderr
    reports = [json.loads(p.stdout) for p in (cold, warm, broken)]
    for report in reports:
        for score in report["scores"]:
            del score["elapsed_ms"]
    assert reports[0] == reports[1] == reports[2]
