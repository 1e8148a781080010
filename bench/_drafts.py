"""Drafts of a given length for the benchmarks, built from an example profile's draft."""

from __future__ import annotations

from pathlib import Path

from aspire_tui.storage import load_profile

EXAMPLE = Path(__file__).resolve().parents[1] / "profiles" / "mid-backend-software-engineer.toml"


def draft_of(words: int, paragraph: int = 0) -> str:
    """`words` words of the example's draft repeated; a blank line every `paragraph` words."""
    profile = load_profile(EXAMPLE)
    base = profile.drafts[0].text.split()
    out: list[str] = []
    while len(out) < words:
        out.extend(base)
    out = out[:words]
    if not paragraph:
        return " ".join(out)
    chunks = [" ".join(out[i : i + paragraph]) for i in range(0, len(out), paragraph)]
    return "\n\n".join(chunks)


def as_installed() -> None:
    """Compile Aspire's bytecode, as pip does when it installs a package: an editable
    install run with PYTHONDONTWRITEBYTECODE would otherwise compile every module from
    source on every start, which no installed copy does, while the libraries it is
    compared with were compiled at their install."""
    import compileall

    import aspire_tui

    compileall.compile_dir(Path(aspire_tui.__file__).parent, quiet=1)


def aspire_score_command(draft: Path) -> list[str]:
    """`aspire score` as a user runs it, on the example profile and a draft file."""
    import sys

    aspire = Path(sys.executable).with_name("aspire")
    return [str(aspire), "score", "--profile", str(EXAMPLE), "--format", "json", str(draft)]


def wall_ms(cmd: list[str], env: dict[str, str] | None = None) -> float:
    """Wall time of one run of `cmd`, in ms; a failing run stops the benchmark."""
    import subprocess
    import time

    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, env=env, timeout=60)
    elapsed = (time.perf_counter() - started) * 1000
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{cmd[0]} failed: {proc.stderr.decode()[-400:]}")
    return elapsed


def side_by_side(
    jobs: dict[str, tuple[list[str], dict[str, str] | None]], runs: int
) -> dict[str, list[float]]:
    """Time each (command, environment) `runs` times, alternating, after one warm-up each,
    so that every job sees the same machine load."""
    for cmd, env in jobs.values():
        wall_ms(cmd, env)
    times: dict[str, list[float]] = {name: [] for name in jobs}
    for _ in range(runs):
        for name, (cmd, env) in jobs.items():
            times[name].append(wall_ms(cmd, env))
    return times
