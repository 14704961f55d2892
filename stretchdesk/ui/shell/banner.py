"""A non-blocking strip across the top of the window for problems the user should know of."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from stretchdesk.i18n import _
from stretchdesk.ui.kit.widgets import button, label, restyle


class Banner(QFrame):
    """Shows one or more messages; Dismiss hides them. Never takes focus on its own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "banner")
        self.setAccessibleName(_("Notice"))
        self._text = label("")
        self._details = label("", "small")
        self.dismiss = button(_("Dismiss"), _("Dismiss notice"), _("Hide this notice"))
        self.dismiss.clicked.connect(self.clear)
        column = QVBoxLayout()
        column.addWidget(self._text)
        column.addWidget(self._details)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 8, 16, 8)
        row.addLayout(column, 1)
        row.addWidget(self.dismiss)
        self.messages: list[str] = []
        self.hide()

    def add(self, message: str, *, error: bool = False, details: list[str] | None = None) -> None:
        if message in self.messages:
            return
        self.messages.append(message)
        self._text.setText("\n".join(self.messages))
        if details:  # every one: a settings file has a dozen settings at the most
            previous = self._details.text()
            self._details.setText("\n".join(([previous] if previous else []) + details))
        self._details.setVisible(bool(self._details.text()))
        if error:
            self.setProperty("error", "true")
            restyle(self)
        self.setAccessibleDescription(" ".join(self.messages))
        self.show()

    def remove(self, message: str) -> None:
        """Take back one message (what it said is no longer true); hidden when none is left."""
        if message not in self.messages:
            return
        self.messages.remove(message)
        if not self.messages:
            self.clear()
            return
        self._text.setText("\n".join(self.messages))
        self.setAccessibleDescription(" ".join(self.messages))

    @property
    def text(self) -> str:
        return self._text.text()

    def clear(self) -> None:
        self.messages = []
        self._text.setText("")
        self._details.setText("")
        self.setProperty("error", "false")
        restyle(self)
        self.hide()
