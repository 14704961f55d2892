"""Reading a TOML file safely: size limit, UTF-8, syntax errors with line and column, and a
cost bound before the parser sees the text.

The standard library's TOML parser recurses once per nested bracket (100,000 of them end in
RecursionError), takes time quadratic in the parts of a dotted key (80,000 parts: half a
minute), and walks every value in Python. ``cost_problem`` looks at the text first, in one
linear pass mostly inside the regular expression engine: how deep brackets and braces nest,
how many parts a dotted key has, and how many values, keys, lines and escapes there are. A
file past those bounds (far past anything a routine needs) is refused in milliseconds.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from stretchdesk.i18n import _
from stretchdesk.routine.errors import Problem, RoutineError

MAX_FILE_BYTES = 1024 * 1024  # 1 MiB
BYTE_ORDER_MARK = "\ufeff"  # some Windows editors start UTF-8 files with it
MAX_DEPTH = 16  # brackets and braces inside each other (a routine file needs 3)
MAX_KEY_PARTS = 8  # parts of one dotted key, a.b.c (a routine file needs 2)
MAX_TOKENS = 50_000  # strings, comments, brackets, dots, commas, "=", lines and escapes

_WHERE = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")

# One match per run of ordinary characters, per string (whole: its brackets and dots are
# text) or comment, and per character that gives TOML its structure. The runs of
# ordinary characters keep the engine from trying every branch at each character; each is
# followed by a counted token, so the matches are at most about twice the tokens.
_TOKEN = re.compile(
    r"""
      [^"'\#\[\]{}.,=\n]+
    | "{3} [^"\\]* (?: (?:\\.|"(?!"")) [^"\\]* )* (?:"{3,5}|\Z)
    | '{3} [^']* (?: '(?!'') [^']* )* (?:'{3,5}|\Z)
    | " [^"\\\n]* (?: \\. [^"\\\n]* )* (?:"|$)
    | ' [^'\n]* (?:'|$)
    | \# [^\n]*
    | [\[\]{}.,=\n]
    """,
    re.VERBOSE | re.DOTALL | re.MULTILINE,
)
_COUNTED = frozenset("\"'#[]{}.,=\n")  # what a counted token starts with


def _where(text: str, offset: int) -> tuple[None, None, int, int]:
    """A Problem's step, step title, line and column (from 1) for ``offset``."""
    line = text.count("\n", 0, offset) + 1
    return None, None, line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def cost_problem(text: str, label: str) -> Problem | None:
    """Why parsing ``text`` would cost far more than any routine file should, or None.
    Linear in the text, and at most about ``2 * MAX_TOKENS`` steps of Python."""
    tokens = text.count("\\")
    depth = dots = 0
    for match in _TOKEN.finditer(text):
        start = match.start()
        kind = text[start]
        if kind not in _COUNTED:
            continue
        tokens += 1
        if tokens > MAX_TOKENS:
            message = _(
                "holds more than {most} values, keys, lines and escapes; routine files are small"
            )
            return Problem(label, message.format(most=MAX_TOKENS))
        if kind in "[{":
            depth, dots = depth + 1, 0
            if depth > MAX_DEPTH:
                message = _("has brackets nested more than {most} deep; it cannot be read")
                return Problem(label, message.format(most=MAX_DEPTH), *_where(text, start))
        elif kind in "]}":
            depth, dots = max(depth - 1, 0), 0
        elif kind == ".":
            dots += 1
            if dots >= MAX_KEY_PARTS:
                message = _("has a dotted key of more than {most} parts; it cannot be read")
                return Problem(label, message.format(most=MAX_KEY_PARTS), *_where(text, start))
        elif kind in ",=\n":
            dots = 0
    return None


def parse_toml_text(text: str, label: str) -> dict[str, Any]:
    """Parse TOML text; a syntax error becomes a RoutineError naming line and column, and a
    text too costly to parse (``cost_problem``) or one that exhausts the parser a
    RoutineError saying it cannot be read."""
    text = text.removeprefix(BYTE_ORDER_MARK)
    costly = cost_problem(text, label)
    if costly is not None:
        raise RoutineError([costly])
    try:
        return tomllib.loads(text)
    except (RecursionError, MemoryError):
        raise RoutineError.single(
            label, _("cannot be read: it is nested too deeply or too large")
        ) from None
    except tomllib.TOMLDecodeError as exc:
        message = str(exc.args[0]) if exc.args else str(exc)
        line = getattr(exc, "lineno", None)
        column = getattr(exc, "colno", None)
        match = _WHERE.search(message)
        if match:
            message = message[: match.start()]
            line, column = int(match.group(1)), int(match.group(2))
        problem = Problem(
            label,
            _("TOML syntax error: {message}").format(message=message),
            line=line,
            column=column,
        )
        raise RoutineError([problem]) from None


_NOT_A_FILE = {
    stat.S_IFDIR: "is a folder, not a routine file",
    stat.S_IFIFO: "is a named pipe, not a routine file",
    stat.S_IFCHR: "is a device, not a routine file",
    stat.S_IFBLK: "is a device, not a routine file",
    stat.S_IFSOCK: "is a socket, not a routine file",
}


def _read_regular(path: Path, label: str) -> bytes:
    """At most MAX_FILE_BYTES + 1 bytes of a regular file; anything else (a pipe, a device,
    a folder, a loop of links) is a RoutineError at once, never a wait."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise RoutineError.single(label, _("file not found")) from None
    except IsADirectoryError:
        raise RoutineError.single(label, _NOT_A_FILE[stat.S_IFDIR]) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise RoutineError.single(label, _("is a loop of symbolic links")) from None
        raise RoutineError.single(
            label, _("cannot be read ({reason})").format(reason=exc.strerror or exc)
        ) from None
    kind = stat.S_IFMT(os.fstat(fd).st_mode)
    if kind != stat.S_IFREG:
        os.close(fd)
        raise RoutineError.single(label, _NOT_A_FILE.get(kind, "is not a regular file"))
    with os.fdopen(fd, "rb") as handle:
        try:
            return handle.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise RoutineError.single(
                label, _("cannot be read ({reason})").format(reason=exc.strerror or exc)
            ) from None


def read_bytes(path: Path, label: str | None = None) -> bytes:
    """The bytes of a regular file of at most MAX_FILE_BYTES; anything else (a pipe, a
    device, a folder, a loop of links) or more is a RoutineError at once, never a wait."""
    label = label or str(path)
    data = _read_regular(path, label)
    if len(data) > MAX_FILE_BYTES:
        raise RoutineError.single(label, _("file is larger than 1 MiB; routine files are small"))
    return data


def parse_toml_bytes(data: bytes, label: str) -> dict[str, Any]:
    """Parse a file's bytes (UTF-8, with or without a byte-order mark) as ``parse_toml_text``."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RoutineError.single(
            label, _("is not UTF-8 text (bad byte at offset {offset})").format(offset=exc.start)
        ) from None
    return parse_toml_text(text, label)


class Parsed(Protocol):
    """Files parsed before (the install's content, services/content_cache.py): ``get`` a
    file's table if it is known and unchanged, else None; ``put`` one just parsed."""

    def get(self, path: Path) -> dict[str, Any] | None: ...

    def put(self, path: Path, table: dict[str, Any]) -> None: ...


_parsed: list[Parsed] = []  # the one in use, while ``keeping`` is


@contextmanager
def keeping(parsed: Parsed) -> Iterator[None]:
    """While inside, ``read_toml`` asks ``parsed`` before parsing a file and tells it what
    it parsed (it answers only for the files it keeps)."""
    _parsed.append(parsed)
    try:
        yield
    finally:
        _parsed.remove(parsed)


def read_toml(path: Path, label: str | None = None) -> dict[str, Any]:
    """Read and parse ``path``; every failure is a RoutineError with one clear line."""
    label = label or str(path)
    parsed = _parsed[-1] if _parsed else None
    if parsed is not None:
        known = parsed.get(path)
        if known is not None:
            return known
    table = parse_toml_bytes(read_bytes(path, label), label)
    if parsed is not None:
        parsed.put(path, table)
    return table
