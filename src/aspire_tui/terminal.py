"""The terminal put back as it was when the process ends without Textual's clean-up.

`os._exit` ends the process at once: no `finally`, no atexit, so the app never leaves the
alternate screen, the cursor stays hidden, mouse reports keep arriving as text and the
shell is left in raw mode. A plugin may call it (or a library it uses may). While the app
runs, `os._exit` is replaced by a wrapper that first writes the sequences that undo what
Textual turned on, and the terminal's saved settings, to the controlling terminal.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Iterator
from typing import Any, NoReturn

#: What Textual's Linux driver turns on, turned off again, in the order its own shutdown
#: uses: input modes first, the keyboard protocol before the alternate screen is left,
#: then the main screen and the cursor.
RESTORE = (
    "\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1015l\x1b[?1006l\x1b[?1016l"  # mouse tracking
    "\x1b[?2004l"  # bracketed paste
    "\x1b[?2048l"  # in-band resize reports
    "\x1b[?1004l"  # focus in/out reports
    "\x1b[?7h"  # line wrap back on
    "\x1b[<u"  # pop the kitty keyboard protocol
    "\x1b[?1049l"  # leave the alternate screen
    "\x1b[?25h"  # show the cursor
    "\x1b[0m"  # plain text attributes
)

_lock = threading.Lock()
_saved_modes: list[Any] | None = None  # termios attributes from before the app started
_active = 0  # nesting depth of `restore_on_exit`
_real_exit = os._exit


def _open_tty() -> int | None:
    """The controlling terminal, whatever stdout and stderr were redirected to; else a
    standard stream that is a terminal."""
    try:
        return os.open("/dev/tty", os.O_WRONLY | os.O_NOCTTY)
    except OSError:
        pass
    for stream in (sys.__stderr__, sys.__stdout__):
        with contextlib.suppress(AttributeError, OSError, ValueError):
            if stream is not None and stream.isatty():
                return os.dup(stream.fileno())
    return None


def restore_terminal() -> None:
    """Leave the alternate screen, show the cursor, stop mouse and paste reports and put
    back the terminal settings saved by `restore_on_exit`. Best effort, never raises."""
    fd = _open_tty()
    if fd is None:
        return
    try:
        with contextlib.suppress(OSError):
            os.write(fd, RESTORE.encode("ascii"))
        if _saved_modes is not None:
            with contextlib.suppress(Exception):
                import termios

                termios.tcsetattr(fd, termios.TCSANOW, _saved_modes)
    finally:
        os.close(fd)


def _exit_restoring(status: int) -> NoReturn:
    """`os._exit` while the app runs: the terminal first, then the real exit."""
    if _active:
        with contextlib.suppress(BaseException):
            restore_terminal()
    _real_exit(status)


def _modes() -> list[Any] | None:
    fd = _open_tty()
    if fd is None:
        return None
    try:
        import termios

        return termios.tcgetattr(fd)
    except Exception:
        return None
    finally:
        os.close(fd)


@contextlib.contextmanager
def restore_on_exit() -> Iterator[None]:
    """While the block runs (the app's lifetime), `os._exit` restores the terminal before
    it ends the process. The terminal's settings are saved on entry, so enter before the
    app takes the screen over."""
    global _active, _saved_modes
    import posix

    with _lock:
        if not _active:
            _saved_modes = _modes()
            os._exit = _exit_restoring
            posix._exit = _exit_restoring
        _active += 1
    try:
        yield
    finally:
        with _lock:
            _active -= 1
            if not _active:
                # A plugin holding the wrapper (`from os import _exit`) gets a plain exit.
                os._exit = _real_exit
                posix._exit = _real_exit
