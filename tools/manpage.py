"""The manual page, stretchdesk(1), written from the command line's own definition
(``cli.build_parser``) and the list of file locations (``paths.LOCATIONS``) at build time, so
it cannot say something the program does not do.

    python -m tools.manpage --out build/man/stretchdesk.1
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from stretchdesk import __version__, paths
from stretchdesk.cli import commands as cli

RELEASED = date(2026, 11, 24)  # the date of the newest release in the metainfo file


def roff(text: str) -> str:
    """Text safe in a roff line: backslashes and hyphens escaped, no leading control dot."""
    text = text.replace("\\", "\\e").replace("-", "\\-").replace("\u2014", "\\(em")
    return "\\&" + text if text.startswith((".", "'")) else text


def _options(parser: argparse.ArgumentParser) -> list[str]:
    lines: list[str] = []
    for action in parser._actions:
        if not action.option_strings or action.help == argparse.SUPPRESS:
            continue
        names = ", ".join(f"\\fB{roff(name)}\\fR" for name in action.option_strings)
        if action.metavar or (action.nargs != 0 and action.choices):
            value = action.metavar or "|".join(str(c) for c in action.choices or ())
            names += f" \\fI{roff(str(value))}\\fR"
        help_text = action.help or ""
        if action.choices and action.default not in (None, argparse.SUPPRESS):
            help_text += f" (default: {action.default})"
        lines += [".TP", names, roff(help_text.replace("%(prog)s", parser.prog))]
    return lines


def _commands(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found: list[argparse.ArgumentParser] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found += list(dict.fromkeys(action.choices.values()))
    return found


def _synopsis(parser: argparse.ArgumentParser) -> str:
    usage = parser.format_usage().removeprefix("usage: ").strip()
    return roff(" ".join(usage.split()))


def render(parser: argparse.ArgumentParser | None = None) -> str:
    parser = parser or cli.build_parser()
    commands = _commands(parser)
    out = [
        f'.TH STRETCHDESK 1 "{RELEASED.isoformat()}" "stretchdesk {__version__}" "User Commands"',
        ".SH NAME",
        "stretchdesk \\- " + roff(parser.description or ""),
        ".SH SYNOPSIS",
        *(line for p in (parser, *commands) for line in (".nf", _synopsis(p), ".fi")),
        ".SH DESCRIPTION",
        roff(
            "stretchdesk guides you through a routine for a sore, tight lower back on the mat: "
            "warm-ups first, then gentle stretches, each with a drawing and a countdown you "
            "can read from the floor, every change announced by sound and voice. The red "
            "Pain \u2014 stop button, or the Esc key, stops everything at once. Every session "
            "is kept in a local history that you can export for your physiotherapist."
        ),
        ".PP",
        roff("With no command, the window opens."),
        ".SH OPTIONS",
        *_options(parser),
    ]
    for command in commands:
        name = command.prog.split()[-1]
        out += [".SH COMMAND: " + roff(name.upper()), roff(command.description or "")]
        positionals = [a for a in command._actions if not a.option_strings]
        for action in positionals:
            out += [".TP", f"\\fI{roff(str(action.metavar or action.dest))}\\fR"]
            out.append(roff(action.help or "files to check"))
        out += _options(command)
    out += [".SH FILES"]
    for what, variable, usual in paths.LOCATIONS:
        out += [".TP", f"\\fB${variable}/stretchdesk\\fR (usually {roff(usual)}/stretchdesk)"]
        out.append(roff(what.capitalize() + "."))
    out += [
        ".PP",
        roff(
            f"With --data-dir or ${paths.ENV_DATA_DIR}, all of these are in that one folder. "
            "A settings file left in the data folder by an earlier version is moved to the "
            "settings folder once."
        ),
        ".SH ENVIRONMENT",
        ".TP",
        f"\\fB{paths.ENV_DATA_DIR}\\fR",
        roff("Keep every file in this folder, as --data-dir does."),
        ".TP",
        "\\fBSPEECHD_ADDRESS\\fR",
        roff(
            "Where speech-dispatcher listens (unix_socket:PATH or inet_socket:HOST:PORT); "
            "by default its usual socket, started when needed."
        ),
        ".SH EXIT STATUS",
        roff(
            f"{cli.EXIT_OK} when all went well, {cli.EXIT_PROBLEMS} when there were "
            f"problems (each is printed on a line of its own), {cli.EXIT_USAGE} for a "
            "mistake in the command line."
        ),
        ".SH SEE ALSO",
        "\\fBspd\\-say\\fR(1), \\fBspeech\\-dispatcher\\fR(1)",
    ]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="write here instead of stdout")
    args = parser.parse_args(argv)
    page = render()
    if args.out is None:
        sys.stdout.write(page)
    else:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(page, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
