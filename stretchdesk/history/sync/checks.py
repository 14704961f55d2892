"""The checks a value read from another computer's file must pass, each in two forms that
agree: on one value, and on a whole column of values at once (a few calls into C per
column instead of several Python calls per value; what reading thousands of files needs).

A file's values come from ``json.loads`` with ``parse_constant=not_a_number``, so they are
exactly ``str``, ``int``, ``float`` (never NaN), ``bool``, ``None``, ``list`` or ``dict``:
comparing types by identity is the same as ``isinstance`` here, and ``bool`` is not
``int``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_TIME_TEXT = r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z"
_TIME = re.compile(_TIME_TEXT)
_TIMES = re.compile(rf"(?:{_TIME_TEXT})*")  # times of 24 characters each, joined
_TIME_LENGTH = 24
_STR = frozenset((str,))
_INT = frozenset((int,))
_NUMBER = frozenset((int, float))


class NotANumber:
    """What ``NaN`` and ``Infinity`` read as: a value no check lets through."""


def not_a_number(_text: str) -> NotANumber:
    return NotANumber()


class Check:
    """One kind of value; ``None`` is refused unless wrapped in ``Maybe``."""

    def __call__(self, value: object) -> bool:
        return self.column((value,))

    def column(self, values: Sequence[object]) -> bool:
        raise NotImplementedError


class Text(Check):
    def __init__(self, limit: int, *, empty: bool = True) -> None:
        self.limit, self.empty = limit, empty

    def __call__(self, value: object) -> bool:
        return type(value) is str and len(value) <= self.limit and (self.empty or bool(value))

    def column(self, values: Sequence[object]) -> bool:
        if not values:
            return True
        if not set(map(type, values)) <= _STR:
            return False
        lengths = list(map(len, values))  # type: ignore[arg-type]
        return max(lengths) <= self.limit and (self.empty or min(lengths) > 0)


class Whole(Check):
    def __init__(self, low: int, high: int) -> None:
        self.low, self.high = low, high

    def __call__(self, value: object) -> bool:
        return type(value) is int and self.low <= value <= self.high

    def column(self, values: Sequence[object]) -> bool:
        if not values:
            return True
        if not set(map(type, values)) <= _INT:
            return False
        return self.low <= min(values) and max(values) <= self.high  # type: ignore[type-var,operator]


class Number(Check):
    """A count of seconds: 0 <= n < 1e9, whole or not."""

    def __call__(self, value: object) -> bool:
        return type(value) in _NUMBER and 0 <= value < 1e9  # type: ignore[operator]

    def column(self, values: Sequence[object]) -> bool:
        if not values:
            return True
        if not set(map(type, values)) <= _NUMBER:
            return False
        return min(values) >= 0 and max(values) < 1e9  # type: ignore[type-var,operator]


class Time(Check):
    """A time in the history's one format, ``YYYY-MM-DDTHH:MM:SS.mmmZ``."""

    def __call__(self, value: object) -> bool:
        return type(value) is str and _TIME.fullmatch(value) is not None

    def column(self, values: Sequence[object]) -> bool:
        if not values:
            return True
        if not set(map(type, values)) <= _STR:
            return False
        if set(map(len, values)) != {_TIME_LENGTH}:  # type: ignore[arg-type]
            return False
        # each piece is 24 characters, as each time the pattern matches: all match or none
        return _TIMES.fullmatch("".join(values)) is not None  # type: ignore[arg-type]


class Among(Check):
    def __init__(self, words: frozenset[str]) -> None:
        self.words = words

    def __call__(self, value: object) -> bool:
        return type(value) is str and value in self.words

    def column(self, values: Sequence[object]) -> bool:
        if not set(map(type, values)) <= _STR:
            return False
        return set(values) <= self.words


class Maybe(Check):
    """The check, or ``None``."""

    def __init__(self, check: Check) -> None:
        self.check = check

    def __call__(self, value: object) -> bool:
        return value is None or self.check(value)

    def column(self, values: Sequence[object]) -> bool:
        return self.check.column([v for v in values if v is not None])
