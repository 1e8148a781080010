"""`aspire plugins`: every scoring plugin, its scorers and settings, and what went wrong."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from pathlib import Path
from typing import Any

from ..plugins import PluginHost, load_host
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
                "default": default,
                "description": field.description or "",
            }
        )
    return rows


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
    with contextlib.redirect_stdout(sys.stderr):  # a plugin's prints never corrupt the list
        host = load_host()
    rows = describe(host)
    if args.format == "json":
        sys.stdout.write(json.dumps(rows, default=str, ensure_ascii=False) + "\n")
        return EXIT_OK
    for row in rows:
        origin = (
            "built in"
            if row["builtin"]
            else (f"{row['distribution'] or '?'} {row['version'] or ''}".strip())
        )
        line = f"{row['name']:<16} {row['status']:<9} {origin}"
        if row["status"] == "ok":
            line += f"  ({row['import_ms']:.1f} ms)  scorers: {', '.join(row['scorers']) or '-'}"
        print(line)
        if row["error"]:
            print(f"    error: {row['error']}")
        if row["vocabulary"]:
            added = ", ".join(f"{c} +{n}" for c, n in row["vocabulary"].items())
            print(f"    vocabulary: {added}")
        for scorer_id, settings in row["settings"].items():
            for s in settings:
                print(
                    f"    [plugins.{scorer_id}] {s['name']} ({s['type']}, default "
                    f"{s['default']!r}): {s['description']}"
                )
    return EXIT_OK
