"""Problems found in routine and exercise files, reported all at once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from stretchdesk.i18n import N_, _


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

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        if self.step is not None:
            title = f" ({self.step_title})" if self.step_title else ""
            section = _(self.section)
            where += f": {section} {self.step}{title}"
        return f"{where}: {self.message}"


class RoutineError(Exception):
    """A routine or exercise file cannot be used; ``problems`` says every reason."""

    def __init__(self, problems: list[Problem]) -> None:
        assert problems, "a RoutineError needs at least one problem"
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in problems))

    @classmethod
    def single(cls, file: str | Path, message: str) -> RoutineError:
        return cls([Problem(str(file), message)])
