"""Copying the pictures of a routine file someone sent: only what would be shown.

A routine's picture folder may be any folder beside its file (the Downloads folder, a whole
home folder), hold links to private files or to a device that never ends, or hold a
thousand pictures. Only regular picture files of the folder itself are copied (no
sub-folder, no link: every folder and file is opened without following links, relative to
the one above, so nothing can be swapped for a link on the way), each within the picture
check's limits and checked as a picture once copied, with limits on how many and how much
in all. A file that is not a picture is left out and named; going over a limit stops the
add with a sentence saying which.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from stretchdesk.i18n import _, ngettext
from stretchdesk.illustration.imagecheck import ImageProblem, check_image
from stretchdesk.routine.mine import AddProblem
from stretchdesk.routine.picture_files import MAX_FILE_BYTES, USER_SUFFIXES

MAX_PICTURES = 400  # copied for one routine, in all its folders
MAX_NAMES = 2000  # names looked at in one folder: more, and it is not a folder of pictures
MAX_TOTAL_BYTES = 256 * 1024 * 1024
CHUNK = 1024 * 1024
_FOLDER = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)
_FILE = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)


@dataclass
class _Copying:
    stopped: Callable[[], bool]
    files: int = 0
    size: int = 0
    left_out: list[str] = field(default_factory=list)


def copy_pictures(
    base: Path,
    folders: tuple[PurePosixPath, ...],
    into: Path,
    stopped: Callable[[], bool] = lambda: False,
) -> tuple[str, ...]:
    """Copy the pictures of each of ``folders`` (below ``base``) to the same place below
    ``into``; the files left out, by name. Raises AddProblem (a sentence) over a limit or
    when ``stopped()``, OSError when something cannot be read or written (a full disk)."""
    copying = _Copying(stopped)
    base_fd = os.open(base, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        for folder in folders:
            target = into.joinpath(*folder.parts)
            target.mkdir(parents=True, exist_ok=True)
            fd = _open_folder(base_fd, folder)
            try:
                _copy_folder(fd, folder, target, copying)
            finally:
                os.close(fd)
    finally:
        os.close(base_fd)
    return tuple(copying.left_out)


def _open_folder(base_fd: int, folder: PurePosixPath) -> int:
    """The folder, one part at a time, never through a link."""
    fd = os.dup(base_fd)
    for part in folder.parts:
        try:
            inner = os.open(part, _FOLDER, dir_fd=fd)
        except OSError as exc:
            os.close(fd)
            raise AddProblem(
                _("Its picture folder {folder} cannot be opened ({reason}).").format(
                    folder=folder.as_posix(), reason=exc.strerror or exc
                )
            ) from None
        os.close(fd)
        fd = inner
    return fd


def _copy_folder(fd: int, folder: PurePosixPath, target: Path, copying: _Copying) -> None:
    with os.scandir(fd) as entries:
        for count, entry in enumerate(entries, start=1):
            if copying.stopped():
                raise AddProblem(_("Adding was stopped."))
            if count > MAX_NAMES:
                raise AddProblem(
                    ngettext(
                        "Its picture folder {folder} holds more than {count} file: it is "
                        "not a folder of pictures.",
                        "Its picture folder {folder} holds more than {count} files: it is "
                        "not a folder of pictures.",
                        MAX_NAMES,
                    ).format(folder=folder.as_posix(), count=MAX_NAMES)
                )
            if entry.is_dir(follow_symlinks=False):
                continue  # a picture folder's sub-folders are never shown
            picture = Path(entry.name).suffix.lower() in USER_SUFFIXES
            if not picture or not _copy_one(fd, entry.name, target / entry.name, copying):
                copying.left_out.append((folder / entry.name).as_posix())


def _copy_one(folder_fd: int, name: str, target: Path, budget: _Copying) -> bool:
    """Copy one regular file that passes the picture check; False if it was left out."""
    try:
        source = os.open(name, _FILE, dir_fd=folder_fd)
    except OSError:
        return False  # a link (refused by O_NOFOLLOW), or gone
    with os.fdopen(source, "rb") as reading:
        info = os.fstat(source)
        if not stat.S_ISREG(info.st_mode) or not 0 < info.st_size <= MAX_FILE_BYTES:
            return False
        if budget.files + 1 > MAX_PICTURES:
            raise AddProblem(
                ngettext(
                    "It has more than {count} picture; no more are copied.",
                    "It has more than {count} pictures; no more are copied.",
                    MAX_PICTURES,
                ).format(count=MAX_PICTURES)
            )
        if budget.size + info.st_size > MAX_TOTAL_BYTES:
            raise AddProblem(
                _("Its pictures take more than {size} MiB.").format(
                    size=MAX_TOTAL_BYTES // 1024 // 1024
                )
            )
        if not _copy_at_most(reading, target, info.st_size):
            return False
    try:
        check_image(target)
    except ImageProblem:
        target.unlink()
        return False
    budget.files += 1
    budget.size += info.st_size
    return True


def _copy_at_most(reading: BinaryIO, target: Path, size: int) -> bool:
    """Copy ``size`` bytes; False (nothing kept) if the file is longer than it said."""
    written = 0
    with target.open("xb") as out:
        while written <= size:
            chunk = reading.read(min(CHUNK, size + 1 - written))
            if not chunk:
                break
            out.write(chunk)
            written += len(chunk)
    if written != size:  # it grew (or shrank) while it was read
        with contextlib.suppress(OSError):
            target.unlink()
        return False
    return True
