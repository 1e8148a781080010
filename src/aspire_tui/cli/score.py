"""`aspire score`: the scoring engine for scripts, editors and coaching courses."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DraftError
from . import EXIT_BELOW, EXIT_OK

if TYPE_CHECKING:
    from ..models import Profile


def run_score(args: argparse.Namespace) -> int:
    profile = _profile(args.profile, args.stage)
    text = _draft_text(args.file, profile)
    from ..engine import Engine
    from ..plugins import load_host

    # What plugins print goes to stderr: the report (JSON for scripts) stays clean.
    with contextlib.redirect_stdout(sys.stderr):
        report = Engine(load_host()).score(text, profile)
    if args.format == "json":
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False) + "\n")
    else:
        from .render import render_report, use_color

        sys.stdout.write(render_report(report, text, profile, color=use_color(sys.stdout)))
    if args.min_score is not None and report.overall < args.min_score:
        return EXIT_BELOW
    return EXIT_OK


def _profile(name: str | None, stage: str | None) -> Profile:
    from ..models import Profile

    if name is None:
        return Profile(role="(no profile)", career_stage=stage or "mid")  # type: ignore[arg-type]
    from ..storage import load_profile, resolve_profile

    profile = load_profile(resolve_profile(name))
    if stage:
        profile = dataclasses.replace(profile, career_stage=stage)  # type: ignore[arg-type]
    return profile


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
