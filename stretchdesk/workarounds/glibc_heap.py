"""Keep the C heap from holding on to memory it no longer uses (glibc only; elsewhere
these do nothing).

WORKAROUND (glibc malloc's dynamic mmap threshold)
Why: see below; without it a session holds about 10 MB it no longer uses
(bench/ measures the resident memory).
Re-check: when the drawings stop being decoded at full size first, or when the memory
benchmark no longer changes with ``return_big_blocks`` switched off.

Each step decodes its drawings at full size (about 5 MB a frame) before scaling them
down. glibc raises its "give big blocks their own mapping" threshold after the first
such block is freed, so later ones come from the heap and stay resident after they are
freed: about 10 MB for nothing during a session. A fixed threshold returns them to the
system at once.
"""

from __future__ import annotations

import ctypes
import sys

M_MMAP_THRESHOLD = -3  # mallopt parameter numbers from glibc's malloc.h
MMAP_THRESHOLD_BYTES = 256 * 1024


def _libc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None)
    except OSError:
        return None


def return_big_blocks() -> bool:
    """Blocks of 256 KiB and more get their own mapping, returned to the system when freed."""
    libc = _libc()
    try:
        return libc is not None and bool(libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES))
    except AttributeError:  # not glibc (e.g. musl)
        return False


def trim() -> None:
    """Give the free pages at the heap's end back to the system."""
    libc = _libc()
    try:
        if libc is not None:
            libc.malloc_trim(0)
    except AttributeError:
        pass
