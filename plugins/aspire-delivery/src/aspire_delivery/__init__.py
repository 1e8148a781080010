"""Delivery: how an interview answer sounds when spoken.

Hard sentences are found as Hemingway finds them: long, with long words (Flesch reading
ease from syllable counts). Syllables come from pyphen, imported on first use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, ClassVar

from aspire_tui.hookspecs import hookimpl
from aspire_tui.models import ScoreResult
from aspire_tui.scorer import ScoreContext, Scorer, finding

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")

DEFAULT_FILLERS = [
    "um",
    "uh",
    "erm",
    "you know",
    "basically",
    "actually",
    "literally",
    "sort of",
    "kind of",
    "I mean",
    "like I said",
]


@dataclass
class Settings:
    """Set in a profile under [plugins.delivery]. A plain dataclass: Aspire validates it
    only when the profile has the table, and pydantic is not imported on start-up."""

    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}

    long_sentence: int = field(
        default=25, metadata={"description": "Words above which a sentence is flagged (8-80)"}
    )
    hard_reading_ease: float = field(
        default=40.0,
        metadata={"description": "Flesch reading ease below which a long sentence is hard"},
    )
    fillers: list[str] = field(
        default_factory=lambda: list(DEFAULT_FILLERS),
        metadata={"description": "Filler words to point out"},
    )

    def __post_init__(self) -> None:
        if not 8 <= self.long_sentence <= 80:
            raise ValueError(f"long_sentence must be from 8 to 80, not {self.long_sentence}")
        if not 0 <= self.hard_reading_ease <= 100:
            raise ValueError(
                f"hard_reading_ease must be from 0 to 100, not {self.hard_reading_ease}"
            )


@lru_cache(maxsize=1)
def _hyphenator() -> Any:
    import pyphen  # heavy-ish: only when a draft is first scored

    return pyphen.Pyphen(lang="en_US")


@lru_cache(maxsize=20_000)
def syllables(word: str) -> int:
    word = word.lower().strip("'’-")
    if not word:
        return 0
    return max(1, _hyphenator().inserted(word).count("-") + 1)


def reading_ease(words: list[str]) -> float:
    """Flesch reading ease of one sentence: 100 is easy, below 30 is hard."""
    if not words:
        return 100.0
    syl = sum(syllables(w) for w in words)
    return 206.835 - 1.015 * len(words) - 84.6 * (syl / len(words))


class DeliveryScorer(Scorer):
    id = "delivery"
    title = "Delivery"
    description = "Sentences hard to say in one breath, filler words, and the pace."
    weight = 0.0  # advisory: it does not move the overall score unless a profile says so
    settings_model = Settings

    def score(self, ctx: ScoreContext) -> ScoreResult:
        s: Settings = ctx.settings
        text = ctx.text
        findings = []
        hard = 0
        for m in SENTENCE.finditer(text):
            words = WORD.findall(m.group())
            if len(words) > s.long_sentence:
                ease = reading_ease(words)
                very = ease < s.hard_reading_ease
                hard += 1
                start = m.start() + len(m.group()) - len(m.group().lstrip())
                findings.append(
                    finding(
                        start,
                        m.end(),
                        "suggestion",
                        f"{len(words)} words{' with many long ones' if very else ''}: hard to say "
                        "in one breath, and hard to follow by ear.",
                        "Split it in two, and end each part on the point you want remembered.",
                        kind="hard-sentence",
                    )
                )
        fillers = 0
        for filler in s.fillers:
            for m in re.finditer(rf"(?<![\w']){re.escape(filler)}(?![\w'])", text, re.IGNORECASE):
                fillers += 1
                findings.append(
                    finding(
                        m.start(),
                        m.end(),
                        "suggestion",
                        f"“{m.group()}” is a filler: it sounds unsure when spoken.",
                        "Pause instead; a silence sounds more confident.",
                        kind="filler",
                    )
                )
        findings.sort(key=lambda f: f.start)
        words = len(WORD.findall(text))
        score = max(0.0, 100.0 - 8 * hard - 4 * fillers) if words else 0.0
        if not words:
            summary = "Nothing to say yet."
        elif not findings:
            summary = f"Easy to say aloud: about {round(words * 60 / 140)} s at a calm pace."
        else:
            parts = [_count(hard, "hard sentence"), _count(fillers, "filler")]
            summary = f"{' and '.join(p for p in parts if p)} to smooth out."
        return ScoreResult(score=score, summary=summary, findings=findings)


def _count(n: int, thing: str) -> str:
    """How many, as in "1 filler" or "2 fillers"; empty for none. Kept here: Aspire's own
    wording helper is not part of the plugin API."""
    return "" if n == 0 else f"{n} {thing}{'' if n == 1 else 's'}"


@hookimpl
def aspire_scorers() -> list[Scorer]:
    return [DeliveryScorer()]


#: An example is what an interviewer remembers of a spoken answer ("for instance, last
#: year I ran..."). Rehearse keeps it as a key point of its own, so that it is not the
#: first thing lost when the answer is said from memory.
EXAMPLE_PHRASES = [
    "for (?:example|instance)",
    "last (?:year|month|spring|summer|autumn|winter|quarter)",
    "when i (?:led|ran|built|managed|set up|organi[sz]ed|trained|took over)",
    "i(?:'ve| have) already",
    "recently i",
]


@hookimpl
def aspire_key_points() -> dict[str, dict[str, object]]:
    return {"example": {"label": "An example you give", "phrases": EXAMPLE_PHRASES}}
