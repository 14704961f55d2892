"""The public pages health sentences come from (assets/content/sources.toml).

A content text cites a source by its key in square brackets ("[NHS]", or "[NHS, CSP]"); a
sentence that is the app's own choice says so ("our choice", "own choice"). Every source
has a title, a publisher, an https address and the date it was checked: a source without
them is an error, never a silent gap. ``citation_problems`` is the one rule for a ``source``
text, used by the loaders, ``stretchdesk check`` and the content tests.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from stretchdesk.i18n import ngettext
from stretchdesk.routine.errors import Problem, RoutineError
from stretchdesk.routine.tomlfile import read_toml

OWN = "own"  # a safety line's source when it is the app's own choice
_BRACKETS = re.compile(r"\[([^\[\]]+)\]")
_URL = re.compile(r"https://\S+")
_OWN_WORDS = ("our choice", "own choice")
SOURCE_KEYS = ("key", "short", "title", "publisher", "url", "checked", "holds")


@dataclass(frozen=True)
class Source:
    key: str
    title: str
    publisher: str
    url: str
    checked: dt.date
    holds: str = ""
    short: str = ""  # for the line under a section; the whole name is on the About screen

    @property
    def name(self) -> str:
        return f"{self.publisher}, {self.title}"

    @property
    def short_name(self) -> str:
        return self.short or self.name


Sources = Mapping[str, Source]


def cited_keys(text: str) -> list[str]:
    """The keys a text cites: every comma-separated word inside square brackets."""
    keys: list[str] = []
    for group in _BRACKETS.findall(text):
        keys.extend(key.strip() for key in group.split(",") if key.strip())
    return keys


def split_keys(text: str) -> list[str]:
    """The keys of a safety line's ``source`` ("NHS-BACK, CES")."""
    return [key.strip() for key in text.split(",") if key.strip()]


def says_own_choice(text: str) -> bool:
    lowered = text.lower()
    return any(words in lowered for words in _OWN_WORDS)


def citation_problems(text: str, sources: Sources) -> list[str]:
    """What is wrong with a ``source`` text: an unknown key, or nothing checkable at all."""
    keys = cited_keys(text)
    problems = [
        f"source cites [{key}], which is not a known source (see the About screen)"
        for key in keys
        if key not in sources
    ]
    if not keys and not _URL.search(text) and not says_own_choice(text):
        problems.append(
            "source names no page: cite a known source in square brackets, for example "
            "[NHS], or give the page's address (https://...)"
        )
    return problems


def _source(raw: object, where: str, problems: list[Problem], label: str) -> Source | None:
    if not isinstance(raw, Mapping):
        problems.append(Problem(label, f"{where}: must be a table"))
        return None
    found: list[str] = []
    unknown = sorted(set(raw) - set(SOURCE_KEYS))
    if unknown:
        names = ", ".join(unknown)
        found.append(
            ngettext("unknown key {names}", "unknown keys {names}", len(unknown)).format(
                names=names
            )
        )
    text = {k: raw.get(k) for k in ("key", "title", "publisher", "url")}
    for name, value in text.items():
        if not isinstance(value, str) or not value.strip():
            found.append(f'"{name}" is missing')
    url = text["url"]
    if isinstance(url, str) and url.strip() and not _URL.fullmatch(url.strip()):
        found.append(f'"url" {url!r} must be an https:// address')
    checked = raw.get("checked")
    day: dt.date | None = None
    if isinstance(checked, dt.date) and not isinstance(checked, dt.datetime):
        day = checked
    elif isinstance(checked, str):
        try:
            day = dt.date.fromisoformat(checked)
        except ValueError:
            found.append(f'"checked" {checked!r} must be a date like 2026-12-02')
    else:
        found.append('"checked" (the date the page was read) is missing')
    name = text["key"] if isinstance(text["key"], str) else where
    problems.extend(Problem(label, f"source {name}: {message}") for message in found)
    if found or day is None:
        return None
    holds, short = raw.get("holds", ""), raw.get("short", "")
    return Source(
        short=str(short).strip(),
        key=str(text["key"]).strip(),
        title=str(text["title"]).strip(),
        publisher=str(text["publisher"]).strip(),
        url=str(url).strip(),
        checked=day,
        holds=str(holds),
    )


def load_sources(path: Path) -> dict[str, Source]:
    """Read every source; any problem is a RoutineError listing all of them."""
    label = str(path)
    data = read_toml(path, label)
    raws = data.get("source")
    if not isinstance(raws, list) or not raws:
        raise RoutineError.single(label, "no [[source]] tables")
    problems: list[Problem] = []
    sources: dict[str, Source] = {}
    for number, raw in enumerate(raws, start=1):
        source = _source(raw, f"source {number}", problems, label)
        if source is None:
            continue
        if source.key in sources:
            problems.append(Problem(label, f"source {source.key}: the key is used twice"))
        sources[source.key] = source
    if problems:
        raise RoutineError(problems)
    return sources
