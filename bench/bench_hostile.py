"""In-process scoring of hostile drafts: text no candidate writes, but a paste or a stuck key
can produce. Each must stay under about 0.5 s, so that one keystroke is never held up.

Prints, one line each, the median of a few runs (fewer when a run is slow), the draft's
size, the findings and the overall score; arguments pick cases by part of their name.
Every run scores the text as if it were new (the per-sentence matches kept for typing are
cleared), as a paste is scored. No assertions: shared machines are noisy; read the figures.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _drafts import as_installed

from aspire_tui.engine import Engine
from aspire_tui.plugins import load_host
from aspire_tui.scorers import matches
from aspire_tui.storage import example_paths, load_profile

#: A run slower than this is not repeated: the figure is plain enough.
SLOW_S = 5.0
RUNS = 5


def _repeat(unit: str, chars: int) -> str:
    return (unit * (chars // len(unit) + 1))[:chars]


def _realistic(chars: int) -> Callable[[str], str]:
    return lambda answer: _repeat(answer + "\n\n", chars)


def _no_sentence_ends(answer: str) -> str:
    flat = "".join(c for c in answer if c not in ".!?…\n")
    return _repeat(flat + " ", 50_000)


CASES: dict[str, Callable[[str], str]] = {
    "50k chars of pay words": lambda _: _repeat("salary bonus commission money ", 50_000),
    '20k chars of "money "': lambda _: _repeat("money ", 20_000),
    "50k chars, no sentence ends": _no_sentence_ends,
    "50k chars, one long word": lambda _: _repeat("careeraspiration", 50_000),
    "1 MB of a real answer repeated": _realistic(1_000_000),
    "10 MB of a real answer repeated": _realistic(10_000_000),
    "one sentence of 5,000 hedges": lambda _: "I would " + "maybe perhaps " * 2_500 + "lead.",
    "2,000 time expressions": lambda _: "I want to lead " + "in two years " * 2_000 + ".",
    'nested "not not not ..."': lambda _: "I am " + "not " * 10_000 + "looking to leave.",
    # found while fixing the above: each hyphen could be a word or a space to the patterns
    '3,000 hyphens after "my partner"': lambda _: "My partner " + "-" * 3_000 + " is moving.",
    "50k chars of one-word sentences": lambda _: _repeat("Money. ", 50_000),
}


def time_case(engine: Engine, text: str, profile_path: Path) -> tuple[list[float], str]:
    profile = load_profile(profile_path)
    times: list[float] = []
    detail = ""
    while len(times) < RUNS:
        matches._BY_SENTENCE.clear()  # a paste: nothing of this text was seen before
        started = time.perf_counter()
        report = engine.score(text, profile)
        times.append(time.perf_counter() - started)
        findings = sum(len(s.findings) for s in report.scores)
        detail = f"{report.words} words, {findings} findings, overall {report.overall:g}"
        if report.errors:
            detail += f", errors: {report.errors}"
        if times[-1] > SLOW_S:
            break
    return times, detail


def main() -> int:
    as_installed()
    engine = Engine(load_host(installed=False))
    path = example_paths()[0]
    answer = load_profile(path).drafts[0].text
    engine.score(answer, load_profile(path))  # warm-up: imports, compiled patterns
    only = sys.argv[1:]
    for name, build in CASES.items():
        if only and not any(o in name for o in only):
            continue
        text = build(answer)
        times, detail = time_case(engine, text, path)
        print(
            f"{name:34} {len(text):>10,} chars: median {statistics.median(times) * 1000:9.1f} ms"
            f" ({len(times)} runs; {detail})",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
