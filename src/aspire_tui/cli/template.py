"""`aspire plugins new NAME`: a plugin package that works as written."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import AspireError

_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,40}$")

PYPROJECT = """[build-system]
requires = ["setuptools>=61"]
build-backend = "setuptools.build_meta"

[project]
name = "aspire-{name}"
version = "0.1.0"
description = "An Aspire scoring plugin: {title}"
requires-python = ">=3.11"
dependencies = ["aspire-tui"]

[project.entry-points."aspire_tui.scorers"]
{name} = "{module}"
"""

MODULE = '''"""{title}: an Aspire scoring plugin.

Aspire calls `aspire_scorers()` once at start-up and `score()` on every draft. Keep imports
of heavy libraries inside `score()`, and never use the network.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, ClassVar

from aspire_tui.hookspecs import hookimpl
from aspire_tui.models import ScoreResult
from aspire_tui.scorer import Scorer, ScoreContext, finding


@dataclass
class Settings:
    """Set in a profile under [plugins.{name}]. A plain dataclass: Aspire builds it from
    its defaults when the profile has no such table, without importing pydantic."""

    __pydantic_config__: ClassVar[dict[str, Any]] = {{"extra": "forbid"}}

    phrases: list[str] = field(
        default_factory=lambda: ["to be honest", "at the end of the day", "I think"],
        metadata={{"description": "Phrases to point out in a spoken answer"}},
    )


class {cls}(Scorer):
    id = "{name}"
    title = "{title}"
    description = "Points out phrases that weaken a spoken answer."
    weight = 0.5
    settings_model = Settings

    def score(self, ctx: ScoreContext) -> ScoreResult:
        findings = []
        for phrase in ctx.settings.phrases:
            for m in re.finditer(re.escape(phrase), ctx.text, re.IGNORECASE):
                findings.append(finding(
                    m.start(), m.end(), "suggestion",
                    f"\\u201c{{m.group()}}\\u201d adds words without meaning.",
                    "Leave it out; the sentence stands without it.",
                ))
        score = max(0.0, 100.0 - 10.0 * len(findings))
        n = len(findings)
        summary = f"{{n}} filler phrase{{'' if n == 1 else 's'}}." if n else "No filler phrases."
        return ScoreResult(score=score, summary=summary, findings=findings)


@hookimpl
def aspire_scorers() -> list[Scorer]:
    return [{cls}()]
'''

TEST = """from aspire_tui.testing import make_profile, score_with

from {module} import {cls}


def test_points_out_a_filler_phrase() -> None:
    text = "To be honest, I want to lead the reporting team here within three years."
    result = score_with({cls}(), text)
    assert [text[f.start:f.end] for f in result.findings] == ["To be honest"]
    assert result.score == 90.0


def test_phrases_come_from_the_profile_settings() -> None:
    text = "Basically I want to lead the reporting team here."
    profile = make_profile(text=text, **{{"{name}": {{"phrases": ["basically"]}}}})
    result = score_with({cls}(), text, profile)
    assert len(result.findings) == 1


def test_a_clean_answer_scores_full_marks() -> None:
    result = score_with({cls}(), "I want to lead the reporting team here in three years.")
    assert result.score == 100.0 and not result.findings
"""

README = """# aspire-{name}

{title}: a scoring plugin for Aspire.

    pip install -e .          # or: aspire plugins install .
    aspire plugins            # {name} is listed, with its settings
    pytest                    # its tests, with Aspire's testing kit

Settings go in a profile:

```toml
[plugins.{name}]
phrases = ["to be honest", "basically"]
```
"""

CONFTEST = """pytest_plugins = ["aspire_tui.testing"]
"""


def write_plugin(name: str, where: Path) -> Path:
    """Write the package `aspire-<name>` into `where`; never over an existing folder."""
    if not _NAME.match(name):
        raise AspireError(
            f"{name!r} is not a plugin name: use letters, digits, - and _, starting with a letter"
        )
    root = where / f"aspire-{name}"
    if root.exists():
        raise AspireError(f"{root}: already exists; choose another name or folder")
    module = "aspire_" + name.replace("-", "_").lower()
    cls = "".join(part.capitalize() for part in re.split(r"[-_]", name)) + "Scorer"
    title = name.replace("-", " ").replace("_", " ").capitalize()
    values = {"name": name, "module": module, "cls": cls, "title": title}
    files = {
        root / "pyproject.toml": PYPROJECT,
        root / "README.md": README,
        root / "src" / module / "__init__.py": MODULE,
        root / "tests" / f"test_{module}.py": TEST,
    }
    for path, template in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(template.format(**values), encoding="utf-8")
    return root
