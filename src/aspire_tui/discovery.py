"""Finds installed scoring plugins from package metadata, without importing their code.

This reads `entry_points.txt` of every installed distribution directly. It does what
`importlib.metadata.entry_points(group=...)` does for one group, in a fraction of the time
(that module and the e-mail parser it pulls in cost more than scoring a draft), and it
never imports a plugin just to list it.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any, NamedTuple

_SUFFIXES = (".dist-info", ".egg-info")


class EntryPoint(NamedTuple):
    """One `name = module:attr` line of a distribution's entry points."""

    name: str
    value: str
    distribution: str
    version: str | None

    def load(self) -> Any:
        module_name, _, attr = self.value.partition(":")
        obj: Any = importlib.import_module(module_name.strip())
        for part in filter(None, attr.strip().split(".")):
            obj = getattr(obj, part)
        return obj


def entry_points(group: str, path: list[str] | None = None) -> list[EntryPoint]:
    """Entry points of `group` from every distribution on `path` (default `sys.path`).

    Like the import system, the first distribution of a name on the path wins.
    """
    seen: set[str] = set()
    found: list[EntryPoint] = []
    for folder in path if path is not None else sys.path:
        try:
            entries = sorted(os.scandir(folder or "."), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            if not entry.name.endswith(_SUFFIXES):
                continue
            dist, version = _name_version(entry.name)
            key = dist.lower().replace("-", "_").replace(".", "_")
            if key in seen:
                continue
            seen.add(key)
            try:
                with open(os.path.join(entry.path, "entry_points.txt"), encoding="utf-8") as f:
                    text = f.read()
            except OSError:
                continue
            found.extend(
                EntryPoint(name, value, dist, version) for name, value in _section(text, group)
            )
    return found


def _name_version(folder_name: str) -> tuple[str, str | None]:
    stem = folder_name.rsplit(".", 1)[0]
    parts = stem.split("-")
    if len(parts) >= 2:
        return parts[0], parts[1]
    return stem, None


def _section(text: str, group: str) -> list[tuple[str, str]]:
    """The `name = value` pairs of one `[group]` section of an INI-style file."""
    out: list[tuple[str, str]] = []
    inside = False
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            inside = line[1:-1].strip() == group
            continue
        if inside and "=" in line:
            name, _, value = line.partition("=")
            out.append((name.strip(), value.strip()))
    return out
