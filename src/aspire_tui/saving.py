"""Saving one open profile: one write at a time, the newest text always wins, and never
over a change someone else made to the file.

Autosave hands the saver the profile's data from the UI thread and writes on another; a
slow disk can make writes overlap. Here they queue instead: a write in flight finishes,
then only the newest data offered meanwhile is written, and "saved" is reported for the
change count that is really on disk. Before the new bytes take the file's place, the file
is compared with what this session last read or wrote (`ondisk`); if it changed, nothing
is written and `ChangedOnDisk` says what the file holds now.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from .errors import ChangedOnDisk
from .ondisk import Stamp, changed_since, stamp_of
from .storage import atomic_write, write_target
from .tomledit import render_new, render_over


class ProfileFile:
    """The file as this session knows it: the text last read or written there, its stamp,
    and whether a person laid it out (then saves keep their comments and order)."""

    def __init__(self, path: Path, raw: bytes | None, data: dict[str, Any]) -> None:
        self.path = path
        self.adopt(raw, data)

    def render(self, data: dict[str, Any]) -> str:
        return render_over(self.text, data) if self.handmade else render_new(data)

    def adopt(self, raw: bytes | None, data: dict[str, Any]) -> None:
        """Take `raw` (what is on disk now, holding `data`) as the file this session knows."""
        self.text = raw.decode("utf-8", "replace") if raw is not None else ""
        self.stamp: Stamp | None = stamp_of(self.path, raw) if raw is not None else None
        self.handmade = raw is not None and self.text != render_new(data)


class Saver:
    def __init__(self, file: ProfileFile) -> None:
        self.file = file
        self.written = 0  # the change count whose data is on disk
        self._writing = threading.Lock()  # held for a whole write: one at a time
        self._state = threading.Lock()  # guards `_pending`, briefly
        self._pending: tuple[int, dict[str, Any]] | None = None

    @property
    def offered(self) -> int:
        """The highest change count offered so far (written or still queued)."""
        with self._state:
            return max(self.written, self._pending[0] if self._pending else 0)

    def offer(self, changes: int, data: dict[str, Any]) -> None:
        """Queue `data` (the state after `changes` edits) unless newer data is queued."""
        with self._state:
            if self._pending is None or changes > self._pending[0]:
                self._pending = (changes, data)

    def discard(self) -> None:
        """Drop what is queued: the user chose what the file should hold instead."""
        with self._state:
            self._pending = None

    def flush(self) -> int:
        """Write the newest queued data; returns the change count now on disk.

        Raises `ChangedOnDisk` (the queued data stays queued, nothing is written) or
        `OSError` (the same). Safe to call from several threads: they take turns.
        """
        with self._writing:
            while True:
                with self._state:
                    item, self._pending = self._pending, None
                if item is None:
                    return self.written
                changes, data = item
                if changes <= self.written:
                    continue
                try:
                    self._write(data)
                except BaseException:
                    self.offer(changes, data)
                    raise
                self.written = changes

    def _write(self, data: dict[str, Any]) -> None:
        text = self.file.render(data)
        raw = text.encode("utf-8")
        path = self.file.path

        def still_ours() -> None:
            changed, _, theirs = changed_since(path, self.file.stamp)
            if changed:
                if theirs is None and path.exists():
                    theirs = path.read_bytes()
                raise ChangedOnDisk(path, theirs)

        atomic_write(write_target(path), raw, before_replace=still_ours)
        self.file.text = text
        self.file.stamp = stamp_of(path, raw)

    def busy(self) -> bool:
        return self._writing.locked()

    def check(self) -> tuple[bool, Stamp | None, bytes | None] | None:
        """Whether the file changed on disk, as `ondisk.changed_since`; None while a write is
        in flight (its own change is not news)."""
        if not self._writing.acquire(blocking=False):
            return None
        try:
            return changed_since(self.file.path, self.file.stamp)
        finally:
            self._writing.release()
