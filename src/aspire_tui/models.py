"""The data Aspire keeps and exchanges: profiles (one per role applied for) and scoring results.

The profile keys are a contract other tools rely on, so every model forbids unknown keys:
a misspelt key is reported, never silently dropped and lost on the next save.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

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


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Research(_Strict):
    """What the candidate learnt about the company and the job (coach's steps 1 and 2)."""

    culture: str = ""
    short_term_plans: str = ""
    long_term_plans: str = ""
    job_description: str = ""
    notes: str = ""


class Reflection(_Strict):
    """The candidate's answers to the coach's self-reflection questions."""

    strengths: str = ""
    enjoy: str = ""
    avoid: str = ""
    work_style: str = ""
    success: str = ""
    motivators: str = ""
    values: str = ""


class Draft(_Strict):
    """One written answer; a profile keeps several so progress can be compared."""

    title: str = "Draft"
    text: str = ""
    updated: datetime | None = None
    question: str | None = None


class PluginsConfig(BaseModel):
    """`[plugins]`: which scorers run for this role, their weights and their settings tables."""

    model_config = ConfigDict(extra="allow")
    __pydantic_extra__: dict[str, dict[str, Any]] = Field(init=False)

    disabled: list[str] = Field(default_factory=list)
    weights: dict[str, float] = Field(default_factory=dict)

    @field_validator("weights")
    @classmethod
    def _non_negative(cls, value: dict[str, float]) -> dict[str, float]:
        for name, weight in value.items():
            if weight < 0:
                raise ValueError(f"weight of {name!r} must be 0 or more, got {weight}")
        return value

    def settings_for(self, scorer_id: str) -> dict[str, Any]:
        """The `[plugins.<id>]` table of one scorer, empty when the profile has none."""
        extra = self.__pydantic_extra__ or {}
        return dict(extra.get(scorer_id, {}))


class Profile(_Strict):
    """One role applied for: the research, the reflection and the drafts answering the question."""

    schema_version: Literal[1] = 1
    role: str = Field(min_length=1)
    company: str = ""
    career_stage: CareerStage
    question: str | None = None
    research: Research = Field(default_factory=Research)
    reflection: Reflection = Field(default_factory=Reflection)
    drafts: list[Draft] = Field(default_factory=list)
    plugins: PluginsConfig = Field(default_factory=PluginsConfig)

    @field_validator("role")
    @classmethod
    def _role_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("role must not be blank")
        return value

    def latest_draft(self) -> Draft | None:
        """The draft the user worked on last (the last one when none has a date)."""
        if not self.drafts:
            return None
        dated = [d for d in self.drafts if d.updated is not None]
        if not dated:
            return self.drafts[-1]
        return max(dated, key=lambda d: d.updated or datetime.min)


class Finding(BaseModel):
    """A remark about one span of the draft: `[start, end)` are Python str indices."""

    model_config = ConfigDict(extra="forbid")

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    severity: Severity
    message: str = Field(min_length=1)
    suggestion: str | None = None
    kind: str | None = None


class ScoreResult(BaseModel):
    """What one scorer says about a draft. The host validates it before anyone sees it."""

    model_config = ConfigDict(extra="forbid")

    score: float = Field(ge=0, le=100)
    summary: str = Field(min_length=1)
    findings: list[Finding] = Field(default_factory=list)

    @field_validator("summary")
    @classmethod
    def _one_line(cls, value: str) -> str:
        if "\n" in value or "\r" in value:
            raise ValueError("summary must be one line")
        return value
