"""The hooks a scoring plugin implements. Built-in scorers use exactly these too.

Hooks may gain arguments in later versions; pluggy passes an implementation only the
arguments it names, so an implementation written today keeps working.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from .scorer import Scorer

PROJECT = "aspire_tui"
ENTRY_POINT_GROUP = "aspire_tui.scorers"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def aspire_scorers() -> list[Scorer]:  # type: ignore[empty-body]
    """Return the scorers this plugin provides (usually one).

    Keep this cheap: it runs at start-up. Import heavy libraries inside `Scorer.score`.
    Importing the plugin and this call are each given `plugins.LOAD_LIMIT` seconds; past
    that Aspire starts without the plugin and lists it as hung.
    """


@hookspec
def aspire_vocabulary() -> dict[str, list[str]]:  # type: ignore[empty-body]
    """Return phrases to add to the coach's concepts, by concept name: a field's titles
    (`{"rung_manager": ["practice manager"]}`), another variant of English, more words
    for pay. No code: each phrase is a pattern in the knowledge files' syntax (see
    CONTRIBUTING.md). An unknown concept or a bad pattern is reported against the plugin.
    """


@hookspec
def aspire_key_points() -> dict[str, dict[str, object]]:  # type: ignore[empty-body]
    """Return kinds of key point to look for in a draft, besides the built-in aim, nearer
    goal, tie to the job and growing here: `{"mentoring": {"label": "Mentoring others",
    "phrases": ["mentor\\w*", "coach(?:ing)? (?:new|junior) \\w+"]}}`. A sentence holding
    one of the phrases (in the knowledge files' syntax) becomes a key point of that kind
    when no built-in kind claims it; Rehearse and the cue card show it by its label.
    """
