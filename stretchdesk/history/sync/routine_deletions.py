"""A routine deleted on one computer, as the others learn it: a version of its own, a
one-line file naming the version deleted and a mark that makes each deletion its own (a
routine put back and deleted again is deleted again); where it is taken, the routine goes
to the routines folder's ``deleted/`` folder, so it can be put back. No Qt."""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

_DELETION = re.compile(rb"# deleted: [0-9a-f]{16} [0-9a-f]{16}\n")


def deletion(parent: str, mark: str) -> bytes:
    """The file that says a routine was deleted after its version ``parent``; ``mark``
    makes each deletion its own (a routine put back and deleted again is deleted again)."""
    return f"# deleted: {parent} {mark}\n".encode()


_DELETION_SIZE = len("# deleted: 0123456789abcdef 0123456789abcdef\n")


def is_deletion(data: bytes, parent: str) -> bool:
    return _DELETION.fullmatch(data) is not None and data[11:27] == parent.encode()


def file_is_deletion(path: Path, parent: str) -> bool:
    with contextlib.suppress(OSError):
        if path.stat().st_size == _DELETION_SIZE:
            return is_deletion(path.read_bytes(), parent)
    return False
