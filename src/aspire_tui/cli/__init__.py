"""The `aspire` command. Subcommands import what they need when they run, so `aspire score`
starts fast and never loads the full-screen UI."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from .. import __version__

EXIT_OK, EXIT_BELOW, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 70


class _Parser(argparse.ArgumentParser):
    """Usage errors as one line, exit 2, like every other bad input."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see `{self.prog} --help`)\n")


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
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

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
            "--min-score", type=float, metavar="N", help="exit 1 when the overall score is below N"
        )

    if only in (None, "profile"):
        profile = sub.add_parser(
            "profile",
            help="list, create, show and validate profiles",
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
    from ..errors import AspireError

    try:
        if args.command == "score":
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
        print(f"aspire: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        print(f"aspire: {where}{exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # a bug: one line for the user, the traceback on request
        if os.environ.get("ASPIRE_DEBUG"):
            raise
        print(
            f"aspire: internal error: {type(exc).__name__}: {exc} "
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
        from ..errors import AspireError
        from ..storage import load_profile, resolve_profile

        try:
            load_profile(resolve_profile(argv[0]))
        except AspireError as exc:
            print(f"aspire: {exc}", file=sys.stderr)
            return EXIT_USAGE
    if not sys.stdout.isatty() or not sys.stdin.isatty():
        print("aspire: the app needs a terminal; use `aspire score` in scripts", file=sys.stderr)
        return EXIT_USAGE
    from ..app.app import run

    return run(argv[0] if argv else None)
