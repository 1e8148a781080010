"""What a file on disk is now, so a save never writes over a change made elsewhere.

A stamp is the file's size, modification time and inode (cheap, from one `stat`) and a
digest of its bytes (exact). A save compares the file with the stamp taken when Aspire last
read or wrote it: a different size, time or inode means "look closer"; only a different
digest means someone else changed it. A `touch` or a copy of the same bytes is no change.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import NamedTuple


class Stamp(NamedTuple):
    size: int
    mtime_ns: int
    inode: int
    digest: str


def digest_of(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def stamp_of(path: Path, data: bytes | None = None) -> Stamp | None:
    """The file's stamp now, or None if there is no file; `data` saves a second read when
    the caller has just read or written these exact bytes."""
    try:
        info = os.stat(path)
        if data is None:
            data = Path(path).read_bytes()
    except OSError:  # gone, or a folder on its path is not a folder any more
        return None
    return Stamp(info.st_size, info.st_mtime_ns, info.st_ino, digest_of(data))


def changed_since(path: Path, known: Stamp | None) -> tuple[bool, Stamp | None, bytes | None]:
    """Whether the file differs from `known`: (changed, its stamp now, its bytes if read).

    Reads the file only when `stat` says it may have changed; a file that is gone counts
    as changed when Aspire knew one.
    """
    try:
        info = os.stat(path)
    except OSError:  # gone, or a folder on its path is not a folder any more
        return known is not None, None, None
    if known is not None and (info.st_size, info.st_mtime_ns, info.st_ino) == known[:3]:
        return False, known, None
    try:
        data = Path(path).read_bytes()
    except OSError:
        return known is not None, None, None
    now = Stamp(info.st_size, info.st_mtime_ns, info.st_ino, digest_of(data))
    return known is None or now.digest != known.digest, now, data
