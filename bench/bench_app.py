"""The app's speed and size, measured with its own timestamps (not Pilot's).

1. Typing: a 2,000-word draft, the four built-ins plus a test scorer that sleeps 1 s.
   Keys arrive at 10 a second in bursts, from half a second after the whole screen is up
   (as a user reads it before typing). Echo = key event to the frame that shows it.
   Feedback = the last key of a burst to the built-in scores for that text on screen.
   Targets: echo p95 <= 20 ms; feedback p95 <= 200 ms.
2. Cold start to the first screen with scores, against a minimal Textual app (Header,
   TextArea, Static), side by side. Target: <= 1.5x.
3. Resident memory with the 2,000-word draft open. Target: <= 100 MB.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
os.environ.setdefault("ASPIRE_HOME", tempfile.mkdtemp(prefix="aspire-bench-"))

from _drafts import as_installed, draft_of, side_by_side
from textual import events

from aspire_tui.app.app import AspireApp
from aspire_tui.app.widgets.draft.editor import DraftEditor
from aspire_tui.app.widgets.feedback.panel import FeedbackPanel
from aspire_tui.plugins import load_host
from aspire_tui.scorer import ScoreContext, Scorer
from aspire_tui.session import Session

BURSTS = int(os.environ.get("BENCH_BURSTS", "12"))
KEYS_PER_BURST = 8


class Sleepy(Scorer):
    id = "sleepy"
    title = "Sleepy"

    def score(self, ctx: ScoreContext) -> dict[str, object]:
        time.sleep(1.0)
        return {"score": 50, "summary": "slept"}


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * 0.95) - 1)]


async def typing() -> tuple[list[float], list[float], float]:
    host = load_host(installed=False)
    host.scorers.append(Sleepy())
    session, _ = Session.open(None)
    session.draft.text = draft_of(2000, paragraph=150)
    app = AspireApp(session, host=host)
    echoes: list[float] = []
    feedback: list[float] = []
    async with app.run_test(size=(140, 45)) as pilot:
        editor = app.query_one(DraftEditor)
        panel = app.query_one(FeedbackPanel)
        while app.live is None or app.live.groups[0].version < 0 or not panel.ready:
            await pilot.pause(0.05)
        # Typing starts once the screen is up and the user has read it for a moment.
        await asyncio.sleep(0.5)
        editor.move_cursor(editor.document.end)

        def echoed(sent: float) -> None:
            echoes.append((time.perf_counter() - sent) * 1000)

        for _ in range(BURSTS):
            for i in range(KEYS_PER_BURST):
                sent = time.perf_counter()
                editor.post_message(events.Key("x" if i % 4 else "space", "x" if i % 4 else " "))
                editor.call_after_refresh(echoed, sent)
                last = sent
                await asyncio.sleep(0.1)
            version = app.version
            deadline = time.monotonic() + 3
            while time.monotonic() < deadline:
                shown = [t for v, t in app.shown_times if v == version]
                if shown:
                    feedback.append((shown[0] - last) * 1000)
                    break
                await asyncio.sleep(0.005)
            await asyncio.sleep(0.3)
        rss = rss_mb()
    return echoes, feedback, rss


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


MINIMAL = """
import time, sys
from textual.app import App
from textual.widgets import Header, Static, TextArea
class Minimal(App):
    def compose(self):
        yield Header()
        yield TextArea(open(sys.argv[1]).read())
        yield Static("hello")
    def on_mount(self):
        self.call_after_refresh(self.exit)
Minimal().run(headless=True)
"""

ASPIRE = """
import sys
from aspire_tui.app.app import AspireApp
from aspire_tui.session import Session
class Once(AspireApp):
    def _show_report(self):
        super()._show_report()
        if self.live and all(g.version >= 0 for g in self.live.groups):
            self.call_after_refresh(self.exit)
session, _ = Session.open(None)
session.draft.text = open(sys.argv[1]).read()
Once(session).run(headless=True)
"""


def cold_start(runs: int = 10) -> tuple[float, float]:
    as_installed()
    with tempfile.TemporaryDirectory() as tmp:
        draft = Path(tmp) / "draft.txt"
        draft.write_text(draft_of(250), encoding="utf-8")
        # Aspire itself: installed plugins add their own import time (see `aspire plugins`).
        env = {**os.environ, "ASPIRE_HOME": str(Path(tmp) / "home"), "ASPIRE_LOAD_PLUGINS": ""}
        times = side_by_side(
            {
                "minimal": ([sys.executable, "-c", MINIMAL, str(draft)], env),
                "aspire": ([sys.executable, "-c", ASPIRE, str(draft)], env),
            },
            runs,
        )
    return statistics.median(times["aspire"]), statistics.median(times["minimal"])


def main() -> int:
    echoes, feedback, rss = asyncio.run(typing())
    aspire, minimal = cold_start()
    ratio = aspire / minimal
    checks = [
        (
            f"echo        p95 {p95(echoes):6.1f} ms  median {statistics.median(echoes):5.1f} ms"
            f"  ({len(echoes)} keys)  target p95 <= 20 ms",
            p95(echoes) <= 20,
        ),
        (
            f"feedback    p95 {p95(feedback):6.1f} ms  median {statistics.median(feedback):5.1f} ms"
            f"  ({len(feedback)} bursts)  target p95 <= 200 ms",
            p95(feedback) <= 200,
        ),
        (
            f"cold start  aspire {aspire:6.1f} ms  minimal {minimal:6.1f} ms  ratio {ratio:.2f}"
            "  target <= 1.50",
            ratio <= 1.5,
        ),
        (
            f"memory      {rss:6.1f} MB resident with a 2,000-word draft  target <= 100 MB",
            rss <= 100,
        ),
    ]
    for line, ok in checks:
        print(f"{line}  {'ok' if ok else 'MISSED'}")
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
