"""Talking points: the job's requirements against your strengths and your draft."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from ....models import Profile
from ....talking import talking_points


class TalkingPane(VerticalScroll):
    def compose(self) -> ComposeResult:
        yield Static(
            "Your strengths set against what the job asks for. Link the aspiration to the "
            "tasks you can already speak to; the ones not yet in your draft are options.",
            classes="pane-intro",
        )
        yield Static("", id="points")

    def refresh_points(self, profile: Profile, draft: str) -> None:
        points = talking_points(profile, draft)
        out = Text()
        if not points:
            out.append("Paste the job description in Research to see talking points.", "dim")
        for heading, task in (("The job's tasks", True), ("What it asks you to bring", False)):
            group = [p for p in points if p.task is task]
            if not group:
                continue
            out.append(f"{heading}\n", style="bold")
            for p in group:
                out.append("✔ " if p.in_draft else "☐ ", style="green" if p.in_draft else "dim")
                out.append(f"{p.requirement}\n")
                if p.strength:
                    out.append(f"    from your notes: {p.strength}\n", style="cyan")
                else:
                    out.append("    no strength of yours noted for this yet\n", style="dim")
                out.append(
                    "    in your draft\n" if p.in_draft else "    not yet in your draft\n",
                    style="green" if p.in_draft else "dim",
                )
            out.append("\n")
        self.query_one("#points", Static).update(out)
