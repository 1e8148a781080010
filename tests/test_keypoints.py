"""Key points: which sentences of a draft carry its aim, its nearer goals, its ties to the
job and its line about growing here; whether a version said from memory keeps each."""

from __future__ import annotations

import pytest

from aspire_tui.keypoints import MAX_POINTS, KeyPoint, cue_of, key_points, plugin_kinds, recall
from aspire_tui.scorers.lexicon import KnowledgeError
from aspire_tui.storage import example_paths, load_profile

from .conftest import make_profile


@pytest.mark.parametrize("path", example_paths(), ids=lambda p: p.stem)
def test_every_example_answer_has_an_aim_and_a_nearer_goal(path: object) -> None:
    profile = load_profile(path)  # type: ignore[arg-type]
    draft = profile.latest_draft()
    assert draft is not None
    points = key_points(draft.text, profile)
    kinds = [p.kind for p in points]
    assert "aim" in kinds and "near" in kinds
    for p in points:
        assert draft.text[p.start : p.end] == p.text  # spans point into the draft


def test_kinds_by_what_the_sentence_says() -> None:
    profile = make_profile()
    text = (
        "Ultimately I want to become a contact centre manager. "
        "In my first six months I'd like to get every agent through a call review. "
        "I'd like to build my career with Brightwell Energy for years to come. "
        "Coaching agents and improving the knowledge base are what I do best. "
        "I like cats."
    )
    points = key_points(text, profile)
    assert [p.kind for p in points] == ["aim", "near", "stay", "fit"]
    assert points[-1].text.startswith("Coaching agents")


def test_years_behind_the_candidate_are_no_aim() -> None:
    profile = make_profile()
    for told in (
        "After eight years as a nurse, I know what a ward needs.",
        "For the past three years I've led a support team of nine.",
        "I joined my first call centre five years ago.",
    ):
        assert [p.kind for p in key_points(told, profile)] != ["aim"], told


def test_a_role_aimed_at_must_follow_the_verb_of_aiming() -> None:
    profile = make_profile()
    told = "As a former officer, the planning is the part I want to keep."
    assert "aim" not in [p.kind for p in key_points(told, profile)]
    aimed = "I want to become a team lead within the support function."
    assert [p.kind for p in key_points(aimed, profile)] == ["aim"]


def test_a_long_draft_keeps_the_first_of_each_kind() -> None:
    profile = make_profile()
    near = " ".join(f"In month {i} I'd like to finish review number {i}." for i in range(1, 12))
    text = near + " Ultimately I want to become a contact centre manager."
    points = key_points(text, profile)
    assert len(points) == MAX_POINTS
    assert points[-1].kind == "aim"  # not crowded out by the many nearer goals


def test_cue_drops_opening_filler_and_cuts_long_points() -> None:
    assert cue_of("And so, I'd like to lead the team.") == "I'd like to lead the team."
    long = " ".join(["word"] * 20)
    assert cue_of(long).endswith("…") and len(cue_of(long).split()) == 12


# ---- recall -----------------------------------------------------------------------------

DRAFT = (
    "In five years I'd like to be a chartered engineer leading wetland design here. "
    "First I want to get fluent in InfoWorks hydraulic modelling on the design rotation. "
    "I'd also like to help with the storm overflow programme you are running."
)


def _points() -> list[KeyPoint]:
    civil = next(p for p in example_paths() if p.stem == "entry-graduate-civil-engineer")
    points = key_points(DRAFT, load_profile(civil))
    assert [p.kind for p in points] == ["aim", "near", "fit"]
    return points


def test_a_paraphrase_keeps_every_point() -> None:
    said = (
        "My goal over the next five years is to become chartered and lead the design of "
        "wetlands for you. To begin with I'll learn InfoWorks and hydraulic models while "
        "I'm on design. And I want to support your storm overflow work."
    )
    assert [r.kept for r in recall(_points(), said)] == [True, True, True]


def test_points_not_said_are_lost() -> None:
    said = "I want to learn a lot and grow with a great team. I'm a hard worker."
    assert [r.kept for r in recall(_points(), said)] == [False, False, False]


def test_a_point_kept_shows_the_words_that_carry_it() -> None:
    said = "I'm keen on InfoWorks modelling on the design rotation. Nothing else comes to mind."
    result = recall(_points(), said)
    assert [r.kept for r in result] == [False, True, False]
    assert result[1].evidence is not None and "InfoWorks" in result[1].evidence
    assert result[0].evidence is None


# ---- plugins' kinds ---------------------------------------------------------------------


def test_a_plugin_kind_claims_sentences_no_built_in_kind_claims() -> None:
    kinds = plugin_kinds("p", {"mentoring": {"label": "Mentoring", "phrases": ["mentor\\w*"]}})
    text = "Mentoring new agents is my favourite part. Ultimately I want to mentor managers."
    points = key_points(text, make_profile(), kinds)
    assert [p.kind for p in points] == ["mentoring", "aim"]


@pytest.mark.parametrize(
    ("given", "says"),
    [
        ({"Bad Id": {"label": "x", "phrases": ["y"]}}, "an id is lower-case"),
        ({"near": {"label": "x", "phrases": ["y"]}}, "is built in"),
        ({"ok": {"label": "", "phrases": ["y"]}}, "label must be text"),
        ({"ok": {"label": "x", "phrases": "y"}}, "non-empty list"),
        ({"ok": {"label": "x", "phrases": ["(unclosed"]}}, "'(unclosed'"),
        ({"ok": {"label": "x", "phrases": ["{no_such_concept}"]}}, "unknown concept"),
        ({"ok": {"label": "x", "phrases": ["y"], "colour": "red"}}, "only a label and phrases"),
        (["not", "a", "dict"], "must return a dict"),
    ],
)
def test_a_bad_plugin_kind_is_refused_with_the_reason(given: object, says: str) -> None:
    with pytest.raises(KnowledgeError) as caught:
        plugin_kinds("p", given)  # type: ignore[arg-type]
    assert says in str(caught.value)


def test_the_line_about_staying_is_kept_in_any_words_but_not_denied() -> None:
    stay = KeyPoint("stay", "Growing here", 0, 40, "I'd like to grow here rather than move around.")
    kept = recall([stay], "Honestly I want to build my career with you.")
    assert kept[0].kept and kept[0].evidence == "Honestly I want to build my career with you."
    assert not recall([stay], "I don't plan to stay with the team for long.")[0].kept
    assert not recall([stay], "I like solving puzzles under pressure.")[0].kept


def test_the_jobs_own_words_shared_by_several_points_do_not_make_a_point_alone() -> None:
    civil = next(p for p in example_paths() if p.stem == "entry-graduate-civil-engineer")
    profile = load_profile(civil)
    draft = profile.latest_draft()
    assert draft is not None
    points = key_points(draft.text, profile)
    said = "In five years I want to be chartered here, designing water schemes."
    kept = {r.point.text[:24] for r in recall(points, said) if r.kept}
    assert kept == {"In five years I'd like t"}  # not the rotations, for "design" and "scheme"


def test_a_long_point_is_made_again_by_three_of_its_own_words() -> None:
    point = KeyPoint(
        "near",
        "Nearer goal",
        0,
        1,
        "Over the next year I want to finish the Chartered Insurance Institute diploma, "
        "shadow the marine team on renewals and write my first cargo policies alone.",
    )
    said = "This year I'll get the insurance diploma done and sit in on marine renewals."
    assert recall([point], said)[0].kept
