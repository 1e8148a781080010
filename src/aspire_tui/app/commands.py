"""Command-palette commands for every action of the app."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

if TYPE_CHECKING:
    from .app import AspireApp

#: (title, action, help): what the palette offers; every binding's action is among them.
COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("Help", "help", "Keys, what each pane is for, and how to remap keys"),
    ("Show Reflect", "show_tab('reflect')", "The coach's self-reflection questions"),
    ("Show Research", "show_tab('research')", "Culture, plans and the job description"),
    ("Show Draft", "show_tab('draft')", "Your answer with live feedback"),
    ("Show Talking points", "show_tab('talking')", "The job's needs against your strengths"),
    ("Profiles", "profiles", "Open, create, duplicate, rename or delete a profile"),
    ("Edit profile details", "edit_profile", "Role, company, career stage and the question"),
    ("New draft", "new_draft", "Start a fresh draft; earlier ones are kept"),
    ("Duplicate draft", "duplicate_draft", "A new draft that starts as a copy of this one"),
    ("Rename draft", "rename_draft", "Give this draft a title of its own"),
    ("Delete draft", "delete_draft", "Delete this draft, after asking (never the last one)"),
    ("Previous draft", "previous_draft", "Edit the draft before this one"),
    ("Next draft", "next_draft", "Edit the draft after this one"),
    ("Go to findings", "findings", "Move to the list of findings"),
    ("Choose the question", "choose_question", "Which phrasing of the question you practise"),
    ("Rehearse", "rehearse", "Read the draft aloud at your pace, then say it from memory"),
    ("Export cue card as Markdown", "export_cue('md')", "The draft's key points on one card"),
    ("Export cue card as text", "export_cue('txt')", "The draft's key points on one card"),
    ("Export draft as Markdown", "export('md')", "Write it to a file and copy it"),
    ("Export draft as text", "export('txt')", "Write it to a file and copy it"),
    ("Save now", "save", "Autosave runs anyway; this saves at once"),
    ("Quit", "quit", "Save and leave"),
)


class AspireCommands(Provider):
    """Every command by name, with the key that runs it beside it (as posting shows them),
    so the palette also teaches the keys."""

    async def discover(self) -> Hits:
        for title, action, help_text in COMMANDS:
            yield DiscoveryHit(
                self._with_key(Content(title), action),
                partial(self._run, action),
                text=title,
                help=help_text,
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, action, help_text in COMMANDS:
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score,
                    self._with_key(matcher.highlight(title), action),
                    partial(self._run, action),
                    text=title,
                    help=help_text,
                )

    def _with_key(self, title: Content, action: str) -> Content:
        app: AspireApp = self.app  # type: ignore[assignment]
        key = app.key_for_action(action)
        return Content.assemble(title, "  ", (key, "$text-accent")) if key else title

    async def _run(self, action: str) -> None:
        app: AspireApp = self.app  # type: ignore[assignment]
        await app.run_action(action)
