"""Profiles on disk: round trip, atomic private saves, safe names, clear errors."""

from __future__ import annotations

import os
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from aspire_tui.errors import ProfileError
from aspire_tui.models import Draft, Profile
from aspire_tui.storage import (
    atomic_write,
    dump_profile,
    example_paths,
    iter_profiles,
    load_profile,
    parse_profile,
    profiles_dir,
    reserve_profile_path,
    resolve_profile,
    save_profile,
    slugify,
)

from .conftest import make_profile

VALID = '''schema_version = 1
role = "Support Lead"
company = "Brightwell"
career_stage = "mid"

[research]
culture = "Friendly"

[reflection]
strengths = "Calm"

[[drafts]]
title = "One"
text = "First draft"

[[drafts]]
title = "Two"
text = """Second
draft"""
updated = 2026-11-01T10:00:00Z

[plugins]
disabled = ["realism"]
weights = { alignment = 2.0 }

[plugins.cliches]
max = 3
'''


def write(tmp_path: Path, text: str, name: str = "p.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_of(path: Path) -> str:
    with pytest.raises(ProfileError) as info:
        load_profile(path)
    message = str(info.value)
    assert "\n" not in message
    return message


def test_round_trip_keeps_everything(tmp_path: Path) -> None:
    profile = load_profile(write(tmp_path, VALID))
    assert profile.plugins.disabled == ["realism"]
    assert profile.plugins.weights == {"alignment": 2.0}
    assert profile.plugins.settings_for("cliches") == {"max": 3}
    again = parse_profile(dump_profile(profile))
    assert again == profile
    assert again.latest_draft() is not None and again.latest_draft().title == "Two"  # type: ignore[union-attr]


def test_save_is_private_and_atomic(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "role.toml"
    profile = make_profile()
    profile.drafts.append(
        Draft(title="x", text="a\n\"quoted\" ''' text", updated=datetime.now(UTC))
    )
    save_profile(profile, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_profile(path) == profile
    assert [p.name for p in path.parent.iterdir()] == ["role.toml"]  # no temp file left


def test_failed_write_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, VALID)

    def boom(fd: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(OSError):
        atomic_write(path, b"half")
    assert path.read_text(encoding="utf-8") == VALID
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.toml"]


@pytest.mark.parametrize(
    ("role", "slug"),
    [
        ("Senior Data Analyst", "senior-data-analyst"),
        ("../../etc/passwd", "etc-passwd"),
        ("Café Manager / Night", "cafe-manager-night"),
        ("   ", "profile"),
        ("日本語", "profile"),
    ],
)
def test_slugify_is_safe(role: str, slug: str) -> None:
    assert slugify(role) == slug
    assert "/" not in slugify(role) and ".." not in slugify(role)


def test_new_names_never_clobber(tmp_path: Path) -> None:
    first = reserve_profile_path(tmp_path, "Support Lead")
    second = reserve_profile_path(tmp_path, "Support Lead")
    assert first != second
    assert first.name == "support-lead.toml" and second.name == "support-lead-2.toml"
    assert first.parent == tmp_path == second.parent


# ---- malformed profiles ------------------------------------------------------------------


def test_toml_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, 'schema_version = 1\nrole = "x\ncareer_stage = "mid"\n')
    message = error_of(path)
    assert message.startswith(f"{path}:2: invalid TOML")


def test_misspelt_key_gets_a_suggestion_and_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, 'schema_version = 1\nrole = "x"\ncarrer_stage = "entry"\n')
    message = error_of(path)
    assert f"{path}:3:" in message
    assert "carrer_stage: unknown key; did you mean career_stage?" in message


def test_misspelt_nested_key(tmp_path: Path) -> None:
    path = write(tmp_path, VALID.replace('culture = "Friendly"', 'cultur = "Friendly"'))
    message = error_of(path)
    assert f"{path}:7:" in message
    assert "research.cultur: unknown key; did you mean research.culture?" in message


def test_bad_enum_lists_allowed_values(tmp_path: Path) -> None:
    path = write(tmp_path, VALID.replace('career_stage = "mid"', 'career_stage = "junior"'))
    message = error_of(path)
    assert f"{path}:4:" in message
    for stage in ("entry", "mid", "senior", "executive", "changer"):
        assert stage in message


def test_bad_value_in_second_draft_points_at_it(tmp_path: Path) -> None:
    path = write(tmp_path, VALID.replace('title = "Two"', "title = 2"))
    message = error_of(path)
    assert "drafts[1].title" in message
    assert f"{path}:17:" in message


def test_missing_key_says_what_to_add(tmp_path: Path) -> None:
    message = error_of(write(tmp_path, 'schema_version = 1\nrole = "x"\n'))
    assert "career_stage: required key is missing; add `career_stage = ...`" in message


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ('schema_version = 2\nrole = "x"\ncareer_stage = "mid"\n', "schema_version"),
        ('schema_version = 1\nrole = ""\ncareer_stage = "mid"\n', "role"),
        (
            'schema_version = 1\nrole = "x"\ncareer_stage = "mid"\n[plugins]\nweights = {a = -1}\n',
            "weight",
        ),
        (
            'schema_version = 1\nrole = "x"\ncareer_stage = "mid"\n[plugins]\nfoo = 3\n',
            "plugins.foo",
        ),
    ],
)
def test_other_schema_errors(tmp_path: Path, text: str, needle: str) -> None:
    assert needle in error_of(write(tmp_path, text))


def test_not_utf8_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes('role = "Café"'.encode("latin-1"))
    assert "not UTF-8" in error_of(path)
    assert "no such file" in error_of(tmp_path / "nope.toml")


def test_a_bad_file_is_never_modified(tmp_path: Path) -> None:
    text = 'schema_version = 1\nrole = "x"\ncarrer_stage = "entry"\n'
    path = write(tmp_path, text)
    before = path.stat().st_mtime_ns
    error_of(path)
    entries = list(iter_profiles(tmp_path))
    assert entries[0].profile is None and entries[0].error
    assert path.read_text(encoding="utf-8") == text and path.stat().st_mtime_ns == before


def test_resolve_by_name_path_and_close_match(aspire_home: Path) -> None:
    folder = profiles_dir()
    path = reserve_profile_path(folder, "Support Lead")
    save_profile(make_profile(), path)
    assert resolve_profile("support-lead") == path
    assert resolve_profile("Support Lead") == path
    assert resolve_profile(str(path)) == path
    with pytest.raises(ProfileError, match="did you mean support-lead"):
        resolve_profile("suport-lead")


def test_examples_are_valid_and_cover_every_stage() -> None:
    stages = {load_profile(p).career_stage for p in example_paths()}
    assert stages == {"entry", "mid", "senior", "executive", "changer"}


def test_profile_model_rejects_blank_role_and_unknown_stage() -> None:
    with pytest.raises(ValueError, match="blank"):
        Profile(role=" ", career_stage="mid")
    with pytest.raises(ValueError, match="career_stage"):
        Profile(role="x", career_stage="junior")  # type: ignore[arg-type]


def test_the_validation_cache_gives_the_same_profile(tmp_path: Path, aspire_home: Path) -> None:
    path = write(tmp_path, VALID)
    first = load_profile(path)  # validated by pydantic, then remembered
    assert any((aspire_home / "cache" / "valid").iterdir())
    again = load_profile(path)  # built from the remembered-valid text
    assert again == first
    assert again.plugins.settings_for("cliches") == {"max": 3}
    assert isinstance(again.drafts[1], Draft) and again.drafts[1].updated is not None


def test_a_changed_file_is_validated_again(tmp_path: Path) -> None:
    path = write(tmp_path, VALID)
    load_profile(path)
    path.write_text(VALID.replace('career_stage = "mid"', 'career_stage = "boss"'), "utf-8")
    assert "career_stage" in error_of(path)


def test_data_home_follows_the_platform_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    from platformdirs import user_data_path

    from aspire_tui.storage import data_home

    monkeypatch.delenv("ASPIRE_HOME")
    for xdg in ("", "/tmp/xdg-data"):
        monkeypatch.setenv("XDG_DATA_HOME", xdg)
        assert data_home() == user_data_path("aspire", appauthor=False)
    monkeypatch.setenv("ASPIRE_HOME", "~/custom")
    assert data_home() == Path("~/custom").expanduser()


def test_the_key_line_search_is_linear_on_a_line_that_never_closes() -> None:
    import time

    from aspire_tui.storage import find_key_line

    text = "[" + " " * 50_000 + "\n" + "[" + "a " * 25_000 + "\nrole = 1\n"
    started = time.perf_counter()
    assert find_key_line(text, ("role",)) == 3
    # Quadratic backtracking took minutes here; linear work takes milliseconds.
    assert time.perf_counter() - started < 2.0


def test_a_fifo_or_an_oversized_file_is_a_one_line_error(tmp_path: Path) -> None:
    import os

    from aspire_tui.errors import ProfileError
    from aspire_tui.storage import MAX_PROFILE_BYTES, load_profile

    fifo = tmp_path / "blocks.toml"
    os.mkfifo(fifo)
    with pytest.raises(ProfileError, match="not a regular file"):
        load_profile(fifo)  # never opened: reading a FIFO would wait forever
    big = tmp_path / "big.toml"
    big.write_bytes(b"#" * (MAX_PROFILE_BYTES + 1))
    with pytest.raises(ProfileError, match="too large"):
        load_profile(big)
