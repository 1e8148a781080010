"""What a scorer is and what it is given. Plugin authors subclass `Scorer`."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from pydantic import BaseModel

    from .models import Finding, Profile, ScoreResult
    from .scorers.analysis import Analysis


class Scorer:
    """One dimension of feedback on a draft.

    Subclasses set `id` (letters, digits, `-` and `_`; the key of `[plugins.<id>]` and of
    `weights`), a `title`, and implement `score`. `settings_model`, when set, is a pydantic
    model that validates the profile's `[plugins.<id>]` table; the instance is passed in
    `ScoreContext.settings`.
    """

    id: ClassVar[str] = ""
    title: ClassVar[str] = ""
    description: ClassVar[str] = ""
    weight: ClassVar[float] = 1.0
    settings_model: ClassVar[type[BaseModel] | None] = None

    def score(self, ctx: ScoreContext) -> ScoreResult | dict[str, Any]:
        raise NotImplementedError


@dataclass
class ScoreContext:
    """Everything a scorer may look at. New fields are only ever added, never removed."""

    text: str
    profile: Profile
    settings: Any = None
    _shared: SharedAnalysis | None = field(default=None, repr=False)

    @cached_property
    def analysis(self) -> Analysis:
        """Tokens, sentences and pitfall hits, computed once per draft for all scorers."""
        if self._shared is None:
            self._shared = SharedAnalysis(self.text, self.profile)
        return self._shared.analysis


class SharedAnalysis:
    """Lazily builds the text analysis the first time any scorer asks for it."""

    def __init__(self, text: str, profile: Profile) -> None:
        self.text = text
        self.profile = profile

    @cached_property
    def analysis(self) -> Analysis:
        from .scorers.analysis import Analysis

        return Analysis(self.text, self.profile)


def finding(
    start: int,
    end: int,
    severity: str,
    message: str,
    suggestion: str | None = None,
    kind: str | None = None,
    rule: str | None = None,
) -> Finding:
    """A shorthand for building a `Finding`."""
    from .models import Finding

    return Finding(
        start=start,
        end=end,
        severity=severity,  # type: ignore[arg-type]
        message=message,
        suggestion=suggestion,
        kind=kind,
        rule=rule,
    )
