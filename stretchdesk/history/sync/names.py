"""Names in the sync folder: what each computer writes, the temporary names it writes
through, and the conflict copies a sync engine may make of a file.

Layout: ``<folder>/stretchdesk-history/<device>/<YYYY-MM>/<file>``, where ``<file>`` is
``s.<device>.<session uid>.json`` for a finished session and
``c.<device>.<session uid>.<time>-<random>.json`` for a later change to one, and
``m.<device>.<YYYY-MM>.json`` for a finished month's files gathered (months.py). A computer writes
only under its own device id, and never writes a file twice with other contents, so two
computers never write the same file.

A file is written whole under a temporary name, then renamed. The temporary name is
``~syncthing~<file>.part``, skipped by both engines while it is being written:

- Syncthing treats a name starting with ``~syncthing~`` (or ``.syncthing.``) as its own
  temporary file on every system and never syncs it (lib/fs/tempname.go, ``IsTemporary``:
  "the standard Windows and Unix temp prefixes are always recognized as temp files").
- The Nextcloud desktop client's default exclude list (sync-exclude.lst) has ``*.part``
  (with ``*.filepart``, ``*~`` and ``.~lock.*``), so it does not upload it either.

Conflict copies: Syncthing names them ``<name>.sync-conflict-<date>-<time>-<device>.<ext>``;
Nextcloud ``<name> (conflicted copy <date> <time>).<ext>`` (newer clients put the user's
name in the brackets too), ownCloud ``<name>_conflict-<date>-<time>.<ext>``, Dropbox
``<name> (<computer>'s conflicted copy <date>).<ext>``. They are read like the file they
are a copy of: a session and a change say which ones they are inside, so reading a copy
too changes nothing.
"""

from __future__ import annotations

import functools
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

ROOT = "stretchdesk-history"
TEMP_PREFIX = "~syncthing~"
TEMP_SUFFIX = ".part"

_HEX32 = r"[0-9a-f]{32}"
_CONFLICT = (
    r"(?:\.sync-conflict-[0-9A-Za-z-]{1,80}"
    r"| \([^()/]{0,120}conflicted copy[^()/]{0,120}\)"
    r"|_conflict-[0-9A-Za-z-]{1,80})"
)
_NAME = re.compile(
    rf"^(?P<kind>[sc])\.(?P<device>{_HEX32})\.(?P<uid>{_HEX32})"
    rf"(?:\.(?P<stamp>[0-9]{{8}}T[0-9]{{9}}Z-[0-9a-f]{{8}}))?"
    rf"(?P<conflict>{_CONFLICT})?\.json$"
)
_MONTH_NAME = re.compile(
    rf"^m\.(?P<device>{_HEX32})\.(?P<month>[0-9]{{4}}-[0-9]{{2}})(?P<conflict>{_CONFLICT})?\.json$"
)
_UID = re.compile(rf"^{_HEX32}$")
_MONTH = re.compile(r"^[0-9]{4}-[0-9]{2}$")


def is_uid(text: object) -> bool:
    """A session's unique id or a device id: 32 lower-case hexadecimal digits."""
    return isinstance(text, str) and _UID.match(text) is not None


def is_month(text: str) -> bool:
    return _MONTH.match(text) is not None


@dataclass(frozen=True)
class FileName:
    """What a file's name says: a session ("s"), a change ("c") or a month file ("m"),
    whose, of which session (a month file: of which month, ``YYYY-MM``)."""

    kind: str
    device: str
    uid: str
    conflict_copy: bool


def _plain(device: str) -> str:
    """A session's or a change's file of ``device`` as it writes them (no conflict copy)."""
    return (
        rf"(?:s\.{device}\.{_HEX32}\.json"
        rf"|c\.{device}\.{_HEX32}\.[0-9]{{8}}T[0-9]{{9}}Z-[0-9a-f]{{8}}\.json)"
    )


@functools.lru_cache(maxsize=16)
def _plain_name(device: str) -> re.Pattern[str]:
    return re.compile(_plain(device))


@functools.lru_cache(maxsize=16)
def _plain_names(device: str) -> re.Pattern[str]:
    return re.compile(rf"(?:{_plain(device)}\n)*")  # each followed by a newline


def is_plain(device: str, name: str) -> bool:
    """Whether the name is a session's or a change's file of ``device`` as it writes them
    (what ``parse_name`` says of it, in one match)."""
    return _plain_name(device).fullmatch(name) is not None


def all_plain(device: str, names: list[object]) -> bool:
    """Whether every name is a session's or a change's file of ``device`` (a device id) as
    it writes them, no conflict copy: the names checked in one go."""
    if not set(map(type, names)) <= {str}:
        return False
    text = "\n".join(names) + "\n"  # type: ignore[arg-type]
    return text.count("\n") == len(names) and _plain_names(device).fullmatch(text) is not None


def parse_name(name: str) -> FileName | None:
    """The file's meaning, or None for a name that is not one of ours (a temporary file, a
    note the person left there, an engine's own file)."""
    if name.startswith((TEMP_PREFIX, ".syncthing.")) or name.endswith(TEMP_SUFFIX):
        return None
    found = _NAME.match(name)
    if found is None:
        month = _MONTH_NAME.match(name)
        if month is None:
            return None
        return FileName("m", month["device"], month["month"], month["conflict"] is not None)
    kind = found["kind"]
    if (kind == "c") != (found["stamp"] is not None):
        return None
    return FileName(kind, found["device"], found["uid"], found["conflict"] is not None)


def month_of(stamp: str) -> str:
    """The folder of a file recorded at ``stamp`` (ISO-8601 UTC text): ``YYYY-MM``."""
    return stamp[:7]


def session_file(device: str, uid: str) -> str:
    return f"s.{device}.{uid}.json"


def change_file(device: str, uid: str, at: datetime) -> str:
    moment = at.astimezone(UTC)
    stamp = moment.strftime("%Y%m%dT%H%M%S") + f"{moment.microsecond // 1000:03d}Z"
    return f"c.{device}.{uid}.{stamp}-{secrets.token_hex(4)}.json"


def month_file(device: str, month: str) -> str:
    return f"m.{device}.{month}.json"


def temp_name(name: str) -> str:
    return f"{TEMP_PREFIX}{name}{TEMP_SUFFIX}"
