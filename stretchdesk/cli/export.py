"""``stretchdesk export``: the session history as CSV or JSON for a clinician, on stdout
(its controls written out on a terminal) or into a file written whole; the history is only
read."""

from __future__ import annotations

import io
import sqlite3
import sys
from pathlib import Path

from stretchdesk import paths
from stretchdesk.cli.common import EXIT_OK, EXIT_PROBLEMS, printable, readonly_history, stderr_line
from stretchdesk.history import HistoryError, HistoryStore
from stretchdesk.history.schema import empty_history
from stretchdesk.i18n import _, ngettext


def _connection(store: HistoryStore | None) -> sqlite3.Connection:
    return store.conn if store is not None else empty_history()


def run_export(fmt: str, steps: bool, output: str | None, data: paths.DataPaths) -> int:
    from stretchdesk.history.export import export_to_file, write_export  # noqa: PLC0415

    try:
        store = readonly_history(data)
    except HistoryError as exc:
        stderr_line(str(exc))
        return EXIT_PROBLEMS
    if store is None:
        stderr_line(
            _("there is no history yet in {folder}; the export is empty").format(folder=data.root)
        )
    try:
        if output is None and sys.stdout.isatty():  # a terminal: its controls written out
            shown = io.StringIO()
            count = write_export(_connection(store), shown, fmt, steps)
            sys.stdout.write(printable(shown.getvalue(), lines=True))
            sys.stdout.flush()
        elif output is None:
            count = write_export(_connection(store), sys.stdout, fmt, steps)
            sys.stdout.flush()
        else:
            count = export_to_file(_connection(store), Path(output), fmt, steps)
            if fmt == "csv":
                done = ngettext("exported {n} row to {path}", "exported {n} rows to {path}", count)
            else:
                done = ngettext(
                    "exported {n} session to {path}", "exported {n} sessions to {path}", count
                )
            stderr_line(done.format(n=count, path=output))
    except OSError as exc:
        stderr_line(_("could not write the export: {reason}").format(reason=exc.strerror or exc))
        return EXIT_PROBLEMS
    finally:
        if store is not None:
            store.close()
    return EXIT_OK
