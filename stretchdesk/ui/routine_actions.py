"""What the routines screen's "My routines" menu does: new, copy and change, change,
rename, delete, and opening a routine file someone sent (from the menu, a drop on the
window, or ``stretchdesk FILE.toml``). The files are written by routine/mine.py; this asks
the person and shows the result."""

from __future__ import annotations

import html
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QFile, QObject
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox

from stretchdesk.i18n import N_, _
from stretchdesk.routine import Routine, RoutineError
from stretchdesk.routine.draft import OWN_SOURCE, Draft, check_draft, free_id
from stretchdesk.routine.errors import WINDOW_PROBLEMS, problem_lines
from stretchdesk.routine.mine import (
    Examined,
    add_to_mine,
    draft_of,
    examine,
    save_draft,
    write_whole,
)
from stretchdesk.ui import wording

if TYPE_CHECKING:
    from stretchdesk.ui.main_window import MainWindow

ROUTINE_FILTER = N_("stretchdesk routines (*.toml *.stretchdesk);;All files (*)")
SHARED_SUFFIX = ".stretchdesk.toml"
SHARED_FILTER = N_("stretchdesk routine (*.stretchdesk.toml)")


def _taken(window: MainWindow) -> set[str]:
    return {r.id for r in window.services.catalog.routines}


def refresh(window: MainWindow, select: str | None = None) -> None:
    window.services.reload_routines()
    if "start" in window.built_screens:
        catalog = window.services.catalog
        window.start.show_routines(window.services.routine_cards(), catalog.invalid)
        if select is not None:
            window.start.select(select)


def save(window: MainWindow, draft: Draft, path: Path | None) -> tuple[Path, Draft]:
    """Write the builder's draft; a routine saved for the first time takes its id (and
    file name) from its title. Raises OSError when the file cannot be written."""
    if path is None:
        draft = replace(draft, id=free_id(draft.title, _taken(window)))
    written = save_draft(draft, window.services.data.routines, path)
    refresh(window, draft.id)
    return written, draft


def _open_builder(window: MainWindow, draft: Draft, path: Path | None, heading: str) -> None:
    window.builder.edit(draft, path, heading)
    window.show_screen(window.builder)


def new_routine(window: MainWindow) -> None:
    draft = Draft(free_id(_("My routine"), _taken(window)), "", source=OWN_SOURCE)
    _open_builder(window, draft, None, _("New routine"))


def _problem(window: MainWindow, what: str, exc: RoutineError | OSError) -> None:
    if isinstance(exc, RoutineError):
        reason = "\n".join(problem_lines(exc.problems, most=WINDOW_PROBLEMS))
    else:
        reason = exc.strerror or str(exc)
    QMessageBox.warning(window, "stretchdesk", f"{what}:\n{reason}")


def copy_routine(window: MainWindow, routine: Routine) -> None:
    """A new routine of the person's, starting as a copy (built-in ones are never changed)."""
    try:
        draft = draft_of(routine)
    except RoutineError as exc:
        _problem(window, _("This routine's file cannot be read now"), exc)
        return
    title = _("{title} (my copy)").format(title=routine.title)
    # the copy starts in the words the person reads (a built-in routine's translation; a
    # routine of their own keeps its file's words and its [translation] tables)
    draft = replace(draft, id=free_id(title, _taken(window)), title=title)
    if routine.builtin:
        draft = replace(draft, description=routine.description, source=routine.source)
    _open_builder(window, draft, None, _("Copy of {title}").format(title=routine.title))


def change_routine(window: MainWindow, routine: Routine) -> None:
    if routine.builtin:
        copy_routine(window, routine)
        return
    try:
        draft = draft_of(routine)
    except RoutineError as exc:
        _problem(window, _("This routine's file cannot be read now"), exc)
        return
    heading = _("Change {title}").format(title=routine.title)
    _open_builder(window, draft, routine.path, heading)


def rename_routine(window: MainWindow, routine: Routine) -> None:
    if routine.builtin or routine.path is None:
        return
    title, ok = QInputDialog.getText(
        window, _("Rename routine"), _("New name:"), QLineEdit.EchoMode.Normal, routine.title
    )
    if not ok or not title.strip() or title.strip() == routine.title:
        return
    try:
        draft = replace(draft_of(routine), title=title.strip())
        _routine, problems = check_draft(draft, window.services.library, None, routine.path.name)
        if problems:
            raise RoutineError(problems)
        save(window, draft, routine.path)
    except (RoutineError, OSError) as exc:
        _problem(window, _("The routine was not renamed"), exc)


def delete_routine(window: MainWindow, routine: Routine) -> None:
    """The file goes to the desktop's wastebasket (or a ``deleted`` folder beside it), so a
    slip can be undone; the history of its sessions stays."""
    if routine.builtin or routine.path is None:
        return
    answer = QMessageBox.question(
        window,
        _("Delete routine"),
        _(
            "Delete “{title}”?\n\nIts file goes to the wastebasket; the history of its "
            "sessions stays."
        ).format(title=routine.title),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return
    path = routine.path
    if not QFile.moveToTrash(str(path)):
        folder = path.parent / "deleted"
        try:
            folder.mkdir(exist_ok=True)
            path.replace(folder / path.name)
        except OSError as exc:
            _problem(window, _("The routine was not deleted"), exc)
            return
    window.start.select(None)
    refresh(window)


def share_routine(window: MainWindow, routine: Routine) -> None:
    """A copy of the routine's file to send (by e-mail, on a stick): named
    ``<id>.stretchdesk.toml``, the file type that opens in stretchdesk with a double-click."""
    if routine.path is None:
        return
    start = str(Path.home() / f"{routine.id}{SHARED_SUFFIX}")
    name, _kind = QFileDialog.getSaveFileName(
        window, _("Save a copy to send"), start, _(SHARED_FILTER)
    )
    if not name:
        return
    target = Path(name)
    if not target.name.endswith((SHARED_SUFFIX, ".toml")):
        target = target.with_name(target.name + SHARED_SUFFIX)
    try:
        write_whole(target, routine.path.read_bytes())
    except OSError as exc:
        _problem(window, _("The copy was not saved (nothing was written)"), exc)
        return
    pictures = any(s.image_dir for s in routine.steps)
    extra = " " + _("Its own pictures are not in the copy.") if pictures else ""
    saved = _("Saved a copy of “{title}” as {path}.").format(title=routine.title, path=target)
    window.banner.add(saved + extra)


# ---------------------------------------------------------------- files someone sent
def choose_file(window: MainWindow) -> None:
    name, _kind = QFileDialog.getOpenFileName(
        window, _("Open a routine file"), "", _(ROUTINE_FILTER)
    )
    if name:
        open_file(window, Path(name))


def may_leave(window: MainWindow) -> bool:
    """False if the builder is showing with changes the person chose not to leave."""
    if "builder" not in window.built_screens or window.current is not window.builder:
        return True
    return window.builder.may_leave()


def open_file(window: MainWindow, path: Path) -> None:
    """Check a routine file and offer to add it to the person's routines."""
    window.bring_to_front()
    if window.session_running():
        window.banner.add(_("Open {name} again when the session has ended.").format(name=path.name))
        return
    if not may_leave(window):
        return
    services = window.services
    services.finish_routines()  # a routine of the person's with its id would be replaced
    found = examine(path, services.library, services.catalog, services.content.sources)
    if found.routine is None:
        shown = problem_lines(found.problems, path, WINDOW_PROBLEMS)
        lines = "".join(f"<li>{html.escape(line)}</li>" for line in shown)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            _("Routine not added"),
            "",
            QMessageBox.StandardButton.Ok,
            window,
        )
        box.setText(
            "<p>"
            + _("{name} cannot be used:").format(name=html.escape(path.name))
            + f"</p><ul>{lines}</ul>"
        )
        box.exec()
        return
    offer(window, found)


def offer_text(found: Examined, seconds: float) -> str:
    routine = found.routine
    assert routine is not None
    parts = [f"<h3>{html.escape(routine.title)}</h3>"]
    if routine.author:
        parts.append(f"<p><b>{html.escape(routine.author)}</b></p>")
    if routine.note:
        parts.append(f"<p>{html.escape(routine.note)}</p>")
    parts.append(
        f"<p>{wording.minutes(seconds)} · {html.escape(wording.routine_summary(routine))}</p>"
    )
    parts.append(
        "<p>" + html.escape(", ".join(s.title for s in routine.steps)) + "</p>"
        f"<p>{html.escape(routine.description)}</p>"
    )
    if found.replaces is not None:
        same = _("It has the same id as your routine “{title}” and will replace it.")
        parts.append(f"<p>{same.format(title=html.escape(found.replaces.title))}</p>")
    return "".join(parts)


def offer(window: MainWindow, found: Examined) -> None:
    routine = found.routine
    assert routine is not None
    services = window.services
    box = QMessageBox(QMessageBox.Icon.Question, _("Add this routine?"), "", parent=window)
    box.setText(offer_text(found, services.planned_seconds(routine)))
    word = _("Replace my routine") if found.replaces is not None else _("Add to my routines")
    add = box.addButton(word, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(add)
    box.exec()
    if box.clickedButton() is not add:
        return
    try:
        add_to_mine(found, services.data.routines)
    except OSError as exc:
        _problem(window, _("The routine was not added (nothing was written)"), exc)
        return
    refresh(window, routine.id)
    window.go_start()
    window.start.select(routine.id)
    window.banner.add(_("“{title}” is now one of your routines.").format(title=routine.title))


class FileDrops(QObject):
    """Routine files dropped anywhere on the window are opened (one at a time)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDropEvent)
            if self._files(event) and not self.window.session_running():
                event.acceptProposedAction()
                return True
        elif event.type() == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            files = self._files(event)
            if files and not self.window.session_running():
                event.acceptProposedAction()
                for path in files:
                    open_file(self.window, path)
                return True
        return False

    @staticmethod
    def _files(event: QDropEvent) -> list[Path]:
        data = event.mimeData()
        if data is None or not data.hasUrls():
            return []
        return [Path(u.toLocalFile()) for u in data.urls() if u.isLocalFile()][:5]
