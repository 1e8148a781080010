"""The data Aspire keeps and exchanges: profiles (one per role applied for) and scoring results.

These are plain dataclasses so that scoring from the shell starts fast. Profiles read from
disk are validated with pydantic (see `storage`), which forbids unknown keys: a misspelt key
is reported, never silently dropped and lost on the next save. Results check themselves
when built, so a scorer's mistake is caught by the host before anyone sees it.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar, Literal

SCHEMA_VERSION = 1

CareerStage = Literal["entry", "mid", "senior", "executive", "changer"]
CAREER_STAGES: tuple[str, ...] = ("entry", "mid", "senior", "executive", "changer")

Severity = Literal["info", "suggestion", "warning", "error"]
SEVERITIES: tuple[str, ...] = ("info", "suggestion", "warning", "error")

#: The phrasings of the question an interviewer uses (DOMAIN: "The question and its disguises").
QUESTIONS: tuple[str, ...] = (
    "What are your career aspirations?",
    "Where do you see yourself five years from now?",
    "What are you hoping to get out of this role?",
    "Do you think this position fits your professional goals? How?",
)

#: pydantic reads this when validating the dataclasses below: unknown keys are errors.
_STRICT: dict[str, Any] = {"extra": "forbid"}


@dataclass(kw_only=True)
class Research:
    """What the candidate learnt about the company and the job (coach's steps 1 and 2)."""

    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT

    culture: str = ""
    short_term_plans: str = ""
    long_term_plans: str = ""
    job_description: str = ""
    notes: str = ""


@dataclass(kw_only=True)
class Reflection:
    """The candidate's answers to the coach's self-reflection questions."""

    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT

    strengths: str = ""
    enjoy: str = ""
    avoid: str = ""
    work_style: str = ""
    success: str = ""
    motivators: str = ""
    values: str = ""


@dataclass(kw_only=True)
class Draft:
    """One written answer; a profile keeps several so progress can be compared."""

    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT

    title: str = "Draft"
    text: str = ""
    updated: datetime | None = None
    question: str | None = None


@dataclass(kw_only=True)
class PluginsConfig:
    """`[plugins]`: which scorers run for this role, their weights, and in `settings` the
    `[plugins.<id>]` tables (kept apart here, written back as sub-tables)."""

    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT

    disabled: list[str] = field(default_factory=list)
    weights: dict[str, float] = field(default_factory=dict)
    settings: dict[str, dict[str, Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name, weight in self.weights.items():
            if weight < 0:
                raise ValueError(f"plugins.weights.{name} must be 0 or more, got {weight}")

    def settings_for(self, scorer_id: str) -> dict[str, Any]:
        """The `[plugins.<id>]` table of one scorer, empty when the profile has none."""
        return dict(self.settings.get(scorer_id, {}))


@dataclass(kw_only=True)
class Profile:
    """One role applied for: the research, the reflection and the drafts answering the question."""

    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT

    schema_version: Literal[1] = 1
    role: str
    company: str = ""
    career_stage: CareerStage
    question: str | None = None
    research: Research = field(default_factory=Research)
    reflection: Reflection = field(default_factory=Reflection)
    drafts: list[Draft] = field(default_factory=list)
    plugins: PluginsConfig = field(default_factory=PluginsConfig)

    def __post_init__(self) -> None:
        if not self.role.strip():
            raise ValueError("role must not be blank")
        if self.career_stage not in CAREER_STAGES:
            raise ValueError(
                f"career_stage {self.career_stage!r} is not one of {', '.join(CAREER_STAGES)}"
            )

    def latest_draft(self) -> Draft | None:
        """The draft the user worked on last (the last one when none has a date)."""
        if not self.drafts:
            return None
        dated = [d for d in self.drafts if d.updated is not None]
        if not dated:
            return self.drafts[-1]
        return max(dated, key=lambda d: d.updated or datetime.min)


class InvalidResult(ValueError):
    """A scorer returned something that is not a valid result."""


@dataclass(frozen=True)
class Finding:
    """A remark about one span of the draft: `[start, end)` are Python str indices.

    `start == end` marks a remark about the answer as a whole (no phrase to highlight).
    """

    start: int
    end: int
    severity: Severity
    message: str
    suggestion: str | None = None
    kind: str | None = None
    rule: str | None = None  # the knowledge rule that raised it, for built-in findings

    def __post_init__(self) -> None:
        for name in ("start", "end"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise InvalidResult(f"{name} must be an int >= 0, got {value!r}")
        if self.start > self.end:
            raise InvalidResult(f"start {self.start} is after end {self.end}")
        if self.severity not in SEVERITIES:
            raise InvalidResult(f"severity {self.severity!r} is not one of {', '.join(SEVERITIES)}")
        if not isinstance(self.message, str) or not self.message.strip():
            raise InvalidResult("message must be a non-empty string")
        if self.suggestion is not None and not isinstance(self.suggestion, str):
            raise InvalidResult("suggestion must be a string or None")

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "severity": self.severity,
            "message": self.message,
            "suggestion": self.suggestion,
            "kind": self.kind,
            "rule": self.rule,
        }


@dataclass(frozen=True)
class ScoreResult:
    """What one scorer says about a draft: a score 0-100, a one-line summary, findings."""

    score: float
    summary: str
    findings: Sequence[Finding] = ()

    def __post_init__(self) -> None:
        if isinstance(self.score, bool) or not isinstance(self.score, int | float):
            raise InvalidResult(f"score must be a number, got {self.score!r}")
        if not 0 <= self.score <= 100:
            raise InvalidResult(f"score {self.score} is outside 0-100")
        if not isinstance(self.summary, str) or not self.summary.strip():
            raise InvalidResult("summary must be a non-empty string")
        if "\n" in self.summary or "\r" in self.summary:
            raise InvalidResult("summary must be one line")
        object.__setattr__(self, "findings", tuple(self.findings))
        for i, f in enumerate(self.findings):
            if not isinstance(f, Finding):
                raise InvalidResult(f"findings[{i}] is not a Finding")

    @classmethod
    def coerce(cls, value: Any) -> "ScoreResult":
        """A `ScoreResult` from what a scorer returned: the object itself or a mapping."""
        if isinstance(value, ScoreResult):
            return value
        if not isinstance(value, Mapping):
            raise InvalidResult(f"expected a ScoreResult or a mapping, got {type(value).__name__}")
        unknown = set(value) - {"score", "summary", "findings"}
        if unknown:
            raise InvalidResult(f"unknown key {sorted(unknown)[0]!r}")
        for key in ("score", "summary"):
            if key not in value:
                raise InvalidResult(f"{key} is missing")
        findings = []
        for i, f in enumerate(value.get("findings") or ()):
            if isinstance(f, Finding):
                findings.append(f)
                continue
            if not isinstance(f, Mapping):
                raise InvalidResult(f"findings[{i}] is not a mapping")
            try:
                findings.append(Finding(**f))
            except TypeError as exc:
                raise InvalidResult(f"findings[{i}]: {exc}") from None
            except InvalidResult as exc:
                raise InvalidResult(f"findings[{i}]: {exc}") from None
        return cls(score=value["score"], summary=value["summary"], findings=tuple(findings))
