"""This computer's files of each finished month gathered into its month file (months.py),
written once, whole, by this computer alone (the folder is its own), and read back
before it is left: the files it names stay as they are.

A month is gathered once it has been over for a few days (a session going on over
midnight on its last day still comes as its own file before) and once every finished
session of this computer has been written (a first pass over years writes them in several
passes). A file there that cannot be read is not gathered: it stays the only copy of what
it holds, read on its own. A few months a pass, so a first pass over years stays short; a
month that cannot be written now is tried again at the next pass, and never keeps the
other computers' files from being read.
"""

from __future__ import annotations

import contextlib
import os
from datetime import datetime, timedelta
from pathlib import Path

from stretchdesk.history.sync.folder import write_whole
from stretchdesk.history.sync.inbox import read_bytes, read_records
from stretchdesk.history.sync.months import MAX_MONTH_BYTES, MonthRecord, decode_month, encode_month
from stretchdesk.history.sync.names import (
    FileName,
    is_month,
    month_file,
    month_of,
    parse_name,
)
from stretchdesk.history.sync.records import ChangeRecord, Record, Refused
from stretchdesk.history.timefmt import iso_utc

GATHER_AFTER = timedelta(days=3)
MONTHS_PER_PASS = 12


def matches(said: FileName, record: Record) -> bool:
    """The record is what its file's name says: whose, of which session, which kind."""
    kind = "c" if isinstance(record, ChangeRecord) else "s"
    return (said.kind, said.device, said.uid) == (kind, record.stamp.device, record.uid)


class Gatherer:
    """The month files of this computer's own folder, ``<root>/<device>``."""

    def __init__(self, root: Path, device: str, computer: str) -> None:
        self.own = root / device
        self.device = device
        self.computer = computer
        self._done: set[str] = set()  # months with their month file (seen in this run)

    def run(self, now: datetime) -> int:
        """Gather the finished months not gathered yet: the files written."""
        last = month_of(iso_utc(now - GATHER_AFTER))  # the months before it are over
        written = 0
        for month in sorted(_entries(self.own)):
            if month in self._done or not is_month(month) or month >= last:
                continue
            if written >= MONTHS_PER_PASS:
                break
            target = self.own / month / month_file(self.device, month)
            if not target.exists():
                try:
                    written += self._gather(month, target)
                except OSError:  # (a full disk) its files are there: tried at the next pass
                    break
            self._done.add(month)
        return written

    def _gather(self, month: str, target: Path) -> int:
        folder = self.own / month
        names = sorted(
            name
            for name in _entries(folder)
            if (said := parse_name(name)) is not None
            and said.device == self.device
            and said.kind != "m"
        )
        records = read_records([folder / name for name in names])
        gathered: list[tuple[str, Record]] = []
        for name, record in zip(names, records, strict=True):
            said = parse_name(name)
            if said is not None and not isinstance(record, Refused) and matches(said, record):
                gathered.append((name, record))
        if not gathered:
            return 0
        data = encode_month(self.device, self.computer, month, gathered)
        if len(data) > MAX_MONTH_BYTES:
            return 0  # its files stay on their own
        written = write_whole(target, data)
        back = read_bytes(target, MAX_MONTH_BYTES)
        if isinstance(back, Refused) or not isinstance(decode_month(back), MonthRecord):
            with contextlib.suppress(OSError):  # never left behind unreadable
                target.unlink()
            return 0
        return int(written)


def _entries(path: Path) -> list[str]:
    try:
        with os.scandir(path) as entries:
            return [entry.name for entry in entries]
    except OSError:
        return []
