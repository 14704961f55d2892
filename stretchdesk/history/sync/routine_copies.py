"""A second routine kept after an edit of one routine on two computers: its id changed to
its own file's name, its title told apart from the routine beside it when both have the
same title (the person would see two cards alike) and given back as it was when an edit of
it goes back to the computer it came from. Each changed in place, comments and all kept."""

from __future__ import annotations

import re

from stretchdesk import tomlwrite
from stretchdesk.i18n import _
from stretchdesk.routine.errors import RoutineError
from stretchdesk.routine.ids import is_id
from stretchdesk.routine.tomlfile import parse_toml_bytes

_ID_LINE = re.compile(r'(?m)^id[ \t]*=[ \t]*"[^"\n]*"[ \t]*$')
# a title written on one line, as a basic string: the one the file's own title is changed in
_TITLE_LINE = re.compile(r'(?m)^title[ \t]*=[ \t]*"(?:[^"\\\n]|\\.)*"[ \t]*$')


def title_of(data: bytes | None) -> str | None:
    """The routine file's title, if it has one that can be read."""
    if data is None:
        return None
    try:
        title = parse_toml_bytes(data, "routine").get("title")
    except RoutineError:
        return None
    return title if isinstance(title, str) else None


def with_title(data: bytes, title: str) -> bytes:
    """The file with its title changed (comments and all kept), or as it is if its title is
    not written on one line."""
    text = data.decode("utf-8", "replace")
    head, sep, rest = text.partition("\n[")
    line = "title = " + tomlwrite.string(title)
    renamed, count = _TITLE_LINE.subn(lambda _match: line, head, count=1)
    changed = (renamed + sep + rest).encode("utf-8")
    return changed if count == 1 and title_of(changed) == title else data


def told_apart(title: str) -> str:
    """The second routine's title beside a routine of the same title."""
    return _("{title} (from another computer)").format(title=title)


def with_id(data: bytes, routine_id: str) -> bytes | None:
    """The file with its id line changed (comments and all kept); None if it has none."""
    if not is_id(routine_id):
        return None
    text = data.decode("utf-8", "replace")
    head, sep, rest = text.partition("\n[")
    renamed, count = _ID_LINE.subn(f'id = "{routine_id}"', head, count=1)
    return (renamed + sep + rest).encode("utf-8") if count == 1 else None
