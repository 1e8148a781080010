"""The pitfalls a career coach listens for (DOMAIN: "Pitfalls that sink an answer" and
"Other things coaches listen for"), found phrase by phrase.

Each rule is a pattern for one way of saying a thing, not a sentence from any example.
A hit covers the clause a coach would underline. Scorers turn hits into findings and scores:
money-first into alignment, flight risk into commitment, overreach into realism, vague talk
and uncertainty into specificity.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from .fastre import WordPattern
from .text import Span, clause_around, find_time_frames

if TYPE_CHECKING:
    from .text import Analysis

MONEY = "money"
FLIGHT = "flight-risk"
UNREALISTIC = "unrealistic"
UNCERTAIN = "uncertainty"
HEDGE = "hedge"
VAGUE = "vague"
BUZZ = "buzzword"


class Hit(NamedTuple):
    kind: str
    start: int  # the clause to underline
    end: int
    trigger_start: int  # the words that fired the rule
    trigger_end: int
    severity: str
    message: str
    suggestion: str | None = None


class Rule(NamedTuple):
    kind: str
    pattern: WordPattern
    severity: str
    message: str
    suggestion: str | None = None
    negatable: bool = True


def _r(pattern: str) -> WordPattern:
    return WordPattern(pattern, re.IGNORECASE | re.VERBOSE)


_OWN_VENTURE = (
    r"(?:company|business|firm|consultancy|practice|studio|agency|start-?up|venture|shop"
    r"|clinic|label)"
)

_MONEY = (
    "Money comes up as a goal: it says nothing about how this job fits your path.",
    "Talk about the work and what you want to grow into; leave pay for the offer stage.",
)
_OWN_WAY = (
    "This plan leads out of the door: the interviewer hears that you will leave to work "
    "for yourself.",
    "Keep to what you want to build here; if independence matters, frame it as ownership "
    "of a product or a client area inside the company.",
)
_OUT_OF_DOOR = (
    "This points out of the door: the interviewer wants to hear that you will stay and grow here.",
    "Say what you want to build and learn here, and how it serves the company.",
)
_UNSURE = (
    "This sounds unsure of where you are heading: it reads as not having thought ahead.",
    "If you don't know the destination yet, say what you have reflected on and how you "
    "will find out, then name the next step you are sure of.",
)
#: "run my own team" is a job here, not a business of one's own.
_NOT_ANCHORED = (
    "team|teams|projects?|area|workstream|portfolio|department|unit|ward|lab|squad|section"
    "|caseload|desk|patch|territory|shift|classroom|class"
)

RULES: tuple[Rule, ...] = (
    # ---- money first ---------------------------------------------------------------
    Rule(
        MONEY,
        _r(
            r"""\b(?:salar(?:y|ies)|income|wages?|pay\s?checks?|remuneration|compensation|total\s+comp
        |pay\s+(?:rise|raise|review|reviews|band|grade|step|scale|structure|increase|bump|rate|goes\s+up)
        |(?:the|my|better|higher|more|top|base)\s+pay\b|raise\s+structure|(?:a|annual|yearly)\s+raise
        |bonus(?:es)?|profit[\s-]shar(?:e|ing)|stock\s+options|equity(?=.{0,40}\bvest)|\bvests?\b
        |allowances?|six[\s-]figures?|(?:the|real|good|more|decent|big)\s+money|money\b
        |(?:get|be|being|getting|am|was)\s+paid|underpaid|well[\s-]paid|higher[\s-]paying|paid\s+(?:properly|more|fairly|better)
        |earn(?:s|ing)?\s+(?:a\s+lot|more|at\s+least|double|twice|good|enough|\$|£|€|\d)|earnings
        |(?:hourly|day|daily|grade\s+\w+)\s+rate
        |financial(?:ly)?(?!\s+(?:analy|report|model|servic|statement|planning|data|system|control|crime|inclusion|institution|product|audit|year|close|plan))
        )""".replace("\n", " ")
        ),
        "warning",
        *_MONEY,
    ),
    # ---- flight risk: plans that lead out of the door ----------------------------------
    Rule(
        FLIGHT,
        _r(
            rf"""\b(?:(?:start|starting|set\s+up|setting\s+up|launch|launching|found|founding|open|opening|run|running|build|building)
            \s+(?:up\s+)?(?:my|our|a|an)\s+(?:own\s+)?(?:[\w-]+\s+){{0,2}}{_OWN_VENTURE}
        |my\s+own\s+(?:[\w-]+\s+)?{_OWN_VENTURE}|(?:my|our)\s+own\s+(?:clients|boss|hours)
        |(?:go|going|become|becoming|work|working|turn|turning)\s+(?:freelance|independent|self[\s-]employed|solo|contract(?:ing)?)
        |freelanc(?:e|ing|er)|(?:go|going|strike|striking|head|branch|branching)\s+out\s+on\s+(?:my|our)\s+own
        |(?:setting|set)\s+my\s+own\s+hours|picking\s+my\s+own\s+projects|be\s+my\s+own\s+boss
        |(?:set|setting)\s+up\s+on\s+my\s+own|work(?:ing)?\s+for\s+myself
        |(?:open|opening|start|starting|launch|launching|found|founding|set\s+up|setting\s+up)\s+(?:a|an)\s+
            (?:[\w-]+\s+){{0,2}}(?!family\b|home\b|house\b)[\w-]+\s+of\s+(?:my|our)\s+own
        )""".replace("\n", " ")
        ),
        "error",
        *_OWN_WAY,
    ),
    Rule(
        FLIGHT,
        _r(
            r"""\b(?:stepping[\s-]stones?|spring[\s-]?boards?|launch(?:ing)?[\s-]?pads?|foot\s+in\s+the\s+door
        |the\s+way\s+in\b|not\s+the\s+destination|(?:on|for)\s+my\s+(?:cv|resume|résumé)
        |(?:short|temporary|brief|defined)\s+(?:chapter|stint|stop)|job[\s-]hopp\w*|jump(?:ing)?\s+around
        |keep(?:ing)?\s+my\s+options\s+open|not\s+where\s+I(?:'m|\s+am|'ll|\s+will)?\s+(?:be\s+)?stay\w*
        |(?:move|moving)\s+on\b(?!\s+to\b)|(?:then|after\s+that)\s+(?:I'd|I\s+would|I'll|I\s+will)\s+(?:leave|go)\b
        |(?:go|going|head|heading)\s+back\s+to\s+(?:school|university|uni|college|study|studying)
        |full[\s-]time\s+(?:degree|study|studies|master'?s|mba|phd|course)
        |(?:move|moving|relocat\w+|emigrat\w+)\s+(?:abroad|overseas|to\s+another\s+country)
        |(?:join|joining|move\s+to|moving\s+to|work\s+for)\s+(?:a|one\s+of\s+your|your)\s+competitors?
        |(?:move|moving|jump|jumping|switch|switching|go|going|join|joining)\s+(?:on\s+)?to\s+(?:a|an)\s+(?:bigger|larger|better|different|other)\s+(?:company|firm|employer|organi[sz]ation|agency|business|studio|team)
        |(?:join|joining)\s+(?:a|an)\s+(?:bigger|larger|better|different)\s+(?:company|firm|employer|organi[sz]ation|agency|business)
        |(?:another|a\s+different)\s+(?:company|firm|employer|organi[sz]ation)
        |(?:replace|replacing)\s+you\b|(?:take|taking|have|having)\s+your\s+(?:job|seat|chair|place|role)
        |(?:in|be\s+in|sitting\s+in)\s+your\s+(?:seat|chair|shoes|job|position)
        )""".replace("\n", " ")
        ),
        "warning",
        *_OUT_OF_DOOR,
    ),
    # ---- uncertainty: no direction ------------------------------------------------------
    Rule(
        UNCERTAIN,
        _r(
            r"""\b(?:(?:i'?m|i\s+am)\s+(?:\w+\s+){0,2}not\s+(?:\w+\s+)?sure|not\s+(?:totally\s+|really\s+|entirely\s+|quite\s+|completely\s+|honestly\s+)?sure\b
        |(?:don'?t|do\s+not)\s+(?:really\s+)?know(?:\s+yet)?(?:\s+(?:if|whether|what|where))?
        |(?:couldn'?t|can'?t|cannot)\s+(?:really\s+)?(?:tell\s+you|say)|no\s+(?:real\s+|clear\s+)?idea
        |(?:no|not\s+a|haven'?t\s+(?:got\s+)?a|don'?t\s+have\s+a)\s+clue|hard\s+to\s+say|no\s+real\s+plan
        |haven'?t\s+(?:really\s+)?(?:planned|thought|decided|figured)|(?:plan|plans|planned|think|thought|thinking|look|looked)\s+(?:that|this|so)\s+far\s+ahead
        |(?:don'?t|do\s+not)\s+(?:really\s+)?have\s+(?:a|any|big|much|many|clear|real)?\s*(?:five[\s-]year\s+|long[\s-]term\s+|career\s+)?(?:plans?|ambitions?|goals?|idea)
        |see\s+(?:where|what|how)\s+(?:it|life|things|that)\s+(?:goes|go|takes|leads|happens|pans\s+out|turns\s+out)|see\s+what\s+happens|where\s+life\s+takes
        |one\s+day\s+at\s+a\s+time|(?:figure|work|working|figuring)\s+(?:it|that|things)\s+out|whatever\s+comes\s+(?:along|my\s+way)
        |(?:i\s+)?wonder\s+(?:if|whether)|a\s+long\s+way\s+off|(?:is|it'?s)\s+not\s+for\s+me|who\s+knows
        |maybe\s+not\b|(?:said|told\s+me|suggested)\s+(?:that\s+)?(?:I\s+should|it\s+might\s+suit)|(?:fell|fall)\s+into
        |(?:might|may)\s+(?:love|like|hate|enjoy)\s+it,?\s+or|or\s+I\s+might|not\s+someone\s+who\s+plans
        |(?:still\s+)?(?:working|figuring)\s+(?:that|it)\s+out|giving\s+it\s+a\s+(?:try|go)|give\s+it\s+a\s+go
        )""".replace("\n", " ")
        ),
        "warning",
        *_UNSURE,
        negatable=False,
    ),
    # ---- hedges: weaken a statement -----------------------------------------------------
    Rule(
        HEDGE,
        _r(
            r"""\b(?:maybe|perhaps|hopefully|possibly|probably|I\s+guess|I\s+suppose|kind\s+of|sort\s+of
        |we'?ll\s+see|I\s+might|might\s+be|if\s+I'?m\s+lucky|fingers\s+crossed)\b""".replace(
                "\n", " "
            )
        ),
        "suggestion",
        "A hedge weakens the point you are making.",
        "State it plainly, or drop the hedge.",
        negatable=False,
    ),
    # ---- overreach: guarantees and hyperbole ---------------------------------------------
    Rule(
        UNREALISTIC,
        _r(
            r"""\b(?:I\s+(?:can\s+)?(?:guarantee|promise)|guaranteed?|I\s+know\s+(?:exactly\s+)?how\s+to\s+fix
        |(?:it'?s|it\s+is)\s+(?:entirely|purely|simply|just|only)\s+an?\s+\w+\s+problem|100\s?%|without\s+(?:a|any)\s+doubt
        |in\s+a\s+matter\s+of\s+(?:weeks|days)|overnight|in\s+no\s+time|(?:from|on)\s+day\s+one
        |(?:essentially|basically|effectively|practically)\s+been\s+an?\b|(?:down\s+)?to\s+zero\b
        |(?:eliminate|eradicate|end)\s+\w+(?:\s+\w+)?\s+(?:completely|entirely|altogether)
        )""".replace("\n", " ")
        ),
        "warning",
        "This promises more than anyone can: it sounds out of touch with how long change takes.",
        "Promise effort and a first step you can control; show you know what it takes.",
    ),
    # ---- more ways of saying the same pitfalls ------------------------------------------
    Rule(
        MONEY,
        _r(
            r"""\b(?:pays?\s+(?:more|better|well|a\s+lot)|paying\s+(?:more|better)|better[\s-]paid
            |higher[\s-]paid|earning\s+(?:potential|power)|(?:the|your|good|great)\s+benefits
            |benefits\s+package|pension(?:\s+scheme)?|perks|company\s+car|share\s+options
            |(?:pay|paying)\s+off\s+(?:my|our|the)\s+(?:debts?|loans?|mortgage|student\s+loans?)
            |(?:buy|afford)\s+(?:a|my|our)\s+(?:first\s+)?(?:house|home|flat)
            |make\s+(?:more|good|decent|a\s+lot\s+of|serious|real)\s+money|wealth(?:y)?
            |increase\s+my\s+(?:income|salary|pay|earnings)|(?:bump|jump|increase|rise)\s+in\s+(?:pay|salary)
            |pay\s+(?:bump|jump|cut)|retire\s+(?:early|young|at\s+\d+)|early\s+retirement
            |financial(?:ly)?\s+(?:independent|free|freedom|security|stability))"""
        ),
        "warning",
        *_MONEY,
    ),
    Rule(
        FLIGHT,
        _r(
            rf"""\b(?:(?:run|own|open|start|launch|found|set\s+up|have)\s+(?:my|our)\s+own
            \s+(?![\w-]*\s*(?:{_NOT_ANCHORED})\b)[\w-]+)"""
        ),
        "error",
        *_OWN_WAY,
    ),
    Rule(
        FLIGHT,
        _r(
            r"""\b(?:(?:before|then)\s+(?:applying|moving|going|heading|switching|jumping|looking)
            \s+(?:on\s+)?(?:to|for)\s+(?:a\s+|an\s+)?(?:bigger|larger|better|other|different|another)
            |(?:bigger|larger|better|other)\s+(?:firms|companies|employers|organi[sz]ations|agencies)
            |emigrat\w+|(?:go|going)\s+travell?ing|travel\s+the\s+world|gap\s+year
            |relocat\w+\s+(?:to|abroad|overseas)|move\s+(?:back\s+)?(?:home|to\s+another\s+(?:city|country))
            |(?:get|go|going|getting|apply|applying)\s+(?:into|back\s+to|to|for)\s+(?:a\s+)?
            (?:phd|doctorate|grad(?:uate)?\s+school|law\s+school|medical\s+school)
            |(?:phd|doctoral)\s+(?:programme|program|place|position)|study\s+full[\s-]time
            |(?:doing|do|have|take|taking|get|getting|want)\s+your\s+(?:job|role|position|seat|chair)
            |(?:only\s+)?(?:planning|going|want(?:ing)?|intend(?:ing)?)\s+to\s+stay\s+(?:here\s+)?until
            |(?:stay|staying|be\s+here|work\s+here)\s+(?:only\s+)?until
            |after\s+(?:about\s+|around\s+|a\s+couple\s+of\s+|a\s+few\s+)?(?:[\w-]+\s+){0,2}
            (?:years?|months?),?\s+(?:I(?:'d|\s+would|'ll|\s+will|\s+want\s+to|\s+plan\s+to
            |'m\s+planning\s+to|\s+hope\s+to|\s+intend\s+to)\s+)?
            (?:move|leave|go|quit|switch|change\s+jobs|head|relocate|emigrate)
            |(?:look|looking)\s+(?:for|at)\s+(?:something|a\s+job|a\s+role|roles|work|opportunities)
            \s+(?:new|else|elsewhere)|look(?:ing)?\s+elsewhere|what\s+else\s+is\s+out\s+there|pastures\s+new
            |(?:take|taking)\s+(?:a|some)\s+(?:year|time|months?|gap\s+year)\s+(?:out|off)|year\s+out
            |my\s+(?:dream|real\s+goal|ultimate\s+goal)\s+is\s+to\s+(?:open|start|run|launch|have|own|set\s+up)
            |(?:open|opening|start|starting|run|running)\s+(?:a|an|my)\s+(?:little\s+|small\s+|own\s+)?
            (?:shop|caf[eé]|restaurant|bar|bakery|salon|gym|school|gallery|farm|pub|hotel|b&b))"""
        ),
        "warning",
        *_OUT_OF_DOOR,
    ),
    Rule(
        UNCERTAIN,
        _r(
            r"""\b(?:(?:figuring|working)\s+out\s+(?:what|where|who|how|if|whether)\s+(?:I|my)\b
            |(?:go|going|went)\s+with\s+the\s+flow|take\s+(?:things|it|each\s+day)\s+as\s+(?:they|it)\s+comes?
            |play\s+it\s+by\s+ear|wing\s+it
            |see\s+(?:where|what|how)\s+(?:it|life|things|that|everything|the\s+future)\b
            |open\s+to\s+(?:anything|everything|whatever)|anything,?\s+really
            |not\s+(?:great|good|big|much)\s+(?:at|on|of\s+a)\s+(?:long[\s-]term\s+)?(?:planning|planner)
            |not\s+(?:a|much\s+of\s+a)\s+planner|(?:don'?t|never)\s+(?:really\s+)?plan\b
            |haven'?t\s+(?:got\s+)?(?:a|any)\s+(?:real\s+|clear\s+)?plan
            |(?:it\s+)?(?:all\s+)?depends\s+on\s+(?:how|what|where)\s+(?:things|it)
            |(?:undecided|unsure|uncertain)\s+(?:about|whether|what|where)|on\s+the\s+fence
            |undecided|indecisive|hard\s+to\s+(?:say|answer|know|predict|tell)
            |(?:haven'?t|not)\s+(?:given|put)\s+(?:it|that|this)\s+(?:much\s+|a\s+lot\s+of\s+)?thought
            |anything\s+(?:could|can|might)\s+happen|can'?t\s+(?:really\s+)?predict
            |whatever\s+(?:opportunities|comes|happens|turns\s+up|is\s+available)
            |(?:don'?t|do\s+not)\s+(?:want\s+to\s+)?commit\s+to
            |not\s+(?:really\s+)?(?:a|the)\s+(?:[\w-]+[\s-]){0,3}(?:plan|planner|planning)\s+(?:kind\s+of\s+|sort\s+of\s+)?(?:person|type|guy|girl))"""
        ),
        "warning",
        *_UNSURE,
        negatable=False,
    ),
)


def _join(rules: tuple[Rule, ...]) -> tuple[Rule, ...]:
    """Rules that say the same thing share one pass over the text."""
    groups: dict[tuple[object, ...], list[Rule]] = {}
    for rule in rules:
        key = (
            rule.kind,
            rule.severity,
            rule.message,
            rule.suggestion,
            rule.negatable,
            rule.pattern.tail,
        )
        groups.setdefault(key, []).append(rule)
    return tuple(
        group[0]._replace(pattern=WordPattern.union([r.pattern for r in group]))
        for group in groups.values()
    )


_JOINED_RULES = _join(RULES)

# ---- vague talk and buzzwords ---------------------------------------------------------

VAGUE_RE = _r(
    r"""\b(?:keep(?:ing)?\s+(?:improving|growing|learning|developing|helping)
    |continu\w*\s+(?:to\s+)?(?:grow|learn|improve|develop)\w*|as\s+a\s+person\b
    |grow\w*,?\s+(?:both\s+)?as\s+an?\s+\w+
    |I'?m\s+sure\s+(?:\w+\s+){0,3}(?:would|will)\s+be\s+(?:interesting|fine|nice|ok(?:ay)?)|(?:would|could|might)\s+be\s+(?:interesting|fine|nice)\s+too
    |(?:bigger|larger|greater|higher|more\s+senior|more\s+responsible)\s+(?:role|position|challenges?|impact|responsibilit\w+|things)
    |tak(?:e|ing)\s+on\s+more|more\s+responsibilit\w+|(?:move|moving)\s+up(?:\s+the\s+ladder)?\b|climb\w*\s+the\s+ladder
    |mak(?:e|ing)\s+a\s+difference|add(?:ing)?\s+value|(?:a\s+)?real\s+asset|an\s+asset
    |(?:develop|improve|build|grow|broaden)\s+my\s+skills?(?:\s+set)?|more\s+(?:exciting|interesting|challenging)\s+(?:projects|work|things)
    |whatever\s+(?:the\s+organi[sz]ation|the\s+team|the\s+company|you|it)\s+needs?|in\s+a\s+different\s+way|along\s+the\s+way
    |at\s+some\s+point|one\s+day\b|some\s*day|down\s+the\s+(?:road|line)|over\s+time|over\s+the\s+years|in\s+the\s+future
    |somewhere\s+(?:decent|good|nice|great)|more\s+and\s+more|do\s+(?:good|great)\s+work
    |(?:someone|somebody)\s+(?:people|the\s+team|others)\s+can\s+rely\s+on|helping\s+other\s+people|help\s+other\s+\w+
    |move\s+into\s+management|into\s+a\s+leadership\s+role|(?:a|the)\s+next\s+level|reach\s+my\s+(?:full\s+)?potential
    |get\s+better\s+at|(?:a|the)\s+better\s+version|take\s+on\s+(?:new\s+)?challenges
    |(?:be|become|being)\s+(?:successful|a\s+success)|(?:be|become)\s+the\s+best\s+(?:I|version|at\s+what|that\s+I)
    |grow\s+and\s+(?:develop|learn|progress)|develop\s+and\s+grow|part\s+of\s+something\s+(?:bigger|special|great)
    |make\s+(?:an?\s+)?(?:real\s+|big\s+|positive\s+|lasting\s+)?impact|do\s+well|get\s+somewhere|go\s+far
    |progress\s+(?:in\s+my\s+career|further)|(?:grow|growing|develop|developing)\s+professionally
    |successful\s+career|career\s+progression|climb\w*\s+the\s+(?:career\s+)?ladder
    |keep\s+evolving|evolv\w+\s+as\s+an?\b|(?:add|adding|build|building|expand|expanding|broaden|broadening)
    \s+(?:to\s+)?my\s+(?:toolkit|tool\s+kit|skill\s*set|horizons)|really\s+shine
    |(?:where|so)\s+I\s+can\s+(?:really\s+)?(?:shine|thrive|flourish)|well[\s-]rounded|meaningful\s+work
    |(?:meaningful|fulfilling|rewarding)\s+(?:career|role|job|work)|make\s+my\s+mark|at\s+some\s+(?:stage|time)
    |a\s+leader\s+in\s+my\s+field|(?:a|some)\s+senior\s+(?:position|role)
    )""".replace("\n", " ")
)

BUZZ_RE = _r(
    r"""\b(?:leverag\w+|synerg\w+|actionable\s+insights?|data[\s-]driven|data[\s-]informed|end[\s-]to[\s-]end
    |best[\s-]in[\s-]class|world[\s-]class|value[\s-]add\w*|drives?\s+(?:\w+[\s-]){0,2}(?:efficiency|impact|growth|results|innovation|change|performance|improvement|excellence|experiences|safety|quality|outcomes)
    |drive\s+\w+[\s-]driven|fast[\s-]paced|team\s+player|detail[\s-]oriented|results[\s-](?:driven|oriented)|self[\s-]starter|go[\s-]getter
    |passionate\s+about|think(?:ing)?\s+outside\s+the\s+box|move\s+the\s+needle|deliver\w*\s+(?:excellence|innovative|delightful|value|impact|outcomes|solutions|results|actionable)
    |innovative|cutting[\s-]edge|transformation(?:al)?|transformative|transform\s+the|optimi[sz](?:e|es|ing)\b|enhanc\w+\s+the|champion(?:ing)?\s+(?:the|evidence|a|an)\b
    |elevat\w+|foster(?:ing)?\s+(?:a|the)\b|empower\w*|holistic|seamless\w*|delightful|intuitive|cross[\s-]?functional\w*
    |at\s+scale|continuous(?:ly)?\s+improv\w+|best\s+practices?|excellence|solutions\b|(?:patient|learner|customer|user)\s+journey
    |(?:person|user|learner|customer|patient)[\s-]cent(?:red|ered|ric)|mobile[\s-]first|thought\s+leader\w*|game[\s-]chang\w+
    )""".replace("\n", " ")
)

_NEGATION = re.compile(
    r"\b(?:not|no|never|nor|without|than|instead|isn't|aren't|wasn't|don't|won't|wouldn't|"
    r"didn't|doesn't|can't|cannot|rather|avoid|n't)\b|n't\b",
    re.IGNORECASE,
)

# Concrete anchors: what makes a sentence specific (DOMAIN: a role, a skill, a credential,
# a time frame, a next step).
ANCHOR_RE = re.compile(
    r"\d|(?i:\b(?:certificat\w+|certification|degree|diploma|master'?s|mba|phd|course|exam|licen[cs]e"
    r"|accreditation|portfolio|mentor\w*|shadow\w*|dashboards?|reports?|projects?|programmes?"
    r"|programs?)\b)|\b[A-Z]{2,}[\w-]*|(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+"
)


def _negated(sentence: Span, start: int) -> bool:
    """A negation earlier in the same clause: "I'm not looking for a stepping stone"."""
    clause_start, _ = clause_around(sentence, start, start)
    before = sentence.text[clause_start - sentence.start : start - sentence.start]
    return bool(_NEGATION.search(before))


def find_hits(analysis: Analysis) -> list[Hit]:
    hits: list[Hit] = []
    sentences = analysis.sentences
    low = analysis.lowered
    starts = analysis.word_starts

    def by_sentence(pattern: WordPattern) -> list[list[re.Match[str]]]:
        return bucket(pattern.for_text(starts).finditer(low), sentences)

    for rule in _JOINED_RULES:
        for sentence, found in zip(sentences, by_sentence(rule.pattern), strict=True):
            for m in found:
                if rule.negatable and _negated(sentence, m.start()):
                    continue
                left, right = clause_around(sentence, m.start(), m.end())
                hits.append(
                    Hit(
                        rule.kind,
                        left,
                        right,
                        m.start(),
                        m.end(),
                        rule.severity,
                        rule.message,
                        rule.suggestion,
                    )
                )
    tenure = by_sentence(_TENURE_RE)
    vague = by_sentence(VAGUE_RE)
    # The company's own words are its vocabulary, not buzzwords ("nature-based solutions").
    research = _research_text(analysis.profile)
    buzz = [[m for m in found if m.group() not in research] for found in by_sentence(BUZZ_RE)]
    for i, sentence in enumerate(sentences):
        hits.extend(_tenure_hits(sentence, tenure[i]))
        hits.extend(_vague_hits(sentence, vague[i], buzz[i]))
    hits.extend(_elsewhere_hits(analysis))
    hits.extend(_realism_hits(analysis))
    _escalate_hedges(hits, analysis.words)
    _escalate_money(hits, analysis)
    return _dedupe(hits)


def _research_text(profile: object) -> str:
    r = getattr(profile, "research", None)
    if r is None:
        return ""
    return " ".join(
        getattr(r, k, "") for k in ("culture", "short_term_plans", "long_term_plans")
    ).lower()


def bucket(matches: Iterable[re.Match[str]], sentences: list[Span]) -> list[list[re.Match[str]]]:
    """Matches over the whole text, sorted into the sentences that hold them whole."""
    out: list[list[re.Match[str]]] = [[] for _ in sentences]
    ends = [s.end for s in sentences]
    for m in matches:
        i = bisect_left(ends, m.end())
        if i < len(sentences) and sentences[i].start <= m.start():
            out[i].append(m)
    return out


# ---- another employer or another place, named: "work for Google", "moving to Perth" ----------

_OTHER_EMPLOYER = re.compile(
    r"\b(?:work|working|join|joining)\s+(?:for|at)\s+"
    r"(?P<org>[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,2})"
)
_MOVING_AWAY = re.compile(
    r"(?i:\b(?:I|we|my\s+(?:partner|wife|husband|family)))\b[^.,;]{0,30}?"
    r"\b(?:mov(?:e|ing)|relocat(?:e|ing))\s+(?:back\s+)?to\s+(?P<org>[A-Z][a-z]+)"
)


def _elsewhere_hits(analysis: Analysis) -> list[Hit]:
    """Names need the original capitals, so these two read the text as written."""
    company = analysis.profile.company.strip().lower()
    own = {w for w in company.split() if len(w) > 2}
    hits = []
    for sentence in analysis.sentences:
        for pattern in (_OTHER_EMPLOYER, _MOVING_AWAY):
            for m in pattern.finditer(sentence.text):
                org = m.group("org").lower()
                if own and set(org.split()) & own:
                    continue  # this company, by its name
                start, end = sentence.start + m.start(), sentence.start + m.end()
                if _PAST.search(sentence.text[max(0, m.start() - 30) : m.start()]):
                    continue
                if _negated(sentence, start):
                    continue
                left, right = clause_around(sentence, start, end)
                hits.append(Hit(FLIGHT, left, right, start, end, "warning", *_OUT_OF_DOOR))
    return hits


# ---- short tenure: "I'd give it a year", "two years here" --------------------------------

_COUNT = (
    r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen"
    r"|eighteen|twenty|(?:a\s+)?(?:couple|few)(?:\s+of)?)"
)
_TENURE_RE = _r(
    rf"""\b(?:give\s+(?:it|this|this\s+role|you|them|the\s+\w+)|stay(?:ing)?(?:\s+here)?(?:\s+for)?
    |(?:do|doing)\s+(?:this|the|it)(?:\s+[\w-]+){{0,3}}\s+for|here\s+for)
    \s+(?:(?:about|around|maybe|roughly|perhaps|just|only|a\s+good)\s+)*(?P<dur>[\w\s-]{{1,30}}?\b(?:years?|months?))
    (?:\s+or\s+so)?\b|(?P<dur2>\b{_COUNT}(?:\s+(?:to|or)\s+{_COUNT})?\s+(?:years?|months?))\s+here\b"""
)


_PAST = re.compile(
    r"\b(?:I've|I\s+have|I\s+had|I\s+was|I\s+spent|I\s+worked|been|ago|since|last)\b", re.I
)


def _tenure_hits(sentence: Span, matches: list[re.Match[str]]) -> list[Hit]:
    hits = []
    for m in matches:
        dur = m.group("dur") or m.group("dur2") or ""
        frames = find_time_frames(dur)
        if not frames or frames[0].years > 3 or frames[0].years < 0.2:
            continue
        start, end = m.start(), m.end()
        before = sentence.text[: start - sentence.start]
        if _PAST.search(before[-40:]) or re.search(
            r"at\s+least|minimum|\bfirst\b", m.group(0), re.I
        ):
            continue
        if _negated(sentence, start):
            continue
        left, right = clause_around(sentence, start, end)
        hits.append(
            Hit(
                FLIGHT,
                left,
                right,
                start,
                end,
                "warning",
                "A short stay is built into the plan: the company invests in a hire and wants "
                "some return.",
                "Drop the time limit; talk about the goals you would reach here over the years.",
            )
        )
    return hits


# ---- vague talk without anything concrete ---------------------------------------------------


def _vague_hits(sentence: Span, vague: list[re.Match[str]], buzz: list[re.Match[str]]) -> list[Hit]:
    hits: list[Hit] = []
    anchored = bool(vague) and bool(ANCHOR_RE.search(_strip_matches(sentence, vague)))
    for m in vague:
        start, end = m.start(), m.end()
        left, right = clause_around(sentence, start, end)
        serious = not anchored or len(vague) + len(buzz) >= 3
        hits.append(
            Hit(
                VAGUE,
                left,
                right,
                start,
                end,
                "warning" if serious else "suggestion",
                "Vague: this could be said by anyone about any job.",
                "Name the role, skill, project or time frame you mean.",
            )
        )
    for m in buzz:
        start, end = m.start(), m.end()
        serious = len(buzz) >= 2
        hits.append(
            Hit(
                BUZZ,
                start,
                end,
                start,
                end,
                "warning" if serious else "suggestion",
                "Buzzword: it sounds rehearsed and says nothing you would actually do.",
                "Say what you would do, for whom, and how you would know it worked.",
            )
        )
    return hits


def _strip_matches(sentence: Span, matches: list[re.Match[str]]) -> str:
    """The sentence with the matched words blanked out, offsets kept."""
    text = sentence.text
    for m in reversed(matches):
        a, b = m.start() - sentence.start, m.end() - sentence.start
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def _escalate_hedges(hits: list[Hit], word_count: int) -> None:
    """One "maybe" is a nuance; hedging all the way through reads as no direction."""
    hedges = [i for i, h in enumerate(hits) if h.kind == HEDGE]
    if len(hedges) >= 3 and len(hedges) * 100 / max(word_count, 1) >= 2.5:
        for i in hedges:
            h = hits[i]
            hits[i] = Hit(
                UNCERTAIN,
                h.start,
                h.end,
                h.trigger_start,
                h.trigger_end,
                "warning",
                "Hedging throughout makes the whole answer sound unsure.",
                "Keep one hedge at most; state the rest plainly.",
            )


def _escalate_money(hits: list[Hit], analysis: Analysis) -> None:
    """Money in the opening, or money as the thread of the answer, is the money-first pitfall."""
    money = [i for i, h in enumerate(hits) if h.kind == MONEY]
    if not money:
        return
    first = analysis.sentences[0] if analysis.sentences else None
    sentences_with = {analysis.sentence_at(hits[i].trigger_start) for i in money}
    if len(sentences_with) >= 3 or (first and any(hits[i].start < first.end for i in money)):
        for i in money:
            h = hits[i]
            hits[i] = Hit(
                h.kind,
                h.start,
                h.end,
                h.trigger_start,
                h.trigger_end,
                "error",
                "Money first: leading with pay says nothing about how this job fits your path.",
                h.suggestion,
            )


def _dedupe(hits: list[Hit]) -> list[Hit]:
    """One finding per clause and kind: the most severe wins."""
    order = {"info": 0, "suggestion": 1, "warning": 2, "error": 3}
    best: dict[tuple[str, int, int], Hit] = {}
    for h in hits:
        kind = UNCERTAIN if h.kind == HEDGE and h.severity == "warning" else h.kind
        key = (kind, h.start, h.end)
        if kind == BUZZ:
            key = (kind, h.trigger_start, h.trigger_end)
        if key not in best or order[h.severity] > order[best[key].severity]:
            best[key] = h
    return sorted(best.values(), key=lambda h: (h.start, h.end, h.kind))


# ---- realism: the title ladder against the career stage and the years stated ---------------

from .realism_ladder import realism_hits as _realism_hits  # noqa: E402
