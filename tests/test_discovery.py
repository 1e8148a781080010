"""Plugin discovery from package metadata, compared with the standard library's answer."""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

from aspire_tui.discovery import entry_points


def make_dist(site: Path, name: str, version: str, body: str) -> None:
    info = site / f"{name}-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n")
    (info / "entry_points.txt").write_text(body)


def test_finds_the_group_and_nothing_else(tmp_path: Path) -> None:
    make_dist(
        tmp_path,
        "aspire_cliches",
        "1.2.0",
        "[console_scripts]\nx = y:z\n\n[aspire_tui.scorers]\ncliches = aspire_cliches:plugin\n",
    )
    make_dist(tmp_path, "other", "0.1", "[other.group]\na = b\n")
    (tmp_path / "not_a_dist").mkdir()
    found = entry_points("aspire_tui.scorers", [str(tmp_path)])
    assert [(e.name, e.value, e.distribution, e.version) for e in found] == [
        ("cliches", "aspire_cliches:plugin", "aspire_cliches", "1.2.0")
    ]


def test_first_distribution_on_the_path_wins(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    make_dist(first, "dup", "2.0", "[aspire_tui.scorers]\nd = new:plugin\n")
    make_dist(second, "dup", "1.0", "[aspire_tui.scorers]\nd = old:plugin\n")
    found = entry_points("aspire_tui.scorers", [str(first), str(second), str(tmp_path / "gone")])
    assert [e.value for e in found] == ["new:plugin"]


def test_load_imports_module_and_attribute(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "my_plugin_mod.py").write_text("class Holder:\n    value = 42\n")
    make_dist(
        tmp_path, "my_plugin", "0.1", "[aspire_tui.scorers]\nmine = my_plugin_mod:Holder.value\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    (ep,) = entry_points("aspire_tui.scorers", [str(tmp_path)])
    assert ep.load() == 42


def test_agrees_with_importlib_metadata_on_this_environment() -> None:
    group = "console_scripts"
    ours = {(e.name, e.value) for e in entry_points(group, list(sys.path))}
    theirs = {(e.name, e.value) for e in metadata.entry_points(group=group)}
    assert ours == theirs
