"""The `aspire` command. Subcommands import what they need when they run, so `aspire score`
starts fast and never loads the full-screen UI."""

from __future__ import annotations

import argparse
import math
import os
import sys
import unicodedata
from collections.abc import Sequence
from typing import NoReturn

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


STAGES = ("entry", "mid", "senior", "executive", "changer")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line; with `only`, just that subcommand (the rest is never parsed, and
    building it costs start-up time).

    Every `add_subparsers` is given its `prog`: argparse otherwise builds a subcommand's
    name from its parent's usage line, which printed "aspire [PROFILE] | aspire COMMAND
    ... score [-h]" as the usage of `aspire score`."""
    parser = _Parser(
        prog="aspire",
        description='Coach yourself through "What are your career aspirations?". With no '
        "command, opens the full-screen app on PROFILE (a name or a path) or on the profile "
        "you used last. `aspire COMMAND --help` tells more of each command.",
        epilog="Profiles live in $ASPIRE_HOME/profiles (default: your user data folder).",
    )
    parser.add_argument("--version", action="version", version=f"aspire {__version__}")
    sub = parser.add_subparsers(
        dest="command", metavar="COMMAND", title="commands", parser_class=_Parser, prog="aspire"
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
            choices=STAGES,
            help="career stage to judge by: without a profile (default: mid), or instead of "
            "the profile's own",
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
            dest="action",
            metavar="ACTION",
            title="actions",
            parser_class=_Parser,
            prog="aspire profile",
            required=True,
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
            choices=STAGES,
            help="your career stage",
        )
        show = psub.add_parser("show", help="print a profile", description="Print a profile.")
        show.add_argument("name", metavar="NAME|PATH")
        show.add_argument("--format", "-f", choices=("text", "toml", "json"), default="text")
        validate = psub.add_parser(
            "validate",
            help="check profiles and report every problem",
            description="Check profile files and list every problem, one a line "
            "(FILE:LINE: problem); exit 1 if any is invalid.",
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
            # ACTION is optional here (no action lists the plugins), which argparse's own
            # usage line would not show.
            usage="aspire plugins [-h] [--format {text,json}]\n"
            "       aspire plugins ACTION [-h] ...",
            help="list, enable, disable, install and start scoring plugins",
            description="With no ACTION, list every scoring plugin: where it comes from, "
            "whether it is enabled, its scorers and their settings, and any error. "
            "`aspire plugins disable NAME` leaves a plugin off (built-ins included) until "
            "`aspire plugins enable NAME`; ASPIRE_DISABLE_PLUGINS (names, comma separated) "
            "leaves more off for one run, and ASPIRE_LOAD_PLUGINS (empty for built-ins only) "
            "loads only the installed plugins it names; a name left off anywhere stays off. "
            "A profile's [plugins] disabled turns scorers off for one role on top of that.",
        )
        plugins.add_argument(
            "--format",
            "-f",
            choices=("text", "json"),
            default="text",
            help="the list for people or for tools (default: text)",
        )
        actions = plugins.add_subparsers(
            dest="action",
            metavar="ACTION",
            title="actions",
            parser_class=_Parser,
            prog="aspire plugins",
        )
        for verb, help_text, description in (
            (
                "disable",
                "leave plugins off, without uninstalling them",
                "Leave plugins off from now on (built-in scorers too), without uninstalling "
                "them: a disabled plugin is never imported. Kept in config.toml in your "
                "data folder.",
            ),
            (
                "enable",
                "turn plugins left off by `disable` back on",
                "Turn plugins left off by `aspire plugins disable` back on.",
            ),
        ):
            toggle = actions.add_parser(verb, help=help_text, description=description)
            toggle.add_argument(
                "names",
                nargs="+",
                metavar="NAME",
                help="a plugin's name as `aspire plugins` lists it",
            )
        new_plugin = actions.add_parser(
            "new",
            help="write a new plugin package to start from",
            description="Write a plugin package (pyproject with the entry point, a scorer, a test, "
            "a README) that passes its own tests and works once pip-installed.",
        )
        new_plugin.add_argument(
            "name", metavar="NAME", help="the plugin's name: letters, digits, - and _"
        )
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
    if only is None:
        parser.usage = _usage(sub)
    return parser


SUBCOMMANDS = ("score", "profile", "plugins")


def _innermost(
    parser: argparse.ArgumentParser, args: argparse.Namespace
) -> argparse.ArgumentParser:
    """The parser of the (sub)command `args` were parsed for, e.g. `aspire profile list`."""
    for dest in ("command", "action"):
        nested = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        chosen = getattr(args, dest, None)
        if not nested or chosen not in nested[0].choices:
            break
        parser = nested[0].choices[chosen]
    return parser


def _usage(sub: argparse._SubParsersAction[_Parser]) -> str:
    """`aspire --help`'s usage: the app, then one line per command, taken from the parsers
    themselves so that it cannot drift from them."""
    lines = ["aspire [PROFILE]"]
    for name, command in sub.choices.items():
        nested = [a for a in command._actions if isinstance(a, argparse._SubParsersAction)]
        if nested:
            verbs = "{" + ",".join(nested[0].choices) + "}"
            lines.append(
                f"aspire {name} {verbs} ..."
                if nested[0].required
                else f"aspire {name} [{verbs} ...]"
            )
            continue
        words = [_positional(a) for a in command._actions if not a.option_strings]
        lines.append(" ".join(["aspire", name, "[options]", *words]))
    lines.append("aspire --version")
    return "\n       ".join(lines)


def _positional(action: argparse.Action) -> str:
    name = str(action.metavar or action.dest)
    return {"?": f"[{name}]", "*": f"[{name} ...]", "+": f"{name} [{name} ...]"}.get(
        str(action.nargs), name
    )


def console() -> NoReturn:
    """The `aspire` command. `aspire score` ends the process once its report is flushed:
    freeing the coach's word lists object by object would take a sixth of its run, and the
    system takes the memory back anyway. Everything else ends as usual."""
    code = main()
    if sys.argv[1:2] != ["score"]:
        sys.exit(code)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, OSError):
        pass  # a reader that went away: the same as a normal exit would say nothing
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in SUBCOMMANDS and not argv[0].startswith("-")):
        return _run_app(argv)
    parser = build_parser(argv[0] if argv[0] in SUBCOMMANDS else None)
    args, extra = parser.parse_known_args(argv)
    if extra:  # named by the command they were given to, not by bare `aspire`
        _innermost(parser, args).error(f"unrecognized arguments: {' '.join(extra)}")
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
    from ..plugins import saved_disabled

    try:
        saved_disabled()  # a config the app could not use is an error here, not on screen
    except AspireError as exc:
        print(f"aspire: {one_line(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    if not sys.stdout.isatty() or not sys.stdin.isatty():
        print("aspire: the app needs a terminal; use `aspire score` in scripts", file=sys.stderr)
        return EXIT_USAGE
    from ..app.app import run
    from ..terminal import restore_on_exit

    # A plugin that calls os._exit must not leave the shell in the app's screen modes.
    with restore_on_exit():
        return run(argv[0] if argv else None)
