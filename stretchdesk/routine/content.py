"""The safety, pain and source texts the window shows (assets/content/safety.toml)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stretchdesk.routine.errors import RoutineError
from stretchdesk.routine.tomlfile import read_toml

SECTIONS = ("who", "emergency", "doctor", "recovery")
TEXTS = ("pain_scale", "rewarm", "avoid")


@dataclass(frozen=True)
class Section:
    title: str
    lines: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class Source:
    key: str
    name: str


@dataclass(frozen=True)
class SafetyContent:
    who: Section
    emergency: Section
    doctor: Section
    recovery: Section
    texts: dict[str, dict[str, str]]
    sources: tuple[Source, ...]

    def text(self, group: str, name: str, **values: object) -> str:
        return self.texts[group][name].format(**values)


def _section(data: dict[str, Any], name: str, label: str) -> Section:
    raw = data.get(name)
    if not isinstance(raw, dict):
        raise RoutineError.single(label, f"section [{name}] is missing")
    title, lines, source = raw.get("title"), raw.get("lines"), raw.get("source", "")
    if not isinstance(title, str) or not isinstance(lines, list) or not lines:
        raise RoutineError.single(label, f"[{name}] needs a title and a non-empty lines list")
    if not all(isinstance(line, str) and line.strip() for line in lines):
        raise RoutineError.single(label, f"[{name}] lines must be non-empty text")
    return Section(title, tuple(lines), str(source))


def _texts(data: dict[str, Any], name: str, label: str) -> dict[str, str]:
    raw = data.get(name)
    if not isinstance(raw, dict) or not all(isinstance(v, str) for v in raw.values()):
        raise RoutineError.single(label, f"section [{name}] is missing or not all text")
    return dict(raw)


def load_content(path: Path) -> SafetyContent:
    """Read the texts; any problem is a RoutineError naming the file and the section."""
    label = str(path)
    data = read_toml(path, label)
    sections = {name: _section(data, name, label) for name in SECTIONS}
    texts = {name: _texts(data, name, label) for name in TEXTS}
    sources = []
    for raw in data.get("sources", []):
        if isinstance(raw, dict) and isinstance(raw.get("key"), str):
            sources.append(Source(raw["key"], str(raw.get("name", raw["key"]))))
    return SafetyContent(texts=texts, sources=tuple(sources), **sections)
