"""What the person's own history suggests before a session: read, then go on (the focus
starts there) or not today; Esc goes back to the routines."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from stretchdesk.i18n import _
from stretchdesk.routine.content import SafetyContent
from stretchdesk.session.advice import Suggestion
from stretchdesk.ui.before.question import esc_goes_back, scrolling_column
from stretchdesk.ui.kit.widgets import bullet_html, bullet_list, button, label


def advice_text(content: SafetyContent, suggestion: Suggestion) -> str:
    return content.text("advice", suggestion.concern.value, **dict(suggestion.values))


class AdviceScreen(QFrame):
    """What the person's own history suggests: read, then go on or not today. Never blocks."""

    answered = Signal(bool)  # True: go on
    back = Signal()  # Esc: back to the routines, nothing started

    def __init__(self, content: SafetyContent, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("A suggestion before you start"))
        self._esc = esc_goes_back(self, self.back)
        self._content = content
        self.lines = bullet_list([], "lead")
        self.go_on = button(
            content.text("advice", "go_on"), _("Go on"), _("Carry on to the session"), "primary"
        )
        self.go_on.clicked.connect(lambda: self.answered.emit(True))
        self.not_today = button(
            content.text("advice", "not_today"),
            _("Not today"),
            _("Back to the routines; nothing is started"),
        )
        self.not_today.clicked.connect(lambda: self.answered.emit(False))
        row = QHBoxLayout()
        row.addWidget(self.go_on)
        row.addWidget(self.not_today)
        row.addStretch(1)
        column = scrolling_column(self)
        column.setContentsMargins(48, 48, 48, 48)
        column.addWidget(label(content.text("advice", "title"), "title"))
        column.addSpacing(16)
        column.addWidget(self.lines)
        column.addWidget(label(content.text("advice", "keep_active"), "lead"))
        column.addSpacing(24)
        column.addLayout(row)
        based = content.sources_of("advice")
        column.addWidget(label(_("Based on: {sources}").format(sources=based), "small"))
        column.addStretch(1)

    def ask(self, suggestions: tuple[Suggestion, ...]) -> None:
        self.lines.setText(bullet_html([advice_text(self._content, s) for s in suggestions]))
        self.go_on.setFocus(Qt.FocusReason.OtherFocusReason)
