"""`aspire plugins`: every scoring plugin, its scorers and settings, and what went wrong."""

from __future__ import annotations

import argparse
import json
import sys
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
        for scorer_id, settings in row["settings"].items():
            for s in settings:
                print(
                    f"    [plugins.{scorer_id}] {s['name']} ({s['type']}, default "
                    f"{s['default']!r}): {s['description']}"
                )
    return EXIT_OK
