"""Writing the settings: every value checked first, written with the one TOML writer
(stretchdesk/tomlwrite.py) through a temporary file that replaces the old one, so a full
disk never leaves half a settings file. The one-time flags go to the state file. No Qt."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from stretchdesk import tomlwrite
from stretchdesk.atomic import atomic_text
from stretchdesk.settings.declared import FLAGS, SETTINGS, Preferences, check, said
from stretchdesk.settings.flags import save_flags


class NotSaved(OSError):
    """A file could not be written: ``folder`` is where it should have gone."""

    def __init__(self, folder: Path, exc: OSError) -> None:
        super().__init__(exc.errno, exc.strerror or str(exc))
        self.folder = folder


def checked(prefs: Preferences) -> tuple[dict[str, Any], list[str]]:
    """Every value as it is written (times and dates the usual way), and every value that
    does not fit its setting, in words (none for settings the app made)."""
    values: dict[str, Any] = {}
    problems = []
    for name, value in asdict(prefs).items():
        try:
            values[name] = check(name, value)
        except ValueError as exc:
            problems.append(said(f"{name} {exc}"))
    return values, problems


def dumps(prefs: Preferences, names: Iterable[str] | None = None) -> str:
    """A settings file's text with every value (or only ``names``); ValueError names every
    value that does not fit."""
    values, problems = checked(prefs)
    if problems:
        raise ValueError("; ".join(problems))
    if names is not None:
        values = {name: values[name] for name in names}
    lines = ["# stretchdesk settings; edited by the app's Settings screen", ""]
    lines += tomlwrite.table(values)
    return "\n".join(lines) + "\n"


def save_prefs(path: Path, prefs: Preferences, state: Path | None = None) -> None:
    """Write the settings to ``path`` and the one-time flags to ``state``, each atomically;
    without ``state`` (a file made for a test, a demo or another computer) the flags go in
    the settings file, as earlier versions kept them, where they are read too. The flags
    also stay there when the state file cannot be written. Raises NotSaved (an OSError
    with strerror, naming the folder it could not write in) when it cannot, and ValueError
    (before writing anything) for a value that does not fit."""
    everything = dumps(prefs)  # every value checked before anything is written
    if state is None:
        _write(path, everything)
        return
    try:
        save_flags(state, {name: getattr(prefs, name) for name in FLAGS})
    except OSError as exc:
        _write(path, everything)
        raise NotSaved(state.parent, exc) from exc
    _write(path, dumps(prefs, SETTINGS))


def _write(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_text(path) as out:
            out.write(text)
    except OSError as exc:
        raise NotSaved(path.parent, exc) from exc
