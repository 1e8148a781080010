"""Knowing when a profile is open in another Aspire.

Opening a profile leaves a small lease file beside it (`.NAME.toml.lock`: the process id,
the host and when). Another Aspire that opens the same profile sees the lease and says so;
the CLI refuses to rename or delete a profile under a live lease. A lease whose process is
gone (a crash, a closed terminal) is taken over without a word. The lease is advice, not a
lock: saves still check the file itself before writing, so nothing depends on it alone.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import time
from pathlib import Path
from typing import NamedTuple


class Holder(NamedTuple):
    pid: int
    host: str
    since: float

    def describe(self) -> str:
        when = time.strftime("%H:%M", time.localtime(self.since))
        where = "" if self.host == socket.gethostname() else f" on {self.host}"
        return f"another Aspire (process {self.pid}{where}, since {when})"


def lease_path(profile: Path) -> Path:
    return profile.with_name(f".{profile.name}.lock")


def holder(profile: Path) -> Holder | None:
    """Who else has this profile open, if anyone alive does."""
    found = _read(lease_path(profile))
    if found is None or found.pid == os.getpid() or not _alive(found):
        return None
    return found


class Lease:
    """This process's lease on one profile, or the other holder's if it had one first."""

    def __init__(self, profile: Path) -> None:
        self.path = lease_path(profile)
        self.other: Holder | None = None
        self.mine = False

    def acquire(self) -> Lease:
        me = Holder(os.getpid(), socket.gethostname(), time.time())
        for _ in range(2):
            try:
                fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                found = _read(self.path)
                if found is not None and found.pid == me.pid and found.host == me.host:
                    self.mine = True
                    return self
                if found is not None and _alive(found):
                    self.other = found
                    return self
                with contextlib.suppress(OSError):  # stale: its process is gone
                    self.path.unlink()
                continue
            except OSError:
                return self  # a read-only folder: no lease, saves still check the file
            with os.fdopen(fd, "w") as handle:
                json.dump(me._asdict(), handle)
            self.mine = True
            return self
        return self

    def release(self) -> None:
        if not self.mine:
            return
        self.mine = False
        found = _read(self.path)
        if found is not None and found.pid == os.getpid():
            with contextlib.suppress(OSError):
                self.path.unlink()


def _read(path: Path) -> Holder | None:
    try:
        if path.stat().st_size > 4096:
            return None
        raw = json.loads(path.read_text(encoding="utf-8"))
        return Holder(int(raw["pid"]), str(raw["host"]), float(raw["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _alive(found: Holder) -> bool:
    """Whether the holder's process still runs; on another host that cannot be known, so
    the lease counts as live."""
    if found.host != socket.gethostname():
        return True
    if found.pid <= 0:
        return False
    try:
        os.kill(found.pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, under another user
    return True
