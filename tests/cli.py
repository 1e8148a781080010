"""Running the real `aspire` command from tests: one runner for every CLI test file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .conftest import EXAMPLES

ASPIRE = str(Path(sys.executable).with_name("aspire"))
EXAMPLE = EXAMPLES / "mid-backend-software-engineer.toml"
DRAFT = (
    "In five years I'd like to be a staff engineer here, trusted with the reconciliation "
    "service. In my first year I want to own part of the bank-feed split and write its design "
    "doc; within three years I'd like to lead the multi-currency ledger work for Germany."
)


def run(
    *args: str,
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
    site: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    """`aspire ARGS`: built-ins only unless `env` loads plugins (whatever this environment
    has installed); never a terminal, and no COLUMNS unless `env` gives one."""
    full = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    full.update({"ASPIRE_LOAD_PLUGINS": "", "ASPIRE_PLUGIN_TIMEOUT": "5"})
    if site is not None:
        full["PYTHONPATH"] = str(site)
    full.update(env or {})
    proc = subprocess.run([ASPIRE, *args], input=stdin, capture_output=True, timeout=60, env=full)
    return subprocess.CompletedProcess(
        proc.args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    )


def draft_file(folder: Path) -> Path:
    path = folder / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path
