"""The four built-in scorers against the pitfalls and stages of DOMAIN.md."""

from __future__ import annotations

import pytest

from aspire_tui.models import Profile

from .conftest import flagged, make_profile, serious

STRONG = (
    "In five years I'd like to be running a support operation as a contact centre manager "
    "here at Brightwell. The first step is this team lead role: in my first year I want to "
    "get the twelve agents' response times under target and build a proper coaching routine "
    "of weekly call reviews. I've been a senior agent for three years, so the knowledge base "
    "is something I already care about; I'd like to own the rewrite alongside the live chat "
    "launch. Within two years I plan to finish the CMI Level 5 certificate in management. "
    "Longer term, the Glasgow centre you're planning is exactly where I'd hope to grow, "
    "helping set up the team and training its first leads."
)


def test_strong_answer_is_clean_and_scores_well(score) -> None:
    report = score(STRONG)
    assert serious(report) == []
    assert report.overall >= 75
    for s in report.scores:
        assert s.score >= 65, (s.plugin, s.score, s.summary)


# ---- money first ------------------------------------------------------------------------


def test_money_first_is_an_error_and_lowers_alignment(score) -> None:
    text = (
        "Honestly, the main thing for me is the salary. I want a pay rise within a year "
        "and a bigger bonus after that. I'd also like to lead a team here."
    )
    report = score(text)
    assert flagged(report, text, "the salary", "alignment")
    errors = [f for s in report.scores for f in s.findings if f.severity == "error"]
    assert any(f.kind == "money" for f in errors)
    assert report.score_of("alignment") < score(STRONG).score_of("alignment") - 30


def test_money_later_in_the_answer_is_a_warning_not_an_error(score) -> None:
    text = STRONG + " Of course, I'd also hope the salary grows with the responsibility."
    report = score(text)
    money = [f for s in report.scores for f in s.findings if f.kind == "money"]
    assert money and all(f.severity == "warning" for f in money)


def test_denying_money_is_not_flagged(score) -> None:
    text = "It isn't about the money for me. " + STRONG
    assert not flagged(score(text), text, "money")


# ---- flight risk --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase",
    [
        "my plan is to open my own support consultancy",
        "I see this job as a stepping stone",
        "then I'd join one of your competitors",
        "I want to go back to university full time next year",
        "after that I'd like to move abroad",
        "I'd like to have your job",
        "I'd give it about eighteen months",
        "then I would move on",
        "I'm planning to go freelance",
        "then move to a bigger company",
        "eventually I'd love to open a little bakery of my own",
        "I want to work for myself",
    ],
)
def test_flight_risk_is_flagged(score, phrase: str) -> None:
    text = f"I'm keen on customer support, and {phrase}. I'd like to coach the agents well."
    report = score(text)
    assert flagged(report, text, phrase, "commitment"), phrase
    assert report.score_of("commitment") < 50


@pytest.mark.parametrize(
    "denial",
    [
        "I'm not looking for a stepping stone",
        "I have no plans to start my own business",
        "I'd rather grow here than go freelance",
        "I'm not going to jump around",
    ],
)
def test_denied_flight_risk_is_not_flagged(score, denial: str) -> None:
    text = f"{denial}. " + STRONG
    report = score(text)
    assert serious(report, "commitment") == []
    assert report.score_of("commitment") >= 70


def test_flight_risk_sinks_the_overall_score(score) -> None:
    leaving = STRONG + " After two years here I'll leave to start my own consultancy."
    assert score(leaving).overall < score(STRONG).overall - 8


# ---- realism ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stage", "unrealistic"),
    # A career changer brings working years with them: a little ahead of a graduate.
    [("entry", True), ("changer", False), ("mid", False), ("senior", False), ("executive", False)],
)
def test_a_team_lead_in_two_years_depends_on_the_stage(
    score, stage: str, unrealistic: bool
) -> None:
    text = "Within two years I'd like to be a team lead, coaching agents on call reviews."
    report = score(text, make_profile(stage, role="Customer Support Agent"))
    assert flagged(report, text, "team lead", "realism") is unrealistic


def test_the_first_rungs_come_quicker_than_the_last(score) -> None:
    """The usual years to climb are data: two a rung at first, four near the top."""
    soon = "Within a year I'd like to be a team lead, coaching agents on call reviews."
    changer, entry = make_profile("changer", role="Agent"), make_profile("entry", role="Agent")
    assert flagged(score(soon, changer), soon, "team lead", "realism")
    late = "In four years I'd like to be a support manager, running the agents' rota."
    assert not flagged(score(late, entry), late, "manager", "realism")
    early = "In four years I'd like to be head of customer operations for the group."
    assert flagged(score(early, entry), early, "head of", "realism")


@pytest.mark.parametrize(
    ("stage", "text"),
    [
        ("entry", "I want to be Head of Customer Experience within two years."),
        ("mid", "By next year I'd like to be the director of support."),
        ("senior", "I'd aim to be VP of Operations within eighteen months."),
        ("executive", "I expect to be CEO by the end of my first year."),
        ("entry", "I intend to be running this place within three years."),
        ("mid", "Within a year I'd like to take over the design department."),
    ],
)
def test_titles_far_above_the_stage_are_flagged(score, stage: str, text: str) -> None:
    report = score(text, make_profile(stage))
    assert serious(report, "realism"), text
    assert report.score_of("realism") < 70


def test_a_slow_enough_climb_is_not_flagged(score) -> None:
    text = "In ten years I'd like to be head of customer experience, after a manager role here."
    report = score(text, make_profile("mid"))
    assert serious(report, "realism") == []


@pytest.mark.parametrize(
    "text",
    [
        "I guarantee I'll cut complaints in half.",
        "I'd rebuild the entire knowledge base in my first three months.",
        "I'd get the backlog down to zero within a few weeks.",
        "I could fix the whole contact centre in a matter of weeks.",
    ],
)
def test_promises_no_one_can_keep_are_flagged(score, text: str) -> None:
    assert serious(score(text), "realism"), text


# ---- specificity: vague talk, buzzwords, hedges, uncertainty ---------------------------------


VAGUE = (
    "I want to keep growing and take on more responsibility over time. I'd love to make a "
    "difference and become a real asset to the team. Down the road I'd like a bigger role, "
    "doing more and more interesting work."
)


def test_vague_answer_scores_low_and_is_flagged(score) -> None:
    report = score(VAGUE)
    assert report.score_of("specificity") < 40
    assert flagged(report, VAGUE, "take on more responsibility", "specificity")
    assert flagged(report, VAGUE, "bigger role", "specificity")
    assert report.score_of("specificity") < score(STRONG).score_of("specificity") - 30


def test_buzzwords_are_flagged_when_they_pile_up(score) -> None:
    text = (
        "I want to leverage my skills to drive efficiency and deliver best-in-class, "
        "customer-centric solutions in a fast-paced environment."
    )
    report = score(text)
    assert flagged(report, text, "leverage", "specificity")
    assert flagged(report, text, "best-in-class", "specificity")


def test_one_hedge_is_a_suggestion_many_are_a_warning(score) -> None:
    one = STRONG + " Maybe I'd mentor new leads too."
    assert serious(score(one)) == []
    many = (
        "Maybe I'd lead a team, I guess. Perhaps I'd do some coaching, probably. "
        "Hopefully it works out, sort of."
    )
    report = score(many)
    assert flagged(report, many, "Maybe", "specificity")
    assert flagged(report, many, "Perhaps", "specificity")


@pytest.mark.parametrize(
    "phrase",
    [
        "I'm not sure yet what I want",
        "I'll just see where things go",
        "I don't really have a plan",
        "I haven't thought that far ahead",
        "I'll figure it out as I go",
        "I haven't got a clue",
        "it's hard to say",
    ],
)
def test_uncertainty_is_flagged(score, phrase: str) -> None:
    text = f"Good question. {phrase}. I like helping customers on the phone."
    report = score(text)
    assert flagged(report, text, phrase, "specificity"), phrase
    assert report.score_of("commitment") < score(STRONG).score_of("commitment")


# ---- length -------------------------------------------------------------------------------------


def test_very_short_answer_is_warned_and_capped(score) -> None:
    text = "Lead a team here one day, I suppose."
    report = score(text)
    length = [f for s in report.scores for f in s.findings if f.kind == "length"]
    assert length and length[0].severity == "warning"
    assert report.overall <= 35
    assert report.words == 8


def test_short_but_dense_answer_gets_a_gentle_note_only(score) -> None:
    text = (
        "In five years I'd like to manage this contact centre. In my first year I'll get "
        "response times under target and start the CMI Level 5 certificate; by year three "
        "I'd like to run the Glasgow team you're planning."
    )
    report = score(text)
    length = [f for s in report.scores for f in s.findings if f.kind == "length"]
    assert length and length[0].severity == "info"
    assert serious(report) == []


def test_rambling_answer_is_warned_from_the_two_minute_mark(score) -> None:
    text = " ".join([STRONG] * 4)
    report = score(text)
    length = [f for s in report.scores for f in s.findings if f.kind == "length"]
    assert length and length[0].severity == "warning"
    cut = text.split()[320]
    assert text[length[0].start : length[0].end] == cut.strip(".,;:")
    assert report.speaking_seconds == round(report.words * 60 / 140)


# ---- alignment ----------------------------------------------------------------------------------


def test_alignment_recognises_a_paraphrase_of_the_job(profile) -> None:
    from aspire_tui.scorers.alignment import measure_fit
    from aspire_tui.scorers.vocabulary import vocabulary

    vocab = vocabulary(profile)
    reporting = next(i for i in vocab.requirements if "stakeholder reports" in i.label)
    paraphrase = (
        "I'd like to keep the managers informed with a weekly dashboard of how fast we "
        "answer customers and how happy they are."
    )
    silent = "I'd like to answer the phones well and be friendly."
    assert reporting in measure_fit(paraphrase, vocab).touched
    assert reporting not in measure_fit(silent, vocab).touched


def test_alignment_names_what_the_answer_misses(score) -> None:
    text = "I'd like to coach agents through call reviews here at Brightwell."
    missing = [f.message for s in score(text).scores for f in s.findings if f.kind == "missing"]
    assert any("stakeholder reports" in m or "knowledge base" in m for m in missing)
    assert not any("Coach agents" in m for m in missing)


def test_an_answer_for_another_field_is_less_aligned(score) -> None:
    other = (
        "I want to become a data scientist in marketing: customer segmentation, churn models "
        "and A/B testing of checkout funnels. Over the next two years I'll learn Python and "
        "scikit-learn, and in four years I'd like to lead an experimentation team somewhere."
    )
    assert score(other).score_of("alignment") < score(STRONG).score_of("alignment") - 25


def test_alignment_without_research_is_neutral(engine) -> None:
    bare = Profile(role="Analyst", career_stage="mid")
    report = engine.score(STRONG, bare)
    assert report.score_of("alignment") == 50.0


def test_keyword_stuffing_cannot_score_well_overall(score) -> None:
    text = (
        "My aspiration is to leverage Zendesk, stakeholder reports, response times and "
        "customer satisfaction to drive efficiency across the knowledge base, live chat and "
        "call reviews, delivering best-in-class customer service solutions and optimising "
        "one-to-ones for the contact centre team in a fast-paced environment."
    )
    report = score(text)
    assert report.overall <= 55
    assert any("stuffed" in cap for cap in report.caps)


def test_every_stage_of_example_profile_scores_its_own_draft(engine) -> None:
    from aspire_tui.storage import example_paths, load_profile

    stages = set()
    for path in example_paths():
        prof = load_profile(path)
        stages.add(prof.career_stage)
        draft = prof.latest_draft()
        assert draft is not None and draft.text.strip(), path
        report = engine.score(draft.text, prof)
        assert report.errors == []
        assert report.overall >= 65, (path.name, report.overall)
    assert stages == {"entry", "mid", "senior", "executive", "changer"}


# ---- more voices: the same pitfalls said other ways ---------------------------------------

CONTEXT = (
    "I have worked in customer support for two years and I enjoy solving problems for callers. "
    "{} In my first year here I'd like to get my response times under target and learn the "
    "Zendesk reporting properly."
)


@pytest.mark.parametrize(
    ("kind", "phrase"),
    [
        ("money", "I'd be looking for a significant bump in pay compared with where I am now."),
        ("money", "I want a job that lets me retire early."),
        ("money", "The benefits and the pension scheme were what attracted me."),
        ("flight", "In the long run I'd like to work for Google."),
        ("flight", "My partner is moving to Australia next year, so I'd go with them."),
        ("flight", "I'd probably look for something new after eighteen months."),
        ("flight", "I'm going to apply for medical school next year."),
        ("flight", "I'm only planning to stay until I finish my degree."),
        ("uncertain", "I'm kind of undecided between design and engineering."),
        ("uncertain", "Five years is a long time, anything could happen."),
        ("uncertain", "I'm not really a five-year-plan kind of person."),
        ("uncertain", "To be honest I'm just going with the flow."),
        ("unrealistic", "I'd like to be a partner at the firm within three years."),
        ("unrealistic", "I'll have everything reorganised by the end of my first month."),
        ("vague", "I want a role where I can really shine."),
        ("vague", "I hope to be in a senior position at some stage."),
        ("vague", "I'd like to grow and develop in my career."),
    ],
)
def test_pitfalls_said_other_ways(score, kind: str, phrase: str) -> None:
    text = CONTEXT.format(phrase)
    report = score(text, make_profile("entry", role="Customer Support Agent"))
    assert flagged(report, text, phrase), (kind, phrase)


@pytest.mark.parametrize(
    "sentence",
    [
        "I'd like to keep working at Brightwell Energy for years.",
        "I could do more good by getting the rota right than by being the best agent on a shift.",
        "My first job was working out what callers actually needed.",
        "I enjoy working with SMEs and their owners.",
        "I'd like to run my own team of agents here in a few years.",
    ],
)
def test_ordinary_sentences_are_not_pitfalls(score, sentence: str) -> None:
    text = CONTEXT.format(sentence)
    report = score(text, make_profile("mid", role="Customer Support Agent"))
    assert not flagged(report, text, sentence), sentence


def test_word_patterns_match_exactly_what_the_full_pattern_matches() -> None:
    """The per-text reduction of the pitfall patterns must never lose a match."""
    import re

    from aspire_tui.scorers import lexicon
    from aspire_tui.scorers.fastre import START, WordIndex, lower, word_starts

    texts = [
        CONTEXT.format(p)
        for p in (
            "I'd like to open my own studio and set my own hours.",
            "It's a long way off, and I'm not sure, who knows.",
            "Then I'd move on to a bigger company for more money.",
            "I would keep my options open and maybe go travelling.",
            "Maybe sales, or policy, or a £40k role; I'll see where the wind takes me.",
            # second words after hyphens, runs of spaces and line breaks, and near misses
            "It's a warm-up: my-own firm, the  pay, my\nown business, my owner, the payroll.",
        )
    ] + [STRONG, VAGUE, " ".join([STRONG, VAGUE] * 6)]  # long: common words use the regex scan
    patterns = [lexicon.pattern(c) for c in lexicon.knowledge().concepts]
    for text in texts:
        low = lower(text)
        for wp in patterns:
            full = re.compile(START + "(?:" + "|".join(wp.branches) + ")" + wp.tail, wp.flags)
            spans = [m.span() for m in full.finditer(low)]
            reduced = wp.for_text(word_starts(low))
            assert spans == [m.span() for m in reduced.finditer(low)], (text, wp.branches[:2])
            indexed = wp.scan(WordIndex(low))  # tried only where each branch's word stands
            assert spans == [m.span() for m in indexed], (text, wp.branches[:2])


def test_a_branch_is_tried_only_where_its_second_word_follows() -> None:
    from aspire_tui.scorers.fastre import key_fits, second_keys

    assert second_keys(r"(?:the|my|better)[\s-]+pay") == frozenset({"=pay"})
    assert second_keys(r"my[\s-]+own[\s-]+firm") == frozenset({"=own"})
    assert second_keys(r"salary") is None  # one word: nothing to check
    assert second_keys(r"i\x27m[\s-]+going") is None  # not a plain first word
    assert key_fits("=pay", "pay") and not key_fits("=pay", "payroll")
    assert key_fits("war", "warm") and not key_fits("war", "cold")


def test_a_clear_plan_is_no_missing_plan_whatever_was_denied_before_it() -> None:
    from aspire_tui.engine import Engine
    from aspire_tui.plugins import load_host

    from .conftest import make_profile

    engine = Engine(load_host(installed=False))

    def rules(text: str) -> list[str | None]:
        report = engine.score(text, make_profile())
        return [f.rule for s in report.scores for f in s.findings if f.kind == "uncertainty"]

    assert rules("Not by accident, so my five-year plan is quite clear for me.") == []
    assert "uncertainty.no-plan" in rules("I have no plan yet, honestly.")
