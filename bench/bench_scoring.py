"""In-process scoring speed: all four built-ins on a 250-word draft and a 5,000-word paste.

Targets: median <= 3 ms (250 words) and <= 40 ms (5,000 words). Prints medians and p95.
Each run uses fresh text (one word added at the end), as typing does: what was found in the
sentences that did not change is reused, as it is in the app. A text whose every sentence is
new (a paste) is measured too, for reference: that is scored once, not at every keystroke.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _drafts import EXAMPLE, draft_of

from aspire_tui.engine import Engine
from aspire_tui.plugins import load_host
from aspire_tui.storage import load_profile

TARGETS = {250: 3.0, 5000: 40.0}


def measure(engine: Engine, words: int, runs: int) -> list[float]:
    profile = load_profile(EXAMPLE)
    text = draft_of(words)
    report = engine.score(text, profile)  # warm-up: imports, compiled patterns, vocabulary
    if len(report.scores) != 4 or report.errors:
        raise SystemExit(f"the built-in scorers did not all run: {report.errors}")
    times = []
    for i in range(runs):
        edited = text + " x" * (i % 7)  # a new text each time, as while typing
        started = time.perf_counter()
        engine.score(edited, profile)
        times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> int:
    engine = Engine(load_host(installed=False))
    failed = False
    for words, target in TARGETS.items():
        times = sorted(measure(engine, words, 200 if words < 1000 else 40))
        median = statistics.median(times)
        p95 = times[int(len(times) * 0.95) - 1]
        ok = median <= target
        failed |= not ok
        print(
            f"score {words:>5} words: median {median:6.2f} ms  p95 {p95:6.2f} ms  "
            f"target median <= {target:g} ms  {'ok' if ok else 'MISSED'}"
        )
    profile = load_profile(EXAMPLE)
    pasted = []
    for i in range(8):  # every sentence new: a word of its own in each
        text = draft_of(5000).replace(". ", f" p{i}x. ")
        started = time.perf_counter()
        engine.score(text, profile)
        pasted.append((time.perf_counter() - started) * 1000)
    print(f"paste 5000 words (every sentence new): median {statistics.median(pasted):6.2f} ms")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
