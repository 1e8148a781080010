"""What 20 installed plugins cost: `aspire score` and the app's cold start, with 20 small
plugins installed and with none, side by side in one run. Target: each grows <= 10%.

The plugins shipped in plugins/ are left off in both runs, so only the 20 are compared.
The 20 sit in a folder on PYTHONPATH, compiled as pip compiles what it installs; that
folder comes before the standard library on the path, so every import of the run looks
there first: a little more than a real install costs. 30 alternating runs each (the
machine is shared: medians of fewer runs swing by several per cent).
"""

from __future__ import annotations

import compileall
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from _drafts import as_installed, aspire_score_command, draft_of, side_by_side
from bench_app import ASPIRE as APP_SNIPPET

RUNS = int(os.environ.get("BENCH_RUNS", "30"))
PLUGIN = """
from aspire_tui.hookspecs import hookimpl
from aspire_tui.scorer import Scorer


class Dummy(Scorer):
    id = "{name}"
    title = "{name}"
    weight = 0.0

    def score(self, ctx):
        return {{"score": 50, "summary": "dummy", "findings": []}}


@hookimpl
def aspire_scorers():
    return [Dummy()]
"""


def make_site(root: Path, count: int = 20) -> Path:
    for i in range(count):
        name = f"dummy{i:02d}"
        (root / f"{name}.py").write_text(PLUGIN.format(name=name), encoding="utf-8")
        info = root / f"aspire_{name}-0.1.0.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Name: aspire-{name}\nVersion: 0.1.0\n")
        (info / "entry_points.txt").write_text(f"[aspire_tui.scorers]\n{name} = {name}\n")
    compileall.compile_dir(root, quiet=1)  # as pip compiles what it installs
    return root


def main() -> int:
    as_installed()
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "site20").mkdir()
        site = make_site(Path(tmp) / "site20")
        draft = Path(tmp) / "draft.txt"
        draft.write_text(draft_of(250), encoding="utf-8")
        base = {
            **os.environ,
            "ASPIRE_DISABLE_PLUGINS": "cliches,delivery",
            "ASPIRE_HOME": str(Path(tmp) / "home"),
        }
        envs = {"none": base, "20 plugins": {**base, "PYTHONPATH": str(site)}}
        commands = {
            "aspire score": aspire_score_command(draft),
            "app cold start": [sys.executable, "-c", APP_SNIPPET, str(draft)],
        }
        ok = True
        for label, cmd in commands.items():
            times = side_by_side({name: (cmd, env) for name, env in envs.items()}, RUNS)
            none = statistics.median(times["none"])
            twenty = statistics.median(times["20 plugins"])
            growth = twenty / none - 1
            passed = growth <= 0.10
            ok &= passed
            print(
                f"{label:15} none {none:6.1f} ms  20 plugins {twenty:6.1f} ms  "
                f"growth {growth:+.1%}  target <= +10%  {'ok' if passed else 'MISSED'}"
            )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
