"""Questions before a session: the pain rating, and what to do with an exercise that hurt.

A key meant for something else never answers one: the focus starts on the answer that
changes nothing (Skip, "as usual", Go on), never on a number of the scale, and Esc goes back
to the routines with nothing started (``back``)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from stretchdesk.i18n import _
from stretchdesk.routine.content import SafetyContent
from stretchdesk.session.advice import Suggestion
from stretchdesk.session.avoid import AvoidOffer, Choice
from stretchdesk.ui.kit.pain_scale import PainScale
from stretchdesk.ui.kit.widgets import bullet_html, bullet_list, button, label, reading


def _scrolling_column(screen: QWidget) -> QVBoxLayout:
    """The screen's column, inside a scroll area: nothing is cut on a small screen."""
    inner = QWidget()
    outer = QVBoxLayout(screen)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(reading(inner, screen.accessibleName()))
    return QVBoxLayout(inner)


def esc_goes_back(screen: QWidget, back: SignalInstance) -> QShortcut:
    """Esc on a question before a session: back to the routines, nothing started."""
    shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), screen)
    shortcut.setContext(Qt.ShortcutContext.WindowShortcut)  # (only while the screen shows)
    shortcut.activated.connect(back.emit)
    return shortcut


def pain_scale(content: SafetyContent, skip_text: str = "") -> PainScale:
    texts = content.texts["pain_scale"]
    return PainScale(texts["low"], texts["high"], texts["bands"], skip_text=skip_text or _("Skip"))


class PainBeforeScreen(QWidget):
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
        column = _scrolling_column(self)
        column.setContentsMargins(48, 48, 48, 48)
        column.addWidget(self.routine_title)
        column.addSpacing(24)
        column.addWidget(label(content.text("pain_scale", "question_before"), "title"))
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


class AvoidScreen(QWidget):
    """Last time this exercise was pain-stopped: skip it, shorten its holds, or as usual."""

    answered = Signal(object, object)  # AvoidOffer, Choice
    back = Signal()  # Esc: back to the routines, nothing started

    def __init__(self, content: SafetyContent, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("An exercise that hurt last time"))
        self._esc = esc_goes_back(self, self.back)
        self._content = content
        self.offer: AvoidOffer | None = None
        self.message = label("", "title")
        self.buttons: dict[Choice, QPushButton] = {}
        row = QVBoxLayout()  # one choice under the other: big targets, fits a small screen
        names = {
            Choice.SKIP: content.text("avoid", "skip"),
            Choice.SWAP: content.text("avoid", "swap", other="..."),
            Choice.SHORTER: content.text("avoid", "shorter"),
            Choice.AS_USUAL: content.text("avoid", "as_usual"),
        }
        for choice, text in names.items():
            first = choice in (Choice.SKIP, Choice.SWAP)
            item = button(
                text,
                text,
                _("{choice} in this session").format(choice=text),
                "primary" if first else None,
            )
            item.clicked.connect(lambda _=False, c=choice: self._answer(c))
            row.addWidget(item)
            self.buttons[choice] = item
        column = _scrolling_column(self)
        column.setContentsMargins(48, 48, 48, 48)
        column.addWidget(self.message)
        column.addSpacing(24)
        column.addLayout(row)
        column.addStretch(1)

    def ask(self, offer: AvoidOffer) -> None:
        self.offer = offer
        self.message.setText(self._content.text("avoid", "offer", title=offer.title))
        swap = self._content.text("avoid", "swap", other=offer.other_title)
        self.buttons[Choice.SWAP].setText(swap)
        self.buttons[Choice.SWAP].setAccessibleName(swap)
        for choice, item in self.buttons.items():
            item.setVisible(choice in offer.choices)
        # the answer that changes nothing has the focus: a stray Enter skips nothing
        self.buttons[offer.unchanged].setFocus(Qt.FocusReason.OtherFocusReason)

    def _answer(self, choice: Choice) -> None:
        if self.offer is not None:
            self.answered.emit(self.offer, choice)


def advice_text(content: SafetyContent, suggestion: Suggestion) -> str:
    return content.text("advice", suggestion.concern.value, **dict(suggestion.values))


class AdviceScreen(QWidget):
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
        column = _scrolling_column(self)
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
