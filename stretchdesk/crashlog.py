"""crash.log: where the details of an unexpected error go, so the person sees one sentence
and a developer still gets the traceback. No Qt."""

from __future__ import annotations

import os
import stat
import traceback
from pathlib import Path


def write_crash_log(log: Path, error: BaseException, context: str = "") -> Path | None:
    """Append ``error`` with its traceback to ``log``; the path, or None if it cannot."""
    from stretchdesk.history.timefmt import utc_now  # noqa: PLC0415 - rarely needed

    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        # readable by its owner only, like the history it may speak of
        # O_NONBLOCK: a pipe put in its place is refused at once, never waited on
        fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NONBLOCK, 0o600)
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            return None
        with open(fd, "a", encoding="utf-8") as handle:  # noqa: PTH123 - a descriptor
            stamp = utc_now().strftime("%Y-%m-%dT%H:%M:%SZ")
            handle.write(f"--- {stamp}{': ' + context if context else ''}\n")
            traceback.print_exception(type(error), error, error.__traceback__, file=handle)
    except OSError:
        return None
    return log
