"""The `aspire` command. Subcommands import what they need when they run, so `aspire score`
starts fast and never loads the full-screen UI."""

from __future__ import annotations

import argparse
import math
import os
import sys
import unicodedata
from collections.abc import Sequence

from .. import __version__
from ..errors import AspireError

EXIT_OK, EXIT_BELOW, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 70

#: Linux's limits: a path, and one file name within it (in bytes).
_PATH_MAX, _NAME_MAX = 4096, 255


class UsageError(AspireError):
    """A command-line argument Aspire cannot use: one line naming the option, exit 2."""


def one_line(text: str) -> str:
    """`text` with control characters escaped, so an error about a hostile argument (a
    newline, an escape sequence, bytes that are not UTF-8) stays on one line."""
    return "".join(
        repr(char)[1:-1] if unicodedata.category(char) in ("Cc", "Cs", "Zl", "Zp") else char
        for char in text
    )


def _quoted(value: str, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else f"{text[: limit - 3]}..."


def check_name(value: str, what: str) -> str:
    """A profile name or path given on the command line, refused before it is looked up.

    A blank name would match the profile whose file is named "profile"; a control
    character or bytes that are not UTF-8 cannot be printed back on one line; a name past
    the file system's limits only fails later with a less helpful message.
    """
    hint = "give a name from `aspire profile list` or the path to a profile file"
    if not value.strip():
        raise UsageError(f"{what}: the name is blank; {hint}")
    for i, char in enumerate(value):
        kind = unicodedata.category(char)
        if kind == "Cs":
            raise UsageError(
                f"{what}: {_quoted(value)} is not valid UTF-8 text; rename the file so its "
                f"name is UTF-8, or {hint}"
            )
        if kind in ("Cc", "Zl", "Zp"):
            raise UsageError(
                f"{what}: {_quoted(value)} contains a control character "
                f"({char!r} at position {i + 1}); {hint}"
            )
    parts = value.split(os.sep)
    if len(value) > _PATH_MAX or any(len(p.encode("utf-8")) > _NAME_MAX for p in parts):
        raise UsageError(f"{what}: the name is too long ({len(value)} characters); {hint}")
    return value


def _score_limit(text: str) -> float:
    """`--min-score`: NaN would never be "below" and infinity always would."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(
            f"{_quoted(text)} is not a score; give a number from 0 to 100, such as 60"
        )
    return value


class _Parser(argparse.ArgumentParser):
    """Usage errors as one line, exit 2, like every other bad input."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(
            EXIT_USAGE, f"{self.prog}: error: {one_line(message)} (see `{self.prog} --help`)\n"
        )


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line; with `only`, just that subcommand (the rest is never parsed, and
    building it costs start-up time)."""
    parser = _Parser(
        prog="aspire",
        usage="aspire [PROFILE] | aspire COMMAND ...",
        description='Coach yourself through "What are your career aspirations?". With no '
        "command, opens the full-screen app on PROFILE (a name or a path) or on the profile "
        "you used last.",
        epilog="Profiles live in $ASPIRE_HOME/profiles (default: your user data folder).",
    )
    parser.add_argument("--version", action="version", version=f"aspire {__version__}")
    # `prog` keeps the usage line out of the subcommands' names in their errors.
    sub = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=_Parser, prog="aspire"
    )

    if only in (None, "score"):
        score = sub.add_parser(
            "score",
            help="score a draft answer and print the feedback",
            description="Score a draft answer with every enabled scorer. Reads FILE, or standard "
            "input for '-', or the profile's latest draft when FILE is left out.",
        )
        score.add_argument("file", nargs="?", metavar="FILE", help="the draft (UTF-8 text), or -")
        score.add_argument(
            "--profile",
            "-p",
            metavar="NAME|PATH",
            help="the role's profile: a name from `aspire profile list` or a path",
        )
        score.add_argument(
            "--stage",
            choices=("entry", "mid", "senior", "executive", "changer"),
            help="career stage when no profile is given (default: mid)",
        )
        score.add_argument(
            "--format",
            "-f",
            choices=("text", "json"),
            default="text",
            help="text for people, json for tools (default: text)",
        )
        score.add_argument(
            "--min-score",
            type=_score_limit,
            metavar="N",
            help="exit 1 when the overall score is below N (0-100)",
        )

    if only in (None, "profile"):
        profile = sub.add_parser(
            "profile",
            help="list, create, show, validate, rename and delete profiles",
            description="Manage per-role profiles.",
        )
        psub = profile.add_subparsers(
            dest="action", metavar="ACTION", parser_class=_Parser, required=True
        )
        psub.add_parser(
            "list",
            help="list your profiles and the examples",
            description="List your profiles (broken ones with their error) and the examples.",
        )
        new = psub.add_parser(
            "new",
            help="create a profile from an example or from scratch",
            description="Create a profile in your profiles folder.",
        )
        new.add_argument(
            "--from",
            dest="example",
            metavar="EXAMPLE",
            help="start from this example profile (see `aspire profile list`)",
        )
        new.add_argument("--role", help="the role applied for")
        new.add_argument("--company", default=None, help="the company")
        new.add_argument(
            "--stage",
            choices=("entry", "mid", "senior", "executive", "changer"),
            help="your career stage",
        )
        show = psub.add_parser("show", help="print a profile", description="Print a profile.")
        show.add_argument("name", metavar="NAME|PATH")
        show.add_argument("--format", "-f", choices=("text", "toml", "json"), default="text")
        validate = psub.add_parser(
            "validate",
            help="check profiles and report the first problem",
            description="Check profile files; exit 1 if any is invalid.",
        )
        validate.add_argument("names", nargs="+", metavar="NAME|PATH")
        rename = psub.add_parser(
            "rename",
            help="give a profile a new role name (and file name)",
            description="Rename one of your profiles; refused while it is open in the app.",
        )
        rename.add_argument("name", metavar="NAME|PATH")
        rename.add_argument("role", metavar="NEW_ROLE")
        delete = psub.add_parser(
            "delete",
            help="delete one of your profiles",
            description="Delete one of your profiles; refused while it is open in the app.",
        )
        delete.add_argument("name", metavar="NAME|PATH")
        delete.add_argument("--yes", action="store_true", help="confirm: it cannot be undone")
    if only in (None, "plugins"):
        plugins = sub.add_parser(
            "plugins",
            help="list the scoring plugins, built in and installed",
            description="List every scoring plugin: where it comes from, whether it is enabled, "
            "its scorers and their settings, and any error. ASPIRE_LOAD_PLUGINS (names, comma "
            "separated; empty for built-ins only) and ASPIRE_DISABLE_PLUGINS choose what loads; "
            "a name in both stays off. A profile's [plugins] disabled turns scorers off for one "
            "role on top of that.",
        )
        plugins.add_argument("--format", "-f", choices=("text", "json"), default="text")
        actions = plugins.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
        new_plugin = actions.add_parser(
            "new",
            help="write a new plugin package to start from",
            description="Write a plugin package (pyproject with the entry point, a scorer, a test, "
            "a README) that passes its own tests and works once pip-installed.",
        )
        new_plugin.add_argument("name", help="the plugin's name: letters, digits, - and _")
        new_plugin.add_argument("--dir", default=".", help="where to write it (default: here)")
        install = actions.add_parser(
            "install",
            help="install plugins into Aspire's own environment (uses pip)",
            description="Install plugin packages into the Python environment Aspire runs in.",
        )
        install.add_argument(
            "packages",
            nargs="+",
            metavar="PACKAGE",
            help="a name on PyPI, a path or anything pip accepts",
        )
        install.add_argument("--upgrade", "-U", action="store_true", help="upgrade if installed")
    return parser


SUBCOMMANDS = ("score", "profile", "plugins")


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in SUBCOMMANDS and not argv[0].startswith("-")):
        return _run_app(argv)
    parser = build_parser(argv[0] if argv[0] in SUBCOMMANDS else None)
    args = parser.parse_args(argv)
    try:
        if args.command == "score":
            if args.profile is not None:
                check_name(args.profile, "--profile")
            from .score import run_score

            return run_score(args)
        if args.command == "profile":
            from .profile import run_profile

            return run_profile(args)
        if args.command == "plugins":
            from .plugins import run_plugins

            return run_plugins(args)
        parser.print_help()
        return EXIT_OK
    except AspireError as exc:
        print(f"aspire: {one_line(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        print(f"aspire: {one_line(f'{where}{exc.strerror or exc}')}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # a bug: one line for the user, the traceback on request
        if os.environ.get("ASPIRE_DEBUG"):
            raise
        print(
            f"aspire: internal error: {type(exc).__name__}: {one_line(str(exc))} "
            "(set ASPIRE_DEBUG=1 to see where, and please report it)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


def _run_app(argv: list[str]) -> int:
    """`aspire [PROFILE]`: the full-screen app. Arguments are checked before the screen is
    taken over, so a mistake is a one-line error in the shell."""
    if len(argv) > 1:
        print(
            f"aspire: error: unexpected {argv[1]!r}; usage: aspire [PROFILE] (see `aspire --help`)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if argv:
        from ..storage import load_profile, resolve_profile

        try:
            load_profile(resolve_profile(check_name(argv[0], "aspire PROFILE")))
        except AspireError as exc:
            print(f"aspire: {one_line(str(exc))}", file=sys.stderr)
            return EXIT_USAGE
    if not sys.stdout.isatty() or not sys.stdin.isatty():
        print("aspire: the app needs a terminal; use `aspire score` in scripts", file=sys.stderr)
        return EXIT_USAGE
    from ..app.app import run

    return run(argv[0] if argv else None)
