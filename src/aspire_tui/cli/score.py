"""`aspire score`: the scoring engine for scripts, editors and coaching courses."""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import DraftError
from . import EXIT_BELOW, EXIT_OK

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..engine import Report
    from ..keypoints import KeyPoint
    from ..models import Profile


def run_score(args: argparse.Namespace) -> int:
    path, profile = _profile(args.profile, args.stage)
    text = _draft_text(args.file, profile)
    from ..scorers import compiled
    from ..storage import cache_dir

    # The first score compiles the coach's word lists, most of what a run costs; they are
    # kept from the last run. Set before the scorers' modules compile their own patterns.
    compiled.use_store(cache_dir())
    from ..engine import Engine
    from ..plugins import load_host, plugin_output_to_stderr

    # What plugins write to standard output, even straight to its file descriptor, goes
    # to stderr: the report (JSON for scripts) goes to the real stdout and stays clean.
    with plugin_output_to_stderr() as stdout:
        host = load_host()
        engine = Engine(host)
        report = engine.score(text, profile)
        broken = [(p.name, p.problem()) for p in host.failures]
        if args.format == "json":
            data = as_json(report, path, profile, engine.key_points(text, profile))
            data["errors"] += [{"plugin": name, "message": problem} for name, problem in broken]
            # allow_nan=False: a NaN that slipped through is an error, never invalid JSON.
            stdout.write(json.dumps(data, ensure_ascii=False, allow_nan=False) + "\n")
        else:
            from .render import heading, render_report, use_color

            for name, problem in broken:
                sys.stderr.write(f"aspire: plugin {name} {problem}\n")
            head = heading(None if path is None else profile, profile.career_stage, args.stage)
            stdout.write(
                render_report(report, text, profile, color=use_color(stdout), first_line=head)
            )
    compiled.save()
    if passes(report, args.min_score):
        return EXIT_OK
    # A failing check in a script or CI log says why, not only its exit status.
    sys.stderr.write(f"aspire: {below(report, args.min_score)}\n")
    return EXIT_BELOW


def as_json(
    report: Report, path: Path | None, profile: Profile, points: Sequence[KeyPoint] = ()
) -> dict[str, Any]:
    """The JSON contract: the report, the profile file it was judged against (null for
    none), the career stage it was judged as, and the draft's key points (what Rehearse
    asks the candidate to keep when saying it). Every score, weight and overall is a
    float, even where a plugin handed over an int, so a typed reader never sees both."""
    data = report.to_dict()
    data["overall"] = float(data["overall"])
    for entry in data["scores"]:
        entry["score"] = float(entry["score"])
        entry["weight"] = float(entry["weight"])
    data["profile"] = None if path is None else str(path)
    data["career_stage"] = profile.career_stage
    data["key_points"] = [p.to_dict() for p in points]
    return data


def below(report: Report, min_score: float) -> str:
    """Why `--min-score` failed, in one line."""
    limit = f"{min_score:g}"
    if not (report.overall_ok and math.isfinite(report.overall)):
        return f"no overall score could be computed, so --min-score {limit} is not met"
    # Rounded down: 69.96 against 70 reads "69.9 is below", never "70.0 is below".
    return f"overall {math.floor(report.overall * 10) / 10:.1f} is below --min-score {limit}"


def passes(report: Report, min_score: float | None) -> bool:
    """Whether `--min-score` passes: never on an overall that could not be computed, nor
    against a minimum that is not a number."""
    if min_score is None:
        return True
    return report.overall_ok and math.isfinite(report.overall) and report.overall >= min_score


def _profile(name: str | None, stage: str | None) -> tuple[Path | None, Profile]:
    """The profile file (None without --profile) and the profile to judge by."""
    from ..models import Profile

    if name is None:
        # The role is only a placeholder for the scorers; the report says "No profile".
        profile = Profile(role="(no profile)", career_stage=stage or "mid")  # type: ignore[arg-type]
        return None, profile
    from ..storage import load_profile, resolve_profile

    path = resolve_profile(name)
    profile = load_profile(path)
    if stage:
        profile = dataclasses.replace(profile, career_stage=stage)  # type: ignore[arg-type]
    return path, profile


def _draft_text(file: str | None, profile: Profile) -> str:
    if file is None:
        draft = profile.latest_draft()
        if draft is None or not draft.text.strip():
            raise DraftError(
                "no draft to score: give a FILE, '-' for standard input, or a --profile "
                "that has a draft"
            )
        return draft.text
    if file == "-":
        return _decode(sys.stdin.buffer.read(), "standard input")
    path = Path(file)
    try:
        return _decode(path.read_bytes(), str(path))
    except FileNotFoundError:
        raise DraftError(f"{path}: no such file; check the path") from None
    except IsADirectoryError:
        raise DraftError(f"{path}: is a folder; give a text file") from None
    except OSError as exc:
        raise DraftError(f"{path}: cannot read: {exc.strerror or exc}") from None


def _decode(raw: bytes, where: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DraftError(
            f"{where}: not UTF-8 text (bad byte at offset {exc.start}); save it as UTF-8"
        ) from None
