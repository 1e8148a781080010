"""`aspire score` as a whole process against `proselint check` on the same 250-word draft.

Target: aspire's median wall time <= proselint's, measured side by side in one run
(alternating, so both see the same machine load). Prints medians and the ratio.
Installed plugins are left off (ASPIRE_LOAD_PLUGINS=""): this measures Aspire itself;
`aspire plugins` shows what each plugin adds to start-up.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _drafts import EXAMPLE, draft_of

RUNS = int(os.environ.get("BENCH_RUNS", "30"))
BIN = Path(sys.executable).parent


def wall(cmd: list[str]) -> float:
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, env={**os.environ, "ASPIRE_LOAD_PLUGINS": ""})
    elapsed = (time.perf_counter() - started) * 1000
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{cmd[0]} failed: {proc.stderr.decode()[-300:]}")
    return elapsed


def main() -> int:
    proselint = shutil.which("proselint", path=str(BIN)) or shutil.which("proselint")
    if not proselint:
        print("proselint is not installed: `make bench` installs it (pip install -e '.[bench]')")
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        draft = Path(tmp) / "draft.txt"
        draft.write_text(draft_of(250), encoding="utf-8")
        commands = {
            "aspire score": [
                str(BIN / "aspire"),
                "score",
                "--profile",
                str(EXAMPLE),
                "--format",
                "json",
                str(draft),
            ],
            "proselint check": [proselint, "check", str(draft)],
        }
        for cmd in commands.values():  # warm the file cache and bytecode
            wall(cmd)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(RUNS):
            for name, cmd in commands.items():
                times[name].append(wall(cmd))
    medians = {name: statistics.median(t) for name, t in times.items()}
    for name, median in medians.items():
        print(f"{name:16} median {median:7.1f} ms  (min {min(times[name]):.1f}, {RUNS} runs)")
    ratio = medians["aspire score"] / medians["proselint check"]
    ok = ratio <= 1.0
    print(f"ratio aspire/proselint {ratio:.2f}  target <= 1.00  {'ok' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
