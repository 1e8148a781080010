"""`aspire plugins`: every scoring plugin, its scorers and settings, and what went wrong."""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from typing import Any

from ..plugins import (
    DISABLE_ENV,
    LOAD_ENV,
    SAVED,
    PluginHost,
    known_plugins,
    load_host,
    plugin_output_to_stderr,
    plugin_selection,
    save_disabled,
    saved_disabled,
)
from . import EXIT_OK, UsageError


def describe(host: PluginHost) -> list[dict[str, Any]]:
    out = []
    for info in host.plugins:
        entry = info.to_dict()
        entry["settings"] = {scorer_id: settings_of(host, scorer_id) for scorer_id in info.scorers}
        out.append(entry)
    return out


def install(packages: list[str], *, upgrade: bool = False) -> int:
    """pip, run by the interpreter Aspire runs in, so plugins land where Aspire looks."""
    import subprocess

    command = [
        sys.executable,
        "-m",
        "pip",
        "install",
        *(["--upgrade"] if upgrade else []),
        *packages,
    ]
    return subprocess.call(command)


def settings_of(host: PluginHost, scorer_id: str) -> list[dict[str, Any]]:
    """Each setting of a scorer's settings model: name, type, default, description."""
    scorer = host.scorer(scorer_id)
    model = getattr(scorer, "settings_model", None)
    if model is None:
        return []
    from ..scorer import settings_fields

    return [
        {"name": f.name, "type": f.type, "default": _plain(f.default), "description": f.description}
        for f in settings_fields(model)
    ]


def _plain(value: Any) -> Any:
    """A setting's default as JSON can hold it: a NaN or an infinity becomes its name."""
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def run_plugins(args: argparse.Namespace) -> int:
    if args.action == "new":
        from .template import write_plugin

        path = write_plugin(args.name, Path(args.dir))
        print(
            f"Created {path}: `pip install -e {path}` makes Aspire load it; "
            f"`pytest {path}` runs its tests."
        )
        return EXIT_OK
    if args.action == "install":
        return install(args.packages, upgrade=args.upgrade)
    if args.action in ("enable", "disable"):
        return toggle(args.names, enable=args.action == "enable")
    with plugin_output_to_stderr() as stdout:  # a plugin's output never corrupts the list
        host = load_host()
        rows = describe(host)
        if args.format == "json":
            text = json.dumps(rows, default=str, ensure_ascii=False, allow_nan=False)
            stdout.write(text + "\n")
        else:
            problems = {p.name: f"{p.error}; {p.advice()}" for p in host.failures}
            stdout.write("".join(f"{line}\n" for line in listing(rows, problems)))
    return EXIT_OK


def toggle(names: list[str], *, enable: bool) -> int:
    """`aspire plugins enable|disable NAME...`: the saved list of plugins to leave off,
    changed for every name or, when one is unknown, for none."""
    verb = "enable" if enable else "disable"
    known = known_plugins()
    saved = saved_disabled()
    for name in names:
        # A saved name may be enabled even once its plugin is uninstalled.
        if name not in known and not (enable and name in saved):
            raise UsageError(f"aspire plugins {verb}: {unknown_plugin(name, known)}")
    wanted = [n for n in saved if n not in names] if enable else saved.copy()
    if not enable:
        wanted += [n for n in dict.fromkeys(names) if n not in saved]
    path = save_disabled(wanted) if wanted != saved else None
    load, disable = plugin_selection()
    for name in dict.fromkeys(names):
        origin = known.get(name, "not installed")
        if not enable:
            state = "already disabled" if name in saved else "disabled"
            print(f"{name} ({origin}): {state}; it stays off until `aspire plugins enable {name}`")
            continue
        if name in disable:
            still = f"{DISABLE_ENV} in your environment names it; remove it there"
        elif load is not None and origin != "built in" and name not in load:
            still = f"{LOAD_ENV} in your environment does not name it; add it there"
        else:
            print(f"{name} ({origin}): {'enabled' if name in saved else 'already enabled'}")
            continue
        state = "enabled, but still off" if name in saved else "still off"
        print(f"aspire: {name}: {state}: {still}", file=sys.stderr)
    if path is not None:
        print(f"Saved in {path}")
    return EXIT_OK


def unknown_plugin(name: str, known: dict[str, str]) -> str:
    """One line: the name is no plugin's, the closest one's, or where to see them all."""
    import difflib

    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    hint = f"did you mean {close[0]}?" if close else "`aspire plugins` lists them"
    return f"no plugin named {name!r}; {hint}"  # repr: escapes control characters


def listing(rows: list[dict[str, Any]], problems: dict[str, str]) -> list[str]:
    """`aspire plugins` for people: one line per plugin, then its problem and settings."""
    lines: list[str] = []
    for row in rows:
        origin = (
            "built in"
            if row["builtin"]
            else (f"{row['distribution'] or '?'} {row['version'] or ''}".strip())
        )
        line = f"{row['name']:<16} {row['status']:<9} {origin}"
        if row["status"] == "ok":
            line += f"  ({row['import_ms']:.1f} ms)  scorers: {', '.join(row['scorers']) or '-'}"
        elif not row["enabled"]:
            line += f"  ({_why_off(row['name'], row.get('disabled_by'))})"
        lines.append(line)
        if row["error"]:
            lines.append(f"    error: {problems.get(row['name'], row['error'])}")
        if row["vocabulary"]:
            added = ", ".join(f"{c} +{n}" for c, n in row["vocabulary"].items())
            lines.append(f"    vocabulary: {added}")
        if row["key_points"]:
            lines.append(f"    key points: {', '.join(row['key_points'])}")
        for scorer_id, settings in row["settings"].items():
            for s in settings:
                lines.append(
                    f"    [plugins.{scorer_id}] {s['name']} ({s['type']}, default "
                    f"{s['default']!r}): {s['description']}"
                )
    return lines


def _why_off(name: str, by: str | None) -> str:
    """Why a plugin is off and how to turn it on, in a few words."""
    if by == SAVED:
        return f"by `{SAVED}`; `aspire plugins enable {name}` turns it on"
    if by == DISABLE_ENV:
        return f"by {DISABLE_ENV}"
    if by == LOAD_ENV:
        return f"not named by {LOAD_ENV}"
    return "left off"
