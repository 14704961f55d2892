"""The safety, pain and advice texts the window shows (assets/content/safety.toml).

Each line of a section names its source: keys of sources.toml (the file beside it), or
``own`` where the sentence is the app's own choice. Loading fails, naming the file and the
section, on a line without a source or with a key that is not in sources.toml, so a health
sentence can never reach the window untraceable.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stretchdesk.i18n import N_, _
from stretchdesk.routine.errors import Problem, RoutineError
from stretchdesk.routine.sources import (
    OWN,
    Source,
    Sources,
    citation_problems,
    cited_keys,
    load_sources,
    says_own_choice,
    split_keys,
)
from stretchdesk.routine.tomlfile import read_toml

SECTIONS = (
    "who",
    "pain_stop",
    "emergency",
    "doctor",
    "time_limits",
    "keep_active",
    "how_often",
    "recovery",
    "pregnancy_signs",
)
TEXTS = ("pain_scale", "rewarm", "avoid", "advice", "health", "reminders", "paper")
OWN_NAME = N_("the app's own choice")


@dataclass(frozen=True)
class Line:
    text: str
    keys: tuple[str, ...]  # source keys; empty when the line is the app's own choice


@dataclass(frozen=True)
class Section:
    title: str
    items: tuple[Line, ...]
    source: str  # the sources of every line, for a person to read
    lead: Line | None = None
    own: bool = False  # a line is the app's own choice

    @property
    def lines(self) -> tuple[str, ...]:
        return tuple(item.text for item in self.items)

    @property
    def keys(self) -> tuple[str, ...]:
        every = [*(self.lead.keys if self.lead else ()), *(k for i in self.items for k in i.keys)]
        return tuple(dict.fromkeys(every))


@dataclass(frozen=True)
class SafetyContent:
    who: Section
    pain_stop: Section
    emergency: Section
    doctor: Section
    time_limits: Section
    keep_active: Section
    how_often: Section
    recovery: Section
    pregnancy_signs: Section  # with the health check's pregnancy answer
    texts: dict[str, dict[str, str]]
    sources: Mapping[str, Source]
    names: Callable[[str], str] = str  # a source's name in the person's language

    def text(self, group: str, name: str, **values: object) -> str:
        return self.texts[group][name].format(**values)

    def sources_of(self, group: str) -> str:
        """A text group's sources for a person to read: their short names, and whether the
        app's own choice is part of it (the file keeps the detail, with its keys)."""
        text = self.texts[group].get("source", "")
        keys = tuple(dict.fromkeys(cited_keys(text)))
        return describe(keys, says_own_choice(text), self.sources, self.names)

    def cited(self) -> set[str]:
        """Every source key this content cites."""
        keys = {k for name in SECTIONS for k in getattr(self, name).keys}
        for texts in self.texts.values():
            keys.update(cited_keys(texts.get("source", "")))
        return keys


def describe(
    keys: tuple[str, ...], own: bool, sources: Sources, say: Callable[[str], str] = str
) -> str:
    names = [say(sources[key].short_name) for key in keys if key in sources]
    if own:
        names.append(_(OWN_NAME))
    return "; ".join(names)


class Reader:
    """Reads the ``{ text, source }`` lines of a content file, collecting every problem."""

    def __init__(self, label: str, sources: Sources) -> None:
        self.label = label
        self.sources = sources
        self.problems: list[Problem] = []

    def problem(self, message: str) -> None:
        self.problems.append(Problem(self.label, message))

    def line(self, raw: object, where: str) -> tuple[Line | None, bool]:
        """One ``{ text, source }`` line; the flag says it is the app's own choice."""
        if not isinstance(raw, Mapping):
            self.problem(f'{where}: must be {{ text = "...", source = "KEY" }}')
            return None, False
        text, source = raw.get("text"), raw.get("source")
        if not isinstance(text, str) or not text.strip():
            self.problem(f"{where}: the text is missing")
            return None, False
        if not isinstance(source, str) or not source.strip():
            self.problem(f'{where}: names no source (a key of sources.toml, or "own")')
            return None, False
        keys = split_keys(source)
        own = OWN in keys
        keys = [key for key in keys if key != OWN]
        for key in keys:
            if key not in self.sources:
                self.problem(f"{where}: source {key!r} is not in sources.toml")
        return Line(text.strip(), tuple(keys)), own

    def section(self, data: Mapping[str, Any], name: str) -> Section | None:
        raw = data.get(name)
        if not isinstance(raw, Mapping):
            self.problem(f"section [{name}] is missing")
            return None
        title, raw_lines = raw.get("title"), raw.get("lines")
        if not isinstance(title, str) or not isinstance(raw_lines, list) or not raw_lines:
            self.problem(f"[{name}] needs a title and a non-empty lines list")
            return None
        own_any = False
        lead = None
        if "lead" in raw:
            lead, own_any = self.line(raw["lead"], f"[{name}] lead")
        items = []
        for number, item in enumerate(raw_lines, start=1):
            line, own = self.line(item, f"[{name}] line {number}")
            own_any = own_any or own
            if line is not None:
                items.append(line)
        section = Section(title, tuple(items), "", lead)
        source = describe(section.keys, own_any, self.sources)
        return Section(title, tuple(items), source, lead, own_any)

    def texts(self, data: Mapping[str, Any], name: str) -> dict[str, str]:
        raw = data.get(name)
        if not isinstance(raw, Mapping) or not all(isinstance(v, str) for v in raw.values()):
            self.problem(f"section [{name}] is missing or not all text")
            return {}
        for message in citation_problems(str(raw.get("source", "")), self.sources):
            self.problem(f"[{name}] {message}")
        return dict(raw)


def sources_path(content_path: Path) -> Path:
    return content_path.parent / "sources.toml"


def load_content(path: Path, sources: Sources | None = None) -> SafetyContent:
    """Read the texts; any problem is a RoutineError naming the file and the section.

    The sources are read from sources.toml beside the file unless given."""
    if sources is None:
        sources = load_sources(sources_path(path))
    reader = Reader(str(path), sources)
    data = read_toml(path, str(path))
    sections = {name: reader.section(data, name) for name in SECTIONS}
    texts = {name: reader.texts(data, name) for name in TEXTS}
    if reader.problems:
        raise RoutineError(reader.problems)
    found: dict[str, Any] = {n: section for n, section in sections.items() if section is not None}
    return SafetyContent(texts=texts, sources=sources, **found)
