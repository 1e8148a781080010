"""`aspire profile list | new | show | validate`."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ProfileError
from ..storage import (
    dump_profile,
    example_paths,
    iter_profiles,
    load_profile,
    profiles_dir,
    reserve_profile_path,
    resolve_profile,
    save_profile,
)
from . import EXIT_OK

if TYPE_CHECKING:
    from ..models import Profile
    from ..plugins import PluginHost


def run_profile(args: argparse.Namespace) -> int:
    action = args.action
    if action == "list":
        return _list()
    if action == "new":
        return _new(args)
    if action == "show":
        return _show(args.name, args.format)
    return _validate(args.names)


def _list() -> int:
    folder = profiles_dir()
    entries = list(iter_profiles(folder))
    print(f"Your profiles ({folder}):")
    if not entries:
        print("  none yet: `aspire profile new --from EXAMPLE` or `aspire profile new --role ROLE`")
    for e in entries:
        if e.profile is None:
            print(f"  {e.name:<34} BROKEN  {e.error}")
        else:
            p = e.profile
            at = f" at {p.company}" if p.company else ""
            print(
                f"  {e.name:<34} {p.role}{at} ({p.career_stage}), "
                f"{len(p.drafts)} draft{'s' if len(p.drafts) != 1 else ''}"
            )
    print("Examples (use with --profile or `aspire profile new --from NAME`):")
    for path in example_paths():
        try:
            p = load_profile(path)
            print(f"  {path.stem:<34} {p.role} at {p.company} ({p.career_stage})")
        except ProfileError as exc:
            print(f"  {path.stem:<34} BROKEN  {exc}")
    return EXIT_OK


def _new(args: argparse.Namespace) -> int:
    from ..models import Draft, Profile

    if args.example:
        base = load_profile(resolve_profile(args.example))
        update: dict[str, object] = {}
        if args.role:
            update["role"] = args.role
        if args.company is not None:
            update["company"] = args.company
        if args.stage:
            update["career_stage"] = args.stage
        profile = dataclasses.replace(base, **update)  # type: ignore[arg-type]
    else:
        if not args.role or not args.stage:
            raise ProfileError(
                "aspire profile new",
                "give --role and --stage (or --from EXAMPLE to start from an example)",
            )
        profile = Profile(
            role=args.role,
            company=args.company or "",
            career_stage=args.stage,
            drafts=[Draft(title="First draft", text="", updated=datetime.now(UTC))],
        )
    stem = profile.role + (f" {profile.company}" if profile.company else "")
    path = reserve_profile_path(profiles_dir(), stem)
    save_profile(profile, path)
    print(f"Created {path}")
    return EXIT_OK


def _show(name: str, fmt: str) -> int:
    path = resolve_profile(name)
    profile = load_profile(path)
    if fmt == "toml":
        sys.stdout.write(dump_profile(profile))
        return EXIT_OK
    if fmt == "json":
        print(json.dumps(dataclasses.asdict(profile), indent=2, ensure_ascii=False, default=str))
        return EXIT_OK
    print(f"{profile.role}" + (f" at {profile.company}" if profile.company else ""))
    print(f"  file:          {path}")
    print(f"  career stage:  {profile.career_stage}")
    if profile.question:
        print(f"  question:      {profile.question}")
    for section, model in (("research", profile.research), ("reflection", profile.reflection)):
        values = dataclasses.asdict(model)
        filled = [k for k, v in values.items() if v.strip()]
        empty = [k for k, v in values.items() if not v.strip()]
        print(
            f"  {section + ':':<14} {', '.join(filled) or 'nothing yet'}"
            + (f" (empty: {', '.join(empty)})" if empty and filled else "")
        )
    print(f"  drafts:        {len(profile.drafts)}")
    for d in profile.drafts:
        words = len(d.text.split())
        when = d.updated.strftime("%Y-%m-%d %H:%M") if d.updated else "undated"
        print(f"    - {d.title} ({words} words, {when})")
    return EXIT_OK


def _validate(names: list[str]) -> int:
    failed = 0
    host = None
    for name in names:
        try:
            path = resolve_profile(name)
            profile = load_profile(path)
            if profile.plugins.settings:
                from ..plugins import load_host

                host = host or load_host()
                check_plugin_settings(profile, path, host)
            print(f"{path}: ok")
        except ProfileError as exc:
            print(f"aspire: {exc}", file=sys.stderr)
            failed += 1
    return 1 if failed else EXIT_OK


def check_plugin_settings(profile: Profile, path: Path, host: PluginHost) -> None:
    """Each `[plugins.<id>]` table against its scorer's settings model, with its line."""
    from ..storage import find_key_line

    text = path.read_text(encoding="utf-8")
    for scorer_id, table in profile.plugins.settings.items():
        scorer = host.scorer(scorer_id)
        model = getattr(scorer, "settings_model", None)
        if scorer is None:
            continue  # a scorer that is not installed: its settings wait for it
        if model is None:
            raise ProfileError(
                path,
                f"plugins.{scorer_id}: this scorer takes no settings",
                find_key_line(text, ("plugins", scorer_id)),
            )
        try:
            model.model_validate(table)
        except Exception as exc:  # pydantic's ValidationError
            first = exc.errors(include_url=False)[0]  # type: ignore[attr-defined]
            loc = ("plugins", scorer_id, *first["loc"])
            key = ".".join(str(p) for p in loc)
            raise ProfileError(path, f"{key}: {first['msg']}", find_key_line(text, loc)) from None
