"""Reading a TOML file safely: size limit, UTF-8, syntax errors with line and column."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from stretchdesk.routine.errors import Problem, RoutineError

MAX_FILE_BYTES = 1024 * 1024  # 1 MiB

_WHERE = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")


def parse_toml_text(text: str, label: str) -> dict[str, Any]:
    """Parse TOML text; a syntax error becomes a RoutineError naming line and column."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc.args[0]) if exc.args else str(exc)
        line = getattr(exc, "lineno", None)
        column = getattr(exc, "colno", None)
        match = _WHERE.search(message)
        if match:
            message = message[: match.start()]
            line, column = int(match.group(1)), int(match.group(2))
        problem = Problem(label, f"TOML syntax error: {message}", line=line, column=column)
        raise RoutineError([problem]) from None


def read_toml(path: Path, label: str | None = None) -> dict[str, Any]:
    """Read and parse ``path``; every failure is a RoutineError with one clear line."""
    label = label or str(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise RoutineError.single(label, "file not found") from None
    except IsADirectoryError:
        raise RoutineError.single(label, "is a folder, not a routine file") from None
    except OSError as exc:
        raise RoutineError.single(label, f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > MAX_FILE_BYTES:
        raise RoutineError.single(label, "file is larger than 1 MiB; routine files are small")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RoutineError.single(
            label, f"is not UTF-8 text (bad byte at offset {exc.start})"
        ) from None
    return parse_toml_text(text, label)
