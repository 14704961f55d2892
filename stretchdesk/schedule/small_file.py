"""Reading one of the small files the app keeps between runs (settings.toml, reminders.json):
never a wait, never more than a few kilobytes. No Qt.

A named pipe, a device or a folder where the file should be is a reason in words at once
(opening a pipe for reading would wait for a writer for ever); a file larger than the limit
is read only up to it, and the caller is told.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from stretchdesk.i18n import _


class NotReadable(Exception):
    """The file is there but cannot be read; ``str()`` says why, in words."""


@dataclass(frozen=True)
class SmallFile:
    data: bytes  # at most ``limit`` bytes
    too_large: bool  # there was more than ``limit``


def _kind(mode: int) -> str | None:
    kind = stat.S_IFMT(mode)
    if kind == stat.S_IFREG:
        return None
    if kind == stat.S_IFDIR:
        return _("it is a folder, not a file")
    if kind == stat.S_IFIFO:
        return _("it is a named pipe, not a file")
    if kind in (stat.S_IFCHR, stat.S_IFBLK):
        return _("it is a device, not a file")
    return _("it is not a regular file")


def read_small(path: Path, limit: int) -> SmallFile:
    """At most ``limit`` bytes of a regular file. FileNotFoundError when there is none (a
    dangling link included); NotReadable with the reason for anything else."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise
    except OSError as exc:
        if exc.errno == errno.EISDIR:
            raise NotReadable(_("it is a folder, not a file")) from None
        if exc.errno == errno.ELOOP:
            raise NotReadable(_("it is a loop of symbolic links")) from None
        raise NotReadable(exc.strerror or str(exc)) from None
    try:
        reason = _kind(os.fstat(fd).st_mode)
        if reason is not None:
            raise NotReadable(reason)
        chunks = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, left)
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise NotReadable(exc.strerror or str(exc)) from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    return SmallFile(data[:limit], len(data) > limit)
