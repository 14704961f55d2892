"""Writing TOML 1.0: the one place where settings and routine files are turned into text.
Standard library only; no Qt, and nothing else of ours.

Every string is a basic string with the escapes TOML 1.0 defines (``\\b \\t \\n \\f \\r
\\" \\\\``, and ``\\uXXXX`` for the other control characters and DEL), so any text reads
back exactly as it was written (``tomllib.loads``). A key is written bare only when it is
made of ``A-Za-z0-9_-``; any other key is quoted the same way. A value that TOML cannot
hold (a lone surrogate, a type it has no word for) is a ValueError, never a broken file.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping

BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")

_ESCAPES = {
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
    '"': '\\"',
    "\\": "\\\\",
}
_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f"\\\x7f\ud800-\udfff]')

Value = object  # str, int, float, bool, or a list or tuple of those


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _ESCAPES:
        return _ESCAPES[char]
    if "\ud800" <= char <= "\udfff":
        raise ValueError(f"text holds a lone surrogate (U+{ord(char):04X}), which TOML cannot")
    return f"\\u{ord(char):04X}"


def string(text: str) -> str:
    """``text`` as a TOML basic string, quotes included."""
    return '"' + _NEEDS_ESCAPE.sub(_escape, text) + '"'


def key(name: str) -> str:
    """A key: bare when it can be, else a quoted key."""
    return name if BARE_KEY.fullmatch(name) else string(name)


def dotted(*names: str) -> str:
    """A dotted key or table name, each part written as ``key`` writes it."""
    return ".".join(key(name) for name in names)


def value(item: Value) -> str:
    """A value: true/false, an integer, a float (inf and nan as TOML writes them), a string,
    or an array of those (one element a line)."""
    if isinstance(item, bool):
        return "true" if item else "false"
    if isinstance(item, int):
        return str(item)
    if isinstance(item, float):
        if math.isnan(item):
            return "nan"
        if math.isinf(item):
            return "inf" if item > 0 else "-inf"
        return repr(item)
    if isinstance(item, str):
        return string(item)
    if isinstance(item, list | tuple):
        if not item:
            return "[]"
        return "[\n" + "".join(f"  {value(element)},\n" for element in item) + "]"
    raise ValueError(f"TOML has no value for {type(item).__name__}")


def assignment(name: str, item: Value) -> str:
    """One line (more for an array): ``key = value``."""
    return f"{key(name)} = {value(item)}"


def table(pairs: Mapping[str, Value] | Iterable[tuple[str, Value]]) -> list[str]:
    """The lines of a table's key/value pairs, in order."""
    items = pairs.items() if isinstance(pairs, Mapping) else pairs
    return [assignment(name, item) for name, item in items]
