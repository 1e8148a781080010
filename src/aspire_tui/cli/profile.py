"""`aspire profile list | new | show | validate | rename | delete`.

Every name and option is checked before anything is read or written, so a bad one is a
one-line error naming the option and the fix (exit 2), and never leaves a file behind.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ProfileError
from ..storage import (
    create_profile,
    dump_profile,
    example_paths,
    iter_profiles,
    load_profile,
    parse_profile,
    profiles_dir,
    resolve_profile,
)
from ..wording import plural
from . import EXIT_OK, UsageError, check_name

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
        return _show(check_name(args.name, "profile show"), args.format)
    if action == "rename":
        return _rename(check_name(args.name, "profile rename"), args.role)
    if action == "delete":
        return _delete(check_name(args.name, "profile delete"), args.yes)
    return _validate([check_name(name, "profile validate") for name in args.names])


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


def _option(name: str, value: str | None, check: Callable[[object], str]) -> str | None:
    """An option's value through the model's own check, its error naming the option."""
    if value is None:
        return None
    try:
        return check(value.strip())
    except ValueError as exc:
        raise UsageError(f"{name}: {exc}") from None


def _new(args: argparse.Namespace) -> int:
    """Everything is checked, and the file's bytes made and read back, before anything is
    written; `create_profile` then puts the file in place whole, or not at all."""
    from ..models import Draft, Profile, check_company, check_role

    role = _option("--role", args.role, check_role)
    company = _option("--company", args.company, check_company)
    if args.example is not None:
        base = load_profile(resolve_profile(check_name(args.example, "--from")))
        update: dict[str, object] = {}
        if role is not None:
            update["role"] = role
        if company is not None:
            update["company"] = company
        if args.stage:
            update["career_stage"] = args.stage
        profile = dataclasses.replace(base, **update)  # type: ignore[arg-type]
    else:
        if role is None or not args.stage:
            raise UsageError(
                "aspire profile new: give --role and --stage "
                "(or --from EXAMPLE to start from an example)"
            )
        profile = Profile(
            role=role,
            company=company or "",
            career_stage=args.stage,
            drafts=[Draft(title="First draft", text="", updated=datetime.now(UTC))],
        )
    text = dump_profile(profile)
    parse_profile(text, "aspire profile new")  # what is written must load again
    stem = profile.role + (f" {profile.company}" if profile.company else "")
    path = create_profile(profiles_dir(), stem, text.encode("utf-8"))
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
        words = plural(len(d.text.split()), "word")
        when = d.updated.strftime("%Y-%m-%d %H:%M") if d.updated else "undated"
        print(f"    - {d.title} ({words}, {when})")
    return EXIT_OK


def _mine(name: str, verb: str) -> Path:
    """One of the user's own profiles, not an example, and not open in a running Aspire."""
    from ..lease import holder

    path = resolve_profile(name)
    if path.resolve().parent != profiles_dir().resolve():
        raise ProfileError(path, f"not in your profiles folder; Aspire only {verb}s those")
    other = holder(path)
    if other is not None:
        raise ProfileError(path, f"open in {other.describe()}; close it there, then {verb} it")
    return path


def _rename(name: str, role: str) -> int:
    """The renamed file is whole before the old one goes (and keeps the user's layout)."""
    from ..models import check_role
    from ..storage import profile_data
    from ..tomledit import render_over

    new_role = _option("NEW_ROLE", role, check_role) or ""
    path = _mine(name, "rename")
    raw = path.read_bytes()
    profile = parse_profile(raw.decode("utf-8"), path)
    renamed = dataclasses.replace(profile, role=new_role)
    text = render_over(raw.decode("utf-8"), profile_data(renamed))
    parse_profile(text, "aspire profile rename")  # what is written must load again
    stem = new_role + (f" {profile.company}" if profile.company else "")
    new = create_profile(profiles_dir(), stem, text.encode("utf-8"))
    path.unlink()
    print(f"Renamed {path.name} to {new.name}")
    return EXIT_OK


def _delete(name: str, yes: bool) -> int:
    path = _mine(name, "delete")
    if not yes:
        raise UsageError(
            f"aspire profile delete: add --yes to delete {path.name}; it cannot be undone"
        )
    path.unlink()
    print(f"Deleted {path}")
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
        except Exception as exc:  # pydantic's ValidationError, or a plugin's own error
            errors = getattr(exc, "errors", None)
            first = errors(include_url=False)[0] if callable(errors) else {}
            loc = ("plugins", scorer_id, *first.get("loc", ()))
            key = ".".join(str(p) for p in loc)
            msg = " ".join(str(first.get("msg", exc) or type(exc).__name__).split())
            raise ProfileError(path, f"{key}: {msg}", find_key_line(text, loc)) from None
