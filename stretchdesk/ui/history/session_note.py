"""A note written on a session afterwards, from History: the selected session's (Enter or a
double click on its row, or the "Note…" button), in a dialog holding the note it has. The
note is saved by the function given (the history's writer); what it answers is said on the
History screen, and the text is offered again if it could not be saved."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QInputDialog, QPlainTextEdit, QWidget

from stretchdesk.i18n import _

MAX_NOTE = 2000  # as the history keeps it


class NoteDialog(QInputDialog):
    def __init__(self, parent: QWidget, about: str, note: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Note on a session"))
        self.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput, True)
        self.setLabelText(
            _("Your note on {session} (it is kept in your history and its report):").format(
                session=about
            )
        )
        self.setTextValue(note)
        for edit in self.findChildren(QPlainTextEdit):
            edit.setTabChangesFocus(True)  # Tab goes on to Save, as everywhere else
            edit.setAccessibleName(_("Note on a session"))
        self.setOkButtonText(_("&Save note"))  # Alt+S, from the note itself
        self.setCancelButtonText(_("&Cancel"))
        self.setAccessibleName(_("Note on a session"))


def ask_note(
    parent: QWidget,
    about: str,
    note: str,
    save: Callable[[str], str | None],
    again: Callable[[str], None],
) -> NoteDialog:
    """Open the dialog (not blocking); ``save`` answers None once saved, else a sentence
    (then ``again`` is given the words, to offer them again)."""
    dialog = NoteDialog(parent, about, note)

    def chosen(text: str) -> None:
        if save(text.strip()[:MAX_NOTE]) is not None:
            again(text)  # the words are not lost

    dialog.textValueSelected.connect(chosen)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
