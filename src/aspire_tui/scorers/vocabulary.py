"""What the profile says the job and the company are about, as comparable terms.

Words are compared by stem ("reporting" ~ "reports") and by concept ("dashboard" ~ "report",
"coach" ~ "mentor"), so an answer that paraphrases the job description still lands.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from .compiled import compile_pattern
from .text import GENERIC, WORD_RE, split_sentences, stem, tokens_of

if TYPE_CHECKING:
    from ..models import Profile

#: Workplace concepts that people name in different words. Each group is one concept.
CONCEPTS: dict[str, tuple[str, ...]] = {
    "report": (
        "report",
        "reporting",
        "dashboard",
        "kpi",
        "kpis",
        "metric",
        "metrics",
        "chart",
        "scorecard",
        "visualisation",
        "visualization",
        "figures",
        "numbers",
    ),
    "lead": (
        "lead",
        "leading",
        "leader",
        "leadership",
        "manage",
        "manager",
        "management",
        "supervise",
        "supervisor",
        "head",
        "oversee",
        "run",
        "running",
    ),
    "mentor": (
        "mentor",
        "mentoring",
        "coach",
        "coaching",
        "precept",
        "preceptor",
        "train",
        "training",
        "teach",
        "teaching",
        "onboard",
        "onboarding",
        "educate",
        "education",
        "educator",
        "develop",
        "grads",
        "graduate",
        "newer",
        "junior",
    ),
    "customer": (
        "customer",
        "customers",
        "client",
        "clients",
        "user",
        "users",
        "patient",
        "patients",
        "learner",
        "learners",
        "traveller",
        "travellers",
        "traveler",
        "guest",
        "guests",
        "account",
        "accounts",
        "shopper",
        "consumer",
    ),
    "analysis": (
        "analyse",
        "analyze",
        "analysis",
        "analyst",
        "analytics",
        "analytical",
        "investigate",
        "investigation",
        "insight",
        "insights",
        "forecast",
        "forecasting",
        "modelling",
        "modeling",
        "statistics",
        "regression",
    ),
    "stakeholder": (
        "stakeholder",
        "stakeholders",
        "partner",
        "partners",
        "collaborate",
        "collaboration",
        "liaise",
        "communicate",
        "communication",
        "present",
        "presenting",
        "explain",
        "explaining",
        "translate",
        "translating",
    ),
    "research": (
        "research",
        "discovery",
        "interview",
        "interviews",
        "usability",
        "experiment",
        "experiments",
        "testing",
    ),
    "strategy": ("strategy", "strategic", "roadmap", "direction", "vision"),
    "money-ops": (
        "budget",
        "cost",
        "costs",
        "spend",
        "profitability",
        "pricing",
        "revenue",
        "margin",
        "margins",
        "profit",
    ),
    "quality": (
        "quality",
        "safety",
        "standard",
        "standards",
        "accreditation",
        "compliance",
        "audit",
        "governance",
        "risk",
        "incident",
        "incidents",
    ),
    "staffing": (
        "staff",
        "hire",
        "hiring",
        "recruit",
        "recruitment",
        "retention",
        "turnover",
        "roster",
        "rostering",
        "workforce",
        "agency",
        "casual",
    ),
    "credential": (
        "course",
        "certificate",
        "certification",
        "credential",
        "qualification",
        "degree",
        "exam",
        "diploma",
        "masters",
    ),
    "migration": (
        "migrate",
        "migration",
        "rollout",
        "implement",
        "implementation",
        "adopt",
        "launch",
        "rebuild",
        "move",
    ),
    "design-craft": (
        "prototype",
        "prototyping",
        "wireframe",
        "wireframes",
        "figma",
        "mockup",
        "interaction",
        "interface",
        "components",
        "component",
    ),
}


@lru_cache(maxsize=1)
def _concept_map() -> dict[str, str]:
    out: dict[str, str] = {}
    for concept, words in CONCEPTS.items():
        for w in words:
            out.setdefault(stem(w), concept)
    return out


#: Words so common in job ads and answers that matching them says little about fit.
_WEAK_WORDS = [
    "data",
    "team",
    "work",
    "role",
    "skill",
    "skills",
    "ability",
    "strong",
    "clear",
    "good",
    "new",
    "support",
    "help",
    "make",
    "build",
    "year",
    "years",
    "time",
    "day",
    "plain",
    "language",
    "detail",
    "attention",
    "patience",
    "experience",
    "equivalent",
    "interest",
    "exposure",
    "nice",
    "bring",
    "degree",
    "field",
    "quantitative",
    "written",
    "communication",
    "across",
    "every",
    "daily",
]


@lru_cache(maxsize=1)
def weak_stems() -> frozenset[str]:
    """Words so common in job ads and answers that matching them says little about fit."""
    return frozenset(stem(w) for w in _WEAK_WORDS)


@lru_cache(maxsize=1)
def generic_stems() -> frozenset[str]:
    return frozenset(stem(w) for w in GENERIC)


def concept_of(stem_: str) -> str | None:
    return _concept_map().get(stem_)


def terms(text: str) -> list[str]:
    """Meaningful stems of `text`, in order."""
    return [s for _, s in tokens_of(list(WORD_RE.finditer(text)))]


class Item(NamedTuple):
    """One requirement of the job (a bullet of the job description) or one strength."""

    label: str
    stems: frozenset[str]
    concepts: frozenset[str]
    emphasis: float = 0.0
    task: bool = True  # a duty of the job, not a qualification it asks for


@dataclass
class Vocabulary:
    """The profile's vocabulary: what the job, the company and the candidate are about."""

    weights: dict[str, float] = field(default_factory=dict)
    concepts: set[str] = field(default_factory=set)
    requirements: list[Item] = field(default_factory=list)
    #: every bullet of the job, those made of common words too ("Clear written
    #: communication"): the talking points list them all; fit is measured on `requirements`
    listed: list[Item] = field(default_factory=list)
    strengths: list[Item] = field(default_factory=list)
    plans: frozenset[str] = frozenset()
    names: tuple[str, ...] = ()
    role_stems: frozenset[str] = frozenset()

    researched: bool = False
    jd_stems: frozenset[str] = frozenset()

    @property
    def empty(self) -> bool:
        """True when the profile holds no research to judge fit against."""
        return not self.researched


def vocabulary(profile: Profile) -> Vocabulary:
    r = profile.research
    return _vocabulary(
        profile.role,
        profile.company,
        r.job_description,
        r.culture,
        r.short_term_plans,
        r.long_term_plans,
        r.notes,
        profile.reflection.strengths,
    )


@lru_cache(maxsize=32)
def _vocabulary(
    role: str,
    company: str,
    jd: str,
    culture: str,
    short: str,
    long: str,
    notes: str,
    strengths: str,
) -> Vocabulary:
    counts: defaultdict[str, float] = defaultdict(float)
    for text, weight in (
        (jd, 1.0),
        (short, 1.5),
        (long, 1.5),
        (culture, 1.0),
        (notes, 0.5),
        (role, 3.0),
        (company, 3.0),
    ):
        for s in terms(text):
            counts[s] += weight
    lines = _requirement_lines(jd)
    line_stems = [set(terms(line)) for line, _ in lines]
    role_stems = frozenset(terms(role)) - weak_stems()
    weights = {s: _weight(s, line_stems, role_stems) for s in counts}
    concepts = {c for s in counts if (c := concept_of(s))}
    requirements = [_item(line, counts, weights, task) for line, task in lines]
    strength_items = [
        _item(s.text, counts, weights) for s in split_sentences(strengths.replace(";", "."))
    ]
    plan_stems = frozenset(s for s in terms(f"{short} {long}") if weights.get(s, 0) >= 1.0)
    return Vocabulary(
        weights=weights,
        concepts=concepts,
        requirements=[i for i in requirements if i.stems],
        listed=[
            i if i.stems else i._replace(stems=frozenset(terms(i.label))) for i in requirements
        ],
        strengths=[i for i in strength_items if i.stems],
        plans=plan_stems,
        names=tuple(n for n in (company.strip(), _short_name(company)) if n),
        role_stems=role_stems,
        researched=bool(f"{jd}{culture}{short}{long}{notes}".strip()),
        jd_stems=frozenset(terms(jd)) - weak_stems(),
    )


def _weight(s: str, line_stems: list[set[str]], role_stems: frozenset[str]) -> float:
    """How much a shared word says about fit: words of the role's own name, and words in most
    of the job's bullets, are what any candidate in the field says; rarer words are telling."""
    if s in weak_stems() or s in generic_stems():
        return 0.3
    if s in role_stems:
        return 0.5
    share = sum(1 for line in line_stems if s in line) / max(len(line_stems), 1)
    return 0.5 if len(line_stems) >= 4 and share > 0.25 else 1.0


_BULLET = compile_pattern(r"^\s*(?:[-*•·]|\d+[.)])\s+(.+)$")
_QUALIFICATIONS = compile_pattern(
    r"\b(?:bring|requir|qualif|nice\s+to|have|about\s+you|skills|offer|benefit|looking\s+for|"
    r"you\s+are|must|ideal|experience|specification|essential|desirable)",
    re.I,
)


def _requirement_lines(jd: str) -> list[tuple[str, bool]]:
    """The job description's bullets, each marked as a task (duty) or a qualification;
    its sentences, all taken as tasks, when it has no bullets."""
    out: list[tuple[str, bool]] = []
    task = True
    for line in jd.splitlines():
        m = _BULLET.match(line)
        if m:
            out.append((m.group(1), task))
        elif line.strip().endswith(":"):
            task = not _QUALIFICATIONS.search(line)
    if out:
        return out
    return [(s.text, True) for s in split_sentences(jd) if len(s.text.split()) >= 4]


def _item(
    text: str, counts: Mapping[str, float], weights: dict[str, float], task: bool = True
) -> Item:
    stems = frozenset(s for s in terms(text) if weights.get(s, 0) >= 1.0)
    concepts = frozenset(c for s in stems if (c := concept_of(s)))
    emphasis = math.fsum(counts[s] for s in stems) / max(len(stems), 1)  # any order
    label = " ".join(re.sub(r"\s*\([^)]*\)", "", text).split()).rstrip(".:;")
    return Item(label=label, stems=stems, concepts=concepts, emphasis=emphasis, task=task)


def _short_name(company: str) -> str:
    """ "Northwind Freight Ltd" -> "Northwind Freight": people drop the trade word."""
    words = company.split()
    return " ".join(words[:-1]) if len(words) >= 2 else ""
