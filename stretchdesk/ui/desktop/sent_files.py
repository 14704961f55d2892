"""Routine files someone sent (``stretchdesk FILE.toml``, a drop on the window, Ctrl+O) and
``--routine`` from a second start: checked, offered, and added, one at a time.

Requests are queued and handled from the event loop, never inside the slot that brought
them (a socket's, a drop's): the question asked runs an event loop of its own, and the
socket or the drag may be gone when it returns. A request waits while another question is
open and while the first-run screens (safety, health check) are showing, so opening a file
on the first run never skips them. Adding a routine with pictures copies them on a thread
of its own; the window stays usable and is told the result.
"""

from __future__ import annotations

import html
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from stretchdesk.i18n import _, ngettext
from stretchdesk.routine import Routine, RoutineError, resolve_routine
from stretchdesk.routine.errors import WINDOW_PROBLEMS, problem_count, problem_lines
from stretchdesk.ui.kit import wording
from stretchdesk.ui.routines.routine_folder import RoutineFolder
from stretchdesk.ui.shell.screen_names import Screen

if TYPE_CHECKING:
    from stretchdesk.routine.mine import Added, Examined
    from stretchdesk.ui.routines.add_thread import Adding
    from stretchdesk.ui.shell.shell import Shell

RETRY_MS = 200  # a request waiting for a question to be answered looks again this often
QUIT_WAIT_S = 5.0  # pictures being copied when the app quits: stopped, then waited for
LEFT_OUT_NAMED = 5


class SentFiles(QObject):
    """The window's queue of files to offer and routines to start (``window.sent``)."""

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell.widget)
        self.shell = shell
        self._waiting: deque[tuple[str, str | Path]] = deque()
        self._busy = False
        self._adding: Adding | None = None
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(RETRY_MS)
        self._later.timeout.connect(self._next)
        shell.screens.changed.connect(self._soon)  # the first-run screens are done
        FileDrops(shell, self)
        self.folder: RoutineFolder | None = None  # watch_folder(): made by app.py
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._quitting)

    def watch_folder(self) -> None:
        """Offer the routine files put in the person's folder while the app runs."""
        if self.folder is None:
            self.folder = RoutineFolder(self.shell)

    @property
    def busy(self) -> bool:
        """A request is being handled (an offer is open, or pictures are being copied)."""
        return self._busy

    def open(self, path: Path) -> None:
        """Check ``path`` and offer to add it, as soon as nothing else is being asked."""
        self.shell.bring_to_front()
        self._waiting.append(("open", path))
        self._soon()

    def start(self, id_or_file: str) -> None:
        """``--routine`` from a second start: to that routine's session, as at start."""
        self.shell.bring_to_front()
        self._waiting.append(("routine", id_or_file))
        self._soon()

    def _soon(self) -> None:
        QTimer.singleShot(0, self, self._next)

    def _held(self) -> bool:
        """Not now: a question or a menu is open, or the first-run screens (or the health
        check's answers) are showing."""
        if QApplication.activeModalWidget() is not None or QApplication.activePopupWidget():
            self._later.start()  # nothing says when it closes: look again soon
            return True
        shown = self.shell.screens.shown
        if shown is Screen.HEALTH:
            return True  # answers being given: the first run's, or again from Settings
        first_run = not self.shell.services.prefs.safety_seen
        return first_run and shown is Screen.SAFETY

    def _next(self) -> None:
        if self._busy or not self._waiting or self._held():
            return
        kind, what = self._waiting.popleft()
        self._busy = True
        try:
            if kind == "open":
                assert isinstance(what, Path)
                found = open_file(self.shell, what)
                if found is not None:
                    self._add(found)
            else:
                self._start(str(what))
        finally:
            if self._adding is None:
                self._done()

    def _done(self) -> None:
        self._busy = False
        if self._waiting:
            self._soon()

    # ---------------------------------------------------------------- --routine ID
    def _start(self, id_or_file: str) -> None:
        shell = self.shell
        services = shell.services
        try:
            routine = resolve_routine(
                id_or_file, services.catalog, services.library, services.content.sources
            )
        except RoutineError as exc:
            shown = problem_lines(exc.problems, most=WINDOW_PROBLEMS)
            shell.tell(
                _("The routine {name} cannot be started.").format(name=id_or_file),
                error=True,
                details=shown,
            )
            return
        if shell.session_running():
            shell.tell(
                _("Start “{title}” when this session has ended.").format(title=routine.title)
            )
            return
        if may_leave(shell):
            shell.open_routine(routine)

    # ---------------------------------------------------------------- adding
    def _add(self, found: Examined) -> None:
        folder = self.shell.services.data.routines
        screen = self.shell.screens.shown
        if not found.pictures:  # a few bytes already read: written at once
            from stretchdesk.ui.routines.add_thread import add_words  # noqa: PLC0415

            self._added(found, screen, add_words(found, folder, None))
            return
        from stretchdesk.ui.routines.add_thread import Adding  # noqa: PLC0415 - when a file comes

        self._adding = Adding(found, folder, screen, self.shell.services.data.crash_log)
        self._adding.setParent(self)
        self._adding.finished.connect(self._finished)  # a bound method: on this thread
        self._adding.start()

    def _finished(self, result: Added | str) -> None:
        adding, self._adding = self._adding, None
        if adding is None:
            return
        adding.deleteLater()
        try:
            self._added(adding.found, adding.screen, result)
        finally:
            self._done()

    def _added(self, found: Examined, screen: Screen | None, result: Added | str) -> None:
        shell = self.shell
        routine = found.routine
        assert routine is not None
        if isinstance(result, str):
            shell.tell(
                _("“{title}” was not added, and nothing of it was kept: {reason}").format(
                    title=routine.title, reason=result
                ),
                error=True,
            )
            return
        from stretchdesk.ui.routines.routine_actions import refresh  # noqa: PLC0415

        refresh(shell, routine.id)
        here = shell.screens.shown
        idle = not shell.session_running() and (here is screen or shell.screens.resting)
        if idle and may_leave(shell):
            shell.go_start(routine.id)
        message = _("“{title}” is now one of your routines.").format(title=routine.title)
        if result.left_out:
            names = ", ".join(result.left_out[:LEFT_OUT_NAMED])
            more = len(result.left_out) - LEFT_OUT_NAMED
            if more > 0:
                names += " " + ngettext("and {count} more", "and {count} more", more).format(
                    count=more
                )
            message += " " + ngettext(
                "A file of its picture folders was left out (not a picture it can show): {names}.",
                "Files of its picture folders were left out (not pictures it can show): {names}.",
                len(result.left_out),
            ).format(names=names)
        shell.tell(message)

    def _quitting(self) -> None:
        if self._adding is not None:
            self._adding.stop(QUIT_WAIT_S)


# ---------------------------------------------------------------- the check and the offer
def open_file(shell: Shell, path: Path) -> Examined | None:
    """Check a routine file and offer to add it: the checked file if the person chose to
    add it (``SentFiles`` adds it), else None."""
    from stretchdesk.routine.mine import examine  # noqa: PLC0415 - when a file comes

    shell.bring_to_front()
    if shell.session_running():
        shell.tell(_("Open {name} again when the session has ended.").format(name=path.name))
        return None
    if not may_leave(shell):
        return None
    services = shell.services
    services.finish_routines()  # a routine of the person's with its id would be replaced
    found = examine(path, services.library, services.catalog, services.content.sources)
    if found.routine is None:
        _cannot_be_used(shell.widget, path, found)
        return None
    return found if offer(shell.widget, services.planned_seconds, found) else None


def _cannot_be_used(parent: QWidget, path: Path, found: Examined) -> None:
    """The first problems in the box and a line counting the rest, and more of them under
    its details: a box of thousands of lines would be taller than the screen, its OK
    button out of reach."""
    shown = problem_lines(found.problems, path, WINDOW_PROBLEMS)
    items = "".join(f"<li>{html.escape(line)}</li>" for line in shown)
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        _("Routine not added"),
        "",
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.RichText)  # every word from the file is escaped
    box.setText(
        "<p>"
        + html.escape(_("{name} cannot be used:").format(name=path.name))
        + f"</p><ul>{items}</ul>"
    )
    if problem_count(found.problems) > WINDOW_PROBLEMS:
        box.setDetailedText("\n".join(problem_lines(found.problems, path)))  # plain, scrolls
    box.exec()


def offer_text(found: Examined, seconds: float) -> str:
    """The offer as rich text; every word from the file is escaped."""
    routine = found.routine
    assert routine is not None
    parts = [f"<h3>{html.escape(routine.title)}</h3>"]
    if routine.author:
        parts.append(f"<p><b>{html.escape(routine.author)}</b></p>")
    if routine.note:
        parts.append(f"<p>{html.escape(routine.note)}</p>")
    parts.append(
        f"<p>{html.escape(wording.minutes(seconds))} · "
        f"{html.escape(wording.routine_summary(routine))}</p>"
    )
    parts.append(
        "<p>" + html.escape(", ".join(s.title for s in routine.steps)) + "</p>"
        f"<p>{html.escape(routine.description)}</p>"
    )
    if found.replaces is not None:
        same = _("It has the same id as your routine “{title}” and will replace it.")
        parts.append(f"<p>{html.escape(same.format(title=found.replaces.title))}</p>")
    return "".join(parts)


def offer(parent: QWidget, planned_seconds: Callable[[Routine], float], found: Examined) -> bool:
    """Ask whether to add the routine; True if the person chose to."""
    routine = found.routine
    assert routine is not None
    box = QMessageBox(QMessageBox.Icon.Question, _("Add this routine?"), "", parent=parent)
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(offer_text(found, planned_seconds(routine)))
    word = _("Replace my routine") if found.replaces is not None else _("Add to my routines")
    add = box.addButton(word, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(add)
    box.exec()
    return box.clickedButton() is add


class FileDrops(QObject):
    """Routine files dropped anywhere on the window are offered (at most five at a time),
    once the drop has been handled."""

    def __init__(self, shell: Shell, sent: SentFiles) -> None:
        super().__init__(shell.widget)
        self.shell = shell
        self.sent = sent
        shell.widget.setAcceptDrops(True)
        shell.widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDropEvent)
            if self._files(event) and not self.shell.session_running():
                event.acceptProposedAction()
                return True
        elif event.type() == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            files = self._files(event)
            if files and not self.shell.session_running():
                event.acceptProposedAction()
                for path in files:
                    self.sent.open(path)
                return True
        return False

    @staticmethod
    def _files(event: QDropEvent) -> list[Path]:
        data = event.mimeData()
        if data is None or not data.hasUrls():
            return []
        return [Path(u.toLocalFile()) for u in data.urls() if u.isLocalFile()][:5]


def may_leave(shell: Shell) -> bool:
    """Whether an unsaved routine lets the window go (the routine menu's code loads here)."""
    from stretchdesk.ui.routines.routine_actions import may_leave as asked  # noqa: PLC0415

    return asked(shell)
