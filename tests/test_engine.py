"""The engine and the plugin host: isolation of scorers, validation of results, weights."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel

from aspire_tui.engine import Engine
from aspire_tui.hookspecs import hookimpl
from aspire_tui.models import PluginsConfig
from aspire_tui.plugins import PluginHost, load_host
from aspire_tui.scorer import ScoreContext, Scorer

from .conftest import make_profile

TEXT = (
    "In five years I'd like to manage this contact centre, coaching the team leads here. "
    "In my first year I want response times under target and a weekly call-review routine, "
    "and I plan to finish a CMI Level 5 certificate within two years."
)


class Fixed(Scorer):
    def __init__(self, sid: str, value: Any) -> None:
        self.id = sid  # type: ignore[misc]
        self.value = value

    def score(self, ctx: ScoreContext) -> Any:
        if isinstance(self.value, Exception):
            raise self.value
        return self.value


def host_with(*scorers: Scorer, builtins: bool = False) -> PluginHost:
    host = load_host(builtins=builtins, installed=False)
    host.scorers.extend(scorers)
    return host


def ok(score: float, **extra: Any) -> dict[str, Any]:
    return {"score": score, "summary": "fine", "findings": [], **extra}


def test_builtins_are_plugins_in_a_stable_order() -> None:
    host = load_host(installed=False)
    assert [s.id for s in host.scorers] == ["alignment", "commitment", "realism", "specificity"]
    assert all(p.builtin and p.ok and p.scorers for p in host.plugins)


@pytest.mark.parametrize(
    ("value", "needle"),
    [
        (RuntimeError("kaput"), "RuntimeError: kaput"),
        (ok(101), "score"),
        (ok(50, summary="two\nlines"), "summary"),
        ({"score": 50}, "summary"),
        (
            ok(50, findings=[{"start": 0, "end": 999, "severity": "warning", "message": "m"}]),
            "outside the draft",
        ),
        (
            ok(50, findings=[{"start": 5, "end": 2, "severity": "warning", "message": "m"}]),
            "start 5 is after end 2",
        ),
        (
            ok(50, findings=[{"start": 0, "end": 2, "severity": "fatal", "message": "m"}]),
            "severity",
        ),
        ("not a result", "invalid result"),
    ],
)
def test_a_bad_scorer_is_reported_and_the_rest_still_score(value: Any, needle: str) -> None:
    engine = Engine(host_with(Fixed("bad", value), builtins=True))
    report = engine.score(TEXT, make_profile())
    assert [s.plugin for s in report.scores] == [
        "alignment",
        "commitment",
        "realism",
        "specificity",
    ]
    assert len(report.errors) == 1 and report.errors[0].plugin == "bad"
    assert needle in report.errors[0].message
    assert "\n" not in report.errors[0].message


class Meddler(Scorer):
    """A plugin that changes what it is given."""

    id = "meddler"

    def score(self, ctx: ScoreContext) -> Any:
        ctx.profile.role = "changed by a plugin"
        ctx.profile.drafts.clear()
        ctx.profile.research.culture = ""
        return ok(50)


def test_a_plugin_cannot_change_the_users_profile() -> None:
    profile = make_profile()
    before = repr(profile)
    report = Engine(host_with(Meddler(), builtins=True)).score(TEXT, profile)
    assert report.score_of("meddler") == 50
    assert repr(profile) == before


def test_overall_is_the_weighted_mean() -> None:
    engine = Engine(host_with(Fixed("a", ok(80)), Fixed("b", ok(40))))
    profile = make_profile()
    assert engine.score(TEXT, profile).overall == 60.0
    profile.plugins = PluginsConfig(weights={"a": 3.0, "b": 1.0})
    assert engine.score(TEXT, profile).overall == 70.0
    profile.plugins = PluginsConfig(disabled=["a"])
    report = engine.score(TEXT, profile)
    assert report.overall == 40.0 and [s.plugin for s in report.scores] == ["b"]


def test_short_answers_count_half_and_keep_their_order() -> None:
    """Under 30 words sounds dismissive, yet a good short answer still beats a bad one."""
    good = Engine(host_with(Fixed("a", ok(95)))).score("I want to manage a team.", make_profile())
    bad = Engine(host_with(Fixed("a", ok(40)))).score("I want to manage a team.", make_profile())
    assert good.overall == 47.5 and bad.overall == 20.0
    assert any("under 30 words" in cap for cap in good.caps)
    assert Engine(host_with(Fixed("a", ok(95)))).score(TEXT, make_profile()).overall == 95.0


def test_an_error_sinks_the_overall_and_warnings_keep_it_out_of_the_strong_range() -> None:
    def with_findings(*severities: str) -> float:
        findings = [
            {"start": i, "end": i + 1, "severity": sev, "message": "m", "kind": "flight-risk"}
            for i, sev in enumerate(severities)
        ]
        engine = Engine(host_with(Fixed("a", {"score": 90, "summary": "s", "findings": findings})))
        return engine.score(TEXT, make_profile()).overall

    assert with_findings() == 90.0
    assert with_findings("suggestion") == 90.0
    assert 58.0 < with_findings("warning") < 68.0
    assert 48.0 < with_findings("warning", "warning") < 58.0
    assert 35.0 < with_findings("error") < 45.0


def test_a_cap_keeps_the_order_of_the_answers_under_it() -> None:
    """Two answers with the same pitfall are not tied: the better rest still shows."""

    def overall(score: float, severity: str) -> float:
        finding = {"start": 0, "end": 1, "severity": severity, "message": "m", "kind": "money"}
        result = {"score": score, "summary": "s", "findings": [finding]}
        return Engine(host_with(Fixed("a", result))).score(TEXT, make_profile()).overall

    for severity, cap in (("error", 45.0), ("warning", 68.0)):
        scores = [overall(s, severity) for s in (30, cap - 5, cap + 5, 80, 99)]
        assert scores == sorted(scores) and len(set(scores)) == len(scores), scores
        assert scores[-1] <= cap and scores[0] == 30.0  # far below the cap: untouched


class Settings(BaseModel):
    limit: int = 3


class WithSettings(Scorer):
    id = "withsettings"
    settings_model = Settings

    def score(self, ctx: ScoreContext) -> dict[str, Any]:
        return ok(float(ctx.settings.limit))


def test_settings_are_validated_and_passed() -> None:
    engine = Engine(host_with(WithSettings()))
    profile = make_profile()
    assert engine.score(TEXT, profile).overall == 3.0
    profile.plugins = PluginsConfig(settings={"withsettings": {"limit": 7}})
    assert engine.score(TEXT, profile).overall == 7.0
    profile.plugins = PluginsConfig(settings={"withsettings": {"limit": "many"}})
    report = engine.score(TEXT, profile)
    assert report.scores == [] and "[plugins.withsettings] limit" in report.errors[0].message


class BrokenPlugin:
    @hookimpl
    def aspire_scorers(self) -> list[Scorer]:
        raise ValueError("cannot start")


class DuplicatePlugin:
    @hookimpl
    def aspire_scorers(self) -> list[Scorer]:
        return [Fixed("alignment", ok(1))]


def test_a_plugin_that_fails_to_provide_scorers_is_reported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from aspire_tui import plugins

    class EP:
        def __init__(self, name: str, obj: object) -> None:
            self.name, self.obj = name, obj
            self.distribution, self.version = f"aspire-{name}", "1.0"

        def load(self) -> object:
            if isinstance(self.obj, Exception):
                raise self.obj
            return self.obj

    monkeypatch.setattr(
        plugins,
        "_entry_points",
        lambda: [
            EP("broken", BrokenPlugin()),
            EP("dupe", DuplicatePlugin()),
            EP("unimportable", ImportError("No module named 'nothing'")),
        ],
    )
    host = plugins.load_host()
    by_name = {p.name: p for p in host.plugins}
    assert "cannot start" in (by_name["broken"].error or "")
    assert "already taken" in (by_name["dupe"].error or "")
    assert "No module named" in (by_name["unimportable"].error or "")
    assert [s.id for s in host.scorers] == ["alignment", "commitment", "realism", "specificity"]
    report = Engine(host).score(TEXT, make_profile())
    assert len(report.scores) == 4 and report.errors == []
