"""The computer's time zone with its rules (DST included), for reminders. No Qt.

``datetime.now().astimezone().tzinfo`` is only today's fixed offset: a reminder computed
with it for next week would be an hour off across a DST change. The zone comes from $TZ,
else /etc/localtime (by the name its link points to, else the file itself), else UTC's
offset now as a last resort.
"""

from __future__ import annotations

import os
from datetime import datetime, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

LOCALTIME = Path("/etc/localtime")


def local_zone(environ: dict[str, str] | None = None, localtime: Path = LOCALTIME) -> tzinfo:
    env = os.environ if environ is None else environ
    name = env.get("TZ", "").lstrip(":")
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            pass
    try:
        target = str(localtime.resolve())
        if "zoneinfo/" in target:
            return ZoneInfo(target.split("zoneinfo/", 1)[1])
    except (ZoneInfoNotFoundError, ValueError, OSError):
        pass
    try:
        with localtime.open("rb") as handle:
            return ZoneInfo.from_file(handle, key="localtime")
    except (OSError, ValueError):
        pass
    fixed = datetime.now().astimezone().tzinfo
    assert fixed is not None
    return fixed
