"""The text report of `aspire score`: a bar per scorer, then each finding with its place."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, TextIO

from ..wording import plural

if TYPE_CHECKING:
    from ..engine import Report
    from ..models import Profile

BAR_WIDTH = 20
SEVERITY_ORDER = {"error": 0, "warning": 1, "suggestion": 2, "info": 3}
_SEVERITY_STYLE = {"error": "1;31", "warning": "33", "suggestion": "36", "info": "2"}


def use_color(stream: TextIO) -> bool:
    """Colour on a terminal; plain under NO_COLOR (any value) or in a pipe."""
    if "NO_COLOR" in os.environ:
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def line_col(text: str, pos: int) -> tuple[int, int]:
    """1-based line and column of a str index."""
    line = text.count("\n", 0, pos) + 1
    col = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return line, col


def bar(score: float, width: int = BAR_WIDTH) -> str:
    filled = round(max(0.0, min(100.0, score)) / 100 * width)
    return "█" * filled + "░" * (width - filled)


def quote(text: str, start: int, end: int, limit: int = 70) -> str:
    phrase = " ".join(text[start:end].split())
    if len(phrase) > limit:
        phrase = phrase[: limit - 1].rstrip() + "…"
    return f"“{phrase}”"


#: How the report names a career stage it judged by (DOMAIN: "by career stage").
STAGE_NAMES = {
    "entry": "an entry-level",
    "mid": "a mid-level",
    "senior": "a senior",
    "executive": "an executive-level",
    "changer": "a career changer's",
}


def heading(profile: Profile | None, stage: str, stage_option: str | None = None) -> str:
    """The report's first line: the role judged against, or, without a profile, what the
    answer was judged as and how to change that (a placeholder role would read as one)."""
    if profile is None:
        hint = "--profile for a role" if stage_option else "--stage to change, --profile for a role"
        return f"No profile: judged as {STAGE_NAMES.get(stage, f'a {stage}')} answer ({hint})"
    head = profile.role if not profile.company else f"{profile.role} at {profile.company}"
    return f"{head} ({stage})"


def render_report(
    report: Report, text: str, profile: Profile, *, color: bool, first_line: str | None = None
) -> str:
    """The text report; `first_line` replaces the default heading (role and stage)."""

    def paint(s: str, style: str) -> str:
        return f"\x1b[{style}m{s}\x1b[0m" if color else s

    def score_style(score: float) -> str:
        return "32" if score >= 70 else "33" if score >= 45 else "31"

    out: list[str] = []
    first = first_line or heading(profile, profile.career_stage)
    out.append(paint(first, "1"))
    minutes, seconds = divmod(report.speaking_seconds, 60)
    spoken = f"{minutes} min {seconds} s" if minutes else f"{seconds} s"
    out.append(
        f"{paint('Overall', '1')}       "
        f"{paint(f'{report.overall:5.1f}', score_style(report.overall))}"
        f"  {paint(bar(report.overall), score_style(report.overall))}"
        f"  {plural(report.words, 'word')}, about {spoken} spoken"
    )
    for cap in report.caps:
        out.append(f"              {paint('capped: ' + cap, '2')}")
    out.append("")
    for s in report.scores:
        out.append(
            f"  {s.title:<12}{paint(f'{s.score:5.1f}', score_style(s.score))}"
            f"  {paint(bar(s.score), score_style(s.score))}  {s.summary}"
        )
    for e in report.errors:
        out.append(f"  {e.plugin:<12}{paint('  err', '1;31')}  {paint(e.message, '31')}")
    findings = [(f, s.plugin) for s in report.scores for f in s.findings]
    findings.sort(key=lambda p: (SEVERITY_ORDER[p[0].severity], p[0].start))
    if findings:
        out.append("")
        out.append(paint("Findings", "1"))
    for f, plugin in findings:
        where = "{}:{}".format(*line_col(text, f.start)) if f.end > f.start else "-"
        sev = paint(f"{f.severity:<10}", _SEVERITY_STYLE[f.severity])
        phrase = f"  {quote(text, f.start, f.end)}" if f.end > f.start else ""
        out.append(f"  {where:>7}  {sev} {plugin}{phrase}")
        out.append(f"           {f.message}")
        if f.suggestion:
            out.append(f"           {paint('→ ' + f.suggestion, '2')}")
    return "\n".join(out) + "\n"
