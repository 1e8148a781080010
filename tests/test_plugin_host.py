"""Installed plugins, for real: packages on a path with their own metadata, run through the
`aspire` command as a user would. Broken ones are reported; the rest carry on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from .conftest import EXAMPLES

ASPIRE = str(Path(sys.executable).with_name("aspire"))
PROFILE = EXAMPLES / "mid-backend-software-engineer.toml"

PLUGINS = {
    "goodplug": """
        from pydantic import BaseModel, Field
        from aspire_tui.hookspecs import hookimpl
        from aspire_tui.scorer import Scorer

        class Settings(BaseModel):
            limit: int = Field(3, description="How many findings at most")

        print("goodplug imported")  # chatty plugins must not corrupt JSON output

        class Good(Scorer):
            id = "good"
            title = "Good"
            settings_model = Settings

            def score(self, ctx):
                print("good is scoring")
                return {"score": 70 + ctx.settings.limit, "summary": "fine"}

        @hookimpl
        def aspire_scorers():
            return [Good()]
    """,
    "importboom": """
        raise ImportError("this plugin needs a library that is not installed")
    """,
    "callboom": """
        from aspire_tui.hookspecs import hookimpl
        from aspire_tui.scorer import Scorer

        class Boom(Scorer):
            id = "callboom"
            def score(self, ctx):
                raise ZeroDivisionError("divided by nothing")

        @hookimpl
        def aspire_scorers():
            return [Boom()]
    """,
    "hangs": """
        import time
        from aspire_tui.hookspecs import hookimpl
        from aspire_tui.scorer import Scorer

        class Hangs(Scorer):
            id = "hangs"
            def score(self, ctx):
                time.sleep(60)

        @hookimpl
        def aspire_scorers():
            return [Hangs()]
    """,
    "exitcall": """
        import sys
        from aspire_tui.hookspecs import hookimpl
        from aspire_tui.scorer import Scorer

        class Leaves(Scorer):
            id = "exitcall"
            def score(self, ctx):
                sys.exit("leaving in the middle of scoring")

        @hookimpl
        def aspire_scorers():
            return [Leaves()]
    """,
    "exitimport": """
        import sys
        sys.exit("leaving while being imported")
    """,
    "badspan": """
        from aspire_tui.hookspecs import hookimpl
        from aspire_tui.scorer import Scorer

        class BadSpan(Scorer):
            id = "badspan"
            def score(self, ctx):
                n = len(ctx.text)
                return {"score": 50, "summary": "s",
                        "findings": [{"start": 0, "end": n + 5, "severity": "warning",
                                      "message": "past the end"}]}

        @hookimpl
        def aspire_scorers():
            return [BadSpan()]
    """,
    "hospitality": """
        from aspire_tui.hookspecs import hookimpl

        @hookimpl
        def aspire_vocabulary():
            return {"compensation": ["the tronc"], "rung_director": ["executive housekeeper"]}
    """,
    "mentoring": """
        from aspire_tui.hookspecs import hookimpl

        @hookimpl
        def aspire_key_points():
            return {"mentoring": {"label": "Mentoring others", "phrases": ["mentor(?:ing|s|ed)?"]}}
    """,
    "badpoints": """
        from aspire_tui.hookspecs import hookimpl

        @hookimpl
        def aspire_key_points():
            return {"aim": {"label": "Mine", "phrases": ["(unclosed"]}}
    """,
    "badvocab": """
        from aspire_tui.hookspecs import hookimpl

        @hookimpl
        def aspire_vocabulary():
            return {"compensaton": ["the tronc"]}
    """,
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder on the path holding plugin packages with their metadata."""
    root = tmp_path_factory.mktemp("site")
    for name, code in PLUGINS.items():
        (root / f"{name}.py").write_text(textwrap.dedent(code), encoding="utf-8")
        info = root / f"aspire_{name}-1.{len(name)}.0.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Name: aspire-{name}\nVersion: 1.{len(name)}.0\n")
        (info / "entry_points.txt").write_text(f"[aspire_tui.scorers]\n{name} = {name}\n")
    return root


def run(site: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "PYTHONPATH": str(site), "ASPIRE_PLUGIN_TIMEOUT": "1.5", **env}
    return subprocess.run([ASPIRE, *args], capture_output=True, text=True, timeout=60, env=full)


def test_plugins_are_listed_with_versions_and_errors(site: Path) -> None:
    out = run(site, "plugins", "--format", "json")
    assert out.returncode == 0, out.stderr
    rows = {r["name"]: r for r in json.loads(out.stdout)}
    assert rows["goodplug"]["status"] == "ok" and rows["goodplug"]["version"] == "1.8.0"
    assert rows["goodplug"]["scorers"] == ["good"]
    assert rows["goodplug"]["settings"]["good"][0] == {
        "name": "limit",
        "type": "int",
        "default": 3,
        "description": "How many findings at most",
    }
    assert rows["importboom"]["status"] == "failed"
    assert "needs a library" in rows["importboom"]["error"]
    assert rows["exitimport"]["status"] == "failed"
    assert rows["exitimport"]["error"] == "SystemExit: leaving while being imported"
    assert rows["alignment"]["builtin"] is True
    text = run(site, "plugins")
    assert "importboom" in text.stdout and "failed" in text.stdout


def test_score_carries_on_past_broken_plugins(site: Path, tmp_path: Path) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text("In five years I'd like to be a staff engineer here.", encoding="utf-8")
    started = time.monotonic()
    out = run(site, "score", "-p", str(PROFILE), "-f", "json", str(draft))
    elapsed = time.monotonic() - started
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    scored = {s["plugin"]: s["score"] for s in data["scores"]}
    errors = {e["plugin"]: e["message"] for e in data["errors"]}
    assert {"alignment", "commitment", "realism", "specificity", "good"} <= set(scored)
    assert scored["good"] == 73.0
    assert "goodplug imported" in out.stderr and "good is scoring" in out.stderr
    assert "ZeroDivisionError" in errors["callboom"]
    assert errors["exitcall"] == "SystemExit: leaving in the middle of scoring"
    assert "timed out" in errors["hangs"]
    assert "outside the draft" in errors["badspan"]
    assert elapsed < 10  # the hanging plugin cost its time limit, not a minute


def test_environment_chooses_what_loads(site: Path) -> None:
    rows = {
        r["name"]: r
        for r in json.loads(
            run(
                site,
                "plugins",
                "-f",
                "json",
                ASPIRE_LOAD_PLUGINS="goodplug,hangs",
                ASPIRE_DISABLE_PLUGINS="hangs,realism",
            ).stdout
        )
    }
    assert rows["goodplug"]["status"] == "ok"
    assert rows["hangs"]["status"] == "disabled"  # disable wins over load
    assert rows["callboom"]["status"] == "disabled"  # not in the load list
    assert rows["realism"]["status"] == "disabled"
    assert rows["callboom"]["import_ms"] == 0  # never imported
    only_builtins = {
        r["name"]: r["status"]
        for r in json.loads(run(site, "plugins", "-f", "json", ASPIRE_LOAD_PLUGINS="").stdout)
    }
    assert only_builtins["goodplug"] == "disabled" and only_builtins["alignment"] == "ok"


def test_bad_settings_are_reported_on_that_scorer_only(site: Path, tmp_path: Path) -> None:
    profile = tmp_path / "p.toml"
    profile.write_text(
        PROFILE.read_text(encoding="utf-8") + '\n[plugins.good]\nlimit = "lots"\n',
        encoding="utf-8",
    )
    out = run(site, "score", "-p", str(profile), "-f", "json", ASPIRE_LOAD_PLUGINS="goodplug")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert [e["plugin"] for e in data["errors"]] == ["good"]
    assert "[plugins.good] limit" in data["errors"][0]["message"]
    assert len(data["scores"]) == 4


def test_trace_prints_each_call(site: Path, tmp_path: Path) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text("I'd like to lead the bank feeds team here in three years.", "utf-8")
    out = run(
        site,
        "score",
        "-p",
        str(PROFILE),
        str(draft),
        ASPIRE_TRACE_PLUGINS="1",
        ASPIRE_LOAD_PLUGINS="goodplug,callboom",
    )
    lines = [line for line in out.stderr.splitlines() if line.startswith("aspire: trace")]
    assert any(line.startswith("aspire: trace good:") and "score 73" in line for line in lines)
    assert any("callboom" in line and "failed" in line for line in lines)
    assert len(lines) == 6


def test_profile_validate_checks_plugin_settings(site: Path, tmp_path: Path) -> None:
    profile = tmp_path / "p.toml"
    base = PROFILE.read_text(encoding="utf-8")
    profile.write_text(base + '\n[plugins.good]\nlimit = "lots"\n', encoding="utf-8")
    out = run(site, "profile", "validate", str(profile), ASPIRE_LOAD_PLUGINS="goodplug")
    assert out.returncode == 1
    line = base.count("\n") + 3
    assert f"{profile}:{line}: plugins.good.limit:" in out.stderr
    profile.write_text(base + "\n[plugins.good]\nlimit = 5\n", encoding="utf-8")
    ok = run(site, "profile", "validate", str(profile), ASPIRE_LOAD_PLUGINS="goodplug")
    assert ok.returncode == 0, ok.stderr


def test_plugins_new_writes_a_package_that_works_when_installed(tmp_path: Path) -> None:
    out = subprocess.run(
        [ASPIRE, "plugins", "new", "filler-words", "--dir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    package = tmp_path / "aspire-filler-words"
    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(package / "tests")],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(package / "src")},
        cwd=package,
    )
    assert tests.returncode == 0, tests.stdout + tests.stderr
    assert "3 passed" in tests.stdout
    target = tmp_path / "installed"
    pip = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--target",
            str(target),
            str(package),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert pip.returncode == 0, pip.stderr[-2000:]
    rows = {r["name"]: r for r in json.loads(run(target, "plugins", "-f", "json").stdout)}
    assert rows["filler-words"]["status"] == "ok"
    assert rows["filler-words"]["scorers"] == ["filler-words"]
    draft = tmp_path / "d.txt"
    draft.write_text("To be honest, I want to lead the bank feeds team here in three years.")
    scored = json.loads(run(target, "score", "-p", str(PROFILE), "-f", "json", str(draft)).stdout)
    mine = next(s for s in scored["scores"] if s["plugin"] == "filler-words")
    assert mine["score"] == 90.0 and mine["findings"][0]["start"] == 0


@pytest.mark.parametrize("name", ["9lives", "has space", "../up"])
def test_plugins_new_rejects_bad_names(tmp_path: Path, name: str) -> None:
    out = subprocess.run(
        [ASPIRE, "plugins", "new", name, "--dir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 2 and "not a plugin name" in out.stderr
    assert list(tmp_path.iterdir()) == []


def test_plugins_new_never_overwrites(tmp_path: Path) -> None:
    (tmp_path / "aspire-mine").mkdir()
    out = subprocess.run(
        [ASPIRE, "plugins", "new", "mine", "--dir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 2 and "already exists" in out.stderr


def test_plugins_install_runs_pip_in_aspires_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from aspire_tui.cli import main

    calls: list[list[str]] = []
    monkeypatch.setattr(subprocess, "call", lambda cmd: calls.append(cmd) or 0)
    assert main(["plugins", "install", "-U", "aspire-cliches", "./local-plugin"]) == 0
    assert calls == [
        [sys.executable, "-m", "pip", "install", "--upgrade", "aspire-cliches", "./local-plugin"]
    ]


async def test_the_app_reports_broken_plugins_and_keeps_scoring(
    site: Path, aspire_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from aspire_tui.app import live
    from aspire_tui.app.app import AspireApp
    from aspire_tui.app.widgets.draft.editor import DraftEditor
    from aspire_tui.session import Session

    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setattr(live, "HARD_LIMIT", 0.5)
    monkeypatch.setenv("ASPIRE_DISABLE_PLUGINS", "cliches,delivery")
    session, _ = Session.open(None)
    app = AspireApp(session)
    async with app.run_test(size=(140, 45)) as pilot:
        deadline = time.monotonic() + 8
        while time.monotonic() < deadline:
            await pilot.pause(0.05)
            if app.live and all(g.version >= 0 or g.timed_out for g in app.live.groups):
                break
        assert app.live is not None
        notes = " ".join(n.message for n in app._notifications)
        assert "importboom did not load" in notes and "needs a library" in notes
        assert "exitimport did not load" in notes
        report = app.live.report()
        errors = {e.plugin: e.message for e in report.errors}
        assert "ZeroDivisionError" in errors["callboom"]
        assert "SystemExit" in errors["exitcall"]
        assert "outside the draft" in errors["badspan"]
        assert "timed out" in errors["hangs"]
        assert any(s.plugin == "good" for s in report.scores)
        assert {"alignment", "commitment", "realism", "specificity"} <= {
            s.plugin for s in report.scores
        }
        editor = app.query_one(DraftEditor)
        editor.move_cursor(editor.document.end)
        await pilot.press("!")
        assert editor.text.endswith("!")


def test_a_plugin_adds_vocabulary_without_code(site: Path, tmp_path: Path) -> None:
    """A field's words come from a plugin's data: its titles join the ladder, its word for
    pay is money; a misspelt concept fails that plugin alone, with a suggestion."""
    draft = tmp_path / "d.txt"
    draft.write_text(
        "Honestly the tronc is the main reason I applied. I want to be executive housekeeper "
        "within a year, and I'd like to learn revenue management on the front desk first.",
        encoding="utf-8",
    )

    def kinds(**env: str) -> set[str]:
        out = run(site, "score", "-p", str(PROFILE), "-f", "json", str(draft), **env)
        assert out.returncode == 0, out.stderr
        data = json.loads(out.stdout)
        return {
            f["kind"]
            for s in data["scores"]
            for f in s["findings"]
            if f["severity"] in ("warning", "error")
        }

    assert {"money", "unrealistic"} <= kinds()
    assert not {"money", "unrealistic"} & kinds(ASPIRE_DISABLE_PLUGINS="hospitality")
    rows = {r["name"]: r for r in json.loads(run(site, "plugins", "-f", "json").stdout)}
    assert rows["hospitality"]["vocabulary"] == {"compensation": 1, "rung_director": 1}
    assert rows["badvocab"]["status"] == "failed"
    assert "did you mean compensation?" in rows["badvocab"]["error"]
    assert "vocabulary: compensation +1" in run(site, "plugins").stdout


def test_a_plugin_adds_a_kind_of_key_point_without_code(site: Path, tmp_path: Path) -> None:
    """A plugin's phrases make a kind of key point of their own: in the JSON, listed with
    the plugin; a kind that takes a built-in id fails that plugin alone."""
    draft = tmp_path / "d.txt"
    draft.write_text(
        "Mentoring the new receptionists is what I enjoy most about the desk. "
        "In five years I'd like to run front office operations here.",
        encoding="utf-8",
    )

    def points(**env: str) -> list[tuple[str, str]]:
        out = run(site, "score", "-p", str(PROFILE), "-f", "json", str(draft), **env)
        assert out.returncode == 0, out.stderr
        return [(p["kind"], p["label"]) for p in json.loads(out.stdout)["key_points"]]

    found = points()
    assert ("mentoring", "Mentoring others") in found and found[-1][0] == "aim"
    assert "mentoring" not in {k for k, _ in points(ASPIRE_DISABLE_PLUGINS="mentoring")}
    rows = {r["name"]: r for r in json.loads(run(site, "plugins", "-f", "json").stdout)}
    assert rows["mentoring"]["key_points"] == ["mentoring"]
    assert rows["badpoints"]["status"] == "failed"
    assert "'aim' is built in" in rows["badpoints"]["error"]
    assert "key points: mentoring" in run(site, "plugins").stdout
