"""What the routines screen's "My routines" menu does: new, copy and change, change,
rename, delete, share, and choosing a routine file someone sent (ui/desktop/sent_files.py checks
and offers it). The files are written by routine/mine.py; this asks the person and shows
the result. Every text from a routine is shown as plain text."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFile, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from stretchdesk.atomic import write_whole
from stretchdesk.i18n import N_, _
from stretchdesk.routine import Routine, RoutineError
from stretchdesk.routine.draft import OWN_SOURCE, Draft, check_draft, free_id
from stretchdesk.routine.errors import WINDOW_PROBLEMS, problem_lines
from stretchdesk.routine.mine import draft_of, pictures_of, put_aside, read_sent, save_draft
from stretchdesk.ui.shell.screen_names import Screen

if TYPE_CHECKING:
    from stretchdesk.ui.shell.shell import Shell

ROUTINE_FILTER = N_("stretchdesk routines (*.toml *.stretchdesk);;All files (*)")
SHARED_SUFFIX = ".stretchdesk.toml"
SHARED_FILTER = N_("stretchdesk routine (*.stretchdesk.toml)")


def _taken(shell: Shell) -> set[str]:
    return {r.id for r in shell.services.catalog.routines}


def refresh(shell: Shell, select: str | None = None) -> None:
    """Read the routines again (the routines screen follows) and choose ``select``; a card
    that had the focus hands it to the chosen one."""
    shell.services.reload_routines()
    start = shell.screens.if_built(Screen.START)
    if select is None or start is None:
        return
    had_focus = start.cards.get(start.selected or "") is shell.widget.focusWidget()
    start.select(select)
    if had_focus and shell.screens.shown is Screen.START:
        start.focus_default()


def save(shell: Shell, draft: Draft, path: Path | None) -> tuple[Path, Draft]:
    """Write the builder's draft; a routine saved for the first time takes its id (and
    file name) from its title. Raises OSError when the file cannot be written."""
    if path is None:
        draft = replace(draft, id=free_id(draft.title, _taken(shell)))
    written = save_draft(draft, shell.services.data.routines, path)
    refresh(shell, draft.id)
    return written, draft


def _open_builder(shell: Shell, draft: Draft, path: Path | None, heading: str) -> None:
    shell.builder.edit(draft, path, heading)
    shell.show_screen(Screen.BUILDER)


def new_routine(shell: Shell) -> None:
    draft = Draft(free_id(_("My routine"), _taken(shell)), "", source=OWN_SOURCE)
    _open_builder(shell, draft, None, _("New routine"))


def _plain_box(
    parent: QWidget,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton,
) -> QMessageBox:
    """A question or a warning whose words are shown as they are: a title or a file name
    that looks like markup is never rendered (no picture loaded, no link to click)."""
    box = QMessageBox(icon, title, "", buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    return box


def _problem(parent: QWidget, what: str, exc: RoutineError | OSError) -> None:
    if isinstance(exc, RoutineError):
        reason = "\n".join(problem_lines(exc.problems, most=WINDOW_PROBLEMS))
    else:
        reason = exc.strerror or str(exc)
    box = _plain_box(
        parent,
        QMessageBox.Icon.Warning,
        "stretchdesk",
        f"{what}:\n{reason}",
        QMessageBox.StandardButton.Ok,
    )
    box.exec()


def copy_routine(shell: Shell, routine: Routine) -> None:
    """A new routine of the person's, starting as a copy (built-in ones are never changed)."""
    try:
        draft = draft_of(routine)
    except RoutineError as exc:
        _problem(shell.widget, _("This routine's file cannot be read now"), exc)
        return
    title = _("{title} (my copy)").format(title=routine.title)
    # the copy starts in the words the person reads (a built-in routine's translation; a
    # routine of their own keeps its file's words and its [translation] tables)
    draft = replace(draft, id=free_id(title, _taken(shell)), title=title)
    if routine.builtin:
        draft = replace(draft, description=routine.description, source=routine.source)
    _open_builder(shell, draft, None, _("Copy of {title}").format(title=routine.title))


def change_routine(shell: Shell, routine: Routine) -> None:
    if routine.builtin:
        copy_routine(shell, routine)
        return
    try:
        draft = draft_of(routine)
    except RoutineError as exc:
        _problem(shell.widget, _("This routine's file cannot be read now"), exc)
        return
    heading = _("Change {title}").format(title=routine.title)
    _open_builder(shell, draft, routine.path, heading)


def rename_routine(shell: Shell, routine: Routine) -> None:
    if routine.builtin or routine.path is None:
        return
    title, ok = QInputDialog.getText(
        shell.widget, _("Rename routine"), _("New name:"), QLineEdit.EchoMode.Normal, routine.title
    )
    if not ok or not title.strip() or title.strip() == routine.title:
        return
    try:
        draft = replace(draft_of(routine), title=title.strip())
        _routine, problems = check_draft(draft, shell.services.library, None, routine.path.name)
        if problems:
            raise RoutineError(problems)
        save(shell, draft, routine.path)
    except (RoutineError, OSError) as exc:
        _problem(shell.widget, _("The routine was not renamed"), exc)


def delete_routine(shell: Shell, routine: Routine) -> None:
    """The file, and the folder of pictures that came with it, go to the desktop's
    wastebasket (or a ``deleted`` folder beside them), so a slip can be undone; the history
    of its sessions stays."""
    if routine.builtin or routine.path is None:
        return
    folder = shell.services.data.routines
    pictures = pictures_of(routine, folder, shell.services.catalog.routines)
    question = (
        _(
            "Delete “{title}”?\n\nIts file and its pictures go to the wastebasket; the "
            "history of its sessions stays."
        )
        if pictures
        else _(
            "Delete “{title}”?\n\nIts file goes to the wastebasket; the history of its "
            "sessions stays."
        )
    )
    question = question.format(title=routine.title)
    prefs = shell.services.prefs
    if prefs.sync_folder and prefs.sync_routines:  # (history/sync/routines.py follows)
        question += "\n\n" + _(
            "Your own routines are shared with your other computers: it goes from them "
            "too, into the “deleted” folder of their routines."
        )
    box = _plain_box(
        shell.widget,
        QMessageBox.Icon.Question,
        _("Delete routine"),
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
    )
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    if box.clickedButton() is not box.button(QMessageBox.StandardButton.Yes):
        return
    for path in (routine.path, *pictures):
        try:
            _put_away(path)
        except OSError as exc:
            _problem(shell.widget, _("The routine was not deleted"), exc)
            break
    start = shell.screens.if_built(Screen.START)
    if start is not None:
        start.select(None)
    refresh(shell)


def _put_away(path: Path) -> None:
    """To the wastebasket, or else to a ``deleted`` folder beside it (under a new name if
    one of that name was deleted before). Raises OSError."""
    if QFile.moveToTrash(str(path)):
        return
    put_aside(path)


def share_routine(shell: Shell, routine: Routine) -> None:
    """A copy of the routine's file to send (by e-mail, on a stick): named
    ``<id>.stretchdesk.toml``, the file type that opens in stretchdesk with a double-click."""
    if routine.path is None:
        return
    start = str(Path.home() / f"{routine.id}{SHARED_SUFFIX}")
    name, _kind = QFileDialog.getSaveFileName(
        shell.widget, _("Save a copy to send"), start, _(SHARED_FILTER)
    )
    if not name:
        return
    target = Path(name)
    if not target.name.endswith((SHARED_SUFFIX, ".toml")):
        target = target.with_name(target.name + SHARED_SUFFIX)
    try:  # (read as a routine file is: a file swapped for a pipe is refused, not waited on)
        write_whole(target, read_sent(routine.path, str(routine.path)))
    except (OSError, RoutineError) as exc:
        _problem(shell.widget, _("The copy was not saved (nothing was written)"), exc)
        return
    pictures = any(s.image_dir for s in routine.steps)
    extra = " " + _("Its own pictures are not in the copy.") if pictures else ""
    saved = _("Saved a copy of “{title}” as {path}.").format(title=routine.title, path=target)
    shell.tell(saved + extra)


# ---------------------------------------------------------------- files someone sent
def choose_file(shell: Shell) -> None:
    name, _kind = QFileDialog.getOpenFileName(
        shell.widget, _("Open a routine file"), "", _(ROUTINE_FILTER)
    )
    if name:
        shell.sent.open(Path(name))


def may_leave(shell: Shell) -> bool:
    """False if the builder is showing with changes the person chose not to leave."""
    builder = shell.screens.if_built(Screen.BUILDER)
    if builder is None or shell.screens.shown is not Screen.BUILDER:
        return True
    return builder.may_leave()
