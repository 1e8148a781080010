"""Errors a user can act on: each prints as one line naming the file and the fix."""

from __future__ import annotations

from pathlib import Path


class AspireError(Exception):
    """Base for every error Aspire reports to a user instead of a traceback."""


class ProfileError(AspireError):
    """A profile that cannot be read, parsed or validated.

    `str()` gives `FILE[:LINE]: MESSAGE`, the shape editors and terminals link to.
    """

    def __init__(self, path: Path | str, message: str, line: int | None = None) -> None:
        self.path = Path(path)
        self.message = message
        self.line = line
        where = f"{self.path}:{line}" if line else str(self.path)
        super().__init__(f"{where}: {message}")

    @property
    def in_words(self) -> str:
        """The message with its line said in words, for a sentence that does not open with
        `FILE:LINE` ("line 4, column 9" rather than a column alone)."""
        if not self.line:
            return self.message
        if "(column " in self.message:
            return self.message.replace("(column ", f"(line {self.line}, column ", 1)
        return f"{self.message} (line {self.line})"


class DraftError(AspireError):
    """A draft file that cannot be read as UTF-8 text."""


class ChangedOnDisk(AspireError):
    """The profile file changed since this session read or wrote it: saving now would
    write over someone's work, so nothing was written. `theirs` is what the file holds
    now (None if it is gone)."""

    def __init__(self, path: Path, theirs: bytes | None) -> None:
        self.path = path
        self.theirs = theirs
        what = "was removed" if theirs is None else "changed on disk"
        super().__init__(f"{path}: {what} since Aspire opened it; nothing was written")
