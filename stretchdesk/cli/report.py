"""``stretchdesk report [--from DATE] [--to DATE] [--output FILE.pdf] [--paper a4|letter]``:
the history's report for a physiotherapist as a PDF. The history is opened read-only; Qt
(its PDF writer) is loaded only here, headless."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

from stretchdesk import paths
from stretchdesk.cli.common import EXIT_PROBLEMS, readonly_history, stderr_line
from stretchdesk.cli.pdf_writing import write_and_tell
from stretchdesk.documents.report import Report, build_report
from stretchdesk.history import HistoryError
from stretchdesk.history.report_data import read_report
from stretchdesk.history.schema import empty_history
from stretchdesk.history.timefmt import parse_utc, utc_now
from stretchdesk.i18n import _, ngettext
from stretchdesk.schedule.zone import local_zone


def parse_day(text: str | None, name: str) -> date | None:
    """A day as YYYY-MM-DD; ValueError with a sentence for anything else."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(
            _("{option} {text!r} is not a date like 2026-11-02").format(option=name, text=text)
        ) from None


def default_range(first: date | None, today: date) -> tuple[date, date]:
    """Every day from the first session (or the last 12 weeks with no history) to today."""
    return (first or today - timedelta(weeks=12)), today


def run_report(
    start: str | None, end: str | None, output: str | None, paper: str, data: paths.DataPaths
) -> int:
    zone = local_zone()
    today = utc_now().astimezone(zone).date()
    try:
        low, high = parse_day(start, "--from"), parse_day(end, "--to")
    except ValueError as exc:
        stderr_line(str(exc))
        return EXIT_PROBLEMS
    try:
        store = readonly_history(data)
    except HistoryError as exc:
        stderr_line(str(exc))
        return EXIT_PROBLEMS
    conn = store.conn if store is not None else empty_history()
    try:
        first_row = conn.execute("SELECT MIN(started_at) FROM session").fetchone()[0]
        first = parse_utc(first_row).astimezone(zone).date() if first_row else None
        low = low or default_range(first, today)[0]
        high = high or today
        if high < low:
            stderr_line(_("--to {end} is before --from {start}").format(end=high, start=low))
            return EXIT_PROBLEMS
        report = build_report(
            read_report(conn, low, high, zone), utc_now().astimezone(zone), str(zone)
        )
    except (sqlite3.Error, ValueError) as exc:  # a damaged history: one line, no traceback
        stderr_line(_("the history cannot be read ({reason})").format(reason=exc))
        return EXIT_PROBLEMS
    finally:
        if store is not None:
            store.close()
    target = Path(output).expanduser() if output else Path(f"stretchdesk-report-{high}.pdf")
    if target.is_dir():
        target = target / f"stretchdesk-report-{high}.pdf"
    return _write(report, target, paper)


def _write(report: Report, target: Path, paper: str) -> int:
    def write() -> int:
        from stretchdesk.ui.printing.pdf import write_report  # noqa: PLC0415 - Qt, loaded headless

        return write_report(report, target, paper)

    def saved(pages: int, size: str) -> str:
        return ngettext(
            "Saved the report to {path} ({n} page, {paper}).",
            "Saved the report to {path} ({n} pages, {paper}).",
            pages,
        ).format(path=target, n=pages, paper=size)

    return write_and_tell(write, target, paper, saved)
