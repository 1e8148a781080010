"""`aspire score` as a whole process against `proselint check` on the same 250-word draft.

Target: aspire's median wall time <= proselint's, measured side by side in one run
(alternating, so both see the same machine load). Prints medians and the ratio.
Installed plugins are left off (ASPIRE_LOAD_PLUGINS=""): this measures Aspire itself;
`aspire plugins` shows what each plugin adds to start-up.

Aspire keeps its compiled word lists in its cache folder after a run (the warm-up run
here, a user's first `aspire score`); the figure without them, a first run after an
install or an upgrade, is printed too, for reference.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _drafts import as_installed, aspire_score_command, draft_of, side_by_side, wall_ms

RUNS = int(os.environ.get("BENCH_RUNS", "30"))
BIN = Path(sys.executable).parent


def main() -> int:
    as_installed()
    proselint = shutil.which("proselint", path=str(BIN)) or shutil.which("proselint")
    if not proselint:
        print("proselint is not installed: `make bench` installs it (pip install -e '.[bench]')")
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "ASPIRE_LOAD_PLUGINS": "", "ASPIRE_HOME": str(Path(tmp) / "home")}
        draft = Path(tmp) / "draft.txt"
        draft.write_text(draft_of(250), encoding="utf-8")
        times = side_by_side(
            {
                "aspire score": (aspire_score_command(draft), env),
                "proselint check": ([proselint, "check", str(draft)], env),
            },
            RUNS,
        )
        first = []
        for i in range(5):  # each in a new home: nothing kept from before
            fresh = {**env, "ASPIRE_HOME": str(Path(tmp) / f"fresh-{i}")}
            first.append(wall_ms(aspire_score_command(draft), fresh))
    medians = {name: statistics.median(t) for name, t in times.items()}
    for name, median in medians.items():
        print(f"{name:16} median {median:7.1f} ms  (min {min(times[name]):.1f}, {RUNS} runs)")
    print(f"{'first run':16} median {statistics.median(first):7.1f} ms  (nothing kept, 5 runs)")
    ratio = medians["aspire score"] / medians["proselint check"]
    ok = ratio <= 1.0
    print(f"ratio aspire/proselint {ratio:.2f}  target <= 1.00  {'ok' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
