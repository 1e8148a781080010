"""What a scorer is and what it is given. Plugin authors subclass `Scorer`."""

from __future__ import annotations

import dataclasses
import typing
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
    `weights`), a `title`, and implement `score`. `settings_model`, when set, validates the
    profile's `[plugins.<id>]` table; the instance is passed in `ScoreContext.settings`.
    It is a plain dataclass (cheapest: with no table in the profile it is built from its
    defaults, and pydantic is never imported) or a pydantic model.
    """

    id: ClassVar[str] = ""
    title: ClassVar[str] = ""
    description: ClassVar[str] = ""
    weight: ClassVar[float] = 1.0
    settings_model: ClassVar[type[BaseModel] | type[Any] | None] = None

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


def validate_settings(model: type[Any], table: dict[str, Any]) -> Any:
    """A scorer's settings from its `[plugins.<id>]` table. A dataclass model is validated
    by pydantic as the profile is (set `__pydantic_config__ = {"extra": "forbid"}` to refuse
    unknown keys; checks in `__post_init__` run too), and with no table it is simply its
    defaults: importing pydantic for nothing would cost more than the scoring."""
    if dataclasses.is_dataclass(model):
        if not table:
            return model()
        from pydantic import TypeAdapter

        return TypeAdapter(model).validate_python(table)
    return model.model_validate(table)


class SettingInfo(typing.NamedTuple):
    name: str
    type: str
    default: Any
    description: str


def settings_fields(model: type[Any]) -> list[SettingInfo]:
    """Each setting of a settings model (dataclass or pydantic): name, type, default and
    description (a dataclass field's `metadata={"description": ...}`)."""
    if dataclasses.is_dataclass(model):
        hints = typing.get_type_hints(model)
        out = []
        for f in dataclasses.fields(model):
            if f.default is not dataclasses.MISSING:
                default = f.default
            elif f.default_factory is not dataclasses.MISSING:
                default = f.default_factory()
            else:
                default = None
            kind = hints.get(f.name, f.type)
            out.append(
                SettingInfo(
                    f.name,
                    getattr(kind, "__name__", str(kind)),
                    default,
                    str(f.metadata.get("description", "")),
                )
            )
        return out
    rows = []
    for name, info in model.model_fields.items():
        default = None if info.is_required() else info.get_default(call_default_factory=True)
        kind = info.annotation
        rows.append(
            SettingInfo(name, getattr(kind, "__name__", str(kind)), default, info.description or "")
        )
    return rows
