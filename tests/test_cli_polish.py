"""The command line's rough edges for a new user (issue 10) and a plugin that ends the
process under the app (issue 12), through real subprocesses: the report's heading without
a profile, usage lines, `profile list` columns, every problem from `validate`, floats in
the JSON, `make run` with the shipped plugins, `plugins disable|enable`, and the terminal
put back after `os._exit`."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import stat
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from aspire_tui.plugins import DISABLE_ENV, SAVED

from .cli import ASPIRE, DRAFT, EXAMPLE, draft_file, run
from .conftest import REPO

PLUGINS = {
    # A scorer handing over an int score: the JSON must still say 70.0.
    "intscore": """
        from aspire_tui.hookspecs import hookimpl
        from aspire_tui.scorer import Scorer

        print("intscore imported")

        class IntScore(Scorer):
            id = "intscore"
            def score(self, ctx):
                return {"score": 70, "summary": "an int"}

        @hookimpl
        def aspire_scorers():
            return [IntScore()]
    """,
    "importboom": """
        raise ImportError("this plugin needs a library that is not installed")
    """,
    # Ends the process from inside `score`, as a careless plugin might.
    "leaves": """
        import os
        from aspire_tui.hookspecs import hookimpl
        from aspire_tui.scorer import Scorer

        class Leaves(Scorer):
            id = "leaves"
            def score(self, ctx):
                os._exit(7)

        @hookimpl
        def aspire_scorers():
            return [Leaves()]
    """,
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder on the path holding plugin packages with their metadata."""
    root = tmp_path_factory.mktemp("site")
    for name, code in PLUGINS.items():
        (root / f"{name}.py").write_text(textwrap.dedent(code), encoding="utf-8")
        info = root / f"aspire_{name}-2.{len(name)}.0.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Name: aspire-{name}\nVersion: 2.{len(name)}.0\n")
        (info / "entry_points.txt").write_text(f"[aspire_tui.scorers]\n{name} = {name}\n")
    return root


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    return draft_file(tmp_path)


# ---- 1. the heading without a profile ------------------------------------------------------


def test_score_without_a_profile_says_what_it_judged_the_answer_as(draft: Path) -> None:
    text = run("score", str(draft))
    assert text.returncode == 0, text.stderr
    first = text.stdout.splitlines()[0]
    assert first.startswith("No profile: judged as a mid-level answer (--stage to change")
    assert "(no profile)" not in text.stdout and "(mid)" not in first
    senior = run("score", "--stage", "senior", str(draft)).stdout.splitlines()[0]
    assert senior.startswith("No profile: judged as a senior answer")
    assert "--stage to change" not in senior  # it was given
    mine = run("score", "-p", str(EXAMPLE), str(draft)).stdout.splitlines()[0]
    assert mine == "Backend Software Engineer at Tallyhive (mid)"


def test_score_json_names_the_profile_and_stage_and_keeps_every_field(draft: Path) -> None:
    bare = json.loads(run("score", "-f", "json", str(draft)).stdout)
    assert set(bare) >= {"overall", "words", "speaking_seconds", "scores", "errors", "caps"}
    assert bare["profile"] is None and bare["career_stage"] == "mid"
    staged = json.loads(run("score", "-f", "json", "--stage", "changer", str(draft)).stdout)
    assert staged["career_stage"] == "changer"
    named = json.loads(run("score", "-p", str(EXAMPLE), "-f", "json", str(draft)).stdout)
    assert named["profile"] == str(EXAMPLE) and named["career_stage"] == "mid"


# ---- 2. usage lines -----------------------------------------------------------------------


def _commands(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from _commands(child, (*path, name))


def test_every_usage_line_names_its_own_command_only() -> None:
    from aspire_tui.cli import build_parser

    found = dict(_commands(build_parser()))
    assert ("plugins", "disable") in found and ("profile", "validate") in found
    for path, parser in found.items():
        usage = parser.format_usage()
        assert usage.startswith(f"usage: {' '.join(('aspire', *path))} "), usage
        if path:
            assert "[PROFILE]" not in usage and "COMMAND" not in usage, usage
        # The same line when only that command is built, as `aspire CMD --help` does.
        if path:
            alone = dict(_commands(build_parser(path[0])))[path]
            assert alone.format_usage() == usage


def test_help_and_usage_errors_through_the_command() -> None:
    top = run("--help")
    assert top.returncode == 0
    usage = top.stdout.split("\n\n", 1)[0].splitlines()
    assert usage[0] == "usage: aspire [PROFILE]"
    assert [line.split()[1] for line in usage[1:]] == ["score", "profile", "plugins", "--version"]
    assert "|" not in top.stdout.split("\n\n", 1)[0]
    assert "commands:" in top.stdout
    for args in (["score"], ["profile", "list"], ["plugins"], ["plugins", "enable"]):
        out = run(*args, "--help")
        assert out.returncode == 0, args
        assert out.stdout.startswith(f"usage: aspire {' '.join(args)} "), out.stdout
    plugins_usage = run("plugins", "--help").stdout.split("\n\n", 1)[0]
    assert "[--format {text,json}]\n" in plugins_usage  # ACTION is optional there
    extra = run("profile", "list", "surplus")
    assert extra.returncode == 2
    assert extra.stderr.startswith("aspire profile list: error: unrecognized arguments: surplus")
    assert "`aspire profile list --help`" in extra.stderr


# ---- 3. profile list columns ---------------------------------------------------------------


def _profiles(home: Path, names: list[str]) -> None:
    folder = home / "profiles"
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copyfile(EXAMPLE, folder / f"{name}.toml")


def _rows(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if line.startswith("  ")]


def test_profile_list_aligns_descriptions_by_the_longest_name(aspire_home: Path) -> None:
    long = "backend-engineer-at-a-company-with-a-long-name"  # 46: past every example's
    _profiles(aspire_home, ["a", long])
    out = run("profile", "list")  # a pipe: nothing is cut
    assert out.returncode == 0, out.stderr
    rows = _rows(out.stdout)
    column = 2 + len(long) + 2
    for row in rows:  # every description starts in the same column
        assert row[:column].rstrip() == f"  {row.split()[0]}" and row[column] != " ", row
    assert any(row.startswith(f"  {long}  Backend") for row in rows)  # whole, not cut


def test_profile_list_fits_the_terminal_with_an_ellipsis(aspire_home: Path) -> None:
    long = "principal-customer-experience-transformation-programme-director"
    _profiles(aspire_home, [long, "short"])
    out = run("profile", "list", env={"COLUMNS": "60"})
    assert out.returncode == 0, out.stderr
    rows = _rows(out.stdout)
    assert rows and all(len(row) <= 60 for row in rows), out.stdout
    cut = rows[0].split()[0]
    assert long not in out.stdout and cut.endswith("…") and long.startswith(cut[:-1])
    assert any(row.rstrip().endswith("…") for row in rows if "short" in row)
    column = {len(row) - len(row[2:].lstrip(" ")) for row in rows}
    assert column == {2}
    descriptions = {row.index("Backend") for row in rows if "Backend" in row}
    assert len(descriptions) == 1  # still aligned


def test_cells_and_fit_count_wide_characters_twice() -> None:
    from aspire_tui.cli.profile import cells, fit, name_column

    assert cells("データ") == 6 and cells("e\u0301") == 1
    assert fit("データ分析", 5) == "デー…" and cells(fit("データ分析", 5)) == 5
    assert fit("short", 10) == "short"
    assert name_column(["a" * 90, "bb"], 60) == 28  # at most half the width
    assert name_column(["a" * 90, "bbbb"], None) == 4  # a pipe: the overlong one overflows
    assert name_column(["a" * 60, "bbbb"], None) == 60  # any name `profile new` makes


# ---- 4. validate lists every problem -------------------------------------------------------


def test_validate_lists_every_problem_one_a_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        'schema_version = 1\nrole = "Nurse"\ncarrer_stage = "mid"\ncompany = 3\n'
        "[research]\nculture = 5\n",
        encoding="utf-8",
    )
    out = run("profile", "validate", str(bad), str(EXAMPLE))
    assert out.returncode == 1
    lines = out.stderr.strip().splitlines()
    assert "more problem" not in out.stderr
    assert lines[0] == f"aspire: {bad}:3: carrer_stage: unknown key; did you mean career_stage?"
    assert any(line.startswith(f"aspire: {bad}:4: company:") for line in lines)
    assert any(line.startswith(f"aspire: {bad}:6: research.culture:") for line in lines)
    assert any("career_stage: required key is missing" in line for line in lines)
    assert len(lines) == 4 and f"{EXAMPLE}: ok" in out.stdout
    single = tmp_path / "one.toml"
    single.write_text("role = [", encoding="utf-8")
    one = run("profile", "validate", str(single))
    assert one.returncode == 1 and len(one.stderr.strip().splitlines()) == 1


def test_validate_lists_every_plugin_setting_problem(tmp_path: Path) -> None:
    pytest.importorskip("aspire_cliches")
    profile = tmp_path / "p.toml"
    profile.write_text(
        EXAMPLE.read_text(encoding="utf-8")
        + '\n[plugins.cliches]\nweight_per_cliche = "lots"\nignore = 3\n',
        encoding="utf-8",
    )
    out = run("profile", "validate", str(profile), env={"ASPIRE_LOAD_PLUGINS": "cliches"})
    assert out.returncode == 1
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 2, out.stderr
    assert {line.split(": ")[2].split(":")[0] for line in lines} == {
        "plugins.cliches.weight_per_cliche",
        "plugins.cliches.ignore",
    }


# ---- 5. floats in the JSON -----------------------------------------------------------------


def test_every_score_weight_and_overall_is_a_float(site: Path, tmp_path: Path) -> None:
    profile = tmp_path / "p.toml"
    text = EXAMPLE.read_text(encoding="utf-8")
    assert "[plugins]" not in text
    profile.write_text(text + "\n[plugins]\nweights = {alignment = 2, intscore = 1}\n")
    out = run(
        "score", "-p", str(profile), "-f", "json", env={"ASPIRE_LOAD_PLUGINS": "intscore"},
        site=site, stdin=DRAFT.encode(),
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert isinstance(data["overall"], float)
    assert {s["plugin"] for s in data["scores"]} >= {"intscore", "alignment"}
    for s in data["scores"]:
        assert isinstance(s["score"], float) and isinstance(s["weight"], float), s
    assert next(s for s in data["scores"] if s["plugin"] == "intscore")["score"] == 70.0
    assert "intscore imported" in out.stderr  # and not in the JSON


# ---- 6. make run installs the shipped plugins ----------------------------------------------


def _make(*args: str) -> str:
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    out = subprocess.run(
        ["make", "-n", "--no-print-directory", "-C", str(REPO), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_make_run_installs_the_shipped_plugins_as_make_test_does(tmp_path: Path) -> None:
    fresh = f"VENV={tmp_path / 'venv'}"  # as on a fresh clone: nothing installed yet
    shipped = sorted(
        p.name for p in (REPO / "plugins").iterdir() if (p / "pyproject.toml").exists()
    )
    assert shipped == ["aspire-cliches", "aspire-delivery"]
    for target in ("run", "test"):
        plan = _make(target, fresh)
        for name in shipped:
            assert f"-e plugins/{name}" in plan, (target, plan)
    run_plan = _make("run", fresh).splitlines()
    assert run_plan[-1].endswith("/bin/aspire") and "ASPIRE_DISABLE_PLUGINS" not in run_plan[-1]
    without = _make("run", fresh, "PLUGINS=")
    assert "-e plugins/" not in without
    # Left out, and left off even if an earlier `make test` installed them.
    assert (
        'ASPIRE_DISABLE_PLUGINS="${ASPIRE_DISABLE_PLUGINS:+$ASPIRE_DISABLE_PLUGINS,}cliches,delivery"'
        in without
    )
    one = _make("run", fresh, "PLUGINS=plugins/aspire-cliches")
    assert "-e plugins/aspire-cliches" in one and "-e plugins/aspire-delivery" not in one
    assert one.splitlines()[-1].startswith('ASPIRE_DISABLE_PLUGINS="') and '}delivery"' in one


def test_readme_starts_with_make_run_and_make_test_and_says_how_to_go_without() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    head = readme.splitlines()[:8]
    assert any(line.strip().startswith("make run ") for line in head)
    assert any(line.strip().startswith("make test ") for line in head)
    assert "make run PLUGINS=" in readme and "aspire plugins disable" in readme


# ---- 7. plugins disable | enable -----------------------------------------------------------


def _rows_of(out: subprocess.CompletedProcess[str]) -> dict[str, dict[str, object]]:
    assert out.returncode == 0, out.stderr
    return {r["name"]: r for r in json.loads(out.stdout)}


def test_disable_and_enable_persist_in_the_config(site: Path, aspire_home: Path) -> None:
    env = {"ASPIRE_LOAD_PLUGINS": "intscore,importboom"}
    off = run("plugins", "disable", "intscore", "realism", env=env, site=site)
    assert off.returncode == 0, off.stderr
    assert "aspire plugins enable intscore" in off.stdout
    config = aspire_home / "config.toml"
    assert stat.S_IMODE(config.stat().st_mode) == 0o600
    assert stat.S_IMODE(aspire_home.stat().st_mode) == 0o700
    assert [p.name for p in aspire_home.iterdir()] == ["config.toml"]  # no temp file left
    rows = _rows_of(run("plugins", "-f", "json", env=env, site=site))
    assert rows["intscore"]["status"] == "disabled" and rows["realism"]["status"] == "disabled"
    assert rows["intscore"]["disabled_by"] == "aspire plugins disable"
    assert rows["intscore"]["version"] == "2.8.0" and rows["intscore"]["import_ms"] == 0
    listing = run("plugins", env=env, site=site)
    line = next(x for x in listing.stdout.splitlines() if x.startswith("intscore"))
    assert "disabled" in line and "aspire_intscore 2.8.0" in line
    assert "aspire plugins enable intscore" in line
    assert "intscore imported" not in listing.stderr  # never imported
    scored = json.loads(
        run("score", "-f", "json", "-", stdin=DRAFT.encode(), env=env, site=site).stdout
    )
    assert {s["plugin"] for s in scored["scores"]} == {
        "alignment",
        "commitment",
        "specificity",
    }, scored["errors"]
    # The environment adds to the saved list.
    both = _rows_of(
        run("plugins", "-f", "json", env={**env, "ASPIRE_DISABLE_PLUGINS": "alignment"}, site=site)
    )
    assert [n for n, r in both.items() if r["disabled_by"] in (SAVED, DISABLE_ENV)] == [
        "alignment",
        "realism",
        "intscore",
    ]
    assert both["alignment"]["disabled_by"] == "ASPIRE_DISABLE_PLUGINS"
    on = run("plugins", "enable", "intscore", "realism", env=env, site=site)
    assert on.returncode == 0, on.stderr
    again = _rows_of(run("plugins", "-f", "json", env=env, site=site))
    assert again["intscore"]["status"] == "ok" and again["realism"]["status"] == "ok"
    assert "disabled = []" in config.read_text(encoding="utf-8")


def test_enable_says_what_still_leaves_a_plugin_off(site: Path) -> None:
    run("plugins", "disable", "intscore", site=site)
    env = {"ASPIRE_LOAD_PLUGINS": "intscore", "ASPIRE_DISABLE_PLUGINS": "intscore"}
    out = run("plugins", "enable", "intscore", env=env, site=site)
    assert out.returncode == 0
    assert out.stderr.strip() == (
        "aspire: intscore: enabled, but still off: ASPIRE_DISABLE_PLUGINS in your "
        "environment names it; remove it there"
    )
    plain = run("plugins", "enable", "alignment", site=site)
    assert plain.returncode == 0 and "already enabled" in plain.stdout


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["disable", "intscor"], "no plugin named 'intscor'; did you mean intscore?"),
        (["enable", "realsm"], "no plugin named 'realsm'; did you mean realism?"),
        (["disable", "zzzzzz"], "no plugin named 'zzzzzz'; `aspire plugins` lists them"),
        (["disable", "bad\x1bname"], "no plugin named 'bad\\x1bname'"),
    ],
)
def test_an_unknown_name_is_one_line_with_a_suggestion(
    site: Path, aspire_home: Path, args: list[str], needle: str
) -> None:
    out = run("plugins", *args, "intscore", site=site)  # one bad name: nothing is saved
    assert out.returncode == 2
    assert needle in out.stderr and len(out.stderr.strip().splitlines()) == 1
    assert "\x1b" not in out.stderr
    assert not (aspire_home / "config.toml").exists()


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("[plugins\n", "invalid TOML"),
        ('[plugins]\ndisabled = "delivery"\n', "plugins.disabled must be a list of names"),
        (
            '[plugins]\ndisable = ["delivery"]\n',
            "plugins.disable: unknown key; did you mean plugins.disabled?",
        ),
        ("plugins = 3\n", "plugins must be a table"),
    ],
)
def test_a_config_that_does_not_read_is_one_line_everywhere(
    aspire_home: Path, text: str, needle: str
) -> None:
    aspire_home.mkdir(parents=True, exist_ok=True)
    config = aspire_home / "config.toml"
    config.write_text(text, encoding="utf-8")
    for args in (["score", "-"], ["plugins"], ["plugins", "disable", "realism"], [str(EXAMPLE)]):
        out = run(*args, stdin=DRAFT.encode())
        assert out.returncode == 2, args
        assert out.stderr.startswith(f"aspire: {config}") and needle in out.stderr, out.stderr
        assert len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr
    assert config.read_text(encoding="utf-8") == text  # never written over


def test_disable_keeps_the_users_comments(aspire_home: Path) -> None:
    aspire_home.mkdir(parents=True, exist_ok=True)
    config = aspire_home / "config.toml"
    config.write_text('# mine\n[plugins]\ndisabled = ["specificity"]  # for now\n')
    assert run("plugins", "disable", "realism").returncode == 0
    text = config.read_text(encoding="utf-8")
    assert text.startswith("# mine\n") and '"specificity", "realism"' in text


def test_failure_advice_names_the_new_command(site: Path, draft: Path) -> None:
    env = {"ASPIRE_LOAD_PLUGINS": "importboom"}
    out = run("score", str(draft), env=env, site=site)
    assert out.returncode == 0
    (line,) = [x for x in out.stderr.splitlines() if x.startswith("aspire: plugin importboom")]
    assert "`aspire plugins disable importboom` leaves it off" in line
    assert "ASPIRE_DISABLE_PLUGINS=importboom for one run" in line


# ---- 8. the terminal after os._exit --------------------------------------------------------


def _on_a_terminal(
    argv: list[str], env: dict[str, str], timeout: float = 60
) -> tuple[int, bytes, list[int]]:
    """Run `argv` on a new pseudo-terminal (its controlling terminal): the exit status,
    everything it wrote, and the terminal's local modes once it has ended."""
    import pty
    import select
    import termios

    pid, fd = pty.fork()
    if pid == 0:  # the child: never back into pytest
        try:
            os.execvpe(argv[0], argv, env)
        finally:
            os._exit(127)
    out = b""
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.2)
            if not ready:
                continue
            try:
                data = os.read(fd, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not data:
                break
            out += data
        else:
            os.kill(pid, 9)
        _, status = os.waitpid(pid, 0)
        modes = termios.tcgetattr(fd)
    finally:
        os.close(fd)
    return os.waitstatus_to_exitcode(status), out, modes


def _assert_restored(out: bytes, modes: list[int]) -> None:
    import termios

    last = out.rfind(b"\x1b[?1049h")
    assert last >= 0, out[-500:]
    after = out[last:]
    for sequence in (b"\x1b[?1049l", b"\x1b[?25h", b"\x1b[?1000l", b"\x1b[?1006l", b"\x1b[?2004l"):
        assert sequence in after, (sequence, after[-400:])
    assert after.rindex(b"\x1b[?1049l") > after.rindex(b"\x1b[?1000l")  # modes off, then leave
    assert modes[3] & termios.ICANON and modes[3] & termios.ECHO  # cooked again


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_os_exit_restores_the_terminal_it_found() -> None:
    code = textwrap.dedent(
        """
        import os, sys, tty
        from aspire_tui.terminal import restore_on_exit
        with restore_on_exit():
            sys.stdout.write("\\x1b[?1049h\\x1b[?25l\\x1b[?1000h\\x1b[?2004h")
            sys.stdout.flush()
            tty.setraw(0)
            os._exit(3)
        """
    )
    status, out, modes = _on_a_terminal([sys.executable, "-c", code], dict(os.environ))
    assert status == 3
    _assert_restored(out, modes)


def test_os_exit_is_put_back_after_the_app() -> None:
    import posix

    from aspire_tui import terminal

    real = os._exit
    with terminal.restore_on_exit():
        assert os._exit is not real and posix._exit is os._exit
        with terminal.restore_on_exit():
            pass
        assert os._exit is not real  # still inside the outer block
    assert os._exit is real and posix._exit is real


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_a_plugin_calling_os_exit_in_the_app_leaves_the_terminal_usable(
    site: Path, aspire_home: Path
) -> None:
    aspire_home.mkdir(parents=True, exist_ok=True)
    profile = aspire_home / "p.toml"
    shutil.copyfile(EXAMPLE, profile)
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")},
        "PYTHONPATH": str(site),
        "ASPIRE_LOAD_PLUGINS": "leaves",
        "TERM": "xterm-256color",
    }
    status, out, modes = _on_a_terminal([ASPIRE, str(profile)], env)
    assert status == 7, out[-500:]  # the plugin's own exit, not a hang or a crash
    _assert_restored(out, modes)


def test_scoring_with_the_shipped_plugins_never_imports_pydantic_without_settings() -> None:
    """Their settings are dataclasses: built from defaults when a profile has no table, so
    importing pydantic (more than the whole scoring takes) is left for validation."""
    code = (
        "import sys\n"
        "from aspire_tui.engine import Engine\n"
        "from aspire_tui.plugins import load_host\n"
        "from aspire_tui.testing import make_profile\n"
        "host = load_host()\n"
        "assert {'cliches', 'delivery'} <= {s.id for s in host.scorers}, host.scorers\n"
        "report = Engine(host).score('Um, I think I want to lead the team.', make_profile())\n"
        "assert not report.errors, report.errors\n"
        "print('pydantic' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


def test_a_setting_out_of_range_or_misspelt_names_its_key_and_line(tmp_path: Path) -> None:
    profile = tmp_path / "p.toml"
    profile.write_text(
        EXAMPLE.read_text(encoding="utf-8")
        + "\n[plugins.delivery]\nlong_sentence = 3\n\n[plugins.cliches]\nignor = []\n",
        encoding="utf-8",
    )
    lines = profile.read_text(encoding="utf-8").splitlines()
    out = run("profile", "validate", str(profile), env={"ASPIRE_LOAD_PLUGINS": "cliches,delivery"})
    assert out.returncode != 0
    at = lines.index("long_sentence = 3") + 1
    assert f"p.toml:{at}: plugins.delivery.long_sentence: must be from 8 to 80" in out.stderr
    assert "plugins.cliches.ignor: unknown setting; did you mean ignore?" in out.stderr
