"""The company's own career path, read from the profile's research.

A coach judges "Area Manager within eighteen months" against how that company is
structured (DOMAIN: "Unrealistic ambition"). Candidates note the path the recruiter or the
careers page describes, usually as a chain: "Analyst -> Senior Analyst (typically 2-3
years) -> Incident Response Lead -> Head of Response". This module reads such chains: each
title is a step, a time in its brackets is how long the step usually takes to reach, and
the role applied for places the candidate on it. The separators and default figures are
data (`[path]` in `knowledge/realism.toml`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from .compiled import compile_pattern
from .fastre import lower
from .lexicon import pattern, table
from .text import find_time_frames

_BRACKETS = compile_pattern(r"\(([^()]*)\)")
_ALTERNATIVES = compile_pattern(r"\s+or\s+|\s*,\s*|\s+and(?:/or)?\s+")
_SLASH = compile_pattern(r"\s*/\s*")
_WORD = compile_pattern(r"[a-z0-9][a-z0-9&'’.-]*")
_ENDS = compile_pattern(r"[.;:!?]\s|[.;:!?]$|[.!?](?=[A-Z][a-z])|\n")
_QUALIFIER = compile_pattern(
    r"\s+(?:(?:for|at|across|within|once|when|after|if|expected|usually|typically|normally"
    r"|by|until)\s|(?:in|with|on)\s+(?:a|an|the|each|one|every|all|its|our)\b).*"
)
_NOT_TITLE = compile_pattern(
    r"^(?:often|usually|typically|normally|generally|sometimes|mostly|with|after|before|from"
    r"|once|then|about|around|roughly|approx\w*|plus|e\.?g|i\.?e|etc)\b"
)


@dataclass(frozen=True)
class Step:
    titles: tuple[str, ...]  # lower-case, each a way of naming this step
    years: float | None  # time to reach it from the step before, as written
    from_start: bool  # `years` counts from the first step, not the one before


@dataclass(frozen=True)
class CareerPath:
    steps: tuple[Step, ...]
    step_years: float

    def years_to(self, index: int) -> float:
        """Usual years from the first step to step `index`."""
        total = 0.0
        for i, step in enumerate(self.steps[1 : index + 1], start=1):
            if step.from_start and step.years is not None:
                total = max(total, step.years)
            else:
                total += step.years if step.years is not None else self._before(i)
        return total

    def _before(self, i: int) -> float:
        """A time written beside the first step is how long that step lasts."""
        first = self.steps[0]
        if i == 1 and first.years is not None and not first.from_start:
            return first.years
        return self.step_years

    def climb(self, low: int, high: int) -> float:
        return self.years_to(high) - self.years_to(low)

    @property
    def pattern(self) -> re.Pattern[str]:
        return _pattern(self.steps)

    def index_of(self, said: str) -> int | None:
        """The step a title as written in a draft names."""
        title = " ".join(_WORD.findall(lower(said)))
        for i, step in enumerate(self.steps):
            if title in step.titles:
                return i
        return None

    def place(self, role: str) -> int | None:
        """The step the role applied for stands on: the title most of whose words the role
        holds, in order ("Senior Software QA Engineer" stands on "Senior QA Engineer";
        "Senior Quantity Surveyor" on "Senior QS")."""
        words = _WORD.findall(lower(role))
        readings = [words, *_initialled(words)]
        ranks = set(words) & _settings()[4]  # "senior", "lead": the rung the role is on
        best: tuple[int, int, int, int] | None = None
        for i, step in enumerate(self.steps):
            for title in step.titles:
                wanted = title.split()
                if any(_in_order(wanted, r) for r in readings):
                    # a title without the role's rank is another rung: "Senior Software
                    # Engineer" stands on "Senior Engineer", not on "Software Engineer"
                    score = (-len(ranks - set(wanted)), len(wanted), len(title), -i)
                    if best is None or score > best:
                        best = score
        return -best[3] if best else None


@lru_cache(maxsize=64)
def _pattern(steps: tuple[Step, ...]) -> re.Pattern[str]:
    titles = sorted({t for s in steps for t in s.titles}, key=len, reverse=True)
    body = "|".join(re.escape(t).replace(r"\ ", r"[\s-]+") for t in titles)
    return compile_pattern(rf"\b(?:{body})\b(?!['’]s\b)")


def _words(t: dict[str, object], key: str) -> re.Pattern[str]:
    phrases = t.get(key) or ["(?!)"]
    return compile_pattern(r"\b(?:" + "|".join(map(str, phrases)) + r")\b")  # type: ignore[call-overload]


def _settings() -> tuple[
    list[str],
    float,
    re.Pattern[str],
    re.Pattern[str],
    frozenset[str],
    frozenset[str],
    re.Pattern[str],
]:
    t = table("path")
    arrows = [str(a) for a in t.get("arrows", ["->"])]
    return (
        arrows,
        float(t.get("step_years", 2.0)),
        _words(t, "from_start"),
        _words(t, "per_step"),
        frozenset(t.get("modifiers", ())),
        frozenset(t.get("standalone", ())),
        compile_pattern(
            r"\b(?:" + "|".join(t.get("labels", ["ladder", "path"])) + r")\b[^:.\n]{0,40}:\s*",
            re.IGNORECASE,
        ),
    )


@lru_cache(maxsize=64)
def company_path(research: str) -> CareerPath | None:
    """The longest chain of titles the research writes, or None when it writes none."""
    arrows, step_years, from_start, per_step, modifiers, standalone, labels = _settings()
    split = compile_pattern("|".join(re.escape(a) for a in sorted(arrows, key=len, reverse=True)))
    best: tuple[Step, ...] = ()
    for line in [*_chains(research, split), *_lists(research, labels)]:
        steps = _steps(line, (from_start, per_step, modifiers, standalone, step_years))
        if len(steps) > len(best):
            best = steps
    return CareerPath(_short_names(best, standalone), step_years) if len(best) >= 2 else None


def _short_names(steps: tuple[Step, ...], standalone: frozenset[str]) -> tuple[Step, ...]:
    """A step whose title opens with a word that is a title on its own ("Principal Heritage
    Consultant") may be called by that word alone ("Principal within a year"), where no
    other step opens with it."""
    firsts = [t.split()[0] for s in steps for t in s.titles]
    out: list[Step] = []
    for step in steps:
        short = [
            t.split()[0]
            for t in step.titles
            if " " in t and t.split()[0] in standalone and firsts.count(t.split()[0]) == 1
        ]
        titles = tuple(dict.fromkeys((*step.titles, *short)))
        out.append(Step(titles, step.years, step.from_start))
    return tuple(out)


def _chains(text: str, split: re.Pattern[str]) -> list[list[str]]:
    """Each run of segments joined by arrows, cut where its sentence ends."""
    chains: list[list[str]] = []
    parts = split.split(text)
    if len(parts) < 2:
        return chains
    current: list[str] = [_tail(parts[0])]
    for part in parts[1:]:
        head, ended = _head(part)
        current.append(head)
        if ended:
            chains.append(current)
            current = [_tail(part)]
    chains.append(current)
    return [c for c in chains if len(c) >= 2]


def _lists(text: str, labels: re.Pattern[str]) -> list[list[str]]:
    """A path written as a labelled list: "Ladder above the role: Audit Senior, Assistant
    Manager, Audit Manager, Director." (three titles or more, in order)."""
    found: list[list[str]] = []
    for m in labels.finditer(text):
        rest = text[m.end() :]
        head, _ = _head(rest)
        plain = _outside_brackets(head)
        cuts = [0, *(c.end() for c in _LIST_BREAK.finditer(plain)), len(head) + 1]
        items = [head[a:b].strip(" ,;") for a, b in pairwise(cuts)]
        items = [i for i in items if i]
        if len(items) >= 3:
            found.append(items)
    return found


_LIST_BREAK = compile_pattern(r",\s*(?:then\s+|and\s+then\s+)?|;\s*|\s+then\s+")


def _outside_brackets(text: str) -> str:
    """`text` with bracketed parts blanked, so their stops do not end a segment."""
    return _BRACKETS.sub(lambda m: " " * len(m.group(0)), text)


def _tail(text: str) -> str:
    """The segment that ends `text`: after its last stop or colon, and after a lead-in
    ("the intended path is Head of Supply Chain")."""
    plain = _outside_brackets(text)
    cut = max((m.end() for m in [*_ENDS.finditer(plain), *_LEAD_IN.finditer(plain)]), default=0)
    return text[cut:]


_LEAD_IN = compile_pattern(r"\b(?:is|are|was|goes|runs|from)\s+", re.IGNORECASE)


def _head(text: str) -> tuple[str, bool]:
    """The segment that starts `text`, and whether its sentence ends there."""
    m = _ENDS.search(_outside_brackets(text))
    return (text[: m.start()], True) if m else (text, False)


def _alternatives(named: str) -> list[str]:
    """The ways one step is named: "QA / Technical Manager" is "qa manager" or "technical
    manager"; "Project Manager or Contracts Manager" is either."""
    out: list[str] = []
    for alt in _ALTERNATIVES.split(named):
        parts = _SLASH.split(_QUALIFIER.sub("", alt.strip()))
        for k, part in enumerate(parts):
            later = parts[k + 1] if k + 1 < len(parts) else ""
            if len(part.split()) == 1 and len(later.split()) >= 2:
                part = f"{part} {later.split()[-1]}"
            out.append(part)
    return out


def _steps(
    segments: list[str],
    settings: tuple[re.Pattern[str], re.Pattern[str], frozenset[str], frozenset[str], float],
) -> tuple[Step, ...]:
    from_start, per_step, modifiers, standalone, step_years = settings
    places = pattern("place_name").full
    regions = _words(table("path"), "regions")
    steps: list[Step] = []
    base = ""
    for k, segment in enumerate(segments):
        low = lower(segment)
        brackets = " ".join(_BRACKETS.findall(low)).replace("+", "")
        named = _BRACKETS.sub(" ", low)
        titles: list[str] = []
        for alt in _alternatives(named):
            words = _WORD.findall(alt)
            if not words or len(words) > 6 or _NOT_TITLE.match(alt) or find_time_frames(alt):
                continue
            if k == 0 and not base:
                base = " ".join(w for w in words if w not in modifiers)
            if len(words) == 1 and words[0] in modifiers and base:
                qualified = [f"{base} {words[0]}" if _numeral(words[0]) else f"{words[0]} {base}"]
                head = base.split()[-1]
                if not _numeral(words[0]) and head != base:
                    qualified.append(f"{words[0]} {head}")
                titles.extend(qualified)
                if words[0] in standalone:
                    titles.append(words[0])
            elif not places.fullmatch(" ".join(words)) and not regions.fullmatch(" ".join(words)):
                # "Director, UK and Ireland": where the title is held, not another title
                titles.append(" ".join(words))
        if not titles:
            return tuple(steps)  # a chain of titles, not of anything else
        frames = find_time_frames(brackets) or find_time_frames(_lengths_only(low))
        years = frames[0].years if frames else None
        counted = bool(frames and from_start.search(brackets) and not per_step.search(brackets))
        if years is not None and steps and not counted and not per_step.search(brackets):
            # a time no single step takes ("Director (10 years)"), and longer than the
            # whole climb so far, can only count from the start; "(3-5 years)" is a step's
            longest = float(table("path").get("longest_step", 5.0))
            so_far = CareerPath(tuple(steps), step_years).years_to(len(steps) - 1)
            counted = years > longest and years > so_far
        steps.append(Step(tuple(dict.fromkeys(titles)), years, counted))
    return tuple(steps)


def _lengths_only(segment: str) -> str:
    """A time written after the title ("Director once the site opens, expected in 2-3
    years"), with the title's own numbers ("Level 3", "Band 6") left out."""
    return re.sub(r"\b(?:level|band|grade|year|step|tier|class)\s+\d+\w*", " ", segment)


def _in_order(wanted: list[str], words: list[str]) -> bool:
    it = iter(words)
    return all(w in it for w in wanted)


def _initialled(words: list[str]) -> list[list[str]]:
    """The role with each run of two or three words written as initials ("qa")."""
    out: list[list[str]] = []
    for n in (2, 3):
        for k in range(len(words) - n + 1):
            run = words[k : k + n]
            if all(w.isalpha() for w in run):
                out.append([*words[:k], "".join(w[0] for w in run), *words[k + n :]])
    return out


def _numeral(word: str) -> bool:
    return word.isdigit() or set(word) <= set("ivx")


def research_text(research: object) -> str:
    """The research fields a path may be written in, as one text."""
    fields = ("notes", "job_description", "culture", "long_term_plans", "short_term_plans")
    return "\n".join(str(getattr(research, f, "") or "") for f in fields)
