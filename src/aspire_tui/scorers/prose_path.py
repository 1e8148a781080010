"""The company's path when the research tells it in sentences, not as a chain.

Notes often say "most pursers are appointed between eighteen months and three years in" or
"Assistant Manager after 1-2 years, Store Manager 2-3 years later" rather than drawing
arrows. Each title written beside a time becomes a step that far from joining (or, with
"later", "more" or "after that", that far after the step before); the role applied for is
the first step. The cue words are data (`[path.prose]` in `knowledge/realism.toml`); a
title is a run of words ending in a word the ladder or the role nouns know.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .compiled import compile_pattern
from .fastre import lower
from .lexicon import generation as lexicon_generation
from .lexicon import pattern, table
from .text import STOPWORDS, TimeFrame, find_time_frames

_SENTENCES = compile_pattern(r"(?<=[.!?])\s+|\n+")
_CLAUSES = compile_pattern(r"(?<=;)\s+")
_CAPITALISED = compile_pattern(r"\b[A-Z][\w&'’-]*(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\w&'’-]*){0,4}")
_WORD = compile_pattern(r"[a-z0-9][a-z0-9&'’.-]*")
_DETERMINERS = frozenset({"the", "a", "an", "our", "your", "their", "its", "most", "every"})
_PAST = compile_pattern(r"\b(?:past|last|previous)\s+$")  # "over the past two years"
_OR = compile_pattern(r"\s*(?:,|/|or|and|,\s*or)\s*")
_AT_LEAST = compile_pattern(r"\+|\bor more\b|\bplus\b")
NEAR = 60  # characters between a title and the time said of it


def _heads() -> list[re.Pattern[str]]:
    """Words that end a title: the role nouns, the words only notes use as titles, and
    every rung of the ladder (the rungs last: `prose_steps` skips them on their own)."""
    concepts = [str(r["concept"]) for r in table("ladder").get("rung", [])]
    return [
        pattern("role_noun").full,
        pattern("notes_title").full,
        *(pattern(c).full for c in concepts),
    ]


@lru_cache(maxsize=2)
def _settings(
    generation: int,
) -> tuple[
    list[re.Pattern[str]],
    re.Pattern[str],
    re.Pattern[str],
    re.Pattern[str],
    re.Pattern[str],
    frozenset[str],
]:
    t = table("path").get("prose", {})

    def words(key: str) -> re.Pattern[str]:
        phrases = t.get(key) or ["(?!)"]
        return compile_pattern(r"\b(?:" + "|".join(map(str, phrases)) + r")\b")

    return (
        _heads(),
        words("cue"),
        words("later"),
        words("reach"),
        words("become"),
        frozenset(t.get("not_title", ())),
    )


def _is_title(words: list[str], heads: list[re.Pattern[str]], own: str = "") -> bool:
    """Whether the words end in a title word, or in the two words of one ("Team Leader"),
    or name one before "of" ("Head of Claims"). `own` is the last word of the role
    applied for: "Senior Keeper" is a title in the notes of an Animal Keeper."""
    if "of" in words[1:]:
        words = words[: words.index("of", 1)]
    last = words[-1]
    forms = {last, last[:-1]} if last.endswith("s") and not last.endswith("ss") else {last}
    if own and own in forms:
        return True
    if len(words) > 1:
        forms |= {f"{words[-2]} {f}" for f in forms}
    return any(h.fullmatch(f) for f in forms for h in heads)


def _names_a_step(
    words: list[str], heads: list[re.Pattern[str]], low: str, become: re.Pattern[str]
) -> bool:
    """A title that opens the sentence names a step when nothing in the sentence moves
    from it to another ("Curator posts usually go to people with 15+ years"), not when
    its holders are the ones moving on ("Nurses usually reach Band 6 after two years")."""
    return _is_title(words, heads) and not become.search(low)


def _singular(title: str) -> str:
    """ "Most pursers" names the step "purser"; "Head of Clinical Services" keeps its "s"."""
    if " of " in title or not title.endswith("s") or title.endswith("ss"):
        return title
    return title[:-1]


def _qualifies(word: str, cue: re.Pattern[str], not_title: frozenset[str]) -> bool:
    """Whether a word before a title word can be part of the title: not grammar, a cue of
    progression ("reach"), an adverb or a word the data rules out ("previous")."""
    return not (
        word in STOPWORDS or word in not_title or word.endswith("ly") or cue.fullmatch(word)
    )


def _lower_titles(
    low: str,
    heads: list[re.Pattern[str]],
    cue: re.Pattern[str],
    not_title: frozenset[str],
    head: str,
) -> list[tuple[int, int, str]]:
    """Titles written in lower case: a title word and the words before it that qualify it
    ("a deputy store manager"), up to a word of grammar."""
    words = list(_WORD.finditer(low))
    out: list[tuple[int, int, str]] = []
    for k, w in enumerate(words):
        if not _is_title([w.group()], heads, head):
            continue
        j = k
        while j > 0 and k - j < 3 and _qualifies(words[j - 1].group(), cue, not_title):
            j -= 1
        out.append((words[j].start(), w.end(), " ".join(x.group() for x in words[j : k + 1])))
    return out


def _time_to(
    frames: list[TimeFrame],
    low: str,
    span: tuple[int, int],
    others: list[int],
    reach: re.Pattern[str],
    become: re.Pattern[str],
) -> TimeFrame | None:
    """The time said of reaching the title at `start`-`end`: the nearest time before it in
    the sentence when a word of reaching stands between ("after about eighteen months,
    then usually become a deputy"; not "12 months: ... practice with a Driver Instructor"),
    or one just
    after it that says when ("Assistant Manager after 1-2 years"). A time after it that
    says how long ("where most stay two or three years") is the step's length, not its
    distance."""
    start, end = span
    before = [f for f in frames if f.end <= start]
    earlier = before[-1] if before and become.search(low, before[-1].end, start) else None
    later = None
    for f in frames:
        if f.start < end:
            continue
        if f.start - end <= NEAR and not any(end <= s < f.start for s in others):
            # "Director of Collections 20+ years": a least time is the distance to it
            said = reach.search(low, end, f.start + 1) or _AT_LEAST.search(low, f.start, f.end)
            later = f if said else None
        break  # a time further on is said of a title nearer to it
    if earlier and later:  # "after 2-3 years move to A, then B after 4-6 years": B's own
        return earlier if start - earlier.end < later.start - end else later
    return earlier or later


def prose_steps(research: str, role: str) -> list[tuple[str, float | None, bool]]:
    """(title, years, counted from joining) for each title the research times, in order.

    Only sentences with a cue of progression count ("appointed", "usually", "after"): a
    title beside a time elsewhere is someone's story, not the path."""
    heads, cue, later, reach, become, not_title = _settings(lexicon_generation())
    generic = frozenset(str(m) for m in table("path").get("modifiers", ()))
    own = set(_WORD.findall(lower(re.sub(r"\([^()]*\)", " ", role))))  # not "(Purser Pathway)"
    named = _WORD.findall(lower(re.split(r"[,(]", role)[0]))  # "Animal Keeper, Primates"
    head = _singular(named[-1]) if named else ""
    found: list[tuple[str, float | None, bool]] = []
    clauses = [
        (clause, bool(cue.search(lower(sentence))))
        for sentence in _SENTENCES.split(research)
        for clause in _CLAUSES.split(sentence)
    ]  # "Typical ladder: A after 2 years; B 10+ years": the cue holds for each clause
    for sentence, cued in clauses:
        low = lower(sentence)
        frames = [
            f
            for f in find_time_frames(low)
            if f.years >= 0.25 and not _PAST.search(low, max(0, f.start - 12), f.start)
        ]
        if not frames:
            continue
        if not cued:
            continue  # times of other things: "drove for 19 years before that"
        candidates: list[tuple[int, int, str]] = []
        for m in _CAPITALISED.finditer(sentence):
            words = _WORD.findall(lower(m.group()))
            while words and words[0] in _DETERMINERS:
                words = words[1:]
            if m.start() == 0 and len(words) == 1 and not _names_a_step(words, heads, low, become):
                continue  # a capital that only opens the sentence
            if words and len(words) <= 5 and _is_title(words, heads, head):
                candidates.append((m.start(), m.end(), " ".join(words)))
        if not candidates:
            candidates = _lower_titles(low, heads, cue, not_title, head)
        used: set[TimeFrame] = set()
        last_end, last_years = -1, None
        for start, end, title in candidates:
            if last_end >= 0 and _OR.fullmatch(low, last_end, start):  # "COO or CCO": one step
                found.append((_singular(title), last_years, last_years is not None))
                continue
            if " " not in title and (
                title in generic or any(h.fullmatch(_singular(title)) for h in heads[2:])
            ):
                continue  # "manager", "head": a rung of every ladder, named by no one path
            if set(_singular(title).split()) <= own | {_singular(w) for w in own}:
                continue  # the role applied for is where the path starts
            starts = [c[0] for c in candidates]
            near = _time_to(frames, low, (start, end), starts, reach, become)
            if near is None:
                continue
            last_end = end
            if near in used:  # "A after two years, then B": B is a step after A
                found.append((_singular(title), None, False))
                last_years = None
                continue
            used.add(near)
            after = low[near.end : near.end + 25]
            found.append((_singular(title), near.years, not later.search(after)))
            last_years = near.years
    # a title timed twice keeps its quicker figure: the path is no slower than the notes say
    quickest: dict[str, tuple[str, float | None, bool]] = {}
    for step in found:
        kept = quickest.get(step[0])
        if kept is None or (step[1] is not None and (kept[1] is None or step[1] < kept[1])):
            quickest[step[0]] = step
    return list(quickest.values())
