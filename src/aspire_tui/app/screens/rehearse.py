"""Rehearse: read the draft aloud at a set pace, then say it from memory and see what
was kept. The rounds' logic and timing live in `aspire_tui.rehearse`; this screen only
draws them and passes keys on."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar, Literal

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Static, TextArea

from ...keypoints import KeyPoint
from ...models import Rehearsal
from ...rehearse import (
    BAND,
    LINE_WORDS,
    PACE_STEP,
    Clock,
    ReadAloud,
    RecallResult,
    Stopwatch,
    band_note,
    clock_text,
    judge_recall,
    record,
    step_pace,
    trend,
)
from ..widgets.chrome import KeyBar
from ..widgets.feedback.panel import score_style

Stage = Literal["read", "recall", "result"]
#: The clock's bar spans two minutes; the 60-90 s band is marked on it.
BAR_SECONDS = 120.0
BAR_WIDTH = 30
#: How often the clock and the line being read are drawn again.
TICK = 0.1

#: Which keys work in which round; the key bar shows only those.
_STAGE_ACTIONS: dict[str, frozenset[Stage]] = {
    "start_pause": frozenset({"read"}),
    "pace": frozenset({"read"}),
    "next": frozenset({"read"}),
    "done": frozenset({"recall"}),
    "again": frozenset({"result"}),
    "keep": frozenset({"result"}),
    "cue_card": frozenset({"read", "result"}),
}


class RehearseScreen(Screen[None]):
    """Two rounds on one draft. Each round that was really done (reading started, an
    answer typed) is handed to `on_round` as it ends, so the history is saved even if
    the app is closed on this screen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "Back", id="rehearse.back"),
        Binding("space", "start_pause", "Start/pause", id="rehearse.pause"),
        Binding("plus,equals_sign", f"pace({PACE_STEP})", "Faster", id="rehearse.faster"),
        Binding("minus", f"pace({-PACE_STEP})", "Slower", id="rehearse.slower"),
        Binding("enter", "next", "From memory", id="rehearse.next"),
        Binding("ctrl+s", "done", "Done", id="rehearse.done"),
        Binding("a", "again", "Again", id="rehearse.again"),
        Binding("k", "keep", "Keep as a draft", id="rehearse.keep"),
        Binding("c", "cue_card", "Cue card", id="rehearse.cue"),
    ]

    def __init__(
        self,
        *,
        title: str,
        text: str,
        points: Sequence[KeyPoint],
        pace: int,
        draft_score: float | None,
        score: Callable[[str], float | None],
        on_round: Callable[[Rehearsal], None],
        on_keep: Callable[[str], None],
        on_cue_card: Callable[[], None],
        history: Callable[[], Sequence[Rehearsal]],
        clock: Clock,
    ) -> None:
        super().__init__()
        self.draft_title = title
        self.text = text
        self.points = list(points)
        self.draft_score = draft_score
        self._score = score
        self._on_round = on_round
        self._on_keep = on_keep
        self._on_cue_card = on_cue_card
        self._history = history
        self.clock = clock
        self.stage: Stage = "read"
        self.reading = ReadAloud(text, clock, pace)
        self._read_kept = False  # the reading round was recorded
        self.stopwatch = Stopwatch(clock)
        self.result: RecallResult | None = None

    # ---- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static("", id="rehearse-title")
        with Horizontal(id="rehearse-body"):
            with Vertical(id="rehearse-main"):
                with ContentSwitcher(initial="read", id="rehearse-stage"):
                    yield VerticalScroll(Static("", id="read-lines"), id="read")
                    yield TextArea("", id="recall", soft_wrap=True, show_line_numbers=False)
                    yield VerticalScroll(Static("", id="outcome"), id="result")
                yield Static("", id="rehearse-clock")
            yield VerticalScroll(Static("", id="rehearse-points"), id="rehearse-side")
        yield KeyBar()

    def on_mount(self) -> None:
        self.set_interval(TICK, self.tick)
        self.tick()

    def on_resize(self) -> None:
        """Lines as long as the column holds unwrapped (a word and a space: ~6 cells)."""
        width = self.query_one("#read-lines").size.width or 60
        self.reading.set_line_words(max(5, min(LINE_WORDS, width // 6)))
        self.tick()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        stages = _STAGE_ACTIONS.get(action)
        return stages is None or self.stage in stages

    # ---- drawing ------------------------------------------------------------------------

    def tick(self) -> None:
        """Draw the clock and the round as they are now (also called by tests, which move
        a fake clock instead of waiting)."""
        if not self.is_attached:
            return
        if self.stage == "read":
            self._draw_reading()
            if self.reading.finished and not self._read_kept:
                self._keep_reading()
                self._draw_reading()
        elif self.stage == "recall":
            self._draw_recall_clock()

    def _title(self, round_text: str) -> None:
        self.query_one("#rehearse-title", Static).update(
            Text.assemble(("Rehearse", "bold"), f" · {self.draft_title} · ", round_text)
        )

    def _draw_reading(self) -> None:
        r = self.reading
        self._title("Round 1 of 2: read it aloud")
        out = Text()
        current = r.line
        started = r.running or r.elapsed > 0
        for i, line in enumerate(r.lines):
            if not started and i > 0:
                break
            if i < current:
                out.append(line + "\n", style="dim")
            elif i == current:
                out.append(line + "\n", style="bold")
            elif i == current + 1:
                out.append(line + "\n", style="dim italic")
                break
        if not r.lines:
            out.append("This draft has no words to read yet.", style="dim")
        elif not started:
            out.append("\nPress space to start: one line at a time, at your pace.", style="dim")
        elif r.finished:
            out.append("\nDone. Press enter to say it from memory.", style="dim")
        elif not r.running:
            out.append("\nPaused: space goes on.", style="dim")
        self.query_one("#read-lines", Static).update(out)
        clock = Text()
        clock.append(f"{clock_text(r.elapsed)}", style="bold")
        clock.append(f" of {clock_text(r.expected)} at {r.pace} words a minute\n")
        clock.append_text(_band_bar(r.elapsed))
        clock.append(f"\nThe whole draft at this pace is {band_note(r.expected)}", style="dim")
        self.query_one("#rehearse-clock", Static).update(clock)
        self._draw_points(show=True)

    def _draw_recall_clock(self) -> None:
        clock = Text()
        if self.stopwatch.started is None:
            clock.append("The clock starts when you start typing.", style="dim")
        else:
            clock.append(clock_text(self.stopwatch.elapsed), style="bold")
            clock.append(" typing\n")
            clock.append_text(_band_bar(self.stopwatch.elapsed))
        self.query_one("#rehearse-clock", Static).update(clock)

    def _draw_points(self, show: bool) -> None:
        out = Text("Key points\n", style="bold")
        if not self.points:
            out.append(
                "None found yet: a strong answer states a long-range aim, a nearer goal, "
                "how it ties to the job and that you mean to grow here.",
                style="dim",
            )
        elif not show:
            out.append(
                f"{len(self.points)} to say. They are hidden until you are done.\n", style="dim"
            )
            for p in self.points:
                out.append(f"☐ {p.label}\n", style="dim")
        else:
            for p in self.points:
                out.append(f"{p.label}\n", style="bold cyan")
                out.append(f"{p.cue}\n")
        self.query_one("#rehearse-points", Static).update(out)

    def _draw_result(self) -> None:
        res = self.result
        self._title("Round 2 of 2: from memory · how it went")
        out = Text()
        if res is None:
            out.append("Judging what you said…", style="dim")
            self.query_one("#outcome", Static).update(out)
            return
        total = len(res.points)
        out.append(f"Kept {res.kept} of {total} key points\n", style="bold")
        for r in res.points:
            mark, style = ("✔", "green") if r.kept else ("✘", "red")
            out.append(f"{mark} ", style=style)
            out.append(f"{r.point.label}: ", style="bold")
            out.append(f"{r.point.cue}\n")
            if r.evidence:
                out.append(f"    you said: “{_cut(r.evidence)}”\n", style="dim")
            else:
                out.append("    not said\n", style="dim")
        out.append("\nScore  ", style="bold")
        out.append_text(_score_text(res.score))
        out.append(" for what you said · ")
        out.append_text(_score_text(res.draft_score))
        out.append(" for the draft\n")
        out.append("Time   ", style="bold")
        out.append(
            f"typed in {clock_text(res.typed_seconds)}; said at {self.reading.pace} words a "
            f"minute it takes about {clock_text(res.spoken_seconds)}, "
            f"{band_note(res.spoken_seconds)}\n"
        )
        past = trend(self._history(), self.draft_title)
        if past:
            out.append("From memory so far  ", style="bold")
            out.append(past + "\n")
        out.append(
            "\nYour draft is on the right. Press a to go again, k to keep what "
            "you said as a new draft, escape to go back.",
            style="dim",
        )
        self.query_one("#outcome", Static).update(out)
        clock = Text(f"{clock_text(res.spoken_seconds)}", style="bold")
        clock.append(" as said\n")
        clock.append_text(_band_bar(res.spoken_seconds))
        self.query_one("#rehearse-clock", Static).update(clock)
        draft = Text("Your draft\n", style="bold")
        draft.append(self.text.strip())
        self.query_one("#rehearse-points", Static).update(draft)

    # ---- rounds -------------------------------------------------------------------------

    def action_start_pause(self) -> None:
        self.reading.toggle()
        self.tick()

    def action_pace(self, step: int) -> None:
        self.reading.set_pace(step_pace(self.reading.pace, step))
        self.tick()

    def action_next(self) -> None:
        """On to round two: the draft is hidden and the answer typed from memory."""
        self.keep_progress()
        self.stage = "recall"
        self._title("Round 2 of 2: from memory")
        self.query_one(ContentSwitcher).current = "recall"
        self._draw_points(show=False)
        self._draw_recall_clock()
        area = self.query_one("#recall", TextArea)
        area.focus()
        self.refresh_bindings()

    def _keep_reading(self) -> None:
        if self._read_kept or self.reading.elapsed <= 0:
            return  # never started: nothing to record
        self._read_kept = True
        self._on_round(
            record(
                "read",
                self.draft_title,
                self.reading.elapsed,
                self.reading.pace,
                len(self.points),
                score=self.draft_score,
            )
        )

    @on(TextArea.Changed, "#recall")
    def _typing(self, event: TextArea.Changed) -> None:
        if event.text_area.text.strip():
            self.stopwatch.start()

    def action_done(self) -> None:
        said = self.query_one("#recall", TextArea).text
        if not said.strip():
            self.notify("Type what you would say first; escape goes back to the draft.")
            return
        self.stopwatch.stop()
        self.stage = "result"
        self.result = None
        self.query_one(ContentSwitcher).current = "result"
        self._draw_result()
        self.refresh_bindings()
        self._judge(said, self.stopwatch.elapsed)

    @work(thread=True, exclusive=True, group="rehearse", exit_on_error=False)
    def _judge(self, said: str, typed: float) -> None:
        """Scoring what was said runs every scorer, installed ones too: off the UI thread."""
        score = self._score(said)
        result = judge_recall(self.points, said, self.reading.pace, typed, score, self.draft_score)
        if self.is_attached:
            self.app.call_from_thread(self._judged, result)

    def _judged(self, result: RecallResult) -> None:
        self.result = result
        self._on_round(
            record(
                "recall",
                self.draft_title,
                result.typed_seconds,
                self.reading.pace,
                len(result.points),
                kept=result.kept,
                score=result.score,
            )
        )
        if self.is_attached:
            self._draw_result()

    def action_again(self) -> None:
        """Another go from memory; reading the draft once more is space away on round one."""
        self.reading = ReadAloud(self.text, self.clock, self.reading.pace)
        self._read_kept = False
        self.stopwatch = Stopwatch(self.clock)
        self.result = None
        self.query_one("#recall", TextArea).load_text("")
        self.stage = "read"
        self.query_one(ContentSwitcher).current = "read"
        self.refresh_bindings()
        self.tick()

    def action_keep(self) -> None:
        said = self.query_one("#recall", TextArea).text
        if said.strip():
            self._on_keep(said)
            self.notify("Kept what you said as a new draft; the draft you rehearsed is kept too.")

    def action_cue_card(self) -> None:
        self._on_cue_card()

    def keep_progress(self) -> None:
        """Record the reading round as far as it got (leaving, or the app closing)."""
        self.reading.pause()
        self._keep_reading()

    def action_leave(self) -> None:
        self.keep_progress()
        self.dismiss(None)


def _band_bar(seconds: float) -> Text:
    """The time on a two-minute bar, the 60-90 s band marked: green inside it."""
    low, high = BAND
    out = Text()
    filled = round(min(seconds, BAR_SECONDS) / BAR_SECONDS * BAR_WIDTH)
    start, end = (round(x / BAR_SECONDS * BAR_WIDTH) for x in (low, high))
    style = "green" if low <= seconds <= high else "yellow" if seconds < low else "red"
    for i in range(BAR_WIDTH):
        in_band = start <= i < end
        if i < filled:
            out.append("█", style=style)
        else:
            out.append("▒" if in_band else "░", style="dim")
    out.append(f" {low:g}–{high:g} s", style="dim")
    return out


def _score_text(score: float | None) -> Text:
    if score is None:
        return Text("–", style="dim")
    return Text(f"{score:.0f}", style=f"bold {score_style(score)}")


def _cut(text: str, most: int = 14) -> str:
    words = text.split()
    return " ".join(words[:most]) + ("…" if len(words) > most else "")
