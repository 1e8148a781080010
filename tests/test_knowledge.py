"""The coach's knowledge as data (knowledge/*.toml) and the small engine that composes it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from aspire_tui.scorers import lexicon
from aspire_tui.scorers.text import find_time_frames

from .conftest import flagged, make_profile

SCORERS = Path(lexicon.__file__).parent


def findings(report, text: str, kind: str | None = None) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return [
        (f.severity, f.kind or "", text[f.start : f.end])
        for s in report.scores
        for f in s.findings
        if kind is None or f.kind == kind
    ]


# ---- the files themselves -------------------------------------------------------------


def test_every_concept_compiles_and_every_rule_names_known_concepts() -> None:
    k = lexicon.knowledge()
    assert {"compensation", "own_way", "phase", "unsure", "empty_growth", "anchor"} <= set(
        k.concepts
    )
    for concept in k.concepts:
        lexicon.pattern(concept).full.search("a test sentence")  # raises on a bad pattern
    assert {r.type for r in k.rules} <= set(lexicon.RULE_TYPES)
    assert len({r.id for r in k.rules}) == len(k.rules)  # ids are unique: findings name them


def test_a_misspelt_reference_fails_loudly_with_a_suggestion() -> None:
    knowledge = lexicon.Knowledge()
    lexicon._merge_file(
        knowledge,
        "mine.toml",
        {
            "concept": {"pay": {"phrases": ["salary"]}, "money": {"phrases": ["{pya} rise"]}},
            "rule": [],
        },
    )
    with pytest.raises(lexicon.KnowledgeError, match=r"mine.toml.*\{pya\}; did you mean pay\?"):
        lexicon._check(knowledge)


def test_a_phrase_that_could_never_match_is_refused() -> None:
    # a phrase starts where a word does: "'s" alone would never match "the pay's fair"
    knowledge = lexicon.Knowledge()
    lexicon._merge_file(
        knowledge, "mine.toml", {"concept": {"ok": {"phrases": ["(?:is|\\x27s) fair"]}}}
    )
    with pytest.raises(lexicon.KnowledgeError, match=r"mine.toml.*apostrophe"):
        lexicon._check(knowledge)
    with pytest.raises(lexicon.KnowledgeError, match="apostrophe"):
        lexicon.extend("p", {"compensation": ["(?:the|'s) tronc"]})
    assert not lexicon.opens_mid_word("(?:is|[\\w-]+\\x27s) fair")


def test_a_rule_of_an_unknown_type_or_severity_is_refused() -> None:
    base = {"id": "x", "kind": "money", "match": "compensation", "message": "m"}
    with pytest.raises(lexicon.KnowledgeError, match="type must be one of"):
        lexicon._rule("f.toml", {**base, "type": "regex", "severity": "warning"})
    with pytest.raises(lexicon.KnowledgeError, match="severity must be one of"):
        lexicon._rule("f.toml", {**base, "type": "existence", "severity": "fatal"})


def test_plugin_vocabulary_is_checked_added_and_forgotten() -> None:
    with pytest.raises(lexicon.KnowledgeError, match="did you mean compensation"):
        lexicon.extend("p", {"compensaton": ["the tronc"]})
    with pytest.raises(lexicon.KnowledgeError, match="'the tronc\\('"):
        lexicon.extend("p", {"compensation": ["the tronc("]})
    assert not lexicon.pattern("compensation").search("we share the tronc")
    lexicon.extend("p", {"compensation": ["the tronc"]})
    try:
        assert lexicon.pattern("compensation").search("we share the tronc")
    finally:
        lexicon.forget("p")
    assert not lexicon.pattern("compensation").search("we share the tronc")


def test_scorers_have_no_import_cycles() -> None:
    """Module-level imports only: an import inside a function or for type checking is not
    a cycle at run time."""
    graph: dict[str, set[str]] = {}
    for path in SCORERS.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        deps = set()
        for node in tree.body:
            if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
                deps.add(node.module.split(".")[0])
            elif isinstance(node, ast.ImportFrom) and node.level == 1:
                deps.update(a.name for a in node.names)
        graph[path.stem] = deps & {p.stem for p in SCORERS.glob("*.py")}

    def visit(name: str, trail: tuple[str, ...]) -> None:
        assert name not in trail, " -> ".join((*trail, name))
        for dep in graph.get(name, ()):
            visit(dep, (*trail, name))

    for name in graph:
        visit(name, ())


# ---- time frames, written any way --------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "years"),
    [
        ("within twenty months", 1.67),
        ("in twenty-four months", 2.0),
        ("thirty six months", 3.0),
        ("by month nine", 0.75),
        ("in my third year", 3.0),
        ("before the year is out", 0.75),
        ("by the end of q3", 0.5),
        ("within sixty days", 0.16),
        ("a year and a half", 1.5),
        ("two and a half years", 2.5),
        ("by my first review", 0.5),
        ("over a couple of weekends", 0.04),
        ("within a decade", 10.0),
        ("by the time it has done its second summer", 2.0),
        # a least figure and a count whose unit is left unsaid
        ("people with 15+ years", 15.0),
        ("fifteen or more years", 15.0),
        ("chief of the fleet within five.", 5.0),
    ],
)
def test_time_frames_in_words(phrase: str, years: float) -> None:
    frames = find_time_frames(phrase)
    assert frames and abs(frames[0].years - years) < 0.01, (phrase, frames)


def test_one_day_is_not_a_time_frame() -> None:
    assert find_time_frames("i'd love to lead the design myself one day") == []


def test_a_bare_count_is_years_only_where_it_ends_the_clause() -> None:
    assert find_time_frames("within five of the team leads") == []
    assert find_time_frames("within reach.") == []


# ---- rule types -------------------------------------------------------------------------

OPENING = "I enjoy coaching agents through call reviews and I'm good at it. "
CLOSING = " Next year I'd like to take over the weekly Zendesk reporting for the team."


def problem_and_lookalike(score, problem, underlined, fine, plugin=None) -> None:  # type: ignore[no-untyped-def]
    """`problem` gets a warning or error over `underlined`; `fine`, alike in words, none."""
    text = OPENING + problem + CLOSING
    assert flagged(score(text), text, underlined, plugin)
    text = OPENING + fine + CLOSING
    assert not flagged(score(text), text, fine, plugin)


@pytest.mark.parametrize(
    ("problem", "underlined", "fine"),
    [
        # A sequence needs both parts: "then" and a leaving.
        (
            "I'd learn the ropes here for a few years, then I'd move on.",
            "then I'd move on",
            "I'd learn the ropes here for a few years and then move on to team leading.",
        ),
        # Another employer in the future is flight risk; in the story so far it is not.
        (
            "In five years I'd like to be a senior analyst at a bigger consultancy.",
            "a bigger consultancy",
            "I spent two years at a bigger consultancy before this, then moved into support.",
        ),
        # A place kept open by someone else is a way out; a place here is not.
        (
            "My uncle keeps telling me there's a place on their programme whenever I'm ready.",
            "there's a place on their programme",
            "There's a place on the Team Lead programme here that I'd like to earn.",
        ),
        # A book of clients of one's own is a business of one's own; the team's are work.
        (
            "Eventually I'd like to build a book of clients of my own with my cousin.",
            "a book of clients of my own",
            "Eventually I'd like to look after a book of clients for the team here.",
        ),
        # Time given before a step up here is a path, not a term set on the job.
        (
            "I'd give it two years on the phones and then see.",
            "give it two years",
            "I'd give it two years on the phones and then I'd like a go at Team Lead.",
        ),
    ],
)
def test_flight_rules_need_their_whole_shape(score, problem, underlined, fine) -> None:  # type: ignore[no-untyped-def]
    problem_and_lookalike(score, problem, underlined, fine, "commitment")


def test_the_place_this_job_is_in_is_no_other_employer(score) -> None:  # type: ignore[no-untyped-def]
    text = (
        OPENING + "I've worked four years in support, two of them here in Leeds as an agent"
        " at the Kirkstall site." + CLOSING
    )
    assert not flagged(score(text), text, "the Kirkstall site", "commitment")
    away = OPENING + "In three years I'd like to be working for Zendesk in Dublin." + CLOSING
    assert flagged(score(away), away, "working for Zendesk", "commitment")


def test_a_short_stay_is_judged_by_its_length(score) -> None:  # type: ignore[no-untyped-def]
    short = OPENING + "I'd stay for eighteen months." + CLOSING
    assert flagged(score(short), short, "stay for eighteen months", "commitment")
    long = OPENING + "I'd like to stay for ten years and grow with you." + CLOSING
    assert not flagged(score(long), long, "stay for ten years", "commitment")


def test_growth_talk_is_a_warning_only_where_nothing_concrete_stands_beside_it(score) -> None:  # type: ignore[no-untyped-def]
    vague = OPENING + "I just want to keep growing and make a difference." + CLOSING
    assert ("warning", "vague") in {(s, k) for s, k, _ in findings(score(vague), vague)}
    concrete = (
        OPENING + "I'd love to lead the design of the Glasgow knowledge base myself one day."
        " " + CLOSING
    )
    assert not flagged(score(concrete), concrete, "one day")


def test_a_name_is_not_pay(score) -> None:  # type: ignore[no-untyped-def]
    text = "I'd like to lead our audits against the Care Quality Commission standards."
    text = OPENING + text + CLOSING
    assert not flagged(score(text), text, "Commission", "alignment")
    plain = OPENING + "Honestly the commission is what drew me to this role." + CLOSING
    assert flagged(score(plain), plain, "the commission", "alignment")
    title = OPENING + "Before this I spent two years as an income officer." + CLOSING
    assert not flagged(score(title), title, "income officer", "alignment")
    premium = OPENING + "The night premium is the main reason I've stuck it out." + CLOSING
    assert flagged(score(premium), premium, "night premium", "alignment")


def test_doing_a_hard_thing_well_is_not_growth_talk(score) -> None:  # type: ignore[no-untyped-def]
    text = OPENING + "Merging the two queues into one is hard to do well." + CLOSING
    assert not flagged(score(text), text, "do well")
    empty = "I just want to do well and go far."
    assert flagged(score(empty), empty, "do well")


def test_a_rule_for_some_stages_speaks_only_to_them(score) -> None:  # type: ignore[no-untyped-def]
    text = OPENING + "When the Glasgow centre opens I'd like to be the one running it." + CLOSING
    newcomer = make_profile("entry", role="Customer Support Agent")
    assert flagged(score(text, newcomer), text, "the one running it", "realism")
    manager = make_profile("senior", role="Customer Support Manager")
    assert not flagged(score(text, manager), text, "the one running it", "realism")


def test_a_rule_for_a_stage_that_does_not_exist_is_refused() -> None:
    rule = {"id": "x", "kind": "money", "match": "compensation", "message": "m"}
    rule |= {"type": "existence", "severity": "warning", "stages": ["entyr"]}
    with pytest.raises(lexicon.KnowledgeError, match=r"f.toml.*'entyr'.*did you mean entry\?"):
        lexicon._rule("f.toml", rule)


def test_a_time_said_on_its_own_is_the_time_for_the_title_before_it(score) -> None:  # type: ignore[no-untyped-def]
    newcomer = make_profile("entry", role="Customer Support Agent")
    soon = OPENING + "Then the head of support role. Before my second review, ideally." + CLOSING
    assert flagged(score(soon, newcomer), soon, "the head of support role", "realism")
    late = OPENING + "Then the head of support role. In ten or twelve years, ideally." + CLOSING
    assert not flagged(score(late, newcomer), late, "the head of support role", "realism")


def test_running_a_function_is_a_title_and_running_its_tasks_is_not(score) -> None:  # type: ignore[no-untyped-def]
    newcomer = make_profile("entry", role="Customer Support Agent")
    soon = OPENING + "My plan is to be running support inside eighteen months." + CLOSING
    assert flagged(score(soon, newcomer), soon, "running support", "realism")
    task = OPENING + "Within a year I'd like to be running support demos for new hires." + CLOSING
    assert not flagged(score(task, newcomer), task, "running support", "realism")


def test_everything_at_once_on_a_short_deadline_is_out_of_touch(score) -> None:  # type: ignore[no-untyped-def]
    text = (
        OPENING + "I'd have live chat, the knowledge base and Spanish support launched by the"
        " end of Q3, all three at once." + CLOSING
    )
    assert flagged(score(text), text, "all three at once", "realism")
    paced = (
        OPENING + "Over the next five years I'd like to help launch all three, one after"
        " another." + CLOSING
    )
    assert not flagged(score(paced), paced, "all three", "realism")


def test_an_idiom_of_not_knowing_is_not_knowing(score) -> None:  # type: ignore[no-untyped-def]
    text = OPENING + "As for where I'll be in five years, I haven't the foggiest." + CLOSING
    assert flagged(score(text), text, "haven't the foggiest")


@pytest.mark.parametrize(
    ("problem", "underlined", "fine"),
    [
        # household sums and a partner's move are money and a move away, in other words
        (
            "The weekend rota is what makes the sums work for us at the moment.",
            "makes the sums work for us",
            "I'm the one who makes the numbers add up on our weekly queue report.",
        ),
        (
            "My husband's firm has been talking about relocating him to Madrid.",
            "relocating him to Madrid",
            "My husband's firm relocated him here to Leeds four years ago.",
        ),
        # pay named to say it is less and accepted is the opposite of money first
        (
            "Honestly the pay here is a big part of why I applied.",
            "the pay",
            "The pay is a good bit less than I was on before, and we've planned for that.",
        ),
        # two named roles are a direction with a choice in it, not a menu
        (
            "Maybe team lead, or maybe something else, I'm easy.",
            "or maybe something else",
            "In five years I'd like to be a Team Lead, or possibly Quality Lead.",
        ),
        # home as where family lives is no move; going back there is
        (
            "In a couple of years I'd like to be living back home near my parents.",
            "living back home",
            "I send money to my family back home every month.",
        ),
        # interviews elsewhere are a way out in motion
        (
            "I've got a couple of other interviews this week as well.",
            "other interviews",
            "I've sat in on a couple of interviews for new agents this year.",
        ),
    ],
)
def test_words_that_look_like_problems_and_the_problems(score, problem, underlined, fine) -> None:  # type: ignore[no-untyped-def]
    problem_and_lookalike(score, problem, underlined, fine)


# ---- one finding per problem, and an honest overall ---------------------------------------


def test_one_phrase_gets_one_finding(score) -> None:  # type: ignore[no-untyped-def]
    text = OPENING + "Maybe I'm not sure yet, maybe I'll see where life takes me." + CLOSING
    report = score(text)
    spans = [
        (f.start, f.end)
        for s in report.scores
        for f in s.findings
        if f.kind != "length" and f.end > f.start
    ]
    assert spans
    for a, b in spans:  # no two findings of the built-ins cover the same words
        assert sum(1 for c, d in spans if c < b and a < d) == 1, text[a:b]


def test_indecision_said_again_confirms_it_and_costs_less_than_the_first_sign(score) -> None:  # type: ignore[no-untyped-def]
    once = "I'm not sure yet where I'll be."
    again = " I haven't decided. I don't know what I want. Part of me thinks sales."
    plain, one, four = (score(OPENING + t + CLOSING) for t in ("", once, once + again))
    c0, c1, c4 = (r.score_of("commitment") for r in (plain, one, four))
    # three more signs together cost about what the first one did, not three times it
    assert 0 < c1 - c4 <= 1.5 * (c0 - c1), (c0, c1, c4)
    assert four.score_of("specificity") < one.score_of("specificity")
    assert plain.score_of("alignment") == one.score_of("alignment")  # fit is judged apart


def test_a_pitfall_at_error_level_sinks_the_overall(score) -> None:  # type: ignore[no-untyped-def]
    strong = (
        "In five years I'd like to be leading a support team here at Brightwell. Next year I "
        "want to take over the weekly Zendesk reporting and coach two new agents through call "
        "reviews, and I'm working towards the team lead role by running the live chat launch."
    )
    money_first = "The salary and the bonus are what attract me most. " + strong
    good, bad = score(strong), score(money_first)
    assert bad.overall <= 45 < good.overall
    assert "stay" not in next(s.summary for s in bad.scores if s.plugin == "commitment").split()


def test_a_good_short_answer_beats_a_bad_short_one(score) -> None:  # type: ignore[no-untyped-def]
    good = score("I want to lead a support team here within three years, starting with Zendesk.")
    bad = score("Honestly I just want more money and to see where life takes me.")
    assert good.overall > bad.overall


def test_an_aim_for_a_role_is_a_long_range_aim(score) -> None:  # type: ignore[no-untyped-def]
    text = (
        "My target is to secure a head of customer operations role, because I want to shape "
        "how a contact centre runs. I'm working towards it by running the live chat launch and "
        "coaching agents through call reviews every week."
    )
    summary = next(s.summary for s in score(text).scores if s.plugin == "specificity")
    assert "long-range" not in summary, summary


def test_an_empty_draft_says_nothing_is_written(engine) -> None:  # type: ignore[no-untyped-def]
    report = engine.score("", make_profile())
    assert {s.summary for s in report.scores if s.plugin in ("realism", "commitment")} == {
        "Nothing written yet."
    }


def test_no_phrase_backtracks_on_one_long_word() -> None:
    """A phrase whose pieces can split one word many ways ('[a-z]+[a-z]*') is quadratic
    on a long word; every concept together must scan 20,000 letters in well under a
    second (a quadratic phrase takes several)."""
    import time

    from aspire_tui.scorers.lexicon import knowledge, pattern

    text = "a" * 20_000
    slow = []
    for name in knowledge().concepts:
        started = time.perf_counter()
        pattern(name).full.search(text)
        if time.perf_counter() - started > 0.5:
            slow.append(name)
    assert slow == []


# ---- problems said in other words, and their lookalikes -----------------------------------


@pytest.mark.parametrize(
    ("stage", "problem", "underlined", "fine"),
    [
        # pay named, then denied as the reason
        (
            "mid",
            "Honestly the bonus is a big part of why I applied.",
            "the bonus",
            "The bonus is fine, but it isn't the draw for me.",
        ),
        # pay by the piece is pay; a bare "the numbers" at work is not
        (
            "mid",
            "I just want the numbers to make sense, so I'd go for piecework early.",
            "piecework",
            "I'm the one who makes the numbers add up on our weekly queue report.",
        ),
        # a family business waiting for the candidate; the same business as the past
        (
            "entry",
            "My uncle has a roofing firm and the plan has always been that I'd go into it "
            "eventually.",
            "go into it",
            "My uncle has a roofing firm, which is where I first learned to read drawings.",
        ),
        # denying the stay is passing through; denying a reason to leave is not
        (
            "mid",
            "I just don't see a small practice as where I end up.",
            "where I end up",
            "I don't see any reason to look beyond this practice.",
        ),
        # off the first rung within months is out of touch; over years it is a path
        (
            "entry",
            "I'd expect to be off the phones by the end of quarter two.",
            "off the phones",
            "I'd hope to be off the phones and onto second line within three years.",
        ),
        # weighing up whether is undecided; weighing the evidence is the job
        (
            "mid",
            "I'm also weighing up whether I'd rather be back in an office role.",
            "weighing up whether",
            "I'm good at weighing up the evidence before a hearing.",
        ),
        # a hedged target with an approximate figure is no menu
        (
            "mid",
            "Maybe team lead, or perhaps something else entirely.",
            "or perhaps something else",
            "In five years, maybe I'm a Team Lead in Leeds or Bradford, or close to it.",
        ),
        # pay measured against the work is money, though said with a "not"
        (
            "mid",
            "I'm not doing a manager's work on an analyst's wage for long.",
            "on an analyst's wage",
            "I'm happy to start on a trainee's wage while I learn the systems.",
        ),
        # pay called fair, in passing, is no motive; pay compared with elsewhere is
        (
            "mid",
            "The contractors out there are on three times what you get here.",
            "three times what",
            "The pay's fair here as well, so there's no reason to look anywhere else.",
        ),
        # a partner's job hunt somewhere else decides where the candidate will be
        (
            "mid",
            "My partner's applying for jobs down in London anyway.",
            "applying for jobs",
            "My partner's been really supportive of me applying for this job.",
        ),
        # a sum in grand is pay; "only grand" is an idiom for fine
        (
            "mid",
            "People with my experience are on a good fifteen grand more across the water.",
            "fifteen grand",
            "I'm strong on post-contract but only grand on feasibility.",
        ),
        # a list of one's own patients is the job; a clinic of one's own is a venture
        (
            "changer",
            "One day I'd love to be running my own clinic in town.",
            "running my own clinic",
            "By year three I'd like to be running my own clinic list at the new branch.",
        ),
        # an application in elsewhere is a way out in motion
        (
            "entry",
            "I've got my application in with the police, so this is good experience.",
            "my application in with",
            "I've got my application in for the certification you fund in the spring.",
        ),
        # an acronym the pay words name is pay, though written in capitals
        (
            "mid",
            "They do RSUs, which a smaller studio obviously can't match.",
            "RSUs",
            "I'd like to sit in on the OKR reviews with the studio leads.",
        ),
    ],
)
def test_other_words_for_a_problem_and_their_lookalikes(
    score, stage, problem, underlined, fine
) -> None:  # type: ignore[no-untyped-def]
    profile = make_profile(stage)
    text = OPENING + problem + CLOSING
    assert flagged(score(text, profile), text, underlined), problem
    text = OPENING + fine + CLOSING
    assert not flagged(score(text, profile), text, fine), fine


def test_leaving_weighed_as_an_idea_is_a_warning_and_acted_on_an_error(score) -> None:  # type: ignore[no-untyped-def]
    def severity(line: str) -> set[str]:
        report = score(OPENING + line + CLOSING)
        return {f.severity for s in report.scores for f in s.findings if f.kind == "flight-risk"}

    assert severity("My wife and I have often talked about moving abroad.") == {"warning"}
    assert "error" in severity("I've applied for a place on a full-time MBA abroad.")


def test_waiting_words_count_only_after_a_plan_elsewhere(score) -> None:  # type: ignore[no-untyped-def]
    alone = OPENING + "In the meantime I'd finish the NVQ with your support." + CLOSING
    assert not flagged(score(alone), alone, "In the meantime")
    told = (
        "My plan is to open my own salon once I'm qualified. In the meantime I'd learn "
        "the trade here."
    )
    text = OPENING + told + CLOSING
    assert flagged(score(text), text, "In the meantime")


def test_a_time_past_five_years_sets_no_deadline(score) -> None:  # type: ignore[no-untyped-def]
    profile = make_profile("senior", role="Night Manager")
    later = OPENING + "Beyond three years, I'd see myself as chief operating officer." + CLOSING
    assert not flagged(score(later, profile), later, "chief operating officer", "realism")
    soon = OPENING + "Within three years, I'd see myself as chief operating officer." + CLOSING
    assert flagged(score(soon, profile), soon, "chief operating officer", "realism")


def test_hedges_on_a_later_step_do_not_make_the_plan_sound_unsure(score) -> None:  # type: ignore[no-untyped-def]
    def unsure(text: str) -> bool:
        report = score(text)
        return any(f.kind == "uncertainty" for s in report.scores for f in s.findings)

    later = (
        "I'd like to be qualified by the end of year three, and then maybe move towards "
        "the anaesthesia side. Possibly the advanced certificate after that. I suppose the "
        "client side of my old job will help too."
    )
    assert not unsure(later)
    plan = (
        "I'd maybe like to be qualified, possibly by year three. I suppose I'd perhaps "
        "move towards anaesthesia. Hopefully."
    )
    assert unsure(plan)


def test_rules_that_follow_a_kind_stay_so_with_plugin_vocabulary() -> None:
    assert lexicon.knowledge().follows.get("flight.interim") == "flight-risk"
    lexicon.extend("p", {"compensation": ["the tronc"]})
    try:
        assert lexicon.knowledge().follows.get("flight.interim") == "flight-risk"
    finally:
        lexicon.forget("p")
