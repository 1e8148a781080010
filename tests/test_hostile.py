"""Hostile input: every bad value is a one-line error naming the file or option and the
fix (exit 2), never a traceback, an internal error (exit 70), or a changed or partial file.

The first part checks each class of bad input directly; the second generates hostile
profile files and names with hypothesis and runs the real `aspire` on them.
"""

from __future__ import annotations

import json
import math
import os
import re
import subprocess
import sys
import tempfile
import tomllib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from aspire_tui.cli import main
from aspire_tui.errors import ProfileError
from aspire_tui.models import MAX_WEIGHT, Draft, PluginsConfig, Profile, check_role
from aspire_tui.storage import (
    _known_valid,
    _split_plugin_settings,
    build,
    load_profile,
    parse_profile,
)

ASPIRE = str(Path(sys.executable).with_name("aspire"))
HEAD = 'schema_version = 1\nrole = "Support Lead"\ncareer_stage = "mid"\n'
DRAFT = "In five years I'd like to lead the support team here, coaching new agents.\n"

#: How many hostile inputs were tried, and how many broke a rule (reported at the end).
COUNT = {"tried": 0, "failed": 0}


@pytest.fixture(scope="module", autouse=True)
def _report_count() -> Iterator[None]:
    yield
    print(f"\nhostile inputs tried: {COUNT['tried']}, failed: {COUNT['failed']}")


class _Counted:
    """Counts one hostile input, and whether any assertion about it failed."""

    def __enter__(self) -> None:
        COUNT["tried"] += 1

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is not None and issubclass(kind, AssertionError):
            COUNT["failed"] += 1


def counted() -> _Counted:
    return _Counted()


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`aspire ARGS` in this process (arguments a real shell cannot pass, such as NUL)."""
    rc = main(list(args))
    out = capsys.readouterr()
    return rc, out.out, out.err


def assert_one_line_error(rc: int, err: str, needle: str = "") -> None:
    assert rc == 2, err
    assert len(err.splitlines()) == 1 and err.endswith("\n"), err
    assert "Traceback" not in err and "internal error" not in err, err
    assert needle in err, err


def profile_files(home: Path) -> list[Path]:
    folder = home / "profiles"
    return sorted(folder.iterdir()) if folder.is_dir() else []


# ---- 1. profile names and options ---------------------------------------------------------

BAD_ROLES = {
    "blank": ("   ", "must not be blank"),
    "empty": ("", "must not be blank"),
    "control characters": ("\x01\x02\x1b[31m", "contains a control character"),
    "NUL": ("Nurse\x00", "contains a control character"),
    "newline": ("Nurse\nManager", "contains a control character"),
    "line separator": ("Nurse\u2028Manager", "contains a control character"),
    "300 characters": ("x" * 300, "is 300 characters long; keep it to 150"),
    "not UTF-8": ("Caf\udce9 Manager", "is not valid UTF-8"),
}


@pytest.mark.parametrize("case", list(BAD_ROLES))
def test_new_refuses_a_bad_role_and_creates_nothing(
    aspire_home: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    role, needle = BAD_ROLES[case]
    for args in (
        ["profile", "new", "--role", role, "--stage", "mid"],
        ["profile", "new", "--from", "entry-graduate-civil-engineer", "--role", role],
    ):
        with counted():
            rc, _, err = cli(capsys, *args)
            assert_one_line_error(rc, err, f"aspire: --role: {needle}")
            assert profile_files(aspire_home) == []


@pytest.mark.parametrize("case", ["control characters", "NUL", "300 characters", "not UTF-8"])
def test_new_refuses_a_bad_company(
    aspire_home: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    company, needle = BAD_ROLES[case]
    with counted():
        rc, _, err = cli(
            capsys, "profile", "new", "--role", "Nurse", "--stage", "mid", "--company", company
        )
        assert_one_line_error(rc, err, f"aspire: --company: {needle}")
        assert profile_files(aspire_home) == []


def test_new_trims_a_role_and_writes_a_file_that_loads(
    aspire_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rc, out, err = cli(capsys, "profile", "new", "--role", "  Nurse  ", "--stage", "mid")
    assert rc == 0, err
    (path,) = profile_files(aspire_home)
    assert out == f"Created {path}\n" and load_profile(path).role == "Nurse"


BAD_NAMES = {
    "blank": ("  ", "the name is blank"),
    "empty": ("", "the name is blank"),
    "control character": ("mid\x1b[2J", "contains a control character"),
    "NUL": ("mid\x00", "contains a control character"),
    "newline": ("a\nb", "contains a control character"),
    "not UTF-8": ("caf\udce9", "is not valid UTF-8"),
    "too long": ("x" * 5000, "the name is too long (5000 characters)"),
    "too long a part": ("/tmp/" + "y" * 300 + ".toml", "the name is too long"),
}


@pytest.mark.parametrize("case", list(BAD_NAMES))
def test_every_name_argument_is_checked(
    aspire_home: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    name, needle = BAD_NAMES[case]
    for args, what in (
        (["profile", "show", name], "profile show"),
        (["profile", "validate", "mid-backend-software-engineer", name], "profile validate"),
        (["profile", "new", "--from", name], "--from"),
        (["score", "--profile", name, "-"], "--profile"),
        ([name], "aspire PROFILE"),
    ):
        with counted():
            rc, out, err = cli(capsys, *args)
            assert_one_line_error(rc, err, needle)
            assert err.startswith(f"aspire: {what}: ") and "aspire profile list" in err
            assert out == ""
            assert profile_files(aspire_home) == []


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "1e400", "-1", "101", "lots"])
def test_min_score_must_be_a_finite_score(capsys: pytest.CaptureFixture[str], value: str) -> None:
    with counted(), pytest.raises(SystemExit) as info:
        main(["score", f"--min-score={value}", "-"])
    err = capsys.readouterr().err
    assert info.value.code == 2 and len(err.splitlines()) == 1
    assert err.startswith("aspire score: error: argument --min-score: ")
    assert "give a number from 0 to 100" in err


def test_usage_errors_stay_on_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    with counted(), pytest.raises(SystemExit) as info:
        main(["profile", "new", "--role", "x", "--stage", "mid\nsenior\x1b[2J"])
    err = capsys.readouterr().err
    assert info.value.code == 2 and len(err.splitlines()) == 1
    assert err.startswith("aspire profile new: error: argument --stage: invalid choice")
    assert "\\n" in err and "\x1b" not in err


# ---- 2. numbers ---------------------------------------------------------------------------

BAD_WEIGHTS = ["nan", "inf", "-inf", "+inf", "1e308", "-1", "100.5", "9" * 400, "true", '"2"']


@pytest.mark.parametrize("value", BAD_WEIGHTS)
def test_a_weight_must_be_a_finite_number_in_range(tmp_path: Path, value: str) -> None:
    path = tmp_path / "p.toml"
    path.write_text(f"{HEAD}[plugins]\nweights = {{ realism = 1, alignment = {value} }}\n")
    with counted():
        with pytest.raises(ProfileError) as info:
            load_profile(path)
        message = str(info.value)
        assert message.startswith(
            f"{path}:5: plugins.weights.alignment: must be a finite number between 0 and 100"
        ), message
        assert "\n" not in message


def test_weights_are_checked_however_a_profile_is_made() -> None:
    for value in (math.nan, math.inf, 1e308, 10**400, -0.5, True, "2"):
        with counted(), pytest.raises(ValueError, match=r"^plugins\.weights\.alignment: must be"):
            PluginsConfig(weights={"alignment": value})  # type: ignore[dict-item]
    assert PluginsConfig(weights={"a": 2, "b": 0, "c": MAX_WEIGHT}).weights == {
        "a": 2.0,
        "b": 0.0,
        "c": MAX_WEIGHT,
    }


def test_the_heaviest_weights_keep_the_overall_score_finite(tmp_path: Path) -> None:
    from aspire_tui.engine import Engine
    from aspire_tui.plugins import load_host

    ids = ("alignment", "commitment", "realism", "specificity")
    weights = ", ".join(f"{i} = {MAX_WEIGHT}" for i in ids)
    profile = parse_profile(f"{HEAD}[plugins]\nweights = {{ {weights} }}\n")
    report = Engine(load_host(installed=False)).score(DRAFT, profile)
    assert math.isfinite(report.overall) and 0 <= report.overall <= 100


@pytest.mark.parametrize(
    ("value", "needle"),
    [
        ("true", "schema_version: must be 1; got true"),
        ("1.0", "schema_version: must be 1; got 1.0"),
        ("2", "schema_version: this profile is format 2, newer than this Aspire reads"),
        ("1" + "0" * 4000, "schema_version: must be 1; got a number far too large"),
    ],
)
def test_schema_version_is_exactly_1(value: str, needle: str) -> None:
    with counted(), pytest.raises(ProfileError, match=needle):
        parse_profile(HEAD.replace("schema_version = 1", f"schema_version = {value}"))


# ---- 3. draft dates -----------------------------------------------------------------------

MIXED = (
    HEAD + '[[drafts]]\ntitle = "aware"\ntext = "a"\nupdated = 2026-01-02T09:00:00Z\n'
    '[[drafts]]\ntitle = "naive"\ntext = "b"\nupdated = 2026-01-02T10:00:00\n'
    '[[drafts]]\ntitle = "quoted"\ntext = "c"\nupdated = "2026-01-01T10:00:00"\n'
    '[[drafts]]\ntitle = "day"\ntext = "d"\nupdated = 2025-12-31\n'
    '[[drafts]]\ntitle = "offset"\ntext = "e"\nupdated = 2026-01-02T11:30:00+02:00\n'
)


def test_mixed_dates_load_and_sort_the_same_both_ways(tmp_path: Path, aspire_home: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text(MIXED, encoding="utf-8")
    first = load_profile(path)  # pydantic
    assert _known_valid(MIXED)
    second = load_profile(path)  # built from the remembered-valid text, without pydantic
    # And built directly, as the cache does, whatever storage decides to cache.
    built = build(Profile, _split_plugin_settings(tomllib.loads(MIXED)))
    for profile in (first, second, built):
        stamps = [d.updated for d in profile.drafts]
        assert stamps == [
            datetime(2026, 1, 2, 9, tzinfo=UTC),
            datetime(2026, 1, 2, 10, tzinfo=UTC),  # naive: read as UTC
            datetime(2026, 1, 1, 10, tzinfo=UTC),  # a string: parsed, as UTC
            datetime(2025, 12, 31, tzinfo=UTC),  # a date alone: its midnight, UTC
            datetime(2026, 1, 2, 11, 30, tzinfo=timezone(timedelta(hours=2))),
        ]
        assert all(isinstance(s, datetime) and s.tzinfo is not None for s in stamps)
        latest = profile.latest_draft()
        assert latest is not None and latest.title == "naive"
    assert first == second == built


@pytest.mark.parametrize(
    ("value", "needle"),
    [
        ('"yesterday"', "drafts[0].updated: 'yesterday' is not a date and time; write it like"),
        ('"2026-13-01T10:00:00"', "is not a date and time"),
        ('"' + "2" * 100 + '"', "is not a date and time"),
        ("10:00:00", "drafts[0].updated: a time alone is not enough; add the date"),
        ("1700000000", "drafts[0].updated: must be a date and time"),
        ("true", "drafts[0].updated: must be a date and time"),
    ],
)
def test_a_bad_date_is_refused_every_time(
    tmp_path: Path, aspire_home: Path, value: str, needle: str
) -> None:
    path = tmp_path / "p.toml"
    text = f'{HEAD}[[drafts]]\ntext = "x"\nupdated = {value}\n'
    path.write_text(text, encoding="utf-8")
    for _ in range(2):
        with counted(), pytest.raises(ProfileError) as info:
            load_profile(path)
        assert str(info.value) == f"{path}:6: {needle}" or needle in str(info.value)
    assert not _known_valid(text)
    with pytest.raises(ValueError, match=r"^updated: "):
        build(Profile, _split_plugin_settings(tomllib.loads(text)))


def test_dates_set_in_code_are_made_aware_too() -> None:
    draft = Draft(updated=datetime(2026, 1, 1, 10))
    assert draft.updated == datetime(2026, 1, 1, 10, tzinfo=UTC)
    profile = Profile(role="x", career_stage="mid", drafts=[draft, Draft(title="later")])
    profile.drafts[1].updated = datetime(2026, 1, 2)  # naive, set after building
    latest = profile.latest_draft()
    assert latest is not None and latest.title == "later"


def test_score_twice_with_mixed_dates(tmp_path: Path) -> None:
    """The real command, the second run answered from the validation cache."""
    path = tmp_path / "p.toml"
    path.write_text(MIXED.replace('text = "b"', f"text = {json.dumps(DRAFT)}"), "utf-8")
    env = {**os.environ, "ASPIRE_HOME": str(tmp_path / "home"), "ASPIRE_LOAD_PLUGINS": ""}
    runs = [
        subprocess.run(
            [ASPIRE, "score", "--profile", str(path), "-f", "json"],
            capture_output=True,
            timeout=60,
            env=env,
        )
        for _ in range(2)
    ]
    for run in runs:
        assert run.returncode == 0, run.stderr
    assert json.loads(runs[0].stdout)["words"] == json.loads(runs[1].stdout)["words"] > 10


# ---- 5. generated: the real command on hostile files and names ---------------------------


def _run(args: list[str | bytes], home: Path, stdin: bytes = b"") -> subprocess.Popen[bytes]:
    env = {**os.environ, "ASPIRE_HOME": str(home), "ASPIRE_LOAD_PLUGINS": ""}
    env.pop("ASPIRE_DEBUG", None)
    proc = subprocess.Popen(
        [ASPIRE, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdin is not None
    proc.stdin.write(stdin)
    proc.stdin.close()
    return proc


def _finish(proc: subprocess.Popen[bytes]) -> tuple[int, str, str]:
    assert proc.stdout is not None and proc.stderr is not None
    out, err = proc.stdout.read(), proc.stderr.read()
    rc = proc.wait(timeout=60)
    return rc, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")


def _one_line(err: str) -> None:
    assert len(err.splitlines()) == 1 and err.endswith("\n"), err
    assert "Traceback" not in err and "internal error" not in err, err
    assert err.startswith("aspire: "), err


def _valid_in_process(path: Path) -> bool:
    try:
        load_profile(path)
    except ProfileError as exc:
        assert "\n" not in str(exc)
        return False
    return True


def check_profile_file(doc: bytes, expect_valid: bool | None) -> None:
    """`aspire profile validate FILE` and `aspire score --profile FILE` (for the explicit
    examples, a second score answered from the validation cache): one-line errors, no
    traceback, the file untouched and nothing written beside it."""
    with tempfile.TemporaryDirectory() as tmp, counted():
        folder = Path(tmp) / "in"
        folder.mkdir()
        path = folder / "hostile.toml"
        path.write_bytes(doc)
        home = Path(tmp) / "home"
        valid = _valid_in_process(path)
        if expect_valid is not None:
            assert valid is expect_valid, doc[:200]
        validate = _run(["profile", "validate", str(path)], home)
        score = _run(["score", "--profile", str(path), "-f", "json", "-"], home, DRAFT.encode())
        results = [_finish(validate), _finish(score)]
        if valid and expect_valid is not None:  # an explicit example: score it again
            results.append(
                _finish(_run(["score", "-p", str(path), "-f", "json", "-"], home, DRAFT.encode()))
            )
        (v_rc, v_out, v_err), (s_rc, s_out, s_err), *again = results
        if valid:
            assert (v_rc, v_err, v_out) == (0, "", f"{path}: ok\n")
            assert (s_rc, s_err) == (0, "")
            for a_rc, a_out, a_err in again:  # from the validation cache
                assert (a_rc, a_err) == (0, "")
                assert json.loads(a_out)["overall"] == json.loads(s_out)["overall"]
        else:
            # `validate` keeps its documented code for an invalid profile: 1.
            assert v_rc == 1 and v_out == "", v_err
            for line in v_err.splitlines(keepends=True):  # validate lists every problem
                _one_line(line)
            assert s_rc == 2 and s_out == "", s_err
            _one_line(s_err)
            first = re.sub(r" \(and \d+ more problems?\)$", "", s_err.rstrip("\n"))
            assert first == v_err.splitlines()[0], (s_err, v_err)  # the same first problem
            assert str(path) in s_err
        assert path.read_bytes() == doc
        assert list(folder.iterdir()) == [path]


plain_text = st.text(alphabet=st.characters(categories=["L", "N", "P", "Zs"]), max_size=40)
dates = st.one_of(
    st.datetimes(timezones=st.none() | st.just(UTC) | st.just(timezone(timedelta(hours=-7)))),
    st.dates(),
    st.datetimes().map(lambda d: d.isoformat()),  # a date written as a string
)


def _side(
    draw: st.DrawFn, good: st.SearchStrategy[Any], bad: st.SearchStrategy[Any]
) -> st.SearchStrategy[Any]:
    """Mostly the good values, sometimes the hostile ones: a document is often valid, so
    both the error path and the validation cache's path are exercised."""
    return bad if draw(st.integers(0, 5)) == 0 else good


def _maybe(draw: st.DrawFn, good: st.SearchStrategy[Any], bad: st.SearchStrategy[Any]) -> Any:
    return draw(_side(draw, good, bad))


@st.composite
def hostile_data(draw: st.DrawFn) -> dict[str, Any]:
    """Profile tables as TOML gives them, each field now and then a hostile value."""
    data: dict[str, Any] = {
        "schema_version": _maybe(draw, st.just(1), st.sampled_from([2, 0, True, 1.0, "1"])),
        "role": _maybe(
            draw,
            plain_text.filter(str.strip),
            st.one_of(
                st.sampled_from(["", "   ", "\t", "x" * 151, "a\x00b", "a\nb", "\x1b[2J"]),
                st.text(max_size=40),
                st.text(min_size=140, max_size=2000),
                st.integers(),
                st.lists(st.text(max_size=3), max_size=2),
            ),
        ),
        "career_stage": _maybe(
            draw, st.sampled_from(["entry", "mid", "senior"]), st.sampled_from(["junior", "", 3])
        ),
    }
    if draw(st.booleans()):
        data["company"] = _maybe(
            draw, plain_text, st.one_of(st.text(max_size=30), st.text(min_size=151, max_size=300))
        )
    if draw(st.booleans()):
        draft = st.fixed_dictionaries(
            {"text": st.text(max_size=60)},
            optional={
                "title": _side(draw, plain_text, st.integers()),
                "updated": _side(draw, dates, st.one_of(st.times(), st.text(max_size=12))),
            },
        )
        data["drafts"] = draw(st.lists(draft, max_size=3))
    if draw(st.booleans()):
        weight = _side(
            draw,
            st.one_of(st.floats(0, 100), st.integers(0, 100)),
            st.one_of(st.floats(), st.integers(-10, 10**300), st.booleans(), st.text(max_size=2)),
        )
        names = st.sampled_from(["alignment", "realism", "specificity"])
        data["plugins"] = {"weights": draw(st.dictionaries(names, weight, max_size=3))}
    if draw(st.integers(0, 7)) == 0:
        data[draw(st.sampled_from(["carrer_stage", "notes", "x"]))] = draw(st.text(max_size=5))
    return data


@st.composite
def hostile_docs(draw: st.DrawFn) -> bytes:
    """A profile file: `hostile_data` written as TOML, then now and then broken as bytes."""
    text = tomli_w.dumps(draw(hostile_data()))
    mutation = _maybe(
        draw,
        st.just("none"),
        st.sampled_from(["deep", "bigint", "control", "bad utf-8", "duplicate", "cut", "huge"]),
    )
    if mutation == "deep":
        depth = draw(st.integers(20, 3000))
        text += f"deep = {'[' * depth}{']' * depth}\n"
    elif mutation == "bigint":
        text += f"big = 1{'0' * draw(st.integers(4300, 6000))}\n"
    elif mutation == "duplicate":
        lines = text.splitlines()
        text += lines[draw(st.integers(0, len(lines) - 1))] + "\n"
    elif mutation == "cut":
        text = text[: draw(st.integers(0, len(text)))]
    elif mutation == "huge":
        text += f"[research]\nnotes = {json.dumps('x' * draw(st.integers(10_000, 500_000)))}\n"
    raw = text.encode("utf-8")
    if mutation == "control":
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.sampled_from([b"\x00", b"\x01", b"\x1b[2J", b"\x7f"])) + raw[at:]
    elif mutation == "bad utf-8":
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80"])) + raw[at:]
    return raw


# ---- 3 and 5. generated: the validation cache and pydantic agree -----------------------


@settings(max_examples=300, derandomize=True, database=None, deadline=None)
@given(hostile_data())
def test_building_without_pydantic_gives_what_pydantic_gives(data: dict[str, Any]) -> None:
    """What storage's cache relies on: whatever pydantic accepts, building the dataclasses
    straight from the TOML data gives the very same profile."""
    from pydantic import TypeAdapter, ValidationError

    data = _split_plugin_settings(data)
    with counted():
        try:
            validated = TypeAdapter(Profile).validate_python(data)
        except ValidationError:
            return  # refused, as any other problem would be a crash
        assert build(Profile, data) == validated
        for d in validated.drafts:
            assert d.updated is None or d.updated.tzinfo is not None
        validated.latest_draft()  # never a naive/aware comparison


def _doc(text: str) -> bytes:
    return text.encode("utf-8")


@settings(
    max_examples=25,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(hostile_docs(), st.none())
# One of each hostile class, with what it must give.
@example(_doc(HEAD), True)
@example(_doc(HEAD + "deep = " + "[" * 5000 + "]" * 5000 + "\n"), False)
@example(_doc(HEAD + "[[[[drafts]]]]\n"), False)
@example(_doc(HEAD + "big = 1" + "0" * 5000 + "\n"), False)
@example(_doc(HEAD + "[plugins]\nweights = { alignment = 1" + "0" * 4000 + " }\n"), False)
@example(HEAD.encode() + b'[research]\nnotes = "a\x00b"\n', False)
@example(HEAD.encode() + b'[research]\nnotes = "\x1b[2J"\n', False)
@example(HEAD.encode() + b'[research]\nnotes = "caf\xe9"\n', False)
@example(_doc(HEAD + "[plugins]\nweights = { alignment = nan }\n"), False)
@example(_doc(HEAD + "[plugins]\nweights = { alignment = -inf }\n"), False)
@example(_doc(HEAD + "[plugins]\nweights = { alignment = 1e308, realism = 1e308 }\n"), False)
@example(_doc(HEAD.replace('"Support Lead"', '"   "')), False)
@example(_doc(HEAD.replace('"Support Lead"', '"' + "x" * 300 + '"')), False)
@example(_doc(HEAD.replace('"Support Lead"', '"a\\u0000b"')), False)
@example(_doc(HEAD + '[research]\nnotes = "' + "x" * 1_000_000 + '"\n'), True)
@example(_doc(HEAD + "[research]\nnotes = 3\n"), False)
@example(_doc(HEAD.replace('"mid"', "3")), False)
@example(_doc(HEAD + "drafts = 3\n"), False)
@example(_doc(HEAD + 'colour = "blue"\n'), False)
@example(_doc(HEAD + 'role = "Other"\n'), False)
@example(_doc(HEAD + "[research]\n[research]\n"), False)
@example(_doc(MIXED), True)
@example(_doc(HEAD + '[[drafts]]\nupdated = "soon"\n'), False)
@example(_doc(HEAD + "[[drafts]]\nupdated = 10:00:00\n"), False)
@example(_doc(HEAD.replace("schema_version = 1", "schema_version = true")), False)
@example(_doc("# " + "x" * 8_100_000 + "\n" + HEAD), False)
def test_hostile_profile_files_through_the_cli(doc: bytes, expect: bool | None) -> None:
    check_profile_file(doc, expect)


def check_role_name(name: bytes) -> None:
    """`aspire profile new --role NAME` and `aspire profile show NAME` in an empty home."""
    role = os.fsdecode(name)
    try:
        check_role(role.strip())
        valid = True
    except ValueError:
        valid = False
    with tempfile.TemporaryDirectory() as tmp, counted():
        home = Path(tmp)
        new = _run([b"profile", b"new", b"--role=" + name, b"--stage", b"mid"], home)
        show = _run([b"profile", b"show", b"--", name], home)
        (rc, out, err), (show_rc, _, show_err) = _finish(new), _finish(show)
        files = profile_files(home)
        if valid:
            assert (rc, err) == (0, ""), err
            assert len(files) == 1 and out == f"Created {files[0]}\n"
            assert load_profile(files[0]).role == role.strip()
        else:
            assert rc == 2 and out == "" and files == [], err
            _one_line(err)
            assert err.startswith("aspire: --role: "), err
        assert show_rc in (0, 2), show_err
        if show_rc:
            _one_line(show_err)


names = (
    st.one_of(
        st.text(max_size=40),
        st.text(min_size=140, max_size=400),
        st.text(alphabet=st.characters(max_codepoint=0x20), max_size=6),
        st.binary(max_size=30),
    )
    .map(lambda n: n if isinstance(n, bytes) else os.fsencode(n))
    .filter(lambda b: b"\0" not in b)
)


@settings(
    max_examples=20,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(names)
@example(b"Support Team Lead")
@example(b"   ")
@example(b"")
@example(b"\x01\x02")
@example(b"Nurse\nManager")
@example(b"\x1b[31mred")
@example(b"x" * 300)
@example(b"caf\xe9")
@example(b"-rf")
@example(b"../../etc/passwd")
@example("日本語の役職".encode())
def test_hostile_role_names_through_the_cli(name: bytes) -> None:
    check_role_name(name)
