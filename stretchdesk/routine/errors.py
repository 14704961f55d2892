"""Problems found in routine and exercise files, reported all at once, but never more than
a person can read: the first ``MAX_PROBLEMS`` and one line saying how many more."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from stretchdesk.i18n import N_, _, ngettext

MAX_PROBLEMS = 20  # problems shown for one error; the rest are counted in one line
WINDOW_PROBLEMS = 8  # problems a box or a card in the window lists (each may wrap)
MAX_QUOTED = 60  # characters of a file's own text quoted in a problem


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file, as one line a person can act on."""

    file: str
    message: str
    step: int | None = None  # 1-based step number
    step_title: str | None = None
    line: int | None = None
    column: int | None = None
    section: str = N_("step")  # or N_("re-warm step"), translated when shown
    more: int = 0  # not a problem itself: it stands for this many problems not shown

    def __str__(self) -> str:
        if self.more:
            hidden = ngettext(
                "… and {n} more problem", "… and {n} more problems", self.more
            ).format(n=self.more)
            return f"{self.file}: {hidden}" if self.file else hidden
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        if self.step is not None:
            title = f" ({shorten(self.step_title)})" if self.step_title else ""
            section = _(self.section)
            where += f": {section} {self.step}{title}"
        return f"{where}: {self.message}"


def shorten(text: str, most: int = MAX_QUOTED) -> str:
    """A file's own text, cut to ``most`` characters with an ellipsis, for quoting it in a
    problem (a title, a value, a key of any length)."""
    return text if len(text) <= most else text[: most - 1] + "…"


def quoted(value: object, most: int = MAX_QUOTED) -> str:
    """``repr(value)`` of a file's value, cut to ``most`` characters; the value is cut before
    ``repr`` so a huge one never costs more than its first characters."""
    if isinstance(value, str) and len(value) > most:
        return repr(value[:most]) + "…"
    if isinstance(value, list | tuple):
        return "[…]" if value else "[]"
    if isinstance(value, dict):
        return "{…}" if value else "{}"
    return shorten(repr(value), most)


def capped(problems: Iterable[Problem], most: int = MAX_PROBLEMS) -> tuple[Problem, ...]:
    """The first ``most`` problems, and one line standing for the rest (their count; the
    file's name when they are all in one file). Capping capped problems keeps the count."""
    shown: list[Problem] = []
    hidden = 0
    files: set[str] = set()
    for problem in problems:
        if problem.more:
            hidden += problem.more
            files.add(problem.file)
        elif len(shown) < most:
            shown.append(problem)
        else:
            hidden += 1
            files.add(problem.file)
    if hidden:
        shown.append(Problem(files.pop() if len(files) == 1 else "", "", more=hidden))
    return tuple(shown)


def problem_count(problems: Iterable[Problem]) -> int:
    """How many problems there are, those counted in a "… and N more" line too."""
    return sum(problem.more or 1 for problem in problems)


def problem_lines(
    problems: Iterable[Problem], file: str | Path | None = None, most: int = MAX_PROBLEMS
) -> list[str]:
    """Problems as lines to show: at most ``most`` and one counting the rest; without the
    name of ``file`` where it is shown already, and starting with a capital."""
    lines = []
    for problem in capped(problems, most):
        text = str(problem)
        if file is not None and text.startswith(f"{file}:"):
            text = text[len(f"{file}:") :].strip()
        lines.append(text[:1].upper() + text[1:])
    return lines


class RoutineError(Exception):
    """A routine or exercise file cannot be used; ``problems`` says every reason (at most
    ``MAX_PROBLEMS`` of them, and a line counting the rest)."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = capped(problems)
        assert self.problems, "a RoutineError needs at least one problem"
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def single(cls, file: str | Path, message: str) -> RoutineError:
        return cls([Problem(str(file), message)])
