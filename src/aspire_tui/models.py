"""The data Aspire keeps and exchanges: profiles (one per role applied for) and scoring results.

These are plain dataclasses so that scoring from the shell starts fast. Profiles read from
disk are validated with pydantic (see `storage`), which forbids unknown keys: a misspelt key
is reported, never silently dropped and lost on the next save. Results check themselves
when built, so a scorer's mistake is caught by the host before anyone sees it.

Each profile field that can hold a bad value (a blank role, a NaN weight, a date written
as a string) has one check function. pydantic runs it as the field's only validator (see
`_Check`) and `__post_init__` runs it again, so a profile built without pydantic (by the
validation cache in `storage`, by the CLI or by the app) ends up with exactly the same
values, or the same error, as one pydantic validated.
"""

import math
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Annotated, Any, ClassVar, Literal

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

#: A job title or a company name is a few words; anything longer is pasted by mistake.
MAX_NAME_CHARS = 150
#: Weights are relative (1 each by default); a cap keeps the weighted mean finite.
MAX_WEIGHT = 100.0
#: The longest date-time text worth parsing (`2026-01-01T10:00:00.000000+00:00` is 32).
_MAX_DATE_CHARS = 40


class _Check:
    """pydantic metadata for a field: `check` alone validates and converts its value.

    It replaces pydantic's own conversion, which would differ from what a profile built
    without pydantic gets (a date string parsed once, kept as a string the next time).
    pydantic is imported only while a profile is validated, never when this module is.
    """

    __slots__ = ("check",)

    def __init__(self, check: Callable[[Any], Any]) -> None:
        self.check = check

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_plain_validator_function(self.check)


def _shown(value: object, limit: int = 40) -> str:
    """A value quoted for a one-line message: control characters escaped, long ones cut."""
    if isinstance(value, bool):
        return str(value).lower()  # as TOML writes it
    if isinstance(value, int) and value.bit_length() > 128:
        return "a number far too large"  # str() of a huge int is slow, or refused
    text = repr(value)
    return text if len(text) <= limit else f"{text[: limit - 3]}..."


def _text(value: object, example: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"must be text in quotes, such as {example}; got {_shown(value)}")
    return value


def one_line_problem(value: str, limit: int = MAX_NAME_CHARS) -> str | None:
    """Why `value` cannot be a one-line name (a role or a company), or None.

    Control characters (NUL, tabs, newlines, escapes) would break the one-line listings
    and file names built from the name; lone surrogates come from bytes that are not UTF-8
    and cannot be saved at all.
    """
    for i, char in enumerate(value):
        kind = unicodedata.category(char)
        if kind == "Cs":
            return "is not valid UTF-8 text; retype it, or check your terminal's encoding"
        if kind in ("Cc", "Zl", "Zp"):
            return (
                f"contains a control character ({_shown(char)} at position {i + 1}); "
                "write it as plain text on one line"
            )
    if len(value) > limit:
        return f"is {len(value)} characters long; keep it to {limit} or fewer"
    return None


def check_role(value: object) -> str:
    """The role applied for: a job title on one line, never blank."""
    role = _text(value, '"Support Team Lead"')
    if not role.strip():
        raise ValueError('must not be blank; give the job title, such as "Support Team Lead"')
    problem = one_line_problem(role)
    if problem:
        raise ValueError(problem)
    return role


def check_company(value: object) -> str:
    """The company's name on one line; empty when the candidate has not named one."""
    company = _text(value, '"Brightwell Energy"')
    problem = one_line_problem(company)
    if problem:
        raise ValueError(problem)
    return company


def _schema_version(value: object) -> Literal[1]:
    # `true` and `1.0` equal 1 in Python, but would be written back as they are.
    if type(value) is int and value == SCHEMA_VERSION:
        return 1
    if type(value) is int and SCHEMA_VERSION < value < 1000:
        raise ValueError(
            f"this profile is format {value}, newer than this Aspire reads "
            f"({SCHEMA_VERSION}); upgrade Aspire"
        )
    raise ValueError(f"must be {SCHEMA_VERSION}; got {_shown(value)}")


def check_weight(value: object) -> float:
    """A scorer's weight in the overall score: a finite number from 0 to `MAX_WEIGHT`.

    NaN would make every overall score NaN, and huge weights overflow the weighted mean to
    infinity; an int is kept as a float so both ways of building a profile agree.
    """
    hint = f"must be a finite number between 0 and {MAX_WEIGHT:g}, such as 1 or 2.5"
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{hint}; got {_shown(value)}")
    try:
        weight = float(value)
    except OverflowError:  # an int too large for a float
        raise ValueError(f"{hint}; got {_shown(value)}") from None
    if not math.isfinite(weight) or not 0 <= weight <= MAX_WEIGHT:
        raise ValueError(f"{hint}; got {_shown(value)}")
    return weight


def check_updated(value: object) -> datetime | None:
    """When a draft was last changed, always timezone-aware.

    A date-time written without an offset (`2026-01-01T10:00:00`) is read as UTC, not as
    the local time of whichever machine opens it: Aspire itself always writes UTC, so such
    a date was typed by hand, and reading it the same way everywhere keeps the drafts in
    the same order on every machine. A date alone means its midnight, UTC. A date written
    as a string in quotes is parsed the same way every time (ISO 8601).
    """
    example = "write it like 2026-01-01T10:00:00Z"
    if value is None:
        return None
    if isinstance(value, str):
        try:
            if len(value) > _MAX_DATE_CHARS:
                raise ValueError
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(f"{_shown(value)} is not a date and time; {example}") from None
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            return value.replace(tzinfo=UTC)
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    if isinstance(value, time):
        raise ValueError(f"a time alone is not enough; add the date: {example}")
    raise ValueError(f"must be a date and time; {example} (got {_shown(value)})")


def _checked(name: str, check: Callable[[Any], Any], value: Any) -> Any:
    """`check(value)`, its error prefixed with the key it is about (as pydantic does)."""
    try:
        return check(value)
    except ValueError as exc:
        raise ValueError(f"{name}: {exc}") from None


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
    updated: Annotated[datetime | None, _Check(check_updated)] = None
    question: str | None = None

    def __post_init__(self) -> None:
        self.updated = _checked("updated", check_updated, self.updated)


Round = Literal["read", "recall"]
ROUNDS: tuple[str, ...] = ("read", "recall")
#: A rehearsal is a minute or two; hours mean a clock left running or a hand-edited typo.
MAX_REHEARSAL_SECONDS = 24 * 3600.0


def check_when(value: object) -> datetime:
    """When a rehearsal happened: required, read as `check_updated` reads a draft's date."""
    when = check_updated(value)
    if when is None:
        raise ValueError("is required; write it like 2026-01-01T10:00:00Z")
    return when


def check_seconds(value: object) -> float:
    """How long a round took, in seconds: a finite number from 0 to a day."""
    hint = f"must be a number of seconds from 0 to {MAX_REHEARSAL_SECONDS:g}, such as 75.5"
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{hint}; got {_shown(value)}")
    seconds = float(value) if abs(value) < 1e300 else math.inf
    if not math.isfinite(seconds) or not 0 <= seconds <= MAX_REHEARSAL_SECONDS:
        raise ValueError(f"{hint}; got {_shown(value)}")
    return seconds


def check_count(value: object) -> int:
    """A count of key points: a whole number from 0 to 1000."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 1000:
        raise ValueError(f"must be a whole number from 0 to 1000, such as 4; got {_shown(value)}")
    return value


def check_kept(value: object) -> int | None:
    return None if value is None else check_count(value)


#: Speaking paces a rehearsal may be timed at, in words a minute (DOMAIN "Length": 130-160
#: is usual speech; the ends leave room for slow practice and for nerves).
MIN_PACE, MAX_PACE, DEFAULT_PACE = 80, 220, 140


def check_pace(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not MIN_PACE <= value <= MAX_PACE:
        raise ValueError(
            f"must be words a minute, a whole number from {MIN_PACE} to {MAX_PACE}, "
            f"such as {DEFAULT_PACE}; got {_shown(value)}"
        )
    return value


def check_score(value: object) -> float | None:
    """A score from 0 to 100, or none."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"must be a number from 0 to 100, such as 72.5; got {_shown(value)}")
    score = float(value) if abs(value) < 1e300 else math.inf
    if not math.isfinite(score) or not 0 <= score <= 100:
        raise ValueError(f"must be a number from 0 to 100, such as 72.5; got {_shown(value)}")
    return score


def check_round(value: object) -> Round:
    if value == "read" or value == "recall":
        return value
    raise ValueError(f"must be one of {', '.join(map(repr, ROUNDS))}; got {_shown(value)}")


@dataclass(kw_only=True)
class Rehearsal:
    """One round of practising a draft aloud: kept so the candidate sees recall improve.

    `kept` of `points` key points were said from memory (a reading-aloud round keeps
    every point by definition, so `kept` is left out there); `score` is the overall of
    what was said, and `pace` the words a minute the round was timed at."""

    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT

    when: Annotated[datetime, _Check(check_when)]
    draft: str = ""
    round: Annotated[Round, _Check(check_round)] = "recall"
    seconds: Annotated[float, _Check(check_seconds)] = 0.0
    pace: Annotated[int, _Check(check_pace)] = DEFAULT_PACE
    points: Annotated[int, _Check(check_count)] = 0
    kept: Annotated[int | None, _Check(check_kept)] = None
    score: Annotated[float | None, _Check(check_score)] = None

    def __post_init__(self) -> None:
        self.when = _checked("when", check_when, self.when)
        self.round = _checked("round", check_round, self.round)
        self.seconds = _checked("seconds", check_seconds, self.seconds)
        self.pace = _checked("pace", check_pace, self.pace)
        self.points = _checked("points", check_count, self.points)
        if self.kept is not None:
            self.kept = _checked("kept", check_count, self.kept)
            if self.kept > self.points:
                raise ValueError(
                    f"kept: {self.kept} is more than the {self.points} key points; "
                    "make it no more than points"
                )
        self.score = _checked("score", check_score, self.score)


@dataclass(kw_only=True)
class PluginsConfig:
    """`[plugins]`: which scorers run for this role, their weights, and in `settings` the
    `[plugins.<id>]` tables (kept apart here, written back as sub-tables)."""

    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT

    disabled: list[str] = field(default_factory=list)
    weights: dict[str, Annotated[float, _Check(check_weight)]] = field(default_factory=dict)
    settings: dict[str, dict[str, Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.weights = {
            name: _checked(f"plugins.weights.{name}", check_weight, weight)
            for name, weight in self.weights.items()
        }

    def settings_for(self, scorer_id: str) -> dict[str, Any]:
        """The `[plugins.<id>]` table of one scorer, empty when the profile has none."""
        return dict(self.settings.get(scorer_id, {}))


@dataclass(kw_only=True)
class Profile:
    """One role applied for: the research, the reflection and the drafts answering the question."""

    __pydantic_config__: ClassVar[dict[str, Any]] = _STRICT

    schema_version: Annotated[Literal[1], _Check(_schema_version)] = 1
    role: Annotated[str, _Check(check_role)]
    company: Annotated[str, _Check(check_company)] = ""
    career_stage: CareerStage
    question: str | None = None
    research: Research = field(default_factory=Research)
    reflection: Reflection = field(default_factory=Reflection)
    drafts: list[Draft] = field(default_factory=list)
    rehearsals: list[Rehearsal] = field(default_factory=list)
    plugins: PluginsConfig = field(default_factory=PluginsConfig)

    def __post_init__(self) -> None:
        self.schema_version = _checked("schema_version", _schema_version, self.schema_version)
        self.role = _checked("role", check_role, self.role)
        self.company = _checked("company", check_company, self.company)
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
        return max(dated, key=_when)


def _when(draft: Draft) -> datetime:
    """A draft's date for sorting: naive dates (set after loading) count as UTC, like
    those read from a file, so mixed dates never fail to compare."""
    when = draft.updated or datetime.min
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


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
