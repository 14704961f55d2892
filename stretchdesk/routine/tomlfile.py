"""Reading a TOML file safely: size limit, UTF-8, syntax errors with line and column."""

from __future__ import annotations

import errno
import os
import re
import stat
import tomllib
from pathlib import Path
from typing import Any

from stretchdesk.i18n import _
from stretchdesk.routine.errors import Problem, RoutineError

MAX_FILE_BYTES = 1024 * 1024  # 1 MiB
BYTE_ORDER_MARK = "\ufeff"  # some Windows editors start UTF-8 files with it

_WHERE = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")


def parse_toml_text(text: str, label: str) -> dict[str, Any]:
    """Parse TOML text; a syntax error becomes a RoutineError naming line and column."""
    try:
        return tomllib.loads(text.removeprefix(BYTE_ORDER_MARK))
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


def read_toml(path: Path, label: str | None = None) -> dict[str, Any]:
    """Read and parse ``path``; every failure is a RoutineError with one clear line."""
    label = label or str(path)
    data = _read_regular(path, label)
    if len(data) > MAX_FILE_BYTES:
        raise RoutineError.single(label, _("file is larger than 1 MiB; routine files are small"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RoutineError.single(
            label, _("is not UTF-8 text (bad byte at offset {offset})").format(offset=exc.start)
        ) from None
    return parse_toml_text(text, label)
