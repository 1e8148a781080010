"""Profiles on disk: where they live, how they are read, validated and saved.

Profiles hold personal notes, so files are private (0600) and every save is atomic: a crash
or a full disk leaves either the old file or the new one, never half of each. A file that
fails to load is never written back.
"""

from __future__ import annotations

import os
import re
import stat
import sys
import tomllib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .errors import ProfileError

if TYPE_CHECKING:
    from pydantic import ValidationError

    from .models import Profile

PROFILE_SUFFIX = ".toml"
FILE_MODE = 0o600
DIR_MODE = 0o700
_SLUG_MAX = 60


# --------------------------------------------------------------------------- locations


def data_home() -> Path:
    """Aspire's per-user data folder; `ASPIRE_HOME` overrides it (tests, portable installs)."""
    override = os.environ.get("ASPIRE_HOME")
    if override:
        return Path(override).expanduser()
    if sys.platform.startswith("linux"):
        # The XDG rule platformdirs applies on Linux, without its import on every command.
        base = os.environ.get("XDG_DATA_HOME", "").strip() or "~/.local/share"
        return Path(base).expanduser() / "aspire"
    from platformdirs import user_data_path

    return user_data_path("aspire", appauthor=False)


def profiles_dir() -> Path:
    return data_home() / "profiles"


def examples_dir() -> Path:
    """The example profiles shipped with Aspire, one per career stage."""
    packaged = Path(__file__).with_name("examples")
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "profiles"


def example_paths() -> list[Path]:
    folder = examples_dir()
    return sorted(folder.glob(f"*{PROFILE_SUFFIX}")) if folder.is_dir() else []


# --------------------------------------------------------------------------- reading


def load_profile(path: Path | str) -> Profile:
    """Read and validate one profile; any problem becomes a one-line `ProfileError`."""
    return read_profile(path)[0]


def read_profile(path: Path | str) -> tuple[Profile, bytes]:
    """The profile and the exact bytes it was read from (to notice later changes)."""
    path = Path(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):  # a FIFO or a device would block or never end
            raise ProfileError(path, "not a regular file; replace it with a profile file")
        if info.st_size > MAX_PROFILE_BYTES:
            raise ProfileError(path, f"too large ({_size(info.st_size)}); {_LIMIT_HINT}")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ProfileError(
            path, "no such file; check the path or run `aspire profile list`"
        ) from None
    except IsADirectoryError:
        raise ProfileError(path, "is a folder, not a profile file") from None
    except OSError as exc:
        raise ProfileError(path, f"cannot read: {exc.strerror or exc}") from None
    except RecursionError:  # a symlink loop, on some systems
        raise ProfileError(path, "cannot read: too many levels of links") from None
    return parse_profile(decode_profile(raw, path), path), raw


def decode_profile(raw: bytes, path: Path | str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProfileError(
            path, f"not UTF-8 text (bad byte at offset {exc.start}); save it as UTF-8"
        ) from None


def parse_profile(text: str, path: Path | str = "<profile>") -> Profile:
    if len(text) > MAX_PROFILE_BYTES:
        raise ProfileError(path, f"too large ({_size(len(text))}); {_LIMIT_HINT}")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message, line = _toml_error(str(exc), text)
        raise ProfileError(path, f"invalid TOML: {message}", line) from None
    except RecursionError:
        raise ProfileError(
            path, "invalid TOML: values nested too deeply; flatten the nested arrays or tables"
        ) from None
    except ValueError as exc:  # an integer too long for Python to convert, and the like
        reason = (
            "an integer is too long; write a shorter number"
            if "integer string conversion" in str(exc)
            else _first_clause(str(exc))
        )
        raise ProfileError(path, f"invalid TOML: {reason}") from None
    return validate_profile_data(data, text, path)


def _first_clause(message: str) -> str:
    return message.split(";")[0].split(":")[0].strip().rstrip(".").lower() or "a value is invalid"


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n / 1000:.0f} KB"


#: A profile is notes and drafts: far below this. A bigger file is not read at all, so a
#: stray log or a hostile file cannot stall the picker or the app.
MAX_PROFILE_BYTES = 8_000_000
_LIMIT_HINT = f"Aspire reads profiles up to {MAX_PROFILE_BYTES // 1_000_000} MB; move long text out"


def validate_profile_data(data: dict[str, Any], text: str, path: Path | str) -> Profile:
    """Validate with pydantic, unless these exact bytes validated before (see `_known_valid`)."""
    from .models import Profile

    data = _split_plugin_settings(data)
    if _known_valid(text):
        try:
            built: Profile = build(Profile, data)
            return built
        except (TypeError, ValueError):
            pass  # the cache is only a hint: fall through to full validation
    from pydantic import TypeAdapter, ValidationError

    try:
        profile: Profile = TypeAdapter(Profile).validate_python(data)
    except ValidationError as exc:
        message, line = describe_validation_error(exc, Profile, text)
        raise ProfileError(path, message, line) from None
    if _builds_the_same(data, profile):
        _remember_valid(text)
    return profile


def _builds_the_same(data: dict[str, Any], profile: Profile) -> bool:
    """Whether building without pydantic gives this very profile: only then may the cache
    skip validation next time (pydantic also converts, e.g. a date written as a string)."""
    from .models import Profile

    try:
        same: bool = build(Profile, data) == profile
    except (TypeError, ValueError):
        return False
    return same


def _split_plugin_settings(data: dict[str, Any]) -> dict[str, Any]:
    """`[plugins.<id>]` tables move into `plugins.settings`, as the model keeps them."""
    plugins = data.get("plugins")
    if not isinstance(plugins, dict):
        return data
    own = {"disabled", "weights"}
    tables = {k: v for k, v in plugins.items() if k not in own}
    if "settings" in tables and not isinstance(tables["settings"], dict):
        return data
    kept = {k: v for k, v in plugins.items() if k in own}
    if tables:
        kept["settings"] = tables
    return {**data, "plugins": kept}


def build(cls: type[Any], data: Any) -> Any:
    """Build dataclasses from already-validated TOML data, following the type hints."""
    import dataclasses
    import typing

    hints = typing.get_type_hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name in data:
            kwargs[f.name] = _convert(hints[f.name], data[f.name])
    unknown = set(data) - set(kwargs)
    if unknown:
        raise TypeError(f"unknown key {sorted(unknown)[0]}")
    return cls(**kwargs)


def _convert(tp: Any, value: Any) -> Any:
    import dataclasses
    import typing

    if dataclasses.is_dataclass(tp):
        return build(tp, value)  # type: ignore[arg-type]
    if typing.get_origin(tp) is list:
        (item,) = typing.get_args(tp)
        return [_convert(item, v) for v in value]
    return value


def cache_dir() -> Path:
    """What Aspire keeps only to be faster; deleting it loses nothing."""
    return data_home() / "cache"


def _validation_cache() -> Path:
    return cache_dir() / "valid"


def _content_key(text: str) -> str:
    """Version, length and two checksums of the text: any edit makes a new key. (zlib
    rather than hashlib: its import costs a fraction, and this is not about security.)"""
    import zlib

    from . import __version__

    data = text.encode("utf-8", "surrogatepass")
    return f"{__version__}-{len(data)}-{zlib.crc32(data):08x}-{zlib.adler32(data):08x}"


def _known_valid(text: str) -> bool:
    """Whether pydantic accepted exactly this profile text before, with this Aspire version.

    Importing pydantic costs more than the whole of `aspire score` otherwise takes, and a
    profile is scored far more often than it changes; any change makes a new key.
    """
    return (_validation_cache() / _content_key(text)).exists()


def _remember_valid(text: str) -> None:
    try:
        folder = private_dir(_validation_cache())
        fd = os.open(
            folder / _content_key(text), os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW, FILE_MODE
        )
        os.close(fd)
    except OSError:
        pass  # a read-only home, or a link planted in the cache, only costs speed


def private_dir(folder: Path) -> Path:
    """`folder`, created if need be, readable by this user alone (role and company names
    are in the file names). Aspire's own folders are tightened if an older version made
    them readable by others; a folder that is a symlink is refused."""
    home = data_home()
    chain = [folder, *folder.parents]
    ours = [f for f in chain if f == home or home in f.parents]
    for f in reversed(ours):
        if f.is_symlink():
            raise OSError(f"{f} is a symbolic link; Aspire keeps its data in real folders")
        try:
            f.mkdir(mode=DIR_MODE)
        except FileExistsError:
            pass
        except FileNotFoundError:
            f.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        info = f.stat()
        if info.st_mode & 0o077 and info.st_uid == os.getuid():
            os.chmod(f, DIR_MODE)
    if not ours:
        folder.mkdir(parents=True, exist_ok=True)
    return folder


_TOML_AT = r"\s*\(at line (\d+), column (\d+)\)\s*$"


def _toml_error(message: str, text: str) -> tuple[str, int | None]:
    if message.endswith("(at end of document)"):
        return message[: -len(" (at end of document)")] + " at the end of the file", max(
            1, len(text.rstrip("\n").splitlines())
        )
    match = re.search(_TOML_AT, message)
    if not match:
        return message, None
    return f"{message[: match.start()]} (column {match.group(2)})", int(match.group(1))


_UNKNOWN = ("extra_forbidden", "unexpected_keyword_argument")


def describe_validation_error(
    exc: ValidationError, model: type[Any], text: str
) -> tuple[str, int | None]:
    """One line for the first problem (and how many more), with the line it sits on."""
    import difflib

    # An unknown key usually explains a "missing" one (a typo), so it is reported first.
    errors = sorted(exc.errors(include_url=False), key=lambda e: e["type"] not in _UNKNOWN)
    first = errors[0]
    loc = _toml_loc(tuple(first["loc"]))
    key = key_path(loc)
    kind = first["type"]
    if kind in _UNKNOWN:
        known = _fields_at(model, loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
        hint = (
            f"did you mean {key_path((*loc[:-1], close[0]))}?"
            if close
            else (f"allowed here: {', '.join(known)}" if known else "remove it")
        )
        message = f"{key}: unknown key; {hint}"
    elif kind == "literal_error":
        allowed = first.get("ctx", {}).get("expected", "")
        message = f"{key}: {first['input']!r} is not allowed; use one of {allowed}"
    elif kind == "missing" or kind == "missing_keyword_argument":
        message = f"{key}: required key is missing; add `{loc[-1]} = ...`"
    else:
        msg = str(first["msg"]).removeprefix("Value error, ")
        message = msg if not loc else f"{key}: {msg}"
    if len(errors) > 1:
        message += f" (and {len(errors) - 1} more problem{'s' if len(errors) > 2 else ''})"
    return message, find_key_line(text, loc)


def _toml_loc(loc: tuple[int | str, ...]) -> tuple[int | str, ...]:
    """The key path as the user wrote it: `plugins.settings.x` is `[plugins.x]` on disk."""
    if loc[:2] == ("plugins", "settings"):
        return ("plugins", *loc[2:])
    return loc


def key_path(loc: Sequence[int | str]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(top level)"


def _fields_at(model: type[Any], loc: Sequence[int | str]) -> list[str]:
    """The keys allowed at `loc`, following nested dataclasses and lists of them."""
    import dataclasses
    import typing

    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not dataclasses.is_dataclass(current):
            return []
        hint = typing.get_type_hints(current).get(str(part))
        if hint is None:
            return []
        args = typing.get_args(hint)
        current = args[0] if args and dataclasses.is_dataclass(args[0]) else hint
    if not dataclasses.is_dataclass(current):
        return []
    names = [f.name for f in dataclasses.fields(current)]
    return [n for n in names if n != "settings"]


_HEADER = r"^[ \t]*(\[\[?)[ \t]*([^\]\s](?:[^\]]*[^\]\s])?)[ \t]*\]\]?[ \t]*(?:#.*)?$"
_KEYLINE = r"^\s*([A-Za-z0-9_\-\"']+)\s*="


def find_key_line(text: str, loc: Sequence[int | str]) -> int | None:
    """The 1-based line of a key path such as ('drafts', 1, 'title'), or of its table."""
    want = tuple(loc)
    if not want:
        return None
    table: tuple[int | str, ...] = ()
    counts: dict[str, int] = {}
    in_string = False
    for number, line in enumerate(text.splitlines(), start=1):
        quotes = line.count('"""') + line.count("'''")
        if in_string:
            in_string = quotes % 2 == 0
            continue
        header = re.match(_HEADER, line)
        if header:
            parts: tuple[int | str, ...] = tuple(
                p.strip().strip('"') for p in header.group(2).split(".")
            )
            if header.group(1) == "[[":
                name = ".".join(map(str, parts))
                counts[name] = counts.get(name, -1) + 1
                parts = (*parts, counts[name])
            table = parts
            if table == want:
                return number
        else:
            key = re.match(_KEYLINE, line)
            if key and (*table, key.group(1).strip("\"'")) == want:
                return number
        if quotes % 2 == 1:
            in_string = True
    return find_key_line(text, want[:-1]) if len(want) > 1 else None


# --------------------------------------------------------------------------- writing


def dump_profile(profile: Profile) -> str:
    from .tomledit import render_new

    return render_new(profile_data(profile))


def profile_data(profile: Profile) -> dict[str, Any]:
    """The profile as the TOML tables it is saved as (a copy: safe to hand to a thread)."""
    import dataclasses

    data: dict[str, Any] = _drop_none(dataclasses.asdict(profile))
    plugins = data.pop("plugins", {})
    table = {k: plugins[k] for k in ("disabled", "weights") if plugins.get(k)}
    table.update(plugins.get("settings", {}))
    if table:
        data["plugins"] = table
    for rows in ("drafts", "rehearsals"):
        if not data.get(rows):
            data.pop(rows, None)
    return data


def _drop_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_none(v) for v in value]
    return value


def atomic_write(
    path: Path,
    data: bytes,
    mode: int = FILE_MODE,
    before_replace: Callable[[], None] | None = None,
) -> None:
    """Write through a temp file in the same folder, fsync it, then `os.replace` it in.

    `before_replace` runs once the new bytes are safe on disk, just before they take the
    file's place: the last moment to refuse (a file changed meanwhile), which leaves the
    old file as it was.
    """
    tmp = _temp_beside(path, data, mode)
    try:
        if before_replace is not None:
            before_replace()
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _sync_folder(path)


def _temp_beside(path: Path, data: bytes, mode: int) -> str:
    """A temp file in `path`'s folder holding all of `data`, flushed to disk."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def _sync_folder(path: Path) -> None:
    try:
        dir_fd = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def write_target(path: Path) -> Path:
    """Where saving `path` writes: through a symlink to the file it points at, so a
    profile kept elsewhere (a synced folder) stays there instead of being replaced."""
    return path.resolve() if path.is_symlink() else path


def save_profile(profile: Profile, path: Path | str) -> Path:
    path = Path(path)
    atomic_write(write_target(path), dump_profile(profile).encode("utf-8"))
    return path


def create_profile(folder: Path, stem: str, data: bytes) -> Path:
    """A new profile file named after `stem`, holding `data`: whole, or not there at all.

    The bytes are written and synced to a temp file first, then linked in under the first
    free name: a link never replaces a file, so two processes cannot take the same name,
    and a full disk leaves nothing behind.
    """
    try:
        private_dir(folder)
        tmp = _temp_beside(folder / slugify(stem), data, FILE_MODE)
    except OSError as exc:
        raise ProfileError(folder, f"cannot create a profile here: {_reason(exc)}") from None
    try:
        base = slugify(stem)
        for n in range(1, 10_000):
            candidate = folder / f"{base}{'' if n == 1 else f'-{n}'}{PROFILE_SUFFIX}"
            try:
                os.link(tmp, candidate)
            except FileExistsError:
                continue
            except OSError as exc:
                raise ProfileError(candidate, f"cannot create: {_reason(exc)}") from None
            _sync_folder(candidate)
            return candidate
        raise ProfileError(folder / base, "too many profiles with this name; pick another")
    finally:
        Path(tmp).unlink(missing_ok=True)


def _reason(exc: OSError) -> str:
    return str(exc.strerror or exc).lower() if exc.strerror else str(exc)


def slugify(text: str) -> str:
    """A safe file stem from a role name: ASCII letters, digits and dashes only."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:_SLUG_MAX].rstrip("-") or "profile"


def reserve_profile_path(folder: Path, stem: str) -> Path:
    """A new file in `folder` named after `stem`, never one that exists already.

    The file is created empty with O_EXCL, so two processes cannot pick the same name.
    """
    private_dir(folder)
    base = slugify(stem)
    for n in range(1, 10_000):
        candidate = folder / f"{base}{'' if n == 1 else f'-{n}'}{PROFILE_SUFFIX}"
        try:
            fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        except FileExistsError:
            continue
        os.close(fd)
        return candidate
    raise ProfileError(folder / base, "too many profiles with this name; pick another role name")


# --------------------------------------------------------------------------- listing


class ProfileEntry(NamedTuple):
    """A profile file as found on disk: loaded, or broken with the reason."""

    path: Path
    profile: Profile | None
    error: str | None

    @property
    def name(self) -> str:
        return self.path.stem


def iter_profiles(folder: Path | None = None) -> Iterator[ProfileEntry]:
    folder = folder or profiles_dir()
    if not folder.is_dir():
        return
    for path in sorted(folder.glob(f"*{PROFILE_SUFFIX}")):
        try:
            yield ProfileEntry(path, load_profile(path), None)
        except ProfileError as exc:
            yield ProfileEntry(path, None, str(exc))


def resolve_profile(name_or_path: str) -> Path:
    """A profile named on the command line: a path, a profile name, or an example's name."""
    given = Path(name_or_path).expanduser()
    if given.suffix == PROFILE_SUFFIX or os.sep in name_or_path or given.exists():
        if given.is_file():
            return given
        raise ProfileError(given, "no such file; check the path or run `aspire profile list`")
    names: dict[str, Path] = {}
    for folder in (examples_dir(), profiles_dir()):
        if folder.is_dir():
            names.update({p.stem: p for p in folder.glob(f"*{PROFILE_SUFFIX}")})
    if name_or_path in names:
        return names[name_or_path]
    slug = slugify(name_or_path)
    if slug in names:
        return names[slug]
    import difflib

    close = difflib.get_close_matches(slug, list(names), n=1, cutoff=0.5)
    hint = f"did you mean {close[0]}?" if close else "run `aspire profile list` to see them"
    raise ProfileError(name_or_path, f"no profile by that name; {hint}")
