"""The pain rating before a session: one press answers, a number or Skip (the focus starts
on Skip); Esc goes back to the routines. The scale is made here for the screens after a
session too."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QWidget

from stretchdesk.i18n import _
from stretchdesk.routine.content import SafetyContent
from stretchdesk.ui.before.question import esc_goes_back, scrolling_column
from stretchdesk.ui.kit.pain_scale import PainScale
from stretchdesk.ui.kit.widgets import label


def pain_scale(content: SafetyContent, skip_text: str = "") -> PainScale:
    texts = content.texts["pain_scale"]
    return PainScale(texts["low"], texts["high"], texts["bands"], skip_text=skip_text or _("Skip"))


class PainBeforeScreen(QFrame):
    """One press answers: a number, or Skip."""

    answered = Signal(object)  # int rating or None
    back = Signal()  # Esc: back to the routines, nothing started

    def __init__(self, content: SafetyContent, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Pain before the session"))
        self._esc = esc_goes_back(self, self.back)
        self.routine_title = label("", "heading")
        self.scale = pain_scale(content)
        self.scale.chosen.connect(lambda n: self.answered.emit(None if n < 0 else n))
        column = scrolling_column(self)
        column.setContentsMargins(48, 48, 48, 48)
        column.addWidget(self.routine_title)
        column.addSpacing(24)
        question = content.text("pain_scale", "question_before")
        self.scale.setAccessibleName(question)  # the group is named after its question
        column.addWidget(label(question, "title"))
        column.addWidget(label(_("Optional: it helps you see how your back changes."), "muted"))
        column.addSpacing(24)
        column.addWidget(self.scale)
        scale = content.sources_of("pain_scale")
        column.addWidget(label(_("Scale: {sources}").format(sources=scale), "small"))
        column.addStretch(1)

    def ask(self, routine_title: str) -> None:
        self.routine_title.setText(routine_title)
        self.scale.clear()
        self.scale.skip.setFocus(Qt.FocusReason.OtherFocusReason)  # never a number
