"""The coach's knowledge as data: concepts (ways of saying one thing) and the rules that
combine them, read from the TOML files in `aspire_tui/knowledge/`.

A concept is a list of phrases. A phrase is a lower-case pattern matched as whole words: a
space stands for any run of spaces or hyphens ("long term" matches "long-term"), " ?" for
an optional one ("in ?house" matches "inhouse" and "in-house"), `{name}`
stands for every phrase of another concept, and the rest is regular-expression syntax for
the small choices ("(?:a|an)", "s?"). Plugins add phrases to concepts through the
`aspire_vocabulary` hook (`extend`), never code.
"""

from __future__ import annotations

import re
import tomllib
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from difflib import get_close_matches
from functools import lru_cache
from importlib import resources
from typing import Any

from ..models import CAREER_STAGES
from . import compiled, fastre
from .compiled import compile_pattern
from .fastre import WordPattern

_REF = compile_pattern(r"\{([a-z][a-z0-9_]*)\}")
_SPACE = compile_pattern(r" +")
KNOWLEDGE_PACKAGE = "aspire_tui.knowledge"

RULE_TYPES = ("existence", "sequence", "tenure", "vague")
SEVERITIES = ("suggestion", "warning", "error")


class KnowledgeError(ValueError):
    """A knowledge file or a plugin's vocabulary that cannot be used, said in one line."""


@dataclass(frozen=True)
class Rule:
    """One thing a coach underlines, as a rule type applied to concepts."""

    id: str
    kind: str
    type: str
    match: tuple[str, ...]
    severity: str
    message: str
    suggestion: str | None = None
    negatable: bool = True
    past: bool = False  # also fires on past-tense clauses ("I worked for another firm")
    within: int = 8  # words between the parts of a sequence
    scope: str = "sentence"
    max_years: float = 3.0
    min_years: float = 0.2
    before: bool = False  # tenure: a time said before the words counts too
    unless: tuple[str, ...] = ()  # concepts in the same sentence that silence the rule
    requires: tuple[str, ...] = ()  # concepts the sentence must hold for the rule to fire
    anchored: str = "suggestion"  # vague: the severity when the sentence is concrete
    min_count: int = 1  # vague: matches an unanchored sentence needs before it is serious
    crowd: int = 0  # vague: matches in one sentence that are serious even when concrete
    names: bool = True  # false: a phrase written as a name ("the Joint Commission") is skipped
    stages: tuple[str, ...] = ()  # the career stages the rule speaks to; empty: every stage
    #: a kind of finding another rule must make in the answer for this rule's to stand:
    #: "in the meantime" is a wait only once a plan elsewhere has been told
    follows: str = ""


@dataclass
class Knowledge:
    concepts: dict[str, list[str]] = field(default_factory=dict)
    rules: list[Rule] = field(default_factory=list)
    tables: dict[str, Any] = field(default_factory=dict)  # ladder, stages and the like
    sources: dict[str, str] = field(default_factory=dict)  # concept -> file that made it
    #: rule id -> the kind of finding it follows (`Rule.follows`), for the rules that do
    follows: dict[str, str] = field(default_factory=dict)
    #: Changes whenever a file or a plugin's phrases change: what is worked out from the
    #: concepts is kept between runs under it (see `compiled.remembered`).
    fingerprint: tuple[int, ...] = ()


def _read_builtin() -> Knowledge:
    knowledge = Knowledge()
    root = resources.files(KNOWLEDGE_PACKAGE)
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".toml"):
            continue
        text = entry.read_text(encoding="utf-8")
        key = ("toml", entry.name, zlib.crc32(text.encode("utf-8")), len(text))
        knowledge.fingerprint += key[2:]
        try:
            data = compiled.remembered(key, lambda: tomllib.loads(text))  # noqa: B023
        except tomllib.TOMLDecodeError as exc:
            raise KnowledgeError(f"{entry.name}: {exc}") from None
        _merge_file(knowledge, entry.name, data)
    _check(knowledge)
    return knowledge


def _merge_file(knowledge: Knowledge, name: str, data: dict[str, Any]) -> None:
    for concept, body in data.get("concept", {}).items():
        if concept in knowledge.concepts:
            raise KnowledgeError(
                f"{name}: concept {concept!r} is already defined in {knowledge.sources[concept]}"
            )
        phrases = body.get("phrases", [])
        if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
            raise KnowledgeError(f"{name}: concept {concept!r}: phrases must be strings")
        knowledge.concepts[concept] = list(phrases)
        knowledge.sources[concept] = name
    for raw in data.get("rule", []):
        rule = _rule(name, raw)
        knowledge.rules.append(rule)
        if rule.follows:
            knowledge.follows[rule.id] = rule.follows
    for key, value in data.items():
        if key not in ("concept", "rule"):
            knowledge.tables[key] = value


def _rule(name: str, raw: dict[str, Any]) -> Rule:
    raw = dict(raw)
    rule_id = raw.get("id", "?")
    match = raw.get("match")
    raw["match"] = tuple([match] if isinstance(match, str) else match or ())
    raw["unless"] = tuple(raw.get("unless", ()))
    raw["requires"] = tuple(raw.get("requires", ()))
    raw["stages"] = tuple(raw.get("stages", ()))
    for stage in raw["stages"]:
        if stage not in CAREER_STAGES:
            raise KnowledgeError(
                f"{name}: rule {rule_id}: stage {stage!r} is not one of "
                f"{', '.join(CAREER_STAGES)}{_did_you_mean(stage, dict.fromkeys(CAREER_STAGES))}"
            )
    if raw.get("type") not in RULE_TYPES:
        raise KnowledgeError(f"{name}: rule {rule_id}: type must be one of {', '.join(RULE_TYPES)}")
    if raw.get("anchored", "suggestion") not in (*SEVERITIES, ""):
        raise KnowledgeError(f"{name}: rule {rule_id}: anchored must be a severity or empty")
    if raw.get("severity") not in SEVERITIES:
        raise KnowledgeError(f"{name}: rule {rule_id}: severity must be one of {SEVERITIES}")
    try:
        return Rule(**raw)
    except TypeError as exc:
        raise KnowledgeError(f"{name}: rule {rule_id}: {exc}") from None


def opens_mid_word(phrase: str) -> bool:
    """Whether a branch of `phrase` starts with an apostrophe ("(?:is|\\x27s) fine"): a
    phrase starts where a word does, so that branch can never match "pay's"."""
    if "x27" not in phrase and "'" not in phrase and "’" not in phrase:
        return False  # most phrases: no apostrophe anywhere, nothing to parse
    for branch in fastre.split_top_level(phrase):
        if branch.startswith(("\\x27", "'", "’")):
            return True
        if branch.startswith("(?:"):
            for i, c, depth in fastre.syntax_of(branch):
                if c == ")" and depth == 0:
                    if opens_mid_word(branch[3:i]):
                        return True
                    break
    return False


def _check(knowledge: Knowledge) -> None:
    """Every reference resolves, and every phrase can match: a typo in a knowledge file
    fails loudly, once."""
    for concept, phrases in knowledge.concepts.items():
        for phrase in phrases:
            if opens_mid_word(phrase):
                raise KnowledgeError(
                    f"{knowledge.sources[concept]}: concept {concept!r}: {phrase[:40]!r} has a "
                    "choice that starts with an apostrophe, which never matches; write it "
                    "with its word, as [\\w-]+\\x27s"
                )
            for ref in _REF.findall(phrase):
                if ref not in knowledge.concepts:
                    raise KnowledgeError(
                        f"{knowledge.sources[concept]}: concept {concept!r}: "
                        f"unknown concept {{{ref}}}{_did_you_mean(ref, knowledge.concepts)}"
                    )
    for rule in knowledge.rules:
        parts = (*rule.match, *rule.unless, *rule.requires)
        for ref in (r for part in parts for r in part.split("|")):
            if ref not in knowledge.concepts:
                raise KnowledgeError(
                    f"rule {rule.id}: unknown concept {ref!r}"
                    f"{_did_you_mean(ref, knowledge.concepts)}"
                )


def _did_you_mean(name: str, choices: Mapping[str, object]) -> str:
    close = get_close_matches(name, list(choices), n=1)
    return f"; did you mean {close[0]}?" if close else ""


# ---- plugins' vocabulary --------------------------------------------------------------

_extensions: dict[str, dict[str, list[str]]] = {}
_generation = [0]


def generation() -> int:
    """Bumped whenever plugins change the knowledge: results kept from before are stale."""
    return _generation[0]


def extend(source: str, vocabulary: Mapping[str, Sequence[str]]) -> None:
    """Add a plugin's phrases to existing concepts (replacing what `source` added before).

    Raises `KnowledgeError` naming the concept when one is unknown or a phrase is not a
    valid pattern; nothing is added then."""
    base = _builtin()
    added: dict[str, list[str]] = {}
    for concept, phrases in vocabulary.items():
        if concept not in base.concepts:
            raise KnowledgeError(
                f"unknown concept {concept!r}{_did_you_mean(concept, base.concepts)}"
            )
        if isinstance(phrases, str) or not all(isinstance(p, str) for p in phrases):
            raise KnowledgeError(f"concept {concept!r}: phrases must be a list of strings")
        for phrase in phrases:
            if opens_mid_word(phrase):
                raise KnowledgeError(
                    f"concept {concept!r}: {phrase!r} has a choice that starts with an "
                    "apostrophe, which never matches; write it with its word"
                )
            try:
                re.compile(_expand_phrase(phrase.lower(), base.concepts, ()))
            except (re.error, KnowledgeError) as exc:
                raise KnowledgeError(f"concept {concept!r}: {phrase!r}: {exc}") from None
        added[concept] = [p.lower() for p in phrases]
    _extensions[source] = added
    knowledge.cache_clear()
    pattern.cache_clear()
    _generation[0] += 1


def forget_all() -> None:
    """Back to the built-in knowledge alone (before a plugin host loads its plugins)."""
    if _extensions:
        _extensions.clear()
        knowledge.cache_clear()
        pattern.cache_clear()
        _generation[0] += 1


def forget(source: str) -> None:
    """Drop what a plugin added (it was disabled or unloaded)."""
    if _extensions.pop(source, None) is not None:
        knowledge.cache_clear()
        pattern.cache_clear()
        _generation[0] += 1


@lru_cache(maxsize=1)
def _builtin() -> Knowledge:
    return _read_builtin()


@lru_cache(maxsize=1)
def knowledge() -> Knowledge:
    """The built-in knowledge with every plugin's phrases added."""
    base = _builtin()
    if not _extensions:
        return base
    concepts = {k: list(v) for k, v in base.concepts.items()}
    for added in _extensions.values():
        for concept, phrases in added.items():
            concepts[concept].extend(phrases)
    said = repr(sorted(_extensions.items())).encode("utf-8", "surrogatepass")
    fingerprint = (*base.fingerprint, zlib.crc32(said), len(said))
    return Knowledge(concepts, base.rules, base.tables, base.sources, base.follows, fingerprint)


# ---- compiling ------------------------------------------------------------------------


def _expand_phrase(phrase: str, concepts: Mapping[str, list[str]], stack: tuple[str, ...]) -> str:
    def ref(m: re.Match[str]) -> str:
        name = m.group(1)
        if name in stack:
            raise KnowledgeError(f"concept {name!r} refers to itself")
        if name not in concepts:
            raise KnowledgeError(f"unknown concept {{{name}}}")
        return "(?:" + _body(name, concepts, (*stack, name)) + ")"

    expanded = _REF.sub(ref, phrase).replace(" ?", "\x00")
    return _SPACE.sub(r"[\\s-]+", expanded).replace("\x00", r"[\s-]?")


def _body(name: str, concepts: Mapping[str, list[str]], stack: tuple[str, ...] = ()) -> str:
    phrases = concepts[name]
    if not phrases:
        return "(?!)"
    return "|".join(_expand_phrase(p, concepts, (*stack, name)) for p in phrases)


#: A match ends a whole word: not "don" of "don't"; "money's" (money is) and "airlines'" end one.
_WHOLE_WORD = r"(?!\w)(?!'(?!s\b)\w)"


@lru_cache(maxsize=256)
def pattern(name: str) -> WordPattern:
    """A concept as a whole-word pattern for lower-cased text (see `fastre.lower`)."""
    known = knowledge()
    source = compiled.remembered(
        ("concept", name, known.fingerprint),
        lambda: r"\b(?:" + _body(name, known.concepts, (name,)) + ")" + _WHOLE_WORD,
    )
    return WordPattern(source)


def phrases_pattern(phrases: Any) -> WordPattern:
    """A list of phrases in the concepts' syntax (referring to concepts too) as one
    whole-word pattern, for a plugin's own kinds of match. Raises `KnowledgeError` naming
    the first phrase that is not valid."""
    if isinstance(phrases, str) or not isinstance(phrases, Sequence) or not phrases:
        raise KnowledgeError("phrases must be a non-empty list of strings")
    if not all(isinstance(p, str) and p.strip() for p in phrases):
        raise KnowledgeError("phrases must be a non-empty list of strings")
    concepts = knowledge().concepts
    bodies = []
    for phrase in phrases:
        try:
            body = _expand_phrase(phrase.lower(), concepts, ())
            re.compile(body)
        except (re.error, KnowledgeError) as exc:
            raise KnowledgeError(f"{phrase!r}: {exc}") from None
        bodies.append(body)
    return WordPattern(r"\b(?:" + "|".join(bodies) + ")" + _WHOLE_WORD)


def table(name: str) -> Any:
    return knowledge().tables.get(name, {})
