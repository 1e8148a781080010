"""Plugins that misbehave on purpose: they hang, claim to be built in, raise what is not an
Exception, return megabytes, rewrite Aspire's code, write to file descriptor 1, or hand
over numbers that are not finite. Aspire goes on without them and says so in one line."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from aspire_tui.engine import (
    FINDINGS_LIMIT,
    MESSAGE_LIMIT,
    OVERALL,
    SUMMARY_LIMIT,
    DraftFacts,
    Engine,
    ScorerScore,
    report_from,
)
from aspire_tui.plugins import LOAD_LIMIT, load_host
from aspire_tui.scorer import ScoreContext, Scorer
from aspire_tui.testing import make_profile, score_with

from .conftest import EXAMPLES

ASPIRE = str(Path(sys.executable).with_name("aspire"))
PROFILE = EXAMPLES / "mid-backend-software-engineer.toml"
DRAFT = (
    "In five years I'd like to be a staff engineer here, trusted with the reconciliation "
    "service. In my first year I want to own part of the bank-feed split and write its design "
    "doc; within three years I'd like to lead the multi-currency ledger work for Germany."
)
#: Start-up with one hung plugin may take its limit plus an ordinary start, with room for
#: a slow shared machine; without the limit it would take 1000 s.
HUNG_BUDGET = LOAD_LIMIT + 4.0

SCORER = """
from aspire_tui.hookspecs import hookimpl
from aspire_tui.scorer import Scorer
"""

PLUGINS = {
    "sleepyimport": """
        import time
        time.sleep(1000)
    """,
    "sleepyhook": """
        import time
        from aspire_tui.hookspecs import hookimpl

        @hookimpl
        def aspire_scorers():
            time.sleep(1000)
    """,
    "steady": SCORER
    + """
class Steady(Scorer):
    id = "steady"
    def score(self, ctx):
        return {"score": 80, "summary": "steady"}

@hookimpl
def aspire_scorers():
    return [Steady()]
""",
    "impostor": SCORER
    + """
import time

class Impostor(Scorer):
    id = "impostor"
    def score(self, ctx):
        time.sleep(60)

Impostor.__module__ = "aspire_tui.scorers.impostor"

@hookimpl
def aspire_scorers():
    return [Impostor()]
""",
    "escapes": SCORER
    + """
import sys

class Escape(BaseException):
    pass

def leaving(sid, exc):
    class Leaves(Scorer):
        id = sid
        def score(self, ctx):
            raise exc
    return Leaves()

@hookimpl
def aspire_scorers():
    return [
        leaving("interrupts", KeyboardInterrupt()),
        leaving("exits", SystemExit(3)),
        leaving("escapes", Escape("out of here")),
    ]
""",
    "flood": SCORER
    + """
class Flood(Scorer):
    id = "flood"
    def score(self, ctx):
        n = len(ctx.text)
        return {
            "score": 60,
            "summary": "x" * 5_000_000,
            "findings": [
                {"start": 0, "end": n, "severity": "info", "message": "m" * 2000,
                 "suggestion": "s" * 2000}
                for _ in range(5000)
            ],
        }

@hookimpl
def aspire_scorers():
    return [Flood()]
""",
    "patcher": """
        from aspire_tui import engine
        from aspire_tui.scorers.alignment import AlignmentScorer

        engine.combine = lambda scores, facts: (100.0, [])
        AlignmentScorer.score = lambda self, ctx: {"score": 100, "summary": "perfect"}
    """,
    "codeswap": """
        from aspire_tui import engine
        from aspire_tui.hookspecs import hookimpl

        def generous(scores, facts):
            return 100.0, []

        @hookimpl
        def aspire_scorers():
            engine.combine.__code__ = generous.__code__
            return []
    """,
    "fdwriter": SCORER
    + """
import os
os.write(1, b"garbage at import\\n")
print("printed at import")

class Writer(Scorer):
    id = "fdwriter"
    def score(self, ctx):
        os.write(1, b"garbage while scoring\\n")
        print("printed while scoring")
        return {"score": 50, "summary": "wrote"}

@hookimpl
def aspire_scorers():
    return [Writer()]
""",
    "heavy": SCORER
    + """
class Heavy(Scorer):
    weight = 1e308
    def __init__(self, sid):
        self.id = sid
    def score(self, ctx):
        return {"score": 90, "summary": "heavy"}

@hookimpl
def aspire_scorers():
    return [Heavy("heavy-a"), Heavy("heavy-b")]
""",
    "oddnumbers": SCORER
    + """
class NotANumber(float):
    def __le__(self, other):
        return True
    def __ge__(self, other):
        return True

class NanScore(Scorer):
    id = "nanscore"
    def score(self, ctx):
        return {"score": NotANumber("nan"), "summary": "nan"}

class NanWeight(Scorer):
    id = "nanweight"
    weight = float("nan")
    def score(self, ctx):
        return {"score": 40, "summary": "light"}

@hookimpl
def aspire_scorers():
    return [NanScore(), NanWeight()]
""",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder on the path holding the plugin packages with their metadata."""
    root = tmp_path_factory.mktemp("hostile-site")
    for name, code in PLUGINS.items():
        (root / f"{name}.py").write_text(textwrap.dedent(code), encoding="utf-8")
        info = root / f"aspire_{name}-1.0.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Name: aspire-{name}\nVersion: 1.0\n")
        (info / "entry_points.txt").write_text(f"[aspire_tui.scorers]\n{name} = {name}\n")
    return root


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def run(
    site: Path, load: str, *args: str, **env: str
) -> tuple[subprocess.CompletedProcess[str], float]:
    """`aspire ARGS` with only the plugins in `load` installed ones; (result, seconds)."""
    full = {
        **os.environ,
        "PYTHONPATH": str(site),
        "ASPIRE_LOAD_PLUGINS": load,
        "ASPIRE_PLUGIN_TIMEOUT": "1",
        **env,
    }
    started = time.monotonic()
    out = subprocess.run([ASPIRE, *args], capture_output=True, text=True, timeout=60, env=full)
    return out, time.monotonic() - started


def score_json(site: Path, load: str, draft: Path, *args: str) -> dict[str, object]:
    out, _ = run(site, load, "score", "-p", str(PROFILE), "-f", "json", str(draft), *args)
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr
    data: dict[str, object] = json.loads(out.stdout)
    return data


def errors_of(data: dict[str, object]) -> dict[str, str]:
    return {e["plugin"]: e["message"] for e in data["errors"]}  # type: ignore[attr-defined]


def plugin_rows(site: Path, load: str) -> dict[str, dict[str, object]]:
    out, _ = run(site, load, "plugins", "-f", "json")
    assert out.returncode == 0, out.stderr
    return {r["name"]: r for r in json.loads(out.stdout)}


# ---- 1. hanging plugins ------------------------------------------------------------------


def test_a_plugin_hanging_at_import_costs_its_limit_once(site: Path, draft: Path) -> None:
    out, elapsed = run(
        site, "sleepyimport,steady", "score", "-p", str(PROFILE), "-f", "json", str(draft)
    )
    assert out.returncode == 0, out.stderr
    assert LOAD_LIMIT <= elapsed < HUNG_BUDGET
    data = json.loads(out.stdout)
    assert "steady" in {s["plugin"] for s in data["scores"]}
    message = errors_of(data)["sleepyimport"]
    assert message.startswith(f"hung: no answer within {LOAD_LIMIT:g} s while importing")
    assert "ASPIRE_DISABLE_PLUGINS" in message
    text, elapsed = run(site, "sleepyimport,steady", "score", "-p", str(PROFILE), str(draft))
    assert text.returncode == 0 and elapsed < HUNG_BUDGET
    lines = [line for line in text.stderr.splitlines() if "sleepyimport" in line]
    assert lines == [f"aspire: plugin sleepyimport {message}"]
    assert "Traceback" not in text.stderr


def test_plugins_lists_hung_plugins_in_text_and_json(site: Path) -> None:
    started = time.monotonic()
    rows = plugin_rows(site, "sleepyimport,sleepyhook,steady")
    assert time.monotonic() - started < HUNG_BUDGET + LOAD_LIMIT  # two hung: each its limit
    assert rows["sleepyimport"]["status"] == "hung"
    assert rows["sleepyhook"]["status"] == "hung"
    assert "from aspire_scorers" in str(rows["sleepyhook"]["error"])
    assert rows["steady"]["status"] == "ok" and rows["steady"]["scorers"] == ["steady"]
    out, _ = run(site, "sleepyhook", "plugins")
    line = next(line for line in out.stdout.splitlines() if line.startswith("sleepyhook"))
    assert line.split()[1] == "hung"
    assert "`aspire plugins disable sleepyhook` leaves it off" in out.stdout


def test_the_host_goes_on_without_a_hung_plugin_in_process(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the app's start-up runs: the same host, the same limit."""
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setenv("ASPIRE_LOAD_PLUGINS", "sleepyhook,steady")
    started = time.monotonic()
    host = load_host()
    assert time.monotonic() - started < HUNG_BUDGET
    assert [p.name for p in host.failures] == ["sleepyhook"]
    assert host.scorer("steady") is not None


async def test_the_app_starts_past_a_hung_plugin(
    site: Path, aspire_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from aspire_tui.app.app import AspireApp
    from aspire_tui.session import Session

    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setenv("ASPIRE_LOAD_PLUGINS", "sleepyimport,steady")
    session, _ = Session.open(None)
    app = AspireApp(session)
    started = time.monotonic()
    async with app.run_test(size=(140, 45)) as pilot:
        while app.live is None and time.monotonic() - started < 30:
            await pilot.pause(0.05)
        assert time.monotonic() - started < HUNG_BUDGET + 2  # the app's own start on top
        notes = " ".join(n.message for n in app._notifications)
        assert "sleepyimport" in notes and "no answer within" in notes


# ---- 2. built in is where the host registered it from -----------------------------------


def test_a_class_claiming_a_builtin_module_is_still_a_plugin(site: Path, draft: Path) -> None:
    rows = plugin_rows(site, "impostor")
    assert rows["impostor"]["builtin"] is False
    started = time.monotonic()
    data = score_json(site, "impostor", draft)
    assert time.monotonic() - started < 20  # its 60 s sleep was cut at the time limit
    assert "timed out" in errors_of(data)["impostor"]


def test_make_groups_and_the_engine_trust_registration_only(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from aspire_tui.app.live import make_groups
    from aspire_tui.engine import is_builtin

    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setenv("ASPIRE_LOAD_PLUGINS", "impostor")
    host = load_host()
    impostor = host.scorer("impostor")
    assert impostor is not None and type(impostor).__module__.startswith("aspire_tui.scorers.")
    assert not is_builtin(impostor) and not host.is_builtin(impostor)
    groups = make_groups(host.scorers)
    assert [g.ids for g in groups if g.builtin] == [
        ["alignment", "commitment", "realism", "specificity"]
    ]
    assert any(g.ids == ["impostor"] and not g.builtin for g in groups)


# ---- 3. BaseException from score ---------------------------------------------------------


def test_base_exceptions_in_score_are_that_scorers_failure(site: Path, draft: Path) -> None:
    out, _ = run(site, "escapes", "score", "-p", str(PROFILE), "-f", "json", str(draft))
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr and "Unhandled exception" not in out.stderr
    data = json.loads(out.stdout)
    errors = errors_of(data)
    assert errors["interrupts"] == "KeyboardInterrupt"
    assert errors["exits"] == "SystemExit: 3"
    assert errors["escapes"] == "Escape: out of here"
    assert len(data["scores"]) == 4  # the built-ins carried on


class Raises(Scorer):
    id = "raises"

    def __init__(self, exc: BaseException) -> None:
        self.exc = exc

    def score(self, ctx: ScoreContext) -> dict[str, object]:
        raise self.exc


def test_engine_reports_base_exceptions_without_a_thread_traceback(
    capfd: pytest.CaptureFixture[str],
) -> None:
    host = load_host(installed=False)
    host.scorers.append(Raises(KeyboardInterrupt()))
    report = Engine(host).score(DRAFT, make_profile())
    assert [(e.plugin, e.message) for e in report.errors] == [("raises", "KeyboardInterrupt")]
    assert "Traceback" not in capfd.readouterr().err


def test_the_apps_shared_worker_survives_a_system_exit() -> None:
    from aspire_tui.app.live import Runner

    runner = Runner(workers=1)
    done = threading.Event()

    def leave() -> None:
        raise SystemExit("gone")

    runner.submit(False, leave)
    runner.submit(False, done.set)
    assert done.wait(5)


# ---- 4. results cut to size --------------------------------------------------------------


def test_a_flood_of_output_is_cut_and_the_cut_reported_once(site: Path, draft: Path) -> None:
    data = score_json(site, "flood", draft)
    flood = next(s for s in data["scores"] if s["plugin"] == "flood")  # type: ignore[attr-defined]
    assert len(flood["summary"]) <= SUMMARY_LIMIT
    assert len(flood["findings"]) == FINDINGS_LIMIT
    assert all(len(f["message"]) <= MESSAGE_LIMIT for f in flood["findings"])
    assert all(len(f["suggestion"]) <= MESSAGE_LIMIT for f in flood["findings"])
    notes = [e for e in data["errors"] if e["plugin"] == "flood"]  # type: ignore[attr-defined]
    assert len(notes) == 1
    assert "5000 findings cut to the first 200" in notes[0]["message"]
    assert "summary cut" in notes[0]["message"]


def test_score_with_fails_an_authors_test_on_a_cut() -> None:
    class Wordy(Scorer):
        id = "wordy"

        def score(self, ctx: ScoreContext) -> dict[str, object]:
            return {"score": 50, "summary": "w" * (SUMMARY_LIMIT + 1)}

    with pytest.raises(AssertionError, match="summary cut to 500 characters"):
        score_with(Wordy(), DRAFT)


# ---- 5. plugins that rewrite Aspire's code -----------------------------------------------


def test_a_plugin_replacing_aspires_code_is_named_and_undone(site: Path, draft: Path) -> None:
    rows = plugin_rows(site, "patcher,codeswap,steady")
    assert rows["patcher"]["status"] == "tampered"
    assert rows["patcher"]["changed"] == [
        "aspire_tui.engine.combine",
        "aspire_tui.scorers.alignment.AlignmentScorer.score",
    ]
    assert rows["codeswap"]["status"] == "tampered"
    assert rows["codeswap"]["changed"] == ["aspire_tui.engine.combine (its code)"]
    assert "in aspire_scorers" in str(rows["codeswap"]["error"])
    assert rows["steady"]["status"] == "ok"
    clean = score_json(site, "steady", draft)
    patched = score_json(site, "patcher,codeswap,steady", draft)
    assert patched["overall"] == clean["overall"] != 100.0
    assert patched["scores"] == clean["scores"] or [
        (s["plugin"], s["score"])
        for s in patched["scores"]  # type: ignore[attr-defined]
    ] == [(s["plugin"], s["score"]) for s in clean["scores"]]  # type: ignore[attr-defined]
    assert "changed Aspire's own code" in errors_of(patched)["patcher"]


# ---- 6 and 7. reports on stderr; raw writes to fd 1 --------------------------------------


def test_raw_writes_to_stdout_never_reach_the_report(site: Path, draft: Path) -> None:
    out, _ = run(site, "fdwriter", "score", "-p", str(PROFILE), "-f", "json", str(draft))
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)  # nothing else on stdout
    assert "fdwriter" in {s["plugin"] for s in data["scores"]}
    for written in ("garbage at import", "printed at import", "garbage while scoring"):
        assert written in out.stderr
    text, _ = run(site, "fdwriter", "score", "-p", str(PROFILE), str(draft))
    assert "garbage" not in text.stdout and "Overall" in text.stdout
    listing, _ = run(site, "fdwriter", "plugins", "-f", "json")
    assert json.loads(listing.stdout) and "garbage at import" in listing.stderr


def test_failed_plugins_are_one_line_each_in_score(site: Path, draft: Path) -> None:
    out, _ = run(site, "sleepyhook,patcher", "score", "-p", str(PROFILE), str(draft))
    assert out.returncode == 0
    mine = [line for line in out.stderr.splitlines() if line.startswith("aspire: plugin")]
    assert len(mine) == 2
    assert mine[0].startswith("aspire: plugin patcher changed Aspire's own code: replaced")
    assert mine[1].startswith("aspire: plugin sleepyhook hung:")
    for line, name in zip(mine, ("patcher", "sleepyhook"), strict=True):
        assert line.endswith(
            f"`aspire plugins disable {name}` leaves it off "
            f"(ASPIRE_DISABLE_PLUGINS={name} for one run)"
        )


# ---- 8. numbers that are not finite ------------------------------------------------------


def test_an_overall_that_is_not_finite_is_an_error_and_fails_min_score(
    site: Path, draft: Path
) -> None:
    out, _ = run(
        site, "heavy", "score", "-p", str(PROFILE), "-f", "json", str(draft), "--min-score", "0"
    )
    assert out.returncode == 1, out.stderr  # below: the overall could not be computed
    assert "NaN" not in out.stdout and "Infinity" not in out.stdout
    data = json.loads(out.stdout)
    assert data["overall"] == 0.0
    assert "not a finite number" in errors_of(data)[OVERALL]
    passing, _ = run(site, "", "score", "-p", str(PROFILE), str(draft), "--min-score", "0")
    assert passing.returncode == 0
    nan_min, _ = run(site, "", "score", "-p", str(PROFILE), str(draft), "--min-score", "nan")
    assert nan_min.returncode != 0  # refused as usage, or below: never a pass


def test_min_score_never_passes_on_what_is_not_a_number() -> None:
    from aspire_tui.cli.score import passes

    report = Engine(load_host(installed=False)).score(DRAFT, make_profile())
    assert passes(report, None) and passes(report, 0.0)
    assert not passes(report, math.nan) and not passes(report, math.inf)
    broken = report._replace(overall=math.nan)
    assert not passes(broken, 0.0) and not passes(broken, -math.inf)


def test_a_score_or_weight_that_is_not_finite_is_ignored(site: Path, draft: Path) -> None:
    data = score_json(site, "oddnumbers", draft)
    errors = errors_of(data)
    assert errors["nanscore"] == "invalid result: score nan is not a number from 0 to 100"
    assert errors["nanweight"] == "its weight nan is not a number 0 or more, so it counts as 1"
    weights = {s["plugin"]: s["weight"] for s in data["scores"]}  # type: ignore[attr-defined]
    assert weights["nanweight"] == 1.0 and "nanscore" not in weights
    assert math.isfinite(float(data["overall"]))  # type: ignore[arg-type]


def test_a_profile_weight_that_is_not_finite_counts_as_the_default() -> None:
    profile = make_profile()
    profile.plugins.weights["realism"] = math.inf  # past any validation, as a script can
    report = Engine(load_host(installed=False)).score(DRAFT, profile)
    weights = {s.plugin: s.weight for s in report.scores}
    assert weights["realism"] == 1.0
    (error,) = report.errors
    assert error.plugin == "realism" and "weights.realism = inf" in error.message
    assert math.isfinite(report.overall) and report.overall_ok


def test_report_from_leaves_out_numbers_that_are_not_finite() -> None:
    facts = DraftFacts(words=60, stuffed=False)
    good = ScorerScore("good", "Good", 70.0, "ok", [], 1.0, 0.0)
    bad = ScorerScore("bad", "Bad", math.nan, "nan", [], 1.0, 0.0)
    report = report_from([good, bad], facts)
    assert report.overall == 70.0 and [e.plugin for e in report.errors] == ["bad"]
    huge = [ScorerScore(s, s, 90.0, "ok", [], 1e308, 0.0) for s in ("a", "b")]
    overflow = report_from(huge, facts)
    assert overflow.overall == 0.0 and not overflow.overall_ok
    json.dumps(overflow.to_dict(), allow_nan=False)
