"""The numbers to call for where the person is (assets/content/services.toml). No Qt.

Two of the red-flag texts depend on the country rather than the language: the emergency
heading and lead ("call 999" in the UK, "15 or 112" in France, "144" in Switzerland) and the
lead of "see a doctor soon" (111 in the UK, 116 117 in Germany, 1733 in Belgium). The table
holds them per country, each line with its sources, and per language for when the country
is not known (then they name the numbers by region). ``pick`` is the one rule:

1. the desktop's territory (routine/territory.py) when the table has it, whatever the
   language: the emergency number is never wrong for the country the desktop says it is in;
2. otherwise the language's regional words (``[language.<code>]``);
3. otherwise the words of safety.toml itself (English, every region named).

The lines are English, picked before the content is translated (``local_content``), so a
translation file translates them like any other sentence.

Loading checks, per country, that the emergency heading and lead name exactly its emergency
numbers and the doctor lead its urgent ones: a number cannot be left out or slip in.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from stretchdesk.routine.content import (
    Line,
    Reader,
    SafetyContent,
    Section,
    describe,
    load_content,
)
from stretchdesk.routine.errors import RoutineError
from stretchdesk.routine.sources import Sources
from stretchdesk.routine.tomlfile import read_toml

_CODE = re.compile(r"^[A-Z]{2}$")
_DIGITS = re.compile(r"\d+")


def digit_groups(text: str) -> list[str]:
    """The numbers a text names, as groups of digits ("116 117" is "116", "117")."""
    return _DIGITS.findall(text)


@dataclass(frozen=True)
class Local:
    """The words for one country, or for a language's region."""

    lead: Line
    doctor: Line
    title: str = ""  # "" keeps safety.toml's heading (it names no number)
    emergency: tuple[str, ...] = ()
    urgent: tuple[str, ...] = ()


@dataclass(frozen=True)
class ServiceTable:
    territories: Mapping[str, Local]
    languages: Mapping[str, Local]

    def pick(self, language: str, territory: str) -> Local | None:
        """The words for this place; None keeps safety.toml's own."""
        found = self.territories.get(territory.upper())
        if found is not None:
            return found
        return self.languages.get(language)

    def sentences(self) -> set[str]:
        """Every English sentence of the table (a translation translates each)."""
        found: set[str] = set()
        for local in (*self.territories.values(), *self.languages.values()):
            found.update((local.lead.text, local.doctor.text))
            if local.title:
                found.add(local.title)
        return found

    def keys(self) -> set[str]:
        """Every source key the table cites."""
        return {
            key
            for local in (*self.territories.values(), *self.languages.values())
            for key in (*local.lead.keys, *local.doctor.keys)
        }


def services_path(content_path: Path) -> Path:
    return content_path.parent / "services.toml"


def _numbers(raw: object, where: str, reader: Reader) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(n, str) and n.strip() for n in raw):
        reader.problem(f'{where}: must be a list of numbers, for example ["112"]')
        return ()
    return tuple(n.strip() for n in raw)


def _check_numbers(local: Local, where: str, reader: Reader) -> None:
    named = sorted(set(digit_groups(f"{local.title} {local.lead.text}")))
    wanted = sorted({g for number in local.emergency for g in digit_groups(number)})
    if named != wanted:
        reader.problem(
            f"{where}: the emergency title and lead name {', '.join(named) or 'no number'}, "
            f"but the emergency numbers are {', '.join(wanted) or 'none'}"
        )
    for number in local.urgent:
        if number not in local.doctor.text:
            reader.problem(f"{where}: the doctor lead does not name {number}")


def _local(raw: object, where: str, reader: Reader, *, territory: bool) -> Local | None:
    if not isinstance(raw, Mapping):
        reader.problem(f"{where}: must be a table")
        return None
    lead, _own = reader.line(raw.get("lead"), f"{where} lead")
    doctor, _own = reader.line(raw.get("doctor"), f"{where} doctor")
    if lead is None or doctor is None:
        return None
    if not territory:
        return Local(lead, doctor)
    title = raw.get("title")
    if not isinstance(title, str) or not title.strip():
        reader.problem(f"{where}: the title is missing")
        return None
    local = Local(
        lead,
        doctor,
        title.strip(),
        _numbers(raw.get("emergency"), f"{where} emergency", reader),
        _numbers(raw.get("urgent", []), f"{where} urgent", reader),
    )
    if not local.emergency:
        reader.problem(f"{where}: names no emergency number")
    _check_numbers(local, where, reader)
    return local


def _codes(raw: object, where: str, reader: Reader) -> list[str]:
    if not isinstance(raw, list) or not raw:
        reader.problem(f'{where}: "codes" must list country codes, for example ["GB"]')
        return []
    codes = [c for c in raw if isinstance(c, str) and _CODE.match(c)]
    if len(codes) != len(raw):
        reader.problem(f"{where}: a country code is two capital letters, for example GB")
    return codes


def load_services(path: Path, sources: Sources) -> ServiceTable:
    """Read the table; any problem is a RoutineError naming the file and the entry."""
    reader = Reader(str(path), sources)
    data: Mapping[str, Any] = read_toml(path, str(path))
    territories: dict[str, Local] = {}
    raws = data.get("territory")
    if not isinstance(raws, list) or not raws:
        reader.problem("no [[territory]] tables")
        raws = []
    for number, raw in enumerate(raws, start=1):
        where = f"[[territory]] {number}"
        codes = _codes(raw.get("codes") if isinstance(raw, Mapping) else None, where, reader)
        local = _local(raw, where, reader, territory=True)
        for code in codes:
            if code in territories:
                reader.problem(f"{where}: {code} is listed twice")
            if local is not None:
                territories[code] = local
    languages: dict[str, Local] = {}
    raw_languages = data.get("language", {})
    if not isinstance(raw_languages, Mapping):
        reader.problem("[language] must hold one table per language")
        raw_languages = {}
    for code, raw in raw_languages.items():
        local = _local(raw, f"[language.{code}]", reader, territory=False)
        if local is not None:
            languages[str(code)] = local
    if reader.problems:
        raise RoutineError(reader.problems)
    return ServiceTable(territories, languages)


def _with_lead(section: Section, lead: Line, title: str, content: SafetyContent) -> Section:
    made = replace(section, lead=lead, title=title or section.title, source="")
    return replace(made, source=describe(made.keys, made.own, content.sources))


def placed(
    content: SafetyContent, table: ServiceTable, language: str, territory: str
) -> SafetyContent:
    """The content with the emergency and "see a doctor soon" words for this place (English:
    translate after, with ``content_in``)."""
    local = table.pick(language, territory)
    if local is None:
        return content
    emergency = _with_lead(content.emergency, local.lead, local.title, content)
    doctor = _with_lead(content.doctor, local.doctor, "", content)
    return replace(content, emergency=emergency, doctor=doctor)


def local_content(
    path: Path, sources: Sources | None, language: str, territory: str
) -> SafetyContent:
    """The safety texts of ``path`` (safety.toml, with services.toml beside it) with the
    numbers to call where the person is: the one call for the window and the printed
    sheet. ``territory`` is ``routine.territory.desktop_territory()``; "" when unknown."""
    content = load_content(path, sources)
    table = load_services(services_path(path), content.sources)
    return placed(content, table, language, territory)
