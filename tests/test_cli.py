"""The `aspire` command through a real subprocess: output, formats and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .cli import DRAFT, EXAMPLE, draft_file, run


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    return draft_file(tmp_path)


def test_version_and_help() -> None:
    from aspire_tui import __version__

    out = run("--version")
    assert out.returncode == 0 and out.stdout.strip() == f"aspire {__version__}"
    for args in (
        ["--help"],
        ["score", "--help"],
        ["profile", "--help"],
        ["profile", "list", "--help"],
        ["profile", "new", "--help"],
        ["profile", "show", "--help"],
        ["profile", "validate", "--help"],
    ):
        out = run(*args)
        assert out.returncode == 0, args
        assert "usage: aspire" in out.stdout


def test_score_json_contract(draft: Path) -> None:
    out = run("score", "--profile", str(EXAMPLE), "--format", "json", str(draft))
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) >= {"overall", "words", "speaking_seconds", "scores", "errors"}
    assert data["words"] == len(DRAFT.split())
    assert data["speaking_seconds"] == round(data["words"] * 60 / 140)
    assert [s["plugin"] for s in data["scores"]] == [
        "alignment",
        "commitment",
        "realism",
        "specificity",
    ]
    for s in data["scores"]:
        assert 0 <= s["score"] <= 100 and s["summary"]
        for f in s["findings"]:
            assert set(f) >= {"start", "end", "severity", "message", "suggestion"}
            assert 0 <= f["start"] <= f["end"] <= len(DRAFT)
    # The key points Rehearse asks to keep: the aim first, then the steps, each a span.
    points = data["key_points"]
    assert [p["kind"] for p in points] == ["aim", "near"]
    for p in points:
        assert set(p) == {"kind", "label", "start", "end", "text", "cue"}
        assert DRAFT[p["start"] : p["end"]] == p["text"]


def test_score_text_report_is_plain_in_a_pipe(tmp_path: Path) -> None:
    path = tmp_path / "d.txt"
    path.write_text(
        "Line one is fine.\nMaybe I'll go freelance after a year here.", encoding="utf-8"
    )
    out = run("score", "-p", str(EXAMPLE), str(path))
    assert out.returncode == 0
    assert "\x1b[" not in out.stdout
    assert "Overall" in out.stdout and "Commitment" in out.stdout
    assert "2:" in out.stdout and "“" in out.stdout and "freelance" in out.stdout


def test_score_reads_stdin_and_the_profile_draft() -> None:
    out = run("score", "-p", str(EXAMPLE), "-f", "json", "-", stdin=DRAFT.encode())
    assert out.returncode == 0 and json.loads(out.stdout)["words"] == len(DRAFT.split())
    out = run("score", "-p", str(EXAMPLE), "-f", "json")
    assert out.returncode == 0 and json.loads(out.stdout)["words"] > 50


def test_score_by_example_name() -> None:
    out = run("score", "-p", "senior-lead-pharmacist", "-f", "json")
    assert out.returncode == 0, out.stderr


def test_min_score_exit_code(draft: Path) -> None:
    assert run("score", "-p", str(EXAMPLE), "--min-score", "1", str(draft)).returncode == 0
    assert run("score", "-p", str(EXAMPLE), "--min-score", "99.9", str(draft)).returncode == 1


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["score", "/nonexistent/draft.txt"], "no such file"),
        (["score", "--profile", "/nonexistent/p.toml", "-"], "no such file"),
        (["score", "--profile", "no-such-profile", "-"], "no profile by that name"),
        (["score"], "no draft to score"),
        (["score", "--format", "yaml", "-"], "invalid choice"),
        (["frobnicate"], "no profile by that name"),
        (["--frobnicate"], "unrecognized arguments"),
        (["entry-graduate-civil-engineer", "extra"], "unexpected 'extra'"),
        (["entry-graduate-civil-engineer"], "needs a terminal"),
    ],
)
def test_bad_input_is_one_line_on_stderr_exit_2(args: list[str], needle: str) -> None:
    out = run(*args, stdin=b"")
    assert out.returncode == 2
    assert needle in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    assert "Traceback" not in out.stderr


def test_bad_profile_and_bad_bytes(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('schema_version = 1\nrole = "x"\ncarrer_stage = "mid"\n', encoding="utf-8")
    out = run("score", "-p", str(bad), "-", stdin=b"hello")
    assert out.returncode == 2
    assert f"{bad}:3: carrer_stage: unknown key; did you mean career_stage?" in out.stderr
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Je voudrais être directeur".encode("latin-1"))
    out = run("score", str(latin))
    assert out.returncode == 2 and "not UTF-8" in out.stderr and str(latin) in out.stderr


def test_profile_commands(aspire_home: Path) -> None:
    out = run(
        "profile", "new", "--from", "entry-graduate-civil-engineer", "--role", "Site Engineer"
    )
    assert out.returncode == 0, out.stderr
    created = Path(out.stdout.split("Created ", 1)[1].strip())
    assert (
        created.parent == aspire_home / "profiles"
        and created.name == "site-engineer-harrowgate-water.toml"
    )
    assert (created.stat().st_mode & 0o777) == 0o600
    again = run(
        "profile", "new", "--from", "entry-graduate-civil-engineer", "--role", "Site Engineer"
    )
    assert "site-engineer-harrowgate-water-2.toml" in again.stdout
    out = run("profile", "new", "--role", "Nurse", "--stage", "senior")
    assert out.returncode == 0
    (aspire_home / "profiles" / "broken.toml").write_text("role = [", encoding="utf-8")
    listing = run("profile", "list")
    assert listing.returncode == 0
    assert "Site Engineer at Harrowgate Water (entry)" in listing.stdout
    assert "broken" in listing.stdout and "BROKEN" in listing.stdout
    assert "changer-supply-chain-planner" in listing.stdout
    shown = run("profile", "show", "site-engineer-harrowgate-water")
    assert shown.returncode == 0 and "career stage:  entry" in shown.stdout
    assert run("profile", "validate", str(created)).returncode == 0
    bad = run("profile", "validate", "broken")
    assert bad.returncode == 1 and "broken.toml:1: invalid TOML" in bad.stderr
    assert run("profile", "new", "--role", "Nurse").returncode == 2


def test_score_does_not_import_textual(draft: Path) -> None:
    code = (
        "import sys\n"
        "from aspire_tui.cli import main\n"
        f"rc = main(['score', '--profile', {str(EXAMPLE)!r}, '--format', 'json', {str(draft)!r}])\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print('LOADED', bad)\n"
        "sys.exit(rc)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "LOADED []" in out.stdout


def test_colour_only_on_a_terminal_and_never_under_no_color(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import io

    from aspire_tui.cli.render import use_color

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert use_color(Tty()) is True
    assert use_color(io.StringIO()) is False
    monkeypatch.setenv("NO_COLOR", "")
    assert use_color(Tty()) is False


def test_text_report_colours_severities() -> None:
    from aspire_tui.cli.render import line_col, render_report
    from aspire_tui.engine import Engine
    from aspire_tui.plugins import load_host
    from aspire_tui.storage import load_profile

    text = "First line.\nThen I'll go freelance after a year here."
    profile = load_profile(EXAMPLE)
    report = Engine(load_host(installed=False)).score(text, profile)
    coloured = render_report(report, text, profile, color=True)
    plain = render_report(report, text, profile, color=False)
    assert "\x1b[1;31m" in coloured and "\x1b[" not in plain
    assert line_col(text, text.index("freelance")) == (2, 14)
    assert "2:" in plain


def test_unreadable_profiles_folder_is_one_line(aspire_home: Path) -> None:
    folder = aspire_home / "profiles"
    folder.mkdir(parents=True)
    (folder / "x.toml").mkdir()  # a folder where a profile file should be
    out = run("profile", "validate", str(folder / "x.toml"))
    assert out.returncode != 0 and "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


def test_profile_show_counts_the_rehearsals(tmp_path: Path) -> None:
    profile = tmp_path / "p.toml"
    text = EXAMPLE.read_text(encoding="utf-8") + (
        '\n[[rehearsals]]\nwhen = 2026-12-01T10:00:00Z\nround = "read"\nseconds = 60\n'
        '\n[[rehearsals]]\nwhen = 2026-12-02T09:30:00Z\nround = "recall"\nseconds = 80\n'
        "points = 4\nkept = 3\n"
    )
    profile.write_text(text, encoding="utf-8")
    out = run("profile", "show", str(profile))
    assert out.returncode == 0, out.stderr
    assert "rehearsals:    2 (1 round from memory; last 2026-12-02 09:30)" in out.stdout
