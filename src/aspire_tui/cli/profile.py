"""`aspire profile list | new | show | validate | rename | delete`.

Every name and option is checked before anything is read or written, so a bad one is a
one-line error naming the option and the fix (exit 2), and never leaves a file behind.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import shutil
import sys
import unicodedata
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
from . import EXIT_OK, UsageError, check_name, one_line

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


#: The widest name column when the output is not a terminal: the longest file name
#: `profile new` makes. A longer name (a file named by hand) is printed whole, for a
#: script may need it exactly, and the other rows stay aligned.
PIPE_NAME_COLUMN = 60


def _list() -> int:
    """Two tables, the user's profiles then the examples, sharing one name column as wide
    as the longest name. On a terminal every line fits its width: the name column takes
    at most half and a longer name or description ends in an ellipsis."""
    folder = profiles_dir()
    mine: list[tuple[str, str, bool]] = []  # name, description, whether it may be cut
    for e in iter_profiles(folder):
        if e.profile is None:
            mine.append((e.name, f"BROKEN  {e.error}", False))  # the fix is never cut off
        else:
            p = e.profile
            at = f" at {p.company}" if p.company else ""
            drafts = plural(len(p.drafts), "draft")
            mine.append((e.name, f"{p.role}{at} ({p.career_stage}), {drafts}", True))
    examples: list[tuple[str, str, bool]] = []
    for path in example_paths():
        try:
            p = load_profile(path)
            examples.append((path.stem, f"{p.role} at {p.company} ({p.career_stage})", True))
        except ProfileError as exc:
            examples.append((path.stem, f"BROKEN  {exc}", False))
    width = terminal_width()
    column = name_column([name for name, _, _ in mine + examples], width)
    print(f"Your profiles ({folder}):")
    if not mine:
        print("  none yet: `aspire profile new --from EXAMPLE` or `aspire profile new --role ROLE`")
    for name, text, cut in mine:
        print(table_row(name, text, column, width if cut else None))
    print("Examples (use with --profile or `aspire profile new --from NAME`):")
    for name, text, cut in examples:
        print(table_row(name, text, column, width if cut else None))
    return EXIT_OK


def terminal_width() -> int | None:
    """Columns to fit in: the terminal's (or $COLUMNS), None in a pipe, where nothing is
    cut."""
    if "COLUMNS" in os.environ or sys.stdout.isatty():
        return shutil.get_terminal_size().columns
    return None


def cells(text: str) -> int:
    """Terminal cells `text` takes: wide (CJK) characters two, combining marks none."""
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
        for c in text
    )


def fit(text: str, width: int) -> str:
    """`text` cut to `width` cells, ending in an ellipsis when something was cut."""
    if cells(text) <= width:
        return text
    out, used = [], 0
    for char in text:
        size = cells(char)
        if used + size > width - 1:
            break
        out.append(char)
        used += size
    return "".join(out) + "…"


def name_column(names: list[str], width: int | None) -> int:
    """As wide as the longest name, so a very long one never pushes every description
    off the screen: on a terminal at most half its width (longer names are cut), in a pipe
    as wide as the longest name of at most `PIPE_NAME_COLUMN` (longer ones overflow)."""
    sizes = [cells(one_line(n)) for n in names]
    if width is None:
        return max((n for n in sizes if n <= PIPE_NAME_COLUMN), default=0)
    return min(max(sizes, default=0), max(8, (width - 4) // 2))


def table_row(name: str, text: str, column: int, width: int | None) -> str:
    """One line: the name padded to `column`, then `text`; both cut to fit `width`."""
    name, text = one_line(name), one_line(text)
    if width is not None:
        name = fit(name, column)
        text = fit(text, max(1, width - 4 - column))
    return f"  {name}{' ' * max(0, column - cells(name))}  {text}"


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
    recalled = [r for r in profile.rehearsals if r.round == "recall"]
    if profile.rehearsals:
        last = profile.rehearsals[-1].when.strftime("%Y-%m-%d %H:%M")
        print(
            f"  rehearsals:    {len(profile.rehearsals)} "
            f"({plural(len(recalled), 'round')} from memory; last {last})"
        )
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
    """Every problem of every file, one a line (FILE:LINE: problem, the shape editors link
    to), so a file with three mistakes takes one round of fixes, not three."""
    failed = 0
    host = None
    for name in names:
        try:
            path = resolve_profile(name)
            problems = validation_problems(path)
            if not problems:
                profile = load_profile(path)
                if profile.plugins.settings:
                    from ..plugins import load_host

                    host = host or load_host()
                    problems = plugin_settings_problems(profile, path, host)
        except ProfileError as exc:
            problems = [exc]
        for problem in problems:
            print(f"aspire: {one_line(str(problem))}", file=sys.stderr)
        if problems:
            failed += 1
        else:
            print(f"{path}: ok")
    return 1 if failed else EXIT_OK


class _OneError:
    """One error of a pydantic `ValidationError`, shaped like the whole, so the storage
    layer's wording (did-you-mean, allowed values, the line) describes each in turn."""

    def __init__(self, error: Any) -> None:
        self.error = error

    def errors(self, include_url: bool = False) -> list[Any]:
        return [self.error]


def validation_problems(path: Path) -> list[ProfileError]:
    """Each problem of a profile file: none when it loads, else every validation error
    with its line. Loading stops at the first problem and counts the rest; the file is
    only read again (a regular file, within the size limit) when there is more to say."""
    try:
        load_profile(path)
        return []
    except ProfileError as exc:
        first = exc
    if "more problem" not in first.message:
        return [first]
    import stat
    import tomllib

    from pydantic import TypeAdapter, ValidationError

    from ..models import Profile
    from ..storage import (
        MAX_PROFILE_BYTES,
        _split_plugin_settings,
        decode_profile,
        describe_validation_error,
    )

    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_PROFILE_BYTES:
            return [first]
        text = decode_profile(path.read_bytes(), path)
        data = _split_plugin_settings(tomllib.loads(text))
        TypeAdapter(Profile).validate_python(data)
    except ValidationError as exc:
        # Unknown keys first, as loading reports them: a typo explains a "missing" key.
        errors = sorted(exc.errors(include_url=False), key=lambda e: e["type"] not in _UNKNOWN)
        out = []
        for error in errors:
            message, line = describe_validation_error(
                _OneError(error),  # type: ignore[arg-type]
                Profile,
                text,
            )
            out.append(ProfileError(path, message, line))
        return out
    except Exception:  # changed since it was loaded: what loading said stands
        return [first]
    return [first]


_UNKNOWN = ("extra_forbidden", "unexpected_keyword_argument")


def _unknown_setting(model: Any, name: str) -> str:
    import difflib

    from ..scorer import settings_fields

    known = [f.name for f in settings_fields(model)]
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return "unknown setting; " + (
        f"did you mean {close[0]}?" if close else f"this plugin's settings: {', '.join(known)}"
    )


def plugin_settings_problems(profile: Profile, path: Path, host: PluginHost) -> list[ProfileError]:
    """Each `[plugins.<id>]` table against its scorer's settings model: every problem,
    each with its line."""
    from ..scorer import validate_settings
    from ..storage import find_key_line

    text = path.read_text(encoding="utf-8")
    problems: list[ProfileError] = []
    for scorer_id, table in profile.plugins.settings.items():
        scorer = host.scorer(scorer_id)
        model = getattr(scorer, "settings_model", None)
        if scorer is None:
            continue  # a scorer that is not installed: its settings wait for it
        if model is None:
            problems.append(
                ProfileError(
                    path,
                    f"plugins.{scorer_id}: this scorer takes no settings",
                    find_key_line(text, ("plugins", scorer_id)),
                )
            )
            continue
        try:
            validate_settings(model, table)
        except Exception as exc:  # pydantic's ValidationError, or a plugin's own error
            errors = getattr(exc, "errors", None)
            found = errors(include_url=False) if callable(errors) else [{}]
            for error in found or [{}]:
                loc = ("plugins", scorer_id, *error.get("loc", ()))
                key = ".".join(str(p) for p in loc)
                msg = " ".join(str(error.get("msg", exc) or type(exc).__name__).split())
                msg = msg.removeprefix("Value error, ")
                if error.get("type") in _UNKNOWN and loc[-1:] != (scorer_id,):
                    msg = _unknown_setting(model, str(loc[-1]))
                named = msg.split(" ", 1)[0]
                if loc == ("plugins", scorer_id) and named in table:  # a check of one setting
                    loc, key = (*loc, named), f"{key}.{named}"
                    msg = msg.split(" ", 1)[1]
                problems.append(ProfileError(path, f"{key}: {msg}", find_key_line(text, loc)))
    return problems
