"""`aspire plugins`: every scoring plugin, its scorers and settings, and what went wrong."""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from typing import Any

from ..plugins import PluginHost, load_host, plugin_output_to_stderr
from . import EXIT_OK


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
    rows = []
    for name, field in model.model_fields.items():
        default = None if field.is_required() else field.get_default(call_default_factory=True)
        rows.append(
            {
                "name": name,
                "type": getattr(field.annotation, "__name__", str(field.annotation)),
                "default": _plain(default),
                "description": field.description or "",
            }
        )
    return rows


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
        lines.append(line)
        if row["error"]:
            lines.append(f"    error: {problems.get(row['name'], row['error'])}")
        if row["vocabulary"]:
            added = ", ".join(f"{c} +{n}" for c, n in row["vocabulary"].items())
            lines.append(f"    vocabulary: {added}")
        for scorer_id, settings in row["settings"].items():
            for s in settings:
                lines.append(
                    f"    [plugins.{scorer_id}] {s['name']} ({s['type']}, default "
                    f"{s['default']!r}): {s['description']}"
                )
    return lines
