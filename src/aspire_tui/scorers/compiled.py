"""Compiled word lists, and what was worked out from them, kept between runs.

Python's `re` parses and compiles a pattern in Python code; the coach's word lists make
patterns of thousands of branches, and compiling them is most of what a first score in a
new process costs (`aspire score`, the app's first keystroke). The compiled form is a list
of integers that `_sre` takes back in a fraction of a millisecond, so `PatternStore` keeps
it in a file under Aspire's cache folder, one file per Python build and Aspire version.
What is worked out from a pattern's text alone (its branches and their first words) is
kept beside it through `remembered`.

Nothing here is needed for correctness: a store that cannot be read, written or trusted
(another Python, a damaged file) is left aside and patterns compile as usual. `_sre`
validates code it is given, so a damaged entry raises rather than matching wrongly; a
checksum turns most damage away before that.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import re
import sys
import zlib
from array import array
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

#: Compiled patterns kept in the file (and twenty times as many facts worked out):
#: those used by this run first, then older ones, up to this.
LIMIT = 2000

#: What `_sre.compile` takes, the code as the bytes of an `array` of `_CODE`: read back as
#: one bytes object, it costs a copy rather than an int object per instruction.
_Entry = tuple[str, int, bytes, int, dict[str, int], tuple[str | None, ...]]
_CODE = "I"
T = TypeVar("T")


#: The modules whose code works out what is remembered: a change to any of them (a new
#: release, or an edit in a checkout) starts a new file.
_WORKERS = ("compiled.py", "fastre.py", "lexicon.py")


def _tag() -> str:
    """What the kept file depends on: the interpreter, its regex engine, Aspire's version
    and the code that made the entries."""
    import _sre  # type: ignore[import-not-found]

    from .. import __version__

    here = Path(__file__).parent
    code = 0
    for name in _WORKERS:
        info = (here / name).stat()
        code = zlib.crc32(f"{name}{info.st_size}{info.st_mtime_ns}".encode(), code)
    magic = getattr(_sre, "MAGIC", "0")
    return f"{sys.implementation.cache_tag}-{magic}-{__version__}-{code:08x}"


def _code_of(pattern: str, flags: int) -> _Entry | None:
    """The arguments `_sre.compile` takes for this pattern, or None where this Python's
    `re` is not built the way this module knows."""
    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(pattern, flags)
        code = array(_CODE, _compiler._code(parsed, flags)).tobytes()
        state = parsed.state
        groupindex = dict(state.groupdict)
        indexgroup: list[str | None] = [None] * state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        return (pattern, flags | state.flags, code, state.groups - 1, groupindex, tuple(indexgroup))
    except (ImportError, AttributeError, TypeError):
        return None


def _from_code(entry: _Entry) -> re.Pattern[str]:
    import _sre

    pattern, flags, code, groups, groupindex, indexgroup = entry
    if array(_CODE).itemsize != _sre.CODESIZE:
        raise ValueError("this build's regex code does not fit the store")
    instructions = array(_CODE, code).tolist()
    return _sre.compile(pattern, flags, instructions, groups, groupindex, indexgroup)  # type: ignore[no-any-return]


class PatternStore:
    """Compiled patterns read from, and written back to, one file."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / f"patterns-{_tag()}.bin"
        self._entries: dict[tuple[str, int], _Entry] = {}
        self._used: set[tuple[str, int]] = set()
        self._memo: dict[Hashable, Any] = {}
        self._memo_used: set[Hashable] = set()
        self._added = False
        self._read()

    def _read(self) -> None:
        try:
            raw = self.path.read_bytes()
            crc, body = int.from_bytes(raw[:4], "big"), raw[4:]
            if zlib.adler32(body) != crc:
                return
            data: Any = marshal.loads(body)
            if isinstance(data, tuple) and len(data) == 2:
                self._entries, self._memo = data
        except (OSError, ValueError, EOFError, TypeError):
            self._entries, self._memo = {}, {}

    def compile(self, pattern: str, flags: int) -> re.Pattern[str]:
        flags = int(flags)  # a RegexFlag is not something marshal keeps
        key = (pattern, flags)
        entry = self._entries.get(key)
        if entry is not None:
            try:
                compiled = _from_code(entry)
                self._used.add(key)
                return compiled
            except (RuntimeError, TypeError, ValueError):
                del self._entries[key]  # not this engine's code: compiled afresh below
        compiled = re.compile(pattern, flags)
        entry = _code_of(pattern, flags)
        if entry is not None:
            self._entries[key] = entry
            self._used.add(key)
            self._added = True
        return compiled

    def has(self, pattern: str, flags: int) -> bool:
        return (pattern, int(flags)) in self._entries

    def remembered(self, key: Hashable, compute: Callable[[], T]) -> T:
        """`compute()`, or what it gave for `key` before. Its value must be something
        `marshal` keeps (strings, numbers, tuples, frozensets...)."""
        self._memo_used.add(key)
        if key in self._memo:
            return self._memo[key]  # type: ignore[no-any-return]
        value = self._memo[key] = compute()
        self._added = True
        return value

    def save(self) -> None:
        """Write the file if this run compiled something new; any failure costs only speed."""
        if not self._added:
            return
        try:
            kept = (_kept(self._entries, self._used, LIMIT), _kept(self._memo, self._memo_used))
            body = marshal.dumps(kept)
        except ValueError:  # a value marshal cannot keep: nothing is worth a wrong file
            return
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
            with os.fdopen(fd, "wb") as f:
                f.write(zlib.adler32(body).to_bytes(4, "big") + body)
            os.replace(tmp, self.path)
            self._added = False
        except OSError:
            with contextlib.suppress(OSError):
                tmp.unlink()
            return
        for old in self.path.parent.glob("patterns-*.bin"):  # made by other code: stale
            if old != self.path:
                with contextlib.suppress(OSError):
                    old.unlink()


def _kept(entries: dict[Any, Any], used: set[Any], limit: int = 20 * LIMIT) -> dict[Any, Any]:
    """Those used by this run, then older ones, up to `limit`."""
    entries = dict(entries)  # scorers run in threads: a copy holds still
    keep = {k: entries[k] for k in list(used) if k in entries}
    for k, v in entries.items():
        if len(keep) >= limit:
            break
        keep.setdefault(k, v)
    return keep


_store: PatternStore | None = None


def use_store(folder: Path | None) -> PatternStore | None:
    """Keep compiled patterns in `folder` from now on (None: stop)."""
    global _store
    _store = PatternStore(folder) if folder is not None else None
    return _store


def store() -> PatternStore | None:
    return _store


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile`, through the store when one is in use."""
    if _store is None:
        return re.compile(pattern, flags)
    return _store.compile(pattern, flags)


def remembered(key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()`, through the store when one is in use (see `PatternStore.remembered`)."""
    if _store is None:
        return compute()
    return _store.remembered(key, compute)


def save() -> None:
    if _store is not None:
        _store.save()
