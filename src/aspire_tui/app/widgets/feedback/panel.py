"""The Feedback panel: the overall score, a bar per scorer, the findings, length, the
coach's preparation checklist and how the score moved across drafts."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ....engine import Report, ScorerScore
from ....models import Finding
from ....wording import plural

BAR = 16
#: The bar of each draft's overall score across drafts.
HISTORY_BAR = 10
HISTORY_TITLE = 12
SEVERITY_MARK = {
    "error": ("✖", "bold red"),
    "warning": ("▲", "yellow"),
    "suggestion": ("●", "cyan"),
    "info": ("·", "dim"),
}
ORDER = {"error": 0, "warning": 1, "suggestion": 2, "info": 3}


def bar(score: float, width: int = BAR) -> str:
    filled = round(max(0.0, min(100.0, score)) / 100 * width)
    return "█" * filled + "░" * (width - filled)


def _shape(plain: str) -> list[int]:
    return [len(line) for line in plain.split("\n")]


def score_style(score: float) -> str:
    return "green" if score >= 70 else "yellow" if score >= 45 else "red"


@dataclass(frozen=True)
class Located:
    """A finding with the scorer that made it and the phrase it points at; `also` holds
    what other scorers said of the very same words, listed once under all their names."""

    plugin: str
    finding: Finding
    phrase: str
    also: tuple[tuple[str, Finding], ...] = ()

    @property
    def sources(self) -> tuple[str, ...]:
        return (self.plugin, *(plugin for plugin, _ in self.also))


def merge_same_words(located: list[Located]) -> list[Located]:
    """One entry per span of words that several scorers flag ("passionate about" is both
    a buzzword and a cliché): the first (most severe) keeps its place and message, and
    names the others. A remark on the whole answer has no words to share; two findings
    of one scorer on the same words stay apart, as they are different rules."""
    merged: list[Located] = []
    at: dict[tuple[int, int], int] = {}
    for x in located:
        f = x.finding
        span = (f.start, f.end)
        i = at.get(span) if f.start < f.end else None
        if i is not None and x.plugin not in merged[i].sources:
            first = merged[i]
            merged[i] = dataclasses.replace(first, also=(*first.also, (x.plugin, f)))
            continue
        if i is None and f.start < f.end:
            at[span] = len(merged)
        merged.append(x)
    return merged


class FeedbackPanel(VerticalScroll):
    """Shows a `Report`; choosing a finding posts `FindingChosen`."""

    class FindingChosen(Message):
        def __init__(self, located: Located) -> None:
            super().__init__()
            self.located = located

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._located: list[Located] = []
        self._shown: dict[str, object] = {}  # what each part shows, to skip needless redraws
        self._later: dict[str, object] = {}  # what waits for the lower part to be built
        self._ready = False

    @property
    def ready(self) -> bool:
        """True once every part is built (the findings list comes just after the first frame)."""
        return self._ready

    def compose(self) -> ComposeResult:
        # The scores come first; the findings list and the rest are built just after the
        # first frame, so the app opens with its scores on screen sooner.
        yield Static("Scoring…", id="overall")
        yield Static("", id="bars")

    def on_mount(self) -> None:
        self.call_after_refresh(self._build_rest)

    def _build_rest(self) -> None:
        self.mount_all(
            [
                Static("Findings", classes="section-title"),
                OptionList(id="findings"),
                Static("", id="checklist"),
                Static("", id="history"),
            ]
        )
        self.call_after_refresh(self._catch_up)

    def _catch_up(self) -> None:
        self._ready = True
        later, self._later = self._later, {}
        for selector, content in later.items():
            if selector == "findings":
                self._show_findings(*content)  # type: ignore[misc]
            else:
                self._update(selector, content)  # type: ignore[arg-type]

    def show(self, report: Report, text: str, status: dict[str, str]) -> None:
        """Show a report. `status` maps a scorer id to 'scoring', 'slow' or ''."""
        minutes, seconds = divmod(report.speaking_seconds, 60)
        spoken = f"{minutes} min {seconds} s" if minutes else f"{seconds} s"
        overall = Text.assemble(
            ("Overall ", "bold"),
            (f"{report.overall:5.1f} ", f"bold {score_style(report.overall)}"),
            (bar(report.overall), score_style(report.overall)),
            f"\n{plural(report.words, 'word')} · about {spoken} spoken",
        )
        for cap in report.caps:
            overall.append(f"\ncapped: {cap}", style="dim")
        self._update("#overall", overall)
        self.show_status(report, status)
        self._show_findings(report.scores, text)

    def show_status(self, report: Report, status: dict[str, str]) -> None:
        """Only the bars: used while a slow scorer runs."""
        self._update("#bars", self._bars(report, status))

    def _update(self, selector: str, content: Text) -> None:
        if not self._ready and selector not in ("#overall", "#bars"):
            self._later[selector] = content
            return
        key = (content.plain, tuple(content.spans))
        previous = self._shown.get(selector)
        if previous == key:
            return
        self._shown[selector] = key
        # Same line lengths: the size cannot change, so skip the costly layout pass.
        same_shape = isinstance(previous, tuple) and _shape(previous[0]) == _shape(content.plain)
        self.query_one(selector, Static).update(content, layout=not same_shape)

    def _bars(self, report: Report, status: dict[str, str]) -> Text:
        out = Text()
        for s in report.scores:
            state = status.get(s.plugin, "")
            out.append(f"{s.title:<12}", style="bold")
            out.append(f"{s.score:5.1f} ", style=score_style(s.score))
            out.append(bar(s.score, 10), style=score_style(s.score))
            # A fixed-width slot, so "slow…" coming and going never changes the layout.
            out.append(f"  {state + '…' if state else '':<9}", style="italic dim")
            out.append(f"\n  {s.summary}\n", style="dim")
        for e in report.errors:
            out.append(f"{e.plugin:<12}", style="bold")
            out.append(" failed", style="bold red")
            out.append(f"\n  {e.message}\n", style="red")
        for plugin, state in status.items():
            if state and not any(s.plugin == plugin for s in report.scores):
                out.append(f"{plugin:<12}", style="bold")
                out.append(f" {state}…\n\n", style="italic dim")
        return out

    def _show_findings(self, scores: list[ScorerScore], text: str) -> None:
        if not self._ready:
            self._later["findings"] = (scores, text)
            return
        located = [
            Located(s.plugin, f, " ".join(text[f.start : f.end].split()))
            for s in scores
            for f in s.findings
        ]
        located.sort(key=lambda x: (ORDER[x.finding.severity], x.finding.start))
        located = merge_same_words(located)
        self._located = located
        # Typing moves offsets but rarely changes what the list says: keep what is the same.
        signature = [(x.sources, x.finding.severity, x.finding.message, x.phrase) for x in located]
        previous = self._shown.get("findings")
        if previous == signature:
            return
        self._shown["findings"] = signature
        options = self.query_one("#findings", OptionList)
        if isinstance(previous, list) and len(previous) == len(signature) and located:
            for i, (old, new) in enumerate(zip(previous, signature, strict=True)):
                if old != new:
                    options.replace_option_prompt_at_index(i, self._prompt(located[i]))
            return
        highlighted = options.highlighted
        options.clear_options()
        if not located:
            options.add_option(
                Option(Text("No findings: nothing to fix here.", style="dim"), disabled=True)
            )
            return
        options.add_options([Option(self._prompt(x), id=str(i)) for i, x in enumerate(located)])
        if highlighted is not None and highlighted < len(located):
            options.highlighted = highlighted

    @staticmethod
    def _prompt(x: Located) -> Text:
        mark, style = SEVERITY_MARK[x.finding.severity]
        out = Text()
        out.append(f"{mark} {x.finding.severity}", style=style)
        out.append(f"  {' · '.join(x.sources)}\n", style="dim")
        if x.phrase:
            phrase = x.phrase if len(x.phrase) <= 70 else x.phrase[:69] + "…"
            out.append(f"“{phrase}”\n", style="italic")
        out.append(x.finding.message)
        suggestions = [x.finding.suggestion, *(f.suggestion for _, f in x.also)]
        for suggestion in dict.fromkeys(s for s in suggestions if s):
            out.append(f"\n→ {suggestion}", style="dim")
        return out

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.FindingChosen(self._located[int(event.option.id)]))

    def show_checklist(self, steps: list[tuple[str, bool]]) -> None:
        out = Text("Preparation\n", style="bold")
        for label, done in steps:
            out.append("✔ " if done else "☐ ", style="green" if done else "dim")
            out.append(f"{label}\n", style="" if done else "dim")
        self._update("#checklist", out)

    def show_history(
        self,
        scores: list[tuple[str, float | None]],
        current: int,
        recalled: str = "",
        rehearse_key: str = "",
    ) -> None:
        """Each draft's overall score, with a bar once there are two to compare. The bars
        run from 0 to 100, as every bar here does: 90 against 94 is two nearly full bars,
        not an empty one against a full one. `recalled` is the open draft's rehearsals:
        key points kept from memory, round by round; before the first, `rehearse_key`
        says how to start."""
        out = Text("Across drafts", style="bold")
        compare = len(scores) > 1
        if compare:
            out.append("  (bars 0–100)", style="dim")
        out.append("\n")
        # Long titles are cut, so a bar fits on its line even in the narrow panel.
        titles = [t if len(t) <= HISTORY_TITLE else t[: HISTORY_TITLE - 1] + "…" for t, _ in scores]
        width = max(map(len, titles), default=0)
        for i, ((_, score), title) in enumerate(zip(scores, titles, strict=True)):
            value = "…" if score is None else f"{score:.0f}"
            style = "bold" if i == current else ""
            if not compare:
                out.append(f"{'▶' if i == current else ' '} {title}: {value}\n", style=style)
                continue
            out.append(f"{'▶' if i == current else ' '} {title:<{width}} {value:>3} ", style=style)
            out.append(bar(score or 0.0, HISTORY_BAR) if score is not None else "", "cyan")
            out.append("\n")
        if recalled:
            out.append("Rehearsed from memory ", style="bold")
            out.append("(points kept)\n", style="dim")
            out.append(f"  {recalled}\n")
        elif rehearse_key:
            out.append(f"{rehearse_key}", style="bold")
            out.append(" rehearse: say it aloud, then from memory\n", style="dim")
        self._update("#history", out)
