"""Clichés and buzzwords in an interview answer, with what to say instead.

An Aspire scoring plugin, using only the public API: the `aspire_scorers` hook, `Scorer`,
`ScoreResult` and `finding`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, ClassVar

from aspire_tui.hookspecs import hookimpl
from aspire_tui.models import ScoreResult
from aspire_tui.scorer import ScoreContext, Scorer, finding

#: Phrase (a regular expression, matched as whole words) -> what to say instead.
CLICHES: dict[str, str] = {
    r"think(?:ing)? outside the box": "Name the unusual thing you did and what it changed.",
    r"hit the ground running": "Say what you would deliver in your first months.",
    r"go(?:ing)? above and beyond": "Give one example of doing more than was asked.",
    r"team player": "Describe how you helped a team reach something together.",
    r"hard[\s-]?work(?:er|ing)": "Show the effort with a result it produced.",
    r"passionate about": "Say what you have done because you care about it.",
    r"results[\s-](?:driven|oriented)": "Name a result you drove.",
    r"self[\s-]starter": "Describe something you started without being asked.",
    r"detail[\s-]oriented": "Give an example of a detail you caught that mattered.",
    r"perfectionist": "Say how you balance quality against deadlines.",
    r"wear(?:ing)? many hats": "List the two or three roles you actually covered.",
    r"low[\s-]hanging fruit": "Name the quick win you mean.",
    r"at the end of the day": "Leave it out; say the point directly.",
    r"move the needle": "Say which number you would move, and by how much.",
    r"synerg(?:y|ies|istic)": "Say who would work together, on what.",
    r"game[\s-]changer": "Say what would change, for whom.",
    r"circle back": "Say when you would return to it.",
    r"(?:take|taking) it to the next level": "Say what the next level looks like.",
    r"(?:give|giving) (?:110|120|200) ?(?:%|percent)": "Promise something you can measure.",
    r"go[\s-]getter": "Describe a goal you went after and reached.",
    r"people person": "Describe the people you work well with, and how.",
    r"proven track record": "Give the record: what, how often, how well.",
    r"thought leader(?:ship)?": "Say what you have written or taught others.",
    r"fast[\s-]learner|quick learner": "Name something you learned quickly and how you used it.",
}


@dataclass
class Settings:
    """Set in a profile under [plugins.cliches]. A plain dataclass: Aspire validates it
    only when the profile has the table, and pydantic is not imported on start-up."""

    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}

    extra: dict[str, str] = field(
        default_factory=dict,
        metadata={"description": "Your own phrases, each with what to say instead"},
    )
    ignore: list[str] = field(default_factory=list, metadata={"description": "Phrases to let pass"})
    weight_per_cliche: float = field(
        default=8.0, metadata={"description": "Points off per cliché (0-100)"}
    )

    def __post_init__(self) -> None:
        if not 0 <= self.weight_per_cliche <= 100:
            raise ValueError(
                f"weight_per_cliche must be from 0 to 100, not {self.weight_per_cliche}"
            )


class ClichesScorer(Scorer):
    id = "cliches"
    title = "Clichés"
    description = "Clichés and buzzwords interviewers have heard too often, and what to say."
    weight = 0.0  # advisory: it does not move the overall score unless a profile says so
    settings_model = Settings

    def score(self, ctx: ScoreContext) -> ScoreResult:
        settings: Settings = ctx.settings
        ignored = {p.lower() for p in settings.ignore}
        phrases = dict(CLICHES)
        phrases.update({re.escape(k): v for k, v in settings.extra.items()})
        findings = []
        for pattern, instead in phrases.items():
            for m in re.finditer(rf"\b(?:{pattern})\b", ctx.text, re.IGNORECASE):
                if m.group().lower() in ignored:
                    continue
                findings.append(
                    finding(
                        m.start(),
                        m.end(),
                        "suggestion",
                        f"“{m.group()}” is a cliché: interviewers hear it all day.",
                        instead,
                        kind="cliche",
                    )
                )
        findings.sort(key=lambda f: f.start)
        score = max(0.0, 100.0 - settings.weight_per_cliche * len(findings))
        if not findings:
            summary = "No clichés: it sounds like you."
        else:
            plural = "s" if len(findings) > 1 else ""
            summary = f"{len(findings)} cliché{plural} to say in your own words."
        return ScoreResult(score=score, summary=summary, findings=findings)


@hookimpl
def aspire_scorers() -> list[Scorer]:
    return [ClichesScorer()]
