from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from aspire_tui.engine import Engine, Report
from aspire_tui.models import Profile, Research
from aspire_tui.plugins import load_host

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "profiles"


@pytest.fixture(autouse=True)
def aspire_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own empty data folder; nothing touches the real one."""
    home = tmp_path / "aspire-home"
    monkeypatch.setenv("ASPIRE_HOME", str(home))
    monkeypatch.delenv("NO_COLOR", raising=False)
    yield home


JD = """We are hiring a Customer Support Team Lead for our Leeds contact centre.

What you'll do:
- Lead a team of twelve support agents handling phone and chat queries.
- Prepare weekly stakeholder reports on response times and customer satisfaction.
- Coach agents through call reviews and one-to-ones.
- Improve the knowledge base so customers can solve problems themselves.

What you'll bring:
- Two years of experience in a customer service role.
- Zendesk or a similar ticketing tool."""


def make_profile(
    stage: str = "mid", role: str = "Customer Support Team Lead", **research: str
) -> Profile:
    fields = {
        "job_description": JD,
        "culture": "Friendly, plain-speaking, promotes from within; invests in training.",
        "short_term_plans": "Launching live chat across all products and a new knowledge base.",
        "long_term_plans": "Opening a second contact centre in Glasgow and adding Spanish support.",
    }
    fields.update(research)
    return Profile(
        role=role,
        company="Brightwell Energy",
        career_stage=stage,  # type: ignore[arg-type]
        research=Research(**fields),
    )


@pytest.fixture
def profile() -> Profile:
    return make_profile()


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine(load_host(installed=False))


@pytest.fixture
def score(engine: Engine, profile: Profile) -> Callable[..., Report]:
    def run(text: str, prof: Profile | None = None) -> Report:
        return engine.score(text, prof or profile)

    return run


def serious(report: Report, plugin: str | None = None) -> list[tuple[str, str]]:
    """(plugin, flagged text) of every warning or error finding."""
    return [
        (s.plugin, f.kind or "")
        for s in report.scores
        for f in s.findings
        if f.severity in ("warning", "error") and (plugin is None or s.plugin == plugin)
    ]


def flagged(report: Report, text: str, phrase: str, plugin: str | None = None) -> bool:
    """True when a warning or error finding overlaps `phrase` in `text`."""
    start = text.index(phrase)
    end = start + len(phrase)
    return any(
        f.start < end and f.end > start
        for s in report.scores
        for f in s.findings
        if f.severity in ("warning", "error") and (plugin is None or s.plugin == plugin)
    )
